package rules

import (
	"strings"
	"testing"
	"time"

	"github.com/archie-dev/archie/analyze"
)

// mains marks the packages of a test graph that are main packages.
func mains(g *analyze.Graph, rels ...string) *analyze.Graph {
	for _, r := range rels {
		g.Package("example.com/m/" + r).Name = "main"
	}
	return g
}

func layerNames(in *Inferred) string {
	var out []string
	for _, l := range in.Layers {
		out = append(out, l.Name+"="+strings.Join(l.Packages, ","))
	}
	return strings.Join(out, " > ")
}

func contextNames(in *Inferred) string {
	var out []string
	for _, c := range in.Contexts {
		s := c.Name
		if len(c.API) > 0 {
			s += "(api " + strings.Join(c.API, ",") + ")"
		}
		out = append(out, s)
	}
	return strings.Join(out, " ")
}

func TestInfer(t *testing.T) {
	tests := []struct {
		name     string
		graph    *analyze.Graph
		layers   string
		contexts string
		hexagon  string // core | ports | adapters
		depth    int
		flat     bool
		note     string // a line the YAML must hold
	}{
		{
			name: "layers under internal, importers above importees, cmd left out",
			graph: mains(graph(t,
				"cmd/server -> internal/http internal/app",
				"internal/http -> internal/app internal/domain",
				"internal/app -> internal/domain internal/platform/db",
				"internal/domain -> fmt",
				"internal/platform/db -> fmt",
			), "cmd/server"),
			layers: "http=./internal/http/... > app=./internal/app/... > domain=./internal/domain/... > platform=./internal/platform/...",
			depth:  2,
			note:   "#   cmd  main packages: they wire the layers together",
		},
		{
			name: "an import against the names does not turn the order upside down",
			graph: graph(t,
				"internal/http/h -> fmt",
				"internal/app -> internal/domain",
				"internal/domain -> internal/http/h",
			),
			layers: "http=./internal/http/... > app=./internal/app/... > domain=./internal/domain/...",
			depth:  2,
			note:   "  #   internal/domain → internal/http (1 import)",
		},
		{
			name: "a cycle is ordered after its smallest cut, which the comment names",
			graph: graph(t,
				"a/x -> b/y",
				"a/w -> b/y",
				"b/y -> a/x",
				"b/z -> c",
				"c -> fmt",
			),
			layers: "a=./a/... > b=./b/... > c=./c/...",
			depth:  1,
			note:   "  #   b → a (1 import)",
		},
		{
			name: "bounded contexts share roles: layers by role, api left to the contexts",
			graph: mains(graph(t,
				"cmd/shop -> internal/http",
				"internal/http -> internal/ordering/app internal/billing/app",
				"internal/ordering/api -> internal/ordering/app",
				"internal/ordering/app -> internal/ordering/domain internal/billing/api",
				"internal/ordering/domain -> internal/platform/db",
				"internal/billing/api -> internal/billing/app",
				"internal/billing/app -> internal/billing/domain internal/ordering/api",
				"internal/billing/domain -> fmt",
				"internal/platform/db -> fmt",
				"internal/shared/money -> fmt",
			), "cmd/shop"),
			layers:   "http=./internal/http/... > app=./internal/*/app/... > domain=./internal/*/domain/... > platform=./internal/platform/... > shared=./internal/shared/...",
			contexts: "billing(api ./internal/billing/api/...) ordering(api ./internal/ordering/api/...)",
			depth:    2,
			note:     "  shared: [./internal/shared/...]   # the shared kernel: every context may import it",
		},
		{
			name: "ports and adapters",
			graph: graph(t,
				"internal/adapters/postgres -> internal/ports internal/core/order github.com/lib/pq",
				"internal/adapters/web -> internal/core/order net/http",
				"internal/ports -> internal/core/order",
				"internal/core/order -> github.com/google/uuid fmt",
			),
			layers:  "adapters=./internal/adapters/... > ports=./internal/ports/... > core=./internal/core/...",
			hexagon: "./internal/core/... | ./internal/ports/... | ./internal/adapters/...",
			depth:   2,
			note:    "  #   github.com/google/uuid",
		},
		{
			name: "hexagons in every context use role patterns",
			graph: graph(t,
				"internal/trainer/adapters -> internal/trainer/app internal/trainer/domain",
				"internal/trainer/ports -> internal/trainer/app",
				"internal/trainer/app -> internal/trainer/domain",
				"internal/trainer/domain -> fmt",
				"internal/trainings/adapters -> internal/trainings/app",
				"internal/trainings/ports -> internal/trainings/app",
				"internal/trainings/app -> internal/trainings/domain",
				"internal/trainings/domain -> fmt",
			),
			layers:   "adapters=./internal/*/adapters/... > ports=./internal/*/ports/... > app=./internal/*/app/... > domain=./internal/*/domain/...",
			contexts: "trainer trainings",
			hexagon:  "./internal/*/domain/...,./internal/*/app/... | ./internal/*/ports/... | ./internal/*/adapters/...",
			depth:    2,
		},
		{
			name: "the composition root is on top whatever its name (evrone's internal/app)",
			graph: graph(t,
				"internal/app -> internal/controller/http internal/usecase internal/repo",
				"internal/controller/http -> internal/usecase internal/entity",
				"internal/usecase -> internal/repo internal/entity",
				"internal/repo -> internal/entity",
				"internal/entity -> fmt",
			),
			layers: "app=./internal/app/... > controller=./internal/controller/... > usecase=./internal/usecase/... > repo=./internal/repo/... > entity=./internal/entity/...",
			depth:  2,
		},
		{
			name: "layers with the same inner folders are not contexts (ardanlabs' app/domain, business/domain)",
			graph: graph(t,
				"api/services/sales -> app/domain/userapp business/domain/userbus",
				"app/domain/userapp -> business/domain/userbus app/sdk/errs",
				"app/sdk/errs -> fmt",
				"business/domain/userbus -> foundation/logger business/sdk/sqldb",
				"business/sdk/sqldb -> fmt",
				"foundation/logger -> fmt",
			),
			layers: "api=./api/... > app=./app/... > business=./business/... > foundation=./foundation/...",
			depth:  1,
		},
		{
			name: "a ports folder that imports more than the core holds driving adapters",
			graph: graph(t,
				"adapters -> app github.com/lib/pq",
				"ports -> app github.com/go-chi/chi/v5",
				"app -> domain",
				"domain -> fmt",
			),
			layers:  "adapters=./adapters/... > ports=./ports/... > app=./app/... > domain=./domain/...",
			hexagon: "./domain/...,./app/... |  | ./adapters/...,./ports/...",
			note:    "  # ./ports/...: named ports, but its code serves requests (HTTP or gRPC):",
		},
		{
			name: "a flat library: cycles only, at a depth where they can occur",
			graph: graph(t,
				". -> fmt",
				"codec -> fmt",
				"codec/json -> fmt",
			),
			depth: 1,
			flat:  true,
			note:  "# archie init found no structure to infer: 3 packages, without",
		},
		{
			name:  "one package: not even cycles can fire",
			graph: graph(t, ". -> fmt"),
			flat:  true,
			note:  "# cycles:",
		},
		{
			name: "tests and tooling stay out of the layers",
			graph: graph(t,
				"internal/app -> internal/domain",
				"internal/domain -> fmt",
				"internal/testutil -> internal/app internal/domain",
				"tools/gen -> internal/domain",
			),
			layers: "app=./internal/app/... > domain=./internal/domain/...",
			depth:  1,
			note:   "#   internal/testutil  tests, examples or tooling",
		},
		{
			name: "pkg holds the code when there is no internal",
			graph: graph(t,
				"pkg/api -> pkg/store",
				"pkg/store -> fmt",
				"pkg/store/sql -> fmt",
			),
			layers: "api=./pkg/api/... > store=./pkg/store/...",
			depth:  2,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := Infer(tt.graph, "/m")
			if got := layerNames(in); got != tt.layers {
				t.Errorf("layers:\n got %s\nwant %s", got, tt.layers)
			}
			if got := contextNames(in); got != tt.contexts {
				t.Errorf("contexts = %q, want %q", got, tt.contexts)
			}
			hex := ""
			if h := in.Hexagon; h != nil {
				hex = strings.Join(h.Core, ",") + " | " + strings.Join(h.Ports, ",") + " | " + strings.Join(h.Adapters, ",")
			}
			if hex != tt.hexagon {
				t.Errorf("hexagon = %q, want %q", hex, tt.hexagon)
			}
			if in.CycleDepth != tt.depth {
				t.Errorf("cycle depth = %d, want %d", in.CycleDepth, tt.depth)
			}
			if in.Flat != tt.flat {
				t.Errorf("flat = %v, want %v", in.Flat, tt.flat)
			}
			text := in.YAML()
			if tt.note != "" && !strings.Contains(string(text), tt.note+"\n") {
				t.Errorf("YAML lacks %q:\n%s", tt.note, text)
			}
			// Whatever init writes, archie accepts and can check.
			cfg, err := ParseConfig("archie.yaml", text)
			if err != nil {
				t.Fatalf("ParseConfig of the inferred config: %v\n%s", err, text)
			}
			cfg.Dir = "/m"
			if _, err := Check(cfg, tt.graph, Options{Now: time.Now(), Complete: true}); err != nil {
				t.Fatalf("Check with the inferred config: %v\n%s", err, text)
			}
		})
	}
}

func TestYAMLScalar(t *testing.T) {
	for in, want := range map[string]string{
		"domain":                   "domain",
		"./internal/*/domain/...":  "./internal/*/domain/...",
		"null":                     `"null"`,
		"on":                       `"on"`,
		"1.5":                      `"1.5"`,
		"a b":                      `"a b"`,
		"*x":                       `"*x"`,
		"#x":                       `"#x"`,
		"line\nbreak":              `"line\nbreak"`,
		"./we:ird/...":             `"./we:ird/..."`,
		"github.com/google/uuid":   "github.com/google/uuid",
		"internal/*/app-something": "internal/*/app-something",
	} {
		if got := yamlScalar(in); got != want {
			t.Errorf("yamlScalar(%q) = %s, want %s", in, got, want)
		}
	}
}
