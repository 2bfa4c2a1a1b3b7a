#!/usr/bin/env python3
"""Independent reference values for test/drivers_values.sql.

Rebuilds the test data sets from the same integer formulas as the SQL test
and computes every figure of key driver analysis with NumPy and SciPy, by
different routes from the C code:

  - pairwise-complete correlations: np.corrcoef on the rows where both
    variables were answered (rows without an outcome dropped first);
  - R² and standardized betas: np.linalg.solve on the correlation matrix;
    for the complete-case data set also an ordinary least-squares fit of
    the raw data (np.linalg.lstsq), which does not go through correlations;
  - Johnson's relative weights: np.linalg.eigh for the square root of Rxx;
  - Shapley / LMG shares: brute force over all k! orders of entry
    (relaimpo's definition), R² of each subset by np.linalg.solve;
  - p-values: scipy.stats.pearsonr on the pair-complete rows.

Run: python3 test/drivers_reference.py   (needs python3-numpy python3-scipy)
The tests pin the printed numbers as literals; they do not need Python.
"""
import itertools
import math

import numpy as np
from scipy import stats


def dataset_a():
    """600 respondents, 5 drivers on 1..5, outcome 0..10, with gaps."""
    rows = []
    for i in range(1, 601):
        g = (i * 17) % 11
        d1 = 1 + (g + (i * 7 + 3) % 5) // 3
        d2 = 1 + (g + ((i * 13 + 1) % 7) * 2) // 5
        d3 = 1 + ((i * 31 + 5) % 9) // 2
        d4 = 1 + ((i * i) % 13 + g) // 5
        d5 = 1 + ((i * 23 + 2 * g) % 10) // 2
        y = None if i % 23 == 0 else min(10, (3 * d1 + 2 * d2 + d3 + (i * 19) % 6 + g) // 3)
        x = [d1,
             None if i % 7 == 2 else d2,
             None if i % 5 == 1 else d3,
             None if i % 11 in (3, 4) else d4,
             None if i % 13 == 6 else d5]
        rows.append((y, x))
    return rows


def dataset_b():
    """300 respondents, 3 real-valued drivers, no gaps (complete cases)."""
    rows = []
    for i in range(1, 301):
        a = ((i * 37) % 101) / 10.0
        b = ((i * 53 + 17) % 97) / 10.0
        c = ((i * i * 7 + 3 * i) % 89) / 10.0
        x = [a, 0.5 * a + b, c - 0.25 * b]
        y = 2.0 * a - 1.0 * b + 0.5 * c + ((i * 19) % 13) / 4.0
        rows.append((y, x))
    return rows


PRIMES = [3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59,
          61, 67, 71, 73, 79, 83, 89, 97, 101, 103, 107, 109, 113, 127, 131, 137]


def dataset_d(k):
    """2000 respondents, k drivers (k <= 32): x_j = ((i p_j + j) mod 211) mod (j + 5)."""
    rows = []
    for i in range(1, 2001):
        x = [float(((i * PRIMES[j] + j) % 211) % (j + 5)) for j in range(k)]
        y = float(sum((j % 3) * x[j] for j in range(k)) + (i * 19) % 13)
        rows.append((y, x))
    return rows


def to_arrays(rows):
    rows = [r for r in rows if r[0] is not None]
    y = np.array([r[0] for r in rows], dtype=float)
    x = np.array([[np.nan if v is None else v for v in r[1]] for r in rows], dtype=float)
    return y, x


def pair_corr(a, b):
    ok = ~np.isnan(a) & ~np.isnan(b)
    return np.corrcoef(a[ok], b[ok])[0, 1], ok


def r2_of(rxx, rxy, subset, memo=None):
    if not subset:
        return 0.0
    if memo is not None:
        key = frozenset(subset)
        if key not in memo:
            memo[key] = r2_of(rxx, rxy, sorted(key))
        return memo[key]
    s = list(subset)
    sub = rxx[np.ix_(s, s)]
    r = rxy[s]
    return float(r @ np.linalg.solve(sub, r))


def analyse_big(rows):
    """R², betas and relative weights for many drivers (no Shapley)."""
    y, x = to_arrays(rows)
    k = x.shape[1]
    design = np.column_stack([np.ones(len(y)), x])
    coef, *_ = np.linalg.lstsq(design, y, rcond=None)
    resid = y - design @ coef
    r2_ols = 1 - resid @ resid / ((y - y.mean()) @ (y - y.mean()))
    sbeta = coef[1:] * x.std(axis=0, ddof=1) / y.std(ddof=1)
    r = np.corrcoef(np.column_stack([x, y]).T)
    rxx, rxy = r[:k, :k], r[:k, k]
    w, v = np.linalg.eigh(rxx)
    lam = v @ np.diag(np.sqrt(w)) @ v.T
    rw = (lam ** 2) @ (np.linalg.solve(lam, rxy) ** 2)
    print(f"k={k}: OLS R2 = {r2_ols!r}; beta[0] = {sbeta[0]!r}, beta[-1] = {sbeta[-1]!r}")
    print(f"    rw[0] = {rw[0]!r}, rw[-1] = {rw[-1]!r}, sum rw = {rw.sum()!r}")


def analyse(rows, names):
    y, x = to_arrays(rows)
    k = x.shape[1]
    rxx = np.eye(k)
    rxy = np.zeros(k)
    out = []
    for i in range(k):
        rxy[i], ok = pair_corr(x[:, i], y)
        for j in range(i + 1, k):
            rxx[i, j] = rxx[j, i] = pair_corr(x[:, i], x[:, j])[0]
    beta = np.linalg.solve(rxx, rxy)
    r2 = float(rxy @ beta)
    w, v = np.linalg.eigh(rxx)
    lam = v @ np.diag(np.sqrt(w)) @ v.T
    bstar = np.linalg.solve(lam, rxy)
    rw = (lam ** 2) @ (bstar ** 2)
    shap = np.zeros(k)
    perms = list(itertools.permutations(range(k)))
    for p in perms:
        for pos, j in enumerate(p):
            shap[j] += r2_of(rxx, rxy, p[:pos + 1]) - r2_of(rxx, rxy, p[:pos])
    shap /= len(perms)
    print(f"R2 = {r2!r}")
    print(f"sum rw = {rw.sum()!r}, sum shapley = {shap.sum()!r}")
    means = []
    for i in range(k):
        ok = ~np.isnan(x[:, i])
        n = int(ok.sum())
        mean = float(x[ok, i].mean())
        means.append(mean)
        pr = stats.pearsonr(x[ok, i], y[ok])
        out.append([names[i], n, mean, rxy[i], float(pr[1]), beta[i], rw[i], shap[i]])
    rwm = rw.mean()
    mm = np.mean(means)
    for row in out:
        rank = 1 + sum(1 for o in out if o[6] > row[6])
        imp = row[6] >= rwm
        strong = row[2] >= mm
        quad = {(True, False): 'concentrate here', (True, True): 'keep up the good work',
                (False, False): 'low priority', (False, True): 'possible overkill'}[(imp, strong)]
        print(f"{row[0]}: n={row[1]} mean={row[2]!r} r={row[3]!r} p={row[4]!r}")
        print(f"    beta={row[5]!r} rw={row[6]!r} shapley={row[7]!r} rank={rank} {quad}")
    return y, x, r2


if __name__ == "__main__":
    print("== data set A (pairwise deletion)")
    analyse(dataset_a(), ['need', 'offer', 'order', 'delivery', 'invoice'])
    print("== data set B (complete cases)")
    y, x, r2 = analyse(dataset_b(), ['1', '2', '3'])
    # Ordinary least squares on the raw data, not through correlations.
    design = np.column_stack([np.ones(len(y)), x])
    coef, *_ = np.linalg.lstsq(design, y, rcond=None)
    resid = y - design @ coef
    r2_ols = 1 - resid @ resid / ((y - y.mean()) @ (y - y.mean()))
    sbeta = coef[1:] * x.std(axis=0, ddof=1) / y.std(ddof=1)
    print(f"OLS R2 = {r2_ols!r}; standardized betas = {[float(b) for b in sbeta]!r}")
    print("== data set D (many drivers, complete cases)")
    analyse_big(dataset_d(32))
    print("== data set D, the first 8 of its 32 drivers: Shapley over all 8! = 40320 orders")
    y, x = to_arrays(dataset_d(32))
    x = x[:, :8]
    r = np.corrcoef(np.column_stack([x, y]).T)
    rxx, rxy = r[:8, :8], r[:8, 8]
    memo = {}
    shap = np.zeros(8)
    for p in itertools.permutations(range(8)):
        for pos, j in enumerate(p):
            shap[j] += r2_of(rxx, rxy, p[:pos + 1], memo) - r2_of(rxx, rxy, p[:pos], memo)
    shap /= math.factorial(8)
    print(f"R2 = {r2_of(rxx, rxy, range(8))!r}; shapley = {[float(v) for v in shap]!r}")
    print("== one driver: first 40 rows of A, driver 1 only")
    rows = [(r[0], r[1][:1]) for r in dataset_a()[:40]]
    analyse(rows, ['1'])
