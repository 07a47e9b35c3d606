package services

import (
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// Roles chosen by a table of flags. A main may keep what it can run in a
// table of its own, each entry a predicate over its parsed flags and the
// functions that run it, and run the first entry whose predicate holds
// (fission's fission-bundle: {selected: func(a *Args) bool { return
// a.routerPort != 0 }, run: …}, one Deployment per role, each with its
// flag: --routerPort 8888, --kubewatcher). Each deployment then runs one
// entry: a service of its own, whose code is that entry's.

// A flagTable is such a table, its entries in the order they are tried.
type flagTable struct {
	entries []flagEntry
}

// A flagEntry is one role of a flagTable: the flag its predicate reads,
// true when the flag is given a value other than its zero (a boolean flag
// set, a port given), and the functions the entry holds.
type flagEntry struct {
	flag string
	bool bool   // a boolean flag
	def  string // the flag's default, as written
	runs []*ssa.Function
}

// chosen returns the entry a program runs when get reads its flags: the
// first whose flag is given. ok is false when a flag tried before it
// cannot be read; i is -1 when no entry is chosen.
func (t *flagTable) chosen(get func(flag string, isBool bool) (given, set, known bool)) (i int, ok bool) {
	for i, e := range t.entries {
		given, set, known := get(e.flag, e.bool)
		if !known {
			return -1, false
		}
		if !set {
			given = nonZero(e.def)
		}
		if given {
			return i, true
		}
	}
	return -1, true
}

// selects reports whether a selector chooses entry i: the entry its flag
// chooses when that flag alone is given.
func (t *flagTable) selects(sel *Selector, i int) bool {
	j, ok := t.chosen(func(flag string, _ bool) (bool, bool, bool) {
		if flag == sel.Flag {
			return true, true, true
		}
		return false, false, true
	})
	return ok && i == j
}

// nonZero reports whether a flag's value, as written, is other than its
// type's zero: "false", "0", "" and zero durations are not.
func nonZero(v string) bool {
	switch strings.TrimSpace(strings.Trim(v, `"'`)) {
	case "", "0", "false", "False", "FALSE", "0s":
		return false
	}
	return true
}

// flagGiven reads a flag from a command's words as the flag package does
// (-name, --name, -name=v; a flag that is not boolean takes the next word
// as its value): whether its last setting gives it a value other than
// its zero, whether the words set it, and whether they may set it in a
// way archie cannot read (a variable, a script).
func flagGiven(words []string, flag string, isBool bool) (given, set, known bool) {
	if len(words) == 0 {
		return false, false, false
	}
	known = true
	for i := 0; i < len(words); i++ {
		w := words[i]
		if strings.Contains(w, "$") || strings.HasSuffix(strings.Trim(w, `"'`), ".sh") || strings.ContainsAny(w, " ;&|") {
			known = false // it may set the flag, after any setting before it
			continue
		}
		name, v, hasValue := strings.Cut(strings.TrimLeft(w, "-"), "=")
		if !strings.HasPrefix(w, "-") || name != flag {
			continue
		}
		if !hasValue {
			v = "true"
			if !isBool && i+1 < len(words) && !strings.HasPrefix(words[i+1], "-") {
				i++
				v = words[i]
			}
		}
		if strings.Contains(v, "$") {
			known = false // a value the deployment's shell gives
			continue
		}
		given, set, known = nonZero(v), true, true
	}
	if !known {
		return false, false, false
	}
	return given, set, true
}

// roleFlags are the definitions of flags bound to a variable
// (flag.IntVar(&args.routerPort, "routerPort", 0, …)): the index of the
// name, and whether the flag is boolean. The default follows the name.
var roleFlags = map[string]bool{
	"flag.BoolVar": true, "flag.FlagSet.BoolVar": true,
	"flag.IntVar": false, "flag.FlagSet.IntVar": false, "flag.Int64Var": false, "flag.FlagSet.Int64Var": false,
	"flag.UintVar": false, "flag.FlagSet.UintVar": false, "flag.StringVar": false, "flag.FlagSet.StringVar": false,
	"github.com/spf13/pflag.BoolVar": true, "github.com/spf13/pflag.FlagSet.BoolVar": true,
	"github.com/spf13/pflag.IntVar": false, "github.com/spf13/pflag.FlagSet.IntVar": false,
	"github.com/spf13/pflag.StringVar": false, "github.com/spf13/pflag.FlagSet.StringVar": false,
}

// A boundFlag is a flag a definition binds to a field of a struct.
type boundFlag struct {
	name, def string
	bool      bool
}

// flagTableOf returns the table of roles of main's package, or nil: one
// array of structs its code fills, each with a predicate over a struct
// whose fields flags are bound to (func(*Args) bool, reading one field:
// a boolean flag's, or another's compared with its zero) and at least one
// function besides, in two entries or more. Any entry whose predicate
// reads otherwise, or a second such table, and there is none.
func (x *extractor) flagTableOf(main *ssa.Function) *flagTable {
	if main == nil || main.Pkg == nil {
		return nil
	}
	if t, ok := x.flagTables[main]; ok {
		return t
	}
	if x.flagTables == nil {
		x.flagTables = make(map[*ssa.Function]*flagTable)
	}
	t := findFlagTable(pkgFuncs(main.Pkg))
	x.flagTables[main] = t
	return t
}

func findFlagTable(fns []*ssa.Function) *flagTable {
	// The flags bound to fields, by the struct's type and the field.
	type fieldKey struct {
		st    types.Object // the struct's named type
		field int
	}
	structOf := func(t types.Type) types.Object {
		if p, ok := t.Underlying().(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			return n.Obj()
		}
		return nil
	}
	bound := make(map[fieldKey]boundFlag)
	for c := range callsIn(fns) {
		common := c.Common()
		isBool, ok := roleFlags[calleeKey(common)]
		if !ok {
			continue
		}
		args := common.Args
		if common.Signature().Recv() != nil && !common.IsInvoke() {
			args = args[1:]
		}
		if len(args) < 3 {
			continue
		}
		fa, ok := args[0].(*ssa.FieldAddr)
		name, ok2 := stringConst(args[1])
		if !ok || !ok2 {
			continue
		}
		def := ""
		if c, ok := args[2].(*ssa.Const); ok && c.Value != nil {
			def = c.Value.ExactString()
			if c.Value.Kind() == constant.String {
				def = constant.StringVal(c.Value)
			}
		}
		if st := structOf(fa.X.Type()); st != nil {
			bound[fieldKey{st, fa.Field}] = boundFlag{name: name, def: def, bool: isBool}
		}
	}
	if len(bound) == 0 {
		return nil
	}
	// predicate reads the flag a predicate tests: return a.kubewatcher,
	// return a.routerPort != 0.
	predicate := func(fn *ssa.Function) (boundFlag, bool) {
		if len(fn.Params) != 1 || len(fn.Blocks) != 1 || len(fn.FreeVars) != 0 {
			return boundFlag{}, false
		}
		instrs := fn.Blocks[0].Instrs
		ret, ok := instrs[len(instrs)-1].(*ssa.Return)
		if !ok || len(ret.Results) != 1 {
			return boundFlag{}, false
		}
		v, cmpZero := ret.Results[0], false
		if b, ok := v.(*ssa.BinOp); ok && b.Op == token.NEQ {
			if c, ok := b.Y.(*ssa.Const); ok && (c.Value == nil || !nonZero(c.Value.ExactString()) || c.Value.Kind() == constant.String && constant.StringVal(c.Value) == "") {
				v, cmpZero = b.X, true
			}
		}
		load, ok := v.(*ssa.UnOp)
		if !ok || load.Op != token.MUL {
			return boundFlag{}, false
		}
		fa, ok := load.X.(*ssa.FieldAddr)
		if !ok || fa.X != fn.Params[0] {
			return boundFlag{}, false
		}
		f, ok := bound[fieldKey{structOf(fa.X.Type()), fa.Field}]
		if !ok || f.bool == cmpZero {
			return boundFlag{}, false // a boolean compared, or another read bare
		}
		return f, true
	}
	funcOf := func(v ssa.Value) *ssa.Function {
		switch v := v.(type) {
		case *ssa.Function:
			return v
		case *ssa.MakeClosure:
			fn, _ := v.Fn.(*ssa.Function)
			return fn
		}
		return nil
	}
	var found *flagTable
	for _, fn := range fns {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				alloc, ok := instr.(*ssa.Alloc)
				if !ok {
					continue
				}
				arr, ok := alloc.Type().(*types.Pointer).Elem().Underlying().(*types.Array)
				if !ok {
					continue
				}
				if _, ok := arr.Elem().Underlying().(*types.Struct); !ok || arr.Len() < 2 {
					continue
				}
				t := tableIn(alloc, int(arr.Len()), predicate, funcOf)
				if t == nil {
					continue
				}
				if found != nil {
					return nil // two tables: which one main runs is not known
				}
				found = t
			}
		}
	}
	return found
}

