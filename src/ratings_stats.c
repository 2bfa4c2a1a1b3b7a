/*
 * ratings_stats.c
 *		Accessors that read statistics off a `ratings` summary: NPS and its
 *		shares, mean, standard deviation, median, top and bottom boxes, the
 *		satisfaction index and the histogram.
 *
 * All of them use the weight per scale point (the count, for unweighted
 * summaries), so the weighted and unweighted cases share one code path.
 * A summary whose total weight is zero gives NULL.
 */
#include "postgres.h"

#include <math.h>

#include "access/htup_details.h"
#include "funcapi.h"
#include "utils/builtins.h"

#include "loyalty.h"

/* A number of top or bottom boxes must fit the scale (22023). */
void
check_boxes(const Ratings *r, int32 boxes)
{
	int			np = ratings_npoints(r);

	if (boxes < 1 || boxes > np)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("boxes %d is out of range for the scale %d..%d", boxes, r->lo, r->hi),
				 errdetail("boxes must be between 1 and %d.", np)));
}

/* The summary must be on 0..10 for the NPS functions (22023). */
void
check_nps_scale(const Ratings *r, const char *func)
{
	if (r->lo != NPS_LO || r->hi != NPS_HI)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s needs a summary on the scale 0..10, not %d..%d",
						func, r->lo, r->hi),
				 errhint("Build it with nps_agg(score) or ratings_agg(score, 0, 10).")));
}

/*
 * Sum of the weights, or the counts, of the scale points with index (score
 * - lo) from..to inclusive.  Loops run over indices, never over scores: a
 * scale may end at INT_MAX.
 */
double
ratings_weight_between(const Ratings *r, int from, int to)
{
	double		sum = 0.0;

	for (int i = from; i <= to; i++)
		sum += ratings_point_weight(r, i);
	return sum;
}

static int64
count_between(const Ratings *r, int from, int to)
{
	int64		sum = 0;

	for (int i = from; i <= to; i++)
		sum += r->counts[i];
	return sum;
}

/* Weighted mean of the scores; total must be > 0. */
static double
ratings_mean_of(const Ratings *r, double total)
{
	double		sum = 0.0;

	/* Offsets from lo keep the products small whatever the scale. */
	for (int i = 0; i < ratings_npoints(r); i++)
		sum += ratings_point_weight(r, i) * i;
	return r->lo + sum / total;
}

/* responses(ratings): number of responses */
static Datum
responses_of(FunctionCallInfo fcinfo)
{
	PG_RETURN_INT64(ratings_sum_counts(PG_GETARG_RATINGS_P(0)));
}

/* total_weight(ratings): sum of weights (the count when unweighted) */
static Datum
total_weight_of(FunctionCallInfo fcinfo)
{
	PG_RETURN_FLOAT8(ratings_sum_weights(PG_GETARG_RATINGS_P(0)));
}

LOYALTY_ENTRY(ratings_responses, responses_of(fcinfo))
LOYALTY_ENTRY(ratings_total_weight, total_weight_of(fcinfo))

/*
 * The same under 0.1.0's names, which databases not yet updated still call:
 *	0.1.0: ratings_responses_fn ratings_total_weight_fn
 */
LOYALTY_ENTRY(ratings_responses_fn, responses_of(fcinfo))
LOYALTY_ENTRY(ratings_total_weight_fn, total_weight_of(fcinfo))

/*
 * The weighted % of answers in scale points from..to (offsets from lo),
 * less the % in less_from..less_to when less_from <= less_to, in *pct;
 * false for a summary without weight.
 */
static bool
pct_between(const Ratings *r, int from, int to, int less_from, int less_to, double *pct)
{
	double		total = ratings_sum_weights(r);
	double		w = ratings_weight_between(r, from, to);

	if (total == 0.0)
		return false;
	if (less_from <= less_to)
		w -= ratings_weight_between(r, less_from, less_to);
	*pct = 100.0 * w / total;
	return true;
}

/*
 * pct_between as an accessor's result, NULL for a summary without weight.
 * Every percentage accessor returns through here.
 */
static Datum
weight_pct(FunctionCallInfo fcinfo, const Ratings *r, int from, int to,
		   int less_from, int less_to)
{
	double		pct;

	if (!pct_between(r, from, to, less_from, less_to, &pct))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(pct);
}

/* The NPS of a 0..10 summary in *nps, as nps() gives it; false without weight. */
bool
ratings_nps_of(const Ratings *r, double *nps)
{
	return pct_between(r, NPS_PROMOTER_FROM, NPS_HI, NPS_LO, NPS_PASSIVE_FROM - 1, nps);
}

/* nps(ratings): 100 * (promoters - detractors) / responses, weighted */
PG_FUNCTION_INFO_V1(ratings_nps);
Datum
ratings_nps(PG_FUNCTION_ARGS)
{
	Ratings    *r = PG_GETARG_RATINGS_P(0);
	double		nps;

	check_nps_scale(r, "nps");
	if (!ratings_nps_of(r, &nps))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(nps);
}

