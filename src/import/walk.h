/* walk.h - the files an import will try, found under the paths given.
 *
 * Directories are walked recursively in name order, following symbolic
 * links but never entering a directory twice (so loops end), nor taking
 * a file twice (named and also inside a named directory, say).  Files whose
 * names say they are something else (README.md, .DS_Store, images, ...)
 * are skipped and counted; files named on the command line are always
 * tried.
 *
 * A file's path is the one the ledger knows it by: absolute, through the
 * named path's realpath(), so that `import trail`, `import ./trail/` and
 * `cd trail && import .` all name a file alike, and `trailnav files`
 * finds it from any directory.  Messages show the path as typed
 * (walk_file_shown()).
 */
#ifndef TRAILNAV_IMPORT_WALK_H
#define TRAILNAV_IMPORT_WALK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct walk_file {
	char *path;             /* canonical: to open and for the ledger */
	const char *typed_root; /* the named path it was found under, */
	size_t canon_root_len;  /* and how much of `path` stands for it */
	int64_t size;
	int64_t mtime_ns;
	bool named; /* given on the command line */
	/* Read as it comes, once: "-", or a pipe or terminal named on the
	 * command line (`import <(aws s3 cp s3://... -)`).  Never taken as
	 * unchanged: its size and time say nothing of what it will bring. */
	bool stream;
};

/* Something the walk could not read: reported, never fatal. */
struct walk_problem {
	char *path;
	char *reason; /* translated */
};

struct walk_result {
	struct walk_file *files;
	size_t nfiles, cap;
	struct walk_problem *problems;
	size_t nproblems, pcap;
	size_t skipped; /* files passed over by name or content */
	char **roots;   /* the named paths as typed (typed_root) */
	size_t nroots;
};

/* Walks `paths` ("-" is passed through as a file named "-": standard
 * input).  Returns 0, or -1 when memory ran out. */
/* Whether a path named on the command line is read as a stream (see
 * walk_file): "-", a FIFO or a character device. */
bool walk_path_is_stream(const char *path);
int walk_paths(char *const *paths, size_t npaths, struct walk_result *out);
void walk_result_free(struct walk_result *r);

/* The file's path as the person typed it: the named path, then the rest
 * of the walk below it.  Returns a malloc'd string, or NULL when memory
 * ran out. */
char *walk_file_shown(const struct walk_file *f);

/* True when a file of this name should be tried without looking inside
 * it; false when its name says it is something else.  `maybe` is set when
 * the name says nothing either way (then the first bytes decide). */
bool walk_name_is_json(const char *name, bool *maybe);

/* True when these first bytes look like JSON or gzip. */
bool walk_bytes_look_like_json(const unsigned char *p, size_t n);

#endif
