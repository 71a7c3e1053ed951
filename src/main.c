/* main.c - the trailnav program: locale, global options, subcommands. */
#include <config.h>

#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/options.h"
#include "cli/output.h"
#include "store/store.h"
#include "ui/ui.h"
#include "util/format.h"
#include "util/i18n.h"

static const struct cli_command commands[] = {
	{ "demo", N_("[--db FILE]"),
	  N_("browse the bundled sample trail (imported on first use)"),
	  cmd_demo, cmd_demo_help },
	{ "equivalent", N_("[FILTER...] --for athena|lake|cli"),
	  N_("the filter as an Athena or CloudTrail Lake query, or "
	     "'aws cloudtrail\n           lookup-events' commands"),
	  cmd_equivalent, cmd_equivalent_help },
	{ "files", N_("[--failed]"),
	  N_("the import ledger: every file seen, its state, its events"),
	  cmd_files, cmd_files_help },
	{ "generate", N_("[--events N] [--seed S] [--start TIME] [--incident] "
	                 "[--no-digests] [--force] DIR"),
	  N_("write a realistic synthetic trail in the S3 layout"),
	  cmd_generate, cmd_generate_help },
	{ "import", N_("[-j N] [-q] [--follow] PATH..."),
	  N_("import trail files and directories ('-': standard input)"),
	  cmd_import, cmd_import_help },
	{ "query",
	  N_("[FILTER...] [--format table|csv|json|ndjson] [--limit N]\n"
	     "           [--columns LIST] [--oldest-first]"),
	  N_("print matching events, or export them as CSV, JSON or NDJSON"),
	  cmd_query, cmd_query_help },
	{ "stats", N_("[FILTER...] [--by DIMENSION] [--limit N] [--format table|csv|json]"),
	  N_("count matching events; without --by, summarise the database"),
	  cmd_stats, cmd_stats_help },
};

#define NCOMMANDS (sizeof commands / sizeof commands[0])

static void print_help(void)
{
	printf(_("Usage: %s [--db FILE] COMMAND [ARGS...]\n"), cli_program);
	fputs(_("A terminal navigator for AWS CloudTrail logs.\n\n"), stdout);
	fputs(_("Commands:\n"), stdout);
	for (size_t i = 0; i < NCOMMANDS; i++)
		printf("  %-8s %s\n           %s\n", commands[i].name,
		       _(commands[i].args), _(commands[i].summary));
	fputs(_("\nWithout a command, trailnav browses the database on a "
	        "terminal, and\nshows its summary (as 'stats') otherwise; "
	        "'trailnav PATH...' imports\nthe paths (as 'import'), then "
	        "browses on a terminal.  In the browser,\n'?' lists every "
	        "key.\n\n"),
	      stdout);
	fputs(_("Options:\n"
	        "  --db FILE   the database (default: $TRAILNAV_DB, else\n"
	        "              $XDG_DATA_HOME/trailnav/trailnav.db, else\n"
	        "              ~/.local/share/trailnav/trailnav.db)\n"
	        "  --help      this help; 'trailnav COMMAND --help' for a "
	        "command's\n"
	        "  --version   the version\n\n"),
	      stdout);
	fputs(_("Exit status: 0 success, 1 some input could not be used, 2 "
	        "usage error\nor nothing could be done.\n"),
	      stdout);
}

static void print_version(void)
{
	printf("trailnav %s\n", PACKAGE_VERSION);
	printf(_("Database schema version %d.\n"), store_schema_version());
}

