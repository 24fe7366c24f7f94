#!/usr/bin/env bash
# Fuzzes every target of `tanu::fuzz` under AFL++ for SECONDS each
# (default 600), seeded from fixtures/ and tests/fuzz/TARGET/, and prints
# one line of figures per target from AFL++'s fuzzer_stats. Exits 1 when a
# target saved a crash or a hang: copy the input from
# target/fuzz/TARGET/default/crashes/ into tests/fuzz/TARGET/, fix the
# bug, and the regression test (tests/fuzz_regressions.rs) keeps it.
#
#   tests/scripts/fuzz.sh [SECONDS] [TARGET...]
#
# Needs a C compiler and make; installs cargo-afl on first use.
set -euo pipefail
cd "$(dirname "$0")/../.."
secs=${1:-600}
shift || true

if ! cargo afl --version >/dev/null 2>&1; then
    cargo install --locked cargo-afl
fi
# Builds AFL++ itself once (into the user's data directory).
cargo afl config --build >/dev/null 2>&1 || true
# Its own target directory: the instrumented build would otherwise
# replace the normal release build.
export CARGO_TARGET_DIR=target/afl
cargo afl build --release --locked --features fuzz --bin tanu-fuzz
bin=target/afl/release/tanu-fuzz

if [ $# -gt 0 ]; then targets=("$@"); else mapfile -t targets < <("$bin" --list); fi
out=target/fuzz
mkdir -p "$out"
failed=0
printf '%-8s %8s %12s %10s %8s %8s %8s\n' target seconds executions exec/s corpus edges% finds
for t in "${targets[@]}"; do
    seeds="$out/$t-seeds"
    rm -rf "$seeds" && mkdir -p "$seeds"
    # Seeds: fixtures with the target's extensions (small ones: AFL++ works
    # best on inputs under 64 KiB), then the target's own directory.
    n=0
    for ext in $("$bin" --extensions "$t"); do
        while IFS= read -r -d '' f; do
            n=$((n + 1)); cp "$f" "$seeds/seed-$n"
        done < <(find fixtures -type f -size -64k -name "*.$ext" -print0)
    done
    if [ -d "tests/fuzz/$t" ]; then
        for f in tests/fuzz/"$t"/*; do [ -f "$f" ] && n=$((n + 1)) && cp "$f" "$seeds/seed-$n"; done
    fi
    [ "$n" -gt 0 ] || { echo "$t: no seeds" >&2; failed=1; continue; }
    rm -rf "${out:?}/$t"
    AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 \
        AFL_NO_AFFINITY=1 \
        cargo afl fuzz -V "$secs" -t 2000 -m 2048 -i "$seeds" -o "$out/$t" "$bin" "$t" \
        >"$out/$t.log" 2>&1 || { echo "$t: afl-fuzz failed, see $out/$t.log" >&2; failed=1; continue; }
    stats="$out/$t/default/fuzzer_stats"
    get() { sed -n "s/^$1 *: *//p" "$stats"; }
    crashes=$(get saved_crashes); hangs=$(get saved_hangs)
    printf '%-8s %8s %12s %10s %8s %8s %8s\n' "$t" "$(get run_time)" "$(get execs_done)" \
        "$(get execs_per_sec)" "$(get corpus_count)" "$(get bitmap_cvg)" "${crashes}c/${hangs}h"
    if [ "$crashes" != 0 ] || [ "$hangs" != 0 ]; then failed=1; fi
done
exit $failed
