package rules

import (
	"fmt"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/archie-dev/archie/analyze"
)

var cyclesFamily = &Family{
	Name:    "cycles",
	Kind:    "cycle",
	Summary: "folders (components) must not depend on each other in a cycle",
	Doc: `cycles compares folders at a given depth below the module root (depth 2:
internal/billing, internal/ordering, cmd/server) and reports every set of
folders that import each other in a cycle. Go forbids cycles between packages
but not between the components they form, and a component cycle means none of
its folders can be understood, built or released alone. Each cycle is reported
once, with every import edge that forms it and the smallest set of folder
edges whose removal breaks it.`,
	run: checkCycles,
}

// defaultCycleDepth is the folder depth compared when cycles.depth is unset:
// internal/billing, pkg/api, cmd/server.
const defaultCycleDepth = 2

// A Cycle is a set of folders that import each other.
type Cycle struct {
	Folders []string     // sorted
	Edges   []FolderEdge // every edge between the folders
	Cut     []FolderEdge // the fewest edges whose removal breaks every cycle
}

// A FolderEdge is a dependency of one folder on another, made of imports.
type FolderEdge struct {
	From, To string
	Imports  []ImportRef
}

// An ImportRef is one import spec.
type ImportRef struct {
	From, To string // import paths
	Position Position
}

func checkCycles(c *checker) {
	cy := c.cfg.Cycles
	if cy == nil || cy.Severity == SeverityOff {
		return
	}
	depth := cy.Depth
	if depth == 0 {
		depth = defaultCycleDepth
	}
	type pair struct{ from, to string }
	folderOf := make(map[string]string)
	folder := func(p string) (string, bool) {
		if f, ok := folderOf[p]; ok {
			return f, f != ""
		}
		f := c.folder(p, depth)
		folderOf[p] = f
		return f, f != ""
	}
	imports := make(map[pair][]pair) // folder edge -> package imports
	c.imports(func(from *analyze.Package, to string) {
		a, ok := folder(from.Path)
		if !ok {
			return
		}
		b, ok := folder(to)
		if !ok || a == b {
			return
		}
		k := pair{a, b}
		imports[k] = append(imports[k], pair{from.Path, to})
	})
	succ := make(map[string][]string)
	for k := range imports {
		succ[k.from] = append(succ[k.from], k.to)
	}
	for _, comp := range stronglyConnected(succ) {
		if len(comp) < 2 {
			continue
		}
		in := make(map[string]bool)
		for _, f := range comp {
			in[f] = true
		}
		var edges []FolderEdge
		for k, ps := range imports {
			if !in[k.from] || !in[k.to] {
				continue
			}
			e := FolderEdge{From: k.from, To: k.to}
			for _, p := range ps {
				specs := c.g.Positions(p.from, p.to)
				if len(specs) == 0 {
					e.Imports = append(e.Imports, ImportRef{From: p.from, To: p.to})
				}
				for _, s := range specs {
					e.Imports = append(e.Imports, ImportRef{From: p.from, To: p.to, Position: c.position(s.Filename, s.Line, s.Column)})
				}
			}
			sort.Slice(e.Imports, func(i, j int) bool { return importLess(e.Imports[i], e.Imports[j]) })
			edges = append(edges, e)
		}
		sort.Slice(edges, func(i, j int) bool {
			if edges[i].From != edges[j].From {
				return edges[i].From < edges[j].From
			}
			return edges[i].To < edges[j].To
		})
		cut := minimalCut(comp, edges)
		first := cut[0].Imports[0]
		var parts []string
		for _, e := range cut {
			parts = append(parts, fmt.Sprintf("%s → %s (%s)", e.From, e.To, plural(len(e.Imports), "import")))
		}
		c.out = append(c.out, Violation{
			Kind: "cycle", Rule: "cycles", Severity: severityOf(cy.Severity), ADR: cy.ADR,
			From: first.From, To: first.To, Position: first.Position,
			Message: fmt.Sprintf("folders %s import each other in a cycle; cutting %s breaks it",
				strings.Join(comp, ", "), strings.Join(parts, " and ")),
			Cycle: &Cycle{Folders: comp, Edges: edges, Cut: cut},
		})
	}
}

