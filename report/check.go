package report

import (
	"fmt"
	"io"
	"path"
	"path/filepath"
	"sort"

	"github.com/archie-dev/archie/analyze"
	"github.com/archie-dev/archie/rules"
)

// A Check is one run of archie check, with what renderers need to explain
// it to people and to machines.
type Check struct {
	Result     *rules.Result
	LoadErrors []analyze.Error
	// Dir is the absolute config directory; positions are relative to it.
	Dir string
	// Prefix is Dir relative to the repository root, slash-separated ("" at
	// the root). Code-scanning and annotations want paths from the root.
	Prefix string
	// ConfigFile is the config's path relative to Dir, for violations that
	// have no place in the code.
	ConfigFile string
	// Rules are the rules the config declares, described even when no
	// violation names them.
	Rules []rules.DeclaredRule
	// Decisions are the project's decision records by number.
	Decisions map[int]Decision
	// Baseline names the baseline file the result was judged with,
	// relative to Dir ("" when none), for its fixed entries.
	Baseline string
}

// A Decision is a decision record as reports cite it.
type Decision struct {
	Number int
	Title  string
	Status string
	File   string   // relative to the config directory, slash-separated
	Rules  []string // the config's rules that cite it
}

// CheckFormats are the formats WriteCheck knows.
var CheckFormats = []string{"text", "json", "sarif", "github", "junit"}

// WriteCheck renders c in the named format; color applies to text only.
func WriteCheck(w io.Writer, format string, c *Check, color bool) error {
	switch format {
	case "text":
		return Text(w, c, TextOptions{Color: color})
	case "json":
		return JSON(w, c)
	case "sarif":
		return SARIF(w, c)
	case "github":
		return GitHub(w, c)
	case "junit":
		return JUnit(w, c)
	}
	return fmt.Errorf("unknown format %q", format)
}

// fromRoot turns a position's file into a path from the repository root.
func (c *Check) fromRoot(file string) string {
	if c.Prefix == "" || file == "" || path.IsAbs(file) || filepath.IsAbs(file) {
		return file // absolute: a file outside the config directory
	}
	return path.Join(c.Prefix, file)
}

// decision returns the decision a violation or rule cites, as "ADR-0002
// Title", or "" when it cites none.
func (c *Check) decision(n int) string {
	if n == 0 {
		return ""
	}
	s := fmt.Sprintf("ADR-%04d", n)
	if d, ok := c.Decisions[n]; ok && d.Title != "" {
		s += " " + d.Title
	}
	return s
}

// ruleList is every rule the check speaks of: those declared, then any a
// violation names that the config does not declare, sorted by name.
func (c *Check) ruleList() []rules.DeclaredRule {
	out := append([]rules.DeclaredRule(nil), c.Rules...)
	seen := make(map[string]bool)
	for _, r := range out {
		seen[r.Name] = true
	}
	var extra []rules.DeclaredRule
	for _, v := range c.Result.Violations {
		if !seen[v.Rule] {
			seen[v.Rule] = true
			extra = append(extra, rules.DeclaredRule{Name: v.Rule, Kind: v.Kind, Severity: v.Severity, ADR: v.ADR, Why: v.Why})
		}
	}
	sort.Slice(extra, func(i, j int) bool { return extra[i].Name < extra[j].Name })
	return append(out, extra...)
}

// about is a rule's one-line description: a free-form rule's own why, else
// its family's summary; "" when it has neither.
func about(r rules.DeclaredRule) string {
	if r.Why != "" && r.Kind == "forbid" {
		return r.Why
	}
	if f := rules.LookupFamily(r.Kind); f != nil {
		return f.Summary
	}
	return ""
}

// Complete reports whether archie saw all the code it was asked to check:
// with load errors, what the unloaded code imports was not checked, so no
// violation found does not mean none exists.
func (c *Check) Complete() bool { return len(c.LoadErrors) == 0 }

// incompleteReason says why the check is incomplete, in one phrase.
func (c *Check) incompleteReason() string {
	return "the check is incomplete: " + analyze.Problems(c.LoadErrors)
}

// loadErrorLine is a load error as one line: where, then what (and
// what kind of problem, for one not met while loading).
func (c *Check) loadErrorLine(e analyze.Error) string {
	where := e.Package
	if e.Pos.IsValid() {
		p := relPosition(e.Pos, c.Dir)
		p.File = c.fromRoot(p.File)
		where = p.String()
	}
	msg := e.Msg
	if e.NotChecked {
		msg = e.Label() + ": " + msg
	}
	if where == "" {
		return msg
	}
	return where + ": " + msg
}
