/*
 * drivers_stats.c
 *		Key driver analysis on a driver_matrix: the pairwise-complete
 *		correlation matrix, R², standardized betas, Johnson's relative
 *		weights, exact Shapley (LMG) shares of R², and the importance-
 *		performance quadrant of each driver.  The linear algebra is in
 *		linalg.c.
 *
 * Decisions (documented in README.md):
 *	- a driver or outcome without variance over the responses of a pair
 *	  (fewer than two distinct answers), and two drivers never answered
 *	  together, make the correlation matrix undefined: error 22023 naming
 *	  them;
 *	- a correlation matrix of the drivers whose smallest eigenvalue is at
 *	  most DRIVERS_PD_TOL times its largest (collinear drivers, or
 *	  contradictory pairwise correlations) is an error 22023 naming the
 *	  drivers of the eigenvector of that eigenvalue; so is an R² above 1,
 *	  which pairwise deletion can give when the matrix of drivers and
 *	  outcome together is not positive definite;
 *	- Shapley shares need R² of all 2^k subsets of drivers; above
 *	  SHAPLEY_MAX_DRIVERS drivers that is refused and shapley is NULL;
 *	- the importance rank is 1 + the number of drivers with a larger
 *	  relative weight (as SQL's rank());
 *	- a driver is important when its relative weight is >= the mean relative
 *	  weight, strong when its mean is >= the mean of the driver means.
 */
#include "postgres.h"

#include <math.h>

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"

#include "loyalty.h"

/* Smallest eigenvalue / largest at or below which Rxx is not usable. */
#define DRIVERS_PD_TOL		1e-10
/* R² may exceed 1 by this much through rounding (an exact fit). */
#define DRIVERS_R2_TOL		1e-9
/* Eigenvector loadings at least this large name a driver in an error. */
#define DRIVERS_NAME_LOADING 0.1
/* Exact Shapley shares up to this many drivers (2^20 subsets). */
#define SHAPLEY_MAX_DRIVERS	20

#define NVARS_MAX	(DRIVERS_MAX + 1)

/* --- the analysis -------------------------------------------------------- */

typedef struct DriverAnalysis
{
	int			k;
	char	  **names;			/* k driver names */
	double		rxx[DRIVERS_MAX * DRIVERS_MAX]; /* correlations of drivers */
	double		rxy[DRIVERS_MAX];	/* correlations with the outcome */
	double		lxx[DRIVERS_MAX * DRIVERS_MAX]; /* Cholesky factor of rxx */
	double		eigval[DRIVERS_MAX];	/* of rxx, ascending */
	double		eigvec[DRIVERS_MAX * DRIVERS_MAX];	/* columns */
	double		r2;
} DriverAnalysis;

/* "a", "a" and "b", "a", "b" and "c" */
static char *
name_list(char **names, const int *which, int n)
{
	StringInfoData buf;

	initStringInfo(&buf);
	for (int i = 0; i < n; i++)
	{
		if (i > 0)
			appendStringInfoString(&buf, i == n - 1 ? " and " : ", ");
		appendStringInfo(&buf, "\"%s\"", names[which[i]]);
	}
	return buf.data;
}

/*
 * The error for a variable that does not vary over the n rows of a pair:
 * driver `flat` where driver `other` was also answered, driver `flat` on its
 * own (other NULL), or the outcome where driver `other` was answered (flat
 * NULL).
 */
pg_noreturn static void
no_variance(int64 n, const char *flat, const char *other)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 !flat ? errmsg("the outcome has no variance where driver \"%s\" was answered", other)
			 : other ? errmsg("driver \"%s\" has no variance where driver \"%s\" was also answered", flat, other)
			 : errmsg("driver \"%s\" has no variance", flat),
			 !flat ? errdetail("All " INT64_FORMAT " outcomes of those rows are equal, so the correlations are undefined.", n)
			 : other ? errdetail("All " INT64_FORMAT " of its answers where both were answered are equal, so their correlation is undefined.", n)
			 : errdetail("All " INT64_FORMAT " of its answers are equal, so its correlations are undefined.", n),
			 errhint(flat ? "Leave out drivers that do not vary." :
					 "Key driver analysis needs an outcome that varies.")));
}

/*
 * The correlation of a pair from its co-moments: driver i with driver j, or
 * with the outcome when j < 0 (names are for the errors).  A pair without
 * joint responses, or where one side does not vary, has no correlation.
 */
