package services

import (
	"context"
	"errors"
	"fmt"
	"github.com/archie-dev/archie/analyze"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"golang.org/x/mod/modfile"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/ssa"
)

// systemMode loads what facts need: syntax and types of the services'
// own packages, with their dependencies read from export data.
const systemMode = packages.NeedName | packages.NeedFiles | packages.NeedImports | packages.NeedTypes |
	packages.NeedSyntax | packages.NeedTypesInfo | packages.NeedModule

// Options say how to load the services' code.
type Options struct {
	Tags []string
	Env  []string // environment of the go command; default os.Environ()
	// CGO type-checks cgo files, which runs the C compiler on them with
	// the repository's flags. Without it they are left out (CGO_ENABLED=0)
	// and LoadSystem says which.
	CGO bool
	// Progress, when set, is told what a long load is doing.
	Progress func(string)
	// Cache, when set, keeps the types of the dependencies type-checked
	// from source for the next run.
	Cache *analyze.Cache
	// served are the stubs the main modules register a gRPC server of
	// (servedStubs), which Load finds over every build.
	served map[string][]string
}

// Load reads the facts of each service: it type-checks the services'
// packages (dependencies from export data, as gopls does), builds their SSA
// form, and walks the code reachable from each service's roots. dir is the
// directory the system is read from: deployment files below it resolve
// hosts and environment keys, and evidence paths are relative to it.
func Load(ctx context.Context, g *analyze.Graph, services []*Service, dir string, opts Options) (*System, []analyze.Error, error) {
	abs, err := analyze.RealDir(dir)
	if err != nil {
		return nil, nil, err
	}
	sys := &System{Dir: abs, Contracts: make(map[string]bool), Clients: make(map[string][]string)}
	for _, svc := range services {
		if d, ok := g.Dir(svc.Entry); ok && svc.Entry != "" {
			svc.EntryDir = relTo(abs, d)
		}
		// Tools archie.yaml names, or that declared services leave out,
		// are not loaded at all.
		if svc.Tool {
			sys.Tools = append(sys.Tools, svc)
		} else {
			sys.Services = append(sys.Services, svc)
		}
	}
	services = sys.Services
	opts.served = servedStubs(g)
	// The deployment files are read while the go command loads code.
	var deploy *deployment
	deployed := make(chan struct{})
	go func() {
		defer close(deployed)
		deploy = readDeployment(abs)
	}()
	var errs []analyze.Error

	// Load per module, or per workspace: the packages of one build
	// type-check together.
	// A service's packages load in the build of its entry's module, which
	// reaches sibling modules through its go.mod's replace directives.
	byModule := make(map[string][]string)
	for _, svc := range services {
		if root := svc.buildRoot(g); root != "" {
			byModule[root] = append(byModule[root], svc.Packages...)
		}
	}
	var builds []*codeBuild
	for m, paths := range byModule {
		builds = append(builds, &codeBuild{root: m, tags: opts.Tags, paths: uniq(paths)})
	}
	sort.Slice(builds, func(i, j int) bool { return builds[i].root < builds[j].root })
	var found []*facts
	split := make(map[*Service][]*Service) // a main that runs several services -> them
	// The go command lists each build while this process reads the one
	// before: their memory is not shared, their time is. Builds with the
	// build tags a deployment gives some services join once the
	// deployment files are read.
	listCtx, stopListing := context.WithCancel(ctx)
	defer stopListing()
	toList := make(chan *listing, len(builds))
	listed := false
	listTagged := func(tagged []*codeBuild) {
		if listed {
			return
		}
		listed = true
		ls := make([]*listing, len(tagged))
		for i, b := range tagged {
			b.listing = newBuildListing(listCtx, b, g, opts)
			ls[i] = b.listing // the loop clears b.listing once it is read
		}
		go func() {
			for _, l := range ls {
				toList <- l
			}
			close(toList)
		}()
	}
	defer listTagged(nil)
	for _, b := range builds {
		b.listing = newBuildListing(listCtx, b, g, opts)
		toList <- b.listing
	}
	go func() {
		for l := range toList {
			l.list()
		}
	}()
	ownTags := make(map[*Service]bool) // services read with a deployment's tags, in a build of their own
	for i := 0; i < len(builds); i++ {
		b := builds[i]
		if i == 0 {
			// The deployment files, read while the go command lists,
			// say which services build with tags of their own.
			<-deployed
			errs = append(errs, deploy.problems...)
			deploy.know(services, abs)
			// Before any service is read: its deployment settings
			// follow its name.
			deploy.nameAfterWorkloads(services, abs)
			tagged, tagErrs := taggedBuilds(g, services, deploy, abs, opts)
			errs = append(errs, tagErrs...)
			for _, tb := range tagged {
				for _, svc := range tb.own {
					ownTags[svc] = true
				}
			}
			builds = append(builds, tagged...)
			listTagged(tagged)
		}
		first := len(errs)
		if b.listing.whole && b.listing.rename[0] != "" {
			// go/packages names its packages by go.mod's path, which
			// another module of the graph has.
			errs = append(errs, analyze.Error{Pos: token.Position{Filename: filepath.Join(b.root, "go.mod"), Line: 1, Column: 1}, NotChecked: true,
				Msg: "the services of this module were not read: its go.mod repeats the module path " + b.listing.rename[0] + ", which archie reads apart only when it type-checks the code itself; here go/packages loads it (a -toolexec in GOFLAGS, or no wrapper archie can run)"})
			b.listing = nil
			continue
		}
		loaded, _, err := b.listing.typeCheck(onlyOthers(b, services, ownTags))
		wrapped := b.listing.wrapped
		errs = append(errs, b.listing.older...)
		if u := b.listing.untidy; u != nil && !slices.ContainsFunc(g.Errors, func(e analyze.Error) bool { return e.Pos.Filename == u.Pos.Filename && analyze.UntidyNote(e) }) {
			errs = append(errs, *u)
		}
		b.listing = nil
		var none *listedNoneError
		if errors.As(err, &none) {
			// Its services' facts are missing, and the run says so; the
			// other builds' are read.
			errs = append(errs, analyze.Error{Pos: token.Position{Filename: filepath.Join(b.root, "go.mod"), Line: 1, Column: 1}, Msg: none.msg})
			continue
		}
		if err != nil {
			return nil, nil, fmt.Errorf("load the services' code in %s: %w", b.root, err)
		}
		if !opts.CGO {
			// A library's cgo files are its own (one that needs them
			// is read from its types, see typeLoader.demoted).
			errs = append(errs, cgoLeftOut(slices.DeleteFunc(slices.Clone(loaded), func(p *packages.Package) bool { return slices.Contains(wrapped, p) }), b.tags)...)
		}
		sys.depend(loaded)
		syn := scanSyntax(loaded)
		prog, source := buildSSA(loaded, &errs)
		for i := first; i < len(errs); i++ {
			// go list says a file relative to the folder it ran in: the
			// build's, not the system's.
			if f := errs[i].Pos.Filename; f != "" && !filepath.IsAbs(f) {
				errs[i].Pos.Filename = filepath.Join(b.root, f)
			}
		}
		if len(byModule) > 1 || b.own != nil {
			// With several builds, say which one met the problem.
			name := "module " + relTo(abs, b.root)
			if _, err := os.Stat(filepath.Join(b.root, "go.work")); err == nil {
				name = "go.work in " + relTo(abs, b.root)
			}
			if b.own != nil {
				name += " with -tags=" + strings.Join(b.tags, ",")
			}
			for i := first; i < len(errs); i++ {
				errs[i].Msg += " (in the build of " + name + ")"
			}
		}
		p := newProgram(prog, source)
		p.libs = libraries(wrapped)
		if b.own != nil {
			for _, svc := range b.own {
				svc.Packages = mainClosure(loaded, svc)
			}
		}
		x := newExtractor(p, syn, deploy, abs)
		x.users = packageUsers(services)

		for path := range x.contracts {
			sys.Contracts[path] = true
		}
		for path, apis := range syn.clients {
			sys.Clients[path] = apis
		}
		built := len(found)
		var todo []*Service
		for _, svc := range services {
			mine := b.own == nil && !ownTags[svc] && containsAny(b.paths, svc.Roots) || slices.Contains(b.own, svc)
			if len(svc.Packages) > 0 && mine {
				vs := x.variants(svc, x.dirs[svc.Entry], services)
				if len(vs) > 1 {
					split[svc] = vs
				} else if e, ok := x.unsplit(svc, abs, services); ok {
					errs = append(errs, e)
				}
				todo = append(todo, vs...)
			}
		}
		facts, failed := x.services(todo)
		errs = append(errs, failed...)
		for i, f := range facts {
			v := todo[i]
			// Where no deployment file runs a main, or only build files
			// deploy it, whether it serves as a plugin decides one that
			// serves, and whether it listens, or repeats on a clock, one
			// that does not; so does whether it listens one only as a
			// job another service launches.
			if entry := v.entryAbs(abs); v.decide {
				built := deploy.onlyImageBuilds(v, entry)
				bare := built || deploy.runsService(v, entry) == ""
				switch {
				case f.serves() && bare:
					v.plugin = x.reachesCall(v, pluginServeCalls)
				case !f.serves() && (bare || deploy.launchedOnly(v, entry)):
					v.listens = x.listens(v)
					if !v.listens && f.sends() && built {
						v.ticks = x.repeats(v)
					}
				}
			}
			found = append(found, f)
		}
		// The build's services are read: what links them needs nothing
		// of its program, which the next build's need not share memory
		// with.
		for _, f := range found[built:] {
			f.shed()
		}
	}
	<-deployed
	deploy.know(services, abs)
	deploy.nameAfterWorkloads(services, abs) // where no build ran the first
	if len(split) > 0 {
		var all []*Service
		for _, s := range sys.Services {
			if vs, ok := split[s]; ok {
				all = append(all, vs...)
			} else {
				all = append(all, s)
			}
		}
		sys.Services = all
	}
	found = classify(sys, found, deploy)
	link(sys, found, deploy)
	sys.markMigrated(g)
	sys.hidePasswords()
	for i := range errs {
		errs[i].Pos.Filename = relTo(abs, errs[i].Pos.Filename)
	}
	return sys, errs, nil
}