// tableIn reads the entries an array of structs is filled with: each
// element's functions, one of them a predicate. nil unless every element
// has exactly one predicate and another function.
func tableIn(alloc *ssa.Alloc, n int, predicate func(*ssa.Function) (boundFlag, bool), funcOf func(ssa.Value) *ssa.Function) *flagTable {
	entries := make([]flagEntry, n)
	preds := make([]int, n)
	for _, r := range *alloc.Referrers() {
		ia, ok := r.(*ssa.IndexAddr)
		if !ok {
			continue
		}
		c, ok := ia.Index.(*ssa.Const)
		if !ok || c.Value == nil {
			return nil
		}
		i64, exact := constant.Int64Val(c.Value)
		if !exact || i64 < 0 || int(i64) >= n {
			return nil
		}
		i := int(i64)
		// The element's fields, stored in place or in a literal stored
		// whole (*t1 = *t2, t2 = local role (complit)).
		var fields []*ssa.FieldAddr
		for _, r := range *ia.Referrers() {
			switch r := r.(type) {
			case *ssa.FieldAddr:
				fields = append(fields, r)
			case *ssa.Store:
				if l, ok := r.Val.(*ssa.UnOp); ok && l.Op == token.MUL && r.Addr == ia {
					if lit, ok := l.X.(*ssa.Alloc); ok {
						for _, r := range *lit.Referrers() {
							if fa, ok := r.(*ssa.FieldAddr); ok {
								fields = append(fields, fa)
							}
						}
					}
				}
			}
		}
		for _, fa := range fields {
			for _, r := range *fa.Referrers() {
				st, ok := r.(*ssa.Store)
				if !ok || st.Addr != fa {
					continue
				}
				fn := funcOf(st.Val)
				if fn == nil {
					continue
				}
				if f, ok := predicate(fn); ok {
					entries[i].flag, entries[i].bool, entries[i].def = f.name, f.bool, f.def
					preds[i]++
					continue
				}
				entries[i].runs = append(entries[i].runs, fn)
			}
		}
	}
	for i, e := range entries {
		if preds[i] != 1 || len(e.runs) == 0 {
			return nil
		}
	}
	return &flagTable{entries: entries}
}

