-- p_adjust and nps_diff_lower / nps_diff_upper (README.md: "Comparing many
-- segments at once").  Expected values: test/reference/padjust.py computes
-- every adjusted p-value from the textbook definition of its method in exact
-- rational arithmetic (fractions.Fraction; hommel as the closed test of
-- Simes tests, by enumerating every subset, and for the 50 p-values of R's
-- example by statsmodels' algorithm, checked against the enumeration), and
-- checks each literal below against it and against R's own p.adjust, whose
-- output test/reference/padjust.R stored in test/reference/padjust.R.out
-- (R 4.2.2).  The nps_diff intervals come from their formula in mpmath at 40
-- digits, with test/reference/inference.py's shares and Kish n.  Run
-- /usr/bin/python3 test/reference/padjust.py; this test needs neither Python
-- nor R.
\ir helpers.psql
SELECT plan(99);

-- R's example (?p.adjust): set.seed(123); x <- rnorm(50, mean = c(rep(0, 25),
-- rep(3, 25))); p <- 2*pnorm(sort(-abs(x))).  The 50 p-values in the shortest
-- form that reads back to R's doubles (padjust.R.out; padjust.py checks
-- that they do).
CREATE TEMP TABLE rdoc AS
SELECT i::int, p FROM unnest('{2.3540535079793408e-07,2.101590240724286e-05,2.5768418740401113e-05,9.814783323607358e-05,0.00010526095883054314,0.0001241480728928015,0.00013259880192358452,0.0001568503312556776,0.00022545573276267595,0.00037953803092710003,0.0006114943153409418,0.0016139537290707732,0.0033024296231373793,0.0035383417761100746,0.005236996580574576,0.006831908931433102,0.007059225658932608,0.00880512860101142,0.009401039839672774,0.01129798083228886,0.021150168138838837,0.04922736403042035,0.06053297750530709,0.06262239467360387,0.07395152893216843,0.08281103282403875,0.08633331278958697,0.11906543306177111,0.18907962539672907,0.20584937780834683,0.220921371984431,0.285600042559897,0.304889487308354,0.46606820025984125,0.483080935233713,0.4921754604884912,0.5319452860627729,0.5751550464079549,0.5783194623457439,0.6185894340952126,0.6363620047513514,0.6448587242866547,0.6558414392844387,0.6885884000579943,0.7189863623042438,0.8179538530560941,0.8274486566907979,0.897129975905795,0.9118679524340925,0.9437890217837834}'::float8[]) WITH ORDINALITY AS u(p, i);

-- 2. Ties, p = 0, p = 1 and two NULLs among 13 rows (n = 11): a tie gets one
-- adjusted value; NULLs stay NULL and do not count in n.  The frame is the
-- current row alone, which p_adjust ignores: it reads the whole partition.
CREATE TEMP TABLE ties AS
SELECT i::int, p FROM unnest('{0.01,0,0.04,0.02,NULL,0.01,1,0.02,0.5,NULL,0.02,1,0.03}'::float8[])
    WITH ORDINALITY AS u(p, i);

-- 3. Five p-values where hommel differs from hochberg.
CREATE TEMP TABLE h5 AS
SELECT i::int, p FROM unnest('{0.011,0.02,0.03,0.045,0.09}'::float8[]) WITH ORDINALITY AS u(p, i);

