package analyze

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestLoadNestedMatchesPackages holds the two ways of reading the modules
// below a folder (Options.Nested, for the services analysis) to the same
// graph: the fast loader module by module, with go list for those it
// cannot read, against go list for all. The trees: a folder of services
// with no module at its root, one with, a copy of a module, a module
// nested in another, one outside the go.work above it, one go list
// reports errors in, and every services fixture.
func TestLoadNestedMatchesPackages(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	svc := func(path, imp string) map[string]string {
		return map[string]string{
			"go.mod":                       "module " + path + "\n\ngo 1.22\n",
			"cmd/main.go":                  "package main\n\nimport _ \"" + path + "/internal/store\"\n\nfunc main() {}\n",
			"internal/store/store.go":      "package store\n\nimport _ \"" + imp + "\"\n",
			"internal/store/store_test.go": "package store\n\nimport _ \"testing\"\n",
		}
	}
	tree := func(t *testing.T, parts map[string]map[string]string) string {
		dir := t.TempDir()
		for sub, files := range parts {
			for name, body := range files {
				writeTree(t, dir, map[string]string{filepath.Join(sub, name): body})
			}
		}
		return dir
	}
	cases := []struct {
		name     string
		dir      string
		wantFast bool
	}{
		{"no root module", tree(t, map[string]map[string]string{
			"orders":         svc("example.com/orders", "strings"),
			"billing":        svc("example.com/billing", "fmt"),
			"billing/worker": svc("example.com/billing/worker", "os"),
			"old/orders":     svc("example.com/orders", "bytes"), // a copy
		}), true},
		{"root module", tree(t, map[string]map[string]string{
			"":            svc("example.com/shop", "strings"),
			"svc/orders":  svc("example.com/shop/orders", "fmt"),
			"svc/billing": svc("example.com/billing", "net/url"),
		}), true},
		{"a module go list reports errors in", tree(t, map[string]map[string]string{
			"orders":  svc("example.com/orders", "strings"),
			"billing": svc("example.com/billing", "example.com/nowhere/x"),
			"ship":    svc("example.com/ship", "example.com/orders/internal/store"),
		}), false},
		{"a module's folder is another module's path", tree(t, map[string]map[string]string{
			"a": {"go.mod": "module example.com/a\n\ngo 1.22\n", "b/b.go": "package b\n\nimport _ \"strings\"\n"},
			"c": {"go.mod": "module example.com/a/b\n\ngo 1.22\n", "c.go": "package bb\n\nimport _ \"fmt\"\n"},
		}), false},
		{"a missing package in a sibling module's path", tree(t, map[string]map[string]string{
			"x": {"go.mod": "module example.com/x\n\ngo 1.22\n", "x.go": "package x\n\nimport _ \"example.com/x/y/z\"\n"},
			"y": {"go.mod": "module example.com/x/y\n\ngo 1.22\n", "y.go": "package y\n"},
		}), false},
		{"a nested module with a go.work of its own", tree(t, map[string]map[string]string{
			"m":     {"go.mod": "module example.com/m\n\ngo 1.22\n", "m.go": "package m\n", "go.work": "go 1.22\n\nuse (\n\t.\n\t./sub\n)\n"},
			"m/sub": {"go.mod": "module example.com/dup\n\ngo 1.22\n", "s.go": "package dup\n\nimport _ \"strings\"\n"},
			"x":     {"go.mod": "module example.com/dup\n\ngo 1.22\n", "x.go": "package dup\n\nimport _ \"fmt\"\n"},
		}), true},
		{"a go.mod with a godebug the go command refuses", tree(t, map[string]map[string]string{
			"gd":   {"go.mod": "module example.com/gd\n\ngo 1.22\n\ngodebug nosuchkey=1\n", "gd.go": "package gd\n"},
			"fine": svc("example.com/fine", "strings"),
		}), false},
		{"outside the go.work", tree(t, map[string]map[string]string{
			"":       {"go.work": "go 1.22\n\nuse ./orders\n"},
			"orders": svc("example.com/orders", "strings"),
			"tools":  svc("example.com/tools", "os"),
		}), true},
	}
	root, _ := filepath.Abs("..")
	entries, err := os.ReadDir(filepath.Join(root, "testdata/services"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		cases = append(cases, struct {
			name     string
			dir      string
			wantFast bool
		}{"services/" + e.Name(), filepath.Join(root, "testdata/services", e.Name()), false})
	}
	ctx := context.Background()
	for _, c := range cases {
		for _, tests := range []bool{false, true} {
			want, err := Load(ctx, Options{Dir: c.dir, Nested: true, Tests: tests, Loader: LoaderPackages})
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			got, err := Load(ctx, Options{Dir: c.dir, Nested: true, Tests: tests})
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			if c.wantFast && got.Loader != LoaderFast {
				t.Errorf("%s: went to go list: %s", c.name, got.Fallback)
			}
			g, w := factsOf(got), factsOf(want)
			if !reflect.DeepEqual(g, w) {
				t.Errorf("%s tests=%v: graphs differ\n%s", c.name, tests, diffFacts(g, w))
			}
			if !reflect.DeepEqual(got.Copies, want.Copies) {
				t.Errorf("%s: copies %q, go list's %q", c.name, got.Copies, want.Copies)
			}
		}
	}
}
