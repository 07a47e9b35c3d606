package report

import (
	"encoding/json"
	"fmt"
	"go/token"
	"io"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/archie-dev/archie/analyze"
)

// ServicesSchema names the version of the JSON that Services writes.
const ServicesSchema = "archie.services/v1"

// ServicesFormats are the formats Services knows.
var ServicesFormats = []string{"text", "json", "dot", "mermaid"}

// Services renders the services of a system, what they serve, call,
// publish, consume and store.
func Services(w io.Writer, format string, sys *analyze.System, color bool) error {
	switch format {
	case "text":
		return servicesText(w, sys, color)
	case "json":
		return writeJSON(w, ServicesJSON(sys))
	case "dot":
		return servicesDOT(w, sys)
	case "mermaid":
		return servicesMermaid(w, sys)
	}
	return fmt.Errorf("unknown format %q", format)
}

// The JSON of CONTRACT.md §5, plus publishes, consumes and hardcoded.
type (
	jsonServices struct {
		Schema     string           `json:"schema"`
		Services   []jsonService    `json:"services"`
		Edges      []jsonEdge       `json:"edges"`
		Unresolved []jsonUnresolved `json:"unresolved"`
		Hardcoded  []jsonHardcoded  `json:"hardcoded"`
		// Complete is false when the code could not all be loaded
		// (Problems problems): the facts may be missing some. A
		// document without it is taken as complete.
		Complete *bool `json:"complete,omitempty"`
		Problems int   `json:"problems,omitempty"`
	}
	jsonService struct {
		Name      string         `json:"name"`
		Entry     string         `json:"entry"`
		Packages  []string       `json:"packages"`
		Endpoints []jsonEndpoint `json:"endpoints"`
		Stores    []jsonStore    `json:"stores"`
		Publishes []jsonMessage  `json:"publishes"`
		Consumes  []jsonMessage  `json:"consumes"`
	}
	jsonEndpoint struct {
		Protocol string            `json:"protocol"`
		Name     string            `json:"name,omitempty"`
		Method   string            `json:"method,omitempty"`
		Route    string            `json:"route,omitempty"`
		Position *jsonEvidenceItem `json:"position,omitempty"`
	}
	jsonStore struct {
		Kind     string                        `json:"kind"`
		Resource string                        `json:"resource,omitempty"`
		Server   string                        `json:"server,omitempty"`
		Tables   []string                      `json:"tables"`
		Evidence []jsonEvidenceItem            `json:"evidence"`
		Touches  map[string][]jsonEvidenceItem `json:"touches,omitempty"`
	}
	jsonMessage struct {
		Protocol string             `json:"protocol"`
		Topic    string             `json:"topic,omitempty"`
		Evidence []jsonEvidenceItem `json:"evidence"`
	}
	jsonEdge struct {
		From     string             `json:"from"`
		To       string             `json:"to"`
		Kind     string             `json:"kind"`
		Protocol string             `json:"protocol"`
		Target   string             `json:"target"`
		Topic    string             `json:"topic,omitempty"`
		Known    bool               `json:"known"`
		Evidence []jsonEvidenceItem `json:"evidence"`
	}
	jsonUnresolved struct {
		From     string             `json:"from"`
		Protocol string             `json:"protocol"`
		Target   string             `json:"target"`
		Evidence []jsonEvidenceItem `json:"evidence"`
	}
	jsonHardcoded struct {
		From     string             `json:"from"`
		To       string             `json:"to"`
		Address  string             `json:"address"`
		Evidence []jsonEvidenceItem `json:"evidence"`
	}
	jsonEvidenceItem struct {
		File    string `json:"file"`
		Line    int    `json:"line"`
		Column  int    `json:"column"`
		Detail  string `json:"detail,omitempty"`
		Handler string `json:"handler,omitempty"`
		Method  string `json:"method,omitempty"`
		Literal string `json:"literal,omitempty"`
	}
)

