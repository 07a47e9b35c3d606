package analyze

import (
	"context"
	"errors"
	"fmt"
	"go/build"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/module"
)

// Loaders Options.Loader names.
const (
	// LoaderAuto tries the fast loader and falls back to go/packages
	// whenever the fast loader cannot judge the code exactly.
	LoaderAuto = ""
	// LoaderPackages always loads with go/packages (go list), the
	// reference.
	LoaderPackages = "packages"
	// LoaderFast loads with the fast loader only and fails where it would
	// fall back: for tests and benchmarks that must know which ran.
	LoaderFast = "fast"
)

// fastLoad loads the import graph without go list: it walks the
// directories the patterns name, selects each one's files with go/build as
// the go command would (GOOS, GOARCH, build tags, cgo, release tags), and
// resolves every import, and the imports of the packages it reaches, in
// the standard library, the main module or the modules of the build list,
// so that it sees every error go list would report. It builds a graph
// only when it can be sure go list would report no problem at all: any
// doubt is a reason, returned instead, and Load asks go list. A graph with
// load errors is never built here, so a verdict from this path never
// hides an incomplete check.
func fastLoad(ctx context.Context, opts Options) (*Graph, string) {
	if opts.Nested && len(opts.Patterns) > 0 {
		return nil, "nested modules are loaded for the services analysis"
	}
	env, err := readGoEnv(ctx, opts.Dir, GoEnv(opts.Env, false))
	if err != nil {
		return nil, err.Error()
	}
	if env.GO111MODULE == "off" {
		return nil, "GO111MODULE=off"
	}
	if env.GOEXPERIMENT != "" {
		return nil, "GOEXPERIMENT is set"
	}
	tags, tagsSet, why := fastFlags(env.GOFLAGS)
	if why != "" {
		return nil, why
	}
	if len(opts.Tags) > 0 || !tagsSet {
		tags = opts.Tags // -tags on the command line overrides GOFLAGS
	}
	bctx, why := env.buildContext(tags)
	if why != "" {
		return nil, why
	}
	work := env.GOWORK
	if work == "off" {
		work = ""
	}
	mains, why := mainModules(opts.Dir, work)
	if why != "" {
		if opts.Nested && work == "" && errors.Is(noModule(opts.Dir), errNoModule) && len(skippedModules(opts.Dir, nil)) > 0 {
			// A folder of modules with none at its root, one per
			// service: ./... matches nothing there, and Load reads
			// each module below.
			g := NewGraph(nil, nil)
			g.goroot = env.GOROOT
			return g, ""
		}
		return nil, why
	}
	bl, why := fastModuleGraph(env, mains, work)
	if why != "" {
		return nil, why
	}
	if err := ctx.Err(); err != nil {
		return nil, err.Error()
	}
	patterns := opts.Patterns
	if len(patterns) == 0 {
		// As Load: every module of a go.work in Dir, else ./... .
		ws, err := workspacePatterns(opts.Dir)
		if err != nil {
			return nil, err.Error()
		}
		patterns = ws
	}
	dirs, why := matchDirs(opts.Dir, mains, patterns, bl.ignore)
	if why != "" {
		return nil, why
	}
	if len(dirs) == 0 {
		return nil, "the patterns match no folder with Go files"
	}
	if bl.vendor != nil {
		for ip := range dirs {
			if why := bl.vendor.shadowed(ip); why != "" {
				return nil, why
			}
		}
	}
	bctx.ReadDir = func(dir string) ([]fs.FileInfo, error) { return readDir(dir, false) }
	l := &fastLoader{ctx: bctx, depCtx: withoutTests(bctx), env: env, bl: bl, tests: opts.Tests, nodes: make(map[string]*fastNode),
		toolTags: sync.OnceValues(func() ([]string, string) { return readToolTags(ctx, opts.Dir, GoEnv(opts.Env, false)) })}
	if opts.Cache != nil {
		var mainDirs, keyFiles []string
		if !opts.CacheDepsOnly {
			for _, m := range mains {
				mainDirs = append(mainDirs, m.Path+" "+m.Dir)
			}
			keyFiles = mainKeyFiles(mains, work)
		}
		l.cache = opts.Cache.newLoadCache(env, bctx, mainDirs, keyFiles)
		bl.hasGoFiles = l.cache.hasGoFiles
	}
	g, why := l.load(ctx, dirs)
	if why != "" {
		return nil, why
	}
	// Only what a load without a problem read is kept: a load that gives
	// way to go list leaves the cache as it was.
	l.cache.commit()
	return g, ""
}

