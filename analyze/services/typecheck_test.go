package services

import (
	"context"
	"crypto/sha256"
	"fmt"
	"go/token"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/archie-dev/archie/analyze"
	"golang.org/x/tools/go/packages"
)

// TestTypeCheckBuildCache loads a main whose dependency is not in an empty
// build cache, then is: typeCheck reads it from source, then from its
// export data, compiling nothing itself; the main type-checks either way,
// with the dependency's types. The go command's wrapper is the shell
// script, or the test binary where there is no shell.
func TestTypeCheckBuildCache(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	shell := posixShell
	defer func() { posixShell = shell }()
	for _, w := range []struct{ name, shell, flag string }{
		{"shell", shell, refuseScript},
		{"program", "", "-toolexec='"},
		{"no shell there", filepath.Join(t.TempDir(), "sh"), "-toolexec='"},
		{"a shell that does not run", notRunnable(t), "-toolexec='"},
	} {
		t.Run(w.name, func(t *testing.T) {
			if w.shell != "" && w.flag == refuseScript && runtime.GOOS == "windows" {
				t.Skip("no POSIX shell")
			}
			posixShell = w.shell
			if f := wrapper(&packages.Config{}); !strings.Contains(f, w.flag) {
				t.Fatalf("wrapper = %q, want it to hold %q", f, w.flag)
			}
			testTypeCheckBuildCache(t)
		})
	}
}

