package rules

import (
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/archie-dev/archie/analyze"
)

// Inferred is an architecture read from the imports of code that has no
// archie.yaml yet: what `archie init` writes as a starting config. It is
// a guess a maintainer should recognise, not a verdict: every choice it
// makes is explained in the comments YAML writes.
type Inferred struct {
	// Layers are ordered top first: importers above what they import.
	Layers []InferredLayer
	// Cycles are the folder cycles that forced the layer order to cut
	// imports; those imports are layer violations until removed.
	Cycles []InferredCycle
	// Against are imports that go up the order the folders' names state
	// (domain → http): the order follows the names, and they are layer
	// violations until removed.
	Against []FolderEdge
	// LeftOut are folders with packages that no layer covers, and why.
	LeftOut []LeftOut

	// Contexts are sibling folders that share an inner structure, found
	// in the folder ContextsIn (relative to the config directory).
	Contexts   []InferredContext
	ContextsIn string
	Shared     []string // patterns of the shared kernel

	Hexagon *InferredHexagon

	// CycleDepth is the cycles.depth to write; 0 when every folder is a
	// single package and the rule could never fire.
	CycleDepth int
	// Flat says no structure was found: the config checks cycles only.
	Flat bool
	// Packages is how many packages of the module were read.
	Packages int
}

// An InferredLayer is one layer of Inferred, with the folders it stands
// for.
type InferredLayer struct {
	Name     string
	Packages []string // patterns
	Folders  []string // the folders the patterns match today
}

// An InferredCycle is a set of layer candidates that import each other,
// and the cut that let them be ordered anyway.
type InferredCycle struct {
	Folders []string
	Cut     []FolderEdge
}

// LeftOut is a folder no layer covers.
type LeftOut struct {
	Folder string // relative to the config directory, "." for its root
	Why    string
}

// An InferredContext is one bounded context.
type InferredContext struct {
	Name     string
	Packages []string
	API      []string // empty when the context has no folder named like an api
}

// InferredHexagon is a ports-and-adapters section.
type InferredHexagon struct {
	Core, Ports, Adapters []string
	// DrivingPorts are folders named ports whose code serves HTTP or
	// gRPC: handlers, listed as adapters.
	DrivingPorts []string
	// CoreImports are the third-party packages the core imports today:
	// violations until they are listed in core_allow or removed.
	CoreImports []string
}

// The folder names the heuristics recognise, with the rank that breaks
// ties in the layer order: presentation above application above
// infrastructure above the domain.
var roleRank = map[string]int{
	"cli": 0, "handler": 0, "handlers": 0, "transport": 0, "http": 0, "grpc": 0, "rest": 0, "restapi": 0,
	"controller": 0, "controllers": 0, "delivery": 0, "web": 0, "server": 0, "rpc": 0, "graphql": 0, "api": 0, "presentation": 0,
	"app": 1, "application": 1, "usecase": 1, "usecases": 1, "service": 1, "services": 1, "interactor": 1,
	"adapters": 2, "adapter": 2, "infra": 2, "infrastructure": 2, "repository": 2, "repositories": 2, "repo": 2,
	"store": 2, "storage": 2, "persistence": 2, "db": 2, "gateway": 2,
	"ports": 3, "port": 3,
	"domain": 4, "entity": 4, "entities": 4, "model": 4, "models": 4, "core": 4,
}

// unknownRank places unrecognised folders at the bottom of their height:
// they are most often shared utilities.
const unknownRank = 5

// contextRoles are the folder names that mark the inner structure of a
// bounded context: generic names such as server or util are shared by
// unrelated siblings too often to count.
var contextRoles = map[string]bool{
	"domain": true, "app": true, "application": true, "usecase": true, "usecases": true, "api": true,
	"adapters": true, "adapter": true, "ports": true, "port": true, "infra": true, "infrastructure": true,
	"repository": true, "repo": true, "store": true, "handler": true, "handlers": true, "transport": true,
	"entity": true, "core": true, "delivery": true,
}

