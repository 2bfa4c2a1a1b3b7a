/*
 * aggstate.c
 *		The aggregate data path shared by every summary type (see
 *		loyalty.h): new states, and the operations on two summaries.
 */
#include "postgres.h"

#include "loyalty.h"

/*
 * A plain copy of argument argno.  Like every new state it is made in the
 * current (per-call) memory context: see loyalty.h.
 */
struct varlena *
agg_state_copy(FunctionCallInfo fcinfo, int argno)
{
	return pg_detoast_datum_copy((struct varlena *) PG_GETARG_POINTER(argno));
}

/*
 * A state that arrived compressed or with a short header, made plain so that
 * it can be updated in place.
 */
struct varlena *
agg_state_detoast(FunctionCallInfo fcinfo, struct varlena *v)
{
	return pg_detoast_datum_copy(v);
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
