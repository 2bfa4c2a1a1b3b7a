/*
 * ratings.c
 *		The `ratings` type: the distribution of answers on one integer scale.
 *		Text and binary I/O, validation, and the cast to jsonb.
 *
 * Text form, unweighted:   scale=0..10 n={0,0,1,0,0,0,2,3,4,5,6}
 * Text form, weighted:     scale=1..5 n={1,0,0,2,1} w={1.5,0,0,2,0.5} w2=4.75
 *
 * n holds the exact count per scale point, w the weight sum per point and w2
 * the sum of squared weights.  Floats are printed in the shortest form that
 * reads back to the same double, whatever extra_float_digits says, so the
 * text form round-trips exactly.
 */
#include "postgres.h"

#include <math.h>

#include "common/int.h"
#include "common/shortest_dec.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"

#include "loyalty.h"

PG_MODULE_MAGIC;

/* scale_ok (loyalty.h), raised as 22023 where the scale is a function argument. */
void
check_scale(int64 lo, int64 hi)
{
	if (!scale_ok(lo, hi))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("scale " INT64_FORMAT ".." INT64_FORMAT " is invalid", lo, hi),
				 errdetail("A scale lo..hi needs lo <= hi and at most %d points.",
						   RATINGS_MAX_POINTS)));
}

/* A new, empty summary on lo..hi (the scale must already be checked). */
Ratings *
ratings_new(int32 lo, int32 hi, bool weighted)
{
	Size		size = ratings_size(hi - lo + 1, weighted);
	Ratings    *r = palloc0(size);

	SET_VARSIZE(r, size);
	r->version = RATINGS_VERSION;
	r->flags = weighted ? RATINGS_WEIGHTED : 0;
	r->lo = lo;
	r->hi = hi;
	return r;
}

/*
 * A weighted copy of r: an unweighted summary becomes weighted with weight 1
 * per response.  The transient RATINGS_INEXACT flag is kept.
 */
Ratings *
ratings_copy_weighted(const Ratings *r)
{
	int			np = ratings_npoints(r);
	Ratings    *c = ratings_new(r->lo, r->hi, true);

	c->flags |= r->flags & RATINGS_INEXACT;
	memcpy(c->counts, r->counts, np * sizeof(int64));
	if (ratings_weighted(r))
		memcpy(ratings_weights(c), ratings_weights(r), (np + 1) * sizeof(double));
	else
	{
		double	   *w = ratings_weights(c);

		for (int i = 0; i < np; i++)
		{
			w[i] = (double) r->counts[i];
			w[np] += (double) r->counts[i];
		}
	}
	return c;
}

/* Weight of scale point i: the weight sum, or the count when unweighted. */
double
ratings_point_weight(const Ratings *r, int i)
{
	return ratings_weighted(r) ? ratings_weights(r)[i] : (double) r->counts[i];
}

double
ratings_sum_weights(const Ratings *r)
{
	double		total = 0.0;

	for (int i = 0; i < ratings_npoints(r); i++)
		total += ratings_point_weight(r, i);
	return total;
}

/* Sum of squared weights: stored when weighted, one per response otherwise. */
double
ratings_sum_sq_weights(const Ratings *r)
{
	return ratings_weighted(r) ? *ratings_sumw2(r) : (double) ratings_sum_counts(r);
}

/* Number of responses; validated summaries cannot overflow. */
int64
ratings_sum_counts(const Ratings *r)
{
	return counts_total(r->counts, ratings_npoints(r), "ratings");
}

/*
 * Everything a summary from outside must satisfy; errcode is 22P02 for text
 * and 22P03 for binary input, 22023 for a result of a direct call.  The layout (version, flags, size) is checked
 * first, then the values: counts >= 0 with a total that fits bigint, weights
 * finite and >= 0, no weight on an empty point, and a sum of squared weights
 * consistent with the weights (W^2 / n <= w2 <= W^2, up to rounding).
 */
