-- The benchmark queries.  Each one is run :reps times, interleaved with the
-- others so that load changes on the machine hit them alike; the table shows
-- medians and the ratios between queries of the same run.
--
-- Two clocks: wall time, and the CPU time of this backend (Linux
-- /proc/<pid>/schedstat, nanoseconds on the CPU).  On a shared machine the
-- wall time also counts the time the query waited for a core while other
-- processes ran; the CPU time does not, so the ratios use it where the
-- kernel provides it, and the wall time otherwise.
SET jit = off;
SET max_parallel_workers_per_gather = 0;
SET work_mem = '256MB';

CREATE TEMP TABLE bench_queries (name text PRIMARY KEY, sql text, ord numeric);
INSERT INTO bench_queries VALUES
 ('count',          'SELECT count(score) FROM bench_answers', 1),
 ('nps',            'SELECT nps(score) FROM bench_answers', 2),
 ('nps_sql',        'SELECT 100.0 * (count(*) FILTER (WHERE score >= 9) - count(*) FILTER (WHERE score <= 6)) / count(score) FROM bench_answers', 3),
 ('count_grouped',  'SELECT touchpoint_id, count(score) FROM bench_answers GROUP BY touchpoint_id', 4),
 ('nps_grouped',    'SELECT touchpoint_id, nps(score) FROM bench_answers GROUP BY touchpoint_id', 5),
 ('nps_sql_grouped','SELECT touchpoint_id, 100.0 * (count(*) FILTER (WHERE score >= 9) - count(*) FILTER (WHERE score <= 6)) / count(score) FROM bench_answers GROUP BY touchpoint_id', 6),
 ('count_grouped_text',  'SELECT touchpoint, count(score) FROM bench_answers GROUP BY touchpoint', 6.1),
 ('nps_grouped_text',    'SELECT touchpoint, nps(score) FROM bench_answers GROUP BY touchpoint', 6.2),
 ('nps_sql_grouped_text','SELECT touchpoint, 100.0 * (count(*) FILTER (WHERE score >= 9) - count(*) FILTER (WHERE score <= 6)) / count(score) FROM bench_answers GROUP BY touchpoint', 6.3),
 ('avg_effort',     'SELECT avg(effort) FROM bench_answers', 7),
 ('ces',            'SELECT ces(effort) FROM bench_answers', 8),
 ('nps_weighted',   'SELECT nps(score, w) FROM bench_answers', 9),
 ('window_10',      'SELECT count(v) FROM (SELECT nps(score) OVER (ORDER BY id ROWS BETWEEN 10 PRECEDING AND CURRENT ROW) v FROM bench_answers WHERE id <= 1000000) x', 10),
 ('window_1000',    'SELECT count(v) FROM (SELECT nps(score) OVER (ORDER BY id ROWS BETWEEN 1000 PRECEDING AND CURRENT ROW) v FROM bench_answers WHERE id <= 1000000) x', 11),
 ('corr_8',         'SELECT corr(y, x1), corr(y, x2), corr(y, x3), corr(y, x4), corr(y, x5), corr(y, x6), corr(y, x7), corr(y, x8) FROM bench_drivers', 12),
 ('driver_agg',     'SELECT r_squared(driver_agg(y, xs)) FROM bench_drivers', 13),
 ('driver_agg_cols','SELECT r_squared(driver_agg(y, ARRAY[x1, x2, x3, x4, x5, x6, x7, x8])) FROM bench_drivers', 14),
 ('corr',           'SELECT corr(effort, score) FROM bench_answers', 15),
 ('spearman',       'SELECT spearman(effort, score) FROM bench_answers', 16),
 ('spearman_sql',   'SELECT corr(rx, ry) FROM (SELECT rank() OVER (ORDER BY effort) + (count(*) OVER (PARTITION BY effort) - 1) / 2.0 AS rx, rank() OVER (ORDER BY score) + (count(*) OVER (PARTITION BY score) - 1) / 2.0 AS ry FROM bench_answers WHERE effort IS NOT NULL AND score IS NOT NULL) r', 17),
 ('rank_weeks',     'SELECT count(v) FROM (SELECT rank() OVER (PARTITION BY week ORDER BY p) AS v FROM bench_pvalues) x', 18),
 ('p_adjust_bh',    'SELECT count(v) FROM (SELECT p_adjust(p, ''BH'') OVER (PARTITION BY week) AS v FROM bench_pvalues) x', 19),
 -- Verbatim themes: the summary of 1,000,000 comments, and the plain SQL that
 -- gives the same counts (per lexeme and scale point, and of all responses:
 -- checked below); theme_impact of a stored summary of 50,000 terms.
 ('term_ratings_agg', 'SELECT term_ratings_agg(doc, score) FROM bench_comments', 20),
 ('term_ratings_sql', 'SELECT u.lexeme, count(*) FILTER (WHERE score = 0) AS n0, count(*) FILTER (WHERE score = 1) AS n1, count(*) FILTER (WHERE score = 2) AS n2, count(*) FILTER (WHERE score = 3) AS n3, count(*) FILTER (WHERE score = 4) AS n4, count(*) FILTER (WHERE score = 5) AS n5, count(*) FILTER (WHERE score = 6) AS n6, count(*) FILTER (WHERE score = 7) AS n7, count(*) FILTER (WHERE score = 8) AS n8, count(*) FILTER (WHERE score = 9) AS n9, count(*) FILTER (WHERE score = 10) AS n10 FROM bench_comments t, unnest(t.doc) u WHERE score IS NOT NULL GROUP BY u.lexeme UNION ALL SELECT NULL, count(*) FILTER (WHERE score = 0), count(*) FILTER (WHERE score = 1), count(*) FILTER (WHERE score = 2), count(*) FILTER (WHERE score = 3), count(*) FILTER (WHERE score = 4), count(*) FILTER (WHERE score = 5), count(*) FILTER (WHERE score = 6), count(*) FILTER (WHERE score = 7), count(*) FILTER (WHERE score = 8), count(*) FILTER (WHERE score = 9), count(*) FILTER (WHERE score = 10) FROM bench_comments WHERE score IS NOT NULL', 21),
 ('theme_impact_50k', 'SELECT count(*) FROM theme_impact((SELECT t FROM bench_term_summaries WHERE name = ''tags_50k''), 0)', 22);

