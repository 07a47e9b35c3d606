package services

import (
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// A publisher that takes any event and sends it under the event's own key
// (ch.Publish(exchange, e.Key())) reaches, through the interface, the Key
// method of every event type of the program; what it publishes are the
// keys of the events its callers hand it. A heldWalk follows an interface
// value back to the concrete types converted to it, and mayRun keeps the
// methods of those types only. Everything here answers "not known" rather
// than guess: a way in that is not followed keeps every implementation.

// heldSteps bounds the values one heldWalk visits: past it, what
// the value holds is not known.
const heldSteps = 400

// mayRun narrows the methods a call through an interface may run to
// those of the types its value may hold (heldWalk). Where what it holds
// is not known, or a held type's method is not among impls (an instance
// of a generic type's, a library's), all of them stay.
func (r *resolver) mayRun(c *ssa.CallCommon, impls []*ssa.Function, bind map[*ssa.Parameter]ssa.Value) []*ssa.Function {
	held, known := r.heldTypes(c.Value, bind)
	if !known {
		return impls
	}
	run := make(map[types.Object]bool)
	for _, t := range held {
		m := r.prog.method(t, c.Method.Name())
		if m == nil || !slices.ContainsFunc(impls, func(i *ssa.Function) bool { return i.Object() == m.Object() }) {
			return impls
		}
		run[m.Object()] = true
	}
	return slices.DeleteFunc(slices.Clone(impls), func(m *ssa.Function) bool { return !run[m.Object()] })
}

// A heldResult is what an interface value holds, as heldWalk found it.
type heldResult struct {
	types []types.Type
	known bool
}

// heldTypes returns what an interface value may hold (heldWalk.types),
// kept for the service being walked where no binding of the call being
// read bears on it.
func (r *resolver) heldTypes(v ssa.Value, bind map[*ssa.Parameter]ssa.Value) ([]types.Type, bool) {
	memo := bind == nil && r.within != nil
	if memo {
		if h, ok := r.held[v]; ok {
			return h.types, h.known
		}
	}
	w := &heldWalk{r: r, onPath: make(map[ssa.Value]bool)}
	ts, known := w.types(v, bind, 6)
	if memo {
		if r.held == nil {
			r.held = make(map[ssa.Value]heldResult)
		}
		r.held[v] = heldResult{ts, known}
	}
	return ts, known
}

// A heldWalk is one question of what an interface value holds: the
// values on the path being followed, and the steps taken.
type heldWalk struct {
	r      *resolver
	onPath map[ssa.Value]bool
	steps  int
}

// types returns the concrete types an interface value may hold, as far as
// the code shows it: the types converted to it where it is made, followed
// through parameters to every call that passes one (a method called
// through an interface only where that call's receiver may be the
// method's), fields to every store, returns, phis and the variables
// closures share. known is false where any way in is not followed: a
// function used as a value, a method's value or expression, a field whose
// address is handed on or that a whole-struct store writes, a generic
// type's field, a call through an interface, more than depth steps.
func (w *heldWalk) types(v ssa.Value, bind map[*ssa.Parameter]ssa.Value, depth int) (held []types.Type, known bool) {
	if depth <= 0 || w.steps >= heldSteps {
		return nil, false
	}
	if w.onPath[v] {
		return nil, true // a cycle adds nothing to what its entry brings
	}
	w.steps++
	w.onPath[v] = true
	defer delete(w.onPath, v)
	r := w.r
	union := func(vs []ssa.Value, bind map[*ssa.Parameter]ssa.Value) ([]types.Type, bool) {
		if len(vs) == 0 {
			return nil, false
		}
		var out []types.Type
		for _, x := range vs {
			ts, ok := w.types(x, bind, depth-1)
			if !ok {
				return nil, false
			}
			out = append(out, ts...)
		}
		return out, true
	}
	switch x := v.(type) {
	case *ssa.MakeInterface:
		return []types.Type{x.X.Type()}, true
	case *ssa.ChangeInterface:
		return w.types(x.X, bind, depth)
	case *ssa.TypeAssert:
		if types.IsInterface(x.AssertedType) {
			return w.types(x.X, bind, depth)
		}
		return []types.Type{x.AssertedType}, true
	case *ssa.Const:
		return nil, x.IsNil()
	case *ssa.Phi:
		return union(x.Edges, bind)
	case *ssa.FreeVar:
		return union(freeVarBindings(x), bind)
	case *ssa.UnOp:
		if x.Op != token.MUL {
			return nil, false
		}
		fa, ok := x.X.(*ssa.FieldAddr)
		if !ok {
			// A local variable, or one a closure shares: what the
			// code stores in it, where nothing else has its address.
			var vals []ssa.Value
			for _, c := range cellsOf(x.X) {
				a, ok := c.(*ssa.Alloc)
				if !ok {
					return nil, false
				}
				stored, ok := cellStores(a)
				if !ok {
					return nil, false
				}
				vals = append(vals, stored...)
			}
			return union(vals, bind)
		}
		key := fieldKey(fa.X.Type(), fa.Field)
		if r.fieldsEscaped[key] || genericStruct(fa.X.Type()) || r.libraryStruct(fa.X.Type()) {
			return nil, false
		}
		var vals []ssa.Value
		for _, st := range r.fields[key] {
			if r.ok(st.fn) {
				vals = append(vals, st.val)
			}
		}
		return union(vals, nil)
	case *ssa.Extract:
		if c, ok := x.Tuple.(*ssa.Call); ok {
			return w.returned(c.Common(), x.Index, depth)
		}
	case *ssa.Call:
		return w.returned(x.Common(), 0, depth)
	case *ssa.Parameter:
		if b, ok := bind[x]; ok {
			return w.types(b, nil, depth-1)
		}
		fn := x.Parent()
		if r.valued[fn] || r.methodValues[fn] || len(r.handedTo[fn]) > 0 || r.libraryMayCall(fn) || w.thunkMayCall(fn, depth) ||
			fn.Signature.Recv() != nil && r.embedded[namedOf(fn.Signature.Recv().Type())] {
			return nil, false
		}
		idx := paramIndex(x)
		var args []ssa.Value
		for _, call := range r.callers[fn] {
			if a := call.Common().Args; r.ok(call.Parent()) && idx < len(a) {
				args = append(args, a[idx])
			}
		}
		for _, call := range r.invokersOf(fn) {
			a := call.Common().Args
			if !r.ok(call.Parent()) || idx < 1 || idx-1 >= len(a) {
				continue
			}
			if recv, ok := w.types(call.Common().Value, nil, depth-1); ok && !slices.ContainsFunc(recv, func(t types.Type) bool {
				// A type whose methods archie does not list (one
				// declared in a function) may be fn's receiver.
				m := r.prog.method(t, fn.Name())
				return m == nil || m.Object() == fn.Object()
			}) {
				continue // the call's receiver is never fn's
			}
			args = append(args, a[idx-1])
		}
		return union(args, nil)
	}
	return nil, false
}

// returned returns the types the i-th result of a static call to the
// program's own code may hold.
func (w *heldWalk) returned(c *ssa.CallCommon, i int, depth int) ([]types.Type, bool) {
	callee := c.StaticCallee()
	if callee == nil || callee.Blocks == nil || !w.r.prog.source[callee.Pkg] {
		return nil, false
	}
	var out []types.Type
	returns := false
	for _, b := range callee.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || i >= len(ret.Results) {
			continue
		}
		returns = true
		ts, ok := w.types(ret.Results[i], nil, depth-1)
		if !ok {
			return nil, false
		}
		out = append(out, ts...)
	}
	return out, returns
}

