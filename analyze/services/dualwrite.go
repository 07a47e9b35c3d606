package services

import (
	"go/token"
	"go/types"
	"slices"
	"sort"

	"golang.org/x/tools/go/ssa"
)

// Dual writes. A service that writes a table and publishes a message on
// one path, each in its own transaction, loses one of the two when it
// crashes between them: the change without its event, or an event for a
// change that was rolled back. The outbox pattern writes the event to a
// table in the change's transaction and publishes from there. archie
// finds the functions of a service's own code in which a call that writes
// a table and a call that publishes a message both run, one on every path
// to the other, and says whether the function also writes an outbox.

// A DualWrite is a function that writes a table and publishes a message on
// one path.
type DualWrite struct {
	Function string // as SSA names it: (*example.com/shop/orders.Service).Place
	Pos      token.Position
	// Write and Publish are the calls in Function that write and publish,
	// each followed by the write or publish it reaches, when that is in
	// another function.
	Write, Publish []Evidence
	// Outbox says Function also writes an outbox table: the outbox
	// pattern, not reported. SameTx says archie saw the outbox row and the
	// change written through one transaction value; when it is false the
	// transaction may still be shared (carried in a context.Context), so
	// it is shown, never judged.
	Outbox bool `json:",omitempty"`
	SameTx bool `json:",omitempty"`
}

// dualWrites finds the service's dual writes among the functions of its
// own packages that it reaches.
func (x *extractor) dualWrites(f *facts, fns []*ssa.Function, reach map[*ssa.Function]bool) []DualWrite {
	if len(f.writes) == 0 || len(f.publishes) == 0 {
		return nil
	}
	// The functions holding the sites are the targets; which of them each
	// function reaches says what its calls do.
	var targets []*ssa.Function
	index := make(map[*ssa.Function]int)
	byFn := make(map[*ssa.Function][]*access)
	bySite := make(map[ssa.CallInstruction][]*access)
	kind := make(map[*access]bool) // true for a write
	for i, sites := range [][]*access{f.writes, f.publishes} {
		for _, a := range sites {
			kind[a] = i == 0
			fn := a.instr.Parent()
			if _, ok := index[fn]; !ok {
				index[fn] = len(targets)
				targets = append(targets, fn)
			}
			byFn[fn] = append(byFn[fn], a)
			bySite[a.instr] = append(bySite[a.instr], a)
		}
	}
	// Over calls only: a function that registers a handler, or hands one
	// to a container, does not run it (wiring reaches everything).
	calls := make(map[*ssa.Function][]*ssa.Function)
	walk := newTargetWalk(targets, func(fn *ssa.Function) []*ssa.Function {
		if out, ok := calls[fn]; ok {
			return out
		}
		var out []*ssa.Function
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if c, ok := instr.(ssa.CallInstruction); ok {
					out = append(out, x.callees(c, reach)...)
				}
			}
		}
		calls[fn] = out
		return out
	})
	var out []DualWrite
	for _, fn := range fns {
		if x.prog.lib(fn) != nil {
			continue // a library's: it is where the service's code calls it
		}
		var writes, pubs []ssa.CallInstruction
		what := make(map[ssa.CallInstruction][]*access)
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				c, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				as := slices.Clip(bySite[c])
				for _, callee := range x.callees(c, reach) {
					for _, t := range walk.reached(callee).members() {
						as = append(as, byFn[targets[t]]...)
					}
				}
				var w, p bool
				for _, a := range as {
					if kind[a] {
						w = true
					} else {
						p = true
					}
				}
				if w && p {
					continue // both inside one call: the callee's own
				}
				if w {
					writes = append(writes, c)
				}
				if p {
					pubs = append(pubs, c)
				}
				what[c] = as
			}
		}
		w, p, ok := onePath(writes, pubs)
		if !ok {
			continue
		}
		dw := DualWrite{Function: fn.String(), Pos: x.position(fn, fn.Pos())}
		dw.Write = x.accessEvidence(fn, w, what[w])
		dw.Publish = x.accessEvidence(fn, p, what[p])
		var outboxTx, changeTx []ssa.Value
		for _, c := range writes {
			outbox, change := false, false
			for _, a := range what[c] {
				if kind[a] && a.outbox {
					outbox = true
				} else if kind[a] {
					change = true
				}
			}
			if outbox {
				dw.Outbox = true
				outboxTx = append(outboxTx, txValues(c)...)
				if change {
					dw.SameTx = true // one call writes both: its callee's to say
				}
			}
			if change {
				changeTx = append(changeTx, txValues(c)...)
			}
		}
		for _, t := range outboxTx {
			if slices.Contains(changeTx, t) {
				dw.SameTx = true
			}
		}
		out = append(out, dw)
	}
	sort.Slice(out, func(i, j int) bool { return ComparePos(out[i].Pos, out[j].Pos) < 0 })
	return out
}

