package services

import (
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/packages"
)

// Without --cgo the go command lists a build without cgo, in which a
// dependency's files that import "C" are left out. A library whose API
// is declared in those files (confluent-kafka-go's kafka.Producer,
// ConfigMap, …) then declares nothing its importers use, and every
// service importing it fails to type-check: no service of the system is
// read. archie type-checks a dependency declarations only, so it reads
// such a library as a build with cgo selects its files, "C" a fake
// package (go/types' FakeImportC): the names it declares in Go are all
// there, and no C is compiled or run.

// cgoContext is the build context of cfg's build with cgo on: the files
// of a dependency a build with cgo would select.
func cgoContext(cfg *packages.Config) *build.Context {
	ctx := build.Default
	ctx.CgoEnabled = true
	ctx.GOOS, ctx.GOARCH = runtime.GOOS, runtime.GOARCH
	for _, kv := range cfg.Env {
		switch k, v, _ := strings.Cut(kv, "="); k {
		case "GOOS":
			ctx.GOOS = v
		case "GOARCH":
			ctx.GOARCH = v
		}
	}
	ctx.BuildTags = nil
	for i, f := range cfg.BuildFlags {
		f = strings.TrimLeft(f, "-")
		if v, ok := strings.CutPrefix(f, "tags="); ok {
			ctx.BuildTags = strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ' ' })
		} else if f == "tags" && i+1 < len(cfg.BuildFlags) {
			ctx.BuildTags = strings.FieldsFunc(cfg.BuildFlags[i+1], func(r rune) bool { return r == ',' || r == ' ' })
		}
	}
	return &ctx
}

// cgoFiles returns the Go files of a dependency that a build with cgo
// selects, when they are not those listed: its listed files and those
// left out only for importing "C" (or for a cgo constraint); and the
// packages the files it adds import, but "C". ok is false when cgo
// changes nothing, when the package has a variant for builds without
// cgo that declares all the build with cgo does (//go:build !cgo: read
// as listed), or when a file cannot be read.
//
// A variant that declares less is a stub (mattn/go-sqlite3's: a driver
// whose Open fails, and no Error, ErrNo or its constants): the program
// cannot be built without cgo, so it is built with, and its importers'
// uses of what the stub lacks type-check only against the files a build
// with cgo selects.
func cgoFiles(ctx *build.Context, p *packages.Package) (files, imports []string, ok bool) {
	// A file counts when cgo alone decides it: selected with cgo on and
	// not off, or the other way. Whatever else this context may judge
	// otherwise than the go command (its Go release's tags) is judged
	// alike both ways, and changes nothing.
	off := *ctx
	off.CgoEnabled = false
	match := func(c *build.Context, f string) bool {
		ok, err := c.MatchFile(filepath.Dir(f), filepath.Base(f))
		return err == nil && ok
	}
	var added []string
	for _, f := range p.IgnoredFiles {
		if !strings.HasSuffix(f, ".go") || strings.HasSuffix(f, "_test.go") {
			continue
		}
		// MatchFile tells GOOS and GOARCH from the name before it
		// reads a file: a file for another system costs nothing. It
		// judges constraints only: a file that imports "C" is one a
		// build without cgo leaves out whatever they say.
		if match(ctx, f) && (!match(&off, f) || importsC(f)) {
			added = append(added, f)
		}
	}
	if len(added) == 0 {
		return nil, nil, false
	}
	var variant []string
	for _, f := range p.GoFiles {
		if !match(ctx, f) && match(&off, f) {
			variant = append(variant, f)
			continue
		}
		files = append(files, f)
	}
	if len(variant) > 0 {
		// A variant for builds without cgo: the build the go command
		// lists is whole by design, unless it is a stub.
		without, ok1 := exported(append(slices.Clone(files), variant...))
		with, ok2 := exported(append(slices.Clone(files), added...))
		// A stub declares some of what the cgo files do and nothing
		// else; a variant that declares names of its own (a pure-Go
		// implementation: Portable beside SIMD) is whole by design.
		if !ok1 || !ok2 || without.ContainsAll(with) || !with.ContainsAll(without) {
			return nil, nil, false
		}
	}
	fset := token.NewFileSet()
	for _, f := range added {
		af, err := parser.ParseFile(fset, f, nil, parser.ImportsOnly)
		if err != nil {
			return nil, nil, false
		}
		for _, spec := range af.Imports {
			path, err := strconv.Unquote(spec.Path.Value)
			if err != nil || path == "C" {
				continue
			}
			if !slices.Contains(imports, path) {
				imports = append(imports, path)
			}
		}
	}
	return append(files, added...), imports, true
}

