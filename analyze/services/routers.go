package services

import (
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// A scope is a router API that serves routes under a path prefix, after
// the prefix of the router it is called on. Its result is a router that
// does (a gin or echo group, chi's With, a gorilla subrouter), or it hands
// one to a function (chi's Route and Group), or it serves a router made
// elsewhere under the prefix (chi's Mount, net/http's StripPrefix).
type scope struct {
	key    string
	prefix operand // the prefix, if the scope adds one
	fn     operand // the function handed the scoped router
	mounts operand // the router served under the prefix
	// route: the prefix is the path of the gorilla route the method is
	// called on (PathPrefix("/api").Subrouter()).
	route bool
}

var scopes = []*scope{
	{key: "github.com/gin-gonic/gin.{RouterGroup,IRouter}.Group", prefix: arg(0)},
	{key: "github.com/cloudwego/hertz/pkg/route.{RouterGroup,IRouter}.Group", prefix: arg(0)},
	{key: "github.com/labstack/echo.{Echo,Group}.Group", prefix: arg(0)},
	{key: "github.com/gofiber/fiber.{App,Router}.Group", prefix: arg(0)},
	{key: "github.com/gofiber/fiber.{App,Router}.Route", prefix: arg(0), fn: arg(1)},
	{key: "github.com/gofiber/fiber.{App,Router}.Mount", prefix: arg(0), mounts: arg(1)},
	{key: "github.com/go-chi/chi.{Router,Mux}.Route", prefix: arg(0), fn: arg(1)},
	{key: "github.com/go-chi/chi.{Router,Mux}.Group", fn: arg(0)},
	{key: "github.com/go-chi/chi.{Router,Mux}.With"},
	{key: "github.com/go-chi/chi.{Router,Mux}.Mount", prefix: arg(0), mounts: arg(1)},
	{key: "github.com/gorilla/mux.Route.Subrouter", route: true},
	{key: "github.com/go-kratos/kratos/transport/http.Server.Route", prefix: arg(0)},
	{key: "net/http.StripPrefix", prefix: arg(0), mounts: arg(1)},
}

var scopeIndex = func() map[string]*scope {
	m := make(map[string]*scope)
	for _, s := range scopes {
		for _, k := range expand(s.key) {
			m[k] = s
		}
	}
	return m
}()

// argsOf returns the arguments of a call without its receiver.
func argsOf(c *ssa.CallCommon) []ssa.Value {
	if !c.IsInvoke() && c.StaticCallee() != nil && c.StaticCallee().Signature.Recv() != nil {
		return c.Args[1:]
	}
	return c.Args
}

// recvOf returns the receiver of a method call, or nil.
func recvOf(c *ssa.CallCommon) ssa.Value {
	if c.IsInvoke() {
		return c.Value
	}
	if callee := c.StaticCallee(); callee != nil && callee.Signature.Recv() != nil && len(c.Args) > 0 {
		return c.Args[0]
	}
	return nil
}

// A use is a call that takes a function as a value, as argument i
// (without the receiver). A method value (h.routes) is a use of the
// method, whose parameters come after its receiver: recv is 1.
type use struct {
	call ssa.CallInstruction
	arg  int
	recv int
}

// funcUses finds the calls in fns that take a function or closure as a
// value.
//
// It also returns where each method value (a bound method's wrapper) is
// made first, in the order of fns.
func funcUses(fns []*ssa.Function) (map[*ssa.Function][]use, map[*ssa.Function]token.Pos) {
	out := make(map[*ssa.Function][]use)
	bound := make(map[*ssa.Function]token.Pos)
	thunks := false // whether any is read: most programs have none
	for _, fn := range fns {
		thunks = thunks || methodThunk(fn)
	}
	for _, fn := range fns {
		for _, b := range fn.Blocks {
			var ops [8]*ssa.Value
			for _, instr := range b.Instrs {
				if mc, ok := instr.(*ssa.MakeClosure); ok {
					if f := mc.Fn.(*ssa.Function); strings.HasPrefix(f.Synthetic, "bound method wrapper") && bound[f] == token.NoPos {
						bound[f] = mc.Pos()
					}
					continue
				}
				// A method expression (Client.Get) runs its method
				// where it is called, as a method value does.
				if thunks {
					for _, op := range instr.Operands(ops[:0]) {
						if f, ok := (*op).(*ssa.Function); ok && methodThunk(f) && bound[f] == token.NoPos {
							bound[f] = instr.Pos()
						}
					}
				}
				c, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				for i, a := range argsOf(c.Common()) {
					switch w := a.(type) {
					case *ssa.Function:
						out[w] = append(out[w], use{c, i, 0})
					case *ssa.MakeClosure:
						f := w.Fn.(*ssa.Function)
						out[f] = append(out[f], use{c, i, 0})
						if m := boundMethod(f); m != nil {
							out[m] = append(out[m], use{c, i, 1})
						}
					}
				}
			}
		}
	}
	return out, bound
}

// methodThunk reports whether a function is the one a method expression
// (sampling.SamplingClient.Get) stands for: it calls the method on its
// first argument.
func methodThunk(f *ssa.Function) bool { return strings.HasPrefix(f.Synthetic, "thunk for") }

// boundMethod returns the method a method value's wrapper calls.
func boundMethod(f *ssa.Function) *ssa.Function {
	if !strings.HasPrefix(f.Synthetic, "bound method wrapper") && !methodThunk(f) {
		return nil
	}
	for _, b := range f.Blocks {
		for _, instr := range b.Instrs {
			if c, ok := instr.(ssa.CallInstruction); ok {
				if callee := c.Common().StaticCallee(); callee != nil {
					return callee
				}
			}
		}
	}
	return nil
}

// libraryStandIns are the library types an interface of the program may
// stand for: oapi-codegen registers its routes on an EchoRouter or a
// ServeMux it declares, which echo's Echo and net/http's ServeMux
// implement; sqlc's queries go through a DBTX it declares, which a
// database/sql, pgx or sqlx handle implements.
var libraryStandIns = []struct {
	pkg, name string
	// alone: only where no type of the program that the service runs
	// implements the method called, so that nothing but a library value
	// can be behind it (an in-house EventPublisher is not taken for a
	// nats.Conn).
	alone bool
}{
	{"github.com/labstack/echo", "Echo", false},
	{"net/http", "ServeMux", false},
	{"database/sql", "DB", false},
	{"github.com/jackc/pgx", "Conn", false},
	{"github.com/jackc/pgx/pgxpool", "Pool", false},
	{"github.com/jmoiron/sqlx", "DB", false},
	// Clients a program's own port interface is satisfied by
	// (type Publisher interface{ Publish(…) } holding a *redis.Client).
	{"github.com/redis/go-redis", "Client", true},
	{"github.com/redis/go-redis", "ClusterClient", true},
	{"github.com/go-redis/redis", "Client", true},
	{"github.com/go-redis/redis", "ClusterClient", true},
	{"github.com/rabbitmq/amqp091-go", "Channel", true},
	{"github.com/streadway/amqp", "Channel", true},
	{"github.com/nats-io/nats.go", "Conn", true},
	{"github.com/segmentio/kafka-go", "Writer", true},
	{"github.com/gofiber/fiber", "App", true},
	// The AWS SDKs' clients, behind an interface a program declares to
	// test with a fake (or v1's dynamodbiface and sqsiface).
	{"github.com/aws/aws-sdk-go-v2/service/dynamodb", "Client", true},
	{"github.com/aws/aws-sdk-go-v2/service/sqs", "Client", true},
	{"github.com/aws/aws-sdk-go-v2/service/sns", "Client", true},
	{"github.com/aws/aws-sdk-go-v2/service/kinesis", "Client", true},
	{"github.com/aws/aws-sdk-go/service/dynamodb", "DynamoDB", true},
	{"github.com/aws/aws-sdk-go/service/sqs", "SQS", true},
	{"github.com/aws/aws-sdk-go/service/sns", "SNS", true},
}

// libraryInterface returns the callee key a method call through an
// interface of the program has when a library type its package imports
// implements the interface (a router, a database handle): that type's own
// method.
func (x *extractor) libraryInterface(c *ssa.CallCommon) string {
	named, ok := types.Unalias(c.Value.Type()).(*types.Named)
	if !ok || named.Obj().Pkg() == nil {
		return ""
	}
	lib := x.standIns.get(named, func() *types.TypeName { return standInFor(named) })
	if lib == nil {
		return ""
	}
	if standInAlone(lib) {
		// A type of the program this service runs may be behind it.
		for _, m := range x.prog.implementers(named.Underlying().(*types.Interface), c.Method.Name()) {
			if x.res.ok(m) {
				return ""
			}
		}
	}
	// Keyed as a call of the library type's method is: by the type the
	// method is declared on (go-redis's Publish is its cmdable's).
	obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(lib.Type()), true, lib.Pkg(), c.Method.Name())
	fn, ok := obj.(*types.Func)
	if !ok || fn.Pkg() == nil {
		return ""
	}
	recv := fn.Type().(*types.Signature).Recv()
	if recv == nil {
		return ""
	}
	t := recv.Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	rn, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return ""
	}
	return normPath(fn.Pkg().Path()) + "." + rn.Obj().Name() + "." + fn.Name()
}

