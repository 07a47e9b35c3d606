package services

import (
	"encoding/json"
	"fmt"
	"go/token"
	"io"
	"path/filepath"
	"slices"
	"strings"
)

// Schema names the version of the JSON that Write writes and Read reads.
const Schema = "archie.services/v1"

// The JSON of CONTRACT.md §5, plus publishes, consumes and hardcoded.
type (
	jsonServices struct {
		Schema string `json:"schema"`
		// Repository names where the facts come from (the folder archie
		// ran in): evidence read back from another repository's facts
		// says it, as REPOSITORY:FILE.
		Repository string        `json:"repository,omitempty"`
		Services   []jsonService `json:"services"`
		// Tools are the main packages that are not services; absent when
		// there are none.
		Tools      []jsonTool       `json:"tools,omitempty"`
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
		Name  string `json:"name"`
		Entry string `json:"entry"`
		// Run is what chooses this service of a main that runs several:
		// its first argument, or KEY=VALUE of an environment variable.
		Run string `json:"run,omitempty"`
		// Profiles are the compose profiles that start the service, when
		// every deployment of it names some.
		Profiles []string `json:"profiles,omitempty"`
		// DeployedBy are the files that deploy the service.
		DeployedBy []string       `json:"deployedBy,omitempty"`
		Packages   []string       `json:"packages"`
		Endpoints  []jsonEndpoint `json:"endpoints"`
		Stores     []jsonStore    `json:"stores"`
		Publishes  []jsonMessage  `json:"publishes"`
		Consumes   []jsonMessage  `json:"consumes"`
		// DualWrites are functions that write a table and publish a
		// message on one path; absent from facts written before them.
		DualWrites []jsonDualWrite `json:"dualWrites"`
		// SwitchedOff are the switches (detail "env KEY") whose code was
		// not counted: nothing turns them on for the service.
		SwitchedOff []jsonEvidenceItem `json:"switchedOff,omitempty"`
	}
	jsonDualWrite struct {
		Function string             `json:"function"`
		Position jsonEvidenceItem   `json:"position"`
		Write    []jsonEvidenceItem `json:"write"`
		Publish  []jsonEvidenceItem `json:"publish"`
		Outbox   bool               `json:"outbox,omitempty"`
		// SameTx says the outbox row is written through the change's
		// transaction.
		SameTx bool `json:"sameTransaction,omitempty"`
	}
	jsonTool struct {
		Name  string `json:"name"`
		Entry string `json:"entry"`
		// Unread says the main's code could not be read: it is listed
		// with the tools, but what it serves is unknown.
		Unread bool `json:"unread,omitempty"`
		// PartOf names the service that runs all the main's code and
		// serves all it serves, where nothing runs or builds the main
		// itself.
		PartOf string `json:"partOf,omitempty"`
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
		Library  []string                      `json:"libraryTables,omitempty"`
		Migrated []string                      `json:"migratedTables,omitempty"`
		Appended []string                      `json:"appendedTables,omitempty"`
		// Databases are, per table, the databases the code names it in.
		Databases map[string][]string `json:"databases,omitempty"`
	}
	jsonMessage struct {
		Protocol string             `json:"protocol"`
		Topic    string             `json:"topic,omitempty"`
		Evidence []jsonEvidenceItem `json:"evidence"`
	}
	jsonEdge struct {
		From     string `json:"from"`
		To       string `json:"to"`
		Kind     string `json:"kind"`
		Protocol string `json:"protocol"`
		Target   string `json:"target"`
		Topic    string `json:"topic,omitempty"`
		Known    bool   `json:"known"`
		// Ambiguous says why the callee is not certain; such an edge
		// takes no part in chains.
		Ambiguous string `json:"ambiguous,omitempty"`
		// Infrastructure marks a call to a datastore, broker or other
		// third-party image of the deployment; it takes no part in
		// chains.
		Infrastructure bool `json:"infrastructure,omitempty"`
		// External marks a call to a host on the internet that nothing
		// here deploys (api.stripe.com, the edge's "to").
		External bool               `json:"external,omitempty"`
		Evidence []jsonEvidenceItem `json:"evidence"`
	}
	jsonUnresolved struct {
		From     string             `json:"from"`
		Protocol string             `json:"protocol"`
		Target   string             `json:"target"`
		Evidence []jsonEvidenceItem `json:"evidence"`
	}
	jsonHardcoded struct {
		From    string `json:"from"`
		To      string `json:"to"`
		Address string `json:"address"`
		// Flag is the flag whose default the address is.
		Flag string `json:"flag,omitempty"`
		// Env is the environment variable whose fallback the address is.
		Env      string             `json:"env,omitempty"`
		Evidence []jsonEvidenceItem `json:"evidence"`
	}
	jsonEvidenceItem struct {
		File    string `json:"file"`
		Line    int    `json:"line"`
		Column  int    `json:"column"`
		Detail  string `json:"detail,omitempty"`
		Handler string `json:"handler,omitempty"`
		// Handlers are every handler reaching the call, when several do.
		Handlers []string `json:"handlers,omitempty"`
		Method   string   `json:"method,omitempty"`
		Literal  string   `json:"literal,omitempty"`
		Via      string   `json:"via,omitempty"`
	}
)

