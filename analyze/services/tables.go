package services

import (
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// A service that keeps its routes in a table registers each row in a
// loop: mux.HandleFunc(ep.Method+" "+ep.Path, handlers[ep.Method+" "+
// ep.Path]), the table a slice literal of rows, the handlers a map
// literal keyed by the same text. Each row is one route, its parts read
// from that row, not from every row's; and the handler of each is the
// map's entry of its key.

// rowRoutes returns the routes a registration in a loop over a table
// makes, one per row, where the route is a concatenation whose varying
// parts are fields of one row (ep.Method + " " + ep.Path) and its other
// parts one text each; nil otherwise.
func (x *extractor) rowRoutes(v ssa.Value) []string {
	var parts []ssa.Value
	var split func(v ssa.Value)
	split = func(v ssa.Value) {
		if b, ok := v.(*ssa.BinOp); ok && b.Op == token.ADD {
			split(b.X)
			split(b.Y)
			return
		}
		parts = append(parts, v)
	}
	split(v)
	var row *ssa.IndexAddr
	fields := make([]int, len(parts))
	for i, p := range parts {
		fields[i] = -1
		r, f, ok := rowField(p)
		if !ok {
			continue
		}
		if row != nil && r != row {
			return nil // two rows' fields
		}
		row, fields[i] = r, f
	}
	if row == nil || rowsWritten(row.X) {
		return nil
	}
	fixed := make([]string, len(parts))
	for i, p := range parts {
		if fields[i] >= 0 {
			continue
		}
		vals := x.res.strings(p)
		if len(vals) != 1 {
			return nil
		}
		fixed[i] = vals[0].text
	}
	var out []string
	for _, arr := range x.res.tableArrays(row.X, make(map[ssa.Value]bool)) {
		for _, ref := range *arr.Referrers() {
			elem, ok := ref.(*ssa.IndexAddr)
			if !ok || elem.X != arr {
				continue
			}
			route := ""
			for i := range parts {
				if fields[i] < 0 {
					route += fixed[i]
					continue
				}
				f := storedField(elem, fields[i])
				if f == nil {
					return nil // a row whose field is set elsewhere
				}
				vals := x.res.strings(f)
				if len(vals) != 1 {
					return nil
				}
				route += vals[0].text
			}
			out = append(out, route)
		}
	}
	return out
}

// keyedHandler returns the handler a map gives a route where the handler
// registered is the map's entry of the route's own text (h, ok :=
// handlers[key]; mux.HandleFunc(key, h)) and the map is a literal whose
// entry of that text is known; else the handler as registered.
func (x *extractor) keyedHandler(h, route ssa.Value, text string) ssa.Value {
	v := h
	for {
		switch w := v.(type) {
		case *ssa.ChangeType:
			v = w.X
			continue
		case *ssa.Extract:
			if w.Index == 0 {
				v = w.Tuple
				continue
			}
		}
		break
	}
	look, ok := v.(*ssa.Lookup)
	if !ok || look.Index != route {
		return h
	}
	var found ssa.Value
	for _, m := range x.mapLiterals(look.X, 3) {
		for _, ref := range *m.Referrers() {
			up, ok := ref.(*ssa.MapUpdate)
			if !ok || up.Map != m {
				continue
			}
			k, ok := up.Key.(*ssa.Const)
			if !ok || k.Value == nil || k.Value.Kind() != constant.String || constant.StringVal(k.Value) != text {
				continue
			}
			if found != nil && found != up.Value {
				return h // two maps give the route two handlers
			}
			found = up.Value
		}
	}
	if found == nil {
		return h
	}
	return found
}

// mapLiterals returns the map literals a map value may be: made where it
// is, or handed in by the callers of the function whose parameter it is,
// up to depth calls up. A map from elsewhere gives none.
func (x *extractor) mapLiterals(v ssa.Value, depth int) []*ssa.MakeMap {
	switch w := v.(type) {
	case *ssa.MakeMap:
		if _, ok := w.Type().Underlying().(*types.Map); ok {
			return []*ssa.MakeMap{w}
		}
	case *ssa.Parameter:
		if depth == 0 {
			return nil
		}
		var out []*ssa.MakeMap
		idx := paramIndex(w)
		for _, c := range x.res.callersIn(w.Parent()) {
			if args := c.Common().Args; idx >= 0 && idx < len(args) {
				out = append(out, x.mapLiterals(args[idx], depth-1)...)
			}
		}
		return out
	}
	return nil
}

// rowsWritten reports whether the function that reads a table's rows may
// also write them (ep.Path = "/v2" + ep.Path, eps[i] = …): the table's
// literal is then not what it registers.
func rowsWritten(table ssa.Value) bool {
	refs := table.Referrers()
	if refs == nil {
		return true
	}
	for _, ref := range *refs {
		ia, ok := ref.(*ssa.IndexAddr)
		if !ok || ia.Referrers() == nil {
			continue
		}
		for _, use := range *ia.Referrers() {
			switch u := use.(type) {
			case *ssa.UnOp:
				if u.Op != token.MUL {
					return true
				}
			case *ssa.FieldAddr:
				if u.Referrers() == nil {
					continue
				}
				for _, fu := range *u.Referrers() {
					if l, ok := fu.(*ssa.UnOp); !ok || l.Op != token.MUL {
						return true
					}
				}
			case *ssa.DebugRef:
			default:
				return true
			}
		}
	}
	return false
}