/* Which NPS group an accessor reads: first and last score. */
typedef enum NpsGroup
{
	NPS_DETRACTORS,
	NPS_PASSIVES,
	NPS_PROMOTERS
}			NpsGroup;

static const int nps_group_from[] = {NPS_LO, NPS_PASSIVE_FROM, NPS_PROMOTER_FROM};
static const int nps_group_to[] = {NPS_PASSIVE_FROM - 1, NPS_PROMOTER_FROM - 1, NPS_HI};
static const char *const nps_group_count_fn[] = {"detractors", "passives", "promoters"};
static const char *const nps_group_pct_fn[] = {"detractor_pct", "passive_pct", "promoter_pct"};

static Datum
nps_group_count(FunctionCallInfo fcinfo, NpsGroup g)
{
	Ratings    *r = PG_GETARG_RATINGS_P(0);

	check_nps_scale(r, nps_group_count_fn[g]);
	PG_RETURN_INT64(count_between(r, nps_group_from[g], nps_group_to[g]));
}

static Datum
nps_group_pct(FunctionCallInfo fcinfo, NpsGroup g)
{
	Ratings    *r = PG_GETARG_RATINGS_P(0);

	check_nps_scale(r, nps_group_pct_fn[g]);
	return weight_pct(fcinfo, r, nps_group_from[g], nps_group_to[g], 0, -1);
}

/* promoters(ratings): number of 9-10 answers */
LOYALTY_ENTRY(ratings_promoters, nps_group_count(fcinfo, NPS_PROMOTERS))

/* passives(ratings): number of 7-8 answers */
LOYALTY_ENTRY(ratings_passives, nps_group_count(fcinfo, NPS_PASSIVES))

/* detractors(ratings): number of 0-6 answers */
LOYALTY_ENTRY(ratings_detractors, nps_group_count(fcinfo, NPS_DETRACTORS))

/* promoter_pct(ratings): weighted % of 9-10 answers */
LOYALTY_ENTRY(ratings_promoter_pct, nps_group_pct(fcinfo, NPS_PROMOTERS))

/* passive_pct(ratings): weighted % of 7-8 answers */
LOYALTY_ENTRY(ratings_passive_pct, nps_group_pct(fcinfo, NPS_PASSIVES))

/* detractor_pct(ratings): weighted % of 0-6 answers */
LOYALTY_ENTRY(ratings_detractor_pct, nps_group_pct(fcinfo, NPS_DETRACTORS))

