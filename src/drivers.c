/*
 * drivers.c
 *		The `driver_matrix` type: pairwise-complete co-moments of k drivers
 *		and one outcome.  Text and binary I/O, validation and the cast to
 *		jsonb; the aggregates that build it are in drivers_agg.c, key driver
 *		analysis in drivers_stats.c.
 *
 * Text form (k = 2):
 *
 *	k=2 y=(n,mean,m2) x={(n,mean,m2),(n,mean,m2)}
 *		xy={(n,mean_x,mean_y,m2_x,m2_y,c),(...)} xx={(n,mean_x,mean_y,m2_x,m2_y,c)}
 *
 * y holds the outcome's own moments, x each driver's own moments, xy each
 * driver with the outcome (x = the driver, y = the outcome), xx each pair of
 * drivers i < j in the order (1,2), (1,3), ..., (2,3), ... (x = driver i,
 * y = driver j).  All moments of a pair are over the rows where both were
 * answered.  Doubles are printed in the shortest form that reads back to the
 * same double, so the text form round-trips exactly.
 */
#include "postgres.h"

#include <float.h>
#include <math.h>

#include "catalog/pg_type.h"
#include "common/int.h"
#include "common/shortest_dec.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"

#include "loyalty.h"

/*
 * How far a stored cross-product may exceed the Cauchy-Schwarz bound
 * |c| <= sqrt(m2_x * m2_y) before a value is rejected as damaged: rounding
 * in the updates of perfectly correlated columns can overshoot it a little,
 * and squares of deviations below 1e-154 underflow (allowed for apart).
 */
#define DRIVERS_CS_SLACK	1e-6

/* A new matrix for k drivers with every count and moment zero. */
DriverMatrix *
drivers_new(int k)
{
	Size		size = drivers_size(k);
	DriverMatrix *m = palloc0(size);

	SET_VARSIZE(m, size);
	m->version = DRIVERS_VERSION;
	m->k = (uint16) k;
	return m;
}

static inline bool
drivers_k_ok(int64 k)
{
	return k >= 1 && k <= DRIVERS_MAX;
}

/* --- validation ---------------------------------------------------------- */

/* What is wrong with one variable's moments, or NULL if nothing. */
static inline const char *
moments_problem(int64 n, double mean, double m2)
{
	if (n < 0)
		return "a negative count";
	if (!isfinite(mean) || !isfinite(m2) || m2 < 0.0)
		return "moments that are not finite numbers with m2 >= 0";
	if (n == 0 && (mean != 0.0 || m2 != 0.0))
		return "moments but no responses";
	if (n == 1 && m2 != 0.0)
		return "a sum of squares but only one response";
	return NULL;
}

static inline const char *
pair_problem(const DriverPair *p)
{
	const char *problem;
	/* each squared deviation below DBL_MIN may have underflowed to zero */
	double		tiny = (double) p->n * DBL_MIN;

	if ((problem = moments_problem(p->n, p->mean_x, p->m2_x)) != NULL ||
		(problem = moments_problem(p->n, p->mean_y, p->m2_y)) != NULL)
		return problem;
	if (!isfinite(p->c))
		return "a cross-product that is not finite";
	if (p->n <= 1 && p->c != 0.0)
		return "a cross-product but fewer than two responses";
	if (fabs(p->c) > sqrt(p->m2_x + tiny) * sqrt(p->m2_y + tiny) * (1.0 + DRIVERS_CS_SLACK))
		return "a cross-product beyond the bound sqrt(m2_x * m2_y)";
	return NULL;
}

/*
 * Everything a matrix from outside must satisfy; sqlstate is 22P02 for text,
 * 22P03 for binary input and XX001 for a stored value about to be merged.
 * Every count is of rows with an outcome, so no driver has more responses
 * than the outcome, each driver has as many responses with the outcome as
 * alone, and no pair of drivers has more joint responses than either.
 */
#define DRIVERS_BAD(...) value_invalid(sqlstate, "driver_matrix", __VA_ARGS__)

