package rules

import (
	"fmt"
	"go/parser"
	"go/token"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

var exhaustiveFamily = &Family{
	Name:    "exhaustive",
	Kind:    "unassigned",
	Summary: "every package of the module is in a layer, a context or a hexagon zone",
	Doc: `With exhaustive: true, a package of the module that no layer, context (its
packages, its api or the shared kernel) or hexagon zone (core, ports,
adapters) claims is a violation at its package clause. The import rules
constrain only the packages they name, so a new folder nobody placed is
checked by none of them: exhaustive makes placing it part of adding it. List
under except what is deliberately outside the architecture (tools,
generated code).`,
	run: checkExhaustive,
}

// Exhaustive asks every package of the module to be placed. It is written
// exhaustive: true, or as a mapping with severity, except, adr and why.
type Exhaustive struct {
	Severity Severity `yaml:"severity"`
	Except   Patterns `yaml:"except"`
	ADR      int      `yaml:"adr"`
	Why      string   `yaml:"why"`
	Pos      Pos      `yaml:"-"`
	off      bool
}

// UnmarshalYAML reads exhaustive: true, exhaustive: false or a mapping.
func (e *Exhaustive) UnmarshalYAML(n *yaml.Node) error {
	e.Pos = pos(n)
	if n.Kind == yaml.ScalarNode {
		var on bool
		if err := n.Decode(&on); err != nil {
			return &ConfigError{Pos: pos(n), Msg: fmt.Sprintf("exhaustive is %q; write true, false, or a mapping with severity, except, adr and why", n.Value)}
		}
		e.off = !on
		return nil
	}
	type plain Exhaustive
	return n.Decode((*plain)(e))
}

func (e *Exhaustive) on() bool { return e != nil && !e.off && e.Severity != SeverityOff }

func checkExhaustive(c *checker) {
	e := c.cfg.Exhaustive
	if !e.on() {
		return
	}
	var claims []Patterns
	var places []string
	if l := c.cfg.Layers; l != nil {
		for _, layer := range l.Order {
			claims = append(claims, layer.Packages)
		}
		places = append(places, "layer")
	}
	if cx := c.cfg.Contexts; cx != nil {
		claims = append(claims, cx.Shared)
		for _, ctx := range cx.List {
			claims = append(claims, ctx.Packages, ctx.API)
		}
		places = append(places, "context")
	}
	if h := c.cfg.Hexagonal; h != nil {
		claims = append(claims, h.Core, h.Ports, h.Adapters)
		places = append(places, "hexagon zone")
	}
	where := strings.Join(places, ", ")
	if i := strings.LastIndex(where, ", "); i >= 0 {
		where = where[:i] + " or " + where[i+2:]
	}
	for _, p := range c.g.Packages {
		r := c.ref(p.Path)
		if !r.local || strings.HasPrefix(r.rel, "../") {
			continue
		}
		if _, ok := e.Except.matchAny(r); ok {
			continue
		}
		claimed := false
		for _, ps := range claims {
			if _, ok := ps.matchAny(r); ok {
				claimed = true
				break
			}
		}
		if claimed {
			continue
		}
		v := Violation{Kind: "unassigned", Rule: "exhaustive", Severity: severityOf(e.Severity), From: p.Path, ADR: e.ADR, Why: e.Why,
			Message: fmt.Sprintf("%s is in no %s: place it, or list it under exhaustive.except", c.name(p.Path), where)}
		if file, line, col, ok := packageClause(p.GoFiles); ok {
			v.Position = c.position(file, line, col)
		}
		c.out = append(c.out, v)
	}
}

// packageClause finds the package clause of a package: in its first file,
// by name, whose clause parses.
func packageClause(files []string) (string, int, int, bool) {
	files = append([]string(nil), files...)
	sort.Strings(files)
	fset := token.NewFileSet()
	for _, f := range files {
		ast, err := parser.ParseFile(fset, f, nil, parser.PackageClauseOnly)
		if err != nil || ast == nil {
			continue
		}
		p := fset.Position(ast.Package)
		return f, p.Line, p.Column, true
	}
	return "", 0, 0, false
}
