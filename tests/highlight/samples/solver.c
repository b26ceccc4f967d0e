#include <stdio.h>
#include <stdlib.h>
#include "matrix.h" /* local header */
#define N 128
#define SQ(x) ((x) * (x)) \
    /* continued */

#if 0
dead code here
#endif

/* Jacobi iteration for A x = b.
 * Returns the number of iterations. */
static int jacobi(const double *A, const double *b, double *x, int n, double tol)
{
    double *next = malloc(n * sizeof *next);
    int it = 0;
    if (next == NULL) return -1;
    for (; it < 10000; ++it) {
        double err = 0.0;
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int j = 0; j < n; j++)
                if (j != i) s -= A[i * n + j] * x[j];
            next[i] = s / A[i * n + i];
            err += SQ(next[i] - x[i]);
        }
        memcpy(x, next, n * sizeof(double));
        if (err < tol * tol) break;
    }
    free(next);
    return it;
}

int main(int argc, char **argv)
{
    unsigned long big = 0xFFUL + 017 + 1e-9f + 3.5e+2L;
    char c = '\n', q = '\'', h = '\x41';
    const char *msg = "tab\t\"quoted\" \
continued";
    switch (argc) {
    case 1: puts("no args"); break;
    default: printf("%d args: %s\n", argc, argv[1]);
    }
label:
    return EXIT_SUCCESS; // done
}
