/* cmd_stats.c - `trailnav stats`: counts of the events a filter matches,
 * as a summary or grouped by one dimension. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/export.h"
#include "cli/json_text.h"
#include "util/fit_label.h"
#include "util/format.h"
#include "cli/options.h"
#include "cli/output.h"
#include "util/i18n.h"

void cmd_stats_help(void)
{
	printf(_("Usage: %s stats [FILTER...] [--by DIMENSION] [--limit N] "
	         "[--format FORMAT]\n"),
	       cli_program);
	fputs(_("Count the events the filter matches.  Without --by, a summary "
	        "of the\ndatabase and the matching events by category.\n\n"),
	      stdout);
	fputs(_("  --by DIMENSION  group by category, region, service, event, "
	        "principal,\n"
	        "                  type, account, error, ro, ip, key, agent, "
	        "day or hour\n"
	        "  --limit N       at most N rows (default: all)\n"
	        "  --format FORMAT table (the default), csv (value,label,"
	        "events) or json\n"
	        "                  ({\"dimension\", \"events\", \"values\": "
	        "[{\"value\",\n"
	        "                  \"label\", \"events\"}]}); csv and json "
	        "count by category\n"
	        "                  when --by is not given\n"
	        "  --db FILE       the database (default: $TRAILNAV_DB, else\n"
	        "                  $XDG_DATA_HOME/trailnav/trailnav.db)\n"
	        "  --help          this help\n\n"),
	      stdout);
	fputs(_("FILTER is the filter language: key:value terms such as "
	        "region:eu-west-1,\nevent:Get* -principal:backup* since:6h "
	        "error:any, and bare words.\n"),
	      stdout);
}

struct stats_args {
	enum export_format format;
	bool have_by;
	enum store_dimension by;
	bool have_limit; /* --limit 0 is no rows, not every row */
	size_t limit;
	int nwords;
	char **words;
};

/* Only "--" options are options: "-principal:x" is a negated filter term. */
static int parse_one(struct stats_args *a, struct cli_globals *g, int *i,
                     int argc, char **argv)
{
	const char *v = NULL;
	int rc;
	if ((rc = cli_value_option("--by", i, argc, argv, &v)) != 0) {
		if (rc < 0)
			return -1;
		if (store_dimension_parse(v, &a->by) < 0) {
			cli_error(_("unknown dimension '%s' for --by"), v);
			return -1;
		}
		a->have_by = true;
		return 0;
	}
	if ((rc = cli_value_option("--limit", i, argc, argv, &v)) != 0) {
		a->have_limit = true;
		return rc < 0 ? -1 : cli_parse_count("--limit", v, &a->limit);
	}
	if ((rc = cli_value_option("--format", i, argc, argv, &v)) != 0) {
		if (rc > 0 && (export_format_parse(v, &a->format) < 0 ||
		               a->format == EXPORT_NDJSON)) {
			cli_error(_("unknown format '%s' for stats: expected "
			            "table, csv or json"),
			          v);
			return -1;
		}
		return rc < 0 ? -1 : 0;
	}
	if ((rc = cli_value_option("--db", i, argc, argv, &v)) != 0) {
		g->db = v;
		return rc < 0 ? -1 : 0;
	}
	cli_error(_("unknown option '%s' (try '%s stats --help')"), argv[*i],
	          cli_program);
	return -1;
}

struct option_ctx {
	struct stats_args *a;
	struct cli_globals *g;
};

static int option(void *vctx, int *i, int argc, char **argv)
{
	struct option_ctx *c = vctx;
	return parse_one(c->a, c->g, i, argc, argv);
}

static int parse_args(struct stats_args *a, struct cli_globals *g, int argc,
                      char **argv)
{
	struct option_ctx c = { a, g };
	if (cli_split_args(argc, argv, &a->words, &a->nwords, option, &c) < 0)
		return -1;
	return 0;
}

static void print_counts_table(const char *heading,
                               const struct store_facet *facet, int64_t total)
{
	size_t w = fmt_width(heading);
	struct buf cell;
	buf_init(&cell);
	for (size_t i = 0; i < facet->count; i++) {
		buf_free(&cell);
		fmt_escape(&cell, facet->values[i].label);
		size_t cw = cell.data ? fmt_width(cell.data) : 0;
		w = cw > w ? cw : w;
	}
	w = w > 60 ? 60 : w;
	buf_free(&cell);
	fmt_fit(&cell, heading, w, 0);
	/* Padded by display width, not bytes: the heading is translated. */
	buf_puts(&cell, "  ");
	fmt_fit(&cell, _("EVENTS"), 12, 1);
	printf("%s  %6s\n", cell.data, "%");
	for (size_t i = 0; i < facet->count; i++) {
		struct buf esc;
		buf_init(&esc);
		buf_free(&cell);
		fmt_escape(&esc, facet->values[i].label);
		fmt_fit_label(&cell, esc.data ? esc.data : "", w);
		double pct = total ? 100.0 * (double)facet->values[i].count /
		                             (double)total
		                   : 0.0;
		printf("%s  %12lld  %6.1f\n", cell.data ? cell.data : "",
		       (long long)facet->values[i].count, pct);
		buf_free(&esc);
	}
	buf_free(&cell);
}

