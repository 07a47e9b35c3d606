package rules

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/archie-dev/archie/analyze"
)

// importGraph is the package graph as adjacency lists, for searches over
// chains of imports. Only loaded packages import anything; the packages
// they import that were not loaded (standard library, other modules) are
// nodes without imports.
//
// A package's tests are built only when that package is tested, so test
// imports, when the config counts them, are followed only from the first
// package of a chain: a test of another package on the way is not part of
// what the first one builds.
type importGraph struct {
	out     map[string][]analyze.Import // sorted by path
	rev     map[string][]string         // non-test importers, sorted
	tests   bool
	known   map[string]bool // every package the graph names
	ordered []string        // known, sorted
}

func newImportGraph(g *analyze.Graph, tests bool) *importGraph {
	ig := &importGraph{out: make(map[string][]analyze.Import), rev: make(map[string][]string), tests: tests, known: make(map[string]bool)}
	for _, p := range g.Packages { // sorted by path, so rev comes out sorted
		ig.out[p.Path] = p.Imports
		ig.known[p.Path] = true
		for _, imp := range p.Imports {
			ig.known[imp.Path] = true
			if !imp.Test {
				ig.rev[imp.Path] = append(ig.rev[imp.Path], p.Path)
			}
		}
	}
	for p := range ig.known {
		ig.ordered = append(ig.ordered, p)
	}
	slices.Sort(ig.ordered)
	return ig
}

// next calls fn for every package p imports that a chain may follow
// from it, in import-path order; first says p starts the chain.
func (ig *importGraph) next(p string, first bool, fn func(to string)) {
	for _, imp := range ig.out[p] {
		if imp.Test && !(first && ig.tests) {
			continue
		}
		fn(imp.Path)
	}
}

// shortest returns a shortest chain from a package of from to a package
// of to, or nil. A chain stops at the first package of to it meets and
// never passes through a package of banned; skip lists the first hops
// (from -> to, keyed by edgeKey(from, to)) it may not take. Of several
// shortest chains it returns the first in the order of package paths, so
// that answers do not change from run to run. An empty from package set
// has no chain. middle says the packages of from are not the first of the
// chain, so that their test imports are not followed.
func (ig *importGraph) shortest(from []string, to func(string) bool, banned, skip map[string]bool, middle bool) []string {
	parent := make(map[string]string)
	seen := make(map[string]bool)
	var queue []string
	for _, f := range from {
		// A package of to has no chain to itself: it starts none.
		if !seen[f] && !banned[f] && !to(f) {
			seen[f] = true
			queue = append(queue, f)
		}
	}
	starts := make(map[string]bool, len(queue))
	for _, f := range queue {
		starts[f] = true
	}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		if to(p) {
			var chain []string
			for q := p; ; q = parent[q] {
				chain = append(chain, q)
				if starts[q] {
					break
				}
			}
			slices.Reverse(chain)
			return chain
		}
		ig.next(p, starts[p] && !middle, func(q string) {
			if seen[q] || banned[q] || skip[edgeKey(p, q)] {
				return
			}
			seen[q] = true
			parent[q] = p
			queue = append(queue, q)
		})
	}
	return nil
}

func edgeKey(from, to string) string { return from + "\x00" + to }

