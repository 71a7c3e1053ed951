/* test_uuid_key.c - which IDs are packed into 16 bytes, and that the
 * bytes read back as the very text they came from. */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/uuid_key.h"

static bool packs(const char *text)
{
	uint8_t key[UUID_KEY_BYTES];
	return uuid_key_pack(text, strlen(text), key);
}

static void test_round_trip(void **state)
{
	(void)state;
	const char *id = "0b5e7c1a-2f3d-4e5f-8a9b-0c1d2e3f4a5b";
	uint8_t key[UUID_KEY_BYTES];
	assert_true(uuid_key_pack(id, strlen(id), key));
	assert_int_equal(key[0], 0x0b);
	assert_int_equal(key[4], 0x2f);
	assert_int_equal(key[15], 0x5b);
	char text[UUID_KEY_TEXT_SIZE];
	uuid_key_format(key, text);
	assert_string_equal(text, id);
	/* Every byte value, both digits of it, through a round trip. */
	for (unsigned v = 0; v < 256; v++) {
		memset(key, (int)v, sizeof key);
		uuid_key_format(key, text);
		uint8_t back[UUID_KEY_BYTES];
		assert_true(uuid_key_pack(text, strlen(text), back));
		assert_memory_equal(back, key, sizeof key);
	}
}

/* Only the canonical spelling: anything else must stay text, or two
 * spellings of one ID would be stored as two keys. */
static void test_refusals(void **state)
{
	(void)state;
	assert_true(packs("00000000-0000-0000-0000-000000000000"));
	assert_false(packs("0B5E7C1A-2F3D-4E5F-8A9B-0C1D2E3F4A5B"));
	assert_false(packs("0b5e7c1a-2f3d-4e5f-8a9b-0c1d2e3f4a5B"));
	assert_false(packs("0b5e7c1a2f3d4e5f8a9b0c1d2e3f4a5b"));
	assert_false(packs("0b5e7c1a-2f3d-4e5f-8a9b-0c1d2e3f4a5"));
	assert_false(packs("0b5e7c1a-2f3d-4e5f-8a9b-0c1d2e3f4a5b0"));
	assert_false(packs("0b5e7c1a-2f3d-4e5f-8a9b_0c1d2e3f4a5b"));
	assert_false(packs("0b5e7c1a--f3d-4e5f-8a9b-0c1d2e3f4a5b"));
	assert_false(packs("0b5e7c1ag2f3d-4e5f-8a9b-0c1d2e3f4a5b"));
	assert_false(packs("0b5e7c1a-2f3d-4e5f-8a9b-0c1d2e3f4a5g"));
	assert_false(packs("trailnav-00112233445566778899aabbccd"));
	assert_false(packs(""));
	assert_false(packs("ABCD1234EFGH5678"));
	/* A NUL inside the 36 bytes is not a digit. */
	char nul[] = "0b5e7c1a-2f3d-4e5f-8a9b-0c1d2e3f4a5b";
	nul[20] = '\0';
	uint8_t key[UUID_KEY_BYTES];
	assert_false(uuid_key_pack(nul, 36, key));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_refusals),
	};
	return cmocka_run_group_tests_name("uuid_key", tests, NULL, NULL);
}