static void print_counts_csv(const struct store_facet *facet)
{
	struct buf b;
	buf_init(&b);
	buf_puts(&b, "value,label,events\r\n");
	for (size_t i = 0; i < facet->count; i++) {
		const struct store_facet_value *v = &facet->values[i];
		export_csv_field(&b, v->value ? v->value : "");
		buf_putc(&b, ',');
		export_csv_field(&b, v->label);
		buf_printf(&b, ",%lld\r\n", (long long)v->count);
	}
	fputs(b.data ? b.data : "", stdout);
	buf_free(&b);
}

static void print_counts_json(enum store_dimension by,
                              const struct store_facet *facet, int64_t total)
{
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "{\"dimension\":\"%s\",\"events\":%lld,\"values\":[",
	           store_dimension_name(by), (long long)total);
	for (size_t i = 0; i < facet->count; i++) {
		const struct store_facet_value *v = &facet->values[i];
		buf_puts(&b, i ? ",\n" : "\n");
		buf_puts(&b, "{\"value\":");
		if (v->value)
			json_put_string(&b, v->value);
		else
			buf_puts(&b, "null");
		buf_puts(&b, ",\"label\":");
		json_put_string(&b, v->label);
		buf_printf(&b, ",\"events\":%lld}", (long long)v->count);
	}
	buf_puts(&b, "\n]}\n");
	fputs(b.data ? b.data : "", stdout);
	buf_free(&b);
}

static void print_summary(const char *path, const struct store_summary *sum)
{
	char from[24], to[24];
	printf(_("Database:  %s\n"), path);
	printf(ngettext("Events:    %lld (%lld duplicate skipped)\n",
	                "Events:    %lld (%lld duplicates skipped)\n",
	                (unsigned long)sum->duplicates),
	       (long long)sum->events, (long long)sum->duplicates);
	printf(ngettext("Files:     %lld imported, %lld digest, %lld failed\n",
	                "Files:     %lld imported, %lld digests, %lld failed\n",
	                (unsigned long)sum->files_digest),
	       (long long)sum->files_imported, (long long)sum->files_digest,
	       (long long)sum->files_failed);
	if (sum->events && sum->oldest_ms > 0) { /* some of a known time */
		fmt_time(from, sum->oldest_ms);
		fmt_time(to, sum->newest_ms);
		printf(_("Time span: %s to %s UTC\n"), from, to);
	}
	printf(_("Stored:    %.1f MB of original files\n"),
	       (double)sum->stored_bytes / 1e6);
}

static int run_stats(struct store *s, const char *path,
                     const struct stats_args *a, const struct filter *f)
{
	int64_t total = 0;
	struct store_facet facet = { 0 };
	if (!a->have_by && a->format == EXPORT_TABLE) {
		struct store_summary sum;
		if (store_summary(s, &sum) < 0)
			goto fail;
		print_summary(path, &sum);
		if (!sum.events)
			return EXIT_OK;
		putchar('\n');
	}
	enum store_dimension by = a->have_by ? a->by : DIM_CATEGORY;
	/* store_facet() takes 0 for every value: --limit 0 asks for none. */
	bool no_rows = a->have_limit && a->limit == 0;
	if (store_count(s, f, &total) < 0 ||
	    (!no_rows && store_facet(s, f, by, a->limit, &facet) < 0))
		goto fail;
	if (a->format == EXPORT_CSV || a->format == EXPORT_JSON) {
		if (a->format == EXPORT_CSV)
			print_counts_csv(&facet);
		else
			print_counts_json(by, &facet, total);
		store_facet_free(&facet);
		return EXIT_OK;
	}
	char heading[64];
	snprintf(heading, sizeof heading, "%s", store_dimension_name(by));
	for (char *c = heading; *c; c++)
		*c = (char)(*c >= 'a' && *c <= 'z' ? *c - 32 : *c);
	/* Rows whose labels are the same are told apart (csv and json
	 * have the values beside the labels). */
	if (store_facet_tell_apart(&facet) < 0)
		goto fail_memory;
	print_counts_table(heading, &facet, total);
	printf(ngettext("%lld event matches\n", "%lld events match\n",
	                (unsigned long)total),
	       (long long)total);
	store_facet_free(&facet);
	return EXIT_OK;
fail_memory:
	store_facet_free(&facet);
	cli_error("%s", _("out of memory"));
	return EXIT_USAGE;
fail:
	cli_error("%s", store_errmsg(s));
	return EXIT_USAGE;
}

int cmd_stats(const struct cli_globals *globals, int argc, char **argv)
{
	struct cli_globals g = *globals;
	struct stats_args a = { 0 };
	if (cli_wants_help(argc, argv)) {
		cmd_stats_help();
		return cli_output_end(EXIT_OK);
	}
	if (parse_args(&a, &g, argc, argv) < 0) {
		free(a.words);
		return EXIT_USAGE;
	}
	int rc = EXIT_USAGE;
	struct filter *f = cli_parse_filter(a.nwords, a.words);
	char *path = NULL;
	struct store *s = f ? cli_open_store(&g, STORE_READ_EXISTING, &path) : NULL;
	if (s)
		rc = cli_output_end(run_stats(s, path, &a, f));
	store_close(s);
	free(path);
	filter_free(f);
	free(a.words);
	return rc;
}