-- BENCH_ONLY (run.sh): a regular expression; only the queries whose names
-- match it run.
DELETE FROM bench_queries WHERE name !~ :'only';

CREATE TEMP TABLE bench_times (name text, rep int, ms float8, cpu_ms float8);

-- CPU time of this backend in ms, or NULL where /proc/<pid>/schedstat is missing.
CREATE FUNCTION pg_temp.cpu_ms() RETURNS float8 LANGUAGE plpgsql AS $$
BEGIN
    RETURN split_part(pg_read_file('/proc/' || pg_backend_pid() || '/schedstat'), ' ', 1)::float8 / 1e6;
EXCEPTION WHEN OTHERS THEN
    RETURN NULL;
END
$$;

-- Queries run in phases by table (ord < 12: bench_answers; 12-14:
-- bench_drivers; 15-16: bench_answers again; the SQL mid-rank sort;
-- bench_pvalues; bench_comments; then the stored 50,000-term summary), so
-- that one table's scans and the big sort do not push the other table out of
-- the caches between rounds.  Each phase starts with an untimed round.
CREATE FUNCTION pg_temp.run_all(reps int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    q record;
    t0 timestamptz;
    c0 float8;
    phases numeric[] := ARRAY[0, 12, 15, 17, 18, 20, 22, 1000];
BEGIN
    FOR ph IN 1..array_length(phases, 1) - 1 LOOP
        FOR rep IN 0..reps LOOP        -- rep 0 warms the caches and is not kept
            FOR q IN SELECT * FROM bench_queries
                     WHERE ord >= phases[ph] AND ord < phases[ph + 1] ORDER BY ord LOOP
                c0 := pg_temp.cpu_ms();
                t0 := clock_timestamp();
                EXECUTE q.sql;
                IF rep > 0 THEN
                    INSERT INTO bench_times VALUES (q.name, rep,
                        1000 * extract(epoch FROM clock_timestamp() - t0),
                        pg_temp.cpu_ms() - c0);
                END IF;
            END LOOP;
        END LOOP;
    END LOOP;
END
$$;
SELECT pg_temp.run_all(:reps);

CREATE TEMP TABLE med AS
SELECT name,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS wall_ms,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY cpu_ms) AS cpu_ms,
       coalesce(percentile_cont(0.5) WITHIN GROUP (ORDER BY cpu_ms),
                percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)) AS ms