// mainModules returns the main modules as the go command sees them from
// dir: the module holding dir, or every module of the go.work in use.
func mainModules(dir, work string) ([]*Module, string) {
	own, ownErr := findModuleRoot(dir)
	if work == "" {
		if ownErr != nil {
			return nil, ownErr.Error()
		}
		if err := module.CheckImportPath(own.Path); err != nil {
			return nil, err.Error()
		}
		return []*Module{own}, ""
	}
	data, err := os.ReadFile(work)
	if err != nil {
		return nil, err.Error()
	}
	wf, err := modfile.ParseWork(work, data, nil)
	if err != nil {
		return nil, "go.work: " + err.Error()
	}
	var mains []*Module
	// The module holding dir must be one of the workspace's, unless it
	// holds the go.work itself (a repository whose testdata has one):
	// the patterns then say which modules are read.
	listed := ownErr != nil || !withinDir(own.Dir, filepath.Dir(work))
	for _, use := range wf.Use {
		d := use.Path
		if !filepath.IsAbs(d) {
			d = filepath.Join(filepath.Dir(work), d)
		}
		real, err := RealDir(d)
		if err != nil {
			return nil, fmt.Sprintf("go.work uses %s: %v", use.Path, err)
		}
		if real != filepath.Clean(d) {
			// go list names the folder as go.work does, links and all.
			return nil, fmt.Sprintf("go.work uses %s through a symbolic link", use.Path)
		}
		m, err := readModule(real)
		if err != nil {
			return nil, fmt.Sprintf("go.work uses %s: %v", use.Path, err)
		}
		if err := module.CheckImportPath(m.Path); err != nil {
			return nil, err.Error()
		}
		listed = listed || own.Dir == m.Dir
		mains = append(mains, m)
	}
	if !listed {
		return nil, dir + " is in a module its go.work does not use"
	}
	return mains, ""
}

// errNoModule is findModuleRoot's error when no go.mod holds the folder.
var errNoModule = errors.New("no go.mod")

