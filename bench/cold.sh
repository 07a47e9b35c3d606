#!/usr/bin/env bash
# bench/cold.sh REPO [RUNS]
#
# Times `archie services` as a CI runner without a Go build cache runs it
# (an empty GOCACHE per run, the module cache warm, archie's own cache
# off), against the floor of type-checking the same packages from source
# (bench/typecheck -source: go list without export data, then every
# package type-checked, the services' in full and their dependencies
# without function bodies), in one interleaved run. It also times both
# with the build cache warm, against the export-data floor
# (bench/typecheck), as bench/services.sh does.
#
# BEFORE=1 adds what loading cost before archie read dependencies from
# source: go list -export over the same packages on an empty build cache,
# which compiles every dependency (minutes on large trees).
set -euo pipefail

repo=$(cd "${1:?usage: bench/cold.sh REPO [RUNS]}" && pwd)
runs=${2:-3}
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GOTOOLCHAIN=local

source "$here/bench/lib.sh"
service_packages

# cold CMD runs CMD with an empty build cache of its own, removed after.
cold="d=\$(mktemp -d -p $work); trap 'chmod -R u+w \$d; rm -rf \$d' EXIT; export GOCACHE=\$d ARCHIE_NO_CACHE=1;"
names=(source-floor archie-cold export-floor archie-warm)
cmds=("$cold $work/typecheck -source . $work/packages" "$cold $work/archie services"
  "$work/typecheck . $work/packages" "$work/archie services")
if [[ ${BEFORE:-} == 1 ]]; then
  names+=(compile-deps)
  cmds+=("$cold CGO_ENABLED=0 go list -e -export -deps $(cut -d' ' -f2 "$work/packages" | sort -u | tr '\n' ' ')")
fi
echo "repo: $repo: $(cut -d' ' -f2 "$work/packages" | sort -u | grep -c .) packages in services"
echo "runs: $runs after 1 warm-up, interleaved; $(nproc) cores"
interleave
printf '%-14s %10s %10s %12s %12s\n' command "wall (s)" "peak MiB" "× its floor" "× floor mem"
for n in "${names[@]}"; do
  case $n in
  source-floor | archie-cold | compile-deps) f=source-floor ;;
  *) f=export-floor ;;
  esac
  printf '%-14s %10.2f %10.0f %12.2f %12.2f\n' "$n" "$(wall "$n")" "$(echo "$(rss "$n")/1024" | bc -l)" \
    "$(echo "$(wall "$n")/$(wall $f)" | bc -l)" "$(echo "$(rss "$n")/$(rss $f)" | bc -l)"
done