// containers hold the code's structure one level down: internal/billing,
// not internal, is a component.
var containers = map[string]bool{"internal": true, "pkg": true, "src": true, "lib": true}

// support are folders of tests, examples and tooling: not part of the
// architecture, however much they import.
var support = map[string]bool{
	"test": true, "tests": true, "testing": true, "e2e": true, "integration": true, "integration-test": true,
	"integration_test": true, "integrationtest": true, "testutil": true, "testutils": true, "testhelper": true,
	"testhelpers": true, "mocks": true, "mock": true, "fakes": true, "fake": true, "examples": true, "example": true,
	"_examples": true, "tools": true, "hack": true, "scripts": true, "docs": true, "doc": true, "bench": true,
	"benchmark": true, "benchmarks": true, "third_party": true, "thirdparty": true,
}

// notContext are names of layers and toolboxes, never of a bounded
// context, which is named after what the business does (ordering).
var notContext = map[string]bool{
	"business": true, "foundation": true, "platform": true, "sdk": true, "lib": true, "libs": true,
	"util": true, "utils": true, "support": true, "pkg": true, "internal": true, "src": true,
}

var sharedNames = map[string]bool{"shared": true, "common": true, "kernel": true, "sharedkernel": true, "shared_kernel": true}

var apiNames = []string{"api", "contract", "contracts", "public"}

// inferPkg is a package of the module as the heuristics see it.
type inferPkg struct {
	path, rel string
	main      bool
	modDepth  int // depth of its module's root below the config directory
	imports   []string
}

// a unit is a candidate layer: a folder, or one role folder in every
// bounded context (internal/*/domain).
type unit struct {
	label   string // internal/http, internal/*/domain
	name    string
	pattern Pattern
	folders []string
	rank    int
	role    bool // one role folder in every context
}

// Infer reads an architecture from the graph of the packages below dir
// (the directory archie.yaml will be written to, absolute). It is pure:
// the same graph gives the same result, and it reads no files.
func Infer(g *analyze.Graph, dir string) *Inferred {
	in := &Inferred{}
	pkgs := localPackages(g, dir)
	in.Packages = len(pkgs)
	tree := newFolderTree(pkgs)

	ctxIn, ctxs, roles := tree.findContexts()
	units, leftOut := tree.units(ctxIn, ctxs, roles)
	in.LeftOut = leftOut
	if ctxs != nil {
		in.ContextsIn = ctxIn
		for _, c := range ctxs {
			folder := path.Join(ctxIn, c)
			ctx := InferredContext{Name: c, Packages: []string{relPattern(folder)}}
			for _, a := range apiNames {
				if tree.has(path.Join(folder, a)) {
					ctx.API = append(ctx.API, relPattern(path.Join(folder, a)))
				}
			}
			in.Contexts = append(in.Contexts, ctx)
		}
		for _, child := range tree.children[ctxIn] {
			if sharedNames[child] {
				in.Shared = append(in.Shared, relPattern(path.Join(ctxIn, child)))
			}
		}
	}

	// The layers follow the imports between units, once cycles are cut.
	// Imports from one context into another do not order the roles: the
	// contexts section judges them.
	unitOf := assignUnits(pkgs, units)
	ctxOf := func(rel string) string {
		for _, c := range ctxs {
			if within(rel, path.Join(ctxIn, c)) {
				return c
			}
		}
		return ""
	}
	edges := make(map[[2]int][]ImportRef)
	for _, p := range pkgs {
		u, ok := unitOf[p.path]
		if !ok {
			continue
		}
		for _, imp := range p.imports {
			v, ok := unitOf[imp]
			if ok && v != u && !(units[u].role && units[v].role && ctxOf(p.rel) != ctxOf(tree.byPath[imp].rel)) {
				k := [2]int{u, v}
				edges[k] = append(edges[k], ImportRef{From: p.path, To: imp})
			}
		}
	}
	if len(units) >= 2 && len(edges) > 0 {
		in.Cycles, in.Against = orderUnits(units, edges)
		for _, u := range units {
			in.Layers = append(in.Layers, InferredLayer{Name: u.name, Packages: []string{u.pattern.Text}, Folders: u.folders})
		}
	} else {
		for _, u := range units {
			for _, f := range u.folders {
				in.LeftOut = append(in.LeftOut, LeftOut{Folder: f, Why: "no imports between folders to order layers by"})
			}
		}
	}
	sort.Slice(in.LeftOut, func(i, j int) bool { return in.LeftOut[i].Folder < in.LeftOut[j].Folder })

	in.Hexagon = tree.findHexagon(ctxIn, ctxs, roles)
	if h := in.Hexagon; h != nil {
		// archie's ports are interfaces the core owns. A ports folder
		// whose code serves HTTP or gRPC holds handlers (driving adapters,
		// which Three Dots Labs call ports).
		var ports []string
		for _, pt := range h.Ports {
			one := parsePatterns([]string{pt})
			driving := false
			for _, p := range pkgs {
				if !one.has(pkgRef{path: p.path, rel: p.rel, local: true}) {
					continue
				}
				for _, imp := range p.imports {
					if serving(imp) {
						driving = true
					}
				}
			}
			if driving {
				h.Adapters = append(h.Adapters, pt)
				h.DrivingPorts = append(h.DrivingPorts, pt)
			} else {
				ports = append(ports, pt)
			}
		}
		h.Ports = ports
		core := parsePatterns(h.Core)
		seen := make(map[string]bool)
		for _, p := range pkgs {
			if !core.has(pkgRef{path: p.path, rel: p.rel, local: true}) {
				continue
			}
			for _, imp := range p.imports {
				if _, local := tree.byPath[imp]; !local && g.Module(imp) == nil && !g.IsStd(imp) && !seen[imp] {
					seen[imp] = true
					h.CoreImports = append(h.CoreImports, imp)
				}
			}
		}
		sort.Strings(h.CoreImports)
	}

	in.CycleDepth = cycleDepth(pkgs, units, ctxIn, ctxs)
	in.Flat = len(in.Layers) == 0 && len(in.Contexts) == 0 && in.Hexagon == nil
	return in
}

