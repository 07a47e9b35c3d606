package services

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/archie-dev/archie/analyze"
	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
)

// Reading the services' code needs the types of every package they
// import. go/packages reads those from export data, which the go command
// compiles first when its build cache does not have it: on a CI runner
// with no cache, that is the whole dependency tree, minutes for a small
// service. typeCheck asks the go command for export data but gives it a
// -toolexec wrapper that refuses every compile (a shell script, or this
// program where there is no POSIX shell): the packages whose export data
// is in the cache come back with it, the others without, at once. Those
// are type-checked here from source, declarations only (no function
// bodies), which takes seconds.

// toolexecEnv, set in the environment of the go command, tells this
// program that the go command runs it as its -toolexec wrapper.
const toolexecEnv = "ARCHIE_TOOLEXEC"

// notCached is what the wrapper says for a compile it refuses; the go
// command reports it as the package's error, which typeCheck drops.
const notCached = "archie: export data not in the build cache; read from source"

// wrapperReady is set when the program serves as the wrapper (see
// ServeToolexec): without it, and without a shell to run refuseScript,
// typeCheck leaves the go command to compile.
var wrapperReady bool

// ServeToolexec is called first in main by a program that loads services
// (and in TestMain by its tests). When the go command runs the program as
// archie's -toolexec wrapper, it serves that and exits: tools run as
// asked, except the compiler and cgo, which it refuses unless asked their
// version. Otherwise it returns, and Load may use the program as its
// wrapper.
func ServeToolexec() {
	args := os.Args[1:]
	// The go command names the tool by its absolute path; anything else
	// is a command line, run as one (the variable leaked into a shell).
	if os.Getenv(toolexecEnv) == "" || len(args) == 0 || !filepath.IsAbs(args[0]) {
		wrapperReady = true
		return
	}
	tool := strings.TrimSuffix(filepath.Base(args[0]), ".exe")
	if (tool == "compile" || tool == "cgo") && !slices.Contains(args[1:], "-V=full") {
		fmt.Fprintln(os.Stderr, notCached)
		os.Exit(1)
	}
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			os.Exit(exit.ExitCode())
		}
		fmt.Fprintln(os.Stderr, "archie:", err)
		os.Exit(2)
	}
	os.Exit(0)
}

// listMode is what typeCheck asks go list: the import graph with files,
// and the export data the build cache already has.
const listMode = packages.NeedName | packages.NeedFiles | packages.NeedImports |
	packages.NeedDeps | packages.NeedModule | packages.NeedExportFile | packages.NeedTypesSizes

// wrapper returns the -toolexec flag that makes the go command refuse
// every compile, or "" when none can: the build already has a wrapper,
// or the wrapper would be this program and it cannot be (ServeToolexec
// was not called, its path cannot be quoted for the go command, or it is
// gone).
func wrapper(cfg *packages.Config) string {
	for _, f := range cfg.BuildFlags {
		if strings.Contains(f, "toolexec") {
			return ""
		}
	}
	if goflagsMention(cfg.Env, "toolexec") {
		return ""
	}
	if posixShell != "" && exec.Command(posixShell, "-c", "exit 0").Run() == nil {
		// It runs (not only exists: a noexec mount, a sandbox).
		return "-toolexec=" + posixShell + " -c '" + refuseScript + "' archie-toolexec"
	}
	if !wrapperReady {
		return ""
	}
	exe, err := os.Executable()
	if err != nil || strings.ContainsAny(exe, `'"`) {
		return ""
	}
	if _, err := os.Stat(exe); err != nil {
		return "" // replaced or removed since it started (go run's binary, an upgrade)
	}
	return "-toolexec='" + exe + "'"
}

