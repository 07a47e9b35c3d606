package services

import (
	"bytes"
	"fmt"
	"go/token"
	"go/types"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/archie-dev/archie/analyze"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/ssa"
)

// A service's code often reaches its broker or database through a library
// of its organisation's or a framework's (an event store over pgx, a
// publisher over Kafka), whose calls archie's recognizers do not know:
// the topic or table is an argument the library hands on to the client.
// Reading those dependencies with their function bodies, as the services'
// own code is read, lets the facts follow the argument into the client
// call, options and fields included. Only the packages that themselves
// call a recognized messaging or database API are read so: the rest of
// the dependency tree stays types only.

// dataAPIs are the packages whose calls archie reads as messages or as
// database access: those of the recognizers' keys, by normPath.
var dataAPIs = func() map[string]bool {
	pkgs := make(map[string]bool)
	for _, r := range recognizers {
		switch r.fact {
		case publishes, consumes, opens, names, takesSQL, connects:
			for _, k := range expand(r.key) {
				pkgs[keyPackage(k, r.lib)] = true
			}
		}
	}
	return pkgs
}()

// wrapperRoots returns the dependencies of roots to read with their
// function bodies: the packages of modules other than the main ones that
// import a messaging or database API archie recognizes, but are not
// themselves a library whose calls it recognizes, nor a database/sql
// driver (which runs beneath the API, not above it). Packages that only
// lead to those are not read: a framework over several brokers (a task
// queue with AMQP, SQS and Redis backends) would give the facts of every
// backend, where the service runs one.
//
// So are those of an organisation's library that call a gRPC API of the
// system through the stubs the library ships beside them (an authz
// middleware calling the auth service a service of this repository
// serves): the packages of a module published by a main module's owner
// that import a package of generated gRPC stubs of their own module,
// whose server a main module's code registers, and make or take that
// service's client. served are, by import path, the services of the
// stubs the main modules register (servedStubs), found over every build:
// the auth service's module registers what the api module's library
// calls.
func wrapperRoots(roots []*packages.Package, served map[string][]string) []*packages.Package {
	var out []*packages.Package
	isRoot := make(map[*packages.Package]bool, len(roots))
	for _, r := range roots {
		isRoot[r] = true
	}
	var all []*packages.Package
	packages.Visit(roots, nil, func(p *packages.Package) { all = append(all, p) })
	var mains []string // the main modules' paths
	for _, p := range all {
		if p.Module != nil && p.Module.Main && !slices.Contains(mains, p.Module.Path) {
			mains = append(mains, p.Module.Path)
		}
	}
	for _, p := range all {
		if isRoot[p] || p.Module == nil || p.Module.Main || p.Imports["database/sql/driver"] != nil {
			continue
		}
		if _, ok := libOf(p.PkgPath, knownLibs); ok {
			continue
		}
		for path, imp := range p.Imports {
			if dataAPIs[normPath(path)] || len(served[path]) > 0 && imp.Module != nil && imp.Module.Path == p.Module.Path && ownedAlike(p.Module.Path, mains) && grpcStubs(imp) && makesClient(p, served[path]) {
				out = append(out, p)
				break
			}
		}
	}
	return out
}

// ownedAlike reports whether a module is published by the owner of one
// of the main modules: on a code host (github.com/ZupIT/horusec-devkit
// beside github.com/ZupIT/horusec-platform) the same account, else the
// same domain. Stubs another organisation ships with its library (a
// control plane's discovery service and the server framework over it)
// are that library's business, not the system's.
func ownedAlike(mod string, mains []string) bool {
	owner := func(p string) string {
		parts := strings.SplitN(p, "/", 3)
		switch parts[0] {
		case "github.com", "gitlab.com", "bitbucket.org", "gitee.com", "codeberg.org":
			if len(parts) > 1 {
				return strings.ToLower(parts[0] + "/" + parts[1])
			}
		}
		return strings.ToLower(parts[0])
	}
	for _, m := range mains {
		if owner(m) == owner(mod) {
			return true
		}
	}
	return false
}

