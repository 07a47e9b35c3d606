package analyze

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/tools/go/packages"
)

// untidyTree is a module, app, whose go.mod lacks the requirement of a
// module its dependency needs (go 1.17 and later list it): the go
// command refuses to list app until go mod tidy adds it. Every module is
// a local folder, so bringing it up to date needs no network.
var untidyTree = map[string]string{
	"app/go.mod": `module example.com/app

go 1.22

require example.com/lib v0.0.0

replace (
	example.com/lib => ../lib
	example.com/dep => ../dep
)
`,
	"app/main.go": "package main\n\nimport \"example.com/lib\"\n\nfunc main() { println(lib.Name()) }\n",
	"lib/go.mod": `module example.com/lib

go 1.22

require example.com/dep v0.1.0

replace example.com/dep => ../dep
`,
	"lib/lib.go": "package lib\n\nimport \"example.com/dep\"\n\nfunc Name() string { return dep.Name }\n",
	"dep/go.mod": "module example.com/dep\n\ngo 1.22\n",
	"dep/dep.go": "package dep\n\nconst Name = \"dep\"\n",
}

func TestLoadTidied(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, untidyTree)
	app := filepath.Join(dir, "app")
	env := append(os.Environ(), "GOWORK=off", "GOFLAGS=")
	for _, tc := range []struct {
		name string
		mode packages.LoadMode
	}{
		{"imports", Mode},
		// go/packages says nothing of a failed go list -export.
		{"export data", Mode | packages.NeedExportFile},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// Without the copy the go command refuses the module.
			if pkgs, err := packages.Load(&packages.Config{Dir: app, Env: env, Mode: tc.mode}, "./..."); err == nil && len(pkgs) > 0 && untidyPackage(pkgs, ownPaths{"example.com/app"}) == "" {
				t.Fatalf("the fixture is tidy: %d packages listed", len(pkgs))
			}
			pkgs, note, err := LoadTidied(&packages.Config{Dir: app, Env: env, Mode: tc.mode}, "./...")
			if err != nil {
				t.Fatal(err)
			}
			var paths []string
			packages.Visit(pkgs, nil, func(p *packages.Package) {
				if strings.HasPrefix(p.PkgPath, "example.com/") {
					paths = append(paths, p.PkgPath)
				}
				for _, e := range p.Errors {
					t.Errorf("%s: %s", p.PkgPath, e.Msg)
				}
			})
			if got := strings.Join(paths, " "); got != "example.com/dep example.com/lib example.com/app" {
				t.Errorf("listed %q, want dep, lib and app", got)
			}
			if note == nil {
				t.Fatal("no problem says the module was read from a tidied copy")
			}
			if note.Pos.Filename != filepath.Join(app, "go.mod") || !UntidyNote(*note) || !strings.Contains(note.Msg, "updates to go.mod needed") || strings.Contains(note.Msg, "\n") ||
				!strings.Contains(note.Msg, "archie read module example.com/app with a copy of its go.mod in a temporary folder, which the go command brought up to date (requires example.com/dep v0.1.0 indirectly)") {
				t.Errorf("problem %s: %s", note.Pos, note.Msg)
			}
		})
	}
	// The user's files are as they were, and no go.sum appeared.
	if data, err := os.ReadFile(filepath.Join(app, "go.mod")); err != nil || string(data) != untidyTree["app/go.mod"] {
		t.Errorf("app/go.mod changed: %q, %v", data, err)
	}
	if _, err := os.Stat(filepath.Join(app, "go.sum")); !os.IsNotExist(err) {
		t.Errorf("app/go.sum written: %v", err)
	}
}

