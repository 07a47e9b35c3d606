package services

import (
	"cmp"
	"fmt"
	"go/token"
	"regexp"
	"slices"
	"sort"
	"strings"
)

// A System is what the services of a repository serve, call, publish,
// consume and store, as far as their code and deployment files tell.
type System struct {
	Dir      string // absolute directory the system was read from
	Services []*Service
	// Tools are the main packages that are not services: nothing deploys
	// them and they serve nothing, or archie.yaml says so. Only their
	// names and entries are kept.
	Tools      []*Service
	Edges      []*Edge
	Unresolved []*Unresolved
	Hardcoded  []*Hardcoded
	// Contracts are the packages made only of generated code, such as gRPC
	// stubs, protobuf packages (their generated messages and the helpers
	// written beside them), or only of declarations with no function, such
	// as message payloads and task names: importing one is using an API,
	// not another service's code.
	Contracts map[string]bool
	// Clients are the packages that build clients of a generated gRPC
	// API (its NewOrdersClient) and register no server of one, each with
	// the contract packages whose clients it builds: the client a service
	// publishes beside its stubs, which others may import as they import
	// the stubs, when those stubs are the same service's.
	Clients map[string][]string
	// modules are the dependencies' modules the facts were read from,
	// path@version by folder (DependencyFile).
	modules map[string]string
	// apart memoizes Apart by pair.
	apart map[[2]*Service]bool
	// placed holds each service's facts by where its code has them, and
	// holders how many services have each (sameCode).
	placed  map[*Service]map[string]bool
	holders map[string]int
	// unread holds, for each service's message facts, the fact the same
	// message is where its topic is not known (placedFacts).
	unread map[*Service]map[string]string
	// lines holds, for each service's facts but its endpoints, the line
	// the fact is at, as a fact of its kind (placedFacts).
	lines map[*Service]map[string]string
	// Problems counts what could not be loaded of the code the facts come
	// from; while it is above 0 the facts may be missing some.
	Problems int
}

// An Endpoint is something a service serves: a gRPC service or an HTTP route.
type Endpoint struct {
	Protocol string // "grpc" or "http"
	Name     string // gRPC: the proto service's full name
	Method   string // HTTP method, "" for any
	Route    string // HTTP route pattern
	Pos      token.Position
}

// A Store is a database or cache a service opens, and what it touches.
type Store struct {
	Kind     string // postgres, mysql, sqlite, mongo, redis, firestore, sql (driver unknown)
	Resource string // what configures it: "env DATABASE_URL", "dsn postgres://db:5432/orders", "" when unknown
	// Server is the database server or database the resource resolves to,
	// through a literal or a deployment file ("postgres://db:5432/orders"),
	// or "" when it stays unknown.
	Server   string
	Tables   []string // tables or collections, sorted
	Evidence []Evidence
	// Touches holds the evidence for each table: the SQL literal, the
	// model or the collection call that names it.
	Touches map[string][]Evidence
	// Library are the tables of Tables that only a library's code names,
	// by a name of its own (an event store's "events", a migration
	// tool's version table), sorted: every service using the library
	// has one, so the name alone says nothing of sharing.
	Library []string
	// Migrated are the tables of Tables, named by another service too,
	// that a migration in the service's own folder creates and none
	// drops, sorted: a service that creates a table in its own migrations
	// keeps one of its own, so the name alone says nothing of sharing
	// (markMigrated).
	Migrated []string
	// Appended are the indexes of Tables the service only adds documents
	// to (Elasticsearch's index API with no document ID, or its create
	// API), never searching, reading, updating or deleting them, sorted: a sink, such as the index a logger ships
	// every service's lines to. Services that only add to an index take
	// nothing from each other through it.
	Appended []string
	// Databases holds, for a table, the databases the code names it in
	// (MongoDB's client.Database("shop").Collection("carts")), sorted; a
	// table in no database the code names has none. Two services whose
	// code names a table of one name only in different databases do not
	// share it, wherever their servers are.
	Databases map[string][]string
	// folds holds, for each table SQL text names, the touches whose SQL
	// leaves the name unquoted and the name a database that folds such
	// names to lower case holds it under (foldCase).
	folds map[string]map[Evidence]string
	// unread names the sources archie cannot read that the service's
	// deployments take its configuration from (unreadSources): another
	// service handed one of them opens the same database, whatever it is.
	unread []string
}

// Embedded reports whether the store is a database the process keeps in
// its own files (SQLite): each service's is its own, whatever its tables
// are named, and two services meet in one only on one machine.
func (s *Store) Embedded() bool { return s.Kind == "sqlite" }

