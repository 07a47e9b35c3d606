package services

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/archie-dev/archie/analyze"
	"golang.org/x/mod/modfile"
)

// The graph holds every module below the system's folder under its import
// paths, but a build reads only some of them from there: its own module,
// the modules of its go.work, and those a replace directive points at a
// folder. Any other module path it imports comes from the module cache at
// the version go.mod requires: a nested operator/ module that requires
// the repository's root module at a release builds with that release's
// packages, not the ones beside it (which may not exist there). So a
// service's code follows an import into another module of the graph only
// when the service's build reads that module from the folder the graph
// read.

// builds knows, per build folder, which modules that build reads from
// which folder.
type builds struct {
	local map[string]map[string]string // build root -> module path -> folder; nil when unknown
}

func newBuilds() *builds { return &builds{local: make(map[string]map[string]string)} }

// closure returns the packages of the main modules that paths import,
// directly or not, in the build of the first of them that a main module
// holds (its entry, for a service), sorted.
func (b *builds) closure(g *analyze.Graph, paths []string) []string {
	own := make(map[*analyze.Module]bool)
	root := ""
	for _, p := range paths {
		if pkg := g.Package(p); pkg != nil && pkg.Module != nil {
			own[pkg.Module] = true
			if root == "" {
				root = buildRoot(pkg.Module.Dir)
			}
		}
	}
	local, known := b.modules(root)
	return g.ClosureWhere(paths, func(m *analyze.Module) bool {
		if own[m] || !known {
			return true
		}
		path := m.Path
		if m.Declared != "" {
			path = m.Declared
		}
		dir, ok := local[path]
		return ok && sameDir(dir, m.Dir)
	})
}

// modules returns the modules the build at root reads from folders, by
// module path, and whether they could be known: not when GOWORK or
// -modfile choose other files, or a go.mod or go.work does not parse
// (the go command then says what is wrong).
func (b *builds) modules(root string) (map[string]string, bool) {
	if root == "" {
		return nil, false
	}
	if m, ok := b.local[root]; ok {
		return m, m != nil
	}
	m := readLocalModules(root)
	b.local[root] = m
	return m, m != nil
}

func readLocalModules(root string) map[string]string {
	if w := os.Getenv("GOWORK"); w != "" && w != "off" || strings.Contains(os.Getenv("GOFLAGS"), "modfile") {
		return nil
	}
	local := make(map[string]string)
	var mods []string // folders of the main modules
	var replaces []*modfile.Replace
	var replacedFrom []string // the folder each replace is relative to
	work := filepath.Join(root, "go.work")
	if data, err := os.ReadFile(work); err == nil && os.Getenv("GOWORK") == "" && !analyze.OutsideWorkspace(root) {
		wf, err := modfile.ParseWork(work, data, nil)
		if err != nil {
			return nil
		}
		for _, use := range wf.Use {
			mods = append(mods, absFrom(root, use.Path))
		}
		for _, r := range wf.Replace {
			replaces, replacedFrom = append(replaces, r), append(replacedFrom, root)
		}
	} else {
		mods = []string{root}
	}
	// The go.work's replace directives come first: they win over the
	// modules' own.
	for _, dir := range mods {
		file := filepath.Join(dir, "go.mod")
		data, err := os.ReadFile(file)
		if err != nil {
			continue // the go command says so
		}
		mf, err := modfile.Parse(file, data, nil)
		if err != nil || mf.Module == nil {
			return nil
		}
		local[mf.Module.Mod.Path] = dir
		for _, r := range mf.Replace {
			replaces, replacedFrom = append(replaces, r), append(replacedFrom, dir)
		}
	}
	for i, r := range replaces {
		if _, taken := local[r.Old.Path]; taken || r.New.Version != "" {
			continue // a main module, replaced already, or by a version
		}
		local[r.Old.Path] = absFrom(replacedFrom[i], r.New.Path)
	}
	return local
}

// absFrom returns path, relative to dir unless absolute, cleaned.
func absFrom(dir, path string) string {
	if !filepath.IsAbs(path) {
		path = filepath.Join(dir, path)
	}
	return filepath.Clean(path)
}

// sameDir reports whether two folders are one, through symbolic links.
func sameDir(a, b string) bool {
	if a == b {
		return true
	}
	ra, err1 := analyze.RealDir(a)
	rb, err2 := analyze.RealDir(b)
	return err1 == nil && err2 == nil && ra == rb
}
