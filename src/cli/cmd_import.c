/* cmd_import.c - `trailnav import`: files and directories into the
 * database, incrementally, with progress; --follow keeps watching. */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/import_lock.h"
#include "util/format.h"
#include "cli/options.h"
#include "cli/output.h"
#include "cli/progress.h"
#include "cli/store_sink.h"
#include "import/import.h"
#include "import/walk.h"
#include "util/i18n.h"

/* How often --follow looks for new files.  CloudTrail delivers about every
 * five minutes, so this is prompt without stat()ing a tree constantly. */
#define FOLLOW_SECONDS 10

void cmd_import_help(void)
{
	printf(_("Usage: %s import [-j N] [-q] [--follow] PATH...\n"),
	       cli_program);
	fputs(_("Import CloudTrail files and directories (searched recursively) "
	        "into the\ndatabase.  PATH '-' reads standard input.  Files "
	        "already imported and\nunchanged are skipped; events already "
	        "stored (same eventID) are counted\nas duplicates.\n\n"),
	      stdout);
	fputs(_("  -j, --jobs N   decoding threads (default: one per core)\n"
	        "  -q, --quiet    no progress bar and no summary\n"
	        "      --follow   keep watching the paths and import new files "
	        "as they\n                 arrive (until interrupted)\n"
	        "      --db FILE  the database\n"
	        "      --help     this help\n\n"),
	      stdout);
	fputs(_("Accepted: trail delivery files (.json.gz or .json, compact or "
	        "pretty),\nbare arrays of records, single records, NDJSON, "
	        "lookup-events and console\nJSON downloads, EventBridge events "
	        "and CloudWatch Logs payloads.\nExit status: 0 all imported, 1 "
	        "some files could not be imported (each\nis reported), 2 usage "
	        "error or nothing could be done.\n"),
	      stdout);
}

struct import_args {
	struct import_options opt;
	bool quiet, follow;
	const char *db;
	char **paths;
	size_t npaths;
};

static int parse_jobs(const char *v, int *jobs)
{
	char *end;
	long n = strtol(v, &end, 10);
	if (*v == '\0' || *end || n < 1 || n > 64) {
		cli_error(_("-j takes a number of threads from 1 to 64, not "
		            "'%s'"),
		          v);
		return -1;
	}
	*jobs = (int)n;
	return 0;
}

static int parse_args(struct import_args *a, int argc, char **argv)
{
	enum { OPT_FOLLOW = 256, OPT_DB, OPT_HELP };
	static const struct option longs[] = {
		{ "jobs", required_argument, NULL, 'j' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "follow", no_argument, NULL, OPT_FOLLOW },
		{ "db", required_argument, NULL, OPT_DB },
		{ "help", no_argument, NULL, OPT_HELP },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "j:q", longs, NULL)) != -1) {
		switch (c) {
		case 'j':
			if (parse_jobs(optarg, &a->opt.jobs) < 0)
				return -1;
			break;
		case 'q': a->quiet = true; break;
		case OPT_FOLLOW: a->follow = true; break;
		case OPT_DB: a->db = optarg; break;
		case OPT_HELP: cmd_import_help(); return 1;
		default:
			cli_error(_("unknown or incomplete option '%s' (try '%s "
			            "import --help')"),
			          argv[optind - 1], cli_program);
			return -1;
		}
	}
	a->paths = argv + optind;
	a->npaths = (size_t)(argc - optind);
	if (a->npaths == 0) {
		cli_error(_("nothing to import: name files or directories "
		            "(try '%s import --help')"),
		          cli_program);
		return -1;
	}
	/* A stream is read once; looking at it again would wait for a
	 * writer that never comes. */
	for (size_t i = 0; a->follow && i < a->npaths; i++)
		if (walk_path_is_stream(a->paths[i])) {
			cli_error("%s", _("--follow watches files and directories, "
			                  "not standard input or pipes"));
			return -1;
		}
	return 0;
}

static void clear_progress(void *ctx)
{
	progress_clear(ctx);
}

static void note_indexing(void *ctx)
{
	progress_note(ctx, _("Building the indexes..."));
}

/* The sink's context is the store sink; its message_ctx is the bar. */
static void show_progress(void *ctx, const struct import_totals *t)
{
	struct store_sink *k = ctx;
	progress_update(k->message_ctx, t);
}

/* Paths the walk could not read: reported like failed files. */
static size_t report_problems(const struct walk_result *w,
                              struct progress *pr)
{
	for (size_t i = 0; i < w->nproblems; i++) {
		struct buf path;
		buf_init(&path);
		fmt_escape(&path, w->problems[i].path);
		progress_clear(pr);
		cli_file_report("%s: %s", path.data ? path.data : "?",
		                w->problems[i].reason);
		buf_free(&path);
	}
	return w->nproblems;
}