// An Edge is one service talking to another, through one target.
type Edge struct {
	From     string
	To       string // the service called or the one consuming; for a topic nobody here consumes, the broker
	Kind     string // "sync" or "async"
	Protocol string // grpc, http, rpc, smtp, s3, kafka, nats, amqp, pubsub, sqs, sns, kinesis, servicebus, eventhubs, watermill, dapr, asynq
	Target   string // proto service, URL, host or env key it was resolved through
	Topic    string // async: topic, subject, queue or task type
	// Known is false when the target has no Go code in the analysed tree
	// (named from a deployment file, an env key or a proto service).
	Known bool
	// Ambiguous, when not "", says why the callee is not certain: the
	// caller serves the same gRPC service, so the call may go to another
	// instance of its own kind. Such an edge is listed but takes no part
	// in chains: a false smell costs more than a missed one.
	Ambiguous string
	// Infrastructure marks a call to a third-party image the deployment
	// runs for the services to keep data in or read it from (a search
	// engine, a secrets store, an object store, a broker): data access,
	// as a database's is, not a hop of a chain of services.
	Infrastructure bool
	// External marks a call to a host on the internet that nothing here
	// deploys (api.stripe.com): a system outside the one analysed, named
	// by its host. It is no hop of a chain of the system's services.
	External bool
	Evidence []Evidence
}

// Site returns where the From service makes the edge: the call, or for an
// async edge the publish (its evidence holds the consumer's too).
func (e *Edge) Site() Evidence {
	if e.Kind == "async" {
		for _, ev := range e.Evidence {
			if strings.HasPrefix(ev.Detail, "publish ") {
				return ev
			}
		}
	}
	if len(e.Evidence) == 0 {
		return Evidence{}
	}
	return e.Evidence[0]
}

// Evidence is one fact in the code: where, and what.
type Evidence struct {
	Pos    token.Position
	Detail string
	// Handler is the endpoint of the calling service from whose request
	// handler the call is reachable ("hipstershop.CheckoutService/PlaceOrder",
	// "GET /cart"), or "" when it is reachable only from start-up code.
	Handler string `json:",omitempty"`
	// Also are the other endpoints whose handlers reach the call, when
	// more than one does, newline-separated (Evidence stays comparable);
	// Handlers lists them all.
	Also string `json:",omitempty"`
	// Method is the called endpoint, when known: the gRPC method's full
	// name or the HTTP method and path.
	Method string `json:",omitempty"`
	// Literal is the host:port or URL written in the code that reached
	// the call, when there is one.
	Literal string `json:",omitempty"`
	// Via is where in a library's code the fact is, when it is there
	// (module@version/file.go:line): Pos is then the first line of the
	// service's own code that calls into that library.
	Via string `json:",omitempty"`
}

// Handlers returns every endpoint whose handler reaches the call: Handler
// and the others; none for start-up code.
func (e Evidence) Handlers() []string {
	if e.Handler == "" {
		return nil
	}
	out := []string{e.Handler}
	if e.Also != "" {
		out = append(out, strings.Split(e.Also, "\n")...)
	}
	return out
}

// An Unresolved call is one archie found but could not attribute to a
// service. It says so rather than guess.
type Unresolved struct {
	From     string
	Protocol string
	Target   string
	Evidence []Evidence
}

// hidePasswords hides the passwords the URLs a service calls carry in
// their user info (http://admin:secret@orders:8080), as a DSN's are
// hidden: the address stays, the secret is not printed.
func (s *System) hidePasswords() {
	hide := func(text string) string {
		if strings.Contains(text, "://") && strings.Contains(text, "@") {
			return redact(text)
		}
		return text
	}
	for _, e := range s.Edges {
		e.Target = hide(e.Target)
	}
	for _, u := range s.Unresolved {
		u.Target = hide(u.Target)
	}
	for _, h := range s.Hardcoded {
		h.Address = hide(h.Address)
	}
}

// Service returns the named service, or nil.
func (s *System) Service(name string) *Service {
	for _, svc := range s.Services {
		if svc.Name == name {
			return svc
		}
	}
	return nil
}

// Merge adds other's services, edges and unresolved targets to s: the
// facts of a system split across repositories. Edges whose target was not
// known in s and is a service of other become known. A service name both
// systems have is an error, and s is left as it was: keeping either side's
// facts would silently drop the other's.
func (s *System) Merge(other *System) error { return s.MergeAll([]*System{other}) }