// findModuleRoot returns the module holding dir: the nearest go.mod.
func findModuleRoot(dir string) (*Module, error) {
	for d := dir; ; d = filepath.Dir(d) {
		if m, err := readModule(d); err == nil {
			return m, nil
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		if filepath.Dir(d) == d {
			return nil, fmt.Errorf("%w in %s or a parent", errNoModule, dir)
		}
	}
}

// noModule returns findModuleRoot's error for dir, nil when a module
// holds it.
func noModule(dir string) error {
	_, err := findModuleRoot(dir)
	return err
}

// matchDirs returns the directories the patterns match as candidate
// packages (a directory whose files all fail the build constraints is
// dropped later), by import path, with the main module of each. It
// understands ./... and directory patterns relative to dir; any other
// pattern is a reason.
func matchDirs(dir string, mains []*Module, patterns []string, ignore []string) (map[string]fastMatch, string) {
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	out := make(map[string]fastMatch)
	for _, p := range patterns {
		if p != "." && p != "./..." && !strings.HasPrefix(p, "./") {
			return nil, fmt.Sprintf("pattern %q", p)
		}
		root, wild := strings.CutSuffix(p, "/...")
		if p == "./..." {
			root, wild = ".", true
		}
		if strings.Contains(root, "...") || strings.ContainsAny(root, "*?[\\") {
			return nil, fmt.Sprintf("pattern %q", p)
		}
		for _, elem := range strings.Split(path.Clean(root), "/") {
			if elem == ".." || elem != "." && (strings.HasPrefix(elem, ".") || strings.HasPrefix(elem, "_") || elem == "testdata" || elem == "vendor") {
				return nil, fmt.Sprintf("pattern %q", p)
			}
		}
		abs := filepath.Join(dir, filepath.FromSlash(root))
		if !wild {
			m := dirModule(mains, abs)
			if m == nil {
				return nil, fmt.Sprintf("pattern %q names no main module's folder", p)
			}
			if rel, err := filepath.Rel(m.Dir, abs); err != nil || hiddenPath(rel) {
				return nil, fmt.Sprintf("%s is in a folder go list passes over", abs)
			}
			ip, why := importPathOf(m, abs)
			if why != "" {
				return nil, why
			}
			out[ip] = fastMatch{abs, m, true}
			continue
		}
		// The go command walks from the pattern's folder in the main
		// module holding it, and stops at every go.mod below: a module
		// of the workspace in a subfolder is not matched.
		m := dirModule(mains, abs)
		if m == nil {
			return nil, fmt.Sprintf("pattern %q names no main module's folder", p)
		}
		if why := walkPackages(abs, m, ignore, out); why != "" {
			return nil, why
		}
	}
	return out, ""
}

// hiddenPath reports whether a relative path has an element that ./...
// passes over: testdata, vendor, or a name starting with . or _.
func hiddenPath(rel string) bool {
	for _, elem := range strings.Split(filepath.ToSlash(rel), "/") {
		if elem == "." {
			continue
		}
		if elem == ".." || elem == "testdata" || elem == "vendor" || strings.HasPrefix(elem, ".") || strings.HasPrefix(elem, "_") {
			return true
		}
	}
	return false
}

// ignored applies go.mod's ignore directives to a folder of the module,
// relative to its root, as the go command does when it matches ./...: a
// directive ./x takes out the folder x at the root and what is below it,
// a directive x every folder named x (or x/y, for x/y) at any depth.
func ignored(ignore []string, rel string) bool {
	if len(ignore) == 0 {
		return false
	}
	slashed := func(p string) string {
		p = filepath.ToSlash(p)
		if !strings.HasPrefix(p, "/") {
			p = "/" + p
		}
		if !strings.HasSuffix(p, "/") {
			p += "/"
		}
		return p
	}
	dir := slashed(rel)
	for _, ig := range ignore {
		p, atRoot := strings.CutPrefix(ig, "./")
		p = slashed(p)
		if atRoot && strings.HasPrefix(dir, p) || !atRoot && strings.Contains(dir, p) {
			return true
		}
	}
	return false
}

// A fastMatch is a folder a pattern matched, in a main module.
type fastMatch struct {
	dir     string
	mod     *Module
	literal bool // named by a pattern without ...: it must be a package
}

// dirModule returns the main module whose tree holds dir with no go.mod
// in between, or nil.
func dirModule(mains []*Module, dir string) *Module {
	for _, m := range mains {
		if withinDir(dir, m.Dir) && !nestedGoMod(m.Dir, dir) {
			return m
		}
	}
	return nil
}

// withinDir reports whether dir is root or below it.
func withinDir(dir, root string) bool {
	return dir == root || strings.HasPrefix(dir, root+string(filepath.Separator))
}

// walkPackages adds the folders with Go files below start, in module m,
// passing over what ./... passes over: folders named testdata or starting
// with . or _, what is below a folder named vendor, other modules, symbolic
// links and what go.mod ignores.
func walkPackages(start string, m *Module, ignore []string, out map[string]fastMatch) string {
	if rel, err := filepath.Rel(m.Dir, start); err != nil || hiddenPath(rel) || ignored(ignore, rel) {
		return fmt.Sprintf("%s is in a folder go list passes over", start)
	}
	// One listing of each folder tells all the walk needs: whether it is
	// another module, whether it holds Go files, and its subfolders.
	var walk func(dir string, descend bool) string
	walk = func(dir string, descend bool) string {
		entries, err := os.ReadDir(dir)
		if err != nil {
			return err.Error()
		}
		if dir != start && slices.ContainsFunc(entries, func(e fs.DirEntry) bool { return e.Name() == "go.mod" }) {
			return "" // a module of its own
		}
		has, err := goFilesIn(dir, entries)
		if err != nil {
			return err.Error()
		}
		if has {
			ip, why := importPathOf(m, dir)
			if why != "" {
				return why
			}
			out[ip] = fastMatch{dir, m, false}
		}
		if !descend {
			return ""
		}
		for _, e := range entries {
			if !e.IsDir() {
				continue
			}
			name := e.Name()
			if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || name == "testdata" {
				continue
			}
			sub := filepath.Join(dir, name)
			if rel, _ := filepath.Rel(m.Dir, sub); ignored(ignore, rel) {
				continue
			}
			// A ... matches a folder named vendor, never what is
			// below it (a vendored package, in the module's vendor/).
			if why := walk(sub, name != "vendor"); why != "" {
				return why
			}
		}
		return ""
	}
	return walk(start, true)
}

// importPathOf is the import path of a directory of a main module.
func importPathOf(m *Module, dir string) (string, string) {
	rel, err := filepath.Rel(m.Dir, dir)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", fmt.Sprintf("%s is outside module %s", dir, m.Path)
	}
	ip := m.Path
	if rel != "." {
		ip += "/" + filepath.ToSlash(rel)
	}
	if err := module.CheckImportPath(ip); err != nil {
		return "", err.Error()
	}
	return ip, ""
}

