/*
 * Operational errors (error.h): one formatted line in a caller-supplied struct.
 */
#include <stdarg.h>
#include <stdio.h>
#include "mm2lint/error.h"
#include "banned.h"

int mm2_error_set(struct mm2_error *err, int code, const char *fmt, ...)
{
	va_list ap;

	if (err) {
		err->code = code;
		va_start(ap, fmt);
		vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
		va_end(ap);
	}
	return -code;
}