// folder returns the folder a package belongs to at the given depth below
// its module root, relative to the config directory, or "" for packages
// outside the main modules.
func (c *checker) folder(p string, depth int) string {
	m := c.g.Module(p)
	if m == nil || !strings.HasPrefix(p, m.Path) {
		return ""
	}
	elems := splitPath(strings.TrimPrefix(p[len(m.Path):], "/"))
	if len(elems) > depth {
		elems = elems[:depth]
	}
	modRel, err := filepath.Rel(c.cfg.Dir, m.Dir)
	if err != nil {
		modRel = m.Dir
	}
	return path.Join(append([]string{filepath.ToSlash(modRel)}, elems...)...)
}

func importLess(a, b ImportRef) bool {
	if a.Position.File != b.Position.File {
		return a.Position.File < b.Position.File
	}
	if a.Position.Line != b.Position.Line {
		return a.Position.Line < b.Position.Line
	}
	if a.From != b.From {
		return a.From < b.From
	}
	return a.To < b.To
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// stronglyConnected returns the strongly connected components of a graph
// (Tarjan's algorithm), each sorted, in a deterministic order.
func stronglyConnected(succ map[string][]string) [][]string {
	var nodes []string
	seen := make(map[string]bool)
	for n, ss := range succ {
		for _, m := range append([]string{n}, ss...) {
			if !seen[m] {
				seen[m] = true
				nodes = append(nodes, m)
			}
		}
	}
	sort.Strings(nodes)
	for _, ss := range succ {
		sort.Strings(ss)
	}
	index := make(map[string]int)
	low := make(map[string]int)
	onStack := make(map[string]bool)
	var stack []string
	var comps [][]string
	var visit func(n string)
	visit = func(n string) {
		index[n] = len(index)
		low[n] = index[n]
		stack = append(stack, n)
		onStack[n] = true
		for _, m := range succ[n] {
			if _, ok := index[m]; !ok {
				visit(m)
				low[n] = min(low[n], low[m])
			} else if onStack[m] {
				low[n] = min(low[n], index[m])
			}
		}
		if low[n] == index[n] {
			var comp []string
			for {
				m := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				onStack[m] = false
				comp = append(comp, m)
				if m == n {
					break
				}
			}
			sort.Strings(comp)
			comps = append(comps, comp)
		}
	}
	for _, n := range nodes {
		if _, ok := index[n]; !ok {
			visit(n)
		}
	}
	sort.Slice(comps, func(i, j int) bool { return comps[i][0] < comps[j][0] })
	return comps
}

// exactWork bounds the exhaustive search for the smallest cut, in edge
// visits (subsets tried × edges). Past it, minimalCut settles for a greedy
// cut from which no edge can be put back; a large component is better
// served by a quick, good answer than a slow, perfect one.
const exactWork = 2_000_000

// minimalCut returns the fewest edges whose removal makes the component
// acyclic (a minimum feedback arc set), preferring edges with fewer imports.
// Small components are searched exhaustively by size; large ones get a
// greedy cut.
func minimalCut(nodes []string, edges []FolderEdge) []FolderEdge {
	cg := newCutGraph(nodes, edges)
	budget := exactWork / max(1, len(edges))
	skip := make([]bool, len(edges))
	for k := 1; k <= len(edges) && budget > 0; k++ {
		var best []int
		bestWeight := 0
		forEachSubset(len(edges), k, &budget, func(set []int) {
			w := 0
			for _, i := range set {
				w += cg.weight[i]
			}
			if best != nil && w >= bestWeight {
				return
			}
			for _, i := range set {
				skip[i] = true
			}
			if cg.acyclic(skip) {
				best, bestWeight = append([]int(nil), set...), w
			}
			for _, i := range set {
				skip[i] = false
			}
		})
		if best != nil {
			return pick(edges, best)
		}
	}
	return pick(edges, cg.greedyCut())
}

func pick(edges []FolderEdge, idx []int) []FolderEdge {
	out := make([]FolderEdge, len(idx))
	for i, j := range idx {
		out[i] = edges[j]
	}
	return out
}

// forEachSubset calls fn with every k-subset of 0..n-1 in lexicographic
// order, spending one unit of budget per subset.
func forEachSubset(n, k int, budget *int, fn func([]int)) {
	set := make([]int, k)
	var rec func(start, i int)
	rec = func(start, i int) {
		if *budget <= 0 {
			return
		}
		if i == k {
			*budget--
			fn(set)
			return
		}
		for j := start; j <= n-(k-i); j++ {
			set[i] = j
			rec(j+1, i+1)
		}
	}
	rec(0, 0)
}

// cutGraph is a component's folder graph with nodes and edges as integers,
// so that the acyclicity test at the heart of the search allocates nothing.
type cutGraph struct {
	n        int
	from, to []int
	weight   []int // imports per edge
	indeg    []int
	queue    []int
	out      [][]int // node -> edge indexes
}

func newCutGraph(nodes []string, edges []FolderEdge) *cutGraph {
	id := make(map[string]int, len(nodes))
	for i, n := range nodes {
		id[n] = i
	}
	g := &cutGraph{n: len(nodes), indeg: make([]int, len(nodes)), queue: make([]int, 0, len(nodes)), out: make([][]int, len(nodes))}
	for i, e := range edges {
		f, t := id[e.From], id[e.To]
		g.from, g.to = append(g.from, f), append(g.to, t)
		g.weight = append(g.weight, len(e.Imports))
		g.out[f] = append(g.out[f], i)
	}
	return g
}

// acyclic reports whether the graph has no cycle without the skipped
// edges (Kahn's algorithm).
func (g *cutGraph) acyclic(skip []bool) bool {
	clear(g.indeg)
	for i, t := range g.to {
		if !skip[i] {
			g.indeg[t]++
		}
	}
	q := g.queue[:0]
	for n, d := range g.indeg {
		if d == 0 {
			q = append(q, n)
		}
	}
	done := 0
	for len(q) > 0 {
		n := q[len(q)-1]
		q = q[:len(q)-1]
		done++
		for _, e := range g.out[n] {
			if skip[e] {
				continue
			}
			if g.indeg[g.to[e]]--; g.indeg[g.to[e]] == 0 {
				q = append(q, g.to[e])
			}
		}
	}
	return done == g.n
}

// greedyCut removes, while a cycle remains, the lightest edge of a cycle
// found by depth-first search, then puts back every removed edge that is
// not needed.
func (g *cutGraph) greedyCut() []int {
	skip := make([]bool, len(g.to))
	var removed []int
	for !g.acyclic(skip) {
		cyc := g.findCycle(skip)
		lightest := cyc[0]
		for _, e := range cyc[1:] {
			if g.weight[e] < g.weight[lightest] {
				lightest = e
			}
		}
		skip[lightest] = true
		removed = append(removed, lightest)
	}
	for i := len(removed) - 1; i >= 0; i-- {
		skip[removed[i]] = false
		if !g.acyclic(skip) {
			skip[removed[i]] = true
		}
	}
	var cut []int
	for e, s := range skip {
		if s {
			cut = append(cut, e)
		}
	}
	return cut
}

// findCycle returns the edges of one cycle left by the skipped edges.
func (g *cutGraph) findCycle(skip []bool) []int {
	state := make([]int8, g.n) // 0 new, 1 on the path, 2 done
	var path []int             // edges from the root to the current node
	var found []int
	var dfs func(n int) bool
	dfs = func(n int) bool {
		state[n] = 1
		for _, e := range g.out[n] {
			if skip[e] {
				continue
			}
			m := g.to[e]
			path = append(path, e)
			if state[m] == 1 {
				for j := len(path) - 1; j >= 0; j-- {
					found = append(found, path[j])
					if g.from[path[j]] == m {
						break
					}
				}
				return true
			}
			if state[m] == 0 && dfs(m) {
				return true
			}
			path = path[:len(path)-1]
		}
		state[n] = 2
		return false
	}
	for n := range g.n {
		if state[n] == 0 && dfs(n) {
			return found
		}
	}
	return nil
}
