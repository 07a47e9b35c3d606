package services

import (
	"os"
	"path/filepath"
	"testing"
)

func TestIsDockerfile(t *testing.T) {
	for name, want := range map[string]bool{
		"Dockerfile": true, "Containerfile": true, "Dockerfile.api": true, "Dockerfile-api": true,
		"Dockerfile_api": true, "api.Dockerfile": true, "api.dockerfile": true,
		"Dockerfiles": false, "DockerfileGenerator.go": false, "dockerfile.go": false, "Dockerfile.go.tmpl": true,
		"Dockerfile_test.go": false, "Dockerfile-gen.go": false, "Dockerfile.go": false,
	} {
		if got := isDockerfile(name); got != want {
			t.Errorf("isDockerfile(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestGoBuildTags(t *testing.T) {
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "cmd", "api"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "cmd", "api", "main.go"), []byte("package main\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		cmd   []string
		tags  string
		known bool
	}{
		{[]string{"go", "build", "./cmd/api"}, "", true},
		{[]string{"go", "build", "-tags=pg,netgo", "./cmd/api"}, "netgo,pg", true},
		{[]string{"go", "build", "-tags", "pg", "-o", "/bin/api", "./cmd/api"}, "pg", true},
		{[]string{"go", "build", "--tags", `"pg netgo pg"`, "./cmd/api"}, "netgo,pg", true},
		{[]string{"CGO_ENABLED=0", "go", "install", "-tags=pg", "./cmd/api"}, "pg", true},
		{[]string{"go", "build", "-tags=${TAGS}", "./cmd/api"}, "${TAGS}", false},
		// go reads tags from GOFLAGS too; the command line's win.
		{[]string{"GOFLAGS=-tags=pg", "go", "build", "./cmd/api"}, "pg", true},
		{[]string{"GOFLAGS=-mod=mod -tags=pg,netgo -trimpath", "go", "build", "./cmd/api"}, "netgo,pg", true},
		{[]string{"GOFLAGS=-tags=pg", "go", "build", "-tags=netgo", "./cmd/api"}, "netgo", true},
		{[]string{"env", "GOFLAGS=-mod=mod", "go", "build", "./cmd/api"}, "", true},
		{[]string{"GOFLAGS=-tags=${TAGS}", "go", "build", "./cmd/api"}, "${TAGS}", false},
		{[]string{"GOFLAGS=$EXTRA", "go", "build", "./cmd/api"}, "", false},
		{[]string{"GOFLAGS=$", "go", "build", "-tags=pg", "./cmd/api"}, "pg", true},
	} {
		r := (&deployment{}).newRun("Dockerfile")
		pkgs, tags, known := r.goBuild(tc.cmd, []string{root}, "")
		if len(pkgs) != 1 || pkgs[0] != "./cmd/api" || tags != tc.tags || known != tc.known {
			t.Errorf("goBuild(%q) = %q, %q, %v; want [./cmd/api], %q, %v", tc.cmd, pkgs, tags, known, tc.tags, tc.known)
		}
		// Tags archie cannot read are recorded as such: the run says so.
		want := tc.tags
		if !tc.known {
			want = unreadTags
		}
		if got := r.tags[filepath.Join(root, "cmd", "api")]; got != want {
			t.Errorf("goBuild(%q) records tags %q for ./cmd/api; want %q", tc.cmd, got, want)
		}
	}
}

func TestGoRunDir(t *testing.T) {
	wd := filepath.FromSlash("/app")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{nil, "/app"},
		{[]string{"."}, "/app"},
		{[]string{"main.go"}, "/app"},
		{[]string{"./producer/main.go"}, "/app/producer"},
		{[]string{"-race", "./cmd/worker"}, "/app/cmd/worker"},
		{[]string{"-tags", "pg", "./cmd/worker", "--port=1"}, "/app/cmd/worker"},
		{[]string{"./..."}, ""},
		{[]string{"example.com/x/cmd/tool@latest"}, ""},
		{[]string{"./cmd/$SERVICE"}, ""},
	} {
		want := tc.want
		if want != "" {
			want = filepath.FromSlash(want)
		}
		if got := goRunDir(wd, tc.args); got != want {
			t.Errorf("goRunDir(%q) = %q, want %q", tc.args, got, want)
		}
	}
}
