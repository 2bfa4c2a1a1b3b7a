#!/usr/bin/python3
"""Independent reference values for test/ratings_values.sql.

Rebuilds every data set of the test from the same integer formulas and
computes each figure from its definition in exact rational arithmetic
(fractions.Fraction), with statistics.stdev and statistics.median where the
test names them:

  - NPS = 100 (promoters - detractors) / n, promoters 9-10, detractors 0-6;
    with weights, the shares are shares of the total weight;
  - top box / bottom box: % of the answers in the top / bottom k points of
    the declared scale; satisfaction index 100 (mean - lo) / (hi - lo);
  - weighted standard deviation with the Kish denominator
    sqrt(sum w (x - m)^2 / (W - sum w^2 / W)), the square root taken by
    mpmath at 40 digits;
  - weighted median: the smallest answer whose cumulative weight reaches
    W / 2 (the mean of it and the next answer when it reaches W / 2 exactly).

The test's literals are read from test/ratings_values.sql and each must lie
within the test's tolerance (1e-12 relative) of the value printed here; the
counts the test pins with is() are recomputed and compared exactly.  Exit
status 1 when any differs.

Run: /usr/bin/python3 test/reference/ratings_values.py
     (needs python3-mpmath; the tests themselves do not need Python)
"""
import sys
import statistics
from fractions import Fraction

import mpmath

sys.dont_write_bytecode = True     # no __pycache__ beside the scripts
from sqltest import Checker

mpmath.mp.dps = 40


def data_a():
    """i = 1..1000: score least(10, (i*7) % 11 + i % 3), weight 1 + (i % 4) * 0.5."""
    return [(min(10, (i * 7) % 11 + i % 3), 1 + Fraction(i % 4, 2)) for i in range(1, 1001)]


def share(rows, lo, hi):
    """Weighted share (0..1) of the answers lo..hi."""
    total = sum(w for _, w in rows)
    return sum(w for s, w in rows if lo <= s <= hi) / total


def nps(rows):
    """NPS of (score, weight) rows on 0..10, in points."""
    return 100 * (share(rows, 9, 10) - share(rows, 0, 6))


def mean(rows):
    return sum(s * w for s, w in rows) / sum(w for _, w in rows)


def weighted_median(rows):
    total = sum(w for _, w in rows)
    cum = Fraction(0)
    points = sorted({s for s, _ in rows})
    for k, s in enumerate(points):
        cum += sum(w for t, w in rows if t == s)
        if cum > total / 2:
            return Fraction(s)
        if cum == total / 2:
            return (s + points[k + 1]) / Fraction(2)


def pct(rows, lo, hi):
    return 100 * share(rows, lo, hi)


