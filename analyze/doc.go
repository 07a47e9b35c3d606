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
package analyze
