/* cmd_generate.c - `trailnav generate`: write a realistic synthetic trail
 * in the real S3 layout, for teaching labs, benchmarks and tests. */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/options.h"
#include "cli/output.h"
#include "gen/generate.h"
#include "util/i18n.h"

void cmd_generate_help(void)
{
	printf(_("Usage: %s generate [--events N] [--seed S] [--start TIME] "
	         "[--incident]\n       [--no-digests] [--force] DIR\n"),
	       cli_program);
	fputs(_("Write a realistic synthetic CloudTrail trail into DIR, laid "
	        "out as CloudTrail\ndelivers it to S3 (DIR/AWSLogs/...): an "
	        "organization trail over five\naccounts and fifteen regions, "
	        "an account trail that receives one member's\nwrite "
	        "management events again (same eventIDs), a standalone account's trail,\n"
	        "Insights events and hourly digest files.  Files are gzip'd "
	        "JSON, one per\naccount, region and five-minute delivery.\n\n"),
	      stdout);
	fputs(_("  --events N    records to write (default 10000); the trail "
	        "lasts a day\n"
	        "                per 1,000,000 records, at least one day\n"
	        "  --seed S      seed of the generator (default 1): the same "
	        "seed, events and\n"
	        "                start give byte-identical files\n"
	        "  --start TIME  when the trail begins, UTC: 2024-05-01 or\n"
	        "                2024-05-01T08:00:00Z (default "
	        "2024-05-01T00:00:00Z)\n"
	        "  --incident    weave in a scripted incident: a leaked "
	        "access key used\n"
	        "                from an unfamiliar address for "
	        "reconnaissance, a new\n"
	        "                administrator, StopLogging, S3 "
	        "exfiltration and a console\n"
	        "                sign-in without MFA (its records come on "
	        "top of N)\n"
	        "  --no-digests  write no digest files\n"
	        "  --force       write into DIR even if DIR/AWSLogs already "
	        "holds files\n"
	        "                (files of the same name are replaced)\n"
	        "  --help        this help\n\n"),
	      stdout);
	fputs(_("DIR is created if missing.  Without --force, a DIR whose "
	        "AWSLogs/ holds\nfiles is refused: a second trail mixed into "
	        "the first would double its\nevents.  Digest signatures are "
	        "stand-ins (CloudTrail signs with its private\nkey); the "
	        "SHA-256 hashes of log files are real.\n\n"
	        "Exit status: 0 written; 1 stopped part way (the error names "
	        "the file);\n2 bad usage, or nothing could be written.\n"),
	      stdout);
}

struct generate_args {
	struct gen_options opt;
	const char *dir;
	int ndirs;
};

/* A whole decimal number in [min, max]; no sign, no suffix. */
static int parse_count(const char *v, unsigned long long min,
                       unsigned long long max, unsigned long long *out)
{
	char *end;
	if (*v < '0' || *v > '9')
		return -1;
	errno = 0;
	unsigned long long n = strtoull(v, &end, 10);
	if (errno || *end || n < min || n > max)
		return -1;
	*out = n;
	return 0;
}

static int parse_one(struct generate_args *a, int *i, int argc, char **argv)
{
	const char *v = NULL;
	unsigned long long n;
	int rc;
	if ((rc = cli_value_option("--events", i, argc, argv, &v)) != 0) {
		if (rc < 0)
			return -1;
		if (parse_count(v, 1, GEN_MAX_EVENTS, &n) < 0) {
			cli_error(_("--events takes a whole number from 1 to %llu, "
			            "not '%s'"),
			          (unsigned long long)GEN_MAX_EVENTS, v);
			return -1;
		}
		a->opt.events = n;
		return 0;
	}
	if ((rc = cli_value_option("--seed", i, argc, argv, &v)) != 0) {
		if (rc < 0)
			return -1;
		if (parse_count(v, 0, UINT64_MAX, &n) < 0) {
			cli_error(_("--seed takes a whole number, not '%s'"), v);
			return -1;
		}
		a->opt.seed = n;
		return 0;
	}
	if ((rc = cli_value_option("--start", i, argc, argv, &v)) != 0) {
		if (rc < 0)
			return -1;
		if (gen_parse_time(v, &a->opt.start) < 0) {
			cli_error(_("--start takes a UTC date or time such as "
			            "2024-05-01 or 2024-05-01T08:00:00Z, not '%s'"),
			          v);
			return -1;
		}
		return 0;
	}
	if (strcmp(argv[*i], "--force") == 0) {
		a->opt.force = true;
		return 0;
	}
	if (strcmp(argv[*i], "--incident") == 0) {
		a->opt.incident = true;
		return 0;
	}
	if (strcmp(argv[*i], "--no-digests") == 0) {
		a->opt.no_digests = true;
		return 0;
	}
	cli_error(_("unknown option '%s' (try '%s generate --help')"), argv[*i],
	          cli_program);
	return -1;
}

