/*
 * padjust.c
 *		p_adjust(p, method): the window function that adjusts the p-values of
 *		a window partition for multiple comparisons, exactly as R's p.adjust
 *		(README.md: "Comparing many segments at once").
 *
 * The adjusted value of a row depends on every p-value of its partition, so
 * the frame and the ORDER BY of the window do not matter: the first call of
 * a partition reads all its p-values, sorts them once (O(n log n); hommel
 * is R's O(n^2) loop), and keeps the adjusted values in partition-local
 * memory; every call returns the value at its own position.
 *
 * R's conventions, which every method follows (n = non-NULL p-values):
 *
 * - a NULL p stays NULL and does not count in n;
 * - with n <= 1 every method returns the p-value unchanged; with n = 2
 *   hommel is hochberg;
 * - the arithmetic is R's, operation for operation: BH multiplies p by
 *   n / i, BY by q * n / i with q = sum(1 / (1:n)) summed in long double
 *   (R's sum()), hommel divides m * p by the rank; ties get equal adjusted
 *   values whatever their order.
 */
#include "postgres.h"

#include <math.h>

#include "common/shortest_dec.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/memutils.h"
#include "windowapi.h"

#include "loyalty.h"

typedef enum PAdjustMethod
{
	PADJ_HOLM,
	PADJ_HOCHBERG,
	PADJ_HOMMEL,
	PADJ_BONFERRONI,
	PADJ_BH,
	PADJ_BY,
	PADJ_NONE
} PAdjustMethod;

/* The names R's p.adjust accepts, as it spells them (fdr is BH). */
static const struct
{
	const char *name;
	PAdjustMethod method;
}			padjust_methods[] =
{
	{"holm", PADJ_HOLM},
	{"hochberg", PADJ_HOCHBERG},
	{"hommel", PADJ_HOMMEL},
	{"bonferroni", PADJ_BONFERRONI},
	{"BH", PADJ_BH},
	{"fdr", PADJ_BH},
	{"BY", PADJ_BY},
	{"none", PADJ_NONE},
};

/* What the first call of a partition works out for the others. */
typedef struct PAdjustPartition
{
	bool		done;			/* adjusted[] is filled */
	bool		null_method;	/* method is NULL: every row is NULL */
	bool		method_stable;	/* method is a constant or parameter */
	PAdjustMethod method;
	int64		rows;			/* rows in the partition */
	double	   *adjusted;		/* per row; NaN where p is NULL */
} PAdjustPartition;

/* A p-value and the position of its row in the partition. */
typedef struct PItem
{
	double		p;
	int64		row;
} PItem;

/* The method named by text, else 22023 listing the methods. */
static PAdjustMethod
padjust_method(text *name)
{
	char	   *s = text_to_cstring(name);

	for (int i = 0; i < lengthof(padjust_methods); i++)
		if (strcmp(s, padjust_methods[i].name) == 0)
			return padjust_methods[i].method;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("unknown p-value adjustment method \"%s\"", s),
			 errhint("Use 'holm', 'hochberg', 'hommel', 'bonferroni', 'BH' (or 'fdr'), 'BY' or 'none'.")));
	return PADJ_NONE;			/* keep the compiler quiet */
}

/* A p-value must lie in [0, 1]; NaN and anything else is 22023. */
static inline void
check_p_value(double p)
{
	if (!(p >= 0.0 && p <= 1.0))
	{
		char		buf[DOUBLE_SHORTEST_DECIMAL_LEN];

		double_to_shortest_decimal_buf(p, buf);
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("p-value %s is out of range", buf),
				 errdetail("A p-value lies between 0 and 1.")));
	}
}

/* Ascending p; ties in partition order (as R's stable order()). */
static int
pitem_cmp(const void *a, const void *b)
{
	const PItem *x = (const PItem *) a;
	const PItem *y = (const PItem *) b;

	if (x->p != y->p)
		return x->p < y->p ? -1 : 1;
	return x->row < y->row ? -1 : x->row > y->row ? 1 : 0;
}

/*
 * Adjust the n p-values p[0..n-1], sorted ascending, into adj[0..n-1]
 * (the same order), as R's p.adjust does for n >= 2.  Index j here is R's
 * rank i - 1.
 */