// standInAlone reports whether a stand-in library type counts only where
// no type of the program implements the method.
func standInAlone(tn *types.TypeName) bool {
	for _, r := range libraryStandIns {
		if r.alone && r.name == tn.Name() && normPath(tn.Pkg().Path()) == r.pkg {
			return true
		}
	}
	return false
}

// standInFor returns the library type (echo's Echo) a program's interface
// stands in for, or nil.
func standInFor(named *types.Named) *types.TypeName {
	iface, ok := named.Underlying().(*types.Interface)
	if !ok {
		return nil
	}
	for _, imp := range named.Obj().Pkg().Imports() {
		for _, r := range libraryStandIns {
			if normPath(imp.Path()) != r.pkg {
				continue
			}
			if tn, ok := imp.Scope().Lookup(r.name).(*types.TypeName); ok && types.Implements(types.NewPointer(tn.Type()), iface) {
				return tn
			}
		}
	}
	return nil
}

// prefixes returns the path prefixes a router value serves its routes
// under: "" for a router served as it is, "/api" for a chi router routed
// or mounted at /api, a gorilla subrouter of PathPrefix("/api"), a gin or
// echo group. Where the router goes is not followed past stores to
// variables of other functions: such a router serves at "".
func (x *extractor) prefixes(v ssa.Value) []string {
	if v == nil {
		return []string{""}
	}
	return orRoot(x.prefixesOf(v, 8, make(map[ssa.Value][]string)))
}

