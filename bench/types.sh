#!/usr/bin/env bash
# bench/types.sh REPO [RUNS]
#
# Times what archie's cache of the services' dependency types gives a
# re-run of `archie services` on REPO. All runs share one Go build cache,
# empty at the start: archie refuses to compile, so it never gets export
# data of the dependencies, as on a machine whose build cache was filled
# by builds with cgo on (archie lists with CGO_ENABLED=0). A new archie
# cache takes its first run (which only notes that the build ran) and its
# second (which writes the types), timed once each; then RUNS rounds,
# interleaved, of the third run on (types read from the cache) against
# --no-cache (no types kept, and the import graph read without the fast
# loader's cache, about half a second on loki). BEFORE=path/to/archie
# adds an older binary with a cache of its own. The first, second and
# last runs must print the same services.
set -euo pipefail

repo=$(cd "${1:?usage: bench/types.sh REPO [RUNS]}" && pwd)
runs=${2:-3}
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
export GOTOOLCHAIN=local GOCACHE=$work/gocache
mkdir -p "$GOCACHE" "$work/cache" "$work/before"
go build -o "$work/archie" "$here/cmd/archie"

source "$here/bench/lib.sh"

# svc NAME: one timed run with the new cache, its output kept.
svc() {
  (cd "$repo" && ARCHIE_CACHE_DIR="$work/cache" /usr/bin/time -f '%e %M' -o "$work/t.$1" \
    "$work/archie" services --format json >"$work/out.$1" 2>/dev/null) || true
}
# The go command's own caches warm first, as for every other run.
(cd "$repo" && "$work/archie" services --no-cache --format json >/dev/null 2>&1) || true
svc first
svc second
names=(cached no-cache)
cmds=("ARCHIE_CACHE_DIR=$work/cache $work/archie services --format json"
  "$work/archie services --no-cache --format json")
if [[ -n ${BEFORE:-} ]]; then
  names+=(before)
  cmds+=("ARCHIE_CACHE_DIR=$work/before $BEFORE services --format json")
fi
interleave
svc last
for n in second last; do
  cmp -s "$work/out.first" "$work/out.$n" || { echo "the $n run printed other services than the first" >&2; exit 1; }
done

echo "repo: $repo"
echo "runs: 1 each for the first two, then $runs after 1 warm-up, interleaved; $(nproc) cores"
echo "types cache: $(du -sh "$work/cache" | cut -f1)"
base=$(wall no-cache)
printf '%-24s %10s %10s %14s\n' command "wall (s)" "peak MiB" "× --no-cache"
for n in first second; do
  read -r w m <"$work/t.$n"
  printf '%-24s %10.2f %10.0f %14.2f\n' "$n run (a new cache)" "$w" "$(echo "$m/1024" | bc -l)" "$(echo "$w/$base" | bc -l)"
done
for n in "${names[@]}"; do
  printf '%-24s %10.2f %10.0f %14.2f\n' "$n" "$(wall "$n")" "$(echo "$(rss "$n")/1024" | bc -l)" "$(echo "$(wall "$n")/$base" | bc -l)"
done
