package services

import (
	"context"
	"fmt"
	"go/build"
	"maps"
	"os"
	"slices"
	"sort"
	"strings"

	"github.com/archie-dev/archie/analyze"
	"golang.org/x/tools/go/packages"
)

// Build tags a deployment builds with. A Dockerfile's go build -tags=mysql
// compiles the files of the service that //go:build mysql selects, and
// what they import: its store, where the default build holds an in-memory
// one. Read without those tags, the service is another program. So a
// service whose deployment builds it with tags that change which of its
// own files compile is read with them, in a build of its own; one whose
// deployments disagree is read without, and the run says so. Tags passed
// to archie (--tags, or GOFLAGS) are the user's choice and apply to every
// service.

// A codeBuild is one type-check of services' code: the packages of a module
// or go.work, with one set of build tags.
type codeBuild struct {
	root  string   // folder the go command runs in
	tags  []string // build tags
	paths []string // import paths read with function bodies, sorted
	// own are the services read in this build alone, with the tags their
	// deployment builds them with; nil for the build of every other
	// service of root.
	own     []*Service
	listing *listing
}

// buildRoot returns the folder of the build a service's code is read in,
// or "" when no main module holds it.
func (s *Service) buildRoot(g *analyze.Graph) string {
	for _, r := range append([]string{s.Entry}, s.Roots...) {
		if pkg := g.Package(r); pkg != nil && pkg.Module != nil {
			return buildRoot(pkg.Module.Dir)
		}
	}
	return ""
}

// newBuildListing prepares the go list run of a build.
func newBuildListing(ctx context.Context, b *codeBuild, g *analyze.Graph, opts Options) *listing {
	opts.Tags = b.tags
	cfg := buildConfig(ctx, b.root, opts)
	l := newListing(cfg, loadPatterns(g, b.root, b.paths, cfg.Env), opts)
	// The graph was read without the tags: what the service's code
	// imports with them is known once the go command lists it.
	l.withMains = b.own != nil
	for _, m := range g.Modules {
		if m.Declared != "" && m.Dir == b.root {
			l.rename = [2]string{m.Declared, m.Path}
		}
	}
	return l
}

// taggedBuilds returns the builds of the services the deployment builds
// with build tags that change which of their files compile, one per
// module or go.work and set of tags, and an error for each service whose
// deployments build it with tags that disagree.
func taggedBuilds(g *analyze.Graph, services []*Service, d *deployment, root string, opts Options) ([]*codeBuild, []analyze.Error) {
	if len(opts.Tags) > 0 || goflagsMention(opts.Env, "-tags") {
		return nil, nil
	}
	var errs []analyze.Error
	byKey := make(map[string]*codeBuild)
	selected := make(map[string]string) // tags + folder -> the files they select there
	for _, svc := range services {
		broot := svc.buildRoot(g)
		if len(svc.Packages) == 0 || broot == "" {
			continue
		}
		sets := d.buildTags(svc, svc.entryAbs(root), root)
		if len(sets) == 0 || len(sets) == 1 && sets[""] != "" {
			continue // no deployment builds it with tags
		}
		if file, ok := sets[unreadTags]; ok {
			errs = append(errs, analyze.Error{Package: svc.Entry, NotChecked: true, Msg: fmt.Sprintf(
				"service %s is built with build tags archie cannot read (%s): its code was read without them; pass --tags to read it with them", svc.Name, file)})
			continue
		}
		// Tag sets that select the same files of its packages are one
		// build (-tags=pg,netgo and -tags pg); one that selects the
		// files no tags do is none.
		plain := selection(g, svc.Packages, "", opts, selected)
		effect := make(map[string]string) // tags that change its files, or "" -> a file saying them
		bySelection := make(map[string]string)
		for _, t := range slices.Sorted(maps.Keys(sets)) {
			file := sets[t]
			sel := plain
			if t != "" {
				sel = selection(g, svc.Packages, t, opts, selected)
			}
			if sel == plain {
				t = ""
			} else if first, ok := bySelection[sel]; ok {
				t = first
			} else {
				bySelection[sel] = t
			}
			if _, ok := effect[t]; !ok || file < effect[t] {
				effect[t] = file
			}
		}
		switch {
		case len(effect) > 1:
			var says []string
			for t, file := range effect {
				if t == "" {
					t = "without tags that change its files"
				} else {
					t = "with -tags=" + t
				}
				says = append(says, t+" ("+file+")")
			}
			sort.Strings(says)
			errs = append(errs, analyze.Error{Package: svc.Entry, NotChecked: true, Msg: fmt.Sprintf(
				"service %s is built %s: its code was read without build tags; pass --tags to read it as one of them", svc.Name, strings.Join(says, " and "))})
		case len(effect) == 1:
			for t := range effect {
				if t == "" {
					continue
				}
				key := broot + "\x00" + t
				b := byKey[key]
				if b == nil {
					b = &codeBuild{root: broot, tags: strings.Split(t, ",")}
					byKey[key] = b
				}
				b.own = append(b.own, svc)
				b.paths = append(b.paths, svc.Packages...)
			}
		}
	}
	var out []*codeBuild
	for _, b := range byKey {
		b.paths = uniq(b.paths)
		out = append(out, b)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].root != out[j].root {
			return out[i].root < out[j].root
		}
		return strings.Join(out[i].tags, ",") < strings.Join(out[j].tags, ",")
	})
	return out, errs
}

