package report

import (
	"bytes"
	"go/token"
	"strings"
	"testing"

	"github.com/archie-dev/archie/analyze"
	"github.com/archie-dev/archie/rules"
)

func sampleResult() *rules.Result {
	return &rules.Result{Packages: 3, Violations: []rules.Violation{
		{Kind: "layer", Rule: "layers", Severity: rules.SeverityError, From: "m/domain", To: "m/http",
			Position: rules.Position{File: "domain/a.go", Line: 3, Column: 2}, Message: "domain imports presentation (a layer above it)", ADR: 2},
		{Kind: "forbid", Rule: "no-log", Severity: rules.SeverityWarning, From: "m/domain", To: "log",
			Position: rules.Position{File: "domain/a.go", Line: 4, Column: 2}, Message: "domain imports log, which no-log forbids", Why: "callers log"},
		{Kind: "exception-expired", Rule: "exceptions", Severity: rules.SeverityError, From: "./a", To: "./b",
			Position: rules.Position{File: "archie.yaml", Line: 9, Column: 5}, Message: "the exception for ./a → ./b expired", Why: "legacy"},
	}}
}

func TestText(t *testing.T) {
	var b bytes.Buffer
	if err := Text(&b, &Check{Result: sampleResult()}, TextOptions{}); err != nil {
		t.Fatal(err)
	}
	want := `layers — a package may import its own layer and the layers below it, never a layer above
  domain/a.go:3:2: error: domain imports presentation (a layer above it) [layers, ADR-0002]

no-log — callers log
  domain/a.go:4:2: warning: domain imports log, which no-log forbids [no-log]

exceptions — accepted debts hide their violations until they expire
  archie.yaml:9:5: error: the exception for ./a → ./b expired [exceptions]
      why: legacy

✗ 3 violations (2 errors, 1 warning) in 3 packages
`
	if got := b.String(); got != want {
		t.Errorf("Text() =\n%s\nwant:\n%s", got, want)
	}
}

func TestTextColour(t *testing.T) {
	for _, color := range []bool{false, true} {
		var b bytes.Buffer
		if err := Text(&b, &Check{Result: sampleResult()}, TextOptions{Color: color}); err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(b.String(), "\x1b["); got != color {
			t.Errorf("Text(Color: %v) has escape codes: %v", color, got)
		}
	}
}

func TestJSONEmptyIsArray(t *testing.T) {
	var b bytes.Buffer
	if err := JSON(&b, &Check{Result: &rules.Result{}, Dir: "/"}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"violations": []`, `"load_errors": []`, `"schema": "archie.check/v1"`} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("JSON() = %s, missing %s", b.String(), want)
		}
	}
}

// incompleteCheck found nothing, but could not load all the code.
func incompleteCheck() *Check {
	return &Check{Result: &rules.Result{Packages: 2}, Dir: "/m", LoadErrors: []analyze.Error{
		{Pos: token.Position{Filename: "/m/domain/x.go", Line: 6, Column: 2}, Package: "m/domain", Msg: "string literal not terminated"},
		{Package: "m/infra", Msg: "no required module provides package"},
	}}
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	return lines[len(lines)-1]
}

// TestTextIncomplete: no violations found in code that could not all be
// loaded is not a pass, whether or not violations were found elsewhere.
func TestTextIncomplete(t *testing.T) {
	c := incompleteCheck()
	var b bytes.Buffer
	if err := Text(&b, c, TextOptions{}); err != nil {
		t.Fatal(err)
	}
	if got, want := lastLine(b.String()), "! no violations found in 2 packages, but the check is incomplete: 2 problems while loading the code (see above)"; got != want {
		t.Errorf("summary = %q, want %q", got, want)
	}
	if strings.Contains(b.String(), "✓") {
		t.Errorf("an incomplete check shows a check mark:\n%s", b.String())
	}

	c.Result = sampleResult()
	b.Reset()
	if err := Text(&b, c, TextOptions{}); err != nil {
		t.Fatal(err)
	}
	if got, want := lastLine(b.String()), "✗ 3 violations (2 errors, 1 warning) in 3 packages; the check is incomplete: 2 problems while loading the code (see above)"; got != want {
		t.Errorf("summary = %q, want %q", got, want)
	}
}

func TestClean(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"layers", "layers"},
		{"über → domain", "über → domain"},
		{"rule\x1b[31mred", `rule\x1b[31mred`},
		{"a\nb", `a\nb`},
		{"bad\xffname", `bad\xffname`},
		{"tab\there", `tab\there`},
		{"\u0085next line", `\u0085next line`},
		{"\uFFFD kept", "\uFFFD kept"},
	} {
		if got := clean(tc.in); got != tc.want {
			t.Errorf("clean(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got, want := cleanLines("no required module; to add it:\n\tgo get x\x1b"), "no required module; to add it:\n\tgo get x\\x1b"; got != want {
		t.Errorf("cleanLines = %q, want %q", got, want)
	}
}

// TestNotCheckedLabel: a problem met after the code loaded is labelled as
// such in every format that prints each problem, never as a load error,
// and the summary says when the problems were met.
func TestNotCheckedLabel(t *testing.T) {
	c := &Check{Result: &rules.Result{Packages: 1}, Dir: "/m", LoadErrors: []analyze.Error{
		{Pos: token.Position{Filename: "/m/compose.yaml", Line: 4, Column: 1}, Msg: "runs cmd/app as api and worker", NotChecked: true},
	}}
	var text bytes.Buffer
	if err := LoadErrors(&text, c.LoadErrors, c.Dir, TextOptions{}); err != nil {
		t.Fatal(err)
	}
	if got, want := text.String(), "compose.yaml:4:1: not checked: runs cmd/app as api and worker\n"; got != want {
		t.Errorf("LoadErrors() = %q, want %q", got, want)
	}
	for _, tt := range []struct {
		format string
		write  func(*bytes.Buffer) error
		want   string
	}{
		{"text", func(b *bytes.Buffer) error { return Text(b, c, TextOptions{}) }, "the check is incomplete: 1 problem while analysing the code"},
		{"sarif", func(b *bytes.Buffer) error { return SARIF(b, c) }, `"text": "not checked: runs cmd/app as api and worker"`},
		{"github", func(b *bytes.Buffer) error { return GitHub(b, c) }, "title=archie%3A not checked::runs cmd/app as api and worker"},
		{"junit", func(b *bytes.Buffer) error { return JUnit(b, c) }, "compose.yaml:4:1: not checked: runs cmd/app as api and worker"},
		{"json", func(b *bytes.Buffer) error { return JSON(b, c) }, `"not_checked": true`},
	} {
		var b bytes.Buffer
		if err := tt.write(&b); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), tt.want) || strings.Contains(b.String(), "load error") {
			t.Errorf("%s output does not say %q, or says load error:\n%s", tt.format, tt.want, b.String())
		}
	}
}