// MergeAll is Merge of many systems at once, as an organisation's CI merges
// the facts of all its repositories: the calls are relinked once, not once
// per repository. A service name two of them have is a *MergeError, and
// s is left as it was.
func (s *System) MergeAll(others []*System) error {
	have := make(map[string]bool, len(s.Services))
	for _, svc := range s.Services {
		have[svc.Name] = true
	}
	for i, o := range others {
		for _, svc := range o.Services {
			if have[svc.Name] {
				return &MergeError{Index: i, Service: svc.Name}
			}
			have[svc.Name] = true
		}
	}
	edges := make(map[string]bool, len(s.Edges))
	for _, e := range s.Edges {
		edges[e.key()] = true
	}
	for _, o := range others {
		s.Services = append(s.Services, o.Services...)
		s.Tools = append(s.Tools, o.Tools...)
		for _, e := range o.Edges {
			if k := e.key(); !edges[k] {
				edges[k] = true
				s.Edges = append(s.Edges, e)
			}
		}
		s.Unresolved = append(s.Unresolved, o.Unresolved...)
		s.Problems += o.Problems
	}
	s.relink()
	s.sort()
	return nil
}

// A MergeError names a service that two merged systems both have.
type MergeError struct {
	Index   int // of the system in MergeAll's others that has it again
	Service string
}

func (e *MergeError) Error() string {
	return fmt.Sprintf("service %q is in both; name the services apart (services: in archie.yaml names this repository's)", e.Service)
}

// relink matches the calls one repository could not place with the
// services another repository's facts say answer them: a gRPC call to a
// proto service that exactly one merged service serves goes to it, whether
// its repository named the callee from a deployment file or left it
// unresolved. Then per-repository facts give the edges and chains a run
// over the whole tree would.
func (s *System) relink() {
	serves := make(map[string][]string) // proto service -> services serving it
	for _, svc := range s.Services {
		for _, ep := range svc.Endpoints {
			if ep.Protocol == "grpc" && !slices.Contains(serves[ep.Name], svc.Name) {
				serves[ep.Name] = append(serves[ep.Name], svc.Name)
			}
		}
	}
	server := func(from, proto string) (string, bool) {
		if to := serves[proto]; len(to) == 1 && to[0] != from {
			return to[0], true
		}
		return "", false
	}
	names := make(map[string]bool, len(s.Services))
	for _, svc := range s.Services {
		names[svc.Name] = true
	}
	routes := s.routeIndex()
	byKey := make(map[string]*Edge)
	var edges []*Edge
	add := func(e *Edge) {
		if old := byKey[e.key()]; old != nil {
			old.Evidence = sortEvidence(append(old.Evidence, e.Evidence...))
			return
		}
		byKey[e.key()] = e
		edges = append(edges, e)
	}
	// byRoute places each HTTP call from a service on the merged service
	// that serves its path, where fits allows that service, and returns
	// the calls left.
	byRoute := func(from, target string, evs []Evidence, fits func(to string) bool) []Evidence {
		var left []Evidence
		for _, ev := range evs {
			if to, ok := routes.server(from, ev.Method); ok && fits(to) {
				add(&Edge{From: from, To: to, Kind: "sync", Protocol: "http", Target: target, Known: true, Evidence: []Evidence{ev}})
			} else {
				left = append(left, ev)
			}
		}
		return left
	}
	for _, e := range s.Edges {
		if !e.Known && names[e.To] {
			e.Known = true
		}
		if !e.Known && e.Kind == "sync" && e.Protocol == "grpc" {
			if to, ok := server(e.From, e.Target); ok {
				e.To, e.Known = to, true
			}
		}
		if e.External && e.Protocol == "http" {
			// A host on the internet may be another repository's
			// service (orders.example.io): a call goes to the merged
			// service with its route that the host's first label names.
			// api.github.com's /users/{id} is no merged users service.
			label, _, _ := strings.Cut(e.To, ".")
			e.Evidence = byRoute(e.From, e.Target, e.Evidence, func(to string) bool {
				return strings.TrimSuffix(norm(label), "service") == strings.TrimSuffix(norm(to), "service")
			})
			if len(e.Evidence) == 0 {
				continue
			}
		}
		add(e)
	}
	kept := s.Unresolved[:0]
	for _, u := range s.Unresolved {
		if to, ok := server(u.From, u.Target); ok && u.Protocol == "grpc" {
			add(&Edge{From: u.From, To: to, Kind: "sync", Protocol: "grpc", Target: u.Target, Known: true, Evidence: u.Evidence})
			continue
		}
		if u.Protocol == "http" {
			// Each call under the target is placed by its own path.
			if u.Evidence = byRoute(u.From, u.Target, u.Evidence, func(string) bool { return true }); len(u.Evidence) == 0 {
				continue
			}
		}
		kept = append(kept, u)
	}
	s.Edges, s.Unresolved = edges, kept
}

