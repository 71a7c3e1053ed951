/* export_write.c - the browser's one door into cli/export.h, kept apart
 * because that header's `enum column` (the columns of `query`) and
 * pure.h's `struct column` (the list's) cannot meet in one file. */
#include <config.h>

#include "cli/export.h"
#include "ui/export_write.h"

int export_write(struct store *s, const struct filter *f, FILE *out,
                 const char *format, bool newest_first, size_t *written,
                 char *err, size_t errlen)
{
	struct export_options o = {
		.order = newest_first ? STORE_OLDER : STORE_NEWER,
	};
	if (export_format_parse(format, &o.format) < 0) {
		snprintf(err, errlen, "%s", format);
		return -1;
	}
	struct export_result res = { 0 };
	int rc = export_events(s, f, out, &o, &res, err, errlen);
	*written = res.written;
	return rc;
}
