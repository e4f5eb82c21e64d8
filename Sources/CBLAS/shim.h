// OpenBLAS's C interface (libopenblas-dev): cblas_sgemm and the thread-count controls.
#include <cblas.h>
