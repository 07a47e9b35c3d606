package adr

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// seedRecords adds to a fuzz corpus every record among the fixtures: the
// example project's records, the records in the adr scripts, the
// built-in templates, and cases the table tests read.
func seedRecords(f *testing.F, add func(name string, data []byte)) {
	f.Helper()
	files, _ := filepath.Glob("../testdata/example/docs/adr/*.md")
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		add(filepath.Base(file), data)
	}
	scripts, _ := filepath.Glob("../testdata/script/adr_*.txtar")
	for _, script := range scripts {
		a, err := txtar.ParseFile(script)
		if err != nil {
			f.Fatal(err)
		}
		for _, file := range a.Files {
			if name := filepath.Base(file.Name); IsRecordName(name) {
				add(name, file.Data)
			}
		}
	}
	for name, t := range Templates {
		add("0001-"+name+".md", []byte(fill(t, 1, "A [t] (i) \\ tle", "2024-01-01", "Proposed")))
	}
	for _, s := range []string{
		"\ufeff# 1. BOM\r\n\r\nDate: 2024-01-01\r\n\r\n## Status\r\n\r\nProposed\r\n",
		"# 5. Y\n\n## Status: Accepted\n\n## Context\n",
		"# Z\n\n```\n# not a title\n## Status\nnope\n```\n\n## Status\n\nDeprecated\n",
		"# ADR-0002: Auth\n\n- **Status:** Accepted\n- **Date:** 2026-06-30\n",
		"---\nstatus: \"superseded by ADR-0009\"\ndate: 2024-03-01\ndecision-makers: [Ana, Bo]\n---\n\n# Use Kafka\n",
		"# Use REST\n\n* Status: superseded by [ADR-0006](0006-use-grpc.md)\n\n## Links\n\n* Refines [ADR-\\[2\\]](<0002-use http.md>)\n",
		"# 3. T\n\n## Status\n\nAccepted\n\nAmends [1. A \\[b\\] (c)](0001-a\\(b\\).md)",
	} {
		add("0003-seed.md", []byte(s))
	}
}

// FuzzParse: the parser never panics, what it reads joins back to the
// file byte for byte, reading that again gives the same record, and every
// link it read writes back as a link that reads the same.
func FuzzParse(f *testing.F) {
	seedRecords(f, func(name string, data []byte) { f.Add(name, data) })
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		file := "dir/" + filepath.Base(name)
		r, err := Parse(file, data)
		if err != nil {
			return
		}
		if r.content() != string(data) {
			t.Fatalf("content does not join back:\n%q\nwant\n%q", r.content(), data)
		}
		again, err := Parse(file, []byte(r.content()))
		if err != nil {
			t.Fatalf("reading the same content again fails: %v", err)
		}
		if !reflect.DeepEqual(again, r) {
			t.Fatalf("reading again differs:\n%+v\nwant\n%+v", again, r)
		}
		for _, l := range r.Links {
			if l.end == 0 {
				continue
			}
			line := r.src.text(l.Line - 1)
			if l.start < 0 || l.end > len(line) || l.start >= l.end {
				t.Fatalf("link %+v spans outside its line %q", l, line)
			}
			m, ok := findLink(markdownLink(l.text, l.Href), 0)
			if !ok || m.text != l.text || m.dest != l.Href {
				t.Fatalf("link %+v written as %q reads back as %+v", l, markdownLink(l.text, l.Href), m)
			}
		}
	})
}

