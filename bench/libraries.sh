#!/usr/bin/env bash
# bench/libraries.sh
#
# Reads every recognizer row's key against the real libraries, each major
# version of each at its latest release from the module proxy (tens of
# modules; about two minutes on a warm module cache): a key must name a
# function, a method declared on the named type or in the named
# interface's method set, or a named function type, and a row's argument
# indexes must fit the call. The fixtures run against stand-ins of the
# libraries; this is what keeps the stand-ins honest. Nothing outside the
# module cache and a temporary folder is written.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
ARCHIE_REAL_LIBRARIES=1 GOTOOLCHAIN=local go test -count=1 -timeout 30m -run 'TestRecognizersMatchLibraries' -v ./analyze/services/ |
  grep -E 'not in the library|arguments:|not checked|keys checked|^(ok|FAIL|---)'