// RouteServes reports whether the handler named like an endpoint
// ("hipstershop.CartService/GetCart", "GET /cart/{id}") serves the called
// method ("hipstershop.CartService/GetCart", "GET /cart/42").
func RouteServes(handler, method string) bool {
	if handler == method {
		return true
	}
	hm, hroute, ok := strings.Cut(handler, " ")
	if !ok {
		hm, hroute = "", handler
	}
	cm, croute, ok := strings.Cut(method, " ")
	if !ok || !strings.HasPrefix(hroute, "/") {
		return false
	}
	if hm != "" && !strings.Contains(","+hm+",", ","+cm+",") {
		return false
	}
	if i := strings.IndexAny(croute, "?#"); i >= 0 {
		croute = croute[:i]
	}
	hs := strings.Split(strings.Trim(hroute, "/"), "/")
	cs := strings.Split(strings.Trim(croute, "/"), "/")
	for i, h := range hs {
		if h == "*" || strings.HasPrefix(h, "*") || strings.HasSuffix(h, "...}") {
			return true
		}
		if i >= len(cs) {
			return false
		}
		if strings.HasPrefix(h, ":") || strings.HasPrefix(h, "{") || cs[i] == "…" || strings.Contains(cs[i], "…") {
			continue
		}
		if h != cs[i] {
			return false
		}
	}
	return len(cs) == len(hs) || strings.HasSuffix(hroute, "/")
}

// A routeIndex finds the services whose specific HTTP routes may serve a
// call by the call's first path segment, so that placing calls costs
// little whatever the number of services merged.
type routeIndex struct {
	bySegment map[string][]route // the route's first segment, when literal
	anyFirst  []route            // routes starting with a parameter
}

type route struct{ name, service string } // name as "GET /orders/{id}"

func (s *System) routeIndex() *routeIndex {
	ix := &routeIndex{bySegment: make(map[string][]route)}
	for _, svc := range s.Services {
		for _, ep := range svc.Endpoints {
			if ep.Protocol != "http" || !specificRoute(ep.Route) {
				continue
			}
			r := route{strings.TrimSpace(ep.Method + " " + ep.Route), svc.Name}
			first, _, _ := strings.Cut(strings.TrimPrefix(ep.Route, "/"), "/")
			if strings.HasPrefix(first, ":") || strings.HasPrefix(first, "{") {
				ix.anyFirst = append(ix.anyFirst, r)
			} else {
				ix.bySegment[first] = append(ix.bySegment[first], r)
			}
		}
	}
	return ix
}

// server places an HTTP call its repository could not, by its method and
// path ("GET /items"): the one other service with a specific route
// serving it. A path several services serve, or only a generic one,
// places nothing.
func (ix *routeIndex) server(from, call string) (string, bool) {
	_, path, ok := strings.Cut(call, " ")
	if !ok {
		return "", false
	}
	first, _, _ := strings.Cut(strings.TrimPrefix(path, "/"), "/")
	first, _, _ = strings.Cut(first, "?")
	var servers []string
	for _, rs := range [][]route{ix.bySegment[first], ix.anyFirst} {
		for _, r := range rs {
			if RouteServes(r.name, call) && !broad(r.name, path) && namedBy(r.name, path) && !slices.Contains(servers, r.service) {
				servers = append(servers, r.service)
			}
		}
	}
	if len(servers) != 1 || servers[0] == from {
		return "", false
	}
	return servers[0], true
}

// broad reports whether a route serves a path only as a subtree that
// says little of whose it is: net/http's /api/v1/ serves Prometheus'
// /api/v1/query as it serves anything below it. A subtree places a call
// only one segment below it (/users/ places /users/42), and only when it
// has a distinctive segment (not api or a version).
func broad(route, path string) bool {
	rs, cs, subtree := routeSegments(route, path)
	return subtree && (distinctive(rs) == 0 || len(cs) > len(rs)+1)
}

// namedBy reports whether a call's path names a route by one of its
// distinctive segments written out: /api/… matches /api/orders, but
// says nothing of whose API it calls.
func namedBy(route, path string) bool {
	rs, cs, _ := routeSegments(route, path)
	for i, seg := range rs {
		if i < len(cs) && cs[i] == seg && distinctive([]string{seg}) == 1 {
			return true
		}
	}
	return false
}