// genericStruct reports whether a field's struct is a generic type's
// (Holder[T], or its instance Holder[int]): its stores are recorded under
// the type they are made with, which need not be the one read.
func genericStruct(ptr types.Type) bool {
	n, ok := types.Unalias(deref(ptr)).(*types.Named)
	return ok && (n.TypeParams().Len() > 0 || n.TypeArgs().Len() > 0)
}

// libraryStruct reports whether a field's struct is a type of code
// archie does not read, whose own stores into it it does not see.
func (r *resolver) libraryStruct(ptr types.Type) bool {
	n := namedOf(ptr)
	return n != nil && !r.prog.sourceTypes[n.Pkg()]
}

// libraryMayCall reports whether code archie does not read may call
// method fn: its receiver's type is converted to an interface a library
// declares with a method of fn's name, or to one without methods, which
// a library may assert to its own or call through reflection; or it is a
// type argument of a library's generic function or type, whose code may
// call its methods.
func (r *resolver) libraryMayCall(fn *ssa.Function) bool {
	recv := fn.Signature.Recv()
	if recv == nil {
		return false
	}
	if r.libraryTypeArgs[namedOf(recv.Type())] {
		return true
	}
	return slices.ContainsFunc(r.convertedTo[namedOf(recv.Type())], func(t types.Type) bool {
		it, ok := t.Underlying().(*types.Interface)
		if !ok {
			return false
		}
		if it.NumMethods() == 0 {
			return true
		}
		if named := namedOf(t); named != nil && r.prog.sourceTypes[named.Pkg()] {
			return false
		}
		for i := range it.NumMethods() {
			if it.Method(i).Name() == fn.Name() {
				return true
			}
		}
		return false
	})
}

