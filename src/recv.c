/*
 * recv.c
 *		The errors of every type's validation, and the one way every type
 *		writes (X_send) and reads its binary form (X_recv): a header of a
 *		format version byte and a flags byte, checked; the type's sizes;
 *		the length of what follows checked against them before anything is
 *		allocated; the values; then the type's full validation, as for its
 *		text form.  Every failure is 22P03 naming the type.
 */
#include "postgres.h"

#include "common/int.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"

#include "loyalty.h"

/* The detail of an error, formatted from fmt and args. */
pg_attribute_printf(1, 0)
static char *
detail_va(const char *fmt, va_list args)
{
	StringInfoData detail;

	initStringInfo(&detail);
	for (;;)
	{
		va_list		copy;
		int			needed;

		va_copy(copy, args);
		needed = appendStringInfoVA(&detail, fmt, copy);
		va_end(copy);
		if (needed == 0)
			return detail.data;
		enlargeStringInfo(&detail, needed);
	}
}

/*
 * "invalid TYPE value" with SQLSTATE sqlstate and the formatted detail: the
 * one error of every type's validation (X_check), whatever form the value
 * came in.
 */
void
value_invalid(int sqlstate, const char *type, const char *fmt,...)
{
	va_list		args;
	char	   *detail;

	va_start(args, fmt);
	detail = detail_va(fmt, args);
	va_end(args);
	ereport(ERROR,
			(errcode(sqlstate),
			 errmsg("invalid %s value", type),
			 errdetail_internal("%s", detail)));
}

/* The same for a binary form that cannot be read: 22P03. */
void
recv_fail(const char *type, const char *fmt,...)
{
	va_list		args;
	char	   *detail;

	va_start(args, fmt);
	detail = detail_va(fmt, args);
	va_end(args);
	value_invalid(ERRCODE_INVALID_BINARY_REPRESENTATION, type, "%s", detail);
}

/*
 * 22003 for a summary whose number of responses does not fit bigint: what
 * a transition, combine or + called directly from SQL gives instead of a
 * value that no input would accept.
 */
void
total_out_of_range(const char *type)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("the number of responses of a %s value is out of range for bigint", type),
			 errdetail("A summary holds at most 9223372036854775807 responses.")));
}

/* The sum of n counts of a value of `type` (22003 beyond bigint). */
int64
counts_total(const int64 *counts, int n, const char *type)
{
	int64		total = 0;

	for (int i = 0; i < n; i++)
		if (unlikely(pg_add_s64_overflow(total, counts[i], &total)))
			total_out_of_range(type);
	return total;
}

/*
 * 22003 for weights whose squares no longer sum to a finite double: the
 * limit that keeps every weight sum of a summary finite (sum w <= sqrt(n *
 * sum w^2), so a finite sum of squares bounds the sum of weights too).
 */
void
weights_out_of_range(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("the sum of squared weights is out of range for double precision"),
			 errdetail("The squares of the weights of one summary must sum to at most 1.7976931348623157e308: each weight at most about 1.34e154.")));
}

/* A stored value's layout version must be this build's. */
void
check_version(int sqlstate, const char *type, int version, int expected)
{
	if (version != expected)
		value_invalid(sqlstate, type, "Version %d is not supported; this build reads version %d.",
					  version, expected);
}

/* Start a binary form: the layout version and the flags bytes. */
void
send_header(StringInfo buf, int version, int flags)
{
	pq_begintypsend(buf);
	pq_sendbyte(buf, version);
	pq_sendbyte(buf, flags);
}

/*
 * The version and flags bytes: the version must be this build's, the flags
 * within allowed_flags.  Returns the flags.
 */
int
recv_header(StringInfo buf, const char *type, int version, int allowed_flags)
{
	int			v,
				flags;

	recv_expect_min(buf, type, 2);
	v = pq_getmsgbyte(buf);
	flags = pq_getmsgbyte(buf);
	if (v != version)
		recv_fail(type, "Binary format version %d is not supported; this build reads version %d.",
				  v, version);
	if ((flags & ~allowed_flags) != 0)
		recv_fail(type, "Unknown flags 0x%x.", flags);
	return flags;
}

/* At least nbytes must remain (before reading a fixed-size part). */
void
recv_expect_min(StringInfo buf, const char *type, int nbytes)
{
	if (buf->len - buf->cursor < nbytes)
		recv_fail(type, "The value ends after %d bytes.", buf->len);
}

/* Exactly nbytes must remain (before allocating for them). */
void
recv_expect_rest(StringInfo buf, const char *type, Size nbytes)
{
	if ((Size) (buf->len - buf->cursor) != nbytes)
		recv_fail(type, "%d bytes of data where the value needs %zu.",
				  buf->len - buf->cursor, nbytes);
}
