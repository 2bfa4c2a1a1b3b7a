#!/usr/bin/python3
"""Independent reference values for test/pairs.sql.

Rebuilds data sets L and S of the test from the same formulas and computes
every coefficient, p-value and interval with SciPy and NumPy on the raw
pairs (the C code works from the joint count table instead):

  - scipy.stats.pearsonr, spearmanr (p-value: t with n - 2 df) and
    kendalltau(method='asymptotic') (tau-b, tie-corrected normal
    approximation); tau-b and its p-value also from the concordant,
    discordant and tied pair counts (Kendall's tie-corrected variance of S)
    as a cross-check;
  - chi2_contingency(correction=False) on the count table; Cramer's V as
    sqrt(chi2 / (n (min(r, c) - 1)));
  - Goodman and Kruskal's gamma (C - D) / (C + D), C and D counted over
    pairs of cells of the count table in NumPy;
  - the Fisher-z interval tanh(atanh(rho) -+ z / sqrt(n - 3)), z the normal
    quantile of 1/2 + confidence/2, in mpmath at 40 digits;
  - the p-values again in mpmath (t with n - 2 df by the regularized
    incomplete beta, chi-square by the regularized upper incomplete gamma),
    as a cross-check and for data set L, whose p-values are below the
    double range.

The test's literals are read from test/pairs.sql and each must lie within
the test's tolerance (1e-10 relative for coefficients, 1e-9 for p-values)
of the value printed here; the counts and margins the test pins with is()
are recomputed and compared exactly.  Exit status 1 when any differs.

Run: /usr/bin/python3 test/reference/pairs.py
     (needs python3-numpy python3-scipy python3-mpmath; the tests do not)
"""
import sys
import mpmath
import numpy as np
from mpmath import mpf
from scipy import stats

sys.dont_write_bytecode = True     # no __pycache__ beside the scripts
from sqltest import Checker

mpmath.mp.dps = 40


