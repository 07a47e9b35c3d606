package analyze

import (
	"go/token"
	"os"
	"path/filepath"
	"testing"
)

func TestCodeLines(t *testing.T) {
	for _, tt := range []struct {
		src  string
		want int
	}{
		{"package p\n", 1},
		{"// Package p.\npackage p\n\n// A comment.\n/* block\ncomment */\nvar x = 1 // trailing\n", 2},
		{"package p\n\nvar s = `one\ntwo\nthree`\n", 4},
		{"package p\n\nfunc f() {\n\t/* inline */ g()\n}\n", 4},
		{"package p; var a, b = 1,\n\n2\n", 2},
	} {
		if got := codeLines(token.NewFileSet(), "x.go", []byte(tt.src)); got != tt.want {
			t.Errorf("codeLines(%q) = %d, want %d", tt.src, got, tt.want)
		}
	}
}

func TestSizes(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	a := write("a.go", "// Copyright.\n\npackage p\n\ntype Store interface{ Get() }\n\ntype (\n\tID int\n\tAlias = ID\n\tNumber[T any] interface{ ~int }\n)\n")
	b := write("b.go", "package p\n\ntype mem struct{}\n\nfunc (mem) Get() {}\n")
	g := NewGraph(nil, []*Package{{Path: "m/p", GoFiles: []string{a, b}}})
	got := g.Sizes()["m/p"]
	if got.Files != 2 || got.Types != 4 || got.Abstract != 2 || got.Lines != 3+4+3 || got.Clause.Line != 3 {
		t.Errorf("Sizes() = %+v, want 2 files, 4 types (2 interfaces), 10 lines, clause on line 3", got)
	}
}
