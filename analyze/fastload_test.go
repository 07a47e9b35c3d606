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
		filepath.Join(root, "testdata/fixtures/layered"):  true,
		filepath.Join(root, "testdata/fixtures/vendored"): true,
	}
	var mu = make(chan struct{}, 1)
	fast, total := 0, 0
	t.Run("modules", func(t *testing.T) {
		// Each module with and without tests, and once more for another
		// platform without cgo, with a build tag.
		variants := []struct {
			name  string
			tests bool
			env   []string
			tags  []string
		}{
			{"tests=false", false, nil, nil},
			{"tests=true", true, nil, nil},
			{"windows-386-tags", true, []string{"GOOS=windows", "GOARCH=386", "CGO_ENABLED=0"}, []string{"integration", "e2e"}},
		}
		for _, dir := range fixtureModules(t) {
			for _, v := range variants {
				tests := v.tests
				env := append(os.Environ(), v.env...)
				name := strings.TrimPrefix(dir, root) + "/" + v.name
				t.Run(name, func(t *testing.T) {
					t.Parallel()
					ctx := context.Background()
					want, err := Load(ctx, Options{Dir: dir, Tests: tests, Env: env, Tags: v.tags, Loader: LoaderPackages})
					if err != nil {
						t.Skipf("go/packages: %v", err)
					}
					got, err := Load(ctx, Options{Dir: dir, Tests: tests, Env: env, Tags: v.tags})
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
// to go/packages: a missing dependency, a vendor folder go list would
// refuse or read otherwise, a go.work, a
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
			if target, ok := strings.CutPrefix(body, "->"); ok {
				if err := os.Symlink(target, p); err != nil {
					t.Fatal(err)
				}
				continue
			}
			if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return dir
	}
	const gomod = "module example.com/m\n\ngo 1.22\n"
	const vendReq = "\nrequire example.com/d v1.0.0\n"
	cases := []struct {
		name  string
		files map[string]string
		env   []string
		want  string // in the reason
	}{
		{"missing module", map[string]string{"go.mod": gomod, "a/a.go": "package a\n\nimport _ \"example.org/nowhere/x\"\n"}, nil, "no module provides"},
		{"missing folder", map[string]string{"go.mod": gomod, "a/a.go": "package a\n\nimport _ \"example.com/m/b\"\n"}, nil, "no module provides"},
		{"vendor, go 1.13", map[string]string{"go.mod": "module example.com/m\n\ngo 1.13\n", "a/a.go": "package a\n", "vendor/modules.txt": ""}, nil, "older than 1.14"},
		{"vendor without modules.txt", map[string]string{"go.mod": gomod, "a/a.go": "package a\n", "vendor/example.com/d/d.go": "package d\n"}, nil, "no modules.txt"},
		{"vendor for a workspace", map[string]string{"go.mod": gomod, "a/a.go": "package a\n", "vendor/modules.txt": "## workspace\n"}, nil, "for a workspace"},
		{"vendor, requirement not explicit", map[string]string{"go.mod": gomod + vendReq, "a/a.go": "package a\n", "vendor/modules.txt": "# example.com/d v1.0.0\nexample.com/d\n", "vendor/example.com/d/d.go": "package d\n"}, nil, "inconsistent vendoring"},
		{"vendor, explicit not required", map[string]string{"go.mod": gomod, "a/a.go": "package a\n", "vendor/modules.txt": "# example.com/d v1.0.0\n## explicit\nexample.com/d\n", "vendor/example.com/d/d.go": "package d\n"}, nil, "inconsistent vendoring"},
		{"vendor, replacement differs", map[string]string{"go.mod": gomod + vendReq + "replace example.com/d => ./d2\n", "a/a.go": "package a\n", "vendor/modules.txt": "# example.com/d v1.0.0 => ./d1\n## explicit\nexample.com/d\n# example.com/d => ./d1\n", "vendor/example.com/d/d.go": "package d\n"}, nil, "inconsistent vendoring"},
		{"vendor, replacement gone", map[string]string{"go.mod": gomod + vendReq, "a/a.go": "package a\n", "vendor/modules.txt": "# example.com/d v1.0.0 => ./d1\n## explicit\nexample.com/d\n", "vendor/example.com/d/d.go": "package d\n"}, nil, "inconsistent vendoring"},
		{"vendor, too new", map[string]string{"go.mod": gomod + vendReq, "a/a.go": "package a\n", "vendor/modules.txt": "# example.com/d v1.0.0\n## explicit; go 1.99\nexample.com/d\n", "vendor/example.com/d/d.go": "package d\n"}, nil, "newer than the go command"},
		{"vendor, package not listed", map[string]string{"go.mod": gomod + vendReq, "a/a.go": "package a\n\nimport _ \"example.com/d/e\"\n", "vendor/modules.txt": "# example.com/d v1.0.0\n## explicit\nexample.com/d\n", "vendor/example.com/d/d.go": "package d\n", "vendor/example.com/d/e/e.go": "package e\n"}, nil, "not listed in vendor/modules.txt"},
		{"vendor, package missing", map[string]string{"go.mod": gomod + vendReq, "a/a.go": "package a\n\nimport _ \"example.com/d/f\"\n", "vendor/modules.txt": "# example.com/d v1.0.0\n## explicit\nexample.com/d\nexample.com/d/f\n", "vendor/example.com/d/d.go": "package d\n"}, nil, "not in the vendor folder"},
		{"vendor and main module", map[string]string{"go.mod": "module example.com/m\n\ngo 1.16\n", "a/a.go": "package a\n\nimport _ \"example.com/m/b\"\n", "b/b.go": "package b\n", "vendor/modules.txt": "# example.com/m v1.0.0\nexample.com/m/b\n", "vendor/example.com/m/b/b.go": "package b\n"}, nil, "both the main module and the vendor folder"},
		{"vendor, GOFLAGS -mod in go env", map[string]string{"go.mod": gomod, "a/a.go": "package a\n", "vendor/modules.txt": "", "goenv": "GOFLAGS=-mod=mod\n"}, []string{"GOENV=goenv"}, "GOFLAGS sets -mod"},
		{"vendor, module not required", map[string]string{"go.mod": gomod, "a/a.go": "package a\n\nimport _ \"example.com/d\"\n", "vendor/modules.txt": "# example.com/d v1.0.0\nexample.com/d\n", "vendor/example.com/d/d.go": "package d\n"}, nil, "not required in go.mod"},
		{"vendor, a module at two versions", map[string]string{"go.mod": gomod + vendReq, "a/a.go": "package a\n\nimport _ \"example.com/d\"\n", "vendor/modules.txt": "# example.com/d v1.0.0\n## explicit\nexample.com/d\n# example.com/d v0.9.0\nexample.com/d/e\n", "vendor/example.com/d/d.go": "package d\n", "vendor/example.com/d/e/e.go": "package e\n"}, nil, "at v1.0.0 and v0.9.0"},
		{"vendor, a package listed twice", map[string]string{"go.mod": gomod + vendReq, "a/a.go": "package a\n\nimport _ \"example.com/d\"\n", "vendor/modules.txt": "# example.com/d v1.0.0\n## explicit\nexample.com/d\n# example.com/d v0.9.0\nexample.com/d\n", "vendor/example.com/d/d.go": "package d\n"}, nil, "lists example.com/d twice"},
		{"vendor, requirement excluded", map[string]string{"go.mod": gomod + vendReq + "exclude example.com/d v1.0.0\n", "a/a.go": "package a\n\nimport _ \"example.com/d\"\n", "vendor/modules.txt": "# example.com/d v1.0.0\n## explicit\nexample.com/d\n", "vendor/example.com/d/d.go": "package d\n"}, nil, "which it requires"},
		{"vendor, required twice", map[string]string{"go.mod": gomod + vendReq + "require example.com/d v0.9.0\n", "a/a.go": "package a\n\nimport _ \"example.com/d\"\n", "vendor/modules.txt": "# example.com/d v1.0.0\n## explicit\nexample.com/d\n# example.com/d v0.9.0\n## explicit\n", "vendor/example.com/d/d.go": "package d\n"}, nil, "requires example.com/d twice"},
		{"vendor, go.work older than 1.14", map[string]string{"go.work": "go 1.13\n\nuse ./m\n", "m/go.mod": "module example.com/m\n\ngo 1.13\n", "m/a.go": "package a\n", "vendor/modules.txt": "## workspace\n"}, nil, "older than 1.14"},
		{"vendor, workspace mark past 512 bytes", map[string]string{"go.work": "go 1.22\n\nuse ./m\n", "m/go.mod": gomod, "m/a.go": "package a\n", "vendor/modules.txt": "## " + strings.Repeat("x", 600) + "; workspace\n"}, nil, "written for a module"},
		{"a .go link to nothing", map[string]string{"go.mod": gomod, "a/a.go": "package a\n", "b/b.go": "->nowhere.go"}, nil, "no such file"},
		{"godebug", map[string]string{"go.mod": gomod + "\ngodebug nosuchkey=1\n", "a/a.go": "package a\n"}, nil, "sets godebug"},
		{"import of a vendor path", map[string]string{"go.mod": gomod, "a/a.go": "package a\n\nimport _ \"example.com/m/b/vendor/c\"\n", "b/vendor/c/c.go": "package c\n"}, nil, "names a vendor folder"},
		{"go.work not using the module", map[string]string{"go.work": "go 1.22\n\nuse ./b\n", "go.mod": gomod, "a/a.go": "package a\n", "b/go.mod": "module example.com/b\n\ngo 1.22\n"}, nil, "does not use"},
		{"workspace module at a version", map[string]string{"go.work": "go 1.22\n\nuse (\n\t.\n\t./b\n)\n", "go.mod": gomod + "\nrequire example.com/b v0.1.0\n", "a/a.go": "package a\n\nimport _ \"example.com/b\"\n", "b/go.mod": "module example.com/b\n\ngo 1.22\n", "b/b.go": "package b\n"}, nil, "a module of the workspace"},
		{"literal pattern, no package", map[string]string{"go.mod": gomod, "a/a.go": "//go:build never\n\npackage a\n", "ARCHIE_PATTERNS": "./a"}, nil, "no buildable Go source files"},
		{"go.work older than a module", map[string]string{"go.work": "go 1.21\n\nuse .\n", "go.mod": gomod, "a/a.go": "package a\n"}, nil, "newer than go.work's"},
		{"goflags", map[string]string{"go.mod": gomod, "a/a.go": "package a\n"}, []string{"GOFLAGS=-race"}, "GOFLAGS -race"},
		{"cycle", map[string]string{"go.mod": gomod, "a/a.go": "package a\n\nimport _ \"example.com/m/b\"\n", "b/b.go": "package b\n\nimport _ \"example.com/m/a\"\n"}, nil, "import cycle"},
		{"test cycle", map[string]string{"go.mod": gomod, "a/a.go": "package a\n", "a/a_test.go": "package a\n\nimport _ \"example.com/m/b\"\n", "b/b.go": "package b\n\nimport _ \"example.com/m/a\"\n"}, []string{"ARCHIE_TEST_TESTS=1"}, "import cycle in the tests"},
		{"syntax", map[string]string{"go.mod": gomod, "a/a.go": "package a\n\nimport \"fmt\n"}, nil, "a"},
		{"two packages", map[string]string{"go.mod": gomod, "a/a.go": "package a\n", "a/b.go": "package b\n"}, nil, "found packages"},
		{"embed", map[string]string{"go.mod": gomod, "a/a.go": "package a\n\nimport _ \"embed\"\n\n//go:embed nothing.txt\nvar s string\n"}, nil, "matches nothing"},
		{"internal", map[string]string{"go.mod": gomod, "a/a.go": "package a\n\nimport _ \"example.com/m/b/internal/c\"\n", "b/internal/c/c.go": "package c\n"}, nil, "may not import"},
		{"newer dependency", map[string]string{"go.mod": "module example.com/m\n\ngo 1.22\n\nrequire golang.org/x/mod v0.42.0\n", "go.sum": "golang.org/x/mod v0.42.0 h1:ICeL3t2L30ljSPHHxDnR4fqVcBt/zR2zJAb9juavmQg=\ngolang.org/x/mod v0.42.0/go.mod h1:u5fzIrRInkL8MaO1cbRkUHT64v303YIT5KEqpNr7jRs=\n", "a/a.go": "package a\n\nimport _ \"golang.org/x/mod/semver\"\n"}, nil, "requires go 1.26.0"},
		{"test-only import", map[string]string{"go.mod": gomod, "a/a.go": "package a\n\nimport _ \"example.com/m/b\"\n", "b/b_test.go": "package b\n"}, nil, "no Go files"},
		{"program", map[string]string{"go.mod": gomod, "a/a.go": "package a\n\nimport _ \"example.com/m/cmd\"\n", "cmd/main.go": "package main\n"}, nil, "program"},
		{"not std", map[string]string{"go.mod": gomod, "a/a.go": "package a\n\nimport _ \"fmtx\"\n"}, nil, "not in the standard library"},
		{"go too new", map[string]string{"go.mod": "module example.com/m\n\ngo 1.99\n", "a/a.go": "package a\n"}, nil, "newer than the go command"},
		// go list itself refuses the next two or not; no graph from the
		// fast loader either way unless it agrees.
		{"old go.mod", map[string]string{"go.mod": "module example.com/m\n\ngo 1.16\n", "a/a.go": "package a\n"}, nil, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := mod(t, c.files)
			env := os.Environ()
			for _, kv := range c.env {
				if k, v, _ := strings.Cut(kv, "="); k == "GOENV" {
					kv = "GOENV=" + filepath.Join(dir, v)
				}
				env = append(env, kv)
			}
			tests := false
			for _, kv := range c.env {
				tests = tests || kv == "ARCHIE_TEST_TESTS=1"
			}
			if c.want == "" {
				return // either loader will do; only no panic is asked
			}
			// Load with the automatic choice falls back exactly when
			// the fast loader alone fails.
			var patterns []string
			if p, ok := c.files["ARCHIE_PATTERNS"]; ok {
				patterns = strings.Fields(p)
			}
			_, err := Load(context.Background(), Options{Dir: dir, Env: env, Tests: tests, Patterns: patterns, Loader: LoaderFast})
			if err == nil {
				t.Fatalf("the fast loader loaded it; want it to give way to go list")
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("reason %q, want it to mention %q", err, c.want)
			}
		})
	}
}

// TestFastLoadEdgeCases runs the differential comparison on a module made
// for it: files for other platforms and tags, cgo, a package of tests
// only, one of external tests only, a folder whose files all fail the
// constraints, ignored files, embeds, a nested module, folders go list
// passes over (testdata, _x, .x, a symbolic link) and a dependency from
// the module cache, under several platforms and tags.
func TestFastLoadEdgeCases(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	sum, err := os.ReadFile("../go.sum")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"go.mod":             "module example.com/edge\n\ngo 1.26.0\n\nrequire golang.org/x/mod v0.42.0\n",
		"go.sum":             string(sum),
		"main.go":            "package main\n\nimport (\n\t_ \"example.com/edge/plat\"\n\t_ \"golang.org/x/mod/semver\"\n)\n\nfunc main() {}\n",
		"plat/a.go":          "package plat\n",
		"plat/a_linux.go":    "package plat\n\nimport _ \"os/signal\"\n",
		"plat/a_windows.go":  "package plat\n\nimport _ \"syscall\"\n",
		"plat/tag.go":        "//go:build integration && !windows\n\npackage plat\n\nimport _ \"net/http\"\n",
		"plat/old.go":        "// +build e2e\n\npackage plat\n\nimport _ \"encoding/json\"\n",
		"plat/cgo.go":        "package plat\n\n// int x;\nimport \"C\"\nimport _ \"unsafe\"\n",
		"plat/ign.go":        "//go:build ignore\n\npackage main\n\nimport _ \"example.org/not/there\"\n",
		"plat/a_test.go":     "package plat\n\nimport _ \"testing\"\n",
		"plat/x_test.go":     "package plat_test\n\nimport (\n\t_ \"example.com/edge/plat\"\n\t_ \"example.com/edge/emb\"\n)\n",
		"onlytest/o_test.go": "package onlytest\n\nimport _ \"strings\"\n",
		"onlyx/o_test.go":    "package onlyx_test\n\nimport _ \"bytes\"\n",
		"never/n.go":         "//go:build never\n\npackage never\n",
		"emb/e.go":           "package emb\n\nimport _ \"embed\"\n\n//go:embed data\nvar _ string\n",
		"emb/data/f.txt":     "x",
		"nested/go.mod":      "module example.com/nested\n",
		"nested/n.go":        "package nested\n",
		"testdata/t/t.go":    "package t\n",
		"_under/u.go":        "package u\n",
		".dot/d.go":          "package d\n",
		"real/r.go":          "package r\n\nimport _ \"golang.org/x/mod/module\"\n",
		"doc/readme.txt":     "no Go here",
		// Tool tags: the go command's build decides (a default
		// experiment, the amd64 level); a folder of only such files.
		"plat/exp_on.go":  "//go:build goexperiment.greenteagc\n\npackage plat\n\nimport _ \"container/list\"\n",
		"plat/exp_off.go": "//go:build !goexperiment.greenteagc\n\npackage plat\n\nimport _ \"container/ring\"\n",
		"plat/level.go":   "//go:build amd64.v3\n\npackage plat\n\nimport _ \"hash/crc32\"\n",
		"expdir/e.go":     "//go:build goexperiment.regabiargs\n\npackage expdir\n",
	})
	if err := os.Symlink(filepath.Join(dir, "real"), filepath.Join(dir, "link")); err != nil {
		t.Fatal(err)
	}
	variants := []struct {
		name  string
		tests bool
		env   []string
		tags  []string
	}{
		{"linux", false, []string{"GOOS=linux", "GOARCH=amd64"}, nil},
		{"linux-tests-tags", true, []string{"GOOS=linux", "GOARCH=amd64"}, []string{"integration", "e2e"}},
		{"windows-nocgo", true, []string{"GOOS=windows", "GOARCH=amd64", "CGO_ENABLED=0"}, []string{"integration"}},
		{"darwin-cgo", true, []string{"GOOS=darwin", "GOARCH=arm64", "CGO_ENABLED=1"}, nil},
		{"goflags-tags", true, []string{"GOFLAGS=-tags=integration -buildvcs=false"}, nil},
		{"goflags-tags-overridden", true, []string{"GOFLAGS=-tags=integration"}, []string{"e2e"}},
		{"js-wasm", true, []string{"GOOS=js", "GOARCH=wasm"}, nil},
		{"goamd64-v3", false, []string{"GOOS=linux", "GOARCH=amd64", "GOAMD64=v3"}, nil},
	}
	for _, v := range variants {
		t.Run(v.name, func(t *testing.T) {
			sameGraph(t, Options{Dir: dir, Tests: v.tests, Env: append(os.Environ(), v.env...), Tags: v.tags}, v.name)
		})
	}
}

// TestFastLoadWorkspace compares the loaders on a go.work of two modules,
// one requiring the other (replaced by its folder, else the go command
// looks for the version required), one
// depending on the module cache, loaded from the workspace root, from a
// module and with a pattern.
func TestFastLoadWorkspace(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	sum, err := os.ReadFile("../go.sum")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"go.work":           "go 1.26.0\n\nuse (\n\t./a\n\t./b\n)\n",
		"a/go.mod":          "module example.com/a\n\ngo 1.26.0\n\nrequire example.com/b v0.1.0\n\nreplace example.com/b => ../b\n",
		"a/x/x.go":          "package x\n\nimport _ \"example.com/b/y\"\n",
		"a/x/x_test.go":     "package x_test\n\nimport _ \"example.com/a/x\"\n",
		"b/go.mod":          "module example.com/b\n\ngo 1.26.0\n\nrequire golang.org/x/mod v0.42.0\n",
		"b/go.sum":          string(sum),
		"b/y/y.go":          "package y\n\nimport _ \"golang.org/x/mod/semver\"\n",
		"b/internal/z/z.go": "package z\n",
		"b/main.go":         "package main\n\nimport _ \"example.com/b/internal/z\"\n\nfunc main() {}\n",
		"tools/go.mod":      "module example.com/tools\n\ngo 1.26.0\n",
		"tools/t.go":        "package tools\n",
	})
	for _, c := range []struct {
		sub      string
		patterns []string
	}{{"", nil}, {"a", nil}, {"b", []string{"./y/..."}}, {"", []string{"./b/..."}}} {
		for _, tests := range []bool{false, true} {
			sameGraph(t, Options{Dir: filepath.Join(dir, c.sub), Patterns: c.patterns, Tests: tests}, fmt.Sprintf("%s %v tests=%v", c.sub, c.patterns, tests))
		}
	}
}

// sameGraph loads opts with the fast loader alone, then with go/packages,
// and fails unless the fast loader built the same graph.
func sameGraph(t *testing.T, opts Options, what string) {
	t.Helper()
	ctx := context.Background()
	opts.Loader = LoaderFast
	got, err := Load(ctx, opts)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	opts.Loader = LoaderPackages
	want, err := Load(ctx, opts)
	if err != nil {
		t.Fatalf("%s: go/packages: %v", what, err)
	}
	if g, w := factsOf(got), factsOf(want); !reflect.DeepEqual(g, w) {
		t.Errorf("%s: fast graph differs from go/packages'\n%s", what, diffFacts(g, w))
	}
}
