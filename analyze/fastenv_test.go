package analyze

import (
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestFastBuildContext checks that file selection follows GOOS, GOARCH,
// build tags, cgo and the go command's release.
func TestFastBuildContext(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"a.go":          "package p\n",
		"os_linux.go":   "package p\n",
		"os_windows.go": "package p\n",
		"arch_arm64.go": "package p\n",
		"foo.go":        "//go:build foo\n\npackage p\n",
		"notfoo.go":     "//go:build !foo\n\npackage p\n",
		"old.go":        "// +build foo,linux\n\npackage p\n",
		"future.go":     "//go:build go1.99\n\npackage p\n",
		"past.go":       "//go:build go1.20\n\npackage p\n",
		"unix.go":       "//go:build unix\n\npackage p\n",
		"cgo.go":        "package p\n\nimport \"C\"\n",
		"nocgo.go":      "//go:build !cgo\n\npackage p\n",
		"ignored.go":    "//go:build ignore\n\npackage main\n",
		"p_test.go":     "package p\n",
	})
	cases := []struct {
		goos, goarch, cgo string
		tags              []string
		want              string
	}{
		{"linux", "amd64", "1", nil, "a.go notfoo.go os_linux.go past.go unix.go | cgo.go"},
		{"linux", "arm64", "0", []string{"foo"}, "a.go arch_arm64.go foo.go nocgo.go old.go os_linux.go past.go unix.go |"},
		{"windows", "amd64", "0", nil, "a.go nocgo.go notfoo.go os_windows.go past.go |"},
		{"android", "arm64", "1", nil, "a.go arch_arm64.go notfoo.go os_linux.go past.go unix.go | cgo.go"},
	}
	for _, c := range cases {
		env := &fastEnv{GOROOT: runtime.GOROOT(), GOOS: c.goos, GOARCH: c.goarch, CGO_ENABLED: c.cgo, GOVERSION: "go1.26.8"}
		ctx, why := env.buildContext(c.tags)
		if why != "" {
			t.Fatal(why)
		}
		bp, err := ctx.ImportDir(dir, 0)
		if err != nil {
			t.Fatal(err)
		}
		got := strings.TrimSpace(strings.Join(bp.GoFiles, " ") + " | " + strings.Join(bp.CgoFiles, " "))
		if got != c.want {
			t.Errorf("GOOS=%s GOARCH=%s CGO_ENABLED=%s tags %v: files %q, want %q", c.goos, c.goarch, c.cgo, c.tags, got, c.want)
		}
		if !reflect.DeepEqual(bp.TestGoFiles, []string{"p_test.go"}) {
			t.Errorf("TestGoFiles = %v", bp.TestGoFiles)
		}
	}
	for _, v := range []string{"devel go1.27-abc", "go2"} {
		if _, why := (&fastEnv{GOVERSION: v}).buildContext(nil); why == "" {
			t.Errorf("buildContext with GOVERSION %q: no reason to fall back", v)
		}
	}
	if _, why := (&fastEnv{GOVERSION: "go1.26"}).buildContext([]string{"a b"}); why == "" {
		t.Errorf("buildContext with tag %q: no reason to fall back", "a b")
	}
}

func TestDottedTag(t *testing.T) {
	for tag, want := range map[string]bool{
		"goexperiment.synctest": true,
		"amd64.v3":              true,
		"arm.7":                 true,
		"go1.21":                false,
		"linux":                 false,
		"antlr.nomutex":         false,
		"codec.notfastpath":     false,
	} {
		if got := dottedTag(tag); got != want {
			t.Errorf("dottedTag(%q) = %v, want %v", tag, got, want)
		}
	}
}

func TestFastFlags(t *testing.T) {
	cases := []struct {
		goflags string
		tags    []string
		set     bool
		fails   bool
	}{
		{"", nil, false, false},
		{"-buildvcs=false -trimpath", nil, false, false},
		{"-tags=a,b", []string{"a", "b"}, true, false},
		{"--tags=a -modcacherw", []string{"a"}, true, false},
		{"-race", nil, false, true},
		{"-mod=mod", nil, false, false},
		{"-mod=vendor", nil, false, true},
		{"-tags", nil, false, true},
		{"-tags=", nil, true, false},
		{"-overlay=o.json", nil, false, true},
		{"-modfile=x.mod", nil, false, true},
		{"-compiler=gccgo", nil, false, true},
	}
	for _, c := range cases {
		tags, set, why := fastFlags(c.goflags)
		if (why != "") != c.fails || set != c.set || !reflect.DeepEqual(tags, c.tags) {
			t.Errorf("fastFlags(%q) = %v, %v, %q; want %v, %v, fails %v", c.goflags, tags, set, why, c.tags, c.set, c.fails)
		}
	}
	if got := splitTags("a b"); !reflect.DeepEqual(got, []string{"a", "b"}) {
		t.Errorf("splitTags(%q) = %v", "a b", got)
	}
}

