/*
 * loyalty.h
 *		Declarations shared by the loyalty extension's C files.
 *
 * The `ratings` type is the distribution of answers on one integer scale
 * lo..hi: an exact count per scale point and, for weighted summaries, a
 * float weight sum per point and the total of squared weights (for Kish's
 * effective sample size).  The same varlena layout is the aggregate state,
 * the stored value and the in-memory value.
 */
#ifndef LOYALTY_H
#define LOYALTY_H

#include "postgres.h"
#include "fmgr.h"
#include "nodes/execnodes.h"

#include "compat.h"

/*
 * The NPS groups of a 0..10 recommend answer: detractors 0-6, passives 7-8,
 * promoters 9-10 (README.md: "Aggregates").  The one definition every
 * function uses.
 */
#define NPS_LO				0
#define NPS_HI				10
#define NPS_PASSIVE_FROM	7
#define NPS_PROMOTER_FROM	9

/*
 * The SQL types a score may have.  An entry point is compiled once per type
 * (see LOYALTY_ENTRY), so that the conversion folds to a plain fetch for the
 * integer types.
 */
typedef enum ScoreType
{
	SCORE_INT2,
	SCORE_INT4,
	SCORE_INT8,
	SCORE_NUMERIC,
	SCORE_FLOAT8
} ScoreType;

/* score.c */
extern int64 score_from_numeric(Datum num, int32 lo, int32 hi);
extern int64 score_from_float8(double d, int32 lo, int32 hi);

/*
 * Score argument n of SQL type `type` as an int64 point: integer types as
 * they are (the caller checks the scale), numeric and float8 checked to be
 * integral and within lo..hi (score.c).  The one conversion every
 * aggregate and function uses.
 */
static pg_attribute_always_inline int64
score_arg(FunctionCallInfo fcinfo, int n, ScoreType type, int32 lo, int32 hi)
{
	switch (type)
	{
		case SCORE_INT2:
			return PG_GETARG_INT16(n);
		case SCORE_INT4:
			return PG_GETARG_INT32(n);
		case SCORE_INT8:
			return PG_GETARG_INT64(n);
		case SCORE_NUMERIC:
			return score_from_numeric(PG_GETARG_DATUM(n), lo, hi);
		case SCORE_FLOAT8:
			break;
	}
	return score_from_float8(PG_GETARG_FLOAT8(n), lo, hi);
}

/*
 * An SQL-callable function that hands its call to a shared worker with
 * fixed arguments, written on one line so that `git grep` of its name finds
 * it:
 *		LOYALTY_ENTRY(ratings_promoters, nps_group_count(fcinfo, NPS_PROMOTERS))
 */
#define LOYALTY_ENTRY(name, call) \
	PG_FUNCTION_INFO_V1(name); \
	Datum name(PG_FUNCTION_ARGS) { return (call); }

/*
 * The first fields of every summary type's value: the varlena header (do
 * not touch it directly), the layout version and the flags, which are also
 * the first two bytes of the binary form (send_header, recv_header).
 */
#define SUMMARY_HEADER \
	int32		vl_len_; \
	uint8		version; \
	uint8		flags

/* At most this many points on one scale (README.md: "The ratings type"). */
#define RATINGS_MAX_POINTS	101

/* Version of the on-disk layout and of the binary (send/recv) format. */
#define RATINGS_VERSION		1

/* Flags stored in Ratings.flags. */
#define RATINGS_WEIGHTED	0x01	/* weights[] and sumw2 follow counts[] */
/*
 * Transient: some weight addition into this aggregate state was rounded, so
 * subtracting weights again would not give the exact sum of what remains.
 * The moving-aggregate inverse then declines.  Never written by send/out,
 * never accepted by recv/in, cleared by ratings_final.
 */
#define RATINGS_INEXACT		0x80
#define RATINGS_STORED_FLAGS	RATINGS_WEIGHTED

typedef struct Ratings
{
	SUMMARY_HEADER;				/* version RATINGS_VERSION, flags RATINGS_* */
	uint16		unused;			/* zero */
	int32		lo;				/* lowest scale point */
	int32		hi;				/* highest scale point */
	/* int64 counts[hi - lo + 1]; then, if RATINGS_WEIGHTED: */
	/* double weights[hi - lo + 1]; double sumw2; */
	int64		counts[FLEXIBLE_ARRAY_MEMBER];
} Ratings;

