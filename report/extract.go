package report

import (
	"encoding/json"
	"fmt"
	"go/token"
	"io"
	"slices"
	"strings"

	"github.com/archie-dev/archie/analyze/services"
	"github.com/archie-dev/archie/rules"
)

// ExtractFormats are the formats Extract knows.
var ExtractFormats = []string{"text", "json", "markdown"}

// ExtractSchema names the JSON Extract writes (docs/extract.md).
const ExtractSchema = "archie.extract/v1"

// An ExtractReport is what archie extract found for one pattern.
type ExtractReport struct {
	Pattern string
	Module  string // the module path, trimmed from package paths in text
	// Mains are the main packages whose reachable code was read.
	Mains       []string
	Extractions []*rules.Extraction
	// NotChecked are the packages of the module whose code did not load
	// or type-check: their calls and tables are missing.
	NotChecked []string
	// Problems counts the problems met loading the code.
	Problems int
}

// Extract renders an extraction report.
func Extract(w io.Writer, format string, r *ExtractReport, color bool) error {
	switch format {
	case "text":
		return extractText(w, r, color)
	case "json":
		return extractJSON(w, r)
	case "markdown":
		return extractMarkdown(w, r)
	}
	return fmt.Errorf("unknown format %q", format)
}

// short names a package of the module by its path below the module.
func (r *ExtractReport) short(pkg string) string {
	if r.Module != "" {
		if pkg == r.Module {
			return "."
		}
		if rest, ok := strings.CutPrefix(pkg, r.Module+"/"); ok {
			return rest
		}
	}
	return pkg
}

// sitesShown is how many call sites of one function text and markdown
// list; JSON lists them all.
const sitesShown = 2

func extractText(w io.Writer, r *ExtractReport, color bool) error {
	st := newStyles(w, color)
	var b strings.Builder
	at := func(p token.Position) string { return st.dim.Render(fmt.Sprintf("%s:%d", p.Filename, p.Line)) }
	verdict := func(v string) string {
		switch v {
		case rules.ExtractCheap:
			return st.ok.Render(v)
		case rules.ExtractModerate, rules.ExtractUnreached, rules.ExtractNotChecked:
			return st.warn.Render(v)
		}
		return st.err.Render(v)
	}
	calls := func(title string, gs []rules.CallGroup) {
		if len(gs) == 0 {
			return
		}
		fmt.Fprintf(&b, "  %s\n", title)
		for _, g := range gs {
			fmt.Fprintf(&b, "    %s\n", st.file.Render(r.short(g.Package)))
			for _, f := range g.Functions {
				fmt.Fprintf(&b, "      %-28s %s", f.Name, plural(len(f.Sites), "site"))
				for i, s := range f.Sites {
					if i == sitesShown {
						fmt.Fprintf(&b, "  %s", st.dim.Render(fmt.Sprintf("+%d more", len(f.Sites)-sitesShown)))
						break
					}
					via := ""
					if s.Dynamic {
						via = " via interface"
					}
					fmt.Fprintf(&b, "  %s %s", at(s.Pos), st.dim.Render("("+r.short(s.Caller)+via+")"))
				}
				b.WriteString("\n")
			}
		}
	}
	for i, e := range r.Extractions {
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "%d. %s  %s  %s\n", e.Rank, st.header.Render(e.Name), verdict(e.Verdict), st.dim.Render(plural(len(e.Packages), "package")))
		for _, reason := range e.Reasons {
			fmt.Fprintf(&b, "  - %s\n", reason)
		}
		calls("calls back into the rest (each a network call), by package called:", e.Out)
		calls("calls from the rest into it (its API), by package called:", e.In)
		calls("calls that hand over a transaction (one transaction on both sides):", e.Transactions)
		if len(e.Types) > 0 {
			var ts []string
			for _, t := range e.Types {
				ts = append(ts, r.short(t.Type)+" ("+t.Direction+")")
			}
			fmt.Fprintf(&b, "  types crossing: %s\n", strings.Join(ts, ", "))
		}
		if len(e.Tables) > 0 {
			fmt.Fprintf(&b, "  tables\n")
			for _, t := range e.Tables {
				side := "own"
				if t.Shared {
					side = st.warn.Render("shared") + " with " + shortAll(r, t.Rest)
				}
				fmt.Fprintf(&b, "    %-24s %s %s  %s\n", t.Kind+" "+t.Table, side, st.dim.Render(accessPhrase(t)), at(ownTouch(t).Pos))
			}
		}
		imports := func(title string, es []rules.ImportEdge) {
			if len(es) == 0 {
				return
			}
			fmt.Fprintf(&b, "  %s\n", title)
			for j, imp := range es {
				if j == 5 {
					fmt.Fprintf(&b, "    %s\n", st.dim.Render(fmt.Sprintf("+%d more", len(es)-5)))
					break
				}
				fmt.Fprintf(&b, "    %s → %s  %s\n", r.short(imp.From), r.short(imp.To), at(imp.Pos))
			}
		}
		imports("imports from it into the rest, to break:", e.ImportsOut)
		imports("imports of it by the rest, to break:", e.ImportsIn)
		if n := len(e.Wiring); n > 0 {
			fmt.Fprintf(&b, "  %s\n", st.dim.Render(fmt.Sprintf("not counted: %s of constructors or from a main (start-up wiring)", plural(siteCount(e.Wiring), "call"))))
		}
		if n := len(e.Library); n > 0 {
			fmt.Fprintf(&b, "  %s\n", st.dim.Render(fmt.Sprintf("not counted: %s into shared packages it would keep as a library (%s)", plural(siteCount(e.Library), "call"), shortGroups(r, e.Library))))
		}
		if len(e.Unreached) > 0 && len(e.Unreached) < len(e.Packages) {
			fmt.Fprintf(&b, "  %s\n", st.dim.Render("not reached from a main: "+shortAll(r, e.Unreached)))
		}
	}
	counts := make(map[string]int)
	for _, e := range r.Extractions {
		counts[e.Verdict]++
	}
	var parts []string
	for _, v := range []string{rules.ExtractCheap, rules.ExtractModerate, rules.ExtractCostly, rules.ExtractDistributed, rules.ExtractUnreached, rules.ExtractNotChecked} {
		if counts[v] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", counts[v], v))
		}
	}
	fmt.Fprintf(&b, "\n%s (%s), cheapest first; calls on the paths %s", plural(len(r.Extractions), "candidate"), strings.Join(parts, ", "), mainsPhrase(r.Mains))
	if r.Problems > 0 {
		fmt.Fprintf(&b, "; %s: %s while loading, %s not checked", st.warn.Render("incomplete"), plural(r.Problems, "problem"), plural(len(r.NotChecked), "package"))
	}
	b.WriteString(".\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func mainsPhrase(mains []string) string {
	if len(mains) == 0 {
		return "from every function (no main package)"
	}
	return "from " + plural(len(mains), "main")
}

