package rules

import (
	"strings"
	"testing"

	"github.com/archie-dev/archie/analyze"
)

// edges builds an import graph from "from -> to1 to2" lines; an import
// written test:x is imported only by from's tests.
func edges(tests bool, lines ...string) *importGraph {
	var pkgs []*analyze.Package
	for _, l := range lines {
		from, tos, _ := strings.Cut(l, "->")
		p := &analyze.Package{Path: strings.TrimSpace(from)}
		for _, to := range strings.Fields(tos) {
			path, test := strings.CutPrefix(to, "test:")
			p.Imports = append(p.Imports, analyze.Import{Path: path, Test: test})
		}
		pkgs = append(pkgs, p)
	}
	return newImportGraph(analyze.NewGraph(nil, pkgs), tests)
}

func show(chains [][]string) string {
	var out []string
	for _, c := range chains {
		out = append(out, strings.Join(c, ">"))
	}
	return strings.Join(out, " | ")
}

func TestChains(t *testing.T) {
	diamond := []string{"a -> b c", "b -> d", "c -> d", "d -> sql"}
	tests := []struct {
		name     string
		graph    []string
		tests    bool
		from, to []string
		n        int
		want     string
	}{
		{"direct", []string{"a -> b"}, false, []string{"a"}, []string{"b"}, 1, "a>b"},
		{"none", []string{"a -> b", "c -> a"}, false, []string{"a"}, []string{"c"}, 3, ""},
		{"shortest of two", []string{"a -> b z", "b -> c", "c -> sql", "z -> sql"}, false, []string{"a"}, []string{"sql"}, 1, "a>z>sql"},
		{"ties in path order", diamond, false, []string{"a"}, []string{"d"}, 1, "a>b>d"},
		{"all of a diamond", diamond, false, []string{"a"}, []string{"sql"}, 5, "a>b>d>sql | a>c>d>sql"},
		{"n caps", diamond, false, []string{"a"}, []string{"sql"}, 1, "a>b>d>sql"},
		{"longer after shorter", []string{"a -> b c", "b -> sql", "c -> e", "e -> sql"}, false, []string{"a"}, []string{"sql"}, 9, "a>b>sql | a>c>e>sql"},
		{"stops at the first target", []string{"a -> d", "d -> e"}, false, []string{"a"}, []string{"d", "e"}, 9, "a>d"},
		{"several sources", []string{"a -> x", "b -> c", "c -> x"}, false, []string{"b", "a"}, []string{"x"}, 9, "a>x | b>c>x"},
		{"a source in to has no chain", []string{"a -> b"}, false, []string{"a", "b"}, []string{"b"}, 9, "a>b"},
		{"cycles end", []string{"a -> b", "b -> a c", "c -> b"}, false, []string{"a"}, []string{"z"}, 3, ""},
		{"test import off", []string{"a -> test:b", "b -> c"}, false, []string{"a"}, []string{"c"}, 1, ""},
		{"test import first", []string{"a -> test:b", "b -> c"}, true, []string{"a"}, []string{"c"}, 1, "a>b>c"},
		{"test import later", []string{"a -> b", "b -> test:c"}, true, []string{"a"}, []string{"c"}, 1, ""},
		{"test import at a deviation", []string{"a -> b", "b -> c test:d", "c -> d"}, true, []string{"a"}, []string{"d"}, 5, "a>b>c>d"},
		{"test import later, deviating", []string{"a -> b x", "b -> test:c", "x -> c"}, true, []string{"a"}, []string{"c"}, 5, "a>x>c"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ig := edges(tt.tests, tt.graph...)
			to := func(p string) bool { return contains(tt.to, p) }
			if got := show(ig.chains(tt.from, to, tt.n)); got != tt.want {
				t.Errorf("chains(%v, %v, %d) = %q, want %q", tt.from, tt.to, tt.n, got, tt.want)
			}
		})
	}
}

