package rules

import (
	"fmt"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/archie-dev/archie/analyze"
	"github.com/archie-dev/archie/analyze/services"
)

// Levels are the groupings a Diagram can draw, from finest to coarsest.
var Levels = []string{"package", "layer", "context", "hexagon", "module", "service"}

// DiagramOptions choose what a Diagram shows.
type DiagramOptions struct {
	Level string // one of Levels
	// Depth groups packages, at the package level, by their first Depth
	// folders below the module root (internal/billing); 0 keeps each one.
	Depth int
	// Focus is a node name or a package pattern: only the nodes it selects,
	// their direct neighbours and the edges that touch them are kept.
	Focus    string
	Std      bool // draw standard-library packages (one node "std" above the package level)
	External bool // draw packages of other modules (by module above the package level)
	// Unused adds the dependencies the config declares that no import
	// uses: each layer on the one below it, each context on those in its
	// uses list, each adapter on the ports.
	Unused bool
	// System is what the service level draws: the services' facts.
	System *services.System
}

// A Diagram is the import graph aggregated at one level: nodes are the
// config's groups (or packages, folders, modules) and edges count the
// imports between them.
type Diagram struct {
	Level string
	Nodes []*Node        // by rank, then name
	Edges []*DiagramEdge // by the order of their ends
	// Unplaced counts the loaded packages that belong to no node at this
	// level (packages in no layer, say): they are not drawn.
	Unplaced int
	// Hidden counts the nodes a focus left out.
	Hidden int
	// Unresolved counts, at the service level, the calls archie found but
	// could not attribute to a service: they have no edge.
	Unresolved int
	// Problems counts what could not be loaded or analysed of the code
	// drawn: while it is above 0, edges may be missing. The caller sets
	// it, and Met, when the problems were met as analyze.Problems says
	// it ("2 problems while loading the code"), where it knows.
	Problems int
	Met      string
}

// A Node is one box of a Diagram.
type Node struct {
	ID   string // the group's name, or a package folder or path
	Kind string // package, folder, layer, context, shared, core, ports, adapter, module, std, external, service, external-service
	// Rank places the node top to bottom: the config's order for layers,
	// otherwise importers above what they import, callers above what they
	// call (0 is the top).
	Rank     int
	Packages []string // the loaded packages it holds, sorted
	// Outside marks an external-service that is a host on the internet
	// (api.stripe.com), not a workload the deployment runs.
	Outside bool
}

// A DiagramEdge is the dependency of one node on another.
type DiagramEdge struct {
	From, To string
	Imports  int // package imports along the edge; 0 for a declared, unused edge
	// Rules are the rules that imports along the edge break, and
	// Violations how many violations they are.
	Rules      []string
	Violations int
	Declared   bool // the config declares this dependency
	// Kind is "" for imports. At the service level it is sync (calls),
	// async (messages), data (the two share a store; undirected, From
	// sorts first) or import (From imports code of To, which only the
	// cross-service-import smell finds).
	Kind string
	// Links are what a service-level edge stands for, each with its
	// evidence: the call targets, topics, shared tables or imports.
	Links []Link
}

// A Link is one fact behind a service-level edge.
type Link struct {
	Protocol string // grpc, http, kafka…; the store kind for data; "" for an import
	// Target is what the link goes through: a proto service, URL or env
	// key, a topic, "table orders", "package example.com/x".
	Target string
	// Ambiguous, when not "", says why the callee is not certain.
	Ambiguous string
	Evidence  []Evidence
}

