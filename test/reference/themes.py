#!/usr/bin/python3
"""Independent reference values for test/themes.sql (theme_impact).

Rebuilds the test's data set T (600 responses, tags from integer formulas)
and the five english comments of the hand-worked example, counts mentions
per term with plain Python sets, and computes each column of theme_impact
from SPEC 4.6 in mpmath at 40 digits:

  - nps = 100 (promoters - detractors) / responses of the responses that
    mention the term (promoters 9-10, detractors 0-6); nps_without the same
    of all the others (comments without the term and responses without a
    comment); impact = NPS of all responses - nps_without;
  - p_value: the two-sided z-test of nps_test(a, b) between the two
    disjoint groups: Var = (p+ + p-) - (p+ - p-)^2 per response,
    z = (NPS_a - NPS_b) / sqrt(Var_a / n_a + Var_b / n_b) on the -1..1
    scale, p = erfc(|z| / sqrt 2); checked against scipy.stats.norm.sf;
  - detractor_z: Monroe, Colaresi & Quinn (2008) eq. 16-22 with the
    informative Dirichlet prior alpha_w = responses (any score) that
    mention w, alpha_0 = sum of alpha_w, y_w^D and y_w^P the detractor and
    promoter responses that mention w, n^D and n^P their sums over all
    terms:  delta = ln((yD + a) / (nD + a0 - yD - a))
                  - ln((yP + a) / (nP + a0 - yP - a)),
            sigma^2 = 1 / (yD + a) + 1 / (yP + a),  z = delta / sigma;
    checked against a second route that follows the paper's notation
    literally (omega = odds with the prior in both numerator and
    denominator), in NumPy doubles over the term x group count matrix, as
    tidylo's bind_log_odds(feature, set, n) lays the data out.

The test's literals are read from test/themes.sql and each must lie within
the test's tolerance (1e-12 relative, 1e-9 for p-values) of the value
printed here.  Exit status 1 when any differs.

Run: /usr/bin/python3 test/reference/themes.py
     (needs python3-numpy python3-scipy python3-mpmath; the tests do not)
"""
import sys

import mpmath
import numpy as np
from scipy import stats

sys.dont_write_bytecode = True     # no __pycache__ beside the scripts
from sqltest import Checker

mpmath.mp.dps = 40


