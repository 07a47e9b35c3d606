package analyze

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
			if pkgs, err := packages.Load(&packages.Config{Dir: app, Env: env, Mode: tc.mode}, "./..."); err == nil && len(pkgs) > 0 && untidyPackage(pkgs) == "" {
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
				!strings.Contains(note.Msg, "a copy of its go.mod in a temporary folder, which the go command brought up to date (requires example.com/dep v0.1.0)") {
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
