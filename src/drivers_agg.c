/*
 * drivers_agg.c
 *		The aggregates that build `driver_matrix` values: driver_agg's
 *		transition, and the combine, rollup and + of matrices.
 *
 * The state of both aggregates is the driver_matrix itself.  driver_agg
 * learns k from its first row and allocates the state once; every later row
 * updates it in place by Welford's method (one division per mean, no
 * allocation).  States combine by Chan, Golub and LeVeque's pairwise
 * formulas, as PostgreSQL's float8_regr_combine does for its sums.
 */
#include "postgres.h"

#include <float.h>
#include <math.h>

#include "catalog/pg_type.h"
#include "common/int.h"
#include "utils/array.h"

#include "loyalty.h"

/* Welford's update of one variable's moments with x. */
static inline void
moments_add(DriverMoments *mo, double x)
{
	double		d = x - mo->mean;

	mo->n++;
	mo->mean += d / (double) mo->n;
	mo->m2 += d * (x - mo->mean);
}

/* Welford's update of a pair with (x, y), cross-product included. */
static inline void
pair_add(DriverPair *p, double x, double y)
{
	double		dx = x - p->mean_x;
	double		dy = y - p->mean_y;

	p->n++;
	p->mean_x += dx / (double) p->n;
	p->mean_y += dy / (double) p->n;
	p->m2_x += dx * (x - p->mean_x);
	p->m2_y += dy * (y - p->mean_y);
	p->c += dx * (y - p->mean_y);
}

/* Chan et al.: a := a + b for a pair. */
static inline void
pair_merge(DriverPair *a, const DriverPair *b)
{
	double		na,
				nb,
				n,
				dx,
				dy,
				f;

	if (b->n == 0)
		return;
	if (a->n == 0)
	{
		*a = *b;
		return;
	}
	na = (double) a->n;
	nb = (double) b->n;
	n = na + nb;
	dx = b->mean_x - a->mean_x;
	dy = b->mean_y - a->mean_y;
	f = (na / n) * nb;
	a->n += b->n;
	a->mean_x += dx * (nb / n);
	a->mean_y += dy * (nb / n);
	a->m2_x += b->m2_x + dx * dx * f;
	a->m2_y += b->m2_y + dy * dy * f;
	a->c += b->c + dx * dy * f;
}

/*
 * a := a + b for one variable's moments: the pair merge with the second
 * variable held at zero.
 */
static inline void
moments_merge(DriverMoments *a, const DriverMoments *b)
{
	DriverPair	pa = {a->n, a->mean, 0.0, a->m2, 0.0, 0.0};
	DriverPair	pb = {b->n, b->mean, 0.0, b->m2, 0.0, 0.0};

	pair_merge(&pa, &pb);
	a->n = pa.n;
	a->mean = pa.mean_x;
	a->m2 = pa.m2_x;
}

/*
 * Every moment still finite after an update or combine (22003 otherwise):
 * values near the double range overflow the sums of squares, and an
 * infinite moment must never reach a stored value.
 */
static inline void
drivers_check_finite(const DriverMatrix *m)
{
	const DriverPair *p = drivers_xy(m);
	bool		ok = true;

	for (int v = 0; v <= m->k; v++)
		ok &= fabs(m->own[v].mean) <= DBL_MAX && m->own[v].m2 <= DBL_MAX;
	for (int i = 0; i < drivers_npairs(m->k); i++)
		ok &= fabs(p[i].mean_x) <= DBL_MAX && fabs(p[i].mean_y) <= DBL_MAX &&
			p[i].m2_x <= DBL_MAX && p[i].m2_y <= DBL_MAX && fabs(p[i].c) <= DBL_MAX;
	if (unlikely(!ok))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("driver values are too large: the sums of squares of the driver_matrix overflow")));
}

/* The matrix a + b (same k), into a. */
static void
drivers_merge(DriverMatrix *a, const DriverMatrix *b)
{
	int64		total;
	DriverPair *pa = drivers_xy(a);
	const DriverPair *pb = drivers_xy(b);

	if (a->k != b->k)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot combine driver matrices of %d and %d drivers", a->k, b->k)));
	/* Every count is at most the outcome's, so checking that one suffices. */
	if (pg_add_s64_overflow(a->own[a->k].n, b->own[b->k].n, &total))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("combined count of responses is out of range for bigint")));
	for (int v = 0; v <= a->k; v++)
		moments_merge(&a->own[v], &b->own[v]);
	for (int i = 0; i < drivers_npairs(a->k); i++)
		pair_merge(&pa[i], &pb[i]);
	drivers_check_finite(a);
}

/* The state to update (see agg_state_arg). */
static inline DriverMatrix *
drivers_state(FunctionCallInfo fcinfo, int argno)
{
	return (DriverMatrix *) agg_state_arg(fcinfo, argno);
}

