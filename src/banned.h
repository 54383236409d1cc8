/*
 * Functions mm2lint does not use (git's banned.h): unbounded copies, formats
 * without a size, and number parsers that cannot report an error. Included last
 * in every source file, after the system headers; use snprintf, strbuf and
 * mm2_parse_long instead.
 */
#ifndef MM2LINT_BANNED_H
#define MM2LINT_BANNED_H

#define BANNED(func) sorry_##func##_is_banned_in_mm2lint

#undef strcpy
#define strcpy(x, y) BANNED(strcpy)
#undef strcat
#define strcat(x, y) BANNED(strcat)
#undef strncpy
#define strncpy(x, y, n) BANNED(strncpy)
#undef strncat
#define strncat(x, y, n) BANNED(strncat)
#undef sprintf
#define sprintf(...) BANNED(sprintf)
#undef vsprintf
#define vsprintf(...) BANNED(vsprintf)
#undef strtok
#define strtok(x, y) BANNED(strtok)
#undef strtok_r
#define strtok_r(x, y, z) BANNED(strtok_r)
#undef atoi
#define atoi(x) BANNED(atoi)
#undef atol
#define atol(x) BANNED(atol)
#undef atoll
#define atoll(x) BANNED(atoll)
#undef atof
#define atof(x) BANNED(atof)
#undef gets
#define gets(x) BANNED(gets)

#endif