func orRoot(ps []string) []string {
	if len(ps) == 0 {
		return []string{""}
	}
	return ps
}

// busyPrefixes marks a value whose prefixes are being found.
var busyPrefixes = []string{}

func (x *extractor) prefixesOf(v ssa.Value, depth int, memo map[ssa.Value][]string) []string {
	if v == nil || depth == 0 {
		return nil
	}
	if ps, ok := memo[v]; ok {
		return ps
	}
	memo[v] = busyPrefixes
	ps := x.prefixesNow(v, depth, memo)
	memo[v] = ps
	return ps
}

func (x *extractor) prefixesNow(v ssa.Value, depth int, memo map[ssa.Value][]string) []string {
	switch w := v.(type) {
	case *ssa.Call:
		common := w.Common()
		sc := scopeIndex[calleeKey(common)]
		if sc == nil || sc.mounts.how != none {
			return x.mounted(w, depth-1, memo)
		}
		base := x.prefixesOf(recvOf(common), depth-1, memo)
		p := ""
		if sc.route {
			router, path, _, _ := x.gorillaMatch(recvOf(common))
			base, p = x.prefixesOf(router, depth-1, memo), path
		}
		if sc.prefix.how != none {
			p = x.text(argsOf(common), sc.prefix.i)
		}
		return joinAll(base, p)
	case *ssa.UnOp:
		if w.Op == token.MUL {
			return x.loadedPrefixes(w.X, depth-1, memo)
		}
	case *ssa.FieldAddr: // gin's RouterGroup, embedded in the Engine
		return x.prefixesOf(w.X, depth-1, memo)
	case *ssa.MakeInterface:
		return x.prefixesOf(w.X, depth-1, memo)
	case *ssa.ChangeInterface:
		return x.prefixesOf(w.X, depth-1, memo)
	case *ssa.ChangeType:
		return x.prefixesOf(w.X, depth-1, memo)
	case *ssa.Phi:
		var out []string
		for _, e := range w.Edges {
			out = union(out, x.prefixesOf(e, depth-1, memo))
		}
		return out
	case *ssa.FreeVar:
		var out []string
		for _, b := range freeVarBindings(w) {
			out = union(out, x.prefixesOf(b, depth-1, memo))
		}
		return out
	case *ssa.Parameter:
		if b, ok := x.bind[w]; ok {
			return x.prefixesOf(b, depth-1, memo)
		}
		fn, i := w.Parent(), paramIndex(w)
		var out []string
		for _, c := range x.callersOf(fn) {
			if args := c.Common().Args; i < len(args) {
				out = union(out, orRoot(x.prefixesOf(args[i], depth-1, memo)))
			}
		}
		// A function handed the router: r.Route("/api", func(r chi.Router) {…}).
		for _, u := range x.uses[fn] {
			common := u.call.Common()
			sc := scopeIndex[calleeKey(common)]
			if sc == nil || sc.fn.how == none || sc.fn.i != u.arg || i != u.recv {
				continue
			}
			p := ""
			if sc.prefix.how != none {
				p = x.text(argsOf(common), sc.prefix.i)
			}
			out = union(out, joinAll(x.prefixesOf(recvOf(common), depth-1, memo), p))
		}
		return out
	}
	return nil
}

