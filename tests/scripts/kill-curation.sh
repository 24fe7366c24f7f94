#!/usr/bin/env bash
# Reproduces issue 14's interrupted index commit by hand: curation commands
# (`tanu status ID in_review`, one per testimony) killed with SIGKILL at
# random moments, then ordinary commands run without any repair.
#
#   tests/scripts/kill-curation.sh [TANU_BINARY] [COUNT] [KILLS] [MAX_MS]
#
# MAX_MS (default 600) bounds the random delay before each kill; make it
# about the time one `tanu status` takes. SEED_ARCHIVE=DIR starts from a
# copy of an existing archive instead of generating and ingesting one.
# Prints every later command's outcome; exits 1 if any of them failed.
set -u
TANU=${1:-target/debug/tanu}
COUNT=${2:-150}
KILLS=${3:-40}
MAX_MS=${4:-600}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
A="$WORK/archive"
export TANU_CURATOR=tester
if [ -n "${SEED_ARCHIVE:-}" ]; then
  cp -a "$SEED_ARCHIVE" "$A"
else
  "$TANU" generate --count "$COUNT" --seed 7 --out "$WORK/corpus" >/dev/null
  "$TANU" --archive "$A" init >/dev/null
  "$TANU" --archive "$A" ingest "$WORK/corpus" >/dev/null 2>&1
fi
mapfile -t IDS < <("$TANU" --archive "$A" list --json | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
echo "archive of ${#IDS[@]} testimonies"
killed=0
for id in "${IDS[@]}"; do
  [ "$killed" -ge "$KILLS" ] && break
  "$TANU" --archive "$A" status "$id" in_review >/dev/null 2>&1 &
  pid=$!
  # A random moment of the command, its index commits included.
  sleep "0.$(printf '%03d' $((RANDOM % MAX_MS)))"
  if kill -9 "$pid" 2>/dev/null; then killed=$((killed + 1)); fi
  wait "$pid" 2>/dev/null
done
echo "killed $killed commands"
fail=0
for cmd in "list" "search lager" "check"; do
  # shellcheck disable=SC2086
  if out=$("$TANU" --archive "$A" $cmd 2>&1); then
    echo "ok    tanu $cmd"
    echo "$out" | grep '^tanu: note' | sed 's/^/      /'
  else
    echo "FAIL  tanu $cmd: $(echo "$out" | grep -m1 -i 'error\|fail')"
    fail=1
  fi
done
exit $fail