static double
pair_correlation(const DriverPair *p, char **names, int i, int j)
{
	const char *a = names[i];
	const char *b = j < 0 ? NULL : names[j];
	double		r;

	if (p->n == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 b ? errmsg("drivers \"%s\" and \"%s\" were never answered together", a, b)
				 : errmsg("driver \"%s\" has no responses", a),
				 errdetail("Their correlation is undefined."),
				 errhint("Leave out one of them.")));
	if (p->m2_x == 0.0)
		no_variance(p->n, a, b);
	if (p->m2_y == 0.0)
		no_variance(p->n, b, a);
	r = p->c / (sqrt(p->m2_x) * sqrt(p->m2_y));
	return fmax(-1.0, fmin(1.0, r));
}

/* Drivers whose loading in the unit vector vec is large, as a name list. */
static char *
involved_drivers(const DriverAnalysis *da, const double *vec, int stride,
				 int n, bool outcome_last)
{
	int			which[NVARS_MAX];
	int			nwhich = 0;
	StringInfoData buf;

	for (int i = 0; i < n; i++)
		if (fabs(vec[i * stride]) >= DRIVERS_NAME_LOADING && i < da->k)
			which[nwhich++] = i;
	initStringInfo(&buf);
	appendStringInfoString(&buf, name_list(da->names, which, nwhich));
	if (outcome_last && fabs(vec[(n - 1) * stride]) >= DRIVERS_NAME_LOADING)
		appendStringInfoString(&buf, nwhich ? " with the outcome" : "the outcome");
	return buf.data;
}

/*
 * Everything but the per-driver columns: correlations, the eigen-
 * decomposition and Cholesky factor of rxx, and R², with the errors for
 * matrices that are not positive definite.
 */
static void
analyse(const DriverMatrix *m, char **names, DriverAnalysis *da)
{
	int			k = m->k;
	double		a[DRIVERS_MAX * DRIVERS_MAX];
	double		z[DRIVERS_MAX];

	da->k = k;
	da->names = names;
	for (int i = 0; i < k; i++)
	{
		EL(da->rxx, k, i, i) = 1.0;
		da->rxy[i] = pair_correlation(&drivers_xy(m)[i], names, i, -1);
	}
	for (int i = 0; i < k; i++)
		for (int j = i + 1; j < k; j++)
			EL(da->rxx, k, i, j) = EL(da->rxx, k, j, i) =
				pair_correlation(drivers_xx(m, i, j), names, i, j);

	memcpy(a, da->rxx, sizeof(double) * k * k);
	linalg_jacobi_eigen(k, a, da->eigval, da->eigvec);
	if (!(da->eigval[0] > DRIVERS_PD_TOL * da->eigval[k - 1]) ||
		!linalg_cholesky(k, da->rxx, da->lxx))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the correlation matrix of the drivers is not positive definite"),
				 errdetail("Its smallest eigenvalue is %g. Drivers %s are collinear, or their pairwise correlations come from different respondents and contradict each other.",
						   da->eigval[0], involved_drivers(da, da->eigvec, k, k, false)),
				 errhint("Leave out one of these drivers, or analyse only respondents who answered all of them.")));

	linalg_forward_solve(k, da->lxx, da->rxy, z);
	da->r2 = 0.0;
	for (int i = 0; i < k; i++)
		da->r2 += z[i] * z[i];

	/*
	 * With rxx positive definite, the matrix of drivers and outcome is
	 * positive definite exactly when 1 - R² > 0.  Pairwise deletion can
	 * break that; name the variables of its smallest eigenvector.
	 */
	if (da->r2 > 1.0 + DRIVERS_R2_TOL)
	{
		int			p = k + 1;
		double	   *full = palloc(sizeof(double) * p * p);
		double	   *vec = palloc(sizeof(double) * p * p);
		double		val[NVARS_MAX];

		for (int i = 0; i < k; i++)
		{
			for (int j = 0; j < k; j++)
				EL(full, p, i, j) = EL(da->rxx, k, i, j);
			EL(full, p, i, k) = EL(full, p, k, i) = da->rxy[i];
		}
		EL(full, p, k, k) = 1.0;
		linalg_jacobi_eigen(p, full, val, vec);
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the correlation matrix of the drivers and the outcome is not positive definite"),
				 errdetail("R² would be %.17g. The pairwise correlations of %s come from different respondents and contradict each other (smallest eigenvalue %g).",
						   da->r2, involved_drivers(da, vec, p, p, true), val[0]),
				 errhint("Analyse only respondents who answered all drivers, or leave out drivers with few responses.")));
	}
}

