/* store_fixture.h - building small trail files for store tests: each test
 * event becomes both a JSON record in a file and the store_event pointing
 * at it, so what the store reads back can be checked byte for byte. */
#ifndef TRAILNAV_TEST_STORE_FIXTURE_H
#define TRAILNAV_TEST_STORE_FIXTURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

struct fx_event {
	const char *id;
	int64_t ms;
	enum event_category cat;
	const char *region, *service, *name;
	const char *type, *arn, *user, *key, *account, *ip, *agent, *error;
	int ro; /* 1, 0; -1 absent */
	bool global;
	const char *resource; /* one ARN or NULL */
	const char *request;
	const char *extra; /* more JSON members for the record, or NULL */
	/* userIdentity.accountId, when the principal's account is not the
	 * recipient's (cross-account calls); NULL: none given. */
	const char *principal_account;
	const char *resource2; /* a second ARN (after `resource`) or NULL */
	const char *shared;    /* sharedEventID or NULL */
};

enum fx_encoding { FX_PLAIN, FX_GZIP, FX_GZIP_TWO_MEMBERS };

/* Adds a file holding `n` events as {"Records":[...]}.  Returns the number
 * of duplicates the store reported, or -1 on failure. */
int fx_add_file(struct store *s, const char *path, const struct fx_event *ev,
                size_t n, enum fx_encoding enc);

/* The JSON text of one fixture record (malloc'd), as fx_add_file writes
 * it. */
char *fx_record_json(const struct fx_event *ev);

/* A parsed filter (fails the test on a bad one); now is 2024-05-01T12:00Z. */
struct filter *fx_filter(const char *text);

/* The event IDs of every match of a filter, newest first, joined with
 * spaces (malloc'd); fails the test when the count disagrees. */
char *fx_ids_for(struct store *s, const char *filter_text);

/* The integer the first row of `sql` gives, read through a connection of
 * its own to the database file `path`; `arg` (or NULL) is bound to ?1.
 * Fails the test when there is no row. */
int64_t fx_scalar(const char *path, const char *sql, const char *arg);

/* Makes the database `name` in fx_tmpdir, its path into path[len], with
 * one plain file `file` holding `n` events, none of them duplicates, and
 * closes it. */
void fx_database_with(char *path, size_t len, const char *name,
                      const char *file, const struct fx_event *ev, size_t n);

/* Runs `sql` on the database file `path` through a connection of its
 * own, failing the test on an error. */
void fx_exec(const char *path, const char *sql);

/* Whether SQLite's plan for `sql` on the database file `path` has a line
 * that holds `index` ("COVERING INDEX x", or just the name). */
bool fx_plan_uses(const char *path, const char *sql, const char *index);

/* "<select> FROM event e WHERE ..." with the condition the store
 * compiles filter `text` to, into sql[len]. */
void fx_filter_sql(struct store *s, const char *select, const char *text,
                   char *sql, size_t len);

/* A filter and the IDs fx_ids_for() must give for it. */
struct fx_case {
	const char *filter, *ids;
};
/* Fails the test at the first case that does not hold, naming `when`. */
void fx_check_cases(struct store *s, const struct fx_case *cases, size_t n,
                    const char *when);
#define FX_NCASES(a) (sizeof(a) / sizeof((a)[0]))

/* A temporary directory for a group's databases: cmocka group setup and
 * teardown (the directory and all in it removed). */
extern char fx_tmpdir[64];
int fx_make_tmpdir(void **state);
int fx_remove_tmpdir(void **state);

#define FX_NOW_MS 1714564800000LL
#define FX_T0 1714521600000LL /* 2024-05-01T00:00:00Z */
#define FX_HOUR 3600000LL

/* Eight events across every dimension, from FX_T0 on; the second to the
 * fourth share a timestamp. */
extern const struct fx_event fx_base[];
extern const size_t fx_nbase;

#endif
