/*
 * An input file, read once, with a map from byte offsets to 1-based lines and
 * columns. Every location mm2lint reports points into one of these.
 *
 * Line terminators are LF, CR and CRLF (the set java.util.Properties and YAML both
 * use). Columns are 1-based and count characters: bytes for ISO-8859-1 sources
 * (.properties), UTF-8 code points otherwise, so they equal SARIF's utf16CodeUnits
 * for every character of the Basic Multilingual Plane.
 */
#ifndef MM2LINT_SOURCE_H
#define MM2LINT_SOURCE_H

#include <stddef.h>
#include <stdbool.h>
#include "mm2lint/error.h"

#define MM2_SOURCE_MAX_LEN (16u * 1024 * 1024)

struct mm2_source {
	char *path; /* as the user named it */
	char *data; /* the whole file, with a NUL appended (not counted in len) */
	size_t len;
	size_t *line_start; /* byte offset where each line starts; nlines entries */
	size_t nlines;
	bool latin1; /* columns count bytes (ISO-8859-1), not UTF-8 code points */
	/* Byte ranges holding secrets (passwords, JAAS configs): never shown. */
	struct mm2_span {
		size_t off, len;
	} * secrets;
	size_t nsecrets, secrets_alloc;
};

/*
 * Read PATH ("-" is standard input) into SRC. Fails with MM2_EIO (missing,
 * unreadable, a directory) or MM2_ELIMIT (over MAX_LEN bytes).
 */
int mm2_source_load(struct mm2_source *src, const char *path, size_t max_len,
		    struct mm2_error *err);
/* Make SRC a copy of DATA[0..LEN) named NAME (rule tests, unit tests). */
void mm2_source_init_mem(struct mm2_source *src, const char *name, const char *data, size_t len);
void mm2_source_release(struct mm2_source *src);

/* true if the first 8000 bytes hold a NUL byte (git's binary heuristic). */
bool mm2_source_is_binary(const struct mm2_source *src);

/* 1-based line and column of byte offset OFF (clamped to the end of the file). */
void mm2_source_pos(const struct mm2_source *src, size_t off, unsigned *line, unsigned *col);
/* Byte offset of 1-based LINE's start, or src->len if there is no such line. */
size_t mm2_source_line_offset(const struct mm2_source *src, unsigned line);
/* Text of 1-based LINE without its terminator; NULL if there is no such line. */
const char *mm2_source_line(const struct mm2_source *src, unsigned line, size_t *len);

/* Mark SRC->data[OFF..OFF+LEN) as a secret that no output may show. */
void mm2_source_mark_secret(struct mm2_source *src, size_t off, size_t len);
/*
 * A copy of 1-based LINE (without its terminator) in which every byte of a secret
 * is '*', so the caret still lines up; NULL if there is no such line. The caller
 * frees the result.
 */
char *mm2_source_line_redacted(const struct mm2_source *src, unsigned line, size_t *len);

#endif
