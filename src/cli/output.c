/* output.c - whether what a command printed reached its reader (see
 * output.h). */
#include <config.h>

#include "cli/output.h"

#include <errno.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/options.h"
#include "util/i18n.h"

void cli_output_failed(char *err, size_t errlen)
{
	snprintf(err, errlen, _("writing the output: %s"),
	         strerror(errno ? errno : EIO));
}

int cli_output_check(FILE *out, char *err, size_t errlen)
{
	/* When the failure was an earlier write's (stdio flushing a full
	 * buffer), fflush() has nothing left to fail on and errno still
	 * holds that write's reason. */
	if (fflush(out) == 0 && !ferror(out))
		return 0;
	cli_output_failed(err, errlen);
	return -1;
}

int cli_output_end(int status)
{
	char err[256];
	if (cli_output_check(stdout, err, sizeof err) == 0)
		return status;
	cli_error("%s", err);
	return EXIT_USAGE;
}
