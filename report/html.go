package report

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/archie-dev/archie/rules"
)

// A Page is everything the HTML report shows.
type Page struct {
	Title    string // what was checked, for the heading
	Check    *Check
	Diagrams []*rules.Diagram // one tab each, the first shown first
	// Services is the service map (rules.ServiceDiagram), shown in a
	// section of its own; nil when the run read no services.
	Services *rules.Diagram
	// Metrics are the measures of MetricsLevel's nodes.
	Metrics      []*rules.Metric
	MetricsLevel string
	// ReadFile reads a file relative to Check.Dir, to show the lines that
	// break a rule; nil shows no code.
	ReadFile func(name string) ([]byte, error)
}

var (
	//go:embed html/report.tmpl
	reportTemplate string
	//go:embed html/report.css
	reportCSS string
	//go:embed html/report.js
	reportJS string

	reportPage = template.Must(template.New("report").Funcs(template.FuncMap{"ratio": ratio}).Parse(reportTemplate))
)

// HTML writes the report as one self-contained page: styles, script and
// drawings inline, nothing fetched when it is opened. The diagrams are laid
// out here, top to bottom by rank, and drawn as SVG.
func HTML(w io.Writer, p *Page) error {
	errs, warns, _ := p.Check.Result.Count()
	v := htmlView{
		Title: p.Title, Packages: p.Check.Result.Packages, Errors: errs, Warnings: warns, Infos: p.Check.Result.Infos(),
		Rules: p.Check.ruleList(), Metrics: p.Metrics, MetricsLevel: p.MetricsLevel,
		CSS: template.CSS(reportCSS), JS: template.JS(reportJS),
	}
	if !p.Check.Complete() {
		v.Incomplete = p.Check.incompleteReason()
		for _, e := range p.Check.LoadErrors {
			v.LoadErrors = append(v.LoadErrors, p.Check.loadErrorLine(e))
		}
	}
	for _, d := range p.Diagrams {
		v.Diagrams = append(v.Diagrams, htmlDiagramOf(d))
	}
	if p.Services != nil {
		sd := htmlDiagramOf(p.Services)
		v.Services = &sd
	}
	v.Groups = htmlGroups(p)
	var nums []int
	for n := range p.Check.Decisions {
		nums = append(nums, n)
	}
	sort.Ints(nums)
	for _, n := range nums {
		d := p.Check.Decisions[n]
		v.Decisions = append(v.Decisions, htmlDecision{ID: fmt.Sprintf("ADR-%04d", n), Title: d.Title, Status: d.Status,
			Rules: strings.Join(d.Rules, ", "), File: p.Check.fromRoot(d.File)})
	}
	return reportPage.Execute(w, v)
}

type htmlView struct {
	Title                      string
	Packages, Errors, Warnings int
	Infos                      int // shown only when there are some
	Rules                      []rules.DeclaredRule
	Diagrams                   []htmlDiagram
	Services                   *htmlDiagram
	Groups                     []htmlGroup
	Metrics                    []*rules.Metric
	MetricsLevel               string
	Decisions                  []htmlDecision
	// Incomplete says why the check did not see all the code, with the
	// problems it met; "" when it did.
	Incomplete string
	LoadErrors []string
	CSS        template.CSS
	JS         template.JS
}

type htmlDiagram struct {
	Level, Summary string
	Width, Height  string
	Nodes          []htmlNode
	Edges          []htmlEdge
	// Incomplete says, for the service map, that code behind it did not
	// all load; "" when it did.
	Incomplete string
}

type htmlNode struct {
	ID, About, Title string
	X, Y, W, H, CX   string
	Outside          bool
}

type htmlEdge struct {
	From, To, Title, Label string
	Path, LX, LY           string
	Violation, Unused      bool
	// At the service level: the kind, an id for its row of facts, the
	// arrow (→ or ↔), the facts by link and the smells on it.
	Kind, Row, Arrow, Smells string
	Links                    []htmlLink
}

// An htmlLink is one fact behind a service-level edge and where it shows.
type htmlLink struct {
	What      string
	Ambiguous string
	Evidence  []htmlFact
}

type htmlFact struct{ Position, Detail string }

type htmlGroup struct {
	Rule, About string
	Items       []htmlViolation
}

type htmlViolation struct {
	Severity, Position, Message, Decision string
	Nodes                                 string // JSON list of "level:node" the violation touches
	Code                                  []htmlLine
}

type htmlLine struct {
	N    int
	Text string
	Hit  bool
}

type htmlDecision struct {
	ID, Title, Status, Rules, File string
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) }

