/*
 * terms_stats.c
 *		What a `term_ratings` summary answers: the number of responses, the
 *		distribution of all responses, and that of the responses that
 *		mention one term, as `ratings` summaries that every ratings function
 *		reads (nps, mean, top_box, nps_test, ...); and theme_impact, the
 *		NPS each term adds or costs and how characteristic it is of
 *		detractors (SPEC 4.6).
 */
#include "postgres.h"

#include <math.h>

#include "access/htup_details.h"
#include "funcapi.h"
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
	int			i = terms_find(t, VARDATA_ANY(term), VARSIZE_ANY_EXHDR(term));

	if (i < 0)
		PG_RETURN_NULL();
	PG_RETURN_POINTER(ratings_of_counts(t, terms_entry(t, i)->counts));
}

/*
 * What theme_impact reads once, before its first row: the summary, the
 * threshold, the overall NPS and the sums over all terms of the Monroe et
 * al. log-odds (detractor and promoter mentions, all mentions).
 */
typedef struct ThemeScan
{
	TermRatings *t;
	int64		min_mentions;
	int			next;			/* the next term to look at */
	double		responses;
	double		nps_all;
	double		n_det;			/* n^D: detractor mentions of all terms */
	double		n_pro;			/* n^P: promoter mentions of all terms */
	double		alpha0;			/* alpha_0: mentions of all terms */
	Ratings    *with;			/* the responses that mention a term */
	Ratings    *without;		/* all the others */
} ThemeScan;

/* Mentions of term e in scale points from..to. */
static int64
term_mentions(const TermEntry *e, int from, int to)
{
	int64		n = 0;

	/* At most the overall counts, whose total fits bigint. */
	for (int p = from; p <= to; p++)
		n += e->counts[p];
	return n;
}

static double
term_detractors(const TermEntry *e)
{
	return (double) term_mentions(e, NPS_LO, NPS_PASSIVE_FROM - 1);
}

static double
term_promoters(const TermEntry *e)
{
	return (double) term_mentions(e, NPS_PROMOTER_FROM, NPS_HI);
}

static ThemeScan *
theme_scan_new(TermRatings *t, int32 min_mentions)
{
	ThemeScan  *s = palloc0(sizeof(ThemeScan));

	if (t->lo != NPS_LO || t->hi != NPS_HI)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("theme_impact needs a term_ratings summary on the 0..10 scale, not %d..%d",
						t->lo, t->hi),
				 errhint("Build it with term_ratings_agg(terms, score) or term_ratings_agg(terms, score, 0, 10).")));
	if (min_mentions < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("min_mentions %d is negative", min_mentions)));
	s->t = t;
	s->min_mentions = min_mentions;
	s->responses = (double) terms_responses(t);
	s->with = ratings_new(NPS_LO, NPS_HI, false);
	s->without = ratings_new(NPS_LO, NPS_HI, false);
	memcpy(s->with->counts, terms_overall(t), terms_npoints(t) * sizeof(int64));
	(void) ratings_nps_of(s->with, &s->nps_all);
	for (int i = 0; i < t->nterms; i++)
	{
		const TermEntry *e = terms_entry(t, i);

		s->n_det += term_detractors(e);
		s->n_pro += term_promoters(e);
		s->alpha0 += (double) term_mentions(e, NPS_LO, NPS_HI);
	}
	return s;
}

/*
 * Monroe, Colaresi & Quinn (2008) eq. 16-22: the log-odds ratio of a term
 * in detractor against promoter responses, with the informative Dirichlet
 * prior alpha_w = the term's mentions (alpha), over its standard error.  False when
 * the term is the only one (alpha_0 = alpha_w: no odds against the rest).
 */
static bool
detractor_z(const ThemeScan *s, const TermEntry *e, double alpha, double *z)
{
	double		d = term_detractors(e) + alpha;
	double		p = term_promoters(e) + alpha;
	double		delta;

	if (!(s->alpha0 > alpha))
		return false;
	delta = log(d / (s->n_det + s->alpha0 - d)) - log(p / (s->n_pro + s->alpha0 - p));
	*z = delta / sqrt(1.0 / d + 1.0 / p);
	return true;
}

/*
 * The row of term e, which mentions responses mention: term, mentions,
 * mention_pct, nps, nps_without, impact, p_value, detractor_z.
 */
static HeapTuple
theme_row(ThemeScan *s, const TermEntry *e, int64 mentions, TupleDesc desc)
{
	Datum		values[8];
	bool		nulls[8] = {false};
	double		nps = 0.0,
				nps_without = 0.0,
				p = 0.0,
				z = 0.0;

	for (int i = 0; i < terms_npoints(s->t); i++)
	{
		s->with->counts[i] = e->counts[i];
		s->without->counts[i] = terms_overall(s->t)[i] - e->counts[i];
	}
	values[0] = PointerGetDatum(cstring_to_text_with_len(terms_entry_bytes(s->t, e), e->len));
	values[1] = Int64GetDatum(mentions);
	values[2] = Float8GetDatum(100.0 * (double) mentions / s->responses);
	(void) ratings_nps_of(s->with, &nps);
	values[3] = Float8GetDatum(nps);
	nulls[4] = nulls[5] = !ratings_nps_of(s->without, &nps_without);
	values[4] = Float8GetDatum(nps_without);
	values[5] = Float8GetDatum(s->nps_all - nps_without);
	nulls[6] = !nps_test_p(s->with, s->without, &p);
	values[6] = Float8GetDatum(p);
	nulls[7] = !detractor_z(s, e, (double) mentions, &z);
	values[7] = Float8GetDatum(z);
	return heap_form_tuple(desc, values, nulls);
}

/*
 * term_ratings_theme_impact: theme_impact(t, min_mentions), one row per
 * term mentioned by at least min_mentions responses, in term order
 */
PG_FUNCTION_INFO_V1(term_ratings_theme_impact);
Datum
term_ratings_theme_impact(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	ThemeScan  *s;

	if (SRF_IS_FIRSTCALL())
	{
		MemoryContext old;

		funcctx = srf_first_call(fcinfo, &old);
		funcctx->user_fctx = theme_scan_new((TermRatings *) PG_DETOAST_DATUM_COPY(PG_GETARG_DATUM(0)),
											PG_GETARG_INT32(1));
		MemoryContextSwitchTo(old);
	}
	funcctx = SRF_PERCALL_SETUP();
	s = (ThemeScan *) funcctx->user_fctx;
	while (s->next < s->t->nterms)
	{
		const TermEntry *e = terms_entry(s->t, s->next++);
		int64		mentions = term_mentions(e, NPS_LO, NPS_HI);

		if (mentions >= s->min_mentions)
			SRF_RETURN_NEXT(funcctx, HeapTupleGetDatum(theme_row(s, e, mentions, funcctx->tuple_desc)));
	}
	SRF_RETURN_DONE(funcctx);
}
