#!/usr/bin/python3
"""Independent reference values for test/inference.sql.

Rebuilds every data set of the test from the same integer formulas and
computes each figure from its textbook definition: with SciPy where SciPy
has the statistic, otherwise from the formula in mpmath at 40 digits.

  - Kish effective sample size n = (sum w)^2 / sum w^2 (n when unweighted);
    a weighted summary uses the weighted shares and mean with n = Kish n;
  - NPS variance per answer Var = (p+ + p-) - (p+ - p-)^2 on the -1..1 scale;
    Wald interval NPS -+ z sqrt(Var / n), z = Phi^-1(1/2 + confidence/2);
    adjusted Wald (Rocks 2016): add 0.75 promoters, 1.5 passives and 0.75
    detractors (3 answers) first; z-tests of an NPS against another
    (SE sqrt(Va/na + Vb/nb)) or against a benchmark, normal tail by mpmath;
  - Student-t interval of the mean, mean -+ t(n-1) s / sqrt(n): the quantile
    by mpmath (root of the regularized incomplete beta at 40 digits),
    checked against scipy.stats.t.interval; weighted: t with Kish n - 1 df
    and the variance sum w (x - m)^2 / (W - sum w^2 / W);
  - Welch's test: scipy.stats.ttest_ind(equal_var=False), checked against
    the Welch-Satterthwaite formula in mpmath;
  - Wilson score interval (center (p + z^2/2n) / (1 + z^2/n), half-width
    z / (1 + z^2/n) sqrt(p(1-p)/n + z^2/4n^2)) in mpmath;
  - pooled two-proportion z-test in mpmath, checked against
    scipy.stats.chi2_contingency(correction=False) on the 2 x 2 table;
  - NPS trend: scipy.stats.linregress of +100/0/-100 on time in units of 30
    days, the slope checked against the exact least-squares slope
    (fractions.Fraction).

The test's literals are read from test/inference.sql and each must lie
within the test's tolerance (1e-12 relative, 1e-9 for p-values) of the
value printed here.  Exit status 1 when any differs.

Run: /usr/bin/python3 test/reference/inference.py
     (needs python3-numpy python3-scipy python3-mpmath; the tests do not)
"""
import sys
from fractions import Fraction

import mpmath
import numpy as np
from mpmath import mpf
from scipy import stats

sys.dont_write_bytecode = True     # no __pycache__ beside the scripts
from sqltest import Checker

mpmath.mp.dps = 40


def mp(x):
    """A Fraction, int or float as an mpmath number (exactly)."""
    if isinstance(x, Fraction):
        return mpf(x.numerator) / x.denominator
    return mpf(x)


def z_of(confidence):
    """Phi^-1(1/2 + confidence/2)."""
    return mpmath.sqrt(2) * mpmath.erfinv(mpf(confidence))


def t_cdf(t, df):
    """Student t distribution function, by the regularized incomplete beta."""
    tail = mpmath.betainc(df / 2, mpf(1) / 2, 0, df / (df + t * t), regularized=True) / 2
    return 1 - tail if t > 0 else tail


def t_ppf(p, df):
    """Quantile of the t distribution: the root of t_cdf(t) = p at 40 digits."""
    start = mpf(float(stats.t.ppf(float(p), float(df))))
    return mpmath.findroot(lambda t: t_cdf(t, df) - p, start)


def data_a():
    """i = 1..1000: score least(10, (i*7) % 11 + i % 3), weight 1 + (i % 4) * 0.5."""
    return [(min(10, (i * 7) % 11 + i % 3), 1 + Fraction(i % 4, 2)) for i in range(1, 1001)]


class Summary:
    """Shares, mean, variance and Kish n of (score, weight) rows."""

    def __init__(self, rows):
        w = Fraction(sum(wt for _, wt in rows))       # exact arithmetic throughout
        w2 = Fraction(sum(wt * wt for _, wt in rows))
        self.n = mp(w * w / w2)
        self.pro = mp(sum(wt for s, wt in rows if s >= 9) / w)
        self.det = mp(sum(wt for s, wt in rows if s <= 6) / w)
        self.rows = rows
        self.w = w
        m = sum(s * wt for s, wt in rows) / w
        self.mean = mp(m)
        self.var = mp(sum(wt * (s - m) ** 2 for s, wt in rows) / (w - w2 / w))

    def top(self, boxes, hi=10):
        return mp(sum(wt for s, wt in self.rows if s > hi - boxes) / self.w)


def nps_var(pro, det):
    return (pro + det) - (pro - det) ** 2


