/*
 * pairs.c
 *		The `rating_pairs` type: the joint count table of two integer
 *		answers (x, a touchpoint score; y, an outcome).  Text and binary I/O,
 *		validation and the cast to jsonb; the aggregates that build it are
 *		in pairs_agg.c, its coefficients in pairs_stats.c.
 *
 * Text form:  x={1,2,5} y={0,9,10} n={{1,0,2},{0,0,1},{3,1,0}}
 *             (row i holds the counts of x = xvals[i] for each y value)
 */
#include "postgres.h"

#include "common/int.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"

#include "loyalty.h"

/* A new table with room for nx x values and ny y values, all counts 0. */
RatingPairs *
pairs_new(int nx, int ny)
{
	Size		size = pairs_size(nx, ny);
	RatingPairs *p = palloc0(size);

	SET_VARSIZE(p, size);
	p->version = PAIRS_VERSION;
	p->nx = nx;
	p->ny = ny;
	return p;
}

/* Number of rows counted (validated tables cannot overflow). */
int64
pairs_responses(const RatingPairs *p)
{
	return counts_total(pairs_counts(p), p->nx * p->ny, "rating_pairs");
}

/*
 * Everything a table from outside must satisfy: version, flags, axis sizes
 * (both empty or both not, at most 101), strictly increasing axis values,
 * counts >= 0 with a total that fits bigint, and the size.
 */
void
pairs_check(const RatingPairs *p, int sqlstate)
{
	int64		n = 0;

#define PAIRS_BAD(...) value_invalid(sqlstate, "rating_pairs", __VA_ARGS__)

	check_version(sqlstate, "rating_pairs", p->version, PAIRS_VERSION);
	if (p->flags != 0 || p->unused != 0 || p->pad != 0)
		PAIRS_BAD("Unknown flags 0x%x.", p->flags);
	if (p->nx < 0 || p->ny < 0 || p->nx > PAIRS_MAX_VALUES || p->ny > PAIRS_MAX_VALUES ||
		(p->nx == 0) != (p->ny == 0))
		PAIRS_BAD("Axes of %d and %d values: each needs 1 to %d values, or both none.",
				  p->nx, p->ny, PAIRS_MAX_VALUES);
	if (VARSIZE(p) != pairs_size(p->nx, p->ny))
		PAIRS_BAD("Size %zu does not match axes of %d and %d values.",
				  (Size) VARSIZE(p), p->nx, p->ny);
	for (int i = 1; i < p->nx; i++)
		if (pairs_xvals(p)[i] <= pairs_xvals(p)[i - 1])
			PAIRS_BAD("The x values are not strictly increasing.");
	for (int j = 1; j < p->ny; j++)
		if (pairs_yvals(p)[j] <= pairs_yvals(p)[j - 1])
			PAIRS_BAD("The y values are not strictly increasing.");
	for (int i = 0; i < p->nx * p->ny; i++)
	{
		if (pairs_counts(p)[i] < 0)
			PAIRS_BAD("Count " INT64_FORMAT " is negative.", pairs_counts(p)[i]);
		if (pg_add_s64_overflow(n, pairs_counts(p)[i], &n))
			PAIRS_BAD("The total count is out of range for bigint.");
	}
#undef PAIRS_BAD
}

/* --- text and binary forms --------------------------------------------- */

static void
read_values(Parser *ps, int64 *vals, int *n)
{
	lit_expect(ps, "{");
	*n = 0;
	if (lit_word(ps, "}"))
		return;
	do
	{
		if (*n >= PAIRS_MAX_VALUES)
			lit_fail(ps, psprintf("More than %d values on one axis", PAIRS_MAX_VALUES));
		vals[(*n)++] = lit_int(ps, true);
	} while (lit_word(ps, ","));
	lit_expect(ps, "}");
}

/* rating_pairs_in: text form to rating_pairs */
PG_FUNCTION_INFO_V1(rating_pairs_in);
Datum
rating_pairs_in(PG_FUNCTION_ARGS)
{
	Parser		ps = PARSER_OF_ARG("rating_pairs",
		"A rating_pairs literal looks like 'x={1,2} y={0,10} n={{3,1},{0,2}}': one row of counts per x value.");
	int64		xv[PAIRS_MAX_VALUES],
				yv[PAIRS_MAX_VALUES];
	int			nx,
				ny;
	RatingPairs *p;

	lit_expect(&ps, "x");
	lit_expect(&ps, "=");
	read_values(&ps, xv, &nx);
	lit_expect(&ps, "y");
	lit_expect(&ps, "=");
	read_values(&ps, yv, &ny);
	lit_expect(&ps, "n");
	lit_expect(&ps, "=");
	p = pairs_new(nx, ny);
	memcpy(pairs_xvals(p), xv, nx * sizeof(int64));
	memcpy(pairs_yvals(p), yv, ny * sizeof(int64));
	lit_expect(&ps, "{");
	for (int i = 0; i < nx; i++)
	{
		if (i > 0)
			lit_expect(&ps, ",");
		lit_expect(&ps, "{");
		for (int j = 0; j < ny; j++)
		{
			if (j > 0 && !lit_word(&ps, ","))
				lit_fail(&ps, psprintf("Expected \",\": each row has %d counts", ny));
			pairs_counts(p)[i * ny + j] = lit_int(&ps, false);
		}
		if (!lit_word(&ps, "}"))
			lit_fail(&ps, psprintf("Expected \"}\": each row has %d counts", ny));
	}
	if (!lit_word(&ps, "}"))
		lit_fail(&ps, psprintf("Expected \"}\": there are %d rows, one per x value", nx));
	lit_end(&ps);
	pairs_check(p, ERRCODE_INVALID_TEXT_REPRESENTATION);
	PG_RETURN_POINTER(p);
}