// depend records the modules of dependencies the loaded packages come
// from, by folder, for DependencyFile: those with a version, read from the
// module cache (a replacement by a local folder is a path like any other).
func (s *System) depend(loaded []*packages.Package) {
	for _, p := range loaded {
		m := p.Module
		if m == nil || m.Main {
			continue
		}
		if m.Replace != nil {
			m = m.Replace
		}
		if m.Version == "" || m.Dir == "" {
			continue
		}
		if s.modules == nil {
			s.modules = make(map[string]string)
		}
		s.modules[filepath.Clean(m.Dir)] = m.Path + "@" + m.Version
	}
}

// buildConfig is how the code of one build (a module, or the go.work
// above it; see buildRoot) is loaded: from its folder, with the
// environment and tags of opts, and without a go.work above that does not
// use the module.
func buildConfig(ctx context.Context, dir string, opts Options) *packages.Config {
	cfg := &packages.Config{Context: ctx, Dir: dir, Env: analyze.GoEnv(opts.Env, !opts.CGO)}
	if analyze.OutsideWorkspace(dir) {
		cfg.Env = append(cfg.Env, "GOWORK=off")
	}
	if len(opts.Tags) > 0 {
		cfg.BuildFlags = []string{"-tags=" + strings.Join(opts.Tags, ",")}
	}
	return cfg
}

