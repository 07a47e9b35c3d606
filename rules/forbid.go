package rules

import (
	"fmt"
	"strings"

	"github.com/archie-dev/archie/analyze"
)

var rulesFamily = &Family{
	Name:    "rules",
	Kind:    "forbid",
	Summary: "free-form import rules: what a group of packages may not import, or may only import",
	Doc: `rules are named import rules. forbid lists what the rule's packages may not
import; allow lists the only packages they may import besides the rule's own
packages (the standard library only if std is listed). Each rule has its own
severity (error, warning or off), a why that is shown with every violation,
and optionally the number of the ADR that decided it. With transitive: true
a rule's packages may not reach what forbid lists through any chain of
imports of the module either: each package is reported once per forbidden
package it reaches, with the shortest chain, at its first import on it.`,
	run: checkRules,
}

func checkRules(c *checker) {
	for _, rule := range c.cfg.Rules {
		if rule.Severity == SeverityOff {
			continue
		}
		c.imports(func(from *analyze.Package, to string) {
			if !rule.Packages.has(c.ref(from.Path)) {
				return
			}
			r := c.ref(to)
			var msg string
			switch {
			case rule.Forbid.has(r):
				msg = fmt.Sprintf("%s imports %s, which %s forbids", c.name(from.Path), c.name(to), rule.Name)
			case rule.Allow != nil && !rule.Allow.has(r) && !rule.Packages.has(r):
				msg = fmt.Sprintf("%s imports %s, which is not in the allow list of %s", c.name(from.Path), c.name(to), rule.Name)
			default:
				return
			}
			c.report(edge{kind: "forbid", rule: rule.Name, severity: severityOf(rule.Severity), adr: rule.ADR, why: rule.Why,
				from: from.Path, to: to, message: msg})
		})
		if rule.Transitive && c.only == "" {
			c.reach(rule)
		}
	}
}

// reach reports the packages of a transitive rule that reach a forbidden
// package through other packages: one violation per package and
// forbidden package, with the shortest chain, located at the chain's
// first import. What a package imports directly the direct rule reports.
// A chain ends at the first forbidden package it meets: cutting that
// import cuts what lies behind it too.
func (c *checker) reach(rule *Rule) {
	ig := c.importGraph()
	forbidden := func(p string) bool { return rule.Forbid.has(c.ref(p)) }
	var sources []string
	for _, p := range c.g.Packages {
		if rule.Packages.has(c.ref(p.Path)) && !forbidden(p.Path) {
			sources = append(sources, p.Path)
		}
	}
	if len(sources) == 0 {
		return
	}
	for _, target := range ig.ordered {
		if !forbidden(target) {
			continue
		}
		dist := ig.distances(target, forbidden)
		if len(dist) == 1 {
			continue // nothing reaches it
		}
		for _, from := range sources {
			direct := false
			ig.next(from, true, func(q string) { direct = direct || q == target })
			if direct {
				continue
			}
			chain := ig.walk(from, dist, true)
			if chain == nil {
				continue
			}
			names := make([]string, len(chain))
			for i, p := range chain {
				names[i] = c.name(p)
			}
			v := Violation{Kind: "forbid", Rule: rule.Name, Severity: severityOf(rule.Severity), ADR: rule.ADR, Why: rule.Why,
				From: from, To: target, Chain: chain,
				Message: fmt.Sprintf("%s reaches %s through %s, which %s forbids", c.name(from), c.name(target), strings.Join(names, " -> "), rule.Name)}
			v.Position, _ = c.importPosition(from, chain[1], c.cfg.Tests)
			c.out = append(c.out, v)
		}
	}
}

// importGraph is the graph as adjacency lists, built on first use.
func (c *checker) importGraph() *importGraph {
	if c.ig == nil {
		c.ig = newImportGraph(c.g, c.cfg.Tests)
	}
	return c.ig
}

// importPosition is where package from imports to: the first spec in a
// non-test file, else, when test files count, the first in a test file.
func (c *checker) importPosition(from, to string, tests bool) (Position, bool) {
	return importPosition(c.g, c.cfg.Dir, from, to, tests)
}

func importPosition(g *analyze.Graph, dir, from, to string, tests bool) (Position, bool) {
	var test *Position
	for _, s := range g.Positions(from, to) {
		p := positionIn(dir, s.Filename, s.Line, s.Column)
		if !strings.HasSuffix(s.Filename, "_test.go") {
			return p, true
		}
		if test == nil {
			test = &p
		}
	}
	if test != nil && tests {
		return *test, true
	}
	return Position{}, false
}
