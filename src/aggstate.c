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
