package report

import (
	"bytes"
	"fmt"
	"path"
	"strings"
	"testing"

	"github.com/archie-dev/archie/rules"
)

// nasty are strings that break naive encoders: syntax of workflow
// commands, XML and URIs, control characters, invalid UTF-8.
var nasty = []string{
	"",
	"plain",
	"a\nb",
	"a\r\nb",
	"\r",
	"x\n::error::injected",
	"x\r::add-mask::secret",
	"title=x,file=/etc/passwd",
	"a:b,c",
	"::",
	"%",
	"%0A",
	"%250A",
	"%%3A%2C",
	"]]>",
	"<![CDATA[x]]>]]>",
	"</failure><failure>",
	"&amp; &lt;",
	"\x00\x01\x1b[31mred\x1b[0m",
	"\xff\xfe",
	"\xed\xa0\x80", // a UTF-16 surrogate, encoded: not valid UTF-8
	"\ufffe\uffff",
	"tab\there",
	"é ü 日本 🙂",
	"a b#c%.go",
	"../../x?y=z#frag",
	"C:\\windows\\path",
	"line\u2028sep\u0085next",
}

// parseCommand reads a line as the Actions runner reads a workflow command,
// "::name key=value,key=value::data", and unescapes its parts.
func parseCommand(t *testing.T, line string) (name string, props map[string]string, data string) {
	t.Helper()
	rest, ok := strings.CutPrefix(line, "::")
	if !ok {
		t.Fatalf("not a workflow command: %q", line)
	}
	head, data, ok := strings.Cut(rest, "::")
	if !ok {
		t.Fatalf("workflow command without data separator: %q", line)
	}
	name, list, _ := strings.Cut(head, " ")
	props = make(map[string]string)
	if list != "" {
		for _, p := range strings.Split(list, ",") {
			k, v, ok := strings.Cut(p, "=")
			if !ok {
				t.Fatalf("property %q without a value in %q", p, line)
			}
			if _, dup := props[k]; dup {
				t.Fatalf("property %q twice in %q", k, line)
			}
			props[k] = unescapeWorkflow(v)
		}
	}
	return name, props, unescapeWorkflow(data)
}

// unescapeWorkflow undoes escapeData and escapeProperty, reading each %XX
// once, left to right.
func unescapeWorkflow(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) {
			switch s[i+1 : i+3] {
			case "25":
				b.WriteByte('%')
			case "0D":
				b.WriteByte('\r')
			case "0A":
				b.WriteByte('\n')
			case "3A":
				b.WriteByte(':')
			case "2C":
				b.WriteByte(',')
			default:
				b.WriteByte(s[i])
				continue
			}
			i += 2
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func TestEscapeWorkflow(t *testing.T) {
	for _, tt := range []struct{ in, data, prop string }{
		{"", "", ""},
		{"plain text", "plain text", "plain text"},
		{"50%", "50%25", "50%25"},
		{"a\nb", "a%0Ab", "a%0Ab"},
		{"a\r\nb", "a%0D%0Ab", "a%0D%0Ab"},
		{"a:b,c", "a:b,c", "a%3Ab%2Cc"},
		{"%0A", "%250A", "%250A"},
		{"x\n::error::y", "x%0A::error::y", "x%0A%3A%3Aerror%3A%3Ay"},
		{"k=v", "k=v", "k=v"},
	} {
		if got := escapeData(tt.in); got != tt.data {
			t.Errorf("escapeData(%q) = %q, want %q", tt.in, got, tt.data)
		}
		if got := escapeProperty(tt.in); got != tt.prop {
			t.Errorf("escapeProperty(%q) = %q, want %q", tt.in, got, tt.prop)
		}
	}
}

// TestGitHubEscapesEverything renders violations whose every user-written
// part is hostile and reads the output back as the runner would: one
// command per violation, with the original values.
func TestGitHubEscapesEverything(t *testing.T) {
	for _, s := range nasty {
		v := rules.Violation{Kind: "forbid", Rule: "r" + s, Severity: rules.SeverityError, From: "a", To: "b",
			Position: rules.Position{File: "f" + s + ".go", Line: 3, Column: 2}, Message: "m" + s}
		c := &Check{Result: &rules.Result{Packages: 1, Violations: []rules.Violation{v}}, Dir: "/m", Prefix: "svc"}
		var b bytes.Buffer
		if err := GitHub(&b, c); err != nil {
			t.Fatal(err)
		}
		// The runner reads a line up to a \n, a \r or both.
		lines := strings.FieldsFunc(b.String(), func(r rune) bool { return r == '\n' || r == '\r' })
		if len(lines) != 2 {
			t.Errorf("GitHub() with %q wrote %d lines, want a command and the summary:\n%s", s, len(lines), b.String())
			continue
		}
		name, props, data := parseCommand(t, lines[0])
		if name != "error" {
			t.Errorf("command %q, want error", name)
		}
		want := map[string]string{"file": path.Join("svc", "f"+s+".go"), "line": "3", "col": "2", "title": "archie r" + s}
		for k, w := range want {
			if props[k] != w {
				t.Errorf("with %q: property %s = %q, want %q", s, k, props[k], w)
			}
		}
		if len(props) != len(want) {
			t.Errorf("with %q: properties %v, want %v", s, props, want)
		}
		if data != "m"+s {
			t.Errorf("with %q: message %q, want %q", s, data, "m"+s)
		}
	}
}

// TestGitHubIncomplete: each load error is an annotation, and the summary
// says the check is incomplete.
func TestGitHubIncomplete(t *testing.T) {
	var b bytes.Buffer
	if err := GitHub(&b, incompleteCheck()); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("GitHub() wrote %d lines, want two annotations and the summary:\n%s", len(lines), b.String())
	}
	for i, want := range []struct {
		props map[string]string
		msg   string
	}{
		{map[string]string{"file": "domain/x.go", "line": "6", "col": "2", "title": "archie: load error"}, "string literal not terminated"},
		{map[string]string{"title": "archie: load error"}, "m/infra: no required module provides package"},
	} {
		name, props, msg := parseCommand(t, lines[i])
		if name != "warning" || msg != want.msg || fmt.Sprint(props) != fmt.Sprint(want.props) {
			t.Errorf("line %d = %s %v %q, want warning %v %q", i, name, props, msg, want.props, want.msg)
		}
	}
	if s := lines[2]; strings.Contains(s, "✓") || !strings.Contains(s, "incomplete") {
		t.Errorf("summary %q does not say the check is incomplete", s)
	}
}
