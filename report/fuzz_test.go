package report

import (
	"bytes"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/archie-dev/archie/analyze"
	"github.com/archie-dev/archie/rules"
)

// The fuzz targets check the escapers against their readers: what the
// Actions runner, an XML parser and a URI parser make of the output.

func FuzzWorkflowEscape(f *testing.F) {
	for _, s := range nasty {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := escapeData(s)
		if strings.ContainsAny(d, "\r\n") {
			t.Errorf("escapeData(%q) = %q holds a line end", s, d)
		}
		if got := unescapeWorkflow(d); got != s {
			t.Errorf("unescape(escapeData(%q)) = %q", s, got)
		}
		p := escapeProperty(s)
		if strings.ContainsAny(p, "\r\n,:") {
			t.Errorf("escapeProperty(%q) = %q holds a line end, comma or colon", s, p)
		}
		if got := unescapeWorkflow(p); got != s {
			t.Errorf("unescape(escapeProperty(%q)) = %q", s, got)
		}
		// And whole commands read back as written.
		v := rules.Violation{Kind: "forbid", Rule: s, Severity: rules.SeverityWarning,
			Position: rules.Position{File: "f.go", Line: 1}, Message: s}
		var b bytes.Buffer
		if err := GitHub(&b, &Check{Result: &rules.Result{Violations: []rules.Violation{v}}}); err != nil {
			t.Fatal(err)
		}
		lines := strings.FieldsFunc(b.String(), func(r rune) bool { return r == '\n' || r == '\r' })
		if len(lines) != 2 {
			t.Fatalf("GitHub() with %q wrote %d lines, want 2:\n%s", s, len(lines), b.String())
		}
		_, props, data := parseCommand(t, lines[0])
		if props["title"] != "archie "+s || data != s {
			t.Errorf("GitHub() with %q reads back as title %q, message %q", s, props["title"], data)
		}
	})
}

func FuzzJUnitXML(f *testing.F) {
	for _, s := range nasty {
		f.Add(s, "r", "f.go")
		f.Add("m", s, s)
	}
	f.Fuzz(func(t *testing.T, msg, rule, file string) {
		safe := xmlSafe(msg)
		if !utf8.ValidString(safe) || strings.IndexFunc(safe, func(r rune) bool { return !xmlLegal(r) }) >= 0 {
			t.Errorf("xmlSafe(%q) = %q is not XML text", msg, safe)
		}
		if utf8.ValidString(msg) && strings.IndexFunc(msg, func(r rune) bool { return !xmlLegal(r) }) < 0 && safe != msg {
			t.Errorf("xmlSafe(%q) = %q changed legal text", msg, safe)
		}
		c := &Check{
			Result: &rules.Result{Violations: []rules.Violation{
				{Kind: "forbid", Rule: rule, Severity: rules.SeverityError, From: msg, To: rule,
					Position: rules.Position{File: file, Line: 1}, Message: msg, Why: msg},
				{Kind: "forbid", Rule: rule, Severity: rules.SeverityWarning, Position: rules.Position{File: file}, Message: msg},
			}},
			Rules:      []rules.DeclaredRule{{Name: rule + msg, Kind: "forbid"}},
			LoadErrors: []analyze.Error{{Package: rule, Msg: msg}},
		}
		var b bytes.Buffer
		if err := JUnit(&b, c); err != nil {
			t.Fatal(err)
		}
		readXML(t, b.Bytes())
	})
}

func FuzzURIPath(f *testing.F) {
	for _, s := range nasty {
		f.Add(s)
	}
	f.Add("svc/domain/a.go")
	f.Add("/abs/x.go")
	f.Add("//host/x")
	f.Add("a:b/c")
	f.Fuzz(func(t *testing.T, p string) {
		u := uriPath(p)
		got, err := url.Parse(u)
		if err != nil {
			t.Fatalf("url.Parse(uriPath(%q) = %q): %v", p, u, err)
		}
		if got.Scheme != "" || got.Opaque != "" || got.User != nil || got.Host != "" || got.RawQuery != "" || got.Fragment != "" {
			t.Fatalf("uriPath(%q) = %q is not a bare path: %#v", p, u, got)
		}
		if got.Path != p {
			t.Errorf("uriPath(%q) = %q decodes to %q", p, u, got.Path)
		}
	})
}
