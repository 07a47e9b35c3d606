package report

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/archie-dev/archie/rules"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// bigDiff is a change to a monorepo of n components: every one starts
// to depend on the next, against the layers, with five imports each.
func bigDiff(n int) *DiffReport {
	d := &rules.ArchDiff{Level: "package"}
	for i := range n {
		from, to := fmt.Sprintf("services/svc%04d", i), fmt.Sprintf("services/svc%04d", i+1)
		e := rules.ArchEdge{From: from, To: to, Rules: []string{"layers"}}
		for j := range 5 {
			imp := rules.ImportRef{From: "example.com/m/" + from + fmt.Sprintf("/p%d", j), To: "example.com/m/" + to, Position: rules.Position{File: from + fmt.Sprintf("/p%d/x.go", j), Line: 3, Column: 2}}
			e.Imports = append(e.Imports, imp)
			d.New = append(d.New, rules.Violation{Rule: "layers", Kind: "layer", Severity: rules.SeverityError, From: imp.From, To: imp.To, Position: imp.Position,
				Message: strings.Repeat("a very long message ", 10)})
		}
		d.Added = append(d.Added, e)
		d.Removed = append(d.Removed, rules.ArchEdge{From: to, To: from, Imports: e.Imports[:1]})
		d.Fixed = append(d.Fixed, d.New[len(d.New)-1])
	}
	return &DiffReport{ArchDiff: d, Base: "origin/main", Depth: 2, LevelWhy: "archie.yaml has no layers or contexts"}
}

func TestDiffMarkdownSummarisesBigChanges(t *testing.T) {
	d := bigDiff(1000)
	var b strings.Builder
	if err := Diff(&b, "markdown", d); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if len(out) >= MaxComment {
		t.Fatalf("the markdown is %d characters, GitHub takes %d", len(out), MaxComment)
	}
	for _, want := range []string{
		"**1000 edges added, 1000 edges removed, 5000 new violations (5000 errors), 1000 fixed** at the package level at depth 2 (archie.yaml has no layers or contexts).",
		"The change is too big for one comment: each table shows its first ",
		"#### Edges added (1000)",
		"#### Edges removed (1000)",
		"#### New violations (5000)",
		"#### Fixed violations (1000)",
		"changed edges.\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the markdown does not say %q", want)
		}
	}
	// Every table is whole: each row complete, and the rows it leaves out
	// counted after it.
	shown := regexp.MustCompile(`first (\d+) rows`).FindStringSubmatch(out)
	if shown == nil {
		t.Fatal("the markdown does not say how many rows it shows")
	}
	for _, table := range strings.Split(out, "\n#### ")[1:] {
		rows := 0
		for _, l := range strings.Split(table, "\n") {
			if strings.HasPrefix(l, "|") {
				if !strings.HasSuffix(l, "|") {
					t.Errorf("a row is cut: %q", l)
				}
				rows++
			}
		}
		if want := fmt.Sprint(rows - 2); want != shown[1] {
			t.Errorf("a table has %s rows, want %s:\n%.200s", want, shown[1], table)
		}
		if !strings.Contains(table, " not shown.") {
			t.Errorf("a table does not say what it leaves out:\n%.200s", table)
		}
	}
	if strings.Count(out, "```") != 2 {
		t.Errorf("the diagram is not one whole block")
	}
}

func TestDiffMarkdownSmallIsWhole(t *testing.T) {
	d := bigDiff(3)
	var b strings.Builder
	if err := Diff(&b, "markdown", d); err != nil {
		t.Fatal(err)
	}
	if out := b.String(); strings.Contains(out, "not shown") || strings.Contains(out, "too big") {
		t.Errorf("a small diff is summarised:\n%s", out)
	}
}

func TestDiffMarkdownUnchanged(t *testing.T) {
	var b strings.Builder
	d := &DiffReport{ArchDiff: &rules.ArchDiff{Level: "context"}, Base: "main"}
	if err := Diff(&b, "markdown", d); err != nil {
		t.Fatal(err)
	}
	if got, want := b.String(), "No architectural change against main at the context level.\n"; got != want {
		t.Errorf("Diff = %q, want %q", got, want)
	}
}

// Text from the code cannot end a cell, open a link or write HTML.
func TestMarkdownCell(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a|b", `a\|b`},
		{"<img src=x>", "&lt;img src=x&gt;"},
		{"[x](http://e)", `\[x\](http://e)`},
		{"snake_case*", `snake\_case\*`},
		{"@team", "@\u200bteam"},
		{"line\nbreak", `line\\nbreak`},
	}
	for _, tt := range tests {
		if got := md(tt.in); got != tt.want {
			t.Errorf("md(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// The summary, in full, of a change too big for a limit of 3 000
// characters: every table keeps its first row.
func TestDiffMarkdownSummaryGolden(t *testing.T) {
	got := diffMarkdown(bigDiff(3), 3000)
	golden := filepath.Join("testdata", "diff_summary.md")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("diffMarkdown:\n%s\nwant (%s; go test -update rewrites it):\n%s", got, golden, want)
	}
}
