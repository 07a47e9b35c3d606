// Package adr reads and writes Architecture Decision Records as markdown
// files, in the two formats teams already keep: Michael Nygard's, as
// adr-tools writes it (`# 1. Title`, `Date:`, `## Status`), and MADR
// (front matter or bullet metadata, `# Title`).
//
// Records are edited in place: a rewrite changes only the lines it must,
// so sections, front-matter keys, line endings and trailing text archie
// does not understand survive byte for byte. Every write goes through a
// temporary file and a rename (write.go), and a new record never replaces
// an existing file. Every change holds the directory lock from reading to
// writing, and a change of several files is journaled so that the next
// Open completes it after a crash (commit.go).
//
// The package stands alone: it knows nothing of Go code or of archie.yaml.
// Callers that want to tie decisions to the rules citing them pass those
// citations in as plain values (see Citation).
package adr