/* Only "--" options are options; everything else is the directory. */
static int parse_args(struct generate_args *a, int argc, char **argv)
{
	bool options = true;
	for (int i = 1; i < argc; i++) {
		if (options && strcmp(argv[i], "--") == 0)
			options = false;
		else if (options && strncmp(argv[i], "--", 2) == 0) {
			if (parse_one(a, &i, argc, argv) < 0)
				return -1;
		} else if (a->ndirs++ == 0)
			a->dir = argv[i];
	}
	if (a->ndirs == 0) {
		cli_error(_("no directory given (try '%s generate --help')"),
		          cli_program);
		return -1;
	}
	if (a->ndirs > 1) {
		cli_error(_("give one directory, not %d (try '%s generate "
		            "--help')"),
		          a->ndirs, cli_program);
		return -1;
	}
	return 0;
}

/* One line in parts, each counted noun in the plural its count wants
 * (unsigned long: ngettext's count; the counts stay far below it). */
static void print_summary(const struct gen_options *o,
                          const struct gen_summary *s)
{
	char from[24], to[24];
	gen_format_time(from, s->first);
	gen_format_time(to, s->last);
	/* TRANSLATORS: the six parts of one line, as "DIR: 2400 events (35
	 * of them again in an account trail, 4 Insights, 93 of the
	 * incident) in 52 log files, 2 Insights files and 16 digest files;
	 * 1.2 MB written (9.8 MB of JSON); TIME to TIME". */
	printf(ngettext("%s: %llu event ", "%s: %llu events ",
	                (unsigned long)s->events),
	       o->dir, (unsigned long long)s->events);
	printf(_("(%llu of them again in an account trail, %llu Insights, "
	         "%llu of the incident) "),
	       (unsigned long long)s->duplicates,
	       (unsigned long long)s->insights,
	       (unsigned long long)s->incident);
	printf(ngettext("in %llu log file, ", "in %llu log files, ",
	                (unsigned long)s->log_files),
	       (unsigned long long)s->log_files);
	printf(ngettext("%llu Insights file ", "%llu Insights files ",
	                (unsigned long)s->insight_files),
	       (unsigned long long)s->insight_files);
	printf(ngettext("and %llu digest file; ", "and %llu digest files; ",
	                (unsigned long)s->digest_files),
	       (unsigned long long)s->digest_files);
	printf(_("%.1f MB written (%.1f MB of JSON); %s to %s\n"),
	       (double)s->bytes / 1e6, (double)s->json_bytes / 1e6, from, to);
}

int cmd_generate(const struct cli_globals *globals, int argc, char **argv)
{
	(void)globals; /* no database: generate only writes files */
	struct generate_args a = { .opt = { .events = GEN_DEFAULT_EVENTS,
		                            .seed = GEN_DEFAULT_SEED } };
	if (cli_wants_help(argc, argv)) {
		cmd_generate_help();
		return cli_output_end(EXIT_OK);
	}
	if (gen_parse_time(GEN_DEFAULT_START_TEXT, &a.opt.start) < 0 ||
	    parse_args(&a, argc, argv) < 0)
		return EXIT_USAGE;
	a.opt.dir = a.dir;
	struct gen_summary sum;
	char err[1024];
	if (gen_run(&a.opt, &sum, err, sizeof err) < 0) {
		cli_error("%s", err);
		return sum.bytes ? EXIT_PARTIAL : EXIT_USAGE;
	}
	print_summary(&a.opt, &sum);
	return cli_output_end(EXIT_OK);
}