// A fastLoader reads packages and follows their imports.
type fastLoader struct {
	ctx *build.Context
	// depCtx reads packages of the module cache without their _test.go
	// files, which go list does not read for dependencies either: a
	// published module whose tests do not even parse is not worth
	// reading every dependency's tests for.
	depCtx *build.Context
	env    *fastEnv
	bl     *buildList
	tests  bool
	cache  *loadCache // nil without a cache

	mu    sync.Mutex
	nodes map[string]*fastNode // by import path
	why   string               // the first reason to give up

	// toolTags asks the go command, once, for the tags of its own build
	// (goexperiment.*, amd64.v1): the few folders whose files name one
	// are read again with them.
	toolTags func() ([]string, string)
}

// A fastNode is one package the load reached.
type fastNode struct {
	path    string
	dir     string
	std     bool
	main    bool    // matched by the patterns
	literal bool    // by a pattern without ...
	mod     *Module // the main module of a matched package
	bp      *build.Package
	// imports are the non-test imports other than "C"; testImports and
	// xtestImports those of the _test.go files, when tests are loaded.
	imports, testImports, xtestImports []string
}

func (l *fastLoader) fail(why string) {
	l.mu.Lock()
	if l.why == "" {
		l.why = why
	}
	l.mu.Unlock()
}

func (l *fastLoader) failed() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.why != ""
}

