#!/usr/bin/env bash
# bench/run.sh REPO [RUNS]
#
# Times `archie check` on any Go module against two baselines on the same
# tree, in one run: `go list -deps -json ./...` and bench/minload, a program
# that only calls packages.Load in the mode archie uses (the floor of honest
# loading). Runs are interleaved (each round runs every command once) after
# one warm-up round; medians of wall time and peak RSS are reported, with
# ratios to minload.
#
# The archie config is generated outside the repository (nothing is written
# into REPO): a forbid rule over every package of the module and folder
# cycles at depth 2, so that every package is judged.
#
# Add a peer tool to the same run with PEER="name:command with {} for REPO",
# for example PEER='go-arch-lint:go-arch-lint check --project-path {}'.
set -euo pipefail

repo=$(cd "${1:?usage: bench/run.sh REPO [RUNS]}" && pwd)
runs=${2:-7}
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -o "$work/archie" "$here/cmd/archie"
go build -o "$work/minload" "$here/bench/minload"
source "$here/bench/lib.sh"
bench_config

names=(go-list minload archie)
cmds=(
  "go list -deps -json ./..."
  "$work/minload ."
  "$work/archie check --config $work/archie.yaml ."
)
if [[ -n ${PEER:-} ]]; then
  names+=("${PEER%%:*}")
  cmds+=("${PEER#*:}")
  cmds[${#cmds[@]}-1]=${cmds[${#cmds[@]}-1]//\{\}/$repo}
fi

export GOTOOLCHAIN=local
echo "repo: $repo ($module), $(cd "$repo" && go list ./... 2>/dev/null | wc -l) packages in ./..., $(cd "$repo" && go list -deps ./... 2>/dev/null | wc -l) with dependencies"
echo "runs: $runs after 1 warm-up, interleaved; $(nproc) cores"
interleave
floor=$(wall minload)
printf '%-14s %10s %10s %14s\n' command "wall (s)" "peak MiB" "× minload"
for n in "${names[@]}"; do
  printf '%-14s %10.2f %10.0f %14.2f\n' "$n" "$(wall "$n")" "$(echo "$(rss "$n")/1024" | bc -l)" "$(echo "$(wall "$n")/$floor" | bc -l)"
done
