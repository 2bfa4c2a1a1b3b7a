#!/usr/bin/python3
"""Independent reference values for test/pairs_frames.sql.

Rebuilds data set M of the test from the same formulas and computes every
figure as test/reference/pairs.py does (its functions are reused), with
SciPy and NumPy on the raw pairs: pearsonr, spearmanr,
kendalltau(method='asymptotic'), chi2_contingency(correction=False) on the
5 x 11 count table, Cramer's V as sqrt(chi2 / (n (min(r, c) - 1))), gamma
from the concordant and discordant pairs of cells counted in NumPy, and the
Fisher-z interval tanh(atanh(rho) -+ z / sqrt(n - 3)) in mpmath; the
p-values are checked again in mpmath and tau-b against the pair counts.

The test's literals are read from test/pairs_frames.sql and each must lie
within the test's tolerance (1e-10 relative for coefficients, 1e-9 for
p-values) of the value printed here; the count and the margins the test
pins with is() are recomputed and compared exactly.  The rest of the test
compares the extension with itself (plans, frames) and pins no figure.
Exit status 1 when any differs.

Run: /usr/bin/python3 test/reference/pairs_frames.py
     (needs python3-numpy python3-scipy python3-mpmath; the tests do not)
"""
import sys

sys.dont_write_bytecode = True     # no __pycache__ beside the scripts
from pairs import check_coefficients, chi2_p, figures, fisher_interval, margin_text
from sqltest import Checker


def data_m():
    """i = 1..400, x = 1 + (i*11) % 5 (NULL when i % 29 = 0),
    y = clamp to 0..10 of (i*17) % 11 + 2 [x >= 4 and i % 3 = 0]
        - 2 [x <= 2 and i % 4 = 0] + 3 [x = 3 and i % 7 < 2];
    y is computed from x before x is blanked.  Only the complete pairs."""
    pairs = []
    for i in range(1, 401):
        x = 1 + (i * 11) % 5
        y = ((i * 17) % 11 + (2 if x >= 4 and i % 3 == 0 else 0)
             - (2 if x <= 2 and i % 4 == 0 else 0) + (3 if x == 3 and i % 7 < 2 else 0))
        y = max(0, min(10, y))
        if i % 29 != 0:
            pairs.append((x, y))
    return pairs


def main():
    c = Checker('pairs_frames.sql')
    f = figures(data_m())
    c.exact('M: 400 rows less 13 with a NULL x', f['n'])
    check_coefficients(c, f, 'M: ', 'M: kendall_p (SciPy asymptotic)')
    c.quoted('M: concordant pairs', f['conc'], 30260, 0)
    c.quoted('M: discordant pairs', f['disc'], 24185, 0)
    c.close('M: gamma = (30260 - 24185) / (30260 + 24185)', f['gamma'])
    c.quoted('M: chi2', f['chi2'], 17.76203660169693, 1e-12)
    c.quoted('M: chi2 degrees of freedom', f['chi2_df'], 40, 0)
    c.close('M: cramers_v (chi2 = 17.76203660169693, 40 df)', f['cramers_v'])
    c.close('M: chi_square_p', f['chi2_p'])
    c.agree('M: chi-square p in mpmath', f['chi2_p'], chi2_p(f['chi2'], f['chi2_df']), 1e-12)
    lo, hi = fisher_interval(f['spearman'], f['n'], '0.95')
    c.close('M: spearman_lower 95%', lo)
    c.close('M: spearman_upper 95%', hi)
    lo, hi = fisher_interval(f['spearman'], f['n'], '0.99')
    c.close('M: spearman_lower 99% crosses 0', lo)
    c.close('M: spearman_upper 99%', hi)
    c.exact('M: x margin', margin_text(f['xs'], f['table'].sum(axis=1), 1, 5))
    c.exact('M: y margin', margin_text(f['ys'], f['table'].sum(axis=0), 0, 10))
    c.finish()


if __name__ == '__main__':
    main()
