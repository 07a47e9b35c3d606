package rules

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"slices"
	"strings"

	"github.com/archie-dev/archie/analyze"
	"github.com/archie-dev/archie/analyze/services"
)

var godPackageFamily = &Family{
	Name: "god-package", Kind: "god-package",
	Summary: "most packages of a module import one package, and it imports much of the module in turn",
	Doc: `A package that most of a module imports, and that itself imports much of the
module, is where every change meets: a change below it reaches all its
importers, and its importers cannot be built or tested without most of the
module. archie reports a package that at least min-dependents (default 5)
packages of its module import directly, when they are more than fan-in
(default 0.5) of the module's other packages, and whose instability within
the module, I = Ce/(Ca+Ce) counting the module's own packages only, is above
instability (default 0.25). Go forbids import cycles, so a package more than
half the module imports stays below 0.5. Imports of libraries do not count:
a config or logger package everyone imports that wraps a few libraries is a
stable core, as is a model or errors package that imports nothing. Main
packages, packages of generated code and test helpers (a name ending in
test, testing, testutil or mock) are never reported nor counted. It needs no
services: it judges the import graph, module by module. Split the package by
what its importers use, or move what it imports behind interfaces its
importers own.`,
	run: func(c *checker) {
		if sm := c.cfg.Smells.get("god-package"); sm != nil && c.only == "" {
			if sev := sm.severity("god-package"); sev != SeverityOff {
				c.godPackage(sm, sev)
			}
		}
	},
}

// godPackage judges each module on its own: a god package is one of its
// module, and packages of other modules of a go.work are libraries to it.
//
// Fan-in counts direct importers, not transitive ones: a share of
// transitive importers calls every package low in the graph (a database
// adapter that the repositories import, which everything else reaches) one
// that most of the module depends on. Instability counts the module's own
// packages, not libraries: Martin's I, as archie metrics measures it, is
// high for a package that wraps many libraries (a config or telemetry
// package), and since Go forbids cycles a package more than half the
// module imports can pass 0.5 only through libraries, which would make the
// smell report exactly the wrappers it should leave alone. The message
// gives archie metrics' numbers beside it.
func (c *checker) godPackage(sm *Smell, sev Severity) {
	fanIn := sm.FanIn
	if fanIn == 0 {
		fanIn = 0.5
	}
	minDependents := sm.MinDependents
	if minDependents == 0 {
		minDependents = 5
	}
	maxI := sm.Instability
	if maxI == 0 {
		maxI = 0.25
	}
	// Ca and Ce as archie metrics counts them at package level: distinct
	// loaded importers, distinct imports outside the standard library.
	ca := make(map[string]map[string]bool)
	ce := make(map[string]map[string]bool)
	add := func(set map[string]map[string]bool, k, v string) {
		if set[k] == nil {
			set[k] = make(map[string]bool)
		}
		set[k][v] = true
	}
	c.imports(func(from *analyze.Package, to string) {
		if to == from.Path || c.ref(to).std {
			return
		}
		add(ca, to, from.Path)
		add(ce, from.Path, to)
	})
	byModule := make(map[*analyze.Module][]*analyze.Package)
	for _, p := range c.g.Packages {
		if p.Module != nil && counted(p) {
			byModule[p.Module] = append(byModule[p.Module], p)
		}
	}
	for _, mod := range slices.SortedFunc(maps.Keys(byModule), func(a, b *analyze.Module) int { return strings.Compare(a.Path, b.Path) }) {
		pkgs := byModule[mod]
		in := make(map[string]bool, len(pkgs))
		for _, p := range pkgs {
			in[p.Path] = true
		}
		others := len(pkgs) - 1
		for _, p := range pkgs {
			if p.Name == "main" {
				continue
			}
			var dependents []string
			for d := range ca[p.Path] {
				if in[d] {
					dependents = append(dependents, d)
				}
			}
			n := len(dependents)
			if n < minDependents || others <= 0 || float64(n) <= fanIn*float64(others) {
				continue
			}
			var own []string // the module's packages it imports
			for to := range ce[p.Path] {
				if in[to] {
					own = append(own, to)
				}
			}
			instability := float64(len(own)) / float64(n+len(own))
			if instability <= maxI || generated(p) {
				continue
			}
			slices.Sort(dependents)
			slices.Sort(own)
			caN, ceN := len(ca[p.Path]), len(ce[p.Path])
			msg := fmt.Sprintf("%s is imported by %d of the %d other packages of %s (%.0f%%, more than fan-in %g) and imports %d of them: instability %.2f within the module, above %g (archie metrics: Ca %d, Ce %d, I %.2f), so a change below it reaches most of the module",
				c.name(p.Path), n, others, mod.Path, 100*float64(n)/float64(others), fanIn, len(own), instability, maxI, caN, ceN, float64(ceN)/float64(caN+ceN))
			var ev []services.Evidence
			const most = 10 // evidence of each side, enough to see the shape
			for _, d := range dependents[:min(most, len(dependents))] {
				if sp := c.g.Positions(d, p.Path); len(sp) > 0 {
					ev = append(ev, services.Evidence{Pos: sp[0], Detail: c.name(d) + " imports " + c.name(p.Path)})
				}
			}
			for _, to := range own[:min(most, len(own))] {
				if sp := c.g.Positions(p.Path, to); len(sp) > 0 {
					ev = append(ev, services.Evidence{Pos: sp[0], Detail: c.name(p.Path) + " imports " + c.name(to)})
				}
			}
			v := c.smellViolation("god-package", sm, sev, p.Path, "", msg, ev)
			v.Position = c.clause(p)
			v.Resource = "package " + p.Path
			c.out = append(c.out, v)
		}
	}
}

// counted reports whether a package takes part in the god-package smell:
// it has code outside tests, and it is no test helper.
func counted(p *analyze.Package) bool {
	if len(p.GoFiles) == 0 {
		return false // test files only
	}
	name := strings.ToLower(p.Name)
	for _, s := range []string{"test", "testing", "testutil", "testutils", "testhelper", "testhelpers", "mock", "mocks"} {
		if strings.HasSuffix(name, s) {
			return false
		}
	}
	return true
}

// generated reports whether every non-test file of a package is generated
// code, as "// Code generated ... DO NOT EDIT." above its package clause
// says. A file that cannot be read counts as written by hand.
func generated(p *analyze.Package) bool {
	fset := token.NewFileSet()
	for _, name := range p.GoFiles {
		f, err := parser.ParseFile(fset, name, nil, parser.PackageClauseOnly|parser.ParseComments)
		if err != nil || !ast.IsGenerated(f) {
			return false
		}
	}
	return len(p.GoFiles) > 0
}

// clause places a package-level violation at the package clause of its
// first file, or at that file's first line when it cannot be read.
func (c *checker) clause(p *analyze.Package) Position {
	if len(p.GoFiles) == 0 {
		return Position{}
	}
	fset := token.NewFileSet()
	if f, err := parser.ParseFile(fset, p.GoFiles[0], nil, parser.PackageClauseOnly); err == nil {
		pos := fset.Position(f.Package)
		return c.position(pos.Filename, pos.Line, pos.Column)
	}
	return c.position(p.GoFiles[0], 1, 1)
}
