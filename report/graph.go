package report

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/archie-dev/archie/rules"
)

// GraphSchema names the version of the JSON that Graph writes.
const GraphSchema = "archie.graph/v1"

// GraphFormats are the formats Graph knows.
var GraphFormats = []string{"text", "dot", "mermaid", "json", "matrix"}

// Graph renders a diagram in the named format; color applies to text and
// matrix only. The service level is drawn as archie services draws.
func Graph(w io.Writer, format string, d *rules.Diagram, color bool) error {
	switch format {
	case "text":
		return graphText(w, d, color)
	case "dot":
		if d.Level == "service" {
			return servicesDOT(w, d)
		}
		return graphDOT(w, d)
	case "mermaid":
		if d.Level == "service" {
			return servicesMermaid(w, d)
		}
		return graphMermaid(w, d)
	case "json":
		return graphJSON(w, d)
	case "matrix":
		return graphMatrix(w, d, color)
	}
	return fmt.Errorf("unknown format %q", format)
}

// levelNoun names the level's nodes in messages.
func levelNoun(level string) string {
	switch level {
	case "hexagon":
		return "hexagonal role"
	}
	return level
}

// edgeNote says what is wrong with an edge: "✗ layers (2)".
func edgeNote(e *rules.DiagramEdge) string {
	if e.Violations == 0 {
		return ""
	}
	return fmt.Sprintf("✗ %s (%d)", strings.Join(e.Rules, ", "), e.Violations)
}

