/* walk.c - finding the files to import (see walk.h). */
#include <config.h>

#include "import/walk.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/array.h"
#include "util/i18n.h"

/* Endings of names tried without a look inside. */
static const char *const json_endings[] = {
	".json", ".json.gz", ".gz", ".jsonl", ".ndjson", ".log", NULL
};

/* Endings that say "not a trail file": skipped unless named.  Plain
 * ".txt" is not among them: documentation snippets and hand-saved
 * console output are often JSON in a .txt, and the first bytes decide. */
static const char *const other_endings[] = {
	".md",   ".html", ".htm", ".csv",  ".pdf", ".png", ".jpg",
	".jpeg", ".gif",  ".svg",  ".zip", ".tar",  ".tgz", ".xz",  ".bz2",
	".zst",  ".py",   ".sh",   ".c",   ".h",    ".yml", ".yaml", ".toml",
	".xml",  ".exe",  ".so",   ".db",  ".sqlite", ".parquet", ".swp",
	".tmp",  ".part", NULL
};

static bool ends_with(const char *s, const char *end)
{
	size_t n = strlen(s), m = strlen(end);
	return n >= m && strcasecmp(s + n - m, end) == 0;
}

bool walk_name_is_json(const char *name, bool *maybe)
{
	*maybe = false;
	for (size_t i = 0; json_endings[i]; i++)
		if (ends_with(name, json_endings[i]))
			return true;
	/* Dot files (.DS_Store, .gitignore) and known other kinds. */
	if (name[0] == '.' || strcmp(name, "README") == 0 ||
	    strcmp(name, "LICENSE") == 0)
		return false;
	for (size_t i = 0; other_endings[i]; i++)
		if (ends_with(name, other_endings[i]))
			return false;
	*maybe = true;
	return false;
}

bool walk_bytes_look_like_json(const unsigned char *p, size_t n)
{
	size_t i = 0;
	if (n >= 2 && p[0] == 0x1f && p[1] == 0x8b)
		return true;
	if (n >= 3 && p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf)
		i = 3; /* a UTF-8 byte order mark */
	while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\n' ||
	                 p[i] == '\r'))
		i++;
	return i < n && (p[i] == '{' || p[i] == '[');
}

static bool first_bytes_look_like_json(const char *path)
{
	unsigned char head[512];
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return true; /* let the import say why it cannot be read */
	ssize_t n = read(fd, head, sizeof head);
	close(fd);
	return n > 0 && walk_bytes_look_like_json(head, (size_t)n);
}

struct seen;

/* `typed_root` followed by what `path` holds past its first `root_len`
 * bytes, with no doubled slash where the two meet. */
static char *shown_path(const char *typed_root, size_t root_len,
                        const char *path)
{
	if (!typed_root)
		return strdup(path);
	const char *rest = path + root_len;
	size_t tlen = strlen(typed_root);
	if (tlen && typed_root[tlen - 1] == '/' && rest[0] == '/')
		rest++;
	size_t len = tlen + strlen(rest) + 1;
	char *shown = malloc(len);
	if (shown)
		snprintf(shown, len, "%s%s", typed_root, rest);
	return shown;
}

char *walk_file_shown(const struct walk_file *f)
{
	return shown_path(f->typed_root, f->canon_root_len, f->path);
}

struct walker {
	struct walk_result *r;
	struct seen *seen;
	const char *typed_root; /* the named path being walked, */
	size_t canon_root_len;  /* and the length of its canonical form */
	size_t roots_cap;
};

/* Problems name the path as typed: it is what the person can act on. */
static int add_problem(struct walker *w, const char *path,
                       const char *reason)
{
	struct walk_result *r = w->r;
	if (array_reserve((void **)&r->problems, r->nproblems, &r->pcap,
	                  sizeof *r->problems, 8) < 0)
		return -1;
	struct walk_problem *p = &r->problems[r->nproblems];
	p->path = shown_path(w->typed_root, w->canon_root_len, path);
	p->reason = strdup(reason);
	if (!p->path || !p->reason) {
		free(p->path);
		free(p->reason);
		return -1;
	}
	r->nproblems++;
	return 0;
}

