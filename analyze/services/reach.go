package services

import (
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strings"
	"sync"

	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/typeutil"
)

// program is one SSA program: the source packages of the services of one
// module, with their dependencies known only by their types.
type program struct {
	prog   *ssa.Program
	source map[*ssa.Package]bool // packages built from syntax
	// funcs are every function with a body: package members, methods and
	// the closures inside them.
	funcs []*ssa.Function
	// methodsOf lists the methods of each source type (T and *T), for
	// values of that type that become interfaces.
	methodsOf typeutil.Map // types.Type -> []*ssa.Function
	// withMethod lists the source types that have a method of each name:
	// the candidates of an interface method call.
	withMethod map[string][]types.Type
	// sourceTypes are the packages whose types the program declares.
	sourceTypes map[*types.Package]bool
	// libs are the source packages of dependencies: libraries over a
	// messaging or database client, read with their function bodies
	// (wrappers.go).
	libs map[*types.Package]*library
	info *memo[*ssa.Function, *fnInfo] // memo of scan
	// dispatch memoizes, for each function, the methods its interface
	// method calls may run: those of every source type that implements
	// the interface.
	dispatch *memo[*ssa.Function, []*ssa.Function]
	// impls memoizes implementers by interface and method.
	impls *memo[implKey, []*ssa.Function]
	// satisfies memoizes types.Implements: every service's reach asks
	// it again of the types and interfaces the libraries they share
	// convert and call.
	satisfies *memo[satisfyKey, bool]
	// instances dedupes the generic types' instances instantiate makes.
	instances *types.Context
	// methodGlobals are the package variables some method mentions: a
	// method may be run by reflection (net/rpc, json.Marshaler, a
	// template), which reachability does not follow, so what they hold is
	// reached whenever it is stored.
	methodGlobalsOnce sync.Once
	methodGlobals     map[*ssa.Global]bool
	// values are the functions the program's code mentions as values.
	valuesOnce sync.Once
	values     map[*ssa.Function]bool
	// gates are the ifs of its code that branch on an environment
	// variable (gates.go).
	gates gates
	// swaggerBases memoizes the basePath of the spec above each
	// go-swagger operations package (swagger.go).
	swaggerBases *memo[*ssa.Package, string]
}

// globalsOfMethods returns the package variables methods mention.
func (p *program) globalsOfMethods() map[*ssa.Global]bool {
	p.methodGlobalsOnce.Do(func() {
		p.methodGlobals = make(map[*ssa.Global]bool)
		var ops [16]*ssa.Value
		for _, fn := range p.funcs {
			for m := fn; m != nil; m = m.Parent() { // a method's closures too
				if m.Signature.Recv() == nil {
					continue
				}
				for _, b := range fn.Blocks {
					for _, instr := range b.Instrs {
						for _, op := range instr.Operands(ops[:0]) {
							if g, ok := (*op).(*ssa.Global); ok {
								p.methodGlobals[g] = true
							}
						}
					}
				}
				break
			}
		}
	})
	return p.methodGlobals
}

// fnInfo is what reaching a function brings, found once per function:
// every service, and every handler within one, walks the same code.
type fnInfo struct {
	// next are its static callees, the functions it mentions as values
	// and the methods of its values that a library may call.
	next []*ssa.Function
	// converts are the types it converts to interfaces, invokes the
	// interface methods it calls.
	converts []types.Type
	invokes  []invoke
	// params are the conversions of a generic body's type parameters
	// (or pointers to them) to a library's interface: its instances
	// convert their type arguments so.
	params []paramConvert
	// stores are the functions it stores in package variables (var
	// newClient = func(…) {…}), reached once some reached code reads the
	// variable; globals are the package variables it mentions.
	stores  []globalFunc
	globals []*ssa.Global
	// commands are the functions it gives cobra commands to run (Run:
	// func…), reached once some reached code executes a command; executes
	// says it does (cmd.Execute(), or a command handed to a library that
	// may: k8s' cli.Run(cmd)).
	commands []*ssa.Function
	executes bool
	// gated are the functions it makes values of that stay in the
	// program's code (returned, kept in a field of its own types, handed
	// to its own functions): they run once reached code calls a function
	// value of their signature, or hands one to a library. called are
	// the signatures of the function values it calls or hands on so.
	gated  []gatedFunc
	called []*types.Signature
}

type gatedFunc struct {
	fn  *ssa.Function
	sig *types.Signature
}

type globalFunc struct {
	global *ssa.Global
	fn     *ssa.Function
}

type paramConvert struct {
	param *types.TypeParam
	ptr   bool
	iface types.Type
}

// An invoke is a call of a method through an interface.
type invoke struct {
	iface *types.Interface
	name  string
	typ   types.Type // the interface type, as the call has it (Saga[T])
}

// methods returns the methods of a source type.
func (p *program) methods(t types.Type) []*ssa.Function {
	ms, _ := p.methodsOf.At(t).([]*ssa.Function)
	return ms
}