// localPackages are the packages of the main modules below dir.
func localPackages(g *analyze.Graph, dir string) []inferPkg {
	var out []inferPkg
	for _, p := range g.Packages {
		if p.Module == nil || p.Dir == "" {
			continue
		}
		rel, err := filepath.Rel(dir, p.Dir)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			continue
		}
		modRel, err := filepath.Rel(dir, p.Module.Dir)
		modDepth := 0
		if err == nil {
			modDepth = len(splitPath(filepath.ToSlash(modRel)))
		}
		ip := inferPkg{path: p.Path, rel: filepath.ToSlash(rel), main: p.Name == "main", modDepth: modDepth}
		for _, imp := range p.Imports {
			if !imp.Test {
				ip.imports = append(ip.imports, imp.Path)
			}
		}
		out = append(out, ip)
	}
	return out
}

// folderTree is the folders that hold packages, with their ancestors.
type folderTree struct {
	pkgs     []inferPkg
	byPath   map[string]inferPkg
	children map[string][]string // folder -> names of child folders holding packages below them, sorted
	count    map[string]int      // folder -> packages at or below it
	mainOnly map[string]bool     // folder -> every package at or below it is a main
}

func newFolderTree(pkgs []inferPkg) *folderTree {
	t := &folderTree{pkgs: pkgs, byPath: make(map[string]inferPkg), children: make(map[string][]string),
		count: make(map[string]int), mainOnly: make(map[string]bool)}
	seen := make(map[string]bool)
	for _, p := range pkgs {
		t.byPath[p.path] = p
		for f := p.rel; ; f = parentDir(f) {
			if _, ok := t.mainOnly[f]; !ok {
				t.mainOnly[f] = true
			}
			t.mainOnly[f] = t.mainOnly[f] && p.main
			t.count[f]++
			if f == "." {
				break
			}
			if parent := parentDir(f); !seen[f] {
				seen[f] = true
				t.children[parent] = append(t.children[parent], path.Base(f))
			}
		}
	}
	for _, c := range t.children {
		sort.Strings(c)
	}
	return t
}

