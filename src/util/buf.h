/* buf.h - a growable byte buffer, always NUL-terminated.
 *
 * Appends never fail silently: once an allocation fails the buffer stays
 * "broken" (buf_ok() is false) and further appends do nothing, so a caller
 * can build a whole string and check once at the end.
 */
#ifndef TRAILNAV_BUF_H
#define TRAILNAV_BUF_H

#include <stdbool.h>
#include <stddef.h>

struct buf {
	char *data;
	size_t len, cap;
	bool failed;
};

void buf_init(struct buf *b);
void buf_free(struct buf *b);
bool buf_ok(const struct buf *b);
void buf_reserve(struct buf *b, size_t extra);
void buf_append(struct buf *b, const void *p, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_putc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Hands the string to the caller (NULL when the buffer failed) and leaves
 * the buffer empty. */
char *buf_steal(struct buf *b);

#endif
