package analyze

import (
	"context"
	"fmt"
	"go/token"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/mod/modfile"
	"golang.org/x/tools/go/packages"
)

// Mode is what Load asks of go/packages: enough for import rules and no
// more. It stays close to the cost of "go list -deps"; bench/ measures it.
// NeedDeps costs no extra go command work (go/packages lists -deps for
// NeedImports anyway) and keeps the errors of imported packages: an import
// of a package that exists nowhere is an error there, not in the importer.
const Mode = packages.NeedName | packages.NeedFiles | packages.NeedImports | packages.NeedDeps | packages.NeedModule

// Options say what to load.
type Options struct {
	Dir      string   // directory to run the go command in
	Patterns []string // package patterns as for go list; default ./..., or every module of Dir's go.work
	Tags     []string // build tags
	Tests    bool     // include _test.go files and their imports
	Env      []string // environment of the go command; default os.Environ()
	// Nested also loads the modules in folders below Dir that no go.work
	// lists, as repositories of one module per service have them.
	Nested bool
	// Loader chooses how: LoaderAuto (the fast loader when it can judge
	// the code exactly, else go/packages), LoaderPackages or LoaderFast.
	Loader string
	// FallingBack, when set, is told why the fast loader gave way to
	// go/packages before that slower load starts: progress to show.
	FallingBack func(why string)
	// Cache, when not nil, keeps what the fast loader reads for the next
	// load; CacheDepsOnly keeps only the dependencies' folders, for a
	// tree that will not be loaded again (a temporary worktree).
	Cache         *Cache
	CacheDepsOnly bool
}

// Load loads the packages matching opts.Patterns and their imports. It never
// fails because of problems in the code it reads: those are returned in
// Graph.Errors. It fails only when the go command itself cannot run.
//
// Unless opts.Loader says otherwise, it first tries the fast loader, which
// reads the files itself without go list (see fastLoad), and loads with
// go/packages whenever that one cannot be sure of the same result.
// Graph.Loader says which ran, and Graph.Fallback why the fast one did not.
func Load(ctx context.Context, opts Options) (*Graph, error) {
	// The go command reports directories as it reaches them: through a
	// symbolic link when it is started in one. Rules compare those with
	// the config's directory, so both are taken without links.
	if dir, err := RealDir(opts.Dir); err == nil {
		opts.Dir = dir
	}
	var fallback string
	switch opts.Loader {
	case LoaderAuto, LoaderFast:
		g, why := fastLoad(ctx, opts)
		if g != nil && opts.Nested && len(opts.Patterns) == 0 {
			g, why = loadNested(ctx, opts, g)
		}
		if g != nil {
			if !opts.Nested && len(opts.Patterns) == 0 {
				g.Skipped = skippedModules(opts.Dir, g.Modules)
			}
			if g.Loader == "" {
				g.Loader = LoaderFast
			}
			return g, nil
		}
		if opts.Loader == LoaderFast {
			return nil, fmt.Errorf("the fast loader cannot load %s: %s", opts.Dir, why)
		}
		fallback = why
		if opts.FallingBack != nil {
			opts.FallingBack(why)
		}
	case LoaderPackages:
	default:
		return nil, fmt.Errorf("unknown loader %q: use %q or %q", opts.Loader, LoaderPackages, LoaderFast)
	}
	g, err := loadPackages(ctx, opts)
	if err != nil {
		return nil, err
	}
	g.Loader, g.Fallback = LoaderPackages, fallback
	return g, nil
}