func TestLoadTidiedLeavesTidyModules(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, untidyTree)
	env := append(os.Environ(), "GOWORK=off", "GOFLAGS=")
	// lib is tidy: listed once, nothing said.
	pkgs, note, err := LoadTidied(&packages.Config{Dir: filepath.Join(dir, "lib"), Env: env, Mode: Mode}, "./...")
	if err != nil || note != nil || len(pkgs) != 1 {
		t.Errorf("tidy module: %d packages, problem %v, error %v", len(pkgs), note, err)
	}
	// In a workspace the go command takes no -modfile: app is listed as
	// it is, and its error is the go command's.
	writeTree(t, dir, map[string]string{"go.work": "go 1.22\n\nuse ./app\n"})
	wsEnv := append(os.Environ(), "GOFLAGS=")
	_, note, _ = LoadTidied(&packages.Config{Dir: filepath.Join(dir, "app"), Env: wsEnv, Mode: Mode}, "./...")
	if note != nil {
		t.Errorf("a workspace module was read from a copy: %s", note.Msg)
	}
}

func TestLoadUntidyGraph(t *testing.T) {
	// Load reads an untidy nested module beside a tidy one, and says so.
	dir := t.TempDir()
	writeTree(t, dir, untidyTree)
	g, err := Load(context.Background(), Options{Dir: dir, Nested: true, Loader: LoaderPackages, Env: append(os.Environ(), "GOFLAGS=")})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := g.Dir("example.com/app"); !ok {
		t.Errorf("example.com/app not in the graph; errors: %v", g.Errors)
	}
	notes := 0
	for _, e := range g.Errors {
		if UntidyNote(e) {
			notes++
		} else {
			t.Errorf("%s: %s", e.Pos, e.Msg)
		}
	}
	if notes != 1 {
		t.Errorf("%d problems say a module was tidied, want 1", notes)
	}
}

func TestUntidyMessage(t *testing.T) {
	for _, tc := range []struct {
		msg  string
		want bool
	}{
		{"go: updates to go.mod needed; to update it:\n\tgo mod tidy", true},
		{"missing go.sum entry for module providing package github.com/acme/lib (imported by example.com/app/api); to add:", true},
		{"no required module provides package github.com/google/uuid; to add it:\n\tgo get github.com/google/uuid", true},
		{"go: example.com/dep@v0.1.0: is replaced but not required", true},
		// A package of the module's own path that is not there (code
		// generated but not committed): no module would provide it.
		{"no required module provides package example.com/app/gen/pb; to add it:\n\tgo get example.com/app/gen/pb", false},
		{"no required module provides package example.com/app; to add it:", false},
		{"no required module provides package example.com/apps/x; to add it:", true},
		// Nor one of a module a replace maps into the module's folder.
		{"no required module provides package example.com/gen/pb; to add it:", false},
		{"undefined: x", false},
	} {
		if got := untidyMessage(tc.msg, ownPaths{"example.com/app", "example.com/gen"}); got != tc.want {
			t.Errorf("untidyMessage(%q) = %v, want %v", tc.msg, got, tc.want)
		}
	}
}

func TestModuleRootOwnPaths(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"app/go.mod":   "module example.com/app/v2\n\ngo 1.22\n\nreplace (\n\texample.com/gen => ./gen\n\texample.com/far => ../far\n\texample.com/ver => example.com/fork v1.0.0\n)\n",
		"app/sub/x.go": "package sub\n",
	})
	root, own := moduleRoot(filepath.Join(dir, "app", "sub"))
	if root != filepath.Join(dir, "app") || strings.Join(own, " ") != "example.com/app/v2 example.com/app example.com/gen" {
		t.Errorf("moduleRoot = %s, %q", root, own)
	}
}

