package analyze

import (
	"context"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/packages"
)

// LoadPrograms returns g with the modules in dirs added to it. Each is a
// folder of g.Copies, whose go.mod repeats the path of a module g holds,
// that is a program of its own rather than a copy of that module's code
// (two small programs, server/ and worker/, both "module app"); the
// services analysis decides which from what the deployment files run
// together.
//
// Each is read as Load reads a nested module, and its packages are named
// by its module path, "@" and its folder's name (app@worker, and
// app@worker/internal/db), so that one graph holds both; its Module's
// Declared keeps the path go.mod declares. A program that cannot be read
// that way stays among the copies, with an error saying why.
func LoadPrograms(ctx context.Context, opts Options, g *Graph, dirs []string) *Graph {
	if dir, err := RealDir(opts.Dir); err == nil {
		opts.Dir = dir
	}
	modules := slices.Clone(g.Modules)
	pkgs := slices.Clone(g.Packages)
	errs := slices.Clone(g.Errors)
	taken := make(map[string]bool)
	for _, m := range modules {
		taken[m.Path] = true
	}
	loader, fallback := g.Loader, g.Fallback
	var read []string
	for _, dir := range dirs {
		declared := goModPath(dir)
		if declared == "" || !slices.Contains(g.Copies, dir) {
			continue
		}
		sub, why := programGraph(ctx, opts, dir)
		if sub == nil {
			errs = append(errs, Error{Pos: token.Position{Filename: filepath.Join(dir, "go.mod"), Line: 1, Column: 1}, Msg: "module not loaded: " + why})
			continue
		}
		var m *Module
		for _, sm := range sub.Modules {
			if sm.Dir == dir && sm.Path == declared {
				m = sm
			}
		}
		if m == nil || len(sub.Modules) > 1 {
			// A go.work in the program's folder: more than one module
			// would need a name of its own.
			errs = append(errs, Error{Pos: token.Position{Filename: filepath.Join(dir, "go.mod"), Line: 1, Column: 1}, Msg: "module not loaded: it repeats the module path " + declared + " and is read with other modules (a go.work in its folder)"})
			continue
		}
		alias := programPath(declared, dir, opts.Dir, taken)
		taken[alias] = true
		sub.rename(m, alias)
		if sub.Loader == LoaderPackages && loader != LoaderPackages {
			loader, fallback = LoaderPackages, sub.Fallback
		}
		modules = append(modules, m)
		pkgs = append(pkgs, sub.Packages...)
		errs = append(errs, sub.Errors...)
		read = append(read, dir)
	}
	out := NewGraph(modules, pkgs)
	out.Errors, out.Skipped = errs, g.Skipped
	out.Copies = slices.DeleteFunc(slices.Clone(g.Copies), func(d string) bool { return slices.Contains(read, d) })
	out.Loader, out.Fallback, out.goroot = loader, fallback, g.goroot
	return out
}

// programGraph reads the module in dir on its own, as loadNested reads a
// nested module: the fast loader first, unless opts say go list, and go
// list where it gives way. It returns why when neither can.
func programGraph(ctx context.Context, opts Options, dir string) (*Graph, string) {
	sub := moduleOptions(opts, dir)
	why := ""
	if opts.Loader != LoaderPackages {
		var g *Graph
		if g, why = fastLoad(ctx, sub); g != nil {
			return g, ""
		}
		if opts.Loader == LoaderFast {
			return nil, "the fast loader cannot read it: " + why
		}
	}
	cfg := &packages.Config{Context: ctx, Mode: Mode, Tests: opts.Tests, Env: GoEnv(opts.Env, false)}
	if len(opts.Tags) > 0 {
		cfg.BuildFlags = []string{"-tags=" + strings.Join(opts.Tags, ",")}
	}
	l := listNested(cfg, dir, dir)
	l.list()
	if l.err != nil {
		return nil, goCommandError(l.err)
	}
	g := fromPackages(l.pkgs, nil)
	if opts.Loader != LoaderPackages {
		g.Loader, g.Fallback = LoaderPackages, why
	}
	return g, ""
}

// programPath is the path a program's packages go by: its module path,
// "@" and its folder's name, or its folder relative to root where that
// name is taken. An import path holds no "@", so no package of any
// module has it.
func programPath(declared, dir, root string, taken map[string]bool) string {
	name := filepath.Base(dir)
	if rel, err := filepath.Rel(root, dir); err == nil && taken[declared+"@"+name] {
		name = strings.ReplaceAll(filepath.ToSlash(rel), "/", "-")
	}
	path := declared + "@" + name
	for i := 2; taken[path]; i++ {
		path = declared + "@" + name + "-" + strconv.Itoa(i)
	}
	return path
}

// rename gives module m of g, and every package of it, the path to. g is
// not yet indexed by anyone else: it is the graph of m alone.
func (g *Graph) rename(m *Module, to string) {
	from := m.Path
	move := func(path string) string {
		if path == from || strings.HasPrefix(path, from+"/") {
			return to + path[len(from):]
		}
		return path
	}
	for _, p := range g.Packages {
		if p.Module == m {
			p.Path = move(p.Path)
		}
		for i := range p.Imports {
			// Only the program's own packages move: another module
			// under its path (shop/api beside shop, by a replace) does
			// not.
			if ip := g.byPath[p.Imports[i].Path]; ip != nil && ip.Module == m {
				p.Imports[i].Path = move(p.Imports[i].Path)
			}
		}
	}
	for i := range g.Errors {
		if ep := g.byPath[g.Errors[i].Package]; ep != nil && ep.Module == m {
			g.Errors[i].Package = move(g.Errors[i].Package)
		}
	}
	m.Path, m.Declared = to, from
}