func parentDir(f string) string {
	if d := path.Dir(f); d != "" {
		return d
	}
	return "."
}

func (t *folderTree) has(folder string) bool { return t.count[folder] > 0 }

// depthOf counts the path elements of a folder relative to the config
// directory.
func depthOf(folder string) int { return len(splitPath(folder)) }

// findContexts looks for bounded contexts: at least two sibling folders
// whose own subfolders share role names (internal/ordering/{domain,app}
// and internal/billing/{domain,app}). It returns the folder holding them,
// the contexts' names and the role names two or more of them share.
func (t *folderTree) findContexts() (in string, ctxs, roles []string) {
	best := -1
	var folders []string
	for f := range t.count {
		if depthOf(f) <= 2 && !t.excluded(f) {
			folders = append(folders, f)
		}
	}
	sort.Slice(folders, func(i, j int) bool {
		if depthOf(folders[i]) != depthOf(folders[j]) {
			return depthOf(folders[i]) < depthOf(folders[j])
		}
		return folders[i] < folders[j]
	})
	for _, f := range folders {
		inner := make(map[string]map[string]bool) // child -> its role subfolders
		shared := make(map[string]int)
		for _, c := range t.children[f] {
			if support[c] || sharedNames[c] || notContext[c] || c == "cmd" {
				continue
			}
			if _, role := roleRank[c]; role {
				continue // app/domain and business/domain are layers, not contexts
			}
			inner[c] = make(map[string]bool)
			for _, s := range t.children[path.Join(f, c)] {
				if _, known := roleRank[s]; known {
					inner[c][s] = true
					shared[s]++
				}
			}
		}
		var cs []string
		for c, subs := range inner {
			for s := range subs {
				if shared[s] >= 2 && contextRoles[s] {
					cs = append(cs, c)
					break
				}
			}
		}
		if len(cs) >= 2 && len(cs) > best {
			best = len(cs)
			sort.Strings(cs)
			in, ctxs, roles = f, cs, nil
			for s, n := range shared {
				if n >= 2 {
					roles = append(roles, s)
				}
			}
			sort.Strings(roles)
		}
	}
	return in, ctxs, roles
}

// excluded reports whether a folder is, or is inside, cmd or a folder of
// tests and tooling.
func (t *folderTree) excluded(f string) bool {
	for _, e := range splitPath(f) {
		if e == "cmd" || support[e] {
			return true
		}
	}
	return false
}