// accessPhrase says how each side touches a table, where SQL tells.
func accessPhrase(t rules.TableUse) string {
	or := func(a string) string {
		if a == "" {
			return "?"
		}
		return a
	}
	if !t.Shared {
		return "(" + or(t.CandidateAccess) + ")"
	}
	return "(it: " + or(t.CandidateAccess) + "; the rest: " + or(t.RestAccess) + ")"
}

// ownTouch is the first evidence of a table in the candidate's own code.
func ownTouch(t rules.TableUse) services.Touch {
	for _, ev := range t.Evidence {
		if slices.Contains(t.Candidate, ev.Package) {
			return ev
		}
	}
	return t.Evidence[0]
}

func siteCount(gs []rules.CallGroup) int {
	n := 0
	for _, g := range gs {
		for _, f := range g.Functions {
			n += len(f.Sites)
		}
	}
	return n
}

func shortAll(r *ExtractReport, pkgs []string) string {
	out := make([]string, len(pkgs))
	for i, p := range pkgs {
		out[i] = r.short(p)
	}
	return strings.Join(out, ", ")
}

func shortGroups(r *ExtractReport, gs []rules.CallGroup) string {
	out := make([]string, len(gs))
	for i, g := range gs {
		out[i] = r.short(g.Package)
	}
	return strings.Join(out, ", ")
}