func testTypeCheckBuildCache(t *testing.T) {
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

// TestTypeCheckArchieCache: a dependency type-checked from source is
// kept in archie's cache once the build ran before, and the next load
// reads it there, with the same types; an edit of it, or of a package it
// imports, types it again, and a dependency with an error is never kept.
func TestTypeCheckArchieCache(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"go.mod":         "module example.com/m\n\ngo 1.22\n",
		"base/base.go":   "package base\n\ntype Topic string\n",
		"dep/dep.go":     "package dep\n\nimport \"example.com/m/base\"\n\nfunc Orders() base.Topic { return \"orders\" }\n\ntype Client[T any] struct{ v T }\n\nfunc (c *Client[T]) Get() T { return c.v }\n",
		"broken/b.go":    "package broken\n\nfunc Lost() Missing { return nil }\n",
		"main/main.go":   "package main\n\nimport (\n\t\"example.com/m/base\"\n\t\"example.com/m/dep\"\n)\n\nfunc main() { var t base.Topic = dep.Orders(); var c dep.Client[int]; _ = c.Get(); _ = t }\n",
		"other/other.go": "package other\n\nimport _ \"example.com/m/broken\"\n",
	})
	env := append(analyze.GoEnv(nil, true), "GOCACHE="+t.TempDir())
	cache := analyze.OpenCache(t.TempDir(), 0, func(msg string) { t.Errorf("warning: %s", msg) })
	load := func(patterns ...string) int {
		t.Helper()
		cfg := &packages.Config{Context: context.Background(), Dir: dir, Env: env}
		roots, fromSource, err := typeCheck(cfg, patterns, Options{Cache: cache})
		if err != nil {
			t.Fatal(err)
		}
		r := roots[0]
		if r.PkgPath != "example.com/m/main" {
			return fromSource
		}
		for _, e := range r.Errors {
			t.Errorf("%s: %s", e.Pos, e.Msg)
		}
		if r.IllTyped || len(r.Syntax) != 1 {
			t.Fatalf("main not type-checked: ill-typed %v, %d files", r.IllTyped, len(r.Syntax))
		}
		// One base.Topic, however dep's types were read.
		orders := r.Imports["example.com/m/dep"].Types.Scope().Lookup("Orders").Type().(*types.Signature)
		topic := r.Imports["example.com/m/base"].Types.Scope().Lookup("Topic").Type()
		if !types.Identical(orders.Results().At(0).Type(), topic) {
			t.Errorf("dep.Orders returns %s, not main's base.Topic", orders.Results().At(0).Type())
		}
		return fromSource
	}
	// The first load of a build keeps nothing (a CI runner that keeps
	// no cache would pay for writing it), the second keeps both, the
	// third reads them.
	for i, want := range []int{2, 2, 0} {
		if n := load("./main"); n != want {
			t.Errorf("load %d: %d dependencies from source, want %d", i+1, n, want)
		}
	}
	// An edit of dep types dep again, not base.
	writeFiles(t, dir, map[string]string{"dep/dep.go": "package dep\n\nimport \"example.com/m/base\"\n\nfunc Orders() base.Topic { return \"orders.v2\" }\n\ntype Client[T any] struct{ v T }\n\nfunc (c *Client[T]) Get() T { return c.v }\n"})
	if n := load("./main"); n != 1 {
		t.Errorf("dep edited: %d from source, want 1", n)
	}
	// An edit of base types both again: dep's key holds base's.
	writeFiles(t, dir, map[string]string{"base/base.go": "package base\n\ntype Topic string\n\nconst Default Topic = \"x\"\n"})
	if n := load("./main"); n != 2 {
		t.Errorf("base edited: %d from source, want 2", n)
	}
	// A new file in dep is part of its key.
	writeFiles(t, dir, map[string]string{"dep/more.go": "package dep\n\nfunc More() {}\n"})
	if n := load("./main"); n != 1 {
		t.Errorf("file added to dep: %d from source, want 1", n)
	}
	// broken is typed again on every load: its error is never cached.
	for i := range 2 {
		if n := load("./other"); n != 1 {
			t.Errorf("load %d of other: %d from source, want 1 (broken)", i, n)
		}
	}
	// A file edited just now is read on every run, and its package kept
	// by its content.
	writeFiles(t, dir, map[string]string{"base/base.go": "package base\n\ntype Topic string\n\nconst Default Topic = \"y\"\n"})
	for i, want := range []int{2, 0} {
		if n := load("./main"); n != want {
			t.Errorf("base edited just now, load %d: %d from source, want %d", i+1, n, want)
		}
	}
	// New times and the same content, as a fresh checkout or a module
	// cache restored from an archive has them: the same keys.
	then := time.Now().Add(-time.Hour)
	for _, f := range []string{"base/base.go", "dep/dep.go", "dep/more.go"} {
		if err := os.Chtimes(filepath.Join(dir, f), then, then); err != nil {
			t.Fatal(err)
		}
	}
	if n := load("./main"); n != 0 {
		t.Errorf("files touched, not changed: %d from source, want 0", n)
	}
	// base's export data in the build cache: dep is keyed by that file
	// now, so typed again once and kept, then read from archie's cache
	// beside base's export data from the build cache, one base.Topic.
	build := exec.Command("go", "build", "./base")
	build.Dir, build.Env = dir, append(env, "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	for i, want := range []int{1, 0} {
		if n := load("./main"); n != want {
			t.Errorf("base in the build cache, load %d: %d from source, want %d", i+1, n, want)
		}
	}
	// Another GOARCH's word size is another key.
	env = append(env, "GOARCH=386")
	if n := load("./main"); n != 2 {
		t.Errorf("GOARCH=386: %d from source, want 2", n)
	}
}

// TestTypeCheckImports: a dependency's types list the packages it
// imports, sorted, however they were read: from source, go/types lists
// them in the order of the source; from export data (the build cache's
// or archie's), every package its declarations refer to, and not one
// used only in a function body. Which messaging library a dependency
// wraps must not depend on it.
func TestTypeCheckImports(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"go.mod":       "module example.com/m\n\ngo 1.22\n",
		"wire/wire.go": "package wire\n\nfunc Send(string) {}\n",
		"api/api.go":   "package api\n\ntype Event struct{ Name string }\n",
		"lib/lib.go":   "package lib\n\nimport (\n\t\"example.com/m/wire\"\n\t\"example.com/m/api\"\n)\n\nfunc Publish(e api.Event) { wire.Send(e.Name) }\n",
		"main/main.go": "package main\n\nimport (\n\t\"example.com/m/api\"\n\t\"example.com/m/lib\"\n)\n\nfunc main() { lib.Publish(api.Event{}) }\n",
	})
	env := append(analyze.GoEnv(nil, true), "GOCACHE="+t.TempDir())
	cache := analyze.OpenCache(t.TempDir(), 0, nil)
	for i, want := range []int{3, 3, 0} { // source, source and kept, archie's cache
		cfg := &packages.Config{Context: context.Background(), Dir: dir, Env: env}
		roots, fromSource, err := typeCheck(cfg, []string{"./main"}, Options{Cache: cache})
		if err != nil {
			t.Fatal(err)
		}
		if fromSource != want {
			t.Errorf("load %d: %d from source, want %d", i+1, fromSource, want)
		}
		var paths []string
		for _, imp := range roots[0].Imports["example.com/m/lib"].Types.Imports() {
			paths = append(paths, imp.Path())
		}
		if got := strings.Join(paths, " "); got != "example.com/m/api example.com/m/wire" {
			t.Errorf("load %d: lib imports %q, want api and wire, sorted", i+1, got)
		}
	}
}