func newProgram(prog *ssa.Program, source []*ssa.Package) *program {
	p := &program{prog: prog, source: make(map[*ssa.Package]bool), info: new(memo[*ssa.Function, *fnInfo]), impls: new(memo[implKey, []*ssa.Function]), satisfies: new(memo[satisfyKey, bool]), swaggerBases: new(memo[*ssa.Package, string]),
		withMethod: make(map[string][]types.Type), sourceTypes: make(map[*types.Package]bool),
		dispatch: new(memo[*ssa.Function, []*ssa.Function]), instances: types.NewContext()}
	seen := make(map[*ssa.Function]bool)
	var add func(*ssa.Function)
	add = func(fn *ssa.Function) {
		if fn == nil || seen[fn] || fn.Blocks == nil {
			return
		}
		seen[fn] = true
		p.funcs = append(p.funcs, fn)
		for _, anon := range fn.AnonFuncs {
			add(anon)
		}
	}
	for _, pkg := range source {
		p.source[pkg] = true
		p.sourceTypes[pkg.Pkg] = true
		// Members in a fixed order: the resolver keeps alternatives in
		// the order it meets them.
		names := make([]string, 0, len(pkg.Members))
		for name := range pkg.Members {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			switch m := pkg.Members[name].(type) {
			case *ssa.Function:
				add(m)
			case *ssa.Type:
				named, ok := m.Type().(*types.Named)
				if !ok {
					continue
				}
				if named.TypeParams() != nil {
					// A generic type's methods: their bodies, which its
					// instances run.
					for i := range named.NumMethods() {
						add(prog.FuncValue(named.Method(i)))
					}
					continue
				}
				p.addMethods(named, add)
			}
		}
		add(pkg.Func("init"))
	}
	// The instances of generic types that the code converts to an
	// interface (a handler[Event] registered as an EventHandler), or
	// that an instance of a generic function does (NewOrchestrator[Data]
	// returning its orchestrator[T] as an Orchestrator[T]): their methods
	// run when the interface's are called.
	register := func(t types.Type) {
		if ptr, ok := t.(*types.Pointer); ok {
			t = ptr.Elem()
		}
		if named, ok := t.(*types.Named); ok && concreteInstance(named) && p.sourceTypes[named.Obj().Pkg()] && p.methodsOf.At(named) == nil {
			p.addMethods(named, add)
		}
	}
	instances := make(map[*ssa.Function]bool)
	for i := 0; i < len(p.funcs); i++ {
		for _, b := range p.funcs[i].Blocks {
			for _, instr := range b.Instrs {
				switch instr := instr.(type) {
				case *ssa.MakeInterface:
					register(instr.X.Type())
				case ssa.CallInstruction:
					callee := instr.Common().StaticCallee()
					if callee == nil || callee.Origin() == nil || callee.Origin().Blocks == nil || instances[callee] {
						continue
					}
					instances[callee] = true
					for _, t := range p.scan(callee.Origin()).converts {
						if inst := instantiate(p.instances, t, callee.TypeParams(), callee.TypeArgs()); inst != nil {
							register(inst)
						}
					}
				}
			}
		}
	}
	return p
}

// concreteInstance reports whether a named type is an instance of a
// generic type whose type arguments are all known.
func concreteInstance(named *types.Named) bool {
	args := named.TypeArgs()
	if args.Len() == 0 {
		return false
	}
	for i := range args.Len() {
		if _, ok := args.At(i).(*types.TypeParam); ok {
			return false
		}
	}
	return true
}

// instantiate returns the type t of a generic body (orchestrator[T], or a
// pointer to it) as an instance with the type arguments targs has for
// tparams, or nil.
func instantiate(ctxt *types.Context, t types.Type, tparams *types.TypeParamList, targs []types.Type) types.Type {
	ptr, ok := t.(*types.Pointer)
	if ok {
		t = ptr.Elem()
	}
	named, isNamed := t.(*types.Named)
	if !isNamed || named.TypeArgs().Len() == 0 || tparams == nil {
		return nil
	}
	args := make([]types.Type, named.TypeArgs().Len())
	for i := range args {
		args[i] = named.TypeArgs().At(i)
		if tp, isParam := args[i].(*types.TypeParam); isParam {
			j := slices.IndexFunc(slices.Collect(tparams.TypeParams()), func(q *types.TypeParam) bool { return q == tp })
			if j < 0 || j >= len(targs) {
				return nil
			}
			args[i] = targs[j]
		}
	}
	inst, err := types.Instantiate(ctxt, named.Origin(), args, false)
	if err != nil {
		return nil
	}
	if ok {
		return types.NewPointer(inst)
	}
	return inst
}

// addMethods records the methods of a named type and of its pointer.
func (p *program) addMethods(named *types.Named, add func(*ssa.Function)) {
	for _, t := range []types.Type{named, types.NewPointer(named)} {
		mset := p.prog.MethodSets.MethodSet(t)
		var ms []*ssa.Function
		for i := range mset.Len() {
			// Promoted methods come as wrappers that call the
			// embedded type's method: a go-zero model's custom
			// type reaches its generated default's queries.
			fn := p.prog.MethodValue(mset.At(i))
			if fn == nil {
				continue
			}
			add(fn)
			ms = append(ms, fn)
			p.withMethod[fn.Name()] = append(p.withMethod[fn.Name()], t)
		}
		p.methodsOf.Set(t, ms)
	}
}

// reach returns the functions reachable from roots, by Rapid Type
// Analysis. Calls with a static callee are followed. A method called
// through an interface runs on a value some reachable code converted to
// an interface, so the call reaches the method of every type that
// reachable code converts and that implements the interface: a
// repository type that implements an interface but is never built is not
// reached, as class hierarchy analysis would have it. A library archie
// has no body for may call the methods of the library interface a value
// is given to it as (a server registered with gRPC, an http.Handler). A
// function mentioned as a value (a handler given to a router, a
// goroutine, a callback) is reachable as soon as the code mentioning it
// is.
func (p *program) reach(roots []*ssa.Function) map[*ssa.Function]bool {
	return p.reachLive(roots, nil, nil)
}

