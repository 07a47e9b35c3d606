package adr

import "testing"

func TestMarkdownLink(t *testing.T) {
	tests := []struct{ text, dest, want string }{
		{"2. Use MySQL", "0002-use-mysql.md", "[2. Use MySQL](0002-use-mysql.md)"},
		{"1. Use [x]", "0001-use-x.md", `[1. Use \[x\]](0001-use-x.md)`},
		{"a ] b [ c", "0001-a.md", `[a \] b \[ c](0001-a.md)`},
		{`back\slash`, "0001-a.md", `[back\\slash](0001-a.md)`},
		{"(parens)", "0001-a(b).md", `[(parens)](0001-a\(b\).md)`},
		{"x", "0001-a b.md", "[x](<0001-a b.md>)"},
		{"x", "0001-<a> b.md", `[x](<0001-\<a\> b.md>)`},
		{"x", `0001-a\b.md`, `[x](0001-a\\b.md)`},
		{"", "", "[](<>)"},
	}
	for _, tt := range tests {
		got := markdownLink(tt.text, tt.dest)
		if got != tt.want {
			t.Errorf("markdownLink(%q, %q) = %q, want %q", tt.text, tt.dest, got, tt.want)
		}
		l, ok := findLink("Amends "+got+" ", 0)
		if !ok || l.text != tt.text || l.dest != tt.dest || l.start != 7 || l.end != 7+len(got) {
			t.Errorf("findLink(%q) = %+v, %v; want text %q, dest %q", got, l, ok, tt.text, tt.dest)
		}
	}
}

func TestFindLink(t *testing.T) {
	tests := []struct {
		in         string
		text, dest string
		ok         bool
	}{
		{"see [a](b.md)", "a", "b.md", true},
		{`\[not](a link) [yes](y.md)`, "yes", "y.md", true},
		{"[a [nested] b](n.md)", "a [nested] b", "n.md", true},
		{`[t](d.md "title")`, "t", "d.md", true},
		{"[t](a(b)c.md)", "t", "a(b)c.md", true},
		{"[unclosed](d.md", "", "", false},
		{"[t] (d.md)", "", "", false},
		{"[t](<a b.md)", "", "", false},
		{"[t](a b.md)", "", "", false},
	}
	for _, tt := range tests {
		l, ok := findLink(tt.in, 0)
		if ok != tt.ok || l.text != tt.text || l.dest != tt.dest {
			t.Errorf("findLink(%q) = %+v, %v; want %q, %q, %v", tt.in, l, ok, tt.text, tt.dest, tt.ok)
		}
	}
}
