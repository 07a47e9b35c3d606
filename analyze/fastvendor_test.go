package analyze

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestFastLoadVendored compares the loaders on a module vendored by the go
// command itself (go mod vendor, from the module cache), with and without
// tests, for another platform, and with the folder then made inconsistent
// in the ways go list refuses.
func TestFastLoadVendored(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	sum, err := os.ReadFile("../go.sum")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"go.mod":        "module example.com/vend\n\ngo 1.26.0\n\nrequire golang.org/x/mod v0.42.0\n",
		"go.sum":        string(sum),
		"a/a.go":        "package a\n\nimport _ \"golang.org/x/mod/modfile\"\n",
		"a/a_test.go":   "package a\n\nimport _ \"golang.org/x/mod/semver\"\n",
		"cmd/v/main.go": "package main\n\nimport _ \"example.com/vend/a\"\n\nfunc main() {}\n",
	})
	vendor := exec.Command("go", "mod", "vendor")
	vendor.Dir, vendor.Env = dir, GoEnv(nil, false)
	if out, err := vendor.CombinedOutput(); err != nil {
		t.Fatalf("go mod vendor: %v\n%s", err, out)
	}
	ctx := context.Background()
	for _, v := range []struct {
		tests bool
		env   []string
	}{{false, nil}, {true, nil}, {true, []string{"GOOS=windows", "GOARCH=arm64", "CGO_ENABLED=0"}}} {
		sameGraph(t, Options{Dir: dir, Tests: v.tests, Env: append(os.Environ(), v.env...)}, fmt.Sprintf("tests=%v %v", v.tests, v.env))
	}

	// A go.mod edited after go mod vendor: go list refuses the folder
	// until it is vendored again, and so must the fast loader.
	writeTree(t, dir, map[string]string{"go.mod": "module example.com/vend\n\ngo 1.26.0\n\nrequire golang.org/x/mod v0.41.0\n"})
	if _, err := Load(ctx, Options{Dir: dir, Loader: LoaderFast}); err == nil || !strings.Contains(err.Error(), "inconsistent vendoring") {
		t.Errorf("after go.mod changed: %v, want inconsistent vendoring", err)
	}
	if g, err := Load(ctx, Options{Dir: dir}); err == nil && (g.Loader != LoaderPackages || len(g.Errors) == 0) {
		t.Errorf("after go.mod changed: loader %s with %d errors, want go list to fail", g.Loader, len(g.Errors))
	}
}

// TestCacheVendored checks that a vendored folder is cached as a folder
// that may change: an edit is read again, and an import the vendor folder
// cannot provide sends the load to go list.
func TestCacheVendored(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	dir, cacheDir := t.TempDir(), t.TempDir()
	writeTree(t, dir, map[string]string{
		"go.mod":                    "module example.com/m\n\ngo 1.22\n\nrequire example.com/d v1.0.0\n",
		"a/a.go":                    "package a\n\nimport _ \"example.com/d\"\n",
		"vendor/modules.txt":        "# example.com/d v1.0.0\n## explicit; go 1.22\nexample.com/d\n",
		"vendor/example.com/d/d.go": "package d\n\nimport _ \"strings\"\n",
	})
	ageTree(t, dir)
	cache := OpenCache(cacheDir, 0, func(msg string) { t.Errorf("warning: %s", msg) })
	ctx := context.Background()
	load := func() error {
		_, err := Load(ctx, Options{Dir: dir, Loader: LoaderFast, Cache: cache})
		return err
	}
	if err := load(); err != nil {
		t.Fatal(err)
	}
	if got, want := sortedRel(dir, cache.takeReread()), []string{"a", "vendor/example.com/d"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("a cold load read %v, want %v", got, want)
	}
	if err := load(); err != nil {
		t.Fatal(err)
	}
	if got := cache.takeReread(); len(got) > 0 {
		t.Fatalf("a warm load read %v", sortedRel(dir, got))
	}
	editTree(t, dir, map[string]string{"vendor/example.com/d/d.go": "package d\n\nimport _ \"example.com/d/gone\"\n"})
	if err := load(); err == nil || !strings.Contains(err.Error(), "example.com/d/gone") {
		t.Errorf("after a vendored import of a missing package: %v, want the fast loader to give way", err)
	}
	cache.takeReread()
	editTree(t, dir, map[string]string{"vendor/example.com/d/d.go": "package d\n\nimport _ \"bytes\"\n"})
	if err := load(); err != nil {
		t.Fatal(err)
	}
	if got, want := sortedRel(dir, cache.takeReread()), []string{"vendor/example.com/d"}; !reflect.DeepEqual(got, want) {
		t.Errorf("after an edit read %v, want %v", got, want)
	}
}

