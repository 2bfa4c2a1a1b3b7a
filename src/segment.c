/*
 * segment.c
 *		Loyalty segmentation: the NPS category of an answer, Jones & Sasser's
 *		satisfaction x loyalty matrix ("Why Satisfied Customers Defect",
 *		1995) and the customer loyalty index.
 *
 *		loyalist   satisfied and loyal: the active partner and ambassador
 *		mercenary  satisfied but not loyal: leaves for a cheaper offer
 *		hostage    dissatisfied but loyal: stays, for now
 *		defector   dissatisfied and not loyal
 *
 * Every function takes its answers as smallint, integer, bigint, numeric or
 * double precision; answers on the fixed scales go through the shared score
 * checks of score.c, so 7.5 or 11 is an error, never rounded or clamped.
 */
#include "postgres.h"

#include <math.h>

#include "common/shortest_dec.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"

#include "loyalty.h"

/* The fixed scales of README.md's "Loyalty segmentation". */
#define RECOMMEND_LO		NPS_LO
#define RECOMMEND_HI		NPS_HI
#define SATISFACTION_LO		1
#define SATISFACTION_HI		5
#define SATISFIED_FROM		4	/* satisfied: 4-5 of 5 */
#define LOYAL_FROM			NPS_PROMOTER_FROM	/* loyal: 9-10 of 10 (promoters) */

/* Labels in the order the enums declare them. */
static const char *const nps_category_labels[] = {"detractor", "passive", "promoter"};
static const char *const segment_labels[] = {"loyalist", "mercenary", "hostage", "defector"};

/*
 * The enum value with label index idx of the function's own return type.
 * The label OIDs are looked up once per call site and kept in fn_extra.
 */
static Datum
enum_label(FunctionCallInfo fcinfo, const char *const *labels, int nlabels, int idx)
{
	Oid		   *oids = (Oid *) fcinfo->flinfo->fn_extra;

	if (oids == NULL)
	{
		Oid			enumtype = get_func_rettype(fcinfo->flinfo->fn_oid);

		oids = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, nlabels * sizeof(Oid));
		for (int i = 0; i < nlabels; i++)
			oids[i] = DatumGetObjectId(DirectFunctionCall2(enum_in,
														   CStringGetDatum(labels[i]),
														   ObjectIdGetDatum(enumtype)));
		fcinfo->flinfo->fn_extra = oids;
	}
	return ObjectIdGetDatum(oids[idx]);
}

/* The segment of a (satisfied, loyal) pair. */
static inline int
segment_of(bool satisfied, bool loyal)
{
	if (satisfied)
		return loyal ? 0 : 1;
	return loyal ? 2 : 3;
}

/* An answer on lo..hi as an integer point (22003 / 22023 otherwise). */
static inline int64
answer_point(int64 v, int32 lo, int32 hi)
{
	if (v < lo || v > hi)
		score_out_of_scale(v, lo, hi);
	return v;
}

/* Answer argument n of SQL type `type` as a point of lo..hi. */
static pg_attribute_always_inline int64
answer_arg(FunctionCallInfo fcinfo, int n, ScoreType type, int32 lo, int32 hi)
{
	return answer_point(score_arg(fcinfo, n, type, lo, hi), lo, hi);
}

/* nps_category(recommend): the NPS category of a 0-10 answer */
static pg_attribute_always_inline Datum
nps_category_of(FunctionCallInfo fcinfo, ScoreType type)
{
	int64		s = answer_arg(fcinfo, 0, type, RECOMMEND_LO, RECOMMEND_HI);

	return enum_label(fcinfo, nps_category_labels, 3,
					  s >= NPS_PROMOTER_FROM ? 2 : s >= NPS_PASSIVE_FROM ? 1 : 0);
}

/*
 * loyalty_segment(satisfaction, recommend): the segment of a 1-5
 * satisfaction answer and a 0-10 recommend answer
 */