// units are the candidate layers: the folders where the code's structure
// lives (top-level folders, with internal/ and, when it holds the code,
// pkg/ one level down), and, with bounded contexts, one unit per role the
// contexts share. What cannot be placed is returned with the reason.
func (t *folderTree) units(ctxIn string, ctxs, roles []string) ([]*unit, []LeftOut) {
	var left []LeftOut
	leave := func(f, why string) { left = append(left, LeftOut{Folder: f, Why: why}) }
	isCtx := make(map[string]bool)
	for _, c := range ctxs {
		isCtx[path.Join(ctxIn, c)] = true
	}
	expand := make(map[string]bool)
	if t.has("internal") {
		expand["internal"] = true
	}
	// pkg/ (or src/, lib/) is where the structure lives only when it is
	// where the code is: beside pilot/ and security/ (istio) it is one
	// layer of libraries.
	others := false
	for _, c := range t.children["."] {
		if !containers[c] && c != "cmd" && !support[c] && !t.mainOnly[c] {
			others = true
		}
	}
	for c := range containers {
		if c != "internal" && t.has(c) && t.count[c] > t.count["internal"] && !others {
			expand[c] = true
		}
	}
	var folders []string
	var walk func(f string)
	walk = func(f string) {
		expandHere := f == "." || expand[f] || f == ctxIn || within(ctxIn, f) && f != ctxIn
		if !expandHere {
			folders = append(folders, f)
			return
		}
		if f != "." && t.hasPackageAt(f) {
			leave(f, "a package in the folder that holds the components")
		}
		for _, c := range t.children[f] {
			walk(path.Join(f, c))
		}
	}
	if t.hasPackageAt(".") {
		leave(".", "the module's root package")
	}
	for _, c := range t.children["."] {
		walk(c)
	}
	var units []*unit
	for _, f := range folders {
		base := path.Base(f)
		switch {
		case base == "cmd" || t.mainOnly[f]:
			leave(f, "main packages: they wire the layers together")
		case support[base]:
			leave(f, "tests, examples or tooling")
		case isCtx[f]:
			// covered by the role units below, or left out there
		default:
			units = append(units, &unit{label: f, name: base, pattern: mustPattern(relPattern(f)), folders: []string{f}, rank: rankOf(base)})
		}
	}
	for _, r := range roles {
		if contains(apiNames, r) {
			// Other contexts call a context's api from any layer: the
			// contexts section, not the layers, says who may.
			for _, c := range ctxs {
				if f := path.Join(ctxIn, c, r); t.has(f) {
					leave(f, "a context's api: the contexts section says who may import it")
				}
			}
			continue
		}
		label := path.Join(ctxIn, "*", r)
		u := &unit{label: label, name: r, pattern: mustPattern(relPattern(label)), rank: rankOf(r), role: true}
		for _, c := range ctxs {
			if f := path.Join(ctxIn, c, r); t.has(f) {
				u.folders = append(u.folders, f)
			}
		}
		units = append(units, u)
	}
	for _, c := range ctxs {
		folder := path.Join(ctxIn, c)
		if t.hasPackageAt(folder) {
			leave(folder, "a context's root package, in no role folder")
		}
		for _, s := range t.children[folder] {
			f := path.Join(folder, s)
			switch {
			case contains(roles, s):
			case s == "cmd" || t.mainOnly[f]:
				leave(f, "main packages: they wire the layers together")
			case support[s]:
				leave(f, "tests, examples or tooling")
			default:
				leave(f, "a folder of this context only, not shared with the others")
			}
		}
	}
	// Layer names are folder names; two folders of one name (pkg/api,
	// internal/api) are told apart by their paths.
	byName := make(map[string]int)
	for _, u := range units {
		byName[u.name]++
	}
	for _, u := range units {
		if byName[u.name] > 1 {
			u.name = u.label
		}
	}
	return units, left
}

func (t *folderTree) hasPackageAt(f string) bool {
	for _, p := range t.pkgs {
		if p.rel == f {
			return true
		}
	}
	return false
}

func rankOf(name string) int {
	if r, ok := roleRank[name]; ok {
		return r
	}
	return unknownRank
}

func relPattern(folder string) string {
	if folder == "." {
		return "./..."
	}
	return "./" + folder + "/..."
}

func mustPattern(text string) Pattern {
	p, err := ParsePattern(text)
	if err != nil {
		panic("rules: inferred a bad pattern: " + err.Error())
	}
	return p
}

func parsePatterns(texts []string) Patterns {
	var ps Patterns
	for _, s := range texts {
		ps = append(ps, mustPattern(s))
	}
	return ps
}

// assignUnits maps each package to the unit that claims it, most specific
// pattern first, as Check assigns packages to layers.
func assignUnits(pkgs []inferPkg, units []*unit) map[string]int {
	out := make(map[string]int)
	for _, p := range pkgs {
		r := pkgRef{path: p.path, rel: p.rel, local: true}
		best, spec := -1, -1
		for i, u := range units {
			if u.pattern.match(r) && u.pattern.specificity() > spec {
				best, spec = i, u.pattern.specificity()
			}
		}
		if best >= 0 {
			out[p.path] = best
		}
	}
	return out
}

