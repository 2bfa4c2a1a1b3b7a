/*
 * terms_stats.c
 *		What a `term_ratings` summary answers: the number of responses, the
 *		distribution of all responses, and that of the responses that
 *		mention one term, as `ratings` summaries that every ratings function
 *		reads (nps, mean, top_box, nps_test, ...).
 */
#include "postgres.h"

#include "utils/builtins.h"

#include "loyalty.h"

/* A ratings summary on t's scale with these counts. */
static Ratings *
ratings_of_counts(const TermRatings *t, const int64 *counts)
{
	Ratings    *r = ratings_new(t->lo, t->hi, false);

	memcpy(r->counts, counts, terms_npoints(t) * sizeof(int64));
	return r;
}

/* term_ratings_responses: responses(t), the number of responses */
PG_FUNCTION_INFO_V1(term_ratings_responses);
Datum
term_ratings_responses(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(terms_responses(PG_GETARG_TERM_RATINGS_P(0)));
}

/* term_ratings_total_ratings: total_ratings(t), the ratings of all responses */
PG_FUNCTION_INFO_V1(term_ratings_total_ratings);
Datum
term_ratings_total_ratings(PG_FUNCTION_ARGS)
{
	TermRatings *t = PG_GETARG_TERM_RATINGS_P(0);

	PG_RETURN_POINTER(ratings_of_counts(t, terms_overall(t)));
}

/*
 * term_ratings_term_ratings: term_ratings(t, term), the ratings of the
 * responses that mention term, NULL when none does
 */
PG_FUNCTION_INFO_V1(term_ratings_term_ratings);
Datum
term_ratings_term_ratings(PG_FUNCTION_ARGS)
{
	TermRatings *t = PG_GETARG_TERM_RATINGS_P(0);
	text	   *term = PG_GETARG_TEXT_PP(1);
	int			ins;
	int			i = terms_find(t, VARDATA_ANY(term), VARSIZE_ANY_EXHDR(term), &ins);

	if (i < 0)
		PG_RETURN_NULL();
	PG_RETURN_POINTER(ratings_of_counts(t, terms_entry(t, i)->counts));
}
