package rules

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/archie-dev/archie/analyze"
	"github.com/archie-dev/archie/analyze/services"
	"golang.org/x/mod/module"
)

// A Violation is one broken rule at one place in the code.
type Violation struct {
	Kind     string   // layer, hexagonal, context, forbid, cycle, metric, exception-expired, or a smell
	Rule     string   // the config section, or the name of a free-form rule
	Severity Severity // error, warning or info
	From, To string   // import paths (cycles: the import to cut); services for smells
	Position Position // the import spec, relative to the config directory; smells: the first evidence
	Message  string
	Why      string // the rule's own explanation, when it has one
	ADR      int    // the decision record behind the rule; 0 when none

	// Baselined is true for a known violation that does not fail the check.
	Baselined bool
	// Cycle describes the folders of a cycle violation.
	Cycle *Cycle

	// Evidence is every fact a smell rests on; Resource names what is
	// shared ("table orders"); Path is the services along a sync chain.
	Evidence []Evidence
	Resource string
	Path     []string
	// Chain is the packages from From to To along the imports of a
	// transitive rule's violation, both ends included.
	Chain []string
}

// A Position is a place in a file; File is slash-separated and relative to
// the config directory when the file is below it.
type Position struct {
	File         string
	Line, Column int
	// Module is the dependency whose file File is, as module@version,
	// when it was read from the module cache; File then begins with it
	// (github.com/segmentio/kafka-go@v0.4.47/writer.go).
	Module string
}

func (p Position) String() string {
	switch {
	case p.File == "":
		return "-"
	case p.Line == 0:
		return p.File
	case p.Column == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Column)
}

// Result is the outcome of Check.
type Result struct {
	Packages   int         // packages checked
	Violations []Violation // sorted by kind, from, to, file, line
	// Fixed are the baseline's entries that no longer occur (Count: how
	// many of that key are gone), set by Baseline.Apply.
	Fixed []BaselineEntry
}

// Count returns how many violations are new errors, new warnings and
// baselined. New infos are counted by Infos.
func (r *Result) Count() (errors, warnings, baselined int) {
	for _, v := range r.Violations {
		switch {
		case v.Baselined:
			baselined++
		case v.Severity == SeverityError:
			errors++
		case v.Severity != SeverityInfo:
			warnings++
		}
	}
	return
}

// Infos returns how many violations are new infos: reported, never
// failing, and not counted among the warnings.
func (r *Result) Infos() int {
	n := 0
	for _, v := range r.Violations {
		if !v.Baselined && v.Severity == SeverityInfo {
			n++
		}
	}
	return n
}

// Options tune Check.
type Options struct {
	// Now is the day expired exceptions are judged against; zero means today.
	Now time.Time
	// Complete says the graph holds every package below the config
	// directory, so a group pattern that matches none of them is a mistake.
	Complete bool
	// System holds the services' facts when smells are checked.
	System *services.System
	// Foreign says the config was written for another revision of the
	// code (--new-since checks an older one with today's config): a
	// pattern that names a folder or package not there yet is no error.
	Foreign bool
}

// A Family is one kind of rule archie checks. Families lists them all;
// their docs feed "archie explain".
type Family struct {
	Name    string // as written in archie.yaml
	Kind    string // the kind of its violations
	Summary string // one line
	Doc     string // a paragraph
	run     func(*checker)
}

// Families are the rule families, in the order they are checked.
var Families = []*Family{layersFamily, hexagonalFamily, contextsFamily, exhaustiveFamily, rulesFamily, cyclesFamily, metricsFamily,
	sharedDatabaseFamily, syncChainFamily, crossServiceImportFamily, hardcodedEndpointFamily, godServiceFamily, godPackageFamily, dualWriteFamily, exceptionsFamily}

// LookupFamily returns the family with the given name or kind.
func LookupFamily(name string) *Family {
	for _, f := range Families {
		if f.Name == name || f.Kind == name {
			return f
		}
	}
	return nil
}