// buildSSA creates an SSA program for the loaded packages: those that
// type-checked are built from syntax, their dependencies from types only.
// It takes the packages' syntax and type information: it clears them in
// loaded, so that what SSA building no longer needs can be freed.
func buildSSA(loaded []*packages.Package, errs *[]analyze.Error) (*ssa.Program, []*ssa.Package) {
	var fset *token.FileSet
	if len(loaded) > 0 {
		fset = loaded[0].Fset
	}
	prog := ssa.NewProgram(fset, 0)
	created := make(map[*types.Package]bool)
	// ssa needs the direct imports of a package it builds from syntax;
	// what they import is reached through their types, its methods made
	// as calls need them. Creating every dependency (2 271 packages on
	// loki) took 57 MB the program kept to the end.
	createImports := func(tp *types.Package) {
		for _, imp := range tp.Imports() {
			if !created[imp] {
				created[imp] = true
				prog.CreatePackage(imp, nil, nil, true)
			}
		}
	}
	var source []*ssa.Package
	var infos []*types.Info
	depErrs := make(map[*packages.Package]bool)
	for _, lp := range loaded {
		depErrs[lp] = true // a package loaded for itself reports its own errors
	}
	for _, lp := range loaded {
		for _, e := range lp.Errors {
			*errs = append(*errs, analyze.Error{Pos: analyze.ParsePos(e.Pos), Package: lp.PkgPath, Msg: e.Msg})
		}
		if lp.IllTyped && len(lp.Errors) == 0 {
			// Its own code is fine, a dependency's is not (one that does
			// not build with this Go): its facts are not read, and the
			// run must say so, with the dependency's first error.
			packages.Visit([]*packages.Package{lp}, nil, func(dep *packages.Package) {
				if dep != lp && len(dep.Errors) > 0 && !depErrs[dep] {
					depErrs[dep] = true
					e := dep.Errors[0]
					msg := e.Msg
					if n := len(dep.Errors); n > 1 {
						msg += fmt.Sprintf(" (and %d more errors in %s)", n-1, dep.PkgPath)
					}
					*errs = append(*errs, analyze.Error{Pos: analyze.ParsePos(e.Pos), Package: dep.PkgPath,
						Msg: msg + "; the code of every service that imports it was not read"})
				}
			})
		}
		if lp.Types == nil || lp.IllTyped || created[lp.Types] {
			continue
		}
		created[lp.Types] = true
		source = append(source, prog.CreatePackage(lp.Types, lp.Syntax, lp.TypesInfo, true))
		infos = append(infos, lp.TypesInfo)
		lp.Syntax, lp.TypesInfo = nil, nil
	}
	for _, lp := range loaded {
		if lp.Types != nil && !lp.IllTyped {
			createImports(lp.Types)
		}
	}
	// Built in parallel, one package per core, as prog.Build does; each
	// package's type information is emptied once it is built. A generic
	// function keeps its package's for instances built from its syntax,
	// which a program that does not instantiate generics (mode 0) never
	// builds: the information of every package with one generic function
	// stays otherwise, and all of it until the last package is built.
	var wg sync.WaitGroup
	cpu := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, pkg := range source {
		cpu <- struct{}{}
		wg.Go(func() {
			defer func() { <-cpu }()
			pkg.Build()
			if infos[i] != nil {
				*infos[i] = types.Info{}
			}
		})
	}
	wg.Wait()
	prog.Build() // what is left: packages made from types only
	return prog, source
}