// chains returns up to n shortest distinct chains from a package of from
// to a package of to, shortest first (Yen's algorithm on the unweighted
// graph): each further chain deviates from one already found at some
// package, so the search costs n × chain length breadth-first searches,
// never an enumeration of all paths.
func (ig *importGraph) chains(from []string, to func(string) bool, n int) [][]string {
	first := ig.shortest(from, to, nil, nil, false)
	if first == nil || n <= 0 {
		return nil
	}
	found := [][]string{first}
	var candidates [][]string
	has := func(list [][]string, c []string) bool {
		return slices.ContainsFunc(list, func(x []string) bool { return slices.Equal(x, c) })
	}
	for len(found) < n {
		last := found[len(found)-1]
		// Deviate before the first package (start from another package
		// of from, j = -1), then at each package j of the last chain but
		// its end, keeping last[:j] and leaving last[j] by another import.
		for j := -1; j < len(last)-1; j++ {
			var spur []string
			if j < 0 {
				used := make(map[string]bool)
				for _, c := range found {
					used[c[0]] = true
				}
				var starts []string
				for _, f := range from {
					if !used[f] {
						starts = append(starts, f)
					}
				}
				spur = ig.shortest(starts, to, nil, nil, false)
			} else {
				root := last[:j+1]
				banned := make(map[string]bool)
				for _, p := range last[:j] {
					banned[p] = true
				}
				skip := make(map[string]bool)
				for _, c := range found {
					if len(c) > j+1 && slices.Equal(c[:j+1], root) {
						skip[edgeKey(c[j], c[j+1])] = true
					}
				}
				// Past the first package, a test import is not followed.
				spur = ig.shortest([]string{last[j]}, to, banned, skip, j > 0)
			}
			if spur == nil {
				continue
			}
			c := append(slices.Clone(last[:max(j, 0)]), spur...)
			if !has(found, c) && !has(candidates, c) {
				candidates = append(candidates, c)
			}
		}
		if len(candidates) == 0 {
			break
		}
		best := 0
		for j, c := range candidates {
			if b := candidates[best]; len(c) < len(b) || len(c) == len(b) && strings.Join(c, "\n") < strings.Join(b, "\n") {
				best = j
			}
		}
		found = append(found, candidates[best])
		candidates = slices.Delete(candidates, best, best+1)
	}
	return found
}

// distances returns, for every package that reaches target through
// non-test imports without passing through a package of stop, the
// number of imports on its shortest chain to target (target itself: 0).
// Packages of stop have no distance: a chain never passes through one.
func (ig *importGraph) distances(target string, stop func(string) bool) map[string]int {
	dist := map[string]int{target: 0}
	queue := []string{target}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		for _, q := range ig.rev[p] {
			if _, ok := dist[q]; !ok && (q == target || !stop(q)) {
				dist[q] = dist[p] + 1
				queue = append(queue, q)
			}
		}
	}
	return dist
}

// walk is the shortest chain from p to the target of dist, first in
// the order of package paths; p's own test imports count when first is
// true and the config counts tests.
func (ig *importGraph) walk(p string, dist map[string]int, first bool) []string {
	chain := []string{p}
	d, ok := dist[p]
	if first {
		// p's test imports may make it closer than dist says.
		d, ok = 1<<30, false
		ig.next(p, true, func(q string) {
			if dq, found := dist[q]; found && dq+1 < d {
				d, ok = dq+1, true
			}
		})
	}
	for ok && d > 0 {
		var step string
		ig.next(p, first, func(q string) {
			if dq, found := dist[q]; step == "" && found && dq == d-1 {
				step = q
			}
		})
		if step == "" {
			return nil
		}
		chain = append(chain, step)
		p, d, first = step, d-1, false
	}
	if !ok {
		return nil
	}
	return chain
}

// An ImportChain is one chain of imports from a package to another.
type ImportChain struct {
	Packages []string   // import paths, first to last
	Imports  []Position // Imports[i] is where Packages[i] imports Packages[i+1]; relative to the config directory
}

