/* options.h - what the commands share: opening the database, reading a
 * filter from the command line, reporting errors. */
#ifndef TRAILNAV_CLI_OPTIONS_H
#define TRAILNAV_CLI_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdint.h>

#include "cli/cli.h"
#include "filter/filter.h"
#include "store/store.h"

/* The program name for messages ("trailnav"). */
extern const char *cli_program;

/* "trailnav: MESSAGE" on stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The same, for what an import says of its files: each file that failed
 * ("PATH: reason"), or that there was nothing to import.  Also written,
 * a line each and without the program's name, to the file given to
 * cli_set_file_reports() (NULL: none), which `trailnav PATH` reads to
 * tell the browser how its import ended apart from other notices. */
void cli_file_report(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));
void cli_set_file_reports(FILE *f);

/* Opens the database the globals name; reports and returns NULL on
 * failure (with STORE_READ_EXISTING, a missing file as "no database at
 * PATH; import some files first").  *path_out (may be NULL) receives the
 * malloc'd path. */
struct store *cli_open_store(const struct cli_globals *g, enum store_mode mode,
                             char **path_out);

/* The filter made of the words argv[0..argc-1] joined by spaces; on a bad
 * filter, reports it with a caret under the offending term and returns
 * NULL. */
struct filter *cli_parse_filter(int argc, char **argv);

/* A long option with a value, as "--opt VALUE" or "--opt=VALUE", at
 * argv[*i]: returns 1 and sets *value (advancing *i past a separate
 * value), 0 when argv[*i] is not this option, -1 (reported) when the
 * value is missing. */
/* Splits a command's arguments into filter words and options, as query
 * and stats take them: a word starting "--" is an option, handed to
 * `option` with its index (which it may advance past a value); after
 * "--" everything is a word.  *words (malloc'd, NULL-terminated) holds
 * the rest.  Returns 0, or -1 when `option` did or memory ran out. */
int cli_split_args(int argc, char **argv, char ***words, int *nwords,
                   int (*option)(void *ctx, int *i, int argc, char **argv),
                   void *ctx);

int cli_value_option(const char *opt, int *i, int argc, char **argv,
                     const char **value);

/* The value of option `opt` as a whole number >= 0; reports and returns
 * -1 when it is not one. */
int cli_parse_count(const char *opt, const char *value, size_t *n);

/* Whether a command's arguments ask for its help: "--help" or "-h" (as
 * before the command) anywhere before a "--".  Every command looks
 * first, so that `query -h` is help and not the filter "not h". */
bool cli_wants_help(int argc, char **argv);

/* The current time, UTC epoch milliseconds. */
int64_t cli_now_ms(void);

#endif
