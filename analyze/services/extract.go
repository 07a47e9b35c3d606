package services

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"go/types"
	"iter"
	"maps"
	"net"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/archie-dev/archie/analyze"
	"github.com/jinzhu/inflection"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/ssa"
)

// facts are what one service's reachable code does, before targets are
// resolved to services.
type facts struct {
	svc      *Service
	entryDir string
	calls    []*call
	// servesProxy says, once a reverse proxy is met, whether the
	// service serves one (proxyCall): 0 not yet known, 1 yes, -1 no.
	servesProxy int8
	// proxyServes is the reverse proxy's ServeHTTP, where its calls are
	// made.
	proxyServes *ssa.Function
	dials       []*call // grpc.Dial and friends: only their literal targets matter
	// brokers are the message brokers the code connects to, by protocol:
	// where a message goes that no service of the tree consumes.
	brokers  []*call
	messages []*message
	// listens are the addresses the service's servers listen on
	// (http.ListenAndServe(":8080"), gin's Run(":" + port)).
	listens []value
	// writes are the calls that write a table, and publishes the calls
	// that publish a message: dual writes are paths that do both.
	writes    []*access
	publishes []*access
	// subscriptions are the Pub/Sub subscriptions the code creates, with
	// their topics.
	subscriptions map[string]string
	// libs are the dependencies the service's code calls, each at its
	// first call (unseen.go); unseen, what shed found through them.
	libs map[*types.Package]token.Position
	// read are the libraries the program read with their bodies.
	read map[*types.Package]*library
	// unread says none of the service's code was read: none of its roots
	// type-checked.
	unread bool
	// migrates says the service's code calls a schema migration tool.
	migrates bool
	// autoMigrates says it calls gorm's AutoMigrate, and usesTables that
	// it names tables otherwise: a main that only migrates its models
	// (CMD ./migrate && ./main) migrates, one that then writes them does
	// not only.
	autoMigrates, usesTables bool
	// redisKeys says the service's code runs a Redis command on keys
	// (GET, HSET…), not only messaging, and typeParamCalls are the
	// methods it calls on values of a type parameter: see redisBus.
	redisKeys      bool
	typeParamCalls []string
	// sdkElsewhere are the client libraries (sdks.go) the service may
	// point at another host than theirs.
	sdkElsewhere map[string]bool
	// keys are the Redis keys the service's commands name, placed in its
	// stores once all are known (see placeKeys).
	keys []namedKey
	// redisClients counts the calls that make a go-redis client, whether
	// archie reads their address or not (a failover client's sentinels).
	redisClients int
	// redisDBUnknown says a client's database number is read at run time.
	redisDBUnknown bool
	unseen         []unseenLib
	// launches are the kinds of Kubernetes objects running containers
	// the code makes, and images the string constants it holds that may
	// name an image: what it launches (launch.go).
	launches launchKinds
	images   []string
	tagged   map[*types.Named]bool // the structs whose tags images holds
}

// shed drops what the facts hold of the program they were read from,
// once the service's facts are read: what links them needs none of it,
// and the next build's program is then alone in memory.
func (f *facts) shed() {
	if f.libs != nil && len(f.messages) == 0 {
		f.unseen = unseenLibs(f)
	}
	for pkg := range f.libs {
		if _, ok := libOf(pkg.Path(), migrationLibs); ok {
			f.migrates = true
		}
	}
	f.libs, f.read, f.proxyServes, f.tagged = nil, nil, nil, nil
	// Copies: a call or message may be another service's too.
	shedCalls := func(calls []*call) []*call {
		out := make([]*call, len(calls))
		for i, c := range calls {
			cc := *c
			cc.fn = nil
			cc.targets = make([]value, len(c.targets))
			for j, v := range c.targets {
				v.group = nil // its pairs are made
				cc.targets[j] = v
			}
			out[i] = &cc
		}
		return out
	}
	f.calls, f.dials, f.brokers = shedCalls(f.calls), shedCalls(f.dials), shedCalls(f.brokers)
	messages := make([]*message, len(f.messages))
	for i, m := range f.messages {
		mm := *m
		mm.fn = nil
		messages[i] = &mm
	}
	f.messages = messages
	f.writes, f.publishes = nil, nil
}

// An access is one call that writes a table or publishes a message.
type access struct {
	instr ssa.CallInstruction
	ev    Evidence
	// outbox marks a write to an outbox table: the message is published
	// from the row, after the transaction.
	outbox bool
}

// A call is one synchronous call site.
type call struct {
	protocol string
	proto    string  // grpc: the proto service's full name
	method   string  // grpc: the method; http: the HTTP method
	targets  []value // http and dials: the URL or address
	ev       Evidence
	handlers []string // endpoints of the caller whose handlers reach the call
	fn       *ssa.Function
	// forwarded marks a call generated code makes for its caller (a
	// server interface's method handing the request to a client): it is
	// a call only where the service's own code calls through it
	// (liftCalls).
	forwarded bool
	// server is, for a forwarded call, the interface its adapter serves
	// (OrderServiceServer for an OrderServiceClient's call): own code
	// calls through the adapter by calling that interface, or the
	// adapter's method itself.
	server types.Object
	// sdk is the module of the client library a call goes through to
	// its host (sdks.go), or "".
	sdk string
}

// A message is one publish or subscribe site.
type message struct {
	protocol string
	topic    string // "" when it does not resolve
	publish  bool
	ev       Evidence
	fn       *ssa.Function // where the call is
	// list marks a topic that is a comma-separated list of them, split
	// once the deployment's values fill it in.
	list bool
	// fallbackOf is the variable a topic stands in for (value.fallbackOf).
	fallbackOf string
	// part are the other commands of the same take from a queue: the
	// DEL that drains a Redis list its LRANGE read (linker.queues).
	part []token.Position
	// via is the call that handed the topic in (value.via): a call site
	// publishes each caller's topic.
	via token.Pos
	// bound marks an AMQP binding, exchange/key, and queue is the queue
	// it binds, when known: its messages go to whoever consumes that
	// queue (bindings).
	bound bool
	queue string
	// from are the calls of the service's own code that hand in the
	// value the topic is named after (h.pub.Publish(&ItemAdded{}) for
	// item_added): a publish lifted out of a shared library goes to
	// those lines only (liftMessages).
	from []token.Pos
}

// An extractor finds facts in one SSA program.
type extractor struct {
	*syntaxFacts
	prog   *program
	res    *resolver
	deploy *deployment
	fset   *token.FileSet
	// flagTables memoizes each main's table of roles (flagTableOf).
	flagTables map[*ssa.Function]*flagTable
	// walked is the service a worker walks: a route's prefix the
	// environment may set is its deployment's value.
	walked *facts
	// trace, when set, hears of every recognizer that matches a call:
	// the fixtures' test checks that each row is shown at work, calling
	// service itself, one service at a time (services' workers would
	// call trace at once).
	trace func(*recognizer, *site)
	// subcmds holds the functions each command the program builds with
	// a CLI library runs, by the words that choose it (variants.go).
	subcmds map[string][]*ssa.Function
	// users counts the mains whose code holds each package (packageUsers).
	users map[string]int
	// entries holds, while a service is walked, the first line of its
	// own code that calls into each library read with its bodies, by
	// module, and into any of them under "".
	entries map[string]token.Position
	// made holds, while a service is walked, the first line of its own
	// code that makes a value of each library type (NewEventStore(…)):
	// where the facts of that type's methods are shown.
	made map[*types.TypeName]token.Position
	// vias holds, while a service is walked, the module of each place in
	// a library's code its evidence names (Evidence.Via).
	vias map[string]string
	// siteCallers gives, while a service is walked, the call sites of its
	// reachable functions (ownSites).
	siteCallers func(*ssa.Function) []callSite
	// sites are the call sites of the functions of the services walked
	// so far (callersWithin).
	sites *siteIndex
	// uses holds, while a service is walked, the calls that take each
	// function as a value: chi's r.Route("/api", func(r chi.Router) {…}).
	uses map[*ssa.Function][]use
	// bound holds where the service's code first makes each method
	// value: a call its wrapper makes is placed there.
	bound map[*ssa.Function]token.Pos
	// bind holds, while a route registered by a helper is recorded for
	// one of its callers, the helper's parameters bound to that caller's
	// arguments (helperSites).
	bind map[*ssa.Parameter]ssa.Value
	// connectPkgs memoizes importsConnect, asked of every call's package.
	connectPkgs *memo[*types.Package, bool]
	kitexPkgs   *memo[*types.Package, string] // a package -> the Kitex service it was generated for, or ""
	// standIns memoizes libraryInterface's stand-in by interface type.
	standIns *memo[*types.Named, *types.TypeName]
	// protoNames memoizes the proto service names protoName reads from
	// generated constants, by package path and Go name.
	protoNames  *memo[[2]string, string]
	sourceDescs *memo[string, map[string]string] // descsInFiles, by package path
	naming      *memo[string, gormNaming]        // gormNaming's, under ""
}

// newExtractor prepares to find facts in a program; root is the folder the
// system is read from.
func newExtractor(p *program, syn *syntaxFacts, deploy *deployment, root string) *extractor {
	x := &extractor{syntaxFacts: syn, prog: p, res: newResolver(p), deploy: deploy, fset: p.prog.Fset,
		connectPkgs: new(memo[*types.Package, bool]), kitexPkgs: new(memo[*types.Package, string]), standIns: new(memo[*types.Named, *types.TypeName]), protoNames: new(memo[[2]string, string]), sourceDescs: new(memo[string, map[string]string]), naming: new(memo[string, gormNaming]), sites: new(siteIndex)}
	x.res.depFiles, x.res.echoes = syn.depFiles, new(memo[string, map[string]bool])
	x.res.readConfigs(func(pkg string) string { return x.dirs[pkg] }, root, deploy)
	return x
}

// syntaxFacts are what facts need from the services' syntax trees, read
// before SSA building lets the trees' type information go.
type syntaxFacts struct {
	// grpc maps a Go package path and a gRPC service's Go name
	// ("CartService") to the proto service's full name.
	grpc map[string]map[string]string
	// contracts are the packages that are an API: generated code only,
	// declarations only, a protobuf package, or a Kubernetes API's types.
	contracts map[string]bool
	// clients are the packages that build clients of a contract's gRPC
	// API and register no server, with those contracts (System.Clients).
	clients map[string][]string
	dirs    map[string]string // package path -> directory
	// depFiles are the Go files of the packages read from export data
	// (dependencies), by package path: where protoName looks for the
	// ServiceDesc of gRPC code generated before its constants existed.
	depFiles map[string][]string
}

func scanSyntax(loaded []*packages.Package) *syntaxFacts {
	x := &syntaxFacts{grpc: make(map[string]map[string]string), contracts: make(map[string]bool), clients: make(map[string][]string), dirs: make(map[string]string), depFiles: make(map[string][]string)}
	packages.Visit(loaded, nil, func(p *packages.Package) {
		if p.Syntax == nil && len(p.GoFiles) > 0 {
			x.depFiles[p.PkgPath] = p.GoFiles
		}
	})
	for _, lp := range loaded {
		x.dirs[lp.PkgPath] = lp.Dir
		if generated(lp.Syntax) || declaresOnly(lp.Syntax) || protoPackage(lp) || kubeAPIPackage(lp) {
			x.contracts[lp.PkgPath] = true
		}
		for _, f := range lp.Syntax {
			ast.Inspect(f, func(n ast.Node) bool {
				if cl, ok := n.(*ast.CompositeLit); ok {
					x.serviceDesc(lp.PkgPath, cl)
				}
				return true
			})
		}
	}
	for _, lp := range loaded {
		if x.contracts[lp.PkgPath] {
			continue
		}
		if apis := x.buildsClients(lp); len(apis) > 0 {
			x.clients[lp.PkgPath] = apis
		}
	}
	return x
}

// buildsClients returns the contracts whose gRPC client constructor
// (NewOrdersClient(conn)) a package calls, sorted, or nil when it
// registers a server (a contract's RegisterOrdersServer or
// RegisterOrdersHTTPServer, or a gRPC server's RegisterService).
func (x *syntaxFacts) buildsClients(lp *packages.Package) []string {
	if lp.TypesInfo == nil {
		return nil
	}
	var builds []string
	serves := false
	for _, f := range lp.Syntax {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			fn, ok := lp.TypesInfo.Uses[sel.Sel].(*types.Func)
			if !ok || fn.Pkg() == nil {
				return true
			}
			name := fn.Name()
			switch {
			case fn.Signature().Recv() != nil:
				serves = serves || name == "RegisterService"
			case !x.contracts[fn.Pkg().Path()]:
			case strings.HasPrefix(name, "New") && strings.HasSuffix(name, "Client"):
				if !slices.Contains(builds, fn.Pkg().Path()) {
					builds = append(builds, fn.Pkg().Path())
				}
			case strings.HasPrefix(name, "Register") && strings.HasSuffix(name, "Server"):
				serves = true
			}
			return true
		})
	}
	if serves {
		return nil
	}
	slices.Sort(builds)
	return builds
}

// serviceDesc records the proto name of a grpc.ServiceDesc literal:
// ServiceName "hipstershop.CartService", HandlerType (*CartServiceServer)(nil).
func (x *syntaxFacts) serviceDesc(pkg string, cl *ast.CompositeLit) {
	var name, handler string
	for _, elt := range cl.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		key, _ := kv.Key.(*ast.Ident)
		if key == nil {
			continue
		}
		switch key.Name {
		case "ServiceName":
			if lit, ok := kv.Value.(*ast.BasicLit); ok {
				name, _ = strconv.Unquote(lit.Value)
			}
		case "HandlerType":
			ast.Inspect(kv.Value, func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok && strings.HasSuffix(id.Name, "Server") {
					handler = strings.TrimSuffix(id.Name, "Server")
				}
				return true
			})
		}
	}
	if name != "" && handler != "" {
		if x.grpc[pkg] == nil {
			x.grpc[pkg] = make(map[string]string)
		}
		x.grpc[pkg][handler] = name
	}
}

// protoName returns the proto service behind a Go gRPC service name in a
// package: from a ServiceDesc in its source, from the
// "X_Method_FullMethodName" constants newer generators export, or from the
// "XName" constant of connect's generated code.
func (x *extractor) protoName(pkg *types.Package, goName string) string {
	if n := x.grpc[pkg.Path()][goName]; n != "" {
		return n
	}
	return x.protoNames.get([2]string{pkg.Path(), goName}, func() string {
		if x.importsConnect(pkg) {
			if c, ok := pkg.Scope().Lookup(goName + "Name").(*types.Const); ok && c.Val().Kind() == constant.String {
				return constant.StringVal(c.Val())
			}
		}
		for _, name := range pkg.Scope().Names() {
			if !strings.HasPrefix(name, goName+"_") || !strings.HasSuffix(name, "_FullMethodName") {
				continue
			}
			if c, ok := pkg.Scope().Lookup(name).(*types.Const); ok && c.Val().Kind() == constant.String {
				full := strings.TrimPrefix(constant.StringVal(c.Val()), "/")
				if svc, _, ok := strings.Cut(full, "/"); ok {
					return svc
				}
			}
		}
		return x.sourceDescs.get(pkg.Path(), func() map[string]string { return descsInFiles(x.depFiles[pkg.Path()]) })[goName]
	})
}

// descsInFiles reads the gRPC ServiceDescs of a dependency's generated
// files, by Go service name: code generated before protoc-gen-go-grpc
// exported its method names as constants says its proto names only
// there (ServiceName: "manager.v2.Manager"), and export data keeps no
// variable's value. The _grpc.pb.go files and the .pb.go files
// (protoc-gen-go's plugins=grpc wrote the stubs there) that hold one.
func descsInFiles(files []string) map[string]string {
	sf := &syntaxFacts{grpc: make(map[string]map[string]string)}
	fset := token.NewFileSet()
	for _, name := range files {
		if !strings.HasSuffix(name, ".pb.go") {
			continue
		}
		data, err := os.ReadFile(name)
		if err != nil || !bytes.Contains(data, []byte("ServiceDesc{")) {
			continue
		}
		f, err := parser.ParseFile(fset, name, data, parser.SkipObjectResolution)
		if err != nil {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if cl, ok := n.(*ast.CompositeLit); ok {
				sf.serviceDesc("", cl)
			}
			return true
		})
	}
	return sf.grpc[""]
}