// loadedPrefixes returns the prefixes of the routers stored where addr
// points.
func (x *extractor) loadedPrefixes(addr ssa.Value, depth int, memo map[ssa.Value][]string) []string {
	var stores []stored
	switch a := addr.(type) {
	case *ssa.FieldAddr:
		stores = x.res.fields[fieldKey(a.X.Type(), a.Field)]
	case *ssa.Global:
		stores = x.res.globals[a]
	case *ssa.Alloc:
		stores = x.res.fields[allocKey(a)]
	case *ssa.FreeVar:
		var out []string
		for _, b := range freeVarBindings(a) {
			out = union(out, x.loadedPrefixes(b, depth-1, memo))
		}
		return out
	}
	var out []string
	for _, s := range stores {
		if x.res.ok(s.fn) {
			out = union(out, orRoot(x.prefixesOf(s.val, depth-1, memo)))
		}
	}
	return out
}

// mounted returns the prefixes a router made by a call is mounted under:
// r.Mount("/api", v), http.StripPrefix("/api", v), through interfaces,
// returns and the functions v is passed to. None when it is served as it
// is.
func (x *extractor) mounted(v ssa.Value, depth int, memo map[ssa.Value][]string) []string {
	if depth <= 0 || v.Referrers() == nil {
		return nil
	}
	var out []string
	for _, ref := range *v.Referrers() {
		switch r := ref.(type) {
		case ssa.CallInstruction:
			common := r.Common()
			if sc := scopeIndex[calleeKey(common)]; sc != nil && sc.mounts.how != none {
				args := argsOf(common)
				if sc.mounts.i < len(args) && args[sc.mounts.i] == v {
					out = union(out, joinAll(x.prefixesOf(recvOf(common), depth-1, memo), x.text(args, sc.prefix.i)))
				}
				continue
			}
			// A function of the program the router is passed to.
			if callee := common.StaticCallee(); callee != nil && callee.Blocks != nil && x.prog.source[callee.Pkg] {
				for i, a := range common.Args {
					if a == v && i < len(callee.Params) {
						out = union(out, x.mounted(callee.Params[i], depth-1, memo))
					}
				}
			}
		case *ssa.MakeInterface:
			out = union(out, x.mounted(r, depth-1, memo))
		case *ssa.ChangeInterface:
			out = union(out, x.mounted(r, depth-1, memo))
		case *ssa.ChangeType:
			out = union(out, x.mounted(r, depth-1, memo))
		case *ssa.Phi:
			out = union(out, x.mounted(r, depth-1, memo))
		case *ssa.Return:
			for _, c := range x.callersOf(r.Parent()) {
				if cv, ok := c.(*ssa.Call); ok {
					out = union(out, x.mounted(cv, depth-1, memo))
				}
			}
		}
	}
	return out
}

