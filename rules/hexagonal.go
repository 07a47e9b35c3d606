package rules

import (
	"fmt"
	"strings"

	"github.com/archie-dev/archie/analyze"
)

var hexagonalFamily = &Family{
	Name:    "hexagonal",
	Kind:    "hexagonal",
	Summary: "the core depends only on itself, its ports and the standard library; adapters never on each other",
	Doc: `hexagonal describes ports and adapters. Core packages (domain and application)
may import the core, the ports, the standard library except core_forbid, and
the third-party packages in core_allow; nothing else. Ports may import the
core, ports and the standard library. Each direct child of an adapters root is
one adapter: it may import the core, the ports, the standard library,
third-party code and its own packages, but never another adapter, so that each
adapter can be replaced on its own.`,
	run: checkHexagonal,
}

const (
	roleCore = iota
	rolePort
	roleAdapter
)

func checkHexagonal(c *checker) {
	h := c.cfg.Hexagonal
	if h == nil || h.Severity == SeverityOff {
		return
	}
	roles := c.assign([]group{
		{name: "core", what: "hexagonal", patterns: h.Core},
		{name: "ports", what: "hexagonal", patterns: h.Ports},
		{name: "adapters", what: "hexagonal", patterns: h.Adapters},
	})
	c.imports(func(from *analyze.Package, to string) {
		role := roles.of(c, from.Path)
		if role < 0 {
			return
		}
		target := roles.of(c, to)
		r := c.ref(to)
		var msg string
		switch role {
		case roleCore:
			switch {
			case target == roleCore || target == rolePort:
			case r.std && h.CoreForbid.has(r):
				msg = fmt.Sprintf("core imports %s, which core_forbid keeps out of the core", to)
			case r.std || h.CoreAllow.has(r):
			case target == roleAdapter:
				msg = fmt.Sprintf("core imports adapter %s (the core must reach adapters through ports)", c.adapter(to))
			case r.local:
				msg = fmt.Sprintf("core imports %s, which is neither core nor a port", c.name(to))
			default:
				msg = fmt.Sprintf("core imports third-party %s (add it to core_allow if the core may use it)", to)
			}
		case rolePort:
			switch {
			case target == roleCore || target == rolePort || r.std:
			case target == roleAdapter:
				msg = fmt.Sprintf("port imports adapter %s (ports are owned by the core)", c.adapter(to))
			default:
				msg = fmt.Sprintf("port imports %s (ports may import only the core, ports and the standard library)", c.name(to))
			}
		case roleAdapter:
			if target == roleAdapter {
				a, aok := c.adapterOf(from.Path)
				b, bok := c.adapterOf(to)
				if aok && bok && a != b {
					msg = fmt.Sprintf("adapter %s imports adapter %s (adapters must not depend on each other)", a, b)
				}
			}
		}
		if msg != "" {
			c.report(edge{kind: "hexagonal", rule: "hexagonal", severity: severityOf(h.Severity), adr: h.ADR,
				from: from.Path, to: to, message: msg})
		}
	})
}

// adapter names the adapter a package belongs to, for messages.
func (c *checker) adapter(p string) string {
	if name, ok := c.adapterOf(p); ok {
		return name
	}
	return c.name(p)
}

// adapterOf names the adapter a package belongs to: the direct child of the
// adapters root that holds it (internal/adapters/postgres for
// internal/adapters/postgres/repo). The root package itself
// (internal/adapters) belongs to no single adapter: it is code the
// adapters under it share, so ok is false for it.
func (c *checker) adapterOf(p string) (name string, ok bool) {
	r := c.ref(p)
	pat, ok := c.cfg.Hexagonal.Adapters.matchAny(r)
	if !ok {
		return "", false
	}
	elems := strings.Split(r.path, "/")
	if pat.rel {
		elems = splitPath(r.rel)
	}
	n := len(pat.elems)
	if n > 0 && pat.elems[n-1] == "..." {
		if len(elems) < n {
			return "", false // the adapters root itself
		}
		elems = elems[:n]
	}
	return strings.Join(elems, "/"), true
}

// has reports whether any of the patterns matches r.
func (ps Patterns) has(r pkgRef) bool {
	_, ok := ps.matchAny(r)
	return ok
}
