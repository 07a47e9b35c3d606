package adr

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"
)

// A Finding is one problem lint found, at a file and line.
type Finding struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Severity string `json:"severity"` // "error" or "warning"
	Message  string `json:"message"`
}

func (f Finding) String() string {
	msg := f.Message
	if f.Severity == "warning" {
		msg = "warning: " + msg
	}
	if f.Line == 0 {
		return f.File + ": " + msg
	}
	return fmt.Sprintf("%s:%d: %s", f.File, f.Line, msg)
}

// DefaultStatuses are the statuses lint accepts when no list is given:
// adr-tools', MADR's and log4brains' together.
var DefaultStatuses = []string{"proposed", "accepted", "rejected", "deprecated", "superseded", "draft"}

// LintOptions tune Lint.
type LintOptions struct {
	// Statuses are the allowed status words (compared as Canonical does);
	// nil means DefaultStatuses.
	Statuses []string
	// Citations are the rules that cite records; a citation of a record
	// that is missing, rejected or superseded is an error.
	Citations []Citation
	// Base lists the record file names on another revision (the branch
	// this one will merge into), and BaseName names that revision in
	// messages. A number used there by another file is the parallel-
	// branches problem: both branches added record 7.
	Base     []string
	BaseName string
	// Ancestor lists the record file names where the two revisions
	// forked. A base file that was already there is one this branch
	// renamed or deleted, not a collision. nil: unknown.
	Ancestor []string
}

// Lint checks the log: numbers used twice (here or on the base revision),
// links that lead nowhere or are stated on one side only, missing titles,
// statuses and dates, statuses outside the allowed set, file names that no
// longer match their title, and rules that cite a record not in force.
func (l *Log) Lint(opts LintOptions) []Finding {
	var fs []Finding
	add := func(file string, line int, sev, format string, args ...any) {
		fs = append(fs, Finding{File: filepath.ToSlash(file), Line: line, Severity: sev, Message: fmt.Sprintf(format, args...)})
	}
	for _, e := range l.Unreadable {
		add(e.File, e.Line, "error", "%s", e.Msg)
	}
	allowed := opts.Statuses
	if allowed == nil {
		allowed = DefaultStatuses
	}
	allowedSet := make(map[string]bool)
	for _, s := range allowed {
		allowedSet[Canonical(s)] = true
	}

	next := l.nextFree(opts.Base)
	// Resolve every link once: a record with thousands of links is
	// checked in time linear in them.
	ix := l.index()
	type pair struct{ from, to *Record }
	linked := make(map[pair]bool)
	for _, r := range l.Records {
		for _, link := range r.Links {
			if t := ix.resolve(link); t != nil {
				linked[pair{r, t}] = true
			}
		}
	}
	// A name that no longer matches its title is worth a warning where
	// names are made from titles, as adr-tools makes them; a team that
	// names files by hand (most names differ) is not warned about each.
	matching := 0
	for _, r := range l.Records {
		if rn, _ := parseName(r.Name()); slugMatches(rn.slug, r.Title) {
			matching++
		}
	}
	namesFollowTitles := matching*2 >= len(l.Records)
	for _, r := range l.Records {
		if !r.Dated {
			if same := ix.byNumber[r.Number]; len(same) > 1 {
				var others []string
				for _, o := range same {
					if o != r {
						others = append(others, o.Name())
					}
				}
				add(r.File, 1, "error", "number %d is also used by %s; give one of them a new number with `archie adr renumber %d %d`", r.Number, strings.Join(others, ", "), r.Number, next)
			}
		}
		if r.TitleLine == 0 {
			add(r.File, 1, "error", "no title: start the record with a \"# Title\" heading")
		}
		switch {
		case r.Status == "" && r.Format == MADR:
			// MADR makes status optional; say so, but do not fail
			add(r.File, max(r.TitleLine, 1), "warning", "no status: add a %s", statusHint(r))
		case r.Status == "":
			add(r.File, max(r.TitleLine, 1), "error", "no status: add a %s", statusHint(r))
		case !allowedSet[Canonical(r.Status)]:
			add(r.File, r.StatusLine, "error", "status %q is not one of %s", r.Status, strings.Join(allowed, ", "))
		}
		if r.Date == "" {
			add(r.File, max(r.TitleLine, 1), "warning", "no date: add %s", dateHint(r))
		}
		if r.Title != "" && namesFollowTitles {
			rn, _ := parseName(r.Name())
			if want := Slug(r.Title); want != "" && !slugMatches(rn.slug, r.Title) {
				add(r.File, r.TitleLine, "warning", "file name does not match the title %q: rename it to %s%s-%s.md", r.Title, rn.prefix, rn.digits, want)
			}
		}
		for _, link := range r.Links {
			t := ix.resolve(link)
			if t == nil {
				add(r.File, link.Line, "error", "broken link: %q points at %s, which is not a record in %s", link.Verb, linkName(link), l.Dir)
				continue
			}
			if isSupersedes(link.Verb) && Canonical(r.Status) != "accepted" {
				continue // the superseded record is marked once this one is accepted
			}
			if !linked[pair{t, r}] {
				add(r.File, link.Line, "error", "one-sided link: %s says %q %s, but %s has no link back; run `archie adr link` or add it by hand", r.Label(), link.Verb, t.Label(), t.Name())
			}
		}
	}

	if opts.Base != nil {
		fs = append(fs, l.collisions(opts, next)...)
	}

	for _, c := range opts.Citations {
		rs := ix.byNumber[c.ADR]
		if len(rs) == 0 {
			add(c.File, c.Line, "error", "%s cites %s, which is not a record in %s", c.Rule, Label(c.ADR), l.Dir)
			continue
		}
		for _, r := range rs {
			switch s := Canonical(r.Status); s {
			case "rejected":
				add(c.File, c.Line, "error", "%s cites %s %q, which was rejected", c.Rule, Label(c.ADR), r.Title)
			case "superseded":
				by := ""
				for _, link := range r.Links {
					if isSupersededBy(link.Verb) && link.Target != 0 {
						by = " by " + Label(link.Target)
					}
				}
				add(c.File, c.Line, "error", "%s cites %s %q, which is superseded%s: cite the decision in force", c.Rule, Label(c.ADR), r.Title, by)
			case "deprecated":
				add(c.File, c.Line, "warning", "%s cites %s %q, which is deprecated", c.Rule, Label(c.ADR), r.Title)
			}
		}
	}

	sort.SliceStable(fs, func(i, j int) bool {
		if fs[i].File != fs[j].File {
			return fs[i].File < fs[j].File
		}
		return fs[i].Line < fs[j].Line
	})
	return fs
}

