/* cli.h - the subcommands of the trailnav program. */
#ifndef TRAILNAV_CLI_H
#define TRAILNAV_CLI_H

/* Exit statuses (SPEC section 1). */
enum {
	EXIT_OK = 0,
	EXIT_PARTIAL = 1, /* some input could not be used; the rest was */
	EXIT_USAGE = 2    /* bad usage, or nothing could be done */
};

/* Options every command takes, given before or after the command name. */
struct cli_globals {
	const char *db; /* --db FILE, or NULL for the default */
};

struct cli_command {
	const char *name;
	const char *args;    /* "[FILTER...] [--by DIM]" */
	const char *summary; /* one line for --help, marked with N_() */
	int (*run)(const struct cli_globals *g, int argc, char **argv);
	void (*help)(void);
};

int cmd_demo(const struct cli_globals *g, int argc, char **argv);
void cmd_demo_help(void);
int cmd_files(const struct cli_globals *g, int argc, char **argv);
void cmd_files_help(void);
int cmd_generate(const struct cli_globals *g, int argc, char **argv);
void cmd_generate_help(void);
int cmd_import(const struct cli_globals *g, int argc, char **argv);
void cmd_import_help(void);
int cmd_equivalent(const struct cli_globals *g, int argc, char **argv);
void cmd_equivalent_help(void);
int cmd_query(const struct cli_globals *g, int argc, char **argv);
void cmd_query_help(void);
int cmd_stats(const struct cli_globals *g, int argc, char **argv);
void cmd_stats_help(void);

#endif