def data_l():
    """i = 1..2000: x = 1 + (i*7) % 5, NULL when i % 37 = 0;
    y = clamp(2x + (i*13) % 7 - 3 + (i/7) % 3 - 1, 0, 10), NULL when i % 41 = 0.
    Only the pairs without a NULL."""
    pairs = []
    for i in range(1, 2001):
        x = 1 + (i * 7) % 5
        y = max(0, min(10, 2 * x + (i * 13) % 7 - 3 + (i // 7) % 3 - 1))
        if i % 37 != 0 and i % 41 != 0:
            pairs.append((x, y))
    return pairs


def data_s():
    x = [1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 5, 5, 5, 1, 2, 3, 4, 5]
    y = [0, 5, 9, 7, 7, 10, 3, 8, 8, 9, 6, 10, 9, 10, 4, 8, 2, 7, 9, 10]
    return list(zip(x, y))


def count_table(pairs):
    """Distinct x values, distinct y values, and the joint count table."""
    xs = sorted({x for x, _ in pairs})
    ys = sorted({y for _, y in pairs})
    table = np.zeros((len(xs), len(ys)), dtype=np.int64)
    for x, y in pairs:
        table[xs.index(x), ys.index(y)] += 1
    return xs, ys, table


def concordance(table):
    """Concordant and discordant pairs of observations, over pairs of cells."""
    conc = disc = 0
    r, c = table.shape
    for i in range(r):
        for j in range(c):
            conc += int(table[i, j]) * int(table[i + 1:, j + 1:].sum())
            disc += int(table[i, j]) * int(table[i + 1:, :j].sum())
    return conc, disc


def tau_b_from_counts(table, conc, disc):
    n = int(table.sum())
    n0 = n * (n - 1) // 2
    tx = sum(int(k) * (int(k) - 1) // 2 for k in table.sum(axis=1))
    ty = sum(int(k) * (int(k) - 1) // 2 for k in table.sum(axis=0))
    return (conc - disc) / mpmath.sqrt(mpf(n0 - tx) * (n0 - ty))


def kendall_p_formula(table, conc, disc):
    """Two-sided p of tau-b: S = C - D over the tie-corrected variance of S
    (Kendall 1970), normal tail in mpmath."""
    n = int(table.sum())
    t = [int(k) for k in table.sum(axis=1)]
    u = [int(k) for k in table.sum(axis=0)]
    v0 = n * (n - 1) * (2 * n + 5)
    vt = sum(k * (k - 1) * (2 * k + 5) for k in t)
    vu = sum(k * (k - 1) * (2 * k + 5) for k in u)
    t1 = sum(k * (k - 1) for k in t)
    u1 = sum(k * (k - 1) for k in u)
    t2 = sum(k * (k - 1) * (k - 2) for k in t)
    u2 = sum(k * (k - 1) * (k - 2) for k in u)
    var = (mpf(v0 - vt - vu) / 18 + mpf(t1) * u1 / (2 * n * (n - 1))
           + mpf(t2) * u2 / (9 * n * (n - 1) * (n - 2)))
    return 2 * mpmath.ncdf(-abs(conc - disc) / mpmath.sqrt(var))


def chi2_p(chi2, df):
    """Upper tail of chi-square, regularized upper incomplete gamma in mpmath."""
    return mpmath.gammainc(mpf(df) / 2, mpf(chi2) / 2, mpmath.inf, regularized=True)


def fisher_interval(rho, n, confidence):
    z = mpmath.sqrt(2) * mpmath.erfinv(mpf(confidence))
    at = mpmath.atanh(mpf(rho))
    half = z / mpmath.sqrt(n - 3)
    return mpmath.tanh(at - half), mpmath.tanh(at + half)


def t_test_p(r, n):
    """Two-sided p of a correlation r over n pairs: t with n - 2 df, mpmath."""
    r = mpf(r)
    df = mpf(n - 2)
    t2 = r * r * df / (1 - r * r)
    return mpmath.betainc(df / 2, mpf(1) / 2, 0, df / (df + t2), regularized=True)


def figures(pairs):
    """Every statistic of the test for one data set, as a dict."""
    x = np.array([p[0] for p in pairs], dtype=float)
    y = np.array([p[1] for p in pairs], dtype=float)
    xs, ys, table = count_table(pairs)
    f = {'n': len(pairs), 'xs': xs, 'ys': ys, 'table': table}
    f['pearson'], f['pearson_p'] = stats.pearsonr(x, y)
    f['spearman'], f['spearman_p'] = stats.spearmanr(x, y)
    f['kendall'], f['kendall_p'] = stats.kendalltau(x, y, method='asymptotic')
    f['chi2'], f['chi2_p'], f['chi2_df'], _ = stats.chi2_contingency(table, correction=False)
    f['cramers_v'] = np.sqrt(f['chi2'] / (len(pairs) * (min(table.shape) - 1)))
    f['conc'], f['disc'] = concordance(table)
    f['gamma'] = (f['conc'] - f['disc']) / (f['conc'] + f['disc'])
    f['tau_b_counts'] = tau_b_from_counts(table, f['conc'], f['disc'])
    return f


def margin_text(values, counts, lo, hi):
    """A margin as the text of a ratings summary on lo..hi."""
    by = dict(zip(values, counts))
    return 'scale=%d..%d n={%s}' % (lo, hi, ','.join(str(int(by.get(k, 0))) for k in range(lo, hi + 1)))


def check_coefficients(c, f, prefix, kendall_p_descr):
    """The test's pearson, spearman and kendall tau-b of a data set (figures
    f) and their p-values, described as prefix + the statistic (kendall_p as
    kendall_p_descr); each p-value, and tau-b, also found a second way."""
    c.close(f'{prefix}pearson', f['pearson'])
    c.close(f'{prefix}pearson_p', f['pearson_p'])
    c.agree(f'{prefix}pearson_p, t with n - 2 df in mpmath', f['pearson_p'], t_test_p(f['pearson'], f['n']), 1e-12)
    c.close(f'{prefix}spearman', f['spearman'])
    c.close(f'{prefix}spearman_p', f['spearman_p'])
    c.agree(f'{prefix}spearman_p, t with n - 2 df in mpmath', f['spearman_p'], t_test_p(f['spearman'], f['n']), 1e-12)
    c.close(f'{prefix}kendall tau-b', f['kendall'])
    c.agree(f'{prefix}tau-b from the pair counts', f['kendall'], f['tau_b_counts'], 1e-12)
    c.close(kendall_p_descr, f['kendall_p'])
    c.agree(f'{prefix}kendall_p by the tie-corrected variance of S', f['kendall_p'],
            kendall_p_formula(f['table'], f['conc'], f['disc']), 1e-12)


def main():
    c = Checker('pairs.sql')

    # Data set L: 1899 pairs, heavy ties.
    pl = data_l()
    f = figures(pl)
    c.exact('rows with a NULL on either side are skipped', f['n'])
    c.close('pearson', f['pearson'])
    c.close('spearman, heavy ties', f['spearman'])
    c.close('kendall tau-b', f['kendall'])
    c.agree('tau-b from the pair counts', f['kendall'], f['tau_b_counts'], 1e-12)
    c.quoted('concordant pairs of L', f['conc'], 1171367, 0)
    c.quoted('discordant pairs of L', f['disc'], 156639, 0)
    c.close('gamma = (1171367 - 156639) / (1171367 + 156639)', f['gamma'])
    c.close('cramers_v', f['cramers_v'])
    lo, hi = fisher_interval(f['spearman'], f['n'], '0.95')
    c.close('spearman_lower 95%', lo)
    c.close('spearman_upper 95%', hi)
    lo, _ = fisher_interval(f['spearman'], f['n'], '0.90')
    c.close('spearman_lower 90%', lo)
    p_pearson = t_test_p(f['pearson'], f['n'])
    p_spearman = t_test_p(f['spearman'], f['n'])
    p_chi2 = chi2_p(f['chi2'], f['chi2_df'])
    c.claim('p-values of a strong correlation over 1899 pairs are below 1e-300 (SciPy: 0.0)',
            max(p_pearson, p_spearman, p_chi2) < mpf('1e-300'),
            f'mpmath: pearson_p {mpmath.nstr(p_pearson, 6)}, spearman_p {mpmath.nstr(p_spearman, 6)}, '
            f'chi_square_p {mpmath.nstr(p_chi2, 6)}; SciPy: {f["pearson_p"]!r}, '
            f'{f["spearman_p"]!r}, {f["chi2_p"]!r}')
    c.exact('x margin as ratings', margin_text(f['xs'], f['table'].sum(axis=1), 1, 5))
    c.exact('y margin as ratings', margin_text(f['ys'], f['table'].sum(axis=0), 0, 10))
    ycol = [y for _, y in pl]
    nps = 100 * (sum(1 for v in ycol if v >= 9) - sum(1 for v in ycol if v <= 6)) / mpf(len(ycol))
    c.close('nps(y_ratings(p, 0, 10))', nps)
    c.close('numeric and double precision inputs', f['spearman'])

    # Data set S: 20 pairs, weak correlation.
    f = figures(data_s())
    check_coefficients(c, f, 'small: ', 'small: kendall_p, tie-corrected')
    c.close('small: gamma', f['gamma'])
    c.close('small: chi-square p', f['chi2_p'])
    c.agree('small: chi-square p in mpmath', f['chi2_p'], chi2_p(f['chi2'], f['chi2_df']), 1e-12)
    c.close('small: cramers_v', f['cramers_v'])
    lo, hi = fisher_interval(f['spearman'], f['n'], '0.95')
    c.close('small: spearman_lower', lo)
    c.close('small: spearman_upper', hi)
    c.finish()


if __name__ == '__main__':
    main()
