package rules

import (
	"fmt"

	"github.com/archie-dev/archie/analyze"
)

var rulesFamily = &Family{
	Name:    "rules",
	Kind:    "forbid",
	Summary: "free-form import rules: what a group of packages may not import, or may only import",
	Doc: `rules are named import rules. forbid lists what the rule's packages may not
import; allow lists the only packages they may import besides the rule's own
packages (the standard library only if std is listed). Each rule has its own
severity (error, warning or off), a why that is shown with every violation,
and optionally the number of the ADR that decided it.`,
	run: checkRules,
}

func checkRules(c *checker) {
	for _, rule := range c.cfg.Rules {
		if rule.Severity == SeverityOff {
			continue
		}
		c.imports(func(from *analyze.Package, to string) {
			if !rule.Packages.has(c.ref(from.Path)) {
				return
			}
			r := c.ref(to)
			var msg string
			switch {
			case rule.Forbid.has(r):
				msg = fmt.Sprintf("%s imports %s, which %s forbids", c.name(from.Path), c.name(to), rule.Name)
			case rule.Allow != nil && !rule.Allow.has(r) && !rule.Packages.has(r):
				msg = fmt.Sprintf("%s imports %s, which is not in the allow list of %s", c.name(from.Path), c.name(to), rule.Name)
			default:
				return
			}
			c.report(edge{kind: "forbid", rule: rule.Name, severity: severityOf(rule.Severity), adr: rule.ADR, why: rule.Why,
				from: from.Path, to: to, message: msg})
		})
	}
}
