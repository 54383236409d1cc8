/*
 * Input files (source.h): read once, size-capped, with a byte offset → line/column
 * map built in one pass. First stage of the pipeline; every location points here.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "mm2lint/source.h"
#include "mm2lint/util.h"
#include "banned.h"

static void build_line_map(struct mm2_source *src)
{
	size_t i, n = 0, alloc = 0;
	size_t *v = NULL;

	MM2_GROW(v, alloc, 1);
	v[n++] = 0;
	for (i = 0; i < src->len; i++) {
		char c = src->data[i];

		if (c != '\n' && c != '\r')
			continue;
		if (c == '\r' && i + 1 < src->len && src->data[i + 1] == '\n')
			i++;
		if (i + 1 < src->len) {
			MM2_GROW(v, alloc, n + 1);
			v[n++] = i + 1;
		}
	}
	src->line_start = v;
	src->nlines = n;
}

void mm2_source_init_mem(struct mm2_source *src, const char *name, const char *data, size_t len)
{
	memset(src, 0, sizeof(*src));
	src->path = mm2_xstrdup(name);
	src->data = mm2_xmalloc(len + 1);
	if (len)
		memcpy(src->data, data, len);
	src->data[len] = '\0';
	src->len = len;
	build_line_map(src);
}

static int read_stream(FILE *f, const char *path, size_t max_len, char **data, size_t *len,
		       struct mm2_error *err)
{
	size_t n = 0, alloc = 0;
	char *buf = NULL;

	for (;;) {
		size_t got;

		MM2_GROW(buf, alloc, n + 65536 + 1);
		got = fread(buf + n, 1, alloc - n - 1, f);
		n += got;
		if (n > max_len) {
			free(buf);
			return mm2_error_set(err, MM2_ELIMIT,
					     "'%s' is larger than the limit of %zu bytes", path,
					     max_len);
		}
		if (got == 0)
			break;
	}
	if (ferror(f)) {
		free(buf);
		return mm2_error_set(err, MM2_EIO, "cannot read '%s': %s", path, strerror(errno));
	}
	buf[n] = '\0';
	*data = buf;
	*len = n;
	return 0;
}

int mm2_source_load(struct mm2_source *src, const char *path, size_t max_len, struct mm2_error *err)
{
	struct stat st;
	FILE *f;
	int ret;

	memset(src, 0, sizeof(*src));
	if (strcmp(path, "-") == 0) {
		f = stdin;
	} else {
		if (stat(path, &st) < 0)
			return mm2_error_set(err, MM2_EIO, "cannot open '%s': %s", path,
					     strerror(errno));
		if (S_ISDIR(st.st_mode))
			return mm2_error_set(err, MM2_EIO, "'%s' is a directory", path);
		if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size > max_len)
			return mm2_error_set(err, MM2_ELIMIT,
					     "'%s' is larger than the limit of %zu bytes", path,
					     max_len);
		f = fopen(path, "rb");
		if (!f)
			return mm2_error_set(err, MM2_EIO, "cannot open '%s': %s", path,
					     strerror(errno));
	}
	ret = read_stream(f, path, max_len, &src->data, &src->len, err);
	if (f != stdin)
		fclose(f);
	if (ret < 0)
		return ret;
	src->path = mm2_xstrdup(path);
	build_line_map(src);
	return 0;
}

void mm2_source_release(struct mm2_source *src)
{
	free(src->secrets);
	free(src->path);
	free(src->data);
	free(src->line_start);
	memset(src, 0, sizeof(*src));
}

bool mm2_source_is_binary(const struct mm2_source *src)
{
	size_t n = src->len < 8000 ? src->len : 8000;

	return memchr(src->data, '\0', n) != NULL;
}

static unsigned find_line(const struct mm2_source *src, size_t off)
{
	size_t lo = 0, hi = src->nlines;

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (src->line_start[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	return (unsigned)lo;
}

void mm2_source_pos(const struct mm2_source *src, size_t off, unsigned *line, unsigned *col)
{
	unsigned idx;
	size_t i, c = 1;

	if (off > src->len)
		off = src->len;
	idx = find_line(src, off);
	if (src->latin1) {
		c += off - src->line_start[idx];
	} else {
		for (i = src->line_start[idx]; i < off; i++)
			if (((unsigned char)src->data[i] & 0xC0) != 0x80)
				c++;
	}
	*line = idx + 1;
	*col = (unsigned)c;
}

size_t mm2_source_line_offset(const struct mm2_source *src, unsigned line)
{
	if (line == 0 || line > src->nlines)
		return src->len;
	return src->line_start[line - 1];
}

const char *mm2_source_line(const struct mm2_source *src, unsigned line, size_t *len)
{
	size_t start, end;

	if (line == 0 || line > src->nlines)
		return NULL;
	start = src->line_start[line - 1];
	end = start;
	while (end < src->len && src->data[end] != '\n' && src->data[end] != '\r')
		end++;
	*len = end - start;
	return src->data + start;
}

void mm2_source_mark_secret(struct mm2_source *src, size_t off, size_t len)
{
	if (off >= src->len || !len)
		return;
	MM2_GROW(src->secrets, src->secrets_alloc, src->nsecrets + 1);
	src->secrets[src->nsecrets].off = off;
	src->secrets[src->nsecrets].len = len;
	src->nsecrets++;
}

char *mm2_source_line_redacted(const struct mm2_source *src, unsigned line, size_t *len)
{
	const char *text = mm2_source_line(src, line, len);
	size_t start, i, k;
	char *copy;

	if (!text)
		return NULL;
	copy = mm2_xstrndup(text, *len);
	start = (size_t)(text - src->data);
	for (k = 0; k < src->nsecrets; k++) {
		const struct mm2_span *sp = &src->secrets[k];

		for (i = 0; i < *len; i++)
			if (start + i >= sp->off && start + i < sp->off + sp->len)
				copy[i] = '*';
	}
	return copy;
}
