package report

import (
	"bytes"
	"encoding/xml"
	"go/token"
	"io"
	"strings"
	"testing"

	"github.com/archie-dev/archie/analyze"
	"github.com/archie-dev/archie/rules"
)

// readXML parses a whole document, as a CI server would before showing it.
func readXML(t *testing.T, doc []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(doc))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("invalid XML: %v\n%s", err, doc)
		}
	}
}

// The JUnit document as a reader sees it.
type (
	readSuites struct {
		Tests    int         `xml:"tests,attr"`
		Failures int         `xml:"failures,attr"`
		Errors   int         `xml:"errors,attr"`
		Suites   []readSuite `xml:"testsuite"`
	}
	readSuite struct {
		Tests    int        `xml:"tests,attr"`
		Failures int        `xml:"failures,attr"`
		Errors   int        `xml:"errors,attr"`
		Skipped  int        `xml:"skipped,attr"`
		Cases    []readCase `xml:"testcase"`
	}
	readCase struct {
		Name      string        `xml:"name,attr"`
		Classname string        `xml:"classname,attr"`
		Failures  []readProblem `xml:"failure"`
		Errors    []readProblem `xml:"error"`
		Skipped   []readProblem `xml:"skipped"`
		SystemOut string        `xml:"system-out"`
	}
	readProblem struct {
		Type    string `xml:"type,attr"`
		Message string `xml:"message,attr"`
		Text    string `xml:",chardata"`
	}
)

func readJUnit(t *testing.T, c *Check) readSuites {
	t.Helper()
	var b bytes.Buffer
	if err := JUnit(&b, c); err != nil {
		t.Fatal(err)
	}
	readXML(t, b.Bytes())
	var doc readSuites
	if err := xml.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatalf("unmarshal: %v\n%s", err, b.Bytes())
	}
	return doc
}