func TestInternalAllowed(t *testing.T) {
	cases := []struct {
		importer, imp string
		want          bool
	}{
		{"m/a", "m/internal/x", true},
		{"m/a/b", "m/a/internal", true},
		{"m2/a", "m/internal/x", false},
		{"m/a", "m/b/internal/x", false},
		{"m/b/c", "m/b/internal/x/internal/y", false},
		{"m/b/internal/x/z", "m/b/internal/x/internal/y", true},
		{"m/a", "internal/race", false},
		{"m/a", "fmt", true},
	}
	for _, c := range cases {
		if got := internalAllowed(c.importer, c.imp); got != c.want {
			t.Errorf("internalAllowed(%q, %q) = %v, want %v", c.importer, c.imp, got, c.want)
		}
	}
}

// TestFastClassify checks where imports are found: the standard library,
// the main module, a required module in the module cache (with its path
// escaped), a directory replacement, and the reasons to give up.
func TestFastClassify(t *testing.T) {
	root := t.TempDir()
	cache := filepath.Join(root, "modcache")
	main := filepath.Join(root, "main")
	writeTree(t, root, map[string]string{
		"main/go.mod":         "module example.com/m\n\ngo 1.22\n\nrequire (\n\tgithub.com/Upper/lib v1.0.0\n\texample.org/nosum v1.0.0\n\texample.org/local v0.0.0\n)\n\nreplace example.org/local => ../local\n",
		"main/go.sum":         "example.org/indirect v1.0.0 h1:x=\nexample.org/indirect v1.0.0/go.mod h1:x=\ngithub.com/Upper/lib v1.0.0 h1:x=\ngithub.com/Upper/lib v1.0.0/go.mod h1:x=\nexample.org/nosum v1.0.0/go.mod h1:x=\n",
		"main/a/a.go":         "package a\n",
		"main/sub/go.mod":     "module example.com/m/sub\n",
		"main/sub/s.go":       "package s\n",
		"main/test/x_test.go": "package x\n",
		"modcache/cache/download/github.com/!upper/lib/@v/v1.0.0.mod":     "module github.com/Upper/lib\n\ngo 1.20\n\nrequire example.org/indirect v1.0.0\n",
		"modcache/cache/download/example.org/indirect/@v/v1.0.0.mod":      "module example.org/indirect\n\ngo 1.20\n",
		"modcache/cache/download/example.org/indirect/@v/v1.0.0.ziphash":  "h1:x=\n",
		"modcache/example.org/indirect@v1.0.0/p/p.go":                     "package p\n",
		"modcache/cache/download/github.com/!upper/lib/@v/v1.0.0.ziphash": "h1:x=\n",
		"modcache/github.com/!upper/lib@v1.0.0/x/x.go":                    "package x\n",
		"modcache/cache/download/example.org/nosum/@v/v1.0.0.mod":         "module example.org/nosum\n\ngo 1.20\n",
		"local/go.mod": "module example.org/local\n\ngo 1.20\n",
		"local/l/l.go": "package l\n",
	})
	env := &fastEnv{GOROOT: runtime.GOROOT(), GOOS: "linux", GOARCH: "amd64", GOVERSION: "go1.26.0", GOMODCACHE: cache}
	bl, why := fastModuleGraph(env, []*Module{{Path: "example.com/m", Dir: main}}, "")
	if why != "" {
		t.Fatal(why)
	}
	ctx, _ := env.buildContext(nil)
	l := &fastLoader{ctx: ctx, depCtx: withoutTests(ctx), env: env, bl: bl, nodes: make(map[string]*fastNode)}
	cases := []struct {
		imp  string
		dir  string // found here, "std" for the standard library
		fail string // else the reason says this
	}{
		{"fmt", "std", ""},
		{"net/http", "std", ""},
		{"example.com/m/a", filepath.Join(main, "a"), ""},
		{"github.com/Upper/lib/x", filepath.Join(cache, "github.com/!upper/lib@v1.0.0/x"), ""},
		{"example.org/local/l", filepath.Join(root, "local/l"), ""},
		{"fmtx", "", "not in the standard library"},
		{"internal/race", "", "import of internal/race"},
		{"example.com/m/nowhere", "", "no module provides"},
		{"example.com/m/sub", "", "no module provides"}, // another module
		{"github.com/Upper/lib/y", "", "no module provides"},
		{"example.org/nosum/z", "", "go.sum has no entry for example.org/nosum@v1.0.0"},
		{"example.org/other/z", "", "no module provides"},
		{"example.org/indirect/p", "", "a module go.mod does not require"},
		{"./a", "", "relative import"},
	}
	for _, c := range cases {
		n := &fastNode{path: c.imp}
		why := l.locate(n)
		switch {
		case c.fail != "":
			if !strings.Contains(why, c.fail) {
				t.Errorf("locate(%q): reason %q, want one with %q", c.imp, why, c.fail)
			}
		case why != "":
			t.Errorf("locate(%q): %s", c.imp, why)
		case c.dir == "std":
			if !n.std {
				t.Errorf("locate(%q) = %s, want the standard library", c.imp, n.dir)
			}
		case n.dir != c.dir || n.std:
			t.Errorf("locate(%q) = %s (std %v), want %s", c.imp, n.dir, n.std, c.dir)
		}
	}
	// A module the go.mod of a requirement wants newer than go.mod says
	// makes go.mod untidy: the go command would refuse it.
	writeTree(t, root, map[string]string{
		"modcache/cache/download/github.com/!upper/lib/@v/v1.0.0.mod": "module github.com/Upper/lib\n\ngo 1.20\n\nrequire example.org/nosum v1.2.0\n",
		"main/go.mod": "module example.com/m\n\ngo 1.22\n\nrequire (\n\tgithub.com/Upper/lib v1.0.0\n\texample.org/nosum v1.0.0\n)\n",
	})
	if _, why := fastModuleGraph(env, []*Module{{Path: "example.com/m", Dir: main}}, ""); !strings.Contains(why, "not tidy") {
		t.Errorf("untidy go.mod: reason %q, want one with %q", why, "not tidy")
	}
}

