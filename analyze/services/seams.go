package services

import (
	"context"
	"fmt"
	"go/constant"
	"go/token"
	"go/types"
	"io/fs"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/archie-dev/archie/analyze"
	"golang.org/x/tools/go/ssa"
)

// Seams are the calls and table accesses between the packages of a
// module's code, read once for the question of where it could be cut
// apart (archie extract): each call that a cut would separate becomes a
// network call, each table both sides touch a shared database.
type Seams struct {
	// Mains are the main packages whose reachable code was read; none
	// when the module has no main, and then every function counts.
	Mains []string
	// Loaded are the packages that type-checked and were read, sorted;
	// Reached those with a function reachable from a main; Failed those
	// the mains import that did not type-check (or import one that did
	// not): their calls and tables are missing.
	Loaded  []string
	Reached []string
	Failed  []string
	// Contracts are the packages of generated code (gRPC stubs) or of
	// declarations only: an API both sides of a cut keep.
	Contracts []string
	// Calls are the calls from one package of the main modules to
	// another, on reachable paths, one per call site and callee.
	Calls []SeamCall
	// Touches are the tables and collections each package names, with
	// the same evidence archie services gives its stores.
	Touches []Touch
}

// A SeamCall is one call site in one package of a function of another.
type SeamCall struct {
	From, To       string // import paths of the caller's and the callee's packages
	Caller, Callee string // "Func" or "Type.Method"
	Pos            token.Position
	// Dynamic says the call goes through an interface, to a method of a
	// type that reachable code makes into one; Interface then names the
	// interface's method ("TaskRepo.GetByID"), the same for every
	// implementation the call may reach.
	Dynamic      bool   `json:",omitempty"`
	Interface    string `json:",omitempty"`
	InterfacePkg string `json:",omitempty"` // the import path of the interface's package
	// Constructor says the call is wiring done once at start-up, not a
	// call a request makes: the callee is a function named New…, or the
	// caller is a package's initialization.
	Constructor bool `json:",omitempty"`
	// Tx says a parameter of the callee is a transaction (a type with
	// Commit and Rollback methods: *sql.Tx, pgx.Tx, a CommitRollbacker):
	// the callee works inside the caller's transaction.
	Tx bool `json:",omitempty"`
	// Types are the types of the main modules in the callee's parameters
	// and results ("example.com/shop/internal/billing.Invoice"), which a
	// network call would have to send.
	Types []string `json:",omitempty"`
}

// A Touch is a package naming a table or a collection.
type Touch struct {
	Package string
	Kind    string // the store kind: postgres, mongo, sql…
	Table   string
	// Access is "read" or "write" for a SQL literal of the package's own
	// whose statement says so (SELECT reads; INSERT, UPDATE, DELETE,
	// MERGE and REPLACE write their first table and read the others),
	// "" when it is not known.
	Access string `json:",omitempty"`
	Evidence
}

// LoadSeams type-checks the code the module's mains reach (dependencies
// from export data, as Load does), builds it into SSA and reads the calls
// between its packages on the paths reachable from the mains, and the
// tables each package touches. dir is the directory evidence paths are
// relative to.
func LoadSeams(ctx context.Context, g *analyze.Graph, dir string, opts Options) (*Seams, []analyze.Error, error) {
	abs, err := analyze.RealDir(dir)
	if err != nil {
		return nil, nil, err
	}
	s := &Seams{}
	var all []string
	for _, p := range g.Packages {
		if p.Module == nil || len(p.GoFiles) == 0 {
			continue
		}
		all = append(all, p.Path)
		if p.Name == "main" {
			s.Mains = append(s.Mains, p.Path)
		}
	}
	// Per build, as Load does: the packages of one module or go.work
	// type-check together.
	byBuild := make(map[string][]string)
	for _, p := range all {
		if len(s.Mains) > 0 && g.Package(p).Name != "main" {
			continue
		}
		root := buildRoot(g.Package(p).Module.Dir)
		byBuild[root] = append(byBuild[root], p)
	}
	builds := make([]string, 0, len(byBuild))
	for b := range byBuild {
		builds = append(builds, b)
	}
	sort.Strings(builds)
	var errs []analyze.Error
	deploy := readDeployment(abs)
	for _, build := range builds {
		paths := byBuild[build]
		if len(s.Mains) > 0 {
			paths = newBuilds().closure(g, paths)
		}
		loaded, _, err := typeCheck(buildConfig(ctx, build, opts), paths, opts)
		if err != nil {
			return nil, nil, fmt.Errorf("load the code in %s: %w", build, err)
		}
		if !opts.CGO {
			errs = append(errs, cgoLeftOut(loaded, opts.Tags)...)
		}
		for _, lp := range loaded {
			if lp.Types == nil || lp.IllTyped {
				s.Failed = append(s.Failed, lp.PkgPath)
			}
		}
		syn := scanSyntax(loaded)
		prog, source := buildSSA(loaded, &errs)
		p := newProgram(prog, source)
		s.read(p, syn, deploy, abs, paths)
	}
	for i := range errs {
		errs[i].Pos.Filename = relTo(abs, errs[i].Pos.Filename)
	}
	s.expandViews(readViews(abs))
	s.sort()
	return s, errs, nil
}

