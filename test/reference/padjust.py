#!/usr/bin/python3
"""Independent reference values for test/padjust.sql.

p_adjust: every adjusted p-value is computed from the textbook definition
of its method in exact rational arithmetic (fractions.Fraction), from the
p-values as the server reads them (the nearest doubles), with p_(1) <= ...
<= p_(n) the n non-NULL p-values in ascending order:

  - bonferroni  min(1, n p)
  - holm        min(1, max_{j <= i} (n - j + 1) p_(j))          (step-down)
  - hochberg    min(1, min_{j >= i} (n - j + 1) p_(j))          (step-up)
  - BH, fdr     min(1, min_{j >= i} n p_(j) / j)
  - BY          min(1, min_{j >= i} c n p_(j) / j), c = sum_{k=1..n} 1/k
  - hommel      the closed test of Simes tests (Wright 1992): the largest
                Simes p-value min_k |I| p_(k)^I / k over every set I of
                hypotheses that contains i, by enumeration of all subsets
                (n <= 11 here); for the 50 p-values of R's example, where
                2^49 subsets are too many, by the algorithm of statsmodels'
                multipletests (a formulation other than R's), which is first
                checked against the enumeration on the small sets;
  - none        p;
  - n <= 1: p unchanged (R's p.adjust returns it as it is).

Each of these is then compared with R's own p.adjust, whose output
test/reference/padjust.R stored in test/reference/padjust.R.out (R 4.2.2):
the 50 p-values of the example of ?p.adjust (set.seed(123); x <- rnorm(50,
mean = c(rep(0, 25), rep(3, 25))); p <- 2*pnorm(sort(-abs(x)))) come from
there, and R's adjusted values must agree with the exact ones to 1e-15
relative.

nps_diff_lower / nps_diff_upper: the interval of NPS(b) - NPS(a) from its
formula in mpmath at 40 digits, with the shares, Kish n and adjusted-Wald
step of test/reference/inference.py: (NPS(b) - NPS(a)) -+ z sqrt(Va/na +
Vb/nb), in points, clamped to -200..200; the nps_test p-values in mpmath.

The test's literals are read from test/padjust.sql (pg_temp.is_close,
pg_temp.all_close and is()); each must lie within the test's tolerance of
the value computed here.  Exit status 1 when any differs.

Run: /usr/bin/python3 test/reference/padjust.py
     (needs python3-scipy python3-mpmath for inference.py's helpers; the
     tests need neither Python nor R)
"""
import itertools
import os
import re
import sys
from fractions import Fraction

import mpmath

sys.dont_write_bytecode = True     # no __pycache__ beside the scripts
from sqltest import Checker, rel_diff
from inference import Summary, nps_var, z_of

HERE = os.path.dirname(os.path.abspath(__file__))
METHODS = ['holm', 'hochberg', 'hommel', 'bonferroni', 'BH', 'fdr', 'BY', 'none']


def read_r_output():
    """padjust.R.out as {(case, method): [float or None, ...]}."""
    out = {}
    with open(os.path.join(HERE, 'padjust.R.out')) as f:
        for line in f:
            case, method, k, v = line.split()
            vals = out.setdefault((case, method), [])
            assert int(k) == len(vals) + 1
            vals.append(None if v == 'NA' else float(v))
    return out


def read_rdoc_literal():
    """The p-values of R's example as test/padjust.sql builds table rdoc."""
    with open(os.path.join(os.path.dirname(HERE), 'padjust.sql'), encoding='utf-8') as f:
        sql = f.read()
    m = re.search(r"CREATE TEMP TABLE rdoc AS\s+SELECT i::int, p FROM unnest\('\{([^}]*)\}'", sql)
    if not m:
        return None
    return [Fraction(float(v)) for v in m.group(1).split(',')]


def simes(ps):
    """Simes' p-value of the intersection of the hypotheses with p-values ps."""
    s = sorted(ps)
    m = len(s)
    return min(Fraction(m) * s[k] / (k + 1) for k in range(m))


def hommel_closed(p):
    """Hommel by definition: the closed test of Simes tests (all subsets)."""
    n = len(p)
    out = []
    for i in range(n):
        others = [j for j in range(n) if j != i]
        best = Fraction(0)
        for r in range(n):
            for sub in itertools.combinations(others, r):
                best = max(best, simes([p[i]] + [p[j] for j in sub]))
        out.append(min(Fraction(1), best))
    return out


def hommel_statsmodels(p):
    """Hommel as statsmodels.stats.multitest.multipletests computes it."""
    n = len(p)
    order = sorted(range(n), key=lambda k: p[k])
    s = [p[k] for k in order]
    a = list(s)
    for m in range(n, 1, -1):
        cim = min(Fraction(m) * s[n - m + k] / (k + 1) for k in range(m))
        for j in range(n - m, n):
            a[j] = max(a[j], cim)
        for j in range(n - m):
            a[j] = max(a[j], min(m * s[j], cim))
    a = [max(x, y) for x, y in zip(a, s)]
    out = [None] * n
    for pos, k in enumerate(order):
        out[k] = a[pos]
    return out