// TestTypeCacheEditedDuringRun: a dependency whose file is edited after
// it was hashed for its key and before it was parsed is not kept under
// that key: the key would say other contents than its types have, and a
// later run with those contents back would read them.
func TestTypeCacheEditedDuringRun(t *testing.T) {
	cache := analyze.OpenCache(t.TempDir(), 0, nil)
	p := &packages.Package{PkgPath: "example.com/a", Name: "a", GoFiles: []string{"/src/a.go"}, Types: types.NewPackage("example.com/a", "a")}
	p.Types.MarkComplete()
	hashed := fmt.Sprintf("/src/a.go\t%x\n", sha256.Sum256([]byte("package a\n\nconst V = 1\n")))
	for _, tc := range []struct {
		parsed string
		kept   bool
	}{
		{"package a\n\nconst V = 1\n", true},
		{"package a\n\nconst V = 2\n", false},
	} {
		l := &typeLoader{fset: token.NewFileSet(), cache: cache, keepTypes: true,
			files: map[*packages.Package]string{p: hashed}, keys: map[*packages.Package]string{p: "key of " + tc.parsed}}
		l.sameFiles(p, [][]byte{[]byte(tc.parsed)})
		l.keep(p)
		if kept := cache.Get(typesKind, l.keys[p]) != nil; kept != tc.kept {
			t.Errorf("parsed %q: kept %v, want %v", tc.parsed, kept, tc.kept)
		}
	}
}

// TestTypeCacheReadsWhole: a dependency read from archie's cache whose
// scope the facts look names up in (a router's ServeMux, a client a
// program's interface stands in for, generated RPC code) is whole, as one
// type-checked from source is, even when no package type-checked here
// imports it: the facts must find the same names on every run. Any other
// dependency is read only where a package type-checked here imports it,
// and below that holds what the others' types refer to.
func TestTypeCacheReadsWhole(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"go.mod":       "module example.com/m\n\ngo 1.22\n\nrequire github.com/labstack/echo v1.0.0\n\nreplace github.com/labstack/echo => ./echo\n",
		"echo/go.mod":  "module github.com/labstack/echo\n\ngo 1.22\n",
		"echo/echo.go": "package echo\n\ntype Echo struct{}\n\nfunc New() *Echo { return &Echo{} }\n\nfunc Unused() {}\n",
		"deep/deep.go": "package deep\n\ntype Key string\n\nfunc Unused() {}\n",
		"dep/dep.go":   "package dep\n\nimport (\n\t\"example.com/m/deep\"\n\t\"github.com/labstack/echo\"\n)\n\nfunc Orders() deep.Key { return \"orders\" }\n\nfunc Router() *echo.Echo { return echo.New() }\n",
		"main/main.go": "package main\n\nimport \"example.com/m/dep\"\n\nfunc main() { _ = dep.Orders(); _ = dep.Router() }\n",
	})
	env := append(analyze.GoEnv(nil, true), "GOCACHE="+t.TempDir(), "GOFLAGS=-mod=mod")
	cache := analyze.OpenCache(t.TempDir(), 0, func(msg string) { t.Errorf("warning: %s", msg) })
	for i, want := range []int{3, 3, 0} {
		cfg := &packages.Config{Context: context.Background(), Dir: dir, Env: env}
		roots, n, err := typeCheck(cfg, []string{"./main"}, Options{Cache: cache})
		if err != nil {
			t.Fatal(err)
		}
		if n != want {
			t.Errorf("load %d: %d dependencies from source, want %d", i+1, n, want)
		}
		main := roots[0]
		if main.IllTyped {
			t.Fatalf("load %d: main ill-typed: %v", i+1, main.Errors)
		}
		dep := main.Imports["example.com/m/dep"]
		echo := dep.Imports["github.com/labstack/echo"]
		if !echo.Types.Complete() || echo.Types.Scope().Lookup("Unused") == nil {
			t.Errorf("load %d: echo, which only dep imports, is not whole", i+1)
		}
		deep := dep.Imports["example.com/m/deep"]
		if fromCache := want == 0; deep.Types.Complete() == fromCache || (deep.Types.Scope().Lookup("Unused") == nil) != fromCache {
			t.Errorf("load %d: deep whole %v, want %v (read from archie's cache only as far as dep's types refer to it)", i+1, deep.Types.Complete(), !fromCache)
		}
		if deep.Types.Scope().Lookup("Key") == nil {
			t.Errorf("load %d: deep.Key, which dep's types refer to, is missing", i+1)
		}
	}
}