static inline int
ratings_npoints(const Ratings *r)
{
	return r->hi - r->lo + 1;
}

static inline bool
ratings_weighted(const Ratings *r)
{
	return (r->flags & RATINGS_WEIGHTED) != 0;
}

static inline double *
ratings_weights(const Ratings *r)
{
	return (double *) (r->counts + ratings_npoints(r));
}

static inline double *
ratings_sumw2(const Ratings *r)
{
	return ratings_weights(r) + ratings_npoints(r);
}

static inline Size
ratings_size(int npoints, bool weighted)
{
	return offsetof(Ratings, counts) + npoints * sizeof(int64) +
		(weighted ? (npoints + 1) * sizeof(double) : 0);
}

#define DatumGetRatingsP(X)		((Ratings *) PG_DETOAST_DATUM(X))
#define PG_GETARG_RATINGS_P(n)	DatumGetRatingsP(PG_GETARG_DATUM(n))

/*
 * aggstate.c: the one data path of every summary type's aggregates.
 *
 * A transition, inverse or combine function updates its state in place when
 * called by an aggregate (or window aggregate), and works on a copy when
 * called directly from SQL, so a caller's value is never modified.
 *
 * Every new state (the first one, a grown one, a copy of an argument) is
 * made in the current memory context, never in the aggregate's: when a
 * transition returns a pointer other than its state argument, the executor
 * (nodeAgg, nodeWindowAgg, and Citus's worker_partial_agg alike) copies the
 * result into the aggregate's context and frees the old state, and the
 * current context is reset after the call.  A state made in the aggregate's
 * context would be copied once more and never freed: memory would grow with
 * the rows instead of the groups.
 */
static inline bool
agg_called(FunctionCallInfo fcinfo)
{
	/* AggCheckCallContext's test, inline: this runs once per row. */
	return fcinfo->context &&
		(IsA(fcinfo->context, AggState) || IsA(fcinfo->context, WindowAggState));
}
extern struct varlena *agg_state_copy(FunctionCallInfo fcinfo, int argno);
extern struct varlena *agg_state_detoast(FunctionCallInfo fcinfo, struct varlena *v);

/*
 * A summary type's operations on two summaries: the check of a stored value
 * (XX001 for damaged bytes), the merge of a value into a state, which may
 * reallocate the state and returns it, and for types whose rollup has an
 * inverse, the subtraction of a value from a state (NULL where the result
 * would not be exact).  Called directly from SQL (not in an aggregate), the
 * merge returns a valid stored value or raises.
 */
typedef struct SummaryOps
{
	void		(*validate) (const void *value);
	void	   *(*merge) (FunctionCallInfo fcinfo, void *state, const void *value);
	void	   *(*subtract) (FunctionCallInfo fcinfo, void *state, const void *value);
} SummaryOps;

extern Datum summary_combine(FunctionCallInfo fcinfo, const SummaryOps *ops);
extern Datum summary_rollup_trans(FunctionCallInfo fcinfo, const SummaryOps *ops);
extern Datum summary_rollup_inv(FunctionCallInfo fcinfo, const SummaryOps *ops);
extern Datum summary_plus(FunctionCallInfo fcinfo, const SummaryOps *ops);

/* A type's combine function, rollup transition and + operator, on one line. */
#define SUMMARY_ENTRIES(ops, combine, rollup_trans, plus) \
	LOYALTY_ENTRY(combine, summary_combine(fcinfo, ops)) \
	LOYALTY_ENTRY(rollup_trans, summary_rollup_trans(fcinfo, ops)) \
	LOYALTY_ENTRY(plus, summary_plus(fcinfo, ops))

/* The state in argument argno, to update: see above. */
static inline struct varlena *
agg_state_arg(FunctionCallInfo fcinfo, int argno)
{
	struct varlena *v = (struct varlena *) PG_GETARG_POINTER(argno);

	if (likely(agg_called(fcinfo)))
		return unlikely(VARATT_IS_EXTENDED(v)) ? agg_state_detoast(fcinfo, v) : v;
	return pg_detoast_datum_copy(v);
}