static void
drivers_check(const DriverMatrix *m, int sqlstate)
{
	int			k = m->k;
	const DriverMoments *y = &m->own[k];
	const char *problem;

	check_version(sqlstate, "driver_matrix", m->version, DRIVERS_VERSION);
	if (m->flags != 0)
		DRIVERS_BAD("Unknown flags 0x%x.", m->flags);
	if (!drivers_k_ok(k))
		DRIVERS_BAD("The number of drivers %d is not between 1 and %d.", k, DRIVERS_MAX);
	if (VARSIZE(m) != drivers_size(k))
		DRIVERS_BAD("Size %zu does not match %d drivers.", (Size) VARSIZE(m), k);

	if ((problem = moments_problem(y->n, y->mean, y->m2)) != NULL)
		DRIVERS_BAD("The outcome has %s.", problem);
	for (int i = 0; i < k; i++)
	{
		const DriverMoments *x = &m->own[i];
		const DriverPair *xy = &drivers_xy(m)[i];

		if ((problem = moments_problem(x->n, x->mean, x->m2)) != NULL)
			DRIVERS_BAD("Driver %d has %s.", i + 1, problem);
		if (x->n > y->n)
			DRIVERS_BAD("Driver %d has more responses than the outcome.", i + 1);
		if ((problem = pair_problem(xy)) != NULL)
			DRIVERS_BAD("Driver %d with the outcome has %s.", i + 1, problem);
		if (xy->n != x->n)
			DRIVERS_BAD("Driver %d has " INT64_FORMAT " responses but " INT64_FORMAT " with the outcome; every counted row has an outcome.",
						i + 1, x->n, xy->n);
		for (int j = i + 1; j < k; j++)
		{
			const DriverPair *xx = drivers_xx(m, i, j);

			if ((problem = pair_problem(xx)) != NULL)
				DRIVERS_BAD("Drivers %d and %d have %s.", i + 1, j + 1, problem);
			if (xx->n > x->n || xx->n > m->own[j].n)
				DRIVERS_BAD("Drivers %d and %d have more joint responses than one of them alone.",
							i + 1, j + 1);
		}
	}
}

#undef DRIVERS_BAD

/*
 * Validate a stored matrix before merging it into a state: every value
 * passed driver_matrix_in or driver_matrix_recv, so a failure here means the
 * stored bytes were damaged.
 */
void
drivers_validate(const DriverMatrix *m)
{
	drivers_check(m, ERRCODE_DATA_CORRUPTED);
}

/* --- text input ---------------------------------------------------------- */

/* "(n,v1,...,vk)": a count and k numbers, read into *v[0..k-1] */
static void
parse_tuple(Parser *ps, int64 *n, double *const *v, int k)
{
	lit_expect(ps, "(");
	*n = lit_int(ps, false);
	for (int i = 0; i < k; i++)
	{
		lit_expect(ps, ",");
		*v[i] = lit_double(ps);
	}
	lit_expect(ps, ")");
}

/* "(n,mean,m2)" and "(n,mean_x,mean_y,m2_x,m2_y,c)" */
static void
parse_moments(Parser *ps, DriverMoments *mo)
{
	parse_tuple(ps, &mo->n, (double *const[]) {&mo->mean, &mo->m2}, 2);
}

static void
parse_pair(Parser *ps, DriverPair *p)
{
	parse_tuple(ps, &p->n, (double *const[]) {&p->mean_x, &p->mean_y, &p->m2_x, &p->m2_y, &p->c}, 5);
}

/* "{e,e,...}" with exactly n entries of moments (pairs == NULL) or pairs. */
static void
parse_moment_list(Parser *ps, int n, DriverMoments *moments, DriverPair *pairs)
{
	lit_expect(ps, "{");
	for (int i = 0; i < n; i++)
	{
		if (i > 0 && !lit_word(ps, ","))
			lit_fail(ps, psprintf("Expected \",\": the list holds %d %s",
									n, n == 1 ? "entry" : "entries"));
		if (pairs)
			parse_pair(ps, &pairs[i]);
		else
			parse_moments(ps, &moments[i]);
	}
	if (!lit_word(ps, "}"))
		lit_fail(ps, psprintf("Expected \"}\": the list holds %d %s",
								n, n == 1 ? "entry" : "entries"));
}

