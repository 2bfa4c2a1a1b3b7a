-- ---------------------------------------------------------------------
-- Comparing many segments at once: multiple-comparison adjustment
-- ---------------------------------------------------------------------

-- @section padjust
-- A window function (as rank() or ntile(), IMMUTABLE and PARALLEL SAFE like
-- them): the value depends on all rows of the window partition, never on
-- the frame or the ORDER BY.  Not STRICT: a NULL p gives NULL for its row
-- only, and window functions get their arguments from the window object,
-- so PostgreSQL would not apply strictness anyway.
CREATE FUNCTION @extschema@.p_adjust(p double precision, method text DEFAULT 'holm')
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'loyalty_p_adjust' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.p_adjust(double precision, text) IS
    'window function: the p-value adjusted over all rows of its window partition, as R''s p.adjust; method holm, hochberg, hommel, bonferroni, BH (fdr), BY or none';
-- @endsection
