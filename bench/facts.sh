#!/usr/bin/env bash
# bench/facts.sh [REPOS [SERVICES [RUNS]]]
#
# Times archie check merging the facts of an organisation: bench/factsgen
# writes REPOS (1000) facts files of SERVICES (30) services each, as each
# repository's CI would with archie services --format json, and archie
# check --facts merges them all in an empty module with every smell on,
# in text and in JSON. The floor is reading the same files with cat. Runs
# are interleaved after one warm-up round; medians of wall time and peak
# RSS. Target (issue: many repositories): 1000 × 30 in ≤ 5 s and ≤ 1 GiB.
set -euo pipefail

repos=${1:-1000}
services=${2:-30}
runs=${3:-5}
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GOTOOLCHAIN=local

go build -o "$work/archie" "$here/cmd/archie"
go run "$here/bench/factsgen" "$work/facts" "$repos" "$services"
repo=$work/org
mkdir -p "$repo"
printf 'module example.com/org\n\ngo 1.22\n' >"$repo/go.mod"
printf 'package main\n\nfunc main() {}\n' >"$repo/main.go"
cat >"$repo/archie.yaml" <<'YAML'
version: 1
smells:
  shared-database: error
  sync-chain: {severity: warning, max-depth: 2}
  cross-service-import: error
  hardcoded-endpoint: warning
YAML
args=$(for f in "$work"/facts/*.json; do printf -- ' --facts %s' "$f"; done)
echo "facts: $repos files of $services services, $(du -sh "$work/facts" | cut -f1); runs: $runs after 1 warm-up, interleaved; $(nproc) cores"
(cd "$repo" && "$work/archie" check $args | tail -n 1) || true

names=(cat check-text check-json)
cmds=("cat $work/facts/*.json" "$work/archie check $args" "$work/archie check --format json $args")
source "$here/bench/lib.sh"
interleave
printf '%-12s %10s %10s\n' command "wall (s)" "peak MiB"
for n in "${names[@]}"; do
  printf '%-12s %10.2f %10.0f\n' "$n" "$(wall "$n")" "$(echo "$(rss "$n")/1024" | bc -l)"
done
