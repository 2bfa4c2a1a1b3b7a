/*
 * terms.c
 *		The `term_ratings` type: for every term of the comments (a tsvector
 *		lexeme or a tag), the score distribution of the responses that
 *		mention it, beside that of all responses.  Text and binary I/O,
 *		validation and the cast to jsonb; the aggregates that build it are in
 *		terms_agg.c, its accessors in terms_stats.c.
 *
 * Text form:  scale=0..10 n={0,0,1,0,0,0,2,0,0,1,3}
 *                 terms={"invoice":{0,0,1,0,0,0,1,0,0,0,0},"late":{0,0,0,0,0,0,2,0,0,0,0}}
 *             (one line; terms in byte order, each a double-quoted string in
 *             which \" and \\ stand for " and \, then its counts per point)
 */
#include "postgres.h"

#include "common/hashfn.h"
#include "common/int.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/json.h"
#include "utils/jsonb.h"
#include "utils/memutils.h"

#include "loyalty.h"

pg_noreturn static void
terms_too_large(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
			 errmsg("a term_ratings value would exceed 1 GB"),
			 errhint("Summarize fewer distinct terms per group, for example with a stop list or by stemming.")));
}

/*
 * A new, empty summary on lo..hi (the scale must already be checked) with
 * room for idxcap terms, a lookup table of hashcap slots (0: none) and
 * entcap bytes of entries, in the current memory context.
 */
static TermRatings *
terms_alloc(int32 lo, int32 hi, int idxcap, int hashcap, Size entcap)
{
	int			np = hi - lo + 1;
	Size		size = terms_size(np, idxcap, hashcap, entcap);
	TermRatings *t;

	if (size > MaxAllocSize)
		terms_too_large();
	t = palloc0(size);
	SET_VARSIZE(t, size);
	t->version = TERMS_VERSION;
	t->lo = lo;
	t->hi = hi;
	t->idxcap = idxcap;
	t->hashcap = hashcap;
	t->entcap = entcap;
	return t;
}

/* A new, empty summary without a lookup table (see terms_alloc). */
TermRatings *
terms_new(int32 lo, int32 hi, int idxcap, Size entcap)
{
	return terms_alloc(lo, hi, idxcap, 0, entcap);
}

/* Byte order of terms: memcmp of the common prefix, then the length. */
static inline int
term_cmp(const char *a, int alen, const char *b, int blen)
{
	int			c = memcmp(a, b, Min(alen, blen));

	if (c != 0)
		return c;
	return (alen > blen) - (alen < blen);
}