static const struct cli_command *find_command(const char *name)
{
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

/* `trailnav PATH...` imports: a word that names something on disk, or is
 * written like a path, is a path and not a mistyped command. */
static bool looks_like_path(const char *word)
{
	struct stat st;
	return strchr(word, '/') || strcmp(word, "-") == 0 ||
	       stat(word, &st) == 0;
}

/* The browser runs only when a person is there to use it: scripts and
 * pipes keep the plain-text behaviour. */
static bool interactive(void)
{
	return isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
}

static int browse(const struct cli_globals *g,
                  const struct ui_close_check *close_check)
{
	char *path = store_default_path(g->db);
	if (!path) {
		cli_error("%s", _("no database given and no home directory "
		                  "(use --db FILE)"));
		return EXIT_USAGE;
	}
	int rc = ui_browse(path, close_check);
	free(path);
	return rc;
}

static int run_import(const struct cli_globals *g, int n, char **paths)
{
	char **argv = calloc((size_t)n + 2, sizeof *argv);
	if (!argv) {
		cli_error("%s", _("out of memory"));
		return EXIT_USAGE;
	}
	static char import_word[] = "import";
	argv[0] = import_word;
	memcpy(argv + 1, paths, (size_t)n * sizeof *argv);
	int rc = cmd_import(g, n + 1, argv);
	free(argv);
	return rc;
}

/* Copies what a child wrote into `f` to `out`. */
static void replay(FILE *f, FILE *out)
{
	char buf[4096];
	size_t n;
	rewind(f);
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		fwrite(buf, 1, n, out);
}

static void close_files(FILE *a, FILE *b, FILE *c)
{
	FILE *all[] = { a, b, c };
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		if (all[i])
			fclose(all[i]);
}

/* True when the child has exited (status set) within `ms` milliseconds,
 * or cannot be waited for at all. */
static bool exits_within(pid_t pid, int *status, int ms)
{
	for (int waited = 0; waited < ms; waited += 10) {
		pid_t r = waitpid(pid, status, WNOHANG);
		if (r != 0)
			return true;
		struct timespec tick = { 0, 10 * 1000 * 1000 };
		nanosleep(&tick, NULL);
	}
	return false;
}

/* The import beside the browser, once it has exited. */
struct import_child {
	pid_t pid;
	int status;
	bool reaped;
	FILE *reports;    /* what it said of its files (file_reports()) */
	bool noted;       /* its ending was shown in the browser */
	char note[512];
};

/* The browser closes when the import could import nothing at all (every
 * path failed: a mistyped path, a folder of no trail files), so that the
 * person is told why at once, not after quitting an empty browser. */
static bool import_came_to_nothing(void *ctx)
{
	struct import_child *c = ctx;
	if (!c->reaped && waitpid(c->pid, &c->status, WNOHANG) == c->pid)
		c->reaped = true;
	return c->reaped && WIFEXITED(c->status) &&
	       WEXITSTATUS(c->status) == EXIT_USAGE;
}

/* The first line of what the import reported of its files (failures,
 * or nothing to import: cli_file_report()) into `out`; how many lines it
 * reported. */
static size_t file_reports(FILE *f, char *out, size_t n)
{
	char line[512];
	size_t lines = 0;
	bool at_start = true;
	out[0] = '\0';
	rewind(f);
	while (fgets(line, sizeof line, f)) {
		size_t len = strlen(line);
		bool whole = len > 0 && line[len - 1] == '\n';
		if (whole)
			line[--len] = '\0';
		if (lines == 0 && at_start)
			snprintf(out, n, "%s", line);
		at_start = whole;
		lines += whole;
	}
	return lines;
}

/* A failure's path, absolute when the path named was, under the current
 * directory as the person would write it: the status line has one row
 * for the path and the reason. */
static void shorten_path(char *line)
{
	char cwd[4096];
	if (!getcwd(cwd, sizeof cwd))
		return;
	size_t n = strlen(cwd);
	if (n > 1 && strncmp(line, cwd, n) == 0 && line[n] == '/')
		memmove(line, line + n + 1, strlen(line + n + 1) + 1);
}

/* How the import ended, when the browser should say so: it failed on
 * some files (said in full only after quitting), or found nothing to
 * import.  An import that went well says nothing: the counts show it. */
static const char *import_ending(void *ctx)
{
	struct import_child *c = ctx;
	if (!c->reaped || c->noted || !WIFEXITED(c->status))
		return NULL;
	c->noted = true;
	char first[400];
	size_t lines = file_reports(c->reports, first, sizeof first);
	if (WEXITSTATUS(c->status) == EXIT_PARTIAL)
		shorten_path(first);
	/* How many failed, and how to see them, come first: the status line
	 * cuts what does not fit, here the path or its reason. */
	if (WEXITSTATUS(c->status) == EXIT_PARTIAL && lines > 0)
		snprintf(c->note, sizeof c->note,
		         ngettext("import: %zu file failed (q quits and shows "
		                  "it): %s",
		                  "import: %zu files failed (q quits and shows "
		                  "them); the first: %s",
		                  (unsigned long)lines),
		         lines, first);
	else if (WEXITSTATUS(c->status) == EXIT_OK && lines > 0)
		snprintf(c->note, sizeof c->note, "%s", first);
	else
		return NULL;
	return c->note;
}

/* On a terminal, `trailnav PATH...` browses at once while a child
 * process imports: the browser watches the database and shows events as
 * they are committed, so a person is looking at a big trail within
 * seconds rather than after the whole import.  What the import says
 * waits in files until the browser has given the screen back.  Quitting
 * before the import is done stops it; what it committed stays, and the
 * same command finishes the job. */
static int import_and_browse(const struct cli_globals *g, int n, char **paths)
{
	/* The database is made (schema, write-ahead log) before the child
	 * starts, so the browser never races the importer to create it. */
	char *path = store_default_path(g->db);
	struct store *made = path ? store_open(path, STORE_READ_WRITE, NULL, 0)
	                          : NULL;
	store_close(made);
	free(path);
	FILE *out = tmpfile(), *err = tmpfile(), *reports = tmpfile();
	fflush(NULL);
	pid_t pid = out && err && reports ? fork() : -1;
	if (pid < 0) {
		/* No child: import first, then browse. */
		close_files(out, err, reports);
		int rc = run_import(g, n, paths);
		int b = rc != EXIT_USAGE ? browse(g, NULL) : EXIT_OK;
		return b != EXIT_OK ? b : rc;
	}
	if (pid == 0) {
		int nul = open("/dev/null", O_RDONLY);
		if (nul >= 0)
			dup2(nul, STDIN_FILENO);
		dup2(fileno(out), STDOUT_FILENO);
		dup2(fileno(err), STDERR_FILENO);
		cli_set_file_reports(reports);
		int rc = run_import(g, n, paths);
		fflush(NULL); /* _exit() would drop what stdio still holds */
		_exit(rc);
	}
	struct import_child child = { .pid = pid, .reports = reports };
	struct ui_close_check check = { import_came_to_nothing, import_ending,
		                        &child };
	int rc = browse(g, &check);
	int status = child.status;
	/* An import still reading files dies of the signal; one that has
	 * committed every event finishes its indexes first and exits, which
	 * takes seconds at millions of events: the person is told why the
	 * prompt has not come back. */
	if (!child.reaped && waitpid(pid, &status, WNOHANG) == 0) {
		kill(pid, SIGTERM);
		if (!exits_within(pid, &status, 300)) {
			fprintf(stderr, "%s\n",
			        _("trailnav: every event is committed; waiting "
			          "for the import to build its indexes..."));
			waitpid(pid, &status, 0);
		}
	}
	bool stopped = !WIFEXITED(status);
	replay(err, stderr);
	replay(out, stdout);
	close_files(out, err, reports);
	if (stopped) {
		cli_error("%s", _("the import was stopped before it finished; "
		                  "run the same command again to finish it "
		                  "(nothing it imported is lost)"));
		return rc != EXIT_OK ? rc : EXIT_PARTIAL;
	}
	int irc = WIFEXITED(status) ? WEXITSTATUS(status) : EXIT_USAGE;
	return rc != EXIT_OK ? rc : irc;
}

/* `-` (standard input) among the paths. */
static bool names_stdin(int n, char **paths)
{
	for (int i = 0; i < n; i++)
		if (strcmp(paths[i], "-") == 0)
			return true;
	return false;
}

/* `trailnav -` on a terminal goes to the import alone, which says that
 * standard input is no pipe: the browser's import would read /dev/null
 * in its place and report an empty file. */
static int import_paths(const struct cli_globals *g, int n, char **paths)
{
	if (interactive() && !names_stdin(n, paths))
		return import_and_browse(g, n, paths);
	return run_import(g, n, paths);
}

/* Global options before the command; returns the index of the command
 * word (argc when there is none), or -1 after reporting a usage error. */
static int parse_globals(struct cli_globals *g, int argc, char **argv)
{
	int i = 1;
	for (; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--db") == 0) {
			if (i + 1 >= argc) {
				cli_error(_("option %s needs a value"), "--db");
				return -1;
			}
			g->db = argv[++i];
		} else if (strncmp(a, "--db=", 5) == 0) {
			g->db = a + 5;
		} else {
			break;
		}
	}
	return i;
}