/*
 * The NULL cases of a non-strict function of two states (combine, rollup):
 * both NULL gives NULL, a NULL second argument gives the state, a NULL state
 * gives a copy of the second argument.  A rollup validates its stored value
 * before this.
 */
#define AGG_RETURN_IF_NULL_SIDE() \
	do { \
		if (PG_ARGISNULL(1)) \
		{ \
			if (PG_ARGISNULL(0)) \
				PG_RETURN_NULL(); \
			PG_RETURN_DATUM(PG_GETARG_DATUM(0)); \
		} \
		if (PG_ARGISNULL(0)) \
			PG_RETURN_POINTER(agg_state_copy(fcinfo, 1)); \
	} while (0)

/* ratings.c: the type */
/* A scale lo..hi must be ordered and hold at most RATINGS_MAX_POINTS points. */
static inline bool
scale_ok(int64 lo, int64 hi)
{
	return lo <= hi && hi - lo + 1 <= RATINGS_MAX_POINTS &&
		lo >= PG_INT32_MIN && hi <= PG_INT32_MAX;
}
extern void check_scale(int64 lo, int64 hi);
extern Ratings *ratings_new(int32 lo, int32 hi, bool weighted);
extern Ratings *ratings_copy_weighted(const Ratings *r);
extern void ratings_check(const Ratings *r, int sqlstate);
extern void ratings_validate(const Ratings *r);	/* raises XX001 */
extern double ratings_point_weight(const Ratings *r, int i);
extern double ratings_sum_weights(const Ratings *r);
extern double ratings_sum_sq_weights(const Ratings *r);
extern int64 ratings_sum_counts(const Ratings *r);

/* ratings_stats.c: statistics shared with inference.c */
extern double ratings_weight_between(const Ratings *r, int from, int to);
extern bool ratings_variance(const Ratings *r, double *mean, double *var);
extern void check_nps_scale(const Ratings *r, const char *func);
extern void check_boxes(const Ratings *r, int32 boxes);
extern bool ratings_nps_of(const Ratings *r, double *nps);
extern struct FuncCallContext *srf_first_call(FunctionCallInfo fcinfo, MemoryContext *old);

/* inference.c: shared by every interval and by theme_impact */
extern double confidence_z(double confidence);
extern bool nps_test_p(const Ratings *a, const Ratings *b, double *p);

/* parse.c: reading text forms */
typedef struct Parser
{
	const char *input;			/* the whole literal, for messages */
	const char *p;				/* current position */
	const char *type;			/* type name, for messages */
	const char *hint;			/* what a literal looks like */
} Parser;

/* The parser of an input function's cstring argument (X_in). */
#define PARSER_OF_ARG(type, hint)	{PG_GETARG_CSTRING(0), PG_GETARG_CSTRING(0), type, hint}

pg_noreturn extern void lit_fail(Parser *ps, const char *what);
extern void lit_ws(Parser *ps);
extern bool lit_word(Parser *ps, const char *word);
extern void lit_expect(Parser *ps, const char *word);
extern int64 lit_int(Parser *ps, bool allow_sign);
extern void lit_scale(Parser *ps, int32 *lo, int32 *hi);
extern double lit_nonneg_double(Parser *ps);
extern double lit_double(Parser *ps);
extern void lit_end(Parser *ps);
extern void lit_append_double(struct StringInfoData *buf, double d);
extern void lit_point_list(Parser *ps, int n, int64 *counts, double *doubles);
extern void lit_append_int64_list(struct StringInfoData *buf, const int64 *vals, int n,
								  char open, char close);

