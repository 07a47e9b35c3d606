package analyze

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// graphFacts is what the rules read of a Graph, in a form that compares.
type graphFacts struct {
	Modules  []Module
	Packages []pkgFacts
	Errors   []string
	Skipped  []string
	GOROOT   string
}

type pkgFacts struct {
	Path, Name, Dir, Module string
	GoFiles, TestFiles      []string
	Imports                 []Import
}

func factsOf(g *Graph) graphFacts {
	var f graphFacts
	for _, m := range g.Modules {
		f.Modules = append(f.Modules, *m)
	}
	for _, p := range g.Packages {
		pf := pkgFacts{Path: p.Path, Name: p.Name, Dir: p.Dir, GoFiles: p.GoFiles, TestFiles: p.TestFiles, Imports: p.Imports}
		if p.Module != nil {
			pf.Module = p.Module.Path + " " + p.Module.Dir
		}
		f.Packages = append(f.Packages, pf)
	}
	for _, e := range g.Errors {
		f.Errors = append(f.Errors, e.String())
	}
	f.Skipped = g.Skipped
	f.GOROOT = g.goroot
	return f
}

// fixtureModules returns every module below testdata and the repository
// itself.
func fixtureModules(t *testing.T) []string {
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	dirs := []string{root}
	filepath.WalkDir(filepath.Join(root, "testdata"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (d.Name() == "go.mod" || d.Name() == "go.work") {
			dirs = append(dirs, filepath.Dir(p))
		}
		return nil
	})
	sort.Strings(dirs)
	return dirs
}

// TestFastLoadMatchesPackages is the differential test: over every fixture
// module, with and without tests, the fast loader either falls back or
// builds exactly the graph go/packages builds. A fast graph is never
// built where go list reports load errors.
func TestFastLoadMatchesPackages(t *testing.T) {
	if testing.Short() {
		t.Skip("loads every fixture twice")
	}
	root, _ := filepath.Abs("..")
	// The fast loader must run, not only fall back, on these.
	mustBeFast := map[string]bool{
		root:                                    true,
		filepath.Join(root, "testdata/example"): true,
		filepath.Join(root, "testdata/fixtures/layered"): true,
	}
	var mu = make(chan struct{}, 1)
	fast, total := 0, 0
	t.Run("modules", func(t *testing.T) {
		for _, dir := range fixtureModules(t) {
			for _, tests := range []bool{false, true} {
				name := fmt.Sprintf("%s/tests=%v", strings.TrimPrefix(dir, root), tests)
				t.Run(name, func(t *testing.T) {
					t.Parallel()
					ctx := context.Background()
					want, err := Load(ctx, Options{Dir: dir, Tests: tests, Loader: LoaderPackages})
					if err != nil {
						t.Skipf("go/packages: %v", err)
					}
					got, err := Load(ctx, Options{Dir: dir, Tests: tests})
					if err != nil {
						t.Fatalf("Load: %v", err)
					}
					mu <- struct{}{}
					total++
					if got.Loader == LoaderFast {
						fast++
					}
					<-mu
					if got.Loader != LoaderFast {
						if mustBeFast[dir] {
							t.Errorf("fell back on %s: %s", dir, got.Fallback)
						}
						t.Logf("fell back: %s", got.Fallback)
						return
					}
					g, w := factsOf(got), factsOf(want)
					if !reflect.DeepEqual(g, w) {
						t.Errorf("fast graph differs from go/packages'\n%s", diffFacts(g, w))
					}
				})
			}
		}
	})
	t.Logf("fast loader used on %d of %d loads", fast, total)
}

// diffFacts describes how two graphs differ, package by package.
func diffFacts(got, want graphFacts) string {
	var b strings.Builder
	if !reflect.DeepEqual(got.Modules, want.Modules) {
		fmt.Fprintf(&b, "modules: fast %v, packages %v\n", got.Modules, want.Modules)
	}
	if !reflect.DeepEqual(got.Errors, want.Errors) {
		fmt.Fprintf(&b, "errors: fast %q, packages %q\n", got.Errors, want.Errors)
	}
	if !reflect.DeepEqual(got.Skipped, want.Skipped) {
		fmt.Fprintf(&b, "skipped: fast %q, packages %q\n", got.Skipped, want.Skipped)
	}
	if got.GOROOT != want.GOROOT {
		fmt.Fprintf(&b, "goroot: fast %q, packages %q\n", got.GOROOT, want.GOROOT)
	}
	gp := make(map[string]pkgFacts)
	for _, p := range got.Packages {
		gp[p.Path] = p
	}
	wp := make(map[string]pkgFacts)
	for _, p := range want.Packages {
		wp[p.Path] = p
		if g, ok := gp[p.Path]; !ok {
			fmt.Fprintf(&b, "package %s: only from go/packages\n", p.Path)
		} else if !reflect.DeepEqual(g, p) {
			fmt.Fprintf(&b, "package %s:\n  fast     %+v\n  packages %+v\n", p.Path, g, p)
		}
	}
	for _, p := range got.Packages {
		if _, ok := wp[p.Path]; !ok {
			fmt.Fprintf(&b, "package %s: only from the fast loader\n", p.Path)
		}
	}
	return b.String()
}