// Chains returns up to n shortest distinct chains of imports from a
// package that from names to one that to names, shortest first, and none
// when no chain exists. from and to are import paths or patterns
// (./relative ones start at dir, an absolute directory) or the name of a
// layer or a context of cfg, which stands for its packages. Test imports
// count, from the first package of a chain, when cfg.Tests is set. An
// argument that names no package is an error with a did-you-mean hint.
func Chains(cfg *Config, g *analyze.Graph, dir, from, to string, n int) ([]ImportChain, error) {
	c := &checker{cfg: cfg, g: g, refs: make(map[string]pkgRef)}
	ig := c.importGraph()
	src, err := c.selectPackages(dir, from)
	if err != nil {
		return nil, err
	}
	dst, err := c.selectPackages(dir, to)
	if err != nil {
		return nil, err
	}
	in := make(map[string]bool, len(dst))
	for _, p := range dst {
		in[p] = true
	}
	out := []ImportChain{}
	for _, chain := range ig.chains(src, func(p string) bool { return in[p] }, n) {
		ic := ImportChain{Packages: chain}
		for i := range chain[1:] {
			pos, _ := importPosition(g, cfg.Dir, chain[i], chain[i+1], cfg.Tests && i == 0)
			ic.Imports = append(ic.Imports, pos)
		}
		out = append(out, ic)
	}
	return out, nil
}

// selectPackages is the packages of the graph, loaded or imported, that
// arg names: a layer or context of the config, else a pattern.
func (c *checker) selectPackages(dir, arg string) ([]string, error) {
	ig := c.importGraph()
	var groups []group
	if l := c.cfg.Layers; l != nil {
		gs := make([]group, len(l.Order))
		for i, layer := range l.Order {
			gs[i] = group{name: layer.Name, what: "layer", patterns: layer.Packages}
		}
		groups = append(groups, gs...)
	}
	if cx := c.cfg.Contexts; cx != nil {
		for _, ctx := range cx.List {
			groups = append(groups, group{name: ctx.Name, what: "context", patterns: ctx.Packages})
		}
	}
	var names []string
	for i, gr := range groups {
		names = append(names, gr.name)
		if gr.name != arg {
			continue
		}
		// The packages the component claims in its section: the most
		// specific group of the section wins, as in the check.
		var section []group
		for _, other := range groups {
			if other.what == gr.what {
				section = append(section, other)
			}
		}
		a := c.assign(section)
		if c.err != nil {
			return nil, c.err
		}
		idx := slices.IndexFunc(section, func(s group) bool { return s.name == gr.name })
		var out []string
		for _, p := range c.g.Packages {
			if a.of(c, p.Path) == idx {
				out = append(out, p.Path)
			}
		}
		for _, other := range groups[i+1:] {
			if other.name == arg {
				return nil, fmt.Errorf("%q is both a %s and a %s: name its packages with a pattern instead", arg, gr.what, other.what)
			}
		}
		if len(out) == 0 {
			return nil, fmt.Errorf("%s %q has no package in the code loaded", gr.what, arg)
		}
		return out, nil
	}

	pat, err := ParsePattern(arg)
	if err != nil {
		return nil, err
	}
	if pat.rel {
		// Relative to dir on the command line; patterns match relative to
		// the config's directory.
		rel, err := filepath.Rel(c.cfg.Dir, filepath.Join(dir, filepath.FromSlash(arg)))
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return nil, fmt.Errorf("%s is outside %s, the folder of the config", arg, c.cfg.Dir)
		}
		text := "./" + filepath.ToSlash(rel)
		if strings.HasSuffix(arg, "/...") && !strings.HasSuffix(text, "/...") {
			text += "/..."
		}
		if pat, err = ParsePattern(text); err != nil {
			return nil, err
		}
	}
	var out []string
	for _, p := range ig.ordered {
		if pat.match(c.ref(p)) {
			out = append(out, p)
		}
	}
	if len(out) > 0 {
		return out, nil
	}
	candidates := names
	for _, p := range ig.ordered {
		if r := c.ref(p); r.local && strings.HasPrefix(arg, ".") {
			if rel, err := filepath.Rel(dir, filepath.Join(c.cfg.Dir, filepath.FromSlash(r.rel))); err == nil {
				candidates = append(candidates, "./"+filepath.ToSlash(rel))
			}
		} else if !strings.HasPrefix(arg, ".") {
			candidates = append(candidates, p)
		}
	}
	what := "package"
	if len(names) > 0 {
		what = "package or component"
	}
	return nil, fmt.Errorf("no %s %q in the code loaded%s", what, arg, didYouMean(arg, candidates))
}