def adjust(p, method, hommel=hommel_closed):
    """Exact adjusted p-values of p (Fractions, None for NULL), in p's order."""
    idx = [k for k, v in enumerate(p) if v is not None]
    vals = [p[k] for k in idx]
    n = len(vals)
    res = [None] * len(p)
    if n <= 1 or method == 'none':
        return list(p)
    order = sorted(range(n), key=lambda k: vals[k])
    s = [vals[k] for k in order]         # p_(1) .. p_(n) as s[0] .. s[n-1]
    one = Fraction(1)
    if method == 'bonferroni':
        adj = [min(one, n * v) for v in s]
    elif method == 'holm':
        adj = [min(one, max((n - j) * s[j] for j in range(i + 1))) for i in range(n)]
    elif method == 'hochberg':
        adj = [min(one, min((n - j) * s[j] for j in range(i, n))) for i in range(n)]
    elif method in ('BH', 'fdr'):
        adj = [min(one, min(Fraction(n, j + 1) * s[j] for j in range(i, n))) for i in range(n)]
    elif method == 'BY':
        c = sum(Fraction(1, k) for k in range(1, n + 1))
        adj = [min(one, min(c * Fraction(n, j + 1) * s[j] for j in range(i, n))) for i in range(n)]
    elif method == 'hommel':
        if n == 2:
            return adjust(p, 'hochberg')        # R: with n = 2, hommel is hochberg
        return [None if v is None else h for v, h in
                zip(p, spread(hommel(vals), idx, len(p)))]
    else:
        raise ValueError(method)
    back = [None] * n
    for pos, k in enumerate(order):
        back[k] = adj[pos]
    return spread(back, idx, len(p))


def spread(vals, idx, size):
    out = [None] * size
    for k, v in zip(idx, vals):
        out[k] = v
    return out


def exact(x):
    """The double the server reads for x, as an exact Fraction."""
    return None if x is None else Fraction(float(x))


def sql_array(vals):
    return "'{" + ','.join('NULL' if v is None else repr(float(v)) for v in vals) + "}'"


# The data of the test (test/padjust.sql).
TIES = ['0.01', '0', '0.04', '0.02', None, '0.01', '1', '0.02', '0.5', None, '0.02', '1', '0.03']
H5 = ['0.011', '0.02', '0.03', '0.045', '0.09']
TWO = ['0.02', '0.04']


class CountShares:
    """NPS shares and n of an unweighted 0..10 count table (any size)."""

    def __init__(self, counts):
        n = sum(counts)
        self.n = mpmath.mpf(n)
        self.pro = mpmath.mpf(sum(counts[9:])) / n
        self.det = mpmath.mpf(sum(counts[:7])) / n


def counts_summary(counts):
    return CountShares(counts)


def data_a():
    """test/inference.sql's data set A: score least(10, (i*7) % 11 + i % 3), w 1 + (i % 4) / 2."""
    return [(min(10, (i * 7) % 11 + i % 3), 1 + Fraction(i % 4, 2)) for i in range(1, 1001)]


def diff_interval(a, b, confidence, method):
    """(lower, upper) of NPS(b) - NPS(a) in points, clamped to -200..200."""
    def shares(s):
        pro, det, n = s.pro, s.det, s.n
        if method == 'adjusted_wald':
            pro = (pro * n + mpmath.mpf('0.75')) / (n + 3)
            det = (det * n + mpmath.mpf('0.75')) / (n + 3)
            n = n + 3
        return pro, det, n
    pa, da, na = shares(a)
    pb, db, nb = shares(b)
    half = z_of(confidence) * mpmath.sqrt(nps_var(pa, da) / na + nps_var(pb, db) / nb)
    d = (pb - db) - (pa - da)
    clamp = lambda v: max(mpmath.mpf(-200), min(mpmath.mpf(200), v))
    return clamp(100 * (d - half)), clamp(100 * (d + half))


def nps_test_p(a, b):
    z = ((b.pro - b.det) - (a.pro - a.det)) / mpmath.sqrt(
        nps_var(a.pro, a.det) / a.n + nps_var(b.pro, b.det) / b.n)
    return 2 * mpmath.ncdf(-abs(z))