FROM bench_times GROUP BY name;

\echo
\echo 'Medians of' :reps 'runs each, serial plans, JIT off.'
SELECT b.name AS query, round(m.wall_ms::numeric, 1) AS "wall ms", round(m.cpu_ms::numeric, 1) AS "cpu ms", b.sql
FROM bench_queries b JOIN med m USING (name) ORDER BY b.ord;

CREATE FUNCTION pg_temp.r(a text, b text) RETURNS float8 LANGUAGE sql AS
$$ SELECT (SELECT ms FROM med WHERE name = a) / NULLIF((SELECT ms FROM med WHERE name = b), 0) $$;

\echo
SELECT CASE WHEN bool_and(cpu_ms IS NOT NULL) THEN 'Ratios of median CPU times of the backend (left / right), measured in this run'
            ELSE 'Ratios of median wall times (left / right), measured in this run' END AS " "
FROM med;
-- Each measure: the ratio of two queries' medians, and the most it may be
-- (NULL: shown for information).
SELECT measure, round(ratio::numeric, 3) AS ratio,
       coalesce('<= ' || limit_ || coalesce(' ' || note, ''), '(info)') AS target,
       CASE WHEN ratio <= coalesce(limit_, 1e9) THEN 'met' ELSE 'MISSED' END AS result
FROM (VALUES
    ('nps(score) / count(score)',                     'nps', 'count',                          1.10, NULL),
    ('nps(score) / plain SQL NPS',                    'nps', 'nps_sql',                        0.85, NULL),
    ('grouped nps / grouped count',                   'nps_grouped', 'count_grouped',          1.10, NULL),
    ('grouped nps / grouped plain SQL',               'nps_grouped', 'nps_sql_grouped',        0.90, NULL),
    ('(text key) grouped nps / grouped count',        'nps_grouped_text', 'count_grouped_text', NULL, NULL),
    ('(text key) grouped nps / grouped plain SQL',    'nps_grouped_text', 'nps_sql_grouped_text', NULL, NULL),
    ('(text key) floor: grouped count / grouped SQL', 'count_grouped_text', 'nps_sql_grouped_text', NULL, NULL),
    ('ces(effort) / avg(effort)',                     'ces', 'avg_effort',                     NULL, NULL),
    ('weighted nps / nps',                            'nps_weighted', 'nps',                   NULL, NULL),
    ('window 1000-row frame / 10-row frame',          'window_1000', 'window_10',              1.25, '(O(1) per row)'),
    ('driver_agg(y, stored array) / 8 x corr()',      'driver_agg', 'corr_8',                  1.5, NULL),
    ('driver_agg(y, ARRAY[8 columns]) / 8 x corr()',  'driver_agg_cols', 'corr_8',             NULL, NULL),
    ('spearman(x, y) / corr(x, y)',                   'spearman', 'corr',                      1.3, NULL),
    ('spearman(x, y) / SQL mid-rank spearman',        'spearman', 'spearman_sql',              0.05, '(20x faster)'),
    ('p_adjust(p, BH) / rank() by week, 300 per week', 'p_adjust_bh', 'rank_weeks',            2.0, NULL),
    ('term_ratings_agg / plain SQL counts per lexeme', 'term_ratings_agg', 'term_ratings_sql', 0.333, '(3x faster)')
) v(measure, numerator, denominator, limit_, note), LATERAL (SELECT pg_temp.r(numerator, denominator) AS ratio) r
WHERE ratio IS NOT NULL;

