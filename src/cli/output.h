/* output.h - whether what a command printed reached its reader.
 *
 * stdio holds output in a buffer and reports a failed write (a full disk,
 * a closed pipe, /dev/full) only through fflush() and the stream's error
 * flag; a command that never looks exits 0 having printed nothing.  Every
 * command that prints a result ends with cli_output_end(), and
 * export_events() with cli_output_check(): one mechanism, one message.
 */
#ifndef TRAILNAV_CLI_OUTPUT_H
#define TRAILNAV_CLI_OUTPUT_H

#include <stddef.h>
#include <stdio.h>

/* "writing the output: REASON" (errno's reason, else EIO's) into err. */
void cli_output_failed(char *err, size_t errlen);

/* Flushes `out`; returns 0, or -1 with cli_output_failed()'s message in
 * err when the flush or an earlier write to `out` failed. */
int cli_output_check(FILE *out, char *err, size_t errlen);

/* The end of a command that printed its result on stdout: `status`
 * when all of it was written; else the failure is reported on stderr
 * and the status is EXIT_USAGE (2), as for `query`. */
int cli_output_end(int status);

#endif