func TestWalk(t *testing.T) {
	tests := []struct {
		name  string
		graph []string
		tests bool
		from  string
		want  string
	}{
		{"through one", []string{"a -> b", "b -> sql"}, false, "a", "a>b>sql"},
		{"shortest", []string{"a -> b c", "b -> d", "d -> sql", "c -> sql"}, false, "a", "a>c>sql"},
		{"not through a forbidden package", []string{"a -> b", "b -> store", "store -> sql"}, false, "a", ""},
		{"test import first", []string{"a -> test:b", "b -> sql"}, true, "a", "a>b>sql"},
		{"test import ignored", []string{"a -> test:b", "b -> sql"}, false, "a", ""},
		{"test import later", []string{"a -> b", "b -> test:c", "c -> sql"}, true, "a", ""},
	}
	forbidden := func(p string) bool { return p == "sql" || p == "store" }
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ig := edges(tt.tests, tt.graph...)
			if got := strings.Join(ig.walk(tt.from, ig.distances("sql", forbidden), true), ">"); got != tt.want {
				t.Errorf("walk(%s) = %q, want %q", tt.from, got, tt.want)
			}
		})
	}
}

func TestTransitiveRule(t *testing.T) {
	g := graph(t,
		"domain -> log util",
		"domain/money -> domain",
		"util -> infra/db",
		"infra/db -> infra/sql net/http",
		"app -> infra/db",
	)
	tests := []struct {
		name, config, want string
	}{
		{"direct only", `
version: 1
rules:
  - {name: pure, packages: [./domain/...], forbid: [./infra/..., log]}
`, "forbid domain->log"},
		{"transitive", `
version: 1
rules:
  - {name: pure, packages: [./domain/...], forbid: [./infra/..., log], transitive: true}
`, "forbid domain->infra/db\nforbid domain->log\nforbid domain/money->infra/db\nforbid domain/money->log"},
		{"reaching the standard library", `
version: 1
rules:
  - {name: pure, packages: [./domain], forbid: [net/http], transitive: true}
`, "forbid domain->net/http"},
		{"off", `
version: 1
rules:
  - {name: pure, packages: [./domain/...], forbid: [./infra/...], transitive: true, severity: off}
`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := summarize(check(t, tt.config, g)); got != tt.want {
				t.Errorf("violations:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
	vs := check(t, "version: 1\nrules:\n  - {name: pure, packages: [./domain], forbid: [net/http], transitive: true}\n", g)
	if len(vs) != 1 || strings.Join(vs[0].Chain, " ") != "example.com/m/domain example.com/m/util example.com/m/infra/db net/http" ||
		vs[0].Message != "domain reaches net/http through domain -> util -> infra/db -> net/http, which pure forbids" {
		t.Errorf("violation = %+v, want the chain domain util infra/db net/http", vs)
	}
}

func TestChainsSelect(t *testing.T) {
	g := graph(t, "web -> app", "app -> domain", "domain -> fmt", "domain/money -> domain")
	cfg, err := ParseConfig("archie.yaml", []byte(`
version: 1
layers:
  order:
    - {name: top, packages: [./web/..., ./app/...]}
    - {name: core, packages: [./domain/...]}
`))
	if err != nil {
		t.Fatal(err)
	}
	cfg.Dir = "/m"
	tests := []struct {
		from, to string
		want     string // chains, or the error
	}{
		{"top", "fmt", "example.com/m/app>example.com/m/domain>fmt | example.com/m/web>example.com/m/app>example.com/m/domain>fmt"},
		{"./web", "core", "example.com/m/web>example.com/m/app>example.com/m/domain"},
		{"example.com/m/domain/...", "fmt", "example.com/m/domain>fmt | example.com/m/domain/money>example.com/m/domain>fmt"},
		{"core", "top", ""},
		{"croe", "top", `no package or component "croe" in the code loaded (did you mean "core"?)`},
		{"./wbe", "top", `no package or component "./wbe" in the code loaded (did you mean "./web"?)`},
	}
	for _, tt := range tests {
		chains, err := Chains(cfg, g, "/m", tt.from, tt.to, 3)
		var got string
		if err != nil {
			got = err.Error()
		} else {
			var cs [][]string
			for _, c := range chains {
				cs = append(cs, c.Packages)
				if len(c.Imports) != len(c.Packages)-1 {
					t.Errorf("Chains(%s, %s): %d imports for %d packages", tt.from, tt.to, len(c.Imports), len(c.Packages))
				}
			}
			got = show(cs)
		}
		if got != tt.want {
			t.Errorf("Chains(%s, %s) = %q, want %q", tt.from, tt.to, got, tt.want)
		}
	}
}