// Check judges the graph against the config. It returns a *ConfigError
// when the config does not fit the code: a pattern that matches nothing, or
// a package that two groups claim equally.
func Check(cfg *Config, g *analyze.Graph, opts Options) (*Result, error) {
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	c := &checker{cfg: cfg, g: g, opts: opts, refs: make(map[string]pkgRef)}
	switch {
	case opts.Foreign:
	case opts.Complete:
		if err := c.checkPatternsMatch(); err != nil {
			return nil, err
		}
	default:
		if err := c.checkGroupFolders(); err != nil {
			return nil, err
		}
	}
	if err := c.checkImportPatterns(); err != nil {
		return nil, err
	}
	for _, f := range Families {
		f.run(c)
		if c.err != nil {
			return nil, c.err
		}
	}
	res := &Result{Packages: len(g.Packages), Violations: c.out}
	if res.Violations == nil {
		res.Violations = []Violation{}
	}
	SortViolations(res.Violations)
	return res, nil
}

// importFamilies are the families that judge each import on its own,
// knowing only the importing package and the imported path: what
// CheckImports runs.
var importFamilies = []*Family{layersFamily, hexagonalFamily, contextsFamily, rulesFamily}

// CheckImports judges the imports of one package, path, against the
// families that judge each import on its own (layers, hexagonal, contexts
// and the direct part of rules) and hides what live exceptions cover. g
// needs to hold only that package and the modules it belongs to: the
// packages it imports are matched by path and folder, so a driver that sees
// one package at a time, as go vet does, judges its imports as Check does
// and gets the same violations for them. Transitive rules, cycles, metrics,
// smells and the exceptions' own reports need the whole graph and are left
// to Check.
func CheckImports(cfg *Config, g *analyze.Graph, path string, opts Options) ([]Violation, error) {
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	c := &checker{cfg: cfg, g: g, opts: opts, refs: make(map[string]pkgRef), only: path}
	if !opts.Foreign {
		if err := c.checkGroupFolders(); err != nil {
			return nil, err
		}
	}
	if err := c.checkImportPatterns(); err != nil {
		return nil, err
	}
	for _, f := range importFamilies {
		f.run(c)
		if c.err != nil {
			return nil, c.err
		}
	}
	c.cover()
	if c.out == nil {
		c.out = []Violation{}
	}
	SortViolations(c.out)
	return c.out, nil
}

// SortViolations sorts violations by kind, from, to, file and line, the
// order of the JSON contract.
func SortViolations(vs []Violation) {
	sort.SliceStable(vs, func(i, j int) bool {
		a, b := vs[i], vs[j]
		switch {
		case a.Kind != b.Kind:
			return a.Kind < b.Kind
		case a.From != b.From:
			return a.From < b.From
		case a.To != b.To:
			return a.To < b.To
		case a.Position.File != b.Position.File:
			return a.Position.File < b.Position.File
		case a.Position.Line != b.Position.Line:
			return a.Position.Line < b.Position.Line
		case a.Position.Column != b.Position.Column:
			return a.Position.Column < b.Position.Column
		case a.Rule != b.Rule:
			return a.Rule < b.Rule
		}
		return a.Message < b.Message
	})
}

// checker holds what the families share while checking one graph.
type checker struct {
	cfg  *Config
	g    *analyze.Graph
	opts Options
	refs map[string]pkgRef
	out  []Violation
	err  error
	ig   *importGraph // built by importGraph when a rule needs it
	// only, when set, is the one package whose imports are judged
	// (CheckImports): rules that need the whole graph stay silent.
	only string
}

// ref describes a package path for pattern matching.
func (c *checker) ref(p string) pkgRef {
	if r, ok := c.refs[p]; ok {
		return r
	}
	r := pkgRef{path: p}
	if dir, ok := c.g.Dir(p); ok {
		r.local = true
		rel, err := filepath.Rel(c.cfg.Dir, dir)
		if err != nil {
			rel = dir
		}
		r.rel = filepath.ToSlash(rel)
	} else {
		r.std = c.g.IsStd(p)
	}
	c.refs[p] = r
	return r
}

// name is how messages name a package: its folder for packages of the
// module, its import path otherwise.
func (c *checker) name(p string) string {
	if r := c.ref(p); r.local && !strings.HasPrefix(r.rel, "../") {
		return r.rel
	}
	return p
}

// imports calls fn for every import of every package, skipping test-only
// imports unless the config asks for them.
func (c *checker) imports(fn func(from *analyze.Package, to string)) {
	for _, p := range c.g.Packages {
		if c.only != "" && p.Path != c.only {
			continue
		}
		for _, imp := range p.Imports {
			if imp.Test && !c.cfg.Tests {
				continue
			}
			fn(p, imp.Path)
		}
	}
}

