-- Verbatim themes: what the comments say, in each customer's language.
-- The stored daily theme summaries of the last 90 days are rolled up per
-- language; theme_impact() gives every lexeme (that language's stemmer:
-- "leveransen", "leveranserna" -> leverans) with at least 20 mentions, and
-- how many NPS points the answers that mention it cost.
\echo
\echo '== Comment themes that cost the most NPS, per language (last 90 days) =========='
\echo '(impact = NPS of all answers - NPS w/o: of those not mentioning the term; p_value: nps_test'
\echo ' of with against w/o; detractor z > 0: typical of detractors; written as: the words behind it)'
CREATE TEMP TABLE themes_90 AS
SELECT d.language, d.answers, t.*,
       row_number() OVER (PARTITION BY d.language ORDER BY t.impact, t.term) AS rank
FROM (SELECT language, responses(themes) AS answers, themes
      FROM (SELECT language, rollup(themes) AS themes
            FROM daily_themes
            WHERE day >= date '2026-09-02'          -- the last 90 days, to 2026-11-30
            GROUP BY language) r) d,
     theme_impact(d.themes, 20) t;

-- The words behind each of the top lexemes, from the raw comments: each
-- distinct word of the 90 days, stemmed once.
CREATE TEMP TABLE theme_words AS
SELECT v.language, lexeme, string_agg(v.word, ', ' ORDER BY v.word) AS words
FROM (SELECT DISTINCT c.language, word
      FROM responses r
      JOIN customers c USING (customer_id)
      CROSS JOIN LATERAL regexp_split_to_table(lower(r.comment), '[^[:alpha:]]+') word
      WHERE r.comment IS NOT NULL
        AND r.answered_at >= timestamptz '2026-09-02 00:00+00') v
CROSS JOIN LATERAL unnest(tsvector_to_array(to_tsvector(v.language, v.word))) lexeme
WHERE (v.language, lexeme) IN (SELECT language, term FROM themes_90 WHERE rank <= 5)
GROUP BY 1, 2;

SELECT CASE WHEN t.rank = 1 THEN t.language::text ELSE '' END AS language,
       t.term,
       t.mentions,
       round(t.mention_pct::numeric, 1)  AS "% answers",
       round(t.nps::numeric, 1)          AS "NPS with",
       round(t.nps_without::numeric, 1)  AS "NPS w/o",
       round(t.impact::numeric, 2)       AS impact,
       CASE WHEN t.p_value < 1e-300 THEN '< 1e-300' ELSE to_char(t.p_value, '9.9EEEE') END AS p_value,
       round(t.detractor_z::numeric, 1)  AS "detractor z",
       w.words                           AS "written as"
FROM themes_90 t
LEFT JOIN theme_words w ON w.language = t.language AND w.lexeme = t.term
WHERE t.rank <= 5
ORDER BY t.answers DESC, t.rank;

\echo
\echo '== The support theme by quarter (support / kundeservice) ========================'
\echo '(quarters of the CRM year, Dec-Feb to Sep-Nov, rolled up from the same daily summaries)'
SELECT CASE WHEN q.quarter = date '2025-12-01' THEN q.language::text ELSE '' END AS language,
       to_char(q.quarter, 'YYYY-MM') AS quarter,
       t.term,
       t.mentions,
       round(t.mention_pct::numeric, 1) AS "% answers",
       round(t.nps::numeric, 1)         AS "NPS with",
       round(t.impact::numeric, 2)      AS impact
FROM (SELECT language, (date_trunc('quarter', day + interval '1 month') - interval '1 month')::date AS quarter,
             rollup(themes) AS themes
      FROM daily_themes GROUP BY 1, 2) q,
     theme_impact(q.themes, 1) t
WHERE t.term = CASE WHEN q.language = 'norwegian'::regconfig THEN 'kundeservic' ELSE 'support' END
ORDER BY array_position(ARRAY['swedish', 'norwegian', 'english'], q.language::text), q.quarter;
