/*
 * Operational errors: mm2lint could not do its job (unreadable file, bad rule
 * file, a limit hit). Findings about the user's configuration are diagnostics
 * (diag.h), never errors.
 *
 * Functions that can fail return 0 or a negative MM2_E* code and fill a
 * caller-supplied struct mm2_error, git's "return error(...)" idiom:
 *
 *	if (!f)
 *		return mm2_error_set(err, MM2_EIO, "cannot open '%s': %s", path, strerror(errno));
 */
#ifndef MM2LINT_ERROR_H
#define MM2LINT_ERROR_H

enum mm2_errcode {
	MM2_EIO = 1, /* missing or unreadable file */
	MM2_EUSAGE,  /* bad command line */
	MM2_EBINARY, /* input is not text */
	MM2_ELIMIT,  /* input over a size limit */
	MM2_ERULE,   /* invalid rule file */
	MM2_ECONFIG, /* invalid settings file */
	MM2_EFORMAT, /* input mm2lint cannot use at all */
};

struct mm2_error {
	int code;      /* 0 or an mm2_errcode */
	char msg[512]; /* one line, no trailing newline */
};

/* Record CODE and the formatted message in ERR (may be NULL); returns -CODE. */
int mm2_error_set(struct mm2_error *err, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