// TestFastLazyGraph checks that, as the go command with a pruned module
// graph, the go.mod files below the main module's requirements are needed
// only for imports its requirements do not provide.
func TestFastLazyGraph(t *testing.T) {
	root := t.TempDir()
	cache := filepath.Join(root, "modcache")
	main := filepath.Join(root, "main")
	writeTree(t, root, map[string]string{
		"main/go.mod": "module example.com/m\n\ngo 1.22\n\nrequire example.org/old v1.0.0\n",
		"main/go.sum": "example.org/old v1.0.0 h1:x=\nexample.org/old v1.0.0/go.mod h1:x=\n",
		// A requirement from before graph pruning, whose own requirement
		// has no go.mod in the cache: the go command reads it only when
		// it loads the whole graph.
		"modcache/cache/download/example.org/old/@v/v1.0.0.mod":     "module example.org/old\n\ngo 1.16\n\nrequire example.org/deep v1.0.0\n",
		"modcache/cache/download/example.org/old/@v/v1.0.0.ziphash": "h1:x=\n",
		"modcache/example.org/old@v1.0.0/q/q.go":                    "package q\n",
	})
	env := &fastEnv{GOROOT: runtime.GOROOT(), GOOS: "linux", GOARCH: "amd64", GOVERSION: "go1.26.0", GOMODCACHE: cache}
	bl, why := fastModuleGraph(env, []*Module{{Path: "example.com/m", Dir: main}}, "")
	if why != "" {
		t.Fatal(why)
	}
	if bl.graphWhy == "" {
		t.Errorf("graphWhy is empty; want why the whole graph cannot be read")
	}
	if dir, why := bl.resolve("example.org/old/q"); why != "" || dir != filepath.Join(cache, "example.org/old@v1.0.0/q") {
		t.Errorf("resolve(example.org/old/q) = %q, %q", dir, why)
	}
	if _, why := bl.resolve("example.org/deep/p"); !strings.Contains(why, "not in a module the main modules require") {
		t.Errorf("resolve(example.org/deep/p): reason %q", why)
	}
	// An unpruned main module reads the whole graph at once.
	writeTree(t, root, map[string]string{"main/go.mod": "module example.com/m\n\ngo 1.16\n\nrequire example.org/old v1.0.0\n"})
	if _, why := fastModuleGraph(env, []*Module{{Path: "example.com/m", Dir: main}}, ""); !strings.Contains(why, "example.org/deep") {
		t.Errorf("unpruned main module: reason %q, want one naming example.org/deep", why)
	}
}
