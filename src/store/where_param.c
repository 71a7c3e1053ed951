/* where_param.c - the parameters of a filter's condition, and a value
 * compared with a text column.
 *
 * Every value becomes a bound parameter (?N), never SQL text (where.c).
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "store/where_internal.h"

static size_t add_param(struct builder *b, struct where_param p)
{
	if (b->nparams == b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 8;
		struct where_param *n = realloc(b->params, cap * sizeof *n);
		if (!n) {
			free(p.own);
			b->nomem = true;
			return 0;
		}
		b->params = n;
		b->cap = cap;
	}
	b->params[b->nparams++] = p;
	return b->nparams;
}

size_t param_text(struct builder *b, const char *text)
{
	return add_param(b, (struct where_param){ .is_text = true, .text = text });
}

size_t param_int(struct builder *b, int64_t v)
{
	return add_param(b, (struct where_param){ .integer = v });
}

/* A filter pattern ('*' wildcards) as a LIKE pattern with '\' escapes;
 * with `literal`, '*' is kept as a character (for whole-value LIKE).
 * malloc'd; NULL on no memory. */
static char *like_text(const char *text, bool literal)
{
	struct buf p;
	buf_init(&p);
	for (const char *c = text; *c; c++) {
		if (*c == '*' && !literal)
			buf_putc(&p, '%');
		else if (*c == '%' || *c == '_' || *c == '\\') {
			buf_putc(&p, '\\');
			buf_putc(&p, *c);
		} else
			buf_putc(&p, *c);
	}
	return buf_steal(&p);
}

/* A text parameter the filter owns from now on (freed with it). */
size_t param_owned(struct builder *b, char *own)
{
	return add_param(b, (struct where_param){ .is_text = true, .text = own,
	                                          .own = own });
}

size_t param_like(struct builder *b, const char *text, bool literal)
{
	char *own = like_text(text, literal);
	if (!own) {
		b->nomem = true;
		return 0;
	}
	return param_owned(b, own);
}

/* The range of NOCASE-ordered strings that a pattern's literal prefix
 * allows: lo is the prefix folded to lower case, hi the same with its
 * last byte one up.  Every match lies in [lo, hi) under NOCASE (which
 * folds ASCII as LIKE does); a fold of hi only widens it.  False when
 * the pattern starts with '*' or the prefix ends in 0xff. */
bool prefix_range(const char *text, char **lo, char **hi)
{
	size_t n = strcspn(text, "*");
	if (n == 0 || (unsigned char)text[n - 1] == 0xff)
		return false;
	*lo = malloc(n + 1);
	*hi = malloc(n + 1);
	if (!*lo || !*hi) {
		free(*lo);
		free(*hi);
		return false;
	}
	for (size_t i = 0; i < n; i++) {
		char c = text[i];
		(*lo)[i] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
	}
	(*lo)[n] = '\0';
	memcpy(*hi, *lo, n + 1);
	(*hi)[n - 1] = (char)((unsigned char)(*hi)[n - 1] + 1);
	return true;
}

/* One value against one text column: "col = ?N COLLATE NOCASE" or
 * "col LIKE ?N ESCAPE '\'".  With `ranged`, where the column has an
 * index in NOCASE order, a pattern's literal prefix is also written as a
 * range of that index, so SQLite reads only the strings it can match
 * instead of the whole table (LIKE alone never uses the index: the
 * column's own collation is BINARY). */
void match_column(struct builder *b, const char *col, size_t n,
                  const char *text, enum filter_match m, bool ranged)
{
	char *lo, *hi;
	if (m != FM_PATTERN) {
		buf_printf(&b->sql, "%s = ?%zu COLLATE NOCASE", col, n);
	} else if (ranged && prefix_range(text, &lo, &hi)) {
		size_t plo = param_owned(b, lo), phi = param_owned(b, hi);
		buf_printf(&b->sql,
		           "(%s COLLATE NOCASE >= ?%zu AND %s COLLATE NOCASE"
		           " < ?%zu AND %s LIKE ?%zu ESCAPE '\\')",
		           col, plo, col, phi, col, n);
	} else {
		buf_printf(&b->sql, "%s LIKE ?%zu ESCAPE '\\'", col, n);
	}
}