// gorillaMatch reads the chain of matchers a gorilla/mux route is built
// with (r.PathPrefix("/api").Methods("GET")): the router it starts from,
// its path or path prefix and its methods. The router is nil when the
// chain holds a call archie does not know.
func (x *extractor) gorillaMatch(v ssa.Value) (router ssa.Value, path string, prefix bool, methods []string) {
	for range 8 {
		c, ok := v.(*ssa.Call)
		if !ok {
			return nil, "", false, nil
		}
		key := calleeKey(c.Common())
		rest, ok := strings.CutPrefix(key, "github.com/gorilla/mux.")
		if !ok {
			return nil, "", false, nil
		}
		typ, method, _ := strings.Cut(rest, ".")
		args := argsOf(c.Common())
		switch method {
		case "Path", "PathPrefix":
			if path == "" {
				path, prefix = x.text(args, 0), method == "PathPrefix"
			}
		case "Methods":
			if len(args) > 0 {
				methods = append(methods, x.methodNames(args[0])...)
			}
		case "NewRoute", "Host", "Schemes", "Headers", "HeadersRegexp", "Queries", "MatcherFunc", "Name":
		default:
			return nil, "", false, nil
		}
		if typ == "Router" {
			return recvOf(c.Common()), path, prefix, methods
		}
		v = recvOf(c.Common())
	}
	return nil, "", false, nil
}

// methodNames returns the methods of gorilla's variadic Methods("GET", …)
// argument, resolved as the route's path is: a helper's parameter is what
// the caller the route is recorded for passes (helperSites).
func (x *extractor) methodNames(v ssa.Value) []string {
	sl, ok := v.(*ssa.Slice)
	if !ok {
		return nil
	}
	var out []string
	for _, e := range sliceElems(sl.X) {
		if m := firstOf(x.res.resolve(e, x.bind, 2, make(map[ssa.Value]bool))); m != "" {
			out = append(out, m)
		}
	}
	return out
}

// routerTypes are the routers whose routes archie records one by one:
// serving one under a prefix is no endpoint of its own.
var routerTypes = map[string]bool{
	"github.com/go-chi/chi.Mux": true, "github.com/go-chi/chi.Router": true,
	"github.com/gorilla/mux.Router": true, "net/http.ServeMux": true,
	"github.com/gin-gonic/gin.Engine": true, "github.com/labstack/echo.Echo": true,
	"github.com/cloudwego/hertz/pkg/route.Engine": true, "github.com/cloudwego/hertz/pkg/app/server.Hertz": true,
}

// isRouter reports whether a handler value is a router archie records the
// routes of.
func (x *extractor) isRouter(v ssa.Value, depth int) bool {
	if v == nil || depth == 0 {
		return false
	}
	t := v.Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if named, ok := types.Unalias(t).(*types.Named); ok && named.Obj().Pkg() != nil && routerTypes[normPath(named.Obj().Pkg().Path())+"."+named.Obj().Name()] {
		return true
	}
	switch w := v.(type) {
	case *ssa.MakeInterface:
		return x.isRouter(w.X, depth-1)
	case *ssa.ChangeInterface:
		return x.isRouter(w.X, depth-1)
	case *ssa.Phi:
		for _, e := range w.Edges {
			if x.isRouter(e, depth-1) {
				return true
			}
		}
	case *ssa.Call:
		if callee := w.Common().StaticCallee(); callee != nil && callee.Blocks != nil && x.prog.source[callee.Pkg] {
			for _, b := range callee.Blocks {
				if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && len(ret.Results) == 1 && x.isRouter(ret.Results[0], depth-1) {
					return true
				}
			}
		}
	}
	return false
}

// text reads argument i as a route or prefix: its first fully known
// value, else a partly known one, else "…" (routeText).
func (x *extractor) text(args []ssa.Value, i int) string {
	if i < 0 || i >= len(args) {
		return ""
	}
	vs := x.res.resolve(args[i], x.bind, 6, make(map[ssa.Value]bool))
	if len(vs) == 0 {
		return "…"
	}
	return routeText(vs, x.settled(x.walked))
}

// joinRoute puts a route under a prefix.
func joinRoute(prefix, route string) string {
	if prefix == "" {
		return route
	}
	if strings.HasPrefix(route, "/") {
		return strings.TrimSuffix(prefix, "/") + route
	}
	return prefix + route
}

func joinAll(bases []string, p string) []string {
	var out []string
	for _, b := range orRoot(bases) {
		out = union(out, []string{joinRoute(b, p)})
	}
	return out
}

// union adds to a the strings of b it lacks, up to maxValues.
func union(a, b []string) []string {
	for _, s := range b {
		if len(a) < maxValues && !contains(a, s) {
			a = append(a, s)
		}
	}
	return a
}

