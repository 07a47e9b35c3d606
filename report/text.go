package report

import (
	"fmt"
	"go/token"
	"io"
	"path/filepath"
	"strings"

	"github.com/archie-dev/archie/analyze"
	"github.com/archie-dev/archie/rules"
)

// TextOptions tune Text.
type TextOptions struct {
	Color bool // colour with ANSI escapes; the caller decides (terminal, NO_COLOR)
}

// Text writes the result for people: violations grouped by rule, one line
// each with its position, severity, message, rule and decision record,
// then a summary line. A violation names its decision record with the
// record's title: "ADR-0002 Layer the shop".
func Text(w io.Writer, c *Check, opts TextOptions) error {
	res := c.Result
	st := newStyles(w, opts.Color)
	var b strings.Builder
	for _, grp := range groupByRule(res.Violations) {
		first := grp[0]
		b.WriteString(st.header.Render(first.Rule))
		if about := ruleAbout(first); about != "" {
			b.WriteString(st.dim.Render(" — " + about))
		}
		b.WriteString("\n")
		for _, v := range grp {
			sev := st.err.Render("error")
			if v.Severity == rules.SeverityWarning {
				sev = st.warn.Render("warning")
			}
			tags := v.Rule
			if d := c.decision(v.ADR); d != "" {
				tags += ", " + d
			}
			if v.Baselined {
				tags += ", baselined"
			}
			fmt.Fprintf(&b, "  %s: %s: %s %s\n", st.file.Render(v.Position.String()), sev, v.Message, st.rule.Render("["+tags+"]"))
			if v.Why != "" && v.Kind != "forbid" {
				fmt.Fprintf(&b, "      %s\n", st.dim.Render("why: "+v.Why))
			}
			if c := v.Cycle; c != nil {
				cut := make(map[[2]string]bool)
				for _, e := range c.Cut {
					cut[[2]string{e.From, e.To}] = true
				}
				for _, e := range c.Edges {
					mark := ""
					if cut[[2]string{e.From, e.To}] {
						mark = st.warn.Render("  ← cut")
					}
					fmt.Fprintf(&b, "      %s → %s%s\n", e.From, e.To, mark)
					for _, imp := range e.Imports {
						fmt.Fprintf(&b, "        %s %s\n", st.file.Render(imp.Position.String()), st.dim.Render(imp.To))
					}
				}
			}
			// A smell shows every fact it rests on, beyond the first.
			if len(v.Evidence) > 1 {
				for _, e := range v.Evidence {
					fmt.Fprintf(&b, "      %s %s\n", st.file.Render(e.Position.String()), st.dim.Render(e.Detail))
				}
			}
		}
		b.WriteString("\n")
	}
	b.WriteString(c.summary(st))
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// ruleAbout is the one sentence shown beside a violated rule's name.
func ruleAbout(v rules.Violation) string {
	return about(rules.DeclaredRule{Name: v.Rule, Kind: v.Kind, Why: v.Why})
}

func groupByRule(vs []rules.Violation) [][]rules.Violation {
	index := make(map[string]int)
	var groups [][]rules.Violation
	for _, v := range vs {
		key := v.Kind + "\x00" + v.Rule
		i, ok := index[key]
		if !ok {
			i = len(groups)
			index[key] = i
			groups = append(groups, nil)
		}
		groups[i] = append(groups[i], v)
	}
	return groups
}

// summary is the check's last line: how many violations of each kind, and
// whether the check saw all the code. An incomplete check never shows the
// check mark: what it could not load may hold violations.
func (c *Check) summary(st styles) string {
	res := c.Result
	errs, warns, baselined := res.Count()
	pkgs := plural(res.Packages, "package")
	incomplete := ""
	if !c.Complete() {
		incomplete = c.incompleteReason() + " (see above)"
	}
	if errs+warns+baselined == 0 {
		if incomplete != "" {
			return st.warn.Render("!") + " no violations found in " + pkgs + ", but " + incomplete
		}
		return st.ok.Render("✓ no violations") + " in " + pkgs
	}
	var parts []string
	if errs > 0 {
		parts = append(parts, plural(errs, "error"))
	}
	if warns > 0 {
		parts = append(parts, plural(warns, "warning"))
	}
	if baselined > 0 {
		parts = append(parts, fmt.Sprintf("%d baselined", baselined))
	}
	mark := st.err.Render("✗")
	if errs == 0 {
		mark = st.warn.Render("!")
	}
	line := fmt.Sprintf("%s %s (%s) in %s", mark, plural(len(res.Violations), "violation"), strings.Join(parts, ", "), pkgs)
	if incomplete != "" {
		line += "; " + incomplete
	}
	return line
}

// LoadErrors writes the problems met while loading code, one per line with
// its position relative to dir.
func LoadErrors(w io.Writer, errs []analyze.Error, dir string, opts TextOptions) error {
	st := newStyles(w, opts.Color)
	var b strings.Builder
	for _, e := range errs {
		where := e.Package
		if e.Pos.IsValid() {
			where = relPosition(e.Pos, dir).String()
		}
		if where == "" {
			where = "archie"
		}
		fmt.Fprintf(&b, "%s: %s %s\n", st.file.Render(where), st.err.Render("load error:"), e.Msg)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// relPosition shows a load error's position relative to dir when the file
// is below it.
func relPosition(p token.Position, dir string) rules.Position {
	file := p.Filename
	if rel, err := filepath.Rel(dir, file); err == nil && !strings.HasPrefix(rel, "..") {
		file = filepath.ToSlash(rel)
	}
	return rules.Position{File: file, Line: p.Line, Column: p.Column}
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
