/* clipboard.c - text to the terminal's clipboard through OSC 52: the
 * base64 encoding and the escape sequence around it.  Pure: the caller
 * writes the bytes to the terminal (equiv.c).
 *
 * OSC 52 travels in the terminal's own output stream, so it reaches the
 * clipboard of the machine the terminal runs on, over SSH too, when the
 * terminal allows it.  Inside tmux the plain sequence is taken by tmux
 * itself when its `set-clipboard` option is `on` (a tmux buffer, passed
 * on to the outer terminal); with `allow-passthrough on` the copy wrapped
 * in tmux's passthrough sequence goes to the outer terminal directly.
 * Both are sent: whichever tmux is set up for works, and the other is
 * dropped by tmux.
 */
#include <config.h>

#include <stdint.h>
#include <string.h>

#include "ui/pure.h"
#include "util/format.h"

static const char alphabet[] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

void base64_encode(struct buf *out, const void *data, size_t len)
{
	const unsigned char *p = data;
	char quad[4];
	size_t i = 0;
	for (; i + 3 <= len; i += 3) {
		uint32_t v = (uint32_t)p[i] << 16 | (uint32_t)p[i + 1] << 8 |
		             p[i + 2];
		quad[0] = alphabet[v >> 18 & 63];
		quad[1] = alphabet[v >> 12 & 63];
		quad[2] = alphabet[v >> 6 & 63];
		quad[3] = alphabet[v & 63];
		buf_append(out, quad, 4);
	}
	if (i < len) {
		uint32_t v = (uint32_t)p[i] << 16;
		if (i + 1 < len)
			v |= (uint32_t)p[i + 1] << 8;
		quad[0] = alphabet[v >> 18 & 63];
		quad[1] = alphabet[v >> 12 & 63];
		quad[2] = i + 1 < len ? alphabet[v >> 6 & 63] : '=';
		quad[3] = '=';
		buf_append(out, quad, 4);
	}
}

bool clipboard_safe(const char *text, size_t len)
{
	/* Newlines and tabs are the text's own; anything else the screen
	 * shows escaped (fmt_escape_controls) would be copied other than
	 * as it is shown. */
	size_t start = 0;
	for (size_t i = 0; i <= len; i++) {
		if (i < len && text[i] != '\n' && text[i] != '\t')
			continue;
		if (fmt_needs_escape(text + start, i - start))
			return false;
		start = i + 1;
	}
	return true;
}

void osc52_sequence(struct buf *out, const char *text, size_t len)
{
	buf_puts(out, "\033]52;c;");
	base64_encode(out, text, len);
	buf_putc(out, '\a');
}

void osc52_tmux_wrap(struct buf *out, const char *seq, size_t len)
{
	buf_puts(out, "\033Ptmux;");
	for (size_t i = 0; i < len; i++) {
		if (seq[i] == '\033')
			buf_putc(out, '\033');
		buf_putc(out, seq[i]);
	}
	buf_puts(out, "\033\\");
}

void osc52_copy(struct buf *out, const char *text, size_t len, bool tmux)
{
	struct buf seq;
	buf_init(&seq);
	osc52_sequence(&seq, text, len);
	if (!buf_ok(&seq)) {
		out->failed = true;
		buf_free(&seq);
		return;
	}
	buf_append(out, seq.data, seq.len);
	if (tmux)
		osc52_tmux_wrap(out, seq.data, seq.len);
	buf_free(&seq);
}
