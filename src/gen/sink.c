/* sink.c - gzip files under the output directory (see sink.h). */
#include <config.h>

#include "gen/sink.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/i18n.h"

/* Describes a failure in the sink's err ("... '%s': %s" with the path
 * and errno's text) and evaluates to -1.  A macro so the translated
 * format stays visible to the compiler's format checks. */
#define FAIL(s, fmt, path, e)                                               \
	(snprintf((s)->err, (s)->errlen, fmt, path, strerror(e)), -1)

/* mkdir -p: creates every missing folder of `path` (modified in place and
 * restored). */
static int make_dirs(char *path)
{
	for (char *p = path + 1;; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char c = *p;
		*p = '\0';
		int rc = mkdir(path, 0755);
		int e = errno;
		struct stat st;
		if (rc < 0 && (e != EEXIST || stat(path, &st) < 0 ||
		               !S_ISDIR(st.st_mode))) {
			errno = e == EEXIST ? ENOTDIR : e;
			*p = c;
			return -1;
		}
		*p = c;
		if (c == '\0')
			return 0;
	}
}

/* True when DIR/AWSLogs exists and holds anything. */
static bool has_trail(const char *dir)
{
	size_t n = strlen(dir) + sizeof "/AWSLogs";
	char *p = malloc(n);
	if (!p)
		return false;
	snprintf(p, n, "%s/AWSLogs", dir);
	DIR *d = opendir(p);
	free(p);
	if (!d)
		return false;
	bool any = false;
	struct dirent *e;
	while (!any && (e = readdir(d)) != NULL)
		any = strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
	closedir(d);
	return any;
}

static int init_deflate(struct sink *s)
{
	/* windowBits 31: a gzip header and trailer, as .json.gz files have;
	 * the header's time is zero, so output is reproducible. */
	if (deflateInit2(&s->z, 6, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY) !=
	    Z_OK)
		return FAIL(s, _("cannot set up compression for '%s': %s"),
		            s->dir, ENOMEM);
	s->z_ready = true;
	return 0;
}

int sink_clone(struct sink *s, const struct sink *src, char *err,
               size_t errlen)
{
	memset(s, 0, sizeof *s);
	s->err = err;
	s->errlen = errlen;
	buf_init(&s->path);
	s->dir = strdup(src->dir);
	if (!s->dir)
		return FAIL(s, _("cannot write under '%s': %s"), src->dir, ENOMEM);
	return init_deflate(s);
}

int sink_open(struct sink *s, const char *dir, bool force, char *err,
              size_t errlen)
{
	memset(s, 0, sizeof *s);
	s->err = err;
	s->errlen = errlen;
	buf_init(&s->path);
	s->dir = strdup(*dir ? dir : ".");
	if (!s->dir)
		return FAIL(s, _("cannot write under '%s': %s"), dir, ENOMEM);
	if (make_dirs(s->dir) < 0)
		return FAIL(s, _("cannot create directory '%s': %s"), s->dir,
		            errno);
	if (!force && has_trail(s->dir)) {
		snprintf(err, errlen,
		         _("'%s' already holds a trail in AWSLogs/: remove it, "
		           "choose another directory, or use --force"),
		         s->dir);
		return -1;
	}
	return init_deflate(s);
}

static int compress_into(struct sink *s, const void *data, size_t n)
{
	size_t need = deflateBound(&s->z, (uLong)n);
	if (need > s->gz_cap) {
		unsigned char *p = realloc(s->gz, need);
		if (!p)
			return -1;
		s->gz = p;
		s->gz_cap = need;
	}
	if (deflateReset(&s->z) != Z_OK)
		return -1;
	s->z.next_in = (Bytef *)(uintptr_t)data;
	s->z.avail_in = (uInt)n;
	s->z.next_out = s->gz;
	s->z.avail_out = (uInt)s->gz_cap;
	return deflate(&s->z, Z_FINISH) == Z_STREAM_END ? 0 : -1;
}

/* Opens path for writing; on failure, the error is in the sink's err. */
static int open_file(struct sink *s, char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0 && errno == ENOENT) {
		/* The folder is new: make it, then try again. */
		char *slash = strrchr(path, '/');
		*slash = '\0';
		int rc = make_dirs(path);
		*slash = '/';
		if (rc < 0)
			return FAIL(s, _("cannot create directory for '%s': %s"),
			            path, errno);
		fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	}
	if (fd < 0)
		return FAIL(s, _("cannot write '%s': %s"), path, errno);
	return fd;
}

static int write_all(int fd, const unsigned char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

int sink_write(struct sink *s, const char *key, const void *data, size_t n)
{
	s->path.len = 0;
	buf_puts(&s->path, s->dir);
	buf_putc(&s->path, '/');
	buf_puts(&s->path, key);
	if (!buf_ok(&s->path) || n > UINT32_MAX || compress_into(s, data, n) < 0)
		return FAIL(s, _("cannot compress '%s': %s"), key, ENOMEM);
	char *path = s->path.data;
	int fd = open_file(s, path);
	if (fd < 0)
		return -1;
	size_t len = s->z.total_out;
	if (write_all(fd, s->gz, len) < 0) {
		int e = errno;
		close(fd);
		return FAIL(s, _("cannot write '%s': %s"), path, e);
	}
	if (close(fd) < 0)
		return FAIL(s, _("cannot write '%s': %s"), path, errno);
	s->files++;
	s->bytes += len;
	return 0;
}

void sink_close(struct sink *s)
{
	if (s->z_ready)
		deflateEnd(&s->z);
	s->z_ready = false;
	free(s->gz);
	free(s->dir);
	buf_free(&s->path);
	s->gz = NULL;
	s->dir = NULL;
}