// services reads the facts of each service, on every core: each worker
// walks one service at a time, sharing the program and what the others
// found about it. The facts are in the order of svcs.
func (x *extractor) services(svcs []*Service) ([]*facts, []analyze.Error) {
	out := make([]*facts, len(svcs))
	failed := make([]*analyze.Error, len(svcs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(svcs)) {
		w := x.fork()
		wg.Go(func() {
			for i := range next {
				if out[i], failed[i] = w.safeService(svcs[i]); failed[i] != nil {
					w = x.fork() // what the failed walk left behind is not reused
				}
			}
		})
	}
	for i := range svcs {
		next <- i
	}
	close(next)
	wg.Wait()
	var errs []analyze.Error
	for _, e := range failed {
		if e != nil {
			errs = append(errs, *e)
		}
	}
	return out, errs
}

// safeService is service, where a failure of archie's own on code it
// did not foresee costs the facts of that service, not the run: the
// service keeps no facts, and the error says that it was not checked.
func (x *extractor) safeService(svc *Service) (f *facts, failed *analyze.Error) {
	defer func() {
		if p := recover(); p != nil {
			f = &facts{svc: svc, read: x.prog.libs}
			if svc.Entry != "" {
				f.entryDir = x.dirs[svc.Entry]
			}
			failed = &analyze.Error{Package: svc.Entry, NotChecked: true, Msg: fmt.Sprintf(
				"service %s was not read: archie failed on its code (%v, at %s); its facts are missing: please report it", svc.Name, p, panicSite())}
		}
	}()
	return x.service(svc), nil
}

// panicSite names the function and line a recovered panic was raised at,
// from the deferred function that recovers it.
func panicSite() string {
	pcs := make([]uintptr, 32)
	frames := runtime.CallersFrames(pcs[:runtime.Callers(2, pcs)])
	inPanic := false
	for {
		f, more := frames.Next()
		switch {
		case strings.HasPrefix(f.Function, "runtime."):
			inPanic = true
		case inPanic:
			return fmt.Sprintf("%s %s:%d", f.Function, filepath.Base(f.File), f.Line)
		}
		if !more {
			return "an unknown place"
		}
	}
}

// fork returns an extractor for one worker: it shares the program, the
// resolver's tables and the memos, and has its own state for the service
// it walks.
func (x *extractor) fork() *extractor {
	w := *x
	w.res = &resolver{tables: x.res.tables}
	w.siteCallers, w.uses, w.bind = nil, nil, nil
	w.flagTables = maps.Clone(x.flagTables) // each worker adds its own
	return &w
}

// service finds the facts of one service.
func (x *extractor) service(svc *Service) *facts {
	f := &facts{svc: svc, read: x.prog.libs}
	if svc.Entry != "" {
		f.entryDir = x.dirs[svc.Entry]
	}
	x.walked = f
	defer func() { x.walked = nil }()
	inService := make(map[string]bool, len(svc.Packages))
	for _, p := range svc.Packages {
		inService[p] = true
	}
	var roots []*ssa.Function
	for _, pkg := range x.prog.prog.AllPackages() {
		if !x.prog.source[pkg] || !containsAny([]string{pkg.Pkg.Path()}, svc.Roots) {
			continue
		}
		if pkg.Pkg.Name() == "main" && svc.Entry == pkg.Pkg.Path() && (len(svc.Roots) == 1 || svc.Run != nil) {
			roots = append(roots, pkg.Func("main"), pkg.Func("init"))
			continue
		}
		for _, fn := range x.prog.funcs {
			if fn.Pkg == pkg {
				roots = append(roots, fn)
			}
		}
	}
	// No root built: the service's own packages did not type-check, or
	// one they import did not.
	f.unread = len(roots) == 0
	var dead map[*ssa.BasicBlock]bool
	var skip map[ssa.Instruction]bool
	if svc.Run != nil && svc.Entry != "" {
		if main := x.mainOf(svc.Entry); main != nil {
			dead = deadBlocks(main, svc.Run)
			skip = unchosen(main, svc.Run)
		}
		dead = x.otherCommands(svc.Run, dead)
		dead = x.otherEntries(svc, dead)
	} else if svc.Entry != "" {
		dead = x.rootCommandOnly(svc, f.entryDir, dead)
	}
	dead, off := x.gatedOff(svc, f.entryDir, dead)
	reach := x.prog.reachLive(roots, dead, skip)
	x.res.within = reach
	x.res.dead = dead
	svc.SwitchedOff = nil
	for _, g := range off {
		if fn := g.block.Parent(); reach[fn] {
			ev := x.evidence(fn, g.pos)
			ev.Detail = "env " + g.key
			if !slices.Contains(svc.SwitchedOff, ev) {
				svc.SwitchedOff = append(svc.SwitchedOff, ev)
			}
		}
	}
	svc.SwitchedOff = sortEvidence(svc.SwitchedOff)
	x.res.held = nil
	x.res.workloads = make(map[*workload]bool)
	if x.deploy != nil {
		for _, w := range x.deploy.forService(svc, f.entryDir) {
			// A workload of the service's name that builds another main
			// (compose's orders running cmd/orders-worker) names that
			// one's config files, not this one's.
			if !x.deploy.buildsOther(w, f.entryDir) {
				x.res.workloads[w] = true
			}
		}
		for _, w := range x.deploy.scriptRuns {
			if filepath.Clean(w.dir) == filepath.Clean(f.entryDir) {
				x.res.workloads[w] = true // a Makefile's run of this main
			}
		}
	}
	x.siteCallers = nil
	defer func() { x.res.within, x.res.workloads, x.siteCallers = nil, nil, nil }()

	var fns []*ssa.Function
	for fn := range reach {
		pkg := fn.Pkg
		if pkg == nil && (strings.HasPrefix(fn.Synthetic, "bound method wrapper") || methodThunk(fn)) {
			// A method value (fetch: client.Fetch) or expression
			// (Client.Fetch) calls its method wherever it is called:
			// as the method's package would. A method of the service's
			// own code (t.initDistributor) is read where it is
			// declared.
			if m, ok := fn.Object().(*types.Func); ok && m.Pkg() != nil {
				if own := boundMethod(fn); own == nil || own.Pkg == nil || !inService[own.Pkg.Pkg.Path()] {
					// Its one call, to a method of a library or of an
					// interface (a generated gRPC client's, in a module
					// of its own), is the service's, made where the
					// value is.
					fns = append(fns, fn)
					continue
				}
			}
		}
		if pkg != nil && (inService[pkg.Pkg.Path()] || x.prog.libs[pkg.Pkg] != nil) {
			fns = append(fns, fn)
		}
	}
	// In the order of the source: token.Pos offsets depend on the order
	// go/packages happened to parse the files in.
	at := make(map[*ssa.Function]token.Position, len(fns))
	for _, fn := range fns {
		at[fn] = x.fset.Position(fn.Pos())
	}
	sort.Slice(fns, func(i, j int) bool {
		if c := ComparePos(at[fns[i]], at[fns[j]]); c != 0 {
			return c < 0
		}
		return fns[i].String() < fns[j].String()
	})

	x.envLoads(f, fns)
	x.listenAddrs(f, fns)
	x.uses, x.bound = funcUses(fns)
	x.entries, x.made = x.libEntries(fns)
	x.vias = make(map[string]string)
	defer func() { x.uses, x.bound, x.entries, x.made, x.vias = nil, nil, nil, nil, nil }()
	stores := make(map[string]*Store)
	handlers := make(map[string][]*ssa.Function) // endpoint -> handler functions
	for _, fn := range fns {
		for _, b := range fn.Blocks {
			if dead[b] {
				continue
			}
			for _, instr := range b.Instrs {
				f.noteLaunch(instr)
				if st, ok := instr.(*ssa.Store); ok {
					x.entSpecTable(f, fn, st, stores)
					continue
				}
				if u, ok := instr.(*ssa.MapUpdate); ok {
					x.swaggerRoute(f, fn, u, handlers)
					continue
				}
				if mc, ok := instr.(*ssa.MakeClosure); ok {
					// A method value (retry(rdb.Set, …)) runs its
					// method wherever it is called.
					if m, ok := mc.Fn.(*ssa.Function).Object().(*types.Func); ok && m.Pkg() != nil {
						if recv := m.Signature().Recv(); recv != nil {
							if named := namedOf(recv.Type()); named != nil {
								f.redisKeys = f.redisKeys || redisKeyCommand(normPath(m.Pkg().Path())+"."+named.Name()+"."+m.Name())
							}
						}
					}
					continue
				}
				c, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				x.calledLib(f, fn, c)
				x.inspect(f, fn, c, stores, handlers)
			}
		}
	}
	dropElsewhere(f)
	mergeStores(stores)
	x.placeKeys(f, stores)
	if redisBus(f) {
		for k, s := range stores {
			if s.Kind == "redis" {
				delete(stores, k)
			}
		}
	}
	x.libraryTables(fns, stores)
	appendOnly(stores)
	foldCase(stores)
	for _, s := range stores {
		s.Evidence = sortEvidence(s.Evidence)
		sort.Strings(s.Tables)
		svc.Stores = append(svc.Stores, s)
	}

	f.calls = x.liftCalls(f.calls, reach)
	f.messages = x.liftMessages(f.messages, reach)
	svc.DualWrites = x.dualWrites(f, fns, reach)

	// Which request handlers reach each call: that is what makes a chain.
	names := make([]string, 0, len(handlers))
	for name := range handlers {
		names = append(names, name)
	}
	sort.Strings(names)
	served := make([][]*ssa.Function, len(names))
	for i, name := range names {
		served[i] = handlers[name]
	}
	targets := make([]*ssa.Function, len(f.calls))
	for i, c := range f.calls {
		targets[i] = c.fn
	}
	by := x.prog.reachers(served, targets, reach)
	// Which handler a call is made for is not known where an interface
	// call may run every implementation, or one function serves several
	// routes (a proxy closure a factory makes for each): the first
	// handler stands for it, as it always has. The others that reach it
	// too are kept (chains continue from each) only when they reach it
	// by plain calls and serve with functions of their own.
	direct := x.prog.directReachers(served, targets)
	shared := sharedHandlers(served)
	rpcOf := transcoded(x.fset, names, handlers)
	for _, c := range f.calls {
		if c.fn != nil && c.fn == f.proxyServes {
			// A reverse proxy's call is made in its ServeHTTP, which every
			// route that serves any proxy reaches: which route forwards to
			// which target is not known, so it names none.
			continue
		}
		for _, i := range by[c.fn].members() {
			c.handlers = append(c.handlers, names[i])
		}
		if len(c.handlers) == 0 {
			continue
		}
		c.ev.Handler = c.handlers[0]
		var also []string
		for _, i := range direct[c.fn].members() {
			if names[i] != c.ev.Handler && !shared[i] {
				also = append(also, names[i])
			}
		}
		// A route the call is made for that is an RPC served over HTTP
		// too makes it for that RPC, when the RPC's handler reaches it
		// as well.
		for _, h := range append([]string{c.ev.Handler}, also...) {
			if rpc := rpcOf[h]; rpc != "" && rpc != c.ev.Handler && slices.Contains(c.handlers, rpc) && !slices.Contains(also, rpc) {
				also = append(also, rpc)
			}
		}
		c.ev.Also = strings.Join(also, "\n")
	}
	return f
}

// transcoded maps each HTTP route that a generated gateway serves for
// one of the service's RPCs to that RPC's endpoint: Kratos' *_http.pb.go
// and grpc-gateway's *.pb.gw.go handlers name the RPC they call
// ("/shop.Cart/GetCart", as SetOperation or a pattern's annotation).
// Only code protoc generated counts: a middleware of the program's that
// names an RPC (an allow-list) transcodes nothing. A route whose
// handlers name no RPC, or several, maps to none.
func transcoded(fset *token.FileSet, names []string, handlers map[string][]*ssa.Function) map[string]string {
	rpcs := make(map[string]bool)
	for _, n := range names {
		if !strings.Contains(n, " ") && strings.Contains(n, "/") {
			rpcs[n] = true
		}
	}
	out := make(map[string]string)
	if len(rpcs) == 0 {
		return out
	}
	for _, n := range names {
		if !strings.Contains(n, " ") {
			continue // an RPC, not a route
		}
		var named []string
		var walk func(fn *ssa.Function, depth int)
		walk = func(fn *ssa.Function, depth int) {
			if depth > 3 {
				return
			}
			file := fset.Position(fn.Pos()).Filename
			if !strings.HasSuffix(file, ".pb.go") && !strings.HasSuffix(file, ".pb.gw.go") {
				return
			}
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					var ops [8]*ssa.Value
					for _, op := range instr.Operands(ops[:0]) {
						if c, ok := (*op).(*ssa.Const); ok && c.Value != nil && c.Value.Kind() == constant.String {
							if rpc := strings.TrimPrefix(constant.StringVal(c.Value), "/"); rpcs[rpc] && !slices.Contains(named, rpc) {
								named = append(named, rpc)
							}
						}
					}
				}
			}
			for _, anon := range fn.AnonFuncs {
				walk(anon, depth+1)
			}
		}
		for _, fn := range handlers[n] {
			walk(fn, 0)
		}
		if len(named) == 1 {
			out[n] = named[0]
		}
	}
	return out
}

// sharedHandlers marks the handlers, by index, that serve with a function
// another handler serves with too.
// envLoads records the env files the service's code loads itself:
// godotenv.Load() reads .env in the folder the program runs in, and
// Load("a.env", "b.env") those.
func (x *extractor) envLoads(f *facts, fns []*ssa.Function) {
	if f.entryDir == "" || x.deploy == nil {
		return
	}
	var names []envName
	found := false
	for c := range callsIn(fns) {
		override := false
		switch calleeKey(c.Common()) {
		case "github.com/joho/godotenv.Load":
		case "github.com/joho/godotenv.Overload":
			override = true
		default:
			continue
		}
		found = true
		args := c.Common().Args
		if k, ok := firstArg(args).(*ssa.Const); len(args) == 0 || ok && k.IsNil() {
			names = append(names, envName{name: ".env", override: override})
			continue
		}
		elems, _ := x.res.sliceMembers(args[0], make(map[ssa.Value]bool))
		for _, e := range elems {
			for _, v := range x.res.strings(e) {
				if v.lit && v.text != "" {
					names = append(names, envName{name: v.text, override: override})
				}
			}
		}
	}
	if found {
		x.deploy.loadsEnv(f.entryDir, names)
	}
}

// callsIn yields the calls of fns, in order.
func callsIn(fns []*ssa.Function) iter.Seq[ssa.CallInstruction] {
	return func(yield func(ssa.CallInstruction) bool) {
		for _, fn := range fns {
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					if c, ok := instr.(ssa.CallInstruction); ok && !yield(c) {
						return
					}
				}
			}
		}
	}
}

// firstArg returns a call's first argument, or nil without one.
func firstArg(args []ssa.Value) ssa.Value {
	if len(args) == 0 {
		return nil
	}
	return args[0]
}

// listenAddrs records the addresses the service's servers listen on.
func (x *extractor) listenAddrs(f *facts, fns []*ssa.Function) {
	for c := range callsIn(fns) {
		common := c.Common()
		arg := func(i int) ssa.Value { // nil past a stand-in's arguments
			if i < len(common.Args) {
				return common.Args[i]
			}
			return nil
		}
		var addrs []value
		switch calleeKey(common) {
		case "net/http.ListenAndServe", "net/http.ListenAndServeTLS":
			addrs = x.res.strings(arg(0))
		case "net.Listen":
			addrs = x.res.strings(arg(1))
		case "net/http.Server.ListenAndServe", "net/http.Server.ListenAndServeTLS":
			addrs = x.res.storedField(arg(0), "Addr")
		case "github.com/labstack/echo/v4.Echo.Start", "github.com/gofiber/fiber/v2.App.Listen":
			addrs = x.res.strings(arg(1))
		case "github.com/gin-gonic/gin.Engine.Run":
			// Run() listens on $PORT, else :8080.
			if k, ok := arg(1).(*ssa.Const); ok && k.IsNil() {
				addrs = []value{{text: ":8080", lit: true, fallbackOf: "PORT", fallbackText: "8080"}}
				break
			}
			elems, _ := x.res.sliceMembers(arg(1), make(map[ssa.Value]bool))
			for _, e := range elems {
				addrs = appendValues(addrs, x.res.strings(e))
			}
		default:
			continue
		}
		f.listens = appendValues(f.listens, addrs)
	}
}