/* recv.c: validation errors; writing and reading binary forms (22P03 naming the type) */
pg_noreturn extern void value_invalid(int sqlstate, const char *type, const char *fmt,...) pg_attribute_printf(3, 4);
pg_noreturn extern void recv_fail(const char *type, const char *fmt,...) pg_attribute_printf(2, 3);
extern void check_version(int sqlstate, const char *type, int version, int expected);
pg_noreturn extern void total_out_of_range(const char *type);
extern int64 counts_total(const int64 *counts, int n, const char *type);
pg_noreturn extern void weights_out_of_range(void);
extern void send_header(struct StringInfoData *buf, int version, int flags);
extern int	recv_header(struct StringInfoData *buf, const char *type, int version, int allowed_flags);
extern void recv_expect_min(struct StringInfoData *buf, const char *type, int nbytes);
extern void recv_expect_rest(struct StringInfoData *buf, const char *type, Size nbytes);

/* score.c: scores and weights from SQL values */
pg_noreturn extern void score_out_of_scale(int64 score, int32 lo, int32 hi);
extern void check_weight(double w);

/*
 * The `rating_pairs` type: the joint count table of two integer answers.
 * Each axis is the sorted list of its distinct values (at most 101), and
 * counts[i * ny + j] counts the rows with x = xvals[i] and y = yvals[j].
 * Layout: header, int64 xvals[nx], int64 yvals[ny], int64 counts[nx * ny].
 */
#define PAIRS_MAX_VALUES	101
#define PAIRS_VERSION		1

typedef struct RatingPairs
{
	SUMMARY_HEADER;				/* version PAIRS_VERSION, flags none yet: 0 */
	uint16		unused;			/* zero */
	int32		nx;				/* distinct x values, 0..101 */
	int32		ny;				/* distinct y values, 0..101 */
	int32		pad;			/* zero; keeps the values 8-byte aligned */
	int64		data[FLEXIBLE_ARRAY_MEMBER];
} RatingPairs;

static inline int64 *
pairs_xvals(const RatingPairs *p)
{
	return (int64 *) p->data;
}

static inline int64 *
pairs_yvals(const RatingPairs *p)
{
	return (int64 *) p->data + p->nx;
}

static inline int64 *
pairs_counts(const RatingPairs *p)
{
	return (int64 *) p->data + p->nx + p->ny;
}

static inline Size
pairs_size(int nx, int ny)
{
	return offsetof(RatingPairs, data) + (nx + ny + (Size) nx * ny) * sizeof(int64);
}

#define DatumGetRatingPairsP(X)		((RatingPairs *) PG_DETOAST_DATUM(X))
#define PG_GETARG_RATING_PAIRS_P(n)	DatumGetRatingPairsP(PG_GETARG_DATUM(n))

/* pairs.c */
extern RatingPairs *pairs_new(int nx, int ny);
extern void pairs_check(const RatingPairs *p, int sqlstate);
extern int64 pairs_responses(const RatingPairs *p);

/*
 * The `nps_trend_state` type: the state of nps_trend and nps_trend_p, the
 * moments s = {n, mean_t, mean_y, Stt, Sty, Syy} of the answers' times and
 * NPS values (trend.c, trend_agg.c).
 */
#define TREND_N			6
#define TREND_VERSION	1
#define TREND_MAX_N		9007199254740992.0	/* 2^53 answers at most */

typedef struct TrendState
{
	SUMMARY_HEADER;				/* version TREND_VERSION, flags none yet: 0 */
	uint16		unused;			/* zero */
	int32		pad;			/* zero; keeps s 8-byte aligned */
	double		s[TREND_N];
} TrendState;

#define PG_GETARG_TREND_STATE_P(n)	((TrendState *) PG_DETOAST_DATUM(PG_GETARG_DATUM(n)))

extern TrendState *trend_new(void);
extern void trend_check(const TrendState *t, int sqlstate);

/* stats.c: distributions at full double precision */
extern double norm_cdf(double x);	/* P(Z <= x), standard normal */
extern double norm_sf(double x);	/* P(Z > x) */
extern double norm_ppf(double p);	/* quantile, 0 < p < 1 */
extern double t_sf(double t, double df);	/* P(T > t) */
extern double t_ppf(double p, double df);	/* quantile */
extern double chisq_sf(double x, double df);	/* P(X > x), chi-square, df > 0 */
extern double correlation_p(double r, double n);	/* NaN below 3 pairs */

