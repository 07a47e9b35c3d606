#!/usr/bin/env bash
# bench/diff.sh REPO [RUNS] [REV]
#
# Times archie diff --base REV (default HEAD~1) against archie check on the
# same tree and config, in one interleaved run: diff loads both revisions
# in one process (the base in a temporary worktree), so its floor is one
# check. The config is bench/lib.sh's: a forbid rule over every package and
# folder cycles at depth 2. diff needs it in or above the repository, so it
# is written beside REPO for the run and removed after; nothing is written
# into REPO. Target (issue: archie diff): at most 2.3× archie check.
set -euo pipefail

repo=$(cd "${1:?usage: bench/diff.sh REPO [RUNS] [REV]}" && pwd)
runs=${2:-5}
rev=${3:-HEAD~1}
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
cfg=$(dirname "$repo")/.archie-diff-bench-$$.yaml
trap 'rm -rf "$work" "$cfg"' EXIT
export GOTOOLCHAIN=local

go build -o "$work/archie" "$here/cmd/archie"
source "$here/bench/lib.sh"
bench_config
cp "$work/archie.yaml" "$cfg"
(cd "$repo" && "$work/archie" diff --config "$cfg" --base "$rev" >/dev/null) # fails loudly here, not silently in the timing
names=(check diff)
cmds=("$work/archie check --config $cfg" "$work/archie diff --config $cfg --base $rev")
echo "repo: $repo, diff against $rev; runs: $runs after 1 warm-up, interleaved; $(nproc) cores"
interleave
floor=$(wall check)
printf '%-8s %10s %10s %10s\n' command "wall (s)" "peak MiB" "× check"
for n in "${names[@]}"; do
  printf '%-8s %10.2f %10.0f %10.2f\n' "$n" "$(wall "$n")" "$(echo "$(rss "$n")/1024" | bc -l)" "$(echo "$(wall "$n")/$floor" | bc -l)"
done