// reachLive is reach with some blocks left out: those of main that do not
// run for one of the services its binary runs; and some instructions: the
// entries of a map main looks the service up in that are other services'
// (skip).
func (p *program) reachLive(roots []*ssa.Function, dead map[*ssa.BasicBlock]bool, skip map[ssa.Instruction]bool) map[*ssa.Function]bool {
	skipIn := make(map[*ssa.Function]bool)
	for instr := range skip {
		skipIn[instr.Parent()] = true
	}
	seen := make(map[*ssa.Function]bool)
	var work []*ssa.Function
	push := func(fn *ssa.Function) {
		if fn != nil && !seen[fn] {
			seen[fn] = true
			work = append(work, fn)
		}
	}
	for _, r := range roots {
		push(r)
	}
	// The types converted so far, and the interface methods called so
	// far by name: each new one of either meets every earlier other.
	var converted typeutil.Map // types.Type -> bool
	called := make(map[string][]*types.Interface)
	// A function a package variable holds runs when code that reads the
	// variable does: a package's initializer storing it is not enough
	// (a CLI's client factories, linked into a server's binary).
	read := make(map[*ssa.Global]bool)
	held := make(map[*ssa.Global][]*ssa.Function)
	// A cobra command's Run runs when the program executes a command:
	// a documentation generator that only builds the commands (cobra/doc)
	// runs none of them.
	executed := false
	var commands []*ssa.Function
	// A function value kept within the program's code runs once reached
	// code calls a function value of its type (a framework's App keeping
	// the run function its cobra command calls: a documentation
	// generator that builds the command reaches neither).
	var calledSigs, waiting typeutil.Map // *types.Signature -> bool, []*ssa.Function
	for len(work) > 0 {
		fn := work[len(work)-1]
		work = work[:len(work)-1]
		in := p.scan(fn)
		if len(dead) > 0 && len(fn.Blocks) > 0 && hasDead(fn, dead) || skipIn[fn] {
			in = p.scanBlocks(fn, dead, skip)
		}
		for _, next := range in.next {
			push(next)
		}
		for _, sig := range in.called {
			if calledSigs.At(sig) != nil {
				continue
			}
			calledSigs.Set(sig, true)
			if w, ok := waiting.At(sig).([]*ssa.Function); ok {
				for _, f := range w {
					push(f)
				}
				waiting.Delete(sig)
			}
		}
		for _, g := range in.gated {
			if calledSigs.At(g.sig) != nil {
				push(g.fn)
			} else if !seen[g.fn] {
				w, _ := waiting.At(g.sig).([]*ssa.Function)
				waiting.Set(g.sig, append(w, g.fn))
			}
		}
		if in.executes && !executed {
			executed = true
			for _, f := range commands {
				push(f)
			}
			commands = nil
		}
		for _, f := range in.commands {
			if executed {
				push(f)
			} else {
				commands = append(commands, f)
			}
		}
		for _, st := range in.stores {
			if read[st.global] || p.globalsOfMethods()[st.global] {
				push(st.fn)
			} else {
				held[st.global] = append(held[st.global], st.fn)
			}
		}
		for _, g := range in.globals {
			if !read[g] {
				read[g] = true
				for _, f := range held[g] {
					push(f)
				}
				delete(held, g)
			}
		}
		for _, t := range in.converts {
			if converted.At(t) != nil {
				continue
			}
			converted.Set(t, true)
			for _, m := range p.methods(t) {
				for _, iface := range called[m.Name()] {
					if p.implements(t, iface) {
						push(m)
						break
					}
				}
			}
		}
		for _, inv := range in.invokes {
			if slices.ContainsFunc(called[inv.name], func(i *types.Interface) bool { return types.Identical(i, inv.iface) }) {
				continue
			}
			called[inv.name] = append(called[inv.name], inv.iface)
			for _, t := range p.withMethod[inv.name] {
				if converted.At(t) != nil && p.implements(t, inv.iface) {
					push(p.method(t, inv.name))
				}
			}
		}
	}
	return seen
}

// method returns the method of a source type by name.
func (p *program) method(t types.Type, name string) *ssa.Function {
	for _, m := range p.methods(t) {
		if m.Name() == name {
			return m
		}
	}
	return nil
}

// successors returns the functions that reaching fn makes reachable
// whatever else is reached: its static callees, the functions it
// mentions as values, and the methods a library may call on what it is
// given.
func (p *program) successors(fn *ssa.Function) []*ssa.Function {
	in := p.scan(fn)
	if len(in.gated) == 0 {
		return in.next
	}
	out := slices.Clip(in.next)
	for _, g := range in.gated {
		out = append(out, g.fn)
	}
	return out
}

// scan reads a function once for what reaching it brings.
func (p *program) scan(fn *ssa.Function) *fnInfo {
	return p.info.get(fn, func() *fnInfo { return p.scanBlocks(fn, nil, nil) })
}

func hasDead(fn *ssa.Function, dead map[*ssa.BasicBlock]bool) bool {
	for _, b := range fn.Blocks {
		if dead[b] {
			return true
		}
	}
	return false
}