// cellStores returns the values stored in a local variable's cell, by its
// function and by the closures that share it; ok is false where its
// address goes anywhere else (a call that may store through it).
func cellStores(a *ssa.Alloc) (vals []ssa.Value, ok bool) {
	var walk func(addr ssa.Value) bool
	walk = func(addr ssa.Value) bool {
		refs := addr.Referrers()
		if refs == nil {
			return false
		}
		for _, ref := range *refs {
			switch in := ref.(type) {
			case *ssa.Store:
				if in.Addr != addr {
					return false // the address itself stored away
				}
				vals = append(vals, in.Val)
			case *ssa.UnOp:
				if in.Op != token.MUL {
					return false
				}
			case *ssa.DebugRef:
			case *ssa.MakeClosure:
				fn := in.Fn.(*ssa.Function)
				for i, b := range in.Bindings {
					if b == addr && (i >= len(fn.FreeVars) || !walk(fn.FreeVars[i])) {
						return false
					}
				}
			default:
				return false
			}
		}
		return true
	}
	return vals, walk(a)
}

// noteEscapes records, while the resolver reads a function's instruction,
// the fields whose address goes somewhere other than a load or a store
// into it (set(&h.e), return &h.e), and those of a struct stored whole
// through a pointer (*h = holder(h2)): their stores are not all seen.
// And the methods the code takes as values: a method's value (p.Send)
// runs it from wherever the value goes, a method expression
// (Producer.Send) any method of its name.
func (r *resolver) noteEscapes(instr ssa.Instruction, rands []*ssa.Value) {
	switch in := instr.(type) {
	case *ssa.FieldAddr:
		if refs := in.Referrers(); refs != nil {
			for _, ref := range *refs {
				switch u := ref.(type) {
				case *ssa.Store:
					if u.Addr == in {
						continue
					}
				case *ssa.UnOp:
					if u.Op == token.MUL {
						continue
					}
				case *ssa.DebugRef:
					continue
				}
				r.escapeField(fieldKey(in.X.Type(), in.Field))
				break
			}
		}
	case *ssa.MakeInterface:
		// A struct made an interface value: a library handed a pointer
		// to it as an any may write its interface fields (reflection,
		// as DI containers do), and calls through the interface may run
		// the methods it promotes from what it embeds, through wrappers
		// archie does not list as callers.
		t := in.X.Type()
		it, _ := in.Type().Underlying().(*types.Interface)
		if st, ok := deref(t).Underlying().(*types.Struct); ok {
			for i := range st.NumFields() {
				f := st.Field(i)
				if isPointer(t) && it != nil && it.Empty() && types.IsInterface(f.Type()) {
					r.escapeField(fieldKey(t, i))
				}
				if f.Embedded() {
					if n := namedOf(f.Type()); n != nil {
						if r.embedded == nil {
							r.embedded = make(map[*types.TypeName]bool)
						}
						r.embedded[n] = true
					}
				}
			}
		}
	case *ssa.Store:
		if _, field := in.Addr.(*ssa.FieldAddr); field {
			return
		}
		if st, ok := in.Val.Type().Underlying().(*types.Struct); ok {
			for i := range st.NumFields() {
				r.escapeField(fieldKey(in.Addr.Type(), i))
			}
		}
	}
	if c, ok := instr.(ssa.CallInstruction); ok {
		// bus.Retry[*prod](ctx, p, e), pool.Do on a *lib.Pool[*prod]:
		// the library's generic code may call *prod's methods.
		if callee := c.Common().StaticCallee(); callee != nil && !r.prog.sourceTypes[funcPkg(callee)] {
			args := slices.Clone(callee.TypeArgs())
			if recv := callee.Signature.Recv(); recv != nil {
				if n, ok := types.Unalias(deref(recv.Type())).(*types.Named); ok {
					for t := range n.TypeArgs().Types() {
						args = append(args, t)
					}
				}
			}
			for _, t := range args {
				if n := namedOf(t); n != nil {
					if r.libraryTypeArgs == nil {
						r.libraryTypeArgs = make(map[*types.TypeName]bool)
					}
					r.libraryTypeArgs[n] = true
				}
			}
		}
	}
	for _, op := range rands {
		if g, ok := (*op).(*ssa.Global); ok {
			// A global's loads, and whether its address goes to
			// anything but a load or a store into it (tableArray).
			switch in := instr.(type) {
			case *ssa.UnOp:
				if in.Op == token.MUL {
					if r.globalLoads == nil {
						r.globalLoads = make(map[*ssa.Global][]*ssa.UnOp)
					}
					r.globalLoads[g] = append(r.globalLoads[g], in)
					continue
				}
			case *ssa.Store:
				if in.Addr == g {
					continue
				}
			}
			if r.globalEscaped == nil {
				r.globalEscaped = make(map[*ssa.Global]bool)
			}
			r.globalEscaped[g] = true
			continue
		}
		f, ok := (*op).(*ssa.Function)
		if !ok || f.Synthetic == "" {
			continue
		}
		if m := boundMethod(f); m != nil {
			// p.Send, or (*T).Send: that method.
			if r.methodValues == nil {
				r.methodValues = make(map[*ssa.Function]bool)
			}
			r.methodValues[m] = true
		} else if iface := boundInterface(f); iface != nil {
			// Producer.Send, or p.Send with p a Producer: a call
			// through the interface, to the method of the name of
			// what p holds, or of any type it may hold.
			t := thunk{iface: iface}
			if mc, ok := instr.(*ssa.MakeClosure); ok && mc.Fn == f && len(mc.Bindings) > 0 {
				t.recv = mc.Bindings[0]
			}
			if r.thunks == nil {
				r.thunks = make(map[string][]thunk)
			}
			name, _, _ := strings.Cut(f.Name(), "$")
			r.thunks[name] = append(r.thunks[name], t)
		}
	}
}

