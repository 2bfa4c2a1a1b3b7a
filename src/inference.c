/*
 * inference.c
 *		Margins of error, confidence intervals and significance tests on
 *		`ratings` summaries (README.md: "Margins of error, intervals and tests").
 *
 * Weighted summaries enter every standard error through Kish's effective
 * sample size n_eff = (sum w)^2 / sum w^2 (n for unweighted summaries), and
 * every share through the weights.  Conventions:
 *
 * - NPS variance per response: Var = (p+ + p-) - (p+ - p-)^2 on the -1..1
 *   scale; SE = sqrt(Var / n_eff).
 * - Adjusted Wald (Rocks 2016): add 0.75 promoters, 1.5 passives and 0.75
 *   detractors to the n_eff answers (3 in all) and use the Wald formula.
 * - NPS and top-box interval ends are clamped to the possible range
 *   (-100..100, 0..100), ends of a change in NPS to -200..200; the t
 *   interval of the mean is not (as R's t.test).
 * - An interval of data without spread is the point itself; a test whose
 *   standard error is 0, or that lacks the answers it needs, is NULL.
 */
#include "postgres.h"

#include <math.h>

#include "utils/builtins.h"

#include "loyalty.h"

/* Shares and sample size of one summary, as the NPS functions use them. */
typedef struct NpsStats
{
	double		n;				/* Kish effective sample size */
	double		pro;			/* weighted share of promoters */
	double		det;			/* weighted share of detractors */
} NpsStats;

/* Kish's effective sample size (sum w)^2 / sum w^2; n when unweighted. */
static double
effective_n(const Ratings *r, double total)
{
	double		w2 = ratings_sum_sq_weights(r);

	if (total <= 0.0 || w2 <= 0.0)
		return 0.0;
	return total * total / w2;
}

/* Two-sided z for a confidence level in (0, 1), else 22023. */
double
confidence_z(double confidence)
{
	if (!(confidence > 0.0 && confidence < 1.0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("confidence %g is out of range", confidence),
				 errdetail("The confidence level must be between 0 and 1, exclusive.")));
	return norm_ppf(0.5 + confidence / 2);
}

static void
check_confidence(double confidence)
{
	(void) confidence_z(confidence);
}

/* Shares of a 0..10 summary; false when it has no weight. */
static bool
nps_stats(const Ratings *r, const char *func, NpsStats *s)
{
	double		total;

	check_nps_scale(r, func);
	total = ratings_sum_weights(r);
	if (total <= 0.0)
		return false;
	s->n = effective_n(r, total);
	s->pro = ratings_weight_between(r, NPS_PROMOTER_FROM, NPS_HI) / total;
	s->det = ratings_weight_between(r, NPS_LO, NPS_PASSIVE_FROM - 1) / total;
	return s->n > 0.0;
}

static inline double
nps_var(double pro, double det)
{
	double		d = pro - det;

	return Max((pro + det) - d * d, 0.0);
}

static inline double
clamp(double v, double lo, double hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* effective_responses(ratings): Kish effective sample size */
PG_FUNCTION_INFO_V1(ratings_effective_responses);
Datum
ratings_effective_responses(PG_FUNCTION_ARGS)
{
	Ratings    *r = PG_GETARG_RATINGS_P(0);
	double		total = ratings_sum_weights(r);

	if (total <= 0.0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(effective_n(r, total));
}

/* nps_moe(ratings, confidence): Wald margin of error in NPS points */
PG_FUNCTION_INFO_V1(ratings_nps_moe);
Datum
ratings_nps_moe(PG_FUNCTION_ARGS)
{
	Ratings    *r = PG_GETARG_RATINGS_P(0);
	double		z = confidence_z(PG_GETARG_FLOAT8(1));
	NpsStats	s;

	if (!nps_stats(r, "nps_moe", &s))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(100.0 * z * sqrt(nps_var(s.pro, s.det) / s.n));
}

/* The interval method: true for 'adjusted_wald', false for 'wald', else 22023. */
static bool
adjusted_wald_method(text *name)
{
	char	   *method = text_to_cstring(name);

	if (strcmp(method, "adjusted_wald") == 0)
		return true;
	if (strcmp(method, "wald") != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown interval method \"%s\"", method),
				 errhint("Use 'wald' or 'adjusted_wald'.")));
	return false;
}

