/* layout.c - S3 keys of CloudTrail's files (see layout.h). */
#include <config.h>

#include "gen/layout.h"

#include "gen/civil.h"

/* AWSLogs/[o-ID/]ACCOUNT/FOLDER/REGION/YYYY/MM/DD/ */
static void prefix(struct buf *out, const struct trail *t,
                   const struct account *a, const char *folder,
                   const char *region, int64_t when)
{
	char date[16];
	civil_folders(date, when);
	buf_puts(out, "AWSLogs/");
	if (t->scope == TRAIL_ORG) {
		buf_puts(out, cat_org_id);
		buf_putc(out, '/');
	}
	buf_puts(out, a->id);
	buf_putc(out, '/');
	buf_puts(out, folder);
	buf_putc(out, '/');
	buf_puts(out, region);
	buf_putc(out, '/');
	buf_puts(out, date);
	buf_putc(out, '/');
}

void layout_log_key(struct buf *out, const struct trail *t,
                    const struct account *a, const char *region,
                    enum log_kind kind, int64_t delivery,
                    const char *unique)
{
	const char *folder =
		kind == LOG_INSIGHTS ? "CloudTrail-Insight" : "CloudTrail";
	char stamp[16];
	civil_stamp_min(stamp, delivery);
	prefix(out, t, a, folder, region, delivery);
	buf_puts(out, a->id);
	buf_putc(out, '_');
	buf_puts(out, folder);
	buf_putc(out, '_');
	buf_puts(out, region);
	buf_putc(out, '_');
	buf_puts(out, stamp);
	buf_putc(out, '_');
	buf_append(out, unique, 16);
	buf_puts(out, ".json.gz");
}

void layout_digest_key(struct buf *out, const struct trail *t,
                       const struct account *a, const char *region,
                       int64_t end)
{
	char stamp[20];
	civil_stamp_sec(stamp, end);
	prefix(out, t, a, "CloudTrail-Digest", region, end);
	buf_puts(out, a->id);
	buf_puts(out, "_CloudTrail-Digest_");
	buf_puts(out, region);
	buf_putc(out, '_');
	buf_puts(out, t->name);
	buf_putc(out, '_');
	buf_puts(out, t->home_region);
	buf_putc(out, '_');
	buf_puts(out, stamp);
	buf_puts(out, ".json.gz");
}
