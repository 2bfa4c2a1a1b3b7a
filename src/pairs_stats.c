/*
 * pairs_stats.c
 *		Correlation and association read off a `rating_pairs` joint count
 *		table (README.md: "Touchpoint correlation"), without ever sorting rows:
 *
 * - Pearson: moments of the values, weighted by the cell counts.
 * - Spearman: Pearson of mid-ranks; the mid-rank of each value comes from
 *   the cumulative margin (rows before it, plus half its own tie group).
 * - Kendall tau-b and Goodman-Kruskal gamma: concordant and discordant pairs
 *   of cells, from a 2-D suffix sum in O(nx * ny); ties from the margins.
 * - kendall_p: the tie-corrected normal approximation of tau-b (SciPy's
 *   kendalltau with method='asymptotic').
 * - Cramer's V and the chi-square test of independence, without continuity
 *   correction, over the non-empty rows and columns.
 *
 * Degenerate data (fewer than 2 responses, a constant axis; fewer than 3
 * for p-values, 4 for intervals) give NULL.
 */
#include "postgres.h"

#include <math.h>

#include "loyalty.h"

/* Margins and totals of a table. */
typedef struct PairMargins
{
	double		n;
	double		rx[PAIRS_MAX_VALUES];	/* count per x value */
	double		cy[PAIRS_MAX_VALUES];	/* count per y value */
} PairMargins;

static void
margins(const RatingPairs *p, PairMargins *m)
{
	memset(m, 0, sizeof(*m));
	for (int i = 0; i < p->nx; i++)
		for (int j = 0; j < p->ny; j++)
		{
			double		c = (double) pairs_counts(p)[i * p->ny + j];

			m->rx[i] += c;
			m->cy[j] += c;
			m->n += c;
		}
}

/*
 * Pearson correlation of per-cell scores sx[i], sy[j] weighted by counts;
 * NaN when either has no variance.
 */
static double
weighted_pearson(const RatingPairs *p, const PairMargins *m, const double *sx, const double *sy)
{
	double		mx = 0,
				my = 0,
				vx = 0,
				vy = 0,
				cxy = 0;

	for (int i = 0; i < p->nx; i++)
		mx += m->rx[i] * sx[i];
	for (int j = 0; j < p->ny; j++)
		my += m->cy[j] * sy[j];
	mx /= m->n;
	my /= m->n;
	for (int i = 0; i < p->nx; i++)
		vx += m->rx[i] * (sx[i] - mx) * (sx[i] - mx);
	for (int j = 0; j < p->ny; j++)
		vy += m->cy[j] * (sy[j] - my) * (sy[j] - my);
	for (int i = 0; i < p->nx; i++)
	{
		double		dx = sx[i] - mx;

		for (int j = 0; j < p->ny; j++)
			cxy += pairs_counts(p)[i * p->ny + j] * dx * (sy[j] - my);
	}
	if (!(vx > 0.0) || !(vy > 0.0))
		return NAN;
	return Max(-1.0, Min(1.0, cxy / sqrt(vx * vy)));
}

/* Mid-ranks of an axis from its margin. */
static void
midranks(const double *margin, int n, double *rank)
{
	double		before = 0;

	for (int i = 0; i < n; i++)
	{
		rank[i] = before + (margin[i] + 1.0) / 2.0;
		before += margin[i];
	}
}

/*
 * Pearson's r of the values, or with ranks Spearman's rho (Pearson of the
 * mid-ranks); NaN if undefined.
 */
static double
correlation_of(const RatingPairs *p, PairMargins *m, bool ranks)
{
	double		sx[PAIRS_MAX_VALUES],
				sy[PAIRS_MAX_VALUES];

	margins(p, m);
	if (m->n < 2)
		return NAN;
	if (ranks)
	{
		midranks(m->rx, p->nx, sx);
		midranks(m->cy, p->ny, sy);
	}
	else
	{
		for (int i = 0; i < p->nx; i++)
			sx[i] = (double) pairs_xvals(p)[i];
		for (int j = 0; j < p->ny; j++)
			sy[j] = (double) pairs_yvals(p)[j];
	}
	return weighted_pearson(p, m, sx, sy);
}

/* Concordant minus discordant pairs, and their sum, of a table. */
typedef struct Concordance
{
	double		n;
	double		con;			/* concordant pairs */
	double		dis;			/* discordant pairs */
	double		diff;			/* con - dis, taken before rounding */
	double		tx;				/* pairs tied on x: sum t(t-1)/2 */
	double		ty;				/* pairs tied on y */
} Concordance;

/*
 * Counts of concordant and discordant pairs.  above[j] accumulates, over
 * the x rows already passed (smaller x), the count with y < y_j and y > y_j;
 * each row pairs with those.  Exact in int128 where available: n up to 1e9
 * gives pair counts beyond int64.
 */