func graphText(w io.Writer, d *rules.Diagram, color bool) error {
	st := newStyles(w, color)
	var b strings.Builder
	out := make(map[string][]*rules.DiagramEdge)
	width := 0
	for _, e := range d.Edges {
		out[e.From] = append(out[e.From], e)
		width = max(width, len(e.To))
	}
	for _, n := range d.Nodes {
		// Names may come from code (a host the code calls, a service's
		// folder): never a terminal's escape.
		fmt.Fprintf(&b, "%s %s\n", st.header.Render(clean(n.ID)), st.dim.Render(nodeAbout(n)))
		for _, e := range out[n.ID] {
			arrow, weight := "→", plural(e.Imports, "import")
			switch {
			case e.Kind == "data":
				arrow, weight = "↔", fmt.Sprintf("%-6s %s", e.Kind, clean(serviceLabel(e)))
			case e.Kind != "":
				weight = fmt.Sprintf("%-6s %s", e.Kind, clean(serviceLabel(e)))
			case e.Imports == 0:
				weight = "declared, unused"
			}
			line := fmt.Sprintf("  %s %-*s  %s", arrow, width, clean(e.To), weight)
			if note := edgeNote(e); note != "" {
				line += "  " + st.err.Render(note)
			}
			if site := edgeSite(e); site != "" {
				line += "  " + st.dim.Render(site)
			}
			b.WriteString(line + "\n")
		}
	}
	b.WriteString(st.dim.Render(graphSummary(d)) + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func nodeAbout(n *rules.Node) string {
	switch n.Kind {
	case "external-service":
		if n.Outside {
			return "(outside the system)"
		}
		return "(no Go code here)"
	case "package", "std", "external":
		if len(n.Packages) <= 1 {
			return "(" + n.Kind + ")"
		}
	}
	return fmt.Sprintf("(%s, %s)", n.Kind, plural(len(n.Packages), "package"))
}

func graphSummary(d *rules.Diagram) string {
	s := fmt.Sprintf("%s, %s at level %s", plural(len(d.Nodes), "node"), plural(len(d.Edges), "edge"), d.Level)
	if d.Unplaced > 0 {
		s += fmt.Sprintf("; %s in no %s not shown", plural(d.Unplaced, "package"), levelNoun(d.Level))
	}
	if d.Hidden > 0 {
		s += fmt.Sprintf("; %s outside the focus not shown", plural(d.Hidden, "node"))
	}
	if d.Unresolved > 0 {
		s += fmt.Sprintf("; %s archie could not attribute not shown (archie services lists them)", plural(d.Unresolved, "call"))
	}
	if d.Problems > 0 {
		s += fmt.Sprintf("; drawn from incomplete code: %s, edges may be missing", problemsMet(d))
	}
	return s
}

// Colours of pictures: violations red, declared-but-unused grey, the
// standard library and other modules muted.
const (
	colorViolation = "#d62728"
	colorUnused    = "#9a9a9a"
	colorNode      = "#eef3fb"
	colorOutside   = "#f2f2f2"
)

func graphDOT(w io.Writer, d *rules.Diagram) error {
	var b strings.Builder
	fmt.Fprintf(&b, "digraph archie {\n")
	fmt.Fprintf(&b, "  graph [rankdir=TB, label=%s, labelloc=t, fontname=Helvetica];\n", dotQuote("archie graph --level "+d.Level))
	fmt.Fprintf(&b, "  node [shape=box, style=\"rounded,filled\", fillcolor=%q, fontname=Helvetica];\n", colorNode)
	fmt.Fprintf(&b, "  edge [fontname=Helvetica, fontsize=10];\n")
	rank := -1
	for _, n := range d.Nodes {
		if n.Rank != rank {
			if rank >= 0 {
				b.WriteString("  }\n")
			}
			rank = n.Rank
			fmt.Fprintf(&b, "  { rank=same;\n")
		}
		attrs := fmt.Sprintf("label=%s", dotQuote(n.ID+"\n"+nodeAbout(n)))
		if n.Kind == "std" || n.Kind == "external" {
			attrs += fmt.Sprintf(", fillcolor=%q", colorOutside)
		}
		fmt.Fprintf(&b, "    %s [%s];\n", dotQuote(n.ID), attrs)
	}
	if rank >= 0 {
		b.WriteString("  }\n")
	}
	for _, e := range d.Edges {
		var attrs []string
		switch {
		case e.Violations > 0:
			attrs = append(attrs, "label="+dotQuote(fmt.Sprintf("%d %s", e.Imports, edgeNote(e))),
				fmt.Sprintf("color=%q, fontcolor=%q, penwidth=2", colorViolation, colorViolation))
		case e.Imports == 0:
			attrs = append(attrs, `label="declared, unused"`, fmt.Sprintf("style=dashed, color=%q, fontcolor=%q", colorUnused, colorUnused))
		default:
			attrs = append(attrs, "label="+dotQuote(strconv.Itoa(e.Imports)))
		}
		fmt.Fprintf(&b, "  %s -> %s [%s];\n", dotQuote(e.From), dotQuote(e.To), strings.Join(attrs, ", "))
	}
	b.WriteString("}\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// dotQuote quotes a DOT ID; a newline becomes a centred line break.
func dotQuote(s string) string {
	s = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s)
	return `"` + s + `"`
}

func graphMermaid(w io.Writer, d *rules.Diagram) error {
	var b strings.Builder
	b.WriteString("flowchart TD\n")
	ids := make(map[string]string)
	outside := false
	for i, n := range d.Nodes {
		id := fmt.Sprintf("n%d", i)
		ids[n.ID] = id
		class := ""
		if n.Kind == "std" || n.Kind == "external" {
			class, outside = ":::outside", true
		}
		fmt.Fprintf(&b, "  %s[\"%s<br/><small>%s</small>\"]%s\n", id, mermaidText(n.ID), mermaidText(nodeAbout(n)), class)
	}
	var red, grey []string
	for i, e := range d.Edges {
		arrow, label := "-->", strconv.Itoa(e.Imports)
		switch {
		case e.Violations > 0:
			label += " " + edgeNote(e)
			red = append(red, strconv.Itoa(i))
		case e.Imports == 0:
			arrow, label = "-.->", "declared, unused"
			grey = append(grey, strconv.Itoa(i))
		}
		fmt.Fprintf(&b, "  %s %s|\"%s\"| %s\n", ids[e.From], arrow, mermaidText(label), ids[e.To])
	}
	if len(red) > 0 {
		fmt.Fprintf(&b, "  linkStyle %s stroke:%s,stroke-width:2px,color:%s\n", strings.Join(red, ","), colorViolation, colorViolation)
	}
	if len(grey) > 0 {
		fmt.Fprintf(&b, "  linkStyle %s stroke:%s,color:%s\n", strings.Join(grey, ","), colorUnused, colorUnused)
	}
	if outside {
		fmt.Fprintf(&b, "  classDef outside fill:%s,stroke:%s\n", colorOutside, colorUnused)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// matrixCell is what a matrix cell says of its edges: the imports at the
// package and group levels, a letter per kind at the service level, then
// "!" when one breaks a rule.
func matrixCell(es []*rules.DiagramEdge) string {
	es = slices.Clone(es)
	slices.SortStableFunc(es, func(a, b *rules.DiagramEdge) int {
		return slices.Index(rules.EdgeKinds, a.Kind) - slices.Index(rules.EdgeKinds, b.Kind)
	})
	var text string
	bad := false
	for _, e := range es {
		if e.Kind == "" {
			text = strconv.Itoa(e.Imports)
		} else {
			text += e.Kind[:1]
		}
		bad = bad || e.Violations > 0
	}
	if bad {
		text += "!"
	}
	return text
}

// mermaidText escapes text for a quoted Mermaid label.
func mermaidText(s string) string {
	return strings.NewReplacer(`"`, "#quot;", "<", "#lt;", ">", "#gt;").Replace(s)
}

type jsonGraph struct {
	Schema   string          `json:"schema"`
	Level    string          `json:"level"`
	Nodes    []jsonGraphNode `json:"nodes"`
	Edges    []jsonGraphEdge `json:"edges"`
	Unplaced int             `json:"unplaced"`
	Hidden   int             `json:"hidden"`
	// Unresolved is set at the service level only.
	Unresolved *int `json:"unresolved,omitempty"`
	Complete   bool `json:"complete"`
	Problems   int  `json:"problems,omitempty"`
}

type jsonGraphNode struct {
	ID       string   `json:"id"`
	Kind     string   `json:"kind"`
	Rank     int      `json:"rank"`
	Packages []string `json:"packages"`
	// Outside marks an external-service that is a host on the internet.
	Outside bool `json:"outside,omitempty"`
}

type jsonGraphEdge struct {
	From       string   `json:"from"`
	To         string   `json:"to"`
	Imports    int      `json:"imports"`
	Declared   bool     `json:"declared"`
	Violations int      `json:"violations"`
	Rules      []string `json:"rules"`
	// Kind and Links are set at the service level only.
	Kind  string          `json:"kind,omitempty"`
	Links []jsonGraphLink `json:"links,omitempty"`
}

type jsonGraphLink struct {
	Protocol  string     `json:"protocol,omitempty"`
	Target    string     `json:"target"`
	Ambiguous string     `json:"ambiguous,omitempty"`
	Evidence  []jsonFact `json:"evidence"`
}

func graphJSON(w io.Writer, d *rules.Diagram) error {
	out := jsonGraph{Schema: GraphSchema, Level: d.Level, Nodes: []jsonGraphNode{}, Edges: []jsonGraphEdge{}, Unplaced: d.Unplaced, Hidden: d.Hidden,
		Complete: d.Problems == 0, Problems: d.Problems}
	if d.Level == "service" {
		out.Unresolved = &d.Unresolved
	}
	for _, n := range d.Nodes {
		out.Nodes = append(out.Nodes, jsonGraphNode{ID: n.ID, Kind: n.Kind, Rank: n.Rank, Packages: orEmpty(n.Packages), Outside: n.Outside})
	}
	for _, e := range d.Edges {
		je := jsonGraphEdge{From: e.From, To: e.To, Imports: e.Imports, Declared: e.Declared, Violations: e.Violations, Rules: orEmpty(e.Rules), Kind: e.Kind}
		for _, l := range e.Links {
			jl := jsonGraphLink{Protocol: l.Protocol, Target: l.Target, Ambiguous: l.Ambiguous, Evidence: []jsonFact{}}
			for _, ev := range l.Evidence {
				jl.Evidence = append(jl.Evidence, jsonFact{File: ev.Position.File, Line: ev.Position.Line, Column: ev.Position.Column, Detail: ev.Detail})
			}
			je.Links = append(je.Links, jl)
		}
		out.Edges = append(out.Edges, je)
	}
	return writeJSON(w, out)
}

func orEmpty(ss []string) []string {
	if ss == nil {
		return []string{}
	}
	return ss
}

// graphMatrix writes a dependency structure matrix: rows and columns are
// the nodes top to bottom, and the cell in row r, column c counts the
// imports of node c from node r. A layered design fills only the lower
// triangle; a number above the diagonal is a dependency pointing up.
func graphMatrix(w io.Writer, d *rules.Diagram, color bool) error {
	st := newStyles(w, color)
	n := len(d.Nodes)
	index := make(map[string]int, n)
	for i, nd := range d.Nodes {
		index[nd.ID] = i
	}
	cells := make([][][]*rules.DiagramEdge, n)
	for i := range cells {
		cells[i] = make([][]*rules.DiagramEdge, n)
	}
	for _, e := range d.Edges {
		if e.Imports == 0 && e.Kind == "" {
			continue
		}
		r, c := index[e.To], index[e.From]
		cells[r][c] = append(cells[r][c], e)
		if e.Kind == "data" { // shared both ways
			cells[c][r] = append(cells[c][r], e)
		}
	}
	cellWidth := len(strconv.Itoa(n))
	for _, row := range cells {
		for _, es := range row {
			if len(es) > 0 {
				// room for the "!" mark whether or not this cell has it
				cellWidth = max(cellWidth, utf8.RuneCountInString(strings.TrimSuffix(matrixCell(es), "!"))+1)
			}
		}
	}
	labelWidth := 0
	for i, nd := range d.Nodes {
		labelWidth = max(labelWidth, utf8.RuneCountInString(fmt.Sprintf("%d %s", i+1, nd.ID)))
	}
	var b strings.Builder
	b.WriteString(strings.Repeat(" ", labelWidth))
	for c := range n {
		fmt.Fprintf(&b, " %*d", cellWidth, c+1)
	}
	b.WriteString("\n")
	back := 0
	for r, nd := range d.Nodes {
		fmt.Fprintf(&b, "%-*s", labelWidth, fmt.Sprintf("%d %s", r+1, nd.ID))
		for c := range n {
			es := cells[r][c]
			var cell string
			switch {
			case r == c:
				cell = fmt.Sprintf("%*s", cellWidth, "■")
			case len(es) == 0:
				cell = fmt.Sprintf("%*s", cellWidth, "·")
			default:
				text := matrixCell(es)
				cell = fmt.Sprintf("%*s", cellWidth, text)
				up := r < c && slices.ContainsFunc(es, func(e *rules.DiagramEdge) bool { return e.Kind != "data" })
				if up {
					back++
				}
				if strings.HasSuffix(text, "!") || up {
					cell = st.err.Render(cell)
				}
			}
			b.WriteString(" " + cell)
		}
		b.WriteString("\n")
	}
	legend := "column imports row; numbers above the diagonal point upwards; ! marks imports that break a rule"
	if d.Level == "service" {
		legend = "column calls row: s sync, a async, d shares a store with it, i imports its code; letters above the diagonal point upwards; ! marks a smell"
	}
	b.WriteString(st.dim.Render(legend) + "\n")
	summary := graphSummary(d)
	if back > 0 {
		summary += fmt.Sprintf("; %d above the diagonal", back)
	}
	b.WriteString(st.dim.Render(summary) + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}
