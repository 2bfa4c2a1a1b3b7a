/*
 * aggstate.c
 *		The memory side of the aggregate data path shared by every summary
 *		type (see loyalty.h): where a new state lives and how one is made.
 */
#include "postgres.h"

#include "loyalty.h"

/* The memory context of a new state: the aggregate's, or the current one. */
MemoryContext
agg_state_context(FunctionCallInfo fcinfo)
{
	MemoryContext aggcontext;

	if (AggCheckCallContext(fcinfo, &aggcontext))
		return aggcontext;
	return CurrentMemoryContext;
}

/* A plain copy of argument argno in the state's memory context. */
struct varlena *
agg_state_copy(FunctionCallInfo fcinfo, int argno)
{
	MemoryContext old = MemoryContextSwitchTo(agg_state_context(fcinfo));
	struct varlena *v = pg_detoast_datum_copy((struct varlena *) PG_GETARG_POINTER(argno));

	MemoryContextSwitchTo(old);
	return v;
}

/*
 * A state that arrived compressed or with a short header, made plain in the
 * aggregate's memory context so that it can be updated in place.
 */
struct varlena *
agg_state_detoast(FunctionCallInfo fcinfo, struct varlena *v)
{
	MemoryContext old = MemoryContextSwitchTo(agg_state_context(fcinfo));

	v = pg_detoast_datum_copy(v);
	MemoryContextSwitchTo(old);
	return v;
}

/*
 * The functions of two summaries, the same for every type (ops gives the
 * type's check of a stored value and its merge):
 *
 * summary_combine: the combine function of the type's aggregates; a NULL
 *		side gives the other.
 * summary_rollup_trans: rollup's transition, not strict so that the first
 *		stored value is validated too; NULL values are skipped.
 * summary_rollup_inv: rollup's inverse transition, for moving frames: the
 *		state less one stored value (a NULL one was skipped); NULL where the
 *		type cannot subtract exactly, so that the frame is recomputed.
 * summary_plus: the + operator, a + b; both are stored values and are
 *		validated; NULL + b is b, as in a rollup of the two.
 */
Datum
summary_combine(FunctionCallInfo fcinfo, const SummaryOps *ops)
{
	AGG_RETURN_IF_NULL_SIDE();
	PG_RETURN_POINTER(ops->merge(fcinfo, agg_state_arg(fcinfo, 0),
								 PG_DETOAST_DATUM(PG_GETARG_DATUM(1))));
}

Datum
summary_rollup_trans(FunctionCallInfo fcinfo, const SummaryOps *ops)
{
	if (!PG_ARGISNULL(1))
		ops->validate(PG_DETOAST_DATUM(PG_GETARG_DATUM(1)));
	return summary_combine(fcinfo, ops);
}

Datum
summary_rollup_inv(FunctionCallInfo fcinfo, const SummaryOps *ops)
{
	void	   *state;

	if (PG_ARGISNULL(0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot remove a stored value from a NULL state")));
	if (PG_ARGISNULL(1))
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	state = ops->subtract(fcinfo, agg_state_arg(fcinfo, 0), PG_DETOAST_DATUM(PG_GETARG_DATUM(1)));
	if (state == NULL)
		PG_RETURN_NULL();
	PG_RETURN_POINTER(state);
}

Datum
summary_plus(FunctionCallInfo fcinfo, const SummaryOps *ops)
{
	if (!PG_ARGISNULL(0))
		ops->validate(PG_DETOAST_DATUM(PG_GETARG_DATUM(0)));
	return summary_rollup_trans(fcinfo, ops);
}