// registersFrom returns the services a Go file registers a server of
// from the package at path (named name, or as the file imports it), of
// the file's RegisterXServer calls (registerIn's matches): Orders of
// pb.RegisterOrdersServer(s, …).
func registersFrom(src []byte, calls [][][]byte, path, name string) []string {
	at := bytes.Index(src, []byte(strconv.Quote(path)))
	if at < 0 {
		return nil
	}
	// The import's name, if the file gives one: api "example.com/api/pb".
	line := src[bytes.LastIndexByte(src[:at], '\n')+1 : at]
	if f := strings.Fields(strings.TrimPrefix(strings.TrimSpace(string(line)), "import")); len(f) == 1 {
		name = f[0]
	}
	if name == "_" || name == "." || name == "" {
		return nil
	}
	var out []string
	for _, m := range calls {
		if string(m[1]) == name {
			out = append(out, string(m[2]))
		}
	}
	return out
}

// registerIn matches a call of a package's RegisterXServer, with the
// package's name and X.
var registerIn = regexp.MustCompile(`\b(\w+)\.\s*Register(\w+)Server\s*\(`)

// servedStubs returns, by import path, the gRPC services (by Go name) of
// packages outside the main modules that a main module's package
// registers a server of (a file of it importing the package calls its
// RegisterXServer): the stubs an organisation's library may call the
// system through. Only packages that import a gRPC server library are
// read (one whose path names grpc), and the gRPC library's own stubs
// (health, reflection) never count: its code is the client's machinery.
func servedStubs(g *analyze.Graph) map[string][]string {
	served := make(map[string][]string)
	for _, p := range g.Packages {
		if !slices.ContainsFunc(p.Imports, func(i analyze.Import) bool { return !i.Test && strings.Contains(i.Path, "grpc") }) {
			continue
		}
		for _, file := range p.GoFiles {
			src, err := os.ReadFile(file)
			if err != nil || !bytes.Contains(src, []byte("Server(")) {
				continue
			}
			calls := registerIn.FindAllSubmatch(src, -1)
			if len(calls) == 0 {
				continue
			}
			for _, imp := range p.Imports {
				if imp.Test || g.Package(imp.Path) != nil || strings.HasPrefix(imp.Path, "google.golang.org/grpc/") || !strings.Contains(imp.Path, ".") {
					continue
				}
				name := path.Base(imp.Path)
				if major := strings.TrimPrefix(name, "v"); major != name && strings.Trim(major, "0123456789") == "" {
					name = path.Base(path.Dir(imp.Path)) + name // buf's ordersv1 of orders/v1
				}
				for _, svc := range registersFrom(src, calls, imp.Path, name) {
					if !slices.Contains(served[imp.Path], svc) {
						served[imp.Path] = append(served[imp.Path], svc)
					}
				}
			}
		}
	}
	return served
}

// makesClient reports whether a package's files make or take a client of
// one of the services: call NewXClient (orders.NewOrdersClient(conn)),
// or name the client's type (a config handed a pb.OrdersClient).
func makesClient(p *packages.Package, services []string) bool {
	for _, name := range p.GoFiles {
		data, err := os.ReadFile(name)
		if err != nil {
			continue
		}
		for _, svc := range services {
			if bytes.Contains(data, []byte("New"+svc+"Client(")) || bytes.Contains(data, []byte("."+svc+"Client")) {
				return true
			}
		}
	}
	return false
}

// grpcStubs reports whether a package holds generated gRPC stubs, by its
// files' names.
func grpcStubs(p *packages.Package) bool {
	for _, name := range p.GoFiles {
		if strings.HasSuffix(name, "_grpc.pb.go") || strings.HasSuffix(name, ".pb.go") && p.Imports["google.golang.org/grpc"] != nil {
			return true
		}
	}
	return false
}

// A library is a dependency read with its function bodies (wrapperRoots).
type library struct {
	module  string // its module path
	version string // its version, or "" for a module replaced by a folder
	dir     string // the folder its module is in
}

// libraries returns the packages wrapperRoots chose, by their types.
func libraries(wrapped []*packages.Package) map[*types.Package]*library {
	libs := make(map[*types.Package]*library)
	for _, p := range wrapped {
		m := p.Module
		if m == nil || p.Types == nil {
			continue
		}
		lib := &library{module: m.Path, version: m.Version, dir: m.Dir}
		if r := m.Replace; r != nil {
			lib.version, lib.dir = r.Version, r.Dir
		}
		libs[p.Types] = lib
	}
	return libs
}

// lib returns the library fn is code of, or nil for the services' own.
func (p *program) lib(fn *ssa.Function) *library {
	if fn == nil || fn.Pkg == nil {
		return nil
	}
	return p.libs[fn.Pkg.Pkg]
}

