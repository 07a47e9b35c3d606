package rules

import (
	"strings"
	"testing"
	"time"

	"github.com/archie-dev/archie/analyze"
)

// graph builds an in-memory graph of module example.com/m rooted at /m
// from "from -> to1 to2" lines, paths relative to the module.
func graph(t *testing.T, lines ...string) *analyze.Graph {
	t.Helper()
	mod := &analyze.Module{Path: "example.com/m", Dir: "/m"}
	std := map[string]bool{"fmt": true, "log": true, "net/http": true, "net/url": true}
	full := func(p string) string {
		if strings.Contains(strings.SplitN(p, "/", 2)[0], ".") || std[p] {
			return p
		}
		return "example.com/m/" + p
	}
	var pkgs []*analyze.Package
	for _, l := range lines {
		from, tos, _ := strings.Cut(l, "->")
		from = strings.TrimSpace(from)
		p := &analyze.Package{Path: full(from), Dir: "/m/" + from, Module: mod}
		for _, to := range strings.Fields(tos) {
			p.Imports = append(p.Imports, analyze.Import{Path: full(to)})
		}
		pkgs = append(pkgs, p)
	}
	return analyze.NewGraph([]*analyze.Module{mod}, pkgs)
}

func check(t *testing.T, config string, g *analyze.Graph) []Violation {
	t.Helper()
	cfg, err := ParseConfig("archie.yaml", []byte(config))
	if err != nil {
		t.Fatalf("ParseConfig: %v", err)
	}
	cfg.Dir = "/m"
	res, err := Check(cfg, g, Options{Now: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), Complete: true})
	if err != nil {
		t.Fatalf("Check: %v", err)
	}
	return res.Violations
}

// summarize renders violations as "kind from->to" lines with short paths.
func summarize(vs []Violation) string {
	var out []string
	for _, v := range vs {
		s := v.Kind + " " + strings.TrimPrefix(v.From, "example.com/m/") + "->" + strings.TrimPrefix(v.To, "example.com/m/")
		out = append(out, s)
	}
	return strings.Join(out, "\n")
}