// document returns the archie.services/v1 document of a system.
func document(sys *System) jsonServices {
	ev := func(es []Evidence) []jsonEvidenceItem {
		out := make([]jsonEvidenceItem, 0, len(es))
		for _, e := range es {
			out = append(out, evidenceItem(sys, e))
		}
		return out
	}
	msgs := func(ms []*Message) []jsonMessage {
		out := make([]jsonMessage, 0, len(ms))
		for _, m := range ms {
			out = append(out, jsonMessage{Protocol: m.Protocol, Topic: m.Topic, Evidence: ev(m.Evidence)})
		}
		return out
	}
	complete := sys.Problems == 0
	doc := jsonServices{Schema: Schema, Repository: repositoryName(sys.Dir), Services: []jsonService{}, Edges: []jsonEdge{}, Unresolved: []jsonUnresolved{}, Hardcoded: []jsonHardcoded{},
		Complete: &complete, Problems: sys.Problems}
	for _, s := range sys.Services {
		js := jsonService{Name: s.Name, Entry: s.EntryDir, Run: s.Run.String(), Profiles: s.Profiles, DeployedBy: s.DeployedBy, Packages: nonNil(s.Packages), Endpoints: []jsonEndpoint{}, Stores: []jsonStore{},
			Publishes: msgs(s.Publishes), Consumes: msgs(s.Consumes), DualWrites: []jsonDualWrite{}}
		if len(s.SwitchedOff) > 0 {
			js.SwitchedOff = ev(s.SwitchedOff)
		}
		for _, d := range s.DualWrites {
			js.DualWrites = append(js.DualWrites, jsonDualWrite{Function: d.Function, Position: evidenceItem(sys, Evidence{Pos: d.Pos}),
				Write: ev(d.Write), Publish: ev(d.Publish), Outbox: d.Outbox, SameTx: d.SameTx})
		}
		for _, e := range s.Endpoints {
			je := jsonEndpoint{Protocol: e.Protocol, Name: e.Name, Method: e.Method, Route: e.Route}
			if e.Pos.IsValid() {
				p := evidenceItem(sys, Evidence{Pos: e.Pos})
				je.Position = &p
			}
			js.Endpoints = append(js.Endpoints, je)
		}
		for _, st := range s.Stores {
			jst := jsonStore{Kind: st.Kind, Resource: st.Resource, Server: st.Server, Tables: nonNil(st.Tables), Evidence: ev(st.Evidence), Library: st.Library, Migrated: st.Migrated, Appended: st.Appended, Databases: st.Databases}
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
	for _, t := range sys.Tools {
		doc.Tools = append(doc.Tools, jsonTool{Name: t.Name, Entry: t.EntryDir, Unread: t.Unread, PartOf: t.PartOf})
	}
	for _, e := range sys.Edges {
		doc.Edges = append(doc.Edges, jsonEdge{From: e.From, To: e.To, Kind: e.Kind, Protocol: e.Protocol, Target: e.Target, Topic: e.Topic, Known: e.Known, Ambiguous: e.Ambiguous, Infrastructure: e.Infrastructure, External: e.External, Evidence: ev(e.Evidence)})
	}
	for _, u := range sys.Unresolved {
		doc.Unresolved = append(doc.Unresolved, jsonUnresolved{From: u.From, Protocol: u.Protocol, Target: u.Target, Evidence: ev(u.Evidence)})
	}
	for _, h := range sys.Hardcoded {
		doc.Hardcoded = append(doc.Hardcoded, jsonHardcoded{From: h.From, To: h.To, Address: h.Address, Flag: h.Flag, Env: h.Env, Evidence: ev(h.Evidence)})
	}
	return doc
}

// also is Evidence.Also of an item read back: the handlers after its
// first.
func also(it jsonEvidenceItem) string {
	if len(it.Handlers) < 2 || it.Handlers[0] != it.Handler {
		return ""
	}
	return strings.Join(it.Handlers[1:], "\n")
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// evidenceItem places evidence relative to dir, slash-separated.
func evidenceItem(sys *System, e Evidence) jsonEvidenceItem {
	it := jsonEvidenceItem{File: sys.Rel(e.Pos.Filename), Line: e.Pos.Line, Column: e.Pos.Column, Detail: e.Detail, Handler: e.Handler, Method: e.Method, Literal: e.Literal, Via: e.Via}
	if e.Also != "" {
		it.Handlers = e.Handlers()
	}
	return it
}

// Rel is a file of the system as output shows it: relative to its
// directory, slash-separated, or, for a file of a dependency in the module
// cache, named by its module and version
// (github.com/segmentio/kafka-go@v0.4.47/writer.go), which reads the same
// on every machine.
func (s *System) Rel(file string) string {
	if _, f := s.DependencyFile(file); f != "" {
		return f
	}
	return relFile(s.Dir, file)
}

// DependencyFile names a file of a dependency read from the module cache:
// its module, module@version, and the file as that and its path in the
// module; "" for any other file.
func (s *System) DependencyFile(file string) (module, name string) {
	if s == nil || len(s.modules) == 0 || !filepath.IsAbs(file) {
		return "", ""
	}
	best := ""
	for dir := range s.modules {
		if len(dir) > len(best) && strings.HasPrefix(file, dir) && len(file) > len(dir) && file[len(dir)] == filepath.Separator {
			best = dir
		}
	}
	if best == "" {
		return "", ""
	}
	return s.modules[best], s.modules[best] + "/" + filepath.ToSlash(file[len(best)+1:])
}

func relFile(dir, file string) string {
	if filepath.IsAbs(file) {
		if rel, err := filepath.Rel(dir, file); err == nil {
			file = rel
		}
	}
	return filepath.ToSlash(file)
}

// Write writes the system as the archie.services/v1 JSON document of
// CONTRACT.md §5, indented, that Read and archie check --facts read back.
func Write(w io.Writer, sys *System) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(document(sys))
}

// Read reads an archie.services/v1 document, as another repository's CI
// wrote it, back into a system. Its files stay relative to that
// repository.
func Read(r io.Reader, name string) (*System, error) {
	var doc jsonServices
	dec := json.NewDecoder(r)
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("%s: not an archie services document: %v", name, err)
	}
	if doc.Schema != Schema {
		return nil, fmt.Errorf("%s: schema is %q, want %q (write it with archie services --format json)", name, doc.Schema, Schema)
	}
	// Evidence names its repository: the files are that repository's,
	// not this one's.
	repo := doc.Repository
	if repo == "" || strings.ContainsAny(repo, ":/\\\x00\n") {
		repo = strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	}
	ev := func(items []jsonEvidenceItem) []Evidence {
		out := make([]Evidence, 0, len(items))
		for _, it := range items {
			file := it.File
			if file != "" {
				file = repo + ":" + file
			}
			out = append(out, Evidence{Pos: token.Position{Filename: file, Line: it.Line, Column: it.Column}, Detail: it.Detail, Handler: it.Handler, Also: also(it), Method: it.Method, Literal: it.Literal, Via: it.Via})
		}
		return out
	}
	msgs := func(ms []jsonMessage) []*Message {
		var out []*Message
		for _, m := range ms {
			out = append(out, &Message{Protocol: m.Protocol, Topic: m.Topic, Evidence: ev(m.Evidence)})
		}
		return out
	}
	sys := &System{}
	if doc.Complete != nil && !*doc.Complete {
		sys.Problems = max(1, doc.Problems)
	}
	for _, s := range doc.Services {
		if s.Name == "" {
			return nil, fmt.Errorf("%s: a service has no name", name)
		}
		pkgs := slices.Sorted(slices.Values(s.Packages))
		svc := &Service{Name: s.Name, EntryDir: s.Entry, Entry: entryOf(pkgs, s.Entry), Profiles: s.Profiles, DeployedBy: s.DeployedBy, Packages: pkgs, Publishes: msgs(s.Publishes), Consumes: msgs(s.Consumes)}
		if s.Run != "" {
			svc.Run = ParseSelector(s.Run)
		}
		if len(s.SwitchedOff) > 0 {
			svc.SwitchedOff = ev(s.SwitchedOff)
		}
		for _, d := range s.DualWrites {
			svc.DualWrites = append(svc.DualWrites, DualWrite{Function: d.Function,
				Pos:   ev([]jsonEvidenceItem{d.Position})[0].Pos,
				Write: ev(d.Write), Publish: ev(d.Publish), Outbox: d.Outbox, SameTx: d.SameTx})
		}
		for _, e := range s.Endpoints {
			ep := Endpoint{Protocol: e.Protocol, Name: e.Name, Method: e.Method, Route: e.Route}
			if e.Position != nil {
				ep.Pos = token.Position{Filename: e.Position.File, Line: e.Position.Line, Column: e.Position.Column}
			}
			svc.Endpoints = append(svc.Endpoints, ep)
		}
		for _, st := range s.Stores {
			store := &Store{Kind: st.Kind, Resource: st.Resource, Server: st.Server, Tables: st.Tables, Evidence: ev(st.Evidence), Touches: make(map[string][]Evidence), Library: st.Library, Migrated: st.Migrated, Appended: st.Appended}
			for t, dbs := range st.Databases {
				store.inDatabases(t, dbs)
			}
			for t, items := range st.Touches {
				store.Touches[t] = ev(items)
			}
			svc.Stores = append(svc.Stores, store)
		}
		sys.Services = append(sys.Services, svc)
	}
	for _, t := range doc.Tools {
		sys.Tools = append(sys.Tools, &Service{Name: t.Name, EntryDir: t.Entry, Tool: true, Unread: t.Unread, PartOf: t.PartOf})
	}
	for _, e := range doc.Edges {
		sys.Edges = append(sys.Edges, &Edge{From: e.From, To: e.To, Kind: e.Kind, Protocol: e.Protocol, Target: e.Target, Topic: e.Topic, Known: e.Known, Ambiguous: e.Ambiguous, Infrastructure: e.Infrastructure, External: e.External, Evidence: ev(e.Evidence)})
	}
	for _, u := range doc.Unresolved {
		sys.Unresolved = append(sys.Unresolved, &Unresolved{From: u.From, Protocol: u.Protocol, Target: u.Target, Evidence: ev(u.Evidence)})
	}
	for _, h := range doc.Hardcoded {
		sys.Hardcoded = append(sys.Hardcoded, &Hardcoded{From: h.From, To: h.To, Address: h.Address, Flag: h.Flag, Env: h.Env, Evidence: ev(h.Evidence)})
	}
	return sys, nil
}

// repositoryName is the name facts written from dir go by: its folder's.
func repositoryName(dir string) string {
	if dir == "" {
		return ""
	}
	return filepath.Base(dir)
}

// entryOf names the main package of a service read from facts: the one of
// its packages whose import path ends in the folder of its main, as a
// module's paths follow its folders. "" when none or several do.
func entryOf(pkgs []string, dir string) string {
	if dir == "" || dir == "." {
		return ""
	}
	found := ""
	for _, p := range pkgs {
		if p == dir || strings.HasSuffix(p, "/"+dir) {
			if found != "" {
				return ""
			}
			found = p
		}
	}
	return found
}
