/*
 * terms_agg.c
 *		The aggregates that build `term_ratings` summaries: the transition
 *		functions of term_ratings_agg for a tsvector or a text[] of tags and
 *		every score type, on 0..10 or a given scale; combine, final, rollup
 *		and +.
 *
 * A row adds one response at its score to the overall counts and to the
 * counts of each distinct term it mentions.  A term already in the state
 * costs a hash lookup and an increment in place; a new one is appended
 * (terms.c: terms_upsert), the state growing geometrically when full.
 * Counts are exact, so every plan gives the same summary.
 */
#include "postgres.h"

#include "common/int.h"
#include "tsearch/ts_type.h"
#include "utils/array.h"
#include "utils/builtins.h"

#include "loyalty.h"

/* The state to update (see agg_state_arg). */
static inline TermRatings *
terms_state(FunctionCallInfo fcinfo, int argno)
{
	return (TermRatings *) agg_state_arg(fcinfo, argno);
}

/*
 * What every function that returns a state returns: in an aggregate, the
 * state itself; called directly from SQL, the stored value (canonical,
 * valid, a total that fits bigint: 22003 otherwise).
 */
static TermRatings *
terms_result(FunctionCallInfo fcinfo, TermRatings *t)
{
	if (likely(agg_called(fcinfo)))
		return t;
	(void) terms_responses(t);
	t = terms_canonical(t);
	terms_check(t, ERRCODE_INVALID_PARAMETER_VALUE);
	return t;
}

/* Count one mention of term s at point p (a new term is added). */
static inline TermRatings *
terms_mention(TermRatings *t, const char *s, int len, int p)
{
	if (unlikely(len > TERMS_MAX_LEN))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("a term of %d bytes is longer than the %d bytes a term_ratings term may have",
						len, TERMS_MAX_LEN)));
	/* At most the overall count at p, which did not overflow. */
	terms_upsert(&t, s, len)->counts[p]++;
	return t;
}

/* The element at *ptr of a text[] (advancing *ptr), as bytes. */
static inline text *
array_next_text(char **ptr)
{
	text	   *v = (text *) *ptr;

	*ptr = att_addlength_pointer(*ptr, -1, *ptr);
	*ptr = (char *) att_align_nominal(*ptr, TYPALIGN_INT);
	return v;
}

/*
 * The tags of a text[]: NULL elements are skipped, and a tag repeated in
 * the array counts once (each element is compared with the earlier ones:
 * tag arrays are short, and nothing is allocated).
 */
static TermRatings *
terms_add_tags(TermRatings *t, ArrayType *a, int p)
{
	int			n = ArrayGetNItems(ARR_NDIM(a), ARR_DIMS(a));
	bits8	   *nulls = ARR_NULLBITMAP(a);
	char	   *ptr = ARR_DATA_PTR(a);

	if (ARR_ELEMTYPE(a) != TEXTOID)
		elog(ERROR, "term_ratings_agg expects a text[] of tags");
	for (int i = 0; i < n; i++)
	{
		text	   *v;
		char	   *q = ARR_DATA_PTR(a);
		bool		seen = false;

		if (nulls && !(nulls[i / 8] & (1 << (i % 8))))
			continue;
		v = array_next_text(&ptr);
		/* Was it an earlier element? */
		for (int j = 0; j < i && !seen; j++)
		{
			text	   *w;

			if (nulls && !(nulls[j / 8] & (1 << (j % 8))))
				continue;
			w = array_next_text(&q);
			seen = VARSIZE_ANY_EXHDR(w) == VARSIZE_ANY_EXHDR(v) &&
				memcmp(VARDATA_ANY(w), VARDATA_ANY(v), VARSIZE_ANY_EXHDR(v)) == 0;
		}
		if (!seen)
			t = terms_mention(t, VARDATA_ANY(v), VARSIZE_ANY_EXHDR(v), p);
	}
	return t;
}

/* The lexemes of a tsvector: distinct already; positions are ignored. */
static TermRatings *
terms_add_lexemes(TermRatings *t, TSVector v, int p)
{
	WordEntry  *we = ARRPTR(v);
	char	   *str = STRPTR(v);

	for (int i = 0; i < v->size; i++)
		t = terms_mention(t, str + we[i].pos, we[i].len, p);
	return t;
}

/*
 * One transition step, for terms given as a tsvector (tsv) or a text[], a
 * score of SQL type `type`, on 0..10 or (scaled) the scale of arguments 3
 * and 4:
 *
 * term_ratings_trans(term_ratings, terms, score[, lo, hi]): the state with
 *		one more response.  Not strict: a NULL score skips the row, a NULL
 *		document counts the response without terms, and the first row makes
 *		the state.
 */