// scanBlocks is scan, without the blocks that do not run and the
// instructions skipped.
func (p *program) scanBlocks(fn *ssa.Function, dead map[*ssa.BasicBlock]bool, skip map[ssa.Instruction]bool) *fnInfo {
	in := new(fnInfo)
	// An instance of a generic function delegates to the generic body,
	// built once: what the body converts to an interface, or calls a
	// method of, may be any of its type arguments, or a pointer to one. A
	// library's generic code, whose body archie does not have, may call
	// the methods its type parameter's constraint names.
	if o := fn.Origin(); o != nil {
		tparams, targs := fn.TypeParams(), fn.TypeArgs()
		for i, t := range targs {
			in.converts = append(in.converts, t, types.NewPointer(t))
			if o.Blocks == nil && i < tparams.Len() {
				c := tparams.At(i).Constraint()
				in.next = append(in.next, p.libraryCalls(t, c)...)
				in.next = append(in.next, p.libraryCalls(types.NewPointer(t), c)...)
			}
		}
		if o.Blocks != nil {
			for _, t := range p.scan(o).converts {
				if inst := instantiate(p.instances, t, tparams, targs); inst != nil {
					in.converts = append(in.converts, inst)
				}
			}
			// A method the body calls through an interface over its type
			// parameters (o.saga.ReplyTopic() on a Saga[T]), which no
			// type implements, is called on the instance's interface
			// (Saga[*Order]).
			for _, inv := range p.scan(o).invokes {
				if inst := instantiate(p.instances, inv.typ, tparams, targs); inst != nil {
					if iface, ok := inst.Underlying().(*types.Interface); ok {
						in.invokes = append(in.invokes, invoke{iface, inv.name, inst})
					}
				}
			}
			for _, pc := range p.scan(o).params {
				for i := range min(tparams.Len(), len(targs)) {
					if tparams.At(i) == pc.param {
						t := targs[i]
						if pc.ptr {
							t = types.NewPointer(t)
						}
						in.next = append(in.next, p.libraryCalls(t, pc.iface)...)
					}
				}
			}
		}
	}
	var unused map[ssa.Instruction]bool
	if len(dead) > 0 || len(skip) > 0 {
		unused = deadUses(fn, dead, skip)
	}
	var ops [16]*ssa.Value
	for _, b := range fn.Blocks {
		if dead[b] {
			continue
		}
		for _, instr := range b.Instrs {
			if unused[instr] {
				continue
			}
			// A function value that leaves the program's code (handed to
			// a library, made an interface) may be called there.
			for _, op := range instr.Operands(ops[:0]) {
				if op == nil || *op == nil {
					continue
				}
				switch (*op).(type) {
				case *ssa.Function, *ssa.MakeClosure, *ssa.Const:
					continue
				}
				if sig, ok := (*op).Type().Underlying().(*types.Signature); ok && !p.staysInSource(*op, instr, 4) {
					in.called = append(in.called, sig)
				}
			}
			switch instr := instr.(type) {
			case ssa.CallInstruction:
				c := instr.Common()
				if callee := c.StaticCallee(); callee != nil {
					in.next = append(in.next, callee)
				} else if c.IsInvoke() {
					if iface, ok := c.Value.Type().Underlying().(*types.Interface); ok {
						in.invokes = append(in.invokes, invoke{iface, c.Method.Name(), c.Value.Type()})
					}
				} else {
					in.called = append(in.called, c.Signature())
				}
			case *ssa.MakeInterface:
				in.converts = append(in.converts, instr.X.Type())
				in.next = append(in.next, p.libraryCalls(instr.X.Type(), instr.Type())...)
				if pc, ok := paramConversion(instr.X, instr.Type()); ok && p.library(pc.iface) {
					in.params = append(in.params, pc)
				}
			case *ssa.ChangeType: // a type parameter's value as its constraint
				if pc, ok := paramConversion(instr.X, instr.Type()); ok && types.IsInterface(pc.iface) && p.library(pc.iface) {
					in.params = append(in.params, pc)
				}
			case *ssa.ChangeInterface:
				// An interface value handed to a library, even as any
				// (a gRPC server given to RegisterService): the library
				// may call any method of the interface it had on
				// whatever it holds.
				if p.library(instr.Type()) {
					if iface, ok := instr.X.Type().Underlying().(*types.Interface); ok {
						for i := range iface.NumMethods() {
							in.invokes = append(in.invokes, invoke{iface, iface.Method(i).Name(), instr.X.Type()})
						}
					}
				}
			}
			switch instr := instr.(type) {
			case *ssa.MakeClosure:
				if runsCommand(instr) {
					in.commands = append(in.commands, instr.Fn.(*ssa.Function))
					continue
				}
			case *ssa.Store:
				if f, ok := instr.Val.(*ssa.Function); ok && commandRunField(instr.Addr) {
					in.commands = append(in.commands, f)
					continue
				}
			case ssa.CallInstruction:
				in.executes = in.executes || p.executesCommand(instr.Common()) || executesGeneric(instr.Common())
			case *ssa.UnOp:
				// root.RunE(root, args): the code runs a command's function
				// itself; clifw.Root.AddCommand(…): a framework's own root
				// command, which the framework runs.
				in.executes = in.executes || instr.Op == token.MUL && (commandRunField(instr.X) || p.libraryCommand(instr.X))
			case *ssa.MakeInterface:
				// A command behind an interface may be executed through it.
				in.executes = in.executes || isCobraCommand(instr.X.Type()) && !p.onlyReadBy(instr)
			}
			if st, ok := instr.(*ssa.Store); ok && fn.Synthetic == "package initializer" {
				g, isGlobal := st.Addr.(*ssa.Global)
				if f, isFunc := st.Val.(*ssa.Function); isGlobal && isFunc {
					in.stores = append(in.stores, globalFunc{g, f})
					continue
				}
			}
			for _, op := range instr.Operands(ops[:0]) {
				if op == nil {
					continue
				}
				switch v := (*op).(type) {
				case *ssa.Function:
					if wireProvider(v, instr) || runElsewhere(v, instr) {
						continue
					}
					if sig, ok := p.heldInSource(v, instr); ok {
						in.gated = append(in.gated, gatedFunc{v, sig})
					} else {
						in.next = append(in.next, v)
					}
				case *ssa.Global:
					in.globals = append(in.globals, v)
				}
			}
		}
	}
	return in
}

// wireProvider reports whether instr only hands fn to google/wire's
// NewSet or Build: a provider, which wire's generator reads and which
// nothing runs through that mention. The code wire generates calls each
// provider by name where an injector uses it, so a package's provider
// set (var ProviderSet = wire.NewSet(NewBalanceWorker, NewBillingWorker))
// does not make every service that imports the package run them all.
func wireProvider(fn *ssa.Function, instr ssa.Instruction) bool {
	mi, ok := instr.(*ssa.MakeInterface)
	return ok && mi.X == fn && onlyWireDeclared(mi)
}

// runElsewhere reports whether instr only hands fn to calls that have
// another process run it: Temporal's client starting a workflow, or a
// workflow scheduling an activity or a child workflow, which run on the
// workers that poll the task queue; those register what they run
// (RegisterWorkflow, RegisterActivity), which reaches it there. An API
// server that starts a workflow does not run the workflow's code. A
// local activity runs in the process and is not one of these.
func runElsewhere(fn *ssa.Function, instr ssa.Instruction) bool {
	mi, ok := instr.(*ssa.MakeInterface)
	return ok && mi.X == fn && onlyRunElsewhere(mi, 0)
}

