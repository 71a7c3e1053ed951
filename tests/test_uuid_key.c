/* test_uuid_key.c - which IDs are packed, UUIDs into 16 bytes, S3's
 * request IDs into 11 and DynamoDB's into 34 (util/b36_key.h), and that
 * the bytes read back as the very text they came from. */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/b36_key.h"
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

static bool b36_packs(const char *text, size_t n)
{
	uint8_t key[B36_KEY_MAX_BYTES];
	return b36_key_pack(text, n, key) != 0;
}

/* A base-36 number in 11 or 34 bytes, most significant first, back to
 * its 16 or 52 characters, leading zeros and all. */
static void test_b36_round_trip(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		size_t bytes;
		uint8_t key[B36_KEY_MAX_BYTES];
	} known[] = {
		{ "0000000000000000", 11, { 0 } },
		{ "0000000000000001", 11, { [10] = 1 } },
		{ "000000000000000Z", 11, { [10] = 35 } },
		{ "0000000000000010", 11, { [10] = 36 } },
		{ "00000000000000ZZ", 11, { [9] = 0x05, [10] = 0x0f } },
		/* 36^16 - 1, the largest, fits in 88 bits. */
		{ "ZZZZZZZZZZZZZZZZ", 11, { 0x06, 0x95, 0x4f, 0xe2, 0x1e, 0x3e,
		                            0x80, 0xff, 0xff, 0xff, 0xff } },
		{ "0000000000000000000000000000000000000000000000000001", 34,
		  { [33] = 1 } },
		/* DynamoDB's, from AWS's documentation (Python's int(s, 36)). */
		{ "4KBNVRGD25RG1KG4F3RIL5OCLRVV4KQNSO5AEMVJF66Q9ASUAAJG", 34,
		  { 0x03, 0x9f, 0x24, 0xd0, 0x99, 0x1e, 0xd9, 0x1b, 0x89, 0x93,
		    0x3c, 0x33, 0x8e, 0x31, 0x03, 0x9e, 0xae, 0x34, 0xfc, 0x97,
		    0xec, 0x22, 0xba, 0xe4, 0xc3, 0x7d, 0x44, 0x26, 0x6c, 0x18,
		    0x4d, 0xcb, 0x01, 0xdc } },
		/* 36^52 - 1, the largest, fits in 269 bits. */
		{ "ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ", 34,
		  { 0x1c, 0x90, 0x40, 0x83, 0x0a, 0xa8, 0x88, 0x03, 0x52, 0xdf,
		    0xdf, 0x4c, 0x48, 0xe4, 0xfb, 0xa8, 0x26, 0x90, 0xbe, 0x45,
		    0x20, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		    0xff, 0xff, 0xff, 0xff } },
	};
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
		uint8_t key[B36_KEY_MAX_BYTES];
		char text[B36_KEY_TEXT_SIZE];
		size_t len = strlen(known[i].text);
		assert_int_equal(b36_key_pack(known[i].text, len, key),
		                 known[i].bytes);
		assert_memory_equal(key, known[i].key, known[i].bytes);
		assert_true(b36_key_format(key, known[i].bytes, text));
		assert_string_equal(text, known[i].text);
	}
	/* Every digit at every place, by a walk through the alphabet. */
	static const char digits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
	static const unsigned lengths[] = { 16, 52 };
	for (size_t l = 0; l < 2; l++) {
		unsigned n = lengths[l];
		for (unsigned step = 1; step < 36 * n; step += 7) {
			char id[B36_KEY_TEXT_SIZE], back[B36_KEY_TEXT_SIZE];
			for (unsigned c = 0; c < n; c++)
				id[c] = digits[(step * (c + 3) + c) % 36];
			id[n] = '\0';
			uint8_t key[B36_KEY_MAX_BYTES];
			size_t bytes = b36_key_pack(id, n, key);
			assert_int_equal(bytes, n == 16 ? 11 : 34);
			assert_true(b36_key_format(key, bytes, back));
			assert_string_equal(back, id);
		}
	}
	/* No other length of key reads back. */
	uint8_t zero[B36_KEY_MAX_BYTES] = { 0 };
	char text[B36_KEY_TEXT_SIZE];
	assert_false(b36_key_format(zero, 16, text));
	assert_false(b36_key_format(zero, 33, text));
	assert_false(b36_key_format(zero, 0, text));
}

/* Only 16 or 52 characters of 0-9 and A-Z: lower case stays text, or two
 * spellings of one ID would read back as one. */
static void test_b36_refusals(void **state)
{
	(void)state;
	assert_true(b36_packs("0BHX631X88S4JJ5T", 16));
	assert_false(b36_packs("0bhx631x88s4jj5t", 16));
	assert_false(b36_packs("0BHX631X88S4JJ5t", 16));
	assert_false(b36_packs("0BHX631X88S4JJ5", 15));
	assert_false(b36_packs("0BHX631X88S4JJ5TT", 17));
	assert_false(b36_packs("0BHX631X-8S4JJ5T", 16));
	assert_false(b36_packs("0BHX631X88S4JJ5@", 16));
	assert_false(b36_packs("0BHX631X88S4JJ5[", 16));
	assert_false(b36_packs("0BHX631X88S4JJ5/", 16));
	assert_false(b36_packs("0BHX631X88S4JJ5:", 16));
	/* The long form: 52 exactly, upper case. */
	static const char dynamo[] =
		"4KBNVRGD25RG1KG4F3RIL5OCLRVV4KQNSO5AEMVJF66Q9ASUAAJG";
	assert_true(b36_packs(dynamo, 52));
	assert_false(b36_packs(dynamo, 51));
	assert_false(b36_packs("4KBNVRGD25RG1KG4F3RIL5OCLRVV4KQNSO5AEMVJF66Q9ASUAAJGG",
	                       53));
	assert_false(b36_packs("4kbnvrgd25rg1kg4f3ril5oclrvv4kqnso5aemvjf66q9asuaajg",
	                       52));
	assert_false(b36_packs("0BHX631X\0" "8S4JJ5T", 16));
	assert_false(b36_packs("", 0));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_b36_round_trip),
		cmocka_unit_test(test_b36_refusals),
	};
	return cmocka_run_group_tests_name("uuid_key", tests, NULL, NULL);
}
