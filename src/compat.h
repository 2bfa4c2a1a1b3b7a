/*
 * compat.h
 *		The one place where the extension meets differences between the
 *		PostgreSQL majors it supports (13 to 18).  Code elsewhere uses the
 *		newest spelling; this header supplies it on older servers.
 */
#ifndef LOYALTY_COMPAT_H
#define LOYALTY_COMPAT_H

#include "postgres.h"

/*
 * pg_noreturn (PostgreSQL 18) stands before a declaration; it replaced
 * pg_attribute_noreturn(), which stood after it and is gone in 18.
 */
#ifndef pg_noreturn
#if defined(__GNUC__) || defined(__clang__)
#define pg_noreturn __attribute__((noreturn))
#else
#define pg_noreturn _Noreturn
#endif
#endif

#endif							/* LOYALTY_COMPAT_H */
