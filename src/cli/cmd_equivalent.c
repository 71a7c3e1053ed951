/* cmd_equivalent.c - `trailnav equivalent`: the filter as an Athena query,
 * a CloudTrail Lake query or `aws cloudtrail lookup-events` commands. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/equivalent.h"
#include "util/format.h"
#include "cli/options.h"
#include "cli/output.h"
#include "util/i18n.h"

void cmd_equivalent_help(void)
{
	printf(_("Usage: %s equivalent [FILTER...] --for athena|lake|cli\n"),
	       cli_program);
	fputs(_("Print the same question for where the data outgrows one "
	        "machine:\n\n"
	        "  --for athena  an Amazon Athena query over the CloudTrail "
	        "table AWS\n"
	        "                documents (cloudtrail_logs_pp, partition "
	        "projection)\n"
	        "  --for lake    a CloudTrail Lake query (FROM "
	        "<event-data-store-id>)\n"
	        "  --for cli     'aws cloudtrail lookup-events' command lines\n"
	        "  --help        this help\n\n"
	        "What the target cannot express (lookup-events takes one "
	        "attribute and\n"
	        "returns no data events; no target searches the record text) "
	        "is said in\n"
	        "comment lines and repeated on standard error.  The database "
	        "is not read.\n"),
	      stdout);
}

/* Only "--" options are options: "-principal:x" is a negated filter term. */
static int parse_args(int argc, char **argv, bool *have_target,
                      enum equiv_target *target, char **words, int *nwords)
{
	bool options = true;
	for (int i = 1; i < argc; i++) {
		const char *v = NULL;
		int rc;
		if (options && strcmp(argv[i], "--") == 0) {
			options = false;
		} else if (options &&
		           (rc = cli_value_option("--for", &i, argc, argv, &v))) {
			if (rc < 0)
				return -1;
			if (equiv_target_parse(v, target) < 0) {
				cli_error(_("unknown target '%s' for --for: "
				            "expected athena, lake or cli"),
				          v);
				return -1;
			}
			*have_target = true;
		} else if (options &&
		           (rc = cli_value_option("--db", &i, argc, argv, &v))) {
			if (rc < 0)
				return -1; /* accepted like every command's */
		} else if (options && strncmp(argv[i], "--", 2) == 0) {
			cli_error(_("unknown option '%s' (try '%s equivalent "
			            "--help')"),
			          argv[i], cli_program);
			return -1;
		} else {
			words[(*nwords)++] = argv[i];
		}
	}
	if (!*have_target) {
		cli_error(_("say which target with --for athena, --for lake or "
		            "--for cli"));
		return -1;
	}
	return 0;
}

/* Filter values may hold control characters (a pivot copies them from a
 * record): on a terminal, such a line is shown escaped.  Only those: a
 * backslash (LIKE's ESCAPE '\', one typed in the filter) is shown as it
 * is, so that what is copied from the screen is the query. */
static void print_text(const char *text, bool terminal, FILE *to,
                       const char *prefix)
{
	const char *line = text;
	while (*line) {
		size_t n = strcspn(line, "\n");
		char *one = strndup(line, n);
		if (one) {
			struct buf b;
			buf_init(&b);
			if (terminal)
				fmt_escape_controls(&b, one);
			fprintf(to, "%s%s\n", prefix,
			        terminal ? (b.data ? b.data : "") : one);
			buf_free(&b);
			free(one);
		}
		line += n + (line[n] == '\n');
	}
}

int cmd_equivalent(const struct cli_globals *g, int argc, char **argv)
{
	(void)g;
	if (cli_wants_help(argc, argv)) {
		cmd_equivalent_help();
		return cli_output_end(EXIT_OK);
	}
	char **words = calloc((size_t)argc + 1, sizeof *words);
	int nwords = 0;
	bool have = false;
	enum equiv_target target = EQUIV_ATHENA;
	if (!words || parse_args(argc, argv, &have, &target, words, &nwords) < 0) {
		free(words);
		return EXIT_USAGE;
	}
	struct filter *f = cli_parse_filter(nwords, words);
	free(words);
	if (!f)
		return EXIT_USAGE;
	struct buf out, notes;
	buf_init(&out);
	buf_init(&notes);
	int rc = equivalent(f, target, &out, &notes);
	filter_free(f);
	if (rc < 0) {
		cli_error("%s", _("out of memory"));
	} else {
		print_text(out.data ? out.data : "", isatty(STDOUT_FILENO),
		           stdout, "");
		char prefix[64];
		snprintf(prefix, sizeof prefix, "%s: ", cli_program);
		print_text(notes.data ? notes.data : "", isatty(STDERR_FILENO),
		           stderr, prefix);
	}
	buf_free(&out);
	buf_free(&notes);
	return cli_output_end(rc < 0 ? EXIT_USAGE : EXIT_OK);
}
