/*
 * linalg.c
 *		The linear algebra of key driver analysis (drivers_stats.c), on
 *		row-major n x n matrices of at most DRIVERS_MAX + 1 rows: Cholesky
 *		factorization, triangular solves, and a cyclic Jacobi eigen-solver
 *		for symmetric matrices.
 */
#include "postgres.h"

#include <math.h>

#include "loyalty.h"

/*
 * Cholesky factorization of the symmetric positive definite n x n matrix a:
 * the lower triangle of l gets L with L L' = a.  False if a pivot is not
 * positive.
 */
bool
linalg_cholesky(int n, const double *a, double *l)
{
	for (int i = 0; i < n; i++)
	{
		for (int j = 0; j <= i; j++)
		{
			double		s = EL(a, n, i, j);

			for (int t = 0; t < j; t++)
				s -= EL(l, n, i, t) * EL(l, n, j, t);
			if (i == j)
			{
				if (!(s > 0.0))
					return false;
				EL(l, n, i, i) = sqrt(s);
			}
			else
				EL(l, n, i, j) = s / EL(l, n, j, j);
		}
		for (int j = i + 1; j < n; j++)
			EL(l, n, i, j) = 0.0;
	}
	return true;
}

/* Solve L z = b (forward) into z. */
void
linalg_forward_solve(int n, const double *l, const double *b, double *z)
{
	for (int i = 0; i < n; i++)
	{
		double		s = b[i];

		for (int t = 0; t < i; t++)
			s -= EL(l, n, i, t) * z[t];
		z[i] = s / EL(l, n, i, i);
	}
}

/* Solve L' x = z (backward) into x. */
void
linalg_backward_solve(int n, const double *l, const double *z, double *x)
{
	for (int i = n - 1; i >= 0; i--)
	{
		double		s = z[i];

		for (int t = i + 1; t < n; t++)
			s -= EL(l, n, t, i) * x[t];
		x[i] = s / EL(l, n, i, i);
	}
}

/*
 * The plane rotation in (p, q) applied to the columns p and q of the n x n
 * matrix m (m := m J, J with cosine c and sine s), or with rows to its rows
 * p and q (m := J' m).
 */
static void
rotate(int n, double *m, int p, int q, double c, double s, bool rows)
{
	for (int r = 0; r < n; r++)
	{
		double	   *mp = rows ? &EL(m, n, p, r) : &EL(m, n, r, p);
		double	   *mq = rows ? &EL(m, n, q, r) : &EL(m, n, r, q);
		double		xp = *mp;
		double		xq = *mq;

		*mp = c * xp - s * xq;
		*mq = s * xp + c * xq;
	}
}

/*
 * Whether a Jacobi sweep is due: the off-diagonal of the symmetric n x n
 * matrix a is not yet negligible next to its diagonal.
 */
static bool
off_diagonal_left(int n, const double *a)
{
	double		off = 0.0,
				diag = 0.0;

	for (int p = 0; p < n; p++)
	{
		diag += EL(a, n, p, p) * EL(a, n, p, p);
		for (int q = p + 1; q < n; q++)
			off += EL(a, n, p, q) * EL(a, n, p, q);
	}
	return !(off == 0.0 || off <= 1e-36 * diag);
}

/*
 * One Jacobi rotation of a (and of the eigenvectors v so far) that zeroes
 * a[p][q]; in sweeps after the fourth an element negligible next to both
 * diagonal elements is just dropped.
 */
static void
jacobi_rotate(int n, double *a, double *v, int p, int q, int sweep)
{
	double		apq = EL(a, n, p, q);
	double		app = EL(a, n, p, p);
	double		aqq = EL(a, n, q, q);
	double		theta,
				t,
				c;

	if (apq == 0.0)
		return;
	if (sweep > 3 && fabs(app) + 100.0 * fabs(apq) == fabs(app) &&
		fabs(aqq) + 100.0 * fabs(apq) == fabs(aqq))
	{
		EL(a, n, p, q) = EL(a, n, q, p) = 0.0;
		return;
	}
	theta = (aqq - app) / (2.0 * apq);
	if (fabs(theta) > 1e150)
		t = 0.5 / theta;
	else
		t = (theta >= 0.0 ? 1.0 : -1.0) / (fabs(theta) + sqrt(theta * theta + 1.0));
	c = 1.0 / sqrt(t * t + 1.0);

	/* a := J' a J, J the rotation in the (p, q) plane; v := v J */
	rotate(n, a, p, q, c, t * c, false);
	rotate(n, a, p, q, c, t * c, true);
	EL(a, n, p, q) = EL(a, n, q, p) = 0.0;
	rotate(n, v, p, q, c, t * c, false);
}

static inline void
swap_double(double *x, double *y)
{
	double		t = *x;

	*x = *y;
	*y = t;
}

/* Sort the eigenvalues w ascending, the columns of v along (n is small). */
static void
sort_eigen(int n, double *w, double *v)
{
	for (int i = 0; i < n - 1; i++)
	{
		int			m = i;

		for (int j = i + 1; j < n; j++)
			if (w[j] < w[m])
				m = j;
		if (m == i)
			continue;
		swap_double(&w[i], &w[m]);
		for (int r = 0; r < n; r++)
			swap_double(&EL(v, n, r, i), &EL(v, n, r, m));
	}
}

/*
 * Eigen-decomposition of the symmetric n x n matrix a by the cyclic Jacobi
 * method: w gets the eigenvalues in ascending order, the columns of v the
 * matching orthonormal eigenvectors.  a is overwritten.  Each rotation
 * zeroes one off-diagonal element; sweeps over all of them converge
 * quadratically, and the method is accurate for small eigenvalues too.
 */
void
linalg_jacobi_eigen(int n, double *a, double *w, double *v)
{
	for (int i = 0; i < n; i++)
		for (int j = 0; j < n; j++)
			EL(v, n, i, j) = (i == j) ? 1.0 : 0.0;

	for (int sweep = 0; sweep < 100 && off_diagonal_left(n, a); sweep++)
		for (int p = 0; p < n - 1; p++)
			for (int q = p + 1; q < n; q++)
				jacobi_rotate(n, a, v, p, q, sweep);

	for (int i = 0; i < n; i++)
		w[i] = EL(a, n, i, i);
	sort_eigen(n, w, v);
}
