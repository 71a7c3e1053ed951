/* keylog.c - timing the browser's answers to keys (keylog.h). */
#include <config.h>

#include "ui/curses.h"

#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "ui/keylog.h"

int64_t keylog_now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

void keylog_open(struct keylog *k, int64_t start_us)
{
	memset(k, 0, sizeof *k);
	k->start_us = start_us;
	const char *path = getenv("TRAILNAV_KEY_TIMES");
	if (path && *path)
		k->f = fopen(path, "a");
	/* A line at a time: the bench reads the log while the browser runs. */
	if (k->f)
		setvbuf(k->f, NULL, _IOLBF, 0);
}

void keylog_first_screen(struct keylog *k)
{
	if (k->f)
		fprintf(k->f, "first-screen %lld\n",
		        (long long)(keylog_now_us() - k->start_us));
}

/* A name for the key that a script can match: the curses name of a
 * function key, the character otherwise. */
static void describe_key(char *out, size_t n, bool is_key, wint_t ch)
{
	if (is_key) {
		const char *name = keyname((int)ch);
		snprintf(out, n, "%s", name ? name : "KEY");
	} else if (ch == ' ') {
		snprintf(out, n, "SPACE");
	} else if (ch == '\r' || ch == '\n') {
		snprintf(out, n, "ENTER");
	} else if (ch > ' ' && ch < 0x7f) {
		snprintf(out, n, "%c", (char)ch);
	} else {
		snprintf(out, n, "U+%04X", (unsigned)ch);
	}
}

void keylog_key(struct keylog *k, bool is_key, wint_t ch, int64_t read_us,
                bool counting)
{
	if (!k->f)
		return;
	char name[16];
	describe_key(name, sizeof name, is_key, ch);
	int64_t now = keylog_now_us();
	fprintf(k->f, "key %s %lld\n", name, (long long)(now - read_us));
	if (counting) {
		k->pending_us = read_us;
		memcpy(k->pending, name, sizeof name);
	} else {
		k->pending_us = 0;
	}
}

void keylog_settled(struct keylog *k)
{
	if (!k->f || !k->pending_us)
		return;
	fprintf(k->f, "settled %s %lld\n", k->pending,
	        (long long)(keylog_now_us() - k->pending_us));
	k->pending_us = 0;
}

void keylog_close(struct keylog *k)
{
	if (!k->f)
		return;
	struct rusage ru;
	if (getrusage(RUSAGE_SELF, &ru) == 0)
		fprintf(k->f, "peak-rss-kb %ld\n", ru.ru_maxrss);
	fclose(k->f);
	k->f = NULL;
}
