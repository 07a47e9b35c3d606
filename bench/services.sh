#!/usr/bin/env bash
# bench/services.sh REPO [RUNS]
#
# Times `archie services` on a repository against the floor of type-checking
# the same packages with go/packages, dependencies from export data
# (bench/typecheck), in one run. The packages are those archie services
# attributes to services; a first run lists them. Runs are interleaved after
# one warm-up round; medians of wall time and peak RSS are reported, with
# ratios to the floor. Nothing is written into REPO.
set -euo pipefail

repo=$(cd "${1:?usage: bench/services.sh REPO [RUNS]}" && pwd)
runs=${2:-5}
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GOTOOLCHAIN=local

go build -o "$work/archie" "$here/cmd/archie"
go build -o "$work/typecheck" "$here/bench/typecheck"
(cd "$repo" && "$work/archie" services --format json 2>/dev/null) |
  python3 -c 'import json,sys; print("\n".join(sorted({p for s in json.load(sys.stdin)["services"] for p in s["packages"]})))' >"$work/packages"

names=(typecheck archie-services)
cmds=("$work/typecheck . $work/packages" "$work/archie services")
echo "repo: $repo: $(grep -c . "$work/packages") packages in services, $(cd "$repo" && go list ./... 2>/dev/null | wc -l) in ./..."
echo "runs: $runs after 1 warm-up, interleaved; $(nproc) cores"
for round in $(seq 0 "$runs"); do
  for i in "${!cmds[@]}"; do
    (cd "$repo" && /usr/bin/time -f '%e %M' -o "$work/t" bash -c "${cmds[$i]}" >/dev/null 2>&1) || true
    [[ $round -gt 0 ]] && tail -n 1 "$work/t" >>"$work/times.${names[$i]}"
  done
done

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
floor=$(cut -d' ' -f1 "$work/times.typecheck" | median)
floorrss=$(cut -d' ' -f2 "$work/times.typecheck" | median)
printf '%-16s %10s %10s %10s %10s\n' command "wall (s)" "peak MiB" "× time" "× memory"
for n in "${names[@]}"; do
  wall=$(cut -d' ' -f1 "$work/times.$n" | median)
  rss=$(cut -d' ' -f2 "$work/times.$n" | median)
  printf '%-16s %10.2f %10.0f %10.2f %10.2f\n' "$n" "$wall" "$(echo "$rss/1024" | bc -l)" "$(echo "$wall/$floor" | bc -l)" "$(echo "$rss/$floorrss" | bc -l)"
done
