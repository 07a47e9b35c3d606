package services

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// A messaging wrapper often keeps its handlers in a map keyed by topic
// (b.handlers[subject] = h) and subscribes to each key later (for subject
// := range b.handlers), or routes by a map (b.nc.Publish(subjects[kind],
// data)). What a map holds is what the code puts into it: the keys and
// values of every m[k] = v on the same struct field or global, in
// whichever function of the service stores them, and of a map literal
// or local map in sight.

// A mapEntry is one m[k] = v.
type mapEntry struct {
	fn       *ssa.Function
	key, val ssa.Value
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
		return r.maps[name]
	}
	var out []mapEntry
	switch m := m.(type) {
	case *ssa.MakeMap:
		for _, ref := range *m.Referrers() {
			if u, ok := ref.(*ssa.MapUpdate); ok && u.Map == m {
				out = append(out, mapEntry{fn: u.Parent(), key: u.Key, val: u.Value})
			}
		}
	case *ssa.Phi:
		for _, e := range m.Edges {
			out = append(out, r.mapEntries(e, bind, depth-1, seen)...)
		}
	case *ssa.FreeVar:
		for _, b := range freeVarBindings(m) {
			out = append(out, r.mapEntries(b, bind, depth-1, seen)...)
		}
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
		for _, b := range r.entryBinds(e) {
			out = appendValues(out, r.resolve(v, b, depth-1, busy))
		}
	}
	return out
}

// entryBinds returns the bindings an entry is read under: one for each
// call of its function when it takes its key or value from the
// function's parameters (func Route(kind, subject string) {
// subjects[kind] = subject }), so that each call's key stays with that
// call's value.
func (r *resolver) entryBinds(e mapEntry) []map[*ssa.Parameter]ssa.Value {
	_, kp := e.key.(*ssa.Parameter)
	_, vp := e.val.(*ssa.Parameter)
	calls := r.callers[e.fn]
	if !kp && !vp || len(calls) == 0 {
		return []map[*ssa.Parameter]ssa.Value{nil}
	}
	var out []map[*ssa.Parameter]ssa.Value
	for _, call := range calls {
		if !r.ok(call.Parent()) {
			continue
		}
		args := call.Common().Args
		bind := make(map[*ssa.Parameter]ssa.Value, len(args))
		for i, p := range e.fn.Params {
			if i < len(args) {
				bind[p] = args[i]
			}
		}
		out = append(out, bind)
	}
	return out
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
		for _, b := range r.entryBinds(e) {
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
