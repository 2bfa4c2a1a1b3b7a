/*
 * pairs_agg.c
 *		The aggregates that build `rating_pairs` tables: transition and
 *		inverse functions for every score type, combine, final and rollup.
 *
 * Each axis is the sorted list of the distinct values seen, at most 101; a
 * new value grows the axis (the state is reallocated), a row with known
 * values only increments a cell in place.  Counts are exact, so the moving
 * inverse is exact and every plan gives the same table.
 */
#include "postgres.h"

#include "common/int.h"

#include "loyalty.h"

/* The state to update (see agg_state_arg). */
static inline RatingPairs *
pairs_state(FunctionCallInfo fcinfo, int argno)
{
	return (RatingPairs *) agg_state_arg(fcinfo, argno);
}

/* Index of v on an axis, or -1 with *ins set to where it would go. */
static inline int
axis_find(const int64 *vals, int n, int64 v, int *ins)
{
	int			lo = 0,
				hi = n;

	/* Dense axes (consecutive integers, the usual survey scale): direct. */
	if (n > 0 && vals[n - 1] - vals[0] == n - 1 && v >= vals[0] && v <= vals[n - 1])
		return (int) (v - vals[0]);
	while (lo < hi)
	{
		int			mid = (lo + hi) / 2;

		if (vals[mid] < v)
			lo = mid + 1;
		else
			hi = mid;
	}
	*ins = lo;
	return (lo < n && vals[lo] == v) ? lo : -1;
}

pg_noreturn static void
too_many_values(char axis, int64 v)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("value " INT64_FORMAT " would be the %s distinct %c value of a rating_pairs, which holds at most %d",
					v, "102nd", axis, PAIRS_MAX_VALUES),
			 errhint("Bucket the values first, for example with width_bucket() or a CASE expression.")));
}

/*
 * The table with value x inserted at row xi and/or y at column yj (each
 * -1 for none): a new allocation in the current memory context (see
 * loyalty.h: the executor copies a new state into the aggregate's).
 */
static RatingPairs *
pairs_grow(const RatingPairs *p, int xi, int64 x, int yj, int64 y)
{
	int			nx = p->nx + (xi >= 0),
				ny = p->ny + (yj >= 0);
	RatingPairs *q = pairs_new(nx, ny);

	for (int i = 0, si = 0; i < nx; i++)
	{
		if (i == xi)
		{
			pairs_xvals(q)[i] = x;
			continue;
		}
		pairs_xvals(q)[i] = pairs_xvals(p)[si];
		for (int j = 0, sj = 0; j < ny; j++)
		{
			if (j == yj)
				continue;
			pairs_counts(q)[i * ny + j] = pairs_counts(p)[si * p->ny + sj];
			sj++;
		}
		si++;
	}
	for (int j = 0, sj = 0; j < ny; j++)
		pairs_yvals(q)[j] = (j == yj) ? y : pairs_yvals(p)[sj++];
	return q;
}

/*
 * The table without the values whose row or column holds no count (left by
 * inverse transitions): p itself when there are none, else a new table in
 * the current memory context.
 */
static RatingPairs *
pairs_drop_empty(RatingPairs *p)
{
	bool		rx[PAIRS_MAX_VALUES] = {0},
				cy[PAIRS_MAX_VALUES] = {0};
	int			nx = 0,
				ny = 0;
	RatingPairs *q;

	/* Counts are never negative: a margin is empty when all its cells are. */
	for (int i = 0; i < p->nx; i++)
		for (int j = 0; j < p->ny; j++)
			if (pairs_counts(p)[i * p->ny + j] != 0)
				rx[i] = cy[j] = true;
	for (int i = 0; i < p->nx; i++)
		nx += rx[i];
	for (int j = 0; j < p->ny; j++)
		ny += cy[j];
	if (nx == p->nx && ny == p->ny)
		return p;
	q = pairs_new(nx, ny);
	for (int i = 0, qi = 0; i < p->nx; i++)
	{
		if (!rx[i])
			continue;
		pairs_xvals(q)[qi] = pairs_xvals(p)[i];
		for (int j = 0, qj = 0; j < p->ny; j++)
			if (cy[j])
				pairs_counts(q)[qi * ny + qj++] = pairs_counts(p)[i * p->ny + j];
		qi++;
	}
	for (int j = 0, qj = 0; j < p->ny; j++)
		if (cy[j])
			pairs_yvals(q)[qj++] = pairs_yvals(p)[j];
	return q;
}

