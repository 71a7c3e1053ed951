/* import_lock.c - one importer at a time per database (import_lock.h). */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/import_lock.h"
#include "cli/options.h"
#include "util/i18n.h"

static int set_lock(int fd, int cmd)
{
	struct flock fl;
	memset(&fl, 0, sizeof fl);
	fl.l_type = F_WRLCK;
	fl.l_whence = SEEK_SET;
	return fcntl(fd, cmd, &fl);
}

int import_lock_take(const char *db_path, bool quiet)
{
	if (!db_path || strcmp(db_path, ":memory:") == 0)
		return -1;
	size_t n = strlen(db_path) + sizeof "-import.lock";
	char *path = malloc(n);
	if (!path)
		return -1;
	snprintf(path, n, "%s-import.lock", db_path);
	int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	free(path);
	if (fd < 0)
		return -1;
	if (set_lock(fd, F_SETLK) == 0)
		return fd;
	if (errno != EACCES && errno != EAGAIN) {
		close(fd);
		return -1;
	}
	if (!quiet)
		cli_error(_("another import is writing to %s; waiting for it to "
		            "finish"),
		          db_path);
	while (set_lock(fd, F_SETLKW) < 0)
		if (errno != EINTR) {
			close(fd);
			return -1;
		}
	return fd;
}

void import_lock_release(int fd)
{
	if (fd >= 0)
		close(fd);
}
