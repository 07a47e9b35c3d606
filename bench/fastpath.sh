#!/usr/bin/env bash
# bench/fastpath.sh [-n RUNS] REPO...
#
# Runs archie's two loaders on real repositories and says whether they
# agree, then how long each takes. For each REPO (a folder with a go.mod;
# nothing is written into it):
#
#   1. bench/fastdiff loads it with the fast loader and with go/packages,
#      with and without tests, and compares the graphs (modules, packages,
#      files, imports, load errors), or says why the fast loader gave way;
#   2. `archie check --format json` runs with ARCHIE_LOADER=packages and
#      with the automatic choice, on a config generated outside REPO (a
#      forbid rule over every package and folder cycles, so that every
#      package is judged) and on REPO's own archie.yaml when it has one:
#      stdout and exit status must be identical;
#   3. both checks on the generated config are timed, go/packages also with
#      an empty build cache (GOCACHE, where go list keeps its module
#      index): hyperfine when it is installed, else RUNS interleaved
#      rounds after a warm-up, medians of wall time.
#
# It exits 1 when any verdict or graph differs.
set -euo pipefail

runs=7
if [[ ${1:-} == -n ]]; then
  runs=$2
  shift 2
fi
[[ $# -gt 0 ]] || { echo "usage: bench/fastpath.sh [-n RUNS] REPO..." >&2; exit 2; }
here=$(cd "$(dirname "$0")/.." && pwd)
top=$(mktemp -d)
trap 'rm -rf "$top"' EXIT
export GOTOOLCHAIN=local
go build -o "$top/archie" "$here/cmd/archie"
go build -o "$top/fastdiff" "$here/bench/fastdiff"
source "$here/bench/lib.sh"

status=0
summary=()
for arg in "$@"; do
  repo=$(cd "$arg" && pwd)
  if [[ ! -f $repo/go.mod ]]; then
    echo "== $repo: no go.mod, skipped (name its modules instead)"
    continue
  fi
  work=$(mktemp -d "$top/repo.XXXX")
  bench_config
  echo "== $repo ($module)"

  graphs=same
  if ! "$top/fastdiff" "$repo" | sed 's/^/   /' | tee "$work/fastdiff"; then
    graphs=DIFFERENT
    status=1
  fi

  verdict=same
  configs=("--config $work/archie.yaml")
  [[ -f $repo/archie.yaml || -f $repo/.archie.yaml ]] && configs+=("")
  loader=""
  for c in "${configs[@]}"; do
    for l in packages auto; do
      # shellcheck disable=SC2086
      (cd "$repo" && ARCHIE_LOADER=$l "$top/archie" check $c --format json . >"$work/out.$l" 2>"$work/err.$l"; echo "exit $?" >>"$work/out.$l") || true
    done
    if ! cmp -s "$work/out.packages" "$work/out.auto"; then
      verdict=DIFFERENT
      status=1
      echo "   verdicts differ with ${c:-its own archie.yaml}:"
      diff "$work/out.packages" "$work/out.auto" | head -20 | sed 's/^/     /'
    fi
    [[ -z $loader ]] && loader=$(grep -o 'read [0-9]* packages without go list\|the fast loader gave way (.*)' "$work/err.auto" | head -1)
  done
  echo "   loader: ${loader:-?}; verdicts: $verdict (${#configs[@]} configs); graphs: $graphs"

  # The cold variant gives go list an empty build cache (a CI runner that
  # restores only the module cache): go list then reads every file
  # without its module index. The fast loader uses no build cache.
  cmds=(
    "ARCHIE_LOADER=packages $top/archie check --config $work/archie.yaml ."
    "GOCACHE=\$(mktemp -d -p $work) ARCHIE_LOADER=packages $top/archie check --config $work/archie.yaml ."
    "ARCHIE_LOADER=auto $top/archie check --config $work/archie.yaml ."
  )
  names=(packages packages-cold auto)
  if command -v hyperfine >/dev/null; then
    (cd "$repo" && hyperfine -i -w 1 -r "$runs" --export-json "$work/h.json" -n packages "${cmds[0]}" -n packages-cold "${cmds[1]}" -n auto "${cmds[2]}" >/dev/null) || true
    read -r tp tc ta < <(python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"]; print(r[0]["median"], r[1]["median"], r[2]["median"])' "$work/h.json")
  else
    interleave
    tp=$(wall packages)
    tc=$(wall packages-cold)
    ta=$(wall auto)
  fi
  ratio=$(echo "$tp/$ta" | bc -l)
  cratio=$(echo "$tc/$ta" | bc -l)
  printf '   archie check: go/packages %.2f s (%.2f s with an empty build cache), automatic %.2f s: %.1f× (%.1f×), medians of %d runs\n' "$tp" "$tc" "$ta" "$ratio" "$cratio" "$runs"
  # After a fall-back both loads are go list's, and only one had a cold
  # cache: no ratio to give.
  cold=$(printf '%.1f×' "$cratio")
  [[ $loader == *"gave way"* ]] && cold="—"
  summary+=("$(printf '| %s | %s | %s | %s | %.2f | %.2f | %.2f | %.1f× | %s |' "$(basename "$repo")" "${loader:-?}" "$verdict" "$graphs" "$tp" "$tc" "$ta" "$ratio" "$cold")")
done

echo
echo "| repository | loader (automatic) | verdicts | graphs | go/packages (s) | go/packages, empty build cache (s) | automatic (s) | speed-up | speed-up, empty build cache |"
echo "|---|---|---|---|---:|---:|---:|---:|---:|"
printf '%s\n' "${summary[@]}"
echo "$(nproc) cores; $runs runs each; other work may have been running on the machine"
exit $status