// prefixRoute names the routes under a prefix: /static/* for a gorilla
// PathPrefix("/static/") or a chi Mount("/static", h).
func prefixRoute(p string) string {
	return strings.TrimSuffix(p, "/") + "/*"
}

// prefixRoute records a handler served under a path prefix: kratos's
// HandlePrefix("/static/", h).
func (x *extractor) prefixRoute(s *site, r *recognizer) {
	for _, p := range x.prefixes(recvOf(s.common)) {
		x.route(s.f, s.handlers, "", joinRoute(p, prefixRoute(x.routeOf(r.name, s))), s.arg(r.handler), s.ev)
	}
}

// chiMount records a handler chi mounts under a pattern; a router mounted
// so serves its own routes, under the pattern.
func (x *extractor) chiMount(s *site, r *recognizer) {
	h := s.arg(r.handler)
	if x.isRouter(h, 4) {
		return
	}
	for _, p := range x.prefixes(s.arg(recv)) {
		x.route(s.f, s.handlers, "", joinRoute(p, prefixRoute(x.routeOf(r.name, s))), h, s.ev)
	}
}

// gorillaHandler records a gorilla/mux route built from matchers:
// r.PathPrefix("/static/").Handler(h), r.Path("/x").Methods("GET").HandlerFunc(f).
// A route with no path matches any and is left out.
func (x *extractor) gorillaHandler(s *site, r *recognizer) {
	router, path, prefix, methods := x.gorillaMatch(s.arg(recv))
	h := s.arg(r.handler)
	if router == nil || path == "" || x.isRouter(h, 4) {
		return
	}
	if prefix {
		path = prefixRoute(path)
	}
	if m := x.gorillaMethods(s.instr); m != "" {
		methods = append(methods, m)
	}
	for _, p := range x.prefixes(router) {
		x.route(s.f, s.handlers, strings.Join(methods, ","), joinRoute(p, path), h, s.ev)
	}
}

// gozeroRoutes records go-zero rest routes, as goctl writes them in
// internal/handler/routes.go: server.AddRoutes([]rest.Route{{Method:
// http.MethodGet, Path: "/orders/:id", Handler: GetOrderHandler(serverCtx)}},
// rest.WithPrefix("/v1")), the routes maybe wrapped in
// rest.WithMiddlewares(ms, routes...). Each route's evidence is its Path.
func (x *extractor) gozeroRoutes(s *site, r *recognizer) {
	if len(s.args) == 0 {
		return
	}
	prefix := ""
	if len(s.args) > 1 {
		if sl, ok := s.args[1].(*ssa.Slice); ok {
			for _, o := range sliceElems(sl.X) {
				if c, ok := o.(*ssa.Call); ok && calleeKey(c.Common()) == "github.com/zeromicro/go-zero/rest.WithPrefix" {
					prefix = x.text(c.Common().Args, 0)
				}
			}
		}
	}
	var routes []structLit
	if strings.HasSuffix(s.key, ".AddRoute") {
		if l, ok := s.args[0].(*ssa.UnOp); ok {
			routes = append(routes, structStores(l.X))
		}
	} else {
		rs := s.args[0]
		if c, ok := rs.(*ssa.Call); ok {
			switch calleeKey(c.Common()) {
			case "github.com/zeromicro/go-zero/rest.WithMiddlewares", "github.com/zeromicro/go-zero/rest.WithMiddleware":
				rs = c.Common().Args[1]
			}
		}
		if sl, ok := rs.(*ssa.Slice); ok {
			routes = structElems(sl.X)
		}
	}
	for _, rt := range routes {
		path, ok := rt.fields["Path"]
		if !ok {
			continue
		}
		ev := s.ev
		if pos := rt.pos["Path"]; pos.IsValid() {
			ev.Pos = x.position(s.fn, pos)
		}
		method := ""
		if m, ok := rt.fields["Method"]; ok {
			method = strings.ToUpper(x.text([]ssa.Value{m}, 0))
		}
		x.route(s.f, s.handlers, method, joinRoute(prefix, x.text([]ssa.Value{path}, 0)), rt.fields["Handler"], ev)
	}
}

// A structLit is what a composite literal of a struct stores in its
// fields, by name, and where.
type structLit struct {
	fields map[string]ssa.Value
	pos    map[string]token.Pos
}