// loadPackages is Load with go/packages.
func loadPackages(ctx context.Context, opts Options) (*Graph, error) {
	patterns := opts.Patterns
	if len(patterns) == 0 {
		ws, err := workspacePatterns(opts.Dir)
		if err != nil {
			return nil, err
		}
		patterns = ws
	}
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	cfg := &packages.Config{
		Context: ctx,
		Mode:    Mode,
		Dir:     opts.Dir,
		Tests:   opts.Tests,
		Env:     GoEnv(opts.Env, false),
	}
	if len(opts.Tags) > 0 {
		cfg.BuildFlags = []string{"-tags=" + strings.Join(opts.Tags, ",")}
	}
	var mods []string
	var ahead map[string]*nestedList
	if opts.Nested && len(opts.Patterns) == 0 {
		var err error
		if mods, err = shallowFirst(opts.Dir); err != nil {
			return nil, err
		}
		var stop context.CancelFunc
		cfg.Context, stop = context.WithCancel(ctx)
		defer stop()
		ahead = listAhead(cfg, opts.Dir, mods)
	}
	loaded, note, err := LoadTidied(cfg, patterns...)
	if err != nil {
		return nil, fmt.Errorf("load %s: %s", strings.Join(patterns, " "), goCommandError(err))
	}
	var nestedErrs []Error
	if note != nil {
		nestedErrs = append(nestedErrs, *note)
	}
	var copies []string
	if opts.Nested && len(opts.Patterns) == 0 {
		have := make(map[string]bool)
		modPaths := make(map[string]bool)
		for _, lp := range loaded {
			if lp.Module != nil {
				have[lp.Module.Dir] = true
				modPaths[lp.Module.Path] = true
			}
		}
		if len(mods) > 0 {
			// The root is no module, or a module that does not reach
			// into its nested ones: drop what ./... found outside any module.
			kept := loaded[:0]
			for _, lp := range loaded {
				if lp.Module != nil || lp.PkgPath != "" && len(lp.Errors) == 0 {
					kept = append(kept, lp)
				}
			}
			loaded = kept
		}
		var read []string
		read, copies = toRead(mods, have, modPaths)
		for _, m := range read {
			l := ahead[m]
			if l == nil {
				l = listNested(cfg, opts.Dir, m)
				l.list()
			}
			<-l.done
			more, err := l.pkgs, l.err
			if l.note != nil {
				nestedErrs = append(nestedErrs, *l.note)
			}
			if err != nil {
				// One module that cannot be listed (a missing go.sum
				// entry, say) leaves the others to check.
				nestedErrs = append(nestedErrs, Error{Pos: token.Position{Filename: filepath.Join(m, "go.mod"), Line: 1, Column: 1}, Msg: "module not loaded: " + goCommandError(err)})
				continue
			}
			loaded = append(loaded, more...)
		}
	}
	g := fromPackages(loaded, nil)
	g.Errors = append(g.Errors, nestedErrs...)
	g.Copies = copies
	if !opts.Nested && len(opts.Patterns) == 0 {
		g.Skipped = skippedModules(opts.Dir, g.Modules)
	}
	if g.goroot == "" {
		// The code imports nothing of the standard library: ask the go
		// command where it is, so that config entries naming it can
		// still be checked.
		cmd := exec.CommandContext(ctx, "go", "env", "GOROOT")
		cmd.Dir, cmd.Env = opts.Dir, cfg.Env
		if out, err := cmd.Output(); err == nil {
			g.goroot = strings.TrimSpace(string(out))
		}
	}
	return g, nil
}