/*
 * Adjusted Wald (Rocks 2016): 0.75 promoters, 1.5 passives and 0.75
 * detractors more, on the effective sample size.
 */
static void
adjust_wald(NpsStats *s)
{
	s->pro = (s->pro * s->n + 0.75) / (s->n + 3.0);
	s->det = (s->det * s->n + 0.75) / (s->n + 3.0);
	s->n += 3.0;
}

/* Standard error of NPS(b) - NPS(a) on the -1..1 scale: sqrt(Va/na + Vb/nb). */
static inline double
nps_diff_se(const NpsStats *a, const NpsStats *b)
{
	return sqrt(nps_var(a->pro, a->det) / a->n + nps_var(b->pro, b->det) / b->n);
}

/* One end of the NPS interval: sign -1 lower, +1 upper. */
static Datum
nps_interval(FunctionCallInfo fcinfo, int sign, const char *func)
{
	Ratings    *r = PG_GETARG_RATINGS_P(0);
	double		z = confidence_z(PG_GETARG_FLOAT8(1));
	bool		adjusted = adjusted_wald_method(PG_GETARG_TEXT_PP(2));
	NpsStats	s;

	if (!nps_stats(r, func, &s))
		PG_RETURN_NULL();
	if (adjusted)
		adjust_wald(&s);
	PG_RETURN_FLOAT8(clamp(100.0 * ((s.pro - s.det) + sign * z * sqrt(nps_var(s.pro, s.det) / s.n)),
						   -100.0, 100.0));
}

/* nps_lower(ratings, confidence, method): lower end of the NPS interval */
LOYALTY_ENTRY(ratings_nps_lower, nps_interval(fcinfo, -1, "nps_lower"))

/* nps_upper(ratings, confidence, method): upper end of the NPS interval */
LOYALTY_ENTRY(ratings_nps_upper, nps_interval(fcinfo, 1, "nps_upper"))

/* Two-sided p-value of a z statistic. */
static inline double
two_sided_z(double z)
{
	return 2.0 * norm_sf(fabs(z));
}

/*
 * The two-sided p-value that the NPS of two 0..10 summaries differ, in *p;
 * false when either has no weight or the standard error is 0.
 */
bool
nps_test_p(const Ratings *ra, const Ratings *rb, double *p)
{
	NpsStats	a,
				b;
	double		se;

	if (!nps_stats(ra, "nps_test", &a) || !nps_stats(rb, "nps_test", &b))
		return false;
	se = nps_diff_se(&a, &b);
	if (!(se > 0.0))
		return false;
	*p = two_sided_z(((a.pro - a.det) - (b.pro - b.det)) / se);
	return true;
}

/* nps_test(ratings, ratings): two-sided p-value that two NPS differ */
PG_FUNCTION_INFO_V1(ratings_nps_test2);
Datum
ratings_nps_test2(PG_FUNCTION_ARGS)
{
	double		p;

	if (!nps_test_p(PG_GETARG_RATINGS_P(0), PG_GETARG_RATINGS_P(1), &p))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(p);
}

/*
 * One end of the interval of the change NPS(b) - NPS(a), in points: sign -1
 * lower, +1 upper.  The standard error is nps_test's; adjusted Wald adjusts
 * each summary first.  Clamped to -200..200.
 */
static Datum
nps_diff_interval(FunctionCallInfo fcinfo, int sign, const char *func)
{
	Ratings    *ra = PG_GETARG_RATINGS_P(0);
	Ratings    *rb = PG_GETARG_RATINGS_P(1);
	double		z = confidence_z(PG_GETARG_FLOAT8(2));
	bool		adjusted = adjusted_wald_method(PG_GETARG_TEXT_PP(3));
	NpsStats	a,
				b;
	double		diff;

	if (!nps_stats(ra, func, &a) || !nps_stats(rb, func, &b))
		PG_RETURN_NULL();
	if (adjusted)
	{
		adjust_wald(&a);
		adjust_wald(&b);
	}
	diff = (b.pro - b.det) - (a.pro - a.det);
	PG_RETURN_FLOAT8(clamp(100.0 * (diff + sign * z * nps_diff_se(&a, &b)), -200.0, 200.0));
}

