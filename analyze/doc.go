// Package analyze loads Go code into archie's own model of it: a Graph of
// packages and the imports between them, with the position of every import
// spec available on demand.
//
// Loading is deliberately cheap: go/packages is asked for names, files,
// imports and modules only, with no type checking and no syntax trees. The
// positions of imports are read later, by parsing just the import block of
// the files of the packages a rule asks about. Types from go/packages never
// leave this package. The services analysis, which needs types and SSA,
// lives beneath it in analyze/services and builds on the Graph.
//
// For the import graph alone, Load first tries a loader that does not run
// go list (fastload.go): it computes the build list from go.mod files in
// the module cache, selects files with go/build and follows every import
// through the dependencies, so that it sees what go list would call an
// error. Wherever it cannot be sure of go list's answer it gives way to
// go/packages, which stays the reference; the differential tests hold the
// two to the same graph.
//
// A Cache (cache.go) keeps what the fast loader read of each folder for
// the next run, keyed by everything that selects files; a folder of the
// main modules is read again when its listing changed. Only loads that
// succeeded without go list are kept.
package analyze
