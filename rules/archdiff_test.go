package rules

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// archOf checks a literal graph against diagramConfig and takes its
// architecture at a level.
func archOf(t *testing.T, level string, lines ...string) *Architecture {
	t.Helper()
	cfg, err := ParseConfig("archie.yaml", []byte(diagramConfig))
	if err != nil {
		t.Fatal(err)
	}
	cfg.Dir = "/m"
	g := graph(t, lines...)
	res, err := Check(cfg, g, Options{Now: time.Now()})
	if err != nil {
		t.Fatal(err)
	}
	a, err := NewArchitecture(cfg, g, res, DiagramOptions{Level: level})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// drawDiff renders a diff as one line per change.
func drawDiff(d *ArchDiff) string {
	var out []string
	for _, e := range d.Added {
		out = append(out, fmt.Sprintf("+ %s %d %v", e, len(e.Imports), e.Rules))
	}
	for _, e := range d.Removed {
		out = append(out, fmt.Sprintf("- %s %d %v", e, len(e.Imports), e.Rules))
	}
	for _, v := range d.New {
		out = append(out, fmt.Sprintf("new %s %s %s→%s", v.Rule, v.Kind, v.From, v.To))
	}
	for _, v := range d.Fixed {
		out = append(out, fmt.Sprintf("fixed %s %s %s→%s", v.Rule, v.Kind, v.From, v.To))
	}
	for _, c := range d.NewCycles {
		out = append(out, "cycle "+strings.Join(c, " "))
	}
	return strings.Join(out, "\n")
}

func TestCompareArchitecture(t *testing.T) {
	base := []string{
		"ui/web -> app/sales",
		"app/sales -> domain/sales",
		"domain/sales",
		"domain/stock -> app/stock",
		"app/stock",
	}
	tests := []struct {
		name  string
		level string
		head  []string
		want  string
	}{
		{"no change", "layer", base, ""},
		{"an import between packages already linked is no change", "layer", []string{
			"ui/web -> app/sales app/stock",
			"app/sales -> domain/sales",
			"domain/sales",
			"domain/stock -> app/stock",
			"app/stock",
		}, ""},
		{"an upward import adds an edge, a violation and a cycle", "layer", []string{
			"ui/web -> app/sales",
			"app/sales -> domain/sales",
			"domain/sales -> ui/web",
			"domain/stock -> app/stock",
			"app/stock",
		}, `+ domain → ui 1 [hexagonal layers]
new hexagonal hexagonal example.com/m/domain/sales→example.com/m/ui/web
new layers layer example.com/m/domain/sales→example.com/m/ui/web
cycle app domain ui`},
		{"removing the upward import removes the edge and fixes its violation", "layer", []string{
			"ui/web -> app/sales",
			"app/sales -> domain/sales",
			"domain/sales",
			"domain/stock",
			"app/stock",
		}, `- domain → app 1 [hexagonal layers]
fixed hexagonal hexagonal example.com/m/domain/stock→example.com/m/app/stock
fixed layers layer example.com/m/domain/stock→example.com/m/app/stock`},
		{"by context", "context", []string{
			"ui/web -> app/sales",
			"app/sales -> domain/sales domain/stock",
			"domain/sales",
			"domain/stock -> app/stock",
			"app/stock",
		}, `+ sales → stock 1 [contexts]
new contexts context example.com/m/app/sales→example.com/m/domain/stock`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := CompareArchitecture(archOf(t, tt.level, base...), archOf(t, tt.level, tt.head...))
			if got := drawDiff(d); got != tt.want {
				t.Errorf("CompareArchitecture:\n%s\nwant:\n%s", got, tt.want)
			}
			if d.Empty() != (tt.want == "") {
				t.Errorf("Empty() = %v, want %v", d.Empty(), tt.want == "")
			}
		})
	}
}

// A violation that moved to another line, or to another file of the same
// package, is neither new nor fixed; one more of the same key is new.
func TestCompareViolationsByBaselineKey(t *testing.T) {
	v := func(file string, line int) Violation {
		return Violation{Rule: "layers", Kind: "layer", Severity: SeverityError, From: "a", To: "b", Position: Position{File: file, Line: line}}
	}
	base := &Architecture{Violations: []Violation{v("a/x.go", 3)}}
	tests := []struct {
		name      string
		head      []Violation
		new, done int
	}{
		{"moved down", []Violation{v("a/x.go", 9)}, 0, 0},
		{"moved to another file", []Violation{v("a/y.go", 3)}, 0, 0},
		{"a second one", []Violation{v("a/x.go", 3), v("a/y.go", 3)}, 1, 0},
		{"gone", nil, 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := CompareArchitecture(base, &Architecture{Violations: tt.head})
			if len(d.New) != tt.new || len(d.Fixed) != tt.done {
				t.Errorf("new %d, fixed %d; want %d, %d", len(d.New), len(d.Fixed), tt.new, tt.done)
			}
			if tt.new > 0 && d.New[0].Position.File != "a/y.go" {
				t.Errorf("the new one is at %s, want the one in the file the base did not have", d.New[0].Position)
			}
			if got := d.NewErrors(); got != tt.new {
				t.Errorf("NewErrors() = %d, want %d", got, tt.new)
			}
		})
	}
}
