package services

import (
	"go/constant"
	"go/token"

	"golang.org/x/tools/go/ssa"
)

// A service that keeps its routes in a table registers each row in a
// loop: mux.HandleFunc(ep.Method+" "+ep.Path, handlers[ep.Method+" "+
// ep.Path]), the table a slice literal of rows, the handlers a map
// literal keyed by the same text. Each row is one route, its parts read
// from that row, not from every row's; and the handler of each is the
// map's entry of its key. Both hold only where nothing else may change
// the rows or the map: a table or a map written anywhere but where it
// is made gives no route and no handler more than before.

// rowRoutes returns the routes a registration in a loop over a table
// makes, one per row, where the route is a concatenation whose varying
// parts are fields of one row (ep.Method + " " + ep.Path) and its other
// parts one text each; nil otherwise. bind gives the table a helper is
// handed by the call being read.
func (x *extractor) rowRoutes(v ssa.Value, bind map[*ssa.Parameter]ssa.Value) []string {
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
		if row != nil && r != row || copyWritten(p) {
			return nil // two rows' fields, or a row's copy changed
		}
		row, fields[i] = r, f
	}
	if row == nil || !everyRowRegistered(row, v) {
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
	arr := x.tableArray(row.X, bind, 3)
	if arr == nil || arr.Referrers() == nil {
		return nil
	}
	var out []string
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
	return out
}

// tableArray returns the array literal a table of rows is, whole: the
// slice made of it where the table is made, a global's one value, or the
// table the call being read (bind) or a function's one caller hands it.
// nil where it may be another, a part of one (table[1:]), or written
// after it is made (rowsWritten), up to depth calls up.
func (x *extractor) tableArray(v ssa.Value, bind map[*ssa.Parameter]ssa.Value, depth int) *ssa.Alloc {
	return x.tableArrayVia(v, bind, depth, nil)
}

func (x *extractor) tableArrayVia(v ssa.Value, bind map[*ssa.Parameter]ssa.Value, depth int, via *ssa.Function) *ssa.Alloc {
	if rowsWritten(v) || !tableOnlyRead(v, via) {
		return nil
	}
	switch w := v.(type) {
	case *ssa.Slice:
		a, ok := w.X.(*ssa.Alloc)
		if !ok || w.Low != nil || w.High != nil || w.Max != nil || !oneStorePerRow(a, w) {
			return nil
		}
		return a
	case *ssa.UnOp:
		g, ok := w.X.(*ssa.Global)
		if !ok || w.Op != token.MUL || len(x.res.globals[g]) != 1 || x.res.globalEscaped[g] {
			return nil
		}
		// Every load of the global: none may write a row, nor hand
		// the table to anything but the call followed.
		for _, load := range x.res.globalLoads[g] {
			if rowsWritten(load) || load != w && !tableOnlyRead(load, via) {
				return nil
			}
		}
		return x.tableArrayVia(x.res.globals[g][0].val, nil, depth, nil)
	case *ssa.Parameter:
		if depth == 0 {
			return nil
		}
		if b, ok := bind[w]; ok {
			return x.tableArrayVia(b, nil, depth-1, w.Parent())
		}
		callers := x.res.callersIn(w.Parent())
		idx := paramIndex(w)
		if len(callers) != 1 || idx < 0 || idx >= len(callers[0].Common().Args) {
			return nil
		}
		return x.tableArrayVia(callers[0].Common().Args[idx], nil, depth-1, w.Parent())
	}
	return nil
}

// rowsWritten reports whether code may write a table's rows through this
// value of it: an element's address put to any use but a load or a
// field's load (eps[i].Path = "/v2" + eps[i].Path, normalize(&eps[i])).
func rowsWritten(table ssa.Value) bool {
	refs := table.Referrers()
	if refs == nil {
		return false
	}
	for _, ref := range *refs {
		ia, ok := ref.(*ssa.IndexAddr)
		if !ok || ia.X != table || ia.Referrers() == nil {
			continue
		}
		for _, use := range *ia.Referrers() {
			switch u := use.(type) {
			case *ssa.UnOp:
				if u.Op != token.MUL {
					return true
				}
			case *ssa.FieldAddr:
				if onlyLoaded(u) {
					continue
				}
				return true
			case *ssa.DebugRef:
			default:
				return true
			}
		}
	}
	return false
}

