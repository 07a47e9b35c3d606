package analyze

import (
	"errors"
	"go/token"
	"path/filepath"
	"testing"
)

func TestGraphClassifies(t *testing.T) {
	mods := []*Module{{Path: "shop", Dir: "/src/shop"}, {Path: "example.com/lib", Dir: "/src/lib"}}
	g := NewGraph(mods, []*Package{{Path: "shop/internal/app", Dir: "/src/shop/internal/app", Module: mods[0]}})
	tests := []struct {
		path    string
		std     bool
		dir     string
		isLocal bool
	}{
		{"fmt", true, "", false},
		{"net/http", true, "", false},
		{"shop/internal/app", false, "/src/shop/internal/app", true},
		{"shop/internal/notloaded", false, "/src/shop/internal/notloaded", true}, // a module without a dot is not std
		{"example.com/lib/x", false, "/src/lib/x", true},
		{"example.com/library", false, "", false},
		{"github.com/x/y", false, "", false},
	}
	for _, tt := range tests {
		if got := g.IsStd(tt.path); got != tt.std {
			t.Errorf("IsStd(%q) = %v, want %v", tt.path, got, tt.std)
		}
		dir, ok := g.Dir(tt.path)
		if ok != tt.isLocal || dir != tt.dir {
			t.Errorf("Dir(%q) = %q, %v, want %q, %v", tt.path, dir, ok, tt.dir, tt.isLocal)
		}
	}
}

func TestParsePos(t *testing.T) {
	tests := []struct {
		in   string
		want token.Position
	}{
		{"a/b.go:3:8", token.Position{Filename: "a/b.go", Line: 3, Column: 8}},
		{"a/b.go:3", token.Position{Filename: "a/b.go", Line: 3}},
		{"/x/c:d.go:1:2", token.Position{Filename: "/x/c:d.go", Line: 1, Column: 2}},
		{"", token.Position{}},
		{"-", token.Position{}},
	}
	for _, tt := range tests {
		if got := ParsePos(tt.in); got != tt.want {
			t.Errorf("ParsePos(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

func TestUnderDir(t *testing.T) {
	for _, tt := range []struct{ pos, dir, want string }{
		{"tools.go:4:2", "internal/tools", "internal/tools/tools.go:4:2"},
		{"sub/a.go:1:1", "m", "m/sub/a.go:1:1"},
		{"/abs/a.go:1:1", "m", "/abs/a.go:1:1"},
		{"-", "m", "-"},
		{"", "m", ""},
	} {
		if got := underDir(tt.pos, tt.dir); got != filepath.FromSlash(tt.want) {
			t.Errorf("underDir(%q, %q) = %q, want %q", tt.pos, tt.dir, got, tt.want)
		}
	}
}

func TestGoCommandError(t *testing.T) {
	err := errors.New("err: exit status 1: stderr: go: downloading golang.org/x/mobile v0.0.0-2026\ngo: downloading github.com/pkg/sftp v1.13.9\ngo: github.com/acme/nat@v0.0.0-2026: reading https://proxy.golang.org/github.com/acme/nat/@v/v0.0.0-2026.mod: 403 Forbidden\n\tserver response: This module version is not available.")
	want := "github.com/acme/nat@v0.0.0-2026: reading https://proxy.golang.org/github.com/acme/nat/@v/v0.0.0-2026.mod: 403 Forbidden\n\tserver response: This module version is not available.\n" +
		"the go command could not fetch github.com/acme/nat@v0.0.0-2026 (403 Forbidden), so the code that needs it could not be read: if the module is private, set GOPRIVATE (and give the go command access to its repository) or GOPROXY, then run archie again"
	if got := goCommandError(err); got != want {
		t.Errorf("goCommandError =\n%s\nwant\n%s", got, want)
	}
	if got := goCommandError(errors.New("err: exit status 1: stderr: go: go.mod file not found")); got != "go.mod file not found" {
		t.Errorf("goCommandError = %q", got)
	}
}