// BuildDiagram aggregates the graph at a level, marking the edges whose
// imports the result's violations are about. cfg may be empty (no
// archie.yaml): the package and module levels need no config.
func BuildDiagram(cfg *Config, g *analyze.Graph, res *Result, opts DiagramOptions) (*Diagram, error) {
	c := &checker{cfg: cfg, g: g, refs: make(map[string]pkgRef)}
	if opts.Level == "service" {
		return c.serviceDiagram(res, opts)
	}
	place, err := c.placer(opts)
	if err != nil {
		return nil, err
	}
	if c.err != nil {
		return nil, c.err
	}
	d := &Diagram{Level: opts.Level}
	nodes := make(map[string]*Node)
	node := func(p string) (*Node, bool) {
		id, kind, ok := place(p)
		if !ok {
			return nil, false
		}
		n := nodes[id]
		if n == nil {
			n = &Node{ID: id, Kind: kind}
			nodes[id] = n
		}
		return n, true
	}
	type key struct{ from, to string }
	edges := make(map[key]*DiagramEdge)
	edge := func(from, to string) *DiagramEdge {
		e := edges[key{from, to}]
		if e == nil {
			e = &DiagramEdge{From: from, To: to}
			edges[key{from, to}] = e
		}
		return e
	}
	for _, p := range g.Packages {
		n, ok := node(p.Path)
		if !ok {
			d.Unplaced++
			continue
		}
		n.Packages = append(n.Packages, p.Path)
	}
	c.imports(func(from *analyze.Package, to string) {
		a, ok := node(from.Path)
		if !ok {
			return
		}
		if b, ok := node(to); ok && a != b {
			edge(a.ID, b.ID).Imports++
		}
	})
	if res != nil {
		for _, v := range res.Violations {
			if v.Kind == "exception-expired" {
				continue
			}
			a, aok := node(v.From)
			b, bok := node(v.To)
			if !aok || !bok || a == b {
				continue
			}
			e := edge(a.ID, b.ID)
			e.Violations++
			if !contains(e.Rules, v.Rule) {
				e.Rules = append(e.Rules, v.Rule)
				sort.Strings(e.Rules)
			}
		}
	}
	for _, dep := range c.declared(opts.Level) {
		if nodes[dep[0]] == nil || nodes[dep[1]] == nil {
			continue
		}
		if e, ok := edges[key{dep[0], dep[1]}]; ok {
			e.Declared = true
		} else if opts.Unused {
			edge(dep[0], dep[1]).Declared = true
		}
	}

	for _, n := range nodes {
		sort.Strings(n.Packages)
		d.Nodes = append(d.Nodes, n)
	}
	for _, e := range edges {
		d.Edges = append(d.Edges, e)
	}
	c.rank(d, opts.Level)
	if opts.Focus != "" {
		if err := c.focus(d, opts.Focus); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// placer returns the function that names the node a package belongs to
// at the level, or false when it is drawn at none.
func (c *checker) placer(opts DiagramOptions) (func(p string) (id, kind string, ok bool), error) {
	outside := func(p string) (string, string, bool) {
		r := c.ref(p)
		switch {
		case r.std && !opts.Std, !r.std && !opts.External:
			return "", "", false
		case opts.Level == "package" && r.std:
			return p, "std", true
		case r.std:
			return "std", "std", true
		case opts.Level == "package":
			return p, "external", true
		}
		return moduleRoot(p), "external", true
	}
	groups := func(gs []group, kind func(i int) string) func(p string) (string, string, bool) {
		a := c.assign(gs)
		return func(p string) (string, string, bool) {
			if !c.ref(p).local {
				return outside(p)
			}
			i := a.of(c, p)
			if i < 0 {
				return "", "", false
			}
			return gs[i].name, kind(i), true
		}
	}
	need := func(section string, present bool) error {
		if present {
			return nil
		}
		if c.cfg.File == "" {
			return fmt.Errorf("--level %s groups packages by the %s of archie.yaml, and there is none; use --level package or module, or write one (see docs/config.md)", opts.Level, section)
		}
		return fmt.Errorf("--level %s groups packages by the %s section of %s, which has none", opts.Level, section, c.cfg.File)
	}
	cfg := c.cfg
	switch opts.Level {
	case "package":
		return func(p string) (string, string, bool) {
			r := c.ref(p)
			if !r.local {
				return outside(p)
			}
			if opts.Depth > 0 {
				if f := c.folder(p, opts.Depth); f != "" && f != "." {
					return f, "folder", true
				}
			}
			if r.rel == "." || strings.HasPrefix(r.rel, "../") {
				return p, "package", true
			}
			return r.rel, "package", true
		}, nil
	case "layer":
		if err := need("layers", cfg.Layers != nil); err != nil {
			return nil, err
		}
		gs := make([]group, len(cfg.Layers.Order))
		for i, l := range cfg.Layers.Order {
			gs[i] = group{name: l.Name, what: "layer", patterns: l.Packages}
		}
		return groups(gs, func(int) string { return "layer" }), nil
	case "context":
		if err := need("contexts", cfg.Contexts != nil); err != nil {
			return nil, err
		}
		var gs []group
		for _, cx := range cfg.Contexts.List {
			gs = append(gs, group{name: cx.Name, what: "context", patterns: cx.Packages})
		}
		n := len(gs)
		if len(cfg.Contexts.Shared) > 0 {
			gs = append(gs, group{name: "shared kernel", what: "shared kernel", patterns: cfg.Contexts.Shared})
		}
		return groups(gs, func(i int) string {
			if i == n {
				return "shared"
			}
			return "context"
		}), nil
	case "hexagon":
		if err := need("hexagonal", cfg.Hexagonal != nil); err != nil {
			return nil, err
		}
		h := cfg.Hexagonal
		place := groups([]group{
			{name: "core", what: "hexagonal", patterns: h.Core},
			{name: "ports", what: "hexagonal", patterns: h.Ports},
			{name: "adapters", what: "hexagonal", patterns: h.Adapters},
		}, func(i int) string { return [...]string{"core", "ports", "adapter"}[i] })
		return func(p string) (string, string, bool) {
			id, kind, ok := place(p)
			if ok && kind == "adapter" {
				if name, one := c.adapterOf(p); one {
					return name, kind, true
				}
			}
			return id, kind, ok
		}, nil
	case "module":
		return func(p string) (string, string, bool) {
			if m := c.g.Module(p); m != nil {
				return m.Path, "module", true
			}
			return outside(p)
		}, nil
	}
	return nil, fmt.Errorf("unknown --level %q: use one of %s", opts.Level, strings.Join(Levels, ", "))
}

// declared lists the dependencies the config declares at a level.
func (c *checker) declared(level string) [][2]string {
	var out [][2]string
	cfg := c.cfg
	switch {
	case level == "layer" && cfg.Layers != nil:
		for i := 0; i+1 < len(cfg.Layers.Order); i++ {
			out = append(out, [2]string{cfg.Layers.Order[i].Name, cfg.Layers.Order[i+1].Name})
		}
	case level == "context" && cfg.Contexts != nil:
		for _, cx := range cfg.Contexts.List {
			for _, u := range cx.Uses {
				out = append(out, [2]string{cx.Name, u.Text})
			}
		}
	case level == "hexagon" && cfg.Hexagonal != nil:
		seen := make(map[string]bool)
		for _, p := range c.g.Packages {
			if a, ok := c.adapterOf(p.Path); ok && !seen[a] {
				seen[a] = true
				out = append(out, [2]string{a, "ports"})
			}
		}
	}
	return out
}

// rank orders the nodes top to bottom and sorts nodes and edges by it.
// Layers keep the config's order; otherwise a node sits above everything
// it imports, with the members of a cycle side by side.
func (c *checker) rank(d *Diagram, level string) {
	var order map[string]int
	if level == "layer" {
		order = make(map[string]int)
		for i, l := range c.cfg.Layers.Order {
			order[l.Name] = i
		}
	}
	rankDiagram(d, order)
}

// rankDiagram ranks the nodes in the given order, or when order is nil
// each above what it depends on, and sorts nodes and edges by rank.
func rankDiagram(d *Diagram, order map[string]int) {
	if order != nil {
		bottom := len(order)
		for _, n := range d.Nodes {
			if r, ok := order[n.ID]; ok {
				n.Rank = r
			} else {
				n.Rank = bottom // std, external
			}
		}
	} else {
		succ := make(map[string][]string)
		for _, n := range d.Nodes {
			succ[n.ID] = nil
		}
		for _, e := range d.Edges {
			if e.Imports > 0 || e.Kind != "" && e.Kind != "data" {
				succ[e.From] = append(succ[e.From], e.To)
			}
		}
		comp := make(map[string]int)
		comps := stronglyConnected(succ)
		for i, cs := range comps {
			for _, n := range cs {
				comp[n] = i
			}
		}
		// height is the longest chain of dependencies below a component.
		height := make([]int, len(comps))
		done := make([]bool, len(comps))
		var visit func(i int) int
		visit = func(i int) int {
			if done[i] {
				return height[i]
			}
			done[i] = true // a cycle is one component, so no recursion back here
			h := 0
			for _, n := range comps[i] {
				for _, m := range succ[n] {
					if j := comp[m]; j != i {
						h = max(h, visit(j)+1)
					}
				}
			}
			height[i] = h
			return h
		}
		top := 0
		for i := range comps {
			top = max(top, visit(i))
		}
		for _, n := range d.Nodes {
			n.Rank = top - height[comp[n.ID]]
		}
	}
	pos := make(map[string]int)
	sort.Slice(d.Nodes, func(i, j int) bool {
		a, b := d.Nodes[i], d.Nodes[j]
		if a.Rank != b.Rank {
			return a.Rank < b.Rank
		}
		return a.ID < b.ID
	})
	for i, n := range d.Nodes {
		pos[n.ID] = i
	}
	sort.Slice(d.Edges, func(i, j int) bool {
		a, b := d.Edges[i], d.Edges[j]
		if pos[a.From] != pos[b.From] {
			return pos[a.From] < pos[b.From]
		}
		if pos[a.To] != pos[b.To] {
			return pos[a.To] < pos[b.To]
		}
		return slices.Index(EdgeKinds, a.Kind) < slices.Index(EdgeKinds, b.Kind)
	})
}

// focus keeps the nodes the focus selects, their neighbours, and the edges
// that touch a selected node.
func (c *checker) focus(d *Diagram, focus string) error {
	selected := make(map[string]bool)
	for _, n := range d.Nodes {
		if n.ID == focus {
			selected[n.ID] = true
		}
	}
	if len(selected) == 0 {
		pat, err := ParsePattern(focus)
		if err != nil {
			return fmt.Errorf("--focus %q: %v", focus, err)
		}
		for _, n := range d.Nodes {
			for _, p := range n.Packages {
				if pat.match(c.ref(p)) {
					selected[n.ID] = true
					break
				}
			}
		}
	}
	if len(selected) == 0 {
		var ids []string
		for _, n := range d.Nodes {
			ids = append(ids, n.ID)
		}
		hint := ""
		if s := suggest(focus, ids); s != "" {
			hint = fmt.Sprintf(" (did you mean %q?)", s)
		}
		return fmt.Errorf("--focus %q names no node and matches no package at level %s%s", focus, d.Level, hint)
	}
	keep := make(map[string]bool)
	var edges []*DiagramEdge
	for _, e := range d.Edges {
		if selected[e.From] || selected[e.To] {
			edges = append(edges, e)
			keep[e.From], keep[e.To] = true, true
		}
	}
	var nodes []*Node
	for _, n := range d.Nodes {
		if selected[n.ID] || keep[n.ID] {
			nodes = append(nodes, n)
		}
	}
	d.Hidden = len(d.Nodes) - len(nodes)
	d.Nodes, d.Edges = nodes, edges
	return nil
}

// moduleRoot guesses the module of a package outside the main modules from
// its path: three elements on the big code hosts and golang.org/x, two
// elsewhere (gopkg.in/yaml.v3, k8s.io/api).
func moduleRoot(p string) string {
	elems := strings.Split(p, "/")
	n := 2
	switch elems[0] {
	case "github.com", "gitlab.com", "bitbucket.org", "golang.org", "codeberg.org":
		n = 3
	}
	if len(elems) <= n {
		return p
	}
	return path.Join(elems[:n]...)
}