func sharedHandlers(served [][]*ssa.Function) map[int]bool {
	by := make(map[*ssa.Function][]int)
	for i, fns := range served {
		for _, fn := range fns {
			if fn != nil && !slices.Contains(by[fn], i) {
				by[fn] = append(by[fn], i)
			}
		}
	}
	out := make(map[int]bool)
	for _, is := range by {
		if len(is) > 1 {
			for _, i := range is {
				out[i] = true
			}
		}
	}
	return out
}

// position returns where an instruction is, or its function when the
// instruction has no position of its own.
func (x *extractor) position(fn *ssa.Function, pos token.Pos) token.Position {
	if !pos.IsValid() {
		pos = fn.Pos()
		// A method value's wrapper (fetch: client.Fetch) calls where
		// the value is made, not where the method is declared.
		if at := x.bound[fn]; at.IsValid() {
			pos = at
		}
	}
	return x.fset.Position(pos)
}

var registerServer = regexp.MustCompile(`^Register(\w+)Server$`)

// inspect looks at one call and records what it means: a generated gRPC
// client's or server's, or what the recognizers of its library say.
func (x *extractor) inspect(f *facts, fn *ssa.Function, ci ssa.CallInstruction, stores map[string]*Store, handlers map[string][]*ssa.Function) {
	common := ci.Common()
	args := argsOf(common)
	ev := x.evidence(fn, ci.Pos())

	if x.kitex(f, fn, common, args, ev, handlers) {
		return
	}
	// gRPC: a generated client's method, or a generated Register…Server.
	proto, method := x.grpcCall(fn, common)
	if proto == "" {
		proto, method = x.grpcCallByShape(fn, common)
	}
	if proto != "" {
		ev.Detail = method
		ev.Method = proto + "/" + method
		c := &call{protocol: "grpc", proto: proto, method: method, ev: ev, fn: fn}
		if infrastructureProto(proto) {
			// Every server serves it: where the call goes is where the
			// client's connection dials.
			c.targets = x.res.grpcTargets(common)
		}
		if root := rootFunc(fn); x.inContract(fn) && x.stubFile(root) && !gatewayRequest.MatchString(root.Name()) {
			if named, _ := calledOn(common); named != nil && forwards(root, named) {
				c.forwarded = true
				c.server = named.Obj().Pkg().Scope().Lookup(strings.TrimSuffix(named.Obj().Name(), "Client") + "Server")
			}
		}
		f.calls = append(f.calls, c)
		return
	}
	if callee := common.StaticCallee(); callee != nil && callee.Pkg != nil {
		if m := registerServer.FindStringSubmatch(callee.Name()); m != nil && callee.Signature.Recv() == nil {
			if proto := x.protoName(callee.Pkg.Pkg, m[1]); proto != "" {
				ev.Detail = callee.Name()
				var impl ssa.Value
				if len(args) >= 2 {
					impl = args[1]
				}
				x.serveGRPC(f, proto, impl, ev, handlers)
				return
			}
		}
	}

	if x.connect(f, fn, common, args, ev, handlers) {
		return
	}
	if x.sdkCall(f, fn, common, ev) {
		return
	}

	key := calleeKey(common)
	rows := recognized.lookup(key)
	if common.StaticCallee() == nil && !common.IsInvoke() {
		// A function value of a library's named type: only a row for
		// that type, not one for any function of its package.
		rows = recognized.exact[key]
	}
	if len(rows) == 0 && common.IsInvoke() {
		if lib := x.libraryInterface(common); lib != "" {
			key = lib
			rows = recognized.lookup(key)
		}
		if _, generic := common.Value.Type().(*types.TypeParam); generic {
			// What a type argument's method runs is not known here:
			// see redisBus.
			f.typeParamCalls = append(f.typeParamCalls, common.Method.Name())
		}
	}
	if redisConstructor(key) {
		f.redisClients++
	}
	if redisKeyCall(key) {
		f.redisKeys = true
		x.redisKeyNames(&site{f: f, fn: fn, instr: ci, common: common, key: key, args: args, ev: ev, stores: stores})
	}
	if len(rows) == 0 {
		x.genDAO(&site{f: f, fn: fn, instr: ci, common: common, key: key, args: args, ev: ev, stores: stores})
		return
	}
	if connectHandler.MatchString(rootFunc(fn).Name()) && x.importsConnect(fn.Pkg.Pkg) {
		// The mux inside bufbuild's generated New…Handler: its routes
		// are the proto service's methods, recorded as such.
		return
	}
	s := &site{f: f, fn: fn, instr: ci, common: common, key: key, args: args, ev: ev, stores: stores, handlers: handlers}
	for _, r := range rows {
		if r.fact != serves {
			x.apply(r, s)
			continue
		}
		sites := x.helperSites(s, r)
		if sites == nil {
			x.apply(r, s)
		}
		for _, hs := range sites {
			x.bind = hs.bind
			x.apply(r, hs)
			x.bind = nil
		}
	}
}

// serveGRPC records that the service serves a proto service, its methods
// served by those of impl (the implementation registered, when known).
func (x *extractor) serveGRPC(f *facts, proto string, impl ssa.Value, ev Evidence, handlers map[string][]*ssa.Function) {
	f.svc.Endpoints = append(f.svc.Endpoints, Endpoint{Protocol: "grpc", Name: proto, Pos: ev.Pos})
	if impl == nil {
		return
	}
	for _, m := range x.methodsOf(impl) {
		if !token.IsExported(m.Name()) {
			continue // a helper of the implementation, no RPC
		}
		name := proto + "/" + m.Name()
		handlers[name] = append(handlers[name], m)
	}
}

var (
	connectHandler = regexp.MustCompile(`^New(\w+)Handler$`)
	connectClient  = regexp.MustCompile(`^New(\w+)Client$`)
)

// connect recognizes the constructors protoc-gen-connect-go generates:
// New…Handler(svc) serves the proto service, its methods served by svc's;
// New…Client(httpClient, baseURL) dials baseURL (its calls are
// recognized as gRPC clients' are, by grpcCall). Connect's services are
// proto services, served and called as gRPC's are, and a connect handler
// answers gRPC too.
func (x *extractor) connect(f *facts, fn *ssa.Function, common *ssa.CallCommon, args []ssa.Value, ev Evidence, handlers map[string][]*ssa.Function) bool {
	callee := common.StaticCallee()
	if callee == nil || callee.Pkg == nil || callee.Signature.Recv() != nil || callee.Pkg == fn.Pkg || !x.importsConnect(callee.Pkg.Pkg) {
		return false
	}
	if m := connectHandler.FindStringSubmatch(callee.Name()); m != nil {
		proto := x.protoName(callee.Pkg.Pkg, m[1])
		if proto == "" {
			return false
		}
		ev.Detail = callee.Name()
		var impl ssa.Value
		if len(args) > 0 {
			impl = args[0]
		}
		x.serveGRPC(f, proto, impl, ev, handlers)
		return true
	}
	if m := connectClient.FindStringSubmatch(callee.Name()); m != nil && len(args) >= 2 && x.protoName(callee.Pkg.Pkg, m[1]) != "" {
		ev.Detail = callee.Name()
		f.dials = append(f.dials, &call{protocol: "dial", targets: x.res.strings(args[1]), ev: ev, fn: fn})
		return true
	}
	return false
}

// importsConnect reports whether a package is connect's generated code:
// it imports connect-go, under its old path or its new.
func (x *extractor) importsConnect(pkg *types.Package) bool {
	return x.connectPkgs.get(pkg, func() bool { return importsConnect(pkg) })
}

func importsConnect(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		switch normPath(imp.Path()) {
		case "connectrpc.com/connect", "github.com/bufbuild/connect-go":
			return true
		}
	}
	return false
}

// rootFunc returns the function a closure is written in.
func rootFunc(fn *ssa.Function) *ssa.Function {
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	return fn
}

// gatewayRequest names the functions grpc-gateway generates to forward a
// route's request to the gRPC client: request_Greeter_SayHello_0.
var gatewayRequest = regexp.MustCompile(`^request_\w+_\d+$`)

// grpcCall recognizes a call of a generated gRPC client's method, through
// its XClient interface or its xClient implementation, and returns the
// proto service and the method. Calls made in protoc's generated files
// of the client's own package are the stub's plumbing, not the
// service's, but for those of grpc-gateway's request_ functions: a route
// of the gateway calls the service behind it. Other code of that package
// calls the service: goctl writes its client wrapper (defaultOrder's
// Orders calls NewOrderClient(conn).Orders) beside the stubs.
func (x *extractor) grpcCall(fn *ssa.Function, c *ssa.CallCommon) (string, string) {
	named, method := calledOn(c)
	// A stream's client (Order_WatchClient) is no client of a service:
	// its Recv and Send are the call its client's Watch made.
	if named == nil || !strings.HasSuffix(named.Obj().Name(), "Client") || strings.Contains(named.Obj().Name(), "_") {
		return "", ""
	}
	pkg := named.Obj().Pkg()
	if fn.Pkg != nil && fn.Pkg.Pkg == pkg && !gatewayRequest.MatchString(rootFunc(fn).Name()) && x.stubFile(rootFunc(fn)) && !forwards(rootFunc(fn), named) {
		return "", ""
	}
	goName := strings.TrimSuffix(named.Obj().Name(), "Client")
	if r := []rune(goName); len(r) > 0 {
		r[0] = unicode.ToUpper(r[0])
		goName = string(r)
	}
	return x.protoName(pkg, goName), method
}

// grpcCallByShape recognizes a call through an interface of the program's
// own whose method has the shape of a generated gRPC client's (a
// context, the request, ...grpc.CallOption) and that only a generated
// client stands behind: a wrapper that embeds the XClient interface
// (type client struct{ PipedServiceClient; conn }) and the narrower
// interfaces the callers declare of it. The service is the one generated
// client of the request's package with that method; where a type of the
// program implements the method by hand (goctl's defaultOrder), its own
// body makes the call, and this one is not counted twice.
func (x *extractor) grpcCallByShape(fn *ssa.Function, c *ssa.CallCommon) (string, string) {
	if !c.IsInvoke() || x.stubFile(rootFunc(fn)) {
		return "", ""
	}
	sig, _ := c.Method.Type().(*types.Signature)
	if sig == nil || !sig.Variadic() || sig.Params().Len() < 2 {
		return "", ""
	}
	last, _ := sig.Params().At(sig.Params().Len() - 1).Type().(*types.Slice)
	if last == nil || !isNamedType(last.Elem(), "google.golang.org/grpc", "CallOption") {
		return "", ""
	}
	var pkg *types.Package
	if sig.Params().Len() >= 3 {
		pkg = namedPkg(sig.Params().At(1).Type())
	}
	if pkg == nil && sig.Results().Len() > 0 {
		pkg = namedPkg(sig.Results().At(0).Type()) // a stream's client
	}
	if pkg == nil {
		return "", ""
	}
	method, client := c.Method.Name(), ""
	for _, name := range pkg.Scope().Names() {
		if !strings.HasSuffix(name, "Client") || strings.Contains(name, "_") || !token.IsExported(name) {
			continue
		}
		tn, ok := pkg.Scope().Lookup(name).(*types.TypeName)
		if !ok || !x.generatedAt(tn.Pos()) {
			continue // pipedservice.Client, a hand-written wrapper of the generated one
		}
		iface, ok := tn.Type().Underlying().(*types.Interface)
		if !ok {
			continue
		}
		for i := range iface.NumMethods() {
			if m := iface.Method(i); m.Name() == method && types.Identical(m.Type(), sig) {
				if client != "" && client != name {
					return "", "" // two services with the method: which one is not known
				}
				client = name
			}
		}
	}
	if client == "" {
		return "", ""
	}
	for _, impl := range x.implementations(c.Value.Type()) {
		if impl.Name() == method && impl.Synthetic == "" && !x.stubFile(impl) {
			return "", ""
		}
	}
	return x.protoName(pkg, strings.TrimSuffix(client, "Client")), method
}

// namedPkg returns the package of a named type, or of the one a pointer
// points to; nil for any other type.
func namedPkg(t types.Type) *types.Package {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj().Pkg()
	}
	return nil
}

// forwards reports whether fn is a method of a type that holds a client
// of the named type: generated code that hands the server's interface a
// client (an OrderServiceServer whose GetOrder calls its
// OrderServiceClient's), for services that call one another through the
// server's interface. Its calls are the caller's, made through it.
func forwards(fn *ssa.Function, client *types.Named) bool {
	recv := fn.Signature.Recv()
	if recv == nil {
		return false
	}
	t := recv.Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := range st.NumFields() {
		ft := st.Field(i).Type()
		if p, ok := ft.(*types.Pointer); ok {
			ft = p.Elem()
		}
		if n, ok := types.Unalias(ft).(*types.Named); ok && n.Obj() == client.Obj() {
			return true
		}
	}
	return false
}

// stubFile reports whether fn is written in a file protoc generated
// (x.pb.go, x_grpc.pb.go, x.pb.gw.go), or where no file is known.
func (x *extractor) stubFile(fn *ssa.Function) bool {
	return x.generatedAt(fn.Pos())
}

// generatedAt reports whether a position is in a file protoc generated,
// or unknown.
func (x *extractor) generatedAt(pos token.Pos) bool {
	if !pos.IsValid() {
		return true
	}
	name := x.fset.Position(pos).Filename
	name = name[strings.LastIndexAny(name, `/\\`)+1:]
	return strings.HasSuffix(name, ".pb.go") || strings.HasSuffix(name, ".pb.gw.go")
}

// calledOn returns the named type a method call is made on (through an
// interface, or on a value or pointer of it) and the method, or nil for a
// call of no method of a package's named type.
func calledOn(c *ssa.CallCommon) (*types.Named, string) {
	var t types.Type
	var method string
	if c.IsInvoke() {
		t, method = c.Value.Type(), c.Method.Name()
	} else if callee := c.StaticCallee(); callee != nil && callee.Signature.Recv() != nil {
		t, method = callee.Signature.Recv().Type(), callee.Name()
	} else {
		return nil, ""
	}
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() == nil {
		return nil, ""
	}
	return named, method
}

// isTypeParam reports whether v has a type parameter's type: a generic
// body, built once for all its instances, does not know which type v has.
func isTypeParam(v ssa.Value) bool {
	_, ok := types.Unalias(v.Type()).(*types.TypeParam)
	return ok
}

// implementations returns the methods of every type of the program that
// implements an interface type: what a value of that type can be when the
// code does not say.
func (x *extractor) implementations(t types.Type) []*ssa.Function {
	iface, ok := t.Underlying().(*types.Interface)
	if !ok {
		return nil
	}
	var out []*ssa.Function
	x.prog.methodsOf.Iterate(func(t types.Type, ms any) {
		if types.Implements(t, iface) && !types.IsInterface(t) {
			out = append(out, ms.([]*ssa.Function)...)
		}
	})
	return out
}

func (x *extractor) route(f *facts, handlers map[string][]*ssa.Function, method, route string, handler ssa.Value, ev Evidence) {
	if route == "" {
		route = "…"
	}
	ep := Endpoint{Protocol: "http", Method: method, Route: route, Pos: ev.Pos}
	f.svc.Endpoints = append(f.svc.Endpoints, ep)
	name := strings.TrimSpace(method + " " + route)
	handlers[name] = append(handlers[name], x.handlerFuncs(handler)...)
}

// gorillaMethods returns the methods a gorilla/mux route is limited to by
// a .Methods("GET", …) call on it.
func (x *extractor) gorillaMethods(ci ssa.CallInstruction) string {
	v, ok := ci.(*ssa.Call)
	if !ok || v.Referrers() == nil {
		return ""
	}
	for _, ref := range *v.Referrers() {
		c, ok := ref.(*ssa.Call)
		if !ok || calleeKey(c.Common()) != "github.com/gorilla/mux.Route.Methods" || len(c.Common().Args) < 2 {
			continue
		}
		if _, ok := c.Common().Args[1].(*ssa.Slice); ok {
			return strings.Join(x.methodNames(c.Common().Args[1]), ",")
		}
	}
	return ""
}

func (x *extractor) httpCall(f *facts, fn *ssa.Function, method string, urls []value, ev Evidence) {
	if method == "" {
		method = "GET"
	}
	ev.Detail = method
	f.calls = append(f.calls, &call{protocol: "http", method: method, targets: urls, ev: ev, fn: fn})
}