// ServicesJSON returns the archie.services/v1 document of a system.
func ServicesJSON(sys *analyze.System) any {
	ev := func(es []analyze.Evidence) []jsonEvidenceItem {
		out := make([]jsonEvidenceItem, 0, len(es))
		for _, e := range es {
			out = append(out, evidenceItem(sys.Dir, e))
		}
		return out
	}
	msgs := func(ms []*analyze.Message) []jsonMessage {
		out := make([]jsonMessage, 0, len(ms))
		for _, m := range ms {
			out = append(out, jsonMessage{Protocol: m.Protocol, Topic: m.Topic, Evidence: ev(m.Evidence)})
		}
		return out
	}
	complete := sys.Problems == 0
	doc := jsonServices{Schema: ServicesSchema, Services: []jsonService{}, Edges: []jsonEdge{}, Unresolved: []jsonUnresolved{}, Hardcoded: []jsonHardcoded{},
		Complete: &complete, Problems: sys.Problems}
	for _, s := range sys.Services {
		js := jsonService{Name: s.Name, Entry: s.EntryDir, Packages: nonNil(s.Packages), Endpoints: []jsonEndpoint{}, Stores: []jsonStore{},
			Publishes: msgs(s.Publishes), Consumes: msgs(s.Consumes)}
		for _, e := range s.Endpoints {
			je := jsonEndpoint{Protocol: e.Protocol, Name: e.Name, Method: e.Method, Route: e.Route}
			if e.Pos.IsValid() {
				p := evidenceItem(sys.Dir, analyze.Evidence{Pos: e.Pos})
				je.Position = &p
			}
			js.Endpoints = append(js.Endpoints, je)
		}
		for _, st := range s.Stores {
			jst := jsonStore{Kind: st.Kind, Resource: st.Resource, Server: st.Server, Tables: nonNil(st.Tables), Evidence: ev(st.Evidence)}
			if len(st.Touches) > 0 {
				jst.Touches = make(map[string][]jsonEvidenceItem, len(st.Touches))
				for t, es := range st.Touches {
					jst.Touches[t] = ev(es)
				}
			}
			js.Stores = append(js.Stores, jst)
		}
		doc.Services = append(doc.Services, js)
	}
	for _, e := range sys.Edges {
		doc.Edges = append(doc.Edges, jsonEdge{From: e.From, To: e.To, Kind: e.Kind, Protocol: e.Protocol, Target: e.Target, Topic: e.Topic, Known: e.Known, Evidence: ev(e.Evidence)})
	}
	for _, u := range sys.Unresolved {
		doc.Unresolved = append(doc.Unresolved, jsonUnresolved{From: u.From, Protocol: u.Protocol, Target: u.Target, Evidence: ev(u.Evidence)})
	}
	for _, h := range sys.Hardcoded {
		doc.Hardcoded = append(doc.Hardcoded, jsonHardcoded{From: h.From, To: h.To, Address: h.Address, Evidence: ev(h.Evidence)})
	}
	return doc
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// evidenceItem places evidence relative to dir, slash-separated.
func evidenceItem(dir string, e analyze.Evidence) jsonEvidenceItem {
	file := e.Pos.Filename
	if filepath.IsAbs(file) {
		if rel, err := filepath.Rel(dir, file); err == nil {
			file = rel
		}
	}
	return jsonEvidenceItem{File: filepath.ToSlash(file), Line: e.Pos.Line, Column: e.Pos.Column, Detail: e.Detail, Handler: e.Handler, Method: e.Method, Literal: e.Literal}
}

// ReadServices reads an archie.services/v1 document, as another
// repository's CI wrote it, back into a system. Its files stay relative to
// that repository.
func ReadServices(r io.Reader, name string) (*analyze.System, error) {
	var doc jsonServices
	dec := json.NewDecoder(r)
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("%s: not an archie services document: %v", name, err)
	}
	if doc.Schema != ServicesSchema {
		return nil, fmt.Errorf("%s: schema is %q, want %q (write it with archie services --format json)", name, doc.Schema, ServicesSchema)
	}
	ev := func(items []jsonEvidenceItem) []analyze.Evidence {
		out := make([]analyze.Evidence, 0, len(items))
		for _, it := range items {
			out = append(out, analyze.Evidence{Pos: token.Position{Filename: it.File, Line: it.Line, Column: it.Column}, Detail: it.Detail, Handler: it.Handler, Method: it.Method, Literal: it.Literal})
		}
		return out
	}
	msgs := func(ms []jsonMessage) []*analyze.Message {
		var out []*analyze.Message
		for _, m := range ms {
			out = append(out, &analyze.Message{Protocol: m.Protocol, Topic: m.Topic, Evidence: ev(m.Evidence)})
		}
		return out
	}
	sys := &analyze.System{}
	if doc.Complete != nil && !*doc.Complete {
		sys.Problems = max(1, doc.Problems)
	}
	for _, s := range doc.Services {
		if s.Name == "" {
			return nil, fmt.Errorf("%s: a service has no name", name)
		}
		svc := &analyze.Service{Name: s.Name, EntryDir: s.Entry, Packages: s.Packages, Publishes: msgs(s.Publishes), Consumes: msgs(s.Consumes)}
		for _, e := range s.Endpoints {
			ep := analyze.Endpoint{Protocol: e.Protocol, Name: e.Name, Method: e.Method, Route: e.Route}
			if e.Position != nil {
				ep.Pos = token.Position{Filename: e.Position.File, Line: e.Position.Line, Column: e.Position.Column}
			}
			svc.Endpoints = append(svc.Endpoints, ep)
		}
		for _, st := range s.Stores {
			store := &analyze.Store{Kind: st.Kind, Resource: st.Resource, Server: st.Server, Tables: st.Tables, Evidence: ev(st.Evidence), Touches: make(map[string][]analyze.Evidence)}
			for t, items := range st.Touches {
				store.Touches[t] = ev(items)
			}
			svc.Stores = append(svc.Stores, store)
		}
		sys.Services = append(sys.Services, svc)
	}
	for _, e := range doc.Edges {
		sys.Edges = append(sys.Edges, &analyze.Edge{From: e.From, To: e.To, Kind: e.Kind, Protocol: e.Protocol, Target: e.Target, Topic: e.Topic, Known: e.Known, Evidence: ev(e.Evidence)})
	}
	for _, u := range doc.Unresolved {
		sys.Unresolved = append(sys.Unresolved, &analyze.Unresolved{From: u.From, Protocol: u.Protocol, Target: u.Target, Evidence: ev(u.Evidence)})
	}
	for _, h := range doc.Hardcoded {
		sys.Hardcoded = append(sys.Hardcoded, &analyze.Hardcoded{From: h.From, To: h.To, Address: h.Address, Evidence: ev(h.Evidence)})
	}
	return sys, nil
}

