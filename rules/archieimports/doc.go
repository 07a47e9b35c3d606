// Package archieimports defines an Analyzer that judges one package's
// imports against archie.yaml, so that go vet (through cmd/archie-vet) and
// other go/analysis drivers report archie's import rules next to their own.
//
// It runs the rules that judge each import on its own: layers, hexagonal,
// contexts and the direct part of the free-form rules, with live
// exceptions applied. Rules that need the whole graph (transitive rules,
// cycles, metrics, service smells) and baselines are left to archie check.
// The config is the archie.yaml (or .archie.yaml) in the package's folder
// or the nearest one above it; a package with none is not judged.
package archieimports