static pg_attribute_always_inline Datum
terms_step(FunctionCallInfo fcinfo, ScoreType type, bool tsv, bool scaled)
{
	int32		lo = NPS_LO,
				hi = NPS_HI;
	TermRatings *t;
	int64		score;
	int			p;
	int64	   *c;

	if (scaled)
	{
		if (PG_ARGISNULL(3) || PG_ARGISNULL(4))
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("the scale bounds of term_ratings_agg must not be NULL")));
		lo = PG_GETARG_INT32(3);
		hi = PG_GETARG_INT32(4);
	}
	if (PG_ARGISNULL(0))
	{
		if (PG_ARGISNULL(2))
			PG_RETURN_NULL();
		check_scale(lo, hi);
		t = terms_new(lo, hi, 0, 0);
	}
	else
	{
		t = terms_state(fcinfo, 0);
		if (unlikely(t->lo != lo || t->hi != hi))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("the scale of term_ratings_agg changed from %d..%d to %d..%d",
							t->lo, t->hi, lo, hi),
					 errdetail("All rows of one aggregate must use the same scale.")));
		if (PG_ARGISNULL(2))
			PG_RETURN_POINTER(terms_result(fcinfo, t));
	}
	score = score_arg(fcinfo, 2, type, lo, hi);
	if (unlikely(score < lo || score > hi))
		score_out_of_scale(score, lo, hi);
	p = (int) (score - lo);
	c = &terms_overall(t)[p];
	if (unlikely(*c == PG_INT64_MAX))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("count of a term_ratings scale point is out of range for bigint")));
	(*c)++;
	if (!PG_ARGISNULL(1))
	{
		if (tsv)
			t = terms_add_lexemes(t, PG_GETARG_TSVECTOR(1), p);
		else
			t = terms_add_tags(t, PG_GETARG_ARRAYTYPE_P(1), p);
	}
	PG_RETURN_POINTER(terms_result(fcinfo, t));
}

/*
 * The entry points, a line per SQL score type: term_ratings_agg of a
 * tsvector and of a text[], on 0..10 and on a given scale.
 */
#define TERMS_ENTRIES(type, tsv, tsv_scaled, tags, tags_scaled) \
	LOYALTY_ENTRY(tsv, terms_step(fcinfo, type, true, false)) \
	LOYALTY_ENTRY(tsv_scaled, terms_step(fcinfo, type, true, true)) \
	LOYALTY_ENTRY(tags, terms_step(fcinfo, type, false, false)) \
	LOYALTY_ENTRY(tags_scaled, terms_step(fcinfo, type, false, true))

TERMS_ENTRIES(SCORE_INT2, term_ratings_trans_tsv_int2, term_ratings_trans_tsv_scaled_int2, term_ratings_trans_tags_int2, term_ratings_trans_tags_scaled_int2)
TERMS_ENTRIES(SCORE_INT4, term_ratings_trans_tsv_int4, term_ratings_trans_tsv_scaled_int4, term_ratings_trans_tags_int4, term_ratings_trans_tags_scaled_int4)
TERMS_ENTRIES(SCORE_INT8, term_ratings_trans_tsv_int8, term_ratings_trans_tsv_scaled_int8, term_ratings_trans_tags_int8, term_ratings_trans_tags_scaled_int8)
TERMS_ENTRIES(SCORE_NUMERIC, term_ratings_trans_tsv_numeric, term_ratings_trans_tsv_scaled_numeric, term_ratings_trans_tags_numeric, term_ratings_trans_tags_scaled_numeric)
TERMS_ENTRIES(SCORE_FLOAT8, term_ratings_trans_tsv_float8, term_ratings_trans_tsv_scaled_float8, term_ratings_trans_tags_float8, term_ratings_trans_tags_scaled_float8)

/* Add summary b into the state a (same scale: 22023 otherwise). */
static TermRatings *
terms_merge(FunctionCallInfo fcinfo, TermRatings *a, const TermRatings *b)
{
	int			np = terms_npoints(a);

	if (a->lo != b->lo || a->hi != b->hi)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot add term_ratings on different scales %d..%d and %d..%d",
						a->lo, a->hi, b->lo, b->hi)));
	for (int p = 0; p < np; p++)
		if (pg_add_s64_overflow(terms_overall(a)[p], terms_overall(b)[p], &terms_overall(a)[p]))
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("combined count of a term_ratings scale point is out of range for bigint")));
	for (int i = 0; i < b->nterms; i++)
	{
		const TermEntry *e = terms_entry(b, i);
		TermEntry  *d = terms_upsert(&a, terms_entry_bytes(b, e), e->len);

		/* At most the overall counts, which did not overflow. */
		for (int p = 0; p < np; p++)
			d->counts[p] += e->counts[p];
	}
	return a;
}

/* The two-summary operations of term_ratings (see SummaryOps). */
static void
terms_validate_op(const void *value)
{
	terms_check((const TermRatings *) value, ERRCODE_DATA_CORRUPTED);
}

static void *
terms_merge_op(FunctionCallInfo fcinfo, void *state, const void *value)
{
	return terms_result(fcinfo, terms_merge(fcinfo, (TermRatings *) state, (const TermRatings *) value));
}

static const SummaryOps terms_ops = {terms_validate_op, terms_merge_op, NULL};

/*
 * term_ratings_combine: the sum of two partial states (either may be NULL);
 * term_ratings_rollup_trans: the state plus one stored summary;
 * term_ratings_plus: the + operator, the sum of two stored summaries
 */
SUMMARY_ENTRIES(&terms_ops, term_ratings_combine, term_ratings_rollup_trans, term_ratings_plus)

/*
 * term_ratings_final: the summary an aggregate returns, in its stored form;
 * NULL when it holds no response.
 */
PG_FUNCTION_INFO_V1(term_ratings_final);
Datum
term_ratings_final(PG_FUNCTION_ARGS)
{
	TermRatings *t = PG_GETARG_TERM_RATINGS_P(0);

	if (terms_responses(t) == 0)
		PG_RETURN_NULL();
	PG_RETURN_POINTER(terms_canonical(t));
}
