/* buf.c - a growable byte buffer (see buf.h). */
#include <config.h>

#include "util/buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void buf_init(struct buf *b)
{
	b->data = NULL;
	b->len = b->cap = 0;
	b->failed = false;
}

void buf_free(struct buf *b)
{
	free(b->data);
	buf_init(b);
}

bool buf_ok(const struct buf *b)
{
	return !b->failed;
}

void buf_reserve(struct buf *b, size_t extra)
{
	if (b->failed)
		return;
	if (extra > (size_t)-1 / 2 - b->len) {
		b->failed = true;
		return;
	}
	size_t need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap *= 2;
	char *p = realloc(b->data, cap);
	if (!p) {
		b->failed = true;
		return;
	}
	b->data = p;
	b->cap = cap;
}

void buf_append(struct buf *b, const void *p, size_t n)
{
	buf_reserve(b, n);
	if (b->failed)
		return;
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void buf_puts(struct buf *b, const char *s)
{
	buf_append(b, s, strlen(s));
}

void buf_putc(struct buf *b, char c)
{
	buf_append(b, &c, 1);
}

void buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->failed = true;
		return;
	}
	buf_reserve(b, (size_t)n);
	if (b->failed)
		return;
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

char *buf_steal(struct buf *b)
{
	char *s = NULL;
	if (!b->failed) {
		s = b->data ? b->data : strdup("");
		b->data = NULL;
	}
	buf_free(b);
	return s;
}