static void
adjust_sorted(PAdjustMethod method, const double *p, double *adj, int64 n)
{
	double		dn = (double) n;

	switch (method)
	{
		case PADJ_NONE:
			for (int64 j = 0; j < n; j++)
				adj[j] = p[j];
			break;
		case PADJ_BONFERRONI:
			/* pmin(1, n * p) */
			for (int64 j = 0; j < n; j++)
				adj[j] = Min(1.0, dn * p[j]);
			break;
		case PADJ_HOLM:
			{
				/* pmin(1, cummax((n + 1 - i) * p[o])), ascending */
				double		run = 0.0;

				for (int64 j = 0; j < n; j++)
				{
					run = Max(run, (double) (n - j) * p[j]);
					adj[j] = Min(1.0, run);
				}
				break;
			}
		case PADJ_HOCHBERG:
		case PADJ_BH:
		case PADJ_BY:
			{
				/*
				 * cummin from the largest p down: hochberg (n + 1 - i) * p,
				 * BH n / i * p, BY q * n / i * p.
				 */
				double		qn = dn;
				double		run = INFINITY;

				if (method == PADJ_BY)
				{
					long double q = 0.0;

					for (int64 k = 1; k <= n; k++)
						q += 1.0 / (double) k;
					qn = (double) q * dn;
				}
				for (int64 j = n - 1; j >= 0; j--)
				{
					double		v;

					if (method == PADJ_HOCHBERG)
						v = (double) (n - j) * p[j];
					else
						v = qn / (double) (j + 1) * p[j];
					run = Min(run, v);
					adj[j] = Min(1.0, run);
				}
				break;
			}
		case PADJ_HOMMEL:
			{
				/* R's loop; n >= 3 here (n = 2 is hochberg) */
				double	   *q = palloc(n * sizeof(double));
				double		init = INFINITY;

				for (int64 j = 0; j < n; j++)
					init = Min(init, dn * p[j] / (double) (j + 1));
				for (int64 j = 0; j < n; j++)
					q[j] = adj[j] = init;
				for (int64 m = n - 1; m >= 2; m--)
				{
					double		dm = (double) m;
					double		q1 = INFINITY;
					int64		last = n - m;	/* R's n - m + 1, 0-based */

					/* O(n^2) in all: let a long partition be cancelled */
					CHECK_FOR_INTERRUPTS();

					/* q1 <- min(m * p[i2] / (2:m)), i2 = (n - m + 2):n */
					for (int64 j = last + 1; j < n; j++)
						q1 = Min(q1, dm * p[j] / (double) (j - last + 1));
					/* q[i1] <- pmin(m * p[i1], q1), i1 = 1:(n - m + 1) */
					for (int64 j = 0; j <= last; j++)
						q[j] = Min(dm * p[j], q1);
					/* q[i2] <- q[n - m + 1] */
					for (int64 j = last + 1; j < n; j++)
						q[j] = q[last];
					for (int64 j = 0; j < n; j++)
						adj[j] = Max(adj[j], q[j]);
				}
				/* pmax(pa, p) */
				for (int64 j = 0; j < n; j++)
					adj[j] = Max(adj[j], p[j]);
				pfree(q);
				break;
			}
	}
}

/*
 * Read every p-value of the partition and fill part->adjusted, in the
 * partition's memory.
 */
static void
adjust_partition(WindowObject winobj, PAdjustPartition *part)
{
	MemoryContext partcxt = GetMemoryChunkContext(part);
	int64		rows = WinGetPartitionRowCount(winobj);
	PItem	   *items;
	double	   *p,
			   *adj;
	int64		n = 0;

	part->rows = rows;
	part->adjusted = MemoryContextAllocHuge(partcxt, Max(rows, 1) * sizeof(double));
	items = MemoryContextAllocHuge(partcxt, Max(rows, 1) * sizeof(PItem));
	for (int64 i = 0; i < rows; i++)
	{
		bool		isnull,
					isout;
		Datum		d = WinGetFuncArgInPartition(winobj, 0, i, WINDOW_SEEK_HEAD,
												 false, &isnull, &isout);

		part->adjusted[i] = NAN;
		if (isnull || isout)
			continue;
		items[n].p = DatumGetFloat8(d);
		check_p_value(items[n].p);
		items[n].row = i;
		n++;
	}

	if (n <= 1)
	{
		/* R: nothing to adjust, the p-value as it is */
		if (n == 1)
			part->adjusted[items[0].row] = items[0].p;
		pfree(items);
		return;
	}

	qsort(items, n, sizeof(PItem), pitem_cmp);
	p = MemoryContextAllocHuge(partcxt, n * sizeof(double));
	adj = MemoryContextAllocHuge(partcxt, n * sizeof(double));
	for (int64 k = 0; k < n; k++)
		p[k] = items[k].p;
	adjust_sorted(part->method == PADJ_HOMMEL && n == 2 ? PADJ_HOCHBERG : part->method,
				  p, adj, n);
	for (int64 k = 0; k < n; k++)
		part->adjusted[items[k].row] = adj[k];
	pfree(adj);
	pfree(p);
	pfree(items);
}

/* p_adjust(p, method): the p-value adjusted over its window partition, as R's p.adjust */
PG_FUNCTION_INFO_V1(loyalty_p_adjust);
Datum
loyalty_p_adjust(PG_FUNCTION_ARGS)
{
	WindowObject winobj = PG_WINDOW_OBJECT();
	PAdjustPartition *part;
	int64		curpos;
	bool		isnull;
	Datum		method;
	double		v;

	part = (PAdjustPartition *)
		WinGetPartitionLocalMemory(winobj, sizeof(PAdjustPartition));
	curpos = WinGetCurrentPosition(winobj);

	if (!part->done)
	{
		/* The first row of the partition: read the method, adjust all. */
		part->method_stable = get_fn_expr_arg_stable(fcinfo->flinfo, 1);
		method = WinGetFuncArgCurrent(winobj, 1, &isnull);
		part->null_method = isnull;
		if (!isnull)
		{
			part->method = padjust_method(DatumGetTextPP(method));
			adjust_partition(winobj, part);
		}
		part->done = true;
	}
	else if (!part->method_stable)
	{
		/* A method that is not a constant must not change in a partition. */
		method = WinGetFuncArgCurrent(winobj, 1, &isnull);
		if (isnull != part->null_method ||
			(!isnull && padjust_method(DatumGetTextPP(method)) != part->method))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("p_adjust method changes within a window partition"),
					 errdetail("The adjustment is computed once per partition, with one method.")));
	}

	/* Earlier rows are never read again: let the tuplestore forget them. */
	WinSetMarkPosition(winobj, curpos);

	if (part->null_method)
		PG_RETURN_NULL();
	v = part->adjusted[curpos];
	if (isnan(v))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(v);
}