// where names a place in a library's code as module@version/file:line,
// the same on every machine.
func (l *library) where(pos token.Position) string {
	name := l.module
	if l.version != "" {
		name += "@" + l.version
	}
	if rel, err := filepath.Rel(l.dir, pos.Filename); err == nil && l.dir != "" && !strings.HasPrefix(rel, "..") {
		return fmt.Sprintf("%s/%s:%d", name, filepath.ToSlash(rel), pos.Line)
	}
	// A vendor folder's copy (vendor/example.com/lib/x.go), or a folder
	// go list did not name: from the module's path on.
	file := filepath.ToSlash(pos.Filename)
	if i := strings.LastIndex(file, "/"+l.module+"/"); i >= 0 {
		return fmt.Sprintf("%s/%s:%d", name, file[i+len(l.module)+2:], pos.Line)
	}
	return fmt.Sprintf("%s/%s:%d", name, path.Base(file), pos.Line)
}

// libEntries returns, for the functions of a service, the first line of
// its own code that calls into each library, by module, and the first
// that makes a value of each library type, by type: a fact of a
// library's code is shown there. Under "" is where code of a library the
// service never calls (an init a blank import runs) is shown: its main
// function, else its first function.
func (x *extractor) libEntries(fns []*ssa.Function) (map[string]token.Position, map[*types.TypeName]token.Position) {
	if len(x.prog.libs) == 0 {
		return nil, nil
	}
	entries := make(map[string]token.Position)
	made := make(map[*types.TypeName]token.Position)
	for _, fn := range fns {
		if x.prog.lib(fn) != nil || fn.Synthetic != "" {
			continue // a library's, or an initializer calling its imports'
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				c, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				lib := x.calledLibrary(c.Common())
				if lib == nil || !c.Pos().IsValid() {
					continue
				}
				at := x.position(fn, c.Pos())
				if old, ok := entries[lib.module]; !ok || ComparePos(at, old) < 0 {
					entries[lib.module] = at
				}
				res := c.Common().Signature().Results()
				for i := range res.Len() {
					if t := namedOf(res.At(i).Type()); t != nil && x.prog.libs[t.Pkg()] != nil {
						if old, ok := made[t]; !ok || ComparePos(at, old) < 0 {
							made[t] = at
						}
					}
				}
			}
		}
	}
	for _, fn := range fns {
		if x.prog.lib(fn) != nil || !fn.Pos().IsValid() {
			continue
		}
		if _, ok := entries[""]; !ok || fn.Name() == "main" && fn.Pkg.Pkg.Name() == "main" && fn.Parent() == nil {
			entries[""] = x.position(fn, fn.Pos())
		}
	}
	return entries, made
}

// calledLibrary returns the library read with its bodies that a call
// goes into: a function of it (an instance of its generic one too), or a
// method of one of its interfaces; nil for any other call.
func (x *extractor) calledLibrary(c *ssa.CallCommon) *library {
	if callee := c.StaticCallee(); callee != nil {
		if lib := x.prog.lib(callee.Origin()); lib != nil {
			return lib
		}
		return x.prog.lib(callee)
	}
	if named := namedOf(c.Value.Type()); named != nil && c.IsInvoke() {
		return x.prog.libs[named.Pkg()]
	}
	return nil
}

// evidence is the evidence of a fact at pos in fn, with, for a
// library's code, where in the library the fact is. A library's fact is
// shown at the first line of the service's own code that makes the value
// whose method it is in (NewEventStore(…) for the event store's SQL),
// else at the service's first call into the library, or into a library
// that imports it, else at its main function. Not at a caller of the
// function: a table a helper's SQL names is read from every caller's
// argument at once (a message's own callers are found later, see
// liftMessages).
func (x *extractor) evidence(fn *ssa.Function, pos token.Pos) Evidence {
	at := x.position(fn, pos)
	lib := x.prog.lib(fn)
	if lib == nil {
		return Evidence{Pos: at}
	}
	ev := Evidence{Pos: at, Via: lib.where(at)}
	x.vias[ev.Via] = lib.module
	if recv := rootFunc(fn).Signature.Recv(); recv != nil {
		if e, ok := x.madeAt(recv.Type()); ok {
			ev.Pos = e
			return ev
		}
	}
	if e, ok := x.entries[lib.module]; ok {
		ev.Pos = e
	} else if e, ok := x.throughLib(fn.Pkg.Pkg); ok {
		ev.Pos = e
	} else if e, ok := x.entries[""]; ok {
		ev.Pos = e
	}
	return ev
}

