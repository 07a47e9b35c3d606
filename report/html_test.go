package report

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/archie-dev/archie/rules"
)

func TestHTMLIsSelfContained(t *testing.T) {
	page := &Page{
		Title:    "example.com/m",
		Check:    &Check{Result: sampleResult(), Dir: "/m", Decisions: map[int]Decision{2: {Number: 2, Title: "Layers", Status: "Accepted", File: "docs/adr/0002-layers.md", Rules: []string{"layers"}}}},
		Diagrams: []*rules.Diagram{sampleDiagram()},
		ReadFile: func(name string) ([]byte, error) {
			return []byte("package domain\n\nimport (\n\t\"m/http\"\n<script>alert(1)</script>\n)\n"), nil
		},
	}
	var b bytes.Buffer
	if err := HTML(&b, page); err != nil {
		t.Fatal(err)
	}
	html := b.String()
	// Nothing is fetched: no external scripts, styles, images or fonts.
	for _, re := range []string{`<script[^>]+src=`, `<link`, `<img`, `url\(\s*['"]?(https?:)?//`, `@import`} {
		if m := regexp.MustCompile(re).FindString(html); m != "" {
			t.Errorf("the page fetches something: %s", m)
		}
	}
	if n := strings.Count(html, "://"); n != strings.Count(html, `xmlns="http://www.w3.org/2000/svg"`) {
		t.Errorf("the page names %d http addresses besides the SVG namespace", n)
	}
	for _, want := range []string{
		`<g class="node" data-id="billing &#34;v2&#34;"`,                                 // names escaped
		`<g class="edge violation" data-from="ordering" data-to="billing &#34;v2&#34;">`, // red edge
		`<g class="edge unused"`,
		`<span class="hit"><i>3</i>import (</span>`, // the offending line, highlighted
		`<td>ADR-0002</td><td>Layers</td><td>Accepted</td><td>layers</td>`,
		`&lt;script&gt;alert(1)&lt;/script&gt;`, // code is text, never markup
	} {
		if !strings.Contains(html, want) {
			t.Errorf("page lacks %s", want)
		}
	}
}

func TestLayoutKeepsRanksAndOrder(t *testing.T) {
	d := &rules.Diagram{Nodes: []*rules.Node{
		{ID: "top", Rank: 0}, {ID: "b", Rank: 1}, {ID: "a", Rank: 1}, {ID: "leaf-of-a", Rank: 2}, {ID: "leaf-of-b", Rank: 2},
	}, Edges: []*rules.DiagramEdge{
		{From: "top", To: "a"}, {From: "top", To: "b"}, {From: "a", To: "leaf-of-a"}, {From: "b", To: "leaf-of-b"},
	}}
	boxes, w, h := layoutDiagram(d)
	if !(boxes["top"].Y < boxes["a"].Y && boxes["a"].Y == boxes["b"].Y && boxes["b"].Y < boxes["leaf-of-b"].Y) {
		t.Errorf("rows out of rank order: %v", boxes)
	}
	// Each leaf sits on the side of its parent, so no edges cross.
	if (boxes["a"].X < boxes["b"].X) != (boxes["leaf-of-a"].X < boxes["leaf-of-b"].X) {
		t.Errorf("edges cross: %v", boxes)
	}
	for id, b := range boxes {
		if b.X < 0 || b.Y < 0 || b.X+b.W > w || b.Y+b.H > h {
			t.Errorf("%s at %+v outside the %gx%g drawing", id, b, w, h)
		}
	}
}

// TestHTMLServices draws the service map in a section of its own: every
// name escaped, each kind of edge classed, smells red, the facts with
// file:line in the tooltip and in the table, and the smells of a service
// listed when it is clicked.
func TestHTMLServices(t *testing.T) {
	res := &rules.Result{Packages: 3, Violations: []rules.Violation{{Kind: "shared-database", Rule: "shared-database", Severity: rules.SeverityError,
		From: "orders", To: "pay<script>", Position: rules.Position{File: "cmd/orders/main.go", Line: 20}, Message: "orders and pay<script> both touch table orders"}}}
	d := sampleServices()
	d.Problems, d.Met = 1, "1 problem while analysing the code"
	page := &Page{Title: "example.com/m", Check: &Check{Result: res, Dir: "/m"}, Diagrams: []*rules.Diagram{sampleDiagram()}, Services: d}
	var b bytes.Buffer
	if err := HTML(&b, page); err != nil {
		t.Fatal(err)
	}
	html := b.String()
	for _, want := range []string{
		`<section id="services">`,
		`<div class="diagram" data-level="service">`,
		`<g class="node" data-id="front&#34;end"`,
		`<g class="node" data-id="pay&lt;script&gt;"`,
		`<g class="node outside" data-id="search"`,
		`<g class="edge sync violation" data-from="front&#34;end" data-to="orders" data-row="service-edge-0"><title>front&#34;end → orders (sync)
grpc shop.Orders
  cmd/front/main.go:7:2 Place`,
		`<g class="edge async" data-from="orders" data-to="pay&lt;script&gt;"`,
		`<g class="edge data violation" data-from="orders" data-to="pay&lt;script&gt;"`,
		`<g class="edge import violation" data-from="pay&lt;script&gt;" data-to="orders"`,
		`>table orders ✗</text>`,
		`<tr id="service-edge-3" class="data violation"><td>orders</td><td>↔</td><td>pay&lt;script&gt;</td><td>data</td>`,
		`<li><span class="pos">cmd/pay/main.go:21:2</span> SQL names table orders</li>`,
		`(perhaps: pay serves shop.Orders too; not counted in chains)`,
		`<td class="smells">✗ shared-database (1)</td>`,
		`This map is incomplete: 1 problem while analysing the code, edges may be missing`,
		// a click on orders lists the smell, at the service level
		`data-nodes="[&#34;service:orders&#34;,&#34;service:pay\u003cscript\u003e&#34;]"`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	if strings.Contains(html, "<script>alert") || strings.Contains(html, `data-id="pay<script>"`) {
		t.Error("a service name is markup")
	}
	// Two edges one way between orders and pay bow apart.
	paths := regexp.MustCompile(`data-from="orders" data-to="pay&lt;script&gt;" data-row="[^"]*"><title>[^<]*</title><path class="hit" d="([^"]*)"`).FindAllStringSubmatch(html, -1)
	if len(paths) != 2 || paths[0][1] == paths[1][1] {
		t.Errorf("the async and data edges between orders and pay are drawn %v", paths)
	}

	// No services, no section.
	page.Services = nil
	b.Reset()
	if err := HTML(&b, page); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), `id="services"`) {
		t.Error("a run without services has a services section")
	}
}