// FuzzEdit: adding a link or changing the status changes only that: the
// title, date, decision makers and other links read the same, and the
// lines of the file are all still there, in order (a new status replaces
// the old status line).
func FuzzEdit(f *testing.F) {
	seedRecords(f, func(_ string, data []byte) {
		f.Add(data, "Amends", "Accepted", false)
		f.Add(data, "Superseded by", "deprecated", true)
	})
	target, err := Parse("dir/0009-target.md", []byte("# 9. Target [x] (y) \\ z\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n"))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte, verb, status string, setStatus bool) {
		r, err := Parse("dir/0005-record.md", data)
		if err != nil {
			return
		}
		before := *r
		oldLines := lineTexts(r.src)
		if setStatus {
			status = strings.TrimSpace(status)
			if !plainWords(status) {
				return
			}
			if err := r.setStatus(statusCase(status, r.Format)); err != nil {
				if !reflect.DeepEqual(lineTexts(r.src), oldLines) {
					t.Fatalf("a refused status change left the record changed:\n%q", r.content())
				}
				return // refused, and nothing changed: what the edit API promises
			}
		} else {
			if !validVerb(verb) {
				return
			}
			verb = strings.TrimSpace(verb) // as AddLink does
			r.addLink(verb, target)
		}
		after, err := Parse(r.File, []byte(r.content()))
		if err != nil {
			t.Fatalf("edited record cannot be read: %v\n%q", err, r.content())
		}
		if after.Title != before.Title || after.Date != before.Date || !reflect.DeepEqual(after.DecisionMakers, before.DecisionMakers) || after.bom != before.bom {
			t.Fatalf("edit changed title, date or decision makers:\n%q\nbecame\n%q", before.content(), after.content())
		}
		oldLinks, newLinks := linkKeys(before.Links), linkKeys(after.Links)
		skip := -1
		if setStatus {
			if Canonical(after.Status) != Canonical(status) {
				t.Fatalf("status %q reads back as %q:\n%q", status, after.Status, after.content())
			}
			skip = before.StatusLine - 1
			if before.statusAt == statusSection && before.isLinkLine(skip) {
				skip = -1 // the status is added above the link, which stays
			}
			// A status that was a link (MADR "superseded by [x](y)") is replaced with it.
			oldLinks = withoutLine(before.Links, before.StatusLine)
			newLinks = linkKeys(after.Links)
		} else {
			if len(newLinks) != len(oldLinks)+1 {
				t.Fatalf("adding a link gave links\n%v\nfrom\n%v\n%q", newLinks, oldLinks, after.content())
			}
			found := false
			for _, l := range after.Links {
				if l.Verb == strings.TrimSpace(verb) && l.Target == 9 && l.Href == "0009-target.md" {
					found = true
				}
			}
			if !found {
				t.Fatalf("the new link does not read back:\n%+v\n%q", after.Links, after.content())
			}
		}
		if !subsequence(oldLinks, newLinks) {
			t.Fatalf("links before\n%v\nare not all kept in\n%v\n%q", oldLinks, newLinks, after.content())
		}
		var kept []string
		for i, l := range oldLines {
			if i != skip {
				kept = append(kept, l)
			}
		}
		if !subsequence(kept, lineTexts(after.src)) {
			t.Fatalf("lines of\n%q\nare not all kept in\n%q", before.content(), after.content())
		}
	})
}

func lineTexts(ls lines) []string {
	out := make([]string, len(ls))
	for i := range ls {
		out[i] = ls.text(i)
	}
	return out
}

func linkKeys(links []Link) []string {
	var out []string
	for _, l := range links {
		out = append(out, l.Verb+"\x00"+l.Href+"\x00"+strings.Repeat("#", l.Target%100))
	}
	return out
}

func withoutLine(links []Link, line int) []string {
	var rest []Link
	for _, l := range links {
		if l.Line != line {
			rest = append(rest, l)
		}
	}
	return linkKeys(rest)
}

// subsequence reports whether every element of a is in b, in order.
func subsequence(a, b []string) bool {
	i := 0
	for _, x := range b {
		if i < len(a) && a[i] == x {
			i++
		}
	}
	return i == len(a)
}

func plainWords(s string) bool {
	if s == "" || len(s) > 40 || !(s[0] >= 'a' && s[0] <= 'z' || s[0] >= 'A' && s[0] <= 'Z') {
		return false
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == ' ' || c == '-') {
			return false
		}
	}
	return true
}