// edge is a judgement about one import, before it is located in files.
type edge struct {
	kind, rule string
	severity   Severity
	adr        int
	why        string
	from, to   string
	message    string
}

// report adds a violation for every import spec of e in the code.
func (c *checker) report(e edge) {
	v := Violation{Kind: e.kind, Rule: e.rule, Severity: e.severity, From: e.from, To: e.to, Message: e.message, Why: e.why, ADR: e.adr}
	specs := c.g.Positions(e.from, e.to)
	if len(specs) == 0 {
		c.out = append(c.out, v)
		return
	}
	for _, s := range specs {
		v.Position = c.position(s.Filename, s.Line, s.Column)
		c.out = append(c.out, v)
	}
}

func (c *checker) position(file string, line, col int) Position {
	return positionIn(c.cfg.Dir, file, line, col)
}

// positionIn is a position with the file relative to dir when it is below it.
func positionIn(dir, file string, line, col int) Position {
	if rel, err := filepath.Rel(dir, file); err == nil && !strings.HasPrefix(rel, "..") {
		file = rel
	}
	return Position{File: filepath.ToSlash(file), Line: line, Column: col}
}

// A group is a named set of packages within one section.
type group struct {
	name     string
	what     string // "layer", "context", ... for messages
	patterns Patterns
}

// assignment maps packages to the group of a section that claims them.
type assignment struct {
	groups []group
	cache  map[string]int
}

// assign returns the assignment of the section's groups, having checked
// every loaded package for a tie, so that an ambiguous config fails even
// where no import crosses the groups.
func (c *checker) assign(groups []group) *assignment {
	a := &assignment{groups: groups, cache: make(map[string]int)}
	for _, p := range c.g.Packages {
		a.of(c, p.Path)
	}
	return a
}

// of returns the index of the group whose most specific pattern matches the
// package, or -1. Two groups matching at equal specificity is a config
// error, recorded in c.err.
func (a *assignment) of(c *checker, p string) int {
	if i, ok := a.cache[p]; ok {
		return i
	}
	r := c.ref(p)
	best, bestSpec := -1, -1
	var bestPat Pattern
	for i, gr := range a.groups {
		pat, ok := gr.patterns.matchAny(r)
		if !ok {
			continue
		}
		switch s := pat.specificity(); {
		case s > bestSpec:
			best, bestSpec, bestPat = i, s, pat
		case s == bestSpec && c.err == nil:
			first, second := a.groups[best], gr
			c.err = &ConfigError{File: c.cfg.File, Pos: pat.Pos, Msg: fmt.Sprintf(
				"package %s is claimed by %s %q (%s, line %d) and %s %q (%s) with equal specificity; make one pattern more specific",
				p, first.what, first.name, bestPat, bestPat.Pos.Line, second.what, second.name, pat)}
		}
	}
	a.cache[p] = best
	return best
}

// checkPatternsMatch rejects group patterns that select no package of the
// module: they are typos or stale, and would make a rule check nothing.
func (c *checker) checkPatternsMatch() error {
	var universe []pkgRef
	seen := make(map[string]bool)
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			if r := c.ref(p); r.local {
				universe = append(universe, r)
			}
		}
	}
	for _, p := range c.g.Packages {
		add(p.Path)
		for _, imp := range p.Imports {
			add(imp.Path)
		}
	}
	check := func(where string, ps Patterns) error {
		for _, pat := range ps {
			matched := false
			for _, r := range universe {
				if pat.match(r) {
					matched = true
					break
				}
			}
			if !matched {
				return &ConfigError{File: c.cfg.File, Pos: pat.Pos, Msg: fmt.Sprintf("%s pattern %q matches no package of the module%s", where, pat.Text, c.patternHint(pat))}
			}
		}
		return nil
	}
	var err error
	c.groupPatterns(func(where string, ps Patterns) {
		if err == nil {
			err = check(where, ps)
		}
	})
	if err == nil {
		err = c.checkCycleDepth()
	}
	return err
}