// createView matches a view's definition in a SQL file: its name and the
// query it stands for.
var createView = regexp.MustCompile(`(?is)\bcreate\s+(?:or\s+replace\s+)?(?:materialized\s+)?view\s+(?:if\s+not\s+exists\s+)?([\w."]+)\s+as\s`)

// viewEnd ends a view's query: a semicolon, a comment line, a blank line,
// or the next statement (migration files split by comments need none).
var viewEnd = regexp.MustCompile(`(?i);|\n\s*--|\n\s*\n|\n\s*(create|alter|drop|insert|update|delete|grant)\s`)

// readViews returns the tables each view reads, from the CREATE VIEW
// statements of the .sql files below dir (migrations, schemas), with
// where each view is defined.
func readViews(dir string) map[string]view {
	views := make(map[string]view)
	root := realPath(dir)
	filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		name := e.Name()
		if e.IsDir() {
			if path != dir && (strings.HasPrefix(name, ".") || name == "vendor" || name == "node_modules" || name == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".sql") {
			return nil
		}
		// A link to a device, a pipe or out of the repository reads as
		// nothing, not forever.
		data, ok := readLimited(root, path, 4<<20)
		if !ok {
			return nil
		}
		for _, m := range createView.FindAllSubmatchIndex(data, -1) {
			name := strings.ReplaceAll(string(data[m[2]:m[3]]), `"`, "")
			body := data[m[1]:]
			if end := viewEnd.FindIndex(body); end != nil {
				body = body[:end[0]]
			}
			tables := sqlTables(string(body))
			if len(tables) == 0 {
				continue
			}
			line := 1 + strings.Count(string(data[:m[0]]), "\n")
			views[name] = view{tables: tables, pos: token.Position{Filename: relTo(dir, path), Line: line, Column: 1}}
		}
		return nil
	})
	return views
}

type view struct {
	tables []string
	pos    token.Position
}

// expandViews adds, for each touch of a view, a read of each table the
// view reads: a package that queries a view over other packages' tables
// shares them.
func (s *Seams) expandViews(views map[string]view) {
	if len(views) == 0 {
		return
	}
	n := len(s.Touches)
	for _, t := range s.Touches[:n] {
		v, ok := views[t.Table]
		if !ok {
			continue
		}
		for _, base := range v.tables {
			if base == t.Table {
				continue
			}
			ev := t.Evidence
			ev.Detail = fmt.Sprintf("view %s reads table %s (%s:%d)", t.Table, base, v.pos.Filename, v.pos.Line)
			s.Touches = append(s.Touches, Touch{Package: t.Package, Kind: t.Kind, Table: base, Access: "read", Evidence: ev})
		}
	}
}

