/*
 * parse.c
 *		A small recursive-descent reader for the text forms of the
 *		extension's types: words, signed integers, non-negative decimals.
 *		Every failure is 22P02 naming the type, the literal, the position and
 *		what was expected there.
 */
#include "postgres.h"

#include <math.h>

#include "common/int.h"
#include "common/shortest_dec.h"
#include "lib/stringinfo.h"

#include "loyalty.h"

/* Raise 22P02 for the literal being parsed, saying what was expected where. */
void
lit_fail(Parser *ps, const char *what)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type %s: \"%s\"", ps->type, ps->input),
			 errdetail("%s at character %d.", what, (int) (ps->p - ps->input) + 1),
			 errhint("%s", ps->hint)));
}

/* Skip white space. */
void
lit_ws(Parser *ps)
{
	while (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\n' || *ps->p == '\r')
		ps->p++;
}

/* Consume word if it comes next (after white space). */
bool
lit_word(Parser *ps, const char *word)
{
	size_t		len = strlen(word);

	lit_ws(ps);
	if (strncmp(ps->p, word, len) != 0)
		return false;
	ps->p += len;
	return true;
}

/* Consume word, or fail. */
void
lit_expect(Parser *ps, const char *word)
{
	if (!lit_word(ps, word))
		lit_fail(ps, psprintf("Expected \"%s\"", word));
}

/* "scale=lo..hi", a valid scale (scale_ok) of a ratings or term_ratings literal. */
void
lit_scale(Parser *ps, int32 *lo, int32 *hi)
{
	int64		l,
				h;

	lit_expect(ps, "scale");
	lit_expect(ps, "=");
	l = lit_int(ps, true);
	lit_expect(ps, "..");
	h = lit_int(ps, true);
	if (!scale_ok(l, h))
		lit_fail(ps, psprintf("Scale " INT64_FORMAT ".." INT64_FORMAT " needs lo <= hi and at most %d points",
							  l, h, RATINGS_MAX_POINTS));
	*lo = (int32) l;
	*hi = (int32) h;
}

/* An integer, optionally signed when allow_sign. */
int64
lit_int(Parser *ps, bool allow_sign)
{
	bool		neg = false;
	int64		v = 0;

	lit_ws(ps);
	if (allow_sign && (*ps->p == '-' || *ps->p == '+'))
		neg = (*ps->p++ == '-');
	if (*ps->p < '0' || *ps->p > '9')
		lit_fail(ps, "Expected an integer");
	while (*ps->p >= '0' && *ps->p <= '9')
	{
		if (pg_mul_s64_overflow(v, 10, &v) ||
			pg_sub_s64_overflow(v, *ps->p - '0', &v))	/* negative: PG_INT64_MIN fits */
			lit_fail(ps, "Integer out of range");
		ps->p++;
	}
	if (!neg && pg_sub_s64_overflow(0, v, &v))
		lit_fail(ps, "Integer out of range");
	return v;
}

/* A finite number >= 0, as strtod reads it (no "nan", "inf" or hex). */
double
lit_nonneg_double(Parser *ps)
{
	char	   *end;
	double		d;

	lit_ws(ps);
	if (!((*ps->p >= '0' && *ps->p <= '9') || *ps->p == '.'))
		lit_fail(ps, "Expected a number >= 0");
	if (ps->p[0] == '0' && (ps->p[1] == 'x' || ps->p[1] == 'X'))
		lit_fail(ps, "Expected a decimal number");
	errno = 0;
	d = strtod(ps->p, &end);
	if (end == ps->p || !isfinite(d) || (errno == ERANGE && fabs(d) > 1.0))
		lit_fail(ps, "Number out of range");
	ps->p = end;
	return d;
}

/*
 * A finite decimal number: optional sign, digits with an optional point,
 * optional exponent.  Anything else strtod would take (nan, inf, hex) is
 * refused before it is called.
 */
double
lit_double(Parser *ps)
{
	const char *s;
	char	   *end;
	double		d;
	bool		digits = false;

	lit_ws(ps);
	s = ps->p;
	if (*s == '-' || *s == '+')
		s++;
	while (*s >= '0' && *s <= '9')
		s++, digits = true;
	if (*s == '.')
		for (s++; *s >= '0' && *s <= '9'; s++)
			digits = true;
	if (!digits)
		lit_fail(ps, "Expected a number");
	if (*s == 'e' || *s == 'E')
	{
		s++;
		if (*s == '-' || *s == '+')
			s++;
		if (*s < '0' || *s > '9')
			lit_fail(ps, "Expected an exponent");
		while (*s >= '0' && *s <= '9')
			s++;
	}
	errno = 0;
	d = strtod(ps->p, &end);
	if (end != s)
		lit_fail(ps, "Malformed number");
	if (!isfinite(d) || (errno == ERANGE && fabs(d) > 1.0))
		lit_fail(ps, "Number out of range");
	ps->p = end;
	return d;
}

/* The literal must end here (white space aside). */
void
lit_end(Parser *ps)
{
	lit_ws(ps);
	if (*ps->p != '\0')
		lit_fail(ps, "Unexpected text");
}

/*
 * "{a,b,...}" with exactly n entries, one per point of a scale: counts
 * (integers >= 0) into counts, or else weights (finite numbers >= 0) into
 * doubles.
 */
void
lit_point_list(Parser *ps, int n, int64 *counts, double *doubles)
{
	lit_expect(ps, "{");
	for (int i = 0; i < n; i++)
	{
		if (i > 0 && !lit_word(ps, ","))
			lit_fail(ps, psprintf("Expected \",\": the scale has %d points", n));
		if (counts)
			counts[i] = lit_int(ps, false);
		else
			doubles[i] = lit_nonneg_double(ps);
	}
	if (!lit_word(ps, "}"))
		lit_fail(ps, psprintf("Expected \"}\": the scale has %d points", n));
}

/* Append the n integers vals between open and close, comma-separated. */
void
lit_append_int64_list(StringInfo buf, const int64 *vals, int n, char open, char close)
{
	appendStringInfoChar(buf, open);
	for (int i = 0; i < n; i++)
		appendStringInfo(buf, i ? "," INT64_FORMAT : INT64_FORMAT, vals[i]);
	appendStringInfoChar(buf, close);
}

/*
 * Append d in the shortest form that reads back to the same double, so text
 * forms round-trip exactly whatever extra_float_digits says.
 */
void
lit_append_double(StringInfo buf, double d)
{
	char		tmp[DOUBLE_SHORTEST_DECIMAL_LEN];

	double_to_shortest_decimal_buf(d, tmp);
	appendStringInfoString(buf, tmp);
}