// proxyLog is a module proxy that serves nothing and records the paths
// asked of it.
func proxyLog(t *testing.T) (url string, asked func() []string) {
	t.Helper()
	var mu sync.Mutex
	var paths []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		paths = append(paths, r.URL.Path)
		mu.Unlock()
		http.NotFound(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv.URL, func() []string {
		mu.Lock()
		defer mu.Unlock()
		return slices.Clone(paths)
	}
}

func TestLoadTidiedOwnMissingPackage(t *testing.T) {
	proxy, asked := proxyLog(t)
	env := append(os.Environ(), "GOWORK=off", "GOFLAGS=", "GOPROXY="+proxy, "GOSUMDB=off", "GOMODCACHE="+t.TempDir())
	t.Cleanup(func() {
		// Not one of the module's own paths went to the proxy.
		for _, p := range asked() {
			if strings.Contains(p, "example.com/app") || strings.Contains(p, "example.com/gen") {
				t.Errorf("the proxy was asked %s", p)
			}
		}
	})
	t.Run("untidy", func(t *testing.T) {
		// An import of a package of app's own path that is not there
		// is that package's error: the rest of app reads from the copy.
		dir := t.TempDir()
		writeTree(t, dir, untidyTree)
		writeTree(t, dir, map[string]string{"app/typo/typo.go": "package typo\n\nimport _ \"example.com/app/nothere\"\n"})
		pkgs, note, err := LoadTidied(&packages.Config{Dir: filepath.Join(dir, "app"), Env: env, Mode: Mode}, "./...")
		if err != nil || note == nil {
			t.Fatalf("problem %v, error %v: want app read from a copy", note, err)
		}
		read := false
		packages.Visit(pkgs, nil, func(p *packages.Package) { read = read || p.PkgPath == "example.com/dep" })
		if !read {
			t.Error("example.com/dep, which the copy requires, was not listed")
		}
	})
	t.Run("tidy", func(t *testing.T) {
		// In a tidy module the same import is no reason to list again.
		dir := t.TempDir()
		writeTree(t, dir, map[string]string{
			"go.mod":      "module example.com/app\n\ngo 1.22\n",
			"api/api.go":  "package api\n\nimport _ \"example.com/app/gen/pb\"\n",
			"main.go":     "package main\n\nfunc main() {}\n",
			"sub/sub.go":  "package sub\n",
			"sub/sub2.go": "package sub\n",
		})
		_, note, _ := LoadTidied(&packages.Config{Dir: dir, Env: env, Mode: Mode}, "./...")
		if note != nil {
			t.Errorf("a tidy module was read from a copy: %s", note.Msg)
		}
	})
	t.Run("replaced into the module's folder", func(t *testing.T) {
		// example.com/gen lives in app's folder: its package that is
		// not there (generated code not committed) is no untidiness.
		dir := t.TempDir()
		writeTree(t, dir, map[string]string{
			"go.mod":     "module example.com/app\n\ngo 1.22\n\nrequire example.com/gen v0.0.0\n\nreplace example.com/gen => ./gen\n",
			"gen/go.mod": "module example.com/gen\n\ngo 1.22\n",
			"gen/doc.go": "package gen\n",
			"api/api.go": "package api\n\nimport _ \"example.com/gen/pb\"\n",
		})
		_, note, _ := LoadTidied(&packages.Config{Dir: dir, Env: env, Mode: Mode}, "./...")
		if note != nil {
			t.Errorf("a tidy module was read from a copy: %s", note.Msg)
		}
	})
	t.Run("untidy, replaced into the module's folder", func(t *testing.T) {
		// The go command says example.com/gen "does not contain" the
		// package: still one of app's own, never looked up.
		dir := t.TempDir()
		writeTree(t, dir, untidyTree)
		writeTree(t, dir, map[string]string{
			"app/go.mod":     strings.Replace(untidyTree["app/go.mod"], "require example.com/lib v0.0.0", "require (\n\texample.com/lib v0.0.0\n\texample.com/gen v0.0.0\n)", 1) + "\nreplace example.com/gen => ./gen\n",
			"app/gen/go.mod": "module example.com/gen\n\ngo 1.22\n",
			"app/gen/doc.go": "package gen\n",
			// example.com/other, which no module provides, sends the go
			// command to the proxy for other modules.
			"app/api/api.go": "package api\n\nimport (\n\t_ \"example.com/gen/pb\"\n\t_ \"example.com/other\"\n)\n",
		})
		LoadTidied(&packages.Config{Dir: filepath.Join(dir, "app"), Env: env, Mode: Mode}, "./...")
	})
	t.Run("folder below the module's", func(t *testing.T) {
		dir := t.TempDir()
		writeTree(t, dir, untidyTree)
		writeTree(t, dir, map[string]string{"app/sub/sub.go": "package sub\n\nimport \"example.com/lib\"\n\nvar Name = lib.Name()\n"})
		_, note, err := LoadTidied(&packages.Config{Dir: filepath.Join(dir, "app", "sub"), Env: env, Mode: Mode}, "./...")
		if err != nil || note == nil || note.Pos.Filename != filepath.Join(dir, "app", "go.mod") {
			t.Errorf("problem %v, error %v: want the module of app/sub read from a copy, said at app/go.mod", note, err)
		}
	})
}

func TestLoadTidiedProxyTimeout(t *testing.T) {
	// A proxy that does not answer: the fetch gives up at proxyWait,
	// the module is reported as the go command saw it, and the next
	// listing of the module does not wait again.
	hold := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { <-hold }))
	t.Cleanup(func() { close(hold); srv.Close() })
	defer func(w time.Duration) { proxyWait = w }(proxyWait)
	proxyWait = 2 * time.Second
	dir := t.TempDir()
	writeTree(t, dir, untidyTree)
	// example.com/other, in no module, sends the go command to the proxy.
	writeTree(t, dir, map[string]string{"app/other/other.go": "package other\n\nimport _ \"example.com/other\"\n"})
	env := append(os.Environ(), "GOWORK=off", "GOFLAGS=", "GOPROXY="+srv.URL, "GOSUMDB=off", "GOMODCACHE="+t.TempDir())
	app := filepath.Join(dir, "app")
	for i := range 2 {
		start := time.Now()
		_, note, _ := LoadTidied(&packages.Config{Dir: app, Env: env, Mode: Mode}, "./...")
		took := time.Since(start)
		if note != nil {
			t.Errorf("listing %d: read from a copy the proxy never completed: %s", i, note.Msg)
		}
		if i == 1 && took > proxyWait {
			t.Errorf("the second listing waited for the proxy again (%s)", took)
		}
	}
}

