// OpenBLAS's C interface (libopenblas-dev): cblas_sgemm and the thread-count controls.
#include <cblas.h>
#include <stddef.h>

// LAPACK's symmetric eigensolver (divide and conquer), which OpenBLAS's library carries beside its
// BLAS: the PCA baseline decomposes its covariance matrix with it. Declared here because OpenBLAS
// ships no LAPACK header for it; the two trailing lengths are the hidden lengths of the character
// arguments that gfortran-built LAPACK takes (1 each; a C-built LAPACK ignores them).
void dsyevd_(const char *jobz, const char *uplo, const blasint *n, double *a, const blasint *lda,
             double *w, double *work, const blasint *lwork, blasint *iwork, const blasint *liwork,
             blasint *info, size_t jobz_length, size_t uplo_length);