-- Every method on each data set: R's example over the whole table (OVER ()),
-- the ties with a frame of the current row alone, and the five p-values
-- ordered by p descending (a growing frame): p_adjust reads the whole
-- partition whatever the frame and ORDER BY.
SELECT pg_temp.all_close(got, want, descr)
FROM (VALUES
    ('rdoc', 'holm', '{1.1770267539896705e-05,0.0010297792179549,0.0012368840995392533,0.004612948162095458,0.0048420041062049845,0.005586663280176068,0.005834347284637719,0.006744564243994137,0.00946914077603239,0.015561059268011102,0.024459772613637673,0.06294419543376015,0.12549232567922042,0.13091864571607276,0.18853187690068474,0.23911681260015857,0.24001367240370866,0.29056924383337684,0.30083327486952877,0.3502374058009547,0.6345050441651651,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0}'::float8[], 'rdoc, holm'),
    ('rdoc', 'hochberg', '{1.1770267539896705e-05,0.0010297792179549,0.0012368840995392533,0.004612948162095458,0.0048420041062049845,0.005586663280176068,0.005834347284637719,0.006744564243994137,0.00946914077603239,0.015561059268011102,0.024459772613637673,0.06294419543376015,0.12549232567922042,0.13091864571607276,0.18853187690068474,0.23911681260015857,0.24001367240370866,0.29056924383337684,0.30083327486952877,0.3502374058009547,0.6345050441651651,0.9437890217837834,0.9437890217837834,0.9437890217837834,0.9437890217837834,0.9437890217837834,0.9437890217837834,0.9437890217837834,0.9437890217837834,0.9437890217837834,0.9437890217837834,0.9437890217837834,0.9437890217837834,0.9437890217837834,0.9437890217837834,0.9437890217837834,0.9437890217837834,0.9437890217837834,0.9437890217837834,0.9437890217837834,0.9437890217837834,0.9437890217837834,0.9437890217837834,0.9437890217837834,0.9437890217837834,0.9437890217837834,0.9437890217837834,0.9437890217837834,0.9437890217837834,0.9437890217837834}'::float8[], 'rdoc, hochberg'),
    ('rdoc', 'hommel', '{1.1770267539896705e-05,0.0010087633155476572,0.0012368840995392533,0.004220356829151164,0.004526221229713355,0.005214219061497663,0.00556914968079055,0.00658771391273846,0.009243685043269714,0.015181521237084002,0.024459772613637673,0.058102334246547836,0.10898017756353352,0.11676527861163247,0.16758389057838644,0.21178917687442617,0.21883599542691085,0.27295898663135404,0.291432235029856,0.3389394249686658,0.5710545397486486,0.9437890217837834,0.9437890217837834,0.9437890217837834,0.9437890217837834,0.9437890217837834,0.9437890217837834,0.9437890217837834,0.9437890217837834,0.9437890217837834,0.9437890217837834,0.9437890217837834,0.9437890217837834,0.9437890217837834,0.9437890217837834,0.9437890217837834,0.9437890217837834,0.9437890217837834,0.9437890217837834,0.9437890217837834,0.9437890217837834,0.9437890217837834,0.9437890217837834,0.9437890217837834,0.9437890217837834,0.9437890217837834,0.9437890217837834,0.9437890217837834,0.9437890217837834,0.9437890217837834}'::float8[], 'rdoc, hommel'),
    ('rdoc', 'bonferroni', '{1.1770267539896705e-05,0.001050795120362143,0.0012884209370200557,0.004907391661803679,0.005263047941527157,0.006207403644640075,0.006629940096179226,0.007842516562783881,0.011272786638133797,0.018976901546355,0.03057471576704709,0.08069768645353866,0.16512148115686898,0.17691708880550372,0.26184982902872883,0.3415954465716551,0.3529612829466304,0.440256430050571,0.4700519919836387,0.564899041614443,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0}'::float8[], 'rdoc, bonferroni'),
    ('rdoc', 'BH', '{1.1770267539896705e-05,0.0004294736456733519,0.0004294736456733519,0.0009471342994541752,0.0009471342994541752,0.0009471342994541752,0.0009471342994541752,0.0009803145703479851,0.0012525318486815331,0.0018976901546355002,0.002779519615186099,0.006724807204461555,0.012636934914678839,0.012636934914678839,0.017456655268581922,0.020762428408625317,0.020762428408625317,0.024458690558365057,0.024739578525454668,0.02824495208072215,0.05035754318771152,0.11188037279640989,0.13046332223667473,0.13046332223667473,0.14790305786433686,0.15925198620007452,0.1598765051659018,0.2126168447531627,0.3259993541322915,0.34308229634724474,0.3563247935232758,0.4462500664998391,0.46195376864902127,0.6835770284562378,0.6835770284562378,0.6835770284562378,0.7188449811659093,0.7414352081355692,0.7414352081355692,0.7626063247493473,0.7626063247493473,0.7626063247493473,0.7626063247493473,0.7824868182477207,0.7988737358936042,0.8802645283944659,0.8802645283944659,0.9304775024837678,0.9304775024837678,0.9437890217837834}'::float8[], 'rdoc, BH'),
    ('rdoc', 'fdr', '{1.1770267539896705e-05,0.0004294736456733519,0.0004294736456733519,0.0009471342994541752,0.0009471342994541752,0.0009471342994541752,0.0009471342994541752,0.0009803145703479851,0.0012525318486815331,0.0018976901546355002,0.002779519615186099,0.006724807204461555,0.012636934914678839,0.012636934914678839,0.017456655268581922,0.020762428408625317,0.020762428408625317,0.024458690558365057,0.024739578525454668,0.02824495208072215,0.05035754318771152,0.11188037279640989,0.13046332223667473,0.13046332223667473,0.14790305786433686,0.15925198620007452,0.1598765051659018,0.2126168447531627,0.3259993541322915,0.34308229634724474,0.3563247935232758,0.4462500664998391,0.46195376864902127,0.6835770284562378,0.6835770284562378,0.6835770284562378,0.7188449811659093,0.7414352081355692,0.7414352081355692,0.7626063247493473,0.7626063247493473,0.7626063247493473,0.7626063247493473,0.7824868182477207,0.7988737358936042,0.8802645283944659,0.8802645283944659,0.9304775024837678,0.9304775024837678,0.9437890217837834}'::float8[], 'rdoc, fdr'),
    ('rdoc', 'BY', '{5.29568505490688e-05,0.0019322901192853448,0.0019322901192853448,0.004261351696219125,0.004261351696219125,0.004261351696219125,0.004261351696219125,0.004410636548151771,0.005635397980015577,0.008538097674231235,0.012505629490636647,0.030256288473549605,0.056856165028244525,0.056856165028244525,0.07854107657378026,0.09341442873276953,0.09341442873276953,0.11004467112874357,0.11130844376974565,0.1270798391824439,0.22656892713530621,0.5033727705398935,0.5869812758634388,0.5869812758634388,0.6654462274984703,0.7165073864509391,0.7193172255158773,0.9566068429321882,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0}'::float8[], 'rdoc, BY'),
    ('rdoc', 'none', '{2.3540535079793408e-07,2.101590240724286e-05,2.5768418740401113e-05,9.814783323607358e-05,0.00010526095883054314,0.0001241480728928015,0.00013259880192358452,0.0001568503312556776,0.00022545573276267595,0.00037953803092710003,0.0006114943153409418,0.0016139537290707732,0.0033024296231373793,0.0035383417761100746,0.005236996580574576,0.006831908931433102,0.007059225658932608,0.00880512860101142,0.009401039839672774,0.01129798083228886,0.021150168138838837,0.04922736403042035,0.06053297750530709,0.06262239467360387,0.07395152893216843,0.08281103282403875,0.08633331278958697,0.11906543306177111,0.18907962539672907,0.20584937780834683,0.220921371984431,0.285600042559897,0.304889487308354,0.46606820025984125,0.483080935233713,0.4921754604884912,0.5319452860627729,0.5751550464079549,0.5783194623457439,0.6185894340952126,0.6363620047513514,0.6448587242866547,0.6558414392844387,0.6885884000579943,0.7189863623042438,0.8179538530560941,0.8274486566907979,0.897129975905795,0.9118679524340925,0.9437890217837834}'::float8[], 'rdoc, none'),
    ('ties', 'holm', '{0.1,0.0,0.16,0.16,NULL,0.1,1.0,0.16,1.0,NULL,0.16,1.0,0.16}'::float8[], 'ties, holm'),
    ('ties', 'hochberg', '{0.09,0.0,0.16,0.12,NULL,0.09,1.0,0.12,1.0,NULL,0.12,1.0,0.15}'::float8[], 'ties, hochberg'),
    ('ties', 'hommel', '{0.06999999999999999,0.0,0.16,0.1,NULL,0.06999999999999999,1.0,0.1,1.0,NULL,0.1,1.0,0.12}'::float8[], 'ties, hommel'),
    ('ties', 'bonferroni', '{0.11,0.0,0.44,0.22,NULL,0.11,1.0,0.22,1.0,NULL,0.22,1.0,0.32999999999999996}'::float8[], 'ties, bonferroni'),
    ('ties', 'BH', '{0.03666666666666667,0.0,0.055,0.03666666666666667,NULL,0.03666666666666667,1.0,0.03666666666666667,0.6111111111111112,NULL,0.03666666666666667,1.0,0.04714285714285714}'::float8[], 'ties, BH'),
    ('ties', 'fdr', '{0.03666666666666667,0.0,0.055,0.03666666666666667,NULL,0.03666666666666667,1.0,0.03666666666666667,0.6111111111111112,NULL,0.03666666666666667,1.0,0.04714285714285714}'::float8[], 'ties, fdr'),
    ('ties', 'BY', '{0.11072883597883598,0.0,0.16609325396825397,0.11072883597883598,NULL,0.11072883597883598,1.0,0.11072883597883598,1.0,NULL,0.11072883597883598,1.0,0.1423656462585034}'::float8[], 'ties, BY'),
    ('ties', 'none', '{0.01,0.0,0.04,0.02,NULL,0.01,1.0,0.02,0.5,NULL,0.02,1.0,0.03}'::float8[], 'ties, none'),
    ('h5', 'holm', '{0.05499999999999999,0.08,0.09,0.09,0.09}'::float8[], 'h5, holm'),
    ('h5', 'hochberg', '{0.05499999999999999,0.08,0.09,0.09,0.09}'::float8[], 'h5, hochberg'),
    ('h5', 'hommel', '{0.049999999999999996,0.06,0.0675,0.09,0.09}'::float8[], 'h5, hommel'),
    ('h5', 'bonferroni', '{0.05499999999999999,0.1,0.15,0.22499999999999998,0.44999999999999996}'::float8[], 'h5, bonferroni'),
    ('h5', 'BH', '{0.049999999999999996,0.049999999999999996,0.049999999999999996,0.056249999999999994,0.09}'::float8[], 'h5, BH'),
    ('h5', 'fdr', '{0.049999999999999996,0.049999999999999996,0.049999999999999996,0.056249999999999994,0.09}'::float8[], 'h5, fdr'),
    ('h5', 'BY', '{0.11416666666666667,0.11416666666666667,0.11416666666666667,0.12843749999999998,0.2055}'::float8[], 'h5, BY'),
    ('h5', 'none', '{0.011,0.02,0.03,0.045,0.09}'::float8[], 'h5, none')
) v(data, method, want, descr),
LATERAL (SELECT array_agg(adj ORDER BY i) AS got
         FROM (SELECT i, p_adjust(p, v.method) OVER () AS adj FROM rdoc WHERE v.data = 'rdoc'
               UNION ALL SELECT i, p_adjust(p, v.method) OVER (ORDER BY i ROWS BETWEEN CURRENT ROW AND CURRENT ROW) AS adj FROM ties WHERE v.data = 'ties'
               UNION ALL SELECT i, p_adjust(p, v.method) OVER (ORDER BY p DESC) AS adj FROM h5 WHERE v.data = 'h5') x) g;
