#!/usr/bin/env bash
# bench/extract.sh REPO [PATTERN] [RUNS]
#
# Times `archie extract PATTERN` on a repository against the floor of
# type-checking the same packages with go/packages, dependencies from
# export data (bench/typecheck), as bench/services.sh does. The packages
# are those archie extract reads: the module's packages its mains import,
# directly or not (every package of the module when it has no main). Runs
# are interleaved after one warm-up round; medians of wall time and peak
# RSS are reported, with ratios to the floor. Nothing is written into REPO.
set -euo pipefail

repo=$(cd "${1:?usage: bench/extract.sh REPO [PATTERN] [RUNS]}" && pwd)
pattern=${2:-./...}
runs=${3:-5}
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GOTOOLCHAIN=local

go build -o "$work/archie" "$here/cmd/archie"
go build -o "$work/typecheck" "$here/bench/typecheck"
module=$(cd "$repo" && go list -m -f '{{.Path}}' | head -1)
mains=$(cd "$repo" && go list -f '{{if eq .Name "main"}}{{.ImportPath}}{{end}}' ./... 2>/dev/null | grep . || true)
if [[ -n $mains ]]; then
  # shellcheck disable=SC2086 # one argument per main
  (cd "$repo" && go list -deps $mains 2>/dev/null)
else
  (cd "$repo" && go list ./... 2>/dev/null)
fi | grep -E "^${module//./\\.}(/|\$)" | sed 's/^/. /' >"$work/packages"

# archie collects garbage at GOGC=150 unless GOGC is set; the last line
# shows what it takes at Go's default, as the floor runs.
names=(typecheck archie-extract archie-gogc100)
cmds=("$work/typecheck . $work/packages" "$work/archie extract '$pattern' --format json" "GOGC=100 $work/archie extract '$pattern' --format json")
echo "repo: $repo: pattern $pattern; $(grep -c . "$work/packages") packages the mains reach in the module, $(cd "$repo" && go list ./... 2>/dev/null | wc -l) in ./..., $(cd "$repo" && go list -deps ./... 2>/dev/null | wc -l) with their dependencies"
"$work/typecheck" "$repo" "$work/packages"
echo "runs: $runs after 1 warm-up, interleaved; $(nproc) cores"
source "$here/bench/lib.sh"
interleave
floor=$(wall typecheck)
floorrss=$(rss typecheck)
printf '%-16s %10s %10s %10s %10s\n' command "wall (s)" "peak MiB" "× time" "× memory"
for n in "${names[@]}"; do
  printf '%-16s %10.2f %10.0f %10.2f %10.2f\n' "$n" "$(wall "$n")" "$(echo "$(rss "$n")/1024" | bc -l)" "$(echo "$(wall "$n")/$floor" | bc -l)" "$(echo "$(rss "$n")/$floorrss" | bc -l)"
done
