package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/archie-dev/archie/rules"
)

// GitHub writes the check as GitHub Actions workflow commands, so that each
// violation is annotated on its line in the pull request: errors as
// ::error, warnings as ::warning, baselined violations as ::notice. Each
// problem met while loading the code is a ::warning. The summary follows
// as a plain log line, and says when the check is incomplete.
func GitHub(w io.Writer, c *Check) error {
	var b strings.Builder
	for _, e := range c.LoadErrors {
		var props []property
		if e.Pos.IsValid() {
			props = c.annotationPlace(relPosition(e.Pos, c.Dir))
		}
		msg := e.Msg
		if !e.Pos.IsValid() && e.Package != "" {
			msg = e.Package + ": " + msg
		}
		writeCommand(&b, "warning", append(props, property{"title", "archie: " + e.Label()}), msg)
	}
	for _, v := range c.Result.Violations {
		cmd := "error"
		switch {
		case v.Baselined, v.Severity == rules.SeverityInfo:
			cmd = "notice"
		case v.Severity == rules.SeverityWarning:
			cmd = "warning"
		}
		writeCommand(&b, cmd, append(c.annotationPlace(v.Position), property{"title", "archie " + v.Rule}), c.sentence(v))
	}
	b.WriteString(c.summary(newStyles(w, false)))
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// A property is one key=value of a workflow command, unescaped.
type property struct{ key, value string }

// annotationPlace is the file, line and col properties of a workflow
// command; paths are from the repository root.
func (c *Check) annotationPlace(p rules.Position) []property {
	if p.File == "" {
		p = rules.Position{File: c.configFile()}
	}
	props := []property{{"file", c.fromRoot(p.File)}}
	if p.Line > 0 {
		props = append(props, property{"line", strconv.Itoa(p.Line)})
	}
	if p.Column > 0 {
		props = append(props, property{"col", strconv.Itoa(p.Column)})
	}
	return props
}

// writeCommand writes one workflow command, "::cmd k=v,k=v::msg". It is
// the one place that escapes them: every property value and the message,
// whatever their source, so that nothing user-written (a rule name from
// archie.yaml, a file name, a message quoting code) can end the command or
// start another.
func writeCommand(b *strings.Builder, cmd string, props []property, msg string) {
	b.WriteString("::")
	b.WriteString(cmd)
	for i, p := range props {
		if i == 0 {
			b.WriteString(" ")
		} else {
			b.WriteString(",")
		}
		b.WriteString(p.key)
		b.WriteString("=")
		b.WriteString(escapeProperty(p.value))
	}
	fmt.Fprintf(b, "::%s\n", escapeData(msg))
}

// escapeData and escapeProperty encode what the Actions runner would
// otherwise read as syntax, as the Actions toolkit does: in the message,
// the % that starts an escape and the line ends that end the command; in
// a property also the : and , that end a value.
var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

func escapeData(s string) string     { return dataEscaper.Replace(s) }
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }
