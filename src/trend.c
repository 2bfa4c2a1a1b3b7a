/*
 * trend.c
 *		nps_trend and nps_trend_p: the least-squares slope of the NPS over
 *		time, in points per 30 days, and its two-sided p-value (README.md: "Margins of error, intervals and tests").
 *
 * Each answer counts +100 (promoter), 0 (passive) or -100 (detractor); the
 * slope is that of an ordinary least-squares line through (time, value).
 * The state is a plain float8[6] array {n, mean_x, mean_y, Sxx, Sxy, Syy},
 * with time x in units of 30 days, updated in place by Welford's method and
 * combined by Chan's formulas (as PostgreSQL's float8_regr_accum and
 * float8_regr_combine do).  Both aggregates use the same transition
 * function, state and initial value, so one query computing both makes one
 * pass.
 */
#include "postgres.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/timestamp.h"

#include "loyalty.h"

#define TREND_N			6
#define USECS_PER_30_DAYS	(30.0 * 86400.0 * 1000000.0)

/* The state array must be a one-dimensional float8[6] without NULLs. */
static inline double *
check_trend_array(ArrayType *a)
{
	if (ARR_NDIM(a) != 1 || ARR_DIMS(a)[0] != TREND_N || ARR_HASNULL(a) ||
		ARR_ELEMTYPE(a) != FLOAT8OID)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid nps_trend state"),
				 errdetail("The state is a float8 array of %d elements without NULLs.", TREND_N)));
	return (double *) ARR_DATA_PTR(a);
}

/* The state to update (see agg_state_arg). */
static inline ArrayType *
trend_state(FunctionCallInfo fcinfo, int argno)
{
	return (ArrayType *) agg_state_arg(fcinfo, argno);
}

/* Add the point (x, y) to the state s. */
static inline void
trend_add(double *s, double x, double y)
{
	double		n = s[0] + 1.0;
	double		dx = x - s[1];
	double		dy = y - s[2];

	s[0] = n;
	s[1] += dx / n;
	s[2] += dy / n;
	s[3] += dx * (x - s[1]);
	s[4] += dx * (y - s[2]);
	s[5] += dy * (y - s[2]);
}

/* The NPS value of one 0..10 answer: +100, 0 or -100. */
static inline double
nps_value(int64 score)
{
	if (score < NPS_LO || score > NPS_HI)
		score_out_of_scale(score, NPS_LO, NPS_HI);
	return score >= NPS_PROMOTER_FROM ? 100.0 : score >= NPS_PASSIVE_FROM ? 0.0 : -100.0;
}

static inline double
trend_time(TimestampTz at)
{
	if (TIMESTAMP_NOT_FINITE(at))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("answer time %s is not finite",
						TIMESTAMP_IS_NOBEGIN(at) ? "-infinity" : "infinity")));
	return (double) at / USECS_PER_30_DAYS;
}


/*
 * nps_trend_trans_T(float8[], timestamptz, T): the state with one more
 * answer (strict: rows with a NULL time or score are skipped)
 */
#define TREND_TRANSITION(SUFFIX) \
PG_FUNCTION_INFO_V1(nps_trend_trans_##SUFFIX); \
Datum \
nps_trend_trans_##SUFFIX(PG_FUNCTION_ARGS) \
{ \
	ArrayType  *a = trend_state(fcinfo, 0); \
	double	   *s = check_trend_array(a); \
	double		x = trend_time(PG_GETARG_TIMESTAMPTZ(1)); \
	trend_add(s, x, nps_value(SCORE_ARG_##SUFFIX(2, NPS_LO, NPS_HI))); \
	PG_RETURN_ARRAYTYPE_P(a); \
}

TREND_TRANSITION(int2)
TREND_TRANSITION(int4)
TREND_TRANSITION(int8)
TREND_TRANSITION(numeric)
TREND_TRANSITION(float8)

/* nps_trend_combine(float8[], float8[]): the state of both parts */
PG_FUNCTION_INFO_V1(nps_trend_combine);
Datum
nps_trend_combine(PG_FUNCTION_ARGS)
{
	ArrayType  *a = trend_state(fcinfo, 0);
	double	   *s = check_trend_array(a);
	double	   *t = check_trend_array(PG_GETARG_ARRAYTYPE_P(1));
	double		n1 = s[0],
				n2 = t[0],
				n,
				dx,
				dy,
				f;

	if (n2 == 0.0)
		PG_RETURN_ARRAYTYPE_P(a);
	if (n1 == 0.0)
	{
		memcpy(s, t, TREND_N * sizeof(double));
		PG_RETURN_ARRAYTYPE_P(a);
	}
	n = n1 + n2;
	dx = t[1] - s[1];
	dy = t[2] - s[2];
	f = n1 * n2 / n;
	s[0] = n;
	s[1] += dx * n2 / n;
	s[2] += dy * n2 / n;
	s[3] += t[3] + dx * dx * f;
	s[4] += t[4] + dx * dy * f;
	s[5] += t[5] + dy * dy * f;
	PG_RETURN_ARRAYTYPE_P(a);
}

/* nps_trend_final(float8[]): slope in NPS points per 30 days, or NULL */
PG_FUNCTION_INFO_V1(nps_trend_final);
Datum
nps_trend_final(PG_FUNCTION_ARGS)
{
	double	   *s = check_trend_array(PG_GETARG_ARRAYTYPE_P(0));

	if (s[0] < 2.0 || !(s[3] > 0.0))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(s[4] / s[3]);
}

/*
 * nps_trend_p_final(float8[]): two-sided p-value of the slope (t with n - 2
 * degrees of freedom); NULL with fewer than 3 answers, all at one time, or
 * all with the same NPS value
 */
PG_FUNCTION_INFO_V1(nps_trend_p_final);
Datum
nps_trend_p_final(PG_FUNCTION_ARGS)
{
	double	   *s = check_trend_array(PG_GETARG_ARRAYTYPE_P(0));
	double		n = s[0],
				slope,
				sse;

	if (n < 3.0 || !(s[3] > 0.0) || !(s[5] > 0.0))
		PG_RETURN_NULL();
	slope = s[4] / s[3];
	sse = s[5] - slope * s[4];
	if (!(sse > 0.0))
		PG_RETURN_FLOAT8(0.0);	/* a perfect fit */
	PG_RETURN_FLOAT8(2.0 * t_sf(fabs(slope) / sqrt(sse / (n - 2.0) / s[3]), n - 2.0));
}