// collisions finds records whose number another revision gives to a
// different file that this revision does not have.
func (l *Log) collisions(opts LintOptions, next int) []Finding {
	here := make(map[string]bool)
	for _, r := range l.Records {
		here[r.Name()] = true
	}
	before := make(map[string]bool)
	for _, n := range opts.Ancestor {
		before[filepath.Base(n)] = true
	}
	rev := opts.BaseName
	if rev == "" {
		rev = "the base revision"
	}
	var fs []Finding
	for _, name := range opts.Base {
		name = filepath.Base(name)
		rn, ok := parseName(name)
		n := rn.number
		if !ok || rn.date != "" || here[name] || before[name] {
			continue // not a record, the same file, or one this branch renamed
		}
		for _, r := range l.Number(n) {
			fs = append(fs, Finding{File: filepath.ToSlash(r.File), Line: 1, Severity: "error",
				Message: fmt.Sprintf("number %d is also used by %s on %s; renumber this record before merging: `archie adr renumber %d %d`", n, name, rev, n, next)})
		}
	}
	return fs
}

// nextFree is the lowest number above every record here and in base.
func (l *Log) nextFree(base []string) int {
	n := 0
	for _, r := range l.Records {
		n = max(n, r.Number)
	}
	for _, name := range base {
		if rn, ok := parseName(filepath.Base(name)); ok {
			n = max(n, rn.number)
		}
	}
	return n + 1
}

func statusHint(r *Record) string {
	switch {
	case r.fmEnd > 0:
		return "\"status:\" key to the front matter"
	case r.Format == MADR:
		return "\"* Status:\" line under the title"
	}
	return "\"## Status\" section with the status on its first line"
}

func dateHint(r *Record) string {
	switch {
	case r.fmEnd > 0:
		return "a \"date:\" key to the front matter"
	case r.Format == MADR:
		return "a \"* Date:\" line under the title"
	}
	return "a \"Date: YYYY-MM-DD\" line under the title"
}

// WriteFindings writes findings as `file:line: message` lines, or as a
// JSON array.
func WriteFindings(w io.Writer, fs []Finding, format string) error {
	if format == "json" {
		if fs == nil {
			fs = []Finding{}
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(fs)
	}
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(f.String())
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}