// levels of the folder names that say where a layer belongs beyond doubt:
// the domain is below the application, which is below the handlers. An
// import against them is a mistake to report, not a fact to order by.
var nameLevel = map[string]int{
	"http": 0, "grpc": 0, "rest": 0, "restapi": 0, "handler": 0, "handlers": 0, "controller": 0, "controllers": 0,
	"transport": 0, "delivery": 0, "web": 0, "presentation": 0, "graphql": 0, "cli": 0,
	"app": 1, "application": 1, "usecase": 1, "usecases": 1, "interactor": 1,
	"domain": 2, "entity": 2, "entities": 2, "core": 2,
}

// againstNames reports whether an import from unit a to unit b goes up
// the order their names state (domain → http).
func againstNames(a, b *unit) bool {
	la, oka := nameLevel[path.Base(a.label)]
	lb, okb := nameLevel[path.Base(b.label)]
	return oka && okb && la > lb
}

// orderUnits sorts units top first: importers above what they import.
// Imports against the folders' names are set aside first; then, in a
// cycle no order fits, so the cycle's smallest cut (as the cycles rule
// computes it) is set aside too. Among the units whose importers are all
// placed, the one whose name ranks highest goes next.
func orderUnits(units []*unit, edges map[[2]int][]ImportRef) (cycles []InferredCycle, against []FolderEdge) {
	idx := make(map[string]int)
	for i, u := range units {
		idx[u.label] = i
	}
	// A unit that no other imports and that imports half the others or
	// more is the composition root (evrone's internal/app): above all,
	// whatever its name says.
	imported := make([]bool, len(units))
	fanOut := make([]int, len(units))
	for k := range edges {
		imported[k[1]] = true
		fanOut[k[0]]++
	}
	root := func(i int) bool { return !imported[i] && fanOut[i] >= 2 && 2*fanOut[i] >= len(units)-1 }
	cut := make(map[[2]int]bool)
	succ := make(map[string][]string)
	for k, imps := range edges {
		a, b := units[k[0]], units[k[1]]
		if !root(k[0]) && againstNames(a, b) {
			cut[k] = true
			against = append(against, FolderEdge{From: a.label, To: b.label, Imports: imps})
			continue
		}
		succ[a.label] = append(succ[a.label], b.label)
	}
	sortEdges(against, nil)
	for _, comp := range stronglyConnected(succ) {
		if len(comp) < 2 {
			continue
		}
		inComp := make(map[string]bool)
		for _, n := range comp {
			inComp[n] = true
		}
		var fes []FolderEdge
		for k, imps := range edges {
			a, b := units[k[0]].label, units[k[1]].label
			if inComp[a] && inComp[b] && !cut[k] {
				fes = append(fes, FolderEdge{From: a, To: b, Imports: imps})
			}
		}
		// minimalCut keeps the first of equally small cuts: offer first
		// the edges that go up the usual order (domain → app), which are
		// the likelier mistakes.
		sortEdges(fes, func(e FolderEdge) bool { return units[idx[e.From]].rank > units[idx[e.To]].rank })
		c := minimalCut(comp, fes)
		for _, e := range c {
			cut[[2]int{idx[e.From], idx[e.To]}] = true
		}
		cycles = append(cycles, InferredCycle{Folders: comp, Cut: c})
	}
	// Kahn's algorithm on what is left, which is acyclic.
	importers := make([]int, len(units))
	out := make([][]int, len(units))
	for k := range edges {
		if !cut[k] {
			importers[k[1]]++
			out[k[0]] = append(out[k[0]], k[1])
		}
	}
	placed := make([]bool, len(units))
	order := make([]*unit, 0, len(units))
	for len(order) < len(units) {
		next := -1
		for i, u := range units {
			if placed[i] || importers[i] > 0 {
				continue
			}
			if next < 0 || u.rank < units[next].rank || u.rank == units[next].rank && u.label < units[next].label {
				next = i
			}
		}
		placed[next] = true
		order = append(order, units[next])
		for _, j := range out[next] {
			importers[j]--
		}
	}
	copy(units, order)
	return cycles, against
}

