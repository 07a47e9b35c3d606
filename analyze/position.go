package analyze

import (
	"go/parser"
	"go/token"
	"sort"
	"strconv"
)

// Positions returns the position of every import spec in package from that
// imports path, sorted by file and line. It parses only the import blocks of
// the package's files, once per package, so asking about the few packages
// that break a rule costs little even in a large graph. It returns nil when
// the package was not loaded from files.
func (g *Graph) Positions(from, path string) []token.Position {
	return g.specs(from)[path]
}

// specs returns the import specs of a package by import path, parsing
// its files the first time it is asked.
func (g *Graph) specs(pkg string) map[string][]token.Position {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.positions == nil {
		g.positions = make(map[string]map[string][]token.Position)
	}
	specs, ok := g.positions[pkg]
	if !ok {
		specs = importSpecs(g.byPath[pkg])
		g.positions[pkg] = specs
	}
	return specs
}

func importSpecs(p *Package) map[string][]token.Position {
	specs := make(map[string][]token.Position)
	if p == nil {
		return specs
	}
	fset := token.NewFileSet()
	for _, files := range [][]string{p.GoFiles, p.TestFiles} {
		for _, name := range files {
			// A file that does not parse keeps the specs read before the
			// error; Load has already reported the error itself.
			f, _ := parser.ParseFile(fset, name, nil, parser.ImportsOnly|parser.SkipObjectResolution)
			if f == nil {
				continue
			}
			for _, spec := range f.Imports {
				path, err := strconv.Unquote(spec.Path.Value)
				if err != nil {
					continue
				}
				specs[path] = append(specs[path], fset.Position(spec.Pos()))
			}
		}
	}
	for _, pos := range specs {
		sort.Slice(pos, func(i, j int) bool {
			if pos[i].Filename != pos[j].Filename {
				return pos[i].Filename < pos[j].Filename
			}
			return pos[i].Offset < pos[j].Offset
		})
	}
	return specs
}