/* linalg.c: row-major n x n matrices; EL is element (i, j) */
#define EL(a, n, i, j)	((a)[(i) * (n) + (j)])
extern bool linalg_cholesky(int n, const double *a, double *l);
extern void linalg_forward_solve(int n, const double *l, const double *b, double *z);
extern void linalg_backward_solve(int n, const double *l, const double *z, double *x);
extern void linalg_jacobi_eigen(int n, double *a, double *w, double *v);

/* Exact floating-point addition: a + b, and whether it was rounded. */
static inline double
exact_add(double a, double b, bool *rounded)
{
	double		s = a + b;
	double		bb = s - a;
	double		err = (a - (s - bb)) + (b - bb);

	if (err != 0.0)
		*rounded = true;
	return s;
}


/*
 * The `driver_matrix` type: pairwise-complete co-moments of k drivers
 * (k <= DRIVERS_MAX) and one outcome, for key driver analysis.  Variables
 * 0..k-1 are the drivers, variable k is the outcome.  Stored, per variable,
 * its own moments over the rows where it was answered; per pair of
 * variables, the moments of both over the rows where both were answered
 * (what pairwise deletion needs).  Rows with a NULL outcome are not counted
 * at all, so every count is of rows with an outcome.  Layout:
 *
 *		DriverMoments own[k + 1]			own[k] is the outcome
 *		DriverPair	  xy[k]					driver i with the outcome
 *		DriverPair	  xx[k * (k - 1) / 2]	drivers i < j, row by row
 *
 * Means and sums of squared deviations (m2) and of cross-products (c) are
 * updated by Welford's method and combined by Chan et al.'s formulas.
 */
#define DRIVERS_MAX			32
#define DRIVERS_VERSION		1

typedef struct DriverMoments
{
	int64		n;				/* rows where the variable was answered */
	double		mean;
	double		m2;				/* sum of squared deviations from mean */
} DriverMoments;

typedef struct DriverPair
{
	int64		n;				/* rows where both were answered */
	double		mean_x;			/* first variable, over those rows */
	double		mean_y;			/* second variable, over those rows */
	double		m2_x;
	double		m2_y;
	double		c;				/* sum of cross-products of deviations */
} DriverPair;

typedef struct DriverMatrix
{
	SUMMARY_HEADER;				/* version DRIVERS_VERSION, flags none yet: 0 */
	uint16		k;				/* number of drivers, 1..DRIVERS_MAX */
	/* DriverMoments own[k + 1]; DriverPair xy[k]; DriverPair xx[...]; */
	DriverMoments own[FLEXIBLE_ARRAY_MEMBER];
} DriverMatrix;

static inline int
drivers_npairs(int k)
{
	return k + k * (k - 1) / 2;
}

static inline Size
drivers_size(int k)
{
	return offsetof(DriverMatrix, own) + (k + 1) * sizeof(DriverMoments) +
		drivers_npairs(k) * sizeof(DriverPair);
}

static inline DriverPair *
drivers_xy(const DriverMatrix *m)
{
	return (DriverPair *) (m->own + m->k + 1);
}

/* The pair of drivers i < j. */
static inline DriverPair *
drivers_xx(const DriverMatrix *m, int i, int j)
{
	return drivers_xy(m) + m->k + i * (2 * m->k - i - 1) / 2 + (j - i - 1);
}

#define DatumGetDriverMatrixP(X)		((DriverMatrix *) PG_DETOAST_DATUM(X))
#define PG_GETARG_DRIVER_MATRIX_P(n)	DatumGetDriverMatrixP(PG_GETARG_DATUM(n))

/* drivers.c: the type */
extern DriverMatrix *drivers_new(int k);
extern void drivers_validate(const DriverMatrix *m);	/* raises XX001 */

/*
 * The `term_ratings` type: for every term (a tsvector lexeme or a tag), the
 * distribution on lo..hi of the scores of the responses that mention it,
 * beside the distribution of all responses (terms.c, terms_agg.c,
 * terms_stats.c).  Layout:
 *
 *		int64	overall[npoints]		all responses
 *		int32	index[idxcap]			entry offsets (padded to 8 bytes)
 *		TermSlot slots[hashcap]			an aggregate state's lookup table
 *		TermEntry entries				entcap bytes, used of them in use
 *
 * A term is at most TERMS_MAX_LEN bytes, compared as bytes (memcmp, then
 * length).  A stored value is canonical: index in term order, no lookup
 * table and no spare room (idxcap = nterms, hashcap = 0, entcap = used).
 * An aggregate state finds its terms by hash: slots is an open-addressing
 * table (linear probing, at most half full but near the 1 GB limit) of each
 * term's hash and entry offset; new terms are appended to index and entries in the
 * order they arrive, and every region grows geometrically.  terms_canonical
 * sorts a state into its stored form.
 */
