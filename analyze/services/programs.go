package services

import (
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/mod/modfile"
	"golang.org/x/tools/go/packages"

	"github.com/archie-dev/archie/analyze"
)

// Programs returns the folders among g.Copies that hold programs of their
// own rather than copies of another module's code: modules whose go.mod
// repeats the path of another (two small programs, server/ and worker/,
// each "module app"), which one compose file or Dapr run file starts side
// by side with another module of that path (built from it, or go run in
// it; compose services behind profiles that never start together do not
// count). A tutorial's chapters, each a copy of the last, are not run
// together: they stay copies, not read.
// analyze.LoadPrograms reads the programs under paths of their own.
func Programs(g *analyze.Graph, dir string) []string {
	if len(g.Copies) == 0 {
		return nil
	}
	abs, err := analyze.RealDir(dir)
	if err != nil {
		return nil
	}
	pathOf := make(map[string]string) // module folder -> the path its go.mod declares
	for _, m := range g.Modules {
		pathOf[m.Dir] = m.Path
		if m.Declared != "" {
			pathOf[m.Dir] = m.Declared
		}
	}
	copies := make(map[string]bool)
	for _, c := range g.Copies {
		data, err := os.ReadFile(filepath.Join(c, "go.mod"))
		if p := modfile.ModulePath(data); err == nil && p != "" {
			pathOf[c], copies[c] = p, true
		}
	}
	// moduleOf returns the folder of the module holding folder, the
	// deepest; "" for none.
	moduleOf := func(folder string) string {
		for f := filepath.Clean(folder); ; {
			if _, ok := pathOf[f]; ok {
				return f
			}
			parent := filepath.Dir(f)
			if parent == f || !within(filepath.ToSlash(parent), filepath.ToSlash(abs)) {
				return ""
			}
			f = parent
		}
	}
	d := readDeployment(abs)
	var out []string
	for _, code := range d.together {
		// Two services of the file, started side by side, from two
		// modules of one path: each module is a program.
		for i, a := range code {
			ma := moduleOf(a.dir)
			for _, b := range code[i+1:] {
				mb := moduleOf(b.dir)
				if ma == "" || mb == "" || ma == mb || pathOf[ma] != pathOf[mb] || !a.runTogether(b) {
					continue
				}
				for _, m := range []string{ma, mb} {
					if copies[m] && !slices.Contains(out, m) {
						out = append(out, m)
					}
				}
			}
		}
	}
	slices.Sort(out)
	return out
}

// renameMain gives the packages of the main module whose go.mod declares
// from the paths analyze.LoadPrograms gave them in the graph (to, and to
// plus the rest of each path), before they are type-checked: the facts'
// package paths are then the graph's. Their export data, written under
// the declared path, is not read: they are checked from source.
func renameMain(roots []*packages.Package, from, to string) {
	packages.Visit(roots, nil, func(p *packages.Package) {
		if p.Module == nil || !p.Module.Main || p.Module.Path != from {
			return
		}
		if p.PkgPath == from || strings.HasPrefix(p.PkgPath, from+"/") {
			rest := p.PkgPath[len(from):]
			p.ID = strings.Replace(p.ID, p.PkgPath, to+rest, 1)
			p.PkgPath = to + rest
			p.ExportFile = ""
		}
	})
}