static int add_file(struct walker *w, const char *path,
                    const struct stat *st, bool named)
{
	struct walk_result *r = w->r;
	if (array_reserve((void **)&r->files, r->nfiles, &r->cap,
	                  sizeof *r->files, 64) < 0)
		return -1;
	struct walk_file *f = &r->files[r->nfiles];
	f->path = strdup(path);
	if (!f->path)
		return -1;
	f->size = st ? (int64_t)st->st_size : 0;
	f->mtime_ns = st ? (int64_t)st->st_mtim.tv_sec * 1000000000 +
	                           st->st_mtim.tv_nsec
	                 : 0;
	f->typed_root = w->typed_root;
	f->canon_root_len = w->canon_root_len;
	f->named = named;
	f->stream = !st || S_ISFIFO(st->st_mode) || S_ISCHR(st->st_mode);
	r->nfiles++;
	return 0;
}

/* Directories already entered and regular files already taken, by
 * (device, inode): a symbolic link back up the tree leads to one of them,
 * and is not followed again; a file met twice is taken once. */
struct seen {
	struct { dev_t dev; ino_t ino; bool used; } *slot;
	size_t cap, count;
};

static size_t seen_hash(dev_t dev, ino_t ino, size_t cap)
{
	uint64_t h = ((uint64_t)dev * 0x9e3779b97f4a7c15ULL) ^ (uint64_t)ino;
	h ^= h >> 29;
	return (size_t)(h * 0xbf58476d1ce4e5b9ULL) & (cap - 1);
}

/* Adds the directory; returns 1 when new, 0 when seen before, -1 on no
 * memory. */
static int seen_add(struct seen *s, dev_t dev, ino_t ino)
{
	if ((s->count + 1) * 2 > s->cap) {
		struct seen bigger = { NULL, s->cap ? s->cap * 2 : 64, 0 };
		bigger.slot = calloc(bigger.cap, sizeof *bigger.slot);
		if (!bigger.slot)
			return -1;
		for (size_t i = 0; i < s->cap; i++)
			if (s->slot[i].used)
				seen_add(&bigger, s->slot[i].dev, s->slot[i].ino);
		free(s->slot);
		*s = bigger;
	}
	size_t i = seen_hash(dev, ino, s->cap);
	for (; s->slot[i].used; i = (i + 1) & (s->cap - 1))
		if (s->slot[i].dev == dev && s->slot[i].ino == ino)
			return 0;
	s->slot[i].dev = dev;
	s->slot[i].ino = ino;
	s->slot[i].used = true;
	s->count++;
	return 1;
}

static int walk_one(struct walker *w, const char *path, bool named);

/* A directory entry: its name, and whether it is a symbolic link (or
 * may be: some file systems do not say). */
struct entry {
	char *name;
	bool link;
};

static int compare_entries(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->name,
	              ((const struct entry *)b)->name);
}

static void free_entries(struct entry *e, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(e[i].name);
	free(e);
}

/* The entries of a directory, sorted, so that imports run in the same
 * order every time. */
static struct entry *list_dir(DIR *d, size_t *n)
{
	struct entry *entries = NULL;
	size_t cap = 0;
	struct dirent *e;
	*n = 0;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (array_reserve((void **)&entries, *n, &cap, sizeof *entries,
		                  32) < 0)
			goto nomem;
		entries[*n].link = e->d_type == DT_LNK || e->d_type == DT_UNKNOWN;
		if (!(entries[*n].name = strdup(e->d_name)))
			goto nomem;
		(*n)++;
	}
	/* An empty directory has no array at all, and qsort() must not be
	 * handed NULL even for no elements. */
	if (*n)
		qsort(entries, *n, sizeof *entries, compare_entries);
	return entries ? entries : calloc(1, sizeof *entries);
nomem:
	free_entries(entries, *n);
	return NULL;
}

/* A symbolic link met inside a walked directory is followed under the
 * canonical path of what it leads to, as a named path is: the ledger
 * knows a file by one name however it is reached, so that importing
 * the link's target directly later finds it unchanged rather than
 * storing it again.  What is found there is shown by that path too: it
 * may lie outside the named path altogether. */
static int walk_link(struct walker *w, const char *path)
{
	struct stat st;
	if (lstat(path, &st) == 0 && !S_ISLNK(st.st_mode))
		return walk_one(w, path, false); /* DT_UNKNOWN, not a link */
	char *canon = realpath(path, NULL);
	if (!canon) /* dangling, or a loop of links: said as before */
		return walk_one(w, path, false);
	const char *typed_root = w->typed_root;
	size_t canon_root_len = w->canon_root_len;
	w->typed_root = NULL;
	w->canon_root_len = 0;
	int rc = walk_one(w, canon, false);
	w->typed_root = typed_root;
	w->canon_root_len = canon_root_len;
	free(canon);
	return rc;
}

