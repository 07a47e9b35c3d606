package rules

import (
	"errors"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/archie-dev/archie/analyze"
)

// FuzzPattern: any pattern text either fails to parse or matches without
// panicking, as the plain backtracking definition of ... says it should.
func FuzzPattern(f *testing.F) {
	for _, s := range [][2]string{
		{"./internal/app/...", "internal/app/x"}, {"./internal/*/domain/...", "internal/billing/domain"},
		{"./.../x/.../y", "a/x/b/y"}, {"github.com/gin-gonic/gin/...", "github.com/gin-gonic/gin"},
		{"std", "net/http"}, {"./[a-", "a"}, {"./**", "a/b"}, {".", "."}, {"../x", "../x"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, text, pkg string) {
		p, err := ParsePattern(text)
		if err != nil {
			return
		}
		_ = p.specificity()
		_ = p.literal()
		elems := strings.Split(pkg, "/")
		if len(p.elems) > 10 || len(elems) > 10 || strings.Count(text, "...") > 4 {
			return // the oracle backtracks
		}
		if got, want := matchElems(p.elems, elems), backtrack(p.elems, elems); got != want {
			t.Errorf("matchElems(%q, %q) = %v, want %v", p.elems, elems, got, want)
		}
		p.match(pkgRef{path: pkg, rel: pkg, local: true})
		p.match(pkgRef{path: pkg, std: true})
	})
}

// backtrack is the definition matchElems must agree with.
func backtrack(pat, elems []string) bool {
	if len(pat) == 0 {
		return len(elems) == 0
	}
	if pat[0] == "..." {
		for i := 0; i <= len(elems); i++ {
			if backtrack(pat[1:], elems[i:]) {
				return true
			}
		}
		return false
	}
	if len(elems) == 0 {
		return false
	}
	ok, _ := path.Match(pat[0], elems[0])
	return ok && backtrack(pat[1:], elems[1:])
}

// FuzzConfig: any bytes as archie.yaml give a config or a *ConfigError
// with a position, never a panic; a config that parses is checked against
// a small module without a panic and fails only with a *ConfigError.
func FuzzConfig(f *testing.F) {
	seeds, _ := filepath.Glob("../testdata/*/archie.yaml")
	more, _ := filepath.Glob("../testdata/*/*/archie.yaml")
	for _, file := range append(seeds, more...) {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("version: 1\n---\nrules: []\n"))
	f.Add([]byte("version: 1\nlayers: &a {order: [{name: x, packages: *a}]}\n"))
	f.Add([]byte("\xef\xbb\xbfversion: 1\r\ncycles:\r\n\tdepth: 2\r\n"))
	g := fuzzGraph()
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, err := ParseConfig("archie.yaml", data)
		if err != nil {
			var ce *ConfigError
			if !errors.As(err, &ce) {
				t.Fatalf("ParseConfig: %T %v, want a *ConfigError", err, err)
			}
			return
		}
		cfg.Dir = "/m"
		if _, err := Check(cfg, g, Options{Complete: true}); err != nil {
			var ce *ConfigError
			if !errors.As(err, &ce) {
				t.Fatalf("Check: %T %v, want a *ConfigError", err, err)
			}
		}
	})
}

func fuzzGraph() *analyze.Graph {
	mod := &analyze.Module{Path: "example.com/m", Dir: "/m"}
	pkg := func(rel string, imports ...string) *analyze.Package {
		p := &analyze.Package{Path: mod.Path + "/" + rel, Dir: "/m/" + rel, Module: mod}
		for _, imp := range imports {
			p.Imports = append(p.Imports, analyze.Import{Path: imp})
		}
		return p
	}
	return analyze.NewGraph([]*analyze.Module{mod}, []*analyze.Package{
		pkg("cmd/shop", "example.com/m/internal/app"),
		pkg("internal/app", "example.com/m/internal/domain", "net/http"),
		pkg("internal/domain", "example.com/m/internal/app", "log"),
		pkg("internal/infra/db", "database/sql", "example.com/m/internal/domain"),
	})
}