// load reads the matched directories and everything they import, each
// package in a goroutine of its own as soon as an importer names it (a
// worker per core and as many waiting on the disk), then checks the whole
// for what go list would object to and builds the graph.
func (l *fastLoader) load(ctx context.Context, dirs map[string]fastMatch) (*Graph, string) {
	var matched []*fastNode
	for ip, d := range dirs {
		n := &fastNode{path: ip, dir: d.dir, main: true, literal: d.literal, mod: d.mod}
		l.nodes[ip] = n
		matched = append(matched, n)
	}
	sem := make(chan struct{}, max(4, runtime.GOMAXPROCS(0)*2))
	var wg sync.WaitGroup
	var visit func(n *fastNode, located bool)
	visit = func(n *fastNode, located bool) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			if l.failed() {
				return
			}
			if err := ctx.Err(); err != nil {
				l.fail(err.Error())
				return
			}
			if !located {
				if why := l.locate(n); why != "" {
					l.fail(why)
					return
				}
			}
			if why := l.read(n); why != "" {
				l.fail(why)
				return
			}
			if n.bp == nil {
				return // the standard library, whose imports are not followed, or no package
			}
			for _, imp := range n.allImports() {
				if imp == n.path {
					continue // an external test importing its package
				}
				l.mu.Lock()
				_, ok := l.nodes[imp]
				m := &fastNode{path: imp}
				if !ok {
					l.nodes[imp] = m
				}
				l.mu.Unlock()
				if !ok {
					visit(m, false)
				}
			}
		}()
	}
	for _, n := range matched {
		visit(n, true)
	}
	wg.Wait()
	if l.why != "" {
		return nil, l.why
	}
	if why := l.check(); why != "" {
		return nil, why
	}
	return l.graph(), ""
}

// withoutTests returns a copy of ctx that does not see _test.go files.
func withoutTests(ctx *build.Context) *build.Context {
	c := *ctx
	c.ReadDir = func(dir string) ([]fs.FileInfo, error) { return readDir(dir, true) }
	return &c
}

// readDir lists a folder for go/build from its entries alone: go/build
// asks a FileInfo only its name and type, and an lstat per file would
// double the system calls of a load.
func readDir(dir string, skipTests bool) ([]fs.FileInfo, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	infos := make([]fs.FileInfo, 0, len(entries))
	for _, e := range entries {
		if skipTests && strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		infos = append(infos, entryInfo{e})
	}
	return infos, nil
}

// entryInfo is a DirEntry as a FileInfo with no size or time.
type entryInfo struct{ fs.DirEntry }

func (e entryInfo) Size() int64        { return 0 }
func (e entryInfo) Mode() fs.FileMode  { return e.Type() }
func (e entryInfo) ModTime() time.Time { return time.Time{} }
func (e entryInfo) Sys() any           { return nil }

// allImports are the imports a node's package makes that the load
// follows: with tests, a matched package's test imports too.
func (n *fastNode) allImports() []string {
	if len(n.testImports)+len(n.xtestImports) == 0 {
		return n.imports
	}
	return append(append(append([]string(nil), n.imports...), n.testImports...), n.xtestImports...)
}

// locate finds where an imported package is: the standard library first,
// as the go command looks, then the modules.
func (l *fastLoader) locate(n *fastNode) string {
	imp := n.path
	if strings.HasPrefix(imp, "./") || strings.HasPrefix(imp, "../") || imp == "." || imp == ".." {
		return fmt.Sprintf("relative import %q", imp)
	}
	if err := module.CheckImportPath(imp); err != nil {
		return fmt.Sprintf("import %q: %v", imp, err)
	}
	if strings.HasPrefix(imp, "vendor/") || strings.Contains(imp, "/vendor/") {
		return fmt.Sprintf("import %q names a vendor folder", imp) // the go command refuses it
	}
	first, _, _ := strings.Cut(imp, "/")
	if !strings.Contains(first, ".") {
		dir := filepath.Join(l.env.GOROOT, "src", filepath.FromSlash(imp))
		if info, err := os.Stat(dir); err == nil && info.IsDir() {
			if l.bl.mainOf(imp) != nil {
				return fmt.Sprintf("%s is both in the standard library and a main module", imp)
			}
			if first == "cmd" || first == "vendor" || first == "internal" || strings.Contains("/"+imp+"/", "/internal/") {
				return fmt.Sprintf("import of %s", imp)
			}
			n.dir, n.std = dir, true
			return ""
		}
		if l.bl.mainOf(imp) == nil {
			return fmt.Sprintf("%s is not in the standard library", imp)
		}
	}
	dir, why := l.bl.resolve(imp)
	if why != "" {
		return why
	}
	n.dir = dir
	return ""
}