/* driver_matrix_in: text form to driver_matrix */
PG_FUNCTION_INFO_V1(driver_matrix_in);
Datum
driver_matrix_in(PG_FUNCTION_ARGS)
{
	Parser		ps = PARSER_OF_ARG("driver_matrix",
		"A driver_matrix literal looks like 'k=1 y=(n,mean,m2) x={(n,mean,m2)} xy={(n,mean_x,mean_y,m2_x,m2_y,c)} xx={}'; build one with driver_agg.");
	int64		k;
	DriverMatrix *m;

	lit_expect(&ps, "k");
	lit_expect(&ps, "=");
	k = lit_int(&ps, false);
	if (!drivers_k_ok(k))
		lit_fail(&ps, psprintf("The number of drivers " INT64_FORMAT " is not between 1 and %d",
								 k, DRIVERS_MAX));
	m = drivers_new((int) k);
	lit_expect(&ps, "y");
	lit_expect(&ps, "=");
	parse_moments(&ps, &m->own[k]);
	lit_expect(&ps, "x");
	lit_expect(&ps, "=");
	parse_moment_list(&ps, k, m->own, NULL);
	lit_expect(&ps, "xy");
	lit_expect(&ps, "=");
	parse_moment_list(&ps, k, NULL, drivers_xy(m));
	lit_expect(&ps, "xx");
	lit_expect(&ps, "=");
	parse_moment_list(&ps, k * (k - 1) / 2, NULL, drivers_xy(m) + k);
	lit_end(&ps);

	drivers_check(m, ERRCODE_INVALID_TEXT_REPRESENTATION);
	PG_RETURN_POINTER(m);
}

/* --- text output and jsonb ----------------------------------------------- */

/* "(n,v1,...,vk)", or as jsonb an object of n and the k named numbers */
static void
append_tuple(StringInfo buf, int64 n, const char *const *names, const double *v, int k,
			 bool json)
{
	appendStringInfo(buf, json ? "{\"n\": " INT64_FORMAT : "(" INT64_FORMAT, n);
	for (int i = 0; i < k; i++)
	{
		if (json)
			appendStringInfo(buf, ", \"%s\": ", names[i]);
		else
			appendStringInfoChar(buf, ',');
		lit_append_double(buf, v[i]);
	}
	appendStringInfoChar(buf, json ? '}' : ')');
}

static void
append_moments(StringInfo buf, const DriverMoments *mo, bool json)
{
	static const char *const names[] = {"mean", "m2"};
	double		v[2] = {mo->mean, mo->m2};

	append_tuple(buf, mo->n, names, v, 2, json);
}

static void
append_pair(StringInfo buf, const DriverPair *p, bool json)
{
	static const char *const names[] = {"mean_x", "mean_y", "m2_x", "m2_y", "c"};
	double		v[5] = {p->mean_x, p->mean_y, p->m2_x, p->m2_y, p->c};

	append_tuple(buf, p->n, names, v, 5, json);
}

/* The lists x, xy and xx, as "{...}" in text or "[...]" in json. */
static void
append_lists(StringInfo buf, const DriverMatrix *m, bool json)
{
	int			k = m->k;
	const DriverPair *pairs = drivers_xy(m);
	int			npairs = drivers_npairs(k);

	appendStringInfoString(buf, json ? ", \"x\": [" : " x={");
	for (int i = 0; i < k; i++)
	{
		if (i > 0)
			appendStringInfoString(buf, json ? ", " : ",");
		append_moments(buf, &m->own[i], json);
	}
	appendStringInfoString(buf, json ? "], \"xy\": [" : "} xy={");
	for (int i = 0; i < npairs; i++)
	{
		if (i == k)
			appendStringInfoString(buf, json ? "], \"xx\": [" : "} xx={");
		else if (i > 0)
			appendStringInfoString(buf, json ? ", " : ",");
		append_pair(buf, &pairs[i], json);
	}
	if (npairs == k)
		appendStringInfoString(buf, json ? "], \"xx\": [" : "} xx={");
	appendStringInfoChar(buf, json ? ']' : '}');
}

/* driver_matrix_out: driver_matrix to its text form */
PG_FUNCTION_INFO_V1(driver_matrix_out);
Datum
driver_matrix_out(PG_FUNCTION_ARGS)
{
	DriverMatrix *m = PG_GETARG_DRIVER_MATRIX_P(0);
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfo(&buf, "k=%d y=", m->k);
	append_moments(&buf, &m->own[m->k], false);
	append_lists(&buf, m, false);
	PG_RETURN_CSTRING(buf.data);
}

/* driver_matrix_to_jsonb: the matrix as a jsonb object for BI tools */
PG_FUNCTION_INFO_V1(driver_matrix_to_jsonb);
Datum
driver_matrix_to_jsonb(PG_FUNCTION_ARGS)
{
	DriverMatrix *m = PG_GETARG_DRIVER_MATRIX_P(0);
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfo(&buf, "{\"k\": %d, \"responses\": " INT64_FORMAT ", \"y\": ",
					 m->k, m->own[m->k].n);
	append_moments(&buf, &m->own[m->k], true);
	append_lists(&buf, m, true);
	appendStringInfoChar(&buf, '}');
	PG_RETURN_DATUM(DirectFunctionCall1(jsonb_in, CStringGetDatum(buf.data)));
}