// The archie.extract/v1 JSON.
type (
	extractJSONDoc struct {
		Schema     string           `json:"schema"`
		Pattern    string           `json:"pattern"`
		Mains      []string         `json:"mains"`
		Complete   bool             `json:"complete"`
		Problems   int              `json:"problems"`
		NotChecked []string         `json:"not_checked"`
		Candidates []extractJSONOne `json:"candidates"`
	}
	extractJSONOne struct {
		Name       string             `json:"name"`
		Rank       int                `json:"rank"`
		Verdict    string             `json:"verdict"`
		Reasons    []string           `json:"reasons"`
		Packages   []string           `json:"packages"`
		Unreached  []string           `json:"unreached"`
		NotChecked []string           `json:"not_checked"`
		CallsOut   extractJSONCalls   `json:"calls_out"`
		CallsIn    extractJSONCalls   `json:"calls_in"`
		Wiring     extractJSONCalls   `json:"wiring"`
		Library    extractJSONCalls   `json:"library"`
		Tx         extractJSONCalls   `json:"transactions"`
		Types      []extractJSONType  `json:"types"`
		Tables     []extractJSONTable `json:"tables"`
		Imports    extractJSONImports `json:"imports"`
	}
	extractJSONCalls struct {
		Sites     int                `json:"sites"`
		Functions int                `json:"functions"`
		Packages  []extractJSONGroup `json:"packages"`
	}
	extractJSONGroup struct {
		Package   string            `json:"package"`
		Functions []extractJSONFunc `json:"functions"`
	}
	extractJSONFunc struct {
		Name  string            `json:"name"`
		Sites []extractJSONSite `json:"sites"`
	}
	extractJSONSite struct {
		File    string `json:"file"`
		Line    int    `json:"line"`
		Column  int    `json:"column"`
		Caller  string `json:"caller,omitempty"`
		Dynamic bool   `json:"dynamic,omitempty"`
		Package string `json:"package,omitempty"`
		Detail  string `json:"detail,omitempty"`
	}
	extractJSONTable struct {
		Table     string            `json:"table"`
		Kind      string            `json:"kind"`
		Shared    bool              `json:"shared"`
		Access    extractJSONAccess `json:"access"`
		Candidate []string          `json:"candidate"`
		Rest      []string          `json:"rest"`
		Evidence  []extractJSONSite `json:"evidence"`
	}
	extractJSONType struct {
		Type      string `json:"type"`
		Direction string `json:"direction"`
		Functions int    `json:"functions"`
	}
	extractJSONAccess struct {
		Candidate string `json:"candidate"`
		Rest      string `json:"rest"`
	}
	extractJSONImports struct {
		Out []extractJSONImport `json:"out"`
		In  []extractJSONImport `json:"in"`
	}
	extractJSONImport struct {
		From   string `json:"from"`
		To     string `json:"to"`
		File   string `json:"file"`
		Line   int    `json:"line"`
		Column int    `json:"column"`
	}
)

func jsonCalls(gs []rules.CallGroup) extractJSONCalls {
	out := extractJSONCalls{Packages: []extractJSONGroup{}}
	for _, g := range gs {
		jg := extractJSONGroup{Package: g.Package, Functions: []extractJSONFunc{}}
		for _, f := range g.Functions {
			jf := extractJSONFunc{Name: f.Name, Sites: []extractJSONSite{}}
			for _, s := range f.Sites {
				jf.Sites = append(jf.Sites, extractJSONSite{File: s.Pos.Filename, Line: s.Pos.Line, Column: s.Pos.Column, Caller: s.Caller, Dynamic: s.Dynamic})
			}
			out.Sites += len(f.Sites)
			jg.Functions = append(jg.Functions, jf)
		}
		out.Functions += len(g.Functions)
		out.Packages = append(out.Packages, jg)
	}
	return out
}

func jsonImports(es []rules.ImportEdge) []extractJSONImport {
	out := []extractJSONImport{}
	for _, e := range es {
		out = append(out, extractJSONImport{From: e.From, To: e.To, File: e.Pos.Filename, Line: e.Pos.Line, Column: e.Pos.Column})
	}
	return out
}