// throughLib returns the first line of the service's own code that calls
// into a library importing pkg, itself a library's package the service
// reaches only through another (an outbox over an event store).
func (x *extractor) throughLib(pkg *types.Package) (token.Position, bool) {
	var at token.Position
	found := false
	for p, l := range x.prog.libs {
		e, ok := x.entries[l.module]
		if !ok || !slices.Contains(p.Imports(), pkg) {
			continue
		}
		if !found || ComparePos(e, at) < 0 {
			at, found = e, true
		}
	}
	return at, found
}

// libraryTables marks the tables of stores that only libraries' code
// names, by names of their own: those no string the service's own code
// hands the library naming them holds (a name given as an option, an
// argument or a field of the library's types is the service's choice;
// one in a log message, or handed to another library, is not).
func (x *extractor) libraryTables(fns []*ssa.Function, stores map[string]*Store) {
	var handed map[string][]string
	read := false
	for _, s := range stores {
		for _, t := range s.Tables {
			if !onlyVia(s.Touches[t]) {
				continue
			}
			if !read {
				read = true
				handed = x.handedStrings(fns)
			}
			chosen := false
			for _, e := range s.Touches[t] {
				if slices.ContainsFunc(handed[x.vias[e.Via]], func(c string) bool { return containsName(c, t) }) {
					chosen = true
				}
			}
			if !chosen {
				s.Library = append(s.Library, t)
			}
		}
		slices.Sort(s.Library)
	}
}

// onlyVia reports whether every evidence of a table is in a library's
// code.
func onlyVia(evs []Evidence) bool {
	for _, e := range evs {
		if e.Via == "" {
			return false
		}
	}
	return len(evs) > 0
}

// handedStrings returns the string constants the service's own code
// hands to libraries read with their bodies, by module: the arguments of
// its calls into them, and what it stores in fields of their types.
func (x *extractor) handedStrings(fns []*ssa.Function) map[string][]string {
	out := make(map[string][]string)
	var lib *library
	add := func(v ssa.Value) {
		if s, ok := stringConst(v); ok && s != "" {
			out[lib.module] = append(out[lib.module], s)
		}
	}
	for _, fn := range fns {
		if x.prog.lib(fn) != nil {
			continue
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch instr := instr.(type) {
				case ssa.CallInstruction:
					c := instr.Common()
					if lib = x.calledLibrary(c); lib == nil {
						continue
					}
					for _, a := range c.Args {
						add(a)
						for _, e := range varargs(a) { // a variadic list of names
							add(e)
						}
					}
				case *ssa.Store:
					if fa, ok := instr.Addr.(*ssa.FieldAddr); ok {
						if named := namedOf(fa.X.Type()); named != nil && x.prog.libs[named.Pkg()] != nil {
							lib = x.prog.libs[named.Pkg()]
							add(instr.Val)
						}
					}
				}
			}
		}
	}
	return out
}

// containsName reports whether text holds name as a whole word: not as a
// part of a longer identifier or qualified name (events in order_events,
// in billing.events).
func containsName(text, name string) bool {
	for i := 0; ; {
		j := strings.Index(text[i:], name)
		if j < 0 {
			return false
		}
		j += i
		end := j + len(name)
		if (j == 0 || !identByte(text[j-1])) && (end == len(text) || !identByte(text[end])) {
			return true
		}
		i = j + 1
	}
}

func identByte(c byte) bool {
	return c == '_' || c == '.' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// madeAt returns the first line of the service's own code that makes a
// value of a library type, t or one of the library's interfaces t
// implements (kv.New returning a kv.Store that is a *pg).
func (x *extractor) madeAt(t types.Type) (token.Position, bool) {
	named := namedOf(t)
	if named == nil {
		return token.Position{}, false
	}
	if e, ok := x.made[named]; ok {
		return e, true
	}
	var at token.Position
	found := false
	for m, e := range x.made {
		iface, ok := m.Type().Underlying().(*types.Interface)
		if !ok || iface.Empty() {
			continue
		}
		if types.Implements(named.Type(), iface) || types.Implements(types.NewPointer(named.Type()), iface) {
			if !found || ComparePos(e, at) < 0 {
				at, found = e, true
			}
		}
	}
	return at, found
}
