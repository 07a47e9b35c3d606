package services

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"
)

// TestReach walks small programs, built to SSA from source with no
// imports (nothing is loaded), from main and init.
func TestReach(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string // reached, besides main and init
		not  []string // functions that must not be reached
	}{
		{
			name: "static calls, transitively",
			src: `
func a() { b() }
func b() {}
func c() {}
func main() { a() }`,
			want: []string{"a", "b"},
			not:  []string{"c"},
		},
		{
			name: "a function mentioned as a value is reached, called or not",
			src: `
var hooks []func()
func register(f func()) { hooks = append(hooks, f) }
func onStart() {}
func worker() {}
func unused() {}
func main() { register(onStart); go worker() }`,
			want: []string{"register", "onStart", "worker"},
			not:  []string{"unused"},
		},
		{
			name: "closures and method values",
			src: `
type T struct{}
func (T) M() {}
func (T) N() {}
func call(f func()) { f() }
func main() { call(func() { call(T{}.M) }) }`,
			want: []string{"call", "main$1", "T.M"},
			not:  []string{"T.N"},
		},
		{
			name: "an interface call reaches the types converted to interfaces, not one never converted",
			src: `
type I interface{ M() }
type T struct{}
func (T) M()     {}
func (T) Other() {}
type P struct{}
func (*P) M() {}
type U struct{}
func (U) M() {}
func use(i I) { i.M() }
func main() { use(T{}); use(&P{}) }`,
			want: []string{"use", "T.M", "*P.M"},
			not:  []string{"U.M", "T.Other"},
		},
		{
			name: "a type converted after the call is met is reached too",
			src: `
type Repo interface{ Get() }
type sqlRepo struct{}
func (sqlRepo) Get() {}
func use(r Repo) { if r != nil { r.Get() } }
func later() Repo { return sqlRepo{} }
func main() { use(nil); later() }`,
			want: []string{"use", "later", "sqlRepo.Get"},
		},
		{
			name: "a method no reachable code calls is not reached, though its type is built",
			src: `
type Repo interface{ Get() }
type sqlRepo struct{}
func (sqlRepo) Get() { query() }
func query() {}
func New() Repo { return sqlRepo{} }
func main() { New() }`,
			want: []string{"New"},
			not:  []string{"sqlRepo.Get", "query"},
		},
		{
			name: "a library may call the methods of the library interface it is given",
			src: `
type E struct{}
func (E) Error() string { return "" }
func (E) Unused()       {}
func fail() error { return E{} }
func main() { fail() }`,
			want: []string{"fail", "E.Error"},
			not:  []string{"E.Unused"},
		},
		{
			name: "a generic instance reaches the methods of its type arguments",
			src: `
type I interface{ M() }
type V struct{}
func (V) M() {}
type W struct{}
func (W) M() {}
func G[X I](x X) { x.M() }
func main() { G(V{}) }`,
			want: []string{"G", "V.M"},
			not:  []string{"W.M"},
		},
		{
			name: "a generic instance reaches the methods its body calls, not all its type argument's",
			src: `
type I interface{ M() }
type V struct{}
func (V) M()      {}
func (V) Unused() {}
func G[X I](x X) { x.M() }
func main() { G(V{}) }`,
			want: []string{"G", "V.M"},
			not:  []string{"V.Unused"},
		},
		{
			name: "a generic body that hands its type parameter to a library as its interface reaches the argument's methods of it",
			src: `
type E struct{}
func (E) Error() string { return "" }
func (E) Unused()       {}
func asError[T error](t T) error { return t }
func asAny[T any](t T) error { var x any = &t; return x.(error) }
func main() { asError(E{}); asAny(0) }`,
			want: []string{"asError", "E.Error"},
			not:  []string{"E.Unused"},
		},
		{
			name: "a pointer type argument reaches its methods",
			src: `
type I interface{ M() }
type V struct{}
func (*V) M() {}
func G[X I](x X) { x.M() }
func main() { G(&V{}) }`,
			want: []string{"G", "*V.M"},
		},
		{
			name: "an interface value handed on as a library's interface may have any of its methods called",
			src: `
type Server interface {
	error
	Serve()
}
type T struct{}
func (T) Error() string { return "" }
func (T) Serve()        {}
func (T) Helper()       {}
func register(e error) {}
func main() { var s Server = T{}; register(s) }`,
			want: []string{"register", "T.Error", "T.Serve"},
			not:  []string{"T.Helper"},
		},
		{
			name: "init is a root",
			src: `
func setup() {}
func init() { setup() }
func main() {}`,
			want: []string{"setup"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, pkg := buildSource(t, tc.src)
			got := make(map[string]bool)
			for fn := range p.reach([]*ssa.Function{pkg.Func("main"), pkg.Func("init")}) {
				got[shortName(fn)] = true
			}
			for _, w := range tc.want {
				if !got[w] {
					t.Errorf("reach does not reach %s; reached %s", w, reachedNames(got))
				}
			}
			for _, n := range tc.not {
				if got[n] {
					t.Errorf("reach reaches %s; reached %s", n, reachedNames(got))
				}
			}
		})
	}
}