/* The position of term s in a stored value (term order), or -1. */
int
terms_find(const TermRatings *t, const char *s, int len)
{
	int			lo = 0,
				hi = t->nterms;

	Assert(t->hashcap == 0);
	while (lo < hi)
	{
		int			mid = (lo + hi) / 2;
		const TermEntry *e = terms_entry(t, mid);
		int			c = term_cmp(terms_entry_bytes(t, e), e->len, s, len);

		if (c == 0)
			return mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

static inline uint32
term_hash(const char *s, int len)
{
	return hash_bytes((const unsigned char *) s, len);
}

/* The slot where the search for hash h starts: h scaled to 0..hashcap - 1. */
static inline uint32
slot_home(const TermRatings *t, uint32 h)
{
	return (uint32) (((uint64) h * (uint32) t->hashcap) >> 32);
}

/* The slot after slot k, wrapping around. */
static inline uint32
slot_next(const TermRatings *t, uint32 k)
{
	return k + 1 == (uint32) t->hashcap ? 0 : k + 1;
}

/* Enter the entry at offset off, of hash h, into t's lookup table. */
static inline void
slot_put(TermRatings *t, uint32 h, int32 off)
{
	TermSlot   *slots = terms_slots(t);
	uint32		k = slot_home(t, h);

	while (slots[k].off != 0)
		k = slot_next(t, k);
	slots[k].hash = h;
	slots[k].off = off + 1;
}

/* Whether a value of these capacities may exist (at most 1 GB). */
static bool
terms_fits(int np, int64 idxcap, int64 hashcap, int64 entcap)
{
	return idxcap <= PG_INT32_MAX / 4 && hashcap <= PG_INT32_MAX &&
		terms_size(np, idxcap, hashcap, entcap) <= MaxAllocSize;
}

/*
 * Near the 1 GB limit, where doubling does not fit: the capacities of the
 * largest value that holds t's terms and one more of esize bytes, with room
 * for as many more terms of the average size as fit, so that they fill it in
 * place (one more copy of the state, not one per term).  54000 when not even
 * the next term fits (in an aggregate state: with a lookup table at most
 * half full, so the stored value is then somewhat smaller than 1 GB).
 */
static void
terms_last_room(const TermRatings *t, Size esize, bool hashed,
				int64 *idxcap, int64 *hashcap, int64 *entcap)
{
	int			np = terms_npoints(t);
	int64		n1 = (int64) t->nterms + 1;
	int64		need = t->used + (int64) esize;
	int64		avg = need / n1;
	int64		lo = 0,
				hi = MaxAllocSize / avg;

#define LAST_FITS(k) terms_fits(np, n1 + (k), hashed ? 2 * (n1 + (k)) : 0, need + (k) * avg)
	if (!LAST_FITS(0))
		terms_too_large();
	while (lo < hi)
	{
		int64		mid = (lo + hi + 1) / 2;

		if (LAST_FITS(mid))
			lo = mid;
		else
			hi = mid - 1;
	}
#undef LAST_FITS
	*idxcap = n1 + lo;
	*hashcap = hashed ? 2 * (n1 + lo) : 0;
	*entcap = need + lo * avg;
}

/*
 * t with room for one more term of esize bytes: t itself when it has room,
 * else a copy with each full region doubled (see terms_last_room near the
 * 1 GB limit), in the current memory context.  With hashed, the copy (and a
 * t without a lookup table) gets a table at most half full after the new
 * term.
 */
static TermRatings *
terms_room(TermRatings *t, Size esize, bool hashed)
{
	int			np = terms_npoints(t);
	int64		n1 = (int64) t->nterms + 1,
				idxcap = t->idxcap,
				hashcap = hashed ? t->hashcap : 0,
				entcap = t->entcap;
	TermRatings *g;

	if (n1 <= idxcap && t->used + (int64) esize <= entcap &&
		(!hashed || 2 * n1 <= hashcap))
		return t;
	if (n1 > idxcap)
		idxcap = Max(8, idxcap * 2);
	while (t->used + (int64) esize > entcap)
		entcap = Max(256, entcap * 2);
	if (hashed)
		hashcap = Max(hashcap, 2 * idxcap);
	if (!terms_fits(np, idxcap, hashcap, entcap))
		terms_last_room(t, esize, hashed, &idxcap, &hashcap, &entcap);
	g = terms_alloc(t->lo, t->hi, (int) idxcap, (int) hashcap, entcap);
	g->nterms = t->nterms;
	g->used = t->used;
	memcpy(terms_overall(g), terms_overall(t), np * sizeof(int64));
	memcpy(terms_index(g), terms_index(t), t->nterms * sizeof(int32));
	memcpy(terms_entries(g), terms_entries(t), t->used);
	if (g->hashcap == 0)
		return g;
	/* The lookup table: from the old one's hashes, else hashing each term. */
	if (t->hashcap > 0)
	{
		for (int k = 0; k < t->hashcap; k++)
			if (terms_slots(t)[k].off != 0)
				slot_put(g, terms_slots(t)[k].hash, terms_slots(t)[k].off - 1);
	}
	else
		for (int i = 0; i < g->nterms; i++)
		{
			const TermEntry *e = terms_entry(g, i);

			slot_put(g, term_hash(terms_entry_bytes(g, e), e->len), terms_index(g)[i]);
		}
	return g;
}

/* Add term s with zero counts at the end of t, which has room for it. */
static TermEntry *
terms_add(TermRatings *t, const char *s, int len)
{
	int			np = terms_npoints(t);
	Size		esize = terms_entry_size(np, len);
	TermEntry  *e = (TermEntry *) (terms_entries(t) + t->used);

	memset(e, 0, esize);
	e->len = len;
	memcpy((char *) (e->counts + np), s, len);
	terms_index(t)[t->nterms++] = (int32) t->used;
	t->used += esize;
	return e;
}

/*
 * t with the term s appended, with zero counts, as input reads terms (in
 * the order given; terms_canonical and terms_check follow).  t itself or a
 * grown copy (see terms_room).
 */
TermRatings *
terms_append(TermRatings *t, const char *s, int len)
{
	t = terms_room(t, terms_entry_size(terms_npoints(t), len), false);
	(void) terms_add(t, s, len);
	return t;
}

/*
 * The entry of term s in the aggregate state *tp, added with zero counts if
 * it is new.  Found by hash; a state without a lookup table (a stored value
 * that became a state) or without room is replaced by a grown copy.
 */
TermEntry *
terms_upsert(TermRatings **tp, const char *s, int len)
{
	TermRatings *t = *tp;
	uint32		h = term_hash(s, len);
	TermSlot   *slots;
	char	   *entries;

	if (unlikely(t->hashcap == 0))
		*tp = t = terms_room(t, 0, true);
	slots = terms_slots(t);
	entries = terms_entries(t);
	for (uint32 k = slot_home(t, h); slots[k].off != 0; k = slot_next(t, k))
	{
		TermEntry  *e = (TermEntry *) (entries + slots[k].off - 1);

		if (slots[k].hash == h && e->len == len &&
			memcmp(terms_entry_bytes(t, e), s, len) == 0)
			return e;
	}
	*tp = t = terms_room(t, terms_entry_size(terms_npoints(t), len), true);
	slot_put(t, h, (int32) t->used);
	return terms_add(t, s, len);
}

/* qsort_arg order of entry offsets: the byte order of their terms. */
static int
entry_offset_cmp(const void *a, const void *b, void *arg)
{
	const TermRatings *t = (const TermRatings *) arg;
	const TermEntry *ea = (const TermEntry *) (terms_entries(t) + *(const int32 *) a);
	const TermEntry *eb = (const TermEntry *) (terms_entries(t) + *(const int32 *) b);

	return term_cmp(terms_entry_bytes(t, ea), ea->len, terms_entry_bytes(t, eb), eb->len);
}

/*
 * The stored form of t: entries in term order, no lookup table, no spare
 * room.  t itself when it is already so, else a new value in the current
 * memory context (t is left as it is: a final function must not change
 * its state).
 */
TermRatings *
terms_canonical(const TermRatings *t)
{
	int			np = terms_npoints(t);
	TermRatings *c;
	int32	   *order = terms_index(t);
	Size		off = 0;
	bool		ordered = t->idxcap == t->nterms && t->hashcap == 0 && t->entcap == t->used;

	for (int i = 0; ordered && i < t->nterms; i++)
	{
		if (order[i] != (int32) off)
			ordered = false;
		off += terms_entry_size(np, terms_entry(t, i)->len);
	}
	if (ordered)
		return unconstify(TermRatings *, t);
	if (t->hashcap > 0)
	{
		order = palloc(Max(t->nterms, 1) * sizeof(int32));
		memcpy(order, terms_index(t), t->nterms * sizeof(int32));
		qsort_arg(order, t->nterms, sizeof(int32), entry_offset_cmp, unconstify(TermRatings *, t));
	}
	c = terms_new(t->lo, t->hi, t->nterms, t->used);
	c->nterms = t->nterms;
	c->used = t->used;
	memcpy(terms_overall(c), terms_overall(t), np * sizeof(int64));
	off = 0;
	for (int i = 0; i < t->nterms; i++)
	{
		const TermEntry *e = (const TermEntry *) (terms_entries(t) + order[i]);
		Size		esize = terms_entry_size(np, e->len);

		terms_index(c)[i] = (int32) off;
		memcpy(terms_entries(c) + off, e, esize);
		off += esize;
	}
	return c;
}

/* Number of responses (22003 when it does not fit bigint). */
int64
terms_responses(const TermRatings *t)
{
	return counts_total(terms_overall(t), terms_npoints(t), "term_ratings");
}

/*
 * Everything a stored value must satisfy: version, flags, scale, the
 * canonical layout (entries in term order, no spare room, zero padding),
 * terms of at most TERMS_MAX_LEN bytes of valid text in the database
 * encoding, strictly increasing, each mentioned by at least one response;
 * counts >= 0, a term's count at most the overall count at each point, and
 * a total that fits bigint.
 */
void
terms_check(const TermRatings *t, int sqlstate)
{
	int			np;
	int64		n = 0;
	Size		off = 0;
	const TermEntry *prev = NULL;

#define TERMS_BAD(...) value_invalid(sqlstate, "term_ratings", __VA_ARGS__)

	if (VARSIZE(t) < offsetof(TermRatings, data))
		TERMS_BAD("The value is too short.");
	check_version(sqlstate, "term_ratings", t->version, TERMS_VERSION);
	if (t->flags != 0 || t->unused != 0)
		TERMS_BAD("Unknown flags 0x%x.", t->flags);
	if (t->hashcap != 0)
		TERMS_BAD("A stored value has no lookup table.");
	if (!scale_ok(t->lo, t->hi))
		TERMS_BAD("Scale %d..%d: a scale needs lo <= hi and at most %d points.",
				  t->lo, t->hi, RATINGS_MAX_POINTS);
	np = terms_npoints(t);
	if (t->nterms < 0 || t->idxcap != t->nterms || t->used < 0 || t->entcap != t->used ||
		t->used > MaxAllocSize ||
		VARSIZE(t) != terms_size(np, t->nterms, 0, t->used))
		TERMS_BAD("Size %zu does not match %d terms in " INT64_FORMAT " bytes.",
				  (Size) VARSIZE(t), t->nterms, t->used);
	for (int i = 0; i < np; i++)
	{
		if (terms_overall(t)[i] < 0)
			TERMS_BAD("Count " INT64_FORMAT " is negative.", terms_overall(t)[i]);
		if (pg_add_s64_overflow(n, terms_overall(t)[i], &n))
			TERMS_BAD("The total count is out of range for bigint.");
	}
	for (Size i = t->nterms * sizeof(int32); i < terms_index_bytes(t->nterms); i++)
		if (((const char *) terms_index(t))[i] != 0)
			TERMS_BAD("Nonzero padding.");
	for (int i = 0; i < t->nterms; i++)
	{
		const TermEntry *e;
		const char *s;
		Size		esize;
		bool		mentioned = false;

		if (terms_index(t)[i] != (int32) off ||
			(Size) t->used - off < offsetof(TermEntry, counts) + np * sizeof(int64))
			TERMS_BAD("Term %d is not where the layout puts it.", i + 1);
		e = terms_entry(t, i);
		if (e->len < 0 || e->len > TERMS_MAX_LEN || e->pad != 0)
			TERMS_BAD("Term %d has %d bytes: a term has at most %d.", i + 1, e->len, TERMS_MAX_LEN);
		esize = terms_entry_size(np, e->len);
		if ((Size) t->used - off < esize)
			TERMS_BAD("Term %d runs past the end of the value.", i + 1);
		s = terms_entry_bytes(t, e);
		for (Size k = e->len; k < TYPEALIGN(8, e->len); k++)
			if (s[k] != 0)
				TERMS_BAD("Nonzero padding.");
		if (!pg_verifymbstr(s, e->len, true))
			TERMS_BAD("Term %d is not valid text in the database encoding.", i + 1);
		if (prev && term_cmp(terms_entry_bytes(t, prev), prev->len, s, e->len) >= 0)
			TERMS_BAD("The terms are not in strictly increasing byte order (term %d).", i + 1);
		for (int p = 0; p < np; p++)
		{
			if (e->counts[p] < 0)
				TERMS_BAD("Count " INT64_FORMAT " is negative.", e->counts[p]);
			if (e->counts[p] > terms_overall(t)[p])
				TERMS_BAD("Term %d is counted " INT64_FORMAT " times at score %d, more than the " INT64_FORMAT " responses there.",
						  i + 1, e->counts[p], t->lo + p, terms_overall(t)[p]);
			mentioned |= e->counts[p] > 0;
		}
		if (!mentioned)
			TERMS_BAD("Term %d is mentioned by no response.", i + 1);
		prev = e;
		off += esize;
	}
	if (off != (Size) t->used)
		TERMS_BAD("Size %zu does not match %d terms in " INT64_FORMAT " bytes.",
				  (Size) VARSIZE(t), t->nterms, t->used);
#undef TERMS_BAD
}

/* --- text and binary forms --------------------------------------------- */

/* A double-quoted term, into buf (reset first). */
static void
read_term(Parser *ps, StringInfo buf)
{
	resetStringInfo(buf);
	lit_expect(ps, "\"");
	for (;;)
	{
		char		ch = *ps->p;

		if (ch == '\0')
			lit_fail(ps, "Unterminated term");
		ps->p++;
		if (ch == '"')
			break;
		if (ch == '\\')
		{
			if (*ps->p != '"' && *ps->p != '\\')
				lit_fail(ps, "Expected \\\" or \\\\ after a backslash");
			ch = *ps->p++;
		}
		if (buf->len >= TERMS_MAX_LEN)
			lit_fail(ps, psprintf("A term has at most %d bytes", TERMS_MAX_LEN));
		appendStringInfoChar(buf, ch);
	}
}

/* term_ratings_in: text form to term_ratings */
PG_FUNCTION_INFO_V1(term_ratings_in);
Datum
term_ratings_in(PG_FUNCTION_ARGS)
{
	Parser		ps = PARSER_OF_ARG("term_ratings",
		"A term_ratings literal looks like 'scale=0..2 n={1,0,2} terms={\"late\":{1,0,0}}': counts per scale point of all responses, then of each term, terms in byte order.");
	int32		lo,
				hi;
	int			np;
	TermRatings *t;
	StringInfoData term;
	int64		counts[RATINGS_MAX_POINTS];

	lit_scale(&ps, &lo, &hi);
	np = hi - lo + 1;
	t = terms_new(lo, hi, 0, 0);
	lit_expect(&ps, "n");
	lit_expect(&ps, "=");
	lit_point_list(&ps, np, terms_overall(t), NULL);
	lit_expect(&ps, "terms");
	lit_expect(&ps, "=");
	lit_expect(&ps, "{");
	initStringInfo(&term);
	if (!lit_word(&ps, "}"))
	{
		do
		{
			read_term(&ps, &term);
			lit_expect(&ps, ":");
			lit_point_list(&ps, np, counts, NULL);
			t = terms_append(t, term.data, term.len);
			memcpy(terms_entry(t, t->nterms - 1)->counts, counts, np * sizeof(int64));
		} while (lit_word(&ps, ","));
		lit_expect(&ps, "}");
	}
	lit_end(&ps);
	t = terms_canonical(t);
	terms_check(t, ERRCODE_INVALID_TEXT_REPRESENTATION);
	PG_RETURN_POINTER(t);
}

/*
 * The terms and their counts: in the text form ("term":{counts}, with \" and
 * \\ escaped) or, with json, as the members of a JSON object
 * ("term": [counts]).
 */
static void
append_terms(StringInfo buf, const TermRatings *t, bool json)
{
	int			np = terms_npoints(t);

	for (int i = 0; i < t->nterms; i++)
	{
		const TermEntry *e = terms_entry(t, i);
		const char *s = terms_entry_bytes(t, e);

		if (i > 0)
			appendStringInfoString(buf, json ? ", " : ",");
		if (json)
			escape_json(buf, pnstrdup(s, e->len));
		else
		{
			appendStringInfoChar(buf, '"');
			for (int k = 0; k < e->len; k++)
			{
				if (s[k] == '"' || s[k] == '\\')
					appendStringInfoChar(buf, '\\');
				appendStringInfoChar(buf, s[k]);
			}
			appendStringInfoChar(buf, '"');
		}
		appendStringInfoString(buf, json ? ": " : ":");
		lit_append_int64_list(buf, e->counts, np, json ? '[' : '{', json ? ']' : '}');
	}
}

/*
 * term_ratings_out: term_ratings to its text form.  Like send and the jsonb
 * cast, it also takes an aggregate state (Citus sends partial states as
 * text), which it writes in its stored form.
 */
PG_FUNCTION_INFO_V1(term_ratings_out);
Datum
term_ratings_out(PG_FUNCTION_ARGS)
{
	TermRatings *t = terms_canonical(PG_GETARG_TERM_RATINGS_P(0));
	int			np = terms_npoints(t);
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfo(&buf, "scale=%d..%d n=", t->lo, t->hi);
	lit_append_int64_list(&buf, terms_overall(t), np, '{', '}');
	appendStringInfoString(&buf, " terms={");
	append_terms(&buf, t, false);
	appendStringInfoChar(&buf, '}');
	PG_RETURN_CSTRING(buf.data);
}

/*
 * Binary form, version 1: version byte, flags byte, int32 lo, int32 hi,
 * int32 number of terms, int64 overall counts; then per term in byte order:
 * int32 length, its bytes, int64 counts.
 */

/* term_ratings_send: term_ratings to its binary form */
PG_FUNCTION_INFO_V1(term_ratings_send);
Datum
term_ratings_send(PG_FUNCTION_ARGS)
{
	TermRatings *t = terms_canonical(PG_GETARG_TERM_RATINGS_P(0));
	int			np = terms_npoints(t);
	StringInfoData buf;

	send_header(&buf, TERMS_VERSION, 0);
	pq_sendint32(&buf, t->lo);
	pq_sendint32(&buf, t->hi);
	pq_sendint32(&buf, t->nterms);
	for (int i = 0; i < np; i++)
		pq_sendint64(&buf, terms_overall(t)[i]);
	for (int i = 0; i < t->nterms; i++)
	{
		const TermEntry *e = terms_entry(t, i);

		pq_sendint32(&buf, e->len);
		pq_sendbytes(&buf, terms_entry_bytes(t, e), e->len);
		for (int p = 0; p < np; p++)
			pq_sendint64(&buf, e->counts[p]);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* term_ratings_recv: binary form to term_ratings, validated as text is */
PG_FUNCTION_INFO_V1(term_ratings_recv);
Datum
term_ratings_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int32		lo,
				hi,
				nterms;
	int			np;
	TermRatings *t;
	int64		counts[RATINGS_MAX_POINTS];

	recv_header(buf, "term_ratings", TERMS_VERSION, 0);
	recv_expect_min(buf, "term_ratings", 12);
	lo = pq_getmsgint(buf, 4);
	hi = pq_getmsgint(buf, 4);
	nterms = pq_getmsgint(buf, 4);
	if (!scale_ok(lo, hi))
		recv_fail("term_ratings", "Scale %d..%d: a scale needs lo <= hi and at most %d points.",
				  lo, hi, RATINGS_MAX_POINTS);
	np = hi - lo + 1;
	/* Each term needs at least its length and counts: bound before allocating. */
	if (nterms < 0 ||
		(Size) nterms > (Size) (buf->len - buf->cursor) / (4 + np * sizeof(int64)))
		recv_fail("term_ratings", "%d terms do not fit in %d bytes.", nterms, buf->len - buf->cursor);
	recv_expect_min(buf, "term_ratings", np * sizeof(int64));
	t = terms_new(lo, hi, nterms, 0);
	for (int i = 0; i < np; i++)
		terms_overall(t)[i] = pq_getmsgint64(buf);
	for (int i = 0; i < nterms; i++)
	{
		int32		len;
		const char *s;

		recv_expect_min(buf, "term_ratings", 4);
		len = pq_getmsgint(buf, 4);
		if (len < 0 || len > TERMS_MAX_LEN)
			recv_fail("term_ratings", "Term %d has %d bytes: a term has at most %d.", i + 1, len, TERMS_MAX_LEN);
		recv_expect_min(buf, "term_ratings", len + np * sizeof(int64));
		s = pq_getmsgbytes(buf, len);
		for (int p = 0; p < np; p++)
			counts[p] = pq_getmsgint64(buf);
		t = terms_append(t, s, len);
		memcpy(terms_entry(t, t->nterms - 1)->counts, counts, np * sizeof(int64));
	}
	if (buf->cursor != buf->len)
		recv_fail("term_ratings", "%d bytes follow the value.", buf->len - buf->cursor);
	t = terms_canonical(t);
	terms_check(t, ERRCODE_INVALID_BINARY_REPRESENTATION);
	PG_RETURN_POINTER(t);
}

/* term_ratings_to_jsonb: the summary as jsonb for BI tools */
PG_FUNCTION_INFO_V1(term_ratings_to_jsonb);
Datum
term_ratings_to_jsonb(PG_FUNCTION_ARGS)
{
	TermRatings *t = terms_canonical(PG_GETARG_TERM_RATINGS_P(0));
	int			np = terms_npoints(t);
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfo(&buf, "{\"lo\": %d, \"hi\": %d, \"responses\": " INT64_FORMAT ", \"counts\": ",
					 t->lo, t->hi, terms_responses(t));
	lit_append_int64_list(&buf, terms_overall(t), np, '[', ']');
	appendStringInfoString(&buf, ", \"terms\": {");
	append_terms(&buf, t, true);
	appendStringInfoString(&buf, "}}");
	PG_RETURN_DATUM(DirectFunctionCall1(jsonb_in, CStringGetDatum(buf.data)));
}
