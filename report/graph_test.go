package report

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"strings"
	"testing"

	"github.com/archie-dev/archie/rules"
)

// sampleDiagram has every kind of node and edge, and names that need
// quoting in each format.
func sampleDiagram() *rules.Diagram {
	return &rules.Diagram{Level: "context", Unplaced: 2, Nodes: []*rules.Node{
		{ID: "ordering", Kind: "context", Rank: 0, Packages: []string{"m/ordering", "m/ordering/api"}},
		{ID: `billing "v2"`, Kind: "context", Rank: 1, Packages: []string{"m/billing"}},
		{ID: "shared kernel", Kind: "shared", Rank: 2, Packages: []string{"m/shared"}},
		{ID: "std", Kind: "std", Rank: 3},
	}, Edges: []*rules.DiagramEdge{
		{From: "ordering", To: `billing "v2"`, Imports: 3, Violations: 2, Rules: []string{"contexts", "cycles"}},
		{From: "ordering", To: "shared kernel", Imports: 0, Declared: true},
		{From: `billing "v2"`, To: "shared kernel", Imports: 1},
		{From: `billing "v2"`, To: "std", Imports: 4},
	}}
}

func render(t *testing.T, format string, d *rules.Diagram) string {
	t.Helper()
	var b bytes.Buffer
	if err := Graph(&b, format, d, false); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestGraphDOTRenders runs Graphviz on the DOT output where it is
// installed (Debian: graphviz).
func TestGraphDOTRenders(t *testing.T) {
	dot := render(t, "dot", sampleDiagram())
	for _, want := range []string{
		`"billing \"v2\"" [label="billing \"v2\"\n(context, 1 package)"];`,
		`"ordering" -> "billing \"v2\"" [label="3 ✗ contexts, cycles (2)", color="#d62728"`,
		`"ordering" -> "shared kernel" [label="declared, unused", style=dashed`,
		`"std" [label="std\n(std)", fillcolor="#f2f2f2"];`,
	} {
		if !strings.Contains(dot, want) {
			t.Errorf("DOT lacks %s:\n%s", want, dot)
		}
	}
	path, err := exec.LookPath("dot")
	if err != nil {
		t.Skip("graphviz's dot is not installed")
	}
	cmd := exec.Command(path, "-Tsvg")
	cmd.Stdin = strings.NewReader(dot)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	svg, err := cmd.Output()
	if err != nil || stderr.Len() > 0 {
		t.Fatalf("dot -Tsvg: %v\n%s\n%s", err, stderr.String(), dot)
	}
	for _, id := range []string{"<title>ordering</title>", "<title>shared kernel</title>", "<title>ordering&#45;&gt;billing &quot;v2&quot;</title>"} {
		if !bytes.Contains(svg, []byte(id)) {
			t.Errorf("SVG lacks %s", id)
		}
	}
}

func TestGraphMermaid(t *testing.T) {
	got := render(t, "mermaid", sampleDiagram())
	want := `flowchart TD
  n0["ordering<br/><small>(context, 2 packages)</small>"]
  n1["billing #quot;v2#quot;<br/><small>(context, 1 package)</small>"]
  n2["shared kernel<br/><small>(shared, 1 package)</small>"]
  n3["std<br/><small>(std)</small>"]:::outside
  n0 -->|"3 ✗ contexts, cycles (2)"| n1
  n0 -.->|"declared, unused"| n2
  n1 -->|"1"| n2
  n1 -->|"4"| n3
  linkStyle 0 stroke:#d62728,stroke-width:2px,color:#d62728
  linkStyle 1 stroke:#9a9a9a,color:#9a9a9a
  classDef outside fill:#f2f2f2,stroke:#9a9a9a
`
	if got != want {
		t.Errorf("Mermaid =\n%s\nwant:\n%s", got, want)
	}
}

func TestGraphMatrix(t *testing.T) {
	d := sampleDiagram()
	// billing imports ordering: a dependency pointing up.
	d.Edges = append(d.Edges, &rules.DiagramEdge{From: `billing "v2"`, To: "ordering", Imports: 12})
	got := render(t, "matrix", d)
	want := `                  1   2   3   4
1 ordering        ■  12   ·   ·
2 billing "v2"   3!   ■   ·   ·
3 shared kernel   ·   1   ■   ·
4 std             ·   4   ·   ■
column imports row; numbers above the diagonal point upwards; ! marks imports that break a rule
4 nodes, 5 edges at level context; 2 packages in no context not shown; 1 above the diagonal
`
	if got != want {
		t.Errorf("matrix =\n%s\nwant:\n%s", got, want)
	}
}

func TestGraphJSONEmptyIsArrays(t *testing.T) {
	got := render(t, "json", &rules.Diagram{Level: "package", Nodes: []*rules.Node{{ID: "a", Kind: "package"}}})
	var doc struct {
		Schema string
		Nodes  []struct{ Packages []string }
		Edges  []any
	}
	if err := json.Unmarshal([]byte(got), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Schema != GraphSchema || doc.Edges == nil || doc.Nodes[0].Packages == nil || !strings.Contains(got, `"edges": []`) {
		t.Errorf("JSON = %s", got)
	}
}

// sampleServices is a service-level diagram with every kind of edge and
// node, and names from user code that need quoting in each format.
func sampleServices() *rules.Diagram {
	at := func(file string, line int, detail string) []rules.Evidence {
		return []rules.Evidence{{Position: rules.Position{File: file, Line: line, Column: 2}, Detail: detail}}
	}
	return &rules.Diagram{Level: "service", Unresolved: 1, Nodes: []*rules.Node{
		{ID: `front"end`, Kind: "service", Rank: 0, Packages: []string{"m/cmd/front"}},
		{ID: "orders", Kind: "service", Rank: 1, Packages: []string{"m/cmd/orders"}},
		{ID: "pay<script>", Kind: "service", Rank: 1, Packages: []string{"m/cmd/pay"}},
		{ID: "search", Kind: "external-service", Rank: 2},
	}, Edges: []*rules.DiagramEdge{
		{From: `front"end`, To: "orders", Kind: "sync", Violations: 1, Rules: []string{"sync-chain"},
			Links: []rules.Link{{Protocol: "grpc", Target: "shop.Orders", Evidence: at("cmd/front/main.go", 7, "Place")}, {Protocol: "http", Target: "http://orders/x", Evidence: at("cmd/front/main.go", 9, "GET")}}},
		{From: `front"end`, To: "search", Kind: "sync", Links: []rules.Link{{Protocol: "http", Target: "env SEARCH_ADDR", Evidence: at("cmd/front/main.go", 12, "GET")}}},
		{From: "orders", To: "pay<script>", Kind: "async", Links: []rules.Link{{Protocol: "kafka", Target: "placed", Evidence: at("cmd/orders/main.go", 3, "publish placed")}}},
		{From: "orders", To: "pay<script>", Kind: "data", Violations: 1, Rules: []string{"shared-database"},
			Links: []rules.Link{{Protocol: "postgres", Target: "table orders", Evidence: append(at("cmd/orders/main.go", 20, "SQL names table orders"), at("cmd/pay/main.go", 21, "SQL names table orders")...)}}},
		{From: "pay<script>", To: "orders", Kind: "sync", Links: []rules.Link{{Protocol: "grpc", Target: "shop.Orders", Ambiguous: "pay serves shop.Orders too", Evidence: at("cmd/pay/main.go", 30, "Get")}}},
		{From: "pay<script>", To: "orders", Kind: "import", Imports: 1, Violations: 1, Rules: []string{"cross-service-import"},
			Links: []rules.Link{{Target: "package m/cmd/orders/store", Evidence: at("cmd/pay/main.go", 4, "import m/cmd/orders/store")}}},
	}}
}

func TestServicesText(t *testing.T) {
	got := render(t, "text", sampleServices())
	want := `front"end (service, 1 package)
  → orders       sync   grpc, http  ✗ sync-chain (1)  cmd/front/main.go:7
  → search       sync   http  cmd/front/main.go:12
orders (service, 1 package)
  → pay<script>  async  kafka placed  cmd/orders/main.go:3
  ↔ pay<script>  data   table orders  ✗ shared-database (1)  cmd/orders/main.go:20
pay<script> (service, 1 package)
  → orders       sync   grpc?  cmd/pay/main.go:30
  → orders       import m/cmd/orders/store  ✗ cross-service-import (1)  cmd/pay/main.go:4
search (no Go code here)
4 nodes, 6 edges at level service; 1 call archie could not attribute not shown (archie services lists them)
`
	if got != want {
		t.Errorf("text =\n%s\nwant:\n%s", got, want)
	}
}

func TestServicesDOTRenders(t *testing.T) {
	d := sampleServices()
	d.Problems = 2
	dot := render(t, "dot", d)
	for _, want := range []string{
		"  label=\"incomplete: 2 problems while loading or analysing the code, edges may be missing\";\n", // its maker did not say when
		`  "front\"end" [label="front\"end"];`,
		`  "search" [label="search", style="rounded,dashed", tooltip="search (no Go code here)"];`,
		// calls solid, red with the smell, the facts with file:line in the tooltip
		`  "front\"end" -> "orders" [label="grpc, http ✗ sync-chain (1)", color="#d62728", fontcolor="#d62728", penwidth=2, tooltip="front\"end → orders (sync)\ngrpc shop.Orders\n  cmd/front/main.go:7:2 Place\nhttp http://orders/x\n  cmd/front/main.go:9:2 GET\n✗ sync-chain (1)"];`,
		`  "orders" -> "pay<script>" [label="kafka placed", style=dashed, tooltip=`,
		`  "orders" -> "pay<script>" [label="table orders ✗ shared-database (1)", dir=none, style=bold, color="#d62728"`,
		`  "pay<script>" -> "orders" [label="grpc?", tooltip="pay<script> → orders (sync)\ngrpc shop.Orders\n  perhaps: pay serves shop.Orders too; not counted in chains\n  cmd/pay/main.go:30:2 Get"];`,
		`  "pay<script>" -> "orders" [label="imports code ✗ cross-service-import (1)", style=dotted,`,
	} {
		if !strings.Contains(dot, want) {
			t.Errorf("DOT lacks %s:\n%s", want, dot)
		}
	}
	path, err := exec.LookPath("dot")
	if err != nil {
		t.Skip("graphviz's dot is not installed")
	}
	cmd := exec.Command(path, "-Tsvg")
	cmd.Stdin = strings.NewReader(dot)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if _, err := cmd.Output(); err != nil || stderr.Len() > 0 {
		t.Fatalf("dot -Tsvg: %v\n%s\n%s", err, stderr.String(), dot)
	}
}

func TestServicesMermaid(t *testing.T) {
	got := render(t, "mermaid", sampleServices())
	want := `flowchart LR
  s0["front#quot;end"]
  s1["orders"]
  s2["pay#lt;script#gt;"]
  s3[/"search"/]
  s0 -->|"grpc, http ✗ sync-chain (1)"| s1
  s0 -->|"http"| s3
  s1 -.->|"kafka placed"| s2
  s1 ===|"table orders ✗ shared-database (1)"| s2
  s2 -->|"grpc?"| s1
  s2 -->|"imports code ✗ cross-service-import (1)"| s1
  linkStyle 0,3,5 stroke:#d62728,stroke-width:2px,color:#d62728
`
	if got != want {
		t.Errorf("Mermaid =\n%s\nwant:\n%s", got, want)
	}
}

func TestServicesMatrix(t *testing.T) {
	got := render(t, "matrix", sampleServices())
	want := `                 1    2    3    4
1 front"end      ■    ·    ·    ·
2 orders        s!    ■ sdi!    ·
3 pay<script>    ·  ad!    ■    ·
4 search         s    ·    ·    ■
column calls row: s sync, a async, d shares a store with it, i imports its code; letters above the diagonal point upwards; ! marks a smell
4 nodes, 6 edges at level service; 1 call archie could not attribute not shown (archie services lists them); 1 above the diagonal
`
	if got != want {
		t.Errorf("matrix =\n%s\nwant:\n%s", got, want)
	}
}

func TestServicesJSON(t *testing.T) {
	d := sampleServices()
	d.Problems = 2
	var doc struct {
		Level      string
		Unresolved *int
		Complete   bool
		Problems   int
		Edges      []struct {
			Kind  string
			Links []struct {
				Protocol, Target, Ambiguous string
				Evidence                    []struct {
					File   string
					Line   int
					Detail string
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(render(t, "json", d)), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Level != "service" || doc.Unresolved == nil || *doc.Unresolved != 1 || doc.Complete || doc.Problems != 2 {
		t.Errorf("level, unresolved, complete, problems = %q, %v, %v, %d", doc.Level, doc.Unresolved, doc.Complete, doc.Problems)
	}
	e := doc.Edges[3]
	if e.Kind != "data" || e.Links[0].Target != "table orders" || len(e.Links[0].Evidence) != 2 || e.Links[0].Evidence[1].File != "cmd/pay/main.go" || e.Links[0].Evidence[1].Line != 21 {
		t.Errorf("data edge = %+v", e)
	}
	if a := doc.Edges[4].Links[0].Ambiguous; a != "pay serves shop.Orders too" {
		t.Errorf("ambiguous = %q", a)
	}
	// The import levels say nothing of kinds or links, and are complete
	// unless the caller says otherwise.
	plain := render(t, "json", sampleDiagram())
	if strings.Contains(plain, `"kind": "sync"`) || strings.Contains(plain, `"links"`) || strings.Contains(plain, `"unresolved"`) || !strings.Contains(plain, `"complete": true`) {
		t.Errorf("context-level JSON = %s", plain)
	}
}
