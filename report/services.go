package report

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/archie-dev/archie/analyze/services"
	"github.com/archie-dev/archie/rules"
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
	case "dot", "mermaid":
		// One drawing of services: archie graph --level service's,
		// without the smells.
		return Graph(w, format, rules.ServiceDiagram(sys, nil, sys.Dir), false)
	}
	return fmt.Errorf("unknown format %q", format)
}

func servicesText(w io.Writer, sys *services.System, color bool) error {
	st := newStyles(w, color)
	var b strings.Builder
	pos := func(e services.Evidence) string {
		return st.dim.Render(fmt.Sprintf("%s:%d", clean(sys.Rel(e.Pos.Filename)), e.Pos.Line))
	}
	out := make(map[string][]*services.Edge)
	for _, e := range sys.Edges {
		out[e.From] = append(out[e.From], e)
	}
	for i, s := range sys.Services {
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "%s", st.header.Render(clean(s.Name)))
		if s.EntryDir != "" {
			fmt.Fprintf(&b, "  %s", st.dim.Render(clean(s.EntryDir)))
		}
		if s.Run != nil {
			fmt.Fprintf(&b, "  %s", st.dim.Render(clean("run "+s.Run.String())))
		}
		if len(s.Profiles) > 0 {
			fmt.Fprintf(&b, "  %s", st.dim.Render(clean("profile "+strings.Join(s.Profiles, ", "))))
		}
		b.WriteString("\n")
		for _, e := range s.Endpoints {
			what := e.Name
			if e.Protocol == "http" {
				what = strings.TrimSpace(e.Method + " " + e.Route)
			}
			fmt.Fprintf(&b, "  serves    %-5s %s  %s\n", e.Protocol, clean(what), pos(services.Evidence{Pos: e.Pos}))
		}
		for _, e := range out[s.Name] {
			to := e.To
			switch {
			case e.External:
				to += " (outside the system)"
			case !e.Known:
				to += " (no Go code here)"
			}
			if e.Ambiguous != "" {
				to += " (perhaps: " + e.Ambiguous + "; not counted in chains)"
			}
			via := e.Target
			if e.Kind == "async" {
				via = "topic " + e.Topic
			}
			fmt.Fprintf(&b, "  calls     %-5s %s via %s  %s\n", e.Protocol, clean(to), clean(via), pos(e.Site()))
		}
		for _, m := range s.Publishes {
			fmt.Fprintf(&b, "  publishes %-5s %s  %s\n", m.Protocol, clean(topicName(m.Topic)), pos(m.Evidence[0]))
		}
		for _, m := range s.Consumes {
			fmt.Fprintf(&b, "  consumes  %-5s %s  %s\n", m.Protocol, clean(topicName(m.Topic)), pos(m.Evidence[0]))
		}
		for _, d := range s.Stores {
			what := d.Kind
			if d.Resource != "" {
				what += " (" + d.Resource + ")"
			}
			if len(d.Tables) > 0 {
				noun := " tables "
				if d.Kind == "redis" {
					noun = " keys " // patterns of keys: session:*
				}
				what += noun + strings.Join(d.Tables, ", ")
			}
			what = clean(what)
			if ev, ok := storeAt(d); ok {
				what += "  " + pos(ev)
			}
			fmt.Fprintf(&b, "  stores    %s\n", what)
		}
		for _, d := range s.DualWrites {
			outbox := "no outbox"
			switch {
			case d.Outbox && d.SameTx:
				outbox = "with an outbox in the change's transaction"
			case d.Outbox:
				outbox = "with an outbox (archie sees no transaction they share)"
			}
			if len(d.Write) > 0 && len(d.Publish) > 0 {
				fmt.Fprintf(&b, "  writes    %s, then %s, %s  %s\n", clean(strings.TrimPrefix(d.Write[0].Detail, "writes ")), clean(d.Publish[0].Detail), outbox, pos(d.Write[0]))
			}
		}
		for _, ev := range s.SwitchedOff {
			fmt.Fprintf(&b, "  %s       %s is set nowhere here: what it switches on is not counted  %s\n", st.warn.Render("off"), clean(ev.Detail), pos(ev))
		}
		for _, u := range sys.Unresolved {
			if u.From == s.Name {
				fmt.Fprintf(&b, "  %s %-5s %s  %s\n", st.warn.Render("unresolved"), u.Protocol, clean(u.Target), pos(u.Evidence[0]))
			}
		}
	}
	if len(sys.Tools) > 0 {
		// Tools take no part in smells; listing them says which mains
		// archie set aside, so a service it missed can be named.
		if len(sys.Services) > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "%s  %s\n", st.header.Render("tools"), st.dim.Render("mains no deployment file runs that serve nothing or are examples, jobs that run to completion, parts of a service that runs all their code, or what archie.yaml's mains.tools names"))
		width := 0
		for _, t := range sys.Tools {
			width = max(width, len(t.Name))
		}
		for _, t := range sys.Tools {
			note := ""
			switch {
			case t.Unread:
				note = "  " + st.warn.Render("not read: its code did not load, so what it serves is unknown")
			case t.PartOf != "":
				note = "  " + st.dim.Render("a part of "+clean(t.PartOf)+", which runs all its code and serves all it serves")
			}
			fmt.Fprintf(&b, "  %-*s  %s%s\n", width, clean(t.Name), st.dim.Render(clean(t.EntryDir)), note)
		}
	}
	sync, async, outside := 0, 0, 0
	for _, e := range sys.Edges {
		switch {
		case e.Kind != "sync":
			async++
		case e.External:
			outside++
		default:
			sync++
		}
	}
	fmt.Fprintf(&b, "\n%s, ", plural(len(sys.Services), "service"))
	if len(sys.Tools) > 0 {
		fmt.Fprintf(&b, "%s, ", plural(len(sys.Tools), "tool"))
	}
	fmt.Fprintf(&b, "%s, %s, ", plural(sync, "synchronous edge"), plural(async, "asynchronous edge"))
	if outside > 0 {
		fmt.Fprintf(&b, "%s to systems outside, ", plural(outside, "call"))
	}
	fmt.Fprintf(&b, "%s", plural(len(sys.Unresolved), "unresolved target"))
	if sys.Problems > 0 {
		fmt.Fprintf(&b, "; %s: %s while loading or analysing the code (see above)", st.warn.Render("facts may be missing"), plural(sys.Problems, "problem"))
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

// Colours of the service map besides violations: a shared store.
const colorData = "#8c564b"

// servicesDOT draws a service-level diagram for Graphviz: calls solid,
// messages dashed, shared stores bold without arrows, imports of another
// service's code dotted, smells red; each edge's tooltip (a title in SVG)
// lists its facts with file:line.
func servicesDOT(w io.Writer, d *rules.Diagram) error {
	var b strings.Builder
	b.WriteString("digraph services {\n  rankdir=LR;\n  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=10];\n")
	if d.Problems > 0 {
		fmt.Fprintf(&b, "  label=%s;\n  labelloc=t;\n", dotQuote(incompleteNote(d)))
	}
	for _, n := range d.Nodes {
		attrs := ""
		if n.Kind == "external-service" {
			attrs = ", style=\"rounded,dashed\", tooltip=" + dotQuote(n.ID+" "+nodeAbout(n))
		}
		fmt.Fprintf(&b, "  %s [label=%s%s];\n", dotQuote(n.ID), dotQuote(n.ID), attrs)
	}
	for _, e := range d.Edges {
		label := serviceLabel(e)
		if e.Kind == "import" {
			label = "imports code" // the packages are in the tooltip
		}
		var attrs []string
		switch e.Kind {
		case "async":
			attrs = append(attrs, "style=dashed")
		case "data":
			attrs = append(attrs, "dir=none", "style=bold")
		case "import":
			attrs = append(attrs, "style=dotted")
		}
		switch {
		case e.Violations > 0:
			label += " " + edgeNote(e)
			attrs = append(attrs, fmt.Sprintf("color=%q, fontcolor=%q, penwidth=2", colorViolation, colorViolation))
		case e.Kind == "data":
			attrs = append(attrs, fmt.Sprintf("color=%q, fontcolor=%q", colorData, colorData))
		}
		attrs = append([]string{"label=" + dotQuote(label)}, attrs...)
		attrs = append(attrs, "tooltip="+dotQuote(edgeTooltip(e)))
		fmt.Fprintf(&b, "  %s -> %s [%s];\n", dotQuote(e.From), dotQuote(e.To), strings.Join(attrs, ", "))
	}
	b.WriteString("}\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// servicesMermaid draws a service-level diagram for Mermaid: calls -->,
// messages -.->, shared stores === (no arrow), smells red.
func servicesMermaid(w io.Writer, d *rules.Diagram) error {
	var b strings.Builder
	b.WriteString("flowchart LR\n")
	if d.Problems > 0 {
		fmt.Fprintf(&b, "  %%%% %s\n", incompleteNote(d))
	}
	ids := make(map[string]string)
	for i, n := range d.Nodes {
		ids[n.ID] = "s" + strconv.Itoa(i)
		shape := "[\"%s\"]"
		if n.Kind == "external-service" {
			shape = "[/\"%s\"/]"
		}
		fmt.Fprintf(&b, "  %s"+shape+"\n", ids[n.ID], mermaidText(n.ID))
	}
	var red, data []string
	for i, e := range d.Edges {
		arrow, label := "-->", serviceLabel(e)
		switch e.Kind {
		case "async":
			arrow = "-.->"
		case "data":
			arrow = "==="
		case "import":
			label = "imports code"
		}
		if e.Violations > 0 {
			label += " " + edgeNote(e)
			red = append(red, strconv.Itoa(i))
		} else if e.Kind == "data" {
			data = append(data, strconv.Itoa(i))
		}
		fmt.Fprintf(&b, "  %s %s|\"%s\"| %s\n", ids[e.From], arrow, mermaidText(label), ids[e.To])
	}
	if len(red) > 0 {
		fmt.Fprintf(&b, "  linkStyle %s stroke:%s,stroke-width:2px,color:%s\n", strings.Join(red, ","), colorViolation, colorViolation)
	}
	if len(data) > 0 {
		fmt.Fprintf(&b, "  linkStyle %s stroke:%s,color:%s\n", strings.Join(data, ","), colorData, colorData)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// incompleteNote says a drawing was made from code that was not all
// loaded or analysed.
func incompleteNote(d *rules.Diagram) string {
	return fmt.Sprintf("incomplete: %s, edges may be missing", problemsMet(d))
}

// problemsMet counts a diagram's problems with when they were met, or
// "while loading or analysing the code" where its maker did not say.
func problemsMet(d *rules.Diagram) string {
	if d.Met != "" {
		return d.Met
	}
	return plural(d.Problems, "problem") + " while loading or analysing the code"
}

// serviceLabel names what a service-level edge goes through: "grpc, http",
// "kafka order-placed", "table orders", the packages imported; a "?" marks
// a callee that is not certain.
func serviceLabel(e *rules.DiagramEdge) string {
	var parts []string
	for _, l := range e.Links {
		p := l.Protocol
		switch {
		case e.Kind == "import":
			p = strings.TrimPrefix(l.Target, "package ")
		case e.Kind == "async":
			p += " " + topicName(l.Target)
		case e.Kind == "data", p == "":
			p = l.Target
		}
		if l.Ambiguous != "" {
			p += "?"
		}
		if !slices.Contains(parts, p) {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, ", ")
}

// edgeSite is where the first fact of a service-level edge is, or "".
func edgeSite(e *rules.DiagramEdge) string {
	for _, l := range e.Links {
		if len(l.Evidence) > 0 {
			p := l.Evidence[0].Position
			return fmt.Sprintf("%s:%d", p.File, p.Line)
		}
	}
	return ""
}

// maxTooltipFacts is how many facts of one link a tooltip lists.
const maxTooltipFacts = 8

// edgeTooltip lists a service-level edge's facts, one a line: each link,
// then where it shows in the code, then the smells.
func edgeTooltip(e *rules.DiagramEdge) string {
	arrow := " → "
	if e.Kind == "data" {
		arrow = " ↔ "
	}
	lines := []string{e.From + arrow + e.To + " (" + e.Kind + ")"}
	for _, l := range e.Links {
		lines = append(lines, strings.TrimSpace(l.Protocol+" "+l.Target))
		if l.Ambiguous != "" {
			lines = append(lines, "  perhaps: "+l.Ambiguous+"; not counted in chains")
		}
		for i, ev := range l.Evidence {
			if i == maxTooltipFacts {
				lines = append(lines, fmt.Sprintf("  and %d more", len(l.Evidence)-i))
				break
			}
			lines = append(lines, "  "+strings.TrimSpace(ev.Position.String()+" "+ev.Detail))
		}
	}
	if note := edgeNote(e); note != "" {
		lines = append(lines, note)
	}
	return strings.Join(lines, "\n")
}

// storeAt is where a store is shown: where it is opened, else, for one
// opened where archie does not read (a library's connection helper), the
// first line that names one of its tables.
func storeAt(d *services.Store) (services.Evidence, bool) {
	if len(d.Evidence) > 0 {
		return d.Evidence[0], true
	}
	var first services.Evidence
	found := false
	for _, t := range d.Tables {
		for _, ev := range d.Touches[t] {
			if !found || services.ComparePos(ev.Pos, first.Pos) < 0 {
				first, found = ev, true
			}
		}
	}
	return first, found
}
