#!/usr/bin/env bash
# bench/services.sh REPO [RUNS]
#
# Times `archie services` on a repository against the floor of type-checking
# the same packages with go/packages, dependencies from export data
# (bench/typecheck), in one run. The packages are those archie services
# attributes to services; a first run lists them, with the directory of
# their service, so that the floor loads them in the same builds (module or
# go.work) archie does. Runs are interleaved after
# one warm-up round; medians of wall time and peak RSS are reported, with
# ratios to the floor. Nothing is written into REPO.
set -euo pipefail

repo=$(cd "${1:?usage: bench/services.sh REPO [RUNS]}" && pwd)
runs=${2:-5}
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GOTOOLCHAIN=local

source "$here/bench/lib.sh"
service_packages

# archie collects garbage at GOGC=150 unless GOGC is set; the last line
# shows what it takes at Go's default, as the floor runs.
names=(typecheck archie-services archie-gogc100)
cmds=("$work/typecheck . $work/packages" "$work/archie services" "GOGC=100 $work/archie services")
echo "repo: $repo: $(cut -d' ' -f2 "$work/packages" | sort -u | grep -c .) packages in services, $(cd "$repo" && go list ./... 2>/dev/null | wc -l) in ./..., $(cd "$repo" && go list -deps ./... 2>/dev/null | wc -l) with their dependencies"
"$work/typecheck" "$repo" "$work/packages"
echo "patterns: $(cut -d' ' -f3 "$work/packages" | sort -u | awk '{n += length($0) + 1} END {print n + 0}') characters as folders, $(cut -d' ' -f2 "$work/packages" | sort -u | awk '{n += length($0) + 1} END {print n + 0}') as import paths, over all builds (go/packages splits a build's list above 16383)"
echo "runs: $runs after 1 warm-up, interleaved; $(nproc) cores"
interleave
floor=$(wall typecheck)
floorrss=$(rss typecheck)
printf '%-16s %10s %10s %10s %10s\n' command "wall (s)" "peak MiB" "× time" "× memory"
for n in "${names[@]}"; do
  printf '%-16s %10.2f %10.0f %10.2f %10.2f\n' "$n" "$(wall "$n")" "$(echo "$(rss "$n")/1024" | bc -l)" "$(echo "$(wall "$n")/$floor" | bc -l)" "$(echo "$(rss "$n")/$floorrss" | bc -l)"
done