// structStores reads the fields a composite literal stores at addr.
func structStores(addr ssa.Value) structLit {
	lit := structLit{fields: make(map[string]ssa.Value), pos: make(map[string]token.Pos)}
	st, ok := deref(addr.Type()).Underlying().(*types.Struct)
	if !ok || addr.Referrers() == nil {
		return lit
	}
	for _, ref := range *addr.Referrers() {
		fa, ok := ref.(*ssa.FieldAddr)
		if !ok || fa.Referrers() == nil {
			continue
		}
		for _, ref2 := range *fa.Referrers() {
			if store, ok := ref2.(*ssa.Store); ok && store.Addr == fa {
				name := st.Field(fa.Field).Name()
				lit.fields[name], lit.pos[name] = store.Val, store.Pos()
			}
		}
	}
	return lit
}

// structElems reads the elements of a slice literal of structs.
func structElems(arr ssa.Value) []structLit {
	alloc, ok := arr.(*ssa.Alloc)
	if !ok {
		return nil
	}
	var out []structLit
	for _, ref := range *alloc.Referrers() {
		ia, ok := ref.(*ssa.IndexAddr)
		if !ok || ia.Referrers() == nil {
			continue
		}
		// An element is built in place, or in a literal of its own that
		// is copied in.
		lit := structStores(ia)
		for _, ref2 := range *ia.Referrers() {
			if st, ok := ref2.(*ssa.Store); ok && st.Addr == ia {
				if l, ok := st.Val.(*ssa.UnOp); ok && l.Op == token.MUL {
					lit = structStores(l.X)
				}
			}
		}
		out = append(out, lit)
	}
	return out
}

