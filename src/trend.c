/*
 * trend.c
 *		The `nps_trend_state` type: the state of nps_trend and nps_trend_p
 *		(trend_agg.c), with its text and binary forms and validation.
 *
 * A state holds, over the answers seen, their number n, the means of the
 * time t (in units of 30 days) and of the NPS value y (+100, 0 or -100), and
 * the sums of squared and cross deviations Stt, Sty and Syy.
 *
 * Text form:  n=3 mean_t=671.25 mean_y=33.333333333333336 stt=0.5 sty=25 syy=6666.666666666667
 *
 * Every double is printed in the shortest form that reads back to the same
 * double, whatever extra_float_digits says, so a state read back from its
 * text (as Citus ships partial states from workers to the coordinator) is
 * the same state, bit for bit.
 */
#include "postgres.h"

#include <math.h>

#include "lib/stringinfo.h"
#include "libpq/pqformat.h"

#include "loyalty.h"

static const char *const trend_field[TREND_N] = {"n", "mean_t", "mean_y", "stt", "sty", "syy"};

/* Largest n whose increments by 1 stay exact in a double. */
/* How far |Sty| may exceed sqrt(Stt Syy) through rounding. */
#define TREND_CS_SLACK	1e-6

/* A new state without answers. */
TrendState *
trend_new(void)
{
	TrendState *t = palloc0(sizeof(TrendState));

	SET_VARSIZE(t, sizeof(TrendState));
	t->version = TREND_VERSION;
	return t;
}

/*
 * Everything a state from outside must satisfy (errcode: 22P02 for text,
 * 22P03 for binary input, XX001 for stored bytes): a whole n >= 0, finite
 * values, non-negative sums of squares that fit each other, a mean NPS value
 * within -100..100, and nothing but zeros without answers.
 */
void
trend_check(const TrendState *t, int sqlstate)
{
	const double *s = t->s;

#define TREND_BAD(...) value_invalid(sqlstate, "nps_trend_state", __VA_ARGS__)

	if (VARSIZE(t) != sizeof(TrendState))
		TREND_BAD("Size %zu is not %zu.", (Size) VARSIZE(t), sizeof(TrendState));
	check_version(sqlstate, "nps_trend_state", t->version, TREND_VERSION);
	if (t->flags != 0 || t->unused != 0 || t->pad != 0)
		TREND_BAD("Unknown flags 0x%x.", t->flags);
	for (int i = 0; i < TREND_N; i++)
		if (!isfinite(s[i]))
			TREND_BAD("%s is not a finite number.", trend_field[i]);
	if (!(s[0] >= 0.0 && s[0] <= TREND_MAX_N && s[0] == floor(s[0])))
		TREND_BAD("n = %g is not a whole number from 0 to 2^53.", s[0]);
	if (s[3] < 0.0 || s[5] < 0.0)
		TREND_BAD("The sums of squares stt and syy must be >= 0.");
	if (fabs(s[2]) > 100.0)
		TREND_BAD("mean_y = %g is outside -100..100.", s[2]);
	if (s[4] * s[4] > s[3] * s[5] * (1.0 + TREND_CS_SLACK) + 1e-300)
		TREND_BAD("sty = %g does not fit stt and syy.", s[4]);
	if (s[0] == 0.0 && (s[1] != 0.0 || s[2] != 0.0 || s[3] != 0.0 || s[4] != 0.0 || s[5] != 0.0))
		TREND_BAD("A state without answers holds only zeros.");
#undef TREND_BAD
}

/* nps_trend_state_in: text form to nps_trend_state */
PG_FUNCTION_INFO_V1(nps_trend_state_in);
Datum
nps_trend_state_in(PG_FUNCTION_ARGS)
{
	Parser		ps = PARSER_OF_ARG("nps_trend_state",
		"An nps_trend_state literal looks like 'n=2 mean_t=0.5 mean_y=0 stt=0.5 sty=100 syy=20000'.");
	TrendState *t = trend_new();

	for (int i = 0; i < TREND_N; i++)
	{
		lit_expect(&ps, trend_field[i]);
		lit_expect(&ps, "=");
		t->s[i] = lit_double(&ps);
	}
	lit_end(&ps);
	trend_check(t, ERRCODE_INVALID_TEXT_REPRESENTATION);
	PG_RETURN_POINTER(t);
}

/* nps_trend_state_out: nps_trend_state to its exact text form */
PG_FUNCTION_INFO_V1(nps_trend_state_out);
Datum
nps_trend_state_out(PG_FUNCTION_ARGS)
{
	TrendState *t = PG_GETARG_TREND_STATE_P(0);
	StringInfoData buf;

	initStringInfo(&buf);
	for (int i = 0; i < TREND_N; i++)
	{
		appendStringInfo(&buf, "%s%s=", i > 0 ? " " : "", trend_field[i]);
		lit_append_double(&buf, t->s[i]);
	}
	PG_RETURN_CSTRING(buf.data);
}

/* nps_trend_state_send: version and flags bytes, then the six doubles */
PG_FUNCTION_INFO_V1(nps_trend_state_send);
Datum
nps_trend_state_send(PG_FUNCTION_ARGS)
{
	TrendState *t = PG_GETARG_TREND_STATE_P(0);
	StringInfoData buf;

	send_header(&buf, TREND_VERSION, 0);
	for (int i = 0; i < TREND_N; i++)
		pq_sendfloat8(&buf, t->s[i]);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* nps_trend_state_recv: the binary form, checked as the text form is */
PG_FUNCTION_INFO_V1(nps_trend_state_recv);
Datum
nps_trend_state_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	TrendState *t;

	recv_header(buf, "nps_trend_state", TREND_VERSION, 0);
	recv_expect_rest(buf, "nps_trend_state", TREND_N * sizeof(double));
	t = trend_new();
	for (int i = 0; i < TREND_N; i++)
		t->s[i] = pq_getmsgfloat8(buf);
	trend_check(t, ERRCODE_INVALID_BINARY_REPRESENTATION);
	PG_RETURN_POINTER(t);
}