// copyWritten reports whether a row's field is read from a variable
// holding a copy of the row that the code changes (for _, ep := range
// eps { ep.Path = "/v1" + ep.Path }, ep.normalize()).
func copyWritten(field ssa.Value) bool {
	load, ok := field.(*ssa.UnOp)
	if !ok {
		return false
	}
	fa, ok := load.X.(*ssa.FieldAddr)
	if !ok {
		return false
	}
	cell, ok := fa.X.(*ssa.Alloc)
	if !ok || cell.Referrers() == nil {
		return false
	}
	stores := 0
	for _, ref := range *cell.Referrers() {
		switch u := ref.(type) {
		case *ssa.Store:
			if u.Addr != cell {
				return true
			}
			stores++
		case *ssa.UnOp:
			if u.Op != token.MUL {
				return true
			}
		case *ssa.FieldAddr:
			if !onlyLoaded(u) {
				return true
			}
		case *ssa.DebugRef:
		default:
			return true // its address handed on: a method may write it
		}
	}
	return stores != 1
}

// onlyLoaded reports whether an address is only read from.
func onlyLoaded(addr ssa.Value) bool {
	if addr.Referrers() == nil {
		return true
	}
	for _, use := range *addr.Referrers() {
		switch u := use.(type) {
		case *ssa.UnOp:
			if u.Op != token.MUL {
				return false
			}
		case *ssa.DebugRef:
		default:
			return false
		}
	}
	return true
}

// keyedHandler returns the handler a map gives a route where the handler
// registered is the map's entry of the route's own text (h, ok :=
// handlers[key]; mux.HandleFunc(key, h)), the map a literal whose entries
// all have constant keys and that nothing else changes or is handed to;
// else the handler as registered.
func (x *extractor) keyedHandler(h, route ssa.Value, text string, bind map[*ssa.Parameter]ssa.Value) ssa.Value {
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
	m, ok := x.mapLiteral(look.X, bind, 3)
	if !ok {
		return h
	}
	var found ssa.Value
	for _, ref := range *m.Referrers() {
		up, ok := ref.(*ssa.MapUpdate)
		if !ok {
			continue
		}
		if k := up.Key.(*ssa.Const); k.Value.Kind() == constant.String && constant.StringVal(k.Value) == text {
			if found != nil {
				return h // two entries of the text
			}
			found = up.Value
		}
	}
	if found == nil {
		return h
	}
	return found
}

// mapLiteral returns the map literal a map value is, made where it is or
// handed in by the call being read (bind) or by the one caller of the
// function whose parameter it is, up to depth calls up; ok is false where
// it may be another or may change: an entry of a key not constant, the
// map stored or handed to anything but the calls followed, a parameter
// put to any use but lookups.
func (x *extractor) mapLiteral(v ssa.Value, bind map[*ssa.Parameter]ssa.Value, depth int) (m *ssa.MakeMap, ok bool) {
	var into *ssa.Function // the function whose parameter v was
	for {
		switch w := v.(type) {
		case *ssa.MakeMap:
			if w.Referrers() == nil {
				return nil, false
			}
			for _, ref := range *w.Referrers() {
				switch u := ref.(type) {
				case *ssa.MapUpdate:
					if k, ok := u.Key.(*ssa.Const); !ok || u.Map != w || k.Value == nil || k.Value.Kind() != constant.String {
						return nil, false
					}
				case *ssa.Lookup, *ssa.DebugRef:
				case ssa.CallInstruction:
					if into == nil || u.Common().StaticCallee() != into {
						return nil, false // handed to another function, which may change it
					}
				default:
					return nil, false
				}
			}
			return w, true
		case *ssa.Parameter:
			if depth == 0 || w.Referrers() == nil {
				return nil, false
			}
			for _, ref := range *w.Referrers() {
				switch u := ref.(type) {
				case *ssa.Lookup:
					if u.X != w {
						return nil, false
					}
				case *ssa.DebugRef:
				default:
					return nil, false
				}
			}
			into = w.Parent()
			if b, ok := bind[w]; ok {
				v, bind = b, nil
			} else {
				callers := x.res.callersIn(w.Parent())
				idx := paramIndex(w)
				if len(callers) != 1 || idx < 0 || idx >= len(callers[0].Common().Args) {
					return nil, false
				}
				v = callers[0].Common().Args[idx]
			}
			depth--
			continue
		}
		return nil, false
	}
}

// rangeHeader returns the header of the range loop over the whole table
// that reads a row (for _, ep := range eps): the row is indexed by the
// loop's own index, which counts up to the table's length. nil for a row
// read by an index the code computes (eps[i], eps[enabled[j]]).
func rangeHeader(row *ssa.IndexAddr) *ssa.BasicBlock {
	next, ok := row.Index.(*ssa.BinOp)
	if !ok || next.Op != token.ADD {
		return nil
	}
	phi, ok := next.X.(*ssa.Phi)
	if !ok || phi.Block() != next.Block() {
		return nil
	}
	header := phi.Block()
	if header.Comment != "rangeindex.loop" || len(header.Instrs) == 0 {
		return nil
	}
	cond, ok := header.Instrs[len(header.Instrs)-1].(*ssa.If)
	if !ok {
		return nil
	}
	less, ok := cond.Cond.(*ssa.BinOp)
	if !ok || less.Op != token.LSS || less.X != next {
		return nil
	}
	n, ok := less.Y.(*ssa.Call)
	if !ok {
		return nil
	}
	if b, ok := n.Common().Value.(*ssa.Builtin); !ok || b.Name() != "len" || len(n.Common().Args) != 1 || n.Common().Args[0] != row.X {
		return nil
	}
	return header
}