static pg_attribute_always_inline Datum
loyalty_segment_of(FunctionCallInfo fcinfo, ScoreType type)
{
	int64		sat = answer_arg(fcinfo, 0, type, SATISFACTION_LO, SATISFACTION_HI);
	int64		rec = answer_arg(fcinfo, 1, type, RECOMMEND_LO, RECOMMEND_HI);

	return enum_label(fcinfo, segment_labels, 4,
					  segment_of(sat >= SATISFIED_FROM, rec >= LOYAL_FROM));
}

/*
 * loyalty_index(a, b, c): 10 x the mean of the non-NULL 0-10 answers (not
 * strict: NULL answers are left out, all NULL gives NULL)
 */
static pg_attribute_always_inline Datum
loyalty_index_of(FunctionCallInfo fcinfo, ScoreType type)
{
	int64		sum = 0;
	int			n = 0;

	for (int i = 0; i < 3; i++)
	{
		if (PG_ARGISNULL(i))
			continue;
		sum += answer_arg(fcinfo, i, type, RECOMMEND_LO, RECOMMEND_HI);
		n++;
	}
	if (n == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(10.0 * (double) sum / n);
}

/* The entry points, a line per SQL answer type. */
#define SEGMENT_ENTRIES(type, category, segment, index) \
	LOYALTY_ENTRY(category, nps_category_of(fcinfo, type)) \
	LOYALTY_ENTRY(segment, loyalty_segment_of(fcinfo, type)) \
	LOYALTY_ENTRY(index, loyalty_index_of(fcinfo, type))

SEGMENT_ENTRIES(SCORE_INT2, nps_category_int2, loyalty_segment_int2, loyalty_index_int2)
SEGMENT_ENTRIES(SCORE_INT4, nps_category_int4, loyalty_segment_int4, loyalty_index_int4)
SEGMENT_ENTRIES(SCORE_INT8, nps_category_int8, loyalty_segment_int8, loyalty_index_int8)
SEGMENT_ENTRIES(SCORE_NUMERIC, nps_category_numeric, loyalty_segment_numeric, loyalty_index_numeric)
SEGMENT_ENTRIES(SCORE_FLOAT8, nps_category_float8, loyalty_segment_float8, loyalty_index_float8)

/*
 * A value of the general matrix: answers must be finite (NaN is 22023, an
 * infinity 22003), thresholds must be finite (22023).
 */
static inline double
check_matrix_value(double v, const char *what, bool threshold)
{
	char		buf[DOUBLE_SHORTEST_DECIMAL_LEN];

	if (isnan(v) || (threshold && isinf(v)))
	{
		double_to_shortest_decimal_buf(v, buf);
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s %s is not a finite number", what, buf)));
	}
	if (isinf(v))
	{
		double_to_shortest_decimal_buf(v, buf);
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s %s is out of range", what, buf),
				 errdetail("Answers must be finite numbers.")));
	}
	return v;
}

/*
 * loyalty_segment(satisfaction, loyalty, satisfied_from, loyal_from): the
 * segment on any scales: satisfied when satisfaction >= satisfied_from,
 * loyal when loyalty >= loyal_from
 */
PG_FUNCTION_INFO_V1(loyalty_segment_general);
Datum
loyalty_segment_general(PG_FUNCTION_ARGS)
{
	double		sat = check_matrix_value(PG_GETARG_FLOAT8(0), "satisfaction", false);
	double		loyalty = check_matrix_value(PG_GETARG_FLOAT8(1), "loyalty", false);
	double		sat_from = check_matrix_value(PG_GETARG_FLOAT8(2), "satisfied_from", true);
	double		loyal_from = check_matrix_value(PG_GETARG_FLOAT8(3), "loyal_from", true);

	return enum_label(fcinfo, segment_labels, 4,
					  segment_of(sat >= sat_from, loyalty >= loyal_from));
}