func (x *extractor) message(f *facts, fn *ssa.Function, protocol string, publish bool, topics []value, ev Evidence) {
	verb := "consume"
	if publish {
		verb = "publish"
	}
	added := false
	seen := make(map[string]*message, len(topics))
	for _, t := range x.passedTopics(f, topics) {
		if t.text == "" || strings.Contains(t.text, "…") {
			continue
		}
		from := token.NoPos
		if mi, ok := t.group.(*ssa.MakeInterface); ok {
			if c := receiverOf(mi, 3); c != nil {
				from = c.Pos()
			}
		}
		if m := seen[t.text]; m != nil {
			// A topic given by two calls' options is one topic; one
			// named after a type handed in at two lines is handed there.
			if m.from != nil && from.IsValid() && !slices.Contains(m.from, from) {
				m.from = append(m.from, from)
			} else if !from.IsValid() {
				m.from = nil
			}
			continue
		}
		e := ev
		e.Detail = verb + " " + t.text
		m := &message{protocol: protocol, topic: t.text, publish: publish, ev: e, fn: fn, list: t.list, fallbackOf: t.fallbackOf, via: t.via}
		if from.IsValid() {
			m.from = []token.Pos{from}
		}
		seen[t.text] = m
		f.messages = append(f.messages, m)
		added = true
	}
	// A consumer of a queue the broker names (QueueDeclare("", …), its
	// messages those of its QueueBind calls) has no topic of its own.
	serverNamed := !publish && protocol == "amqp" && len(topics) > 0 && !slices.ContainsFunc(topics, func(t value) bool { return t.text != "" || !t.lit })
	if !added && !serverNamed {
		e := ev
		e.Detail = verb + " (topic not static)"
		f.messages = append(f.messages, &message{protocol: protocol, publish: publish, ev: e, fn: fn})
	}
}

// passedTopics returns the topics of a message with a flag's default
// replaced by the values the deployment passes the flag, and kept where a
// workload leaves it unset; a value archie cannot read names no topic.
func (x *extractor) passedTopics(f *facts, topics []value) []value {
	var out []value
	for _, t := range topics {
		texts, _, keep := x.deploy.passed(f.svc, f.entryDir, t)
		for _, text := range texts {
			out = append(out, value{text: text, list: t.list})
		}
		if keep {
			out = append(out, t)
		}
	}
	return out
}

// store records a database or cache the service opens.
func (x *extractor) store(f *facts, stores map[string]*Store, kind string, config []value, ev Evidence) {
	resource, server, from := "", "", ""
	var unread []string // sources of its variables archie cannot read
	addr := ""          // the address server is read from, when it is one
	written := false    // the DSN is a constant where it is used: nothing overrides it
	for _, v := range config {
		if strings.TrimSpace(v.text) == "" {
			continue // an empty setting names no database
		}
		switch {
		case len(v.env) > 0 && strings.TrimSpace(v.text) == "${"+v.env[0]+"}":
			resource = "env " + v.env[0]
			if val, file, ok := x.deploy.envIn(f.svc, f.entryDir, v.env[0]); ok {
				server, addr = dsnServer(val), val
				from = fmt.Sprintf(" = %s in %s", redact(val), file)
				if strings.HasPrefix(file, "secret ") {
					// A Secret's value is used, never shown: two services
					// with one database still share one identity.
					from = " from " + file
					if server != "" {
						server = secretID(server)
					}
				}
			}
		case strings.HasPrefix(v.text, "project ") && v.lit:
			resource, server = v.text, v.text
		case v.config != "" && !strings.Contains(v.text, "…"):
			resource = "dsn " + redact(v.text)
			server, addr = dsnServer(v.text), v.text
			from = " in " + v.config
		case v.flag != "" && x.deploy.setsFlags(f.svc, f.entryDir, v.flag):
			// The default of a flag the deployment sets is not where
			// the service connects; the one value every workload passes
			// is.
			resource = "flag -" + strings.ReplaceAll(shownFlags(v.flag), ",", ", -")
			if texts, unread, keep := x.deploy.passed(f.svc, f.entryDir, v); len(texts) == 1 && !unread && !keep {
				server, addr = dsnServer(texts[0]), texts[0]
				from = " = " + redact(texts[0]) + " passed by the deployment"
			}
		case v.lit || v.flag != "":
			resource = "dsn " + redact(v.text)
			server, addr = dsnServer(v.text), v.text
			written = v.fixed && v.lit && v.flag == "" && v.fallbackOf == ""
		case len(v.env) > 0:
			resource = "env " + strings.Join(v.env, ", ")
			server, from = x.envServer(f, v)
		}
		if resource != "" {
			if strings.HasPrefix(resource, "env ") {
				for _, k := range v.env {
					unread = append(unread, x.deploy.unreadSources(f.svc, f.entryDir, k)...)
				}
			}
			break
		}
	}
	if server != "" && !SQLKind(kind) && kind != "mongo" {
		if other := otherSystem(kind, addr); other != "" {
			// The deployment gives this setting to another build of the
			// code (tags pick a NATS event store over a Redis one): the
			// server is not this client's. A store of tables keeps what
			// it read: with no server, its tables would be judged as
			// possibly in any database.
			server = ""
			from += ", another system's address (" + other + "://)"
		}
	}
	ev.Detail = "opens " + kind
	if resource != "" {
		ev.Detail += " (" + resource + from + ")"
	}
	if loopback(server) && !(written && x.deploy.onHost(f.svc, f.entryDir)) {
		// Each container's localhost is its own: a development default
		// that two services share says nothing of where they run. A
		// service no container runs, whose code names localhost and
		// nothing overrides it, runs beside the others on one machine.
		server = ""
	}
	k := kind + "\x00" + resource
	s := stores[k]
	if s == nil {
		s = &Store{Kind: kind, Resource: resource, Server: server, Touches: make(map[string][]Evidence)}
		stores[k] = s
	}
	s.Evidence = append(s.Evidence, ev)
	for _, u := range unread {
		if !slices.Contains(s.unread, u) {
			s.unread = append(s.unread, u)
		}
	}
}

// touch records a table or collection the service names. SQL tables go to
// the service's SQL stores; a service that names tables without opening a
// store archie recognizes gets a store of kind "sql" with no resource.
func (x *extractor) touch(f *facts, stores map[string]*Store, kind, table string, ev Evidence) *Store {
	var target *Store
	keys := make([]string, 0, len(stores))
	for k := range stores {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	// The first store of the kind that configuration names, else the
	// first of the kind: one whose address no configuration gives (built
	// from a request's data) is a user's database, not where the
	// service's own queries run.
	for _, k := range keys {
		s := stores[k]
		if (s.Kind == kind || kind == "sql" && SQLKind(s.Kind)) && (target == nil || !configured(target) && configured(s)) {
			target = s
		}
	}
	if target == nil {
		target = unopened(stores, kind)
	}
	target.touch(table, ev)
	return target
}

// unopened is the service's store of a kind that holds what its code
// names with no store archie saw it open, or could tell it ran on.
func unopened(stores map[string]*Store, kind string) *Store {
	target := stores[kind+"\x00"]
	if target == nil {
		target = &Store{Kind: kind, Touches: make(map[string][]Evidence)}
		stores[kind+"\x00"] = target
	}
	return target
}

// touch records that the code names a table of the store, at ev.
func (s *Store) touch(table string, ev Evidence) {
	if _, ok := s.Touches[table]; !ok {
		s.Tables = append(s.Tables, table)
	}
	// SQL a shared helper runs stays at the helper's line: the table is
	// read from every caller's argument at once, so no one caller's line
	// could be said to name it.
	if !slices.Contains(s.Touches[table], ev) {
		s.Touches[table] = append(s.Touches[table], ev)
	}
}

// configured reports whether configuration names a store's database: a
// DSN, a variable, a flag. An in-memory SQLite database is none: a
// test's or a demo's, in the process.
func configured(s *Store) bool {
	return s.Resource != "" && !strings.Contains(s.Resource, ":memory:")
}

// inDatabases records that the code names table in the databases dbs.
func (s *Store) inDatabases(table string, dbs []string) {
	for _, db := range dbs {
		if !slices.Contains(s.Databases[table], db) {
			if s.Databases == nil {
				s.Databases = make(map[string][]string)
			}
			s.Databases[table] = append(s.Databases[table], db)
			slices.Sort(s.Databases[table])
		}
	}
}

// mergeStores gives the tables found before any store was opened (a
// store of the kind with no resource) to the one store of that kind the
// service opens, when there is exactly one, or to the one configuration
// names beside others that no configuration names.
func mergeStores(stores map[string]*Store) {
	for k, loose := range stores {
		if loose.Resource != "" || len(loose.Evidence) > 0 {
			continue
		}
		// The one store of the kind configuration names, or the one
		// store of the kind.
		var only, named *Store
		n, nc := 0, 0
		for _, s := range stores {
			if s != loose && (s.Kind == loose.Kind || loose.Kind == "sql" && SQLKind(s.Kind)) {
				only, n = s, n+1
				if configured(s) {
					named, nc = s, nc+1
				}
			}
		}
		switch {
		case nc == 1:
			only = named
		case n != 1:
			continue
		}
		for _, t := range loose.Tables {
			if _, ok := only.Touches[t]; !ok {
				only.Tables = append(only.Tables, t)
			}
			only.Touches[t] = append(only.Touches[t], loose.Touches[t]...)
			only.inDatabases(t, loose.Databases[t])
			for ev, folded := range loose.folds[t] {
				only.foldsTo(t, ev, folded)
			}
		}
		delete(stores, k)
	}
}

// foldsTo records that the SQL text at ev names table as folded would
// name it in a database that folds unquoted names to lower case.
func (s *Store) foldsTo(table string, ev Evidence, folded string) {
	if folded == table {
		return
	}
	if s.folds == nil {
		s.folds = make(map[string]map[Evidence]string)
	}
	if s.folds[table] == nil {
		s.folds[table] = make(map[Evidence]string)
	}
	s.folds[table][ev] = folded
}

// foldCase names each table of a PostgreSQL or Cassandra store as the
// database holds it, which folds unquoted names to lower case: FROM
// Exposure and FROM exposure read one table, exposure, while "Exposure"
// (quoted, or a model's name, which an ORM quotes) is another. Only the
// touches whose SQL left the name unquoted move. A table the service
// hands a library by name is the library's under either name. SQL
// Server and SQLite keep a name's case and compare it without; MySQL
// keeps it, as its file system does on Linux.
func foldCase(stores map[string]*Store) {
	for _, s := range stores {
		if s.Kind != "postgres" && s.Kind != "cassandra" {
			continue
		}
		var tables []string
		for _, t := range s.Tables {
			var kept []Evidence
			for _, ev := range s.Touches[t] {
				folded, ok := s.folds[t][ev]
				if !ok {
					kept = append(kept, ev)
					continue
				}
				if !slices.Contains(s.Touches[folded], ev) {
					s.Touches[folded] = append(s.Touches[folded], ev)
				}
				if !slices.Contains(tables, folded) {
					tables = append(tables, folded)
				}
				if slices.Contains(s.Library, t) && !slices.Contains(s.Library, folded) {
					s.Library = append(s.Library, folded)
				}
			}
			if len(kept) == 0 {
				delete(s.Touches, t)
				s.Library = slices.DeleteFunc(s.Library, func(l string) bool { return l == t })
				continue
			}
			s.Touches[t] = kept
			if !slices.Contains(tables, t) {
				tables = append(tables, t)
			}
		}
		s.Tables = tables
		slices.Sort(s.Library)
	}
}

// appendOnly lists, for each document store, the indexes the service
// only adds documents to: every call of its code that names the index
// adds one (addsDocuments).
func appendOnly(stores map[string]*Store) {
	for _, s := range stores {
		for _, t := range s.Tables {
			evs := s.Touches[t]
			if len(evs) > 0 && !slices.ContainsFunc(evs, func(ev Evidence) bool { return !strings.HasPrefix(ev.Detail, addsTo) }) {
				s.Appended = append(s.Appended, t)
			}
		}
		slices.Sort(s.Appended)
	}
}

// SQLKind reports whether a store's kind is a SQL database's; "sql" is
// SQL archie could tie to no one driver.
func SQLKind(kind string) bool {
	switch kind {
	case "postgres", "mysql", "sqlite", "sqlserver", "sql":
		return true
	}
	return false
}

func driverKind(driver string) string {
	switch d := strings.ToLower(driver); {
	case d == "postgres" || d == "pgx" || d == "postgresql" || strings.HasPrefix(d, "pgx/") || d == "cloudsqlpostgres":
		return "postgres"
	case d == "mysql":
		return "mysql"
	case strings.HasPrefix(d, "sqlite"):
		return "sqlite"
	case d == "sqlserver" || d == "mssql":
		return "sqlserver"
	case d == "clickhouse":
		return "clickhouse"
	}
	return "sql"
}

// duplicateKey matches the end of MySQL's upsert before its UPDATE, whose
// assignments follow, not a table.
var duplicateKey = regexp.MustCompile(`(?i)\bduplicate\s+key\s*$`)

var sqlTable = regexp.MustCompile("(?i)\\b(?:from|join|into|update|table(?:\\s+if\\s+(?:not\\s+)?exists)?)\\s+(" + sqlPart + "(?:\\." + sqlPart + "){0,2})")

// sqlPart matches one part of a qualified name: a bare or double-quoted
// identifier, or a backquoted one (BigQuery's `region-us`).
const sqlPart = "(?:`[^`\\s]+`|\"?[A-Za-z_][A-Za-z0-9_]*\"?)"

// sqlCTE matches the names a WITH clause defines: WITH [RECURSIVE] a AS
// (…), b (x, y) AS [NOT] MATERIALIZED (…), and those after a piece the
// code builds apart (WITH %s sessions AS (…), the first piece unknown).
var sqlCTE = regexp.MustCompile(`(?i)(?:\bwith(?:\s+recursive)?|,|…)\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\([^()]*\))?\s*\bas\s+(?:not\s+)?(?:materialized\s*)?\(`)

// rowLock matches the end of a row-locking clause before its UPDATE:
// SELECT … FOR UPDATE, FOR NO KEY UPDATE; what follows (OF t, SKIP
// LOCKED, NOWAIT) names no table written.
var rowLock = regexp.MustCompile(`(?i)\bfor\s+(?:no\s+key\s+)?$`)

// sqlReserved are words that PostgreSQL and MySQL both reserve and a
// table name could be mistaken for, and the words of a join (ClickHouse's
// too), which follow FROM where the code leaves the table's piece of the
// query empty: unquoted, none names a table. (user is reserved in
// PostgreSQL only: MySQL schemas name tables user.)
var sqlReserved = func() map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(`all and as asc both case check collate column constraint create
		current_date current_time current_timestamp current_user default desc distinct else except
		false fetch for foreign from grant group having in intersect into leading limit localtime
		localtimestamp not null on or order primary references select table then to trailing true
		union unique using when where window with
		inner left right full cross outer join natural straight_join prewhere any asof semi anti`) {
		m[w] = true
	}
	return m
}()

var sqlStart = regexp.MustCompile(`(?i)^\s*(select|insert|update|delete|with|create|alter|drop|truncate|replace|merge)\b`)

// sqlTables returns the tables a SQL statement names.
func sqlTables(q string) []string {
	var out []string
	for _, n := range sqlNames(q) {
		out = append(out, n.table)
	}
	return out
}

// A sqlName is a table a statement names, and the name a database that
// folds unquoted names to lower case holds it under: "Ledger" stays,
// Ledger and "public".Ledger are ledger and public.ledger.
type sqlName struct {
	table, folded string
}

// sqlNames returns the tables a SQL statement names.
func sqlNames(q string) []sqlName {
	q = sqlCode(skipSQLComments(q))
	if !statement(q) {
		return nil
	}
	ctes := commonTables(q)
	var out []sqlName
	for _, m := range sqlTable.FindAllStringSubmatchIndex(q, -1) {
		kw := strings.ToLower(q[m[0] : m[0]+4])
		if (kw == "from" || kw == "join") && strings.HasPrefix(strings.TrimLeft(q[m[3]:], " \t\r\n"), "(") || inFromFunction(q[:m[0]]) {
			continue // FROM now(), JOIN generate_series(…); EXTRACT(epoch FROM t)
		}
		if kw == "upda" && (duplicateKey.MatchString(q[:m[0]]) || rowLock.MatchString(q[:m[0]])) {
			continue // MySQL's INSERT … ON DUPLICATE KEY UPDATE value = …; SELECT … FOR UPDATE OF t
		}
		if strings.HasPrefix(q[m[3]:], "…") && strings.HasSuffix(q[m[2]:m[3]], "_") {
			// v1_payload_… of fmt.Sprintf("v1_payload_%s", day): which
			// table is known at run time. (A buffer's first text,
			// "FROM orders", is whole before what is written after it.)
			continue
		}
		name := q[m[2]:m[3]]
		t := strings.NewReplacer("`", "", `"`, "").Replace(name)
		if strings.HasPrefix(t, "…") {
			// CREATE TABLE `%s__temp` of a name known at run time
			// (gorm's SQLite migrator): no table archie can name.
			continue
		}
		if t == name && sqlReserved[strings.ToLower(t)] {
			continue // AFTER INSERT OR UPDATE OR DELETE ON t; FROM  LIMIT (a name left empty)
		}
		if !strings.Contains(t, ".") && ctes.shadows(strings.ToLower(t), m[2]) {
			continue
		}
		switch strings.ToLower(t) {
		case "select", "set", "values", "lateral", "unnest", "only", "if":
			continue
		}
		if systemTable(t) {
			continue // the database's own catalog: every service may read it
		}
		if !slices.ContainsFunc(out, func(n sqlName) bool { return n.table == t }) {
			out = append(out, sqlName{t, foldUnquoted(name)})
		}
	}
	return out
}