// cValues gives the constants a cgo file declares from C
// (PartitionAny = int32(C.RD_KAFKA_PARTITION_UA)) a value of their own:
// with a fake "C" they would have no type, and their importers' uses of
// them (kafka.PartitionAny as an int32) would not type-check; with one
// value for all, a switch over two of them would have duplicate cases.
// The numbers start above the small ones an iota gives and skip those the
// package's own constants are written with.
// Their types, which importers use, are what the Go code says; their
// values no fact reads. Variables are left as they are: one of a type
// archie cannot know has none, and go/types says nothing of its uses.
func cValues(files []*ast.File) {
	isC := func(e ast.Expr) bool {
		sel, ok := e.(*ast.SelectorExpr)
		if !ok {
			return false
		}
		id, ok := sel.X.(*ast.Ident)
		return ok && id.Name == "C"
	}
	consts := func(visit func(vs *ast.ValueSpec)) {
		for _, f := range files {
			for _, d := range f.Decls {
				if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.CONST {
					for _, spec := range gd.Specs {
						visit(spec.(*ast.ValueSpec))
					}
				}
			}
		}
	}
	taken := make(map[string]bool)
	consts(func(vs *ast.ValueSpec) {
		for _, v := range vs.Values {
			ast.Inspect(v, func(n ast.Node) bool {
				if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.INT {
					taken[lit.Value] = true
				}
				return true
			})
		}
	})
	n := 100 // above the small values iota gives the package's own enums
	value := func() ast.Expr {
		for n++; taken[strconv.Itoa(n)]; n++ {
		}
		return &ast.BasicLit{Kind: token.INT, Value: strconv.Itoa(n)}
	}
	var fill func(e ast.Expr) ast.Expr
	fill = func(e ast.Expr) ast.Expr {
		switch x := e.(type) {
		case *ast.SelectorExpr:
			if isC(x) {
				return value()
			}
		case *ast.CallExpr:
			if isC(x.Fun) {
				return value() // C.int(-1)
			}
			for i, a := range x.Args {
				x.Args[i] = fill(a)
			}
		case *ast.ParenExpr:
			x.X = fill(x.X)
		case *ast.UnaryExpr:
			x.X = fill(x.X)
		case *ast.BinaryExpr:
			x.X, x.Y = fill(x.X), fill(x.Y)
		}
		return e
	}
	consts(func(vs *ast.ValueSpec) {
		for i, v := range vs.Values {
			vs.Values[i] = fill(v)
		}
	})
}

// An exportedNames is a set of a package's exported names: its types, functions,
// variables and constants, and its methods as Type.Method.
type exportedNames map[string]bool

// ContainsAll reports whether n holds every name of m.
func (n exportedNames) ContainsAll(m exportedNames) bool {
	for k := range m {
		if !n[k] {
			return false
		}
	}
	return true
}

// exported reads the exported names the files declare; ok is false when
// one cannot be parsed.
func exported(files []string) (exportedNames, bool) {
	fset := token.NewFileSet()
	n := make(exportedNames)
	for _, f := range files {
		af, err := parser.ParseFile(fset, f, nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, false
		}
		for _, d := range af.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if !d.Name.IsExported() {
					continue
				}
				if d.Recv == nil || len(d.Recv.List) == 0 {
					n[d.Name.Name] = true
				} else if recv := receiverName(d.Recv.List[0].Type); recv != "" {
					n[recv+"."+d.Name.Name] = true
				}
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					switch spec := spec.(type) {
					case *ast.TypeSpec:
						if spec.Name.IsExported() {
							n[spec.Name.Name] = true
						}
					case *ast.ValueSpec:
						for _, id := range spec.Names {
							if id.IsExported() {
								n[id.Name] = true
							}
						}
					}
				}
			}
		}
	}
	return n, true
}

// receiverName is the name of a method's receiver type: T of T, *T, T[K]
// or *T[K].
func receiverName(e ast.Expr) string {
	for {
		switch x := e.(type) {
		case *ast.StarExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.IndexListExpr:
			e = x.X
		case *ast.ParenExpr:
			e = x.X
		case *ast.Ident:
			return x.Name
		default:
			return ""
		}
	}
}
