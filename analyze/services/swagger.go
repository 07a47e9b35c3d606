package services

import (
	"encoding/json"
	"go/types"
	"path"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// go-swagger generates a server's routing into its operations package:
// initHandlerCache fills o.handlers, a map of method to a map of path to
// handler (o.handlers["GET"]["/applications/{id}"] = NewGetApplicationsID(…)),
// and the router serves each path under the basePath of the spec the
// generator embeds in the restapi package above it (SwaggerJSON). No
// router API is called per route: the routes are those map updates.

// swaggerRoute records the route a map update of a go-swagger handler
// cache serves, if it is one: in the generated initHandlerCache method.
func (x *extractor) swaggerRoute(f *facts, fn *ssa.Function, u *ssa.MapUpdate, handlers map[string][]*ssa.Function) {
	if fn.Name() != "initHandlerCache" || fn.Signature.Recv() == nil {
		return // the generator's method; a map of handlers of the code's own may route anything
	}
	route, ok := stringConst(u.Key)
	if !ok || !strings.HasPrefix(route, "/") {
		return
	}
	l, ok := u.Map.(*ssa.Lookup)
	if !ok || l.CommaOk {
		return
	}
	method, ok := stringConst(l.Index)
	if !ok || method == "" || strings.ToUpper(method) != method {
		return
	}
	if !swaggerHandlers(l.X) {
		return
	}
	if base := x.swaggerBase(fn.Pkg); base != "" && base != "/" {
		route = strings.TrimSuffix(base, "/") + route
	}
	x.route(f, handlers, method, route, u.Value, x.evidence(fn, u.Pos()))
}

// swaggerHandlers reports whether a map is a struct's field handlers of
// type map[string]map[string]net/http.Handler, loaded: go-swagger's
// handler cache.
func swaggerHandlers(m ssa.Value) bool {
	load, ok := m.(*ssa.UnOp)
	if !ok {
		return false
	}
	fa, ok := load.X.(*ssa.FieldAddr)
	if !ok || fieldName(fa) != "handlers" {
		return false
	}
	outer, ok := m.Type().Underlying().(*types.Map)
	if !ok {
		return false
	}
	inner, ok := outer.Elem().Underlying().(*types.Map)
	if !ok {
		return false
	}
	named, ok := types.Unalias(inner.Elem()).(*types.Named)
	return ok && named.Obj().Pkg() != nil && named.Obj().Pkg().Path() == "net/http" && named.Obj().Name() == "Handler"
}

// swaggerBase returns the basePath of the spec go-swagger embeds in the
// package above an operations package (restapi's SwaggerJSON), or "".
func (x *extractor) swaggerBase(ops *ssa.Package) string {
	if ops == nil {
		return ""
	}
	return x.prog.swaggerBases.get(ops, func() string {
		parent := path.Dir(ops.Pkg.Path())
		for _, p := range x.prog.prog.AllPackages() {
			if p.Pkg.Path() == parent {
				// The generator's func init() is init#1, which the
				// package initializer calls.
				init := p.Func("init")
				if init == nil {
					break
				}
				fns := []*ssa.Function{init}
				for _, b := range init.Blocks {
					for _, instr := range b.Instrs {
						if c, ok := instr.(*ssa.Call); ok {
							if callee := c.Common().StaticCallee(); callee != nil && callee.Pkg == p {
								fns = append(fns, callee)
							}
						}
					}
				}
				for _, fn := range fns {
					if base := specBasePath(fn); base != "" {
						return base
					}
				}
				break
			}
		}
		return ""
	})
}

// specBasePath returns the basePath of the Swagger 2.0 document a
// package's initializer holds as a string constant.
func specBasePath(init *ssa.Function) string {
	var ops [8]*ssa.Value
	for _, b := range init.Blocks {
		for _, instr := range b.Instrs {
			for _, op := range instr.Operands(ops[:0]) {
				if op == nil || *op == nil {
					continue
				}
				text, ok := stringConst(*op)
				if !ok || !strings.Contains(text, `"swagger"`) || !strings.Contains(text, `"basePath"`) {
					continue
				}
				var spec struct {
					Swagger  string `json:"swagger"`
					BasePath string `json:"basePath"`
				}
				if json.Unmarshal([]byte(text), &spec) == nil && spec.Swagger != "" {
					return spec.BasePath
				}
			}
		}
	}
	return ""
}

// A go-swagger generated client submits each operation to a transport
// (a.transport.Submit(&runtime.ClientOperation{Method: "PUT",
// PathPattern: "/scans/{id}"})): the operation's path goes, under the
// base path, to the host of the transport the client was made with,
// which the code gives httptransport.New(host, basePath, schemes), often
// through the generated TransportConfig.

// swaggerSubmit records a go-swagger client's call: its method and path,
// on the host and base path of the transports it is submitted to where
// the code shows them, else the path alone, which a service that serves
// it places.
func (x *extractor) swaggerSubmit(s *site, r *recognizer) {
	var paths []value
	for _, p := range x.values(r.name, s) {
		if !strings.HasPrefix(p.text, "/") {
			continue
		}
		p.text = pathParams(p.text)
		paths = append(paths, p)
	}
	if len(paths) == 0 {
		return
	}
	// Several bases may be one host as the code gives it (a variable
	// and the default that stands in for it, over http or https); hosts
	// of their own (transports of one generated client made for two
	// hosts) leave the host unknown: which one a call goes to depends on
	// the client it is made on, which archie does not follow.
	bases := x.res.swaggerBases(recvOf(s.common), 0)
	// A generated client's default host (localhost, in var Default =
	// NewHTTPClient(nil), which every program importing the package
	// makes) beside a host the program gives is not where it calls.
	if other := slices.DeleteFunc(slices.Clone(bases), localBase); len(other) > 0 {
		bases = other
	}
	if len(swaggerHosts(bases)) > 1 {
		bases = nil
	}
	urls := paths
	if len(bases) > 0 {
		urls = concat(bases, paths)
	}
	x.httpCall(s.f, s.fn, x.first(r.method, s), urls, s.ev)
}

// localBase reports whether a transport's URL is written in the code on
// this machine, as a default for development is (not a flag's default,
// which a deployment may pass).
func localBase(b value) bool {
	if !b.lit || b.flag != "" || len(b.env) > 0 || b.fallbackOf != "" || b.config != "" {
		return false
	}
	return loopbackHost(hostOf(b.text))
}

// swaggerHosts returns the hosts and base paths of transports' URLs, the
// scheme aside, but for defaults that stand in for a variable.
func swaggerHosts(bases []value) []string {
	var out []string
	for _, b := range bases {
		if b.fallbackOf != "" {
			continue
		}
		h := b.text
		if _, rest, ok := strings.Cut(h, "://"); ok {
			h = rest
		}
		if !slices.Contains(out, h) {
			out = append(out, h)
		}
	}
	return out
}

// pathParams writes an OpenAPI path's parameters ({id}) as the part of a
// called path archie cannot know.
func pathParams(p string) string {
	segs := strings.Split(p, "/")
	for i, seg := range segs {
		if strings.HasPrefix(seg, "{") && strings.HasSuffix(seg, "}") {
			segs[i] = "…"
		}
	}
	return strings.Join(segs, "/")
}

// swaggerBases returns the URLs, scheme, host and base path, of the
// go-openapi transports a value may hold: made by httptransport.New in
// the code, kept in a field, handed in as a parameter.
func (r *resolver) swaggerBases(t ssa.Value, depth int) []value {
	if t == nil || depth > 6 {
		return nil
	}
	var out []value
	switch v := t.(type) {
	case *ssa.MakeInterface:
		return r.swaggerBases(v.X, depth+1)
	case *ssa.ChangeInterface:
		return r.swaggerBases(v.X, depth+1)
	case *ssa.Phi:
		for _, e := range v.Edges {
			out = appendValues(out, r.swaggerBases(e, depth+1))
		}
	case *ssa.Call:
		switch calleeKey(v.Common()) {
		case "github.com/go-openapi/runtime/client.New", "github.com/go-openapi/runtime/client.NewWithClient":
			args := v.Common().Args
			if len(args) < 3 {
				return nil
			}
			// The scheme the transport picks: https where it is given
			// among others.
			scheme := "http"
			if slices.ContainsFunc(r.sliceStrings(args[2]), func(v value) bool { return v.text == "https" }) {
				scheme = "https"
			}
			hosts := r.strings(args[0])
			if len(hosts) == 0 {
				return nil
			}
			origin := concat([]value{{text: scheme + "://", lit: true}}, hosts)
			base := []value{{text: "", lit: true}}
			if bs := r.strings(args[1]); len(bs) > 0 {
				base = bs
			}
			for _, b := range base {
				b.text = strings.TrimSuffix(b.text, "/")
				if b.text != "" && !strings.HasPrefix(b.text, "/") {
					b.text = "/" + b.text
				}
				out = appendValues(out, concat(origin, []value{b}))
			}
		}
	case *ssa.UnOp:
		if fa, ok := v.X.(*ssa.FieldAddr); ok {
			var fns []*ssa.Function
			var vals []ssa.Value
			for _, st := range r.fields[fieldKey(fa.X.Type(), fa.Field)] {
				if r.ok(st.fn) {
					fns, vals = append(fns, st.fn), append(vals, st.val)
				}
			}
			for _, val := range byCode(fns, vals) {
				out = appendValues(out, r.swaggerBases(val, depth+1))
			}
		}
	case *ssa.Parameter:
		idx := paramIndex(v)
		var fns []*ssa.Function
		var vals []ssa.Value
		for _, call := range r.callers[v.Parent()] {
			if args := call.Common().Args; r.ok(call.Parent()) && idx >= 0 && idx < len(args) {
				fns, vals = append(fns, call.Parent()), append(vals, args[idx])
			}
		}
		for _, val := range byCode(fns, vals) {
			out = appendValues(out, r.swaggerBases(val, depth+1))
		}
	}
	return out
}

// byCode returns the values the functions fns give, but for those a
// package's initializer gives where a function gives some: go-swagger's
// generated client package declares var Default = NewHTTPClient(nil), a
// client of DefaultHost that every program importing it makes, used or
// not, beside the one the program makes itself.
func byCode(fns []*ssa.Function, vals []ssa.Value) []ssa.Value {
	var code, init []ssa.Value
	for i, fn := range fns {
		if fn.Synthetic == "package initializer" {
			init = append(init, vals[i])
		} else {
			code = append(code, vals[i])
		}
	}
	if len(code) > 0 {
		return code
	}
	return init
}