// posixShell runs refuseScript where there is one. The go command runs
// the wrapper once for each package the build cache lacks (loki's
// operator module: 1 119 of them); a shell starts in a few milliseconds,
// this program, with its packages' initialisation, in about thirty: on
// that module the go list took 2.8-3.2 s instead of 7.0-7.6 s, listing
// the same export data.
var posixShell = func() string {
	if runtime.GOOS == "windows" {
		return ""
	}
	return "/bin/sh"
}()

// refuseScript is ServeToolexec as a shell script: the go command passes
// it the tool's path and arguments; it refuses the compiler and cgo but
// for their version (which the go command's cache keys are made of) and
// runs every other tool. It holds no single quote: wrapper quotes it so.
const refuseScript = `case ${1##*/} in compile|compile.exe|cgo|cgo.exe) for a; do [ "$a" = -V=full ] && exec "$@"; done; echo "` + notCached + `" >&2; exit 1;; esac; exec "$@"`

// goflagsMention reports whether the go command's GOFLAGS, in env (nil
// for this process's), mention a flag.
func goflagsMention(env []string, flag string) bool {
	if env == nil {
		env = os.Environ()
	}
	for _, kv := range env {
		if k, v, _ := strings.Cut(kv, "="); k == "GOFLAGS" && strings.Contains(v, flag) {
			return true
		}
	}
	return false
}

// typeCheck loads the packages patterns name as packages.Load does in
// systemMode: each of them from syntax, type-checked with full type
// information; the packages they import from export data where the build
// cache has it, and from source where it does not (declarations only, no
// syntax kept). It returns the packages and how many dependencies it read
// from source, after telling opts.Progress how many it will.
//
// Like packages.Load without --cgo, it lists with CGO_ENABLED=0: no cgo
// runs, and a package is the files a build without cgo selects. With opts.CGO (--cgo), go/packages loads
// instead, running cgo and compiling what the cache lacks; so it does
// without a wrapper (see wrapper).
func typeCheck(cfg *packages.Config, patterns []string, opts Options) ([]*packages.Package, int, error) {
	l := newListing(cfg, patterns, opts)
	l.list()
	return l.typeCheck(nil)
}

// A listing is one build's go list, run ahead of its type-check: the go
// command lists the next build while this process reads the last one.
type listing struct {
	cfg      *packages.Config
	patterns []string
	opts     Options
	// whole says go/packages lists and type-checks in one go, when
	// typeCheck is called: with opts.CGO, or without a wrapper.
	whole bool
	// withMains reads the packages of the main modules that the
	// patterns' packages import with function bodies too.
	withMains bool
	// rename, when set, is the path the main module's go.mod declares
	// and the path the graph gives it (analyze.LoadPrograms).
	rename [2]string
	roots  []*packages.Package
	// wrapped are the dependencies typeCheck read with their bodies, as
	// libraries over a client (wrapperRoots): roots among the others.
	wrapped []*packages.Package
	// untidy is the problem of a module listed with a tidied copy of
	// its go.mod (analyze.LoadTidied).
	untidy *analyze.Error
	// older are the problems of dependencies read as an earlier Go
	// release selects their files (release.go).
	older []analyze.Error
	err   error
	done  chan struct{}
}

// newListing prepares the listing of what typeCheck loads; list runs it.
func newListing(cfg *packages.Config, patterns []string, opts Options) *listing {
	l := &listing{patterns: patterns, opts: opts, done: make(chan struct{})}
	flag := wrapper(cfg)
	c := *cfg
	if l.whole = opts.CGO || flag == ""; l.whole {
		c.Mode = systemMode
		l.cfg = &c
		close(l.done)
		return l
	}
	c.Mode = listMode
	c.BuildFlags = append(slices.Clip(cfg.BuildFlags), flag)
	env := cfg.Env
	if env == nil {
		env = os.Environ()
	}
	c.Env = append(slices.Clip(env), "CGO_ENABLED=0")
	if !strings.Contains(flag, refuseScript) {
		c.Env = append(c.Env, toolexecEnv+"=1") // this program is the wrapper
	}
	l.cfg = &c
	return l
}