/* Add (sign 1) or remove (sign -1) one row (x, y); may reallocate to add. */
static RatingPairs *
pairs_add(RatingPairs *p, int64 x, int64 y, int sign)
{
	int			xins = 0,
				yins = 0;
	int			i = axis_find(pairs_xvals(p), p->nx, x, &xins);
	int			j = axis_find(pairs_yvals(p), p->ny, y, &yins);
	int64	   *c;

	if (unlikely(i < 0 || j < 0))
	{
		if (sign < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("cannot remove the pair (" INT64_FORMAT ", " INT64_FORMAT ") from a table that does not hold it", x, y)));
		/*
		 * A full axis may still hold values whose counts a moving frame has
		 * removed: drop those first, so a frame fails only when it really
		 * spans more than PAIRS_MAX_VALUES values.
		 */
		if ((i < 0 && p->nx >= PAIRS_MAX_VALUES) || (j < 0 && p->ny >= PAIRS_MAX_VALUES))
		{
			p = pairs_drop_empty(p);
			i = axis_find(pairs_xvals(p), p->nx, x, &xins);
			j = axis_find(pairs_yvals(p), p->ny, y, &yins);
		}
		if (i < 0 && p->nx >= PAIRS_MAX_VALUES)
			too_many_values('x', x);
		if (j < 0 && p->ny >= PAIRS_MAX_VALUES)
			too_many_values('y', y);
		p = pairs_grow(p, i < 0 ? xins : -1, x, j < 0 ? yins : -1, y);
		i = axis_find(pairs_xvals(p), p->nx, x, &xins);
		j = axis_find(pairs_yvals(p), p->ny, y, &yins);
	}
	c = &pairs_counts(p)[i * p->ny + j];
	if (sign > 0)
	{
		if (unlikely(*c == PG_INT64_MAX))
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("count of a rating_pairs cell is out of range for bigint")));
		(*c)++;
	}
	else
	{
		if (unlikely(*c <= 0))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("cannot remove the pair (" INT64_FORMAT ", " INT64_FORMAT ") from a table that does not hold it", x, y)));
		(*c)--;
	}
	return p;
}

/*
 * The state of a transition: the given one, or a new empty table when it is
 * NULL (a moving-aggregate state must never be NULL, so even a first row
 * with a NULL value makes one; the final function gives NULL for it).
 */
static RatingPairs *
pairs_trans_state(FunctionCallInfo fcinfo)
{
	if (PG_ARGISNULL(0))
		return pairs_new(0, 0);
	return pairs_state(fcinfo, 0);
}

/*
 * rating_pairs_trans(rating_pairs, x, y): the table with one more row
 * (sign 1); rating_pairs_inv: with that row removed (sign -1).  Not strict:
 * a row with a NULL value is skipped, and the first call makes the state.
 * Values may be any integer, within int32 for numeric and float8 values.
 */
static pg_attribute_always_inline Datum
pairs_step(FunctionCallInfo fcinfo, ScoreType type, int sign)
{
	RatingPairs *p = pairs_trans_state(fcinfo);

	if (!PG_ARGISNULL(1) && !PG_ARGISNULL(2))
		p = pairs_add(p,
					  score_arg(fcinfo, 1, type, PG_INT32_MIN, PG_INT32_MAX),
					  score_arg(fcinfo, 2, type, PG_INT32_MIN, PG_INT32_MAX), sign);
	/* Called from SQL on a stored table: its total must fit bigint (22003). */
	if (!agg_called(fcinfo))
		(void) pairs_responses(p);
	PG_RETURN_POINTER(p);
}

/* The entry points, a line per SQL score type: trans and inv. */
#define PAIRS_ENTRIES(type, trans, inv) \
	LOYALTY_ENTRY(trans, pairs_step(fcinfo, type, 1)) \
	LOYALTY_ENTRY(inv, pairs_step(fcinfo, type, -1))