/* nps_diff_lower(a, b, confidence, method): lower end of NPS(b) - NPS(a) */
PG_FUNCTION_INFO_V1(ratings_nps_diff_lower);
Datum
ratings_nps_diff_lower(PG_FUNCTION_ARGS)
{
	return nps_diff_interval(fcinfo, -1, "nps_diff_lower");
}

/* nps_diff_upper(a, b, confidence, method): upper end of NPS(b) - NPS(a) */
PG_FUNCTION_INFO_V1(ratings_nps_diff_upper);
Datum
ratings_nps_diff_upper(PG_FUNCTION_ARGS)
{
	return nps_diff_interval(fcinfo, 1, "nps_diff_upper");
}

/* p-value of z for the alternative 'two-sided', 'greater' or 'less'. */
static double
p_for_alternative(double z, const char *alternative)
{
	if (strcmp(alternative, "two-sided") == 0)
		return two_sided_z(z);
	if (strcmp(alternative, "greater") == 0)
		return norm_sf(z);
	if (strcmp(alternative, "less") == 0)
		return norm_cdf(z);
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("unknown alternative \"%s\"", alternative),
			 errhint("Use 'two-sided', 'greater' or 'less'.")));
	return 0.0;					/* keep the compiler quiet */
}

/*
 * nps_benchmark_test(ratings, benchmark, alternative): p-value of the NPS
 * against a target; 'greater' tests whether the NPS is above the benchmark.
 * fname names the SQL function in messages.
 */
static Datum
nps_benchmark_p(FunctionCallInfo fcinfo, const char *fname)
{
	Ratings    *r = PG_GETARG_RATINGS_P(0);
	double		benchmark = PG_GETARG_FLOAT8(1);
	char	   *alternative = text_to_cstring(PG_GETARG_TEXT_PP(2));
	NpsStats	s;
	double		se;

	if (!(benchmark >= -100.0 && benchmark <= 100.0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("benchmark NPS %g is out of range", benchmark),
				 errdetail("An NPS lies between -100 and 100.")));
	(void) p_for_alternative(0.0, alternative);
	if (!nps_stats(r, fname, &s))
		PG_RETURN_NULL();
	se = sqrt(nps_var(s.pro, s.det) / s.n);
	if (!(se > 0.0))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(p_for_alternative(((s.pro - s.det) - benchmark / 100.0) / se,
									   alternative));
}

LOYALTY_ENTRY(ratings_nps_benchmark_test, nps_benchmark_p(fcinfo, "nps_benchmark_test"))

/*
 * The same as 0.1.0's nps_test(r, benchmark), which databases not yet
 * updated still call (0.2.0 renamed it so that an untyped benchmark cannot
 * resolve to the two-summary test):
 *	0.1.0: ratings_nps_test1
 */
LOYALTY_ENTRY(ratings_nps_test1, nps_benchmark_p(fcinfo, "nps_test"))

/* Weighted mean, sample variance (Kish denominator) and n_eff. */
typedef struct MeanStats
{
	double		n;
	double		mean;
	double		var;
}			MeanStats;

static bool
mean_stats(const Ratings *r, MeanStats *s)
{
	if (!ratings_variance(r, &s->mean, &s->var))
		return false;
	s->n = effective_n(r, ratings_sum_weights(r));
	return s->n > 1.0;
}

/* One end of the Student-t interval of the mean. */
static Datum
mean_interval(FunctionCallInfo fcinfo, int sign)
{
	Ratings    *r = PG_GETARG_RATINGS_P(0);
	double		confidence = PG_GETARG_FLOAT8(1);
	MeanStats	s;
	double		t;

	check_confidence(confidence);
	if (!mean_stats(r, &s))
		PG_RETURN_NULL();
	t = t_ppf(0.5 + confidence / 2, s.n - 1.0);
	/* Not clamped to the scale: the textbook (and R's t.test) interval. */
	PG_RETURN_FLOAT8(s.mean + sign * t * sqrt(s.var / s.n));
}

