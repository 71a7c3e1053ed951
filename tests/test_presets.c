/* test_presets.c - every preset in data/presets is well formed: a unique
 * name, a title, and a filter the language accepts. */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filter/filter.h"

static FILE *open_presets(void)
{
	const char *top = getenv("TRAILNAV_TOP_SRCDIR");
	char path[4096];
	snprintf(path, sizeof path, "%s/data/presets", top ? top : ".");
	FILE *f = fopen(path, "r");
	if (!f)
		fail_msg("cannot open %s", path);
	return f;
}

static void test_every_preset_parses(void **state)
{
	(void)state;
	FILE *fp = open_presets();
	char line[4096], names[64][64];
	size_t n = 0;
	while (fgets(line, sizeof line, fp)) {
		line[strcspn(line, "\n")] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		char *title = strchr(line, '\t');
		char *filter = title ? strchr(title + 1, '\t') : NULL;
		if (!filter)
			fail_msg("preset line without two tabs: %s", line);
		*title++ = '\0';
		*filter++ = '\0';
		assert_true(strlen(line) > 0 && strlen(line) < 64);
		assert_true(strlen(title) > 0);
		for (size_t i = 0; i < n; i++)
			if (strcmp(names[i], line) == 0)
				fail_msg("preset %s appears twice", line);
		assert_true(n < 64);
		snprintf(names[n++], sizeof names[0], "%s", line);
		struct filter_error err;
		struct filter *f = filter_parse(filter, 0, &err);
		if (!f)
			fail_msg("preset %s: %s at %zu", line, err.message, err.pos);
		assert_true(f->nterms > 0);
		filter_free(f);
	}
	fclose(fp);
	/* SPEC section 4 names ten kinds of preset. */
	assert_true(n >= 10);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_preset_parses),
	};
	return cmocka_run_group_tests_name("presets", tests, NULL, NULL);
}