/* rating_pairs_out: rating_pairs to its text form */
PG_FUNCTION_INFO_V1(rating_pairs_out);
Datum
rating_pairs_out(PG_FUNCTION_ARGS)
{
	RatingPairs *p = PG_GETARG_RATING_PAIRS_P(0);
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfoString(&buf, "x=");
	lit_append_int64_list(&buf, pairs_xvals(p), p->nx, '{', '}');
	appendStringInfoString(&buf, " y=");
	lit_append_int64_list(&buf, pairs_yvals(p), p->ny, '{', '}');
	appendStringInfoString(&buf, " n={");
	for (int i = 0; i < p->nx; i++)
	{
		if (i > 0)
			appendStringInfoChar(&buf, ',');
		lit_append_int64_list(&buf, pairs_counts(p) + i * p->ny, p->ny, '{', '}');
	}
	appendStringInfoChar(&buf, '}');
	PG_RETURN_CSTRING(buf.data);
}

/*
 * Binary form, version 1: version byte, flags byte, int32 nx, int32 ny,
 * int64 x values, int64 y values, int64 counts row by row.
 */

/* rating_pairs_send: rating_pairs to its binary form */
PG_FUNCTION_INFO_V1(rating_pairs_send);
Datum
rating_pairs_send(PG_FUNCTION_ARGS)
{
	RatingPairs *p = PG_GETARG_RATING_PAIRS_P(0);
	StringInfoData buf;
	int			total = p->nx + p->ny + p->nx * p->ny;

	send_header(&buf, PAIRS_VERSION, 0);
	pq_sendint32(&buf, p->nx);
	pq_sendint32(&buf, p->ny);
	for (int i = 0; i < total; i++)
		pq_sendint64(&buf, p->data[i]);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* rating_pairs_recv: binary form to rating_pairs, validated as text is */
PG_FUNCTION_INFO_V1(rating_pairs_recv);
Datum
rating_pairs_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int32		nx,
				ny;
	RatingPairs *p;

	recv_header(buf, "rating_pairs", PAIRS_VERSION, 0);
	recv_expect_min(buf, "rating_pairs", 8);
	nx = pq_getmsgint(buf, 4);
	ny = pq_getmsgint(buf, 4);
	if (nx < 0 || ny < 0 || nx > PAIRS_MAX_VALUES || ny > PAIRS_MAX_VALUES)
		recv_fail("rating_pairs", "Axes of %d and %d values: at most %d each.", nx, ny, PAIRS_MAX_VALUES);
	recv_expect_rest(buf, "rating_pairs", (nx + ny + (Size) nx * ny) * sizeof(int64));
	p = pairs_new(nx, ny);
	for (int i = 0; i < nx + ny + nx * ny; i++)
		p->data[i] = pq_getmsgint64(buf);
	pairs_check(p, ERRCODE_INVALID_BINARY_REPRESENTATION);
	PG_RETURN_POINTER(p);
}

/* rating_pairs_to_jsonb: the table as jsonb for BI tools */
PG_FUNCTION_INFO_V1(rating_pairs_to_jsonb);
Datum
rating_pairs_to_jsonb(PG_FUNCTION_ARGS)
{
	RatingPairs *p = PG_GETARG_RATING_PAIRS_P(0);
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfo(&buf, "{\"responses\": " INT64_FORMAT ", \"x\": ", pairs_responses(p));
	lit_append_int64_list(&buf, pairs_xvals(p), p->nx, '[', ']');
	appendStringInfoString(&buf, ", \"y\": ");
	lit_append_int64_list(&buf, pairs_yvals(p), p->ny, '[', ']');
	appendStringInfoString(&buf, ", \"counts\": [");
	for (int i = 0; i < p->nx; i++)
	{
		if (i > 0)
			appendStringInfoString(&buf, ", ");
		lit_append_int64_list(&buf, pairs_counts(p) + i * p->ny, p->ny, '[', ']');
	}
	appendStringInfoString(&buf, "]}");
	PG_RETURN_DATUM(DirectFunctionCall1(jsonb_in, CStringGetDatum(buf.data)));
}