func deref(t types.Type) types.Type {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// gatewayRoute records a route grpc-gateway generates:
// mux.Handle("GET", pattern_Greeter_SayHello_0, h), where the pattern is
// a global compiled from its template, runtime.MustPattern(
// runtime.NewPattern(1, ops, pool, verb)). The template is read back from
// the ops: /v1/greeter/{name}.
func (x *extractor) gatewayRoute(s *site, r *recognizer) {
	route := gatewayPattern(s.arg(1)) // a pattern built in place
	if l, ok := s.arg(1).(*ssa.UnOp); ok {
		if g, ok := l.X.(*ssa.Global); ok {
			for _, st := range x.res.globals[g] {
				if route = gatewayPattern(st.val); route != "" {
					break
				}
			}
		}
	}
	x.route(s.f, s.handlers, strings.ToUpper(x.first(r.method, s)), route, s.arg(r.handler), s.ev)
}

// gatewayPattern decodes runtime.MustPattern(runtime.NewPattern(version,
// ops, pool, verb)) as grpc-gateway's Pattern.String does, with a
// capture of one segment written {name}. It returns "" when the ops are
// not all constants.
func gatewayPattern(v ssa.Value) string {
	c, ok := v.(*ssa.Call)
	if !ok || calleeKey(c.Common()) != "github.com/grpc-ecosystem/grpc-gateway/runtime.MustPattern" {
		return ""
	}
	e, ok := c.Common().Args[0].(*ssa.Extract)
	if !ok {
		return ""
	}
	np, ok := e.Tuple.(*ssa.Call)
	if !ok || calleeKey(np.Common()) != "github.com/grpc-ecosystem/grpc-gateway/runtime.NewPattern" || len(np.Common().Args) < 4 {
		return ""
	}
	args := np.Common().Args
	ops, pool := constElems(args[1]), constElems(args[2])
	if ops == nil || len(ops)%2 != 0 {
		return ""
	}
	var stack []string
	for i := 0; i < len(ops); i += 2 {
		code, n := ops[i], ops[i+1]
		ci, err1 := strconv.Atoi(code)
		oi, err2 := strconv.Atoi(n)
		if err1 != nil || err2 != nil {
			return ""
		}
		switch ci {
		case 0: // OpNop
		case 1: // OpPush: one segment
			stack = append(stack, "*")
		case 2: // OpLitPush
			if oi >= len(pool) {
				return ""
			}
			stack = append(stack, pool[oi])
		case 3: // OpPushM: any segments
			stack = append(stack, "**")
		case 4: // OpConcatN
			if oi > len(stack) {
				return ""
			}
			l := len(stack) - oi
			stack = append(stack[:l], strings.Join(stack[l:], "/"))
		case 5: // OpCapture
			if oi >= len(pool) || len(stack) == 0 {
				return ""
			}
			top := len(stack) - 1
			if stack[top] == "*" {
				stack[top] = "{" + pool[oi] + "}"
			} else {
				stack[top] = "{" + pool[oi] + "=" + stack[top] + "}"
			}
		default:
			return ""
		}
	}
	route := "/" + strings.Join(stack, "/")
	if verb := constElems(args[3]); len(verb) == 1 && verb[0] != "" {
		route += ":" + verb[0]
	}
	return route
}

// constElems returns the constants of a slice literal, in index order, or
// the one constant v is; nil if any is not constant.
func constElems(v ssa.Value) []string {
	if k, ok := v.(*ssa.Const); ok {
		if k.Value == nil {
			return []string{""}
		}
		if k.Value.Kind() == constant.String {
			return []string{constant.StringVal(k.Value)}
		}
		return []string{k.Value.ExactString()}
	}
	sl, ok := v.(*ssa.Slice)
	if !ok {
		return nil
	}
	alloc, ok := sl.X.(*ssa.Alloc)
	if !ok || alloc.Referrers() == nil {
		return nil
	}
	arr, ok := deref(alloc.Type()).Underlying().(*types.Array)
	if !ok {
		return nil
	}
	out := make([]string, arr.Len())
	set := 0
	for _, ref := range *alloc.Referrers() {
		ia, ok := ref.(*ssa.IndexAddr)
		if !ok || ia.Referrers() == nil {
			continue
		}
		idx, ok := ia.Index.(*ssa.Const)
		if !ok {
			return nil
		}
		i, err := strconv.Atoi(idx.Value.ExactString())
		if err != nil || i < 0 || i >= len(out) {
			return nil
		}
		for _, ref2 := range *ia.Referrers() {
			if st, ok := ref2.(*ssa.Store); ok && st.Addr == ia {
				k := constElems(st.Val)
				if len(k) != 1 {
					return nil
				}
				out[i] = k[0]
				set++
			}
		}
	}
	if set != len(out) {
		return nil
	}
	return out
}

// helperSites returns, for a route registered in a helper with several
// callers whose path or handler is one of the helper's parameters
// (func route(r chi.Router, method, path string, h http.HandlerFunc)), the
// route as each caller registers it: the parameters bound to its
// arguments, its evidence the caller's line. It is nil for any other
// route.
func (x *extractor) helperSites(s *site, r *recognizer) []*site {
	fn := s.fn
	if fn.Parent() != nil || len(fn.Params) == 0 {
		return nil
	}
	var ops []ssa.Value
	for _, o := range []operand{r.name, r.method} {
		if o.how == fromArg {
			ops = append(ops, s.arg(o.i))
		}
	}
	ops = append(ops, s.arg(r.handler))
	depends := false
	for _, v := range ops {
		if v != nil && usesParam(v, fn, 4) {
			depends = true
		}
	}
	if !depends {
		return nil
	}
	calls := x.callersOf(fn)
	if len(calls) < 2 {
		return nil
	}
	var out []*site
	for _, c := range calls {
		args := c.Common().Args
		if len(args) != len(fn.Params) {
			return nil
		}
		hs := *s
		hs.bind = make(map[*ssa.Parameter]ssa.Value, len(args))
		for i, p := range fn.Params {
			hs.bind[p] = args[i]
		}
		hs.ev.Pos = x.position(c.Parent(), c.Pos())
		out = append(out, &hs)
	}
	return out
}

// usesParam reports whether v is computed from a parameter of fn: the
// parameter itself, a conversion or a concatenation of it.
func usesParam(v ssa.Value, fn *ssa.Function, depth int) bool {
	if depth == 0 {
		return false
	}
	switch w := v.(type) {
	case *ssa.Parameter:
		return w.Parent() == fn
	case *ssa.BinOp:
		return usesParam(w.X, fn, depth-1) || usesParam(w.Y, fn, depth-1)
	case *ssa.ChangeType:
		return usesParam(w.X, fn, depth-1)
	case *ssa.Convert:
		return usesParam(w.X, fn, depth-1)
	case *ssa.MakeInterface:
		return usesParam(w.X, fn, depth-1)
	case *ssa.Call:
		for _, a := range w.Common().Args {
			if usesParam(a, fn, depth-1) {
				return true
			}
		}
	}
	return false
}