// notRunnable returns a file that is there but cannot be run.
func notRunnable(t *testing.T) string {
	f := filepath.Join(t.TempDir(), "sh")
	if err := os.WriteFile(f, []byte("#!/bin/sh\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return f
}

// Only the go command's errors about //go:embed patterns are embed
// errors: a type error that starts with the same word is not.
func TestEmbedError(t *testing.T) {
	for _, c := range []struct {
		e    packages.Error
		want bool
	}{
		{packages.Error{Pos: "web/web.go:26:12", Msg: "pattern all:dist/*: no matching files found", Kind: packages.ListError}, true},
		{packages.Error{Pos: "web/web.go:9:12", Msg: "pattern ui: cannot embed directory ui: contains no embeddable files", Kind: packages.ListError}, true},
		{packages.Error{Pos: "cmd/server/dup.go:4:5", Msg: "pattern redeclared in this block", Kind: packages.TypeError}, false},
		{packages.Error{Pos: "", Msg: "pattern ./...: directory prefix . does not contain main module", Kind: packages.ListError}, false},
		{packages.Error{Pos: "web/web.go:3:8", Msg: "no required module provides package example.com/x", Kind: packages.ListError}, false},
	} {
		if got := embedError(c.e); got != c.want {
			t.Errorf("embedError(%q) = %v, want %v", c.e.Msg, got, c.want)
		}
	}
}

// TestTypeCheckOlderRelease: a dependency whose build constraints leave
// out, for this Go release, the file that declares what its other files
// use (as bytedance/sonic v1.14.2 does with go1.26) is read as the
// release before selects its files, with the imports only that file
// makes (a package of the standard library no other package imports
// here, a package of its module nothing imports); its importers are
// read, and the run says which release it was read as. A dependency no
// earlier release fixes keeps its error.
func TestTypeCheckOlderRelease(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	this := currentMinor()
	if this < 2 {
		t.Skip("no Go release tags")
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"go.mod":                "module example.com/m\n\ngo 1.22\n\nrequire (\n\texample.com/fast v0.0.0\n\texample.com/broken v0.0.0\n\texample.com/redecl v0.0.0\n\texample.com/refuse v0.0.0\n)\n\nreplace (\n\texample.com/fast => ./fast\n\texample.com/broken => ./broken\n\texample.com/redecl => ./redecl\n\texample.com/refuse => ./refuse\n)\n",
		"fast/go.mod":           "module example.com/fast\n\ngo 1.22\n",
		"fast/codec.go":         "package fast\n\ntype Codec struct{ it *Iter }\n\nfunc New() *Codec { return &Codec{} }\n",
		"fast/iter_old.go":      fmt.Sprintf("//go:build !go1.%d\n\npackage fast\n\nimport (\n\t\"hash/adler32\"\n\n\t\"example.com/fast/legacy\"\n)\n\ntype Iter struct{ l legacy.Table }\n\nvar sum = adler32.Checksum\n", this),
		"fast/legacy/legacy.go": "package legacy\n\ntype Table struct{}\n",
		"broken/go.mod":         "module example.com/broken\n\ngo 1.22\n",
		"broken/broken.go":      "package broken\n\nfunc Run() Missing { return nil }\n",
		// Its listed files use a name of their own that only the older
		// files declare, and they redeclare another: no release builds it.
		"redecl/go.mod": "module example.com/redecl\n\ngo 1.22\n",
		"redecl/a.go":   "package redecl\n\nconst Target = \"http://orders:8080\"\n",
		"redecl/new.go": fmt.Sprintf("//go:build go1.%d\n\npackage redecl\n\nfunc Run() Missing { return 0 }\n", this),
		"redecl/old.go": fmt.Sprintf("//go:build !go1.%d\n\npackage redecl\n\ntype Missing int\n\nconst Target = \"http://billing:8080\"\n\nfunc Run() Missing { return 0 }\n", this),
		"third/main.go": "package main\n\nimport \"example.com/redecl\"\n\nfunc main() { redecl.Run() }\n",
		// A file selected for this release and those after the one the
		// module was written for refuses them (quic-go v0.30.0's
		// go120.go); the release it was written for is more than
		// olderReleases back.
		"refuse/go.mod":  fmt.Sprintf("module example.com/refuse\n\ngo 1.%d\n", this-7),
		"refuse/old.go":  fmt.Sprintf("//go:build go1.%d\n\npackage refuse\n\nfunc Run() {}\n", this-7),
		"refuse/new.go":  fmt.Sprintf("//go:build go1.%d\n\npackage refuse\n\nvar _ int = \"cannot be built with this release yet\"\n", this-6),
		"fourth/main.go": "package main\n\nimport \"example.com/refuse\"\n\nfunc main() { refuse.Run() }\n",
		"main/main.go":   "package main\n\nimport \"example.com/fast\"\n\nfunc main() { _ = fast.New() }\n",
		"other/main.go":  "package main\n\nimport \"example.com/broken\"\n\nfunc main() { broken.Run() }\n",
	})
	cfg := &packages.Config{Context: context.Background(), Dir: dir, Env: append(analyze.GoEnv(nil, true), "GOCACHE="+t.TempDir())}
	ls := newListing(cfg, []string{"./main", "./other", "./third", "./fourth"}, Options{})
	ls.list()
	roots, _, err := ls.typeCheck(nil)
	if err != nil {
		t.Fatal(err)
	}
	byPath := make(map[string]*packages.Package)
	for _, r := range roots {
		byPath[r.PkgPath] = r
	}
	main := byPath["example.com/m/main"]
	if main == nil || main.IllTyped {
		t.Fatalf("main: %v; want read", main)
	}
	if fast := main.Imports["example.com/fast"]; len(fast.Errors) != 0 || fast.Types.Scope().Lookup("Iter") == nil {
		t.Errorf("fast: errors %v, Iter %v; want no error and Iter declared", fast.Errors, fast.Types.Scope().Lookup("Iter"))
	}
	for _, path := range []string{"example.com/m/other", "example.com/m/third"} {
		if r := byPath[path]; r == nil || !r.IllTyped {
			t.Errorf("%s: %v; want ill-typed (its dependency's error no release mends)", path, r)
		}
	}
	if r := byPath["example.com/m/fourth"]; r == nil || r.IllTyped {
		t.Errorf("fourth: %v; want read (its dependency read as go1.%d selects its files)", r, this-7)
	}
	if len(ls.older) != 2 {
		t.Fatalf("notes = %v; want two, for example.com/fast and example.com/refuse", ls.older)
	}
	r := ls.older[1]
	wantR := fmt.Sprintf(`example.com/refuse does not type-check with go1.%d (cannot use "cannot be built with this release yet" (untyped string constant) as int value in variable declaration): its build constraints select, for go1.%d, a file that refuses it; archie read it as go1.%d selects its files`, this, this, this-7)
	if r.Package != "example.com/refuse" || !strings.HasPrefix(r.Msg, wantR) || filepath.Base(r.Pos.Filename) != "new.go" {
		t.Errorf("note = %+v\nwant at new.go, starting %q", r, wantR)
	}
	n := ls.older[0]
	want := fmt.Sprintf("example.com/fast does not type-check with go1.%d (undefined: Iter): its build constraints select files for earlier Go releases only; archie read it as go1.%d selects its files", this, this-1)
	if n.Package != "example.com/fast" || !n.NotChecked || !strings.HasPrefix(n.Msg, want) || filepath.Base(n.Pos.Filename) != "codec.go" || n.Pos.Line != 3 {
		t.Errorf("note = %+v\nwant at codec.go:3, starting %q", n, want)
	}
}
