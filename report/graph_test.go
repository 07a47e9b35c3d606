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
