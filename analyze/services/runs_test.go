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
		{[]string{"GOFLAGS=-tags=pg", "go", "build", "./cmd/api"}, "", false},
	} {
		r := &run{dirs: make(map[string]bool), names: make(map[string]bool), built: make(map[string]bool), tags: make(map[string]string)}
		pkgs, tags, known := r.goBuild(tc.cmd, []string{root}, "")
		if len(pkgs) != 1 || tags != tc.tags || known != tc.known {
			t.Errorf("goBuild(%q) = %q, %q, %v; want [./cmd/api], %q, %v", tc.cmd, pkgs, tags, known, tc.tags, tc.known)
		}
		got, ok := r.tags[filepath.Join(root, "cmd", "api")]
		if ok != tc.known || ok && got != tc.tags {
			t.Errorf("goBuild(%q) records tags %q, %v for ./cmd/api; want %q, %v", tc.cmd, got, ok, tc.tags, tc.known)
		}
	}
}
