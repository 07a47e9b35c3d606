package archieimports

import (
	"go/ast"
	"go/parser"
	"go/token"
	"testing"

	"github.com/archie-dev/archie/analyze"
	"golang.org/x/tools/go/analysis"
)

// Without types (golangci-lint's syntax mode), the package's path comes
// from its module and folder, its name from the package clause.
func TestPackageOfSyntaxOnly(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "x.go", "package shop_test\n", parser.PackageClauseOnly)
	if err != nil {
		t.Fatal(err)
	}
	pass := &analysis.Pass{Files: []*ast.File{f}}
	own := &analyze.Module{Path: "example.com/m", Dir: "/m"}
	for dir, want := range map[string]string{"/m/internal/shop": "example.com/m/internal/shop", "/m": "example.com/m"} {
		if path, name := packageOf(pass, own, dir); path != want || name != "shop_test" {
			t.Errorf("packageOf in %s = %q, %q; want %q, shop_test", dir, path, name, want)
		}
	}
}
