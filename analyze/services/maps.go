package services

import (
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// A messaging wrapper often keeps its handlers in a map keyed by topic
// (b.handlers[subject] = h) and subscribes to each key later (for subject
// := range b.handlers), or routes by a map (b.nc.Publish(subjects[kind],
// data)). What a map holds is what the code puts into it: the keys and
// values of every m[k] = v on the same struct field or global, in
// whichever function of the service stores them, and of a map literal
// or local map in sight.

// A mapEntry is one m[k] = v. recv is the struct whose field m is, as
// the storing function sees it (a method's receiver), if it is one.
type mapEntry struct {
	fn       *ssa.Function
	key, val ssa.Value
	recv     ssa.Value
	// bind, when set, is the one binding the entry is read under: that
	// of the call whose result holds it (byTopic(topics) stores each of
	// that call's topics, not every caller's).
	bind map[*ssa.Parameter]ssa.Value
}

// mapOwner returns the struct a map read from a field belongs to.
func mapOwner(m ssa.Value) ssa.Value {
	switch m := m.(type) {
	case *ssa.UnOp:
		if a, ok := m.X.(*ssa.FieldAddr); ok && m.Op == token.MUL {
			return a.X
		}
	case *ssa.Field:
		return m.X
	}
	return nil
}

// literalEntries returns the entries of the map literals stored into a
// field or global (var routes = map[string]string{"a": "b"}).
func literalEntries(stores []stored) []mapEntry {
	var out []mapEntry
	for _, st := range stores {
		if mm, ok := st.val.(*ssa.MakeMap); ok {
			out = append(out, updatesOf(mm)...)
		}
	}
	return out
}

// updatesOf returns the entries the code stores into the map m itself.
func updatesOf(m ssa.Value) []mapEntry {
	var out []mapEntry
	if refs := m.Referrers(); refs != nil {
		for _, ref := range *refs {
			if u, ok := ref.(*ssa.MapUpdate); ok && u.Map == m {
				out = append(out, mapEntry{fn: u.Parent(), key: u.Key, val: u.Value})
			}
		}
	}
	return out
}

// mapName names the map a value reads when it is a struct field or a
// global: the key its entries are kept under in tables.maps.
func mapName(m ssa.Value) string {
	switch m := m.(type) {
	case *ssa.UnOp:
		if m.Op != token.MUL {
			return ""
		}
		switch a := m.X.(type) {
		case *ssa.FieldAddr:
			return fieldKey(a.X.Type(), a.Field)
		case *ssa.Global:
			return "global " + a.String()
		}
	case *ssa.Field:
		return fieldKey(m.X.Type(), m.Field)
	}
	return ""
}

// mapEntries returns the entries put into the map m holds.
func (r *resolver) mapEntries(m ssa.Value, bind map[*ssa.Parameter]ssa.Value, depth int, seen map[ssa.Value]bool) []mapEntry {
	if depth <= 0 || seen[m] {
		return nil
	}
	seen[m] = true
	if name := mapName(m); name != "" {
		out := r.maps[name]
		if u, ok := m.(*ssa.UnOp); ok {
			switch a := u.X.(type) {
			case *ssa.Global:
				out = append(slices.Clip(out), literalEntries(r.globals[a])...)
			case *ssa.FieldAddr:
				out = append(slices.Clip(out), literalEntries(r.fields[name])...)
				// A map handed to a constructor that keeps it
				// (&usecase{writers: writers}): its caller's, the
				// caller of the constructor that made this value when
				// that is known.
				for _, st := range r.fields[name] {
					if _, lit := st.val.(*ssa.MakeMap); lit || !r.ok(st.fn) {
						continue
					}
					if p, ok := st.val.(*ssa.Parameter); ok {
						out = append(out, r.handedMaps(p, a.X, depth-1, seen)...)
						continue
					}
					out = append(out, r.mapEntries(st.val, nil, depth-1, seen)...)
				}
			}
		}
		return r.copied(out, nil, depth, seen)
	}
	var out []mapEntry
	switch m := m.(type) {
	case *ssa.MakeMap:
		out = r.copied(updatesOf(m), bind, depth, seen)
	case *ssa.Phi:
		for _, e := range m.Edges {
			out = append(out, r.mapEntries(e, bind, depth-1, seen)...)
		}
	case *ssa.FreeVar:
		for _, b := range freeVarBindings(m) {
			out = append(out, r.mapEntries(b, bind, depth-1, seen)...)
		}
	case *ssa.UnOp:
		for _, v := range cellValues(m) {
			out = append(out, r.mapEntries(v, bind, depth-1, seen)...)
		}
	case *ssa.Call, *ssa.Extract:
		// byTopic(topics, keys): the map a function of the service's
		// code makes and returns, read under that call's arguments;
		// and what the caller puts in it after (m := build(); m[k] = v).
		for _, res := range results(m) {
			callee := res.call.Common().StaticCallee()
			if callee == nil || !r.ok(callee) {
				continue
			}
			cb := bindArgs(callee, res.call.Common().Args)
			for _, e := range r.mapEntries(res.v, cb, depth-1, seen) {
				if e.bind == nil && e.fn == callee {
					e.bind = cb
				}
				out = append(out, e)
			}
		}
		out = append(out, updatesOf(m)...)
	case *ssa.Parameter:
		if b, ok := bind[m]; ok {
			return r.mapEntries(b, nil, depth-1, seen)
		}
		idx := paramIndex(m)
		for _, call := range r.callers[m.Parent()] {
			if args := call.Common().Args; r.ok(call.Parent()) && idx >= 0 && idx < len(args) {
				out = append(out, r.mapEntries(args[idx], nil, depth-1, seen)...)
			}
		}
	}
	return out
}

// handedMaps returns the entries of the maps the callers of a
// constructor hand it as parameter p, which it keeps in a field of the
// struct it makes; of those calls, only the ones that made owner, when
// some did (a := newPub(ordersMap); b := newPub(auditMap): a's map is
// ordersMap).
func (r *resolver) handedMaps(p *ssa.Parameter, owner ssa.Value, depth int, seen map[ssa.Value]bool) []mapEntry {
	idx := paramIndex(p)
	calls := r.callers[p.Parent()]
	want := r.origins(owner, false, 4)
	mine := slices.ContainsFunc(calls, func(c ssa.CallInstruction) bool { return c.Value() != nil && want[c.Value()] })
	if want != nil && !mine {
		// The value was made by a call archie does not see (through a
		// function value): the calls it sees made other values.
		return nil
	}
	var out []mapEntry
	for _, call := range calls {
		args := call.Common().Args
		if !r.ok(call.Parent()) || idx < 0 || idx >= len(args) || mine && (call.Value() == nil || !want[call.Value()]) {
			continue
		}
		out = append(out, r.mapEntries(args[idx], nil, depth-1, seen)...)
	}
	return out
}

// copied replaces an entry that copies another map's (for k, v := range
// defaults { c.m[k] = v }) by that map's entries, so that each key keeps
// its value.
func (r *resolver) copied(entries []mapEntry, bind map[*ssa.Parameter]ssa.Value, depth int, seen map[ssa.Value]bool) []mapEntry {
	var out []mapEntry
	for _, e := range entries {
		k, kok := e.key.(*ssa.Extract)
		v, vok := e.val.(*ssa.Extract)
		if !kok || !vok || k.Tuple != v.Tuple || k.Index != 1 || v.Index != 2 {
			out = append(out, e)
			continue
		}
		if next, ok := k.Tuple.(*ssa.Next); ok && !next.IsString {
			if rng, ok := next.Iter.(*ssa.Range); ok {
				for _, src := range r.mapEntries(rng.X, bind, depth-1, seen) {
					src.recv = e.recv
					out = append(out, src)
				}
			}
		}
	}
	return out
}

// ranged resolves a key (index 1) or a value (index 2) of a range over a
// map.
func (r *resolver) ranged(next *ssa.Next, index int, bind map[*ssa.Parameter]ssa.Value, depth int, busy map[ssa.Value]bool) []value {
	rng, ok := next.Iter.(*ssa.Range)
	if !ok || next.IsString {
		return nil
	}
	var out []value
	for _, e := range r.mapEntries(rng.X, bind, depth, make(map[ssa.Value]bool)) {
		if !r.ok(e.fn) {
			continue
		}
		v := e.key
		if index == 2 {
			v = e.val
		}
		for _, b := range r.entryBinds(e, mapOwner(rng.X)) {
			out = appendValues(out, r.resolve(v, b, depth-1, busy))
		}
	}
	return out
}

// entryBinds returns the bindings an entry is read under: one for each
// call of its function (func Route(kind, name string) {
// subjects[strings.ToLower(kind)] = "orders." + name }), so that each
// call's key stays with that call's value; none for a function no call
// of the service reaches.
//
// owner is the struct the map read belongs to, when it is a field: a
// call that stores into another value of the type (two sets made by one
// constructor, one of topics, one of origins) is not read.
func (r *resolver) entryBinds(e mapEntry, owner ssa.Value) []map[*ssa.Parameter]ssa.Value {
	if e.bind != nil {
		return []map[*ssa.Parameter]ssa.Value{e.bind}
	}
	calls := r.callers[e.fn]
	if len(e.fn.Params) == 0 || len(calls) == 0 {
		return []map[*ssa.Parameter]ssa.Value{nil}
	}
	var want map[ssa.Value]bool
	if owner != nil {
		want = r.origins(owner, true, 4)
	}
	var out []map[*ssa.Parameter]ssa.Value
	for _, call := range calls {
		if !r.ok(call.Parent()) {
			continue
		}
		bind := bindArgs(e.fn, call.Common().Args)
		if p, ok := e.recv.(*ssa.Parameter); ok && want != nil && bind[p] != nil {
			if got := r.origins(bind[p], false, 4); got != nil && !intersects(want, got) {
				continue // another value of the type
			}
		}
		out = append(out, bind)
	}
	return out
}

// origins returns the values v may be made by: the calls and
// allocations it comes from, through parameters (each caller's argument)
// and phis; nil when one is not known (a field, a global). With made,
// a call of the program's also stands for what its function returns: a
// constructor's allocation fills every value it makes.
func (r *resolver) origins(v ssa.Value, made bool, depth int) map[ssa.Value]bool {
	out := make(map[ssa.Value]bool)
	var walk func(v ssa.Value, depth int) bool
	walk = func(v ssa.Value, depth int) bool {
		if depth <= 0 || len(out) > 64 {
			return false
		}
		switch v := v.(type) {
		case *ssa.Alloc, *ssa.MakeMap:
			out[v] = true
		case *ssa.Call:
			out[v] = true
			if callee := v.Common().StaticCallee(); made && callee != nil && callee.Blocks != nil {
				for _, b := range callee.Blocks {
					if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && len(ret.Results) > 0 {
						if a, ok := ret.Results[0].(*ssa.Alloc); ok {
							out[a] = true
						}
					}
				}
			}
		case *ssa.UnOp:
			// A local variable a closure shares: what is stored in it.
			cells := cellsOf(v.X)
			if v.Op != token.MUL || len(cells) == 0 {
				return false
			}
			for _, c := range cells {
				a, ok := c.(*ssa.Alloc)
				if !ok || a.Referrers() == nil {
					return false
				}
				for _, ref := range *a.Referrers() {
					if st, ok := ref.(*ssa.Store); ok && st.Addr == a && !walk(st.Val, depth-1) {
						return false
					}
				}
			}
		case *ssa.Extract:
			return walk(v.Tuple, depth)
		case *ssa.ChangeType:
			return walk(v.X, depth)
		case *ssa.MakeInterface:
			return walk(v.X, depth)
		case *ssa.Phi:
			for _, e := range v.Edges {
				if !walk(e, depth-1) {
					return false
				}
			}
		case *ssa.Parameter:
			idx := paramIndex(v)
			calls := r.callers[v.Parent()]
			if len(calls) == 0 {
				return false
			}
			for _, call := range calls {
				if args := call.Common().Args; r.ok(call.Parent()) && idx >= 0 && idx < len(args) {
					if !walk(args[idx], depth-1) {
						return false
					}
				}
			}
		default:
			return false
		}
		return true
	}
	if !walk(v, depth) {
		return nil
	}
	return out
}

func intersects(a, b map[ssa.Value]bool) bool {
	for v := range b {
		if a[v] {
			return true
		}
	}
	return false
}

// looked resolves m[k]: the values put under the keys k may hold, or
// every value put into m when k stays unknown.
func (r *resolver) looked(l *ssa.Lookup, bind map[*ssa.Parameter]ssa.Value, depth int, busy map[ssa.Value]bool) []value {
	if _, ok := l.X.Type().Underlying().(*types.Map); !ok {
		return nil
	}
	want := make(map[string]bool)
	for _, k := range r.resolve(l.Index, bind, depth-1, busy) {
		if !k.lit {
			want = nil
			break
		}
		want[k.text] = true
	}
	if len(want) == 0 {
		want = nil
	}
	var out []value
	for _, e := range r.mapEntries(l.X, bind, depth, make(map[ssa.Value]bool)) {
		if !r.ok(e.fn) {
			continue
		}
		for _, b := range r.entryBinds(e, mapOwner(l.X)) {
			if want != nil {
				match := false
				for _, k := range r.resolve(e.key, b, depth-1, busy) {
					match = match || k.lit && want[k.text]
				}
				if !match {
					continue
				}
			}
			out = appendValues(out, r.resolve(e.val, b, depth-1, busy))
		}
	}
	return out
}

// cellValues returns what is stored in the local variable a load reads,
// when it is one: a variable of the function's own, or one a closure
// shares (its free variable's cell in each function that makes it).
func cellValues(load *ssa.UnOp) []ssa.Value {
	if load.Op != token.MUL {
		return nil
	}
	var out []ssa.Value
	for _, c := range cellsOf(load.X) {
		a, ok := c.(*ssa.Alloc)
		if !ok || a.Referrers() == nil {
			continue
		}
		for _, ref := range *a.Referrers() {
			if st, ok := ref.(*ssa.Store); ok && st.Addr == a {
				out = append(out, st.Val)
			}
		}
	}
	return out
}

// cellsOf returns the cells a variable's address stands for: a local
// variable's own, or each cell a closure's free variable is bound to.
func cellsOf(addr ssa.Value) []ssa.Value {
	switch x := addr.(type) {
	case *ssa.Alloc:
		return []ssa.Value{x}
	case *ssa.FreeVar:
		return freeVarBindings(x)
	}
	return nil
}