/* Driver names: the given ones, or "1", "2", ... (k of them). */
static char **
driver_names(FunctionCallInfo fcinfo, int argno, int k)
{
	char	  **names = palloc(sizeof(char *) * k);

	if (PG_NARGS() <= argno || PG_ARGISNULL(argno))
	{
		for (int i = 0; i < k; i++)
			names[i] = psprintf("%d", i + 1);
	}
	else
	{
		ArrayType  *a = PG_GETARG_ARRAYTYPE_P(argno);
		Datum	   *elems;
		bool	   *nulls;
		int			n;

		if (ARR_NDIM(a) > 1)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("driver names must be a one-dimensional array")));
		deconstruct_array(a, TEXTOID, -1, false, TYPALIGN_INT, &elems, &nulls, &n);
		if (n != k)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("%d driver names given for %d drivers", n, k),
					 errdetail("names must have one entry per element of the drivers array.")));
		for (int i = 0; i < k; i++)
		{
			if (nulls[i])
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("driver name %d is NULL", i + 1)));
			names[i] = TextDatumGetCString(elems[i]);
		}
	}
	return names;
}

/* r_squared: R² of the outcome regressed on all drivers */
PG_FUNCTION_INFO_V1(driver_matrix_r_squared);
Datum
driver_matrix_r_squared(PG_FUNCTION_ARGS)
{
	DriverMatrix *m = PG_GETARG_DRIVER_MATRIX_P(0);
	DriverAnalysis *da = palloc(sizeof(DriverAnalysis));

	analyse(m, driver_names(fcinfo, 1, m->k), da);
	PG_RETURN_FLOAT8(da->r2);
}

/* --- Shapley (LMG) shares ------------------------------------------------ */

typedef struct ShapleyWalk
{
	int			k;
	const double *rxx;
	const double *rxy;
	int			members[DRIVERS_MAX];
	double		l[DRIVERS_MAX * DRIVERS_MAX];	/* Cholesky rows of R_SS */
	double		z[DRIVERS_MAX]; /* L z = r_Sy */
	double		total[DRIVERS_MAX + 1]; /* sum of R²(S) over |S| = s */
	double		with[DRIVERS_MAX * (DRIVERS_MAX + 1)];	/* same, S holding j */
} ShapleyWalk;

/*
 * Visit every subset that extends the current one (size s, R² r2) by
 * drivers after `from`.  Adding driver j appends one row to the Cholesky
 * factor of R_SS (its members in ascending order) and one element to z,
 * and R²(S + j) = R²(S) + z_j², so a subset costs O(s²).
 */
static void
shapley_visit(ShapleyWalk *sw, int s, double r2, int from)
{
	int			k = sw->k;

	CHECK_FOR_INTERRUPTS();
	for (int j = from; j < k; j++)
	{
		double	   *row = &EL(sw->l, k, s, 0);
		double		d2 = 1.0,
					zj = sw->rxy[j],
					r2j;

		for (int t = 0; t < s; t++)
		{
			double		v = EL(sw->rxx, k, j, sw->members[t]);

			for (int u = 0; u < t; u++)
				v -= EL(sw->l, k, t, u) * row[u];
			row[t] = v / EL(sw->l, k, t, t);
			d2 -= row[t] * row[t];
			zj -= row[t] * sw->z[t];
		}
		if (!(d2 > 0.0))
			elog(ERROR, "subset correlation matrix is not positive definite");
		row[s] = sqrt(d2);
		sw->z[s] = zj / row[s];
		sw->members[s] = j;
		r2j = r2 + sw->z[s] * sw->z[s];

		sw->total[s + 1] += r2j;
		for (int t = 0; t <= s; t++)
			EL(sw->with, DRIVERS_MAX + 1, sw->members[t], s + 1) += r2j;
		if (j + 1 < k)
			shapley_visit(sw, s + 1, r2j, j + 1);
	}
}

/*
 * The Shapley value of each driver in the game "R² of a subset of drivers":
 * phi_j = sum over S not holding j of |S|! (k - |S| - 1)! / k! *
 * (R²(S + j) - R²(S)), i.e. LMG's average over all orders of entry.  With
 * A_j(s) the sum of R² over subsets of size s holding j and T(s) over all of
 * size s: phi_j = sum_s w(s - 1) A_j(s) - w(s) (T(s) - A_j(s)), where
 * w(s) = 1 / (k C(k - 1, s)).
 */
