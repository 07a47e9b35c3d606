// Command typecheck is the floor archie services is measured against: it
// type-checks the given packages with go/packages, their dependencies read
// from export data (as gopls does), and prints how many it got.
//
// With -source it is the floor of a run on an empty build cache: it lists
// the packages and their dependencies with go list (no export data, so
// nothing is compiled), then type-checks every one from source, in
// parallel, the given packages in full and their dependencies without
// function bodies.
//
// Each line of PACKAGES-FILE is "DIR PACKAGE": the directory of the
// service the package belongs to (relative to ROOT) and its import path.
// As archie does, packages are loaded in the build of that directory's
// module, or of the go.work above it, one build after another.
package main

import (
	"bufio"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"golang.org/x/tools/go/packages"
)

func main() {
	resolve := len(os.Args) == 4 && os.Args[1] == "-patterns"
	source := len(os.Args) == 4 && os.Args[1] == "-source"
	if resolve || source {
		os.Args = append(os.Args[:1], os.Args[2:]...)
	}
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: typecheck [-patterns|-source] ROOT PACKAGES-FILE")
		os.Exit(2)
	}
	root, err := filepath.Abs(os.Args[1])
	if err != nil {
		fail(err)
	}
	f, err := os.Open(os.Args[2])
	if err != nil {
		fail(err)
	}
	if resolve {
		patterns(root, f)
		return
	}
	byBuild := make(map[string]map[string]bool)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		dir, pkg, ok := strings.Cut(sc.Text(), " ")
		if !ok {
			continue
		}
		if _, pattern, ok := strings.Cut(pkg, " "); ok {
			pkg = pattern
		}
		b := build(filepath.Join(root, dir))
		if byBuild[b] == nil {
			byBuild[b] = make(map[string]bool)
		}
		byBuild[b][pkg] = true
	}
	mode := packages.NeedName | packages.NeedFiles | packages.NeedImports | packages.NeedTypes | packages.NeedSyntax | packages.NeedTypesInfo
	builds := make([]string, 0, len(byBuild))
	for b := range byBuild {
		builds = append(builds, b)
	}
	sort.Strings(builds)
	n := 0
	for _, b := range builds {
		var paths []string
		for p := range byBuild[b] {
			paths = append(paths, p)
		}
		sort.Strings(paths)
		cfg := &packages.Config{Mode: mode, Dir: b, Env: append(os.Environ(), "GOTOOLCHAIN=local")}
		if source {
			cfg.Mode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles | packages.NeedImports |
				packages.NeedDeps | packages.NeedModule | packages.NeedTypesSizes
			cfg.Env = append(cfg.Env, "CGO_ENABLED=0")
		}
		pkgs, err := packages.Load(cfg, paths...)
		if err != nil {
			fail(err)
		}
		if source {
			fromSource(pkgs)
		}
		n += len(pkgs)
	}
	fmt.Println(n, "packages type-checked in", len(builds), "builds")
}

// fromSource type-checks roots and everything they import from source:
// each package once its imports are done, as many at a time as there are
// cores; the roots with their function bodies and type information.
func fromSource(roots []*packages.Package) {
	fset := token.NewFileSet()
	isRoot := make(map[*packages.Package]bool)
	for _, r := range roots {
		isRoot[r] = true
	}
	done := make(map[*packages.Package]chan struct{})
	var all []*packages.Package
	packages.Visit(roots, nil, func(p *packages.Package) {
		done[p] = make(chan struct{})
		all = append(all, p)
	})
	cpu := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for _, p := range all {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer close(done[p])
			cpu <- struct{}{}
			var files []*ast.File
			mode := parser.SkipObjectResolution
			if isRoot[p] {
				mode |= parser.ParseComments
			}
			for _, name := range p.CompiledGoFiles {
				if f, _ := parser.ParseFile(fset, name, nil, mode); f != nil {
					files = append(files, f)
				}
			}
			<-cpu
			for _, imp := range p.Imports {
				<-done[imp]
			}
			if p.PkgPath == "unsafe" {
				p.Types = types.Unsafe
				return
			}
			cfg := &types.Config{
				Importer: importer(func(path string) (*types.Package, error) {
					if path == "unsafe" {
						return types.Unsafe, nil
					}
					if imp := p.Imports[path]; imp != nil && imp.Types != nil {
						return imp.Types, nil
					}
					return nil, fmt.Errorf("no package %s", path)
				}),
				IgnoreFuncBodies: !isRoot[p],
				Sizes:            p.TypesSizes,
				Error:            func(error) {},
			}
			var info *types.Info
			if isRoot[p] {
				info = &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{},
					Implicits: map[ast.Node]types.Object{}, Instances: map[*ast.Ident]types.Instance{}, Scopes: map[ast.Node]*types.Scope{},
					Selections: map[*ast.SelectorExpr]*types.Selection{}, FileVersions: map[*ast.File]string{}}
			}
			cpu <- struct{}{}
			p.Types, _ = cfg.Check(p.PkgPath, fset, files, info)
			<-cpu
		}()
	}
	wg.Wait()
}