// loadNested adds to root, the fast loader's graph of Dir, the modules
// below Dir that ./... does not enter, as loadPackages adds them: a
// module already read, or a copy of one (by module path), is left out.
// Each is read by the fast loader, or listed by go list where that one
// gives way; the graph then says go list ran, and why. With LoaderFast,
// a module the fast loader cannot read is the reason the load fails.
func loadNested(ctx context.Context, opts Options, root *Graph) (*Graph, string) {
	mods, err := shallowFirst(opts.Dir)
	if err != nil {
		return nil, err.Error()
	}
	have := make(map[string]bool)
	modPaths := make(map[string]bool)
	for _, m := range root.Modules {
		have[m.Dir], modPaths[m.Path] = true, true
	}
	read, copies := toRead(mods, have, modPaths)
	graphs := []*Graph{root}
	var slow []string
	fallback := ""
	for _, m := range read {
		sub := moduleOptions(opts, m)
		g, why := fastLoad(ctx, sub)
		if g == nil {
			rel, _ := filepath.Rel(opts.Dir, m)
			why = filepath.ToSlash(rel) + ": " + why
			if opts.Loader == LoaderFast {
				return nil, why
			}
			if fallback == "" {
				fallback = why
			}
			slow = append(slow, m)
			continue
		}
		graphs = append(graphs, g)
	}
	var errs []Error
	if len(slow) > 0 {
		if opts.FallingBack != nil {
			opts.FallingBack(fallback)
		}
		cfg := &packages.Config{Context: ctx, Mode: Mode, Tests: opts.Tests, Env: GoEnv(opts.Env, false)}
		if len(opts.Tags) > 0 {
			cfg.BuildFlags = []string{"-tags=" + strings.Join(opts.Tags, ",")}
		}
		lists := make([]*nestedList, len(slow))
		sem := make(chan struct{}, runtime.GOMAXPROCS(0))
		for i, m := range slow {
			lists[i] = listNested(cfg, opts.Dir, m)
			go func() {
				sem <- struct{}{}
				defer func() { <-sem }()
				lists[i].list()
			}()
		}
		var listed []*packages.Package
		var notLoaded []Error
		for i, l := range lists {
			<-l.done
			if l.note != nil {
				notLoaded = append(notLoaded, *l.note)
			}
			if l.err != nil {
				notLoaded = append(notLoaded, Error{Pos: token.Position{Filename: filepath.Join(slow[i], "go.mod"), Line: 1, Column: 1}, Msg: "module not loaded: " + goCommandError(l.err)})
				continue
			}
			listed = append(listed, l.pkgs...)
		}
		var read []*Module // the modules read without go list
		for _, g := range graphs {
			read = append(read, g.Modules...)
		}
		lg := fromPackages(listed, read)
		graphs = append(graphs, lg)
		errs = append(lg.Errors, notLoaded...)
	}
	var modules []*Module
	var pkgs []*Package
	seenMod := make(map[string]bool)
	seen := make(map[string]bool)
	goroot := ""
	for _, g := range graphs {
		for _, m := range g.Modules {
			if seenMod[m.Path] {
				return nil, "two modules below the folder are " + m.Path
			}
			seenMod[m.Path] = true
			modules = append(modules, m)
		}
		for _, p := range g.Packages {
			if seen[p.Path] {
				// Two modules hold the package (example.com/a's folder
				// b and a module example.com/a/b): go list's graph is
				// the reference for what comes of that.
				return nil, "two modules below the folder hold " + p.Path
			}
			seen[p.Path] = true
			pkgs = append(pkgs, p)
		}
		if goroot == "" {
			goroot = g.goroot
		}
	}
	sort.SliceStable(modules, func(i, j int) bool { return modules[i].Path < modules[j].Path })
	g := NewGraph(modules, pkgs)
	g.Errors, g.Copies, g.goroot = errs, copies, goroot
	if len(slow) > 0 {
		g.Loader, g.Fallback = LoaderPackages, fallback
	}
	return g, ""
}

// moduleOptions are the options a nested module below opts.Dir is read
// with on its own, as go list is run for it: ./... in its folder, whatever
// go.work it holds, and without a go.work above that does not use it.
func moduleOptions(opts Options, dir string) Options {
	sub := Options{Dir: dir, Patterns: []string{"./..."}, Tags: opts.Tags, Tests: opts.Tests, Env: opts.Env, Cache: opts.Cache, CacheDepsOnly: opts.CacheDepsOnly}
	if OutsideWorkspace(dir) {
		env := opts.Env
		if env == nil {
			env = os.Environ()
		}
		sub.Env = append(slices.Clone(env), "GOWORK=off")
	}
	return sub
}

// shallowFirst returns the modules below dir, shallower ones first: of
// two copies of one module path, the one nearer the root is read (shop/,
// not book/ch1/shop/).
func shallowFirst(dir string) ([]string, error) {
	mods, err := nestedModules(dir)
	if err != nil {
		return nil, err
	}
	sort.SliceStable(mods, func(i, j int) bool {
		return strings.Count(mods[i], string(filepath.Separator)) < strings.Count(mods[j], string(filepath.Separator))
	})
	return mods, nil
}