static void
shapley(const DriverAnalysis *da, double *phi)
{
	int			k = da->k;
	ShapleyWalk *sw = palloc0(sizeof(ShapleyWalk));
	double		w[DRIVERS_MAX];

	sw->k = k;
	sw->rxx = da->rxx;
	sw->rxy = da->rxy;
	shapley_visit(sw, 0, 0.0, 0);

	/* w(s) = s! (k - s - 1)! / k!, built up by w(s+1) = w(s) (s+1) / (k-s-1) */
	w[0] = 1.0 / k;
	for (int s = 0; s + 1 < k; s++)
		w[s + 1] = w[s] * (s + 1) / (k - s - 1);

	for (int j = 0; j < k; j++)
	{
		double		sum = 0.0;

		for (int s = 1; s <= k; s++)
			sum += w[s - 1] * EL(sw->with, DRIVERS_MAX + 1, j, s);
		for (int s = 1; s < k; s++)
			sum -= w[s] * (sw->total[s] - EL(sw->with, DRIVERS_MAX + 1, j, s));
		phi[j] = sum;
	}
	pfree(sw);
}

/* --- key_drivers --------------------------------------------------------- */

typedef struct KeyDriverRow
{
	int64		responses;
	double		mean;
	double		correlation;
	double		p_value;
	bool		p_value_null;
	double		beta;
	double		relative_weight;
	double		shapley;
	int32		rank;
	const char *quadrant;
} KeyDriverRow;

/* x is high against the values' mean; >= counts as high, so does the top. */
static inline bool
is_high(double x, double mean, double max)
{
	return x >= mean || x == max;
}

/*
 * Johnson's relative weights rw of the k drivers.  Rxx = V diag(e) V'; its
 * symmetric square root Lambda = V diag(sqrt e) V' holds the correlations of
 * the drivers with their closest orthogonal counterparts Z, and the
 * outcome's regression on Z has coefficients bstar = V diag(1/sqrt e) V' rxy.
 * Then rw_j = sum_m Lambda_jm² bstar_m², and sum_j rw_j = R².
 */
static void
relative_weights(const DriverAnalysis *da, int k, double *rw)
{
	double		bstar[DRIVERS_MAX],
				tmp[DRIVERS_MAX];
	double		lam[DRIVERS_MAX * DRIVERS_MAX];

	for (int t = 0; t < k; t++)
	{
		double		s = 0.0;

		for (int i = 0; i < k; i++)
			s += EL(da->eigvec, k, i, t) * da->rxy[i];
		tmp[t] = s / sqrt(da->eigval[t]);
	}
	for (int i = 0; i < k; i++)
	{
		double		s = 0.0;

		for (int t = 0; t < k; t++)
			s += EL(da->eigvec, k, i, t) * tmp[t];
		bstar[i] = s;
		for (int j = 0; j < k; j++)
		{
			double		l = 0.0;

			for (int t = 0; t < k; t++)
				l += EL(da->eigvec, k, i, t) * sqrt(da->eigval[t]) * EL(da->eigvec, k, j, t);
			EL(lam, k, i, j) = l;
		}
	}
	for (int i = 0; i < k; i++)
	{
		rw[i] = 0.0;
		for (int t = 0; t < k; t++)
			rw[i] += EL(lam, k, i, t) * EL(lam, k, i, t) * bstar[t] * bstar[t];
	}
}

/*
 * Each row's importance rank (1 + the drivers with a larger relative
 * weight) and quadrant (important: relative weight >= the mean; strong:
 * mean answer >= the mean of the means).
 */
static void
rank_and_quadrants(KeyDriverRow *rows, int k)
{
	double		rw_sum = 0.0,
				mean_sum = 0.0,
				rw_max = -INFINITY,
				mean_max = -INFINITY;

	for (int i = 0; i < k; i++)
	{
		rw_sum += rows[i].relative_weight;
		mean_sum += rows[i].mean;
		rw_max = fmax(rw_max, rows[i].relative_weight);
		mean_max = fmax(mean_max, rows[i].mean);
	}
	for (int i = 0; i < k; i++)
	{
		KeyDriverRow *row = &rows[i];
		bool		important = is_high(row->relative_weight, rw_sum / k, rw_max);
		bool		strong = is_high(row->mean, mean_sum / k, mean_max);

		row->rank = 1;
		for (int j = 0; j < k; j++)
			if (rows[j].relative_weight > row->relative_weight)
				row->rank++;
		row->quadrant = important ? (strong ? "keep up the good work" : "concentrate here")
			: (strong ? "possible overkill" : "low priority");
	}
}

