#!/usr/bin/env bash
# bench/golangci.sh [RUNS [REPO]]
#
# Builds a golangci-lint with archie's module plugin in it, as
# `golangci-lint custom` does with the .custom-gcl.yml in
# rules/archieimports/golangci's doc (but from the Go module proxy alone:
# custom clones golangci-lint with git), runs it on testdata/example, and
# checks that it reports the import violations archie check reports (the
# rules that look at one import at a time; golangci-lint prefixes the
# analyzer's name), at the
# same file:line:col with the same messages, as go vet -vettool=archie-vet
# must too. Then it times, interleaved, golangci-lint with depguard alone
# against depguard and archie, its result cache cleaned before each run (the
# go build cache stays warm: both read the same export data), and go vet
# with its own analyzers against go vet -vettool=archie-vet, on a copy of
# REPO whose Go files gain a comment before each run (the go command caches
# vet results per file content; clearing its whole cache would time
# compiling the standard library instead). Slow the first time
# (golangci-lint compiles for minutes on 2 cores); not part of CI.
set -euo pipefail

runs=${1:-5}
here=$(cd "$(dirname "$0")/.." && pwd)
timed=${2:-$here/testdata/example} # a module with an archie.yaml
version=v2.15.0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GOTOOLCHAIN=local GOFLAGS=-mod=mod

mkdir -p "$work/gcl"
cat >"$work/gcl/main.go" <<'GO'
// Command custom-gcl is golangci-lint with archie's plugin registered.
package main

import (
	"fmt"
	"os"

	_ "github.com/archie-dev/archie/rules/archieimports/golangci"
	"github.com/golangci/golangci-lint/v2/pkg/commands"
	"github.com/golangci/golangci-lint/v2/pkg/exitcodes"
)

func main() {
	if err := commands.Execute(commands.BuildInfo{Version: "custom-gcl"}); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(exitcodes.Failure)
	}
}
GO
(cd "$work/gcl" && go mod init example.com/custom-gcl >/dev/null 2>&1 &&
  go mod edit -require "github.com/golangci/golangci-lint/v2@$version" \
    -require github.com/archie-dev/archie@v0.0.0 -replace "github.com/archie-dev/archie=$here" &&
  go mod tidy && go build -o "$work/custom-gcl" .)
go build -o "$work/archie" "$here/cmd/archie"
go build -o "$work/archie-vet" "$here/cmd/archie-vet"

cat >"$work/with-archie.yml" <<'YAML'
version: "2"
run:
  relative-path-mode: wd
linters:
  default: none
  enable: [depguard, archie]
  settings:
    depguard:
      rules:
        main:
          deny:
            - pkg: io/ioutil
              desc: use io and os
    custom:
      archie:
        type: module
        description: archie.yaml's import rules
issues:
  max-issues-per-linter: 0
  max-same-issues: 0
YAML
sed -e 's/enable: \[depguard, archie\]/enable: [depguard]/' "$work/with-archie.yml" >"$work/depguard.yml"

example=$here/testdata/example
# archie check's import violations, as file:line:col: message.
(cd "$example" && "$work/archie" check --format json || true) |
  python3 -c 'import json,sys; d=json.load(sys.stdin); whole = {"cycle", "metric", "unassigned", "exception-expired", "exception-unused", "shared-database", "sync-chain", "cross-service-import", "hardcoded-endpoint", "god-service", "god-package"}; print("\n".join(sorted("%s:%d:%d: %s [%s]" % (v["position"]["file"], v["position"]["line"], v["position"]["column"], v["message"], v["rule"] + (", warning" if v["severity"] == "warning" else "")) for v in d["violations"] if v["position"]["line"] and v["kind"] not in whole and not v.get("chain"))))' >"$work/want"
(cd "$example" && "$work/custom-gcl" run --config "$work/with-archie.yml" --output.text.path stdout --output.text.print-issued-lines=false ./... || true) |
  sed -n 's/^\(.*:[0-9]*:[0-9]*: \)archieimports: \(.*\) (archie)$/\1\2/p' | sort >"$work/got"
if ! diff -u "$work/want" "$work/got"; then
  echo "golangci-lint with the archie plugin does not report what archie check does (- archie check, + golangci-lint)" >&2
  exit 1
fi
echo "golangci-lint with the archie plugin reports archie check's $(wc -l <"$work/want") import violations on testdata/example"
(cd "$example" && go vet -vettool="$work/archie-vet" ./... 2>&1 || true) |
  sed -n 's/^\(.*:[0-9]*:[0-9]*: .*\]\)$/\1/p' | sed 's|^\./||' | sort >"$work/vet"
if ! diff -u "$work/want" "$work/vet"; then
  echo "go vet -vettool=archie-vet does not report what archie check does (- archie check, + go vet)" >&2
  exit 1
fi
echo "go vet -vettool=archie-vet reports the same"

repo=$(cd "$timed" && pwd)
echo "timing on $repo"
cp -r "$repo" "$work/vetcopy"
touchgo="find $work/vetcopy -name '*.go' -exec sh -c 'echo \"// \$\$\" >>\"\$1\"' _ {} \\;"
names=(golangci-depguard golangci-depguard-archie go-vet go-vet-archie)
cmds=("$work/custom-gcl cache clean >/dev/null 2>&1; $work/custom-gcl run --config $work/depguard.yml ./..."
  "$work/custom-gcl cache clean >/dev/null 2>&1; $work/custom-gcl run --config $work/with-archie.yml ./..."
  "$touchgo; cd $work/vetcopy && go vet ./..."
  "$touchgo; cd $work/vetcopy && go vet -vettool=$work/archie-vet ./...")
source "$here/bench/lib.sh"
echo "runs: $runs after 1 warm-up, interleaved; $(nproc) cores; golangci-lint's cache cleaned before each run"
interleave
printf '%-26s %10s %10s\n' command "wall (s)" "peak MiB"
for n in "${names[@]}"; do
  printf '%-26s %10.2f %10.0f\n' "$n" "$(wall "$n")" "$(echo "$(rss "$n")/1024" | bc -l)"
done
