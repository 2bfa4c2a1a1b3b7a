/*
 * stats.c
 *		Probability distributions shared by the whole extension: the standard
 *		normal, Student's t and chi-square, at full double precision.
 *
 * - Normal: cdf and survival function from erfc, which is accurate to a few
 *   ulp in both tails; the quantile starts from Acklam's rational
 *   approximation and is polished by Halley steps on erfc.
 * - Student's t: the tail probability is half a regularized incomplete beta
 *   function, I_x(df/2, 1/2) with x = df / (df + t^2), evaluated by
 *   Lentz's continued fraction on whichever side converges; the quantile is
 *   found by safeguarded Newton steps on the cdf.
 * - Chi-square: the regularized upper incomplete gamma function Q(k/2, x/2),
 *   by its series or its continued fraction.
 *
 * The logarithms of the gamma-function prefactors are taken in long double
 * (lgammal): with a double lgamma, df in the millions (p-values of large
 * samples) would lose about eight digits to cancellation.
 */
#include "postgres.h"

#include <float.h>
#include <math.h>

#include "loyalty.h"

/* Lentz needs about sqrt(max(a, b)) steps: enough for df up to 1e10. */
#define CF_MAX_ITER		200000
#define CF_EPS			1e-17
#define CF_TINY			1e-300

/*
 * P(Z > x) for the standard normal.  The argument x / sqrt(2) is formed in
 * long double: rounded to double, its error would be multiplied by about
 * x^2 in the tail (6e-14 relative at x = 20).
 */
double
norm_sf(double x)
{
	return (double) (0.5L * erfcl((long double) x * 0.707106781186547524400844362104849039L));
}

/* P(Z <= x) for the standard normal. */
double
norm_cdf(double x)
{
	return norm_sf(-x);
}

