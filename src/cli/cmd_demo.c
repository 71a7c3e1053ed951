/* cmd_demo.c - `trailnav demo`: the bundled sample trail, imported on
 * first use into a database of its own, then browsed. */
#include <config.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "cli/options.h"
#include "cli/output.h"
#include "cli/progress.h"
#include "cli/store_sink.h"
#include "import/import.h"
#include "import/walk.h"
#include "ui/ui.h"
#include "util/i18n.h"

/* Where the trail is looked for (Makefile.am defines both): installed,
 * then the source tree this program was built from. */
#ifndef PKGDATADIR
#define PKGDATADIR "/usr/local/share/trailnav"
#endif
#ifndef TN_SOURCE_DATADIR
#define TN_SOURCE_DATADIR "data"
#endif

void cmd_demo_help(void)
{
	printf(_("Usage: %s demo [--db FILE]\n"), cli_program);
	fputs(_("Open the browser on the bundled sample trail: a day of an "
	        "organization's\nCloudTrail logs with an incident in it to "
	        "find (the README walks through\nit).  The first run imports "
	        "the trail into a database of its own; later\nruns find it "
	        "already there.\n\n"),
	      stdout);
	fputs(_("  --db FILE  the database (default: "
	        "$XDG_DATA_HOME/trailnav/demo.db, else\n"
	        "             ~/.local/share/trailnav/demo.db; never "
	        "$TRAILNAV_DB)\n"
	        "  --help     this help\n\n"),
	      stdout);
	fputs(_("The trail is read from $TRAILNAV_DATADIR/demo when that is "
	        "set, else from\nthe installed data directory, else from the "
	        "source tree trailnav was\nbuilt in.\n"),
	      stdout);
}

/* DIR/demo when it holds a trail (an AWSLogs folder): its absolute path,
 * malloc'd; else NULL. */
static char *trail_in(const char *dir)
{
	char path[PATH_MAX], logs[PATH_MAX + 16];
	struct stat st;
	if (snprintf(path, sizeof path, "%s/demo", dir) >= (int)sizeof path)
		return NULL;
	snprintf(logs, sizeof logs, "%s/AWSLogs", path);
	if (stat(logs, &st) != 0 || !S_ISDIR(st.st_mode))
		return NULL;
	return realpath(path, NULL);
}

/* The demo trail's directory, or NULL after saying where it looked. */
static char *find_trail(void)
{
	const char *env = getenv("TRAILNAV_DATADIR");
	char *found;
	if (env && *env) {
		found = trail_in(env);
		if (!found)
			cli_error(_("no demo trail in %s/demo (from "
			            "TRAILNAV_DATADIR)"),
			          env);
		return found;
	}
	found = trail_in(PKGDATADIR);
	if (!found)
		found = trail_in(TN_SOURCE_DATADIR);
	if (!found)
		cli_error(_("no demo trail in %s/demo nor in %s/demo: install "
		            "trailnav, or set TRAILNAV_DATADIR to the folder "
		            "that holds demo/"),
		          PKGDATADIR, TN_SOURCE_DATADIR);
	return found;
}

/* The demo's own database: --db, else next to the default database as
 * demo.db.  $TRAILNAV_DB names the user's own database, not this one. */
static char *demo_db_path(const char *db_option)
{
	if (db_option && *db_option)
		return strdup(db_option);
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	const char *base, *rest;
	if (xdg && xdg[0] == '/') {
		base = xdg;
		rest = "trailnav/demo.db";
	} else if (home && *home) {
		base = home;
		rest = ".local/share/trailnav/demo.db";
	} else
		return NULL;
	size_t n = strlen(base) + strlen(rest) + 2;
	char *p = malloc(n);
	if (p)
		snprintf(p, n, "%s/%s", base, rest);
	return p;
}

static void clear_progress(void *ctx)
{
	progress_clear(ctx);
}

static void show_progress(void *ctx, const struct import_totals *t)
{
	struct store_sink *k = ctx;
	progress_update(k->message_ctx, t);
}

/* Imports the trail (what the ledger already has is not read again).
 * Returns an exit status; *t says what was done. */
