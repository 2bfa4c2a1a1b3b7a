/*
 * score.c
 *		Turning SQL values into scale points and weights, with the errors
 *		of README.md's "Weights, NULLs and errors".  Every aggregate and function that
 *		takes a score or a weight goes through here.
 */
#include "postgres.h"

#include <math.h>

#include "common/shortest_dec.h"
#include "utils/builtins.h"
#include "utils/float.h"
#include "utils/numeric.h"

#include "loyalty.h"

/* Raise the 22003 error for a score outside lo..hi. */
void
score_out_of_scale(int64 score, int32 lo, int32 hi)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("score " INT64_FORMAT " is outside the scale %d..%d",
					score, lo, hi)));
}

static void
score_not_integral(const char *shown, int32 lo, int32 hi)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("score %s is not an integer point of the scale %d..%d",
					shown, lo, hi)));
}

/* NaN is not a number at all: an invalid parameter (22023), not a range error. */
pg_noreturn static void
score_nan(int32 lo, int32 hi)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("score NaN is not a point of the scale %d..%d", lo, hi)));
}

/*
 * A double precision score as a scale point.  NaN is 22023; values outside
 * lo..hi (infinities included) and fractional values are 22003.
 */
int64
score_from_float8(double d, int32 lo, int32 hi)
{
	char		buf[DOUBLE_SHORTEST_DECIMAL_LEN];

	if (isnan(d))
		score_nan(lo, hi);
	if (d < (double) lo || d > (double) hi)
	{
		double_to_shortest_decimal_buf(d, buf);
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("score %s is outside the scale %d..%d", buf, lo, hi)));
	}
	if (d != rint(d))
	{
		double_to_shortest_decimal_buf(d, buf);
		score_not_integral(buf, lo, hi);
	}
	return (int64) d;
}

/*
 * A numeric score as a scale point.  The value must be exactly an integer
 * (9.0 is fine, 9.0000001 is not); NaN is 22023.  Values far outside lo..hi
 * are reported here, the exact range check against lo..hi is the caller's.
 */
int64
score_from_numeric(Datum num, int32 lo, int32 hi)
{
	double		d;
	int64		k;
	Datum		exact;

	d = DatumGetFloat8(DirectFunctionCall1(numeric_float8_no_overflow, num));
	if (isnan(d))
		score_nan(lo, hi);
	if (d < (double) lo - 1.0 || d > (double) hi + 1.0)
	{
		char	   *shown = DatumGetCString(DirectFunctionCall1(numeric_out, num));

		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("score %s is outside the scale %d..%d", shown, lo, hi)));
	}
	k = (int64) rint(d);
	exact = DirectFunctionCall1(int8_numeric, Int64GetDatum(k));
	if (DatumGetInt32(DirectFunctionCall2(numeric_cmp, num, exact)) != 0)
		score_not_integral(DatumGetCString(DirectFunctionCall1(numeric_out, num)),
						   lo, hi);
	return k;
}

/* A weight must be finite and not negative (22023). */
void
check_weight(double w)
{
	if (unlikely(!(w >= 0.0) || isinf(w)))
	{
		char		buf[DOUBLE_SHORTEST_DECIMAL_LEN];

		double_to_shortest_decimal_buf(w, buf);
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("weight %s is not a finite number >= 0", buf),
				 errdetail("A weight must be a finite number greater than or equal to 0.")));
	}
}