// read selects a package's files and its imports, and finds what go list
// would call an error in it.
func (l *fastLoader) read(n *fastNode) string {
	if n.std {
		// The standard library is consistent: one file that builds is
		// enough to know the package is there for this platform.
		if l.cache.stdOK(n.path) {
			return ""
		}
		entries, err := os.ReadDir(n.dir)
		if err != nil {
			return err.Error()
		}
		for _, e := range entries {
			name := e.Name()
			if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
				continue
			}
			if ok, err := l.ctx.MatchFile(n.dir, name); err == nil && ok {
				l.cache.stdFound(n.path)
				return ""
			}
		}
		return fmt.Sprintf("standard package %s has no files to build", n.path)
	}
	// Dependencies are read without tests; those of the module cache
	// are cached as immutable, vendored ones as the folders they are.
	ctx, dep := l.ctx, false
	if !n.main && withinDir(n.dir, l.env.GOMODCACHE) {
		ctx, dep = l.depCtx, true
	} else if !n.main && l.bl.vendor.holds(n.dir) {
		ctx = l.depCtx
	}
	var bp *build.Package
	var err error
	cd := l.cache.lookup(n.dir, dep)
	if cd != nil && cd.hit != nil {
		if cd.hit.NoGo {
			err = &build.NoGoError{Dir: n.dir}
		} else {
			bp = cd.hit.pkg()
		}
	} else {
		bp, err = ctx.ImportDir(n.dir, 0)
	}
	// A folder whose files name a tool tag holds what those tags select:
	// read again with the go command's, and not kept in the cache, whose
	// key does not hold how the go command was built (GOAMD64, ...).
	keep := true
	if bp != nil && slices.ContainsFunc(bp.AllTags, dottedTag) {
		keep = false
		tags, why := l.toolTags()
		if why != "" {
			return fmt.Sprintf("%s: build constraint on tool tags: %s", n.path, why)
		}
		withTags := *ctx
		withTags.ToolTags = tags
		bp, err = withTags.ImportDir(n.dir, 0)
	}
	var noGo *build.NoGoError
	if errors.As(err, &noGo) && n.main && !n.literal {
		if cd != nil && cd.hit == nil && keep {
			cd.record(nil, true)
		}
		return "" // not a package for ./...; see load
	}
	if err != nil {
		return fmt.Sprintf("%s: %v", n.path, err)
	}
	if cd != nil && cd.hit == nil && keep {
		cd.record(bp, false)
	}
	if len(bp.InvalidGoFiles) > 0 {
		return fmt.Sprintf("%s: invalid files %v", n.path, bp.InvalidGoFiles)
	}
	if !n.main && (len(bp.GoFiles)+len(bp.CgoFiles) == 0 || bp.Name == "main") {
		return fmt.Sprintf("%s is not an importable package", n.path)
	}
	embeds := bp.EmbedPatterns
	if n.main && l.tests {
		embeds = append(append(append([]string(nil), embeds...), bp.TestEmbedPatterns...), bp.XTestEmbedPatterns...)
	}
	if why := checkEmbeds(n.dir, embeds); why != "" {
		return fmt.Sprintf("%s: %s", n.path, why)
	}
	n.bp = bp
	n.imports = withoutC(bp.Imports)
	if n.main && l.tests {
		n.testImports = withoutC(bp.TestImports)
		n.xtestImports = withoutC(bp.XTestImports)
	}
	return ""
}

func withoutC(imports []string) []string {
	out := make([]string, 0, len(imports))
	for _, imp := range imports {
		if imp != "C" {
			out = append(out, imp)
		}
	}
	return out
}