void
ratings_check(const Ratings *r, int sqlstate)
{
	int			np;
	int64		n = 0;

#define RATINGS_BAD(...) value_invalid(sqlstate, "ratings", __VA_ARGS__)

	check_version(sqlstate, "ratings", r->version, RATINGS_VERSION);
	if ((r->flags & ~RATINGS_STORED_FLAGS) != 0 || r->unused != 0)
		RATINGS_BAD("Unknown flags 0x%x.", r->flags);
	if (!scale_ok(r->lo, r->hi))
		RATINGS_BAD("Scale %d..%d is invalid: it needs lo <= hi and at most %d points.",
					r->lo, r->hi, RATINGS_MAX_POINTS);
	np = ratings_npoints(r);
	if (VARSIZE(r) != ratings_size(np, ratings_weighted(r)))
		RATINGS_BAD("Size %zu does not match scale %d..%d.",
					(Size) VARSIZE(r), r->lo, r->hi);

	for (int i = 0; i < np; i++)
	{
		if (r->counts[i] < 0)
			RATINGS_BAD("Count " INT64_FORMAT " of score %d is negative.",
						r->counts[i], r->lo + i);
		if (pg_add_s64_overflow(n, r->counts[i], &n))
			RATINGS_BAD("The total count is out of range for bigint.");
	}

	if (ratings_weighted(r))
	{
		const double *w = ratings_weights(r);
		double		w2 = w[np];
		double		total = 0.0;

		for (int i = 0; i < np; i++)
		{
			/* -0 too: its text form would not read back. */
			if (!(w[i] >= 0.0) || isinf(w[i]) || signbit(w[i]))
				RATINGS_BAD("Weight %g of score %d is not a finite number >= 0.",
							w[i], r->lo + i);
			if (r->counts[i] == 0 && w[i] != 0.0)
				RATINGS_BAD("Score %d has weight %g but no responses.",
							r->lo + i, w[i]);
			total += w[i];
		}
		if (!(w2 >= 0.0) || isinf(w2) || signbit(w2) || isinf(total))
			RATINGS_BAD("The sum of squared weights %g is not a finite number >= 0.",
						w2);
		if (w2 > total * total * (1.0 + 1e-9) ||
			(n > 0 && total * total > (double) n * w2 * (1.0 + 1e-9)) ||
			(n == 0 && w2 != 0.0))
			RATINGS_BAD("The sum of squared weights %g does not fit the weights (total %g over " INT64_FORMAT " responses).",
						w2, total, n);
	}
#undef RATINGS_BAD
}

/*
 * Validate a stored summary before merging it into an aggregate state: every
 * value passed ratings_in or ratings_recv, so a failure here means the stored
 * bytes were damaged.
 */
void
ratings_validate(const Ratings *r)
{
	ratings_check(r, ERRCODE_DATA_CORRUPTED);
}

/* --- text input (the parser is in parse.c) ------------------------------ */

/* ratings_in: text form to ratings */
PG_FUNCTION_INFO_V1(ratings_in);
Datum
ratings_in(PG_FUNCTION_ARGS)
{
	Parser		ps = PARSER_OF_ARG("ratings",
		"A ratings literal looks like 'scale=0..10 n={0,0,0,0,0,0,1,0,2,3,4}', optionally followed by ' w={...} w2=...' for weighted summaries.");
	int32		lo,
				hi;
	bool		weighted;
	Ratings    *r;

	lit_scale(&ps, &lo, &hi);
	lit_expect(&ps, "n");
	lit_expect(&ps, "=");
	/* Parse into a weighted buffer; shrink the size if no weights follow. */
	r = ratings_new(lo, hi, true);
	lit_point_list(&ps, ratings_npoints(r), r->counts, NULL);
	weighted = lit_word(&ps, "w");
	if (weighted)
	{
		lit_expect(&ps, "=");
		lit_point_list(&ps, ratings_npoints(r), NULL, ratings_weights(r));
		lit_expect(&ps, "w2");
		lit_expect(&ps, "=");
		*ratings_sumw2(r) = lit_nonneg_double(&ps);
	}
	else
	{
		r->flags = 0;
		SET_VARSIZE(r, ratings_size(ratings_npoints(r), false));
	}
	lit_end(&ps);

	ratings_check(r, ERRCODE_INVALID_TEXT_REPRESENTATION);
	PG_RETURN_POINTER(r);
}

static void
append_list(StringInfo buf, const Ratings *r, bool weights, bool json)
{
	appendStringInfoChar(buf, json ? '[' : '{');
	for (int i = 0; i < ratings_npoints(r); i++)
	{
		if (i > 0)
			appendStringInfoChar(buf, ',');
		if (weights)
			lit_append_double(buf, ratings_point_weight(r, i));
		else
			appendStringInfo(buf, INT64_FORMAT, r->counts[i]);
	}
	appendStringInfoChar(buf, json ? ']' : '}');
}