/* Said before the terminal is taken over: the browser and every command
 * open their database first. */
static void upgrade_notice(const char *path, int from, int to)
{
	struct buf shown;
	buf_init(&shown);
	fmt_escape_controls(&shown, path);
	fprintf(stderr,
	        _("trailnav: upgrading the database %s from schema version %d "
	          "to %d; this happens once, and takes a minute or more at "
	          "millions of events\n"),
	        shown.data ? shown.data : "", from, to);
	buf_free(&shown);
}

int main(int argc, char **argv)
{
	store_library_init();
	store_set_upgrade_notice(upgrade_notice);
	setlocale(LC_ALL, "");
#if defined(ENABLE_NLS) && ENABLE_NLS
	/* TRAILNAV_LOCALEDIR: translations from elsewhere than where `make
	 * install` puts them (the tests use the build tree's). */
	const char *localedir = getenv("TRAILNAV_LOCALEDIR");
	bindtextdomain(PACKAGE, localedir && *localedir ? localedir : LOCALEDIR);
	textdomain(PACKAGE);
#endif
	struct cli_globals g = { NULL };
	int first = parse_globals(&g, argc, argv);
	if (first < 0)
		return EXIT_USAGE;
	if (first == argc)
		return interactive() ? browse(&g, NULL) : cmd_stats(&g, 1, argv);
	const char *word = argv[first];
	if (strcmp(word, "--help") == 0 || strcmp(word, "-h") == 0 ||
	    strcmp(word, "help") == 0) {
		const struct cli_command *c =
			first + 1 < argc ? find_command(argv[first + 1]) : NULL;
		if (c)
			c->help();
		else
			print_help();
		return cli_output_end(EXIT_OK);
	}
	/* Not in --help: the browser's keys from its action table, as roff
	 * for the manual page (make builds doc/trailnav.1 with it) or as
	 * plain lines. */
	if (strcmp(word, "--help-keys") == 0 ||
	    strcmp(word, "--help-keys=man") == 0) {
		ui_print_keys(stdout, strcmp(word, "--help-keys=man") == 0);
		return cli_output_end(EXIT_OK);
	}
	if (strcmp(word, "--version") == 0 || strcmp(word, "-V") == 0) {
		print_version();
		return cli_output_end(EXIT_OK);
	}
	const struct cli_command *c = find_command(word);
	if (!c && looks_like_path(word))
		return import_paths(&g, argc - first, argv + first);
	if (!c) {
		cli_error(_("unknown command '%s' (try '%s --help')"), word,
		          cli_program);
		return EXIT_USAGE;
	}
	return c->run(&g, argc - first, argv + first);
}
