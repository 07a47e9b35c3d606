package services

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/archie-dev/archie/analyze"
)

// TestRecognizersMatchLibraries reads every row's key against the
// libraries' own source, as calleeKey names their calls: each major
// version of each library, fetched from the module proxy at its latest
// release. The fixtures run against stand-ins of the libraries, which
// can drift from the real thing: go-redis declares its commands on an
// unexported type every client embeds, and a stand-in that declared them
// on Client hid that no real call matched. A key must name a function, a
// method declared on the named type (or in the named interface's method
// set), or a named function type, in at least one major version; and a
// row's argument indexes must fit the parameters there.
//
// It downloads tens of modules, so it runs only when asked:
// ARCHIE_REAL_LIBRARIES=1 go test -run TestRecognizersMatchLibraries
// ./analyze/services/ (bench/libraries.sh). Any other value than 1 checks
// only the keys it is part of: ARCHIE_REAL_LIBRARIES=go.temporal.io checks
// the Temporal rows.
func TestRecognizersMatchLibraries(t *testing.T) {
	only := os.Getenv("ARCHIE_REAL_LIBRARIES")
	if only == "" {
		t.Skip("set ARCHIE_REAL_LIBRARIES=1 to read the real libraries from the module proxy")
	}
	work := t.TempDir()
	if err := os.WriteFile(filepath.Join(work, "go.mod"), []byte("module example.com/libraries\n\ngo 1.22\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	env := append(analyze.GoEnv(nil, false), "GOFLAGS=-mod=mod")
	goroot := strings.TrimSpace(runIn(t, work, env, "go", "env", "GOROOT"))

	// The module versions a library is fetched at: every major version
	// whose path normalizes to the row's, by its latest release.
	fetched := make(map[string][]string) // normalized module path -> dirs
	fetch := func(mod string) []string {
		if dirs, ok := fetched[mod]; ok {
			return dirs
		}
		var dirs []string
		for n := 1; n <= 9; n++ {
			path := mod
			if n > 1 {
				path = fmt.Sprintf("%s/v%d", mod, n)
			}
			cmd := exec.Command("go", "mod", "download", "-json", path+"@latest")
			cmd.Dir, cmd.Env = work, env
			out, err := cmd.Output()
			if err != nil {
				continue
			}
			var m struct{ Dir string }
			if json.Unmarshal(out, &m) == nil && m.Dir != "" {
				dirs = append(dirs, m.Dir)
				t.Logf("%s: %s", mod, filepath.Base(m.Dir))
			}
		}
		fetched[mod] = dirs
		return dirs
	}

	type libCheck struct {
		row    string
		lib    string
		key    string
		ctx    bool
		params []int // argument indexes the row reads
	}
	var checks []libCheck
	for _, r := range recognizers {
		var idx []int
		for _, o := range []operand{r.name, r.method, r.driver} {
			for p := &o; p != nil; p = p.or {
				if p.how != none && p.how != fromCalledName && p.i != recv {
					idx = append(idx, p.i)
				}
				if p.how == fromExchange {
					idx = append(idx, p.j)
				}
			}
		}
		if r.handler > 0 {
			idx = append(idx, r.handler)
		}
		if strings.HasSuffix(r.key, ".") {
			continue // a prefix (takesSQL), not a call
		}
		for _, k := range expand(r.key) {
			checks = append(checks, libCheck{row: r.key, lib: r.lib, key: k, ctx: r.ctx, params: idx})
		}
	}
	for _, s := range scopes {
		for _, k := range expand(s.key) {
			checks = append(checks, libCheck{row: s.key, key: k})
		}
	}

	if only != "1" {
		checks = slices.DeleteFunc(checks, func(c libCheck) bool { return !strings.Contains(c.key, only) })
		if len(checks) == 0 {
			t.Fatalf("ARCHIE_REAL_LIBRARIES=%s: no row's key has it", only)
		}
	}
	var missing, misfit, unchecked []string
	for _, c := range checks {
		dirs, pkg, rest := locateKey(c.key, c.lib, goroot, fetch)
		if dirs == nil {
			// The proxy does not serve it (some refuse old or
			// retracted modules): say so, it is not a verdict.
			unchecked = append(unchecked, c.key)
			continue
		}
		found := false
		var why []string
		for _, d := range dirs {
			decl := declIn(d, rest)
			if decl == nil {
				why = append(why, filepath.Base(rootOf(d, pkg))+": not declared")
				continue
			}
			found = true
			if n, variadic, first := decl.arity(); len(c.params) > 0 {
				shift := 0
				if c.ctx && first != "context.Context" {
					shift = 1
				}
				for _, i := range c.params {
					if j := i - shift; j < 0 || j >= n && !(variadic && n > 0) {
						misfit = append(misfit, fmt.Sprintf("%s in %s: the row reads argument %d, the call has %d", c.key, filepath.Base(rootOf(d, pkg)), i, n))
					}
				}
			}
		}
		if !found {
			missing = append(missing, fmt.Sprintf("%s: %s (row %s)", c.key, strings.Join(why, "; "), c.row))
		}
	}
	for _, m := range missing {
		t.Errorf("not in the library: %s", m)
	}
	for _, m := range misfit {
		t.Errorf("arguments: %s", m)
	}
	for _, k := range unchecked {
		t.Logf("not checked, its module could not be fetched: %s", k)
	}
	t.Logf("%d keys checked, %d not", len(checks)-len(unchecked), len(unchecked))
}

func runIn(t *testing.T, dir string, env []string, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir, cmd.Env = dir, env
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s %v: %v", name, args, err)
	}
	return string(out)
}

// locateKey splits a key into its package, found in the standard library
// or in the fetched versions of its module (the row's lib when the key is
// in it), and the rest (Type.Method or Func); dirs are the package's
// folders, one per version.
func locateKey(key, lib, goroot string, fetch func(string) []string) (dirs []string, pkg, rest string) {
	for i := len(key) - 1; i > 0; i-- {
		if key[i] != '.' {
			continue
		}
		p := key[:i]
		inLib := lib != "" && (p == lib || strings.HasPrefix(p, lib+"/"))
		if slash := strings.LastIndexByte(p, '/'); !inLib && strings.Contains(p[slash+1:], ".") && !strings.HasSuffix(p, ".go") {
			continue // "Type.Method" is not a package element
		}
		first, _, _ := strings.Cut(p, "/")
		if !strings.Contains(first, ".") {
			if d := filepath.Join(goroot, "src", filepath.FromSlash(p)); isDir(d) {
				return []string{d}, p, key[i+1:]
			}
			continue
		}
		mods := []string{lib}
		if !inLib {
			// Another owner's copy of the library ({IBM,Shopify}/sarama):
			// its module is most often the first three elements.
			elems := strings.Split(p, "/")
			mods = []string{strings.Join(elems[:min(3, len(elems))], "/")}
		}
		for _, mod := range mods {
			var out []string
			for _, root := range fetch(mod) {
				if d := filepath.Join(root, filepath.FromSlash(strings.TrimPrefix(p[len(mod):], "/"))); isDir(d) {
					out = append(out, d)
				}
			}
			if len(out) > 0 {
				return out, p, key[i+1:]
			}
		}
	}
	return nil, "", ""
}

// rootOf is the module version folder holding a package folder.
func rootOf(dir, pkg string) string {
	for d := dir; d != filepath.Dir(d); d = filepath.Dir(d) {
		if strings.Contains(filepath.Base(d), "@") {
			return d
		}
	}
	return dir
}

// A decl is what a key names in a package: a function or method, an
// interface's method, or a named function type.
type libDecl struct{ ft *ast.FuncType }

// arity is the number of parameters, whether the last is variadic, and
// the first's type as written.
func (d *libDecl) arity() (int, bool, string) {
	n, variadic, first := 0, false, ""
	for _, f := range d.ft.Params.List {
		k := max(len(f.Names), 1)
		if first == "" {
			first = selectorName(f.Type)
		}
		n += k
		if _, ok := f.Type.(*ast.Ellipsis); ok {
			variadic = true
		}
	}
	return n, variadic, first
}

func selectorName(e ast.Expr) string {
	if s, ok := e.(*ast.SelectorExpr); ok {
		if x, ok := s.X.(*ast.Ident); ok {
			return x.Name + "." + s.Sel.Name
		}
	}
	return ""
}

// declIn finds rest (Func, Type.Method or a function Type) in the
// package's non-test files.
func declIn(dir, rest string) *libDecl {
	fset := token.NewFileSet()
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	funcs := make(map[string]*ast.FuncType)
	methods := make(map[string]*ast.FuncType) // Type.Method
	ifaces := make(map[string]*ast.InterfaceType)
	funcTypes := make(map[string]*ast.FuncType)
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, parser.SkipObjectResolution)
		if err != nil {
			continue
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil {
					funcs[d.Name.Name] = d.Type
					continue
				}
				t := d.Recv.List[0].Type
				if s, ok := t.(*ast.StarExpr); ok {
					t = s.X
				}
				switch x := t.(type) {
				case *ast.IndexExpr:
					t = x.X
				case *ast.IndexListExpr:
					t = x.X
				}
				if id, ok := t.(*ast.Ident); ok {
					methods[id.Name+"."+d.Name.Name] = d.Type
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					ts, ok := s.(*ast.TypeSpec)
					if !ok {
						continue
					}
					switch x := ts.Type.(type) {
					case *ast.InterfaceType:
						ifaces[ts.Name.Name] = x
					case *ast.FuncType:
						funcTypes[ts.Name.Name] = x
					}
				}
			}
		}
	}
	typ, method, isMethod := strings.Cut(rest, ".")
	if !isMethod {
		if ft := funcs[rest]; ft != nil {
			return &libDecl{ft}
		}
		if ft := funcTypes[rest]; ft != nil {
			return &libDecl{ft}
		}
		return nil
	}
	if ft := methods[typ+"."+method]; ft != nil {
		return &libDecl{ft}
	}
	// An interface's method set, embedded interfaces of the package
	// included.
	var inIface func(name string, seen []string) *ast.FuncType
	inIface = func(name string, seen []string) *ast.FuncType {
		it := ifaces[name]
		if it == nil || slices.Contains(seen, name) {
			return nil
		}
		for _, m := range it.Methods.List {
			if len(m.Names) > 0 && m.Names[0].Name == method {
				if ft, ok := m.Type.(*ast.FuncType); ok {
					return ft
				}
			}
			if len(m.Names) > 0 {
				continue
			}
			// An embedded interface, or an instance of a generic one
			// (ExecInterface[T]).
			t := m.Type
			switch x := t.(type) {
			case *ast.IndexExpr:
				t = x.X
			case *ast.IndexListExpr:
				t = x.X
			}
			if id, ok := t.(*ast.Ident); ok {
				if ft := inIface(id.Name, append(seen, name)); ft != nil {
					return ft
				}
			}
		}
		return nil
	}
	if ft := inIface(typ, nil); ft != nil {
		return &libDecl{ft}
	}
	return nil
}