/* mean_lower(ratings, confidence): lower end of the t interval of the mean */
LOYALTY_ENTRY(ratings_mean_lower, mean_interval(fcinfo, -1))

/* mean_upper(ratings, confidence): upper end of the t interval of the mean */
LOYALTY_ENTRY(ratings_mean_upper, mean_interval(fcinfo, 1))

/* mean_test(ratings, ratings): two-sided Welch t-test p-value */
PG_FUNCTION_INFO_V1(ratings_mean_test);
Datum
ratings_mean_test(PG_FUNCTION_ARGS)
{
	MeanStats	a,
				b;
	double		va,
				vb,
				df;

	if (!mean_stats(PG_GETARG_RATINGS_P(0), &a) || !mean_stats(PG_GETARG_RATINGS_P(1), &b))
		PG_RETURN_NULL();
	va = a.var / a.n;
	vb = b.var / b.n;
	if (!(va + vb > 0.0))
		PG_RETURN_NULL();
	df = (va + vb) * (va + vb) / (va * va / (a.n - 1.0) + vb * vb / (b.n - 1.0));
	PG_RETURN_FLOAT8(2.0 * t_sf(fabs(a.mean - b.mean) / sqrt(va + vb), df));
}

/* Weighted top-box share (0..1) and n_eff; false when there is no weight. */
static bool
top_share(const Ratings *r, int32 boxes, double *p, double *n)
{
	int			np = ratings_npoints(r);
	double		total = ratings_sum_weights(r);

	check_boxes(r, boxes);
	if (total <= 0.0)
		return false;
	*p = ratings_weight_between(r, np - boxes, np - 1) / total;
	*n = effective_n(r, total);
	return *n > 0.0;
}

/* One end of the Wilson score interval of the top-box share, in %. */
static Datum
top_box_interval(FunctionCallInfo fcinfo, int sign)
{
	Ratings    *r = PG_GETARG_RATINGS_P(0);
	int32		boxes = PG_GETARG_INT32(1);
	double		z = confidence_z(PG_GETARG_FLOAT8(2));
	double		p,
				n,
				z2n,
				center,
				half;

	if (!top_share(r, boxes, &p, &n))
		PG_RETURN_NULL();
	z2n = z * z / n;
	center = (p + z2n / 2) / (1 + z2n);
	half = z / (1 + z2n) * sqrt(p * (1 - p) / n + z2n / (4 * n));
	PG_RETURN_FLOAT8(clamp(100.0 * (center + sign * half), 0.0, 100.0));
}

/* top_box_lower(ratings, boxes, confidence): Wilson lower end, % */
LOYALTY_ENTRY(ratings_top_box_lower, top_box_interval(fcinfo, -1))

/* top_box_upper(ratings, boxes, confidence): Wilson upper end, % */
LOYALTY_ENTRY(ratings_top_box_upper, top_box_interval(fcinfo, 1))

/* top_box_test(ratings, ratings, boxes): pooled two-proportion z-test */
PG_FUNCTION_INFO_V1(ratings_top_box_test);
Datum
ratings_top_box_test(PG_FUNCTION_ARGS)
{
	int32		boxes = PG_GETARG_INT32(2);
	double		pa,
				na,
				pb,
				nb,
				pool,
				se;
	bool		oka = top_share(PG_GETARG_RATINGS_P(0), boxes, &pa, &na);
	bool		okb = top_share(PG_GETARG_RATINGS_P(1), boxes, &pb, &nb);

	if (!oka || !okb)
		PG_RETURN_NULL();
	pool = (pa * na + pb * nb) / (na + nb);
	se = sqrt(pool * (1 - pool) * (1 / na + 1 / nb));
	if (!(se > 0.0))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(two_sided_z((pa - pb) / se));
}