// boundInterface returns the interface a synthetic function calls its
// method through: a method expression's (Producer.Send), its first
// parameter's, or an interface's method value's (p.Send), its bound
// receiver's. nil for any other function.
func boundInterface(f *ssa.Function) types.Type {
	var t types.Type
	switch {
	case methodThunk(f) && len(f.Params) > 0:
		t = f.Params[0].Type()
	case strings.HasPrefix(f.Synthetic, "bound method wrapper") && len(f.FreeVars) > 0:
		t = f.FreeVars[0].Type()
	default:
		return nil
	}
	if !types.IsInterface(t) {
		return nil
	}
	return t
}

// A thunk is an interface's method taken as a value: its interface, and
// the value a method value binds (nil for a method expression).
type thunk struct {
	iface types.Type
	recv  ssa.Value
}

// thunkMayCall reports whether method fn may run from an interface's
// method value or expression (thunks), whose calls archie does not
// follow: one whose bound value may hold fn's receiver.
func (w *heldWalk) thunkMayCall(fn *ssa.Function, depth int) bool {
	recv := fn.Signature.Recv()
	if recv == nil {
		return false
	}
	return slices.ContainsFunc(w.r.thunks[fn.Name()], func(t thunk) bool {
		if !w.r.mayHold(t.iface, recv.Type()) {
			return false
		}
		if t.recv == nil {
			return true
		}
		held, known := w.types(t.recv, nil, depth-1)
		return !known || slices.ContainsFunc(held, func(h types.Type) bool {
			m := w.r.prog.method(h, fn.Name())
			return m == nil || m.Object() == fn.Object()
		})
	})
}

func (r *resolver) escapeField(key string) {
	if r.fieldsEscaped == nil {
		r.fieldsEscaped = make(map[string]bool)
	}
	r.fieldsEscaped[key] = true
}
