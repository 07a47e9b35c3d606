package adr

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

func TestBracketTitles(t *testing.T) {
	dir := t.TempDir()
	newRecord(t, dir, NewOptions{Title: "Use [brackets] (and parens) \\ here", Status: "Accepted"})
	newRecord(t, dir, NewOptions{Title: "Second ] one [", Status: "Accepted", Links: []LinkSpec{{Target: "1", Verb: "Amends", Reverse: "Amended by"}}})
	newRecord(t, dir, NewOptions{Title: "Third", Status: "Accepted", Supersedes: []string{"2"}})
	l := logIn(t, dir)
	if fs := l.Lint(LintOptions{}); len(fs) != 0 {
		t.Errorf("lint on archie's own records: %v", fs)
	}
	for _, r := range l.Records {
		if len(r.Links) == 0 {
			t.Errorf("%s: links not read back:\n%s", r.Name(), readFile(t, r.File))
		}
	}
	var b bytes.Buffer
	if err := l.Graph(&b, GraphOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, edge := range []string{`_2 -> _1 [label="Amends"`, `_3 -> _2 [label="Supercedes"`} {
		if !strings.Contains(b.String(), edge) {
			t.Errorf("graph lacks %s:\n%s", edge, b.String())
		}
	}
	if _, err := logIn(t, dir).Renumber("1", 9); err != nil {
		t.Fatal(err)
	}
	if fs := logIn(t, dir).Lint(LintOptions{}); len(fs) != 0 {
		t.Errorf("lint after renumber: %v", fs)
	}
	if got := logIn(t, dir).Records[0].Links; len(got) != 2 || got[0].Target != 9 {
		t.Errorf("links of record 2 after renumber: %+v", got)
	}
}

func TestBOMAndCRLF(t *testing.T) {
	dir := t.TempDir()
	text := "\ufeff# 1. With BOM\r\n\r\nDate: 2024-01-01\r\n\r\n## Status\r\n\r\nProposed\r\n\r\n## Context\r\n\r\nx\r\n"
	writeFile(t, filepath.Join(dir, "0001-with-bom.md"), text)
	writeFile(t, filepath.Join(dir, "0002-other.md"), "\ufeff---\r\nstatus: accepted\r\ndate: 2024-01-02\r\n---\r\n# Other\r\n")
	l := logIn(t, dir)
	if r := l.Records[0]; r.Title != "With BOM" || r.TitleLine != 1 || r.Status != "Proposed" {
		t.Errorf("BOM record read as title %q (line %d), status %q", r.Title, r.TitleLine, r.Status)
	}
	if r := l.Records[1]; r.Title != "Other" || r.Format != MADR || r.Status != "accepted" {
		t.Errorf("BOM front matter read as title %q, format %s, status %q", r.Title, r.Format, r.Status)
	}
	if _, err := l.SetStatus("1", "Accepted"); err != nil {
		t.Fatal(err)
	}
	if err := logIn(t, dir).AddLink("1", "Amends", "2", "Amended by"); err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(text, "Proposed\r\n", "Accepted\r\n\r\nAmends [Other](0002-other.md)\r\n", 1)
	if got := readFile(t, filepath.Join(dir, "0001-with-bom.md")); got != want {
		t.Errorf("after edits:\n%q\nwant\n%q", got, want)
	}
	if got := readFile(t, filepath.Join(dir, "0002-other.md")); !strings.HasPrefix(got, "\ufeff---\r\n") || !strings.HasSuffix(got, "* Amended by [ADR-0001](0001-with-bom.md)\r\n") {
		t.Errorf("MADR record after link:\n%q", got)
	}
	if fs := logIn(t, dir).Lint(LintOptions{}); len(fs) != 0 {
		t.Errorf("lint: %v", fs)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestSlugTransliterates(t *testing.T) {
	tests := map[string]string{
		"Über uns":            "uber-uns",
		"Café au lait":        "cafe-au-lait",
		"Straße":              "strasse",
		"Ærø Œuvre Łódź":      "aero-oeuvre-lodz",
		"ÉCOLE Ñandú çà":      "ecole-nandu-ca",
		"日本語 plan":            "plan",
		"Ελληνικά":            "",
		"Crème brûlée – déjà": "creme-brulee-deja",
	}
	for in, want := range tests {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}
