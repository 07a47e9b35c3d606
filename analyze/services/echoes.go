package services

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"

	"golang.org/x/tools/go/ssa"
)

// echoesReceiver reports whether a method of a dependency read from
// export data, whose body archie does not have, gives its receiver back
// as a string: func (q Queue) ToString() string { return string(q) }, on
// a string type a shared library names its queues, topics or tables
// with. Its source, in the module cache, says so; a method that does
// anything else to the text (adds a prefix, looks it up) is not one.
func (r *resolver) echoesReceiver(fn *ssa.Function) bool {
	sig := fn.Signature
	if r.echoes == nil || sig.Recv() == nil || sig.Params().Len() != 0 || sig.Results().Len() != 1 || fn.Object() == nil || fn.Object().Pkg() == nil {
		return false
	}
	if b, ok := sig.Results().At(0).Type().Underlying().(*types.Basic); !ok || b.Kind() != types.String {
		return false
	}
	named, ok := types.Unalias(sig.Recv().Type()).(*types.Named) // a value receiver only
	if !ok {
		return false
	}
	if b, ok := named.Underlying().(*types.Basic); !ok || b.Kind() != types.String {
		return false
	}
	pkg := fn.Object().Pkg().Path()
	echoes := r.echoes.get(pkg, func() map[string]bool { return echoMethods(r.depFiles[pkg]) })
	return echoes[named.Obj().Name()+"."+fn.Name()]
}

// echoMethods reads the methods of a package's files whose body is one
// return of the receiver, as it is or converted to string, by
// Type.Method.
func echoMethods(files []string) map[string]bool {
	fset := token.NewFileSet()
	var parsed []*ast.File
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			continue
		}
		f, err := parser.ParseFile(fset, name, data, parser.SkipObjectResolution)
		if err != nil {
			continue
		}
		if declaresString(f) {
			return nil // string(q) here is the package's own function, not the conversion
		}
		parsed = append(parsed, f)
	}
	out := make(map[string]bool)
	for _, f := range parsed {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Recv == nil || len(fd.Recv.List) != 1 || len(fd.Recv.List[0].Names) != 1 || fd.Body == nil || len(fd.Body.List) != 1 {
				continue
			}
			recv, ok := fd.Recv.List[0].Type.(*ast.Ident)
			if !ok {
				continue
			}
			ret, ok := fd.Body.List[0].(*ast.ReturnStmt)
			if !ok || len(ret.Results) != 1 {
				continue
			}
			x := ret.Results[0]
			for {
				p, ok := x.(*ast.ParenExpr)
				if !ok {
					break
				}
				x = p.X
			}
			if conv, ok := x.(*ast.CallExpr); ok && len(conv.Args) == 1 {
				if id, ok := conv.Fun.(*ast.Ident); ok && id.Name == "string" {
					x = conv.Args[0]
				}
			}
			if id, ok := x.(*ast.Ident); ok && id.Name == fd.Recv.List[0].Names[0].Name && id.Name != "_" {
				out[recv.Name+"."+fd.Name.Name] = true
			}
		}
	}
	return out
}

// declaresString reports whether a file declares a package-level name
// string, which its other files' string(q) would then call.
func declaresString(f *ast.File) bool {
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil && d.Name.Name == "string" {
				return true
			}
		case *ast.GenDecl:
			for _, sp := range d.Specs {
				switch sp := sp.(type) {
				case *ast.TypeSpec:
					if sp.Name.Name == "string" {
						return true
					}
				case *ast.ValueSpec:
					for _, n := range sp.Names {
						if n.Name == "string" {
							return true
						}
					}
				}
			}
		}
	}
	return false
}
