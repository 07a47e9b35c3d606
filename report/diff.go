package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/archie-dev/archie/rules"
)

// DiffFormats are the formats Diff writes.
var DiffFormats = []string{"markdown", "json", "text"}

// DiffSchema names the version of the JSON that Diff writes.
const DiffSchema = "archie.diff/v1"

// MaxComment is the most characters GitHub takes in a pull-request
// comment; Diff's markdown stays below it.
const MaxComment = 65536

// A DiffReport is what a change does to the architecture, with what
// rendering it needs to say.
type DiffReport struct {
	*rules.ArchDiff
	Base  string // the revision compared against
	Depth int    // the folder depth, at the package level
	// LevelWhy says why the level was chosen when no --level was given
	// ("archie.yaml has layers"); "" when it was.
	LevelWhy string
}

// Diff writes the report in a format of DiffFormats.
func Diff(w io.Writer, format string, d *DiffReport) error {
	switch format {
	case "markdown":
		_, err := io.WriteString(w, diffMarkdown(d, MaxComment-1024))
		return err
	case "json":
		return diffJSON(w, d)
	case "text":
		return diffText(w, d)
	}
	return fmt.Errorf("unknown --format %q: use one of %s", format, strings.Join(DiffFormats, ", "))
}

// level names the level as the output says it: "the layer level (archie.yaml
// has layers)".
func (d *DiffReport) level() string {
	s := "the " + d.Level + " level"
	if d.Level == "package" && d.Depth > 0 {
		s = fmt.Sprintf("the package level at depth %d", d.Depth)
	}
	if d.LevelWhy != "" {
		s += " (" + d.LevelWhy + ")"
	}
	return s
}

// counts is the summary of a change in words.
func (d *DiffReport) counts() string {
	parts := []string{
		plural(len(d.Added), "edge") + " added",
		plural(len(d.Removed), "edge") + " removed",
		plural(len(d.New), "new violation"),
	}
	if n := d.NewErrors(); n > 0 {
		parts[2] += fmt.Sprintf(" (%s)", plural(n, "error"))
	}
	parts = append(parts, fmt.Sprintf("%d fixed", len(d.Fixed)))
	if len(d.NewCycles) > 0 {
		parts = append(parts, plural(len(d.NewCycles), "new cycle"))
	}
	return strings.Join(parts, ", ")
}

func (d *DiffReport) unchanged() string {
	return fmt.Sprintf("No architectural change against %s at %s.\n", d.Base, d.level())
}

// importsShown is how many imports an edge lists; the rest are counted.
const importsShown = 3

// diffMarkdown renders the report for a pull-request comment of at most
// limit characters: when the whole does not fit, each table and the
// diagram keep their first rows and say how many they leave out.
func diffMarkdown(d *DiffReport, limit int) string {
	if d.Empty() {
		return d.unchanged()
	}
	var s string
	for _, rows := range []int{-1, 200, 100, 50, 20, 10, 5, 1} {
		s = diffMarkdownRows(d, rows)
		if len(s) <= limit {
			break
		}
	}
	return s
}

