/*
 * ratings_agg.c
 *		The aggregates that build `ratings` summaries: transition functions
 *		for every score type, weighted and unweighted, their exact inverses
 *		for moving window frames, the combine function and rollup.
 *
 * The state of every aggregate is a `ratings` value.  Called as an aggregate,
 * a transition function updates the state in place and returns the same
 * pointer, so a row costs one bounds check and one increment.  Called outside
 * an aggregate, it works on a copy and never modifies its input.
 *
 * Counts are exact, so inverse transitions are exact.  Weight sums are
 * doubles: an addition that rounds marks the state RATINGS_INEXACT, and the
 * inverse of a weighted row then declines (returns NULL), so PostgreSQL
 * recomputes the frame rather than subtracting into a rounded sum.  Integer
 * weights never round (below 2^53), so they keep O(1) frames.
 */
#include "postgres.h"

#include <math.h>

#include "common/int.h"
#include "utils/builtins.h"

#include "loyalty.h"

/* The state to update (see agg_state_arg). */
static inline Ratings *
ratings_state(FunctionCallInfo fcinfo, int argno)
{
	return (Ratings *) agg_state_arg(fcinfo, argno);
}

/*
 * What every function that returns a state returns.  In an aggregate, the
 * state itself.  Called directly from SQL, the result is a stored value:
 * without the transient RATINGS_INEXACT flag, and valid (22023 otherwise,
 * for example after removing a response with another weight than it had).
 */
static Ratings *
ratings_result(FunctionCallInfo fcinfo, Ratings *r)
{
	if (likely(agg_called(fcinfo)))
		return r;
	r->flags &= ~RATINGS_INEXACT;
	(void) ratings_sum_counts(r);	/* a total beyond bigint: 22003 */
	ratings_check(r, ERRCODE_INVALID_PARAMETER_VALUE);
	return r;
}

static inline Datum
ratings_return(FunctionCallInfo fcinfo, Ratings *r)
{
	PG_RETURN_POINTER(ratings_result(fcinfo, r));
}

/* w * w, noting in *rounded whether the product was rounded. */
static inline double
exact_square(double w, bool *rounded)
{
	double		p = w * w;

	/* Integers up to 2^26 square exactly; otherwise ask fma for the error. */
	if (!(w == rint(w) && w <= 67108864.0) && fma(w, w, -p) != 0.0)
		*rounded = true;
	return p;
}

/* The index of score among the scale points of r (22003 outside lo..hi). */
static inline int
point_of(const Ratings *r, int64 score)
{
	if (unlikely(score < r->lo || score > r->hi))
		score_out_of_scale(score, r->lo, r->hi);
	return (int) (score - r->lo);
}

/* Add one response with weight w (ignored for unweighted summaries). */
static inline void
ratings_add(Ratings *r, int64 score, double w)
{
	int			i = point_of(r, score);

	if (unlikely(r->counts[i] == PG_INT64_MAX))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("count of score " INT64_FORMAT " is out of range for bigint", score)));
	r->counts[i]++;
	if (ratings_weighted(r))
	{
		double	   *ws = ratings_weights(r);
		int			np = ratings_npoints(r);
		bool		rounded = false;

		ws[i] = exact_add(ws[i], w, &rounded);
		ws[np] = exact_add(ws[np], exact_square(w, &rounded), &rounded);
		if (unlikely(isinf(ws[np])))
			weights_out_of_range();
		if (rounded)
			r->flags |= RATINGS_INEXACT;
	}
}

/*
 * Remove one response with weight w, the inverse of ratings_add.  Returns
 * false where the weight sums cannot be restored exactly; the caller then
 * returns NULL and PostgreSQL recomputes the frame.
 */
static inline bool
ratings_remove(Ratings *r, int64 score, double w)
{
	int			i = point_of(r, score);

	if (unlikely(r->counts[i] <= 0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot remove score " INT64_FORMAT " from a summary that holds no such response",
						score)));
	if (ratings_weighted(r))
	{
		double	   *ws = ratings_weights(r);
		int			np = ratings_npoints(r);
		bool		rounded = (r->flags & RATINGS_INEXACT) != 0;
		double		wi,
					w2;

		wi = exact_add(ws[i], -w, &rounded);
		w2 = exact_add(ws[np], -exact_square(w, &rounded), &rounded);
		if (rounded || wi < 0.0 || w2 < 0.0)
			return false;
		ws[i] = wi;
		ws[np] = w2;
	}
	r->counts[i]--;
	return true;
}

/*
 * Add (sign 1) or remove (sign -1) all of summary b to or from state a.
 * Returns the state, which may have been reallocated to hold weights, or
 * NULL when a removal of weights cannot be exact.
 */