// groupPatterns calls fn with every pattern of the config that selects the
// module's own packages: layers, zones, contexts, rules' packages and
// exceptions.
func (c *checker) groupPatterns(fn func(where string, ps Patterns)) {
	if l := c.cfg.Layers; l != nil {
		for _, layer := range l.Order {
			fn(fmt.Sprintf("layer %q", layer.Name), layer.Packages)
		}
	}
	if h := c.cfg.Hexagonal; h != nil {
		fn("hexagonal core", h.Core)
		fn("hexagonal ports", h.Ports)
		fn("hexagonal adapters", h.Adapters)
	}
	if cx := c.cfg.Contexts; cx != nil {
		fn("contexts shared", cx.Shared)
		for _, ctx := range cx.List {
			fn(fmt.Sprintf("context %q", ctx.Name), ctx.Packages)
			fn(fmt.Sprintf("context %q api", ctx.Name), ctx.API)
		}
	}
	for _, r := range c.cfg.Rules {
		fn(fmt.Sprintf("rule %q", r.Name), r.Packages)
	}
	if e := c.cfg.Exhaustive; e.on() {
		fn("exhaustive except", e.Except)
	}
	for _, e := range c.cfg.Exceptions {
		fn("exception from", Patterns{e.From})
		if e.To.rel {
			fn("exception to", Patterns{e.To})
		}
	}
}

// checkGroupFolders is what can be checked of the group patterns when only
// part of the module was loaded: each names a folder that exists.
func (c *checker) checkGroupFolders() error {
	var err error
	c.groupPatterns(func(where string, ps Patterns) {
		for _, pat := range ps {
			if err == nil {
				err = c.checkOwnFolder(where+" pattern", pat)
			}
		}
	})
	return err
}

// checkCycleDepth rejects a cycles.depth at which every folder is a single
// package: Go forbids cycles between packages, so the rule could never fire.
// Test imports can close a cycle between packages, so with tests the depth
// may reach the deepest package.
func (c *checker) checkCycleDepth() error {
	cy := c.cfg.Cycles
	if cy == nil || cy.Depth == 0 {
		return nil
	}
	deepest := 0
	for _, p := range c.g.Packages {
		if m := c.g.Module(p.Path); m != nil && within(p.Path, m.Path) {
			deepest = max(deepest, len(splitPath(strings.TrimPrefix(p.Path[len(m.Path):], "/"))))
		}
	}
	if cy.Depth > deepest || cy.Depth == deepest && !c.cfg.Tests {
		return &ConfigError{File: c.cfg.File, Pos: cy.DepthPos, Msg: fmt.Sprintf(
			"cycles.depth %d makes every folder a single package (the deepest is %d below its module root), and Go already forbids cycles between packages: the rule could never fire; use a depth below %d",
			cy.Depth, deepest, max(deepest, 1))}
	}
	return nil
}

// checkImportPatterns rejects what forbid and allow lists name that can
// never match: a path that looks like the standard library's (no dot in
// its first element) but names no package of it, or an import path that
// the go command would refuse. A third-party path that nothing imports
// yet stays valid: forbidding a library before anyone uses it is a rule.
func (c *checker) checkImportPatterns() error {
	check := func(where string, ps Patterns) error {
		for _, pat := range ps {
			if pat.std || pat.Text == "C" {
				continue // C: cgo's pseudo-package, forbidden to keep a package pure Go
			}
			// An entry that names the module's own packages must name a
			// folder that is there: else it can never match.
			if err := c.checkOwnFolder(where+" entry", pat); err != nil && !c.opts.Foreign {
				return err
			}
			if pat.rel {
				continue
			}
			literal := pat.literal()
			if literal == "" {
				continue
			}
			if err := module.CheckImportPath(literal); err != nil {
				return &ConfigError{File: c.cfg.File, Pos: pat.Pos, Msg: fmt.Sprintf("%s entry %q is not an import path: %v", where, pat.Text, errors.Unwrap(err))}
			}
			for _, m := range c.g.Modules {
				if len(literal) >= len(m.Path) && strings.EqualFold(literal[:len(m.Path)], m.Path) && !within(literal, m.Path) &&
					(len(literal) == len(m.Path) || literal[len(m.Path)] == '/') {
					return &ConfigError{File: c.cfg.File, Pos: pat.Pos, Msg: fmt.Sprintf("%s entry %q differs from module %s only in case: import paths are case-sensitive", where, pat.Text, m.Path)}
				}
			}
			first, _, _ := strings.Cut(literal, "/")
			if strings.Contains(first, ".") || c.g.Module(literal) != nil || c.knownPrefix(literal) {
				continue
			}
			if !c.g.StdExists(literal) {
				return &ConfigError{File: c.cfg.File, Pos: pat.Pos, Msg: fmt.Sprintf("%s entry %q names no standard-library package%s; a module path starts with a domain (example.com/...)", where, pat.Text, didYouMean(literal, c.g.StdPackages()))}
			}
		}
		return nil
	}
	var err error
	try := func(where string, ps Patterns) {
		if err == nil {
			err = check(where, ps)
		}
	}
	for _, r := range c.cfg.Rules {
		try(fmt.Sprintf("rule %q forbid", r.Name), r.Forbid)
		try(fmt.Sprintf("rule %q allow", r.Name), r.Allow)
	}
	if h := c.cfg.Hexagonal; h != nil {
		try("hexagonal core_allow", h.CoreAllow)
		try("hexagonal core_forbid", h.CoreForbid)
	}
	for _, e := range c.cfg.Exceptions {
		if !e.To.rel {
			try("exception to", Patterns{e.To})
		}
	}
	return err
}