// TestFastLoadFallsBack checks that what the fast loader cannot judge goes
// to go/packages: a missing dependency, a vendor folder, a go.work, a
// GOFLAGS it does not know, an import cycle, a build constraint on a tool
// tag.
func TestFastLoadFallsBack(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	mod := func(t *testing.T, files map[string]string) string {
		dir := t.TempDir()
		for name, body := range files {
			p := filepath.Join(dir, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return dir
	}
	const gomod = "module example.com/m\n\ngo 1.22\n"
	cases := []struct {
		name  string
		files map[string]string
		env   []string
		want  string // in the reason
	}{
		{"missing module", map[string]string{"go.mod": gomod, "a/a.go": "package a\n\nimport _ \"example.org/nowhere/x\"\n"}, nil, "no module provides"},
		{"missing folder", map[string]string{"go.mod": gomod, "a/a.go": "package a\n\nimport _ \"example.com/m/b\"\n"}, nil, "no module provides"},
		{"vendor", map[string]string{"go.mod": gomod, "a/a.go": "package a\n", "vendor/modules.txt": ""}, nil, "vendors"},
		{"go.work", map[string]string{"go.work": "go 1.22\n\nuse .\n", "go.mod": gomod, "a/a.go": "package a\n"}, nil, "go.work"},
		{"goflags", map[string]string{"go.mod": gomod, "a/a.go": "package a\n"}, []string{"GOFLAGS=-race"}, "GOFLAGS -race"},
		{"cycle", map[string]string{"go.mod": gomod, "a/a.go": "package a\n\nimport _ \"example.com/m/b\"\n", "b/b.go": "package b\n\nimport _ \"example.com/m/a\"\n"}, nil, "import cycle"},
		{"test cycle", map[string]string{"go.mod": gomod, "a/a.go": "package a\n", "a/a_test.go": "package a\n\nimport _ \"example.com/m/b\"\n", "b/b.go": "package b\n\nimport _ \"example.com/m/a\"\n"}, []string{"ARCHIE_TEST_TESTS=1"}, "import cycle in the tests"},
		{"tool tag", map[string]string{"go.mod": gomod, "a/a.go": "//go:build goexperiment.synctest\n\npackage a\n", "a/b.go": "package a\n"}, nil, "goexperiment.synctest"},
		{"syntax", map[string]string{"go.mod": gomod, "a/a.go": "package a\n\nimport \"fmt\n"}, nil, "a"},
		{"two packages", map[string]string{"go.mod": gomod, "a/a.go": "package a\n", "a/b.go": "package b\n"}, nil, "found packages"},
		{"embed", map[string]string{"go.mod": gomod, "a/a.go": "package a\n\nimport _ \"embed\"\n\n//go:embed nothing.txt\nvar s string\n"}, nil, "matches nothing"},
		{"internal", map[string]string{"go.mod": gomod, "a/a.go": "package a\n\nimport _ \"example.com/m/b/internal/c\"\n", "b/internal/c/c.go": "package c\n"}, nil, "may not import"},
		{"program", map[string]string{"go.mod": gomod, "a/a.go": "package a\n\nimport _ \"example.com/m/cmd\"\n", "cmd/main.go": "package main\n"}, nil, "program"},
		{"not std", map[string]string{"go.mod": gomod, "a/a.go": "package a\n\nimport _ \"fmtx\"\n"}, nil, "not in the standard library"},
		{"go too new", map[string]string{"go.mod": "module example.com/m\n\ngo 1.99\n", "a/a.go": "package a\n"}, nil, ""},
		// go list itself refuses the next two or not; no graph from the
		// fast loader either way unless it agrees.
		{"old go.mod", map[string]string{"go.mod": "module example.com/m\n\ngo 1.16\n", "a/a.go": "package a\n"}, nil, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := mod(t, c.files)
			env := append(os.Environ(), c.env...)
			tests := false
			for _, kv := range c.env {
				tests = tests || kv == "ARCHIE_TEST_TESTS=1"
			}
			g, err := Load(context.Background(), Options{Dir: dir, Env: env, Tests: tests})
			if err != nil {
				if c.want == "" {
					return
				}
				t.Fatalf("Load: %v", err)
			}
			if c.want == "" {
				return // either path will do; only no error is asked
			}
			if g.Loader != LoaderPackages {
				t.Fatalf("Loader = %q, want a fall back to go/packages", g.Loader)
			}
			if !strings.Contains(g.Fallback, c.want) {
				t.Errorf("Fallback = %q, want it to mention %q", g.Fallback, c.want)
			}
		})
	}
}