// list runs the go command, once; typeCheck waits for it.
func (ls *listing) list() {
	if ls.whole {
		return
	}
	defer close(ls.done)
	ls.roots, ls.untidy, ls.err = analyze.LoadTidied(ls.cfg, ls.patterns...)
}

// typeCheck waits for the listing and type-checks what it lists, but for
// the packages in skip, which it reads at most as other packages' imports.
func (ls *listing) typeCheck(skip map[string]bool) ([]*packages.Package, int, error) {
	if ls.whole {
		// Listed first: which packages to read with bodies (the main
		// modules' with withMains, the libraries over clients) takes the
		// import graph. skip is not applied: the patterns may be folders.
		c := *ls.cfg
		c.Mode = listMode &^ packages.NeedExportFile
		listed, untidy, err := analyze.LoadTidied(&c, ls.patterns...)
		ls.untidy = untidy
		if err != nil {
			return nil, 0, err
		}
		if ls.withMains {
			listed = withMainsRoots(listed)
		}
		var patterns []string
		libs := make(map[string]bool)
		for _, p := range listed {
			patterns = append(patterns, p.PkgPath)
		}
		for _, p := range wrapperRoots(listed, ls.opts.served) {
			patterns = append(patterns, p.PkgPath)
			libs[p.PkgPath] = true
		}
		roots, untidy, err := analyze.LoadTidied(ls.cfg, patterns...)
		if ls.untidy == nil {
			ls.untidy = untidy
		}
		// A library that does not type-check stays a dependency: its
		// importers report it as theirs.
		roots = slices.DeleteFunc(roots, func(r *packages.Package) bool { return libs[r.PkgPath] && r.IllTyped })
		for _, r := range roots {
			if libs[r.PkgPath] {
				ls.wrapped = append(ls.wrapped, r)
			}
		}
		// go/packages marks a package with an embed error ill-typed, and
		// its importers: as typeCheck drops the error, so is the mark.
		embeds := false
		packages.Visit(roots, nil, func(p *packages.Package) {
			setImports(p)
			if slices.ContainsFunc(p.Errors, embedError) {
				p.Errors = slices.DeleteFunc(p.Errors, embedError)
				embeds = true
			}
			if embeds {
				p.IllTyped = len(p.Errors) > 0
				for _, imp := range p.Imports {
					p.IllTyped = p.IllTyped || imp.IllTyped
				}
			}
		})
		return roots, 0, err
	}
	<-ls.done
	roots, err := ls.roots, ls.err
	ls.roots = nil // the build's types go with its program, not with the listing
	if err != nil {
		return nil, 0, err
	}
	if len(roots) == 0 && len(ls.patterns) > 0 {
		// The go command failed before listing anything (a go.sum
		// checksum mismatch, a module it cannot verify), and go/packages
		// said nothing: no package read is no service checked.
		pats := ls.patterns
		if len(pats) > 3 {
			pats = append(slices.Clip(pats[:3]), "…")
		}
		return nil, 0, &listedNoneError{fmt.Sprintf("the go command listed none of the services' packages; run go list -deps %s in %s to see why", strings.Join(pats, " "), ls.cfg.Dir)}
	}
	if ls.rename[0] != "" {
		renameMain(roots, ls.rename[0], ls.rename[1])
	}
	if ls.withMains {
		roots = withMainsRoots(roots)
	}
	if len(skip) > 0 {
		roots = slices.DeleteFunc(roots, func(p *packages.Package) bool { return skip[p.PkgPath] })
	}
	ls.wrapped = wrapperRoots(roots, ls.opts.served)
	roots = append(roots, ls.wrapped...)
	cfg, opts := ls.cfg, ls.opts
	l := &typeLoader{fset: token.NewFileSet(), roots: make(map[*packages.Package]bool), source: make(map[*packages.Package]chan struct{}),
		view: map[string]*types.Package{"unsafe": types.Unsafe}, cpu: make(chan struct{}, runtime.GOMAXPROCS(0)), cache: opts.Cache}
	for _, r := range roots {
		l.roots[r] = true
	}
	for _, w := range ls.wrapped {
		if l.wrapped == nil {
			l.wrapped = make(map[*packages.Package]bool)
		}
		l.wrapped[w] = true
	}
	var all []*packages.Package
	packages.Visit(roots, nil, func(p *packages.Package) { all = append(all, p) })
	fromSource := 0
	cgoCtx := cgoContext(cfg)
	l.releaseBase = cgoContext(cfg)
	byPath := make(map[string]*packages.Package, len(all))
	for _, p := range all {
		byPath[p.PkgPath] = p
	}
	l.byPath = byPath
	for _, p := range all { // dependencies first
		p.Fset = l.fset
		p.Errors = slices.DeleteFunc(p.Errors, func(e packages.Error) bool { return strings.Contains(e.Msg, notCached) || embedError(e) })
		if p.PkgPath == "unsafe" {
			p.Types = types.Unsafe
			continue
		}
		p.Types = types.NewPackage(p.PkgPath, p.Name)
		l.view[p.PkgPath] = p.Types
		src := l.roots[p] || p.ExportFile == ""
		if l.cgoDependency(cgoCtx, p, byPath) {
			src = true
		}
		for _, imp := range p.Imports {
			src = src || l.source[imp] != nil
		}
		if src {
			l.source[p] = make(chan struct{})
			if !l.roots[p] {
				fromSource++
			}
		}
	}
	reused := l.reuse(all, buildName(cfg, ls.patterns))
	fromSource -= reused
	if fromSource > 0 && opts.Progress != nil {
		msg := fmt.Sprintf("type-checking %d dependencies from source: their export data is not in the Go build cache", fromSource)
		if reused > 0 {
			msg += fmt.Sprintf(" (%d more read from archie's cache)", reused)
		}
		opts.Progress(msg)
	}
	ctx := cfg.Context
	if ctx == nil {
		ctx = context.Background()
	}
	var wg sync.WaitGroup
	for _, p := range all {
		if done := l.source[p]; done != nil {
			wg.Add(1)
			go func() {
				defer wg.Done()
				l.check(ctx, p)
				close(done) // its dependents go on while it is kept
				l.keep(p)
			}()
		}
	}
	wg.Wait()
	// What the facts look up by name is read whole, whether a package
	// type-checked here imports it or not.
	for _, p := range all {
		if l.source[p] == nil && p.Types != types.Unsafe && len(p.Errors) == 0 && (l.cached[p] != nil || p.ExportFile != "") && lookedUp(p) {
			if err := l.readExport(p); err != nil {
				p.Errors = append(p.Errors, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.UnknownError})
			}
		}
	}
	l.cached = nil
	// A demoted library is a dependency again, read from its types.
	demoted := func(p *packages.Package) bool {
		_, ok := l.demoted.Load(p)
		return ok
	}
	ls.wrapped = slices.DeleteFunc(ls.wrapped, demoted)
	roots = slices.DeleteFunc(roots, demoted)
	if l.memo != nil {
		l.memo.Save()
		l.cache.Trim()
	}
	if err := ctx.Err(); err != nil {
		return nil, 0, err
	}
	for _, p := range all {
		setImports(p)
	}
	ls.older = l.olderNotes()
	return roots, fromSource, nil
}