static int import_trail(struct store *s, char *trail,
                        struct import_totals *t)
{
	struct store_sink k;
	struct progress pr;
	struct walk_result w;
	char fatal[512] = "";
	memset(t, 0, sizeof *t);
	store_sink_init(&k, s);
	progress_init(&pr, false);
	k.before_message = clear_progress;
	k.message_ctx = &pr;
	int rc = walk_paths(&trail, 1, &w);
	if (rc == 0) {
		struct import_options opt = { 0 };
		struct import_sink sink = store_sink_ops(&k);
		sink.progress = pr.enabled ? show_progress : NULL;
		rc = import_run(&opt, &w, &sink, t, fatal, sizeof fatal);
		if (store_sink_finish(&k, t) < 0 && rc == 0) {
			rc = -1;
			snprintf(fatal, sizeof fatal, "%s", store_errmsg(s));
		}
		for (size_t i = 0; i < w.nproblems; i++)
			cli_error("%s: %s", w.problems[i].path,
			          w.problems[i].reason);
		t->failed += w.nproblems;
	} else
		snprintf(fatal, sizeof fatal, "%s", _("out of memory"));
	progress_clear(&pr);
	walk_result_free(&w);
	store_sink_free(&k);
	if (rc < 0) {
		cli_error(_("import stopped: %s"), fatal);
		return EXIT_USAGE;
	}
	return t->failed ? EXIT_PARTIAL : EXIT_OK;
}

static void say_what_was_done(const struct import_totals *t,
                              const char *db)
{
	size_t files = t->imported + t->digests;
	if (files) {
		/* TRANSLATORS: the two parts of one line, as "Imported the
		 * demo trail: 2463 events from 52 files into PATH". */
		printf(ngettext("Imported the demo trail: %llu event ",
		                "Imported the demo trail: %llu events ",
		                (unsigned long)t->events_new),
		       (unsigned long long)t->events_new);
		printf(ngettext("from %zu file into %s\n",
		                "from %zu files into %s\n", (unsigned long)files),
		       files, db);
	} else
		printf(_("The demo trail is already imported in %s\n"), db);
	if (t->failed)
		printf(ngettext("%zu file of the demo trail could not be "
		                "imported (see above)\n",
		                "%zu files of the demo trail could not be "
		                "imported (see above)\n",
		                (unsigned long)t->failed),
		       t->failed);
	fflush(stdout);
}

/* Opens the browser on the demo database. */
/* The browser when a person is there to use it; for scripts and pipes,
 * the database's summary, as `trailnav` alone gives. */
static int demo_browse(const char *db_path)
{
	if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO))
		return ui_browse(db_path, NULL);
	static char stats_word[] = "stats";
	char *argv[] = { stats_word, NULL };
	struct cli_globals g = { db_path };
	return cmd_stats(&g, 1, argv);
}

static int parse_args(int argc, char **argv, const char **db)
{
	for (int i = 1; i < argc; i++) {
		const char *v = NULL;
		int rc = cli_value_option("--db", &i, argc, argv, &v);
		if (rc < 0)
			return -1;
		if (rc > 0) {
			*db = v;
			continue;
		}
		cli_error(_("unexpected '%s' (try '%s demo --help')"), argv[i],
		          cli_program);
		return -1;
	}
	return 0;
}

int cmd_demo(const struct cli_globals *globals, int argc, char **argv)
{
	const char *db_option = globals->db;
	if (cli_wants_help(argc, argv)) {
		cmd_demo_help();
		return cli_output_end(EXIT_OK);
	}
	if (parse_args(argc, argv, &db_option) < 0)
		return EXIT_USAGE;
	char *db = demo_db_path(db_option);
	if (!db) {
		cli_error("%s", _("no home directory to keep the demo database "
		                  "in: use --db FILE"));
		return EXIT_USAGE;
	}
	char *trail = find_trail();
	struct cli_globals g = { db };
	struct store *s = trail ? cli_open_store(&g, STORE_READ_WRITE, NULL)
	                        : NULL;
	int rc = EXIT_USAGE;
	if (s) {
		struct import_totals t;
		rc = import_trail(s, trail, &t);
		store_close(s);
		if (rc != EXIT_USAGE) {
			say_what_was_done(&t, db);
			int brc = demo_browse(db);
			rc = brc != EXIT_OK ? brc : rc;
		}
	}
	free(trail);
	free(db);
	return rc;
}
