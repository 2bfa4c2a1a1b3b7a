/*
 * recv.c
 *		The one way every type reads its binary form (X_recv): a header of a
 *		format version byte and a flags byte, checked; the type's sizes;
 *		the length of what follows checked against them before anything is
 *		allocated; the values; then the type's full validation, as for its
 *		text form.  Every failure is 22P03 naming the type.
 */
#include "postgres.h"

#include "lib/stringinfo.h"
#include "libpq/pqformat.h"

#include "loyalty.h"

void
recv_fail(const char *type, const char *fmt,...)
{
	va_list		args;
	StringInfoData detail;

	initStringInfo(&detail);
	for (;;)
	{
		int			needed;

		va_start(args, fmt);
		needed = appendStringInfoVA(&detail, fmt, args);
		va_end(args);
		if (needed == 0)
			break;
		enlargeStringInfo(&detail, needed);
	}
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid %s value", type),
			 errdetail_internal("%s", detail.data)));
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