func TestOfflineEnv(t *testing.T) {
	// GOPRIVATE modules are fetched from their repositories whatever
	// GOPROXY says: the offline try turns that off too.
	got := strings.Join(offlineEnv([]string{"GOPRIVATE=corp.example", "GOPROXY=https://proxy.example"}), " ")
	if !strings.HasSuffix(got, "GOPROXY=off GONOPROXY=archie.invalid GOVCS=*:off") {
		t.Errorf("offlineEnv = %s", got)
	}
}

func TestModChanges(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"before.mod": "module example.com/app\n\ngo 1.21\n\nrequire example.com/a v1.0.0\n",
		"after.mod": `module example.com/app

go 1.24

require (
	example.com/a v1.1.0
	example.com/z v0.3.0
)

require (
	example.com/i1 v1.0.0 // indirect
	example.com/i2 v1.0.0 // indirect
	example.com/i3 v1.0.0 // indirect
	example.com/i4 v1.0.0 // indirect
)
`,
	})
	got := strings.Join(modChanges(filepath.Join(dir, "before.mod"), filepath.Join(dir, "after.mod")), ", ")
	want := "go 1.24 where yours has 1.21, requires example.com/a v1.1.0 where yours has v1.0.0, requires example.com/z v0.3.0, requires example.com/i1 v1.0.0 indirectly, requires example.com/i2 v1.0.0 indirectly, requires example.com/i3 v1.0.0 indirectly, 1 more"
	if got != want {
		t.Errorf("modChanges =\n%s\nwant\n%s", got, want)
	}
}
