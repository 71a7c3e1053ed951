/* digest.c - hourly digest files (see digest.h).  Fields and order as
 * in AWS's documented example (corpus/aws-docs-examples, digest file
 * structure). */
#include <config.h>

#include "gen/digest.h"

#include <stdlib.h>
#include <string.h>

#include "gen/catalog.h"
#include "gen/civil.h"
#include "gen/layout.h"
#include "gen/rng.h"
#include "gen/sha256.h"

void digest_init(struct digest_chain *c, int trail, int account, int region,
                 int64_t start)
{
	const struct trail *t = &cat_trails[trail];
	memset(c, 0, sizeof *c);
	c->trail = trail;
	c->account = account;
	c->region = region;
	/* Digests end at the same minute and second past each hour, set by
	 * when validation was turned on. */
	int64_t hour = start - (start % 3600);
	c->period_end = hour + t->digest_offset;
	if (c->period_end <= start)
		c->period_end += 3600;
	buf_init(&c->entries);
}

void digest_free(struct digest_chain *c)
{
	buf_free(&c->entries);
	free(c->prev_key);
	c->prev_key = NULL;
}

static void str(struct buf *b, const char *name, const char *value)
{
	buf_puts(b, ",\"");
	buf_puts(b, name);
	buf_puts(b, "\":");
	if (!value) {
		buf_puts(b, "null");
		return;
	}
	buf_putc(b, '"');
	buf_puts(b, value);
	buf_putc(b, '"');
}

static void event_times(struct buf *b, const struct digest_chain *c)
{
	char newest[24], oldest[24];
	civil_iso(newest, c->newest);
	civil_iso(oldest, c->oldest);
	str(b, "newestEventTime", c->any ? newest : NULL);
	str(b, "oldestEventTime", c->any ? oldest : NULL);
}

/* A stand-in for the RSA signature of the previous digest: 256 bytes in
 * hex, derived from its hash so it is stable. */
static void signature(struct buf *b, const char *prev_hash)
{
	static const char hex[] = "0123456789abcdef";
	uint64_t v = 0;
	for (int i = 0; i < 64; i++)
		v = mix2(v, (uint64_t)prev_hash[i]);
	char sig[512];
	fill_from(sig, sizeof sig, v, hex, 16);
	buf_puts(b, ",\"previousDigestSignature\":\"");
	buf_append(b, sig, sizeof sig);
	buf_putc(b, '"');
}

static void previous(struct buf *b, const struct digest_chain *c,
                     const struct trail *t)
{
	if (!c->have_prev) {
		/* The first digest after validation starts links to nothing. */
		buf_puts(b, ",\"previousDigestS3Bucket\":null,"
		            "\"previousDigestS3Object\":null,"
		            "\"previousDigestHashValue\":null,"
		            "\"previousDigestHashAlgorithm\":null,"
		            "\"previousDigestSignature\":null");
		return;
	}
	str(b, "previousDigestS3Bucket", t->bucket);
	str(b, "previousDigestS3Object", c->prev_key);
	str(b, "previousDigestHashValue", c->prev_hash);
	str(b, "previousDigestHashAlgorithm", "SHA-256");
	signature(b, c->prev_hash);
}

static void digest_json(struct buf *b, const struct digest_chain *c,
                        const char *key)
{
	const struct trail *t = &cat_trails[c->trail];
	char start[24], end[24];
	civil_iso(start, c->period_end - 3600);
	civil_iso(end, c->period_end);
	buf_puts(b, "{\"awsAccountId\":\"");
	buf_puts(b, cat_accounts[c->account].id);
	buf_putc(b, '"');
	str(b, "digestStartTime", start);
	str(b, "digestEndTime", end);
	str(b, "digestS3Bucket", t->bucket);
	str(b, "digestS3Object", key);
	str(b, "digestPublicKeyFingerprint", t->key_fingerprint);
	str(b, "digestSignatureAlgorithm", "SHA256withRSA");
	event_times(b, c);
	previous(b, c, t);
	buf_puts(b, ",\"logFiles\":[");
	if (c->entries.len)
		buf_append(b, c->entries.data, c->entries.len);
	buf_puts(b, "]}");
}

/* Writes the digest of the hour being collected and starts the next. */
static int emit(struct digest_chain *c, struct sink *s)
{
	const struct trail *t = &cat_trails[c->trail];
	struct buf key, json;
	buf_init(&key);
	buf_init(&json);
	layout_digest_key(&key, t, &cat_accounts[c->account],
	                  cat_regions[c->region].name, c->period_end);
	if (buf_ok(&key))
		digest_json(&json, c, key.data);
	int rc = -1;
	if (buf_ok(&key) && buf_ok(&json) &&
	    sink_write(s, key.data, json.data, json.len) == 0) {
		sha256_hex(json.data, json.len, c->prev_hash);
		free(c->prev_key);
		c->prev_key = buf_steal(&key);
		c->have_prev = c->prev_key != NULL;
		rc = c->have_prev ? 0 : -1;
	}
	buf_free(&key);
	buf_free(&json);
	c->entries.len = 0;
	c->any = false;
	c->period_end += 3600;
	return rc;
}

static void entry(struct digest_chain *c, const struct trail *t,
                  const char *key, const char *hash, int64_t oldest,
                  int64_t newest)
{
	char o[24], n[24];
	civil_iso(o, oldest);
	civil_iso(n, newest);
	struct buf *b = &c->entries;
	buf_puts(b, c->entries.len ? ",{\"s3Bucket\":\"" : "{\"s3Bucket\":\"");
	buf_puts(b, t->bucket);
	buf_putc(b, '"');
	str(b, "s3Object", key);
	str(b, "hashValue", hash);
	str(b, "hashAlgorithm", "SHA-256");
	str(b, "newestEventTime", n);
	str(b, "oldestEventTime", o);
	buf_putc(b, '}');
	if (!c->any || oldest < c->oldest)
		c->oldest = oldest;
	if (!c->any || newest > c->newest)
		c->newest = newest;
	c->any = true;
}

int digest_add(struct digest_chain *c, struct sink *s, const char *key,
               const char *hash, int64_t oldest, int64_t newest,
               int64_t delivery)
{
	int written = 0;
	while (delivery >= c->period_end) {
		if (emit(c, s) < 0)
			return -1;
		written++;
	}
	entry(c, &cat_trails[c->trail], key, hash, oldest, newest);
	return buf_ok(&c->entries) ? written : -1;
}

int digest_finish(struct digest_chain *c, struct sink *s, int64_t until)
{
	int written = 0;
	while (c->period_end <= until) {
		if (emit(c, s) < 0)
			return -1;
		written++;
	}
	if (emit(c, s) < 0)
		return -1;
	return written + 1;
}
