/* cmd_query.c - `trailnav query`: the events a filter matches, as a table
 * for a person or as CSV, JSON or NDJSON for other programs. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/export.h"
#include "util/format.h"
#include "cli/options.h"
#include "cli/output.h"
#include "cli/table.h"
#include "util/i18n.h"

void cmd_query_help(void)
{
	printf(_("Usage: %s query [FILTER...] [--format FORMAT] [--limit N] "
	         "[--columns LIST]\n       [--oldest-first]\n"),
	       cli_program);
	fputs(_("Print the events the filter matches, newest first.\n\n"),
	      stdout);
	fputs(_("  --format FORMAT  table (the default), csv, json or ndjson\n"
	        "  --limit N        at most N events (default: all)\n"
	        "  --columns LIST   for table and csv: a comma-separated list "
	        "of time,\n"
	        "                   category, region, service, event, "
	        "principal, arn, type,\n"
	        "                   key, account, ip, error, ro, agent, id, "
	        "request\n"
	        "  --oldest-first   oldest events first\n"
	        "  --db FILE        the database (default: $TRAILNAV_DB, else\n"
	        "                   $XDG_DATA_HOME/trailnav/trailnav.db)\n"
	        "  --help           this help\n\n"),
	      stdout);
	fputs(_("table: fitted to the terminal's width (else $COLUMNS, else 80 "
	        "columns);\n"
	        "  long values are cut with an ellipsis, control characters "
	        "shown as \\e, \\n...\n"
	        "csv: RFC 4180 with CRLF line ends and every column unless "
	        "--columns;\n"
	        "  control characters are shown as in the table, and a cell "
	        "starting with\n"
	        "  = + - @ tab or CR gets a leading ' so spreadsheets do not run "
	        "it.\n"
	        "json: an array of the original records, byte for byte.\n"
	        "ndjson: one record per line, byte for byte when the original "
	        "is on one\n"
	        "  line (as AWS writes them); a pretty-printed one loses the "
	        "spaces and\n"
	        "  line breaks between its tokens, nothing else.\n"
	        "On a terminal, JSON is made inert: control characters inside "
	        "strings are\n"
	        "written as \\u escapes (the same JSON value).\n\n"),
	      stdout);
	fputs(_("FILTER is the filter language: key:value terms such as "
	        "region:eu-west-1,\nevent:Get* -principal:backup* since:6h "
	        "error:any, and bare words.\n"
	        "Exit status: 0 (also when nothing matches), 2 on a bad filter "
	        "or option\nor when the database cannot be read.\n"),
	      stdout);
}

struct query_args {
	struct export_options o;
	bool have_columns;
	int nwords;
	char **words;
};

static int parse_columns(struct query_args *a, const char *v)
{
	const char *bad;
	size_t n;
	if (columns_parse(v, &a->o.columns, &bad, &n) == 0) {
		a->have_columns = true;
		return 0;
	}
	cli_error(_("unknown column '%.*s' in --columns (try '%s query "
	            "--help')"),
	          (int)n, bad, cli_program);
	return -1;
}

/* Only "--" options are options: "-principal:x" is a negated filter term. */
static int parse_one(struct query_args *a, struct cli_globals *g, int *i,
                     int argc, char **argv)
{
	const char *v = NULL;
	int rc;
	if ((rc = cli_value_option("--format", i, argc, argv, &v)) != 0) {
		if (rc > 0 && export_format_parse(v, &a->o.format) < 0) {
			cli_error(_("unknown format '%s': expected table, csv, json "
			            "or ndjson"),
			          v);
			return -1;
		}
		return rc < 0 ? -1 : 0;
	}
	if ((rc = cli_value_option("--limit", i, argc, argv, &v)) != 0) {
		a->o.limited = true;
		return rc < 0 ? -1 : cli_parse_count("--limit", v, &a->o.limit);
	}
	if ((rc = cli_value_option("--columns", i, argc, argv, &v)) != 0)
		return rc < 0 ? -1 : parse_columns(a, v);
	if ((rc = cli_value_option("--db", i, argc, argv, &v)) != 0) {
		g->db = v;
		return rc < 0 ? -1 : 0;
	}
	if (strcmp(argv[*i], "--oldest-first") == 0) {
		a->o.order = STORE_NEWER;
		return 0;
	}
	cli_error(_("unknown option '%s' (try '%s query --help')"), argv[*i],
	          cli_program);
	return -1;
}

