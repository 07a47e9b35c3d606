package services

import (
	"encoding/json"
	"go/types"
	"path"
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