// read adds what one SSA program says to s.
func (s *Seams) read(p *program, syn *syntaxFacts, deploy *deployment, abs string, paths []string) {
	inModule := make(map[*types.Package]bool)
	var roots []*ssa.Function
	for pkg := range p.source {
		inModule[pkg.Pkg] = true
		s.Loaded = append(s.Loaded, pkg.Pkg.Path())
		if len(s.Mains) == 0 || pkg.Pkg.Name() == "main" {
			if len(s.Mains) > 0 {
				roots = append(roots, pkg.Func("main"), pkg.Func("init"))
				continue
			}
			for _, fn := range p.funcs {
				if fn.Pkg == pkg {
					roots = append(roots, fn)
				}
			}
		}
	}
	reach := p.reach(roots)
	reached := make(map[string]bool)
	fset := p.prog.Fset
	for fn := range reach {
		from := funcPkg(fn)
		if from == nil || !inModule[from] {
			continue
		}
		reached[from.Path()] = true
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				s.sqlLiterals(from.Path(), fn, instr, fset, abs)
				ci, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				c := ci.Common()
				var callees []*ssa.Function
				dynamic, iname, ipkg := false, "", ""
				if callee := c.StaticCallee(); callee != nil {
					callees = append(callees, callee)
				} else if c.IsInvoke() {
					iface, ok := c.Value.Type().Underlying().(*types.Interface)
					if !ok {
						continue
					}
					dynamic = true
					iname = c.Method.Name()
					if named, ok := types.Unalias(c.Value.Type()).(*types.Named); ok {
						iname = named.Obj().Name() + "." + iname
						if named.Obj().Pkg() != nil {
							ipkg = named.Obj().Pkg().Path()
						}
					}
					for _, m := range p.implementers(iface, c.Method.Name()) {
						if reach[m] {
							callees = append(callees, m)
						}
					}
				}
				for _, callee := range callees {
					to := funcPkg(callee)
					if to == nil || to == from || !inModule[to] || callee.Synthetic == "package initializer" {
						continue
					}
					pos := instr.Pos()
					if !pos.IsValid() {
						pos = fn.Pos()
					}
					at := fset.Position(pos)
					at.Filename = relTo(abs, at.Filename)
					name := funcName(callee)
					caller := rootFunc(fn)
					startup := strings.HasPrefix(name, "New") || caller.Synthetic == "package initializer"
					s.Calls = append(s.Calls, SeamCall{
						From: from.Path(), To: to.Path(), Caller: funcName(caller), Callee: name, Pos: at,
						Dynamic: dynamic, Interface: iname, InterfacePkg: ipkg, Constructor: startup, Types: signatureTypes(callee, inModule), Tx: takesTx(callee),
					})
				}
			}
		}
	}
	for path := range reached {
		s.Reached = append(s.Reached, path)
	}
	for path := range syn.contracts {
		s.Contracts = append(s.Contracts, path)
	}

	// Tables: the facts archie services finds, for all the code at once,
	// each given to the package whose file holds its evidence.
	pkgOfDir := make(map[string]string)
	for path, d := range syn.dirs {
		pkgOfDir[d] = path
	}
	var mains []string
	for _, m := range s.Mains {
		if containsAny(paths, []string{m}) {
			mains = append(mains, m)
		}
	}
	all := &Service{Name: "all", Packages: paths, Roots: mains}
	if len(mains) == 0 {
		all.Roots = paths
	}
	x := newExtractor(p, syn, deploy, abs)
	x.service(all)
	for _, st := range all.Stores {
		for table, evs := range st.Touches {
			for _, ev := range evs {
				pkg := pkgOfDir[filepath.Dir(ev.Pos.Filename)]
				if pkg == "" {
					continue
				}
				ev.Pos.Filename = relTo(abs, ev.Pos.Filename)
				s.Touches = append(s.Touches, Touch{Package: pkg, Kind: st.Kind, Table: table, Evidence: ev})
			}
		}
	}
}

// sqlLiterals records the tables that the SQL string constants an
// instruction uses name: the package that writes a query touches its
// tables, whichever helper runs it (archie services' store facts point
// at the helper).
func (s *Seams) sqlLiterals(pkg string, fn *ssa.Function, instr ssa.Instruction, fset *token.FileSet, abs string) {
	var ops [8]*ssa.Value
	for _, op := range instr.Operands(ops[:0]) {
		if op == nil {
			continue
		}
		c, ok := (*op).(*ssa.Const)
		if !ok || c.Value == nil || c.Value.Kind() != constant.String {
			continue
		}
		q := constant.StringVal(c.Value)
		tables := sqlTables(q)
		if len(tables) == 0 {
			continue
		}
		pos := instr.Pos()
		if !pos.IsValid() {
			pos = fn.Pos()
		}
		at := fset.Position(pos)
		at.Filename = relTo(abs, at.Filename)
		verb := strings.ToLower(sqlStart.FindStringSubmatch(skipSQLComments(q))[1])
		for i, t := range tables {
			access := ""
			switch verb {
			case "select":
				access = "read"
			case "insert", "update", "delete", "merge", "replace":
				access = "read"
				if i == 0 {
					access = "write"
				}
			}
			s.Touches = append(s.Touches, Touch{Package: pkg, Kind: "sql", Table: t, Access: access,
				Evidence: Evidence{Pos: at, Detail: "SQL names table " + t}})
		}
	}
}