func TestXMLSafe(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"", ""},
		{"plain <&> text", "plain <&> text"},
		{"tab\tnl\ncr\r", "tab\tnl\ncr\r"},
		{"a\x00b\x01c\x1bd\x7f", "a\ufffdb\ufffdc\ufffdd\x7f"},
		{"\x1b[31mred\x1b[0m", "\ufffd[31mred\ufffd[0m"},
		{"bad \xff\xfe utf-8", "bad \ufffd\ufffd utf-8"},
		{"\xed\xa0\x80", "\ufffd\ufffd\ufffd"},
		{"\ufffe\uffff", "\ufffd\ufffd"},
		{"\ufffd", "\ufffd"},
		{"é 日本 🙂 \U0010FFFF", "é 日本 🙂 \U0010FFFF"},
		{"\ud7ff\ue000", "\ud7ff\ue000"},
	} {
		if got := xmlSafe(tt.in); got != tt.want {
			t.Errorf("xmlSafe(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestJUnitHostileText puts each nasty string in every place a JUnit
// document shows user-written text, and parses the result.
func TestJUnitHostileText(t *testing.T) {
	for _, s := range nasty {
		c := &Check{
			Result: &rules.Result{Packages: 1, Violations: []rules.Violation{
				{Kind: "forbid", Rule: "r" + s, Severity: rules.SeverityError, From: "a" + s, To: "b",
					Position: rules.Position{File: "f" + s + ".go", Line: 3, Column: 2}, Message: "m" + s, Why: "w" + s},
				{Kind: "forbid", Rule: "r" + s, Severity: rules.SeverityWarning, From: "a", To: "b" + s,
					Position: rules.Position{File: "f.go", Line: 4}, Message: "m" + s},
				{Kind: "forbid", Rule: "r" + s, Severity: rules.SeverityError, From: "a", To: "c", Baselined: true,
					Position: rules.Position{File: "f.go", Line: 5}, Message: "m" + s},
			}},
			Rules:      []rules.DeclaredRule{{Name: "quiet" + s, Kind: "forbid"}},
			LoadErrors: []analyze.Error{{Package: "p" + s, Msg: "e" + s}, {Pos: token.Position{Filename: "/m/g" + s + ".go", Line: 1}, Msg: "e" + s}},
			Dir:        "/m",
		}
		doc := readJUnit(t, c)
		if got := len(doc.Suites[0].Cases); got != 5 {
			t.Errorf("with %q: %d test cases, want 5 (load, quiet, 3 violations)", s, got)
		}
	}
}

// TestJUnitKeepsCDATA shows "]]>" in a message does not end the text early.
func TestJUnitKeepsCDATA(t *testing.T) {
	msg := "a]]>b]]]]><![CDATA[c]]>"
	c := &Check{Result: &rules.Result{Violations: []rules.Violation{{Kind: "forbid", Rule: "r", Severity: rules.SeverityError,
		Position: rules.Position{File: "f.go", Line: 1}, Message: msg}}}}
	doc := readJUnit(t, c)
	f := doc.Suites[0].Cases[0].Failures
	if len(f) != 1 || !strings.Contains(f[0].Text, msg) {
		t.Errorf("failure text %+v, want it to contain %q", f, msg)
	}
}

// TestJUnitOneCasePerViolation: CI views show one failure per test case, so
// each violation is a case of its own, and every declared rule without a
// violation is a passing case.
func TestJUnitOneCasePerViolation(t *testing.T) {
	res := sampleResult()
	res.Violations = append(res.Violations,
		rules.Violation{Kind: "layer", Rule: "layers", Severity: rules.SeverityError, From: "m/domain", To: "m/db",
			Position: rules.Position{File: "domain/b.go", Line: 7, Column: 2}, Message: "domain imports db"},
		rules.Violation{Kind: "layer", Rule: "layers", Severity: rules.SeverityError, From: "m/app", To: "m/http", Baselined: true,
			Position: rules.Position{File: "app/c.go", Line: 5, Column: 2}, Message: "app imports presentation"})
	c := &Check{Result: res, Dir: "/m", Prefix: "svc",
		Rules: []rules.DeclaredRule{{Name: "layers", Kind: "layer"}, {Name: "cycles", Kind: "cycle"}}}
	doc := readJUnit(t, c)
	s := doc.Suites[0]
	type row struct{ name, class, result string }
	var got []row
	for _, tc := range s.Cases {
		if n := len(tc.Failures) + len(tc.Errors) + len(tc.Skipped); n > 1 {
			t.Errorf("case %q has %d results, want at most one", tc.Name, n)
		}
		r := row{tc.Name, tc.Classname, "pass"}
		switch {
		case len(tc.Failures) > 0:
			r.result = "failure: " + tc.Failures[0].Message
		case len(tc.Skipped) > 0:
			r.result = "skipped"
		case tc.SystemOut != "":
			r.result = "pass: " + strings.TrimSpace(tc.SystemOut)
		}
		got = append(got, r)
	}
	want := []row{
		{"layers: svc/domain/a.go:3 m/domain → m/http", "archie.layer", "failure: domain imports presentation (a layer above it)"},
		{"layers: svc/domain/b.go:7 m/domain → m/db", "archie.layer", "failure: domain imports db"},
		{"layers: svc/app/c.go:5 m/app → m/http", "archie.layer", "skipped"},
		{"cycles", "archie.cycle", "pass"},
		{"exceptions: svc/archie.yaml:9 ./a → ./b", "archie.exception-expired", "failure: the exception for ./a → ./b expired"},
		{"no-log: svc/domain/a.go:4 m/domain → log", "archie.forbid", "pass: warning: svc/domain/a.go:4:2: domain imports log, which no-log forbids"},
	}
	if len(got) != len(want) {
		t.Fatalf("cases:\n%v\nwant:\n%v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("case %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	if s.Tests != 6 || s.Failures != 3 || s.Errors != 0 || s.Skipped != 1 {
		t.Errorf("suite counts tests=%d failures=%d errors=%d skipped=%d, want 6 3 0 1", s.Tests, s.Failures, s.Errors, s.Skipped)
	}
}

// TestJUnitLoadErrors: an incomplete check is not all green.
func TestJUnitLoadErrors(t *testing.T) {
	c := &Check{Result: &rules.Result{Packages: 2}, Dir: "/m",
		Rules: []rules.DeclaredRule{{Name: "layers", Kind: "layer"}},
		LoadErrors: []analyze.Error{
			{Pos: token.Position{Filename: "/m/domain/x.go", Line: 6, Column: 2}, Package: "m/domain", Msg: "string literal not terminated"},
			{Package: "m/infra", Msg: "no required module provides package"},
		}}
	doc := readJUnit(t, c)
	if doc.Errors != 1 || doc.Suites[0].Errors != 1 {
		t.Errorf("errors = %d, suite errors = %d, want 1", doc.Errors, doc.Suites[0].Errors)
	}
	load := doc.Suites[0].Cases[0]
	if load.Name != "archie: load" || len(load.Errors) != 1 {
		t.Fatalf("first case = %+v, want archie: load with one error", load)
	}
	for _, want := range []string{"domain/x.go:6:2: string literal not terminated", "m/infra: no required module provides package"} {
		if !strings.Contains(load.Errors[0].Text, want) {
			t.Errorf("load error text %q does not contain %q", load.Errors[0].Text, want)
		}
	}
	if got := load.Errors[0].Message; !strings.Contains(got, "incomplete") {
		t.Errorf("load error message %q does not say the check is incomplete", got)
	}
}