/* mean(ratings), also ces(ratings): weighted mean score */
PG_FUNCTION_INFO_V1(ratings_mean);
Datum
ratings_mean(PG_FUNCTION_ARGS)
{
	Ratings    *r = PG_GETARG_RATINGS_P(0);
	double		total = ratings_sum_weights(r);

	if (total == 0.0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(ratings_mean_of(r, total));
}

/*
 * The weighted mean and sample variance.  Weights are sampling weights: the
 * variance is sum w (x - mean)^2 / (W - sum w^2 / W), the usual n - 1
 * formula when every weight is 1, and positive only when Kish's effective
 * sample size W^2 / sum w^2 exceeds 1.  False when there is no such
 * variance (fewer than two responses, or no weight).
 */
bool
ratings_variance(const Ratings *r, double *mean, double *var)
{
	double		total = ratings_sum_weights(r);
	double		denom,
				ss = 0.0;

	if (total == 0.0)
		return false;
	denom = total - ratings_sum_sq_weights(r) / total;
	if (!(denom > 0.0))
		return false;
	*mean = ratings_mean_of(r, total);
	for (int i = 0; i < ratings_npoints(r); i++)
	{
		double		d = (r->lo + i) - *mean;

		ss += ratings_point_weight(r, i) * d * d;
	}
	*var = ss / denom;
	return true;
}

/* stddev(ratings): sample standard deviation (see ratings_variance) */
PG_FUNCTION_INFO_V1(ratings_stddev);
Datum
ratings_stddev(PG_FUNCTION_ARGS)
{
	double		mean,
				var;

	if (!ratings_variance(PG_GETARG_RATINGS_P(0), &mean, &var))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(sqrt(var));
}

/*
 * median(ratings): the middle answer, or the mean of the two middle answers
 * when their number is even.  Weighted: the first score whose cumulative
 * weight passes half the total; where the cumulative weight equals exactly
 * half, the mean of that score and the next answered one.
 */
PG_FUNCTION_INFO_V1(ratings_median);
Datum
ratings_median(PG_FUNCTION_ARGS)
{
	Ratings    *r = PG_GETARG_RATINGS_P(0);
	int			np = ratings_npoints(r);
	double		total = ratings_sum_weights(r);
	double		cum = 0.0;

	if (total == 0.0)
		PG_RETURN_NULL();
	for (int i = 0; i < np; i++)
	{
		double		w = ratings_point_weight(r, i);

		if (w == 0.0)
			continue;
		cum += w;
		if (2.0 * cum > total)
			PG_RETURN_FLOAT8((double) (r->lo + i));
		if (2.0 * cum == total)
		{
			for (int j = i + 1; j < np; j++)
				if (ratings_point_weight(r, j) > 0.0)
					PG_RETURN_FLOAT8(((double) (r->lo + i) + (r->lo + j)) / 2.0);
			PG_RETURN_FLOAT8((double) (r->lo + i));
		}
	}
	/* Rounding in cum can leave us here: the last answered score. */
	for (int i = np - 1; i >= 0; i--)
		if (ratings_point_weight(r, i) > 0.0)
			PG_RETURN_FLOAT8((double) (r->lo + i));
	PG_RETURN_NULL();
}

/* Weighted % of answers in the top (top = true) or bottom `boxes` points. */
static Datum
box_pct(FunctionCallInfo fcinfo, bool top)
{
	Ratings    *r = PG_GETARG_RATINGS_P(0);
	int32		boxes = PG_GETARG_INT32(1);
	int			np = ratings_npoints(r);

	check_boxes(r, boxes);
	if (top)
		return weight_pct(fcinfo, r, np - boxes, np - 1, 0, -1);
	return weight_pct(fcinfo, r, 0, boxes - 1, 0, -1);
}

/* top_box(ratings, boxes): % of answers in the top `boxes` scale points */
LOYALTY_ENTRY(ratings_top_box, box_pct(fcinfo, true))

/* bottom_box(ratings, boxes): % of answers in the bottom `boxes` points */
LOYALTY_ENTRY(ratings_bottom_box, box_pct(fcinfo, false))

/* csat(ratings): % of answers in the top two scale points */
PG_FUNCTION_INFO_V1(ratings_csat);
Datum
ratings_csat(PG_FUNCTION_ARGS)
{
	Ratings    *r = PG_GETARG_RATINGS_P(0);
	int			np = ratings_npoints(r);

	/* A one-point scale has no second box: all of it is the top. */
	return weight_pct(fcinfo, r, Max(0, np - 2), np - 1, 0, -1);
}

/* satisfaction_index(ratings): 100 * (mean - lo) / (hi - lo) */
PG_FUNCTION_INFO_V1(ratings_satisfaction_index);
Datum
ratings_satisfaction_index(PG_FUNCTION_ARGS)
{
	Ratings    *r = PG_GETARG_RATINGS_P(0);
	double		total = ratings_sum_weights(r);
	double		sum = 0.0;

	if (total == 0.0 || r->hi == r->lo)
		PG_RETURN_NULL();
	for (int i = 0; i < ratings_npoints(r); i++)
		sum += ratings_point_weight(r, i) * i;
	PG_RETURN_FLOAT8(100.0 * (sum / total) / (r->hi - r->lo));
}

/*
 * The first call of a set-returning function that returns rows: its
 * context, with the blessed row type, and the multi-call memory context
 * made current (*old is the one to go back to once the state is made).
 */
FuncCallContext *
srf_first_call(FunctionCallInfo fcinfo, MemoryContext *old)
{
	FuncCallContext *funcctx = SRF_FIRSTCALL_INIT();
	TupleDesc	tupdesc;

	*old = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "a function returning rows must return a composite type");
	funcctx->tuple_desc = BlessTupleDesc(tupdesc);
	return funcctx;
}

/*
 * histogram(ratings): one row per scale point with its score, responses,
 * weight and % of the total weight
 */
PG_FUNCTION_INFO_V1(ratings_histogram);
Datum
ratings_histogram(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	Ratings    *r;

	if (SRF_IS_FIRSTCALL())
	{
		MemoryContext old;

		funcctx = srf_first_call(fcinfo, &old);
		r = (Ratings *) PG_DETOAST_DATUM_COPY(PG_GETARG_DATUM(0));
		funcctx->user_fctx = r;
		funcctx->max_calls = ratings_npoints(r);
		MemoryContextSwitchTo(old);
	}
	funcctx = SRF_PERCALL_SETUP();
	r = (Ratings *) funcctx->user_fctx;
	if (funcctx->call_cntr < funcctx->max_calls)
	{
		int			i = (int) funcctx->call_cntr;
		double		total = ratings_sum_weights(r);
		double		w = ratings_point_weight(r, i);
		Datum		values[4];
		bool		nulls[4] = {false, false, false, total == 0.0};

		values[0] = Int32GetDatum(r->lo + i);
		values[1] = Int64GetDatum(r->counts[i]);
		values[2] = Float8GetDatum(w);
		values[3] = Float8GetDatum(total == 0.0 ? 0.0 : 100.0 * w / total);
		SRF_RETURN_NEXT(funcctx,
						HeapTupleGetDatum(heap_form_tuple(funcctx->tuple_desc, values, nulls)));
	}
	SRF_RETURN_DONE(funcctx);
}