// buildRoot returns the folder the go command builds a module's packages
// from: the nearest folder above it with a go.work, as the go command
// finds it, or the module's own.
func buildRoot(modDir string) string {
	if analyze.OutsideWorkspace(modDir) || os.Getenv("GOWORK") == "off" {
		return modDir // loaded with GOWORK=off
	}
	for dir := modDir; ; {
		if _, err := os.Stat(filepath.Join(dir, "go.work")); err == nil {
			if dir != modDir && analyze.OutsideWorkspace(dir) {
				// The go.work's folder holds a module it does not use
				// (services/go.mod beside the services/go.work that uses
				// services/orders): that folder's build is the module's,
				// with GOWORK=off. The member builds in its own folder,
				// where the go command finds the go.work above.
				return modDir
			}
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return modDir
		}
		dir = parent
	}
}

// loadPatterns names the packages to type-check in the build of root,
// each by its folder relative to root where the go command reads that as
// the same package: go/packages splits a list of patterns longer than
// 16 383 characters into several go list runs, each over the same
// dependencies, run at once (a few hundred import paths of a long module
// path are enough), and folders are shorter. A package outside the main
// modules of the build, in a folder a pattern could read otherwise (".",
// "_", testdata, vendor, "..."), or under a GOWORK or -modfile the folder
// of root does not say keeps its import path. A program the graph names
// apart (analyze.LoadPrograms) is always named by its folders: go list
// knows no path of its.
func loadPatterns(g *analyze.Graph, root string, paths []string, env []string) []string {
	mains := map[string]bool{root: true}
	workspace := true
	for _, kv := range env {
		if k, v, _ := strings.Cut(kv, "="); k == "GOWORK" && v != "" || k == "GOFLAGS" && strings.Contains(v, "modfile") {
			mains = make(map[string]bool) // only programs named apart
			workspace = false
		}
	}
	if data, err := os.ReadFile(filepath.Join(root, "go.work")); err == nil && workspace {
		mains = make(map[string]bool)
		wf, err := modfile.ParseWork(filepath.Join(root, "go.work"), data, nil)
		if err != nil {
			return paths
		}
		for _, use := range wf.Use {
			d := use.Path
			if !filepath.IsAbs(d) {
				d = filepath.Join(root, d)
			}
			mains[filepath.Clean(d)] = true
		}
	}
	out := make([]string, len(paths))
	for i, path := range paths {
		out[i] = path
		pkg := g.Package(path)
		if pkg == nil || pkg.Module == nil || pkg.Dir == "" || !mains[pkg.Module.Dir] && (pkg.Module.Declared == "" || pkg.Module.Dir != root) {
			continue
		}
		rel, err := filepath.Rel(root, pkg.Dir)
		if err != nil || !plainDir(rel) {
			continue
		}
		if rel == "." {
			out[i] = "."
		} else {
			out[i] = "./" + filepath.ToSlash(rel)
		}
	}
	return out
}