def nps_interval(s, confidence, method):
    pro, det, n = s.pro, s.det, s.n
    if method == 'adjusted_wald':
        pro = (pro * n + mpf('0.75')) / (n + 3)
        det = (det * n + mpf('0.75')) / (n + 3)
        n = n + 3
    half = z_of(confidence) * mpmath.sqrt(nps_var(pro, det) / n)
    return 100 * (pro - det - half), 100 * (pro - det + half)


def nps_moe(s, confidence):
    return 100 * z_of(confidence) * mpmath.sqrt(nps_var(s.pro, s.det) / s.n)


def mean_interval(s, confidence):
    t = t_ppf(mpf(1) / 2 + mpf(confidence) / 2, s.n - 1)
    half = t * mpmath.sqrt(s.var / s.n)
    return s.mean - half, s.mean + half


def wilson(s, boxes, confidence):
    p, n, z = s.top(boxes), s.n, z_of(confidence)
    z2n = z * z / n
    center = (p + z2n / 2) / (1 + z2n)
    half = z / (1 + z2n) * mpmath.sqrt(p * (1 - p) / n + z2n / (4 * n))
    return 100 * (center - half), 100 * (center + half)


def welch_p(a, b):
    """Two-sided Welch test from the formula, t with Welch-Satterthwaite df."""
    sa, sb = Summary([(x, 1) for x in a]), Summary([(x, 1) for x in b])
    va, vb = sa.var / sa.n, sb.var / sb.n
    df = (va + vb) ** 2 / (va ** 2 / (sa.n - 1) + vb ** 2 / (sb.n - 1))
    t = abs(sa.mean - sb.mean) / mpmath.sqrt(va + vb)
    return 2 * (1 - t_cdf(t, df))