// checkEmbeds reports why a package's //go:embed patterns might make go
// list report an error: a pattern that matches nothing, a directory with
// nothing to embed, a file in another module or not regular. It is
// stricter than the go command where that is simpler.
func checkEmbeds(dir string, patterns []string) string {
	if len(patterns) > 0 && strings.ContainsAny(dir, "*?[\\") {
		return "embed in a folder whose name has glob characters"
	}
	for _, p := range patterns {
		all := false
		if rest, ok := strings.CutPrefix(p, "all:"); ok {
			p, all = rest, true
		}
		if p == "." || !fs.ValidPath(p) {
			return fmt.Sprintf("embed pattern %q", p)
		}
		if _, err := path.Match(p, ""); err != nil {
			return fmt.Sprintf("embed pattern %q", p)
		}
		matches, err := filepath.Glob(filepath.Join(dir, filepath.FromSlash(p)))
		if err != nil || len(matches) == 0 {
			return fmt.Sprintf("embed pattern %q matches nothing", p)
		}
		for _, m := range matches {
			if nestedGoMod(dir, m) {
				return fmt.Sprintf("embed pattern %q reaches another module", p)
			}
			info, err := os.Lstat(m)
			if err != nil {
				return err.Error()
			}
			if info.Mode().IsRegular() {
				continue
			}
			if !info.IsDir() {
				return fmt.Sprintf("embed pattern %q matches an irregular file", p)
			}
			files, why := 0, ""
			filepath.WalkDir(m, func(q string, d fs.DirEntry, err error) error {
				if err != nil {
					why = err.Error()
					return filepath.SkipAll
				}
				name := d.Name()
				if q != m && !all && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
					if d.IsDir() {
						return filepath.SkipDir
					}
					return nil
				}
				switch {
				case d.IsDir():
					if q != m {
						if _, err := os.Stat(filepath.Join(q, "go.mod")); err == nil {
							why = "embedded folder holds another module"
							return filepath.SkipAll
						}
					}
					if name == ".git" || name == ".hg" || name == ".svn" || name == ".bzr" {
						why = "embedded folder holds " + name
						return filepath.SkipAll
					}
				case d.Type().IsRegular():
					files++
				default:
					why = "embedded folder holds an irregular file"
					return filepath.SkipAll
				}
				return nil
			})
			if why != "" {
				return why
			}
			if files == 0 {
				return fmt.Sprintf("embed pattern %q: a folder with nothing to embed", p)
			}
		}
	}
	return ""
}

// check looks at the whole load for the errors go list reports across
// packages: import cycles (in tests too), internal packages imported from
// outside their tree, programs imported, and import paths that differ
// only in case.
func (l *fastLoader) check() string {
	lower := make(map[string]string)
	for p := range l.nodes {
		lp := strings.ToLower(p)
		if other, ok := lower[lp]; ok && other != p {
			return fmt.Sprintf("import paths %s and %s differ only in case", p, other)
		}
		lower[lp] = p
	}
	for _, n := range l.nodes {
		if n.bp == nil {
			continue
		}
		edges := [][]string{n.imports, n.testImports, n.xtestImports}
		for _, imps := range edges {
			for _, imp := range imps {
				if imp == n.path {
					continue
				}
				if m := l.nodes[imp]; m != nil && m.main && (m.bp == nil || len(m.bp.GoFiles)+len(m.bp.CgoFiles) == 0) {
					return fmt.Sprintf("%s imports %s, which has no Go files to build", n.path, imp)
				}
				if !internalAllowed(n.path, imp) {
					return fmt.Sprintf("%s may not import %s", n.path, imp)
				}
				if m := l.nodes[imp]; m != nil && !m.std && !m.main && m.bp != nil && m.bp.Name == "main" {
					return fmt.Sprintf("%s imports the program %s", n.path, imp)
				}
				if m := l.nodes[imp]; m != nil && m.main && m.bp != nil && m.bp.Name == "main" {
					return fmt.Sprintf("%s imports the program %s", n.path, imp)
				}
			}
		}
	}
	// Cycles through non-test imports, then a package whose own test
	// files import something that imports it.
	const (
		unseen = iota
		active
		done
	)
	state := make(map[string]int)
	var cycle string
	var visit func(p string) bool
	visit = func(p string) bool {
		n := l.nodes[p]
		if n == nil || n.std {
			return false
		}
		switch state[p] {
		case active:
			cycle = p
			return true
		case done:
			return false
		}
		state[p] = active
		for _, imp := range n.imports {
			if visit(imp) {
				return true
			}
		}
		state[p] = done
		return false
	}
	for p := range l.nodes {
		if visit(p) {
			return "import cycle through " + cycle
		}
	}
	if l.tests {
		reach := make(map[string]map[string]bool)
		var closure func(p string) map[string]bool
		closure = func(p string) map[string]bool {
			if r, ok := reach[p]; ok {
				return r
			}
			r := map[string]bool{p: true}
			reach[p] = r
			if n := l.nodes[p]; n != nil && !n.std {
				for _, imp := range n.imports {
					for q := range closure(imp) {
						r[q] = true
					}
				}
			}
			return r
		}
		for p, n := range l.nodes {
			if !n.main {
				continue
			}
			for _, imp := range n.testImports {
				if imp != p && closure(imp)[p] {
					return fmt.Sprintf("import cycle in the tests of %s through %s", p, imp)
				}
			}
		}
	}
	return ""
}

