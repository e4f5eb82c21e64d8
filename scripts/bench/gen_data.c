/* Benchmark data for scripts/bench.sh, deterministic (own xorshift generator, fixed seeds).
 *   gen_data w2 FILE   100,000 x 64: rank-8 structure plus noise, 2% anomalies, a `label` column
 *   gen_data w4 FILE   1,000,000 x 10 floats, no label (the load benchmark)
 *   gen_data w6 FILE N N x 10 floats in W4's form (the streaming score benchmark; 4,000,000 by default)
 * C rather than Python so `bench.sh --quick` needs nothing beyond the toolchain. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t state = 0x9E3779B97F4A7C15ull;
static double uniform(void) {
    state ^= state << 13; state ^= state >> 7; state ^= state << 17;
    return ((state >> 11) + 0.5) * (1.0 / 9007199254740992.0);
}
static double normal(void) {
    return sqrt(-2.0 * log(uniform())) * cos(6.283185307179586 * uniform());
}

static int w2(FILE *out) {
    enum { ROWS = 100000, COLS = 64, RANK = 8 };
    static double basis[RANK][COLS];
    for (int k = 0; k < RANK; k++)
        for (int c = 0; c < COLS; c++) basis[k][c] = normal() / sqrt((double)RANK);
    for (int c = 0; c < COLS; c++) fprintf(out, "f%d,", c);
    fprintf(out, "label\n");
    for (int r = 0; r < ROWS; r++) {
        /* every 50th row is an anomaly: full-rank noise of the same overall scale, off the 8-D subspace */
        int anomaly = (r % 50) == 49;
        double z[RANK];
        for (int k = 0; k < RANK; k++) z[k] = normal();
        for (int c = 0; c < COLS; c++) {
            double v;
            if (anomaly) v = normal();
            else {
                v = 0.1 * normal();
                for (int k = 0; k < RANK; k++) v += z[k] * basis[k][c];
            }
            fprintf(out, "%.5g,", v);
        }
        fprintf(out, "%d\n", anomaly);
    }
    return 0;
}

static int w4(FILE *out, long rows) {
    enum { COLS = 10 };
    for (int c = 0; c < COLS; c++) fprintf(out, c ? ",x%d" : "x%d", c);
    fprintf(out, "\n");
    for (long r = 0; r < rows; r++)
        for (int c = 0; c < COLS; c++)
            fprintf(out, c + 1 < COLS ? "%.6f," : "%.6f\n", normal() * 3.0);
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 3 || argc > 4) { fprintf(stderr, "usage: gen_data w2|w4|w6 FILE [ROWS]\n"); return 2; }
    long rows = argc == 4 ? atol(argv[3]) : 4000000;
    FILE *out = fopen(argv[2], "w");
    if (!out) { perror(argv[2]); return 1; }
    int rc = strcmp(argv[1], "w2") == 0 ? w2(out)
        : strcmp(argv[1], "w4") == 0 ? w4(out, 1000000)
        : strcmp(argv[1], "w6") == 0 ? (state = 0xD1B54A32D192ED03ull, w4(out, rows)) : 2;
    if (fclose(out) != 0) { perror(argv[2]); return 1; }
    return rc;
}
