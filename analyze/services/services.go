package services

import (
	"cmp"
	"github.com/archie-dev/archie/analyze"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
)

// A Service is a deployable unit: by default one main package and the
// packages of the main modules it imports, directly or not.
type Service struct {
	Name string
	// Entry is the import path of the main package, or "" when the service
	// was declared without one.
	Entry string
	// EntryDir is the entry's folder relative to the system's directory,
	// slash-separated.
	EntryDir string
	// Packages are the import paths of the main modules' packages that make
	// up the service, sorted.
	Packages []string
	// Roots are the packages whose code starts the service's work: the
	// entry, or when several services share one main, each service's own
	// declared packages.
	Roots []string
	// Declared says archie.yaml named the service.
	Declared bool
	// Run chooses this service of a main that runs several, from its
	// first argument or an environment variable; nil when the main runs
	// one service. Only the code main runs for that choice is the
	// service's.
	Run *Selector
	// Tool marks a main package that is not a service: no deployment file
	// runs it and its code serves nothing (a code generator, a CLI, a
	// migration runner), or archie.yaml says so. Tools take no part in
	// smells.
	Tool bool
	// Unread marks a tool that is one only because its code could not be
	// read (it or a package it imports did not load): no deployment file
	// runs it, and what it serves is unknown.
	Unread bool
	// PartOf names, for a tool, the service that runs all its code and
	// serves all it serves, where nothing in the repository runs or
	// builds the tool's main itself: an entry into that service's part.
	PartOf string
	// decide marks a main package that discovery found: Load makes it a
	// service when a deployment file runs it or its code serves something,
	// and a tool otherwise.
	decide bool
	// listens says the main's code starts a listener or a server; ticks
	// that it repeats its work on a clock (asked only of mains only
	// Dockerfiles build that send and serve nothing).
	listens, ticks bool
	// plugin says the main serves as a plugin another program starts as
	// its child process (hashicorp/go-plugin's Serve): asked only of
	// mains that serve, which only build files deploy, if any.
	plugin bool
	// Profiles are the compose profiles that start the service, when
	// every deployment of it names some; DeployedBy the files that deploy
	// it (compose files, manifests, Helm values). They say which services
	// never run together (Apart).
	Profiles   []string
	DeployedBy []string
	// deployedAs are the names the workloads that deploy it have in each
	// file (InOtherStacks).
	deployedAs map[string][]string

	Endpoints []Endpoint
	Stores    []*Store
	Publishes []*Message
	Consumes  []*Message
	// DualWrites are the functions of its code that write a table and
	// publish a message on one path (dualwrite.go).
	DualWrites []DualWrite
	// SwitchedOff are the switches of its code (an if on an environment
	// variable, "env KEY") that nothing turns on for it: what they guard
	// was not counted (gates.go).
	SwitchedOff []Evidence
}

// A ServiceSpec is a service as archie.yaml declares it: a name and the
// packages (import paths, already matched) that make it up.
type ServiceSpec struct {
	Name     string
	Packages []string
	Run      string // archie.yaml's run:, "" when absent
}

// Mains sorts main packages by hand, as archie.yaml's mains: section
// does: the import paths of mains that are services whatever discovery
// finds, and of mains that are tools whatever they serve.
type Mains struct {
	Services []string
	Tools    []string
}