def main():
    mpmath.mp.dps = 40
    c = Checker('padjust.sql')
    r_out = read_r_output()
    print_sql = '--sql' in sys.argv

    rdoc = [Fraction(v) for v in r_out[('rdoc', 'p')]]
    c.claim('the 50 p-values of the test are R\'s', read_rdoc_literal() == rdoc,
            'the array that builds table rdoc in test/padjust.sql, as exact doubles')
    cases = {'rdoc': rdoc, 'ties': [exact(v) for v in TIES], 'h5': [exact(v) for v in H5],
             'two': [exact(v) for v in TWO], 'one': [exact('0.3')]}

    # Hommel: the statsmodels algorithm against the definition (all subsets).
    for name in ('ties', 'h5'):
        vals = [v for v in cases[name] if v is not None]
        for x, y in zip(hommel_closed(vals), hommel_statsmodels(vals)):
            c.agree(f'hommel of {name}: statsmodels algorithm = closed Simes test', x, y, 0)

    for name, p in cases.items():
        for method in METHODS:
            hommel = hommel_statsmodels if name == 'rdoc' else hommel_closed
            got = adjust(p, method, hommel)
            rv = r_out[(name, method)]
            ok = all((x is None) == (y is None) and (x is None or rel_diff(y, x) <= 1e-15)
                     for x, y in zip(got, rv))
            c.claim(f'{name} {method}: R\'s p.adjust agrees to 1e-15', ok, 'R 4.2.2, padjust.R.out')
            if print_sql:
                print(f'-- {name} {method}: {sql_array(got)}')
            if name in ('rdoc', 'ties', 'h5'):
                c.close_array(f'{name}, {method}', got)
            elif name == 'two':
                for k, v in enumerate(got):
                    c.close(f'two p-values, {method}, row {k + 1}', v)
            else:
                c.close(f'one p-value, {method}: unchanged', got[0])
    r_nulls = r_out[('nulls', 'holm')]
    c.claim('only NULLs: R gives NA', all(v is None for v in r_nulls), 'padjust.R.out')

    # nps_diff_lower / nps_diff_upper.
    a = data_a()
    ra = Summary([(s, 1) for s, _ in a])
    rb = Summary([(s, 1) for s, _ in a[:300]])
    rw = Summary(a)
    rbw = Summary(a[:300])
    for label, x, y in [('A - B', rb, ra), ('B - A', ra, rb)]:
        lo, hi = diff_interval(x, y, '0.95', 'wald')
        c.close(f'Wald {label} lower', lo)
        c.close(f'Wald {label} upper', hi)
        if label == 'A - B':
            c.close('Wald A - B midpoint = NPS(A) - NPS(B)', (lo + hi) / 2)
            c.quoted('NPS(A) - NPS(B)', 100 * ((y.pro - y.det) - (x.pro - x.det)), -0.3, 1e-15)
    for x, y, confidence, method, label, suffix in [
            (rb, ra, '0.90', 'wald', 'Wald A - B', ', 90%'),
            (rb, ra, '0.95', 'adjusted_wald', 'adjusted Wald A - B', ''),
            (rbw, rw, '0.95', 'wald', 'weighted Wald A - B', ''),
            (rbw, rw, '0.99', 'adjusted_wald', 'weighted adjusted Wald A - B', ', 99%')]:
        lo, hi = diff_interval(x, y, confidence, method)
        c.close(f'{label} lower{suffix}', lo)
        c.close(f'{label} upper{suffix}', hi)
    c.quoted('Kish n of weighted B', rbw.n, 272.22222222222223, 1e-15)

    # Agreement with nps_test: C against D28 (p > 0.05) and D30 (p < 0.05).
    sc = counts_summary([3, 3, 3, 3, 3, 3, 12, 15, 15, 20, 20])
    for k in (28, 30):
        sd = counts_summary([2, 2, 2, 2, 2, 3, 10, 15, 15, k, k])
        p = nps_test_p(sc, sd)
        lo, hi = diff_interval(sc, sd, '0.95', 'wald')
        c.close(f'nps_test(C, D{k})', p)
        c.close(f'Wald C - D{k} lower', lo)
        c.close(f'Wald C - D{k} upper', hi)
        c.claim(f'D{k}: the 95% interval excludes 0 exactly when p < 0.05',
                (lo > 0 or hi < 0) == (p < 0.05), f'p = {float(p):.6g}, [{float(lo):.6g}, {float(hi):.6g}]')

    # Clamping: all promoters (1) against one promoter and one detractor.
    lo, hi = diff_interval(counts_summary([0] * 10 + [1]), counts_summary([1] + [0] * 9 + [1]), '0.95', 'wald')
    c.exact('Wald lower clamped at -200', lo)
    c.close('Wald upper of the clamped interval', hi)
    lo, hi = diff_interval(counts_summary([1] + [0] * 9 + [1]), counts_summary([0] * 10 + [1]), '0.95', 'wald')
    c.exact('Wald upper clamped at 200', hi)
    lo, hi = diff_interval(counts_summary([5] + [0] * 10), counts_summary([0] * 10 + [5]), '0.95', 'wald')
    c.exact('no spread: the interval is the point 200', lo)
    c.finish()


if __name__ == '__main__':
    main()