/* The key_drivers rows of m: one per driver. */
static KeyDriverRow *
key_driver_rows(const DriverMatrix *m, char **names, bool *shapley_null)
{
	int			k = m->k;
	DriverAnalysis *da = palloc(sizeof(DriverAnalysis));
	KeyDriverRow *rows = palloc0(sizeof(KeyDriverRow) * k);
	double		z[DRIVERS_MAX],
				beta[DRIVERS_MAX],
				rw[DRIVERS_MAX],
				phi[DRIVERS_MAX];

	analyse(m, names, da);

	/* beta: Rxx beta = rxy */
	linalg_forward_solve(k, da->lxx, da->rxy, z);
	linalg_backward_solve(k, da->lxx, z, beta);
	relative_weights(da, k, rw);
	*shapley_null = k > SHAPLEY_MAX_DRIVERS;
	if (!*shapley_null)
		shapley(da, phi);

	for (int i = 0; i < k; i++)
	{
		const DriverPair *xy = &drivers_xy(m)[i];
		KeyDriverRow *row = &rows[i];

		row->responses = xy->n;
		row->mean = xy->mean_x;
		row->correlation = da->rxy[i];
		row->p_value = correlation_p(row->correlation, (double) xy->n);
		row->p_value_null = isnan(row->p_value);
		row->beta = beta[i];
		row->relative_weight = rw[i];
		row->shapley = *shapley_null ? 0.0 : phi[i];
	}
	rank_and_quadrants(rows, k);
	return rows;
}

/*
 * key_drivers(m, names): one row per driver, in the order of the drivers
 * array: driver, responses, mean, correlation, p_value, beta,
 * relative_weight, shapley, importance_rank, quadrant
 */
PG_FUNCTION_INFO_V1(driver_matrix_key_drivers);
Datum
driver_matrix_key_drivers(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	TupleDesc	tupdesc;
	Tuplestorestate *tupstore;
	MemoryContext old;
	DriverMatrix *m;
	char	  **names;
	KeyDriverRow *rows;
	bool		shapley_null;

	if (rsinfo == NULL || !IsA(rsinfo, ReturnSetInfo) ||
		(rsinfo->allowedModes & SFRM_Materialize) == 0)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("key_drivers must be called in a context that accepts a set")));
	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "key_drivers must return a composite type");

	old = MemoryContextSwitchTo(rsinfo->econtext->ecxt_per_query_memory);
	tupdesc = CreateTupleDescCopy(tupdesc);
	tupstore = tuplestore_begin_heap(true, false, work_mem);
	rsinfo->returnMode = SFRM_Materialize;
	rsinfo->setResult = tupstore;
	rsinfo->setDesc = tupdesc;
	MemoryContextSwitchTo(old);

	if (PG_ARGISNULL(0))
		return (Datum) 0;		/* no matrix, no drivers */
	m = PG_GETARG_DRIVER_MATRIX_P(0);
	names = driver_names(fcinfo, 1, m->k);
	rows = key_driver_rows(m, names, &shapley_null);

	for (int i = 0; i < m->k; i++)
	{
		Datum		values[10];
		bool		nulls[10] = {false};

		values[0] = CStringGetTextDatum(names[i]);
		values[1] = Int64GetDatum(rows[i].responses);
		values[2] = Float8GetDatum(rows[i].mean);
		values[3] = Float8GetDatum(rows[i].correlation);
		values[4] = Float8GetDatum(rows[i].p_value);
		nulls[4] = rows[i].p_value_null;
		values[5] = Float8GetDatum(rows[i].beta);
		values[6] = Float8GetDatum(rows[i].relative_weight);
		values[7] = Float8GetDatum(rows[i].shapley);
		nulls[7] = shapley_null;
		values[8] = Int32GetDatum(rows[i].rank);
		values[9] = CStringGetTextDatum(rows[i].quadrant);
		tuplestore_putvalues(tupstore, tupdesc, values, nulls);
	}
	return (Datum) 0;
}