// Find returns the main packages of the graph, each named after its
// folder. Without specs each is a candidate service that Load keeps as a
// service only when a deployment file runs it or its code serves
// something (mains.Services always, mains.Tools never); with specs the
// declared services replace discovery, and the mains none of them
// declares are tools.
func Find(g *analyze.Graph, specs []ServiceSpec, mains Mains) []*Service {
	var all []*analyze.Package
	for _, p := range g.Packages {
		if p.Name == "main" && p.Module != nil && len(p.GoFiles) > 0 {
			all = append(all, p)
		}
	}
	names := serviceNames(g, all)
	bs := newBuilds()
	var out []*Service
	if len(specs) > 0 {
		out = declaredServices(g, specs, bs)
		declared := make(map[string]bool)
		for _, s := range specs {
			for _, p := range s.Packages {
				declared[p] = true
			}
		}
		for i, p := range all {
			if !declared[p.Path] {
				out = append(out, &Service{Name: names[i], Entry: p.Path, Roots: []string{p.Path}, Tool: true})
			}
		}
	} else {
		for i, p := range all {
			svc := &Service{Name: names[i], Entry: p.Path, Packages: bs.closure(g, []string{p.Path}), Roots: []string{p.Path}, decide: true}
			switch {
			case slices.Contains(mains.Tools, p.Path):
				svc.Tool, svc.decide, svc.Packages = true, false, nil
			case slices.Contains(mains.Services, p.Path):
				svc.decide = false
			}
			out = append(out, svc)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// declaredServices builds the services archie.yaml lists. A service's code
// is its declared packages and what they import from the main modules. A
// main package declared by one service is its entry; a main that several
// services share starts each of them from that service's other packages.
func declaredServices(g *analyze.Graph, specs []ServiceSpec, bs *builds) []*Service {
	owners := make(map[string]int) // main package -> services declaring it
	for _, s := range specs {
		for _, p := range s.Packages {
			if pkg := g.Package(p); pkg != nil && pkg.Name == "main" {
				owners[p]++
			}
		}
	}
	var out []*Service
	for _, s := range specs {
		svc := &Service{Name: s.Name, Declared: true}
		if s.Run != "" {
			svc.Run = ParseSelector(s.Run)
		}
		var own []string
		for _, p := range s.Packages {
			if pkg := g.Package(p); pkg != nil && pkg.Name == "main" {
				if svc.Entry == "" {
					svc.Entry = p
				}
				if owners[p] == 1 {
					svc.Roots = append(svc.Roots, p)
				}
			} else {
				own = append(own, p)
			}
		}
		if len(svc.Roots) == 0 {
			svc.Roots = own
		}
		if svc.Run != nil && svc.Entry != "" {
			svc.Roots = []string{svc.Entry} // main, for the run: choice
		}
		// In the build of its entry, or of its first package.
		svc.Packages = bs.closure(g, append(append([]string{svc.Entry}, svc.Roots...), s.Packages...))
		out = append(out, svc)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// serviceNames names each main package after its folder, or after the
// module's folder for a main at a module root. Names that collide take
// parent folders, joined with "-" and skipping "cmd", until they are unique:
// app/order/cmd/api becomes order-api. The folders are those below the
// folder that holds the main modules, never the ones above it (where the
// repository was cloned), and a name still shared when they run out
// keeps its "cmd": users/api and users/cmd/api are users-api and
// users-cmd-api, a module's root main auth and its auth/cmd auth-cmd.
func serviceNames(g *analyze.Graph, mains []*analyze.Package) []string {
	base := modulesParent(g)
	elems := make([][]string, len(mains))
	whole := make([][]string, len(mains)) // with "cmd"
	rooted := make([]string, len(mains))  // the root's name, for a main below it whose names start there
	for i, p := range mains {
		dir := p.Dir
		if dir == "" {
			dir, _ = g.Dir(p.Path)
		}
		root := "" // the folder a main in it, or in its cmd, is named after
		if rel, err := filepath.Rel(base, dir); err == nil && base != "" && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			dir, root = rel, filepath.Base(base)
		}
		var es []string
		for _, e := range strings.Split(filepath.ToSlash(filepath.Clean(dir)), "/") {
			if e == "" || e == "." {
				continue
			}
			whole[i] = append(whole[i], e)
			if e != "cmd" {
				es = append(es, e)
			}
		}
		switch {
		case len(es) == 0:
			// The root's main, or its cmd's: the root's name (cmd's
			// keeps its "cmd" after it where the two collide).
			es = []string{cmp.Or(root, path.Base(p.Path))}
			whole[i] = append(slices.Clone(es), whole[i]...)
		case root != "" && whole[i][0] == "cmd":
			// A main in the root's cmd folder is the root's: its
			// name's parent (shop-server for cmd/server).
			es = append([]string{root}, es...)
			whole[i] = append([]string{root}, whole[i]...)
		default:
			rooted[i] = root
		}
		elems[i] = es
	}
	depth := make([]int, len(mains))
	for i := range depth {
		depth[i] = 1
	}
	name := func(i int) string {
		es := elems[i]
		d := min(depth[i], len(es))
		return strings.Join(es[len(es)-d:], "-")
	}
	for {
		byName := make(map[string][]int)
		for i := range mains {
			byName[name(i)] = append(byName[name(i)], i)
		}
		grew := false
		for _, idx := range byName {
			if len(idx) < 2 {
				continue
			}
			for _, i := range idx {
				switch {
				case depth[i] < len(elems[i]):
					depth[i]++
					grew = true
				case len(whole[i]) > len(elems[i]):
					elems[i], depth[i] = whole[i], len(whole[i])
					grew = true
				}
			}
		}
		if grew {
			continue
		}
		// Names still shared when every folder is used (a folder named
		// as the root, beside the root's own main): the root's name goes
		// first, once.
		for _, idx := range byName {
			if len(idx) < 2 {
				continue
			}
			for _, i := range idx {
				if rooted[i] != "" {
					elems[i] = append([]string{rooted[i]}, whole[i]...)
					depth[i], rooted[i] = len(elems[i]), ""
					grew = true
				}
			}
		}
		if !grew {
			break
		}
	}
	out := make([]string, len(mains))
	for i := range mains {
		out[i] = name(i)
	}
	return out
}

// modulesParent returns the folder that holds every main module: the
// names of mains start below it (a main in it is named after it).
func modulesParent(g *analyze.Graph) string {
	var common string
	for i, m := range g.Modules {
		if m.Dir == "" {
			return ""
		}
		if i == 0 {
			common = filepath.Clean(m.Dir)
			continue
		}
		for !within(filepath.ToSlash(filepath.Clean(m.Dir)), filepath.ToSlash(common)) {
			parent := filepath.Dir(common)
			if parent == common {
				return ""
			}
			common = parent
		}
	}
	return common
}
