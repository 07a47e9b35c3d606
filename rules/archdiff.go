package rules

import (
	"slices"
	"sort"
	"strings"

	"github.com/archie-dev/archie/analyze"
)

// An Architecture is what one revision of the code looks like at a level:
// the dependencies between its components, with the package imports behind
// each, its violations and its cycles. It holds no reference to the code,
// so that it outlives the temporary checkout of a base revision.
type Architecture struct {
	Level string
	Edges []ArchEdge // sorted by From, To
	// Violations are the check's violations, as rules.Check returned them.
	Violations []Violation
	// Cycles are the sets of components that depend on one another in a
	// circle, each sorted.
	Cycles [][]string
}

// An ArchEdge is the dependency of one component on another.
type ArchEdge struct {
	From, To string
	// Imports are the package imports behind the edge, sorted, each at
	// its first import spec.
	Imports []ImportRef
	// Rules are the rules that imports along the edge break.
	Rules []string
}

// NewArchitecture takes the architecture of a checked graph at the level
// of opts (Focus, Std and External are ignored). It reads the import specs
// of the packages with an import between components, so a caller that
// checked out a revision must call it before removing the checkout.
func NewArchitecture(cfg *Config, g *analyze.Graph, res *Result, opts DiagramOptions) (*Architecture, error) {
	opts.Focus, opts.Std, opts.External, opts.Unused = "", false, false, false
	d, err := BuildDiagram(cfg, g, res, opts)
	if err != nil {
		return nil, err
	}
	node := make(map[string]string)
	for _, n := range d.Nodes {
		for _, p := range n.Packages {
			node[p] = n.ID
		}
	}
	a := &Architecture{Level: d.Level}
	edges := make(map[[2]string]*ArchEdge)
	for _, e := range d.Edges {
		edges[[2]string{e.From, e.To}] = &ArchEdge{From: e.From, To: e.To, Rules: e.Rules}
	}
	c := &checker{cfg: cfg, g: g}
	c.imports(func(from *analyze.Package, to string) {
		a, b := node[from.Path], node[to]
		if a == "" || b == "" || a == b {
			return
		}
		e := edges[[2]string{a, b}]
		if e == nil {
			return
		}
		ref := ImportRef{From: from.Path, To: to}
		if specs := g.Positions(from.Path, to); len(specs) > 0 {
			ref.Position = positionIn(cfg.Dir, specs[0].Filename, specs[0].Line, specs[0].Column)
		}
		e.Imports = append(e.Imports, ref)
	})
	succ := make(map[string][]string)
	for _, e := range edges {
		if len(e.Imports) == 0 {
			continue // only declared
		}
		a.Edges = append(a.Edges, *e)
		succ[e.From] = append(succ[e.From], e.To)
	}
	sort.Slice(a.Edges, func(i, j int) bool { return edgeLess(a.Edges[i], a.Edges[j]) })
	for _, comp := range stronglyConnected(succ) {
		if len(comp) > 1 {
			a.Cycles = append(a.Cycles, comp)
		}
	}
	if res != nil {
		a.Violations = slices.Clone(res.Violations)
	}
	return a, nil
}

func edgeLess(a, b ArchEdge) bool {
	if a.From != b.From {
		return a.From < b.From
	}
	return a.To < b.To
}

// An ArchDiff is what a change does to the architecture: the edges between
// components it adds and removes, the violations it adds and fixes, and
// the cycles between components it closes.
type ArchDiff struct {
	Level string
	// Added are the head's edges the base does not have, with the head's
	// imports; Removed the base's edges the head does not have, with the
	// base's imports.
	Added, Removed []ArchEdge
	// New are the head's violations the base does not have, Fixed the
	// base's the head does not have. Violations are told apart as the
	// baseline tells them (rule, kind, from, to, resource; how often, and
	// in which files), so that a moved import is neither.
	New, Fixed []Violation
	// NewCycles are the head's cycles between components that no cycle of
	// the base contains.
	NewCycles [][]string
}

// Empty reports whether the change leaves the architecture as it was.
func (d *ArchDiff) Empty() bool {
	return len(d.Added) == 0 && len(d.Removed) == 0 && len(d.New) == 0 && len(d.Fixed) == 0 && len(d.NewCycles) == 0
}

// NewErrors counts the new violations of severity error.
func (d *ArchDiff) NewErrors() int {
	n := 0
	for _, v := range d.New {
		if v.Severity == SeverityError {
			n++
		}
	}
	return n
}

// CompareArchitecture returns what changed from base to head, which must
// be taken at the same level.
func CompareArchitecture(base, head *Architecture) *ArchDiff {
	d := &ArchDiff{Level: head.Level}
	d.Added = edgesNotIn(head.Edges, base.Edges)
	d.Removed = edgesNotIn(base.Edges, head.Edges)
	d.New = violationsNotIn(head.Violations, base.Violations)
	d.Fixed = violationsNotIn(base.Violations, head.Violations)
	for _, c := range head.Cycles {
		if !slices.ContainsFunc(base.Cycles, func(b []string) bool { return subset(c, b) }) {
			d.NewCycles = append(d.NewCycles, c)
		}
	}
	return d
}

func edgesNotIn(es, others []ArchEdge) []ArchEdge {
	have := make(map[[2]string]bool, len(others))
	for _, e := range others {
		have[[2]string{e.From, e.To}] = true
	}
	var out []ArchEdge
	for _, e := range es {
		if !have[[2]string{e.From, e.To}] {
			out = append(out, e)
		}
	}
	return out
}

// violationsNotIn returns the violations of vs that others, taken as a
// baseline, does not cover.
func violationsNotIn(vs, others []Violation) []Violation {
	r := &Result{Violations: slices.Clone(vs)}
	for i := range r.Violations {
		r.Violations[i].Baselined = false
	}
	NewBaseline(others).Apply(r)
	var out []Violation
	for _, v := range r.Violations {
		if !v.Baselined {
			out = append(out, v)
		}
	}
	return out
}

// subset reports whether every element of a, sorted, is in b, sorted.
func subset(a, b []string) bool {
	for _, s := range a {
		if _, ok := slices.BinarySearch(b, s); !ok {
			return false
		}
	}
	return true
}

// EdgeViolations are the violations of vs along an edge: those whose
// import is one of the edge's imports.
func EdgeViolations(e ArchEdge, vs []Violation) []Violation {
	var out []Violation
	for _, v := range vs {
		for _, imp := range e.Imports {
			if v.From == imp.From && v.To == imp.To {
				out = append(out, v)
				break
			}
		}
	}
	return out
}

// String names the edge as messages do.
func (e ArchEdge) String() string {
	return strings.Join([]string{e.From, e.To}, " → ")
}
