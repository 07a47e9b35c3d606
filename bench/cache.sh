#!/usr/bin/env bash
# bench/cache.sh REPO SMALLREPO [RUNS]
#
# What the fast loader's cache saves on re-runs of archie check, in one
# interleaved run (one warm-up round, medians of wall time and peak RSS):
#
#   on REPO (read-only: nothing is written into it; the config is
#   generated outside it, as in bench/run.sh):
#     cold      an empty cache (a new ARCHIE_CACHE_DIR each run)
#     warm      the cache of the previous run, nothing changed
#     no-cache  --no-cache (what archie did before the cache)
#     go-list   ARCHIE_LOADER=packages, for reference
#   on a copy of SMALLREPO (made under the work folder):
#     edit      one file edited (a line appended) before each run
#     s-warm    nothing changed
#     s-nocache --no-cache
#
# Before timing, it checks that cold, warm and --no-cache print the same
# on REPO and that the fast loader runs on both trees.
set -euo pipefail

repo=$(cd "${1:?usage: bench/cache.sh REPO SMALLREPO [RUNS]}" && pwd)
small=$(cd "${2:?usage: bench/cache.sh REPO SMALLREPO [RUNS]}" && pwd)
runs=${3:-5}
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GOTOOLCHAIN=local

go build -o "$work/archie" "$here/cmd/archie"
source "$here/bench/lib.sh"
bench_config
big_module=$module

# The small tree is copied, so that editing it touches nothing else.
mkdir -p "$work/s"
cp -r "$small" "$work/s/copy"
copy=$work/s/copy
( repo=$copy work=$work/s; bench_config )
edit=$(cd "$copy" && find . -name '*.go' ! -name '*_test.go' ! -path '*/testdata/*' | sort | head -n 1)

a="$work/archie check --config $work/archie.yaml ."
s="$work/archie check --config $work/s/archie.yaml ."
for d in "$repo" "$copy"; do
  c=$work/archie.yaml; [[ $d == "$copy" ]] && c=$work/s/archie.yaml
  (cd "$d" && ARCHIE_LOADER=fast ARCHIE_CACHE_DIR=$work/probe "$work/archie" check --config "$c" . >/dev/null 2>"$work/probe.err") || [[ $? == 1 ]] ||
    { echo "the fast loader does not run on $d:"; cat "$work/probe.err"; exit 1; } >&2
done
(cd "$repo" && ARCHIE_CACHE_DIR=$work/same $a >"$work/out.cold" 2>/dev/null || true)
(cd "$repo" && ARCHIE_CACHE_DIR=$work/same $a >"$work/out.warm" 2>/dev/null || true)
(cd "$repo" && $a --no-cache >"$work/out.nocache" 2>/dev/null || true)
cmp "$work/out.cold" "$work/out.warm" && cmp "$work/out.cold" "$work/out.nocache" ||
  { echo "cold, warm and --no-cache print differently" >&2; exit 1; }

names=(cold warm no-cache go-list edit s-warm s-nocache)
cmds=(
  "ARCHIE_CACHE_DIR=\$(mktemp -d -p $work) $a"
  "ARCHIE_CACHE_DIR=$work/warm $a"
  "$a --no-cache"
  "ARCHIE_LOADER=packages $a"
  "cd $copy && echo '// edited' >>$edit && ARCHIE_CACHE_DIR=$work/s-warm $s"
  "cd $copy && ARCHIE_CACHE_DIR=$work/s-warm2 $s"
  "cd $copy && $s --no-cache"
)

echo "repo: $repo ($big_module) at $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?'), $(cd "$repo" && go list ./... 2>/dev/null | wc -l) packages in ./..., $(cd "$repo" && go list -deps ./... 2>/dev/null | wc -l) with dependencies"
echo "small: copy of $small, $(cd "$copy" && go list ./... 2>/dev/null | wc -l) packages; edited file $edit"
echo "runs: $runs after 1 warm-up, interleaved; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
interleave
floor=$(wall no-cache)
sfloor=$(wall s-nocache)
printf '%-10s %10s %10s %14s\n' command "wall (s)" "peak MiB" "× --no-cache"
for n in "${names[@]}"; do
  f=$floor; [[ $n == edit || $n == s-* ]] && f=$sfloor
  printf '%-10s %10.3f %10.0f %14.2f\n' "$n" "$(wall "$n")" "$(echo "$(rss "$n")/1024" | bc -l)" "$(echo "$(wall "$n")/$f" | bc -l)"
done
echo "cache size after the warm runs: $(du -sh "$work/warm" | cut -f1) (REPO), $(du -sh "$work/s-warm" | cut -f1) (small)"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