// cgoDependency reads a dependency whose API is declared in files that
// import "C" as a build with cgo selects its files (cgodeps.go), from
// source: the build cache's export data is of the build without.
func (l *typeLoader) cgoDependency(ctx *build.Context, p *packages.Package, byPath map[string]*packages.Package) bool {
	if l.roots[p] || !strings.Contains(strings.Split(p.PkgPath, "/")[0], ".") {
		// A root's bodies are read: a cgo file is said left out. The
		// standard library's builds without cgo declare what it does.
		return false
	}
	files, imports, ok := cgoFiles(ctx, p)
	if !ok {
		return false
	}
	// What its cgo files import and the build does not hold (go/types,
	// runtime/cgo, a package they import to link a C library) stands in
	// empty: what they declare with it has no type, as what they
	// declare with C.
	for _, path := range imports {
		if path == "unsafe" || p.Imports[path] != nil {
			continue // imported knows unsafe
		}
		if byPath[path] != nil {
			p.Imports[path] = byPath[path]
			continue
		}
		if l.sideEffects == nil {
			l.sideEffects = make(map[string]*types.Package)
		}
		fake := types.NewPackage(path, importNames(path)[0])
		fake.MarkComplete()
		l.sideEffects[path] = fake
	}
	p.GoFiles = files
	p.Errors = slices.DeleteFunc(p.Errors, func(e packages.Error) bool { return strings.Contains(e.Msg, "build constraints exclude all Go files") })
	if l.fakeC == nil {
		l.fakeC = make(map[*packages.Package]bool)
	}
	l.fakeC[p] = true
	return true
}

