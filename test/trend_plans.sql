-- nps_trend and nps_trend_p under parallel and partitionwise plans: the
-- combined states must give the serial answer (to rounding: the state is
-- floating point, so 1e-12 relative rather than bit-identical).
\ir helpers.psql
SELECT plan(8);

CREATE TABLE tr (tp int, at timestamptz, score int);
INSERT INTO tr
SELECT i % 4, timestamptz '2026-01-01 00:00+00' + i * interval '7 minutes',
       CASE WHEN i % 23 = 0 THEN NULL ELSE least(10, (i * 7) % 11 + i % 3 + i / 20000) END
FROM generate_series(1, 60000) i;
ANALYZE tr;

CREATE TEMP TABLE serial AS
SELECT tp, nps_trend(at, score) AS slope, nps_trend_p(at, score) AS p FROM tr GROUP BY tp;
-- The grouped query over tab (tr, or trp partitioned) has partial
-- aggregates in its plan, and its slopes and p-values equal the serial ones
-- for all four groups.  (It runs through EXECUTE, which may use a parallel
-- plan on every supported major; RETURN QUERY may only from PostgreSQL 14.)
CREATE FUNCTION pg_temp.grouped_equals_serial(tab text, plan_descr text, descr text) RETURNS SETOF text
LANGUAGE plpgsql AS $$
DECLARE
    q text := format('SELECT tp, nps_trend(at, score) AS slope, nps_trend_p(at, score) AS p FROM %I GROUP BY tp', tab);
    equal bigint;
BEGIN
    RETURN NEXT matches(pg_temp.plan_of(q), 'Partial (Hash|Group)Aggregate', plan_descr);
    EXECUTE format('SELECT count(*) FILTER (WHERE abs(p.slope - s.slope) <= 1e-12 * abs(s.slope)
                                                 AND abs(p.p - s.p) <= 1e-9 * s.p)
                    FROM (%s) p JOIN serial s USING (tp)', q) INTO equal;
    RETURN NEXT is(equal, 4::bigint, descr);
END
$$;
CREATE TEMP TABLE serial_all AS SELECT nps_trend(at, score) AS slope, nps_trend_p(at, score) AS p FROM tr;

\ir force_parallel.psql
SELECT matches(pg_temp.plan_of('SELECT nps_trend(at, score), nps_trend_p(at, score) FROM tr'),
               'Partial Aggregate', 'forced parallel plan has a Partial Aggregate');
CREATE TEMP TABLE par_all AS SELECT nps_trend(at, score) AS slope, nps_trend_p(at, score) AS p FROM tr;
SELECT pg_temp.is_close(p.slope, s.slope, 'parallel slope = serial slope') FROM par_all p, serial_all s;
SELECT pg_temp.is_close(p.p, s.p, 'parallel p-value = serial p-value', 1e-9) FROM par_all p, serial_all s;
SELECT * FROM pg_temp.grouped_equals_serial('tr', 'grouped parallel plan has a partial aggregate',
                                            'grouped parallel = serial for all four groups');
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
RESET parallel_leader_participation;

-- Partitionwise: partitioned by something other than the grouping key, so
-- partial states are combined above the Append.
CREATE TABLE trp (tp int, at timestamptz, score int) PARTITION BY RANGE (at);
CREATE TABLE trp1 PARTITION OF trp FOR VALUES FROM (MINVALUE) TO ('2026-03-01');
CREATE TABLE trp2 PARTITION OF trp FOR VALUES FROM ('2026-03-01') TO (MAXVALUE);
INSERT INTO trp SELECT * FROM tr;
ANALYZE trp;
SET LOCAL enable_partitionwise_aggregate = on;
SELECT * FROM pg_temp.grouped_equals_serial('trp', 'partitionwise plan has partial aggregates',
                                            'partitionwise = serial for all four groups');
-- As a window function over a growing frame, the last row equals the aggregate.
SELECT pg_temp.is_close(last_slope, (SELECT slope FROM serial WHERE tp = 1), 'window over a growing frame')
FROM (SELECT nps_trend(at, score) OVER (ORDER BY at) AS last_slope FROM tr WHERE tp = 1
      ORDER BY at DESC LIMIT 1) w;

SELECT * FROM finish();
ROLLBACK;