-- Each measure: a query's median (the clock of the ratios above), and the
-- most it may take in ms.
\echo
SELECT measure, round(ms::numeric, 1) AS ms, '<= ' || limit_ || ' ms' AS target,
       CASE WHEN ms <= limit_ THEN 'met' ELSE 'MISSED' END AS result
FROM (VALUES
    ('theme_impact(t, 0) of a stored summary of 50,000 terms', 'theme_impact_50k', 200)
) v(measure, name, limit_) JOIN med USING (name);

-- The plain SQL of term_ratings_sql gives the counts of term_ratings_agg:
-- its rows (a lexeme's counts per scale point, and a NULL lexeme's for all
-- responses) against the stored summary of the same comments, term by term.
SELECT EXISTS (SELECT FROM bench_queries WHERE name = 'term_ratings_sql') AS check_terms \gset
\if :check_terms
SELECT format('CREATE TEMP TABLE term_sql_counts AS %s', sql) FROM bench_queries WHERE name = 'term_ratings_sql' \gexec
\echo
SELECT 'plain SQL (term_ratings_sql) against term_ratings_agg(doc, score)' AS check,
       count(s.key) AS "SQL rows", count(a.key) AS "summary rows (terms + all)",
       count(*) FILTER (WHERE s.counts IS DISTINCT FROM a.counts) AS differences,
       CASE WHEN count(*) FILTER (WHERE s.counts IS DISTINCT FROM a.counts) = 0 THEN 'same counts' ELSE 'DIFFERENT' END AS result
FROM (SELECT coalesce(lexeme, '') AS key, jsonb_build_array(n0, n1, n2, n3, n4, n5, n6, n7, n8, n9, n10) AS counts
      FROM term_sql_counts) s
FULL JOIN (SELECT e.key, e.value AS counts FROM bench_term_summaries, jsonb_each(t::jsonb -> 'terms') e WHERE name = 'comments'
           UNION ALL
           SELECT '', t::jsonb -> 'counts' FROM bench_term_summaries WHERE name = 'comments') a USING (key);
\endif

\echo
\echo 'State size per group (bytes), target <= 256 for a 0..10 scale'
SELECT 'nps_agg(score)' AS state, pg_column_size(nps_agg(score)) AS bytes FROM bench_answers WHERE id <= 1000
UNION ALL
SELECT 'nps_agg(score, w)', pg_column_size(nps_agg(score, w)) FROM bench_answers WHERE id <= 1000
UNION ALL
SELECT 'nps_agg(score) over all rows', pg_column_size(nps_agg(score)) FROM bench_answers WHERE id <= 1000000
UNION ALL
SELECT 'rating_pairs_agg(effort, score), 1000 rows', pg_column_size(rating_pairs_agg(effort, score)) FROM bench_answers WHERE id <= 1000
UNION ALL
SELECT 'rating_pairs_agg(effort, score), all rows', pg_column_size(rating_pairs_agg(effort, score)) FROM bench_answers;

-- A term_ratings summary grows with its terms, not its rows: its size as
-- the aggregate returns it (rollup of the stored value, which the table
-- keeps compressed) and stored, per term.
\echo
\echo 'term_ratings summaries (bytes), 0..10 scale'
SELECT name AS summary, n AS terms, bytes, round(bytes::numeric / n, 1) AS "bytes per term",
       stored AS "stored (compressed)", round(stored::numeric / n, 1) AS "stored per term"
FROM bench_term_summaries b,
     LATERAL (SELECT (SELECT count(*) FROM theme_impact(b.t, 0)) AS n,
                     (SELECT pg_column_size(rollup(s.t)) FROM bench_term_summaries s WHERE s.name = b.name) AS bytes,
                     pg_column_size(b.t) AS stored) x
ORDER BY name;