func (s *Seams) sort() {
	sort.Strings(s.Mains)
	s.Loaded = uniq(s.Loaded)
	s.Reached = uniq(s.Reached)
	s.Failed = uniq(s.Failed)
	s.Contracts = uniq(s.Contracts)
	sort.Slice(s.Calls, func(i, j int) bool {
		a, b := s.Calls[i], s.Calls[j]
		if c := ComparePos(a.Pos, b.Pos); c != 0 {
			return c < 0
		}
		if a.To != b.To {
			return a.To < b.To
		}
		return a.Callee < b.Callee
	})
	sort.Slice(s.Touches, func(i, j int) bool {
		a, b := s.Touches[i], s.Touches[j]
		if a.Package != b.Package {
			return a.Package < b.Package
		}
		if a.Table != b.Table {
			return a.Table < b.Table
		}
		if c := ComparePos(a.Pos, b.Pos); c != 0 {
			return c < 0
		}
		if a.Access != b.Access {
			return a.Access > b.Access // what SQL says first
		}
		return a.Kind < b.Kind
	})
	// One SQL literal is one touch, whether the store facts or the
	// literal itself told of it.
	out := s.Touches[:0]
	for _, t := range s.Touches {
		if n := len(out); n > 0 && out[n-1].Package == t.Package && out[n-1].Table == t.Table && out[n-1].Pos == t.Pos {
			if out[n-1].Kind == "sql" {
				out[n-1].Kind = t.Kind // the store's kind, when its facts know it
			}
			continue
		}
		out = append(out, t)
	}
	s.Touches = out
}

// funcPkg returns the package that declares a function: its origin's for
// an instance of a generic function, the declared method's for a wrapper,
// the enclosing function's for a closure.
func funcPkg(fn *ssa.Function) *types.Package {
	fn = rootFunc(fn)
	if o := fn.Origin(); o != nil {
		fn = o
	}
	if obj := fn.Object(); obj != nil {
		return obj.Pkg()
	}
	if fn.Pkg != nil {
		return fn.Pkg.Pkg
	}
	return nil
}

// funcName names a function as people write it: "Func" or "Type.Method".
func funcName(fn *ssa.Function) string {
	if o := fn.Origin(); o != nil {
		fn = o
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok {
		return fn.Name()
	}
	if recv := obj.Type().(*types.Signature).Recv(); recv != nil {
		t := recv.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if named, ok := types.Unalias(t).(*types.Named); ok {
			return named.Obj().Name() + "." + obj.Name()
		}
	}
	return obj.Name()
}

// takesTx reports whether a function takes a transaction: a parameter
// whose type, or a pointer to it, has Commit and Rollback methods.
func takesTx(fn *ssa.Function) bool {
	if o := fn.Origin(); o != nil {
		fn = o
	}
	params := fn.Signature.Params()
	for i := range params.Len() {
		t := params.At(i).Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		for _, t := range []types.Type{t, types.NewPointer(t)} {
			ms := types.NewMethodSet(t)
			if ms.Lookup(nil, "Commit") != nil && ms.Lookup(nil, "Rollback") != nil {
				return true
			}
			if named, ok := types.Unalias(t).(*types.Named); ok && named.Obj().Pkg() != nil {
				pkg := named.Obj().Pkg()
				if ms.Lookup(pkg, "Commit") != nil && ms.Lookup(pkg, "Rollback") != nil {
					return true
				}
			}
		}
	}
	return false
}

// signatureTypes returns the named types of the module that a function's
// parameters and results hold (through pointers, slices, maps, channels
// and type arguments), as "import/path.Name", sorted.
func signatureTypes(fn *ssa.Function, inModule map[*types.Package]bool) []string {
	if o := fn.Origin(); o != nil {
		fn = o
	}
	sig := fn.Signature
	if obj, ok := fn.Object().(*types.Func); ok {
		sig = obj.Type().(*types.Signature)
	}
	seen := make(map[string]bool)
	var walk func(types.Type)
	walk = func(t types.Type) {
		switch t := types.Unalias(t).(type) {
		case *types.Named:
			if pkg := t.Obj().Pkg(); pkg != nil && inModule[pkg] {
				seen[pkg.Path()+"."+t.Obj().Name()] = true
			}
			for i := range t.TypeArgs().Len() {
				walk(t.TypeArgs().At(i))
			}
		case *types.Pointer:
			walk(t.Elem())
		case *types.Slice:
			walk(t.Elem())
		case *types.Array:
			walk(t.Elem())
		case *types.Map:
			walk(t.Key())
			walk(t.Elem())
		case *types.Chan:
			walk(t.Elem())
		}
	}
	for _, tuple := range []*types.Tuple{sig.Params(), sig.Results()} {
		for i := range tuple.Len() {
			walk(tuple.At(i).Type())
		}
	}
	if len(seen) == 0 {
		return nil
	}
	out := make([]string, 0, len(seen))
	for t := range seen {
		out = append(out, t)
	}
	sort.Strings(out)
	return out
}