static void print_summary(const struct import_totals *t, double seconds)
{
	/* The plural follows the one count a noun goes with ("digests",
	 * "duplicates"); the others are states, the same for any count. */
	printf(ngettext("Files:  %zu imported, %zu unchanged, %zu digest, %zu "
	                "failed, %zu skipped\n",
	                "Files:  %zu imported, %zu unchanged, %zu digests, %zu "
	                "failed, %zu skipped\n",
	                (unsigned long)t->digests),
	       t->imported, t->unchanged, t->digests, t->failed, t->skipped);
	printf(ngettext("Events: %llu new, %llu duplicate\n",
	                "Events: %llu new, %llu duplicates\n",
	                (unsigned long)t->events_duplicate),
	       (unsigned long long)t->events_new,
	       (unsigned long long)t->events_duplicate);
	uint64_t events = t->events_new + t->events_duplicate;
	if (seconds > 0 && events)
		printf(_("Took %.1f s (%.0f events/s, %.1f MB/s of JSON)\n"),
		       seconds, (double)events / seconds,
		       (double)t->bytes_decoded / 1e6 / seconds);
}

/* Nothing tried at all (a folder of other files, an empty one): said
 * apart, as a summary of zeros reads like success, and `trailnav PATH`
 * would show an empty browser with no word why.  Not a failure: a folder
 * a trail has not delivered to yet is empty for good reason. */
static void say_when_nothing_found(const struct import_totals *t)
{
	if (t->imported + t->unchanged + t->digests + t->failed > 0)
		return;
	fflush(stdout); /* after the summary, where both go to one pipe */
	if (t->skipped)
		cli_file_report(
			ngettext("nothing to import: %zu file found, and "
			         "skipped: its name or first bytes say it is not "
			         "a trail file",
			         "nothing to import: %zu files found, and "
			         "skipped: their names or first bytes say they "
			         "are not trail files",
			         (unsigned long)t->skipped),
			t->skipped);
	else
		cli_file_report("%s", _("nothing to import: no files found"));
}

/* The import's last step, once every event is committed: the batch, then
 * the lookup indexes set aside.  A SIGTERM meanwhile (the browser of
 * `trailnav PATH` quitting once it shows every event) waits for them
 * instead of leaving them to the next import, and the import ends as if
 * it had come first; Ctrl-C still stops at once.  Under --follow, whose
 * handler ends the watching, the signal is delivered once they are built. */
static int finish(struct store_sink *k, struct import_totals *t)
{
	sigset_t term, old, pending;
	sigemptyset(&term);
	sigaddset(&term, SIGTERM);
	sigprocmask(SIG_BLOCK, &term, &old);
	int rc = store_sink_finish(k, t);
	struct sigaction now;
	if (sigpending(&pending) == 0 && sigismember(&pending, SIGTERM) &&
	    !sigismember(&old, SIGTERM) && sigaction(SIGTERM, NULL, &now) == 0 &&
	    now.sa_handler == SIG_DFL) {
		int sig;
		sigwait(&term, &sig); /* taken: the import is done */
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
	return rc;
}

/* One pass over the paths.  Returns the exit status of the pass. */
static int import_once(const struct import_args *a, struct store_sink *k,
                       struct import_totals *t, bool summary)
{
	struct progress pr;
	progress_init(&pr, a->quiet);
	k->before_message = clear_progress;
	k->before_indexing = note_indexing;
	k->message_ctx = &pr;
	struct walk_result w;
	if (walk_paths(a->paths, a->npaths, &w) < 0) {
		cli_error("%s", _("out of memory"));
		walk_result_free(&w);
		return EXIT_USAGE;
	}
	size_t problems = report_problems(&w, &pr);
	struct import_sink sink = store_sink_ops(k);
	sink.progress = pr.enabled ? show_progress : NULL;
	char fatal[512] = "";
	int rc = import_run(&a->opt, &w, &sink, t, fatal, sizeof fatal);
	if (finish(k, t) < 0 && rc == 0) {
		rc = -1;
		snprintf(fatal, sizeof fatal, "%s", store_errmsg(k->store));
	}
	progress_clear(&pr);
	walk_result_free(&w);
	t->failed += problems;
	if (rc < 0) {
		cli_error(_("import stopped: %s"), fatal);
		return EXIT_USAGE;
	}
	if (summary && !a->quiet) {
		print_summary(t, progress_elapsed(&pr));
		say_when_nothing_found(t);
	}
	return t->failed ? EXIT_PARTIAL : EXIT_OK;
}

static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
	(void)sig;
	interrupted = 1;
}

