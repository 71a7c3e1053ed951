/* fixture_db.c - writes the fixture trail (store_fixture.c) into a
 * database file through the store's writer, for the command-line tests.
 * Usage: fixture_db DATABASE */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>

#include "store/store.h"
#include "store_fixture.h"

int main(int argc, char **argv)
{
	char err[512];
	if (argc != 2) {
		fprintf(stderr, "usage: fixture_db DATABASE\n");
		return 2;
	}
	struct store *s = store_open(argv[1], STORE_READ_WRITE, err, sizeof err);
	if (!s) {
		fprintf(stderr, "fixture_db: %s\n", err);
		return 1;
	}
	int rc = fx_add_file(s, "AWSLogs/111111111111/CloudTrail/us-east-1/"
	                        "2024/05/01/fixture.json.gz",
	                     fx_base, fx_nbase, FX_GZIP);
	if (rc < 0)
		fprintf(stderr, "fixture_db: %s\n", store_errmsg(s));
	store_close(s);
	return rc < 0;
}