// TestReachers tells which of several root sets reach each target.
func TestReachers(t *testing.T) {
	p, pkg := buildSource(t, `
func shared() {}
func onlyA() {}
func a() { shared(); onlyA(); loop() }
func b() { shared() }
func loop() { loop2() }
func loop2() { loop(); onlyLoop() }
func onlyLoop() {}
func main() {}`)
	fn := func(name string) *ssa.Function { return pkg.Func(name) }
	targets := []*ssa.Function{fn("shared"), fn("onlyA"), fn("onlyLoop"), fn("main")}
	by := p.reachers([][]*ssa.Function{{fn("a")}, {fn("b")}}, targets, nil)
	for _, tc := range []struct {
		target string
		want   []int
	}{
		{"shared", []int{0, 1}},
		{"onlyA", []int{0}},
		{"onlyLoop", []int{0}},
		{"main", nil},
	} {
		if got := by[fn(tc.target)].members(); !equalInts(got, tc.want) {
			t.Errorf("reachers of %s = %v, want %v", tc.target, got, tc.want)
		}
	}
}

// TestReachersThroughInterfaces follows a handler into the use case and
// repository it was given as interfaces: to the implementations the
// program builds, not to those it never does.
func TestReachersThroughInterfaces(t *testing.T) {
	p, pkg := buildSource(t, `
type Repo interface{ Save() }
type sqlRepo struct{}
func (sqlRepo) Save() { write() }
type memRepo struct{}
func (memRepo) Save() { remember() }
func write()    {}
func remember() {}
type UseCase interface{ Do() }
type orders struct{ r Repo }
func (o *orders) Do() { o.r.Save() }
type Handler struct{ uc UseCase }
func (h *Handler) Create() { h.uc.Do() }
func (h *Handler) Health() {}
func main() { h := &Handler{uc: &orders{r: sqlRepo{}}}; h.Create(); h.Health() }`)
	fn := func(name string) *ssa.Function { return pkg.Func(name) }
	method := func(typ, name string) *ssa.Function {
		return p.prog.LookupMethod(types.NewPointer(pkg.Type(typ).Type()), pkg.Pkg, name)
	}
	within := p.reach([]*ssa.Function{fn("main")})
	targets := []*ssa.Function{fn("write"), fn("remember")}
	by := p.reachers([][]*ssa.Function{{method("Handler", "Create")}, {method("Handler", "Health")}}, targets, within)
	if got := by[fn("write")].members(); !equalInts(got, []int{0}) {
		t.Errorf("write is reached by handlers %v, want [0]: Create reaches it through two interfaces", got)
	}
	if got := by[fn("remember")].members(); len(got) != 0 {
		t.Errorf("remember is reached by handlers %v, want none: memRepo is never built", got)
	}
	// Without the service's reach, an interface call goes nowhere.
	if got := p.reachers([][]*ssa.Function{{method("Handler", "Create")}}, targets, nil)[fn("write")].members(); len(got) != 0 {
		t.Errorf("with nothing reached, write is reached by %v", got)
	}
}

// buildSource builds one package main from source into a program.
func buildSource(t *testing.T, src string) (*program, *ssa.Package) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "main.go", "package main\n"+src, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, _, err := ssautil.BuildPackage(&types.Config{}, fset, types.NewPackage("example.com/r", "main"), []*ast.File{f}, 0)
	if err != nil {
		t.Fatal(err)
	}
	return newProgram(pkg.Prog, []*ssa.Package{pkg}), pkg
}

// shortName names a function as the tests do: "a", "T.M", "*P.M",
// "main$1", "G" for an instance of G.
func shortName(fn *ssa.Function) string {
	if o := fn.Origin(); o != nil {
		fn = o
	}
	if recv := fn.Signature.Recv(); recv != nil {
		t := recv.Type()
		star := ""
		if p, ok := t.(*types.Pointer); ok {
			t, star = p.Elem(), "*"
		}
		if n, ok := t.(*types.Named); ok {
			return star + n.Obj().Name() + "." + fn.Name()
		}
	}
	return fn.Name()
}

func reachedNames(set map[string]bool) string {
	var out []string
	for n := range set {
		out = append(out, n)
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
