package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/archie-dev/archie/rules"
)

// GitHub writes the check as GitHub Actions workflow commands, so that each
// violation is annotated on its line in the pull request: errors as
// ::error, warnings as ::warning, baselined violations as ::notice. The
// summary follows as a plain log line.
func GitHub(w io.Writer, c *Check) error {
	var b strings.Builder
	for _, e := range c.LoadErrors {
		props := ""
		if e.Pos.IsValid() {
			props = c.annotationPlace(relPosition(e.Pos, c.Dir))
		}
		writeCommand(&b, "warning", props+"title=archie: load error", e.Msg)
	}
	for _, v := range c.Result.Violations {
		cmd := "error"
		switch {
		case v.Baselined:
			cmd = "notice"
		case v.Severity == rules.SeverityWarning:
			cmd = "warning"
		}
		writeCommand(&b, cmd, c.annotationPlace(v.Position)+"title=archie "+v.Rule, c.sentence(v))
	}
	b.WriteString(summary(c.Result, newStyles(w, false)))
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// annotationPlace is the file, line and col properties of a workflow
// command, each followed by a comma; paths are from the repository root.
func (c *Check) annotationPlace(p rules.Position) string {
	if p.File == "" {
		p = rules.Position{File: c.configFile()}
	}
	s := "file=" + escapeProperty(c.fromRoot(p.File)) + ","
	if p.Line > 0 {
		s += fmt.Sprintf("line=%d,", p.Line)
	}
	if p.Column > 0 {
		s += fmt.Sprintf("col=%d,", p.Column)
	}
	return s
}

func writeCommand(b *strings.Builder, cmd, props, msg string) {
	fmt.Fprintf(b, "::%s %s::%s\n", cmd, strings.TrimSuffix(props, ","), escapeData(msg))
}

// escapeData and escapeProperty encode what workflow commands would
// otherwise read as syntax, as the Actions toolkit does.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