// foldUnquoted lower-cases the parts of a (possibly qualified) name
// that are not quoted, and drops the quotes.
func foldUnquoted(name string) string {
	parts := strings.Split(name, ".")
	for i, p := range parts {
		if q := strings.Trim(p, "`\""); q != p {
			parts[i] = q
		} else {
			parts[i] = strings.ToLower(p)
		}
	}
	return strings.Join(parts, ".")
}

// statement reports whether code (comments and literals blanked) reads
// as a SQL statement: it starts with a statement's verb, and is more
// than a verb and a name. "update exposures", the name pgx is given for
// a prepared statement and later executes it by, is none; "UPDATE
// orders …", whose SET is built at run time, is one.
func statement(code string) bool {
	return sqlStart.MatchString(code) && !verbAndName.MatchString(code)
}

var verbAndName = regexp.MustCompile(`(?i)^\s*(?:update|delete|insert|select)\s+[A-Za-z_][A-Za-z0-9_.]*\s*$`)

// A cte is a common table expression a WITH clause defines: its body is
// q[open:end], and recursive says the WITH is WITH RECURSIVE.
type cte struct {
	open, end int
	recursive bool
}

type ctes map[string]cte

// commonTables finds the names a statement's WITH clauses define.
func commonTables(q string) ctes {
	out := make(ctes)
	recursive := false
	for _, m := range sqlCTE.FindAllStringSubmatchIndex(q, -1) {
		head := strings.ToLower(q[m[0]:m[2]])
		if strings.Contains(head, "with") {
			recursive = strings.Contains(head, "recursive")
		}
		open := m[1] - 1
		depth, end := 0, len(q)
		for i := open; i < len(q); i++ {
			if q[i] == '(' {
				depth++
			} else if q[i] == ')' {
				if depth--; depth == 0 {
					end = i
					break
				}
			}
		}
		name := strings.ToLower(q[m[2]:m[3]])
		if _, ok := out[name]; !ok {
			out[name] = cte{open, end, recursive}
		}
	}
	return out
}

// defines reports whether the statement defines a common table
// expression of the name.
func (c ctes) defines(name string) bool {
	_, ok := c[strings.ToLower(name)]
	return ok
}

// ownNames returns the common table expressions any of a statement's
// alternative texts defines: a query whose WITH clause and joins the
// code builds under one condition (WITH %s … %s, the CTE and the join of
// it set together) has texts that join it without defining it, as
// archie's texts do not pair the pieces of one path. Only texts with a
// WITH clause of their own are judged by it.
func ownNames(texts []value) map[string]bool {
	out := make(map[string]bool)
	for _, v := range texts {
		if !strings.Contains(strings.ToLower(v.text), " as") {
			continue
		}
		for name := range commonTables(sqlCode(skipSQLComments(v.text))) {
			out[name] = true
		}
	}
	return out
}

// shadows reports whether a name at offset at refers to the statement's
// own common table expression, not to a table: after its definition, or
// within it when the WITH is recursive. WITH orders AS (SELECT * FROM
// orders) reads the table orders in its body.
func (c ctes) shadows(name string, at int) bool {
	d, ok := c[name]
	if !ok {
		return false
	}
	return at > d.end || d.recursive && at > d.open
}

// inFromFunction reports whether the end of a SQL prefix is inside the
// parentheses of a function whose arguments FROM separates (EXTRACT(epoch
// FROM t), SUBSTRING(s FROM 2), TRIM(LEADING 'x' FROM s)): what follows
// is a value, no table.
func inFromFunction(prefix string) bool {
	var open []string // the word before each parenthesis still open
	for i := 0; i < len(prefix); i++ {
		switch prefix[i] {
		case '(':
			before := strings.TrimRight(prefix[:i], " \t\r\n")
			j := len(before)
			for j > 0 && (before[j-1] == '_' || unicode.IsLetter(rune(before[j-1])) || unicode.IsDigit(rune(before[j-1]))) {
				j--
			}
			open = append(open, strings.ToLower(before[j:]))
		case ')':
			if len(open) > 0 {
				open = open[:len(open)-1]
			}
		}
	}
	if len(open) == 0 {
		return false
	}
	switch open[len(open)-1] {
	case "extract", "substring", "substr", "trim", "overlay", "position":
		return true
	}
	return false
}

// systemTable reports whether a table is a database's own catalog
// (pg_catalog.pg_database, information_schema.tables, sqlite_master,
// SELECT 1 FROM dual): services that ask it whether their database
// exists share nothing. A catalog schema counts at any place of a
// qualified name (shop.information_schema.columns, BigQuery's
// region-us.INFORMATION_SCHEMA.JOBS). What only some engines reserve is
// engineCatalog's.
func systemTable(t string) bool {
	parts := strings.Split(strings.ToLower(t), ".")
	for _, schema := range parts[:len(parts)-1] {
		switch schema {
		case "pg_catalog", "information_schema", "mysql", "performance_schema", "sys":
			return true
		}
	}
	l := parts[len(parts)-1]
	return strings.HasPrefix(l, "pg_") || strings.HasPrefix(l, "sqlite_") || strings.HasPrefix(l, "v$") || l == "dual"
}

// engineCatalog reports whether a table is the catalog of the engine a
// store of the kind may be: ClickHouse's and Cassandra's system
// databases (system.clusters, system_schema.tables), Redshift's system
// tables and views, which it reaches over PostgreSQL's protocol
// (stl_load_errors), SQL Server's compatibility views. "sql" is any
// engine. A PostgreSQL schema named system is an application's.
func engineCatalog(t, kind string) bool {
	parts := strings.Split(strings.ToLower(t), ".")
	l := parts[len(parts)-1]
	switch kind {
	case "clickhouse", "cassandra", "sql":
		for _, schema := range parts[:len(parts)-1] {
			if schema == "system" || strings.HasPrefix(schema, "system_") {
				return true
			}
		}
	}
	switch kind {
	case "postgres", "sql":
		if redshiftCatalog[l] {
			return true
		}
	}
	switch kind {
	case "sqlserver", "sql":
		return sqlServerCatalog[l]
	}
	return false
}

// redshiftCatalog are Redshift's system tables and views that
// applications read (a load's errors, a query's history).
var redshiftCatalog = map[string]bool{
	"stl_load_errors": true, "stl_loaderror_detail": true, "stl_load_commits": true, "stl_query": true, "stl_querytext": true,
	"stl_error": true, "stl_ddltext": true, "stl_utilitytext": true, "stl_s3client": true, "stl_s3client_error": true,
	"stl_file_scan": true, "stl_scan": true, "stl_insert": true, "stl_delete": true, "stl_commit_stats": true,
	"stl_wlm_query": true, "stl_alert_event_log": true, "stl_unload_log": true, "stv_recents": true, "stv_inflight": true,
	"stv_locks": true, "stv_sessions": true, "stv_tbl_perm": true, "stv_blocklist": true, "svl_qlog": true,
	"svl_query_summary": true, "svl_statementtext": true, "svl_s3query_summary": true, "svv_table_info": true,
	"svv_tables": true, "svv_columns": true, "svv_external_tables": true, "svv_external_schemas": true,
	"svv_external_columns": true, "svv_diskusage": true, "svv_transactions": true, "svv_all_tables": true,
	"sys_load_error_detail": true, "sys_load_history": true, "sys_load_detail": true, "sys_query_history": true,
	"sys_query_detail": true, "sys_query_text": true, "sys_copy_job": true, "sys_unload_history": true,
	"sys_unload_detail": true, "sys_serverless_usage": true,
}

// sqlServerCatalog are SQL Server's compatibility views, named without a
// schema.
var sqlServerCatalog = map[string]bool{"sysobjects": true, "syscolumns": true, "sysdatabases": true, "sysindexes": true}

// loopback reports whether a server a DSN names is this machine's.
func loopback(server string) bool {
	host := server
	if i := strings.IndexByte(host, '/'); i >= 0 {
		host = host[:i]
	}
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.Trim(host, "[]")
	return host == "localhost" || host == "0.0.0.0" || strings.HasPrefix(host, "127.") || host == "::1"
}

// sqlWritten returns the table a SQL statement writes, if it writes one:
// INSERT INTO t, UPDATE t, DELETE FROM t, REPLACE INTO t, MERGE INTO t.
func sqlWritten(q string) string {
	code := sqlCode(skipSQLComments(q))
	if !statement(code) {
		return ""
	}
	m := sqlWrite.FindStringSubmatchIndex(code)
	if m == nil || strings.HasPrefix(code[m[3]:], "…") && strings.HasSuffix(code[m[2]:m[3]], "_") {
		return "" // none, or a name known at run time (events_…)
	}
	return strings.NewReplacer("`", "", `"`, "").Replace(code[m[2]:m[3]])
}

var sqlWrite = regexp.MustCompile("(?is)^\\s*(?:with\\b.*?\\)\\s*)?(?:insert\\s+(?:ignore\\s+)?into|update(?:\\s+only)?|delete\\s+from|replace\\s+into|merge\\s+into|upsert\\s+into)\\s+([`\"]?[A-Za-z_][A-Za-z0-9_]*[`\"]?(?:\\.[`\"]?[A-Za-z_][A-Za-z0-9_]*[`\"]?)?)")

// sqlCode returns a statement with its comments blanked and its string
// literals emptied: "-- select the rows from the input" and 'from a'
// name no table. Quoted identifiers ("order", `order`, and MySQL's
// double-quoted strings) are kept whole, so a quote inside one starts
// nothing; a backslash escapes a quote in a literal ('it\'s'). What is
// left open (an unterminated literal or comment) is kept as written.
func sqlCode(q string) string {
	var b strings.Builder
	for i := 0; i < len(q); i++ {
		switch c := q[i]; {
		case strings.HasPrefix(q[i:], "--"):
			j := strings.IndexByte(q[i:], '\n')
			if j < 0 {
				return b.String()
			}
			i += j - 1
			b.WriteByte(' ')
		case strings.HasPrefix(q[i:], "/*"):
			j := strings.Index(q[i+2:], "*/")
			if j < 0 {
				b.WriteString(q[i:])
				return b.String()
			}
			i += j + 3
			b.WriteByte(' ')
		case c == '"' || c == '`':
			j := strings.IndexByte(q[i+1:], c)
			if j < 0 {
				b.WriteString(q[i:])
				return b.String()
			}
			b.WriteString(q[i : i+j+2])
			i += j + 1
		case c == '\'':
			// '' inside a literal is a quote: the scan ends the literal
			// there and starts another at once.
			j := i + 1
			for j < len(q) && q[j] != '\'' {
				if q[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(q) {
				b.WriteString(q[i:])
				return b.String()
			}
			i = j
			b.WriteString("''")
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// skipSQLComments returns a statement without the comments before it:
// sqlc puts "-- name: CreateOrder :one" first.
func skipSQLComments(q string) string {
	for {
		t := strings.TrimLeft(q, " \t\r\n")
		switch {
		case strings.HasPrefix(t, "--"):
			_, rest, ok := strings.Cut(t, "\n")
			if !ok {
				return ""
			}
			q = rest
		case strings.HasPrefix(t, "/*"):
			_, rest, ok := strings.Cut(t[2:], "*/")
			if !ok {
				return ""
			}
			q = rest
		default:
			return t
		}
	}
}

func contains(s []string, x string) bool {
	for _, v := range s {
		if v == x {
			return true
		}
	}
	return false
}

// modelTable returns the table of a gorm model argument: its TableName()
// result, or gorm's default, the snake-case plural of the type name.
// joinTables returns the tables a model's many-to-many associations go
// through, as gorm names them in a field's tag:
// Categories []Category `gorm:"many2many:product_category"`. Writing
// the model writes them; so does migrating it.
func joinTables(v ssa.Value) []string {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	t := v.Type()
	for {
		if p, ok := t.Underlying().(*types.Pointer); ok {
			t = p.Elem()
		} else if sl, ok := t.Underlying().(*types.Slice); ok {
			t = sl.Elem()
		} else {
			break
		}
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	var out []string
	for i := range st.NumFields() {
		for _, part := range strings.Split(reflect.StructTag(st.Tag(i)).Get("gorm"), ";") {
			k, name, ok := strings.Cut(strings.TrimSpace(part), ":")
			if ok && strings.EqualFold(k, "many2many") && name != "" && !slices.Contains(out, name) {
				out = append(out, name)
			}
		}
	}
	return out
}

func (x *extractor) modelTable(v ssa.Value, plural bool, naming gormNaming) string {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	return x.modelTableOf(v.Type(), plural, naming)
}

// modelTableOf is the table of a model type: its TableName(), or the
// type's name in snake case, plural as gorm and bun name it (gorm's with
// the naming the service gives it) or not as beego does.
func (x *extractor) modelTableOf(t types.Type, plural bool, naming gormNaming) string {
	for {
		switch u := t.(type) {
		case *types.Pointer:
			t = u.Elem()
			continue
		case *types.Slice:
			t = u.Elem()
			continue
		}
		break
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return ""
	}
	st, _ := named.Underlying().(*types.Struct)
	if naming.pg && st != nil {
		// go-pg names it in a tableName field's tag: tableName struct{}
		// `pg:"orders,alias:o"` (sql:"…" before v9), "_" for none; it
		// reads no TableName().
		for i := range st.NumFields() {
			if st.Field(i).Name() != "tableName" {
				continue
			}
			for _, key := range []string{"pg", "sql"} {
				name, _, _ := strings.Cut(reflect.StructTag(st.Tag(i)).Get(key), ",")
				switch name = strings.Trim(name, `"`); {
				case name == "_":
					return ""
				case name != "" && !strings.Contains(name, ":"):
					return name
				}
			}
		}
	}
	for _, rt := range []types.Type{named, types.NewPointer(named)} {
		if naming.pg {
			break // go-pg reads no TableName()
		}
		for _, m := range x.prog.methods(rt) {
			if m.Name() != "TableName" {
				continue
			}
			for _, b := range m.Blocks {
				if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && len(ret.Results) == 1 {
					for _, s := range x.res.strings(ret.Results[0]) {
						if s.lit {
							return s.text
						}
					}
				}
			}
		}
	}
	if st == nil {
		return ""
	}
	// bun names it in its embedded BaseModel's tag: bun:"table:orders,alias:o",
	// or as the tag's bare first part, bun:"sales.orders" (bun reads both).
	for i := range st.NumFields() {
		if st.Field(i).Embedded() && st.Field(i).Name() == "BaseModel" {
			if t := bunTable(reflect.StructTag(st.Tag(i)).Get("bun")); t != "" {
				return t
			}
		}
	}
	if !plural {
		if naming.whole {
			return snake(named.Obj().Name())
		}
		return beegoSnake(named.Obj().Name())
	}
	if naming.singular {
		return naming.prefix + snake(named.Obj().Name())
	}
	return naming.prefix + pluralOf(snake(named.Obj().Name()))
}

// bunTable is the table a bun BaseModel tag names: its table: option, else
// its first part when that is a bare name, not an option (alias:o).
func bunTable(tag string) string {
	parts := strings.Split(tag, ",")
	for _, part := range parts {
		if t, ok := strings.CutPrefix(part, "table:"); ok && t != "" {
			return t
		}
	}
	if first := strings.TrimSpace(parts[0]); first != "" && !strings.Contains(first, ":") {
		return first
	}
	return ""
}

// A gormNaming is how gorm names the tables of models with no TableName()
// and of many2many joins: a prefix, and plural names unless singular.
type gormNaming struct {
	singular bool
	prefix   string
	// unknown says the code names tables its own way (jinzhu/gorm's
	// DefaultTableNameHandler): no model's table is known.
	unknown bool
	// whole says a singular snake-case name keeps initialisms whole
	// (xorm's GonicMapper: UserID is user_id, not user_i_d).
	whole bool
	// pg says go-pg names the table: by a tableName field's tag, never
	// by a TableName() method.
	pg bool
}

// gormNaming reads the schema.NamingStrategy the service's code gives
// gorm.Config (NamingStrategy: schema.NamingStrategy{SingularTable: true,
// TablePrefix: "t_"}): gorm's default (plural, no prefix) when its code
// builds none, or several that disagree, or one whose fields are not
// constants. Only the functions the service reaches count: a tool's or
// another service's strategy names none of its tables.
func (x *extractor) gormNaming(svc string) gormNaming {
	return x.naming.get(svc, func() gormNaming {
		var found []gormNaming
		ok := true
		for _, fn := range x.prog.funcs {
			if !x.res.ok(fn) {
				continue
			}
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					strategy := func(t types.Type) bool {
						obj := namedOf(t)
						return obj != nil && obj.Pkg() != nil && obj.Pkg().Path() == "gorm.io/gorm/schema" && obj.Name() == "NamingStrategy"
					}
					if mi, ok := instr.(*ssa.MakeInterface); ok {
						if c, isConst := mi.X.(*ssa.Const); isConst && strategy(c.Type()) && !slices.Contains(found, gormNaming{}) {
							found = append(found, gormNaming{}) // schema.NamingStrategy{}
						}
						continue
					}
					a, isAlloc := instr.(*ssa.Alloc)
					if !isAlloc || !strategy(a.Type()) {
						continue
					}
					obj := namedOf(a.Type())
					var n gormNaming
					st := structOf(obj.Type())
					for i := range st.NumFields() {
						for _, v := range storedAt(a, i) {
							c, isConst := v.(*ssa.Const)
							switch name := st.Field(i).Name(); {
							case !isConst || c.Value == nil:
								ok = ok && name != "SingularTable" && name != "TablePrefix" && name != "NameReplacer"
							case name == "SingularTable" && c.Value.Kind() == constant.Bool:
								n.singular = constant.BoolVal(c.Value)
							case name == "TablePrefix" && c.Value.Kind() == constant.String:
								n.prefix = constant.StringVal(c.Value)
							}
						}
					}
					if !slices.Contains(found, n) {
						found = append(found, n)
					}
				}
			}
		}
		if !ok || len(found) != 1 {
			return gormNaming{}
		}
		return found[0]
	})
}

// jinzhuNaming reads how jinzhu/gorm (v1) names a service's models'
// tables: plural unless its code calls db.SingularTable(true); unknown
// when it sets gorm.DefaultTableNameHandler, or calls SingularTable with
// what archie cannot read, or with both true and false.
func (x *extractor) jinzhuNaming(svc string) gormNaming {
	return x.naming.get("\x00jinzhu "+svc, func() gormNaming {
		var n gormNaming
		seen := make(map[bool]bool)
		for _, fn := range x.prog.funcs {
			if !x.res.ok(fn) {
				continue
			}
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					switch instr := instr.(type) {
					case *ssa.Store:
						if g, ok := instr.Addr.(*ssa.Global); ok && g.Pkg != nil && g.Pkg.Pkg.Path() == "github.com/jinzhu/gorm" && g.Name() == "DefaultTableNameHandler" {
							n.unknown = true
						}
					case ssa.CallInstruction:
						c := instr.Common()
						if calleeKey(c) != "github.com/jinzhu/gorm.DB.SingularTable" || len(c.Args) == 0 {
							continue
						}
						if k, ok := c.Args[len(c.Args)-1].(*ssa.Const); ok && k.Value != nil && k.Value.Kind() == constant.Bool {
							seen[constant.BoolVal(k.Value)] = true
						} else {
							n.unknown = true
						}
					}
				}
			}
		}
		n.singular = seen[true]
		n.unknown = n.unknown || seen[true] && seen[false]
		return n
	})
}

// xormNaming reads how xorm names a service's beans' tables: the mapper
// its code hands SetMapper or SetTableMapper. xorm's default SnakeMapper
// puts an underscore before every capital letter, as beego does;
// GonicMapper keeps initialisms whole. Any other mapper (a prefix, a
// cache around one, the name as it is), several that disagree, or one
// archie cannot read leaves the tables unknown.
func (x *extractor) xormNaming(svc string) gormNaming {
	return x.naming.get("\x00xorm "+svc, func() gormNaming {
		seen := make(map[string]bool)
		for _, fn := range x.prog.funcs {
			if !x.res.ok(fn) {
				continue
			}
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					c, ok := instr.(ssa.CallInstruction)
					if !ok {
						continue
					}
					// On an engine, an engine group, their interface.
					if k := calleeKey(c.Common()); strings.HasPrefix(k, "xorm.io/xorm.") && (strings.HasSuffix(k, ".SetMapper") || strings.HasSuffix(k, ".SetTableMapper")) {
						args := c.Common().Args
						name := ""
						if mi, ok := args[len(args)-1].(*ssa.MakeInterface); ok {
							if obj := namedOf(mi.X.Type()); obj != nil && obj.Pkg() != nil && obj.Pkg().Path() == "xorm.io/xorm/names" {
								name = obj.Name()
							}
						}
						seen[name] = true
					}
				}
			}
		}
		switch {
		case len(seen) == 0 || len(seen) == 1 && seen["SnakeMapper"]:
			return gormNaming{}
		case len(seen) == 1 && seen["GonicMapper"]:
			return gormNaming{whole: true}
		}
		return gormNaming{unknown: true}
	})
}

