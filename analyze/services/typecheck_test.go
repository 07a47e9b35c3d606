package services

import (
	"context"
	"os/exec"
	"strings"
	"testing"

	"github.com/archie-dev/archie/analyze"
	"golang.org/x/tools/go/packages"
)

// TestTypeCheckBuildCache loads a main whose dependency is not in an empty
// build cache, then is: typeCheck reads it from source, then from its
// export data, compiling nothing itself; the main type-checks either way,
// with the dependency's types.
func TestTypeCheckBuildCache(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"go.mod":       "module example.com/m\n\ngo 1.22\n",
		"dep/dep.go":   "package dep\n\ntype Topic string\n\nfunc Orders() Topic { return \"orders\" }\n",
		"main/main.go": "package main\n\nimport \"example.com/m/dep\"\n\nfunc main() { var t dep.Topic = dep.Orders(); _ = t }\n",
	})
	gocache := t.TempDir()
	env := append(analyze.GoEnv(nil, true), "GOCACHE="+gocache)
	load := func() ([]*packages.Package, int) {
		t.Helper()
		cfg := &packages.Config{Context: context.Background(), Dir: dir, Env: env}
		roots, fromSource, err := typeCheck(cfg, []string{"./main"}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(roots) != 1 {
			t.Fatalf("got %d packages, want 1", len(roots))
		}
		r := roots[0]
		for _, e := range r.Errors {
			t.Errorf("%s: %s", e.Pos, e.Msg)
		}
		if r.IllTyped || r.Types == nil || r.TypesInfo == nil || len(r.Syntax) != 1 {
			t.Fatalf("main not type-checked: ill-typed %v, types %v, info %v, %d files", r.IllTyped, r.Types, r.TypesInfo, len(r.Syntax))
		}
		dep := r.Imports["example.com/m/dep"]
		if obj := dep.Types.Scope().Lookup("Orders"); obj == nil {
			t.Errorf("dep's types lack Orders")
		}
		return roots, fromSource
	}
	if _, n := load(); n != 1 {
		t.Errorf("empty build cache: %d dependencies read from source, want 1", n)
	}

	build := exec.Command("go", "build", "./dep")
	build.Dir, build.Env = dir, env
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	if _, n := load(); n != 0 {
		t.Errorf("dependency in the build cache: %d read from source, want 0", n)
	}
}

// TestTypeCheckBrokenDependency: a dependency whose declarations do not
// type-check has that error, said once, and the main importing it is
// ill-typed. An error in a dependency's function body is none: the
// services analysis reads only the dependencies' declarations.
func TestTypeCheckBrokenDependency(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"go.mod":       "module example.com/m\n\ngo 1.22\n",
		"dep/dep.go":   "package dep\n\nfunc Orders() Missing { return nil }\n\nfunc Ok() { undefinedInBody() }\n",
		"main/main.go": "package main\n\nimport \"example.com/m/dep\"\n\nfunc main() { _ = dep.Orders() }\n",
	})
	cfg := &packages.Config{Context: context.Background(), Dir: dir, Env: append(analyze.GoEnv(nil, true), "GOCACHE="+t.TempDir())}
	roots, _, err := typeCheck(cfg, []string{"./main"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	r := roots[0]
	if !r.IllTyped || len(r.Errors) != 0 {
		t.Errorf("main: ill-typed %v, errors %v; want ill-typed without errors of its own", r.IllTyped, r.Errors)
	}
	dep := r.Imports["example.com/m/dep"]
	var msgs []string
	for _, e := range dep.Errors {
		msgs = append(msgs, e.Msg)
	}
	if got := strings.Join(msgs, "; "); got != "undefined: Missing" {
		t.Errorf("dep's errors = %q, want %q", got, "undefined: Missing")
	}
}
