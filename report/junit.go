package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/archie-dev/archie/rules"
)

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name      string      `xml:"name,attr"`
	Tests     int         `xml:"tests,attr"`
	Failures  int         `xml:"failures,attr"`
	Errors    int         `xml:"errors,attr"`
	Skipped   int         `xml:"skipped,attr"`
	Cases     []junitCase `xml:"testcase"`
	SystemErr *junitText  `xml:"system-err"`
}

type junitCase struct {
	Name      string         `xml:"name,attr"`
	Classname string         `xml:"classname,attr"`
	Failures  []junitFailure `xml:"failure"`
	SystemOut *junitText     `xml:"system-out"`
}

type junitFailure struct {
	Type    string `xml:"type,attr"`
	Message string `xml:"message,attr"`
	Text    string `xml:",cdata"`
}

// junitText is element text kept as written, newlines included.
type junitText struct {
	Text string `xml:",cdata"`
}

func junitTextOf(s string) *junitText {
	if s == "" {
		return nil
	}
	return &junitText{s}
}

// JUnit writes the check as JUnit XML for CI systems that show test
// reports: one test case per rule, failing with one failure per violation
// of severity error. Warnings and baselined violations do not fail a case;
// they are listed in its system-out.
func JUnit(w io.Writer, c *Check) error {
	suite := junitSuite{Name: "archie check"}
	byRule := make(map[string][]rules.Violation)
	for _, v := range c.Result.Violations {
		byRule[v.Rule] = append(byRule[v.Rule], v)
	}
	for _, r := range c.ruleList() {
		tc := junitCase{Name: r.Name, Classname: "archie." + r.Kind}
		var out strings.Builder
		for _, v := range byRule[r.Name] {
			p := v.Position
			p.File = c.fromRoot(p.File)
			line := fmt.Sprintf("%s: %s", p, c.sentence(v))
			if v.Severity == rules.SeverityError && !v.Baselined {
				tc.Failures = append(tc.Failures, junitFailure{Type: v.Kind, Message: v.Message, Text: line})
				continue
			}
			tag := "warning"
			if v.Baselined {
				tag = "baselined"
			}
			fmt.Fprintf(&out, "%s: %s\n", tag, line)
		}
		tc.SystemOut = junitTextOf(out.String())
		if len(tc.Failures) > 0 {
			suite.Failures++
		}
		suite.Cases = append(suite.Cases, tc)
	}
	var errs strings.Builder
	for _, e := range c.LoadErrors {
		where := e.Package
		if e.Pos.IsValid() {
			where = relPosition(e.Pos, c.Dir).String()
		}
		fmt.Fprintf(&errs, "%s: load error: %s\n", where, e.Msg)
	}
	suite.SystemErr = junitTextOf(errs.String())
	suite.Tests = len(suite.Cases)
	doc := junitSuites{Name: "archie", Tests: suite.Tests, Failures: suite.Failures, Suites: []junitSuite{suite}}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