// TestFastLoadWorkspaceVendored compares the loaders on a go.work vendored
// with go work vendor, whose modules replace one another by relative
// folders (written relative to the workspace in modules.txt), loaded from
// the workspace root, from a module and with a pattern.
func TestFastLoadWorkspaceVendored(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	sum, err := os.ReadFile("../go.sum")
	if err != nil {
		t.Fatal(err)
	}
	// b replaces c by a folder relative to b, which modules.txt records
	// relative to the workspace.
	bmod := func(c string) string {
		return "module example.com/b\n\ngo 1.26.0\n\nrequire (\n\texample.com/c v0.1.0\n\tgolang.org/x/mod v0.42.0\n)\n\nreplace example.com/c => " + c + "\n"
	}
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"go.work":           "go 1.26.0\n\nuse (\n\t.\n\t./lib/b\n)\n",
		"go.mod":            "module example.com/a\n\ngo 1.26.0\n\nrequire (\n\texample.com/b v0.1.0\n\tgolang.org/x/mod v0.42.0\n)\n\nreplace example.com/b => ./lib/b\n",
		"go.sum":            string(sum),
		"x/x.go":            "package x\n\nimport (\n\t_ \"example.com/b/y\"\n\t_ \"golang.org/x/mod/module\"\n)\n",
		"x/x_test.go":       "package x_test\n\nimport _ \"example.com/a/x\"\n",
		"lib/b/go.mod":      bmod("../../third/c"),
		"lib/b/go.sum":      string(sum),
		"lib/b/y/y.go":      "package y\n\nimport (\n\t_ \"example.com/c\"\n\t_ \"golang.org/x/mod/semver\"\n)\n",
		"lib/b/main.go":     "package main\n\nimport _ \"example.com/b/y\"\n\nfunc main() {}\n",
		"lib/b/y/y_test.go": "package y\n\nimport _ \"golang.org/x/mod/sumdb/dirhash\"\n",
		"third/c/go.mod":    "module example.com/c\n\ngo 1.26.0\n",
		"third/c/c.go":      "package c\n",
	})
	vendor := exec.Command("go", "work", "vendor")
	vendor.Dir, vendor.Env = dir, GoEnv(nil, false)
	if out, err := vendor.CombinedOutput(); err != nil {
		t.Fatalf("go work vendor: %v\n%s", err, out)
	}
	ctx := context.Background()
	for _, c := range []struct {
		sub      string
		patterns []string
	}{{"", nil}, {"lib/b", nil}, {"", []string{"./lib/b/..."}}} {
		for _, tests := range []bool{false, true} {
			sameGraph(t, Options{Dir: filepath.Join(dir, c.sub), Patterns: c.patterns, Tests: tests}, fmt.Sprintf("%s %v tests=%v", c.sub, c.patterns, tests))
		}
	}
	// The same folder written another way is the same replacement;
	// another folder is not, until the workspace is vendored again.
	writeTree(t, dir, map[string]string{"lib/b/go.mod": bmod("../../third/./c/")})
	if _, err := Load(ctx, Options{Dir: dir, Loader: LoaderFast}); err != nil {
		t.Errorf("after the replacement was written another way: %v", err)
	}
	writeTree(t, dir, map[string]string{"lib/b/go.mod": bmod("../../third/c2"), "third/c2/go.mod": "module example.com/c\n\ngo 1.26.0\n", "third/c2/c.go": "package c\n"})
	if _, err := Load(ctx, Options{Dir: dir, Loader: LoaderFast}); err == nil || !strings.Contains(err.Error(), "inconsistent vendoring") {
		t.Errorf("after the replacement changed: %v, want inconsistent vendoring", err)
	}
	if g, err := Load(ctx, Options{Dir: dir}); err == nil && (g.Loader != LoaderPackages || len(g.Errors) == 0) {
		t.Errorf("after the replacement changed: loader %s with %d errors, want go list to fail", g.Loader, len(g.Errors))
	}
}