/* --- binary I/O ---------------------------------------------------------- */

/*
 * Binary form, version 1: version byte, flags byte (zero), int16 k, then
 * for y and each driver int64 n, float8 mean, float8 m2, then for each pair
 * (xy, then xx) int64 n and float8 mean_x, mean_y, m2_x, m2_y, c.
 */

/* driver_matrix_send: driver_matrix to its binary form */
PG_FUNCTION_INFO_V1(driver_matrix_send);
Datum
driver_matrix_send(PG_FUNCTION_ARGS)
{
	DriverMatrix *m = PG_GETARG_DRIVER_MATRIX_P(0);
	const DriverPair *pairs = drivers_xy(m);
	StringInfoData buf;

	send_header(&buf, DRIVERS_VERSION, 0);
	pq_sendint16(&buf, m->k);
	for (int v = 0; v <= m->k; v++)
	{
		/* the outcome first, as in the text form */
		const DriverMoments *mo = &m->own[v == 0 ? m->k : v - 1];

		pq_sendint64(&buf, mo->n);
		pq_sendfloat8(&buf, mo->mean);
		pq_sendfloat8(&buf, mo->m2);
	}
	for (int i = 0; i < drivers_npairs(m->k); i++)
	{
		pq_sendint64(&buf, pairs[i].n);
		pq_sendfloat8(&buf, pairs[i].mean_x);
		pq_sendfloat8(&buf, pairs[i].mean_y);
		pq_sendfloat8(&buf, pairs[i].m2_x);
		pq_sendfloat8(&buf, pairs[i].m2_y);
		pq_sendfloat8(&buf, pairs[i].c);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* driver_matrix_recv: binary form to driver_matrix, validated as text is */
PG_FUNCTION_INFO_V1(driver_matrix_recv);
Datum
driver_matrix_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			k;
	DriverMatrix *m;
	DriverPair *pairs;

	recv_header(buf, "driver_matrix", DRIVERS_VERSION, 0);
	recv_expect_min(buf, "driver_matrix", 2);
	k = pq_getmsgint(buf, 2);
	if (!drivers_k_ok(k))
		recv_fail("driver_matrix", "The number of drivers %d is not between 1 and %d.", k, DRIVERS_MAX);
	recv_expect_rest(buf, "driver_matrix", (k + 1) * 24 + drivers_npairs(k) * 48);
	m = drivers_new(k);
	pairs = drivers_xy(m);
	for (int v = 0; v <= k; v++)
	{
		DriverMoments *mo = &m->own[v == 0 ? k : v - 1];

		mo->n = pq_getmsgint64(buf);
		mo->mean = pq_getmsgfloat8(buf);
		mo->m2 = pq_getmsgfloat8(buf);
	}
	for (int i = 0; i < drivers_npairs(k); i++)
	{
		pairs[i].n = pq_getmsgint64(buf);
		pairs[i].mean_x = pq_getmsgfloat8(buf);
		pairs[i].mean_y = pq_getmsgfloat8(buf);
		pairs[i].m2_x = pq_getmsgfloat8(buf);
		pairs[i].m2_y = pq_getmsgfloat8(buf);
		pairs[i].c = pq_getmsgfloat8(buf);
	}
	pq_getmsgend(buf);
	drivers_check(m, ERRCODE_INVALID_BINARY_REPRESENTATION);
	PG_RETURN_POINTER(m);
}

/* driver_matrix_responses: rows counted (rows with an outcome) */
PG_FUNCTION_INFO_V1(driver_matrix_responses);
Datum
driver_matrix_responses(PG_FUNCTION_ARGS)
{
	DriverMatrix *m = PG_GETARG_DRIVER_MATRIX_P(0);

	PG_RETURN_INT64(m->own[m->k].n);
}

/* driver_matrix_drivers: the number of drivers k */
PG_FUNCTION_INFO_V1(driver_matrix_drivers);
Datum
driver_matrix_drivers(PG_FUNCTION_ARGS)
{
	DriverMatrix *m = PG_GETARG_DRIVER_MATRIX_P(0);

	PG_RETURN_INT32(m->k);
}
