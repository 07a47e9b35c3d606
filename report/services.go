package report

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/archie-dev/archie/analyze/services"
)

// ServicesFormats are the formats Services knows.
var ServicesFormats = []string{"text", "json", "dot", "mermaid"}

// Services renders the services of a system, what they serve, call,
// publish, consume and store.
func Services(w io.Writer, format string, sys *services.System, color bool) error {
	switch format {
	case "text":
		return servicesText(w, sys, color)
	case "json":
		return services.Write(w, sys)
	case "dot":
		return servicesDOT(w, sys)
	case "mermaid":
		return servicesMermaid(w, sys)
	}
	return fmt.Errorf("unknown format %q", format)
}

func servicesText(w io.Writer, sys *services.System, color bool) error {
	st := newStyles(w, color)
	var b strings.Builder
	pos := func(e services.Evidence) string {
		return st.dim.Render(fmt.Sprintf("%s:%d", sys.Rel(e.Pos.Filename), e.Pos.Line))
	}
	out := make(map[string][]*services.Edge)
	for _, e := range sys.Edges {
		out[e.From] = append(out[e.From], e)
	}
	for i, s := range sys.Services {
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "%s", st.header.Render(s.Name))
		if s.EntryDir != "" {
			fmt.Fprintf(&b, "  %s", st.dim.Render(s.EntryDir))
		}
		b.WriteString("\n")
		for _, e := range s.Endpoints {
			what := e.Name
			if e.Protocol == "http" {
				what = strings.TrimSpace(e.Method + " " + e.Route)
			}
			fmt.Fprintf(&b, "  serves    %-5s %s  %s\n", e.Protocol, what, pos(services.Evidence{Pos: e.Pos}))
		}
		for _, e := range out[s.Name] {
			to := e.To
			if !e.Known {
				to += " (no Go code here)"
			}
			if e.Ambiguous != "" {
				to += " (perhaps: " + e.Ambiguous + "; not counted in chains)"
			}
			via := e.Target
			if e.Kind == "async" {
				via = "topic " + e.Topic
			}
			fmt.Fprintf(&b, "  calls     %-5s %s via %s  %s\n", e.Protocol, to, via, pos(e.Site()))
		}
		for _, m := range s.Publishes {
			fmt.Fprintf(&b, "  publishes %-5s %s  %s\n", m.Protocol, topicName(m.Topic), pos(m.Evidence[0]))
		}
		for _, m := range s.Consumes {
			fmt.Fprintf(&b, "  consumes  %-5s %s  %s\n", m.Protocol, topicName(m.Topic), pos(m.Evidence[0]))
		}
		for _, d := range s.Stores {
			what := d.Kind
			if d.Resource != "" {
				what += " (" + d.Resource + ")"
			}
			if len(d.Tables) > 0 {
				what += " tables " + strings.Join(d.Tables, ", ")
			}
			p := ""
			if len(d.Evidence) > 0 {
				p = pos(d.Evidence[0])
			}
			fmt.Fprintf(&b, "  stores    %s  %s\n", what, p)
		}
		for _, u := range sys.Unresolved {
			if u.From == s.Name {
				fmt.Fprintf(&b, "  %s %-5s %s  %s\n", st.warn.Render("unresolved"), u.Protocol, u.Target, pos(u.Evidence[0]))
			}
		}
	}
	if len(sys.Tools) > 0 {
		// Tools take no part in smells; listing them says which mains
		// archie set aside, so a service it missed can be named.
		if len(sys.Services) > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "%s  %s\n", st.header.Render("tools"), st.dim.Render("mains no deployment file runs and that serve nothing, or that archie.yaml's mains.tools names"))
		width := 0
		for _, t := range sys.Tools {
			width = max(width, len(t.Name))
		}
		for _, t := range sys.Tools {
			fmt.Fprintf(&b, "  %-*s  %s\n", width, t.Name, st.dim.Render(t.EntryDir))
		}
	}
	sync, async := 0, 0
	for _, e := range sys.Edges {
		if e.Kind == "sync" {
			sync++
		} else {
			async++
		}
	}
	fmt.Fprintf(&b, "\n%s, ", plural(len(sys.Services), "service"))
	if len(sys.Tools) > 0 {
		fmt.Fprintf(&b, "%s, ", plural(len(sys.Tools), "tool"))
	}
	fmt.Fprintf(&b, "%s, %s, %s", plural(sync, "synchronous edge"), plural(async, "asynchronous edge"), plural(len(sys.Unresolved), "unresolved target"))
	if sys.Problems > 0 {
		fmt.Fprintf(&b, "; %s, read from incomplete code: %s while loading it (see above)", st.warn.Render("facts may be missing"), plural(sys.Problems, "problem"))
	}
	b.WriteString(".\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func topicName(t string) string {
	if t == "" {
		return "(topic not static)"
	}
	return t
}

func servicesDOT(w io.Writer, sys *services.System) error {
	var b strings.Builder
	b.WriteString("digraph services {\n  rankdir=LR;\n  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=10];\n")
	for _, n := range serviceNodes(sys) {
		attrs := ""
		if !n.known {
			attrs = ", style=\"rounded,dashed\""
		}
		fmt.Fprintf(&b, "  %s [label=%s%s];\n", strconv.Quote(n.name), strconv.Quote(n.name), attrs)
	}
	for _, e := range sys.Edges {
		label := e.Protocol
		style := ""
		if e.Kind == "async" {
			label += " " + e.Topic
			style = ", style=dashed"
		}
		fmt.Fprintf(&b, "  %s -> %s [label=%s%s];\n", strconv.Quote(e.From), strconv.Quote(e.To), strconv.Quote(label), style)
	}
	b.WriteString("}\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func servicesMermaid(w io.Writer, sys *services.System) error {
	var b strings.Builder
	b.WriteString("flowchart LR\n")
	ids := make(map[string]string)
	for i, n := range serviceNodes(sys) {
		ids[n.name] = "s" + strconv.Itoa(i)
		shape := "[\"%s\"]"
		if !n.known {
			shape = "[/\"%s\"/]"
		}
		fmt.Fprintf(&b, "  %s"+shape+"\n", ids[n.name], mermaidText(n.name))
	}
	for _, e := range sys.Edges {
		arrow := "-->"
		label := e.Protocol
		if e.Kind == "async" {
			arrow = "-.->"
			label += " " + e.Topic
		}
		fmt.Fprintf(&b, "  %s %s|\"%s\"| %s\n", ids[e.From], arrow, mermaidText(label), ids[e.To])
	}
	_, err := io.WriteString(w, b.String())
	return err
}

type serviceNode struct {
	name  string
	known bool
}

// serviceNodes are the services and the targets without Go code here.
func serviceNodes(sys *services.System) []serviceNode {
	seen := make(map[string]bool)
	var out []serviceNode
	for _, s := range sys.Services {
		seen[s.Name] = true
		out = append(out, serviceNode{s.Name, true})
	}
	var extra []string
	for _, e := range sys.Edges {
		for _, n := range []string{e.From, e.To} {
			if !seen[n] {
				seen[n] = true
				extra = append(extra, n)
			}
		}
	}
	sort.Strings(extra)
	for _, n := range extra {
		out = append(out, serviceNode{n, false})
	}
	return out
}
