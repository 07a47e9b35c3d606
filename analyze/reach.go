package analyze

import (
	"go/types"

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
	// impls indexes the methods of the source packages' named types by
	// name, for calls through interfaces.
	impls map[string][]*ssa.Function
	// methodsOf lists the methods of each source type (T and *T), for
	// values of that type that become interfaces (a library may call any
	// of them).
	methodsOf typeutil.Map // types.Type -> []*ssa.Function
}

// methods returns the methods of a source type.
func (p *program) methods(t types.Type) []*ssa.Function {
	ms, _ := p.methodsOf.At(t).([]*ssa.Function)
	return ms
}

func newProgram(prog *ssa.Program, source []*ssa.Package) *program {
	p := &program{prog: prog, source: make(map[*ssa.Package]bool), impls: make(map[string][]*ssa.Function)}
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
		for _, m := range pkg.Members {
			switch m := m.(type) {
			case *ssa.Function:
				add(m)
			case *ssa.Type:
				named, ok := m.Type().(*types.Named)
				if !ok || named.TypeParams() != nil {
					continue
				}
				for _, t := range []types.Type{named, types.NewPointer(named)} {
					mset := prog.MethodSets.MethodSet(t)
					for i := range mset.Len() {
						fn := prog.MethodValue(mset.At(i))
						if fn == nil || fn.Pkg != pkg {
							continue // promoted from an embedded type elsewhere
						}
						add(fn)
						p.methodsOf.Set(t, append(p.methods(t), fn))
						p.impls[fn.Name()] = append(p.impls[fn.Name()], fn)
					}
				}
			}
		}
		add(pkg.Func("init"))
	}
	return p
}

// reach returns the functions reachable from roots. Calls with a static
// callee are followed; a call through an interface reaches every method of
// that name whose receiver implements the interface; and, because library
// code archie has no body for may call them, a function mentioned as a
// value (a handler passed to a router, a goroutine, a callback) and the
// methods of a value converted to an interface (a server registered with
// gRPC) are reachable as soon as the code mentioning them is.
func (p *program) reach(roots []*ssa.Function) map[*ssa.Function]bool {
	seen := make(map[*ssa.Function]bool)
	var work []*ssa.Function
	push := func(fn *ssa.Function) {
		if fn == nil || seen[fn] {
			return
		}
		seen[fn] = true
		work = append(work, fn)
	}
	for _, r := range roots {
		push(r)
	}
	var typesSeen typeutil.Map
	for len(work) > 0 {
		fn := work[len(work)-1]
		work = work[:len(work)-1]
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if c, ok := instr.(ssa.CallInstruction); ok {
					common := c.Common()
					if common.IsInvoke() {
						iface, _ := common.Value.Type().Underlying().(*types.Interface)
						for _, m := range p.impls[common.Method.Name()] {
							if iface != nil && types.Implements(m.Signature.Recv().Type(), iface) {
								push(m)
							}
						}
					} else if callee := common.StaticCallee(); callee != nil {
						push(callee)
					}
				}
				if mi, ok := instr.(*ssa.MakeInterface); ok {
					t := mi.X.Type()
					if typesSeen.At(t) == nil {
						typesSeen.Set(t, true)
						for _, m := range p.methods(t) {
							push(m)
						}
					}
				}
				var ops [16]*ssa.Value
				for _, op := range instr.Operands(ops[:0]) {
					if op == nil {
						continue
					}
					if f, ok := (*op).(*ssa.Function); ok {
						push(f)
					}
				}
			}
		}
	}
	return seen
}
