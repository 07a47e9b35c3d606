package rules

// A DeclaredRule is one rule the config asks archie to check: a section or a
// free-form rule. Machine formats describe each once, violated or not.
type DeclaredRule struct {
	Name     string // as violations name it in Rule
	Kind     string // the kind of its violations
	Severity Severity
	ADR      int
	Why      string // a free-form rule's own explanation
}

// Declared lists the rules the config declares, in the order archie checks
// them; rules turned off are left out.
func (c *Config) Declared() []DeclaredRule {
	var out []DeclaredRule
	add := func(name, kind string, sev Severity, adr int, why string) {
		if sev != SeverityOff {
			out = append(out, DeclaredRule{Name: name, Kind: kind, Severity: severityOf(sev), ADR: adr, Why: why})
		}
	}
	if l := c.Layers; l != nil {
		add("layers", "layer", l.Severity, l.ADR, "")
	}
	if h := c.Hexagonal; h != nil {
		add("hexagonal", "hexagonal", h.Severity, h.ADR, "")
	}
	if cx := c.Contexts; cx != nil {
		add("contexts", "context", cx.Severity, cx.ADR, "")
	}
	for _, r := range c.Rules {
		add(r.Name, "forbid", r.Severity, r.ADR, r.Why)
	}
	if cy := c.Cycles; cy != nil {
		add("cycles", "cycle", cy.Severity, cy.ADR, "")
	}
	if m := c.Metrics; m != nil {
		add("metrics", "metric", m.Severity.or(SeverityWarning), m.ADR, "")
	}
	for _, f := range []*Family{sharedDatabaseFamily, syncChainFamily, crossServiceImportFamily, hardcodedEndpointFamily, godServiceFamily, godPackageFamily, dualWriteFamily} {
		if sm := c.Smells.get(f.Name); sm != nil {
			sev := sm.severity(f.Name)
			if sev == SeverityOff && f.Name == "shared-database" {
				sev = sm.databaseSeverity()
				if sev == SeverityOff {
					sev = sm.hostSeverity()
				}
			}
			add(f.Name, f.Kind, sev, sm.ADR, sm.Why)
		}
	}
	if len(c.Exceptions) > 0 {
		add("exceptions", "exception-expired", SeverityError, 0, "")
	}
	return out
}