// diffMarkdownRows renders the report with at most rows rows a table
// (-1: all of them).
func diffMarkdownRows(d *DiffReport, rows int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "### archie: architecture diff against `%s`\n\n", mdCode(d.Base))
	fmt.Fprintf(&b, "**%s** at %s.\n", d.counts(), md(d.level()))
	if rows >= 0 {
		fmt.Fprintf(&b, "\nThe change is too big for one comment: each table shows its first %s; `archie diff --base %s --format text` lists all.\n", plural(rows, "row"), mdCode(d.Base))
	}
	shown := func(n int) int {
		if rows < 0 || n < rows {
			return n
		}
		return rows
	}
	more := func(n int, what string) {
		if k := n - shown(n); k > 0 {
			fmt.Fprintf(&b, "\n…and %s, not shown.\n", plural(k, "more "+what))
		}
	}
	edges := func(title string, es []rules.ArchEdge, in string) {
		if len(es) == 0 {
			return
		}
		fmt.Fprintf(&b, "\n#### %s (%d)\n\n| from | to | imports (%s) | breaks |\n|---|---|---|---|\n", title, len(es), in)
		for _, e := range es[:shown(len(es))] {
			var imps []string
			for _, imp := range e.Imports[:min(len(e.Imports), importsShown)] {
				imps = append(imps, fmt.Sprintf("%s imports %s", md(imp.Position.String()), md(imp.To)))
			}
			if k := len(e.Imports) - importsShown; k > 0 {
				imps = append(imps, fmt.Sprintf("and %d more", k))
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", md(e.From), md(e.To), strings.Join(imps, "<br>"), md(strings.Join(e.Rules, ", ")))
		}
		more(len(es), "edge")
	}
	edges("Edges added", d.Added, "head")
	edges("Edges removed", d.Removed, "base")
	violations := func(title string, vs []rules.Violation, severity bool) {
		if len(vs) == 0 {
			return
		}
		fmt.Fprintf(&b, "\n#### %s (%d)\n\n", title, len(vs))
		if severity {
			b.WriteString("| severity | rule | where | what |\n|---|---|---|---|\n")
		} else {
			b.WriteString("| rule | where (base) | what |\n|---|---|---|\n")
		}
		for _, v := range vs[:shown(len(vs))] {
			if severity {
				fmt.Fprintf(&b, "| %s ", v.Severity)
			}
			fmt.Fprintf(&b, "| %s | %s | %s |\n", md(v.Rule), md(v.Position.String()), md(shorten(v.Message, 300)))
		}
		more(len(vs), "violation")
	}
	violations("New violations", d.New, true)
	violations("Fixed violations", d.Fixed, false)
	if len(d.NewCycles) > 0 {
		fmt.Fprintf(&b, "\n#### New cycles between components (%d)\n\n", len(d.NewCycles))
		for _, c := range d.NewCycles[:shown(len(d.NewCycles))] {
			fmt.Fprintf(&b, "- %s\n", md(strings.Join(c, " ⇄ ")))
		}
		more(len(d.NewCycles), "cycle")
	}
	if len(d.Added)+len(d.Removed) > 0 {
		b.WriteString("\n```mermaid\n")
		b.WriteString(diffMermaid(d, rows))
		b.WriteString("```\n")
		if n := len(d.Added) + len(d.Removed); rows >= 0 && n > rows {
			fmt.Fprintf(&b, "\nThe diagram draws the first %d of %d changed edges.\n", rows, n)
		}
	}
	return b.String()
}

// diffMermaid draws the edges added (green, red when they break a rule)
// and removed (dashed), and the components at their ends.
func diffMermaid(d *DiffReport, rows int) string {
	type drawn struct {
		e       rules.ArchEdge
		removed bool
	}
	var es []drawn
	for _, e := range d.Added {
		es = append(es, drawn{e, false})
	}
	for _, e := range d.Removed {
		es = append(es, drawn{e, true})
	}
	if rows >= 0 && len(es) > rows {
		es = es[:rows]
	}
	var b strings.Builder
	b.WriteString("flowchart TD\n")
	ids := make(map[string]string)
	id := func(n string) string {
		if ids[n] == "" {
			ids[n] = "n" + strconv.Itoa(len(ids))
			fmt.Fprintf(&b, "  %s[\"%s\"]\n", ids[n], mermaidText(n))
		}
		return ids[n]
	}
	var green, red, grey []string
	for i, x := range es {
		from, to := id(x.e.From), id(x.e.To)
		label, arrow := plural(len(x.e.Imports), "import"), "-->"
		switch {
		case x.removed:
			arrow, label = "-.->", "removed"
			grey = append(grey, strconv.Itoa(i))
		case len(rules.EdgeViolations(x.e, d.New)) > 0:
			label += " " + strings.Join(x.e.Rules, ", ")
			red = append(red, strconv.Itoa(i))
		default:
			green = append(green, strconv.Itoa(i))
		}
		fmt.Fprintf(&b, "  %s %s|\"%s\"| %s\n", from, arrow, mermaidText(label), to)
	}
	style := func(links []string, color string) {
		if len(links) > 0 {
			fmt.Fprintf(&b, "  linkStyle %s stroke:%s,stroke-width:2px,color:%s\n", strings.Join(links, ","), color, color)
		}
	}
	style(green, colorAdded)
	style(red, colorViolation)
	style(grey, colorUnused)
	return b.String()
}

// colorAdded marks what a change adds that breaks no rule.
const colorAdded = "#2ca02c"

// md escapes text from the code or archie.yaml for a Markdown table cell:
// it must neither end the cell nor become a link, HTML or emphasis.
func md(s string) string {
	return mdEscaper.Replace(clean(s))
}

var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "|", `\|`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", "&lt;", ">", "&gt;", "&", "&amp;", "#", `\#`, "@", "@\u200b",
)

// mdCode makes text safe inside a code span.
func mdCode(s string) string {
	return strings.NewReplacer("`", "'", "|", `\|`).Replace(clean(s))
}

// shorten cuts s to at most n bytes, on a rune boundary, marking the cut.
func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }

func diffText(w io.Writer, d *DiffReport) error {
	if d.Empty() {
		_, err := io.WriteString(w, d.unchanged())
		return err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "archie diff against %s at %s: %s\n", clean(d.Base), clean(d.level()), d.counts())
	edges := func(title string, es []rules.ArchEdge) {
		if len(es) == 0 {
			return
		}
		fmt.Fprintf(&b, "\n%s:\n", title)
		for _, e := range es {
			fmt.Fprintf(&b, "  %s (%s)", clean(e.String()), plural(len(e.Imports), "import"))
			if len(e.Rules) > 0 {
				fmt.Fprintf(&b, " breaks %s", clean(strings.Join(e.Rules, ", ")))
			}
			b.WriteByte('\n')
			for _, imp := range e.Imports {
				fmt.Fprintf(&b, "    %s: %s → %s\n", clean(imp.Position.String()), clean(imp.From), clean(imp.To))
			}
		}
	}
	edges("edges added", d.Added)
	edges("edges removed (as they were in the base)", d.Removed)
	violations := func(title string, vs []rules.Violation) {
		if len(vs) == 0 {
			return
		}
		fmt.Fprintf(&b, "\n%s:\n", title)
		for _, v := range vs {
			fmt.Fprintf(&b, "  %s: %s: %s [%s]\n", clean(v.Position.String()), v.Severity, clean(v.Message), clean(v.Rule))
		}
	}
	violations("new violations", d.New)
	violations("fixed violations (where they were in the base)", d.Fixed)
	if len(d.NewCycles) > 0 {
		b.WriteString("\nnew cycles between components:\n")
		for _, c := range d.NewCycles {
			fmt.Fprintf(&b, "  %s\n", clean(strings.Join(c, " ⇄ ")))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

type jsonDiff struct {
	Schema    string          `json:"schema"`
	Base      string          `json:"base"`
	Level     string          `json:"level"`
	Depth     int             `json:"depth"`
	Summary   jsonDiffSummary `json:"summary"`
	Added     []jsonDiffEdge  `json:"added"`
	Removed   []jsonDiffEdge  `json:"removed"`
	New       []jsonViolation `json:"new"`
	Fixed     []jsonViolation `json:"fixed"`
	NewCycles [][]string      `json:"new_cycles"`
}

type jsonDiffSummary struct {
	Added     int `json:"added"`
	Removed   int `json:"removed"`
	New       int `json:"new"`
	NewErrors int `json:"new_errors"`
	Fixed     int `json:"fixed"`
	NewCycles int `json:"new_cycles"`
}

type jsonDiffEdge struct {
	From    string           `json:"from"`
	To      string           `json:"to"`
	Rules   []string         `json:"rules"`
	Imports []jsonDiffImport `json:"imports"`
}

type jsonDiffImport struct {
	From     string       `json:"from"`
	To       string       `json:"to"`
	Position jsonPosition `json:"position"`
}

func diffJSON(w io.Writer, d *DiffReport) error {
	out := jsonDiff{
		Schema: DiffSchema, Base: d.Base, Level: d.Level, Depth: d.Depth,
		Summary: jsonDiffSummary{Added: len(d.Added), Removed: len(d.Removed), New: len(d.New), NewErrors: d.NewErrors(), Fixed: len(d.Fixed), NewCycles: len(d.NewCycles)},
		Added:   jsonDiffEdges(d.Added), Removed: jsonDiffEdges(d.Removed),
		New: make([]jsonViolation, 0, len(d.New)), Fixed: make([]jsonViolation, 0, len(d.Fixed)),
		NewCycles: make([][]string, 0, len(d.NewCycles)),
	}
	for _, v := range d.New {
		out.New = append(out.New, jsonViolationOf(v))
	}
	for _, v := range d.Fixed {
		out.Fixed = append(out.Fixed, jsonViolationOf(v))
	}
	out.NewCycles = append(out.NewCycles, d.NewCycles...)
	return writeJSON(w, out)
}

func jsonDiffEdges(es []rules.ArchEdge) []jsonDiffEdge {
	out := make([]jsonDiffEdge, 0, len(es))
	for _, e := range es {
		je := jsonDiffEdge{From: e.From, To: e.To, Rules: append([]string{}, e.Rules...), Imports: make([]jsonDiffImport, 0, len(e.Imports))}
		for _, imp := range e.Imports {
			je.Imports = append(je.Imports, jsonDiffImport{From: imp.From, To: imp.To, Position: jsonPos(imp.Position)})
		}
		out = append(out, je)
	}
	return out
}