def data_t():
    """Data set T of test/themes.sql: [(score, set of tags or None)]."""
    rows = []
    for i in range(1, 601):
        s = (i * 7 + i // 50) % 11
        if i % 13 == 0:
            rows.append((s, None))
            continue
        tags = set()
        if s <= 6 and i % 3 == 0:
            tags.add('delay')
        if s >= 8 and i % 4 != 1:
            tags.add('staff')
        if i % 2 == 0:
            tags.add('price')
        if i % 97 == 5:
            tags.add('rare')
        if i % 7 == 3:
            tags.add('app')
        if s <= 3 or i % 10 == 0:
            tags.add('invoice')
        tags.add('survey')
        rows.append((s, tags))
    return rows


def data_small():
    """The five english comments, stemmed by hand as the english
    configuration does (stop words the, was dropped)."""
    return [(2, {'invoic', 'late'}), (6, {'deliveri', 'invoic', 'late'}),
            (10, {'great', 'support'}), (9, None), (7, {'slow', 'support'})]


def nps_parts(scores):
    n = len(scores)
    pro = sum(1 for s in scores if s >= 9)
    det = sum(1 for s in scores if s <= 6)
    return n, mpmath.mpf(pro) / n, mpmath.mpf(det) / n


def nps(scores):
    if not scores:
        return None
    n, pro, det = nps_parts(scores)
    return 100 * (pro - det)


def nps_test(a, b):
    if not a or not b:
        return None
    na, pa, da = nps_parts(a)
    nb, pb, db = nps_parts(b)
    va = (pa + da) - (pa - da) ** 2
    vb = (pb + db) - (pb - db) ** 2
    se = mpmath.sqrt(va / na + vb / nb)
    if se == 0:
        return None
    z = ((pa - da) - (pb - db)) / se
    p = mpmath.erfc(abs(z) / mpmath.sqrt(2))
    scipy_p = 2 * stats.norm.sf(abs(float(z)))
    assert abs(float(p) - scipy_p) <= 1e-12 * max(float(p), 1e-300), (p, scipy_p)
    return p


def monroe_z(rows):
    """detractor_z of every term, by the SPEC formula in mpmath."""
    terms = sorted({w for _, tags in rows if tags for w in tags})
    yd = {w: sum(1 for s, t in rows if t and w in t and s <= 6) for w in terms}
    yp = {w: sum(1 for s, t in rows if t and w in t and s >= 9) for w in terms}
    alpha = {w: sum(1 for _, t in rows if t and w in t) for w in terms}
    nd, np_, a0 = sum(yd.values()), sum(yp.values()), sum(alpha.values())
    out = {}
    for w in terms:
        a = alpha[w]
        if a0 == a:
            out[w] = None
            continue
        d, p = mpmath.mpf(yd[w] + a), mpmath.mpf(yp[w] + a)
        delta = mpmath.log(d / (nd + a0 - d)) - mpmath.log(p / (np_ + a0 - p))
        out[w] = delta / mpmath.sqrt(1 / d + 1 / p)
    return out


def monroe_z_matrix(rows):
    """The same by the paper's notation over a count matrix, in doubles:
    y[w, g] responses of group g (0 detractors, 1 promoters) mentioning w,
    prior alpha_w from all responses; omega_wg = (y_wg + alpha_w) /
    (n_g + alpha_0 - y_wg - alpha_w)."""
    terms = sorted({w for _, tags in rows if tags for w in tags})
    y = np.zeros((len(terms), 2))
    alpha = np.zeros(len(terms))
    for s, tags in rows:
        for k, w in enumerate(terms):
            if tags and w in tags:
                alpha[k] += 1
                if s <= 6:
                    y[k, 0] += 1
                elif s >= 9:
                    y[k, 1] += 1
    n = y.sum(axis=0)
    a0 = alpha.sum()
    with np.errstate(divide='ignore', invalid='ignore'):
        num = y + alpha[:, None]
        omega = num / (n[None, :] + a0 - num)
        delta = np.log(omega[:, 0]) - np.log(omega[:, 1])
        z = delta / np.sqrt(1 / num[:, 0] + 1 / num[:, 1])
    return {w: (None if a0 == alpha[k] else float(z[k])) for k, w in enumerate(terms)}


def theme_rows(rows):
    """theme_impact(t, 0) as {term: (mentions, mention_pct, nps, nps_without,
    impact, p_value, detractor_z)}."""
    scores = [s for s, _ in rows]
    total = nps(scores)
    z = monroe_z(rows)
    z2 = monroe_z_matrix(rows)
    out = {}
    for w in sorted(z):
        with_ = [s for s, t in rows if t and w in t]
        without = [s for s, t in rows if not (t and w in t)]
        nw = nps(without)
        if z[w] is not None:
            assert abs(float(z[w]) - z2[w]) <= 1e-12 * abs(z2[w]), (w, z[w], z2[w])
        else:
            assert z2[w] is None
        out[w] = (len(with_), mpmath.mpf(100) * len(with_) / len(rows), nps(with_), nw,
                  None if nw is None else total - nw, nps_test(with_, without), z[w])
    return out


def f(v):
    return None if v is None else float(v)


def main():
    c = Checker('themes.sql')
    small = theme_rows(data_small())
    c.exact('small: every term with min_mentions 0, in term order',
            ' '.join(f'{w}:{small[w][0]}' for w in small))
    late = small['late']
    c.close_array('small: late by hand', [f(v) for v in late[1:5]] + [f(late[6])])
    c.close('small: p_value of late', f(late[5]))
    rows = data_t()
    t = theme_rows(rows)
    c.exact('T: terms and mentions, min_mentions 10',
            ' '.join(f'{w}:{t[w][0]}' for w in t if t[w][0] >= 10))
    for w in t:
        m, pct, n1, n0, imp, p, z = t[w]
        c.close_array(f'T: {w}', [f(pct), f(n1), f(n0), f(imp), f(z)])
        c.close(f'T: p_value of {w}', f(p))
    c.claim('min_mentions 7 keeps rare (7 mentions)', t['rare'][0] == 7, f"rare: {t['rare'][0]} mentions")
    c.finish()


if __name__ == '__main__':
    main()
