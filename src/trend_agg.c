/*
 * trend_agg.c
 *		nps_trend and nps_trend_p: the least-squares slope of the NPS over
 *		time, in points per 30 days, and its two-sided p-value (README.md:
 *		"Margins of error, intervals and tests").
 *
 * Each answer counts +100 (promoter), 0 (passive) or -100 (detractor); the
 * slope is that of an ordinary least-squares line through (time, value).
 * The state is an nps_trend_state (trend.c), updated in place by Welford's
 * method and combined by Chan's formulas (as PostgreSQL's float8_regr_accum
 * and float8_regr_combine do).  Both aggregates use the same transition
 * function, state and initial value, so one query computing both makes one
 * pass.
 *
 * The C entry points of 0.1.0, whose state was a float8[6] array, stay
 * (at the end of this file): between installing this library and running
 * ALTER EXTENSION loyalty UPDATE, a database still calls them.  They are
 * (tools/check-names.sh reads these lines):
 *	0.1.0: nps_trend_trans_int2 nps_trend_trans_int4 nps_trend_trans_int8
 *	0.1.0: nps_trend_trans_numeric nps_trend_trans_float8
 *	0.1.0: nps_trend_combine nps_trend_final nps_trend_p_final
 */
#include "postgres.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "utils/array.h"
#include "utils/timestamp.h"

#include "loyalty.h"

#define USECS_PER_30_DAYS	(30.0 * 86400.0 * 1000000.0)

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

/* The state of the array of 0.1.0 must be a float8[6] without NULLs. */
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

/*
 * Moments that left the range of a stored value (an overflow to infinity,
 * or more than TREND_MAX_N answers: n_before answers and `added` more,
 * compared so, as their sum would round) are an error, 22003, never a state
 * that the type's input would refuse.  Called after the update.
 */
static inline void
trend_check_range(const double *s, double n_before, double added)
{
	if (unlikely(!(n_before <= TREND_MAX_N - added && isfinite(s[1]) && isfinite(s[2]) &&
				   isfinite(s[3]) && isfinite(s[4]) && isfinite(s[5]))))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("the moments of an nps_trend_state are out of range"),
				 errdetail("A trend holds at most 2^53 answers, and its sums of squares must stay finite.")));
}

/*
 * nps_trend_state_trans(nps_trend_state, timestamptz, score): the state with
 * one more answer (strict: rows with a NULL time or score are skipped);
 * nps_trend_trans: the same on 0.1.0's float8[6] state (legacy: only
 * databases not yet updated to 0.2.0 call it).
 */
static pg_attribute_always_inline Datum
trend_step(FunctionCallInfo fcinfo, ScoreType type, bool legacy)
{
	void	   *state = agg_state_arg(fcinfo, 0);
	double	   *s = legacy ? check_trend_array((ArrayType *) state) : ((TrendState *) state)->s;
	double		x = trend_time(PG_GETARG_TIMESTAMPTZ(1));
	double		n = s[0];

	trend_add(s, x, nps_value(score_arg(fcinfo, 2, type, NPS_LO, NPS_HI)));
	trend_check_range(s, n, 1.0);
	PG_RETURN_POINTER(state);
}

/* The entry points, a line per SQL score type: 0.2.0's and 0.1.0's. */
#define TREND_ENTRIES(type, trans, legacy_trans) \
	LOYALTY_ENTRY(trans, trend_step(fcinfo, type, false)) \
	LOYALTY_ENTRY(legacy_trans, trend_step(fcinfo, type, true))

TREND_ENTRIES(SCORE_INT2, nps_trend_state_trans_int2, nps_trend_trans_int2)
TREND_ENTRIES(SCORE_INT4, nps_trend_state_trans_int4, nps_trend_trans_int4)
TREND_ENTRIES(SCORE_INT8, nps_trend_state_trans_int8, nps_trend_trans_int8)
TREND_ENTRIES(SCORE_NUMERIC, nps_trend_state_trans_numeric, nps_trend_trans_numeric)
TREND_ENTRIES(SCORE_FLOAT8, nps_trend_state_trans_float8, nps_trend_trans_float8)