PAIRS_ENTRIES(SCORE_INT2, rating_pairs_trans_int2, rating_pairs_inv_int2)
PAIRS_ENTRIES(SCORE_INT4, rating_pairs_trans_int4, rating_pairs_inv_int4)
PAIRS_ENTRIES(SCORE_INT8, rating_pairs_trans_int8, rating_pairs_inv_int8)
PAIRS_ENTRIES(SCORE_NUMERIC, rating_pairs_trans_numeric, rating_pairs_inv_numeric)
PAIRS_ENTRIES(SCORE_FLOAT8, rating_pairs_trans_float8, rating_pairs_inv_float8)

/*
 * Add (sign 1) or subtract (sign -1) table b to or from the state a, cell by
 * cell through the axes (which may differ): may reallocate to add.
 */
static RatingPairs *
pairs_merge(RatingPairs *a, const RatingPairs *b, int sign)
{
	for (int i = 0; i < b->nx; i++)
		for (int j = 0; j < b->ny; j++)
		{
			int64		c = pairs_counts(b)[i * b->ny + j];
			int			xi,
						yj,
						ins;
			int64	   *cell;

			if (c == 0)
				continue;
			/* Make the cell exist (adding) or find it (removing). */
			a = pairs_add(a, pairs_xvals(b)[i], pairs_yvals(b)[j], sign);
			xi = axis_find(pairs_xvals(a), a->nx, pairs_xvals(b)[i], &ins);
			yj = axis_find(pairs_yvals(a), a->ny, pairs_yvals(b)[j], &ins);
			cell = &pairs_counts(a)[xi * a->ny + yj];
			/* pairs_add moved it by one; move it by the rest. */
			if (sign > 0 ? pg_add_s64_overflow(*cell, c - 1, cell)
				: (*cell < c - 1 || pg_sub_s64_overflow(*cell, c - 1, cell)))
				ereport(ERROR,
						(errcode(sign > 0 ? ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE : ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg(sign > 0 ? "combined count of a rating_pairs cell is out of range for bigint"
								: "cannot remove a table that is not part of the state")));
		}
	return a;
}

/* The two-summary operations of rating_pairs (see SummaryOps). */
static void
pairs_validate_op(const void *value)
{
	pairs_check((const RatingPairs *) value, ERRCODE_DATA_CORRUPTED);
}

static void *
pairs_merge_op(FunctionCallInfo fcinfo, void *state, const void *value)
{
	RatingPairs *p = pairs_merge((RatingPairs *) state, (const RatingPairs *) value, 1);

	/* A stored value's total must fit bigint too (an aggregate's final checks it). */
	if (!agg_called(fcinfo))
		pairs_check(p, ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE);
	return p;
}

static void *
pairs_subtract_op(FunctionCallInfo fcinfo, void *state, const void *value)
{
	return pairs_merge((RatingPairs *) state, (const RatingPairs *) value, -1);
}

static const SummaryOps pairs_ops = {pairs_validate_op, pairs_merge_op, pairs_subtract_op};

/*
 * rating_pairs_combine: the sum of two partial states (either may be NULL);
 * rating_pairs_rollup_trans: the state plus one stored table;
 * rating_pairs_plus: the + operator, the sum of two stored tables;
 * rating_pairs_rollup_inv: the state less one stored table
 */
SUMMARY_ENTRIES(&pairs_ops, rating_pairs_combine, rating_pairs_rollup_trans, rating_pairs_plus)
LOYALTY_ENTRY(rating_pairs_rollup_inv, summary_rollup_inv(fcinfo, &pairs_ops))

/*
 * rating_pairs_final: the table an aggregate returns; NULL when empty.
 * Values whose row or column holds no count (left by inverse transitions)
 * are dropped, so a moving frame gives the table a recomputation gives.
 */
PG_FUNCTION_INFO_V1(rating_pairs_final);
Datum
rating_pairs_final(PG_FUNCTION_ARGS)
{
	RatingPairs *p = pairs_drop_empty(PG_GETARG_RATING_PAIRS_P(0));
	int64		n = 0;

	if (p->nx == 0)
		PG_RETURN_NULL();
	/* Each cell is checked as it grows; the total of a rollup is not yet. */
	for (int i = 0; i < p->nx * p->ny; i++)
		if (pg_add_s64_overflow(n, pairs_counts(p)[i], &n))
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("total count of a rating_pairs is out of range for bigint")));
	PG_RETURN_POINTER(p);
}