// plainDir reports whether a relative folder is one the go command reads
// as a directory pattern naming exactly the package in it.
func plainDir(rel string) bool {
	if rel == "." {
		return true
	}
	for _, elem := range strings.Split(filepath.ToSlash(rel), "/") {
		if elem == "" || elem == ".." || elem[0] == '.' || elem[0] == '_' || elem == "testdata" || elem == "vendor" || strings.Contains(elem, "...") {
			return false
		}
		for _, r := range elem {
			if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_.+~", r)) {
				return false
			}
		}
	}
	return true
}

func containsAny(set, xs []string) bool {
	for _, x := range xs {
		i := sort.SearchStrings(set, x)
		if i < len(set) && set[i] == x {
			return true
		}
	}
	return false
}

func uniq(s []string) []string {
	sort.Strings(s)
	return slices.Compact(s)
}

func relTo(dir, file string) string {
	if file == "" {
		return ""
	}
	if rel, err := filepath.Rel(dir, file); err == nil && !strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(rel)
	}
	return file
}

// calleeKey names what a call calls, with major-version suffixes dropped
// from module paths: "net/http.Get", "net/http.Client.Do",
// "github.com/go-chi/chi.Router.Get". It is "" for calls of function values.
func calleeKey(c *ssa.CallCommon) string {
	if c.IsInvoke() {
		if named, ok := types.Unalias(c.Value.Type()).(*types.Named); ok && named.Obj().Pkg() != nil {
			return normPath(named.Obj().Pkg().Path()) + "." + named.Obj().Name() + "." + c.Method.Name()
		}
		return ""
	}
	fn := c.StaticCallee()
	if u, ok := c.Value.(*ssa.UnOp); ok && fn == nil && u.Op == token.MUL {
		if g, ok := u.X.(*ssa.Global); ok {
			fn = heldFunc(g) // var sqlxOpen = sqlx.Open; sqlxOpen("sqlite3", …)
		}
	}
	if fn == nil {
		// A value of a library's named function type, called: keyed by
		// the type (go-elasticsearch's client.Index is an esapi.Index).
		if named, ok := types.Unalias(c.Value.Type()).(*types.Named); ok && named.Obj().Pkg() != nil {
			if _, ok := named.Underlying().(*types.Signature); ok {
				return normPath(named.Obj().Pkg().Path()) + "." + named.Obj().Name()
			}
		}
		return ""
	}
	if o := fn.Origin(); o != nil {
		fn = o
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok || obj.Pkg() == nil {
		return ""
	}
	pkg := normPath(obj.Pkg().Path())
	if recv := fn.Signature.Recv(); recv != nil {
		t := recv.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if named, ok := types.Unalias(t).(*types.Named); ok {
			return pkg + "." + named.Obj().Name() + "." + fn.Name()
		}
		return ""
	}
	return pkg + "." + fn.Name()
}

// heldFunc returns the function a package variable holds when its
// package's code stores that one function in it and nothing else: a
// variable kept so that tests can swap it (var sqlxOpen = sqlx.Open),
// which a call through it calls. The package's tests, which swap it, are
// not loaded; an exported variable, which other packages may set, holds
// what they set too.
func heldFunc(g *ssa.Global) *ssa.Function {
	if g.Pkg == nil || g.Object() == nil || g.Object().Exported() {
		return nil // an exported one another package may set
	}
	if p, ok := g.Type().(*types.Pointer); !ok {
		return nil
	} else if _, ok := p.Elem().Underlying().(*types.Signature); !ok {
		return nil
	}
	var held *ssa.Function
	for _, fn := range pkgFuncs(g.Pkg) {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				st, ok := instr.(*ssa.Store)
				if !ok || st.Addr != g {
					continue
				}
				f, ok := st.Val.(*ssa.Function)
				if !ok || held != nil && held != f {
					return nil
				}
				held = f
			}
		}
	}
	return held
}

