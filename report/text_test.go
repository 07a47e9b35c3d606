package report

import (
	"bytes"
	"strings"
	"testing"

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