// internalAllowed applies the go command's rule for internal packages: a
// path with an element "internal" may be imported only from the tree
// rooted at that element's parent (the last such element counts).
func internalAllowed(importer, imp string) bool {
	parent := ""
	switch {
	case strings.HasSuffix(imp, "/internal"):
		parent = strings.TrimSuffix(imp, "/internal")
	case strings.Contains(imp, "/internal/"):
		parent = imp[:strings.LastIndex(imp, "/internal/")]
	case imp == "internal" || strings.HasPrefix(imp, "internal/"):
		return false // only the standard library's
	default:
		return true
	}
	return within(importer, parent)
}

// graph builds the Graph of the matched packages, as fromPackages does
// from go list's.
func (l *fastLoader) graph() *Graph {
	used := make(map[*Module]bool)
	var pkgs []*Package
	for _, n := range l.nodes {
		if !n.main || n.bp == nil {
			continue
		}
		bp := n.bp
		p := &Package{Path: n.path, Name: bp.Name, Dir: n.dir, Module: n.mod}
		used[n.mod] = true
		for _, f := range bp.GoFiles {
			p.GoFiles = append(p.GoFiles, filepath.Join(n.dir, f))
		}
		for _, f := range bp.CgoFiles {
			p.GoFiles = append(p.GoFiles, filepath.Join(n.dir, f))
		}
		seen := make(map[string]bool)
		for _, imp := range n.imports {
			if !seen[imp] {
				seen[imp] = true
				p.Imports = append(p.Imports, Import{Path: imp})
			}
		}
		if l.tests {
			for _, f := range append(append([]string(nil), bp.TestGoFiles...), bp.XTestGoFiles...) {
				p.TestFiles = append(p.TestFiles, filepath.Join(n.dir, f))
			}
			sort.Strings(p.TestFiles)
			p.TestFiles = dedup(p.TestFiles)
			for _, imp := range append(append([]string(nil), n.testImports...), n.xtestImports...) {
				if imp != n.path && !seen[imp] {
					seen[imp] = true
					p.Imports = append(p.Imports, Import{Path: imp, Test: true})
				}
			}
		}
		pkgs = append(pkgs, p)
	}
	var mods []*Module
	for m := range used {
		mods = append(mods, m)
	}
	sort.Slice(mods, func(i, j int) bool { return mods[i].Path < mods[j].Path })
	g := NewGraph(mods, pkgs)
	g.goroot = l.env.GOROOT
	return g
}