-- The default method is holm.
SELECT pg_temp.all_close(array_agg(adj ORDER BY i), '{0.05499999999999999,0.08,0.09,0.09,0.09}'::float8[], 'h5, holm')
FROM (SELECT i, p_adjust(p) OVER (ORDER BY i) AS adj FROM h5) x;

-- 4. Two p-values, 0.02 and 0.04 (R makes hommel hochberg when n = 2).
SELECT pg_temp.is_close(adj, want, descr)
FROM (VALUES
    ('holm', 1, 0.04, 'two p-values, holm, row 1'),
    ('holm', 2, 0.04, 'two p-values, holm, row 2'),
    ('hochberg', 1, 0.04, 'two p-values, hochberg, row 1'),
    ('hochberg', 2, 0.04, 'two p-values, hochberg, row 2'),
    ('hommel', 1, 0.04, 'two p-values, hommel, row 1'),
    ('hommel', 2, 0.04, 'two p-values, hommel, row 2'),
    ('bonferroni', 1, 0.04, 'two p-values, bonferroni, row 1'),
    ('bonferroni', 2, 0.08, 'two p-values, bonferroni, row 2'),
    ('BH', 1, 0.04, 'two p-values, BH, row 1'),
    ('BH', 2, 0.04, 'two p-values, BH, row 2'),
    ('fdr', 1, 0.04, 'two p-values, fdr, row 1'),
    ('fdr', 2, 0.04, 'two p-values, fdr, row 2'),
    ('BY', 1, 0.06, 'two p-values, BY, row 1'),
    ('BY', 2, 0.06, 'two p-values, BY, row 2'),
    ('none', 1, 0.02, 'two p-values, none, row 1'),
    ('none', 2, 0.04, 'two p-values, none, row 2')
) c(method, row_, want, descr),
LATERAL (SELECT adj FROM (SELECT i, p_adjust(p, c.method) OVER () AS adj
                          FROM (VALUES (1, 0.02::float8), (2, 0.04)) v(i, p)) x
         WHERE i = c.row_) a;

