-- loyalty 0.1.0 to 0.2.0: every change to SQL objects since 0.1.0.
-- A fresh 0.2.0 install and an updated 0.1.0 one end up with the same
-- objects (tools/check-upgrade.sh compares their catalogs).
\echo Use "ALTER EXTENSION loyalty UPDATE TO '0.2.0'" to load this file. \quit

-- rollup(ratings) and rollup(rating_pairs) validate every stored value they
-- read, the first one included: their transition functions are no longer
-- strict (a strict one lets PostgreSQL take the first value as the state
-- unchecked), nor, as PostgreSQL requires, their inverses.
ALTER FUNCTION @extschema@.ratings_rollup_trans(@extschema@.ratings, @extschema@.ratings)
    CALLED ON NULL INPUT;
ALTER FUNCTION @extschema@.ratings_rollup_inv(@extschema@.ratings, @extschema@.ratings)
    CALLED ON NULL INPUT;
ALTER FUNCTION @extschema@.rating_pairs_rollup_trans(@extschema@.rating_pairs, @extschema@.rating_pairs)
    CALLED ON NULL INPUT;
ALTER FUNCTION @extschema@.rating_pairs_rollup_inv(@extschema@.rating_pairs, @extschema@.rating_pairs)
    CALLED ON NULL INPUT;
