package rules

import (
	"fmt"

	"github.com/archie-dev/archie/analyze"
)

var contextsFamily = &Family{
	Name:    "contexts",
	Kind:    "context",
	Summary: "a bounded context reaches another only through that context's api packages",
	Doc: `contexts lists bounded contexts. A package of context X may import X's own
packages, the shared kernel, the standard library, third-party packages,
packages in no context, and the api packages of another context Y, when X has
no uses list or lists Y in it. Anything else of another context is its
internals: depending on them couples the two models and lets one team break
the other.`,
	run: checkContexts,
}

func checkContexts(c *checker) {
	cx := c.cfg.Contexts
	if cx == nil || cx.Severity == SeverityOff {
		return
	}
	// Group 0 is the shared kernel; context i is group i+1.
	groups := []group{{name: "shared", what: "shared kernel", patterns: cx.Shared}}
	for _, ctx := range cx.List {
		groups = append(groups, group{name: ctx.Name, what: "context", patterns: ctx.Packages})
	}
	in := c.assign(groups)
	c.imports(func(from *analyze.Package, to string) {
		i := in.of(c, from.Path)
		j := in.of(c, to)
		if i <= 0 || j <= 0 || i == j {
			return
		}
		x, y := cx.List[i-1], cx.List[j-1]
		var msg string
		switch {
		case !y.API.has(c.ref(to)):
			msg = fmt.Sprintf("%s imports %s internals: %s is not in the api of %s", x.Name, y.Name, c.name(to), y.Name)
		case len(x.Uses) > 0 && !usesContext(x, y.Name):
			msg = fmt.Sprintf("%s imports %s but does not list it in uses", x.Name, y.Name)
		default:
			return
		}
		c.report(edge{kind: "context", rule: "contexts", severity: severityOf(cx.Severity), adr: cx.ADR,
			from: from.Path, to: to, message: msg})
	})
}

func usesContext(ctx *Context, name string) bool {
	for _, u := range ctx.Uses {
		if u.Text == name {
			return true
		}
	}
	return false
}