static void
concordance(const RatingPairs *p, Concordance *k)
{
#ifdef HAVE_INT128
	typedef int128 acc_t;
#else
	typedef long double acc_t;
#endif
	acc_t		con = 0,
				dis = 0;
	int64		colsum[PAIRS_MAX_VALUES] = {0};	/* counts of earlier rows per y */
	PairMargins m;

	margins(p, &m);
	k->n = m.n;
	for (int i = 0; i < p->nx; i++)
	{
		int64		below = 0;	/* earlier rows with y < current y */
		int64		total = 0;	/* earlier rows, all y */
		const int64 *row = pairs_counts(p) + i * p->ny;

		for (int j = 0; j < p->ny; j++)
			total += colsum[j];
		for (int j = 0; j < p->ny; j++)
		{
			int64		above = total - below - colsum[j];	/* earlier rows with y > y_j */

			con += (acc_t) row[j] * below;
			dis += (acc_t) row[j] * above;
			below += colsum[j];
		}
		for (int j = 0; j < p->ny; j++)
			colsum[j] += row[j];
	}
	k->con = (double) con;
	k->dis = (double) dis;
	k->tx = 0;
	k->ty = 0;
	for (int i = 0; i < p->nx; i++)
		k->tx += m.rx[i] * (m.rx[i] - 1) / 2;
	for (int j = 0; j < p->ny; j++)
		k->ty += m.cy[j] * (m.cy[j] - 1) / 2;
	k->diff = (double) (con - dis);
}

static double
tau_b_of(const RatingPairs *p, Concordance *k)
{
	double		n0;

	concordance(p, k);
	n0 = k->n * (k->n - 1) / 2;
	if (k->n < 2 || !(n0 - k->tx > 0) || !(n0 - k->ty > 0))
		return NAN;
	return k->diff / sqrt((n0 - k->tx) * (n0 - k->ty));
}

#define RETURN_UNLESS_NAN(v) \
	do { double v_ = (v); if (isnan(v_)) PG_RETURN_NULL(); PG_RETURN_FLOAT8(v_); } while (0)

/* responses(rating_pairs): number of rows counted */
PG_FUNCTION_INFO_V1(rating_pairs_responses);
Datum
rating_pairs_responses(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(pairs_responses(PG_GETARG_RATING_PAIRS_P(0)));
}

/*
 * A correlation coefficient of the table (see correlation_of) or, with
 * p_value, its two-sided p-value (t with n - 2 df); NULL where undefined.
 */
static Datum
coefficient(FunctionCallInfo fcinfo, bool ranks, bool p_value)
{
	PairMargins m;
	double		r = correlation_of(PG_GETARG_RATING_PAIRS_P(0), &m, ranks);

	RETURN_UNLESS_NAN(p_value ? correlation_p(r, m.n) : r);
}

/* pearson(rating_pairs), spearman(rating_pairs): Spearman's rho, Pearson of mid-ranks */
LOYALTY_ENTRY(rating_pairs_pearson, coefficient(fcinfo, false, false))
LOYALTY_ENTRY(rating_pairs_spearman, coefficient(fcinfo, true, false))

/* pearson_p(rating_pairs), spearman_p(rating_pairs): their two-sided p-values */
LOYALTY_ENTRY(rating_pairs_pearson_p, coefficient(fcinfo, false, true))
LOYALTY_ENTRY(rating_pairs_spearman_p, coefficient(fcinfo, true, true))

/* kendall_tau(rating_pairs): Kendall's tau-b */
PG_FUNCTION_INFO_V1(rating_pairs_kendall_tau);
Datum
rating_pairs_kendall_tau(PG_FUNCTION_ARGS)
{
	Concordance k;

	RETURN_UNLESS_NAN(tau_b_of(PG_GETARG_RATING_PAIRS_P(0), &k));
}

/* goodman_gamma(rating_pairs): (C - D) / (C + D) */
PG_FUNCTION_INFO_V1(rating_pairs_goodman_gamma);
Datum
rating_pairs_goodman_gamma(PG_FUNCTION_ARGS)
{
	Concordance k;

	concordance(PG_GETARG_RATING_PAIRS_P(0), &k);
	if (!(k.con + k.dis > 0))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(k.diff / (k.con + k.dis));
}

/*
 * kendall_p(rating_pairs): two-sided p-value of tau-b, the tie-corrected
 * normal approximation: var(C - D) = (v0 - vx - vy) / 18
 * + 2 tx ty / (n (n - 1)) + x0 y0 / (9 n (n - 1) (n - 2)), as SciPy.
 */
PG_FUNCTION_INFO_V1(rating_pairs_kendall_p);
Datum
rating_pairs_kendall_p(PG_FUNCTION_ARGS)
{
	RatingPairs *p = PG_GETARG_RATING_PAIRS_P(0);
	Concordance k;
	PairMargins m;
	double		tau = tau_b_of(p, &k);
	double		n = k.n,
				mm,
				x0 = 0,
				x1 = 0,
				y0 = 0,
				y1 = 0,
				var;

	if (isnan(tau) || n < 3)
		PG_RETURN_NULL();
	margins(p, &m);
	for (int i = 0; i < p->nx; i++)
	{
		double		t = m.rx[i];

		x0 += t * (t - 1) * (t - 2);
		x1 += t * (t - 1) * (2 * t + 5);
	}
	for (int j = 0; j < p->ny; j++)
	{
		double		u = m.cy[j];

		y0 += u * (u - 1) * (u - 2);
		y1 += u * (u - 1) * (2 * u + 5);
	}
	mm = n * (n - 1);
	var = (mm * (2 * n + 5) - x1 - y1) / 18 + (2 * k.tx * k.ty) / mm +
		x0 * y0 / (9 * mm * (n - 2));
	if (!(var > 0))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(2.0 * norm_sf(fabs(k.diff) / sqrt(var)));
}