func servicesText(w io.Writer, sys *analyze.System, color bool) error {
	st := newStyles(w, color)
	var b strings.Builder
	pos := func(e analyze.Evidence) string {
		it := evidenceItem(sys.Dir, e)
		return st.dim.Render(fmt.Sprintf("%s:%d", it.File, it.Line))
	}
	out := make(map[string][]*analyze.Edge)
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
			fmt.Fprintf(&b, "  serves    %-5s %s  %s\n", e.Protocol, what, pos(analyze.Evidence{Pos: e.Pos}))
		}
		for _, e := range out[s.Name] {
			to := e.To
			if !e.Known {
				to += " (no Go code here)"
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
	sync, async := 0, 0
	for _, e := range sys.Edges {
		if e.Kind == "sync" {
			sync++
		} else {
			async++
		}
	}
	fmt.Fprintf(&b, "\n%s, %s, %s, %s", plural(len(sys.Services), "service"), plural(sync, "synchronous edge"), plural(async, "asynchronous edge"), plural(len(sys.Unresolved), "unresolved target"))
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

func servicesDOT(w io.Writer, sys *analyze.System) error {
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

func servicesMermaid(w io.Writer, sys *analyze.System) error {
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
func serviceNodes(sys *analyze.System) []serviceNode {
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