func TestRuleFamilies(t *testing.T) {
	tests := []struct {
		name   string
		config string
		graph  []string
		want   []string
	}{
		{
			name: "layers loose: below is fine at any distance, above is not",
			config: `version: 1
layers:
  order:
    - {name: top, packages: [./top]}
    - {name: mid, packages: [./mid]}
    - {name: low, packages: [./low]}`,
			graph: []string{"top -> low mid fmt", "mid -> low top", "low -> free github.com/x/y", "free -> top"},
			want:  []string{"layer mid->top"},
		},
		{
			name: "layers strict: skipping a layer is a violation",
			config: `version: 1
layers:
  strict: true
  order:
    - {name: top, packages: [./top]}
    - {name: mid, packages: [./mid]}
    - {name: low, packages: [./low]}`,
			graph: []string{"top -> low mid", "mid -> low", "low"},
			want:  []string{"layer top->low"},
		},
		{
			name: "most specific group wins",
			config: `version: 1
layers:
  order:
    - {name: app, packages: [./internal/...]}
    - {name: domain, packages: [./internal/domain/...]}`,
			graph: []string{"internal/app -> internal/domain", "internal/domain -> internal/app"},
			want:  []string{"layer internal/domain->internal/app"},
		},
		{
			name: "hexagonal",
			config: `version: 1
hexagonal:
  core: [./core/...]
  ports: [./ports/...]
  adapters: [./adapters/...]
  core_allow: [github.com/google/uuid]
  core_forbid: [net/http]`,
			graph: []string{
				"core/a -> core/b ports fmt github.com/google/uuid net/http adapters/db github.com/x/y util",
				"core/b",
				"ports -> core/a net/url adapters/db",
				"adapters/db -> core/a ports github.com/lib/pq adapters/db/gen adapters/web util adapters",
				"adapters/db/gen", "adapters/web", "util", "adapters -> adapters/web",
			},
			want: []string{
				"hexagonal adapters/db->adapters/web",
				"hexagonal core/a->adapters/db",
				"hexagonal core/a->util",
				"hexagonal core/a->github.com/x/y",
				"hexagonal core/a->net/http",
				"hexagonal ports->adapters/db",
			},
		},
		{
			name: "contexts",
			config: `version: 1
contexts:
  shared: [./shared/...]
  list:
    - {name: a, packages: [./a/...], api: [./a/api]}
    - {name: b, packages: [./b/...], api: [./b/api], uses: [a]}
    - {name: c, packages: [./c/...], api: [./c/api]}`,
			graph: []string{
				"a/api -> a/core", "a/core -> shared b/api c/core",
				"b/api -> a/api c/api a/core", "b/core",
				"c/api", "c/core", "shared -> a/core",
			},
			want: []string{"context a/core->c/core", "context b/api->a/core", "context b/api->c/api"},
		},
		{
			name: "forbid and allow rules, off is off",
			config: `version: 1
rules:
  - {name: no-log, packages: [./domain/...], forbid: [log]}
  - {name: only-std, packages: [./app/...], allow: [std, ./domain/...]}
  - {name: silent, packages: [./...], forbid: [std], severity: off}`,
			graph: []string{"domain -> log fmt", "app -> domain fmt app/sub github.com/x/y", "app/sub -> log"},
			want:  []string{"forbid app->github.com/x/y", "forbid domain->log"},
		},
		{
			name: "exceptions: a live one hides, an expired one does not and is reported",
			config: `version: 1
layers:
  order:
    - {name: top, packages: [./top/...]}
    - {name: low, packages: [./low/...]}
exceptions:
  - {from: ./low/a, to: ./top, why: live, until: 2030-01-01}
  - {from: ./low/b, to: ./top, why: expired, until: 2026-01-01}
  - {from: ./low/c, to: ./top, why: "until is the last day it holds", until: 2026-06-01}`,
			graph: []string{"top", "low/a -> top", "low/b -> top", "low/c -> top"},
			want:  []string{"exception-expired ./low/b->./top", "layer low/b->top"},
		},
		{
			name:   "cycles between folders, not within one",
			config: "version: 1\ncycles: {depth: 1}",
			graph:  []string{"a/x -> a/y b/x", "a/y", "b/x -> a/y", "c -> d", "d"},
			want:   []string{"cycle a/x->b/x"}, // one import each way: the first edge is cut
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := summarize(check(t, tt.config, graph(t, tt.graph...)))
			if want := strings.Join(tt.want, "\n"); got != want {
				t.Errorf("violations:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

func TestMinimalCut(t *testing.T) {
	e := func(from, to string, n int) FolderEdge {
		return FolderEdge{From: from, To: to, Imports: make([]ImportRef, n)}
	}
	tests := []struct {
		name  string
		nodes []string
		edges []FolderEdge
		want  string
	}{
		{"two folders: the lighter edge", []string{"a", "b"}, []FolderEdge{e("a", "b", 3), e("b", "a", 1)}, "b>a"},
		{"one edge shared by two cycles", []string{"a", "b", "c"},
			[]FolderEdge{e("a", "b", 5), e("b", "a", 2), e("b", "c", 2), e("c", "a", 2)}, "a>b"},
		{"two independent back edges", []string{"a", "b", "c", "d"},
			[]FolderEdge{e("a", "b", 1), e("b", "a", 1), e("c", "d", 1), e("d", "c", 2), e("b", "c", 1)}, "a>b c>d"},
	}
	for _, tt := range tests {
		var got []string
		for _, c := range minimalCut(tt.nodes, tt.edges) {
			got = append(got, c.From+">"+c.To)
		}
		if s := strings.Join(got, " "); s != tt.want {
			t.Errorf("%s: cut = %s, want %s", tt.name, s, tt.want)
		}
		cg := newCutGraph(tt.nodes, tt.edges)
		skip := make([]bool, len(tt.edges))
		for _, e := range cg.greedyCut() {
			skip[e] = true
		}
		if !cg.acyclic(skip) {
			t.Errorf("%s: greedy cut leaves a cycle", tt.name)
		}
	}
}
