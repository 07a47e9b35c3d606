package report

import (
	"fmt"
	"go/token"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/archie-dev/archie/analyze"
	"github.com/archie-dev/archie/rules"
)

// TextOptions tune Text.
type TextOptions struct {
	Color bool // colour with ANSI escapes; the caller decides (terminal, NO_COLOR)
}

// Text writes the result for people: violations grouped by rule, one line
// each with its position, severity, message, rule and decision record,
// then what the baseline accepts that no longer occurs, then a summary
// line. A violation names its decision record with the record's title:
// "ADR-0002 Layer the shop". Baselined violations are only counted: a
// legacy codebase's hundreds of accepted ones would bury the new.
func Text(w io.Writer, c *Check, opts TextOptions) error {
	res := c.Result
	st := newStyles(w, opts.Color)
	var b strings.Builder
	var shown []rules.Violation
	for _, v := range res.Violations {
		if !v.Baselined {
			shown = append(shown, v)
		}
	}
	for _, grp := range groupByRule(shown) {
		first := grp[0]
		b.WriteString(st.header.Render(clean(first.Rule)))
		if about := ruleAbout(first); about != "" {
			b.WriteString(st.dim.Render(" — " + clean(about)))
		}
		b.WriteString("\n")
		for _, v := range grp {
			sev := st.err.Render("error")
			switch v.Severity {
			case rules.SeverityWarning:
				sev = st.warn.Render("warning")
			case rules.SeverityInfo:
				sev = st.dim.Render("info")
			}
			tags := clean(v.Rule)
			if d := c.decision(v.ADR); d != "" {
				tags += ", " + d
			}
			fmt.Fprintf(&b, "  %s: %s: %s %s\n", st.file.Render(clean(v.Position.String())), sev, clean(v.Message), st.rule.Render("["+tags+"]"))
			if v.Why != "" && v.Kind != "forbid" {
				fmt.Fprintf(&b, "      %s\n", st.dim.Render("why: "+clean(v.Why)))
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
					fmt.Fprintf(&b, "      %s %s\n", st.file.Render(clean(e.Position.String())), st.dim.Render(clean(e.Detail)))
				}
			}
		}
		b.WriteString("\n")
	}
	if len(res.Fixed) > 0 {
		b.WriteString(st.header.Render("fixed") + st.dim.Render(" — the baseline accepts these and they no longer occur; archie check --update-baseline drops them") + "\n")
		for _, e := range res.Fixed {
			where := c.Baseline
			if e.Line > 0 {
				where = fmt.Sprintf("%s:%d", where, e.Line)
			}
			fmt.Fprintf(&b, "  %s: %s %s\n", st.file.Render(clean(where)), clean(e.String()), st.dim.Render(fmt.Sprintf("(%s fixed)", plural(e.Count, "violation"))))
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
	fixed := ""
	if n := len(res.Fixed); n > 0 {
		fixed = fmt.Sprintf(", %d fixed", fixedCount(res.Fixed))
	}
	infos := ""
	if n := res.Infos(); n > 0 {
		infos = ", " + plural(n, "info")
	}
	if errs+warns+baselined == 0 && infos != "" {
		// Infos are reported, not violations: nothing to fix.
		line := "no violations" + infos + " in " + pkgs
		if fixed != "" {
			line = fmt.Sprintf("no violations (%s)%s in %s", strings.TrimPrefix(fixed, ", "), infos, pkgs)
		}
		if incomplete != "" {
			return st.warn.Render("!") + " " + line + ", but " + incomplete
		}
		return st.ok.Render("✓") + " " + line
	}
	if errs+warns+baselined == 0 {
		if incomplete != "" {
			return st.warn.Render("!") + " no violations found in " + pkgs + ", but " + incomplete
		}
		if len(c.Rules) == 0 && len(res.Fixed) == 0 {
			// An empty config passes, but nothing was judged: no check mark.
			return st.warn.Render("!") + " nothing checked in " + pkgs + ": the config declares no rules"
		}
		if fixed != "" {
			return st.ok.Render("✓ no violations") + " (" + strings.TrimPrefix(fixed, ", ") + ") in " + pkgs
		}
		return st.ok.Render("✓ no violations") + " in " + pkgs
	}
	if errs+warns == 0 {
		line := fmt.Sprintf("no new violations (%d baselined%s)%s in %s", baselined, fixed, infos, pkgs)
		if incomplete != "" {
			return st.warn.Render("!") + " " + line + ", but " + incomplete
		}
		return st.ok.Render("✓") + " " + line
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
	if fixed != "" {
		parts = append(parts, strings.TrimPrefix(fixed, ", "))
	}
	mark := st.err.Render("✗")
	if errs == 0 {
		mark = st.warn.Render("!")
	}
	line := fmt.Sprintf("%s %s (%s)%s in %s", mark, plural(errs+warns, "violation"), strings.Join(parts, ", "), infos, pkgs)
	if incomplete != "" {
		line += "; " + incomplete
	}
	return line
}

// LoadErrors writes the problems met while loading code, one per line with
// its position relative to dir. A message met in several places (one
// module the go command could not download, imported by a hundred files)
// is written once, at its first place, with how many more there are.
func LoadErrors(w io.Writer, errs []analyze.Error, dir string, opts TextOptions) error {
	st := newStyles(w, opts.Color)
	var b strings.Builder
	seen := make(map[string]int, len(errs))
	for _, e := range errs {
		seen[e.Msg]++
	}
	for _, e := range errs {
		n, first := seen[e.Msg]
		if n == 0 || !first {
			continue
		}
		seen[e.Msg] = 0 // written
		where := e.Package
		if e.Pos.IsValid() {
			where = relPosition(e.Pos, dir).String()
		}
		if where == "" {
			where = "archie"
		}
		more := ""
		switch {
		case n == 2:
			more = " (and 1 more place)"
		case n > 2:
			more = fmt.Sprintf(" (and %d more places)", n-1)
		}
		fmt.Fprintf(&b, "%s: %s %s%s\n", st.file.Render(clean(where)), st.err.Render(e.Label()+":"), cleanLines(e.Msg), more)
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

// fixedCount is how many violations the baseline accepted that are gone.
func fixedCount(es []rules.BaselineEntry) int {
	n := 0
	for _, e := range es {
		n += e.Count
	}
	return n
}

// clean makes text from archie.yaml or from the analysed code safe to
// print on a terminal: control characters (an escape sequence in a rule
// name would restyle or rewrite the screen; a newline would forge a line
// of output) and invalid UTF-8 are shown escaped, as Go quotes them.
func clean(s string) string {
	if !needsCleaning(s, false) {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case unicode.IsControl(r):
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// cleanLines is clean for messages that are several lines by design, such
// as the go command's: newlines and tabs stay.
func cleanLines(s string) string {
	if !needsCleaning(s, true) {
		return s
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		parts := strings.Split(l, "\t")
		for j, p := range parts {
			parts[j] = clean(p)
		}
		lines[i] = strings.Join(parts, "\t")
	}
	return strings.Join(lines, "\n")
}

func needsCleaning(s string, lines bool) bool {
	for _, r := range s {
		if r == utf8.RuneError || unicode.IsControl(r) && !(lines && (r == '\n' || r == '\t')) {
			return true
		}
	}
	return false
}