var majorVersion = regexp.MustCompile(`/v[0-9]+(/|$)`)

// normPath drops major-version elements from an import path, so that one
// recognizer covers chi and chi/v5.
func normPath(p string) string {
	if strings.HasPrefix(p, "gopkg.in/") {
		return gopkgIn(p)
	}
	if !hasMajorVersion(p) {
		return p // most paths: no regular expression run per call
	}
	// A module of a major version has every call of its own code keyed
	// through here, on every core: the expression runs once a path.
	if n, ok := versionless.Load(p); ok {
		return n.(string)
	}
	n := strings.TrimSuffix(majorVersion.ReplaceAllString(p, "/"), "/")
	versionless.Store(p, n)
	return n
}

// versionless holds normPath's answers for paths with a major version.
var versionless sync.Map

// gopkgIn names a package gopkg.in serves from GitHub by its GitHub path,
// without the version: gopkg.in/olivere/elastic.v5/x is
// github.com/olivere/elastic/x, as one recognizer knows both. A path of
// one element (gopkg.in/yaml.v3) is kept.
func gopkgIn(p string) string {
	parts := strings.SplitN(strings.TrimPrefix(p, "gopkg.in/"), "/", 3)
	if len(parts) < 2 {
		return p
	}
	i := strings.LastIndex(parts[1], ".v")
	if i <= 0 || i+2 >= len(parts[1]) || strings.Trim(parts[1][i+2:], "0123456789") != "" {
		return p
	}
	out := "github.com/" + parts[0] + "/" + parts[1][:i]
	if len(parts) == 3 {
		out += "/" + parts[2]
	}
	return out
}

// hasMajorVersion reports whether a path may have a /vN element.
func hasMajorVersion(p string) bool {
	for i := strings.Index(p, "/v"); i >= 0; {
		if i+2 < len(p) && p[i+2] >= '0' && p[i+2] <= '9' {
			return true
		}
		j := strings.Index(p[i+2:], "/v")
		if j < 0 {
			return false
		}
		i += 2 + j
	}
	return false
}

// declaresOnly reports whether a package declares types, constants and
// variables but no function: a message's payload and name shared by its
// producer and its consumer, a contract as a generated stub is.
func declaresOnly(files []*ast.File) bool {
	if len(files) == 0 {
		return false
	}
	for _, f := range files {
		for _, d := range f.Decls {
			if _, ok := d.(*ast.FuncDecl); ok {
				return false
			}
		}
	}
	return true
}

// generated reports whether every file of the package carries the "Code
// generated ... DO NOT EDIT." header: an API contract such as gRPC stubs,
// not code of the service that generated it.
func generated(files []*ast.File) bool {
	if len(files) == 0 {
		return false
	}
	for _, f := range files {
		if !ast.IsGenerated(f) && !generatedBang(f) {
			return false
		}
	}
	return true
}