def main():
    c = Checker('inference.sql')
    a = data_a()
    r = Summary([(s, 1) for s, _ in a])
    rw = Summary(a)
    rb = Summary([(s, 1) for s, _ in a[:300]])

    # Effective sample size.
    c.exact('effective_responses unweighted = n', r.n)
    c.close('Kish n = 1750^2 / 3375', rw.n)

    # NPS margin and intervals.
    c.close('nps_moe 95%', nps_moe(r, '0.95'))
    c.close('nps_moe 90%', nps_moe(r, '0.90'))
    c.close('weighted nps_moe', nps_moe(rw, '0.95'))
    for lower, upper, summary, confidence, method in [
            ('Wald lower', 'Wald upper', r, '0.95', 'wald'),
            ('adjusted Wald lower (default)', 'adjusted Wald upper (default)', r, '0.95', 'adjusted_wald'),
            ('adjusted Wald lower 99%', 'adjusted Wald upper 99%', r, '0.99', 'adjusted_wald'),
            ('weighted Wald lower', 'weighted Wald upper', rw, '0.95', 'wald'),
            ('weighted adjusted Wald lower', 'weighted adjusted Wald upper', rw, '0.95', 'adjusted_wald')]:
        lo, hi = nps_interval(summary, confidence, method)
        c.close(lower, lo)
        c.close(upper, hi)

    # NPS tests.
    z = ((r.pro - r.det) - (rb.pro - rb.det)) / mpmath.sqrt(
        nps_var(r.pro, r.det) / r.n + nps_var(rb.pro, rb.det) / rb.n)
    c.close('nps_test(A, first 300 of A)', 2 * mpmath.ncdf(-abs(z)))

    def bench_z(benchmark):
        return (r.pro - r.det - mpf(benchmark) / 100) / mpmath.sqrt(nps_var(r.pro, r.det) / r.n)
    z = bench_z(-25)
    c.close('nps_benchmark_test vs -25, two-sided', 2 * mpmath.ncdf(-abs(z)))
    c.close('nps_benchmark_test vs -25, less', mpmath.ncdf(z))
    c.close('nps_benchmark_test vs -25, greater', 1 - mpmath.ncdf(z))
    c.close('nps_benchmark_test vs -30, greater', 1 - mpmath.ncdf(bench_z(-30)))
    z = bench_z('27.2')
    c.rounded('z of NPS -27.3 against 27.2', z, -20.0012, 4)
    c.close('p-value of z = -20, full precision', mpmath.ncdf(z))
    c.quoted('mpmath ncdf of that z', mpmath.ncdf(z), 2.6864192353027112e-89, 1e-15)

    # Mean intervals and Welch's test.
    c1 = [1 + (i * 5) % 7 for i in range(1, 701) if i % 13 != 0]
    c2 = [1 + (i * 3) % 7 for i in range(1, 201)]
    small1, small2 = [1, 2, 2, 7], [5, 6, 7]
    s1 = Summary([(x, 1) for x in c1])
    lo, hi = mean_interval(s1, '0.95')
    c.close('mean_lower 95% (scipy t.interval)', lo)
    c.close('mean_upper 95%', hi)
    slo, shi = stats.t.interval(0.95, len(c1) - 1, loc=np.mean(c1), scale=stats.sem(c1))
    c.agree('mean interval of C1 by scipy t.interval', slo, lo, 1e-12)
    c.agree('mean interval of C1 by scipy t.interval', shi, hi, 1e-12)
    s2 = Summary([(x, 1) for x in c2])
    t99 = t_ppf(mpf('0.995'), mpf(199))
    c.quoted('t quantile, 199 df, 99% (mpmath)', t99, 2.6007602160585162, 1e-15)
    print(f'   (scipy.stats.t.ppf(0.995, 199) here: {stats.t.ppf(0.995, 199)!r}; '
          f'the test quotes SciPy 1.10 as 2.600760216031323)')
    lo, hi = mean_interval(s2, '0.99')
    c.close('mean_lower 99%', lo)
    c.close('mean_upper 99%', hi)
    lo, _ = mean_interval(Summary([(x, 1) for x in small1]), '0.95')
    c.close('mean_lower of 4 answers, 3 df: not clamped to the scale', lo)
    slo, _ = stats.t.interval(0.95, 3, loc=np.mean(small1), scale=stats.sem(small1))
    c.agree('mean interval of 4 answers by scipy t.interval', slo, lo, 1e-12)
    p = stats.ttest_ind(c1, c2, equal_var=False).pvalue
    c.close('Welch p-value (scipy ttest_ind)', p)
    c.agree('Welch p-value of C1, C2 by the formula', p, welch_p(c1, c2), 1e-12)
    p = stats.ttest_ind(small1, small2, equal_var=False).pvalue
    c.close('Welch p-value, small samples', p)
    c.agree('Welch p-value of the small samples by the formula', p, welch_p(small1, small2), 1e-12)
    lo, hi = mean_interval(rw, '0.95')
    c.close('weighted mean_lower', lo)
    c.close('weighted mean_upper', hi)

    # Wilson intervals and the pooled two-proportion test.
    lo, hi = wilson(r, 2, '0.95')
    c.close('Wilson lower, top 2', lo)
    c.close('Wilson upper, top 2', hi)
    lo, hi = wilson(r, 3, '0.90')
    c.close('Wilson lower, top 3, 90%', lo)
    c.close('Wilson upper, top 3, 90%', hi)
    pa, pb = r.top(2), rb.top(2)
    pool = (pa * r.n + pb * rb.n) / (r.n + rb.n)
    z = (pa - pb) / mpmath.sqrt(pool * (1 - pool) * (1 / r.n + 1 / rb.n))
    p = 2 * mpmath.ncdf(-abs(z))
    c.close('pooled two-proportion z-test', p)
    ta, tb = int(pa * r.n + mpf('0.5')), int(pb * rb.n + mpf('0.5'))
    chi2p = stats.chi2_contingency([[ta, 1000 - ta], [tb, 300 - tb]], correction=False)[1]
    c.agree('pooled z-test = chi2_contingency(correction=False) on the 2 x 2 table', chi2p, p, 1e-12)
    c.quoted('chi2_contingency p-value', chi2p, 0.9637077357158372, 1e-12)

    # NPS trend: answer i at 17 i hours, in units of 30 days.
    x = [Fraction(17 * i, 24 * 30) for i in range(1, 501)]
    sc = [min(10, (i * 7) % 11 + i % 3 + i // 100) for i in range(1, 501)]
    y = [100 if s >= 9 else 0 if s >= 7 else -100 for s in sc]
    fit = stats.linregress([float(v) for v in x], y)
    mx, my = sum(x) / len(x), Fraction(sum(y), len(y))
    exact = sum((u - mx) * (v - my) for u, v in zip(x, y)) / sum((u - mx) ** 2 for u in x)
    c.agree('least-squares slope, exact', fit.slope, exact, 1e-12)
    syy = sum((v - my) ** 2 for v in y)
    r2 = mp(exact * exact * sum((u - mx) ** 2 for u in x) / syy)
    t = mpmath.sqrt(r2 * (len(x) - 2) / (1 - r2))
    c.agree('slope p-value, t with n - 2 df in mpmath', fit.pvalue, 2 * (1 - t_cdf(t, mpf(len(x) - 2))), 1e-9)
    c.close('trend slope, points per 30 days', fit.slope)
    c.close('trend p-value', fit.pvalue)
    c.close('trend slope, numeric scores', fit.slope)
    c.finish()


if __name__ == '__main__':
    main()
