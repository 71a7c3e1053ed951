/* fuzz_gunzip.c - libFuzzer target for gzip input.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -DHAVE_CONFIG_H \
 *     -D_POSIX_C_SOURCE=200809L -I. -Isrc tests/fuzz/fuzz_gunzip.c \
 *     src/util/gunzip.c src/util/format.c src/util/buf.c -lz -ldeflate \
 *     -o fuzz_gunzip
 *   ./fuzz_gunzip CORPUS_DIR
 *
 * Never crashes, never returns more than the cap, always says why it
 * failed, and stops early at `want` without exceeding the cap.
 */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>

#include "util/gunzip.h"

#define CAP (1u << 20)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *out = NULL;
	size_t n = 0;
	const char *why = NULL;
	if (gunzip_decode(data, size, 0, CAP, &out, &n, &why) == 0) {
		if (n > CAP || out[n] != '\0')
			abort();
		free(out);
	} else if (!why || out) {
		abort();
	}
	if (gunzip_decode(data, size, 100, CAP, &out, &n, &why) == 0) {
		if (n > CAP)
			abort();
		free(out);
	}
	return 0;
}
