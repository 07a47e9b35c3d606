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