// pgNaming reads how go-pg names a service's models' tables: plural
// snake case, unless its code hands orm.SetTableNameInflector its own
// function, which names them as archie cannot know.
func (x *extractor) pgNaming(svc string) gormNaming {
	return x.naming.get("\x00go-pg "+svc, func() gormNaming {
		for _, fn := range x.prog.funcs {
			if !x.res.ok(fn) {
				continue
			}
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					if c, ok := instr.(ssa.CallInstruction); ok && calleeKey(c.Common()) == "github.com/go-pg/pg/orm.SetTableNameInflector" {
						return gormNaming{unknown: true, pg: true}
					}
				}
			}
		}
		return gormNaming{pg: true}
	})
}

func snake(s string) string {
	var b strings.Builder
	rs := []rune(s)
	for i, r := range rs {
		if unicode.IsUpper(r) {
			if i > 0 && (unicode.IsLower(rs[i-1]) || i+1 < len(rs) && unicode.IsLower(rs[i+1])) {
				b.WriteByte('_')
			}
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// beegoSnake names a model's table as beego's ORM does: an underscore
// before every upper-case letter after the first letter, then lower case,
// so APIKey is a_p_i_key (gorm's snake keeps acronyms whole: api_key).
func beegoSnake(s string) string {
	var b strings.Builder
	seen := false // a letter other than an underscore so far
	for i := 0; i < len(s); i++ {
		c := s[i]
		if i > 0 && c >= 'A' && c <= 'Z' && seen {
			b.WriteByte('_')
		}
		seen = seen || c != '_'
		b.WriteByte(c)
	}
	return strings.ToLower(b.String())
}

// pluralOf is the plural gorm, go-pg and bun give a model's snake-case
// name for its table: jinzhu/inflection's, which all three call
// (BrandTrans is brand_trans, ProductMedia product_media, Person people).
func pluralOf(s string) string { return inflection.Plural(s) }

func (x *extractor) applyURI(v ssa.Value) []value {
	if sl, ok := v.(*ssa.Slice); ok { // opts ...*options.ClientOptions
		for _, e := range sliceElems(sl.X) {
			if out := x.applyURI(e); out != nil {
				return out
			}
		}
		return nil
	}
	c, ok := v.(*ssa.Call)
	if !ok {
		return nil
	}
	k := calleeKey(c.Common())
	if k == "go.mongodb.org/mongo-driver/mongo/options.ClientOptions.ApplyURI" && len(c.Common().Args) >= 2 {
		return x.res.strings(c.Common().Args[1])
	}
	for _, a := range c.Common().Args {
		if out := x.applyURI(a); out != nil {
			return out
		}
	}
	return nil
}

func prefixed(p string, vs []value) []value {
	out := make([]value, len(vs))
	for i, v := range vs {
		v.text = p + v.text
		out[i] = v
	}
	return out
}

// storedField resolves a string field of the struct a pointer or value
// argument holds: Topic in &kafka.Writer{Topic: "orders"}.
func (r *resolver) storedField(v ssa.Value, field string) []value {
	if _, zero := v.(*ssa.Const); v == nil || zero {
		return nil // a struct's zero value (kafka.Message{}): no field set
	}
	t, i, ok := structField(v, field)
	if !ok {
		return nil
	}
	if own := r.literalField(v, i); len(own) > 0 {
		return own
	}
	if made := r.returnedField(v, i); len(made) > 0 {
		return made
	}
	if libraryMade(v) {
		// A struct a library call returns (opts from redis.ParseURL)
		// holds what the library put there and what the code writes
		// into it, not every value the program stores in a field of
		// the type.
		return r.writtenInto(v, i)
	}
	if handedOnly(v) {
		// A literal that leaves the field out, handed straight to the
		// call: the field is empty, whatever other values of the type
		// hold.
		return nil
	}
	return r.storedIn(r.fields[fieldKey(t, i)], 6, make(map[ssa.Value]bool))
}

// structField returns the struct type a value is or points to, and the
// index of its field of that name.
func structField(v ssa.Value, field string) (types.Type, int, bool) {
	t := v.Type()
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return nil, 0, false
	}
	for i := range st.NumFields() {
		if st.Field(i).Name() == field {
			return t, i, true
		}
	}
	return nil, 0, false
}

// ownField resolves a field of the struct v is, as this value holds it:
// set where it is built (a literal, or cfg.Topic = … on it), or by the
// function of the program that returns it; not every value the program
// ever stores in a field of the type (a config with no topic of its own
// has none).
func (r *resolver) ownField(v ssa.Value, field string, bind map[*ssa.Parameter]ssa.Value) []value {
	if p, ok := v.(*ssa.Parameter); ok && bind[p] != nil {
		v = bind[p] // a helper's config: its caller's (newW(WriterConfig{…}))
	}
	_, i, ok := structField(v, field)
	if !ok {
		return nil
	}
	var out []value
	for _, val := range storedAt(v, i) {
		out = appendValues(out, r.resolve(val, bind, resolveDepth, make(map[ssa.Value]bool)))
	}
	if len(out) == 0 {
		out = r.returnedField(v, i)
	}
	return out
}

// literalField resolves field i of a struct built in place and handed on
// (&kgo.Record{Topic: "orders"}, kafka.ReaderConfig{Topic: "payments"}):
// what this value's own field holds, not what any value of its type was
// ever given. Two records with two topics in one function are two topics,
// one per call.
func (r *resolver) literalField(v ssa.Value, i int) []value {
	var out []value
	for _, val := range storedAt(v, i) {
		out = append(out, r.strings(val)...)
	}
	return out
}

// libraryMade reports whether v is what a call of a function outside the
// program returns.
func libraryMade(v ssa.Value) bool {
	if e, ok := v.(*ssa.Extract); ok {
		v = e.Tuple
	}
	c, ok := v.(*ssa.Call)
	if !ok {
		return false
	}
	callee := c.Common().StaticCallee()
	return callee != nil && len(callee.Blocks) == 0
}

// writtenInto resolves what the code stores in field i of the struct v
// points to, written on v itself (v.Addr = x).
func (r *resolver) writtenInto(v ssa.Value, i int) []value {
	var out []value
	if refs := v.Referrers(); refs != nil {
		for _, ref := range *refs {
			fa, ok := ref.(*ssa.FieldAddr)
			if !ok || fa.Field != i || fa.Referrers() == nil {
				continue
			}
			for _, u := range *fa.Referrers() {
				if st, ok := u.(*ssa.Store); ok && st.Addr == fa {
					out = appendValues(out, r.strings(st.Val))
				}
			}
		}
	}
	return out
}

// returnedField resolves field i of a struct that a function of the
// program builds and returns, with its parameters bound to the call's
// arguments: build("orders") in func build(t string) *Msg { return &Msg{Topic: t} }.
func (r *resolver) returnedField(v ssa.Value, i int) []value {
	var out []value
	for _, res := range results(v) {
		callee := res.call.Common().StaticCallee()
		if !r.ok(callee) {
			return nil
		}
		bind := bindArgs(callee, res.call.Common().Args)
		for _, val := range storedAt(res.v, i) {
			out = appendValues(out, r.resolve(val, bind, resolveDepth, make(map[ssa.Value]bool)))
		}
	}
	return out
}

// storedAt returns the values stored in field i of a struct built in
// place, through the interface or the load that hands it on.
func storedAt(v ssa.Value, i int) []ssa.Value {
	for range 4 {
		switch w := v.(type) {
		case *ssa.MakeInterface:
			v = w.X
			continue
		case *ssa.UnOp: // a struct passed by value: *alloc
			if w.Op != token.MUL {
				return nil
			}
			v = w.X
			continue
		case *ssa.Alloc:
			var out []ssa.Value
			for _, ref := range *w.Referrers() {
				fa, ok := ref.(*ssa.FieldAddr)
				if !ok || fa.Field != i || fa.Referrers() == nil {
					continue
				}
				for _, use := range *fa.Referrers() {
					if st, ok := use.(*ssa.Store); ok && st.Addr == fa {
						out = append(out, st.Val)
					}
				}
			}
			return out
		}
		return nil
	}
	return nil
}

// handedOnly reports whether v is a struct built in place whose only use,
// besides setting its fields, is the one that hands it on: nothing else
// can fill in a field it leaves out.
func handedOnly(v ssa.Value) bool {
	for range 4 {
		if a, ok := v.(*ssa.Alloc); ok {
			uses := 0
			for _, ref := range *a.Referrers() {
				fa, ok := ref.(*ssa.FieldAddr)
				if !ok {
					uses++
					continue
				}
				// A field's address handed on (into(&m.Subject)) may
				// be filled there.
				for _, u := range *fa.Referrers() {
					if st, ok := u.(*ssa.Store); !ok || st.Addr != fa {
						if _, load := u.(*ssa.UnOp); !load {
							return false
						}
					}
				}
			}
			return uses == 1
		}
		if refs := v.Referrers(); refs == nil || len(*refs) != 1 {
			return false
		}
		switch w := v.(type) {
		case *ssa.MakeInterface:
			v = w.X
		case *ssa.UnOp:
			if w.Op != token.MUL {
				return false
			}
			v = w.X
		default:
			return false
		}
	}
	return false
}

// fieldValues returns the values stored in a field of a struct built in
// place, by the field's name.
func (r *resolver) fieldValues(v ssa.Value, field string) []ssa.Value {
	st := structOf(v.Type())
	if st == nil {
		return nil
	}
	if i := fieldIndex(st, field); i >= 0 {
		return storedAt(v, i)
	}
	return nil
}

// restyBases resolves the base URLs a resty client is given: in its own
// chain (resty.New().SetBaseURL(u)), by a call on it
// (c.SetBaseURL(u)), or on what a struct field holding it was set to.
func (r *resolver) restyBases(client ssa.Value, pkg string, depth int) []value {
	if client == nil || depth > 4 {
		return nil
	}
	setter := func(c *ssa.CallCommon) bool {
		k := calleeKey(c)
		return k == pkg+".Client.SetBaseURL" || k == pkg+".Client.SetHostURL"
	}
	var out []value
	switch c := client.(type) {
	case *ssa.Call:
		if strings.HasPrefix(calleeKey(c.Common()), pkg+".Client.") {
			if setter(c.Common()) && len(c.Common().Args) > 1 {
				out = appendValues(out, r.strings(c.Common().Args[1]))
			}
			out = appendValues(out, r.restyBases(recvOf(c.Common()), pkg, depth+1))
		}
	case *ssa.UnOp:
		if fa, ok := c.X.(*ssa.FieldAddr); ok {
			for _, st := range r.fields[fieldKey(fa.X.Type(), fa.Field)] {
				if r.ok(st.fn) {
					out = appendValues(out, r.restyBases(st.val, pkg, depth+1))
				}
			}
		}
	}
	if refs := client.Referrers(); refs != nil {
		for _, ref := range *refs {
			if c, ok := ref.(*ssa.Call); ok && setter(c.Common()) && len(c.Common().Args) > 1 && c.Common().Args[0] == client {
				out = appendValues(out, r.strings(c.Common().Args[1]))
			}
		}
	}
	return out
}

// pointee resolves the strings a *string points to: what the code stores
// in the local variable whose address it is (&topic).
func (r *resolver) pointee(p ssa.Value) []value {
	a, ok := p.(*ssa.Alloc)
	if !ok || a.Referrers() == nil {
		return nil
	}
	var out []value
	for _, ref := range *a.Referrers() {
		if st, ok := ref.(*ssa.Store); ok && st.Addr == a && r.ok(st.Parent()) {
			out = appendValues(out, r.strings(st.Val))
		}
	}
	return out
}

// fieldSlice resolves the strings of a []string field of a struct built in
// place: GroupTopics in kafka.ReaderConfig{GroupTopics: topics}.
func (r *resolver) fieldSlice(v ssa.Value, field string) []value {
	var out []value
	for _, val := range r.fieldValues(v, field) {
		out = appendValues(out, r.sliceStrings(val))
	}
	return out
}

// sqsQueueNames resolves the queue names of an SQS request whose QueueUrl
// is the one GetQueueUrl answered (out.QueueUrl), or CreateQueue: the
// QueueName it was asked.
func (r *resolver) sqsQueueNames(input ssa.Value) []value {
	if input == nil {
		return nil
	}
	var out []value
	for _, u := range r.fieldValues(input, "QueueUrl") {
		load, ok := u.(*ssa.UnOp)
		if !ok {
			continue
		}
		fa, ok := load.X.(*ssa.FieldAddr)
		if !ok {
			continue
		}
		for _, key := range []string{"github.com/aws/aws-sdk-go-v2/service/sqs.Client.GetQueueUrl", "github.com/aws/aws-sdk-go/service/sqs.SQS.GetQueueUrl", "github.com/aws/aws-sdk-go/service/sqs.SQS.GetQueueUrlWithContext",
			"github.com/aws/aws-sdk-go-v2/service/sqs.Client.CreateQueue", "github.com/aws/aws-sdk-go/service/sqs.SQS.CreateQueue", "github.com/aws/aws-sdk-go/service/sqs.SQS.CreateQueueWithContext"} {
			i := 1
			if strings.HasSuffix(key, ".SQS.GetQueueUrl") || strings.HasSuffix(key, ".SQS.CreateQueue") {
				i = 0
			}
			if c := madeByCall(fa.X, key); c != nil && i+1 < len(c.Args) {
				out = appendValues(out, r.storedField(c.Args[i+1], "QueueName")) // Args[0] is the client
			}
		}
	}
	return out
}

// madeByCall returns the call to key whose result v is (its first
// result, where it has an error too), or nil.
func madeByCall(v ssa.Value, key string) *ssa.CallCommon {
	if e, ok := v.(*ssa.Extract); ok && e.Index == 0 {
		v = e.Tuple
	}
	if c, ok := v.(*ssa.Call); ok && calleeKey(c.Common()) == key {
		return c.Common()
	}
	return nil
}

// callArg resolves argument i of the call to key that produced v:
// the topic name in client.Topic("orders").Publish(…).
func (r *resolver) callArg(v ssa.Value, key string, i int) []value {
	return r.callArgBound(v, key, i, "", nil, 0)
}

// callArgField resolves field f of argument i of the call to key that
// produced v: the topic of kafka.NewWriter(kafka.WriterConfig{Topic: …}).
func (r *resolver) callArgField(v ssa.Value, key string, i int, f string) []value {
	return r.callArgBound(v, key, i, f, nil, 0)
}

// funcReturns, as the start of callArgBound's field, reads the maker's
// argument as a function (or, with a field's name after it, the function
// a field of the argument holds) and resolves what it returns: the topic
// a watermill CQRS bus is given a function to choose
// (GeneratePublishTopic: func(…) (string, error) { return topic, nil }).
const funcReturns = "\x00returns "

// returnsOf resolves the first results of the function v is, or that
// its field f holds: a function or a closure, whose captured variables
// are read where it is made. A result read from the function's own
// parameters (the event's name the library hands it) is not known: the
// library's code, which archie does not read, gives them.
func (r *resolver) returnsOf(v ssa.Value, f string, bind map[*ssa.Parameter]ssa.Value) []value {
	if p, ok := v.(*ssa.Parameter); ok && bind[p] != nil {
		v = bind[p]
	}
	fns := []ssa.Value{v}
	if f != "" {
		fns = r.fieldValues(v, f)
	}
	var out []value
	for _, fv := range fns {
		for {
			if c, ok := fv.(*ssa.ChangeType); ok {
				fv = c.X // a func literal as the library's named func type
				continue
			}
			break
		}
		var fn *ssa.Function
		switch fv := fv.(type) {
		case *ssa.Function:
			fn = fv
		case *ssa.MakeClosure:
			fn, _ = fv.Fn.(*ssa.Function)
		}
		if fn == nil || !r.ok(fn) {
			continue
		}
		for _, b := range fn.Blocks {
			ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
			if !ok || len(ret.Results) == 0 || fromParams(ret.Results[0], fn) {
				continue
			}
			out = appendValues(out, r.resolve(ret.Results[0], nil, r.depth(), make(map[ssa.Value]bool)))
		}
	}
	return out
}

// fromParams reports whether v may be made with a parameter of fn: the
// parameter, a field of it, or anything fn computes from one (a phi whose
// edge is one: topic := "events"; if p.EventName != "" { topic =
// p.EventName }). What fn computes too far from its result to follow
// counts as made with one.
func fromParams(v ssa.Value, fn *ssa.Function) bool {
	return madeWithParams(v, fn, 12, make(map[ssa.Value]bool))
}

func madeWithParams(v ssa.Value, fn *ssa.Function, depth int, seen map[ssa.Value]bool) bool {
	if seen[v] {
		return false
	}
	seen[v] = true
	switch w := v.(type) {
	case *ssa.Parameter:
		return w.Parent() == fn
	case *ssa.Const, *ssa.Global, *ssa.Function, *ssa.FreeVar, *ssa.Builtin:
		return false
	case *ssa.Call:
		// A call of the program's is made with fn's parameters where it
		// is handed one and returns what is made with its own (topicOf
		// returning the name, or a default); a helper that maps the name
		// to constants is the resolver's to read. A library's call is
		// made with its arguments.
		if callee := w.Common().StaticCallee(); callee != nil && callee.Blocks != nil {
			if w.Parent() != fn || depth == 0 {
				return depth == 0
			}
			handed := false
			for _, a := range w.Common().Args {
				if madeWithParams(a, fn, depth-1, seen) {
					handed = true
					break
				}
			}
			if !handed {
				return false
			}
			for _, b := range callee.Blocks {
				if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && len(ret.Results) > 0 && madeWithParams(ret.Results[0], callee, depth-1, seen) {
					return true
				}
			}
			return false
		}
	}
	instr, ok := v.(ssa.Instruction)
	if !ok || instr.Parent() != fn {
		return false
	}
	if depth == 0 {
		return true
	}
	for _, op := range instr.Operands(nil) {
		if *op != nil && madeWithParams(*op, fn, depth-1, seen) {
			return true
		}
	}
	// A local variable's value is what is stored in it.
	if a, ok := v.(*ssa.Alloc); ok && a.Referrers() != nil {
		for _, r := range *a.Referrers() {
			if st, ok := r.(*ssa.Store); ok && st.Addr == a && madeWithParams(st.Val, fn, depth-1, seen) {
				return true
			}
		}
	}
	return false
}

// connTarget, as callArgBound's field, reads the maker's argument as a
// gRPC connection: the target grpc.NewClient, Dial or DialContext made it
// for.
const connTarget = "\x00conn"

// storedByClosure reports whether the local variable a load reads is
// also set by a closure that captures it (client = NewClient(…) in a
// handler), which cellValues does not read.
func storedByClosure(load *ssa.UnOp) bool {
	for _, c := range cellsOf(load.X) {
		a, ok := c.(*ssa.Alloc)
		if !ok || a.Referrers() == nil {
			continue
		}
		for _, ref := range *a.Referrers() {
			mc, ok := ref.(*ssa.MakeClosure)
			if !ok {
				continue
			}
			fn, _ := mc.Fn.(*ssa.Function)
			for j, b := range mc.Bindings {
				if b != a || fn == nil || j >= len(fn.FreeVars) || fn.FreeVars[j].Referrers() == nil {
					continue
				}
				for _, use := range *fn.FreeVars[j].Referrers() {
					if st, ok := use.(*ssa.Store); ok && st.Addr == fn.FreeVars[j] {
						return true
					}
				}
			}
		}
	}
	return false
}

// customDialer reports whether a dial's options give it a dialer or a
// resolver of its own (grpc.WithContextDialer), which decide where the
// connection goes whatever its target says.
func customDialer(args []ssa.Value) bool {
	for _, a := range args {
		sl, ok := a.(*ssa.Slice)
		if !ok {
			continue
		}
		for _, e := range sliceElems(sl.X) {
			if mi, ok := e.(*ssa.MakeInterface); ok {
				e = mi.X
			}
			if c, ok := e.(*ssa.Call); ok {
				switch calleeKey(c.Common()) {
				case "google.golang.org/grpc.WithContextDialer", "google.golang.org/grpc.WithDialer", "google.golang.org/grpc.WithResolvers":
					return true
				}
			}
		}
	}
	return false
}

// grpcTargets returns the targets a generated client's call goes to: the
// client made by its package's NewXClient(conn), conn by grpc.NewClient
// (target) or Dial; nil where any way the client or its connection may
// come is not followed.
func (r *resolver) grpcTargets(c *ssa.CallCommon) []value {
	named, _ := calledOn(c)
	if named == nil {
		return nil
	}
	client := c.Value
	if !c.IsInvoke() {
		if len(c.Args) == 0 {
			return nil
		}
		client = c.Args[0]
	}
	name := []rune(named.Obj().Name()) // HealthClient, or its healthClient
	name[0] = unicode.ToUpper(name[0])
	missed := false
	r.unfollowed = &missed
	defer func() { r.unfollowed = nil }()
	out := r.callArgBound(client, normPath(named.Obj().Pkg().Path())+".New"+string(name), 0, connTarget, nil, 0)
	if missed {
		return nil
	}
	return out
}

// dialTargets resolves the target a gRPC connection was dialed for.
func (r *resolver) dialTargets(conn ssa.Value, bind map[*ssa.Parameter]ssa.Value, depth int) []value {
	if mi, ok := conn.(*ssa.MakeInterface); ok {
		conn = mi.X // a *grpc.ClientConn as the ClientConnInterface the maker takes
	}
	// One of the three makes it: the others' find no maker, which is no
	// branch left unfollowed.
	missed := r.unfollowed
	var out []value
	for _, d := range []struct {
		key string
		i   int
	}{{"google.golang.org/grpc.NewClient", 0}, {"google.golang.org/grpc.Dial", 0}, {"google.golang.org/grpc.DialContext", 1}} {
		var m bool
		if missed != nil {
			r.unfollowed = &m
		}
		vals := r.callArgBound(conn, d.key, d.i, "", bind, depth)
		if len(vals) > 0 && m {
			*missed = true // made by this dial on one branch, by what is not followed on another
		}
		out = appendValues(out, vals)
	}
	r.unfollowed = missed
	return out
}

// callArgBound is callArg with the parameters of the helper being read
// bound to its caller's arguments: a helper that makes the value and
// returns it (func dial(t string) (*kafka.Conn, error) { return
// kafka.DialLeader(ctx, "tcp", addr, t, 0) }) is read through.
func (r *resolver) callArgBound(v ssa.Value, key string, i int, field string, bind map[*ssa.Parameter]ssa.Value, depth int) []value {
	out := r.callArgFrom(v, key, i, field, bind, depth)
	if len(out) == 0 && r.unfollowed != nil {
		*r.unfollowed = true // a branch that ends at no maker
	}
	return out
}

// callArgFrom is callArgBound's reading of one value, each branch it
// follows read again through callArgBound.
func (r *resolver) callArgFrom(v ssa.Value, key string, i int, field string, bind map[*ssa.Parameter]ssa.Value, depth int) []value {
	if depth > 4 {
		return nil // variables that hand each other their values
	}
	index := 0
	for range 4 {
		switch w := v.(type) {
		case *ssa.Call:
			if b, ok := w.Common().Value.(*ssa.Builtin); ok && b.Name() == "append" {
				// opts = append(opts, elastic.SetURL(u))
				var out []value
				for _, a := range w.Common().Args {
					out = appendValues(out, r.callArgBound(a, key, i, field, bind, depth))
				}
				return out
			}
			args := w.Common().Args
			callee := w.Common().StaticCallee()
			if calleeKey(w.Common()) == key && (callee != nil || w.Common().IsInvoke()) {
				if index != 0 {
					return nil // the maker's error, not what it made
				}
				if !w.Common().IsInvoke() && callee.Signature.Recv() != nil {
					args = args[1:]
				}
				if i >= len(args) {
					return nil
				}
				if field == connTarget {
					return r.dialTargets(args[i], bind, depth+1)
				}
				if f, ok := strings.CutPrefix(field, funcReturns); ok {
					return r.returnsOf(args[i], f, bind)
				}
				if r.unfollowed != nil && customDialer(args) {
					return nil // the target is the dialer's to read
				}
				if field != "" {
					return r.ownField(args[i], field, bind)
				}
				return r.resolve(args[i], bind, r.depth(), make(map[ssa.Value]bool))
			}
			if callee == nil || len(callee.Blocks) == 0 || depth >= 2 || !r.ok(callee) {
				return nil
			}
			inner := make(map[*ssa.Parameter]ssa.Value)
			for j, p := range callee.Params {
				if j < len(args) {
					inner[p] = args[j]
				}
			}
			var out []value
			for _, b := range callee.Blocks {
				if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && index < len(ret.Results) {
					out = appendValues(out, r.callArgBound(ret.Results[index], key, i, field, inner, depth+1))
				}
			}
			return out
		case *ssa.Extract:
			// A maker that also returns an error: conn, err := DialLeader(…).
			v, index = w.Tuple, w.Index
		case *ssa.Field:
			// A client in a field of a value receiver (p.bus.Publish in
			// func (p publisher) Publish): what the code stores there.
			var out []value
			for _, s := range r.fields[fieldKey(w.X.Type(), w.Field)] {
				if r.ok(s.fn) {
					out = appendValues(out, r.callArgBound(s.val, key, i, field, nil, depth+1))
				}
			}
			return out
		case *ssa.UnOp:
			if fa, ok := w.X.(*ssa.FieldAddr); ok {
				var out []value
				for _, s := range r.fields[fieldKey(fa.X.Type(), fa.Field)] {
					if r.ok(s.fn) {
						// One step more: fields stored into each other
						// (p.a = p.b; p.b = p.a) end.
						out = appendValues(out, r.callArgBound(s.val, key, i, field, nil, depth+1))
					}
				}
				return out
			}
			if r.unfollowed != nil && storedByClosure(w) {
				*r.unfollowed = true // another closure may put another client there
			}
			if vals := cellValues(w); len(vals) > 0 {
				// A client a closure shares with the function that
				// made it.
				var out []value
				for _, val := range vals {
					out = appendValues(out, r.callArgBound(val, key, i, field, bind, depth+1))
				}
				return out
			}
			v = w.X
		case *ssa.Slice:
			// Options handed as a list: NewClient(elastic.SetURL(u), …).
			var out []value
			for _, e := range sliceElems(w.X) {
				out = appendValues(out, r.callArgBound(e, key, i, field, bind, depth))
			}
			return out
		case *ssa.Lookup:
			// A client kept in a map, one per topic
			// (writers[topic].WriteMessages): each one the code puts
			// there, under the key looked up when it is known.
			if _, ok := w.X.Type().Underlying().(*types.Map); !ok || depth >= 2 || r.unfollowed != nil {
				return nil
			}
			want := make(map[string]bool)
			for _, k := range r.resolve(w.Index, bind, resolveDepth, make(map[ssa.Value]bool)) {
				if !k.lit {
					want = nil
					break
				}
				want[k.text] = true
			}
			var out []value
			for _, e := range r.mapEntries(w.X, bind, resolveDepth, make(map[ssa.Value]bool)) {
				if !r.ok(e.fn) {
					continue
				}
				if len(want) > 0 {
					// Only an entry whose key is that one value: one
					// made in a loop over several keys cannot say
					// which value went with which.
					keys := r.resolve(e.key, nil, resolveDepth, make(map[ssa.Value]bool))
					if len(keys) != 1 || !keys[0].lit || !want[keys[0].text] {
						continue
					}
				}
				out = appendValues(out, r.callArgBound(e.val, key, i, field, nil, depth+1))
			}
			return out
		case *ssa.FreeVar:
			// A client a closure captures (a circuit breaker's
			// Execute(func() { w.WriteMessages(…) })).
			var out []value
			for _, b := range freeVarBindings(w) {
				out = appendValues(out, r.callArgBound(b, key, i, field, bind, depth+1))
			}
			return out
		default:
			return nil
		}
	}
	return nil
}

// sliceStrings resolves the elements of a []string literal.
func (r *resolver) sliceStrings(v ssa.Value) []value {
	sl, ok := v.(*ssa.Slice)
	if !ok {
		return r.strings(v)
	}
	var out []value
	for _, e := range sliceElems(sl.X) {
		out = appendValues(out, r.strings(e))
	}
	return out
}

// mysqlAddr finds where the user info of a MySQL DSN ends and its address
// begins: user:pass@tcp(host:port)/db, user@unix(/tmp/sock)/db, @(host)/db.
var mysqlAddr = regexp.MustCompile(`@[a-z]*\(`)

// envServer returns the server of a DSN the code builds of several
// environment variables ("host=${DB_HOST} port=${DB_PORT} …"): each
// variable the service's deployment sets is its value there, any other
// the default its config struct's tag gives. It is "" unless the
// deployment sets at least one and every other has a default or the
// value the image's ENV gives it, nor where an env_file, whose values
// archie does not read, may set the others.
// A server made with a Secret's value is named by a hash of it. from says
// where the values come from, as store shows it: the server, never the
// DSN, which holds a password.
func (x *extractor) envServer(f *facts, v value) (server, from string) {
	var files, secrets []string
	set, known := false, true
	dsn := envRef.ReplaceAllStringFunc(v.text, func(ref string) string {
		key := ref[2 : len(ref)-1]
		if val, file, ok := x.deploy.envIn(f.svc, f.entryDir, key); ok {
			set = true
			if strings.HasPrefix(file, "secret ") && val != "" {
				secrets = append(secrets, val)
			}
			if !slices.Contains(files, file) {
				files = append(files, file)
			}
			return val
		}
		if val, file, ok := x.deploy.imageEnv(f.svc, f.entryDir, key); ok {
			known = known && val != "$"
			if !slices.Contains(files, file) {
				files = append(files, file)
			}
			return val
		}
		def, ok := x.res.envDefaults[key]
		known = known && ok && !def.several && !x.deploy.envFiles(f.svc, f.entryDir)
		return def.text
	})
	if !set || !known {
		return "", ""
	}
	if server = dsnServer(dsn); server == "" {
		return "", ""
	}
	for _, s := range secrets {
		if strings.Contains(server, s) {
			server = secretID(server)
			break
		}
	}
	return server, fmt.Sprintf(" = server %s in %s", server, strings.Join(files, ", "))
}

// otherSystem returns the scheme of a store's address when it names a
// system other than the store's kind (nats://… handed to a Redis
// client), else "".
func otherSystem(kind, addr string) string {
	want := kind
	if SQLKind(kind) {
		want = "sql"
	}
	if _, known := schemeSystems[want]; !known {
		return ""
	}
	scheme, _, ok := strings.Cut(strings.ToLower(strings.TrimSpace(addr)), "://")
	if !ok {
		return ""
	}
	for sys, schemes := range schemeSystems {
		if sys != want && slices.Contains(schemes, scheme) {
			return scheme
		}
	}
	return ""
}

// schemeSystems are the URL schemes of the systems whose clients archie
// records, by store kind (SQL kinds as "sql").
var schemeSystems = map[string][]string{
	"redis": {"redis", "rediss", "redis+sentinel", "valkey", "valkeys"},
	"sql":   {"postgres", "postgresql", "mysql", "sqlserver"},
	"mongo": {"mongodb", "mongodb+srv"},
	"nats":  {"nats"},
	"amqp":  {"amqp", "amqps"},
	"kafka": {"kafka"},
}

// dsnServer reduces a DSN or address to host[:port]/database, which is what
// two services must share to share a database. It never returns user
// info: a password in it would end up in archie's output.
func dsnServer(dsn string) string {
	dsn = strings.TrimSpace(dsn)
	if dsn == "" || strings.Contains(dsn, "${") || strings.Contains(dsn, "…") {
		return ""
	}
	if strings.Contains(dsn, "=") && !strings.Contains(dsn, "://") && !mysqlAddr.MatchString(dsn) {
		// key=value form: host=db port=5432 dbname=orders
		kv := make(map[string]string)
		for _, f := range strings.Fields(dsn) {
			if k, v, ok := strings.Cut(f, "="); ok {
				kv[k] = v
			}
		}
		if kv["host"] == "" {
			return ""
		}
		s := kv["host"]
		if kv["port"] != "" {
			s += ":" + kv["port"]
		}
		return s + "/" + kv["dbname"]
	}
	if locs := mysqlAddr.FindAllStringIndex(dsn, -1); len(locs) > 0 {
		// The last one: a password may hold "@(" too.
		rest := dsn[locs[len(locs)-1][1]:]
		host, after, ok := strings.Cut(rest, ")")
		if !ok || host == "" {
			return ""
		}
		return host + database(after)
	}
	rest := dsn
	if i := strings.Index(rest, "://"); i >= 0 {
		rest = rest[i+3:]
	}
	end := len(rest)
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		end = i
	}
	host := rest[:end]
	if at := strings.LastIndexByte(host, '@'); at >= 0 {
		host = host[at+1:]
	}
	if host == "" {
		return ""
	}
	db := database(rest[end:])
	if sqlServerScheme(dsn) {
		// sqlserver://db:1433/SQLEXPRESS?database=orders: the path names
		// the instance, the query the database.
		if db != "" && db != "/" {
			host += `\` + db[1:]
		}
		db = ""
	}
	if name := queryDatabase(rest[end:]); name != "" && (db == "" || db == "/") {
		db = "/" + name // as clickhouse's tcp://ch:9000?database=logs names it
	}
	return host + db
}

// sqlServerScheme reports whether a URL is SQL Server's, whose path is
// an instance's name and never a database.
func sqlServerScheme(dsn string) bool {
	scheme, _, _ := strings.Cut(strings.ToLower(dsn), "://")
	return scheme == "sqlserver" || scheme == "mssql"
}

// queryDatabase is the database a URL's query names (database=orders,
// dbname=orders), or "".
func queryDatabase(after string) string {
	_, q, ok := strings.Cut(after, "?")
	if !ok {
		return ""
	}
	q, _, _ = strings.Cut(q, "#")
	for _, kv := range strings.Split(q, "&") {
		k, v, _ := strings.Cut(kv, "=")
		if k = strings.ToLower(k); (k == "database" || k == "dbname") && v != "" && !strings.ContainsAny(v, "/@") {
			return v
		}
	}
	return ""
}

// database is the "/name" that follows a DSN's address, without options.
func database(after string) string {
	if !strings.HasPrefix(after, "/") {
		return ""
	}
	db, _, _ := strings.Cut(after, "?")
	db, _, _ = strings.Cut(db, "#")
	return db
}

// redact hides a password in a DSN: a URL's user info
// (postgres://user:***@db/x), MySQL's user:***@tcp(db:3306)/x, and a
// password= field (host=db password=***).
func redact(dsn string) string {
	if i := strings.Index(dsn, "://"); i >= 0 {
		// The userinfo ends at the last @ before the query: a password
		// may hold an @ of its own.
		rest := dsn[i+3:]
		q := strings.IndexAny(rest, "?#")
		if q < 0 {
			q = len(rest)
		}
		if at := strings.LastIndexByte(rest[:q], '@'); at >= 0 {
			if u, _, ok := strings.Cut(rest[:at], ":"); ok {
				dsn = dsn[:i+3] + u + ":***" + rest[at:]
			}
		}
		return passwordField.ReplaceAllString(dsn, "${1}***") // ?password=…
	}
	// go-sql-driver's user:password@tcp(host)/db: the password ends at
	// the last @ before the address, and may hold / and @.
	p := strings.IndexByte(dsn, '(')
	if p < 0 {
		p = len(dsn)
	}
	if at := strings.LastIndexByte(dsn[:p], '@'); at > 0 && !strings.ContainsAny(dsn[:at], " =") {
		if u, _, ok := strings.Cut(dsn[:at], ":"); ok {
			return u + ":***" + dsn[at:]
		}
	}
	return passwordField.ReplaceAllString(dsn, "${1}***")
}

// passwordField is a keyword's password, quoted ('a b') or not.
var passwordField = regexp.MustCompile(`(?i)\b((?:password|pwd)\s*=\s*)(?:'[^']*'?|"[^"]*"?|[^\s;&'"]+)`)

// liftCalls moves a call made inside a generated client (goctl's wrapper
// around a gRPC stub) to the lines of the service's own code that call
// into it: the evidence a maintainer reads is where their code calls, and
// only the client methods the service calls become calls. A call no own
// code reaches through the service's reachable functions stays where it
// is, but for a forwarded one: generated code reached only from generated
// code (a server's HTTP handler calling its interface, which a client's
// adapter also implements) is no call of the service's.
func (x *extractor) liftCalls(calls []*call, reach map[*ssa.Function]bool) []*call {
	var out []*call
	var callers func(*ssa.Function) []callSite
	for _, c := range calls {
		if !x.inContract(c.fn) {
			out = append(out, c)
			continue
		}
		if callers == nil {
			callers = x.callersWithin(reach)
		}
		var sites []callSite
		seen := map[*ssa.Function]bool{c.fn: true}
		work := []*ssa.Function{c.fn}
		for len(work) > 0 {
			fn := work[len(work)-1]
			work = work[:len(work)-1]
			for _, s := range callers(fn) {
				switch {
				case c.forwarded && fn == c.fn && s.invoke && (s.via == nil || s.via.Obj() != c.server):
					// An interface of the same methods that the adapter
					// happens to implement: another service's (a twin
					// API's) or the caller's own (a local cache's).
				case !x.inContract(s.fn):
					sites = append(sites, s)
				case !seen[s.fn]:
					seen[s.fn] = true
					work = append(work, s.fn)
				}
			}
		}
		if len(sites) == 0 {
			if !c.forwarded {
				out = append(out, c)
			}
			continue
		}
		for _, s := range sites {
			lifted := *c
			lifted.fn = s.fn
			lifted.ev.Pos = x.position(s.fn, s.pos)
			out = append(out, &lifted)
		}
	}
	// A wrapper whose interface has the stub's methods is a candidate of
	// every call on the stub too: a line that already makes the call
	// makes it once.
	type key struct {
		pos                     token.Position
		protocol, proto, method string
	}
	seen := make(map[key]bool, len(out))
	kept := out[:0]
	for _, c := range out {
		k := key{c.ev.Pos, c.protocol, c.proto, c.method}
		if c.protocol == "http" || !seen[k] {
			seen[k] = true
			kept = append(kept, c)
		}
	}
	return kept
}

// liftMessages moves a publish or a consume made inside a library several
// services share (a messaging wrapper) to the lines of this service's own
// code that call into it: the topic is the same, the evidence is where
// this service's code asks for it. One that no own code reaches stays.
func (x *extractor) liftMessages(ms []*message, reach map[*ssa.Function]bool) []*message {
	var out []*message
	for _, m := range ms {
		sites := x.ownSites(m.fn, reach)
		if len(m.from) > 0 {
			// A topic named after what some lines hand in is theirs.
			if own := slices.DeleteFunc(slices.Clone(sites), func(s callSite) bool { return !slices.Contains(m.from, s.pos) }); len(own) > 0 {
				sites = own
			}
		}
		if len(sites) == 0 {
			out = append(out, m)
			continue
		}
		for _, s := range sites {
			lifted := *m
			lifted.fn = s.fn
			lifted.ev.Pos = x.position(s.fn, s.pos)
			out = append(out, &lifted)
		}
	}
	return out
}

// shared reports whether fn is in a library the code of several mains
// holds, not the service's own.
func (x *extractor) shared(fn *ssa.Function) bool {
	return fn != nil && fn.Pkg != nil && (x.users[fn.Pkg.Pkg.Path()] > 1 || x.prog.libs[fn.Pkg.Pkg] != nil)
}

// ownSites returns, for a function of a shared library, the first lines
// of the service's own code (at most eight) that reach it; nil for a
// function of the service's own, or one no own code reaches.
func (x *extractor) ownSites(fn *ssa.Function, reach map[*ssa.Function]bool) []callSite {
	if !x.shared(fn) || reach == nil {
		return nil
	}
	if x.siteCallers == nil {
		x.siteCallers = x.callersWithin(reach)
	}
	var sites []callSite
	seen := map[*ssa.Function]bool{fn: true}
	work := []*ssa.Function{fn}
	for len(work) > 0 && len(sites) < 8 {
		f := work[len(work)-1]
		work = work[:len(work)-1]
		for _, s := range x.siteCallers(f) {
			switch {
			case !x.shared(s.fn):
				sites = append(sites, s)
			case !seen[s.fn]:
				seen[s.fn] = true
				work = append(work, s.fn)
			}
		}
	}
	return sites
}

// A callSite is a call in fn at pos.
type callSite struct {
	fn  *ssa.Function
	pos token.Pos
	// via is the interface an invoke calls through (nil for a static
	// call), and invoke says the call is one.
	via    *types.Named
	invoke bool
}

func (x *extractor) inContract(fn *ssa.Function) bool {
	return fn != nil && fn.Pkg != nil && x.contracts[fn.Pkg.Pkg.Path()]
}

// callersWithin returns, for a reachable function, its call sites in
// reachable functions: static calls, and interface calls to the
// implementations the service reaches; in the order of the source,
// whatever the order reach was walked in, so that the first sites are the
// evidence. The sites are read once per program (x.sites), not once per
// service that reaches them: services of one build share most of their
// code.
func (x *extractor) callersWithin(reach map[*ssa.Function]bool) func(*ssa.Function) []callSite {
	x.sites.scan(x, reach)
	return func(fn *ssa.Function) []callSite {
		if !reach[fn] {
			return nil
		}
		return x.sites.of(x.fset, fn, reach)
	}
}

// A siteIndex holds the call sites of each function, among the functions
// scanned so far; the workers reading services share it.
type siteIndex struct {
	mu      sync.Mutex
	scanned map[*ssa.Function]bool
	sites   map[*ssa.Function][]callSite
	sorted  map[*ssa.Function]bool
}

// scan adds the call sites in the functions of reach not yet scanned.
func (ix *siteIndex) scan(x *extractor, reach map[*ssa.Function]bool) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.scanned == nil {
		ix.scanned, ix.sites, ix.sorted = make(map[*ssa.Function]bool), make(map[*ssa.Function][]callSite), make(map[*ssa.Function]bool)
	}
	add := func(callee *ssa.Function, site callSite) {
		ix.sites[callee] = append(ix.sites[callee], site)
		ix.sorted[callee] = false
	}
	for fn := range reach {
		if ix.scanned[fn] {
			continue
		}
		ix.scanned[fn] = true
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				c, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				site := callSite{fn: fn, pos: instr.Pos()}
				if callee := c.Common().StaticCallee(); callee != nil {
					add(callee, site)
					continue
				}
				if !c.Common().IsInvoke() {
					continue
				}
				iface, ok := c.Common().Value.Type().Underlying().(*types.Interface)
				if !ok {
					continue
				}
				site.invoke = true
				t := types.Unalias(c.Common().Value.Type())
				if tp, ok := t.(*types.TypeParam); ok {
					t = types.Unalias(tp.Constraint()) // fetch[S OrderServiceServer](s S)
				}
				site.via, _ = t.(*types.Named)
				for _, m := range x.prog.implementers(iface, c.Common().Method.Name()) {
					add(m, site)
				}
			}
		}
	}
}

// of returns the call sites of fn in functions of reach, in the order of
// the source.
func (ix *siteIndex) of(fset *token.FileSet, fn *ssa.Function, reach map[*ssa.Function]bool) []callSite {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	sites := ix.sites[fn]
	if !ix.sorted[fn] {
		slices.SortFunc(sites, func(a, b callSite) int {
			if c := ComparePos(fset.Position(a.pos), fset.Position(b.pos)); c != 0 {
				return c
			}
			return strings.Compare(a.fn.String(), b.fn.String())
		})
		ix.sorted[fn] = true
	}
	var out []callSite
	for _, s := range sites {
		if reach[s.fn] {
			out = append(out, s)
		}
	}
	return out
}
