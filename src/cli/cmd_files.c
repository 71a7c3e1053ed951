/* cmd_files.c - `trailnav files`: the import ledger, one line per file
 * path, with what the next import would do with it. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "util/format.h"
#include "cli/options.h"
#include "cli/output.h"
#include "util/i18n.h"

void cmd_files_help(void)
{
	printf(_("Usage: %s files [--failed]\n"), cli_program);
	fputs(_("List the import ledger: every file seen (the newest entry of "
	        "each path).\n\n"
	        "  --failed   only the files that could not be imported, with "
	        "the reason\n"
	        "  --db FILE  the database (default: $TRAILNAV_DB, else\n"
	        "             $XDG_DATA_HOME/trailnav/trailnav.db)\n"
	        "  --help     this help\n\n"
	        "STATE is what the import recorded: imported, digest (a "
	        "CloudTrail digest\n"
	        "file: recorded, never imported as events) or failed.  DISK "
	        "compares the file\n"
	        "on disk now with the ledger: unchanged (same size and "
	        "modification time:\n"
	        "the next import skips it), changed (it will be read again), "
	        "missing, or\n"
	        "stream (standard input or a pipe, listed once for each time "
	        "it was read).\n"
	        "Paths and reasons are shown with control characters escaped.\n"),
	      stdout);
}

struct files_ctx {
	int64_t n, imported, digests, failed, events, duplicates;
	size_t state_w, disk_w; /* column widths: the words are translated */
};

/* The widest of `n` words (display width), and at least `w`. */
static size_t widest(const char *const *words, size_t n, size_t w)
{
	for (size_t i = 0; i < n; i++) {
		size_t ww = fmt_width(words[i]);
		w = ww > w ? ww : w;
	}
	return w;
}

static const char *state_word(enum store_file_state s)
{
	switch (s) {
	case STORE_FILE_IMPORTED: return _("imported");
	case STORE_FILE_DIGEST: return _("digest");
	default: return _("failed");
	}
}

/* What the next import would make of the file now on disk; a stream
 * (standard input, a pipe) has nothing on disk to compare. */
static const char *disk_word(const struct store_ledger_entry *e)
{
	struct stat st;
	if (e->stream)
		return _("stream");
	if (stat(e->path, &st) != 0)
		return _("missing");
	if (S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode))
		return _("stream");
	int64_t mtime = (int64_t)st.st_mtim.tv_sec * 1000000000 +
	                st.st_mtim.tv_nsec;
	return (int64_t)st.st_size == e->size && mtime == e->mtime_ns
	               ? _("unchanged")
	               : _("changed");
}

/* `text` fitted to `width` columns, padded on the right (or, with
 * `right_align`, on the left). */
static void print_fitted(const char *text, size_t width, int right_align)
{
	struct buf b;
	buf_init(&b);
	fmt_fit(&b, text, width, right_align);
	fputs(b.data ? b.data : "", stdout);
	buf_free(&b);
}

static void print_cell(const char *text, size_t width)
{
	print_fitted(text, width, 0);
}

static void print_right(const char *text, size_t width)
{
	print_fitted(text, width, 1);
}

static int print_entry(void *vctx, const struct store_ledger_entry *e)
{
	struct files_ctx *c = vctx;
	struct buf path, reason;
	buf_init(&path);
	buf_init(&reason);
	fmt_escape(&path, e->path);
	print_cell(state_word(e->state), c->state_w);
	putchar(' ');
	print_cell(disk_word(e), c->disk_w);
	printf(" %9lld %9lld  %s\n", (long long)e->events,
	       (long long)e->duplicates, path.data ? path.data : "");
	if (e->state == STORE_FILE_FAILED && e->reason) {
		fmt_escape(&reason, e->reason);
		printf("    %s\n", reason.data ? reason.data : "");
	}
	buf_free(&path);
	buf_free(&reason);
	c->n++;
	c->imported += e->state == STORE_FILE_IMPORTED;
	c->digests += e->state == STORE_FILE_DIGEST;
	c->failed += e->state == STORE_FILE_FAILED;
	c->events += e->events;
	c->duplicates += e->duplicates;
	return 0;
}

/* The last line, in parts: each noun's plural follows its own count. */
static void print_totals(const struct files_ctx *c)
{
	/* TRANSLATORS: the four parts of one line, as "2 files: 1 imported,
	 * 0 digests, 1 failed; 120 events, 0 duplicates". */
	printf(ngettext("%lld file: ", "%lld files: ", (unsigned long)c->n),
	       (long long)c->n);
	printf(ngettext("%lld imported, %lld digest, %lld failed; ",
	                "%lld imported, %lld digests, %lld failed; ",
	                (unsigned long)c->digests),
	       (long long)c->imported, (long long)c->digests,
	       (long long)c->failed);
	printf(ngettext("%lld event, ", "%lld events, ",
	                (unsigned long)c->events),
	       (long long)c->events);
	printf(ngettext("%lld duplicate\n", "%lld duplicates\n",
	                (unsigned long)c->duplicates),
	       (long long)c->duplicates);
}

static int parse_args(int argc, char **argv, struct cli_globals *g,
                      bool *failed_only)
{
	for (int i = 1; i < argc; i++) {
		const char *v;
		int rc = cli_value_option("--db", &i, argc, argv, &v);
		if (rc < 0)
			return -1;
		if (rc > 0)
			g->db = v;
		else if (strcmp(argv[i], "--failed") == 0)
			*failed_only = true;
		else {
			cli_error(_("unexpected argument '%s' (try '%s files "
			            "--help')"),
			          argv[i], cli_program);
			return -1;
		}
	}
	return 0;
}

int cmd_files(const struct cli_globals *globals, int argc, char **argv)
{
	struct cli_globals g = *globals;
	bool failed_only = false;
	if (cli_wants_help(argc, argv)) {
		cmd_files_help();
		return cli_output_end(EXIT_OK);
	}
	if (parse_args(argc, argv, &g, &failed_only) < 0)
		return EXIT_USAGE;
	struct store *s = cli_open_store(&g, STORE_READ_EXISTING, NULL);
	if (!s)
		return EXIT_USAGE;
	struct files_ctx c = { 0 };
	const char *states[] = { _("STATE"), _("imported"), _("digest"),
	                         _("failed") };
	const char *disks[] = { _("DISK"), _("missing"), _("unchanged"),
	                        _("changed"), _("stream") };
	c.state_w = widest(states, 4, 8) + 1;
	c.disk_w = widest(disks, 5, 9) + 1;
	print_cell(_("STATE"), c.state_w);
	putchar(' ');
	print_cell(_("DISK"), c.disk_w);
	/* Headings padded by display width, not bytes: translations. */
	putchar(' ');
	print_right(_("EVENTS"), 9);
	putchar(' ');
	print_right(_("DUPS"), 9);
	printf("  %s\n", _("PATH"));
	int rc = store_ledger_list(s, failed_only, print_entry, &c);
	if (rc < 0)
		cli_error("%s", store_errmsg(s));
	else
		print_totals(&c);
	store_close(s);
	return cli_output_end(rc < 0 ? EXIT_USAGE : EXIT_OK);
}