// txValues returns the transactions a call writes through: its receiver
// or arguments of a transaction type (database/sql's, pgx's, pgxpool's,
// sqlx's or bun's Tx), seen through loads and interfaces: the value that
// holds the transaction, at any depth of pointers.
func txValues(c ssa.CallInstruction) []ssa.Value {
	common := c.Common()
	vals := append([]ssa.Value{}, common.Args...)
	if common.IsInvoke() {
		vals = append(vals, common.Value)
	}
	var out []ssa.Value
	for _, v := range vals {
		var tx ssa.Value
		for range 4 {
			if isTxType(v.Type()) {
				tx = v // the innermost value of the type: the variable holding it
			}
			if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
				v = u.X
				continue
			}
			if mi, ok := v.(*ssa.MakeInterface); ok {
				v = mi.X
				continue
			}
			break
		}
		if tx == nil && isTxType(v.Type()) {
			tx = v
		}
		if tx != nil {
			out = append(out, tx)
		}
	}
	return out
}

func isTxType(t types.Type) bool {
	for {
		p, ok := t.(*types.Pointer)
		if !ok {
			break
		}
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	path := normPath(n.Obj().Pkg().Path())
	switch n.Obj().Name() {
	case "Tx":
		return path == "database/sql" || path == "github.com/jackc/pgx" || path == "github.com/jackc/pgx/pgxpool" || path == "github.com/jmoiron/sqlx" || path == "github.com/uptrace/bun"
	}
	return false
}

// onePath returns a write and a publish that runs on every path after it:
// the write first in one block, or the write's block dominating the
// publish's. A publish first, with a write its redelivery can repeat, is
// the other way out of a dual write.
func onePath(writes, pubs []ssa.CallInstruction) (ssa.CallInstruction, ssa.CallInstruction, bool) {
	for _, w := range writes {
		for _, p := range pubs {
			if w == p {
				continue
			}
			if before(w, p) {
				return w, p, true
			}
		}
	}
	return nil, nil, false
}

// before reports whether a runs on every path to b, before it.
func before(a, b ssa.Instruction) bool {
	ab, bb := a.Block(), b.Block()
	if ab != bb {
		return ab.Dominates(bb)
	}
	for _, in := range ab.Instrs {
		switch in {
		case a:
			return true
		case b:
			return false
		}
	}
	return false
}

// callees returns the functions a call may run: its static callee, or
// the methods of the service's types that an interface call may reach,
// and the functions it is handed that it runs before it returns.
func (x *extractor) callees(c ssa.CallInstruction, reach map[*ssa.Function]bool) []*ssa.Function {
	common := c.Common()
	static := common.StaticCallee()
	var out []*ssa.Function
	for i, a := range common.Args {
		var f *ssa.Function
		// func literals given as a named func type: sqlc.ExecCtxFn(…).
		for {
			if ct, ok := a.(*ssa.ChangeType); ok {
				a = ct.X
				continue
			}
			break
		}
		switch v := a.(type) {
		case *ssa.MakeClosure:
			f = v.Fn.(*ssa.Function)
		case *ssa.Function:
			f = v
		}
		// A handler handed to a router runs later, on another request;
		// a transaction helper's body runs now.
		if f != nil && x.runsArg(static, calleeKey(common), i) {
			out = append(out, f)
		}
	}
	if static != nil {
		return append(out, static)
	}
	if !common.IsInvoke() {
		return out
	}
	iface, ok := common.Value.Type().Underlying().(*types.Interface)
	if !ok {
		return out
	}
	for _, m := range x.res.mayRun(common, x.prog.implementers(iface, common.Method.Name()), nil) {
		if reach[m] {
			out = append(out, m)
		}
	}
	return out
}

// txRunners are the library calls that run the function they are given
// in a transaction before they return.
var txRunners = map[string]bool{
	"gorm.io/gorm.DB.Transaction":                                       true,
	"github.com/jinzhu/gorm.DB.Transaction":                             true,
	"github.com/jackc/pgx.BeginFunc":                                    true,
	"github.com/jackc/pgx.BeginTxFunc":                                  true,
	"github.com/jackc/pgx/pgxpool.Pool.BeginFunc":                       true,
	"github.com/jackc/pgx/pgxpool.Pool.BeginTxFunc":                     true,
	"github.com/uptrace/bun.DB.RunInTx":                                 true,
	"github.com/jmoiron/sqlx.DB.Transact":                               true,
	"github.com/zeromicro/go-zero/core/stores/sqlx.SqlConn.TransactCtx": true,
	"github.com/zeromicro/go-zero/core/stores/sqlx.SqlConn.Transact":    true,
}

// runsArg reports whether a call runs its argument i before it returns:
// a library's transaction runner, a library call that takes a callback
// (go-zero's ExecCtx(ctx, func…)) unless archie knows it for one that
// registers a handler or a consumer, or a function of the program that
// calls that parameter itself.
func (x *extractor) runsArg(callee *ssa.Function, key string, i int) bool {
	if txRunners[key] {
		return true
	}
	if callee == nil {
		return false
	}
	// A promoted method's wrapper runs what the method it wraps runs.
	if callee.Synthetic != "" && callee.Blocks != nil {
		for _, b := range callee.Blocks {
			for _, instr := range b.Instrs {
				if c, ok := instr.(*ssa.Call); ok {
					if inner := c.Call.StaticCallee(); inner != nil && inner != callee {
						return x.runsArg(inner, calleeKey(&c.Call), i)
					}
				}
			}
		}
	}
	if callee.Blocks == nil || callee.Pkg == nil || !x.prog.source[callee.Pkg] {
		for _, r := range recognized.lookup(key) {
			if r.fact == serves || r.fact == consumes {
				return false // it keeps the function for later
			}
		}
		return !laterRunners[key]
	}
	if i >= len(callee.Params) {
		return false
	}
	param := callee.Params[i]
	if param.Referrers() == nil {
		return false
	}
	for _, ref := range *param.Referrers() {
		if call, ok := ref.(*ssa.Call); ok && call.Call.Value == param {
			return true
		}
	}
	return false
}

// laterRunners are library calls that keep the function they are given to
// run it later, or on another goroutine's schedule.
var laterRunners = map[string]bool{
	"time.AfterFunc": true, "runtime.SetFinalizer": true,
	"net/http.Handle": true, "net/http.HandleFunc": true, "net/http.ServeMux.Handle": true, "net/http.ServeMux.HandleFunc": true,
}

// accessEvidence is the call in fn, then the site it reaches when that is
// elsewhere.
func (x *extractor) accessEvidence(fn *ssa.Function, c ssa.CallInstruction, as []*access) []Evidence {
	ev := x.evidence(fn, c.Pos())
	var site *access
	for _, a := range as {
		if site == nil || ComparePos(a.ev.Pos, site.ev.Pos) < 0 {
			site = a
		}
	}
	if site == nil {
		return []Evidence{ev}
	}
	ev.Detail = site.ev.Detail
	if site.instr == c {
		return []Evidence{ev}
	}
	return []Evidence{ev, site.ev}
}