func extractJSON(w io.Writer, r *ExtractReport) error {
	doc := extractJSONDoc{Schema: ExtractSchema, Pattern: r.Pattern, Mains: orEmpty(r.Mains), Complete: r.Problems == 0,
		Problems: r.Problems, NotChecked: orEmpty(r.NotChecked), Candidates: []extractJSONOne{}}
	for _, e := range r.Extractions {
		one := extractJSONOne{Name: e.Name, Rank: e.Rank, Verdict: e.Verdict, Reasons: orEmpty(e.Reasons), Packages: orEmpty(e.Packages),
			Unreached: orEmpty(e.Unreached), NotChecked: orEmpty(e.NotChecked), CallsOut: jsonCalls(e.Out), CallsIn: jsonCalls(e.In), Wiring: jsonCalls(e.Wiring),
			Library: jsonCalls(e.Library), Tx: jsonCalls(e.Transactions), Tables: []extractJSONTable{},
			Imports: extractJSONImports{Out: jsonImports(e.ImportsOut), In: jsonImports(e.ImportsIn)}}
		one.Types = []extractJSONType{}
		for _, t := range e.Types {
			one.Types = append(one.Types, extractJSONType{t.Type, t.Direction, t.Functions})
		}
		for _, t := range e.Tables {
			jt := extractJSONTable{Table: t.Table, Kind: t.Kind, Shared: t.Shared, Access: extractJSONAccess{t.CandidateAccess, t.RestAccess}, Candidate: orEmpty(t.Candidate), Rest: orEmpty(t.Rest), Evidence: []extractJSONSite{}}
			for _, ev := range t.Evidence {
				detail := ev.Detail
				if ev.Access != "" {
					detail += " (" + ev.Access + ")"
				}
				jt.Evidence = append(jt.Evidence, extractJSONSite{File: ev.Pos.Filename, Line: ev.Pos.Line, Column: ev.Pos.Column, Package: ev.Package, Detail: detail})
			}
			one.Tables = append(one.Tables, jt)
		}
		doc.Candidates = append(doc.Candidates, one)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

func extractMarkdown(w io.Writer, r *ExtractReport) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# Extracting `%s`\n\n", r.Pattern)
	fmt.Fprintf(&b, "Calls counted on the paths %s, cheapest candidate first.", mainsPhrase(r.Mains))
	if r.Problems > 0 {
		fmt.Fprintf(&b, " **Incomplete:** %s while loading; %s not checked (%s).", plural(r.Problems, "problem"), plural(len(r.NotChecked), "package"), shortAll(r, r.NotChecked))
	}
	b.WriteString("\n\n")
	b.WriteString("| rank | candidate | verdict | calls back (sites / functions) | calls in (sites / functions) | shared tables | transactions handed over | types crossing | imports to break |\n")
	b.WriteString("|---:|---|---|---:|---:|---:|---:|---:|---:|\n")
	for _, e := range r.Extractions {
		fmt.Fprintf(&b, "| %d | `%s` | %s | %d / %d | %d / %d | %d | %d | %d | %d |\n", e.Rank, e.Name, e.Verdict,
			e.OutSites(), e.OutFuncs(), e.InSites(), e.InFuncs(), e.SharedTables(), siteCount(e.Transactions), len(e.Types), len(e.ImportsOut)+len(e.ImportsIn))
	}
	for _, e := range r.Extractions {
		fmt.Fprintf(&b, "\n## %d. `%s`: %s\n\n", e.Rank, e.Name, e.Verdict)
		for _, reason := range e.Reasons {
			fmt.Fprintf(&b, "- %s\n", reason)
		}
		calls := func(title string, gs []rules.CallGroup) {
			if len(gs) == 0 {
				return
			}
			fmt.Fprintf(&b, "\n%s\n\n| package called | function | sites | first site |\n|---|---|---:|---|\n", title)
			for _, g := range gs {
				for _, f := range g.Functions {
					s := f.Sites[0]
					fmt.Fprintf(&b, "| `%s` | `%s` | %d | `%s:%d` (%s) |\n", r.short(g.Package), f.Name, len(f.Sites), s.Pos.Filename, s.Pos.Line, r.short(s.Caller))
				}
			}
		}
		calls("Calls back into the rest (each a network call):", e.Out)
		calls("Calls from the rest into it (its API):", e.In)
		calls("Calls that hand over a transaction (one transaction on both sides):", e.Transactions)
		if len(e.Types) > 0 {
			b.WriteString("\nTypes crossing the boundary: ")
			var ts []string
			for _, t := range e.Types {
				ts = append(ts, fmt.Sprintf("`%s` (%s)", r.short(t.Type), t.Direction))
			}
			b.WriteString(strings.Join(ts, ", ") + "\n")
		}
		if len(e.Tables) > 0 {
			b.WriteString("\n| table | kind | shared with | access | evidence |\n|---|---|---|---|---|\n")
			for _, t := range e.Tables {
				with := "—"
				if t.Shared {
					with = shortAll(r, t.Rest)
				}
				ev := ownTouch(t)
				fmt.Fprintf(&b, "| `%s` | %s | %s | %s | `%s:%d` |\n", t.Table, t.Kind, with, strings.Trim(accessPhrase(t), "()"), ev.Pos.Filename, ev.Pos.Line)
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