func htmlDiagramOf(d *rules.Diagram) htmlDiagram {
	boxes, width, height := layoutDiagram(d)
	hd := htmlDiagram{Level: d.Level, Summary: graphSummary(d), Width: num(width), Height: num(height)}
	for _, n := range d.Nodes {
		b := boxes[n.ID]
		title := n.ID
		if len(n.Packages) > 0 {
			title += "\n" + strings.Join(n.Packages, "\n")
		}
		hd.Nodes = append(hd.Nodes, htmlNode{ID: n.ID, About: nodeAbout(n), Title: title,
			X: num(b.X), Y: num(b.Y), W: num(b.W), H: num(b.H), CX: num(b.W / 2),
			Outside: n.Kind == "std" || n.Kind == "external" || n.Kind == "external-service"})
	}
	if d.Problems > 0 {
		hd.Incomplete = incompleteNote(d)
	}
	// Edges one way between two nodes (at the service level a call and a
	// shared store, say) bow apart; the other way they take another route.
	parallel := make(map[[2]string]int)
	for i, e := range d.Edges {
		pair := [2]string{e.From, e.To}
		bend := float64(parallel[pair]) * parallelGap
		parallel[pair]++
		path, lx, ly := edgePath(boxes[e.From], boxes[e.To], bend)
		if e.Kind != "" {
			hd.Edges = append(hd.Edges, htmlServiceEdge(e, i, path, lx, ly))
			continue
		}
		label := strconv.Itoa(e.Imports)
		title := fmt.Sprintf("%s → %s: %s", e.From, e.To, plural(e.Imports, "import"))
		switch {
		case e.Violations > 0:
			label += " " + edgeNote(e)
			title += "; " + edgeNote(e)
		case e.Imports == 0:
			label, title = "declared, unused", fmt.Sprintf("%s → %s: declared, unused", e.From, e.To)
		}
		hd.Edges = append(hd.Edges, htmlEdge{From: e.From, To: e.To, Title: title, Label: label,
			Path: path, LX: num(lx), LY: num(ly), Violation: e.Violations > 0, Unused: e.Imports == 0})
	}
	return hd
}

// htmlServiceEdge is an edge of the service map: its facts are its
// tooltip and the rows of the table below the drawing.
func htmlServiceEdge(e *rules.DiagramEdge, i int, path string, lx, ly float64) htmlEdge {
	he := htmlEdge{From: e.From, To: e.To, Title: edgeTooltip(e), Label: serviceLabel(e),
		Path: path, LX: num(lx), LY: num(ly), Violation: e.Violations > 0,
		Kind: e.Kind, Row: fmt.Sprintf("service-edge-%d", i), Arrow: "→", Smells: edgeNote(e)}
	if e.Kind == "data" {
		he.Arrow = "↔"
	}
	if e.Kind == "import" {
		he.Label = "imports code"
	}
	if he.Smells != "" {
		he.Label += " ✗" // the smells are in the tooltip and the table: the map stays legible
	}
	for _, l := range e.Links {
		hl := htmlLink{What: strings.TrimSpace(l.Protocol + " " + l.Target), Ambiguous: l.Ambiguous}
		for _, ev := range l.Evidence {
			hl.Evidence = append(hl.Evidence, htmlFact{Position: ev.Position.String(), Detail: ev.Detail})
		}
		he.Links = append(he.Links, hl)
	}
	return he
}

// htmlGroups lists violations by rule with the nodes each touches in every
// diagram, for the click filter, and the lines of code they point at.
func htmlGroups(p *Page) []htmlGroup {
	nodeOf := make(map[string]map[string]string) // level -> package -> node
	diagrams := p.Diagrams
	if p.Services != nil {
		diagrams = append(diagrams[:len(diagrams):len(diagrams)], p.Services)
	}
	for _, d := range diagrams {
		m := make(map[string]string)
		for _, n := range d.Nodes {
			for _, pkg := range n.Packages {
				m[pkg] = n.ID
			}
			m[n.ID] = n.ID // std, external, and smells naming nodes directly
		}
		nodeOf[d.Level] = m
	}
	files := make(map[string][]string)
	var out []htmlGroup
	for _, grp := range groupByRule(p.Check.Result.Violations) {
		g := htmlGroup{Rule: grp[0].Rule, About: ruleAbout(grp[0])}
		for _, v := range grp {
			var nodes []string
			// A chain touches every service along it.
			ends := append([]string{v.From, v.To}, v.Path...)
			for _, d := range diagrams {
				for _, end := range ends {
					if id, ok := nodeOf[d.Level][end]; ok && !slices.Contains(nodes, d.Level+":"+id) {
						nodes = append(nodes, d.Level+":"+id)
					}
				}
			}
			if nodes == nil {
				nodes = []string{}
			}
			js, _ := json.Marshal(nodes)
			hv := htmlViolation{Severity: string(v.Severity), Position: v.Position.String(), Message: v.Message,
				Decision: p.Check.decision(v.ADR), Nodes: string(js)}
			hv.Code = snippet(p, files, v.Position)
			g.Items = append(g.Items, hv)
		}
		out = append(out, g)
	}
	return out
}

// snippet is the line a position points at with one line either side.
func snippet(p *Page, files map[string][]string, pos rules.Position) []htmlLine {
	if p.ReadFile == nil || pos.File == "" || pos.Line == 0 {
		return nil
	}
	lines, ok := files[pos.File]
	if !ok {
		if data, err := p.ReadFile(pos.File); err == nil {
			lines = strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
		}
		files[pos.File] = lines
	}
	var out []htmlLine
	for n := max(1, pos.Line-1); n <= min(len(lines), pos.Line+1); n++ {
		out = append(out, htmlLine{N: n, Text: lines[n-1], Hit: n == pos.Line})
	}
	return out
}
