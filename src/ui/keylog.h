/* keylog.h - how long the browser takes to answer each key, for
 * `make bench` (SPEC section 5: first screen <= 200 ms, any key <= 50 ms).
 *
 * With TRAILNAV_KEY_TIMES=FILE set, the browser appends a line to FILE
 * for the first screen, for every key (the time from reading it to the
 * end of the redraw it caused), for the moment the counts a key started
 * are complete, and, at the end, its peak memory.  The measurements are
 * taken inside the real loop, so they time exactly what a person waits
 * for.  Without the variable nothing is measured.
 */
#ifndef TRAILNAV_UI_KEYLOG_H
#define TRAILNAV_UI_KEYLOG_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <wchar.h>

struct keylog {
	FILE *f;
	int64_t start_us;   /* when the browser started */
	int64_t pending_us; /* a key whose counts are still running, or 0 */
	char pending[16];
};

int64_t keylog_now_us(void);
/* Opens the log named by $TRAILNAV_KEY_TIMES (if set); `start_us` is
 * when the browser began. */
void keylog_open(struct keylog *k, int64_t start_us);
/* The first complete screen has been drawn. */
void keylog_first_screen(struct keylog *k);
/* A key read at `read_us` has been answered on screen now; `counting`:
 * it started counts that go on between keys. */
void keylog_key(struct keylog *k, bool is_key, wint_t ch, int64_t read_us,
                bool counting);
/* The counts are complete. */
void keylog_settled(struct keylog *k);
/* Writes the peak memory and closes the log. */
void keylog_close(struct keylog *k);

#endif
