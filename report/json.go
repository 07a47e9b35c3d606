package report

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/archie-dev/archie/rules"
)

// CheckSchema names the version of the JSON that JSON writes.
const CheckSchema = "archie.check/v1"

type jsonCheck struct {
	Schema     string          `json:"schema"`
	Summary    jsonSummary     `json:"summary"`
	Violations []jsonViolation `json:"violations"`
	LoadErrors []jsonLoadError `json:"load_errors"`
	// Fixed are the baseline's entries that no longer occur.
	Fixed []jsonFixed `json:"fixed"`
}

// jsonFixed is a baseline entry that no longer occurs, with its line in
// the baseline file.
type jsonFixed struct {
	rules.BaselineEntry
	Line int `json:"line,omitempty"`
}

type jsonSummary struct {
	Packages   int `json:"packages"`
	Violations int `json:"violations"`
	Errors     int `json:"errors"`
	Warnings   int `json:"warnings"`
	Infos      int `json:"infos"` // info violations: reported, never failing, not warnings
	Baselined  int `json:"baselined"`
	Fixed      int `json:"fixed"` // baselined violations that no longer occur
	// Complete is false when code could not be loaded (see load_errors):
	// then no violation found does not mean none exists.
	Complete bool `json:"complete"`
}

type jsonViolation struct {
	Kind      string       `json:"kind"`
	Rule      string       `json:"rule"`
	Severity  string       `json:"severity"`
	From      string       `json:"from"`
	To        string       `json:"to"`
	Position  jsonPosition `json:"position"`
	Message   string       `json:"message"`
	Why       string       `json:"why,omitempty"`
	ADR       *string      `json:"adr"`
	Baselined bool         `json:"baselined"`
	Cycle     *jsonCycle   `json:"cycle,omitempty"`
	Evidence  []jsonFact   `json:"evidence,omitempty"`
	Resource  string       `json:"resource,omitempty"`
	Path      []string     `json:"path,omitempty"`
	// Chain is the import paths from from to to of a transitive rule's
	// violation.
	Chain []string `json:"chain,omitempty"`
}

// jsonFact is one piece of evidence of a service smell.
type jsonFact struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
	Detail string `json:"detail"`
}

type jsonPosition struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
}

type jsonCycle struct {
	Folders []string         `json:"folders"`
	Edges   []jsonFolderEdge `json:"edges"`
	Cut     []jsonFolderEdge `json:"cut"`
}

type jsonFolderEdge struct {
	From    string       `json:"from"`
	To      string       `json:"to"`
	Imports []jsonImport `json:"imports"`
}

type jsonImport struct {
	From     string       `json:"from"`
	To       string       `json:"to"`
	Position jsonPosition `json:"position"`
}

type jsonLoadError struct {
	Package  string        `json:"package,omitempty"`
	Position *jsonPosition `json:"position,omitempty"`
	Message  string        `json:"message"`
	// NotChecked marks a problem met after the code loaded (see
	// analyze.Error).
	NotChecked bool `json:"not_checked,omitempty"`
}

// JSON writes the check as one JSON object, in the archie.check/v1 schema
// of CONTRACT.md, followed by a newline, with the problems met while
// loading the code; summary.complete, an addition to the schema, is false
// when there are any.
func JSON(w io.Writer, c *Check) error {
	res, loadErrors := c.Result, c.LoadErrors
	errs, warns, baselined := res.Count()
	sum := jsonSummary{Packages: res.Packages, Violations: len(res.Violations), Errors: errs, Warnings: warns, Infos: res.Infos(), Baselined: baselined,
		Fixed: fixedCount(res.Fixed), Complete: c.Complete()}
	out := jsonCheck{
		Schema:     CheckSchema,
		Summary:    sum,
		Violations: make([]jsonViolation, 0, len(res.Violations)),
		LoadErrors: make([]jsonLoadError, 0, len(loadErrors)),
		Fixed:      make([]jsonFixed, 0, len(res.Fixed)),
	}
	for _, e := range res.Fixed {
		out.Fixed = append(out.Fixed, jsonFixed{BaselineEntry: e, Line: e.Line})
	}
	for _, v := range res.Violations {
		out.Violations = append(out.Violations, jsonViolationOf(v))
	}
	for _, e := range loadErrors {
		je := jsonLoadError{Package: e.Package, Message: e.Msg, NotChecked: e.NotChecked}
		if e.Pos.IsValid() {
			p := jsonPos(relPosition(e.Pos, c.Dir))
			je.Position = &p
		}
		out.LoadErrors = append(out.LoadErrors, je)
	}
	return writeJSON(w, out)
}

func jsonViolationOf(v rules.Violation) jsonViolation {
	jv := jsonViolation{
		Kind: v.Kind, Rule: v.Rule, Severity: string(v.Severity), From: v.From, To: v.To,
		Position: jsonPos(v.Position), Message: v.Message, Why: v.Why, ADR: adrNumber(v.ADR), Baselined: v.Baselined,
	}
	if c := v.Cycle; c != nil {
		jv.Cycle = &jsonCycle{Folders: c.Folders, Edges: jsonEdges(c.Edges), Cut: jsonEdges(c.Cut)}
	}
	for _, e := range v.Evidence {
		jv.Evidence = append(jv.Evidence, jsonFact{File: e.Position.File, Line: e.Position.Line, Column: e.Position.Column, Detail: e.Detail})
	}
	jv.Resource, jv.Path, jv.Chain = v.Resource, v.Path, v.Chain
	return jv
}

// writeJSON writes v indented, without HTML escapes, and a newline.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func jsonPos(p rules.Position) jsonPosition {
	return jsonPosition{File: p.File, Line: p.Line, Column: p.Column}
}

func jsonEdges(edges []rules.FolderEdge) []jsonFolderEdge {
	out := make([]jsonFolderEdge, 0, len(edges))
	for _, e := range edges {
		je := jsonFolderEdge{From: e.From, To: e.To, Imports: make([]jsonImport, 0, len(e.Imports))}
		for _, imp := range e.Imports {
			je.Imports = append(je.Imports, jsonImport{From: imp.From, To: imp.To, Position: jsonPos(imp.Position)})
		}
		out = append(out, je)
	}
	return out
}

// adrNumber formats an ADR number as the contract wants it: "0002", or
// null when the rule cites none.
func adrNumber(n int) *string {
	if n == 0 {
		return nil
	}
	s := fmt.Sprintf("%04d", n)
	return &s
}
