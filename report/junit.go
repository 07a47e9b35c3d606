package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/archie-dev/archie/rules"
)

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     xmlString    `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     xmlString   `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Cases    []junitCase `xml:"testcase"`
}

// A junitCase holds at most one failure, error or skip: CI servers (Jenkins,
// Azure Pipelines) show only the first.
type junitCase struct {
	Name      xmlString     `xml:"name,attr"`
	Classname xmlString     `xml:"classname,attr"`
	Error     *junitProblem `xml:"error"`
	Failure   *junitProblem `xml:"failure"`
	Skipped   *junitSkipped `xml:"skipped"`
	SystemOut *junitText    `xml:"system-out"`
}

type junitProblem struct {
	Type    xmlString `xml:"type,attr"`
	Message xmlString `xml:"message,attr"`
	Text    xmlString `xml:",cdata"`
}

type junitSkipped struct {
	Message xmlString `xml:"message,attr"`
}

// junitText is element text kept as written, newlines included.
type junitText struct {
	Text xmlString `xml:",cdata"`
}

func junitTextOf(s string) *junitText {
	if s == "" {
		return nil
	}
	return &junitText{xmlString(s)}
}

// An xmlString is text bound for an XML document. Every string of the JUnit
// document has this type, so that each passes through xmlSafe on its way
// out, attribute or text alike: encoding/xml escapes markup but writes
// CDATA as it is, control characters and invalid UTF-8 included, which
// makes the document unreadable.
type xmlString string

func (s xmlString) MarshalText() ([]byte, error) { return []byte(xmlSafe(string(s))), nil }

// xmlSafe replaces what XML 1.0 cannot carry (control characters other
// than tab, newline and carriage return; surrogates; U+FFFE and U+FFFF;
// bytes that are not UTF-8) with U+FFFD, the replacement character.
func xmlSafe(s string) string {
	// strings.Map reads each byte that is not UTF-8 as utf8.RuneError and
	// writes it out as U+FFFD; it returns s itself when nothing changes.
	return strings.Map(func(r rune) rune {
		if xmlLegal(r) {
			return r
		}
		return utf8.RuneError
	}, s)
}

// xmlLegal reports whether XML 1.0 allows r: #x9 | #xA | #xD | [#x20-#xD7FF]
// | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
func xmlLegal(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

// JUnit writes the check as JUnit XML for CI systems that show test
// reports. Each violation is a test case of its own, named by its rule,
// place and dependency so that it keeps its name between runs: an error
// fails its case, a warning passes with the violation in its output, a
// baselined violation is skipped. A declared rule with no violation is one
// passing case, so every rule shows. Problems met while loading the code
// make an errored case, "archie: load", first: a check that could not see
// all the code is not a pass.
func JUnit(w io.Writer, c *Check) error {
	suite := junitSuite{Name: "archie check"}
	if len(c.LoadErrors) > 0 {
		suite.Cases = append(suite.Cases, c.junitLoadCase())
		suite.Errors++
	}
	byRule := make(map[string][]rules.Violation)
	for _, v := range c.Result.Violations {
		byRule[v.Rule] = append(byRule[v.Rule], v)
	}
	for _, r := range c.ruleList() {
		vs := byRule[r.Name]
		if len(vs) == 0 {
			suite.Cases = append(suite.Cases, junitCase{Name: xmlString(r.Name), Classname: xmlString("archie." + r.Kind)})
			continue
		}
		for _, v := range vs {
			tc := c.junitViolationCase(v)
			if tc.Failure != nil {
				suite.Failures++
			}
			if tc.Skipped != nil {
				suite.Skipped++
			}
			suite.Cases = append(suite.Cases, tc)
		}
	}
	suite.Tests = len(suite.Cases)
	doc := junitSuites{Name: "archie", Tests: suite.Tests, Failures: suite.Failures, Errors: suite.Errors, Suites: []junitSuite{suite}}
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

// junitViolationCase is one violation as a test case named "rule:
// file:line from → to".
func (c *Check) junitViolationCase(v rules.Violation) junitCase {
	p := v.Position
	if p.File == "" {
		p = rules.Position{File: c.configFile()}
	}
	p.File = c.fromRoot(p.File)
	name := v.Rule + ": " + rules.Position{File: p.File, Line: p.Line}.String()
	if v.From != "" || v.To != "" {
		name += " " + v.From + " → " + v.To
	}
	var text strings.Builder
	fmt.Fprintf(&text, "%s: %s", p, c.sentence(v))
	for _, e := range v.Evidence {
		ep := e.Position
		ep.File = c.fromRoot(ep.File)
		fmt.Fprintf(&text, "\n  %s %s", ep, e.Detail)
	}
	tc := junitCase{Name: xmlString(name), Classname: xmlString("archie." + v.Kind)}
	switch {
	case v.Baselined:
		tc.Skipped = &junitSkipped{Message: "in the baseline"}
		tc.SystemOut = junitTextOf("baselined: " + text.String() + "\n")
	case v.Severity == rules.SeverityError:
		tc.Failure = &junitProblem{Type: xmlString(v.Kind), Message: xmlString(v.Message), Text: xmlString(text.String())}
	default:
		tc.SystemOut = junitTextOf(string(v.Severity) + ": " + text.String() + "\n")
	}
	return tc
}

// junitLoadCase is the errored test case that lists every problem met
// while loading the code, in one error element.
func (c *Check) junitLoadCase() junitCase {
	var text strings.Builder
	for _, e := range c.LoadErrors {
		fmt.Fprintf(&text, "%s\n", c.loadErrorLine(e))
	}
	return junitCase{Name: "archie: load", Classname: "archie", Error: &junitProblem{
		Type:    "load",
		Message: xmlString(c.incompleteReason()),
		Text:    xmlString(text.String()),
	}}
}
