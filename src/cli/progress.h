/* progress.h - the import's progress bar on a terminal's stderr. */
#ifndef TRAILNAV_CLI_PROGRESS_H
#define TRAILNAV_CLI_PROGRESS_H

#include <stdbool.h>

#include "import/import.h"

struct progress {
	bool enabled; /* stderr is a terminal and not -q */
	bool shown;   /* a bar is on screen now */
	double started;
};

void progress_init(struct progress *p, bool quiet);
/* Redraws the bar from the totals. */
void progress_update(struct progress *p, const struct import_totals *t);
/* Shows `text` in the bar's place, for a step with no measure of its
 * own (building the indexes at the end). */
void progress_note(struct progress *p, const char *text);
/* Removes the bar (before a message, and at the end). */
void progress_clear(struct progress *p);
/* Seconds since progress_init(). */
double progress_elapsed(const struct progress *p);

#endif