/* The drivers array of one row: one dimension, 1..DRIVERS_MAX elements. */
static inline int
drivers_array_length(ArrayType *a)
{
	int			k;

	if (ARR_NDIM(a) == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("driver_agg needs at least one driver"),
				 errdetail("The drivers array is empty.")));
	if (ARR_NDIM(a) != 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the drivers array of driver_agg must have one dimension, not %d",
						ARR_NDIM(a))));
	k = ARR_DIMS(a)[0];
	if (k > DRIVERS_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%d drivers are too many for driver_agg", k),
				 errdetail("A driver_matrix holds at most %d drivers.", DRIVERS_MAX)));
	return k;
}

static inline void
check_driver_value(double x, int i)
{
	if (unlikely(isnan(x) || isinf(x)))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("driver %d is %s; driver values must be finite numbers",
						i + 1, isnan(x) ? "NaN" : (x > 0 ? "Infinity" : "-Infinity")),
				 errhint("Use NULL for a driver that was not asked.")));
}

/*
 * The state of driver_agg for a row of k drivers: a new matrix on the first
 * row, else the state, which must have k drivers and room for one more row.
 */
static DriverMatrix *
driver_agg_state(FunctionCallInfo fcinfo, int k)
{
	DriverMatrix *m;

	if (PG_ARGISNULL(0))
		return drivers_new(k);
	m = drivers_state(fcinfo, 0);
	if (unlikely(m->k != k))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the number of drivers of driver_agg changed from %d to %d", m->k, k),
				 errdetail("All rows of one aggregate must have the same number of drivers; use NULL for a driver that was not asked.")));
	if (unlikely(m->own[k].n == PG_INT64_MAX))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("count of responses is out of range for bigint")));
	return m;
}

/*
 * The drivers answered in a row's array of k: their values into x and their
 * indexes into asked, in order; returns how many.
 */
static int
asked_drivers(ArrayType *a, int k, double *x, int *asked)
{
	/* The non-NULL elements of a float8 array are consecutive doubles. */
	const double *data = (const double *) ARR_DATA_PTR(a);
	const bits8 *nulls = ARR_NULLBITMAP(a);
	int			nasked = 0;

	for (int i = 0; i < k; i++)
	{
		if (nulls && !(nulls[i / 8] & (1 << (i % 8))))
			continue;
		check_driver_value(*data, i);
		x[nasked] = *data++;
		asked[nasked++] = i;
	}
	return nasked;
}

/* One row into m: the outcome y and the asked drivers' values x. */
static void
drivers_add_row(DriverMatrix *m, double y, const double *x, const int *asked, int nasked)
{
	DriverPair *xy = drivers_xy(m);

	moments_add(&m->own[m->k], y);
	for (int s = 0; s < nasked; s++)
	{
		int			i = asked[s];

		moments_add(&m->own[i], x[s]);
		pair_add(&xy[i], x[s], y);
		for (int t = s + 1; t < nasked; t++)
			pair_add(drivers_xx(m, i, asked[t]), x[s], x[t]);
	}
}

/*
 * driver_agg_trans(driver_matrix, outcome, drivers): the state with one more
 * row.  Not strict: the first row makes the state from its number of
 * drivers.  A NULL outcome or a NULL array skips the row; a NULL element is
 * a driver that was not asked.
 */
PG_FUNCTION_INFO_V1(driver_agg_trans);
Datum
driver_agg_trans(PG_FUNCTION_ARGS)
{
	DriverMatrix *m;
	ArrayType  *a;
	int			k;
	double		y;
	double		x[DRIVERS_MAX];
	int			asked[DRIVERS_MAX];
	int			nasked;

	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	y = PG_GETARG_FLOAT8(1);
	if (unlikely(isnan(y) || isinf(y)))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("outcome %s is not a finite number", isnan(y) ? "NaN" :
						(y > 0 ? "Infinity" : "-Infinity"))));
	a = PG_GETARG_ARRAYTYPE_P(2);
	if (ARR_ELEMTYPE(a) != FLOAT8OID)
		elog(ERROR, "driver_agg expects a double precision array");
	k = drivers_array_length(a);

	m = driver_agg_state(fcinfo, k);
	nasked = asked_drivers(a, k, x, asked);
	drivers_add_row(m, y, x, asked, nasked);
	drivers_check_finite(m);
	PG_RETURN_POINTER(m);
}

/* The two-summary operations of driver_matrix (see SummaryOps). */
static void
drivers_validate_op(const void *value)
{
	drivers_validate((const DriverMatrix *) value);
}

static void *
drivers_merge_op(FunctionCallInfo fcinfo, void *state, const void *value)
{
	drivers_merge((DriverMatrix *) state, (const DriverMatrix *) value);
	return state;
}

static const SummaryOps drivers_ops = {drivers_validate_op, drivers_merge_op, NULL};

/*
 * driver_matrix_combine: the sum of two partial states (either may be
 * NULL); driver_matrix_rollup_trans: the state plus one stored matrix;
 * driver_matrix_plus: the + operator, the sum of two stored matrices
 */
SUMMARY_ENTRIES(&drivers_ops, driver_matrix_combine, driver_matrix_rollup_trans, driver_matrix_plus)