// tableVariants splits a service whose main runs one entry of a table of
// roles by the flags each deployment gives it: one service per
// deployment that chooses an entry no other has, named as it.
func (x *extractor) tableVariants(svc *Service, entryDir string, t *flagTable, taken map[string]bool) []*Service {
	var out []*Service
	chosen := make(map[int]bool)
	for _, w := range x.deploy.forService(svc, entryDir) {
		words := programArgs(w.command())
		i, ok := t.chosen(func(flag string, isBool bool) (bool, bool, bool) { return flagGiven(words, flag, isBool) })
		if w.alias || taken[norm(w.name)] || !ok || i < 0 || chosen[i] {
			continue
		}
		chosen[i] = true
		v := *svc
		v.Name, v.Run = w.name, &Selector{Flag: t.entries[i].flag, Given: true, Bool: t.entries[i].bool}
		v.Endpoints, v.Stores, v.Publishes, v.Consumes, v.DualWrites = nil, nil, nil, nil, nil
		out = append(out, &v)
	}
	return out
}

// otherEntries returns the blocks of the table's entries sel does not
// choose as dead, but for the functions the chosen entry holds too.
func (x *extractor) otherEntries(svc *Service, dead map[*ssa.BasicBlock]bool) map[*ssa.BasicBlock]bool {
	sel := svc.Run
	if sel == nil || !sel.Given {
		return dead
	}
	t := x.flagTableOf(x.mainOf(svc.Entry))
	if t == nil {
		return dead
	}
	var mine []*ssa.Function
	for i, e := range t.entries {
		if t.selects(sel, i) {
			mine = append(mine, e.runs...)
		}
	}
	if dead == nil {
		dead = make(map[*ssa.BasicBlock]bool)
	}
	for i, e := range t.entries {
		if t.selects(sel, i) {
			continue
		}
		for _, fn := range e.runs {
			if !slices.Contains(mine, fn) {
				killFunc(dead, fn)
			}
		}
	}
	return dead
}