type importer func(string) (*types.Package, error)

func (f importer) Import(path string) (*types.Package, error) { return f(path) }

// build returns the folder a package in dir is built from: the nearest
// folder above it with a go.work, else the nearest with a go.mod.
func build(dir string) string {
	mod := ""
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.work")); err == nil {
			return d
		}
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil && mod == "" {
			mod = d
		}
		if filepath.Dir(d) == d {
			return mod
		}
	}
}

// patterns prints each "DIR PACKAGE" line of f with a third field, the
// pattern to load the package by: its folder relative to the build, as
// archie names the packages of a build's main modules (analyze/services'
// loadPatterns), so that go/packages does not split a long list of import
// paths into several go list runs for the floor when it does not for
// archie. Run before timing: it lists the packages with go list -find.
func patterns(root string, f *os.File) {
	type line struct{ dir, pkg, b string }
	var lines []line
	byBuild := make(map[string][]string)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		dir, pkg, ok := strings.Cut(sc.Text(), " ")
		if !ok {
			continue
		}
		b := build(filepath.Join(root, dir))
		lines = append(lines, line{dir, pkg, b})
		byBuild[b] = append(byBuild[b], pkg)
	}
	pattern := make(map[string]string) // build + " " + package -> pattern
	for b, pkgs := range byBuild {
		mains := make(map[string]bool)
		out, err := goCmd(b, "list", "-m", "-f", "{{.Dir}}")
		if err != nil {
			fail(err)
		}
		for _, d := range strings.Fields(out) {
			mains[d] = true
		}
		out, err = goCmd(b, append([]string{"list", "-e", "-find", "-f", "{{.ImportPath}} {{.Dir}} {{with .Module}}{{.Dir}}{{end}}"}, pkgs...)...)
		if err != nil {
			fail(err)
		}
		for _, l := range strings.Split(out, "\n") {
			f := strings.Fields(l)
			if len(f) != 3 || !mains[f[2]] {
				continue
			}
			rel, err := filepath.Rel(b, f[1])
			if err != nil || !plainDir(rel) {
				continue
			}
			p := "."
			if rel != "." {
				p = "./" + filepath.ToSlash(rel)
			}
			pattern[b+" "+f[0]] = p
		}
	}
	for _, l := range lines {
		p := pattern[l.b+" "+l.pkg]
		if p == "" {
			p = l.pkg
		}
		fmt.Println(l.dir, l.pkg, p)
	}
}

// plainDir is analyze/services' plainDir.
func plainDir(rel string) bool {
	if rel == "." {
		return true
	}
	for _, elem := range strings.Split(filepath.ToSlash(rel), "/") {
		if elem == "" || elem == ".." || elem[0] == '.' || elem[0] == '_' || elem == "testdata" || elem == "vendor" || strings.Contains(elem, "...") {
			return false
		}
		for _, r := range elem {
			if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_.+~", r)) {
				return false
			}
		}
	}
	return true
}

func goCmd(dir string, args ...string) (string, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir, cmd.Env, cmd.Stderr = dir, append(os.Environ(), "GOTOOLCHAIN=local", "CGO_ENABLED=0"), os.Stderr
	out, err := cmd.Output()
	return string(out), err
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}
