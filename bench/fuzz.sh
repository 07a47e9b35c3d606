#!/usr/bin/env bash
# bench/fuzz.sh [TIME] [PATTERN]: runs every fuzz target of archie, one
# after the other, for TIME each (default 10m; any go test -fuzztime value),
# optionally only those whose name matches the regular expression PATTERN.
# A crasher is written by go test under the package's testdata/fuzz/: fix
# the bug, then commit the file as a regression seed (plain go test runs
# it from then on). Uses one worker (-parallel 1, FUZZ_PARALLEL to change)
# so that it can run beside other work on a 2-core machine.
set -uo pipefail
cd "$(dirname "$0")/.."
time=${1:-10m}
filter=${2:-.}
parallel=${FUZZ_PARALLEL:-1}

failed=()
for pkg in $(go list ./...); do
  for target in $(go test -list '^Fuzz' "$pkg" 2>/dev/null | grep '^Fuzz' | grep -E -- "$filter"); do
    echo "== $pkg $target ($time)"
    if ! go test -run '^$' -fuzz "^${target}\$" -fuzztime "$time" -parallel "$parallel" "$pkg" 2>&1 | tail -n 4; then
      failed+=("$pkg $target")
    fi
  done
done
if ((${#failed[@]} > 0)); then
  printf 'failed: %s\n' "${failed[@]}"
  exit 1
fi
echo "all fuzz targets ran $time without a failure"