// toRead splits the nested modules into those to read and the copies of
// a module already read: a copy (a tutorial's chapter, a fork kept beside
// it) has its packages' import paths, and one graph cannot hold both.
// have holds the folders of the modules read, modPaths their paths; it
// takes in the modules to read.
func toRead(mods []string, have, modPaths map[string]bool) (read, copies []string) {
	for _, m := range mods {
		if have[m] {
			continue
		}
		if mp := goModPath(m); mp != "" {
			if modPaths[mp] {
				copies = append(copies, m)
				continue
			}
			modPaths[mp] = true
		}
		read = append(read, m)
	}
	return read, copies
}

// A nestedList is the go list of a module below the one loaded, which
// ./... does not enter.
type nestedList struct {
	cfg  packages.Config
	root string // the folder archie names files from
	pkgs []*packages.Package
	note *Error // the module was listed with a tidied copy of its go.mod
	err  error
	done chan struct{}
}

func listNested(cfg *packages.Config, root, dir string) *nestedList {
	l := &nestedList{cfg: *cfg, root: root, done: make(chan struct{})}
	l.cfg.Dir = dir
	if OutsideWorkspace(dir) {
		l.cfg.Env = append(slices.Clone(cfg.Env), "GOWORK=off")
	}
	return l
}

func (l *nestedList) list() {
	defer close(l.done)
	l.pkgs, l.note, l.err = LoadTidied(&l.cfg, "./...")
	// go list says an error's file relative to the folder it ran in:
	// the nested module's, not the one archie names files from.
	if rel, err := filepath.Rel(l.root, l.cfg.Dir); err == nil && rel != "." {
		packages.Visit(l.pkgs, nil, func(p *packages.Package) {
			for j := range p.Errors {
				p.Errors[j].Pos = underDir(p.Errors[j].Pos, rel)
			}
		})
	}
}

// listAhead starts listing the nested modules that the load of dir will
// not hold, while that load runs: a module per service, each its own go
// list, would otherwise wait for one another. The go command runs on
// every core, this load's included; which modules are left to list is
// guessed from the go.work and go.mod files, and the load decides (a
// module it lists anyway, or a copy it leaves out, costs only time).
func listAhead(cfg *packages.Config, dir string, mods []string) map[string]*nestedList {
	held := make(map[string]bool) // folders and module paths the root's load holds
	if patterns, err := workspacePatterns(dir); err == nil && len(patterns) > 0 && !slices.Contains(cfg.Env, "GOWORK=off") && os.Getenv("GOWORK") != "off" {
		for _, p := range patterns {
			m := filepath.Join(dir, strings.TrimSuffix(p, "/..."))
			held[m] = true
			held[goModPath(m)] = true
		}
	} else if mp := goModPath(dir); mp != "" {
		held[dir], held[mp] = true, true
	}
	var todo []*nestedList
	ahead := make(map[string]*nestedList)
	for _, m := range mods {
		mp := goModPath(m)
		if held[m] || mp != "" && held[mp] {
			continue
		}
		held[mp] = mp != ""
		l := listNested(cfg, dir, m)
		ahead[m] = l
		todo = append(todo, l)
	}
	next := make(chan *nestedList)
	go func() {
		defer close(next)
		for _, l := range todo {
			next <- l
		}
	}()
	// One core is the root's load's until it ends; each module is listed
	// once, in order, by one of these.
	for range max(1, runtime.GOMAXPROCS(0)-1) {
		go func() {
			for l := range next {
				l.list()
			}
		}()
	}
	return ahead
}

// skippedModules returns the folders below dir with a go.mod that none of
// the loaded modules is: ./... stops at a folder with a go.mod of its own,
// and Load says which modules that leaves out rather than pass them over.
func skippedModules(dir string, loaded []*Module) []string {
	mods, err := nestedModules(dir)
	if err != nil {
		return nil
	}
	have := make(map[string]bool)
	for _, m := range loaded {
		have[m.Dir] = true
	}
	var out []string
	for _, m := range mods {
		if !have[m] {
			out = append(out, m)
		}
	}
	return out
}

