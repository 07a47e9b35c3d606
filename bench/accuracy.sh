#!/usr/bin/env bash
# bench/accuracy.sh CLONES [SYSTEM...]
#
# Scores archie services and its smells on real systems against the ground
# truth in docs/accuracy/SYSTEM.yaml, written by reading each system's code.
# CLONES/SYSTEM is a clone of the truth's repository at the truth's commit
# (the script says when HEAD differs) with its modules downloaded. Nothing is
# written into the clones. Prints a markdown table, then what was missed and
# what was wrong on each system.
set -euo pipefail

clones=$(cd "${1:?usage: bench/accuracy.sh CLONES [SYSTEM...]}" && pwd)
shift
here=$(cd "$(dirname "$0")/.." && pwd)
# ACCURACY_KEEP=DIR keeps archie's outputs there, to score them again.
if [ -n "${ACCURACY_KEEP:-}" ]; then
  work=$ACCURACY_KEEP
  mkdir -p "$work"
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi
export GOTOOLCHAIN=local

go build -o "$work/archie" "$here/cmd/archie"
go build -o "$work/accuracy" "$here/bench/accuracy"
# Every smell on; sync-chain from two hops (A → B → C), as the truths
# count chains.
cat >"$work/smells.yaml" <<'YAML'
version: 1
smells:
  shared-database: error
  sync-chain: {severity: warning, max-depth: 1}
  cross-service-import: error
  hardcoded-endpoint: warning
  dual-write: warning
YAML

systems=("$@")
if [ ${#systems[@]} -eq 0 ]; then
  for t in "$here"/docs/accuracy/*.yaml; do systems+=("$(basename "$t" .yaml)"); done
fi

: >"$work/rows"
: >"$work/notes"
for s in "${systems[@]}"; do
  truth=$here/docs/accuracy/$s.yaml
  dir=$clones/$s
  want=$(sed -n 's/^commit: *//p' "$truth")
  have=$(git -C "$dir" rev-parse HEAD)
  [ "$want" = "$have" ] || echo "warning: $dir is at $have, the truth was written at $want" >&2
  # A system that is one folder of its repository names it as path:.
  run=$dir/$(sed -n 's/^path: *//p' "$truth")
  # A system that needs an older Go names it as go:; archie then runs that
  # release's go command (downloaded once from the module proxy).
  path=$PATH
  if gover=$(sed -n 's/^go: *//p' "$truth") && [ -n "$gover" ]; then
    path=$(GOTOOLCHAIN=go$gover go env GOROOT)/bin:$PATH
  fi
  (cd "$run" && PATH=$path "$work/archie" services --format json >"$work/$s.services.json" 2>"$work/$s.err") || true
  (cd "$run" && PATH=$path "$work/archie" check --config "$work/smells.yaml" --format json . >"$work/$s.check.json" 2>>"$work/$s.err") || true
  "$work/accuracy" "$truth" "$work/$s.services.json" "$work/$s.check.json" >"$work/$s.out"
  printf '%s\t%s\n' "$s" "$(head -1 "$work/$s.out")" >>"$work/rows"
  { echo "## $s"; tail -n +2 "$work/$s.out"; echo; } >>"$work/notes"
done

awk -F'\t' '
function f1(p, r) { return p + r == 0 ? 0 : 2 * p * r / (p + r) }
function ratio(a, b) { return b == 0 ? "–" : sprintf("%.2f", a / b) }
BEGIN {
  print "| system | services found | extra | sync edges (truth / found / right) | sync P | sync R | sync F1 | async (truth / found / right) | tables found | smells right / truth | false smell errors |"
  print "|---|---|---|---|---|---|---|---|---|---|---|"
}
{
  if ($16 == "false") $1 = $1 " †"
  printf "| %s | %d / %d | %d | %d / %d / %d | %s | %s | %s | %d / %d / %d | %d / %d | %d / %d | %d |\n",
    $1, $3, $2, $4, $5, $6, $7, ratio($7, $6), ratio($7, $5),
    ($5 + $6 == 0) ? "–" : sprintf("%.2f", f1($6 ? $7 / $6 : 0, $5 ? $7 / $5 : 0)),
    $8, $9, $10, $12, $11, $14, $13, $15
  for (i = 2; i <= 15; i++) sum[i] += $i
}
END {
  p = sum[6] ? sum[7] / sum[6] : 0; r = sum[5] ? sum[7] / sum[5] : 0
  printf "| **all** | %d / %d | %d | %d / %d / %d | **%.2f** | **%.2f** | **%.2f** | %d / %d / %d | %d / %d | %d / %d | **%d** |\n",
    sum[3], sum[2], sum[4], sum[5], sum[6], sum[7], p, r, f1(p, r), sum[8], sum[9], sum[10], sum[12], sum[11], sum[14], sum[13], sum[15]
}
END { print "\n† archie could not load all of the code here: it said so, and the facts may be missing some." }' "$work/rows"
echo
cat "$work/notes"