static int walk_dir(struct walker *w, const char *path)
{
	DIR *d = opendir(path);
	if (!d)
		return add_problem(w, path, strerror(errno));
	size_t n;
	struct entry *entries = list_dir(d, &n);
	closedir(d);
	if (!entries)
		return -1;
	int rc = 0;
	bool slash = path[strlen(path) - 1] == '/';
	for (size_t i = 0; rc == 0 && i < n; i++) {
		size_t len = strlen(path) + strlen(entries[i].name) + 2;
		char *child = malloc(len);
		if (!child) {
			rc = -1;
			break;
		}
		snprintf(child, len, "%s%s%s", path, slash ? "" : "/",
		         entries[i].name);
		rc = entries[i].link ? walk_link(w, child)
		                     : walk_one(w, child, false);
		free(child);
	}
	free_entries(entries, n);
	return rc;
}

/* Whether an unnamed regular file is worth trying. */
static bool worth_trying(const char *path)
{
	const char *slash = strrchr(path, '/');
	bool maybe;
	if (walk_name_is_json(slash ? slash + 1 : path, &maybe))
		return true;
	return maybe && first_bytes_look_like_json(path);
}

static int walk_one(struct walker *w, const char *path, bool named)
{
	struct stat st;
	if (stat(path, &st) < 0) {
		/* A dangling link, or a loop of links, met on the way is not
		 * worth a complaint: there is no file behind it. */
		if (!named && (errno == ENOENT || errno == ELOOP)) {
			w->r->skipped++;
			return 0;
		}
		return add_problem(w, path, strerror(errno));
	}
	if (S_ISDIR(st.st_mode)) {
		int fresh = seen_add(w->seen, st.st_dev, st.st_ino);
		return fresh < 0 ? -1 : fresh ? walk_dir(w, path) : 0;
	}
	if (named && (S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode)))
		return add_file(w, path, &st, named); /* read as it comes */
	if (!S_ISREG(st.st_mode)) {
		if (named)
			return add_problem(w, path, _("not a regular file"));
		w->r->skipped++;
		return 0;
	}
	if (!named && !worth_trying(path)) {
		w->r->skipped++;
		return 0;
	}
	/* A file reached twice (named and inside a named directory, or
	 * through a link) is one file: read once, one ledger entry. */
	int fresh = seen_add(w->seen, st.st_dev, st.st_ino);
	return fresh < 0 ? -1 : fresh ? add_file(w, path, &st, named) : 0;
}

bool walk_path_is_stream(const char *path)
{
	struct stat st;
	return strcmp(path, "-") == 0 ||
	       (stat(path, &st) == 0 &&
	        (S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode)));
}

/* Walks one named path under its canonical name (realpath(): absolute,
 * no symbolic links, no "." or ".."); a path that has none is walked as
 * typed, and the walk says why it cannot be read. */
static int walk_named(struct walker *w, const char *typed)
{
	struct walk_result *r = w->r;
	if (array_reserve((void **)&r->roots, r->nroots, &w->roots_cap,
	                  sizeof *r->roots, 4) < 0)
		return -1;
	char *root = strdup(typed);
	if (!root)
		return -1;
	r->roots[r->nroots++] = root;
	char *canon = realpath(typed, NULL);
	w->typed_root = root;
	w->canon_root_len = strlen(canon ? canon : typed);
	int rc = walk_one(w, canon ? canon : typed, true);
	free(canon);
	return rc;
}

int walk_paths(char *const *paths, size_t npaths, struct walk_result *out)
{
	struct seen seen = { NULL, 0, 0 };
	struct walker w = { out, &seen, NULL, 0, 0 };
	memset(out, 0, sizeof *out);
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < npaths; i++) {
		if (strcmp(paths[i], "-") == 0) {
			w.typed_root = NULL;
			w.canon_root_len = 0;
			rc = add_file(&w, "-", NULL, true);
		} else {
			rc = walk_named(&w, paths[i]);
		}
	}
	free(seen.slot);
	return rc;
}

void walk_result_free(struct walk_result *r)
{
	for (size_t i = 0; i < r->nfiles; i++)
		free(r->files[i].path);
	for (size_t i = 0; i < r->nproblems; i++) {
		free(r->problems[i].path);
		free(r->problems[i].reason);
	}
	for (size_t i = 0; i < r->nroots; i++)
		free(r->roots[i]);
	free(r->files);
	free(r->problems);
	free(r->roots);
	memset(r, 0, sizeof *r);
}
