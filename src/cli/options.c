/* options.c - what the commands share (see options.h). */
#include <config.h>

#include "cli/options.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>

#include "util/format.h"
#include "util/buf.h"
#include "util/i18n.h"

const char *cli_program = "trailnav";

static void say(const char *fmt, va_list ap)
{
	fprintf(stderr, "%s: ", cli_program);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void cli_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	say(fmt, ap);
	va_end(ap);
}

static FILE *file_reports;

void cli_set_file_reports(FILE *f)
{
	file_reports = f;
}

void cli_file_report(const char *fmt, ...)
{
	va_list ap, again;
	va_start(ap, fmt);
	va_copy(again, ap);
	say(fmt, ap);
	if (file_reports) {
		vfprintf(file_reports, fmt, again);
		fputc('\n', file_reports);
		fflush(file_reports);
	}
	va_end(again);
	va_end(ap);
}

int cli_value_option(const char *opt, int *i, int argc, char **argv,
                     const char **value)
{
	size_t n = strlen(opt);
	if (strncmp(argv[*i], opt, n) == 0 && argv[*i][n] == '=') {
		*value = argv[*i] + n + 1;
		return 1;
	}
	if (strcmp(argv[*i], opt) != 0)
		return 0;
	if (*i + 1 >= argc) {
		cli_error(_("option %s needs a value"), opt);
		return -1;
	}
	*value = argv[++*i];
	return 1;
}

int cli_parse_count(const char *opt, const char *value, size_t *n)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(value, &end, 10);
	bool digits = *value >= '0' && *value <= '9' && !*end;
	if (digits && (errno == ERANGE || v > SIZE_MAX)) {
		/* A whole number, only too big: saying it is none misleads. */
		cli_error(_("%s takes a whole number up to %zu, not '%s'"), opt,
		          (size_t)SIZE_MAX, value);
		return -1;
	}
	if (!digits || errno) {
		cli_error(_("%s takes a whole number, not '%s'"), opt, value);
		return -1;
	}
	*n = (size_t)v;
	return 0;
}

bool cli_wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return true;
	return false;
}

int64_t cli_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

struct store *cli_open_store(const struct cli_globals *g, enum store_mode mode,
                             char **path_out)
{
	char *path = store_default_path(g->db);
	if (!path) {
		cli_error("%s", _("no database given and no home directory to "
		                  "keep one in: use --db FILE or set TRAILNAV_DB"));
		return NULL;
	}
	char err[640];
	struct store *s = store_open(path, mode, err, sizeof err);
	struct stat st;
	if (!s && mode == STORE_READ_EXISTING && stat(path, &st) < 0 &&
	    errno == ENOENT) {
		/* Most likely a first run, or a mistyped --db: say what
		 * makes a database. */
		struct buf shown;
		buf_init(&shown);
		fmt_escape_controls(&shown, path);
		cli_error(_("no database at %s; import some files first "
		            "('%s import PATH...')"),
		          shown.data ? shown.data : "", cli_program);
		buf_free(&shown);
	} else if (!s) {
		cli_error("%s", err);
	}
	if (s && path_out)
		*path_out = path;
	else
		free(path);
	return s;
}

/* The filter text again, escaped, with a line of carets under the bytes
 * [pos, pos+len) measured in display columns. */
static void show_error_position(const char *text, size_t pos, size_t len)
{
	struct buf line, before, under;
	buf_init(&line);
	buf_init(&before);
	buf_init(&under);
	fmt_escape(&line, text);
	char *head = strndup(text, pos);
	char *bad = strndup(text + pos, len ? len : 1);
	if (head && bad) {
		fmt_escape(&before, head);
		fmt_escape(&under, bad);
	}
	size_t indent = before.data ? fmt_width(before.data) : 0;
	size_t carets = under.data ? fmt_width(under.data) : 1;
	if (line.data)
		fprintf(stderr, "  %s\n  %*s", line.data, (int)indent, "");
	for (size_t i = 0; i < (carets ? carets : 1); i++)
		fputc('^', stderr);
	fputc('\n', stderr);
	free(head);
	free(bad);
	buf_free(&line);
	buf_free(&before);
	buf_free(&under);
}

struct filter *cli_parse_filter(int argc, char **argv)
{
	struct buf text;
	buf_init(&text);
	for (int i = 0; i < argc; i++) {
		if (i)
			buf_putc(&text, ' ');
		buf_puts(&text, argv[i]);
	}
	if (!buf_ok(&text)) {
		cli_error("%s", _("out of memory"));
		return NULL;
	}
	struct filter_error err;
	const char *src = text.data ? text.data : "";
	struct filter *f = filter_parse(src, cli_now_ms(), &err);
	if (!f) {
		cli_error(_("bad filter: %s"), err.message);
		if (*src && err.pos <= strlen(src))
			show_error_position(src, err.pos, err.len);
	}
	buf_free(&text);
	return f;
}

int cli_split_args(int argc, char **argv, char ***words, int *nwords,
                   int (*option)(void *ctx, int *i, int argc, char **argv),
                   void *ctx)
{
	*nwords = 0;
	*words = calloc((size_t)argc + 1, sizeof **words);
	if (!*words)
		return -1;
	bool options = true;
	for (int i = 1; i < argc; i++) {
		if (options && strcmp(argv[i], "--") == 0)
			options = false;
		else if (options && strncmp(argv[i], "--", 2) == 0) {
			if (option(ctx, &i, argc, argv) < 0)
				return -1;
		} else
			(*words)[(*nwords)++] = argv[i];
	}
	return 0;
}