// sortEdges sorts folder edges by from and to, those first for which
// first (when given) holds.
func sortEdges(es []FolderEdge, first func(FolderEdge) bool) {
	sort.Slice(es, func(i, j int) bool {
		if first != nil && first(es[i]) != first(es[j]) {
			return first(es[i])
		}
		if es[i].From != es[j].From {
			return es[i].From < es[j].From
		}
		return es[i].To < es[j].To
	})
}

// findHexagon finds ports and adapters: a folder holding an adapters
// folder beside a core (core, or domain and application folders), with
// ports when there are any.
func (t *folderTree) findHexagon(ctxIn string, ctxs, roles []string) *InferredHexagon {
	var parents []string
	for f := range t.count {
		if b := path.Base(f); (b == "adapters" || b == "adapter") && f != "." && depthOf(f) <= 4 && !t.excluded(f) {
			parents = append(parents, parentDir(f))
		}
	}
	sort.Strings(parents)
	h := &InferredHexagon{}
	coreNames := func(p string) []string {
		if t.has(path.Join(p, "core")) {
			return []string{"core"}
		}
		var out []string
		for _, n := range []string{"domain", "app", "application", "usecase", "usecases"} {
			if t.has(path.Join(p, n)) {
				out = append(out, n)
			}
		}
		return out
	}
	add := func(dst *[]string, pattern string) {
		if !contains(*dst, pattern) {
			*dst = append(*dst, pattern)
		}
	}
	inContexts := len(ctxs) >= 2
	for _, p := range parents {
		if parentDir(p) != ctxIn || !contains(ctxs, path.Base(p)) {
			inContexts = false
		}
	}
	for _, p := range parents {
		core := coreNames(p)
		if len(core) == 0 {
			continue
		}
		// In every context alike: one pattern per role (internal/*/domain).
		at := func(name string) string {
			if inContexts && contains(roles, name) {
				return relPattern(path.Join(ctxIn, "*", name))
			}
			return relPattern(path.Join(p, name))
		}
		for _, n := range core {
			add(&h.Core, at(n))
		}
		for _, n := range []string{"ports", "port"} {
			if t.has(path.Join(p, n)) {
				add(&h.Ports, at(n))
			}
		}
		for _, n := range []string{"adapters", "adapter"} {
			if t.has(path.Join(p, n)) {
				add(&h.Adapters, at(n))
			}
		}
	}
	if len(h.Core) == 0 {
		return nil
	}
	return h
}

// servingPrefixes are the packages handlers import to serve requests.
var servingPrefixes = []string{"net/http", "google.golang.org/grpc", "github.com/go-chi/chi", "github.com/gin-gonic/gin",
	"github.com/labstack/echo", "github.com/gorilla/mux", "github.com/gofiber/fiber", "github.com/julienschmidt/httprouter"}

// serving reports whether an import is of a package that serves requests.
func serving(imp string) bool {
	for _, p := range servingPrefixes {
		if within(imp, p) || strings.HasPrefix(imp, p+"/") {
			return true
		}
	}
	return false
}

// cycleDepth chooses the depth of folders the cycles rule compares: that
// of the layers' folders (or of the contexts), at most one less than the
// deepest package below its module root, since at that depth every folder
// is one package and Go already forbids cycles between packages.
func cycleDepth(pkgs []inferPkg, units []*unit, ctxIn string, ctxs []string) int {
	deepest, modDepth := 0, 0
	for _, p := range pkgs {
		if d := depthOf(p.rel) - p.modDepth; d > deepest {
			deepest = d
		}
		modDepth = p.modDepth
	}
	want := 1
	for _, u := range units {
		if !strings.Contains(u.label, "*") {
			want = max(want, depthOf(u.label)-modDepth)
		}
	}
	if len(ctxs) > 0 {
		want = max(want, depthOf(ctxIn)+1-modDepth)
	}
	if d := min(want, deepest-1); d >= 1 {
		return d
	}
	return 0
}