// embedError reports whether a package's error is the go command's about
// a //go:embed pattern (pattern all:dist/*: no matching files found: a
// web UI that a build step writes): the package's Go code is all there,
// and archie embeds nothing, so its types and facts are read as if the
// files were.
func embedError(e packages.Error) bool {
	return e.Kind == packages.ListError && strings.HasPrefix(e.Msg, "pattern ") && strings.Contains(e.Pos, ".go:")
}

// setImports makes p's types list the packages p imports, sorted by
// path, however they were read: go/types lists the imports of the source
// in their order, export data every package its declarations refer to
// (not those only function bodies use). The facts read a dependency's
// imports (the messaging libraries it wraps), and must not depend on
// whether the build cache, archie's cache or the source gave its types.
func setImports(p *packages.Package) {
	if p.Types == nil || p.Types == types.Unsafe {
		return
	}
	list := make([]*types.Package, 0, len(p.Imports))
	for _, imp := range p.Imports {
		if imp.Types != nil {
			list = append(list, imp.Types)
		}
	}
	slices.SortFunc(list, func(a, b *types.Package) int { return strings.Compare(a.Path(), b.Path()) })
	p.Types.SetImports(list)
}

// A listedNoneError is a build the go command listed nothing of: its
// services are not read, and the others are.
type listedNoneError struct{ msg string }

func (e *listedNoneError) Error() string { return e.msg }

// A typeLoader type-checks one build's packages.
type typeLoader struct {
	fset  *token.FileSet
	roots map[*packages.Package]bool
	// wrapped are the roots that are libraries over a client
	// (wrapperRoots): one whose code does not type-check with its
	// bodies is read as any dependency, declarations only, and put in
	// demoted.
	wrapped map[*packages.Package]bool
	demoted sync.Map
	source  map[*packages.Package]chan struct{} // packages type-checked here, closed when checked

	exportMu sync.Mutex                // reading export data, which fills view
	view     map[string]*types.Package // by package path, every package of the build

	cpu chan struct{} // a token per core

	// cache keeps the export data of dependencies type-checked here, by
	// keys (see typecache.go); nil without a cache.
	cache     *analyze.Cache
	keys      map[*packages.Package]string
	keepTypes bool              // write what is type-checked here to cache
	memo      *analyze.HashMemo // the build's files' hashes
	files     map[*packages.Package]string
	edited    sync.Map // packages whose files changed after files hashed them
	// cached holds the export data reuse found in the cache, until it
	// is read.
	cached map[*packages.Package][]byte
	// fakeC are the dependencies read with their files that import "C"
	// (cgodeps.go), "C" a fake package; sideEffects stand in for the
	// packages not in the build that their cgo files import.
	fakeC       map[*packages.Package]bool
	sideEffects map[string]*types.Package
	// releaseBase selects files as the build does; older holds the
	// dependencies read as an earlier Go release selects their files
	// (release.go), each an olderRead.
	releaseBase *build.Context
	older       sync.Map
	byPath      map[string]*packages.Package // every package of the build
}