// selection names the files of the folders of pkgs that building with
// tags (tagSet's form) compiles, the Go files that build constraints or
// file names select, in one string: two tag sets that give one string
// build the same code of those packages. memo keeps it per folder.
func selection(g *analyze.Graph, pkgs []string, tags string, opts Options, memo map[string]string) string {
	ctx := build.Default
	ctx.CgoEnabled = opts.CGO
	ctx.BuildTags = nil
	if tags != "" {
		ctx.BuildTags = strings.Split(tags, ",")
	}
	var b strings.Builder
	for _, path := range pkgs {
		dir, ok := g.Dir(path)
		if !ok || dir == "" {
			continue
		}
		key := tags + "\x00" + dir
		files, seen := memo[key]
		if !seen {
			var names []string
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				name := e.Name()
				if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
					continue
				}
				if ok, err := ctx.MatchFile(dir, name); err == nil && ok {
					names = append(names, name)
				}
			}
			files = strings.Join(names, ",")
			memo[key] = files
		}
		b.WriteString(dir)
		b.WriteString(":")
		b.WriteString(files)
		b.WriteString(";")
	}
	return b.String()
}

// onlyOthers returns the packages of a build that only services read in
// builds with tags of their own use: the build lists them, as it started
// before the deployment files said so, but need not read them.
func onlyOthers(b *codeBuild, services []*Service, ownTags map[*Service]bool) map[string]bool {
	if b.own != nil || len(ownTags) == 0 {
		return nil
	}
	used := make(map[string]bool)
	for _, svc := range services {
		if !ownTags[svc] && containsAny(b.paths, svc.Roots) {
			for _, p := range svc.Packages {
				used[p] = true
			}
		}
	}
	skip := make(map[string]bool)
	for _, p := range b.paths {
		if !used[p] {
			skip[p] = true
		}
	}
	return skip
}

// mainClosure returns the packages of the main modules that a service's
// code imports in a build: its roots and entry (and for a declared
// service, the packages archie.yaml gives it), and what they import,
// sorted.
func mainClosure(loaded []*packages.Package, svc *Service) []string {
	byPath := make(map[string]*packages.Package)
	for _, lp := range loaded {
		byPath[lp.PkgPath] = lp
	}
	start := append([]string{svc.Entry}, svc.Roots...)
	if svc.Declared {
		start = append(start, svc.Packages...)
	}
	var out []string
	seen := make(map[*packages.Package]bool)
	var visit func(*packages.Package)
	visit = func(p *packages.Package) {
		if p == nil || seen[p] || p.Module == nil || !p.Module.Main {
			return
		}
		seen[p] = true
		out = append(out, p.PkgPath)
		for _, imp := range p.Imports {
			visit(imp)
		}
	}
	for _, path := range start {
		visit(byPath[path])
	}
	if len(out) == 0 {
		return svc.Packages // not listed: keep what the graph says
	}
	sort.Strings(out)
	return slices.Compact(out)
}

// withMainsRoots adds to roots the packages of the main modules that they
// import, in the order packages.Visit meets them.
func withMainsRoots(roots []*packages.Package) []*packages.Package {
	in := make(map[*packages.Package]bool)
	for _, r := range roots {
		in[r] = true
	}
	out := roots
	packages.Visit(roots, nil, func(p *packages.Package) {
		if !in[p] && p.Module != nil && p.Module.Main && p.Name != "" {
			in[p] = true
			out = append(out, p)
		}
	})
	return out
}
