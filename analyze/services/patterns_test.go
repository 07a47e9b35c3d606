package services

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/archie-dev/archie/analyze"
)

// TestLoadPatterns wants the packages of the build's main modules named by
// their folders, and every other package by its import path.
func TestLoadPatterns(t *testing.T) {
	root := t.TempDir()
	work := filepath.Join(root, "w")
	for _, d := range []string{"m/a", "m/_x", "m/testdata/p", "n", "w/a/p", "w/b/q", "w/c"} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(work, "go.work"), []byte("go 1.22\n\nuse (\n\t./a\n\t./b\n)\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	m := &analyze.Module{Path: "ex.com/m", Dir: filepath.Join(root, "m")}
	n := &analyze.Module{Path: "ex.com/n", Dir: filepath.Join(root, "n")}
	wa := &analyze.Module{Path: "ex.com/a", Dir: filepath.Join(work, "a")}
	wb := &analyze.Module{Path: "ex.com/b", Dir: filepath.Join(work, "b")}
	wc := &analyze.Module{Path: "ex.com/c", Dir: filepath.Join(work, "c")}
	pkg := func(path string, mod *analyze.Module, dir string) *analyze.Package {
		return &analyze.Package{Path: path, Name: "p", Dir: filepath.Join(root, dir), Module: mod}
	}
	g := analyze.NewGraph([]*analyze.Module{m, n, wa, wb, wc}, []*analyze.Package{
		pkg("ex.com/m", m, "m"), pkg("ex.com/m/a", m, "m/a"), pkg("ex.com/m/_x", m, "m/_x"), pkg("ex.com/m/testdata/p", m, "m/testdata/p"),
		pkg("ex.com/n", n, "n"), pkg("ex.com/a/p", wa, "w/a/p"), pkg("ex.com/b/q", wb, "w/b/q"), pkg("ex.com/c", wc, "w/c"),
	})
	for _, tc := range []struct {
		root  string
		paths []string
		env   []string
		want  []string
	}{
		{m.Dir, []string{"ex.com/m", "ex.com/m/_x", "ex.com/m/a", "ex.com/m/testdata/p", "ex.com/n", "fmt"}, nil,
			[]string{".", "ex.com/m/_x", "./a", "ex.com/m/testdata/p", "ex.com/n", "fmt"}},
		{m.Dir, []string{"ex.com/m/a"}, []string{"GOWORK=off"}, []string{"ex.com/m/a"}},
		{work, []string{"ex.com/a/p", "ex.com/b/q", "ex.com/c"}, nil, []string{"./a/p", "./b/q", "ex.com/c"}},
	} {
		if got := loadPatterns(g, tc.root, tc.paths, tc.env); !slices.Equal(got, tc.want) {
			t.Errorf("loadPatterns(%s, %q, %q) = %q, want %q", tc.root, tc.paths, tc.env, got, tc.want)
		}
	}
}