// check parses and type-checks p from source once its imports are ready.
func (l *typeLoader) check(ctx context.Context, p *packages.Package) {
	root := l.roots[p]
	mode := parser.SkipObjectResolution | parser.AllErrors
	if root {
		mode |= parser.ParseComments
	}
	l.cpu <- struct{}{}
	files := l.parse(p, mode)
	if l.fakeC[p] {
		cValues(files)
	}
	<-l.cpu
	illTyped := false
	for _, imp := range p.Imports {
		if done := l.source[imp]; done != nil {
			<-done
		}
		illTyped = illTyped || imp.IllTyped
	}
	if ctx.Err() != nil {
		p.IllTyped = true
		return
	}
	// An import the go command could not list (a package of a module it
	// could not download) leaves its names undefined: the type errors that follow
	// are its consequences, hundreds of them, and say nothing more.
	unlisted := func(e packages.Error) bool { return e.Kind == packages.ListError }
	listed := !slices.ContainsFunc(p.Errors, unlisted)
	failed := make(map[string]bool) // the names the unlisted imports go by
	for path, imp := range p.Imports {
		if slices.ContainsFunc(imp.Errors, unlisted) {
			listed = false
			for _, name := range importNames(path) {
				failed[name] = true
			}
			if imp.Name != "" {
				failed[imp.Name] = true
			}
		}
	}
	for _, f := range files {
		for _, spec := range f.Imports {
			if spec.Name == nil {
				continue
			}
			if path, err := strconv.Unquote(spec.Path.Value); err == nil && p.Imports[path] != nil && slices.ContainsFunc(p.Imports[path].Errors, unlisted) {
				failed[spec.Name.Name] = true
			}
		}
	}
	tc := &types.Config{
		Importer:         importerFunc(func(path string) (*types.Package, error) { return l.imported(p, path) }),
		IgnoreFuncBodies: !root,
		FakeImportC:      l.fakeC[p],
		Sizes:            p.TypesSizes,
		Error: func(err error) {
			var te types.Error
			if !listed && (!errors.As(err, &te) || consequence(te.Msg, failed)) {
				return
			}
			if l.fakeC[p] {
				return // what a fake "C" leaves undeclared: its Go API stands
			}
			if errors.As(err, &te) {
				p.Errors = append(p.Errors, packages.Error{Pos: te.Fset.Position(te.Pos).String(), Msg: te.Msg, Kind: packages.TypeError})
			} else {
				p.Errors = append(p.Errors, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.UnknownError})
			}
		},
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		tc.GoVersion = "go" + p.Module.GoVersion
	}
	var info *types.Info
	if root {
		info = newInfo(files)
	}
	listErrs := len(p.Errors)
	l.cpu <- struct{}{}
	err := types.NewChecker(tc, l.fset, p.Types, info).Files(files)
	if root && l.wrapped[p] && (err != nil || len(p.Errors) > listErrs || illTyped || !listed) {
		// A library read for its bodies whose code does not check here
		// (a cgo file left out, an error in a body no build compiles):
		// it is read as any dependency, its declarations' errors its
		// own, and its importers use the types declared (the checker
		// declares every name whatever the bodies hold).
		l.demoted.Store(p, true)
		root, info = false, nil
		p.Errors = p.Errors[:listErrs]
		tc.IgnoreFuncBodies = true
		err = types.NewChecker(tc, l.fset, types.NewPackage(p.PkgPath, p.Name), nil).Files(files)
	}
	if !root && len(p.Errors) > listErrs && listed && !illTyped && !l.fakeC[p] {
		if pkg, release := l.olderRelease(p, tc, mode); pkg != nil {
			l.older.Store(p, olderRead{release: release, err: p.Errors[listErrs]})
			p.Errors = p.Errors[:listErrs]
			p.Types, err = pkg, nil
			l.exportMu.Lock()
			l.view[p.PkgPath] = pkg
			l.exportMu.Unlock()
		}
	}
	<-l.cpu
	if root && len(l.fakeC) > 0 {
		// A value of a dependency read with a fake "C" may have no
		// type (var Version = C.GoString(…)): go/types says nothing of
		// its uses, and SSA cannot build them.
		if pos, ok := invalidExpr(info); ok {
			p.Errors = append(p.Errors, packages.Error{Pos: l.fset.Position(pos).String(), Msg: "this uses a value whose type a dependency declares from C, which archie reads without cgo; pass --cgo to read it", Kind: packages.TypeError})
		}
	}
	if err != nil && len(p.Errors) == 0 && len(files) > 0 && listed && !l.fakeC[p] {
		p.Errors = append(p.Errors, packages.Error{Pos: l.fset.Position(files[0].Package).String(), Msg: err.Error(), Kind: packages.TypeError})
	}
	p.IllTyped = illTyped || !listed || len(p.Errors) > 0
	if root {
		p.Syntax, p.TypesInfo = files, info
	}
}

