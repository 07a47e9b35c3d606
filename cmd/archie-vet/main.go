// Command archie-vet runs archie's import rules under go vet:
//
//	go install github.com/archie-dev/archie/cmd/archie-vet@latest
//	go vet -vettool=$(which archie-vet) ./...
//
// Each package's imports are judged against the archie.yaml in its folder
// or the nearest one above it (layers, hexagonal, contexts, the direct
// part of the free-form rules, exceptions), and reported at their import
// specs. Rules that need the whole graph are archie check's.
package main

import (
	"github.com/archie-dev/archie/rules/archieimports"
	"golang.org/x/tools/go/analysis/unitchecker"
)

func main() { unitchecker.Main(archieimports.Analyzer) }