static Ratings *
ratings_merge(Ratings *a, const Ratings *b, int sign)
{
	int			np = ratings_npoints(a);
	int64		counts[RATINGS_MAX_POINTS];
	int64		total = 0;

	if (a->lo != b->lo || a->hi != b->hi)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot combine ratings on different scales"),
				 errdetail("One summary is on the scale %d..%d, the other on %d..%d.",
						   a->lo, a->hi, b->lo, b->hi)));

	for (int i = 0; i < np; i++)
	{
		if (sign > 0 ? pg_add_s64_overflow(a->counts[i], b->counts[i], &counts[i])
			: pg_sub_s64_overflow(a->counts[i], b->counts[i], &counts[i]))
			counts[i] = -1;
		if (counts[i] < 0 || pg_add_s64_overflow(total, counts[i], &total))
			ereport(ERROR,
					(errcode(sign > 0 ? ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE
							 : ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg(sign > 0 ? "combined count of responses is out of range for bigint"
							: "cannot remove a summary that is not part of the state")));
	}

	if (ratings_weighted(b) && !ratings_weighted(a))
		a = ratings_copy_weighted(a);

	if (ratings_weighted(a))
	{
		double	   *ws = ratings_weights(a);
		double		sums[RATINGS_MAX_POINTS + 1];
		bool		rounded = sign < 0 && (a->flags & RATINGS_INEXACT) != 0;
		double		bw2 = ratings_weighted(b) ? *ratings_sumw2(b)
			: (double) ratings_sum_counts(b);

		for (int i = 0; i < np; i++)
			sums[i] = exact_add(ws[i], sign * ratings_point_weight(b, i), &rounded);
		sums[np] = exact_add(ws[np], sign * bw2, &rounded);
		if (unlikely(isinf(sums[np])))
			weights_out_of_range();
		if (sign < 0)
		{
			if (rounded)
				return NULL;
			for (int i = 0; i <= np; i++)
				if (sums[i] < 0.0 || (i < np && counts[i] == 0 && sums[i] != 0.0))
					return NULL;
		}
		memcpy(ws, sums, (np + 1) * sizeof(double));
		if (rounded || (b->flags & RATINGS_INEXACT))
			a->flags |= RATINGS_INEXACT;
	}
	memcpy(a->counts, counts, np * sizeof(int64));
	return a;
}

/* The two-summary operations of ratings (see SummaryOps). */
static void
ratings_validate_op(const void *value)
{
	ratings_validate((const Ratings *) value);
}

static void *
ratings_merge_op(FunctionCallInfo fcinfo, void *state, const void *value)
{
	return ratings_result(fcinfo, ratings_merge((Ratings *) state,
												(const Ratings *) value, 1));
}

static void *
ratings_subtract_op(FunctionCallInfo fcinfo, void *state, const void *value)
{
	Ratings    *r = ratings_merge((Ratings *) state, (const Ratings *) value, -1);

	return r ? ratings_result(fcinfo, r) : NULL;
}

static const SummaryOps ratings_ops = {ratings_validate_op, ratings_merge_op, ratings_subtract_op};

/*
 * ratings_combine: the sum of two partial states (either may be NULL);
 * ratings_rollup_trans: the state plus one stored summary; ratings_plus: the
 * + operator, the sum of two stored summaries; ratings_rollup_inv: the state
 * less one stored summary, or NULL where the weight sums would not be exact
 */
SUMMARY_ENTRIES(&ratings_ops, ratings_combine, ratings_rollup_trans, ratings_plus)
LOYALTY_ENTRY(ratings_rollup_inv, summary_rollup_inv(fcinfo, &ratings_ops))

/*
 * ratings_final: the summary an aggregate returns; NULL when it holds no
 * response, and without the transient RATINGS_INEXACT flag
 */
PG_FUNCTION_INFO_V1(ratings_final);
Datum
ratings_final(PG_FUNCTION_ARGS)
{
	Ratings    *r = PG_GETARG_RATINGS_P(0);

	if (ratings_sum_counts(r) == 0)
		PG_RETURN_NULL();
	if (r->flags & RATINGS_INEXACT)
	{
		r = (Ratings *) PG_DETOAST_DATUM_COPY(PG_GETARG_DATUM(0));
		r->flags &= ~RATINGS_INEXACT;
	}
	PG_RETURN_POINTER(r);
}

/*
 * The scale of ratings_agg(score, lo, hi): the state of a first call is made
 * from lo and hi, even for a NULL score, because a moving-aggregate state
 * must never be NULL; later calls must pass the same lo and hi.
 */
static Ratings *
ratings_agg_state(FunctionCallInfo fcinfo, bool weighted)
{
	int32		lo,
				hi;
	Ratings    *r;

	if (PG_ARGISNULL(2) || PG_ARGISNULL(3))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("the scale bounds of ratings_agg must not be NULL")));
	lo = PG_GETARG_INT32(2);
	hi = PG_GETARG_INT32(3);
	if (PG_ARGISNULL(0))
	{
		check_scale(lo, hi);
		return ratings_new(lo, hi, weighted);
	}
	r = ratings_state(fcinfo, 0);
	if (unlikely(r->lo != lo || r->hi != hi))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the scale of ratings_agg changed from %d..%d to %d..%d",
						r->lo, r->hi, lo, hi),
				 errdetail("All rows of one aggregate must use the same scale.")));
	if (weighted && !ratings_weighted(r))
		r = ratings_copy_weighted(r);
	return r;
}

