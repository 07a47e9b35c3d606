package services

import (
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// handlerFuncs returns the functions that serve requests for a handler
// argument: a function, a closure, a method value, http.HandlerFunc(f), a
// value whose ServeHTTP serves; the handlers a middleware wraps (auth(h),
// http.TimeoutHandler(h, d, msg), otelhttp.NewHandler(h, "op"), alice's
// chain.Then(h)) with the closure a middleware of the program returns;
// what a handler constructor of the program returns (go-zero's
// XHandler(svcCtx)). What these call through interfaces is the walk's to
// follow (reachers).
func (x *extractor) handlerFuncs(v ssa.Value) []*ssa.Function {
	var out []*ssa.Function
	for _, fn := range x.handlerValues(v, 6, make(map[ssa.Value]bool)) {
		if !slices.Contains(out, fn) {
			out = append(out, fn)
		}
	}
	return out
}

func (x *extractor) handlerValues(v ssa.Value, depth int, busy map[ssa.Value]bool) []*ssa.Function {
	if v == nil || depth == 0 || busy[v] {
		return nil
	}
	busy[v] = true
	switch w := v.(type) {
	case *ssa.Function:
		return []*ssa.Function{w}
	case *ssa.MakeClosure:
		return []*ssa.Function{w.Fn.(*ssa.Function)}
	case *ssa.Slice: // gin's handlers ...HandlerFunc
		var out []*ssa.Function
		for _, e := range sliceElems(w.X) {
			out = append(out, x.handlerValues(e, depth-1, busy)...)
		}
		return out
	case *ssa.ChangeType:
		if isTypeParam(w.X) {
			return x.implementations(w.Type())
		}
		return x.handlerValues(w.X, depth, busy)
	case *ssa.Convert:
		return x.handlerValues(w.X, depth, busy)
	case *ssa.ChangeInterface:
		return x.handlerValues(w.X, depth, busy)
	case *ssa.MakeInterface:
		if isTypeParam(w.X) {
			return x.implementations(w.Type())
		}
		// A type of the program serves with the methods the interface
		// asks of it (ServeHTTP), not its others; a func type with a
		// ServeHTTP method (type appHandler func(…) error) serves with
		// the function it holds as well.
		var out []*ssa.Function
		iface, _ := w.Type().Underlying().(*types.Interface)
		for _, m := range x.prog.methods(w.X.Type()) {
			if iface == nil || hasMethod(iface, m.Name()) {
				out = append(out, m)
			}
		}
		// A library's handler (a *httputil.ReverseProxy) serves with its
		// ServeHTTP, whose body archie does not read: the calls made
		// there (a proxy's, see proxyCall) are this route's.
		if len(out) == 0 && iface != nil && hasMethod(iface, "ServeHTTP") {
			if m := x.libraryMethod(w.X.Type(), "ServeHTTP"); m != nil {
				out = append(out, m)
			}
		}
		return append(out, x.handlerValues(w.X, depth, busy)...)
	case *ssa.Phi:
		var out []*ssa.Function
		for _, e := range w.Edges {
			out = append(out, x.handlerValues(e, depth-1, busy)...)
		}
		return out
	case *ssa.Call:
		if b, ok := w.Common().Value.(*ssa.Builtin); ok && b.Name() == "append" {
			// append(middlewares(), handler)..., as Hertz's hz writes
			// each route.
			var out []*ssa.Function
			for _, a := range w.Common().Args {
				out = append(out, x.handlerValues(a, depth-1, busy)...)
			}
			return out
		}
		return x.wrapped(w, depth-1, busy)
	case *ssa.Parameter:
		// A helper's parameter is the argument of the caller the route
		// is recorded for (helperSites), or the one argument its only
		// caller passes.
		if b, ok := x.bind[w]; ok {
			return x.handlerValues(b, depth-1, busy)
		}
		if calls := x.callersOf(w.Parent()); len(calls) == 1 {
			if i := paramIndex(w); i < len(calls[0].Common().Args) {
				return x.handlerValues(calls[0].Common().Args[i], depth-1, busy)
			}
		}
	case *ssa.FreeVar:
		var out []*ssa.Function
		for _, b := range freeVarBindings(w) {
			out = append(out, x.handlerValues(b, depth-1, busy)...)
		}
		return out
	case *ssa.UnOp:
		// A handler kept in a struct's field (NewCartHandler stores
		// forwardWithProxy(…) in forward; routes take h.forward): what
		// the service's code stores there.
		if fa, ok := w.X.(*ssa.FieldAddr); ok && w.Op.String() == "*" {
			return x.storedHandlers(fa.X.Type(), fa.Field, depth, busy)
		}
	case *ssa.Field:
		return x.storedHandlers(w.X.Type(), w.Field, depth, busy)
	}
	return nil
}

// storedHandlers returns the handler the service's code stores in a
// field of a struct type, when it stores one value there. The stores are
// the type's, not one value's: a table of routes, each row's handler in
// the field, would give every route every row's.
func (x *extractor) storedHandlers(t types.Type, field int, depth int, busy map[ssa.Value]bool) []*ssa.Function {
	var val ssa.Value
	for _, st := range x.res.fields[fieldKey(t, field)] {
		if !x.res.ok(st.fn) {
			continue
		}
		if st.call != nil || val != nil && val != st.val {
			return nil
		}
		val = st.val
	}
	if val == nil {
		return nil
	}
	return x.handlerValues(val, depth-1, busy)
}

// calleeParamInterface returns the interface type of the parameter that operand
// i of a static call's operands (receiver first, for a method) is passed
// as, or nil.
func calleeParamInterface(callee *ssa.Function, i int) *types.Interface {
	sig := callee.Signature
	if sig.Recv() != nil {
		i-- // the receiver
	}
	if i < 0 || i >= sig.Params().Len() {
		return nil
	}
	iface, _ := sig.Params().At(i).Type().Underlying().(*types.Interface)
	return iface
}

// programTypes returns the types of the program an interface value was
// made from, where the code shows it: converted here, or returned so by a
// function of the program (NewExecutableSchema(cfg)).
func (x *extractor) programTypes(v ssa.Value, depth int) []types.Type {
	if depth == 0 {
		return nil
	}
	switch w := v.(type) {
	case *ssa.MakeInterface:
		if named := namedOf(w.X.Type()); named != nil && x.prog.sourceTypes[named.Pkg()] {
			return []types.Type{w.X.Type()}
		}
	case *ssa.Call:
		callee := w.Common().StaticCallee()
		if callee == nil || callee.Blocks == nil || !x.prog.source[callee.Pkg] {
			return nil
		}
		var out []types.Type
		for _, b := range callee.Blocks {
			if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && len(ret.Results) == 1 {
				out = append(out, x.programTypes(ret.Results[0], depth-1)...)
			}
		}
		return out
	}
	return nil
}

func hasMethod(iface *types.Interface, name string) bool {
	for i := range iface.NumMethods() {
		if iface.Method(i).Name() == name {
			return true
		}
	}
	return false
}

// wrapped returns the handlers behind one a call makes: the arguments and
// receiver of a handler type that it wraps, and, when the function called
// is the program's, the handlers it returns. A library's handler made
// from a value of the program (gqlgen's handler.GraphQL of the generated
// executable schema, which calls the resolvers) serves with that value's
// exported methods.
func (x *extractor) wrapped(c *ssa.Call, depth int, busy map[ssa.Value]bool) []*ssa.Function {
	common := c.Common()
	ops := common.Args
	if common.IsInvoke() {
		ops = append([]ssa.Value{common.Value}, ops...)
	}
	callee := common.StaticCallee()
	library := callee != nil && !x.prog.source[callee.Pkg]
	var out []*ssa.Function
	for i, a := range ops {
		if wraps(a.Type(), c.Type()) {
			out = append(out, x.handlerValues(a, depth, busy)...)
		} else if library {
			// Only the methods the library's parameter asks for: those
			// are what it may call (gqlgen's ExecutableSchema.Exec), not
			// the value's others (a checker's background Refresh).
			iface := calleeParamInterface(callee, i)
			if iface == nil {
				continue
			}
			for _, t := range x.programTypes(a, 3) {
				for _, m := range x.prog.methods(t) {
					if hasMethod(iface, m.Name()) {
						out = append(out, m)
					}
				}
			}
		}
	}
	if callee != nil && callee.Blocks != nil && x.prog.source[callee.Pkg] {
		for _, b := range callee.Blocks {
			if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && len(ret.Results) == 1 {
				out = append(out, x.handlerValues(ret.Results[0], depth, busy)...)
			}
		}
	}
	return out
}

// wraps reports whether an argument of type t to a call that returns a
// handler of type h is a handler the call wraps: a net/http handler, or
// a value of h's own func or interface type (echo's
// func(next echo.HandlerFunc) echo.HandlerFunc).
func wraps(t, h types.Type) bool {
	if httpHandler(t) {
		return true
	}
	switch h.Underlying().(type) {
	case *types.Signature, *types.Interface:
		return types.Identical(t.Underlying(), h.Underlying())
	}
	return false
}

// httpHandler reports whether values of type t serve HTTP as net/http
// means it: a func(http.ResponseWriter, *http.Request) or a type with
// that ServeHTTP method.
func httpHandler(t types.Type) bool {
	if sig, ok := t.Underlying().(*types.Signature); ok {
		return handlerSignature(sig)
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "ServeHTTP")
	if fn, ok := obj.(*types.Func); ok {
		return handlerSignature(fn.Type().(*types.Signature))
	}
	return false
}

func handlerSignature(sig *types.Signature) bool {
	return sig.Params().Len() == 2 && sig.Results().Len() == 0 &&
		types.TypeString(sig.Params().At(0).Type(), nil) == "net/http.ResponseWriter" &&
		types.TypeString(sig.Params().At(1).Type(), nil) == "*net/http.Request"
}

// callersOf returns the static calls of fn within the service walked.
func (x *extractor) callersOf(fn *ssa.Function) []ssa.CallInstruction {
	var out []ssa.CallInstruction
	for _, c := range x.res.callers[fn] {
		if x.res.ok(c.Parent()) {
			out = append(out, c)
		}
	}
	return out
}

// freeVarBindings returns what the closures of v's function capture as v.
func freeVarBindings(v *ssa.FreeVar) []ssa.Value {
	fn := v.Parent()
	idx := -1
	for i, fv := range fn.FreeVars {
		if fv == v {
			idx = i
		}
	}
	var out []ssa.Value
	for _, ref := range referrersOf(fn) {
		if mc, ok := ref.(*ssa.MakeClosure); ok && idx >= 0 && idx < len(mc.Bindings) {
			out = append(out, mc.Bindings[idx])
		}
	}
	return out
}

// methodsOf returns the methods of the concrete value behind v, an
// interface argument such as the server implementation given to
// Register…Server.
func (x *extractor) methodsOf(v ssa.Value) []*ssa.Function {
	return x.methodsBehind(v, 4)
}

func (x *extractor) methodsBehind(v ssa.Value, depth int) []*ssa.Function {
	if depth == 0 {
		return nil
	}
	switch w := v.(type) {
	case *ssa.MakeInterface:
		if !isTypeParam(w.X) {
			return x.prog.methods(w.X.Type())
		}
		return x.implementations(w.Type())
	case *ssa.ChangeType:
		if !isTypeParam(w.X) {
			return nil
		}
		return x.implementations(w.Type())
	case *ssa.ChangeInterface:
		return x.methodsBehind(w.X, depth-1)
	case *ssa.Call:
		// A constructor of the program: the types it returns.
		if callee := w.Common().StaticCallee(); callee != nil && callee.Blocks != nil && x.prog.source[callee.Pkg] {
			var out []*ssa.Function
			for _, b := range callee.Blocks {
				if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && len(ret.Results) == 1 {
					ms := x.methodsBehind(ret.Results[0], depth-1)
					if ms == nil {
						return x.implementations(v.Type())
					}
					out = append(out, ms...)
				}
			}
			if out != nil {
				return out
			}
		}
		return x.implementations(v.Type())
	case *ssa.UnOp, *ssa.Parameter, *ssa.Phi, *ssa.FieldAddr:
		// The concrete type is behind a variable or a parameter: take
		// every type of the program that implements the interface.
		return x.implementations(v.Type())
	}
	return nil
}
