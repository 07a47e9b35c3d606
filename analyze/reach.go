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
	p := &program{prog: prog, source: make(map[*ssa.Package]bool)}
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
						// Promoted methods come as wrappers that call the
						// embedded type's method: a go-zero model's custom
						// type reaches its generated default's queries.
						fn := prog.MethodValue(mset.At(i))
						if fn == nil {
							continue
						}
						add(fn)
						p.methodsOf.Set(t, append(p.methods(t), fn))
					}
				}
			}
		}
		add(pkg.Func("init"))
	}
	return p
}

// reach returns the functions reachable from roots, in the manner of Rapid
// Type Analysis. Calls with a static callee are followed. A value can only
// be called through an interface once reachable code has converted it to
// one, so the methods of every type converted to an interface are
// reachable, whether the call is in the program or in a library archie has
// no body for (a server registered with gRPC). A function mentioned as a
// value (a handler given to a router, a goroutine, a callback) is
// reachable as soon as the code mentioning it is. A repository type that
// implements an interface but is never built is not reached, as class
// hierarchy analysis would have it.
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
					if callee := c.Common().StaticCallee(); callee != nil {
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
