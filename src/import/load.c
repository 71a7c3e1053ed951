/* load.c - reading one file into memory (see load.h). */
#include <config.h>

#include "import/load.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "util/format.h"
#include "util/gunzip.h"
#include "util/hash.h"
#include "util/i18n.h"

/* Reads all of fd, refusing more than `max` bytes. */
static int read_all(int fd, size_t max, unsigned char **out, size_t *n,
                    const char **why)
{
	size_t cap = 1 << 16, len = 0;
	unsigned char *buf = malloc(cap);
	if (!buf)
		goto nomem;
	for (;;) {
		if (len == cap) {
			if (cap > max) {
				free(buf);
				*why = fmt_over_limit(
					_("the file is larger than the size "
					  "limit"),
					max);
				return -1;
			}
			unsigned char *b = realloc(buf, cap * 2);
			if (!b)
				goto nomem;
			buf = b;
			cap *= 2;
		}
		ssize_t r = read(fd, buf + len, cap - len);
		if (r == 0)
			break;
		if (r < 0) {
			if (errno == EINTR)
				continue;
			free(buf);
			*why = strerror(errno);
			return -1;
		}
		len += (size_t)r;
	}
	if (len > max) {
		free(buf);
		*why = fmt_over_limit(
			_("the file is larger than the size limit"), max);
		return -1;
	}
	*out = buf;
	*n = len;
	return 0;
nomem:
	free(buf);
	*why = _("out of memory");
	return -1;
}

static int read_path(const char *path, size_t max, unsigned char **out,
                     size_t *n, const char **why)
{
	if (strcmp(path, "-") == 0)
		return read_all(STDIN_FILENO, max, out, n, why);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		*why = strerror(errno);
		return -1;
	}
	struct stat st;
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		close(fd);
		*why = _("is a directory");
		return -1;
	}
	int rc = read_all(fd, max, out, n, why);
	close(fd);
	return rc;
}

int load_gzip(const void *data, size_t n, unsigned char **out, size_t *outlen)
{
	z_stream z;
	memset(&z, 0, sizeof z);
	if (deflateInit2(&z, 6, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		return -1;
	size_t cap = deflateBound(&z, (uLong)n) + 64;
	*out = malloc(cap);
	if (!*out || n > UINT32_MAX || cap > UINT32_MAX) {
		deflateEnd(&z);
		free(*out);
		*out = NULL;
		return -1;
	}
	z.next_in = (Bytef *)data;
	z.avail_in = (uInt)n;
	z.next_out = *out;
	z.avail_out = (uInt)cap;
	int rc = deflate(&z, Z_FINISH);
	*outlen = z.total_out;
	deflateEnd(&z);
	if (rc != Z_STREAM_END) {
		free(*out);
		*out = NULL;
		return -1;
	}
	return 0;
}

/* A file that came as plain text: decoded = as read; kept = compressed. */
static int keep_plain(struct loaded_file *f, unsigned char *raw, size_t n,
                      const char **why)
{
	char *text = realloc(raw, n + 1);
	if (!text) {
		free(raw);
		*why = _("out of memory");
		return -1;
	}
	text[n] = '\0';
	f->text = text;
	f->ntext = n;
	if (load_gzip(text, n, &f->kept, &f->nkept) < 0) {
		*why = _("cannot compress the file for keeping");
		return -1;
	}
	return 0;
}

int load_file(const char *path, const struct load_limits *lim,
              struct loaded_file *out, const char **why)
{
	unsigned char *raw = NULL;
	size_t n = 0;
	memset(out, 0, sizeof *out);
	if (read_path(path, lim->max_raw, &raw, &n, why) < 0)
		return -1;
	out->raw_bytes = n;
	hash_hex(hash_fnv1a(HASH_FNV_INIT, raw, n), out->hash);
	if (!gunzip_is_gzip(raw, n))
		return keep_plain(out, raw, n, why) < 0 ? (load_free(out), -1) : 0;
	out->kept = raw;
	out->nkept = n;
	if (gunzip_decode(raw, n, 0, lim->max_decoded, &out->text, &out->ntext,
	                  why) < 0) {
		load_free(out);
		return -1;
	}
	return 0;
}

void load_drop_text(struct loaded_file *f)
{
	free(f->text);
	f->text = NULL;
	f->ntext = 0;
}

void load_free(struct loaded_file *f)
{
	free(f->kept);
	free(f->text);
	memset(f, 0, sizeof *f);
}