// fromPackages merges go/packages results, including test variants, into a
// Graph. With tests, go/packages returns up to four packages per directory:
// p, "p [p.test]" (p with its _test.go files), "p_test [p.test]" (the
// external test package) and "p.test" (the generated test main). archie sees
// one package p whose imports are marked Test when only test files make them.
//
// known are main modules loaded apart (by the fast loader), which tell
// whose folder a missing package would be in.
func fromPackages(loaded []*packages.Package, known []*Module) *Graph {
	type entry struct {
		pkg     *Package
		imports map[string]bool // path -> test only
	}
	entries := make(map[string]*entry)
	modules := make(map[string]*Module)
	seenErr := make(map[string]bool)
	var errs []Error

	get := func(path string) *entry {
		e := entries[path]
		if e == nil {
			e = &entry{pkg: &Package{Path: path}, imports: make(map[string]bool)}
			entries[path] = e
		}
		return e
	}
	for _, lp := range loaded {
		for _, le := range lp.Errors {
			e := Error{Pos: ParsePos(le.Pos), Package: lp.PkgPath, Msg: le.Msg}
			if key := e.String(); !seenErr[key] {
				seenErr[key] = true
				errs = append(errs, e)
			}
		}
		if lp.PkgPath == "" || strings.HasSuffix(lp.ID, ".test") && lp.Name == "main" {
			continue // nothing was loaded, or the generated test main
		}
		testVariant := strings.Contains(lp.ID, " [")
		path := lp.PkgPath
		if testVariant && strings.HasSuffix(lp.Name, "_test") {
			path = strings.TrimSuffix(path, "_test")
		}
		e := get(path)
		p := e.pkg
		if !testVariant {
			p.Name, p.Dir, p.GoFiles = lp.Name, lp.Dir, lp.GoFiles
		} else {
			if p.Dir == "" {
				p.Dir = lp.Dir
			}
			for _, f := range lp.GoFiles {
				if strings.HasSuffix(f, "_test.go") {
					p.TestFiles = append(p.TestFiles, f)
				}
			}
		}
		if lp.Module != nil && lp.Module.Main {
			m := modules[lp.Module.Path]
			if m == nil {
				m = &Module{Path: lp.Module.Path, Dir: lp.Module.Dir}
				modules[m.Path] = m
			}
			p.Module = m
		}
		for imp := range lp.Imports {
			if imp == path {
				continue // the external test package importing the package under test
			}
			if test, ok := e.imports[imp]; !ok || test && !testVariant {
				e.imports[imp] = testVariant
			}
		}
	}

	all := maps.Clone(modules)
	for _, m := range known {
		if all[m.Path] == nil {
			all[m.Path] = m
		}
	}
	// The errors of imported packages: a package that exists nowhere, a
	// module that go.mod does not require, a module not downloaded. go list
	// reports them on the imported package, at the import that needs it.
	goroot := ""
	seenDep := make(map[*packages.Package]bool)
	var visit func(*packages.Package)
	visit = func(lp *packages.Package) {
		for _, dep := range lp.Imports {
			if seenDep[dep] {
				continue
			}
			seenDep[dep] = true
			for _, le := range dep.Errors {
				e := Error{Pos: ParsePos(le.Pos), Package: dep.PkgPath, Msg: le.Msg}
				if m := modules[modulePathOf(dep.PkgPath, all)]; m != nil && lp.Module != nil && lp.Module.Path == m.Path && strings.HasPrefix(le.Msg, "no required module provides package") {
					// The go command's advice (go get) is wrong for a
					// folder of the importer's own module that does not
					// exist. (From another main module, read in a go list
					// of its own, the advice stands.)
					e.Msg = fmt.Sprintf("package %s does not exist: module %s has no folder %s", dep.PkgPath, m.Path, strings.TrimPrefix(dep.PkgPath, m.Path+"/"))
				}
				if key := e.String(); !seenErr[key] {
					seenErr[key] = true
					errs = append(errs, e)
				}
			}
			if goroot == "" && dep.Module == nil && dep.Dir != "" && !strings.Contains(dep.PkgPath, ".") {
				if d, ok := strings.CutSuffix(dep.Dir, string(filepath.Separator)+filepath.Join("src", filepath.FromSlash(dep.PkgPath))); ok {
					goroot = d
				}
			}
			visit(dep)
		}
	}
	for _, lp := range loaded {
		visit(lp)
	}

	var mods []*Module
	for _, m := range modules {
		mods = append(mods, m)
	}
	sort.Slice(mods, func(i, j int) bool { return mods[i].Path < mods[j].Path })
	var pkgs []*Package
	for _, e := range entries {
		if e.pkg.Name == "" && len(e.pkg.GoFiles) == 0 && len(e.pkg.TestFiles) == 0 {
			continue // a pattern that named no package; its error is in errs
		}
		sort.Strings(e.pkg.TestFiles)
		e.pkg.TestFiles = dedup(e.pkg.TestFiles)
		for path, test := range e.imports {
			e.pkg.Imports = append(e.pkg.Imports, Import{Path: path, Test: test})
		}
		pkgs = append(pkgs, e.pkg)
	}
	g := NewGraph(mods, pkgs)
	g.goroot = goroot
	sort.SliceStable(errs, func(i, j int) bool {
		a, b := errs[i], errs[j]
		if a.Pos.Filename != b.Pos.Filename {
			return a.Pos.Filename < b.Pos.Filename
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		if a.Pos.Column != b.Pos.Column {
			return a.Pos.Column < b.Pos.Column
		}
		return a.String() < b.String()
	})
	g.Errors = errs
	g.recoverImports()
	return g
}

// recoverImports adds the imports that the go command dropped. When a file
// does not parse, go list reports the error and leaves that file's imports
// out; a check that trusted it would pass silently. Parsing the import
// blocks of the broken packages ourselves recovers every import spec
// written before the syntax error.
func (g *Graph) recoverImports() {
	broken := make(map[string]bool)
	for _, e := range g.Errors {
		broken[e.Package] = true
	}
	for _, p := range g.Packages {
		if !broken[p.Path] {
			continue
		}
		have := make(map[string]bool, len(p.Imports))
		for _, imp := range p.Imports {
			have[imp.Path] = true
		}
		specs := g.specs(p.Path)
		for path, pos := range specs {
			if have[path] || path == p.Path || path == "C" {
				continue
			}
			test := true
			for _, ps := range pos {
				test = test && strings.HasSuffix(ps.Filename, "_test.go")
			}
			p.Imports = append(p.Imports, Import{Path: path, Test: test})
		}
		sort.Slice(p.Imports, func(i, j int) bool { return p.Imports[i].Path < p.Imports[j].Path })
	}
}

func dedup(s []string) []string {
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}

// underDir returns a position go list wrote relative to a folder
// (file.go:4:2) relative to the folder above it of which dir is the
// relative path; an absolute position, or none ("-"), is kept.
func underDir(pos, dir string) string {
	if pos == "" || pos == "-" || filepath.IsAbs(pos) {
		return pos
	}
	return filepath.Join(dir, pos)
}

// ParsePos parses the "file:line:col" form go/packages uses for positions.
func ParsePos(s string) token.Position {
	var pos token.Position
	if s == "" || s == "-" {
		return pos
	}
	rest := s
	nums := make([]int, 0, 2)
	for range 2 {
		i := strings.LastIndexByte(rest, ':')
		if i < 0 {
			break
		}
		n, err := strconv.Atoi(rest[i+1:])
		if err != nil {
			break
		}
		nums = append(nums, n)
		rest = rest[:i]
	}
	pos.Filename = rest
	switch len(nums) {
	case 2:
		pos.Line, pos.Column = nums[1], nums[0]
	case 1:
		pos.Line = nums[0]
	}
	return pos
}

// modulePathOf returns the path of the module in modules that holds the
// import path, the longest when several do, or "".
func modulePathOf(path string, modules map[string]*Module) string {
	best := ""
	for mp := range modules {
		if within(path, mp) && len(mp) > len(best) {
			best = mp
		}
	}
	return best
}

// RealDir is dir as an absolute path without symbolic links ("." for the
// working directory when dir is ""), the form archie compares directories
// in.
func RealDir(dir string) (string, error) {
	if dir == "" {
		dir = "."
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	return filepath.EvalSymlinks(abs)
}

// goModPath returns the module path the go.mod in dir declares, or "".
func goModPath(dir string) string {
	data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		return ""
	}
	return modfile.ModulePath(data)
}