// newInfo returns the type information to record for files, its maps
// made for about as many entries as the checker will put in them. A map
// grown from empty rehashes its entries at every doubling: for the
// packages of loki's services, a million expressions, that was a second
// of CPU and the garbage of every smaller table. The shares below are
// loki's (977 265 types recorded of 1 452 989 expressions, 693 769 uses
// and 147 918 definitions of 840 892 identifiers, 112 453 selections of
// 183 131 selector expressions, 128 746 scopes of 153 174 nodes that may
// open one); a package above them grows its maps once or twice, one below
// leaves room unused.
func newInfo(files []*ast.File) *types.Info {
	var exprs, idents, selectors, scopes int
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n.(type) {
			case *ast.Ident:
				idents++
			case *ast.SelectorExpr:
				selectors++
			case *ast.File, *ast.FuncType, *ast.BlockStmt, *ast.IfStmt, *ast.ForStmt, *ast.RangeStmt,
				*ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.CaseClause, *ast.CommClause:
				scopes++
			}
			if _, ok := n.(ast.Expr); ok {
				exprs++
			}
			return true
		})
	}
	return &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue, exprs*2/3),
		Defs:         make(map[*ast.Ident]types.Object, idents/5),
		Uses:         make(map[*ast.Ident]types.Object, idents*5/6),
		Implicits:    make(map[ast.Node]types.Object),
		Instances:    make(map[*ast.Ident]types.Instance),
		Scopes:       make(map[ast.Node]*types.Scope, scopes*5/6),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection, selectors*5/8),
		FileVersions: make(map[*ast.File]string, len(files)),
	}
}

// invalidExpr returns the first expression, by position, whose type
// go/types could not know.
func invalidExpr(info *types.Info) (token.Pos, bool) {
	if info == nil {
		return token.NoPos, false
	}
	first := token.NoPos
	for e, tv := range info.Types {
		// A built-in's name (len) is recorded with no type too.
		if tv.Type == types.Typ[types.Invalid] && !tv.IsBuiltin() && (first == token.NoPos || e.Pos() < first) {
			first = e.Pos()
		}
	}
	return first, first != token.NoPos
}

// importNames are the names a package of an import path most likely
// goes by when its own is unknown: the last element, without a major
// version (pb/v3 is pb, yaml.v3 is yaml) and without go- or -go.
func importNames(path string) []string {
	elems := strings.Split(path, "/")
	last := elems[len(elems)-1]
	if len(elems) > 1 && len(last) > 1 && last[0] == 'v' && strings.Trim(last[1:], "0123456789") == "" {
		last = elems[len(elems)-2]
	}
	if i := strings.Index(last, ".v"); i > 0 {
		last = last[:i]
	}
	names := []string{last}
	if n := strings.TrimSuffix(strings.TrimPrefix(last, "go-"), "-go"); n != last {
		names = append(names, n)
	}
	return names
}

