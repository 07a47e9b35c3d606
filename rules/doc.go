// Package rules reads archie.yaml and judges a package graph against it.
//
// Each rule family (layers, hexagonal, contexts, forbid rules, cycles) is a
// function from its section of the config and an analyze.Graph to
// violations. Rules never print: Check returns a Result, and package report
// decides how it looks. CheckImports runs the families that judge one
// import at a time on a single package, with the same code, for drivers
// that see one package at a time (rules/archieimports, under go vet).
package rules
