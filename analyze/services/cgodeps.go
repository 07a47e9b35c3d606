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
// selects, when they are not those listed: files left out only for
// importing "C" (or for a cgo constraint) go in, files for builds
// without cgo (//go:build !cgo) go out; and the packages the files it
// adds import, but "C" (blank says which of them only for their side
// effects: _ "…/librdkafka_vendor", which links a C library). ok is
// false when cgo changes nothing, or a file cannot be read.
func cgoFiles(ctx *build.Context, p *packages.Package) (files, imports []string, blank map[string]bool, ok bool) {
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
		return nil, nil, nil, false
	}
	for _, f := range p.GoFiles {
		if match(ctx, f) || !match(&off, f) {
			files = append(files, f) // not a file for builds without cgo only
		}
	}
	fset := token.NewFileSet()
	named := make(map[string]bool)
	blank = make(map[string]bool)
	for _, f := range added {
		af, err := parser.ParseFile(fset, f, nil, parser.ImportsOnly)
		if err != nil {
			return nil, nil, nil, false
		}
		for _, spec := range af.Imports {
			path, err := strconv.Unquote(spec.Path.Value)
			if err != nil || path == "C" {
				continue
			}
			if !slices.Contains(imports, path) {
				imports = append(imports, path)
			}
			if spec.Name != nil && spec.Name.Name == "_" {
				blank[path] = !named[path]
			} else {
				named[path], blank[path] = true, false
			}
		}
	}
	return append(files, added...), imports, blank, true
}

// cValues gives the constants and variables a cgo file declares from C
// (PartitionAny = int32(C.RD_KAFKA_PARTITION_UA)) a value of their own,
// 1, 2, …: with a fake "C" they would have no type, and their importers'
// uses of them (kafka.PartitionAny as an int32) would not type-check;
// with one value for all, a switch over two of them would have duplicate
// cases. Their types, which importers use, are what the Go code says;
// their values no fact reads.
func cValues(files []*ast.File) {
	n := 0
	isC := func(e ast.Expr) bool {
		sel, ok := e.(*ast.SelectorExpr)
		if !ok {
			return false
		}
		id, ok := sel.X.(*ast.Ident)
		return ok && id.Name == "C"
	}
	zero := func() ast.Expr {
		n++
		return &ast.BasicLit{Kind: token.INT, Value: strconv.Itoa(n)}
	}
	var fill func(e ast.Expr) ast.Expr
	fill = func(e ast.Expr) ast.Expr {
		switch x := e.(type) {
		case *ast.SelectorExpr:
			if isC(x) {
				return zero()
			}
		case *ast.CallExpr:
			if isC(x.Fun) {
				return zero() // C.int(-1), C.rd_kafka_version()
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
	for _, f := range files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.CONST && gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				for i, v := range vs.Values {
					vs.Values[i] = fill(v)
				}
			}
		}
	}
}
