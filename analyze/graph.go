package analyze

import (
	"fmt"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// A Graph is the import graph of the packages archie was asked to check.
type Graph struct {
	// Modules are the main modules: one, or every module of a go.work.
	Modules []*Module
	// Packages are the packages that matched the load patterns, sorted by
	// import path. Packages they import are known only by path.
	Packages []*Package
	// Errors are the problems found while loading: files that do not parse,
	// imports that cannot be resolved. Packages with errors are still in
	// Packages with every import that could be read.
	Errors []Error
	// Skipped are the folders below the loaded directory that hold a
	// module of their own which no pattern or go.work reached: ./... does
	// not enter them, so their code was not read.
	Skipped []string
	// Copies are the folders below it holding a module whose path another
	// module already read has (a tutorial's copies of the code): their
	// packages' import paths are taken, so their code was not read.
	Copies []string
	// Loader is the loader that built the graph: LoaderFast or
	// LoaderPackages. Fallback says why the fast loader was not used
	// when it was tried.
	Loader, Fallback string

	byPath map[string]*Package
	goroot string // GOROOT of the go command that loaded the graph; "" when unknown

	mu        sync.Mutex
	positions map[string]map[string][]token.Position // package path -> import path -> specs

	sizesOnce sync.Once
	sizes     map[string]Size
}

// A Module is a Go module whose packages are being checked.
type Module struct {
	Path string // module path, as in go.mod, or as LoadPrograms names it
	Dir  string // absolute directory holding go.mod
	// Declared is the path go.mod declares when Path is not it: a
	// program whose go.mod repeats another module's path (LoadPrograms).
	Declared string
}

// A Package is one loaded Go package.
type Package struct {
	Path      string   // import path
	Name      string   // package name
	Dir       string   // absolute directory
	Module    *Module  // the main module holding it
	GoFiles   []string // absolute paths of the non-test Go files
	TestFiles []string // absolute paths of the _test.go files, when tests are loaded
	Imports   []Import // sorted by path, each path once
}

// An Import is one imported package path. Test is true when only _test.go
// files import it.
type Import struct {
	Path string
	Test bool
}

// An Error is a problem found while loading. Pos is zero when the problem
// has no position in a file (a pattern that matched nothing, say).
type Error struct {
	Pos     token.Position
	Package string
	Msg     string
	// NotChecked marks a problem met after the code loaded: code the
	// analysis could not read as it is built or deployed (one main run
	// in roles archie cannot tell apart, build tags it cannot read, a
	// cgo file it left out). It leaves a run as incomplete as a load
	// error does; reports name it apart, so that it is not taken for
	// code that failed to load.
	NotChecked bool
}

// Label names the kind of problem e is, as reports print it before its
// message.
func (e Error) Label() string {
	if e.NotChecked {
		return "not checked"
	}
	return "load error"
}

// Problems counts errs for a sentence, with when they were met: "2
// problems while loading the code", "1 problem while analysing the code".
func Problems(errs []Error) string {
	loading, analysing := false, false
	for _, e := range errs {
		if e.NotChecked {
			analysing = true
		} else {
			loading = true
		}
	}
	n := fmt.Sprintf("%d problems", len(errs))
	if len(errs) == 1 {
		n = "1 problem"
	}
	switch {
	case loading && analysing:
		return n + " while loading and analysing the code"
	case analysing:
		return n + " while analysing the code"
	}
	return n + " while loading the code"
}

func (e Error) String() string {
	if e.Pos.IsValid() {
		return e.Pos.String() + ": " + e.Msg
	}
	if e.Package != "" {
		return e.Package + ": " + e.Msg
	}
	return e.Msg
}

// NewGraph returns a graph of the given packages. Load builds graphs from
// code; tests build them from literals.
func NewGraph(modules []*Module, pkgs []*Package) *Graph {
	g := &Graph{Modules: modules, Packages: pkgs, byPath: make(map[string]*Package, len(pkgs))}
	sort.Slice(pkgs, func(i, j int) bool { return pkgs[i].Path < pkgs[j].Path })
	for _, p := range pkgs {
		g.byPath[p.Path] = p
		sort.Slice(p.Imports, func(i, j int) bool { return p.Imports[i].Path < p.Imports[j].Path })
	}
	return g
}

// Package returns the loaded package with the given import path, or nil.
func (g *Graph) Package(path string) *Package { return g.byPath[path] }

// Module returns the main module that holds the import path, or nil when
// the path belongs to the standard library or another module.
func (g *Graph) Module(path string) *Module {
	if p := g.byPath[path]; p != nil && p.Module != nil {
		return p.Module
	}
	var best *Module
	for _, m := range g.Modules {
		if within(path, m.Path) && (best == nil || len(m.Path) > len(best.Path)) {
			best = m
		}
	}
	return best
}

// Dir returns the absolute directory of a package of the main modules,
// whether or not it was loaded, and false for any other package.
func (g *Graph) Dir(path string) (string, bool) {
	if p := g.byPath[path]; p != nil && p.Dir != "" {
		return p.Dir, true
	}
	m := g.Module(path)
	if m == nil {
		return "", false
	}
	return filepath.Join(m.Dir, filepath.FromSlash(strings.TrimPrefix(path[len(m.Path):], "/"))), true
}

// IsStd reports whether path names a standard-library package. Like
// goimports, it treats a path whose first element has no dot as standard,
// unless a main module claims it (module "shop" is not the standard library).
func (g *Graph) IsStd(path string) bool {
	if g.Module(path) != nil {
		return false
	}
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

// StdExists reports whether path names a package of the standard library
// of the Go installation that loaded the graph (a folder below its src
// with the path's name), and true when that is unknown: graphs built in
// tests, or code that imports nothing from the standard library.
func (g *Graph) StdExists(path string) bool {
	if g.goroot == "" {
		return true
	}
	info, err := os.Stat(filepath.Join(g.goroot, "src", filepath.FromSlash(path)))
	return err == nil && info.IsDir()
}

// StdPackages lists the import paths of the standard library of the Go
// installation that loaded the graph (nil when that is unknown), for
// "did you mean" hints. It walks GOROOT/src, so it is for error paths.
func (g *Graph) StdPackages() []string {
	if g.goroot == "" {
		return nil
	}
	src := filepath.Join(g.goroot, "src")
	var out []string
	filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		if name := d.Name(); name == "testdata" || name == "vendor" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
			return filepath.SkipDir
		}
		if rel, err := filepath.Rel(src, p); err == nil && rel != "." {
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	return out
}

// ClosureWhere returns the packages of the main modules that the given
// ones import, directly or not, themselves included, sorted, entering
// only the modules keep accepts (the given packages are always taken).
// Test imports do not count: tests are not deployed.
func (g *Graph) ClosureWhere(paths []string, keep func(*Module) bool) []string {
	seen := make(map[string]bool)
	var visit func(string, bool)
	visit = func(path string, start bool) {
		p := g.Package(path)
		if p == nil || p.Module == nil || seen[path] || !start && !keep(p.Module) {
			return
		}
		seen[path] = true
		for _, imp := range p.Imports {
			if !imp.Test {
				visit(imp.Path, false)
			}
		}
	}
	for _, p := range paths {
		visit(p, true)
	}
	out := make([]string, 0, len(seen))
	for p := range seen {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// within reports whether path is prefix or below it.
func within(path, prefix string) bool {
	return path == prefix || strings.HasPrefix(path, prefix) && path[len(prefix)] == '/'
}
