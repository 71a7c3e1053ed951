/* fuzz_filter.c - libFuzzer target for the filter language.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -DHAVE_CONFIG_H \
 *     -D_POSIX_C_SOURCE=200809L -I. -Isrc tests/fuzz/fuzz_filter.c \
 *     src/filter/filter.c src/filter/filter_time.c \
 *     src/filter/filter_format.c src/util/calendar.c -o fuzz_filter
 *   ./fuzz_filter -max_len=512 CORPUS_DIR
 *
 * Besides "never crashes", it checks what the browser and the commands
 * rely on: an error points inside the text; a filter that parses prints
 * to a text that parses again and prints the same.
 */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "filter/filter.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	size_t len = strlen(text); /* the language stops at a NUL, as C does */
	struct filter_error err;
	struct filter *f = filter_parse(text, 1714564800000LL, &err);
	if (!f) {
		if (err.pos > len || err.len > len - err.pos)
			abort();
	} else {
		char *once = filter_format(f);
		struct filter *g = once ? filter_parse(once, 1714564800000LL,
		                                       &err)
		                        : NULL;
		char *twice = g ? filter_format(g) : NULL;
		if (once && (!g || !twice || strcmp(once, twice) != 0))
			abort();
		free(twice);
		filter_free(g);
		free(once);
		filter_free(f);
	}
	free(text);
	return 0;
}
