/* fit_label.c - cutting a facet's label to a column (fit_label.h).
 *
 * Labels are told apart by what follows a shared name (an account) or
 * by a whole ARN, and a cut at the end removes exactly that part: two
 * "security-audit-aut…" rows, or two "arn:aws:iam::11111…" rows, read
 * alike again in an 80-column filter pane or a `stats` table.
 */
#include <config.h>

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util/fit_label.h"
#include "util/format.h"

/* " (" + 12 digits + ")": the account store_facet_tell_apart() adds. */
#define ACCOUNT_SUFFIX 15
/* The fewest columns of the name worth keeping the whole account for. */
#define NAME_KEPT 8

static bool told_by_account(const char *s, size_t n)
{
	if (n <= ACCOUNT_SUFFIX || s[n - 1] != ')' ||
	    strncmp(s + n - ACCOUNT_SUFFIX, " (", 2) != 0)
		return false;
	for (size_t i = n - ACCOUNT_SUFFIX + 2; i < n - 1; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	return true;
}

/* The name (s[0..n - ACCOUNT_SUFFIX)), cut to what the account leaves,
 * then the account, whole or shortened; `width` is less than the whole
 * label's. */
static void fit_named(struct buf *out, const char *s, size_t n, size_t width)
{
	const char *account = s + n - ACCOUNT_SUFFIX + 2;
	char *name = strndup(s, n - ACCOUNT_SUFFIX);
	if (!name) {
		fmt_fit(out, s, width, 0);
		return;
	}
	size_t name_w = fmt_width(name);
	size_t short_w = 4 + 4; /* " (…" and "3333)" */
	struct buf cut;
	buf_init(&cut);
	if (width >= ACCOUNT_SUFFIX + NAME_KEPT) {
		fmt_fit(&cut, name, width - ACCOUNT_SUFFIX, 0);
		buf_puts(&cut, s + n - ACCOUNT_SUFFIX);
	} else if (width >= short_w + 2) {
		size_t room = width - short_w;
		fmt_fit(&cut, name, name_w < room ? name_w : room, 0);
		buf_printf(&cut, " (%s%.4s)", fmt_ellipsis(), account + 8);
	}
	fmt_fit(out, cut.data ? cut.data : s, width, 0);
	buf_free(&cut);
	free(name);
}

void fmt_fit_label(struct buf *out, const char *label, size_t width)
{
	size_t n = strlen(label), w = fmt_width(label);
	if (w <= width || width < 2) {
		fmt_fit(out, label, width, 0);
	} else if (told_by_account(label, n)) {
		fit_named(out, label, n, width);
	} else if (strncmp(label, "arn:", 4) == 0) {
		const char *tail = label + fmt_skip(label, w - (width - 1));
		buf_puts(out, fmt_ellipsis());
		buf_puts(out, tail);
		/* A wide character the cut split leaves a column short. */
		for (size_t got = 1 + fmt_width(tail); got < width; got++)
			buf_putc(out, ' ');
	} else {
		fmt_fit(out, label, width, 0);
	}
}