// everyRowRegistered reports whether the loop registers every row it
// reads: the registration (the route's value used by a call) is reached
// from the row's read on every path that goes on without panicking, and
// goes on to the loop's own header, for the next row: no continue, break
// or branch around it. A function with a deferred call may recover from
// a panic and go on: there no branch is taken to end in one.
func everyRowRegistered(row *ssa.IndexAddr, route ssa.Value) bool {
	header := rangeHeader(row)
	instr, ok := route.(ssa.Instruction)
	if header == nil || !ok || route.Referrers() == nil {
		return false
	}
	var target *ssa.BasicBlock
	for _, ref := range *route.Referrers() {
		if _, call := ref.(ssa.CallInstruction); call {
			target = ref.Block()
			break
		}
	}
	if target == nil {
		return false
	}
	b := row.Block()
	if instr.Block() != b && instr.Block() != target {
		return false
	}
	recovers := row.Parent().Recover != nil
	return goesOn(b, recovers, func(b *ssa.BasicBlock) bool { return b == target }) &&
		goesOn(target, recovers, func(b *ssa.BasicBlock) bool { return b == header })
}

// goesOn reports whether every path from block b that does not panic
// reaches a block that is at, through jumps and branches one of whose
// ways only panics (none, where the function may recover).
func goesOn(b *ssa.BasicBlock, recovers bool, at func(*ssa.BasicBlock) bool) bool {
	for range 16 {
		if at(b) {
			return true
		}
		switch b.Instrs[len(b.Instrs)-1].(type) {
		case *ssa.Jump:
			b = b.Succs[0]
		case *ssa.If:
			// One way must only panic (if !ok { panic(…) }).
			switch {
			case recovers:
				return false
			case panics(b.Succs[1]):
				b = b.Succs[0]
			case panics(b.Succs[0]):
				b = b.Succs[1]
			default:
				return false
			}
		default:
			return false
		}
	}
	return false
}

// panics reports whether a block only goes on to a panic.
func panics(b *ssa.BasicBlock) bool {
	for range 8 {
		switch b.Instrs[len(b.Instrs)-1].(type) {
		case *ssa.Panic:
			return true
		case *ssa.Jump:
			b = b.Succs[0]
		default:
			return false
		}
	}
	return false
}

// tableOnlyRead reports whether a table's value goes nowhere but to reads of
// its rows, its length, a range over it, and the call of via that hands
// it on (nil: none): not resliced, copied, appended to, stored, or handed
// to another function, any of which may change its rows.
func tableOnlyRead(table ssa.Value, via *ssa.Function) bool {
	refs := table.Referrers()
	if refs == nil {
		return true
	}
	for _, ref := range *refs {
		switch u := ref.(type) {
		case *ssa.IndexAddr, *ssa.DebugRef:
		case *ssa.Store:
			// The literal kept in its global, where it is made; not
			// a load of it kept in another (var alias = endpoints).
			_, global := u.Addr.(*ssa.Global)
			_, literal := table.(*ssa.Slice)
			if !global || !literal || u.Val != table {
				return false
			}
		case ssa.CallInstruction:
			c := u.Common()
			if b, ok := c.Value.(*ssa.Builtin); ok && b.Name() == "len" {
				continue
			}
			if via == nil || c.StaticCallee() != via {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// oneStorePerRow reports whether each row of a table's array is written
// once, where the literal makes it (not filled by index and overwritten:
// endpoints[1] = …), and the array goes nowhere but into the table's
// slice.
func oneStorePerRow(arr *ssa.Alloc, table *ssa.Slice) bool {
	seen := make(map[int64]bool)
	for _, ref := range *arr.Referrers() {
		switch u := ref.(type) {
		case *ssa.IndexAddr:
			c, ok := u.Index.(*ssa.Const)
			if !ok {
				return false
			}
			i := c.Int64()
			if seen[i] {
				return false
			}
			seen[i] = true
		case *ssa.Slice:
			if u != table {
				return false
			}
		case *ssa.DebugRef:
		default:
			return false
		}
	}
	return true
}