/* The two-state operations of nps_trend_state (see SummaryOps). */
static void
trend_validate_op(const void *value)
{
	trend_check((const TrendState *) value, ERRCODE_DATA_CORRUPTED);
}

/* Chan et al.'s combination of the moments s and t of two parts, into s. */
static void
trend_merge(double *s, const double *t)
{
	double		n1 = s[0],
				n2 = t[0],
				n,
				dx,
				dy,
				f;

	if (n2 == 0.0)
		return;
	if (n1 == 0.0)
	{
		memcpy(s, t, TREND_N * sizeof(double));
		return;
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
	trend_check_range(s, n1, n2);
}

static void *
trend_merge_op(FunctionCallInfo fcinfo, void *state, const void *value)
{
	trend_merge(((TrendState *) state)->s, ((const TrendState *) value)->s);
	return state;
}

static const SummaryOps trend_ops = {trend_validate_op, trend_merge_op, NULL};

/* nps_trend_state_combine(nps_trend_state, nps_trend_state): both parts */
LOYALTY_ENTRY(nps_trend_state_combine, summary_combine(fcinfo, &trend_ops))

/* The slope in NPS points per 30 days; false (NULL) without one. */
static bool
trend_slope(const double *s, double *slope)
{
	if (s[0] < 2.0 || !(s[3] > 0.0))
		return false;
	*slope = s[4] / s[3];
	return true;
}

/*
 * The two-sided p-value of the slope (t with n - 2 degrees of freedom);
 * false (NULL) with fewer than 3 answers, all at one time, or all with the
 * same NPS value
 */
static bool
trend_p(const double *s, double *p)
{
	double		n = s[0],
				slope,
				sse;

	if (n < 3.0 || !(s[3] > 0.0) || !(s[5] > 0.0))
		return false;
	slope = s[4] / s[3];
	sse = s[5] - slope * s[4];
	if (!(sse > 0.0))
		*p = 0.0;				/* a perfect fit */
	else
		*p = 2.0 * t_sf(fabs(slope) / sqrt(sse / (n - 2.0) / s[3]), n - 2.0);
	return true;
}

/* nps_trend_state_final(nps_trend_state): the slope, or NULL */
PG_FUNCTION_INFO_V1(nps_trend_state_final);
Datum
nps_trend_state_final(PG_FUNCTION_ARGS)
{
	double		v;

	if (!trend_slope(PG_GETARG_TREND_STATE_P(0)->s, &v))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(v);
}

/* nps_trend_state_p_final(nps_trend_state): the slope's p-value, or NULL */
PG_FUNCTION_INFO_V1(nps_trend_state_p_final);
Datum
nps_trend_state_p_final(PG_FUNCTION_ARGS)
{
	double		v;

	if (!trend_p(PG_GETARG_TREND_STATE_P(0)->s, &v))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(v);
}

/* --- the entry points of 0.1.0, on a float8[6] state -------------------- */

PG_FUNCTION_INFO_V1(nps_trend_combine);
Datum
nps_trend_combine(PG_FUNCTION_ARGS)
{
	ArrayType  *a = (ArrayType *) agg_state_arg(fcinfo, 0);

	trend_merge(check_trend_array(a), check_trend_array(PG_GETARG_ARRAYTYPE_P(1)));
	PG_RETURN_ARRAYTYPE_P(a);
}

PG_FUNCTION_INFO_V1(nps_trend_final);
Datum
nps_trend_final(PG_FUNCTION_ARGS)
{
	double		v;

	if (!trend_slope(check_trend_array(PG_GETARG_ARRAYTYPE_P(0)), &v))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(v);
}

PG_FUNCTION_INFO_V1(nps_trend_p_final);
Datum
nps_trend_p_final(PG_FUNCTION_ARGS)
{
	double		v;

	if (!trend_p(check_trend_array(PG_GETARG_ARRAYTYPE_P(0)), &v))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(v);
}
