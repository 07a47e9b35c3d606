# bench/lib.sh: what the bench scripts share. Source it after setting
# repo, runs and work; set the arrays names and cmds before interleave.

# bench_config writes $work/archie.yaml, outside the repository: a forbid
# rule over every package of the module and folder cycles at depth 2, so
# that every package is judged. It sets module.
bench_config() {
  module=$(cd "$repo" && GOTOOLCHAIN=local go list -m -f '{{.Path}}' | head -1)
  cat >"$work/archie.yaml" <<YAML
version: 1
rules:
  - name: bench-no-unsafe
    packages: [$module/...]
    forbid: [unsafe]
    severity: warning
cycles:
  depth: 2
  severity: warning
YAML
}

# interleave runs every command once per round, one warm-up round first,
# recording "wall-seconds peak-KiB" per run in $work/times.NAME.
interleave() {
  for round in $(seq 0 "$runs"); do
    for i in "${!cmds[@]}"; do
      (cd "$repo" && /usr/bin/time -f '%e %M' -o "$work/t" bash -c "${cmds[$i]}" >/dev/null 2>&1) || true
      [[ $round -gt 0 ]] && tail -n 1 "$work/t" >>"$work/times.${names[$i]}"
    done
  done
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# wall NAME and rss NAME print a command's median wall time and peak KiB.
wall() { cut -d' ' -f1 "$work/times.$1" | median; }
rss() { cut -d' ' -f2 "$work/times.$1" | median; }

# service_packages builds archie and bench/typecheck into $work and writes
# $work/packages: each package archie services attributes to a service,
# as "DIR PACKAGE PATTERN" lines, the pattern naming it as archie does:
# by its folder in the build where that is the same package (go/packages
# splits a list longer than 16 383 characters into several concurrent go
# list runs over the same dependencies; folders keep loki's list in one).
service_packages() {
  go build -o "$work/archie" "$here/cmd/archie"
  go build -o "$work/typecheck" "$here/bench/typecheck"
  (cd "$repo" && "$work/archie" services --format json 2>/dev/null) |
    python3 -c 'import json,sys; print("\n".join(sorted({s["entry"] + " " + p for s in json.load(sys.stdin)["services"] for p in s["packages"]})))' >"$work/paths"
  "$work/typecheck" -patterns "$repo" "$work/paths" >"$work/packages"
}
