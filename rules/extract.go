package rules

import (
	"cmp"
	"fmt"
	"go/token"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/archie-dev/archie/analyze"
	"github.com/archie-dev/archie/analyze/services"
)

// An ExtractCandidate is a set of packages that might become a service of
// its own: a bounded context of archie.yaml, or a folder.
type ExtractCandidate struct {
	Name     string
	Packages []string // import paths, sorted
	// Dir is the candidate's folder relative to the config's, when it is
	// one: its sibling folders are components of the module too.
	Dir string
}

// ExtractCandidates returns the candidates a pattern names: the context of
// archie.yaml of that name; else, for a pattern with a wildcard element
// (./internal/*), one candidate per folder it matches, each with every
// package below that folder (or below it matching the rest of the
// pattern); else one candidate of the packages the pattern matches.
func ExtractCandidates(cfg *Config, g *analyze.Graph, text string) ([]ExtractCandidate, error) {
	c := &checker{cfg: cfg, g: g, refs: make(map[string]pkgRef)}
	if cfg.Contexts != nil {
		for _, ctx := range cfg.Contexts.List {
			if ctx.Name != text {
				continue
			}
			cand := ExtractCandidate{Name: ctx.Name}
			for _, p := range g.Packages {
				if _, ok := ctx.Packages.matchAny(c.ref(p.Path)); ok {
					cand.Packages = append(cand.Packages, p.Path)
				}
			}
			if len(cand.Packages) == 0 {
				return nil, fmt.Errorf("context %q matches no package", text)
			}
			return []ExtractCandidate{cand}, nil
		}
	}
	pat, err := ParsePattern(text)
	if err != nil {
		return nil, err
	}
	if pat.std {
		return nil, fmt.Errorf("%q names the standard library, not packages of the module", text)
	}
	glob := -1
	for i, e := range pat.elems {
		if e != "..." && strings.ContainsAny(e, "*?[") {
			glob = i
		}
	}
	byName := make(map[string]*ExtractCandidate)
	for _, p := range g.Packages {
		if p.Module == nil {
			continue
		}
		r := c.ref(p.Path)
		elems := strings.Split(r.path, "/")
		if pat.rel {
			if !r.local {
				continue
			}
			elems = splitPath(r.rel)
		}
		var name string
		switch {
		case glob < 0:
			if !pat.match(r) {
				continue
			}
			name = strings.TrimSuffix(strings.TrimPrefix(path.Clean(text), "./"), "/...")
		case len(elems) > glob && matchElems(pat.elems[:glob+1], elems[:glob+1]):
			if glob+1 < len(pat.elems) && !pat.match(r) {
				continue
			}
			name = strings.Join(elems[:glob+1], "/")
		default:
			continue
		}
		if byName[name] == nil {
			byName[name] = &ExtractCandidate{Name: name}
			if pat.rel {
				byName[name].Dir = name
			}
		}
		byName[name].Packages = append(byName[name].Packages, p.Path)
	}
	if len(byName) == 0 {
		return nil, fmt.Errorf("%q matches no package of the module (patterns are relative to %s)", text, cfg.Dir)
	}
	out := make([]ExtractCandidate, 0, len(byName))
	for _, cand := range byName {
		sort.Strings(cand.Packages)
		out = append(out, *cand)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// ExtractOptions are the judgement's knobs.
type ExtractOptions struct {
	// Shared are packages both sides would keep as a library (a shared
	// kernel, a logger): calls into them are not network calls. They add
	// to archie.yaml's contexts.shared, the contracts (generated code,
	// declarations only) and the packages that are part of no component
	// and import none (libraries: see Extract).
	Shared Patterns
	// CallsBack is the number of synchronous call sites back into the rest
	// at which extracting makes a distributed monolith (default 15).
	CallsBack int
}

// Extraction verdicts, cheapest first.
const (
	ExtractCheap       = "cheap"
	ExtractModerate    = "moderate"
	ExtractCostly      = "costly"
	ExtractDistributed = "distributed-monolith"
	ExtractUnreached   = "not-reached"
	ExtractNotChecked  = "not-checked"
)

var verdictOrder = map[string]int{ExtractCheap: 0, ExtractModerate: 1, ExtractCostly: 2, ExtractDistributed: 3, ExtractUnreached: 4, ExtractNotChecked: 5}

// An Extraction is what it would take to make a candidate a service of
// its own.
type Extraction struct {
	Name     string
	Packages []string
	// Unreached are the candidate's packages no main reaches: their calls
	// were not counted. NotChecked are those whose code did not
	// type-check: their calls were not read.
	Unreached  []string
	NotChecked []string
	// Out are the calls from the candidate into the rest, In those from
	// the rest into it: each would become a network call. Grouped by the
	// called package.
	Out, In []CallGroup
	// Wiring are the calls of constructors (New…) and the calls a main
	// makes into the candidate: start-up code the new service's own main
	// would do, not network calls.
	Wiring []CallGroup
	// Library are the calls between the candidate and shared packages,
	// which it would keep as a library: a shared kernel, ./pkg/..., and
	// contracts (generated code such as gRPC stubs, or packages of
	// declarations only).
	Library []CallGroup
	// Types are the types of the module in the signatures of Out and In.
	Types []CrossType
	// Transactions are the calls of Out and In that hand the callee the
	// caller's transaction: a transaction that spans both sides, which
	// would need a saga.
	Transactions []CallGroup
	// Tables are those the candidate's packages touch; Shared marks those
	// the rest touches too.
	Tables []TableUse
	// ImportsOut are the imports of the rest (outside shared packages)
	// that the candidate makes; ImportsIn the imports of the candidate
	// that the rest makes. Each would break.
	ImportsOut, ImportsIn []ImportEdge
	Verdict               string
	Reasons               []string
	Rank                  int // 1 is the cheapest candidate
}

// A CallGroup is the calls into one package.
type CallGroup struct {
	Package   string
	Functions []CalledFunc
}

// A CalledFunc is one function called across the boundary, with its call
// sites.
type CalledFunc struct {
	Name  string // "Func" or "Type.Method"; "Interface.Method" for calls through an interface
	Sites []CallSite
}

// A CallSite is where a call is made, and from which function.
type CallSite struct {
	Caller  string // "import/path.Func"
	Pos     token.Position
	Dynamic bool // through an interface
}

// A CrossType is a type that crosses the boundary in calls' signatures.
type CrossType struct {
	Type      string // "import/path.Name"
	Direction string // "out", "in" or "both"
	Functions int    // the functions whose signature holds it
}

// A TableUse is a table the candidate touches.
type TableUse struct {
	Table string
	Kind  string
	// Shared says packages of the rest touch it too.
	Shared bool
	// Candidate and Rest are the packages that touch it on each side.
	Candidate, Rest []string
	// Access says, for each side, "read", "write", "read, write", or ""
	// when no SQL literal of that side says how it touches the table
	// (an ORM model, a query built at run time).
	CandidateAccess, RestAccess string
	Evidence                    []services.Touch
}

// An ImportEdge is one import across the boundary.
type ImportEdge struct {
	From, To string
	Pos      token.Position
}

// Counts of an extraction's seams.
func (e *Extraction) OutSites() int { return sites(e.Out) }
func (e *Extraction) OutFuncs() int { return funcs(e.Out) }
func (e *Extraction) InSites() int  { return sites(e.In) }
func (e *Extraction) InFuncs() int  { return funcs(e.In) }
func (e *Extraction) SharedTables() int {
	n := 0
	for _, t := range e.Tables {
		if t.Shared {
			n++
		}
	}
	return n
}

func sites(gs []CallGroup) int {
	n := 0
	for _, g := range gs {
		for _, f := range g.Functions {
			n += len(f.Sites)
		}
	}
	return n
}

func funcs(gs []CallGroup) int {
	n := 0
	for _, g := range gs {
		n += len(g.Functions)
	}
	return n
}

// Extract judges what separating each candidate from the rest of the
// module would take, and ranks the candidates cheapest first.
func Extract(cfg *Config, g *analyze.Graph, seams *services.Seams, cands []ExtractCandidate, opts ExtractOptions) []*Extraction {
	if opts.CallsBack <= 0 {
		opts.CallsBack = 15
	}
	c := &checker{cfg: cfg, g: g, refs: make(map[string]pkgRef)}
	shared := slices.Clone(opts.Shared)
	if cfg.Contexts != nil {
		shared = append(shared, cfg.Contexts.Shared...)
	}
	contracts := make(map[string]bool, len(seams.Contracts))
	for _, p := range seams.Contracts {
		contracts[p] = true
	}
	clean := cleanPackages(cfg, c, g, cands)
	var out []*Extraction
	for _, cand := range cands {
		library := librariesOf(g, cand, clean)
		isShared := func(pkg string) bool {
			if contracts[pkg] || library[pkg] {
				return true
			}
			_, ok := shared.matchAny(c.ref(pkg))
			return ok
		}
		out = append(out, extractOne(g, seams, cand, isShared, opts))
	}
	sort.SliceStable(out, func(i, j int) bool { return extractLess(out[i], out[j]) })
	for i, e := range out {
		e.Rank = i + 1
	}
	return out
}

// cleanPackages returns the packages of the module that could be
// libraries: part of no component and importing none, directly or not.
// The components are the candidates, the contexts of archie.yaml, and
// the folders beside each candidate's (./internal/* when the candidate is
// ./internal/billing); a package of ./pkg, ./foundation or ./business/sdk
// that imports no such folder is clean. The clean packages a candidate
// imports are its libraries (librariesOf): both sides of a cut would keep
// them, and calling them is not a network call.
func cleanPackages(cfg *Config, c *checker, g *analyze.Graph, cands []ExtractCandidate) map[string]bool {
	component := make(map[string]bool)
	for _, cand := range cands {
		for _, p := range cand.Packages {
			component[p] = true
		}
	}
	if cfg.Contexts != nil {
		for _, ctx := range cfg.Contexts.List {
			for _, p := range g.Packages {
				if _, ok := ctx.Packages.matchAny(c.ref(p.Path)); ok {
					component[p.Path] = true
				}
			}
		}
	}
	parents := make(map[string]bool)
	for _, cand := range cands {
		if cand.Dir != "" && path.Dir(cand.Dir) != "." {
			parents[path.Dir(cand.Dir)] = true
		}
	}
	for _, p := range g.Packages {
		r := c.ref(p.Path)
		if !r.local {
			continue
		}
		for parent := range parents {
			if strings.HasPrefix(r.rel, parent+"/") {
				component[p.Path] = true
			}
		}
	}
	// A package is clean when nothing it imports in the module, directly
	// or not, is a component or a main.
	memo := make(map[string]bool)
	var clean func(string) bool
	clean = func(p string) bool {
		if v, ok := memo[p]; ok {
			return v
		}
		memo[p] = false // cycles: not clean
		pkg := g.Package(p)
		if pkg == nil || pkg.Module == nil || component[p] || pkg.Name == "main" {
			return false
		}
		for _, imp := range pkg.Imports {
			if to := g.Package(imp.Path); !imp.Test && to != nil && to.Module != nil && !clean(imp.Path) {
				return false
			}
		}
		memo[p] = true
		return true
	}
	out := make(map[string]bool)
	for _, p := range g.Packages {
		if clean(p.Path) {
			out[p.Path] = true
		}
	}
	return out
}

// librariesOf returns the clean packages a candidate imports, directly or
// through other clean packages: it would take them along as libraries.
// A clean package it does not import (a repository the composition root
// builds and hands it through an interface) stays with the rest.
func librariesOf(g *analyze.Graph, cand ExtractCandidate, clean map[string]bool) map[string]bool {
	out := make(map[string]bool)
	var add func(string)
	add = func(p string) {
		pkg := g.Package(p)
		if pkg == nil {
			return
		}
		for _, imp := range pkg.Imports {
			if !imp.Test && clean[imp.Path] && !out[imp.Path] {
				out[imp.Path] = true
				add(imp.Path)
			}
		}
	}
	for _, p := range cand.Packages {
		add(p)
	}
	return out
}

// extractLess orders candidates by how cheaply they separate: verdict,
// then calls back into the rest, shared tables, functions called back,
// calls in, types crossing, imports to break, name.
func extractLess(a, b *Extraction) bool {
	if c := cmp.Or(
		cmp.Compare(verdictOrder[a.Verdict], verdictOrder[b.Verdict]),
		cmp.Compare(a.OutSites(), b.OutSites()),
		cmp.Compare(a.SharedTables(), b.SharedTables()),
		cmp.Compare(sites(a.Transactions), sites(b.Transactions)),
		cmp.Compare(a.OutFuncs(), b.OutFuncs()),
		cmp.Compare(a.InSites(), b.InSites()),
		cmp.Compare(len(a.Types), len(b.Types)),
		cmp.Compare(len(a.ImportsOut)+len(a.ImportsIn), len(b.ImportsOut)+len(b.ImportsIn)),
	); c != 0 {
		return c < 0
	}
	return a.Name < b.Name
}

func extractOne(g *analyze.Graph, seams *services.Seams, cand ExtractCandidate, isShared func(string) bool, opts ExtractOptions) *Extraction {
	e := &Extraction{Name: cand.Name, Packages: cand.Packages}
	in := make(map[string]bool, len(cand.Packages))
	for _, p := range cand.Packages {
		in[p] = true
	}
	reached := make(map[string]bool, len(seams.Reached))
	for _, p := range seams.Reached {
		reached[p] = true
	}
	failed := make(map[string]bool, len(seams.Failed))
	for _, p := range seams.Failed {
		failed[p] = true
	}
	for _, p := range cand.Packages {
		switch {
		case failed[p]:
			e.NotChecked = append(e.NotChecked, p)
		case !reached[p]:
			e.Unreached = append(e.Unreached, p)
		}
	}
	isMain := func(p string) bool {
		pkg := g.Package(p)
		return pkg != nil && pkg.Name == "main"
	}
	var outC, inC, wiring, library []services.SeamCall
	for _, call := range seams.Calls {
		switch {
		case in[call.From] && !in[call.To]:
			switch {
			case isShared(call.To):
				library = append(library, call)
			case call.Constructor:
				wiring = append(wiring, call)
			default:
				outC = append(outC, call)
			}
		case !in[call.From] && in[call.To]:
			switch {
			case isShared(call.From):
				// Generated server stubs calling the handlers they
				// serve: the call is already a network call.
				library = append(library, call)
			case call.Constructor || isMain(call.From):
				wiring = append(wiring, call)
			default:
				inC = append(inC, call)
			}
		}
	}
	e.Out, e.In, e.Wiring, e.Library = groupCalls(outC), groupCalls(inC), groupCalls(wiring), groupCalls(library)
	e.Types = crossTypes(outC, inC)
	var txs []services.SeamCall
	for _, call := range slices.Concat(outC, inC) {
		if call.Tx {
			txs = append(txs, call)
		}
	}
	e.Transactions = groupCalls(txs)

	// Tables.
	byTable := make(map[string]*TableUse)
	var tables []string
	access := make(map[string]map[bool]map[string]bool) // table -> in candidate -> access
	kinds := make(map[string]string)                    // table -> the store's kind, where facts know it
	for _, t := range seams.Touches {
		if t.Kind != "sql" && kinds[t.Table] == "" {
			kinds[t.Table] = t.Kind
		}
	}
	for _, t := range seams.Touches {
		if !in[t.Package] && isShared(t.Package) {
			// A library's helper that runs queries (archie services'
			// facts point at it) touches the tables of whoever calls
			// it: that is not the rest sharing them.
			continue
		}
		u := byTable[t.Table]
		if u == nil {
			u = &TableUse{Table: t.Table, Kind: t.Kind}
			byTable[t.Table] = u
			tables = append(tables, t.Table)
			access[t.Table] = map[bool]map[string]bool{true: {}, false: {}}
		}
		if k := kinds[t.Table]; k != "" {
			u.Kind = k
		}
		if in[t.Package] {
			u.Candidate = appendUniq(u.Candidate, t.Package)
		} else {
			u.Rest = appendUniq(u.Rest, t.Package)
		}
		if t.Access != "" {
			access[t.Table][in[t.Package]][t.Access] = true
		}
		u.Evidence = append(u.Evidence, t)
	}
	accessOf := func(m map[string]bool) string {
		var out []string
		for _, a := range []string{"read", "write"} {
			if m[a] {
				out = append(out, a)
			}
		}
		return strings.Join(out, ", ")
	}
	sort.Strings(tables)
	for _, k := range tables {
		u := byTable[k]
		if len(u.Candidate) == 0 {
			continue
		}
		u.Shared = len(u.Rest) > 0
		u.CandidateAccess, u.RestAccess = accessOf(access[u.Table][true]), accessOf(access[u.Table][false])
		e.Tables = append(e.Tables, *u)
	}

	// Imports across the boundary.
	for _, p := range g.Packages {
		if p.Module == nil {
			continue
		}
		for _, imp := range p.Imports {
			if imp.Test {
				continue
			}
			to := g.Package(imp.Path)
			if to == nil || to.Module == nil {
				continue
			}
			switch {
			case in[p.Path] && !in[imp.Path] && !isShared(imp.Path):
				e.ImportsOut = append(e.ImportsOut, importEdge(g, p.Path, imp.Path))
			case !in[p.Path] && in[imp.Path]:
				e.ImportsIn = append(e.ImportsIn, importEdge(g, p.Path, imp.Path))
			}
		}
	}
	rest, importers := 0, make(map[string]bool)
	for _, p := range g.Packages {
		if p.Module != nil && !in[p.Path] && len(p.GoFiles) > 0 {
			rest++
		}
	}
	for _, imp := range e.ImportsIn {
		importers[imp.From] = true
	}
	e.judge(opts, len(seams.Mains) > 0)
	if n := len(importers); n >= 4 && 3*n >= rest {
		// Not a verdict: a leaf every layer imports is cheap to cut off
		// and still no service.
		e.Reasons = append(e.Reasons, fmt.Sprintf("%d of the rest's %d packages import it: a shared kernel more than a service (--shared names one)", n, rest))
	}
	return e
}

func importEdge(g *analyze.Graph, from, to string) ImportEdge {
	edge := ImportEdge{From: from, To: to}
	if ps := g.Positions(from, to); len(ps) > 0 {
		edge.Pos = ps[0]
	}
	return edge
}

func appendUniq(s []string, x string) []string {
	if slices.Contains(s, x) {
		return s
	}
	s = append(s, x)
	sort.Strings(s)
	return s
}

// groupCalls groups calls by the called package, then function.
func groupCalls(calls []services.SeamCall) []CallGroup {
	// A call through an interface is one call, whichever implementations
	// (a type and its tracing decorator, in one package or two) it may
	// reach: it is named by the interface's method, and goes to the
	// interface's package when an implementation is there, else to the
	// first implementation's.
	type site struct {
		name string
		pos  token.Position
	}
	target := make(map[site]string)
	for _, c := range calls {
		if !c.Dynamic || c.Interface == "" {
			continue
		}
		k := site{c.Interface, c.Pos}
		if t, ok := target[k]; !ok || t != c.InterfacePkg && (c.To == c.InterfacePkg || c.To < t) {
			target[k] = c.To
		}
	}
	byPkg := make(map[string]map[string][]CallSite)
	type key struct {
		pkg string
		site
	}
	seen := make(map[key]bool)
	for _, c := range calls {
		name, to := c.Callee, c.To
		if c.Dynamic && c.Interface != "" {
			name, to = c.Interface, target[site{c.Interface, c.Pos}]
		}
		if k := (key{to, site{name, c.Pos}}); seen[k] {
			continue
		} else {
			seen[k] = true
		}
		if byPkg[to] == nil {
			byPkg[to] = make(map[string][]CallSite)
		}
		byPkg[to][name] = append(byPkg[to][name], CallSite{Caller: c.From + "." + c.Caller, Pos: c.Pos, Dynamic: c.Dynamic})
	}
	out := []CallGroup{}
	for pkg, fns := range byPkg {
		g := CallGroup{Package: pkg}
		for name, sites := range fns {
			g.Functions = append(g.Functions, CalledFunc{Name: name, Sites: sites})
		}
		sort.Slice(g.Functions, func(i, j int) bool { return g.Functions[i].Name < g.Functions[j].Name })
		out = append(out, g)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Package < out[j].Package })
	return out
}

func crossTypes(out, in []services.SeamCall) []CrossType {
	type key struct{ t, fn string }
	dir := make(map[string]string)
	fns := make(map[key]bool)
	for i, calls := range [][]services.SeamCall{out, in} {
		d := []string{"out", "in"}[i]
		for _, c := range calls {
			for _, t := range c.Types {
				switch dir[t] {
				case "":
					dir[t] = d
				case d:
				default:
					dir[t] = "both"
				}
				fns[key{t, c.To + "." + c.Callee}] = true
			}
		}
	}
	count := make(map[string]int)
	for k := range fns {
		count[k.t]++
	}
	res := []CrossType{}
	for t, d := range dir {
		res = append(res, CrossType{Type: t, Direction: d, Functions: count[t]})
	}
	sort.Slice(res, func(i, j int) bool { return res[i].Type < res[j].Type })
	return res
}

// judge gives the verdict and its reasons. The thresholds:
//
//   - not-checked: some of its packages did not type-check;
//   - not-reached: no main reaches any of the candidate's packages, so no
//     call was counted;
//   - distributed-monolith: CallsBack (15) or more synchronous call sites
//     back into the rest;
//   - costly: 5 or more call sites back, a table shared with the rest, or
//     a call across the cut that hands over a transaction;
//   - moderate: 1 to 4 call sites back, or calls both ways;
//   - cheap: no call back into the rest and no shared table: what the rest
//     calls becomes the new service's API.
func (e *Extraction) judge(opts ExtractOptions, mains bool) {
	outS, outF, inS, inF, shared := e.OutSites(), e.OutFuncs(), e.InSites(), e.InFuncs(), e.SharedTables()
	level := ExtractCheap
	raise := func(l string) {
		if verdictOrder[l] > verdictOrder[level] {
			level = l
		}
	}
	if len(e.NotChecked) > 0 {
		// Green means checked: a candidate whose code was not all read
		// gets no verdict on what was.
		e.Verdict = ExtractNotChecked
		why := "its code did not type-check: its calls were not read"
		if len(e.NotChecked) < len(e.Packages) {
			why = fmt.Sprintf("%d of its %d packages did not type-check: their calls were not read", len(e.NotChecked), len(e.Packages))
		}
		e.Reasons = append(e.Reasons, why)
		e.Reasons = append(e.Reasons, importReasons(e)...)
		return
	}
	if mains && len(e.Unreached) == len(e.Packages) {
		e.Verdict = ExtractUnreached
		e.Reasons = append(e.Reasons, "no main reaches its packages: no call was counted")
		e.Reasons = append(e.Reasons, importReasons(e)...)
		return
	}
	switch {
	case outS >= opts.CallsBack:
		raise(ExtractDistributed)
		e.Reasons = append(e.Reasons, fmt.Sprintf("%s back into the rest across %s: extracting it as is makes a distributed monolith (%d or more)",
			plural(outS, "synchronous call"), plural(outF, "function"), opts.CallsBack))
	case outS >= 5:
		raise(ExtractCostly)
		e.Reasons = append(e.Reasons, fmt.Sprintf("%s back into the rest across %s: each becomes a network call", plural(outS, "synchronous call"), plural(outF, "function")))
	case outS > 0:
		raise(ExtractModerate)
		e.Reasons = append(e.Reasons, fmt.Sprintf("%s back into the rest across %s: each becomes a network call", plural(outS, "synchronous call"), plural(outF, "function")))
	default:
		e.Reasons = append(e.Reasons, "no synchronous call back into the rest")
	}
	if outS > 0 && inS > 0 {
		raise(ExtractModerate)
		e.Reasons = append(e.Reasons, "calls go both ways: the service and the rest would call each other")
	}
	if n := sites(e.Transactions); n > 0 {
		raise(ExtractCostly)
		e.Reasons = append(e.Reasons, fmt.Sprintf("%s across the cut %s the caller's transaction: one transaction spans both sides and would need a saga", plural(n, "call"), map[bool]string{true: "hands over", false: "hand over"}[n == 1]))
	}
	if shared > 0 {
		raise(ExtractCostly)
		both := 0
		for _, t := range e.Tables {
			if t.Shared && strings.Contains(t.CandidateAccess, "write") && strings.Contains(t.RestAccess, "write") {
				both++
			}
		}
		why := fmt.Sprintf("%s shared with the rest", plural(shared, "table"))
		if both > 0 {
			why += fmt.Sprintf(" (%d written by both sides)", both)
		}
		e.Reasons = append(e.Reasons, why+": split the data first, or both sides keep one database")
	}
	if inF > 0 {
		e.Reasons = append(e.Reasons, fmt.Sprintf("the rest calls %s of it (%s): its API to serve over the network", plural(inF, "function"), plural(inS, "call site")))
	}
	if len(e.Types) > 0 {
		e.Reasons = append(e.Reasons, fmt.Sprintf("%s of the module in the signatures of those calls: each needs a wire format", plural(len(e.Types), "type")))
	}
	e.Reasons = append(e.Reasons, importReasons(e)...)
	if len(e.Unreached) > 0 {
		e.Reasons = append(e.Reasons, fmt.Sprintf("%s no main reaches: their calls were not counted", plural(len(e.Unreached), "package")))
	}
	e.Verdict = level
}

func importReasons(e *Extraction) []string {
	if len(e.ImportsOut)+len(e.ImportsIn) == 0 {
		return nil
	}
	return []string{fmt.Sprintf("%s to break (%d from it into the rest, %d into it)", plural(len(e.ImportsOut)+len(e.ImportsIn), "import"), len(e.ImportsOut), len(e.ImportsIn))}
}

// RelExtractions makes the positions of extractions relative to dir.
func RelExtractions(es []*Extraction, dir string) {
	rel := func(p *token.Position) {
		if r, err := filepath.Rel(dir, p.Filename); err == nil && !strings.HasPrefix(r, "..") && filepath.IsAbs(p.Filename) {
			p.Filename = filepath.ToSlash(r)
		}
	}
	for _, e := range es {
		for i := range e.ImportsOut {
			rel(&e.ImportsOut[i].Pos)
		}
		for i := range e.ImportsIn {
			rel(&e.ImportsIn[i].Pos)
		}
	}
}