// routeSegments splits a route ("GET /users/") and a called path
// ("/users/42?x=1") into their segments; subtree says the route ends in
// a slash.
func routeSegments(route, path string) (rs, cs []string, subtree bool) {
	if _, after, ok := strings.Cut(route, " "); ok {
		route = after
	}
	if i := strings.IndexAny(path, "?#"); i >= 0 {
		path = path[:i]
	}
	return strings.Split(strings.Trim(route, "/"), "/"), strings.Split(strings.Trim(path, "/"), "/"), strings.HasSuffix(route, "/")
}

// distinctive counts a route's segments that say whose API it is: literal
// ones, but for api and versions (v1, v2beta1), which every API has.
func distinctive(segs []string) int {
	n := 0
	for _, seg := range segs {
		if seg == "" || strings.HasPrefix(seg, ":") || strings.HasPrefix(seg, "{") || seg == "api" || versionSegment.MatchString(seg) {
			continue
		}
		n++
	}
	return n
}

var versionSegment = regexp.MustCompile(`^v[0-9]+([a-z]+[0-9]*)?$`)

// specificRoute reports whether an HTTP route names one API of one
// service: a literal segment, no catch-all, and not a probe every service
// answers. Only such a route places a call by its path alone.
func specificRoute(route string) bool {
	switch strings.TrimSuffix(route, "/") {
	case "", "/health", "/healthz", "/livez", "/readyz", "/ready", "/live", "/metrics", "/status", "/version", "/ping":
		return false
	}
	segs := strings.Split(strings.Trim(route, "/"), "/")
	for _, seg := range segs {
		if seg == "*" || strings.HasPrefix(seg, "*") || strings.HasSuffix(seg, "...}") || strings.Contains(seg, "…") {
			return false
		}
	}
	return distinctive(segs) > 0
}

func (e *Edge) key() string {
	return strings.Join([]string{e.From, e.To, e.Kind, e.Protocol, e.Target, e.Topic}, "\x00")
}

// sort puts everything in a stable order so that output diffs cleanly.
func (s *System) sort() {
	sort.Slice(s.Services, func(i, j int) bool { return s.Services[i].Name < s.Services[j].Name })
	sort.Slice(s.Tools, func(i, j int) bool { return s.Tools[i].Name < s.Tools[j].Name })
	sort.SliceStable(s.Edges, func(i, j int) bool { return s.Edges[i].key() < s.Edges[j].key() })
	sort.SliceStable(s.Unresolved, func(i, j int) bool {
		a, b := s.Unresolved[i], s.Unresolved[j]
		if a.From != b.From {
			return a.From < b.From
		}
		if a.Protocol != b.Protocol {
			return a.Protocol < b.Protocol
		}
		return a.Target < b.Target
	})
	for _, svc := range s.Services {
		sort.Slice(svc.Endpoints, func(i, j int) bool {
			a, b := svc.Endpoints[i], svc.Endpoints[j]
			if a.Protocol != b.Protocol {
				return a.Protocol < b.Protocol
			}
			if a.Name+a.Route != b.Name+b.Route {
				return a.Name+a.Route < b.Name+b.Route
			}
			if a.Method != b.Method {
				return a.Method < b.Method
			}
			return ComparePos(a.Pos, b.Pos) < 0
		})
		sort.Slice(svc.Stores, func(i, j int) bool {
			a, b := svc.Stores[i], svc.Stores[j]
			if a.Kind != b.Kind {
				return a.Kind < b.Kind
			}
			return a.Resource < b.Resource
		})
	}
}

// sortEvidence orders evidence by position and drops repeats.
func sortEvidence(ev []Evidence) []Evidence {
	sort.SliceStable(ev, func(i, j int) bool {
		if c := ComparePos(ev[i].Pos, ev[j].Pos); c != 0 {
			return c < 0
		}
		return ev[i].Detail+ev[i].Handler < ev[j].Detail+ev[j].Handler
	})
	out := ev[:0]
	for i, e := range ev {
		if i > 0 && e == ev[i-1] {
			continue
		}
		out = append(out, e)
	}
	return out
}

// ComparePos orders positions by file, line and column.
func ComparePos(a, b token.Position) int {
	return cmp.Or(strings.Compare(a.Filename, b.Filename), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
}

// within reports whether path is prefix or below it.
func within(path, prefix string) bool {
	return path == prefix || strings.HasPrefix(path, prefix) && path[len(prefix)] == '/'
}
