package rules

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// draw renders a diagram as "rank:id" node lines and "from->to imports
// [rules]" edge lines.
func draw(d *Diagram) string {
	var out []string
	for _, n := range d.Nodes {
		out = append(out, fmt.Sprintf("%d:%s(%d)", n.Rank, n.ID, len(n.Packages)))
	}
	for _, e := range d.Edges {
		s := fmt.Sprintf("%s->%s %d", e.From, e.To, e.Imports)
		if e.Declared {
			s += " declared"
		}
		if e.Violations > 0 {
			s += fmt.Sprintf(" %v×%d", e.Rules, e.Violations)
		}
		out = append(out, s)
	}
	return strings.Join(out, "\n")
}

const diagramConfig = `version: 1
layers:
  order:
    - name: ui
      packages: [./ui/...]
    - name: app
      packages: [./app/...]
    - name: domain
      packages: [./domain/...]
contexts:
  shared: [./domain/money]
  list:
    - name: sales
      packages: [./app/sales/..., ./domain/sales/...]
    - name: stock
      packages: [./app/stock/..., ./domain/stock/...]
      uses: [sales]
hexagonal:
  core: [./domain/...]
  ports: [./app/ports/...]
  adapters: [./adapters/...]
`

func TestBuildDiagram(t *testing.T) {
	g := graph(t,
		"ui/web -> app/sales app/stock fmt",
		"app/sales -> domain/sales",
		"app/stock -> domain/stock domain/sales/internal",
		"domain/sales -> domain/money app/sales",
		"domain/sales/internal",
		"domain/stock -> domain/money",
		"domain/money -> github.com/shopspring/decimal/sub",
		"adapters/pg/store -> app/ports domain/sales",
		"adapters/mem -> app/ports",
		"app/ports",
		"cmd/tool -> ui/web",
	)
	cfg, err := ParseConfig("archie.yaml", []byte(diagramConfig))
	if err != nil {
		t.Fatal(err)
	}
	cfg.Dir = "/m"
	res, err := Check(cfg, g, Options{Now: time.Now()})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		opts DiagramOptions
		want string
	}{
		{"layers in config order, the upward import in red", DiagramOptions{Level: "layer"}, `0:ui(1)
1:app(3)
2:domain(4)
ui->app 2 declared
app->domain 3 declared [contexts]×1
domain->app 1 [hexagonal layers]×2`},
		{"declared but unused layer edges on request", DiagramOptions{Level: "layer", Unused: true, Focus: "ui"}, `0:ui(1)
1:app(3)
ui->app 2 declared`},
		{"contexts with the shared kernel", DiagramOptions{Level: "context", Unused: true}, `0:stock(2)
1:sales(3)
2:shared kernel(1)
stock->sales 1 declared [contexts]×1
stock->shared kernel 1
sales->shared kernel 1`},
		{"hexagonal roles, one node per adapter", DiagramOptions{Level: "hexagon"}, `0:adapters/mem(1)
0:adapters/pg(1)
1:core(4)
1:ports(1)
adapters/mem->ports 1 declared
adapters/pg->core 1
adapters/pg->ports 1 declared`},
		{"folders at depth 1, a cycle side by side, the standard library and other modules", DiagramOptions{Level: "package", Depth: 1, Std: true, External: true}, `0:cmd(1)
1:adapters(2)
1:ui(1)
2:app(3)
2:domain(4)
3:fmt(0)
3:github.com/shopspring/decimal/sub(0)
cmd->ui 1
adapters->app 2
adapters->domain 1
ui->app 2
ui->fmt 1
app->domain 3 [contexts]×1
domain->app 1 [hexagonal layers]×2
domain->github.com/shopspring/decimal/sub 1 [hexagonal]×1`},
		{"modules, other modules by their root", DiagramOptions{Level: "module", External: true}, `0:example.com/m(11)
1:github.com/shopspring/decimal(0)
example.com/m->github.com/shopspring/decimal 1 [hexagonal]×1`},
		{"focus on a package pattern keeps its neighbours", DiagramOptions{Level: "package", Focus: "./domain/money"}, `3:domain/sales(1)
3:domain/stock(1)
4:domain/money(1)
domain/sales->domain/money 1
domain/stock->domain/money 1`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := BuildDiagram(cfg, g, res, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if got := draw(d); got != tt.want {
				t.Errorf("BuildDiagram(%+v) =\n%s\nwant:\n%s", tt.opts, got, tt.want)
			}
		})
	}
}

func TestBuildDiagramErrors(t *testing.T) {
	g := graph(t, "a -> b", "b")
	empty := &Config{Version: 1, Dir: "/m"}
	for _, tt := range []struct {
		cfg  *Config
		opts DiagramOptions
		want string
	}{
		{empty, DiagramOptions{Level: "layer"}, "--level layer groups packages by the layers of archie.yaml, and there is none"},
		{empty, DiagramOptions{Level: "service"}, "--level service draws the services' facts, and none were loaded"},
		{empty, DiagramOptions{Level: "service", System: shopSystem(), Std: true}, "--level service draws services"},
		{empty, DiagramOptions{Level: "service", System: shopSystem(), Depth: 1}, "--depth groups packages by folder at --level package, not service"},
		{empty, DiagramOptions{Level: "service", System: shopSystem(), Focus: "ordrs"}, `names no node and matches no package at level service (did you mean "orders"?)`},
		{empty, DiagramOptions{Level: "package", Focus: "./c"}, `--focus "./c" names no node and matches no package at level package`},
		{empty, DiagramOptions{Level: "package", Focus: "aa"}, `(did you mean "a"?)`},
	} {
		_, err := BuildDiagram(tt.cfg, g, nil, tt.opts)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("BuildDiagram(%+v) error = %v, want %q", tt.opts, err, tt.want)
		}
	}
}