struct option_ctx {
	struct query_args *a;
	struct cli_globals *g;
};

static int option(void *vctx, int *i, int argc, char **argv)
{
	struct option_ctx *c = vctx;
	return parse_one(c->a, c->g, i, argc, argv);
}

static int parse_args(struct query_args *a, struct cli_globals *g, int argc,
                      char **argv)
{
	struct option_ctx c = { a, g };
	if (cli_split_args(argc, argv, &a->words, &a->nwords, option, &c) < 0)
		return -1;
	if (a->have_columns && a->o.format != EXPORT_TABLE &&
	    a->o.format != EXPORT_CSV) {
		cli_error(_("--columns applies to the table and csv formats; "
		            "%s prints whole records"),
		          export_format_name(a->o.format));
		return -1;
	}
	return 0;
}

/* A person reading a table is told what it does not show; a program
 * reading CSV or JSON gets the data alone.  At --limit 0 no row is
 * shown, so "the first 0 events" would say nothing: the count is what
 * is left to tell. */
static int table_note(struct store *s, const struct query_args *a,
                      const struct filter *f, const struct export_result *res)
{
	int64_t n = 0;
	if (res->written == 0 && !res->more) {
		fprintf(stderr, "%s\n", _("No events match."));
	} else if (res->more && a->o.limited && a->o.limit == 0) {
		if (store_count(s, f, &n) < 0) {
			cli_error("%s", store_errmsg(s));
			return EXIT_USAGE;
		}
		fprintf(stderr,
		        ngettext("(%lld event matches; --limit 0 shows none.)\n",
		                 "(%lld events match; --limit 0 shows none.)\n",
		                 (unsigned long)n),
		        (long long)n);
	} else if (res->more) {
		fprintf(stderr,
		        ngettext("(The first %zu event; more match.)\n",
		                 "(The first %zu events; more match.)\n",
		                 (unsigned long)res->written),
		        res->written);
	}
	return EXIT_OK;
}

static int run_query(struct store *s, const struct query_args *a,
                     const struct filter *f)
{
	char err[512];
	struct export_result res;
	if (export_events(s, f, stdout, &a->o, &res, err, sizeof err) < 0) {
		cli_error("%s", err);
		return EXIT_USAGE;
	}
	return a->o.format == EXPORT_TABLE ? table_note(s, a, f, &res)
	                                   : EXIT_OK;
}

int cmd_query(const struct cli_globals *globals, int argc, char **argv)
{
	struct cli_globals g = *globals;
	struct query_args a = { .o = { .format = EXPORT_TABLE,
		                       .order = STORE_OLDER } };
	if (cli_wants_help(argc, argv)) {
		cmd_query_help();
		return cli_output_end(EXIT_OK);
	}
	if (parse_args(&a, &g, argc, argv) < 0) {
		free(a.words);
		return EXIT_USAGE;
	}
	a.o.terminal = isatty(STDOUT_FILENO);
	a.o.width = table_width_for(stdout);
	int rc = EXIT_USAGE;
	struct filter *f = cli_parse_filter(a.nwords, a.words);
	struct store *s = f ? cli_open_store(&g, STORE_READ_EXISTING, NULL) : NULL;
	if (s)
		rc = run_query(s, &a, f);
	store_close(s);
	filter_free(f);
	free(a.words);
	return rc;
}