/* One end of the Fisher-z interval of Spearman's rho. */
static Datum
spearman_interval(FunctionCallInfo fcinfo, int sign)
{
	double		z = confidence_z(PG_GETARG_FLOAT8(1));
	PairMargins m;
	double		r;

	r = correlation_of(PG_GETARG_RATING_PAIRS_P(0), &m, true);
	if (isnan(r) || m.n < 4)
		PG_RETURN_NULL();
	if (fabs(r) >= 1.0)
		PG_RETURN_FLOAT8(r);
	PG_RETURN_FLOAT8(tanh(atanh(r) + sign * z / sqrt(m.n - 3)));
}

/* spearman_lower(rating_pairs, confidence): lower end, Fisher z */
LOYALTY_ENTRY(rating_pairs_spearman_lower, spearman_interval(fcinfo, -1))

/* spearman_upper(rating_pairs, confidence): upper end, Fisher z */
LOYALTY_ENTRY(rating_pairs_spearman_upper, spearman_interval(fcinfo, 1))

/*
 * Pearson's chi-square of independence over the non-empty rows and
 * columns; false when it is undefined (fewer than 2 of either).
 */
static bool
chi_square(const RatingPairs *p, double *chi2, double *n, int *r, int *c)
{
	PairMargins m;

	margins(p, &m);
	*r = 0;
	*c = 0;
	for (int i = 0; i < p->nx; i++)
		*r += m.rx[i] > 0;
	for (int j = 0; j < p->ny; j++)
		*c += m.cy[j] > 0;
	if (*r < 2 || *c < 2)
		return false;
	*chi2 = 0;
	for (int i = 0; i < p->nx; i++)
		for (int j = 0; j < p->ny; j++)
		{
			double		e,
						d;

			if (m.rx[i] == 0 || m.cy[j] == 0)
				continue;
			e = m.rx[i] * m.cy[j] / m.n;
			d = pairs_counts(p)[i * p->ny + j] - e;
			*chi2 += d * d / e;
		}
	*n = m.n;
	return true;
}

/* cramers_v(rating_pairs): sqrt(chi2 / (n (min(r, c) - 1))) */
PG_FUNCTION_INFO_V1(rating_pairs_cramers_v);
Datum
rating_pairs_cramers_v(PG_FUNCTION_ARGS)
{
	double		chi2,
				n;
	int			r,
				c;

	if (!chi_square(PG_GETARG_RATING_PAIRS_P(0), &chi2, &n, &r, &c))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(Min(1.0, sqrt(chi2 / (n * (Min(r, c) - 1)))));
}

/* chi_square_p(rating_pairs): p-value of the chi-square independence test */
PG_FUNCTION_INFO_V1(rating_pairs_chi_square_p);
Datum
rating_pairs_chi_square_p(PG_FUNCTION_ARGS)
{
	double		chi2,
				n;
	int			r,
				c;

	if (!chi_square(PG_GETARG_RATING_PAIRS_P(0), &chi2, &n, &r, &c))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(chisq_sf(chi2, (double) (r - 1) * (c - 1)));
}

/* A margin as a ratings summary on lo..hi (values outside: 22003). */
static Datum
margin_ratings(FunctionCallInfo fcinfo, bool xaxis)
{
	RatingPairs *p = PG_GETARG_RATING_PAIRS_P(0);
	int32		lo = PG_GETARG_INT32(1),
				hi = PG_GETARG_INT32(2);
	int			n = xaxis ? p->nx : p->ny;
	const int64 *vals = xaxis ? pairs_xvals(p) : pairs_yvals(p);
	Ratings    *r;

	check_scale(lo, hi);
	r = ratings_new(lo, hi, false);
	for (int a = 0; a < n; a++)
	{
		int64		count = 0;

		for (int b = 0; b < (xaxis ? p->ny : p->nx); b++)
			count += xaxis ? pairs_counts(p)[a * p->ny + b] : pairs_counts(p)[b * p->ny + a];
		if (count == 0)
			continue;
		if (vals[a] < lo || vals[a] > hi)
			score_out_of_scale(vals[a], lo, hi);
		r->counts[vals[a] - lo] = count;
	}
	PG_RETURN_POINTER(r);
}

/* x_ratings(rating_pairs, lo, hi): the x margin as ratings */
LOYALTY_ENTRY(rating_pairs_x_ratings, margin_ratings(fcinfo, true))

/* y_ratings(rating_pairs, lo, hi): the y margin as ratings */
LOYALTY_ENTRY(rating_pairs_y_ratings, margin_ratings(fcinfo, false))
