package services

import (
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// An unseenLib is a dependency a service's code calls (or one the called
// one's types refer to) that sends or receives messages with a client
// archie recognizes, but whose own API archie does not know: archie reads
// no code of dependencies, so those messages are not seen (an
// event-sourcing framework over NATS Streaming).
type unseenLib struct {
	pkg   string // the dependency's package
	wraps string // the messaging clients it uses
	kind  string
	ev    Evidence // the service's first call on the way to it
}

// messagingLibs maps each library whose calls archie reads as messages to
// their kind, and knownLibs holds every library a recognizer names, with
// the modules outside it that its keys name (github.com/Shopify/sarama,
// IBM/sarama's old path). Redis is left out: a cache wraps it far more
// often than a queue does. In a module of many services (the AWS SDK v1:
// service/sqs among its S3 and hundreds of others), the messaging library
// is the package of the messaging API, not the whole module.
// messagingAPIs are the packages of the messaging libraries' recognized
// calls: a package that imports one can send or receive a message; one
// that imports only another part of the library (watermill's logger
// adapter interface, in its root package) cannot.
var messagingLibs, knownLibs, messagingAPIs = func() (map[string]string, map[string]bool, map[string]bool) {
	msg, known, apis := make(map[string]string), make(map[string]bool), make(map[string]bool)
	libs := make(map[string]bool)
	for _, r := range recognizers {
		libs[r.lib] = true
	}
	for _, r := range recognizers {
		known[r.lib] = true
		messaging := (r.fact == publishes || r.fact == consumes) && !strings.HasPrefix(r.kind, "redis")
		if messaging && !manyServices[r.lib] {
			msg[r.lib] = r.kind
		}
		for _, k := range expand(r.key) {
			pkg := keyPackage(k, r.lib)
			if _, ok := libOf(pkg, libs); !ok {
				known[pkg] = true
				if messaging {
					msg[pkg] = r.kind
				}
			}
			if messaging {
				apis[pkg] = true
				if manyServices[r.lib] {
					msg[pkg] = r.kind
				}
			}
		}
	}
	return msg, known, apis
}()

// migrationLibs are the schema migration tools: a program that runs one
// and serves nothing is a job that sets the services' tables up.
var migrationLibs = map[string]bool{"github.com/pressly/goose": true, "github.com/golang-migrate/migrate": true,
	"github.com/rubenv/sql-migrate": true, "github.com/go-gormigrate/gormigrate": true, "github.com/amacneil/dbmate": true,
	"github.com/jackc/tern": true, "ariga.io/atlas": true, "github.com/GuiaBolso/darwin": true, "github.com/lopezator/migrator": true}

// manyServices are the library modules that hold many services, of which
// only some send messages.
var manyServices = map[string]bool{"github.com/aws/aws-sdk-go": true}

// keyPackage returns the package of a recognizer's key: the one below its
// library (github.com/aws/aws-sdk-go/service/sqs of
// …/service/sqs.SQS.SendMessage), the library for a key in its root
// package, or the package a key outside the library names
// (github.com/Shopify/sarama of Shopify/sarama.NewSyncProducer, under
// IBM/sarama; watermill-kafka's beside watermill). A key outside its
// library must not name a package whose last element holds a dot.
func keyPackage(key, lib string) string {
	if strings.HasPrefix(key, lib+".") {
		return lib
	}
	rest, ok := strings.CutPrefix(key, lib+"/")
	if !ok {
		slash := strings.LastIndexByte(key, '/')
		if dot := strings.IndexByte(key[slash+1:], '.'); dot >= 0 {
			return key[:slash+1+dot]
		}
		return lib
	}
	slash := strings.LastIndexByte(rest, '/')
	dot := strings.IndexByte(rest[slash+1:], '.')
	if dot < 0 {
		return lib
	}
	return lib + "/" + rest[:slash+1+dot]
}

// libOf returns the library of libs a package belongs to: its module or
// a folder above, or a module named after it (watermill-kafka is one of
// watermill's).
func libOf[V any](path string, libs map[string]V) (string, bool) {
	p := normPath(path)
	for {
		if _, ok := libs[p]; ok {
			return p, true
		}
		if i := strings.LastIndexByte(p, '-'); i > strings.LastIndexByte(p, '/') {
			if _, ok := libs[p[:i]]; ok {
				return p[:i], true
			}
		}
		i := strings.LastIndexByte(p, '/')
		if i < 0 {
			return "", false
		}
		p = p[:i]
	}
}

// calledLib records the dependency a call goes into: a function of it, or
// a method of one of its interfaces.
func (x *extractor) calledLib(f *facts, fn *ssa.Function, c ssa.CallInstruction) {
	if fn.Synthetic != "" || x.prog.lib(fn) != nil {
		return // a package initializer calling its imports' (no choice of the code), or a library read with its bodies
	}
	var pkg *types.Package
	if callee := c.Common().StaticCallee(); callee != nil && funcPkg(callee) != nil {
		if callee.Name() == "init" && callee.Signature.Recv() == nil {
			return
		}
		pkg = funcPkg(callee)
	} else if named, ok := types.Unalias(c.Common().Value.Type()).(*types.Named); ok && c.Common().IsInvoke() {
		pkg = named.Obj().Pkg()
	}
	if pkg == nil || x.prog.sourceTypes[pkg] && x.prog.libs[pkg] == nil || !strings.Contains(strings.SplitN(pkg.Path(), "/", 2)[0], ".") {
		return
	}
	if f.libs == nil {
		f.libs = make(map[*types.Package]token.Position)
	}
	if _, ok := f.libs[pkg]; !ok {
		f.libs[pkg] = x.position(fn, c.Pos())
	}
}

// unseenLibs finds the dependencies a service's code calls, and those
// their types refer to, that use a messaging client and are not
// themselves a library archie knows. Each is reported once, at the
// service's first call on the way to it.
func unseenLibs(f *facts) []unseenLib {
	type step struct {
		pkg    *types.Package
		at     token.Position
		called string // the dependency the service's call goes into
	}
	var queue []step
	seen := make(map[string]bool)
	for pkg, at := range f.libs {
		if f.read[pkg] != nil {
			continue // its code is read: what it sends is seen
		}
		seen[pkg.Path()] = true
		queue = append(queue, step{pkg, at, pkg.Path()})
	}
	// In the order of the source, then of the path.
	slices.SortFunc(queue, func(a, b step) int {
		if c := ComparePos(a.at, b.at); c != 0 {
			return c
		}
		return strings.Compare(a.pkg.Path(), b.pkg.Path())
	})
	var out []unseenLib
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		if _, ok := libOf(s.pkg.Path(), knownLibs); ok {
			continue // its calls are read where the service makes them
		}
		var wraps []string
		for _, t := range s.pkg.Imports() {
			if !messagingAPIs[normPath(t.Path())] {
				continue
			}
			if lib, ok := libOf(t.Path(), messagingLibs); ok && !slices.Contains(wraps, lib) {
				wraps = append(wraps, lib)
			}
		}
		if len(wraps) > 0 {
			u := unseenLib{pkg: s.pkg.Path(), wraps: strings.Join(wraps, ", "), kind: messagingLibs[wraps[0]], ev: Evidence{Pos: s.at, Detail: "calls into " + s.called}}
			if f.read[s.pkg] != nil {
				// Its code is read, but the called library's, on the
				// way to it, is not.
				u.pkg, u.wraps = s.called, s.pkg.Path()+" (over "+u.wraps+")"
			}
			out = append(out, u)
		}
		for _, t := range s.pkg.Imports() {
			if p := t.Path(); !seen[p] && strings.Contains(strings.SplitN(p, "/", 2)[0], ".") {
				seen[p] = true
				queue = append(queue, step{t, s.at, s.called})
			}
		}
	}
	return out
}