// consequence reports whether a type error follows from imports the go
// command could not list (by the names in failed): the import itself,
// names of it left undefined, the clashes a package of unknown name
// makes. Any other error is the package's own.
func consequence(msg string, failed map[string]bool) bool {
	for _, s := range []string{"could not import", "imported as", "imported and not used", "redeclared in this block", "other declaration of", "missing type in composite literal"} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	if name, ok := strings.CutPrefix(msg, "undefined: "); ok {
		name, _, _ = strings.Cut(name, ".")
		return failed[name]
	}
	return false
}

// parse reads p's files; what does not parse is p's error.
func (l *typeLoader) parse(p *packages.Package, mode parser.Mode) []*ast.File {
	var files []*ast.File
	srcs := make([][]byte, 0, len(p.GoFiles))
	defer func() { l.sameFiles(p, srcs) }()
	for _, name := range p.GoFiles {
		src, err := os.ReadFile(name)
		if err != nil {
			p.Errors = append(p.Errors, packages.Error{Pos: name, Msg: err.Error(), Kind: packages.ParseError})
			continue
		}
		srcs = append(srcs, src)
		f, err := parser.ParseFile(l.fset, name, src, mode)
		var list scanner.ErrorList
		if errors.As(err, &list) {
			list.RemoveMultiples() // one error a line, as go build says them
			for _, e := range list {
				p.Errors = append(p.Errors, packages.Error{Pos: e.Pos.String(), Msg: e.Msg, Kind: packages.ParseError})
			}
		} else if err != nil {
			p.Errors = append(p.Errors, packages.Error{Pos: name, Msg: err.Error(), Kind: packages.ParseError})
		}
		if f != nil {
			files = append(files, f)
		}
	}
	return files
}

// imported returns the package p imports by path: type-checked here, or
// read from its export data.
func (l *typeLoader) imported(p *packages.Package, path string) (*types.Package, error) {
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	imp := p.Imports[path]
	if imp == nil {
		if fake := l.sideEffects[path]; fake != nil && l.fakeC[p] {
			return fake, nil // an import of a cgo file the build does not hold
		}
		return nil, errors.New("not in the build")
	}
	if l.source[imp] != nil {
		return imp.Types, nil // its check is over: check waited for it
	}
	l.exportMu.Lock()
	defer l.exportMu.Unlock()
	if err := l.readExport(imp); err != nil {
		return nil, err
	}
	return imp.Types, nil
}

// readExport reads p's types from its export data, archie's cache's or
// the build cache's, once; the caller holds exportMu. Until then p's
// package holds only what other packages' export data refer to.
func (l *typeLoader) readExport(p *packages.Package) error {
	if p.Types.Complete() {
		return nil
	}
	if data := l.cached[p]; data != nil {
		delete(l.cached, p)
		if _, err := gcexportdata.Read(bytes.NewReader(data), l.fset, l.view, p.PkgPath); err != nil {
			return fmt.Errorf("reading the types of %s kept in archie's cache: %v (run archie with --no-cache)", p.PkgPath, err)
		}
		return nil
	}
	f, err := os.Open(p.ExportFile)
	if err != nil {
		return err
	}
	defer f.Close()
	r, err := gcexportdata.NewReader(f)
	if err != nil {
		return fmt.Errorf("reading %s: %v", p.ExportFile, err)
	}
	if _, err := gcexportdata.Read(r, l.fset, l.view, p.PkgPath); err != nil {
		return fmt.Errorf("reading %s: %v", p.ExportFile, err)
	}
	return nil
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }
