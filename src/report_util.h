/*
 * What the JSON and SARIF reporters share: valid UTF-8 for every string they
 * write, path -> URI, UTF-16 columns, finding fingerprints and checked cJSON
 * calls. Private to the reporters; nothing here leaves src/report_*.c.
 */
#ifndef MM2LINT_REPORT_UTIL_H
#define MM2LINT_REPORT_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <cjson/cJSON.h>
#include "mm2lint/diag.h"
#include "mm2lint/strbuf.h"

#ifndef MM2LINT_VERSION
#define MM2LINT_VERSION "0.0.0"
#endif
/* The project's home page: SARIF tool.driver.informationUri. */
#ifndef MM2LINT_HOMEPAGE
#define MM2LINT_HOMEPAGE "https://mm2lint.example/"
#endif

/*
 * Decode one UTF-8 sequence at S[0..LEN). Returns its length (1-4) and sets *CP,
 * or 0 for a byte that starts no valid sequence (overlong forms, surrogates and
 * code points above U+10FFFF are invalid).
 */
size_t mm2_utf8_decode(const char *s, size_t len, uint32_t *cp);
/* Append S to SB with every invalid byte replaced by U+FFFD. */
void mm2_report_add_utf8(struct mm2_strbuf *sb, const char *s);

/*
 * The current directory as an absolute path; NULL if it cannot be found (then
 * every path is reported relative). The caller frees it.
 */
char *mm2_report_getcwd(void);
/*
 * PATH as a URI reference, normalised lexically ("." and ".." segments and
 * repeated slashes removed; symbolic links are not followed). A path under CWD
 * becomes a relative reference with '/' separators and *RELATIVE is set; any
 * other absolute path becomes a file:// URI. Bytes outside RFC 3986's path
 * characters are percent-encoded. The caller frees the result.
 */
char *mm2_report_uri(const char *path, const char *cwd, bool *relative);

/*
 * COL (1-based, in the source's own unit: see source.h) on LINE of SRC as a
 * 1-based column in UTF-16 code units of the line decoded as UTF-8, which is
 * how GitHub and editors read the file.
 */
unsigned mm2_report_utf16_col(const struct mm2_source *src, unsigned line, unsigned col);

/*
 * Where LOC ends, when it says so consistently: *ELINE (its end_line, or its line
 * when only end_col is known) and *ECOL (0: unknown). false for no end, or an end
 * before the start.
 */
bool mm2_report_end(const struct mm2_loc *loc, unsigned *eline, unsigned *ecol);

/* D's severity clamped to the enum, so that it can index an array of four. */
static inline enum mm2_severity mm2_report_sev(const struct mm2_diag *d)
{
	return d->severity > MM2_SEV_ERROR ? MM2_SEV_ERROR : d->severity;
}

/* What the JSON and SARIF reporters say about one reported finding. */
struct mm2_report_item {
	const struct mm2_diag *diag;
	char *uri;	      /* mm2_report_uri() of the file; NULL for no file */
	bool relative;	      /* uri is relative to the current directory */
	char fingerprint[40]; /* "<16 hex digits>:<occurrence>" */
};

/*
 * One item per finding of D that is reported (severity not off), in D's order,
 * with fingerprints: FNV-1a 64 of "ruleId NUL uri NUL anchor" (the message
 * when the anchor is empty), and ":N" for the Nth finding sharing that key.
 * Returns the array (free with mm2_report_items_free) and sets *N.
 */
struct mm2_report_item *mm2_report_items(const struct mm2_diags *d, const char *cwd, size_t *n);
void mm2_report_items_free(struct mm2_report_item *items, size_t n);
uint64_t mm2_report_fnv1a(uint64_t h, const void *data, size_t len);

/* cJSON calls that cannot fail: out of memory aborts, as everywhere else. */
cJSON *mm2_json_obj(cJSON *parent, const char *key);
cJSON *mm2_json_arr(cJSON *parent, const char *key);
/* Add S (made valid UTF-8) under KEY, or append it when PARENT is an array. */
void mm2_json_str(cJSON *parent, const char *key, const char *s);
void mm2_json_num(cJSON *parent, const char *key, double v);
void mm2_json_null(cJSON *parent, const char *key);
void mm2_json_bool(cJSON *parent, const char *key, bool v);
/* Print ROOT (indented) and a newline to OUT, then delete ROOT. 0, or -MM2_EIO. */
int mm2_json_write(FILE *out, cJSON *root);

#endif