def main():
    c = Checker('ratings_values.sql')
    a = data_a()
    unw = [(s, Fraction(1)) for s, _ in a]
    scores = [s for s, _ in a]

    # Unweighted accessors.
    c.exact('responses', len(a))
    c.exact('total_weight of unweighted = responses', len(a))
    counts = [scores.count(k) for k in range(11)]
    c.exact('histogram counts', counts)
    c.exact('promoters', sum(counts[9:]))
    c.exact('passives', sum(counts[7:9]))
    c.exact('detractors', sum(counts[:7]))
    c.close('nps = 100*(272-545)/1000', nps(unw))
    c.close('promoter_pct', pct(unw, 9, 10))
    c.close('passive_pct', pct(unw, 7, 8))
    c.close('detractor_pct', pct(unw, 0, 6))
    c.close('mean', mean(unw))
    c.close('sample stddev (statistics.stdev)', statistics.stdev(scores))
    c.exact('median', statistics.median(scores))
    c.close('top_box default 2 = % of 9-10', pct(unw, 9, 10))
    c.close('top_box 3 = % of 8-10', pct(unw, 8, 10))
    c.close('bottom_box default 2 = % of 0-1 = 90/1000', pct(unw, 0, 1))
    c.close('satisfaction_index = 100*(5.885-0)/10', 100 * (mean(unw) - 0) / 10)
    c.close('csat = top-2 box of the declared scale', pct(unw, 9, 10))
    c.close('ces = mean', mean(unw))
    c.close('histogram pcts sum to 100', sum(pct(unw, k, k) for k in range(11)))

    # Weighted accessors.
    total = sum(w for _, w in a)
    sum_sq = sum(w * w for _, w in a)
    c.exact('weighted: responses counts rows', len(a))
    c.exact('weighted: total_weight = 1750', total)
    c.exact('weighted: promoters counts rows', sum(counts[9:]))
    c.close('weighted nps', nps(a))
    c.close('weighted promoter_pct', pct(a, 9, 10))
    c.close('weighted detractor_pct', pct(a, 0, 6))
    c.close('weighted mean', mean(a))
    m = mean(a)
    var = sum(w * (s - m) ** 2 for s, w in a) / (total - sum_sq / total)
    sd = mpmath.sqrt(mpmath.mpf(var.numerator) / var.denominator)
    c.close('weighted stddev, Kish denominator', float(sd))
    c.exact('weighted median', weighted_median(a))
    c.exact('sum of squared weights kept', str(sum_sq))

    # One-shot aggregates: the same figures for every score type.
    for t in ('integer', 'smallint', 'bigint', 'numeric', 'double precision'):
        c.close(f'nps({t})', nps(unw))
    c.close('nps(numeric, weight)', nps(a))

    # Overload resolution rows (10, w 2), (0, w 1); (10), (0) unweighted.
    two = [(10, Fraction(2)), (0, Fraction(1))]
    for t in ('smallint, numeric', 'integer, integer', 'bigint, real'):
        c.close(f'nps({t})', nps(two))
    c.close('nps(real) goes through double precision', nps([(10, 1), (0, 1)]))
    c.exact('median of an even count is the mean of the middle two', statistics.median(scores[:10]))

    # CES on 1..7 with NULLs; CSAT on 1..5 with NULLs.
    ces = [1 + (i * 5) % 7 for i in range(1, 701) if i % 13 != 0]
    c.close('ces skips NULLs: mean of 647 answers', Fraction(sum(ces), len(ces)))
    c.exact('effort_agg counts only non-NULL answers', len(ces))
    cs = [(1 + (i * 3) % 5, Fraction(1)) for i in range(1, 501) if i % 9 != 0]
    c.close('csat = % of 4-5', pct(cs, 4, 5))
    c.close('satisfaction_index on 1..5', 100 * (mean(cs) - 1) / 4)

    # Any scale: 1000..1004.
    wide = [(s, Fraction(1)) for s in (1000, 1001, 1001, 1004)]
    c.exact('ratings_agg on 1000..1004',
            'scale=1000..1004 n={%s}' % ','.join(str(sum(1 for s, _ in wide if s == k))
                                                 for k in range(1000, 1005)))
    c.close('satisfaction_index on 1000..1004', 100 * (mean(wide) - 1000) / 4)
    c.exact('median on 1000..1004', statistics.median(s for s, _ in wide))

    # Scale 2147483547..2147483647: one answer at the bottom, five at the top.
    lo, hi = 2147483547, 2147483647
    edge = [(lo, Fraction(1))] + [(hi, Fraction(1))] * 5
    c.close('top_box at INT_MAX', pct(edge, hi - 1, hi))
    c.close('bottom_box at INT_MAX', pct(edge, lo, lo))
    c.close('csat at INT_MAX', pct(edge, hi - 1, hi))
    c.exact('median at INT_MAX', statistics.median(s for s, _ in edge))
    c.close('mean at INT_MAX', mean(edge))

    # NULL and zero weights.
    c.exact('rows with NULL weight are skipped', nps([(10, Fraction(1))]))
    c.exact('a zero-weight response does not move the NPS', nps([(10, Fraction(1)), (0, Fraction(0))]))

    c.finish()


if __name__ == '__main__':
    main()