// checkOwnFolder rejects a pattern that names the module's own packages
// (relative, or an import path below a main module) when the folder its
// literal part names does not exist, with the nearest folder's children as
// did-you-mean. It needs no package loaded, so it also holds when only
// part of the module was loaded.
func (c *checker) checkOwnFolder(where string, pat Pattern) error {
	if pat.std {
		return nil
	}
	literal := pat.literal()
	var dir string
	switch {
	case pat.rel:
		dir = filepath.Join(c.cfg.Dir, filepath.FromSlash(literal))
	case c.g.Module(literal) != nil:
		dir, _ = c.g.Dir(literal)
	default:
		return nil
	}
	if info, err := os.Stat(dir); err == nil && info.IsDir() {
		return nil
	}
	if _, err := os.Stat(c.cfg.Dir); err != nil {
		return nil // a graph built in a test, of folders on no disk
	}
	// The deepest folder that exists, and what is in it.
	parent := dir
	for {
		next := filepath.Dir(parent)
		if next == parent {
			break
		}
		parent = next
		if info, err := os.Stat(parent); err == nil && info.IsDir() {
			break
		}
	}
	var names []string
	if entries, err := os.ReadDir(parent); err == nil {
		for _, e := range entries {
			if e.IsDir() {
				names = append(names, e.Name())
			}
		}
	}
	hint := ""
	if s := suggest(filepath.Base(dir), names); s != "" {
		rel, err := filepath.Rel(c.cfg.Dir, filepath.Join(parent, s))
		if err == nil && !strings.HasPrefix(rel, "..") {
			hint = fmt.Sprintf(" (did you mean ./%s?)", filepath.ToSlash(rel))
		}
	}
	return &ConfigError{File: c.cfg.File, Pos: pat.Pos, Msg: fmt.Sprintf("%s %q names no folder of the module%s", where, pat.Text, hint)}
}

// knownPrefix reports whether some package the graph knows, loaded or
// imported, is at or below path: a module whose path has no dot (module
// "shop"), or a GOPATH-style import.
func (c *checker) knownPrefix(path string) bool {
	for _, p := range c.g.Packages {
		if within(p.Path, path) {
			return true
		}
		for _, imp := range p.Imports {
			if within(imp.Path, path) {
				return true
			}
		}
	}
	return false
}

// patternHint suggests the folder a relative pattern probably meant.
func (c *checker) patternHint(pat Pattern) string {
	if !pat.rel {
		if c.g.Module(strings.TrimSuffix(pat.Text, "/...")) == nil && len(c.g.Modules) > 0 {
			return fmt.Sprintf(" (import-path patterns must name packages of module %s; relative patterns start with ./)", c.g.Modules[0].Path)
		}
		return ""
	}
	want := pat.literal()
	dir := filepath.Join(c.cfg.Dir, filepath.FromSlash(want))
	for _, m := range c.g.Skipped {
		if rel, err := filepath.Rel(m, dir); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			name, _ := filepath.Rel(c.cfg.Dir, m)
			return fmt.Sprintf(" (it is in %s, a module of its own that ./... does not enter: list the modules in a go.work, or check %s on its own)", filepath.ToSlash(name), filepath.ToSlash(name))
		}
	}
	var dirs []string
	for _, p := range c.g.Packages {
		dirs = append(dirs, c.ref(p.Path).rel)
	}
	if s := suggest(want, dirs); s != "" && want != "" {
		return fmt.Sprintf(" (did you mean ./%s?)", s)
	}
	return ""
}

// severityOf is a section's severity, error unless it says otherwise.
func severityOf(s Severity) Severity { return s.or(SeverityError) }
