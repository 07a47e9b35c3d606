package rules

import (
	"fmt"

	"github.com/archie-dev/archie/analyze"
)

var layersFamily = &Family{
	Name:    "layers",
	Kind:    "layer",
	Summary: "a package may import its own layer and the layers below it, never a layer above",
	Doc: `layers lists groups of packages from top to bottom. A package in a layer may
import packages of its own layer and of any layer below it; with strict: true,
only its own layer and the one directly below. Packages in no layer (the
standard library, third-party code, unassigned packages) are not constrained.
An import of a layer above turns the dependency the wrong way: the lower layer
can no longer be understood, tested or reused without the one above it.`,
	run: checkLayers,
}

func checkLayers(c *checker) {
	l := c.cfg.Layers
	if l == nil || l.Severity == SeverityOff {
		return
	}
	groups := make([]group, len(l.Order))
	for i, layer := range l.Order {
		groups[i] = group{name: layer.Name, what: "layer", patterns: layer.Packages}
	}
	in := c.assign(groups)
	c.imports(func(from *analyze.Package, to string) {
		i := in.of(c, from.Path)
		if i < 0 {
			return
		}
		j := in.of(c, to)
		if j < 0 {
			return
		}
		var msg string
		switch {
		case j < i:
			msg = fmt.Sprintf("%s imports %s (a layer above it)", l.Order[i].Name, l.Order[j].Name)
		case l.Strict && j > i+1:
			msg = fmt.Sprintf("%s imports %s, skipping %s (strict layers may import only the layer directly below)", l.Order[i].Name, l.Order[j].Name, l.Order[i+1].Name)
		default:
			return
		}
		c.report(edge{kind: "layer", rule: "layers", severity: severityOf(l.Severity), adr: l.ADR,
			from: from.Path, to: to, message: msg})
	})
}
