/* progress.c - the import's progress bar (see progress.h).
 *
 * One line, redrawn in place with a carriage return: files done of all,
 * events, throughput and time left.  Only on a terminal: a log file gets
 * the summary alone.
 */
#include <config.h>

#include "cli/progress.h"

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "util/i18n.h"

#define BAR_WIDTH 20

static double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void progress_init(struct progress *p, bool quiet)
{
	p->enabled = !quiet && isatty(STDERR_FILENO);
	p->shown = false;
	p->started = now_seconds();
}

double progress_elapsed(const struct progress *p)
{
	return now_seconds() - p->started;
}

static void format_eta(char *out, size_t n, double seconds)
{
	if (seconds < 0 || seconds > 359999) {
		snprintf(out, n, "--:--");
		return;
	}
	int s = (int)(seconds + 0.5);
	if (s >= 3600)
		snprintf(out, n, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
	else
		snprintf(out, n, "%d:%02d", s / 60, s % 60);
}

/* "3/10 files" and "120 events" for the progress line, each in the
 * plural its count wants. */
static void counts_text(const struct import_totals *t, char *files,
                        char *events, size_t n)
{
	size_t done = t->imported + t->digests + t->failed;
	unsigned long long seen = t->events_new + t->events_duplicate;
	snprintf(files, n,
	         /* TRANSLATORS: files done of all, in the progress line. */
	         ngettext("%zu/%zu file", "%zu/%zu files",
	                  (unsigned long)t->files),
	         done, t->files);
	snprintf(events, n,
	         /* TRANSLATORS: events read so far, in the progress line. */
	         ngettext("%llu event", "%llu events", (unsigned long)seen),
	         seen);
}

void progress_update(struct progress *p, const struct import_totals *t)
{
	if (!p->enabled)
		return;
	double elapsed = progress_elapsed(p);
	double frac = t->bytes_total ? (double)t->bytes_done /
	                                       (double)t->bytes_total
	                             : 1.0;
	char bar[BAR_WIDTH + 1], eta[16];
	int filled = (int)(frac * BAR_WIDTH);
	for (int i = 0; i < BAR_WIDTH; i++)
		bar[i] = i < filled ? '#' : '.';
	bar[BAR_WIDTH] = '\0';
	double mbps = elapsed > 0 ? (double)t->bytes_decoded / 1e6 / elapsed : 0;
	format_eta(eta, sizeof eta,
	           frac > 0.001 ? elapsed / frac - elapsed : -1.0);
	char files_text[64], events_text[64];
	counts_text(t, files_text, events_text, sizeof files_text);
	fputc('\r', stderr);
	/* TRANSLATORS: the import's progress line: bar, files done/total
	 * ("3/10 files"), events ("120 events"), MB/s of JSON, time left. */
	fprintf(stderr, _("[%s] %s  %s  %.1f MB/s  ETA %s"), bar, files_text,
	        events_text, mbps, eta);
	fputs("\033[K", stderr);
	fflush(stderr);
	p->shown = true;
}

void progress_note(struct progress *p, const char *text)
{
	if (!p->enabled)
		return;
	fprintf(stderr, "\r%s\033[K", text);
	fflush(stderr);
	p->shown = true;
}

void progress_clear(struct progress *p)
{
	if (p->shown) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
		p->shown = false;
	}
}