// onlyRunElsewhere reports whether every use of v, or of the phis it
// flows into (var wf any; if … {wf = A} else {wf = B}), is as the
// function argument of a call in remoteRuns.
func onlyRunElsewhere(v ssa.Value, depth int) bool {
	refs := v.Referrers()
	if refs == nil || len(*refs) == 0 || depth > 4 {
		return false
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.Phi:
			if !onlyRunElsewhere(r, depth+1) {
				return false
			}
		case ssa.CallInstruction:
			i, ok := remoteRuns[calleeKey(r.Common())]
			if args := r.Common().Args; !ok || i >= len(args) || args[i] != v || slices.Index(args, v) != i {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// remoteRuns are the calls that have a worker elsewhere run a function
// value, by callee key, with the index of the argument that holds it.
var remoteRuns = map[string]int{
	"go.temporal.io/sdk/client.Client.ExecuteWorkflow":         2,
	"go.temporal.io/sdk/client.Client.SignalWithStartWorkflow": 5,
	"go.temporal.io/sdk/workflow.ExecuteActivity":              1,
	"go.temporal.io/sdk/workflow.ExecuteChildWorkflow":         1,
}

// onlyWireDeclared reports whether every use of v is as an argument of
// wire's NewSet or Build, directly or as an element of the array its
// variadic arguments are passed in.
func onlyWireDeclared(v ssa.Value) bool {
	refs := v.Referrers()
	if refs == nil || len(*refs) == 0 {
		return false
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case ssa.CallInstruction:
			if !wireDeclaration(r.Common()) || r.Common().Value == v {
				return false
			}
		case *ssa.Store:
			ia, ok := r.Addr.(*ssa.IndexAddr)
			if !ok || r.Val != v {
				return false
			}
			if arr, ok := ia.X.(*ssa.Alloc); !ok || !onlyWireArgs(arr) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// onlyWireArgs reports whether the array arr is only written element by
// element and passed, as a slice, to wire's NewSet or Build: the
// variadic arguments of such a call.
func onlyWireArgs(arr *ssa.Alloc) bool {
	refs := arr.Referrers()
	if refs == nil {
		return false
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.IndexAddr:
			for _, u := range *r.Referrers() {
				if st, ok := u.(*ssa.Store); !ok || st.Addr != r {
					return false
				}
			}
		case *ssa.Slice:
			uses := r.Referrers()
			if uses == nil || len(*uses) == 0 {
				return false
			}
			for _, u := range *uses {
				c, ok := u.(ssa.CallInstruction)
				if !ok || !wireDeclaration(c.Common()) {
					return false
				}
			}
		default:
			return false
		}
	}
	return true
}

// wireDeclaration reports whether c calls google/wire's NewSet or Build,
// which declare providers for wire's generator to read.
func wireDeclaration(c *ssa.CallCommon) bool {
	callee := c.StaticCallee()
	if callee == nil || callee.Pkg == nil || callee.Signature.Recv() != nil {
		return false
	}
	return normPath(callee.Pkg.Pkg.Path()) == "github.com/google/wire" && (callee.Name() == "NewSet" || callee.Name() == "Build")
}

// commandRunField reports whether addr is a cobra command's field of a
// function it runs (Run, RunE, PreRun, PersistentPostRunE, …).
func commandRunField(addr ssa.Value) bool {
	fa, ok := addr.(*ssa.FieldAddr)
	if !ok || !isCobraCommand(fa.X.Type()) {
		return false
	}
	name := fieldName(fa)
	return strings.HasSuffix(name, "Run") || strings.HasSuffix(name, "RunE")
}

// runsCommand reports whether a closure is only a cobra command's run
// function: stored as one, or wrapped by a call whose result is
// (Run: cli.WithSignalContext(func(…) {…})).
func runsCommand(mc *ssa.MakeClosure) bool {
	return onlyRun(mc, true, 4)
}

// onlyRun is runsCommand for any value, through at most depth builders
// (a builder's closure handed to another builder is a cycle in hostile
// code).
func onlyRun(v ssa.Value, wrapped bool, depth int) bool {
	refs := v.Referrers()
	if refs == nil || len(*refs) == 0 || depth == 0 {
		return false
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Val != v || !commandRunField(r.Addr) {
				return false
			}
		case *ssa.Call:
			if !wrapped || r.Common().StaticCallee() == nil || !onlyRun(r, false, depth) && !capturedByRuns(r.Common(), v, depth-1) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// capturedByRuns reports whether a call hands v to a function of the
// program whose parameter only command run functions capture: a command
// builder given a client factory (modifyResourceListCmd(getProjIf, …),
// whose Run calls getProjIf).
func capturedByRuns(c *ssa.CallCommon, v ssa.Value, depth int) bool {
	callee := c.StaticCallee()
	if callee == nil || callee.Blocks == nil || c.Value == v {
		return false
	}
	for i, a := range c.Args {
		if a != v || i >= len(callee.Params) {
			continue
		}
		return onlyCapturedByRuns(callee.Params[i], depth)
	}
	return false
}

// onlyCapturedByRuns reports whether v is used only by command run
// closures that capture it: directly, or through the cell a captured
// parameter is kept in (*t0 = getProjIf).
func onlyCapturedByRuns(v ssa.Value, depth int) bool {
	refs := v.Referrers()
	if refs == nil || len(*refs) == 0 {
		return false
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.MakeClosure:
			if !onlyRun(r, true, depth) {
				return false
			}
		case *ssa.Store:
			cell, ok := r.Addr.(*ssa.Alloc)
			if !ok || r.Val != v || !onlyCellCaptured(cell, r, depth) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// onlyCellCaptured reports whether a variable's cell is only written by
// st and captured by command run closures.
func onlyCellCaptured(cell *ssa.Alloc, st *ssa.Store, depth int) bool {
	refs := cell.Referrers()
	if refs == nil {
		return false
	}
	for _, r := range *refs {
		if r == ssa.Instruction(st) {
			continue
		}
		mc, ok := r.(*ssa.MakeClosure)
		if !ok || !onlyRun(mc, true, depth) {
			return false
		}
	}
	return true
}

// executesCommand reports whether a call may run a cobra command: one of
// its Execute methods, or a library (but cobra's own, its doc generator
// among them) handed a command.
func (p *program) executesCommand(c *ssa.CallCommon) bool {
	callee := c.StaticCallee()
	if callee == nil || funcPkg(callee) == nil || p.sourceTypes[funcPkg(callee)] {
		return false
	}
	path := funcPkg(callee).Path()
	if path == "github.com/spf13/cobra" {
		return strings.HasPrefix(callee.Name(), "Execute")
	}
	if runsNoCommand(path) {
		return false
	}
	// A library handed a command, or a value holding one
	// (clifw.Run(Options{Root: root})), may run it.
	for _, a := range c.Args {
		if holdsCommand(a.Type(), 3) {
			return true
		}
	}
	return false
}

// onlyReadBy reports whether a command made an interface is only handed
// to a library's code that runs no command (a help template executed
// over it). The program's own code may call its Execute.
func (p *program) onlyReadBy(mi *ssa.MakeInterface) bool {
	refs := mi.Referrers()
	if refs == nil || len(*refs) == 0 {
		return false
	}
	for _, r := range *refs {
		c, ok := r.(ssa.CallInstruction)
		if !ok {
			return false
		}
		callee := c.Common().StaticCallee()
		if callee == nil && c.Common().IsInvoke() && c.Common().Value != mi {
			// A method of a library's value (tt.Execute(out, c)).
			if named, ok := types.Unalias(deref(c.Common().Value.Type())).(*types.Named); ok && named.Obj().Pkg() != nil && !p.sourceTypes[named.Obj().Pkg()] && runsNoCommand(named.Obj().Pkg().Path()) {
				continue
			}
			return false
		}
		if callee == nil || funcPkg(callee) == nil || p.sourceTypes[funcPkg(callee)] || !runsNoCommand(funcPkg(callee).Path()) {
			return false
		}
	}
	return true
}

// runsNoCommand reports whether a library's code (never the program's
// own: its module's path may have no dot) never runs a cobra command
// handed to it: cobra's doc generator walks the commands; kubectl's
// helpers (RunCreate(f, cmd)) read a command's flags; the standard
// library knows no cobra.
func runsNoCommand(path string) bool {
	return strings.HasPrefix(path, "github.com/spf13/cobra/") || strings.HasPrefix(path, "k8s.io/kubectl/") || !strings.Contains(strings.SplitN(path, "/", 2)[0], ".")
}

// libraryCommand reports whether addr is a library's package variable
// holding a cobra command.
func (p *program) libraryCommand(addr ssa.Value) bool {
	g, ok := addr.(*ssa.Global)
	return ok && g.Pkg != nil && !p.source[g.Pkg] && isCobraCommand(g.Type().(*types.Pointer).Elem())
}

// holdsCommand reports whether a value of type t is or holds a cobra
// command: a pointer to one, or a struct, slice or pointer holding one,
// a few levels down.
func holdsCommand(t types.Type, depth int) bool {
	if isCobraCommand(t) {
		return true
	}
	if depth == 0 {
		return false
	}
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		return holdsCommand(u.Elem(), depth-1)
	case *types.Slice:
		return holdsCommand(u.Elem(), depth-1)
	case *types.Struct:
		for i := range u.NumFields() {
			if holdsCommand(u.Field(i).Type(), depth-1) {
				return true
			}
		}
	}
	return false
}

// executesGeneric reports whether a call runs an instance of generic code
// over cobra commands (run[*cobra.Command](root), which may call Execute
// through its type parameter).
func executesGeneric(c *ssa.CallCommon) bool {
	callee := c.StaticCallee()
	if callee == nil {
		return false
	}
	for _, t := range callee.TypeArgs() {
		if isCobraCommand(t) {
			return true
		}
	}
	return false
}

// paramConversion returns the conversion of x to an interface when x is
// a value of a type parameter, or a pointer to one.
func paramConversion(x ssa.Value, to types.Type) (paramConvert, bool) {
	t, ptr := x.Type(), false
	if p, ok := t.(*types.Pointer); ok {
		t, ptr = p.Elem(), true
	}
	tp, ok := t.(*types.TypeParam)
	return paramConvert{tp, ptr, to}, ok
}

// deadUses returns the instructions of fn skipped, and the closures,
// interface values and conversions (a function as a named func type) that
// fn's live blocks make for its dead blocks or those instructions alone: a handler main builds before it chooses, for
// the router of one choice only, is not the other choices'.
func deadUses(fn *ssa.Function, dead map[*ssa.BasicBlock]bool, skip map[ssa.Instruction]bool) map[ssa.Instruction]bool {
	out := make(map[ssa.Instruction]bool)
	for instr := range skip {
		if instr.Parent() == fn {
			out[instr] = true
		}
	}
	for changed := true; changed; {
		changed = false
		for _, b := range fn.Blocks {
			if dead[b] {
				continue
			}
			for _, instr := range b.Instrs {
				switch instr.(type) {
				case *ssa.MakeClosure, *ssa.MakeInterface, *ssa.ChangeInterface, *ssa.ChangeType:
				default:
					continue
				}
				refs := instr.(ssa.Value).Referrers()
				if out[instr] || refs == nil || len(*refs) == 0 {
					continue
				}
				all := true
				for _, r := range *refs {
					if !dead[r.Block()] && !out[r] {
						all = false
						break
					}
				}
				if all {
					out[instr], changed = true, true
				}
			}
		}
	}
	return out
}

// library reports whether an interface type is a library's, whose
// methods code archie has no body for may call: one declared outside the
// program's source packages, error, or an interface literal.
func (p *program) library(t types.Type) bool {
	named, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return true
	}
	pkg := named.Obj().Pkg()
	return pkg == nil || !p.sourceTypes[pkg]
}

// libraryCalls returns the methods of a source type t that a library may
// call once a value of t is converted to iface: iface's methods, when
// iface is a library's.
func (p *program) libraryCalls(t, iface types.Type) []*ssa.Function {
	it, ok := iface.Underlying().(*types.Interface)
	if !ok || it.NumMethods() == 0 || !p.library(iface) {
		return nil
	}
	var out []*ssa.Function
	for _, m := range p.methods(t) {
		if obj, _, _ := types.LookupFieldOrMethod(iface, false, nil, m.Name()); obj != nil {
			out = append(out, m)
		}
	}
	return out
}

// reachers tells, for each of targets, which of the root sets reach it:
// bit i of the result for a target is set when roots[i] reaches it. It
// walks the code once, whatever the number of root sets, propagating
// what each function reaches over the strongly connected components of
// the reachability graph.
//
// A root set is a request handler, and what it reaches must follow the
// calls it makes through interfaces: a handler that calls a use case
// through an injected interface, which calls a repository through
// another, runs the repository's outgoing calls. An interface method
// call reaches the method of every type that implements the interface
// and whose method the service reaches (within): the implementations the
// service builds, and not those of code it never runs.
func (p *program) reachers(roots [][]*ssa.Function, targets []*ssa.Function, within map[*ssa.Function]bool) map[*ssa.Function]bitset {
	return reachersBy(roots, targets, p.handlerSuccessors(within))
}

// directReachers is reachers without interface dispatch: a handler
// reaches what its code calls, and the functions it hands on as values,
// but not every implementation an interface call may run.
func (p *program) directReachers(roots [][]*ssa.Function, targets []*ssa.Function) map[*ssa.Function]bitset {
	return reachersBy(roots, targets, p.successors)
}

// reachersBy returns, for each target, the indexes of the root sets that
// reach it over the graph next gives.
func reachersBy(roots [][]*ssa.Function, targets []*ssa.Function, next func(*ssa.Function) []*ssa.Function) map[*ssa.Function]bitset {
	t := newTargetWalk(targets, next)
	out := make(map[*ssa.Function]bitset, len(targets))
	for i, set := range roots {
		for _, r := range set {
			if r == nil {
				continue
			}
			for _, ti := range t.reached(r).members() {
				b := out[targets[ti]]
				b.add(i)
				out[targets[ti]] = b
			}
		}
	}
	return out
}

// A targetWalk finds which of a list of target functions each function
// reaches, over a graph of what each function may run next.
type targetWalk struct {
	next    func(*ssa.Function) []*ssa.Function
	tarjan  *tarjan
	reaches map[*ssa.Function]bitset // target indices
}

// reached returns the indices of the targets fn reaches, itself included.
func (t *targetWalk) reached(fn *ssa.Function) bitset {
	t.tarjan.visit(fn)
	return t.reaches[fn]
}

// handlerSuccessors is what a request handler's code may run next: what
// reaching a function makes reachable, and the methods of the service's
// types its interface calls may reach. It is memoized.
func (p *program) handlerSuccessors(within map[*ssa.Function]bool) func(*ssa.Function) []*ssa.Function {
	succs := make(map[*ssa.Function][]*ssa.Function)
	return func(fn *ssa.Function) []*ssa.Function {
		if out, ok := succs[fn]; ok {
			return out
		}
		out := slices.Clip(p.successors(fn)) // appending copies the memo
		for _, m := range p.dispatched(fn) {
			if within[m] {
				out = append(out, m)
			}
		}
		succs[fn] = out
		return out
	}
}

// newTargetWalk walks the graph next gives.
func newTargetWalk(targets []*ssa.Function, next func(*ssa.Function) []*ssa.Function) *targetWalk {
	index := make(map[*ssa.Function]int, len(targets))
	for i, t := range targets {
		index[t] = i
	}
	// reaches[fn] is the set of targets fn reaches, as indices.
	reaches := make(map[*ssa.Function]bitset)
	tarjan := newTarjan(next, func(scc []*ssa.Function) {
		var set bitset
		for _, fn := range scc {
			if i, ok := index[fn]; ok {
				set.add(i)
			}
			for _, n := range next(fn) {
				set.union(reaches[n])
			}
		}
		for _, fn := range scc {
			reaches[fn] = set
		}
	})
	return &targetWalk{next: next, tarjan: tarjan, reaches: reaches}
}

// dispatched returns the methods that the interface method calls of fn
// may run: for a call of M on interface I, the method M of every source
// type implementing I.
func (p *program) dispatched(fn *ssa.Function) []*ssa.Function {
	return p.dispatch.get(fn, func() []*ssa.Function {
		var out []*ssa.Function
		for _, inv := range p.scan(fn).invokes {
			out = append(out, p.implementers(inv.iface, inv.name)...)
		}
		return out
	})
}

// implementers returns method name of every source type that implements
// iface: what a call of it through the interface may run.
func (p *program) implementers(iface *types.Interface, name string) []*ssa.Function {
	return p.impls.get(implKey{iface, name}, func() []*ssa.Function {
		var out []*ssa.Function
		for _, t := range p.withMethod[name] {
			if p.implements(t, iface) {
				if m := p.method(t, name); m != nil {
					out = append(out, m)
				}
			}
		}
		return out
	})
}

type implKey struct {
	iface *types.Interface
	name  string
}

// implements is types.Implements, memoized. Types and interfaces are
// keyed by identity, not by types.Identical: two identical ones asked
// apart are computed twice, with the same answer.
func (p *program) implements(t types.Type, iface *types.Interface) bool {
	return p.satisfies.get(satisfyKey{t, iface}, func() bool { return types.Implements(t, iface) })
}

type satisfyKey struct {
	t     types.Type
	iface *types.Interface
}

// A bitset is a set of small non-negative integers.
type bitset []uint64

func (b *bitset) add(i int) {
	for len(*b) <= i/64 {
		*b = append(*b, 0)
	}
	(*b)[i/64] |= 1 << (i % 64)
}

func (b *bitset) union(c bitset) {
	for len(*b) < len(c) {
		*b = append(*b, 0)
	}
	for i, w := range c {
		(*b)[i] |= w
	}
}

func (b bitset) has(i int) bool { return i/64 < len(b) && b[i/64]&(1<<(i%64)) != 0 }

func (b bitset) members() []int {
	var out []int
	for i := range len(b) * 64 {
		if b.has(i) {
			out = append(out, i)
		}
	}
	return out
}

// A tarjan finds the strongly connected components of the graph that
// next describes, from whichever functions it is asked to visit. It hands
// each component to done after every component that one reaches.
type tarjan struct {
	next    func(*ssa.Function) []*ssa.Function
	done    func(scc []*ssa.Function)
	index   map[*ssa.Function]int
	low     map[*ssa.Function]int
	onStack map[*ssa.Function]bool
	stack   []*ssa.Function
}

func newTarjan(next func(*ssa.Function) []*ssa.Function, done func([]*ssa.Function)) *tarjan {
	return &tarjan{next: next, done: done, index: make(map[*ssa.Function]int), low: make(map[*ssa.Function]int), onStack: make(map[*ssa.Function]bool)}
}

func (t *tarjan) visit(v *ssa.Function) {
	if _, ok := t.index[v]; ok {
		return
	}
	i := len(t.index)
	t.index[v], t.low[v] = i, i
	t.stack = append(t.stack, v)
	t.onStack[v] = true
	for _, w := range t.next(v) {
		if _, ok := t.index[w]; !ok {
			t.visit(w)
			t.low[v] = min(t.low[v], t.low[w])
		} else if t.onStack[w] {
			t.low[v] = min(t.low[v], t.index[w])
		}
	}
	if t.low[v] != t.index[v] {
		return
	}
	var scc []*ssa.Function
	for {
		w := t.stack[len(t.stack)-1]
		t.stack = t.stack[:len(t.stack)-1]
		t.onStack[w] = false
		scc = append(scc, w)
		if w == v {
			break
		}
	}
	t.done(scc)
}

// heldInSource reports whether a function value instr makes stays within
// the program's code, and returns its signature: reaching instr then
// makes fn reachable only once some reached code calls a function value
// of that signature, or hands one to a library. A call of fn itself, a
// generic body's, and a value that leaves the code are reached at once.
func (p *program) heldInSource(fn *ssa.Function, instr ssa.Instruction) (*types.Signature, bool) {
	if c, ok := instr.(ssa.CallInstruction); ok && c.Common().Value == fn {
		return nil, false
	}
	sig := fn.Signature
	if fn.TypeParams().Len() > 0 || hasTypeParam(sig) {
		return nil, false
	}
	if mc, ok := instr.(*ssa.MakeClosure); ok && mc.Fn == fn {
		refs := mc.Referrers()
		if refs == nil || len(*refs) == 0 {
			return nil, false
		}
		for _, r := range *refs {
			if !p.staysInSource(mc, r, 4) {
				return nil, false
			}
		}
		return sig, true
	}
	return sig, p.staysInSource(fn, instr, 4)
}

// staysInSource reports whether user keeps the function value v within
// the program's code: calls it, returns it, keeps it in a local variable
// or in a field of one of the program's types, captures it, or hands it
// to a function of the program (whose own uses are then judged where
// they are). Anything else (a library's call, an interface, a package
// variable, a map or slice) may call it from where archie cannot see.
func (p *program) staysInSource(v ssa.Value, user ssa.Instruction, depth int) bool {
	switch u := user.(type) {
	case ssa.CallInstruction:
		c := u.Common()
		if c.Value == v {
			return true
		}
		// Not an instance of generic code: its body calls the value
		// at its type parameters' signature, never identical to ours.
		callee := c.StaticCallee()
		return callee != nil && callee.Blocks != nil && callee.Pkg != nil && p.source[callee.Pkg] && callee.Origin() == nil
	case *ssa.Store:
		if u.Val != v {
			return true
		}
		switch addr := u.Addr.(type) {
		case *ssa.Alloc:
			return true
		case *ssa.FieldAddr:
			ptr, ok := addr.X.Type().Underlying().(*types.Pointer)
			if !ok {
				return false
			}
			named, ok := types.Unalias(ptr.Elem()).(*types.Named)
			return ok && p.sourceTypes[named.Obj().Pkg()] && named.TypeArgs().Len() == 0
		}
		return false
	case *ssa.Return:
		// Back to the callers of a function only the program calls by
		// name; a function value's or a method's caller may be a
		// library's code.
		return !p.calledAsValue(u.Parent())
	case *ssa.DebugRef, *ssa.BinOp: // compared with nil, not called
		return true
	case *ssa.MakeClosure:
		return u.Fn != v
	case *ssa.ChangeType, *ssa.Phi:
		if depth == 0 {
			return false
		}
		refs := u.(ssa.Value).Referrers()
		if refs == nil {
			return false
		}
		for _, r := range *refs {
			if !p.staysInSource(u.(ssa.Value), r, depth-1) {
				return false
			}
		}
		return true
	}
	return false
}

// calledAsValue reports whether a function may be called other than by
// name from the program's code: a closure, a method (through an
// interface), or a function the code mentions as a value.
func (p *program) calledAsValue(fn *ssa.Function) bool {
	if fn.Parent() != nil || fn.Signature.Recv() != nil {
		return true
	}
	p.valuesOnce.Do(func() {
		p.values = make(map[*ssa.Function]bool)
		var ops [16]*ssa.Value
		for _, f := range p.funcs {
			for _, b := range f.Blocks {
				for _, instr := range b.Instrs {
					var callee ssa.Value
					if c, ok := instr.(ssa.CallInstruction); ok {
						callee = c.Common().Value
					}
					for _, op := range instr.Operands(ops[:0]) {
						if v, ok := (*op).(*ssa.Function); ok && (*op) != callee {
							p.values[v] = true
						}
					}
				}
			}
		}
	})
	return p.values[fn]
}

// hasTypeParam reports whether a signature mentions a type parameter.
func hasTypeParam(sig *types.Signature) bool {
	for _, tup := range []*types.Tuple{sig.Params(), sig.Results()} {
		for v := range tup.Variables() {
			if containsTypeParam(v.Type(), 3) {
				return true
			}
		}
	}
	return false
}

func containsTypeParam(t types.Type, depth int) bool {
	if depth < 0 {
		return false
	}
	switch u := types.Unalias(t).(type) {
	case *types.TypeParam:
		return true
	case *types.Pointer:
		return containsTypeParam(u.Elem(), depth-1)
	case *types.Slice:
		return containsTypeParam(u.Elem(), depth-1)
	case *types.Map:
		return containsTypeParam(u.Key(), depth-1) || containsTypeParam(u.Elem(), depth-1)
	case *types.Chan:
		return containsTypeParam(u.Elem(), depth-1)
	case *types.Signature:
		return hasTypeParam(u)
	case *types.Named:
		for a := range u.TypeArgs().Types() {
			if containsTypeParam(a, depth-1) {
				return true
			}
		}
	}
	return false
}