-- 5. One p-value, with a NULL beside it: nothing to adjust, R returns it.
SELECT pg_temp.is_close(adj, want, descr)
FROM (VALUES
    ('holm', 0.3, 'one p-value, holm: unchanged'),
    ('hochberg', 0.3, 'one p-value, hochberg: unchanged'),
    ('hommel', 0.3, 'one p-value, hommel: unchanged'),
    ('bonferroni', 0.3, 'one p-value, bonferroni: unchanged'),
    ('BH', 0.3, 'one p-value, BH: unchanged'),
    ('fdr', 0.3, 'one p-value, fdr: unchanged'),
    ('BY', 0.3, 'one p-value, BY: unchanged'),
    ('none', 0.3, 'one p-value, none: unchanged')
) c(method, want, descr),
LATERAL (SELECT adj FROM (SELECT p, p_adjust(p, c.method) OVER () AS adj
                          FROM (VALUES (0.3::float8), (NULL)) v(p)) x
         WHERE p IS NOT NULL) a;

-- 6. Partitions: each is adjusted on its own (R's example and the ties in
-- one query), whatever the ORDER BY and frame.
CREATE TEMP TABLE both_ AS
SELECT 'rdoc' AS g, i, p FROM rdoc UNION ALL SELECT 'ties', i, p FROM ties;
SELECT pg_temp.all_close(array_agg(adj ORDER BY i) FILTER (WHERE g = 'ties'), '{0.03666666666666667,0.0,0.055,0.03666666666666667,NULL,0.03666666666666667,1.0,0.03666666666666667,0.6111111111111112,NULL,0.03666666666666667,1.0,0.04714285714285714}'::float8[], 'ties, BH')
FROM (SELECT g, i, p_adjust(p, 'BH') OVER (PARTITION BY g ORDER BY p DESC ROWS 2 PRECEDING) AS adj
      FROM both_) x;