// TestDeclIn holds the library check to calleeKey's naming: a method
// promoted from an embedded type is the embedded type's, an interface
// has its embedded interfaces' methods, a named function type is a key.
func TestDeclIn(t *testing.T) {
	dir := t.TempDir()
	src := `package redis

import "context"

type cmdable func(ctx context.Context, cmd any) error

func (c cmdable) Publish(ctx context.Context, channel string, message any) error { return nil }

type Client struct{ cmdable }

func (c *Client) Subscribe(ctx context.Context, channels ...string) {}

type Cmdable interface {
	Publish(ctx context.Context, channel string, message any) error
}

type UniversalClient interface {
	Cmdable
}

type Exec[T any] interface {
	Find(ctx context.Context) ([]T, error)
}

type Chain[T any] interface {
	Exec[T]
}

type Index func(index string, body any) error

func NewClient(addr string) *Client { return nil }
`
	if err := os.WriteFile(filepath.Join(dir, "redis.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		rest     string
		found    bool
		n        int
		variadic bool
	}{
		{"Client.Publish", false, 0, false}, // promoted: keyed by cmdable
		{"cmdable.Publish", true, 3, false},
		{"Cmdable.Publish", true, 3, false},
		{"UniversalClient.Publish", true, 3, false},
		{"Client.Subscribe", true, 2, true},
		{"Index", true, 2, false},
		{"NewClient", true, 1, false},
		{"Client.Close", false, 0, false},
		{"Chain.Find", true, 1, false}, // through a generic embedded interface
	} {
		d := declIn(dir, c.rest)
		if (d != nil) != c.found {
			t.Errorf("%s: found %v, want %v", c.rest, d != nil, c.found)
			continue
		}
		if d == nil {
			continue
		}
		if n, variadic, _ := d.arity(); n != c.n || variadic != c.variadic {
			t.Errorf("%s: %d parameters (variadic %v), want %d (%v)", c.rest, n, variadic, c.n, c.variadic)
		}
	}
}