/* Acklam's rational approximation of the normal quantile (rel. err. 1e-9). */
static double
norm_ppf_start(double p)
{
	static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,
		-2.759285104469687e+02, 1.383577518672690e+02,
	-3.066479806614716e+01, 2.506628277459239e+00};
	static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02,
		-1.556989798598866e+02, 6.680131188771972e+01,
	-1.328068155288572e+01};
	static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01,
		-2.400758277161838e+00, -2.549732539343734e+00,
	4.374664141464968e+00, 2.938163982698783e+00};
	static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01,
	2.445134137142996e+00, 3.754408661907416e+00};
	const double plow = 0.02425;
	double		q,
				r;

	if (p < plow)
	{
		q = sqrt(-2 * log(p));
		return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
			((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
	}
	if (p > 1 - plow)
	{
		q = sqrt(-2 * log1p(-p));
		return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
			((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
	}
	q = p - 0.5;
	r = q * q;
	return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
		(((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

/*
 * The x with P(Z <= x) = p, 0 < p < 1 (NaN outside).  Halley steps on the
 * tail that holds p keep the relative error of tiny p at machine level.
 */
double
norm_ppf(double p)
{
	double		x;
	bool		upper;

	if (!(p > 0.0 && p < 1.0))
		return p == 0.0 ? -INFINITY : p == 1.0 ? INFINITY : NAN;
	/* Solve in the lower tail: x <= 0 with P(Z <= x) = min(p, 1 - p). */
	upper = p > 0.5;
	x = norm_ppf_start(p);
	if (upper)
		x = -x;
	for (int i = 0; i < 3; i++)
	{
		double		target = upper ? 1.0 - p : p;
		double		e = norm_cdf(x) - target;
		double		u = e * sqrt(2 * M_PI) * exp(x * x / 2);

		x = x - u / (1 + x * u / 2);
	}
	return upper ? -x : x;
}

/*
 * One step of the modified Lentz algorithm with partial numerator aa: the
 * factor by which the continued fraction changes (c and d carried along).
 */
static inline double
lentz_step(double aa, double *c, double *d)
{
	*d = 1.0 + aa * *d;
	if (fabs(*d) < CF_TINY)
		*d = CF_TINY;
	*c = 1.0 + aa / *c;
	if (fabs(*c) < CF_TINY)
		*c = CF_TINY;
	*d = 1.0 / *d;
	return *d * *c;
}

/*
 * Continued fraction of the regularized incomplete beta function (Lentz),
 * for x < (a + 1) / (a + b + 2), where it converges quickly.
 */
static double
beta_cf(double a, double b, double x)
{
	double		qab = a + b,
				qap = a + 1.0,
				qam = a - 1.0;
	double		c = 1.0,
				d = 1.0 - qab * x / qap,
				h;

	if (fabs(d) < CF_TINY)
		d = CF_TINY;
	d = 1.0 / d;
	h = d;
	for (int m = 1; m <= CF_MAX_ITER; m++)
	{
		int			m2 = 2 * m;
		double		del;

		h *= lentz_step(m * (b - m) * x / ((qam + m2) * (a + m2)), &c, &d);
		del = lentz_step(-(a + m) * (qab + m) * x / ((a + m2) * (qap + m2)), &c, &d);
		h *= del;
		if (fabs(del - 1.0) < CF_EPS)
			break;
	}
	return h;
}

/*
 * I_x(a, b), the regularized incomplete beta function, given x, 1 - x and
 * their logarithms (the caller knows these more accurately than they can be
 * recomputed from a rounded x: with a = 1e8, a rounding of x in the 16th
 * digit moves the result in the 8th).
 */
static double
ibeta(double a, double b, double x, double xc, long double logx, long double logxc)
{
	long double lbeta,
				logfront;

	if (x <= 0.0)
		return 0.0;
	if (xc <= 0.0)
		return 1.0;
	lbeta = lgammal((long double) a) + lgammal((long double) b) -
		lgammal((long double) a + (long double) b);
	logfront = (long double) a * logx + (long double) b * logxc - lbeta;
	if (x < (a + 1.0) / (a + b + 2.0))
		return (double) (expl(logfront) / a) * beta_cf(a, b, x);
	return 1.0 - (double) (expl(logfront) / b) * beta_cf(b, a, xc);
}

/* P(T > t) for Student's t with df > 0 degrees of freedom (NaN for bad df). */
double
t_sf(double t, double df)
{
	double		t2,
				x,
				xc,
				tail;
	long double logx,
				logxc;

	if (isnan(t) || !(df > 0.0))
		return NAN;
	if (isinf(t))
		return t > 0 ? 0.0 : 1.0;
	if (isinf(df))
		return norm_sf(t);
	t2 = t * t;
	/* x = df / (df + t^2) and 1 - x = t^2 / (df + t^2), both without cancellation */
	x = df / (df + t2);
	xc = t2 / (df + t2);
	logx = -log1pl((long double) t2 / df);
	logxc = logl((long double) t2) - logl((long double) df + t2);
	/* P(|T| > |t|) / 2 = I_x(df / 2, 1 / 2) / 2 */
	if (x < (df / 2 + 1.0) / (df / 2 + 2.5))
		tail = 0.5 * ibeta(df / 2, 0.5, x, xc, logx, logxc);
	else
		tail = 0.5 * (1.0 - ibeta(0.5, df / 2, xc, x, logxc, logx));
	return t > 0 ? tail : 1.0 - tail;
}

/*
 * Two-sided p-value of a Pearson (or, on ranks, Spearman) correlation r over
 * n pairs: the t-test t = r sqrt((n - 2) / (1 - r²)) with n - 2 degrees of
 * freedom, as R's cor.test and SciPy compute it.  NaN (no p-value) for a NaN
 * r or below 3 pairs, where there are no degrees of freedom.
 */
double
correlation_p(double r, double n)
{
	double		t;

	if (isnan(r) || n < 3)
		return NAN;
	if (fabs(r) >= 1.0)
		return 0.0;
	t = fabs(r) * sqrt((n - 2) / ((1.0 - r) * (1.0 + r)));
	return fmin(1.0, 2.0 * t_sf(t, n - 2));
}

/* Density of Student's t. */
static double
t_pdf(double t, double df)
{
	long double lognorm = lgammal(((long double) df + 1) / 2) - lgammal((long double) df / 2) -
		0.5L * logl((long double) df * (long double) M_PI);

	return (double) expl(lognorm - ((long double) df + 1) / 2 *
						 log1pl((long double) t * t / df));
}

/*
 * The t with P(T <= t) = p for df > 0 degrees of freedom.  Newton steps on
 * the tail that holds p, from a normal-based start, kept inside a bracket
 * that bisection shrinks whenever a step would leave it.
 */
double
t_ppf(double p, double df)
{
	double		q,
				t,
				lo,
				hi;
	bool		upper;

	if (isnan(p) || !(df > 0.0) || p < 0.0 || p > 1.0)
		return NAN;
	if (p == 0.0)
		return -INFINITY;
	if (p == 1.0)
		return INFINITY;
	if (p == 0.5)
		return 0.0;
	if (isinf(df))
		return norm_ppf(p);
	/* Solve for t > 0 with P(T > t) = q, the smaller tail. */
	upper = p > 0.5;
	q = upper ? 1.0 - p : p;
	if (df == 1.0)
		t = 1.0 / tan(M_PI * q);	/* = tan(pi (1/2 - q)), without rounding 1/2 - q */
	else if (df == 2.0)
		t = sqrt(2.0 / (4.0 * q * (1.0 - q)) - 2.0);
	else
	{
		double		z = -norm_ppf(q);

		/* Cornish-Fisher start, then refine */
		t = z + (z * z * z + z) / (4 * df) +
			(5 * pow(z, 5) + 16 * z * z * z + 3 * z) / (96 * df * df);
		if (!(t > 0.0) || !isfinite(t))
			t = 1.0;
		lo = 0.0;
		hi = INFINITY;
		for (int i = 0; i < 200; i++)
		{
			double		f = t_sf(t, df) - q;	/* decreasing in t */
			double		step,
						next;

			if (f > 0)
				lo = t;
			else
				hi = t;
			if (f == 0.0)
				break;
			step = f / t_pdf(t, df);
			next = t + step;
			if (!(next > lo && next < hi))
				next = isinf(hi) ? 2 * t : (lo + hi) / 2;
			if (fabs(next - t) <= 4 * DBL_EPSILON * fabs(t))
			{
				t = next;
				break;
			}
			t = next;
		}
	}
	return upper ? t : -t;
}

/*
 * Q(a, x), the regularized upper incomplete gamma function, for a > 0 and
 * x >= 0: the series of P for x < a + 1, the continued fraction of Q
 * otherwise.
 */
static double
gamma_q(double a, double x)
{
	long double logfront;

	if (x <= 0.0)
		return 1.0;
	logfront = (long double) a * logl((long double) x) - (long double) x -
		lgammal((long double) a);
	if (x < a + 1.0)
	{
		double		ap = a,
					sum = 1.0 / a,
					del = sum;

		for (int n = 0; n < CF_MAX_ITER; n++)
		{
			ap += 1.0;
			del *= x / ap;
			sum += del;
			if (fabs(del) < fabs(sum) * CF_EPS)
				break;
		}
		return 1.0 - (double) (expl(logfront) * sum);
	}
	else
	{
		double		b = x + 1.0 - a,
					c = 1.0 / CF_TINY,
					d = 1.0 / b,
					h = d;

		for (int i = 1; i <= CF_MAX_ITER; i++)
		{
			double		an = -i * (i - a);
			double		del;

			b += 2.0;
			d = an * d + b;
			if (fabs(d) < CF_TINY)
				d = CF_TINY;
			c = b + an / c;
			if (fabs(c) < CF_TINY)
				c = CF_TINY;
			d = 1.0 / d;
			del = d * c;
			h *= del;
			if (fabs(del - 1.0) < CF_EPS)
				break;
		}
		return (double) (expl(logfront) * h);
	}
}

/* P(X > x) for a chi-square variable with df > 0 degrees of freedom. */
double
chisq_sf(double x, double df)
{
	if (isnan(x) || !(df > 0.0))
		return NAN;
	if (x <= 0.0)
		return 1.0;
	if (isinf(x))
		return 0.0;
	return gamma_q(df / 2, x / 2);
}