#define TERMS_VERSION		1
#define TERMS_MAX_LEN		2047	/* a tsvector lexeme's limit (2046) and one more */

typedef struct TermRatings
{
	SUMMARY_HEADER;				/* version TERMS_VERSION, flags none yet: 0 */
	uint16		unused;			/* zero */
	int32		lo;				/* lowest scale point */
	int32		hi;				/* highest scale point */
	int32		nterms;			/* terms held */
	int32		idxcap;			/* room in index[] */
	int32		hashcap;		/* slots of the lookup table; 0 in a stored value */
	int64		entcap;			/* bytes of room for entries */
	int64		used;			/* bytes of entries in use */
	int64		data[FLEXIBLE_ARRAY_MEMBER];
} TermRatings;

/* One term: its counts per scale point, then its bytes (padded to 8). */
typedef struct TermEntry
{
	int32		len;			/* bytes of the term, 0..TERMS_MAX_LEN */
	int32		pad;			/* zero */
	int64		counts[FLEXIBLE_ARRAY_MEMBER];
} TermEntry;

/* A slot of an aggregate state's lookup table. */
typedef struct TermSlot
{
	uint32		hash;			/* hash_bytes of the term */
	int32		off;			/* its entry's offset + 1; 0: an empty slot */
} TermSlot;

static inline int
terms_npoints(const TermRatings *t)
{
	return t->hi - t->lo + 1;
}

static inline int64 *
terms_overall(const TermRatings *t)
{
	return (int64 *) t->data;
}

static inline int32 *
terms_index(const TermRatings *t)
{
	return (int32 *) (t->data + terms_npoints(t));
}

static inline Size
terms_index_bytes(int64 idxcap)
{
	return TYPEALIGN(8, (Size) idxcap * sizeof(int32));
}

static inline TermSlot *
terms_slots(const TermRatings *t)
{
	return (TermSlot *) ((char *) terms_index(t) + terms_index_bytes(t->idxcap));
}

static inline char *
terms_entries(const TermRatings *t)
{
	return (char *) (terms_slots(t) + t->hashcap);
}

static inline Size
terms_entry_size(int npoints, int len)
{
	return offsetof(TermEntry, counts) + npoints * sizeof(int64) + TYPEALIGN(8, len);
}

static inline Size
terms_size(int npoints, int64 idxcap, int64 hashcap, Size entcap)
{
	return offsetof(TermRatings, data) + npoints * sizeof(int64) +
		terms_index_bytes(idxcap) + (Size) hashcap * sizeof(TermSlot) + entcap;
}

/* The i-th term: in term order in a stored value, else in arrival order. */
static inline TermEntry *
terms_entry(const TermRatings *t, int i)
{
	return (TermEntry *) (terms_entries(t) + terms_index(t)[i]);
}

static inline const char *
terms_entry_bytes(const TermRatings *t, const TermEntry *e)
{
	return (const char *) (e->counts + terms_npoints(t));
}

#define PG_GETARG_TERM_RATINGS_P(n)	((TermRatings *) PG_DETOAST_DATUM(PG_GETARG_DATUM(n)))

/* terms.c */
extern TermRatings *terms_new(int32 lo, int32 hi, int idxcap, Size entcap);
extern int	terms_find(const TermRatings *t, const char *s, int len);
extern TermRatings *terms_append(TermRatings *t, const char *s, int len);
extern TermEntry *terms_upsert(TermRatings **tp, const char *s, int len);
extern TermRatings *terms_canonical(const TermRatings *t);
extern void terms_check(const TermRatings *t, int sqlstate);
extern int64 terms_responses(const TermRatings *t);

#endif							/* LOYALTY_H */