/* What one transition step does (ratings_step). */
#define STEP_REMOVE		0x01	/* the inverse: take the response out */
#define STEP_WEIGHTED	0x02	/* a weight argument follows the score */
#define STEP_AGG		0x04	/* ratings_agg(score, lo, hi[, weight]) */

/*
 * One transition step of a ratings aggregate, for a score of SQL type
 * `type`; `how` is a constant set of STEP_* flags, so that each entry point
 * below compiles to the step it needs:
 *
 * ratings_trans(ratings, score[, weight]): the state with one more
 *		response (strict; the state starts from the aggregate's INITCOND)
 * ratings_inv(ratings, score[, weight]): the state with that response
 *		removed, or NULL where the weight sums cannot be exact
 * ratings_agg_trans(ratings, score, lo, hi[, weight]), ratings_agg_inv:
 *		for ratings_agg, which makes its state from lo..hi and skips rows
 *		whose score or weight is NULL
 */
static pg_attribute_always_inline Datum
ratings_step(FunctionCallInfo fcinfo, ScoreType type, int how)
{
	bool		weighted = (how & STEP_WEIGHTED) != 0;
	bool		agg = (how & STEP_AGG) != 0;
	int			weight_arg = agg ? 4 : 2;
	Ratings    *r = agg ? ratings_agg_state(fcinfo, weighted) : ratings_state(fcinfo, 0);
	int64		score;
	double		w = 1.0;

	if (agg && (PG_ARGISNULL(1) || (weighted && PG_ARGISNULL(weight_arg))))
		return ratings_return(fcinfo, r);
	score = score_arg(fcinfo, 1, type, r->lo, r->hi);
	if (weighted)
	{
		w = PG_GETARG_FLOAT8(weight_arg);
		check_weight(w);
		if (!agg && !(how & STEP_REMOVE) && unlikely(!ratings_weighted(r)))
			r = ratings_copy_weighted(r);
	}
	if (how & STEP_REMOVE)
	{
		if (!ratings_remove(r, score, w))
			PG_RETURN_NULL();
	}
	else
		ratings_add(r, score, w);
	return ratings_return(fcinfo, r);
}

/*
 * The entry points, a line per SQL score type: ratings_trans, ratings_inv,
 * their weighted forms, and the same four of ratings_agg.
 */
#define RATINGS_ENTRIES(type, trans, inv, wtrans, winv, agg_trans, agg_inv, agg_wtrans, agg_winv) \
	LOYALTY_ENTRY(trans, ratings_step(fcinfo, type, 0)) \
	LOYALTY_ENTRY(inv, ratings_step(fcinfo, type, STEP_REMOVE)) \
	LOYALTY_ENTRY(wtrans, ratings_step(fcinfo, type, STEP_WEIGHTED)) \
	LOYALTY_ENTRY(winv, ratings_step(fcinfo, type, STEP_WEIGHTED | STEP_REMOVE)) \
	LOYALTY_ENTRY(agg_trans, ratings_step(fcinfo, type, STEP_AGG)) \
	LOYALTY_ENTRY(agg_inv, ratings_step(fcinfo, type, STEP_AGG | STEP_REMOVE)) \
	LOYALTY_ENTRY(agg_wtrans, ratings_step(fcinfo, type, STEP_AGG | STEP_WEIGHTED)) \
	LOYALTY_ENTRY(agg_winv, ratings_step(fcinfo, type, STEP_AGG | STEP_WEIGHTED | STEP_REMOVE))

RATINGS_ENTRIES(SCORE_INT2, ratings_trans_int2, ratings_inv_int2, ratings_wtrans_int2, ratings_winv_int2, ratings_agg_trans_int2, ratings_agg_inv_int2, ratings_agg_wtrans_int2, ratings_agg_winv_int2)
RATINGS_ENTRIES(SCORE_INT4, ratings_trans_int4, ratings_inv_int4, ratings_wtrans_int4, ratings_winv_int4, ratings_agg_trans_int4, ratings_agg_inv_int4, ratings_agg_wtrans_int4, ratings_agg_winv_int4)
RATINGS_ENTRIES(SCORE_INT8, ratings_trans_int8, ratings_inv_int8, ratings_wtrans_int8, ratings_winv_int8, ratings_agg_trans_int8, ratings_agg_inv_int8, ratings_agg_wtrans_int8, ratings_agg_winv_int8)
RATINGS_ENTRIES(SCORE_NUMERIC, ratings_trans_numeric, ratings_inv_numeric, ratings_wtrans_numeric, ratings_winv_numeric, ratings_agg_trans_numeric, ratings_agg_inv_numeric, ratings_agg_wtrans_numeric, ratings_agg_winv_numeric)
RATINGS_ENTRIES(SCORE_FLOAT8, ratings_trans_float8, ratings_inv_float8, ratings_wtrans_float8, ratings_winv_float8, ratings_agg_trans_float8, ratings_agg_inv_float8, ratings_agg_wtrans_float8, ratings_agg_winv_float8)