// protoPackage reports whether a package holds protoc's generated
// messages (a generated .pb.go file): the API its owner publishes, even
// with hand-written helpers beside them (a message's Key method, the
// registration of its types).
func protoPackage(lp *packages.Package) bool {
	if lp.Fset == nil {
		return false
	}
	for _, f := range lp.Syntax {
		if strings.HasSuffix(lp.Fset.Position(f.Package).Filename, ".pb.go") && (ast.IsGenerated(f) || generatedBang(f)) {
			return true
		}
	}
	return false
}

// kubeAPIPackage reports whether a package holds the types of a
// Kubernetes API (an operator's custom resources): the DeepCopy methods
// controller-gen or deepcopy-gen write, in a generated
// zz_generated.deepcopy.go beside the types, and the AddToScheme that
// registers them with a client's scheme (groupversion_info.go,
// register.go). That is the API its owner publishes, which the clients
// that write those resources import as they import protobuf messages; a
// service's package that only deep-copies a Config of its own is none.
func kubeAPIPackage(lp *packages.Package) bool {
	if lp.Fset == nil {
		return false
	}
	deepCopy, scheme := false, false
	for _, f := range lp.Syntax {
		name := filepath.Base(lp.Fset.Position(f.Package).Filename)
		if strings.HasPrefix(name, "zz_generated") && strings.Contains(name, "deepcopy") && ast.IsGenerated(f) {
			deepCopy = true
		}
		scheme = scheme || declares(f, "AddToScheme")
	}
	return deepCopy && scheme
}

// declares reports whether a file declares a package-level function,
// variable or constant of the name.
func declares(f *ast.File, name string) bool {
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil && d.Name.Name == name {
				return true
			}
		case *ast.GenDecl:
			for _, sp := range d.Specs {
				if vs, ok := sp.(*ast.ValueSpec); ok && slices.ContainsFunc(vs.Names, func(n *ast.Ident) bool { return n.Name == name }) {
					return true
				}
			}
		}
	}
	return false
}

var generatedComment = regexp.MustCompile(`^// Code generated .* DO NOT EDIT[.!]$`)

// generatedBang accepts the "DO NOT EDIT!" that older goctl versions
// write, which the Go convention (and ast.IsGenerated) does not.
func generatedBang(f *ast.File) bool {
	for _, g := range f.Comments {
		if g.Pos() > f.Package {
			break
		}
		for _, c := range g.List {
			if generatedComment.MatchString(c.Text) {
				return true
			}
		}
	}
	return false
}

// cgoLeftOut names the cgo files of the loaded packages that a build with
// cgo would compile and CGO_ENABLED=0 left out, each as an error: the
// facts in them are missing, and code that calls into them may not
// type-check.
func cgoLeftOut(loaded []*packages.Package, tags []string) []analyze.Error {
	bc := build.Default
	bc.CgoEnabled = true
	bc.BuildTags = tags
	var out []analyze.Error
	for _, lp := range loaded {
		for _, file := range lp.IgnoredFiles {
			if !strings.HasSuffix(file, ".go") || !importsC(file) {
				continue
			}
			if ok, err := bc.MatchFile(filepath.Dir(file), filepath.Base(file)); err != nil || !ok {
				continue
			}
			out = append(out, analyze.Error{Pos: token.Position{Filename: file, Line: 1, Column: 1}, Package: lp.PkgPath, NotChecked: true,
				Msg: "cgo file left out of the services analysis (cgo runs the C compiler with the repository's flags); pass --cgo to include it"})
		}
	}
	return out
}

// importsC reports whether a Go file imports "C".
func importsC(file string) bool {
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, parser.ImportsOnly)
	if err != nil {
		return false
	}
	for _, imp := range f.Imports {
		if imp.Path.Value == `"C"` {
			return true
		}
	}
	return false
}

// packageUsers counts the mains whose services' code holds each package:
// a package two of them use is a library of theirs, not either's own.
func packageUsers(services []*Service) map[string]int {
	users := make(map[string]int)
	seen := make(map[string]bool)
	for _, svc := range services {
		if seen[svc.Entry] && svc.Entry != "" {
			continue // another service of one main: the same code
		}
		seen[svc.Entry] = true
		for _, p := range svc.Packages {
			users[p]++
		}
	}
	return users
}