SELECT pg_temp.all_close(array_agg(adj ORDER BY i) FILTER (WHERE g = 'rdoc'), '{1.1770267539896705e-05,0.0004294736456733519,0.0004294736456733519,0.0009471342994541752,0.0009471342994541752,0.0009471342994541752,0.0009471342994541752,0.0009803145703479851,0.0012525318486815331,0.0018976901546355002,0.002779519615186099,0.006724807204461555,0.012636934914678839,0.012636934914678839,0.017456655268581922,0.020762428408625317,0.020762428408625317,0.024458690558365057,0.024739578525454668,0.02824495208072215,0.05035754318771152,0.11188037279640989,0.13046332223667473,0.13046332223667473,0.14790305786433686,0.15925198620007452,0.1598765051659018,0.2126168447531627,0.3259993541322915,0.34308229634724474,0.3563247935232758,0.4462500664998391,0.46195376864902127,0.6835770284562378,0.6835770284562378,0.6835770284562378,0.7188449811659093,0.7414352081355692,0.7414352081355692,0.7626063247493473,0.7626063247493473,0.7626063247493473,0.7626063247493473,0.7824868182477207,0.7988737358936042,0.8802645283944659,0.8802645283944659,0.9304775024837678,0.9304775024837678,0.9437890217837834}'::float8[], 'rdoc, BH')
FROM (SELECT g, i, p_adjust(p, 'BH') OVER (PARTITION BY g ORDER BY p DESC ROWS 2 PRECEDING) AS adj
      FROM both_) x;
SELECT pg_temp.all_close(array_agg(adj ORDER BY i) FILTER (WHERE g = 'ties'), '{0.06999999999999999,0.0,0.16,0.1,NULL,0.06999999999999999,1.0,0.1,1.0,NULL,0.1,1.0,0.12}'::float8[], 'ties, hommel')
FROM (SELECT g, i, p_adjust(p, 'hommel')
                     OVER (PARTITION BY g ORDER BY i RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS adj
      FROM both_) x;
-- The method may differ between partitions (one method per partition).
SELECT pg_temp.is_close(adj, 0.08, 'two p-values, bonferroni, row 2')
FROM (SELECT g, i, p_adjust(p, m) OVER (PARTITION BY g) AS adj
      FROM (VALUES (1, 1, 0.02::float8, 'holm'), (1, 2, 0.04, 'holm'),
                   (2, 1, 0.02, 'bonferroni'), (2, 2, 0.04, 'bonferroni')) v(g, i, p, m)) x
WHERE g = 2 AND i = 2;
SELECT pg_temp.is_close(adj, 0.04, 'two p-values, holm, row 1')
FROM (SELECT g, i, p_adjust(p, m) OVER (PARTITION BY g) AS adj
      FROM (VALUES (1, 1, 0.02::float8, 'holm'), (1, 2, 0.04, 'holm'),
                   (2, 1, 0.02, 'bonferroni'), (2, 2, 0.04, 'bonferroni')) v(g, i, p, m)) x
WHERE g = 1 AND i = 1;

-- 7. NULLs and empty partitions.
SELECT is(count(*), 2::bigint, 'only NULL p-values: a row each, every one NULL')
FROM (SELECT p_adjust(p, 'BH') OVER () AS adj FROM (VALUES (NULL::float8), (NULL)) v(p)) x
WHERE adj IS NULL;
SELECT is((SELECT count(*) FROM (SELECT p_adjust(p) OVER () FROM rdoc WHERE false) x), 0::bigint,
          'no rows: no partition, no result');
SELECT is(count(adj), 0::bigint, 'a NULL method gives NULL for every row')
FROM (SELECT p_adjust(p, NULL) OVER () AS adj FROM h5) x;
SELECT is(count(*) FILTER (WHERE adj IS NULL), 5::bigint,
          'a partition of NULLs beside one of p-values: its 5 rows NULL, the others not')
FROM (SELECT g, p_adjust(p, 'holm') OVER (PARTITION BY g) AS adj
      FROM (SELECT 'h5' AS g, p FROM h5
            UNION ALL SELECT 'nulls', NULL::float8 FROM generate_series(1, 5)) u) x;

-- 8. A parallel scan below the window (WindowAgg runs above the Gather): 20
-- copies of R's example, one partition each, give R's values in each.
-- A plain table, rolled back at the end: temporary tables are never scanned
-- in parallel.
CREATE TABLE padjust_copies AS SELECT k, i, p FROM rdoc, generate_series(1, 20) k;
ANALYZE padjust_copies;
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
SELECT matches(pg_temp.plan_of('SELECT k, i, p_adjust(p, ''BH'') OVER (PARTITION BY k) FROM padjust_copies'),
               'Gather', 'the plan scans in parallel');
SELECT pg_temp.all_close(array_agg(adj ORDER BY i) FILTER (WHERE k = 17), '{1.1770267539896705e-05,0.0004294736456733519,0.0004294736456733519,0.0009471342994541752,0.0009471342994541752,0.0009471342994541752,0.0009471342994541752,0.0009803145703479851,0.0012525318486815331,0.0018976901546355002,0.002779519615186099,0.006724807204461555,0.012636934914678839,0.012636934914678839,0.017456655268581922,0.020762428408625317,0.020762428408625317,0.024458690558365057,0.024739578525454668,0.02824495208072215,0.05035754318771152,0.11188037279640989,0.13046332223667473,0.13046332223667473,0.14790305786433686,0.15925198620007452,0.1598765051659018,0.2126168447531627,0.3259993541322915,0.34308229634724474,0.3563247935232758,0.4462500664998391,0.46195376864902127,0.6835770284562378,0.6835770284562378,0.6835770284562378,0.7188449811659093,0.7414352081355692,0.7414352081355692,0.7626063247493473,0.7626063247493473,0.7626063247493473,0.7626063247493473,0.7824868182477207,0.7988737358936042,0.8802645283944659,0.8802645283944659,0.9304775024837678,0.9304775024837678,0.9437890217837834}'::float8[], 'rdoc, BH')
FROM (SELECT k, i, p_adjust(p, 'BH') OVER (PARTITION BY k) AS adj FROM padjust_copies) x;
SELECT is(count(DISTINCT (i, adj)), 50::bigint, 'parallel: the 20 partitions agree row by row')
FROM (SELECT k, i, p_adjust(p, 'BH') OVER (PARTITION BY k) AS adj FROM padjust_copies) x;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;

-- 9. Errors: a p-value outside [0, 1] or NaN, an unknown method (22023, the
-- hint lists the methods), a method that changes within a partition.
SELECT throws_ok('SELECT p_adjust(p) OVER () FROM (VALUES (0.5::float8), (1.5)) v(p)', '22023',
                 'p-value 1.5 is out of range', 'p above 1');
SELECT throws_ok('SELECT p_adjust(p) OVER () FROM (VALUES (-0.1::float8)) v(p)', '22023',
                 'p-value -0.1 is out of range', 'negative p');
SELECT throws_ok('SELECT p_adjust(p, ''BH'') OVER () FROM (VALUES (''NaN''::float8)) v(p)', '22023',
                 'p-value NaN is out of range', 'NaN p');
SELECT throws_ok('SELECT p_adjust(p, ''bh'') OVER () FROM (VALUES (0.5::float8)) v(p)', '22023',
                 'unknown p-value adjustment method "bh"', 'unknown method (names are R''s, case and all)');
CREATE FUNCTION pg_temp.hint_of(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    h text;
BEGIN
    EXECUTE q;
    RETURN NULL;
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS h = PG_EXCEPTION_HINT;
    RETURN h;
END
$$;
SELECT is(pg_temp.hint_of('SELECT p_adjust(p, ''sidak'') OVER () FROM (VALUES (0.5::float8)) v(p)'),
          'Use ''holm'', ''hochberg'', ''hommel'', ''bonferroni'', ''BH'' (or ''fdr''), ''BY'' or ''none''.',
          'the unknown-method error lists the methods');
SELECT throws_ok('SELECT p_adjust(p, m) OVER () FROM (VALUES (0.1::float8, ''holm''), (0.2, ''BH'')) v(p, m)',
                 '22023', 'p_adjust method changes within a window partition', 'a method that changes');

-- nps_diff_lower / nps_diff_upper: the interval of NPS(b) - NPS(a).  Data
-- set A of test/inference.sql (i = 1..1000, score least(10, (i*7) % 11 +
-- i % 3), weight 1 + (i % 4) * 0.5; NPS -27.3), B its first 300 rows (NPS -27).
CREATE TEMP TABLE a AS
SELECT i, least(10, (i * 7) % 11 + i % 3) AS score, 1 + (i % 4) * 0.5 AS w
FROM generate_series(1, 1000) i;
CREATE TEMP TABLE s AS
SELECT nps_agg(score) AS r, nps_agg(score, w) AS rw,
       nps_agg(score) FILTER (WHERE i <= 300) AS rb,
       nps_agg(score, w) FILTER (WHERE i <= 300) AS rbw
FROM a;
-- Wald: (NPS(A) - NPS(B)) -+ z sqrt(Va/na + Vb/nb), the SE of nps_test.
SELECT pg_temp.is_close(nps_diff_lower(rb, r), -11.424748017854624, 'Wald A - B lower') FROM s;
SELECT pg_temp.is_close(nps_diff_upper(rb, r), 10.824748017854622, 'Wald A - B upper') FROM s;
SELECT pg_temp.is_close((nps_diff_lower(rb, r) + nps_diff_upper(rb, r)) / 2, -0.3,
                        'Wald A - B midpoint = NPS(A) - NPS(B)') FROM s;
SELECT pg_temp.is_close(nps_diff_lower(r, rb), -10.824748017854622, 'Wald B - A lower') FROM s;
SELECT pg_temp.is_close(nps_diff_upper(r, rb), 11.424748017854624, 'Wald B - A upper') FROM s;
SELECT pg_temp.is_close(nps_diff_lower(rb, r, 0.90), -9.636182843371747, 'Wald A - B lower, 90%') FROM s;
SELECT pg_temp.is_close(nps_diff_upper(rb, r, 0.90), 9.036182843371748, 'Wald A - B upper, 90%') FROM s;
SELECT is(nps_diff_lower(rb, r, confidence => 0.95, method => 'wald'), nps_diff_lower(rb, r),
          'the default method is wald') FROM s;
-- Adjusted Wald: 0.75 promoters, 1.5 passives, 0.75 detractors added to each.
SELECT pg_temp.is_close(nps_diff_lower(rb, r, 0.95, 'adjusted_wald'), -11.553512688484142,
                        'adjusted Wald A - B lower') FROM s;
SELECT pg_temp.is_close(nps_diff_upper(rb, r, 0.95, 'adjusted_wald'), 10.582169292928237,
                        'adjusted Wald A - B upper') FROM s;
-- Weighted: weighted shares, Kish n (A: 1750^2 / 3375; B: 525^2 / 1012.5 =
-- 272.22222222222223).
SELECT pg_temp.is_close(nps_diff_lower(rbw, rw), -11.724357451178498, 'weighted Wald A - B lower') FROM s;
SELECT pg_temp.is_close(nps_diff_upper(rbw, rw), 11.648166974988023, 'weighted Wald A - B upper') FROM s;
SELECT pg_temp.is_close(nps_diff_lower(b => rw, a => rbw, confidence => 0.99, method => 'adjusted_wald'),
                        -15.517702941479579, 'weighted adjusted Wald A - B lower, 99%') FROM s;
SELECT pg_temp.is_close(nps_diff_upper(rbw, rw, 0.99, 'adjusted_wald'),
                        15.026020546668777, 'weighted adjusted Wald A - B upper, 99%') FROM s;

-- Agreement with nps_test: C = {3,3,3,3,3,3,12,15,15,20,20} (NPS 10)
-- against D28 = {2,2,2,2,2,3,10,15,15,28,28} (p = 0.072) and D30, with 30
-- nines and tens (p = 0.042): the 95% Wald interval excludes 0 exactly when
-- p < 0.05.
CREATE TEMP TABLE cd AS
SELECT 'scale=0..10 n={3,3,3,3,3,3,12,15,15,20,20}'::ratings AS c,
       'scale=0..10 n={2,2,2,2,2,3,10,15,15,28,28}'::ratings AS d28,
       'scale=0..10 n={2,2,2,2,2,3,10,15,15,30,30}'::ratings AS d30;
SELECT pg_temp.is_close(nps_test(c, d28), 0.07209091883612748, 'nps_test(C, D28)', 1e-9) FROM cd;
SELECT pg_temp.is_close(nps_diff_lower(c, d28), -1.8197152021562186, 'Wald C - D28 lower') FROM cd;
SELECT pg_temp.is_close(nps_diff_upper(c, d28), 42.370173917752545, 'Wald C - D28 upper') FROM cd;
SELECT pg_temp.is_close(nps_test(c, d30), 0.04152994514312463, 'nps_test(C, D30)', 1e-9) FROM cd;
SELECT pg_temp.is_close(nps_diff_lower(c, d30), 0.872999695435338, 'Wald C - D30 lower') FROM cd;
SELECT pg_temp.is_close(nps_diff_upper(c, d30), 44.61372596828148, 'Wald C - D30 upper') FROM cd;
SELECT ok(NOT (nps_diff_lower(c, d28) > 0 OR nps_diff_upper(c, d28) < 0) AND nps_test(c, d28) >= 0.05,
          'D28: p >= 0.05 and the 95% interval contains 0') FROM cd;
SELECT ok((nps_diff_lower(c, d30) > 0 OR nps_diff_upper(c, d30) < 0) AND nps_test(c, d30) < 0.05,
          'D30: p < 0.05 and the 95% interval excludes 0') FROM cd;
-- The same on many pairs: C against D with k nines and k tens, k = 10..50.
SELECT is(count(*) FILTER (WHERE (nps_diff_lower(c, d) > 0 OR nps_diff_upper(c, d) < 0) <> (nps_test(c, d) < 0.05)),
          0::bigint, 'k = 10..50: the 95% interval excludes 0 exactly when nps_test p < 0.05')
FROM cd, LATERAL (SELECT format('scale=0..10 n={2,2,2,2,2,3,10,15,15,%s,%s}', k, k)::ratings AS d
                  FROM generate_series(10, 50) k) g;

-- Clamping to -200..200: all promoters (a single answer, no spread) against
-- one promoter and one detractor: Wald -100 -+ 1.96 * sqrt(1/2) * 100.
SELECT is(nps_diff_lower('scale=0..10 n={0,0,0,0,0,0,0,0,0,0,1}', 'scale=0..10 n={1,0,0,0,0,0,0,0,0,0,1}'),
          -200::float8, 'Wald lower clamped at -200');
SELECT pg_temp.is_close(nps_diff_upper('scale=0..10 n={0,0,0,0,0,0,0,0,0,0,1}', 'scale=0..10 n={1,0,0,0,0,0,0,0,0,0,1}'),
                        38.59038243496779, 'Wald upper of the clamped interval');
SELECT is(nps_diff_upper('scale=0..10 n={1,0,0,0,0,0,0,0,0,0,1}', 'scale=0..10 n={0,0,0,0,0,0,0,0,0,0,1}'),
          200::float8, 'Wald upper clamped at 200');
-- Five detractors against five promoters: no spread, the interval is the point.
SELECT is(nps_diff_lower('scale=0..10 n={5,0,0,0,0,0,0,0,0,0,0}', 'scale=0..10 n={0,0,0,0,0,0,0,0,0,0,5}'),
          200::float8, 'no spread: the interval is the point 200');

-- NULLs and errors.
SELECT is(nps_diff_lower('scale=0..10 n={0,0,0,0,0,0,0,0,0,0,0}', r), NULL, 'no answers on one side: NULL') FROM s;
SELECT is(nps_diff_upper(NULL, r), NULL, 'a NULL summary: NULL (strict)') FROM s;
SELECT throws_ok('SELECT nps_diff_lower(''scale=0..10 n={0,0,0,0,0,0,0,0,0,1,1}'', ''scale=0..10 n={1,0,0,0,0,0,0,0,0,1,1}'', 1)',
                 '22023', 'confidence 1 is out of range', 'nps_diff: confidence 1');
SELECT throws_ok('SELECT nps_diff_upper(''scale=0..10 n={0,0,0,0,0,0,0,0,0,1,1}'', ''scale=0..10 n={1,0,0,0,0,0,0,0,0,1,1}'', 0.95, ''exact'')',
                 '22023', 'unknown interval method "exact"', 'nps_diff: unknown method');
SELECT throws_ok('SELECT nps_diff_lower(''scale=0..10 n={0,0,0,0,0,0,0,0,0,1,1}'', ''scale=1..5 n={1,0,0,0,0}'')',
                 '22023', 'nps_diff_lower needs a summary on the scale 0..10, not 1..5', 'nps_diff off 0..10');

SELECT * FROM finish();
ROLLBACK;
