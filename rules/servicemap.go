package rules

import (
	"errors"
	"slices"
	"sort"
	"strings"

	"github.com/archie-dev/archie/analyze/services"
)

// EdgeKinds are the kinds of service-level edges, in the order edges
// between the same two services are listed; "" is an import edge of the
// other levels.
var EdgeKinds = []string{"", "sync", "async", "data", "import"}

// serviceDiagram is BuildDiagram at the service level.
func (c *checker) serviceDiagram(res *Result, opts DiagramOptions) (*Diagram, error) {
	switch {
	case opts.System == nil:
		return nil, errors.New("--level service draws the services' facts, and none were loaded")
	case opts.Depth > 0:
		return nil, errors.New("--depth groups packages by folder at --level package, not service")
	case opts.Std || opts.External || opts.Unused:
		return nil, errors.New("--std, --external and --unused draw packages and imports; --level service draws services, with those that have no Go code here always shown")
	}
	d := ServiceDiagram(opts.System, res, c.cfg.Dir)
	if opts.Focus != "" {
		if err := c.focus(d, opts.Focus); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// ServiceDiagram draws the services of a system and what passes between
// them: calls (sync), messages (async) and the stores two services share
// (data), each edge with the facts it stands for. The smells of res, when
// not nil, mark the edges they are about, and a service importing another's
// code gets an import edge. Evidence is relative to dir when below it.
// Targets with no Go code here are nodes of kind external-service.
func ServiceDiagram(sys *services.System, res *Result, dir string) *Diagram {
	d := &Diagram{Level: "service", Problems: sys.Problems}
	for _, u := range sys.Unresolved {
		d.Unresolved += max(1, len(u.Evidence)) // one target, each call to it at its line
	}
	nodes := make(map[string]*Node)
	for _, s := range sys.Services {
		nodes[s.Name] = &Node{ID: s.Name, Kind: "service", Packages: slices.Sorted(slices.Values(s.Packages))}
	}
	type key struct{ from, to, kind string }
	edges := make(map[key]*DiagramEdge)
	edge := func(from, to, kind string) *DiagramEdge {
		if kind == "data" && to < from {
			from, to = to, from
		}
		for _, n := range []string{from, to} {
			if nodes[n] == nil {
				nodes[n] = &Node{ID: n, Kind: "external-service"}
			}
		}
		k := key{from, to, kind}
		if edges[k] == nil {
			edges[k] = &DiagramEdge{From: from, To: to, Kind: kind}
		}
		return edges[k]
	}
	evidence := func(ev []services.Evidence) []Evidence {
		out := make([]Evidence, 0, len(ev))
		for _, e := range ev {
			// Two services that run the same code have the same facts.
			x := Evidence{Position: factPosition(sys, dir, e.Pos), Detail: e.Detail}
			if !slices.Contains(out, x) {
				out = append(out, x)
			}
		}
		return out
	}
	for _, e := range sys.Edges {
		target := e.Target
		if e.Kind == "async" {
			target = e.Topic
		}
		// Where the caller makes the edge comes first: the publish of a
		// message, not its consumer.
		ev := e.Evidence
		if site := e.Site(); len(ev) > 0 && site != ev[0] {
			ev = append([]services.Evidence{site}, slices.DeleteFunc(slices.Clone(ev), func(x services.Evidence) bool { return x == site })...)
		}
		de := edge(e.From, e.To, e.Kind)
		de.Links = append(de.Links, Link{Protocol: e.Protocol, Target: target, Ambiguous: e.Ambiguous, Evidence: evidence(ev)})
		if e.External && nodes[e.To].Kind == "external-service" {
			nodes[e.To].Outside = true
		}
	}
	for _, sh := range sharings(sys) {
		de := edge(sh.a, sh.b, "data")
		de.Links = append(de.Links, Link{Protocol: sh.kind, Target: sh.resource, Evidence: evidence(sh.ev)})
	}
	if res != nil {
		for _, v := range res.Violations {
			if v.Severity == SeverityInfo {
				continue // a note, not a smell to draw in red
			}
			var on []*DiagramEdge
			switch v.Kind {
			case "sync-chain":
				for i := 0; i+1 < len(v.Path); i++ {
					on = append(on, edge(v.Path[i], v.Path[i+1], "sync"))
				}
			case "shared-database":
				on = append(on, edge(v.From, v.To, "data"))
			case "hardcoded-endpoint":
				on = append(on, edge(v.From, v.To, "sync"))
			case "cross-service-import":
				e := edge(v.From, v.To, "import")
				e.Links = append(e.Links, Link{Target: v.Resource, Evidence: v.Evidence})
				on = append(on, e)
			case "god-service":
				// The calls into it that make it one (not its endpoint
				// count): as the smell counts them.
				if !strings.HasPrefix(v.Resource, "callers of ") {
					break
				}
				for _, e := range sys.Edges {
					if e.To == v.From && e.Kind == "sync" && e.From != e.To && e.Ambiguous == "" && len(e.Evidence) > 0 && !e.Infrastructure && !e.External &&
						!services.SameBinary(sys.Service(e.From), sys.Service(e.To)) {
						on = append(on, edge(e.From, e.To, "sync"))
					}
				}
			}
			for _, e := range on {
				if len(e.Links) == 0 {
					// A dial to a literal address that no call
					// uses: the smell is the only fact of the edge.
					e.Links = append(e.Links, Link{Target: v.Resource, Evidence: v.Evidence})
				}
				e.Violations++
				if !slices.Contains(e.Rules, v.Rule) {
					e.Rules = append(e.Rules, v.Rule)
					sort.Strings(e.Rules)
				}
			}
		}
	}
	for _, n := range nodes {
		d.Nodes = append(d.Nodes, n)
	}
	for _, e := range edges {
		if e.Kind == "import" {
			e.Imports = len(e.Links) // one link per package of from importing one of to
		}
		d.Edges = append(d.Edges, e)
	}
	rankDiagram(d, nil)
	return d
}