/* --follow: look again every FOLLOW_SECONDS until interrupted; say when
 * something new came in. */
static int follow(const struct import_args *a, struct store_sink *k,
                  int status)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	if (!a->quiet)
		printf(_("Watching for new files (interrupt to stop)...\n"));
	fflush(stdout);
	while (!interrupted) {
		for (int i = 0; i < FOLLOW_SECONDS && !interrupted; i++)
			sleep(1);
		if (interrupted)
			break;
		struct import_totals t;
		int rc = import_once(a, k, &t, false);
		if (rc == EXIT_USAGE)
			return rc;
		if (rc == EXIT_PARTIAL)
			status = EXIT_PARTIAL;
		if (!a->quiet && t.imported + t.digests) {
			size_t files = t.imported + t.digests;
			/* TRANSLATORS: the three parts of one line, as
			 * "3 new files: 120 new events, 0 duplicates". */
			printf(ngettext("%zu new file: ", "%zu new files: ",
			                (unsigned long)files),
			       files);
			printf(ngettext("%llu new event, ", "%llu new events, ",
			                (unsigned long)t.events_new),
			       (unsigned long long)t.events_new);
			printf(ngettext("%llu duplicate\n", "%llu duplicates\n",
			                (unsigned long)t.events_duplicate),
			       (unsigned long long)t.events_duplicate);
			fflush(stdout);
		}
	}
	return status;
}

/* When no path named exists, each is said and the import ends at once
 * (exit 2), before the database's import lock: another import holding it
 * (a --follow in another terminal) would otherwise keep a mistyped path
 * waiting, and `trailnav PATH`'s browser open, for as long as it runs.
 * True when that was the case. */
static bool none_exists(const struct import_args *a)
{
	struct stat st;
	for (size_t i = 0; i < a->npaths; i++)
		if (strcmp(a->paths[i], "-") == 0 || stat(a->paths[i], &st) == 0)
			return false;
	for (size_t i = 0; i < a->npaths; i++) {
		int err = stat(a->paths[i], &st) == 0 ? 0 : errno;
		struct buf path;
		buf_init(&path);
		fmt_escape(&path, a->paths[i]);
		cli_error("%s: %s", path.data ? path.data : "?", strerror(err));
		buf_free(&path);
	}
	cli_error("%s", _("nothing could be imported (each failure is "
	                  "reported above)"));
	return true;
}

/* `-` reads a trail piped in.  Standard input on a terminal is a person
 * who meant a pipe (or a path): read, it would wait for them to type
 * JSON, and after Ctrl-D report an empty file.  True when that was so;
 * it is said. */
static bool stdin_is_terminal(const struct import_args *a)
{
	for (size_t i = 0; i < a->npaths; i++)
		if (strcmp(a->paths[i], "-") == 0 && isatty(STDIN_FILENO)) {
			cli_error("%s", _("-: standard input is a terminal; "
			                  "pipe a trail into it, as in: zcat "
			                  "FILE.json.gz | trailnav import -"));
			return true;
		}
	return false;
}

int cmd_import(const struct cli_globals *g, int argc, char **argv)
{
	struct import_args a = { .db = g->db };
	if (cli_wants_help(argc, argv)) {
		cmd_import_help();
		return cli_output_end(EXIT_OK);
	}
	int prc = parse_args(&a, argc, argv);
	if (prc != 0)
		return prc > 0 ? cli_output_end(EXIT_OK) : EXIT_USAGE;
	if (stdin_is_terminal(&a) || none_exists(&a))
		return EXIT_USAGE;
	struct cli_globals gg = { a.db };
	char *path = store_default_path(a.db);
	int lock = import_lock_take(path, a.quiet);
	free(path);
	struct store *s = cli_open_store(&gg, STORE_READ_WRITE, NULL);
	if (!s) {
		import_lock_release(lock);
		return EXIT_USAGE;
	}
	struct store_sink k;
	struct import_totals t;
	store_sink_init(&k, s);
	k.quiet = a.quiet;
	int status = import_once(&a, &k, &t, true);
	/* Every path failed: nothing could be done, which is not a partial
	 * failure (SPEC section 1).  --follow too: watching only paths that
	 * failed would sit there with nothing to watch. */
	if (status == EXIT_PARTIAL && t.imported + t.unchanged + t.digests == 0) {
		cli_error("%s", _("nothing could be imported (each failure is "
		                  "reported above)"));
		status = EXIT_USAGE;
	}
	if (a.follow && status != EXIT_USAGE)
		status = follow(&a, &k, status);
	store_sink_free(&k);
	store_close(s);
	import_lock_release(lock);
	return cli_output_end(status); /* the summary: was it written? */
}