/* ratings_out: ratings to its text form */
PG_FUNCTION_INFO_V1(ratings_out);
Datum
ratings_out(PG_FUNCTION_ARGS)
{
	Ratings    *r = PG_GETARG_RATINGS_P(0);
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfo(&buf, "scale=%d..%d n=", r->lo, r->hi);
	append_list(&buf, r, false, false);
	if (ratings_weighted(r))
	{
		appendStringInfoString(&buf, " w=");
		append_list(&buf, r, true, false);
		appendStringInfoString(&buf, " w2=");
		lit_append_double(&buf, *ratings_sumw2(r));
	}
	PG_RETURN_CSTRING(buf.data);
}

/*
 * Binary form, version 1: version byte, flags byte, int32 lo, int32 hi,
 * int64 count per point; if weighted, float8 weight per point and float8 sum
 * of squared weights.
 */

/* ratings_send: ratings to its binary form */
PG_FUNCTION_INFO_V1(ratings_send);
Datum
ratings_send(PG_FUNCTION_ARGS)
{
	Ratings    *r = PG_GETARG_RATINGS_P(0);
	int			np = ratings_npoints(r);
	StringInfoData buf;

	send_header(&buf, RATINGS_VERSION, r->flags & RATINGS_STORED_FLAGS);
	pq_sendint32(&buf, r->lo);
	pq_sendint32(&buf, r->hi);
	for (int i = 0; i < np; i++)
		pq_sendint64(&buf, r->counts[i]);
	if (ratings_weighted(r))
		for (int i = 0; i <= np; i++)
			pq_sendfloat8(&buf, ratings_weights(r)[i]);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ratings_recv: binary form to ratings, validated as strictly as text */
PG_FUNCTION_INFO_V1(ratings_recv);
Datum
ratings_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			flags = recv_header(buf, "ratings", RATINGS_VERSION, RATINGS_STORED_FLAGS);
	bool		weighted = (flags & RATINGS_WEIGHTED) != 0;
	int32		lo,
				hi;
	Ratings    *r;
	int			np;

	recv_expect_min(buf, "ratings", 8);
	lo = pq_getmsgint(buf, 4);
	hi = pq_getmsgint(buf, 4);
	if (!scale_ok(lo, hi))
		recv_fail("ratings", "Scale %d..%d is invalid: it needs lo <= hi and at most %d points.",
				  lo, hi, RATINGS_MAX_POINTS);
	np = hi - lo + 1;
	recv_expect_rest(buf, "ratings", np * sizeof(int64) + (weighted ? (np + 1) * sizeof(double) : 0));
	r = ratings_new(lo, hi, weighted);
	for (int i = 0; i < np; i++)
		r->counts[i] = pq_getmsgint64(buf);
	if (weighted)
		for (int i = 0; i <= np; i++)
			ratings_weights(r)[i] = pq_getmsgfloat8(buf);
	ratings_check(r, ERRCODE_INVALID_BINARY_REPRESENTATION);
	PG_RETURN_POINTER(r);
}

/* ratings_to_jsonb: the summary as a jsonb object for BI tools */
PG_FUNCTION_INFO_V1(ratings_to_jsonb);
Datum
ratings_to_jsonb(PG_FUNCTION_ARGS)
{
	Ratings    *r = PG_GETARG_RATINGS_P(0);
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfo(&buf, "{\"lo\": %d, \"hi\": %d, \"responses\": " INT64_FORMAT
					 ", \"total_weight\": ", r->lo, r->hi, ratings_sum_counts(r));
	lit_append_double(&buf, ratings_sum_weights(r));
	appendStringInfo(&buf, ", \"weighted\": %s, \"counts\": ",
					 ratings_weighted(r) ? "true" : "false");
	append_list(&buf, r, false, true);
	appendStringInfoString(&buf, ", \"weights\": ");
	append_list(&buf, r, true, true);
	appendStringInfoString(&buf, ", \"sum_sq_weights\": ");
	lit_append_double(&buf, ratings_sum_sq_weights(r));
	appendStringInfoChar(&buf, '}');
	PG_RETURN_DATUM(DirectFunctionCall1(jsonb_in, CStringGetDatum(buf.data)));
}
