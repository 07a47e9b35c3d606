#!/usr/bin/env bash
# bench/adopt.sh REPO [RUNS]
#
# What adopting archie on a legacy codebase costs, against archie check on
# the same tree in the same run: `archie check --new-since HEAD` (a second
# load of the code, in a temporary git worktree; target ≤ 2.3×) and, when
# this archie has it, `archie init --dry-run` (target ≤ 1.5×). REPO must be
# a git checkout. The config for check is generated outside REPO, as in
# bench/run.sh; nothing is written into REPO but git's worktree bookkeeping,
# which archie removes. Runs are interleaved after one warm-up round;
# medians of wall time and peak RSS, with ratios to check.
set -euo pipefail

repo=$(cd "${1:?usage: bench/adopt.sh REPO [RUNS]}" && pwd)
runs=${2:-5}
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -o "$work/archie" "$here/cmd/archie"
source "$here/bench/lib.sh"
bench_config

names=(check new-since)
cmds=(
  "$work/archie check --config $work/archie.yaml ."
  "$work/archie check --config $work/archie.yaml --new-since HEAD ."
)
if "$work/archie" init --help >/dev/null 2>&1; then
  names+=(init)
  cmds+=("$work/archie init --dry-run .")
fi

export GOTOOLCHAIN=local
echo "repo: $repo ($module) at $(git -C "$repo" rev-parse --short HEAD), $(cd "$repo" && go list ./... 2>/dev/null | wc -l) packages in ./..., $(cd "$repo" && go list -deps ./... 2>/dev/null | wc -l) with dependencies"
echo "runs: $runs after 1 warm-up, interleaved; $(nproc) cores"
interleave
floor=$(wall check)
printf '%-10s %10s %10s %10s\n' command "wall (s)" "peak MiB" "× check"
for n in "${names[@]}"; do
  printf '%-10s %10.2f %10.0f %10.2f\n' "$n" "$(wall "$n")" "$(echo "$(rss "$n")/1024" | bc -l)" "$(echo "$(wall "$n")/$floor" | bc -l)"
done
if git -C "$repo" worktree list | grep -q archie-since; then
  echo "a worktree of --new-since was left behind" >&2
  exit 1
fi
