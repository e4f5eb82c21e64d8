#!/usr/bin/env bash
# Runs one libFuzzer target for a number of seconds:
#   scripts/fuzz.sh FuzzCSV|FuzzModelFile|FuzzCommandLine|FuzzScoreStream SECONDS
# Builds Tests/Fuzz/ (a package of its own inside the repository) with -sanitize=fuzzer,address. Findings go to
# Tests/Fuzz/findings/TARGET/ (crash-*, leak-*, timeout-*); the growing corpus to Tests/Fuzz/corpus/TARGET/.
set -euo pipefail
cd "$(dirname "$0")/.."

target=${1:?usage: scripts/fuzz.sh TARGET SECONDS}
seconds=${2:?usage: scripts/fuzz.sh TARGET SECONDS}
case "$target" in
    FuzzCSV|FuzzModelFile|FuzzCommandLine|FuzzScoreStream) ;;
    *) echo "fuzz: unknown target $target (FuzzCSV, FuzzModelFile, FuzzCommandLine, FuzzScoreStream)" >&2; exit 2 ;;
esac

scripts/setup.sh
export SWIFT_BACKTRACE=enable=no
swift build --package-path Tests/Fuzz -c debug --product "$target" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld 2>&1 | grep -E 'error|warning: unre|Compiling|Build' | grep -v '^\[' || true
binary="$(swift build --package-path Tests/Fuzz -c debug --show-bin-path)/$target"

corpus="Tests/Fuzz/corpus/$target"
findings="Tests/Fuzz/findings/$target"
mkdir -p "$corpus" "$findings"
# Seed the corpus with the project's own examples.
case "$target" in
    FuzzCSV) cp -n Tests/Fixtures/bad/* "$corpus"/ 2>/dev/null || true ;;
    FuzzScoreStream) printf '\x07a,b,c,label,key\n1,2,3,0,x\n4,5,6,1,"y,z"\n' > "$corpus/seed.csv" ;;
    FuzzCommandLine) cp -n scripts/*.aesh "$corpus"/ 2>/dev/null || true ;;
    FuzzModelFile) cp -n Tests/Fixtures/model-v1/*.aemodel Tests/Fixtures/model-v3/*.aemodel "$corpus"/
        [[ -f out/seed.aemodel ]] && cp -n out/seed.aemodel "$corpus"/ || true ;;
esac
"$binary" "$corpus" -artifact_prefix="$findings/" -max_total_time="$seconds" -max_len=65536 \
    -rss_limit_mb=4096 -timeout=20 -print_final_stats=1
