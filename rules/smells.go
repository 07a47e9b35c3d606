package rules

import (
	"fmt"
	"go/token"
	"maps"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/archie-dev/archie/analyze"
	"github.com/archie-dev/archie/analyze/services"
	"gopkg.in/yaml.v3"
)

// A Service is a deployable unit as archie.yaml declares it.
type Service struct {
	Name     string   `yaml:"name"`
	Packages Patterns `yaml:"packages"`
	// Run chooses this service of a main that runs several: its first
	// argument ("worker"), or an environment variable ("MODE=worker").
	Run string `yaml:"run"`
	Pos Pos    `yaml:"-"`
}

// UnmarshalYAML records where each service was written.
func (s *Service) UnmarshalYAML(n *yaml.Node) error {
	type plain Service
	s.Pos = pos(n)
	return n.Decode((*plain)(s))
}

// Smells says which distributed-monolith smells archie check reports.
// A smell not listed is not checked.
type Smells struct {
	SharedDatabase     *Smell `yaml:"shared-database"`
	SyncChain          *Smell `yaml:"sync-chain"`
	CrossServiceImport *Smell `yaml:"cross-service-import"`
	HardcodedEndpoint  *Smell `yaml:"hardcoded-endpoint"`
	GodService         *Smell `yaml:"god-service"`
	GodPackage         *Smell `yaml:"god-package"`
	DualWrite          *Smell `yaml:"dual-write"`
}

// A Smell is written as a bare severity (shared-database: error) or as a
// mapping with options.
type Smell struct {
	Severity Severity `yaml:"severity"`
	// Database is the severity of two services opening the same database
	// (one host and database, resolved from a DSN or from one deployment
	// value) with disjoint tables (shared-database only; default: Server,
	// else warning).
	Database Severity `yaml:"database"`
	// Server is the older name of Database, from when archie did not tell
	// a shared database from a shared server: it still sets the
	// same-database level when Database is absent (both at once is an
	// error), and server: off also turns Host off unless Host is set, since
	// it said not to report shared servers.
	Server Severity `yaml:"server"`
	// Host is the severity of two services whose databases are distinct
	// but on the same server (db:5432/orders and db:5432/billing): they
	// scale, upgrade and fail together (shared-database only; default
	// info, off when server: off).
	Host Severity `yaml:"host"`
	// MaxDepth is the longest synchronous chain allowed, in hops
	// (sync-chain only; default 2).
	MaxDepth int `yaml:"max-depth"`
	// FanIn is the share of the other services that may call one
	// synchronously (god-service; default 0.5), or of the module's other
	// packages that may import one (god-package; default 0.5). MinCallers
	// is the fewest callers that make a god service whatever the share
	// (default 3), and Endpoints the most endpoints one may serve (default
	// 50).
	FanIn      float64 `yaml:"fan-in"`
	MinCallers int     `yaml:"min-callers"`
	Endpoints  int     `yaml:"endpoints"`
	// MinDependents is the fewest importers that make a god package
	// whatever the share (default 5), and Instability the most a package
	// that many import may have, counting the module's own packages only
	// (default 0.25) (god-package only).
	MinDependents int     `yaml:"min-dependents"`
	Instability   float64 `yaml:"instability"`
	ADR           int     `yaml:"adr"`
	Why           string  `yaml:"why"`
	Pos           Pos     `yaml:"-"`
}

// UnmarshalYAML accepts a severity or a mapping.
func (s *Smell) UnmarshalYAML(n *yaml.Node) error {
	s.Pos = pos(n)
	if n.Kind == yaml.ScalarNode {
		return n.Decode(&s.Severity)
	}
	type plain Smell
	return n.Decode((*plain)(s))
}

// Any reports whether a smell is checked.
func (s *Smells) Any() bool {
	return s != nil && (s.SharedDatabase != nil || s.SyncChain != nil || s.CrossServiceImport != nil || s.HardcodedEndpoint != nil || s.GodService != nil || s.GodPackage != nil || s.DualWrite != nil)
}

// Services reports whether a smell that needs the services' facts is
// checked: god-package judges the import graph alone.
func (s *Smells) Services() bool {
	return s != nil && (s.SharedDatabase != nil || s.SyncChain != nil || s.CrossServiceImport != nil || s.HardcodedEndpoint != nil || s.GodService != nil || s.DualWrite != nil)
}

// smellDefaults are the severities of smells listed without one.
var smellDefaults = map[string]Severity{
	"shared-database":      SeverityError,
	"sync-chain":           SeverityWarning,
	"cross-service-import": SeverityError,
	"hardcoded-endpoint":   SeverityWarning,
	"god-service":          SeverityWarning,
	"god-package":          SeverityWarning,
	"dual-write":           SeverityWarning,
}

// list returns the configured smells by name.
func (s *Smells) list() map[string]*Smell {
	out := make(map[string]*Smell)
	if s == nil {
		return out
	}
	for name, sm := range map[string]*Smell{"shared-database": s.SharedDatabase, "sync-chain": s.SyncChain, "cross-service-import": s.CrossServiceImport, "hardcoded-endpoint": s.HardcodedEndpoint, "god-service": s.GodService, "god-package": s.GodPackage, "dual-write": s.DualWrite} {
		if sm != nil {
			out[name] = sm
		}
	}
	return out
}

func (s *Smells) get(name string) *Smell { return s.list()[name] }

// severity returns the smell's severity, its default when unset.
func (s *Smell) severity(name string) Severity { return s.Severity.or(smellDefaults[name]) }

// ServiceSpecs matches the packages of each service declared in archie.yaml.
// It fails when a service's patterns match no loaded package.
func (cfg *Config) ServiceSpecs(g *analyze.Graph) ([]services.ServiceSpec, error) {
	c := &checker{cfg: cfg, g: g, refs: make(map[string]pkgRef)}
	var out []services.ServiceSpec
	for _, s := range cfg.Services {
		spec := services.ServiceSpec{Name: s.Name, Run: s.Run}
		for _, p := range g.Packages {
			if _, ok := s.Packages.matchAny(c.ref(p.Path)); ok {
				spec.Packages = append(spec.Packages, p.Path)
			}
		}
		if len(spec.Packages) == 0 {
			return nil, &ConfigError{File: cfg.File, Pos: s.Pos, Msg: fmt.Sprintf("service %q matches no package: check its packages patterns (relative to %s)", s.Name, cfg.Dir)}
		}
		if s.Run != "" && !slices.ContainsFunc(spec.Packages, func(p string) bool {
			pkg := g.Package(p)
			return pkg != nil && pkg.Name == "main"
		}) {
			return nil, &ConfigError{File: cfg.File, Pos: s.Pos, Msg: fmt.Sprintf("service %q has run: %q but none of its packages is a main package: run: chooses which service a main runs; list the main under packages", s.Name, s.Run)}
		}
		out = append(out, spec)
	}
	return out, nil
}

// Mains sorts main packages by hand where discovery would not: mains that
// are services though no deployment file archie reads runs them and they
// serve nothing it recognizes, and mains that are tools though they serve
// (a debug server).
type Mains struct {
	Services Patterns `yaml:"services"`
	Tools    Patterns `yaml:"tools"`
	Pos      Pos      `yaml:"-"`
}

// UnmarshalYAML records where the section was written.
func (m *Mains) UnmarshalYAML(n *yaml.Node) error {
	type plain Mains
	m.Pos = pos(n)
	return n.Decode((*plain)(m))
}

// MainSpecs matches the main packages of the mains section. It fails when
// a pattern matches no main package.
func (cfg *Config) MainSpecs(g *analyze.Graph) (services.Mains, error) {
	var out services.Mains
	if cfg.Mains == nil {
		return out, nil
	}
	c := &checker{cfg: cfg, g: g, refs: make(map[string]pkgRef)}
	match := func(kind string, pats Patterns) ([]string, error) {
		var paths []string
		for _, pat := range pats {
			n := 0
			for _, p := range g.Packages {
				if p.Name != "main" {
					continue
				}
				one := Patterns{pat}
				if _, ok := one.matchAny(c.ref(p.Path)); ok {
					paths = append(paths, p.Path)
					n++
				}
			}
			if n == 0 {
				return nil, &ConfigError{File: cfg.File, Pos: pat.Pos, Msg: fmt.Sprintf("mains.%s: %s matches no main package (relative to %s)", kind, pat.Text, cfg.Dir)}
			}
		}
		return paths, nil
	}
	var err error
	if out.Services, err = match("services", cfg.Mains.Services); err != nil {
		return out, err
	}
	if out.Tools, err = match("tools", cfg.Mains.Tools); err != nil {
		return out, err
	}
	return out, nil
}

func (c *Config) validateServices(errf func(Pos, string, ...any) error, keyPos func(string) Pos) error {
	if err := uniqueNames(c, "service", len(c.Services), func(i int) (string, Pos) { return c.Services[i].Name, c.Services[i].Pos }); err != nil {
		return err
	}
	for _, s := range c.Services {
		if len(s.Packages) == 0 {
			return errf(s.Pos, "service %q has no packages: list its main package and the packages that are its own", s.Name)
		}
		if k, v, env := strings.Cut(s.Run, "="); env && (k == "" || v == "" || strings.ContainsFunc(k, unicode.IsSpace) || unicode.IsSpace(rune(v[0]))) || s.Run != strings.TrimSpace(s.Run) {
			return errf(s.Pos, "service %q: run: %q is neither the first argument (web) nor a variable and its value (SERVER_TO_RUN=grpc)", s.Name, s.Run)
		}
	}
	if c.Smells != nil && !c.Smells.Any() {
		return errf(keyPos("smells"), "smells lists no smell: add shared-database, sync-chain, cross-service-import, hardcoded-endpoint, god-service, god-package or dual-write")
	}
	smells := c.Smells.list()
	for _, name := range slices.Sorted(maps.Keys(smells)) { // the first error, whatever the map's order
		sm := smells[name]
		if sm.MaxDepth < 0 {
			return errf(sm.Pos, "%s.max-depth is %d; want 1 or more", name, sm.MaxDepth)
		}
		if sm.MaxDepth != 0 && name != "sync-chain" {
			return errf(sm.Pos, "max-depth applies to sync-chain only")
		}
		if sm.Server != "" && name != "shared-database" {
			return errf(sm.Pos, "server applies to shared-database only")
		}
		if sm.Database != "" && name != "shared-database" {
			return errf(sm.Pos, "database applies to shared-database only")
		}
		if sm.Host != "" && name != "shared-database" {
			return errf(sm.Pos, "host applies to shared-database only")
		}
		if sm.Database != "" && sm.Server != "" {
			return errf(sm.Pos, "shared-database sets both database and server: server is the older name of database, keep database only")
		}
		if sm.FanIn != 0 && name != "god-service" && name != "god-package" {
			return errf(sm.Pos, "fan-in applies to god-service and god-package only")
		}
		if (sm.MinCallers != 0 || sm.Endpoints != 0) && name != "god-service" {
			return errf(sm.Pos, "min-callers and endpoints apply to god-service only")
		}
		if (sm.MinDependents != 0 || sm.Instability != 0) && name != "god-package" {
			return errf(sm.Pos, "min-dependents and instability apply to god-package only")
		}
		if sm.FanIn < 0 || sm.FanIn > 1 {
			return errf(sm.Pos, "%s.fan-in is %v; want a share above 0 and at most 1, such as 0.5", name, sm.FanIn)
		}
		if sm.MinDependents < 0 {
			return errf(sm.Pos, "god-package.min-dependents is %d; want 1 or more", sm.MinDependents)
		}
		if sm.Instability < 0 || sm.Instability >= 1 {
			return errf(sm.Pos, "god-package.instability is %v; want an instability above 0 and below 1, such as 0.5", sm.Instability)
		}
		if sm.MinCallers < 0 || sm.Endpoints < 0 {
			return errf(sm.Pos, "god-service.min-callers and endpoints want 1 or more")
		}
	}
	return nil
}

var (
	sharedDatabaseFamily = &Family{
		Name: "shared-database", Kind: "shared-database",
		Summary: "two services touch the same table, open the same database, or use the same database server",
		Doc: `A service that shares its tables with another cannot change its schema, scale
or deploy on its own: the two are one system split across processes. archie
finds the tables each service names (SQL in the code, ORM models, collection
names), reachable from that service's entry point, and judges three levels.
Two services that touch the same table or collection are reported at
severity (default error). Two that open the same database (host and
database, resolved from a literal DSN, a config file or one deployment
value) with disjoint tables are reported at database (default warning;
server, its older name, sets it when database is absent). Two whose
databases are distinct but on the same server (db:5432/orders and
db:5432/billing) are reported at host (default info, which never fails a
run; off when server: off and host is absent): they scale, upgrade and fail
together. Each pair is reported at its closest level only, and the evidence
shows where each side's connection comes from. Give each service its own
store and talk through its API.`,
		run: func(c *checker) { c.smell("shared-database", c.sharedDatabase) },
	}
	syncChainFamily = &Family{
		Name: "sync-chain", Kind: "sync-chain",
		Summary: "a request waits on a chain of synchronous calls longer than max-depth, or on a cycle",
		Doc: `A request handler that calls a service whose handler calls another, and so on,
makes every request wait on the whole chain: latency adds up and one slow
service stalls all. archie follows gRPC and HTTP calls reachable from each
request handler to the handler they reach, and reports each distinct chain of
max-depth+1 hops (default max-depth 2), shown with its path continued as far as
its first branch goes (8 hops more at most); a chain within one already
reported is not reported again. Any cycle of synchronous calls
between services is always reported. Messages (Kafka, NATS, AMQP, Pub/Sub,
watermill, asynq) end a chain.`,
		run: func(c *checker) { c.smell("sync-chain", c.syncChain) },
	}
	crossServiceImportFamily = &Family{
		Name: "cross-service-import", Kind: "cross-service-import",
		Summary: "a service imports code that belongs to another service",
		Doc: `A service that imports another service's packages ships that code in its own
binary: a change there needs both redeployed. A package belongs to a service
when archie.yaml declares it under that service, or when it lives in the folder
tree of the service's main package (the nearest, when mains nest). A package in
no main's folder belongs to the services of the nearest folder above it that
holds mains all in one of its folders, those of them that run it:
app/order/model is order-api's and order-rpc's when their mains are in
app/order/cmd. A folder that holds every
service's main, or mains in several of its folders, is no one's. archie
reports each import written in the service's own code (its packages and the
libraries only it reaches) that crosses into another service, at that import;
imports inside the other service's packages, or in libraries several services
share, are not the importer's. Packages made only of generated code (gRPC
stubs and clients), protobuf packages (protoc's generated messages, with the
helpers written beside them), Kubernetes API packages (custom resources'
types registered with AddToScheme, with the DeepCopy methods controller-gen
generates beside them),
packages that declare no function (message
payloads, task names, sentinel errors), and client packages (code that builds
clients of its own service's generated gRPC API, NewOrdersClient, and
registers no server) are API contracts and may be imported. Tools (mains that
are not services) take no part. Move shared code to a library package owned by
neither, or call the service through its API.`,
		run: func(c *checker) { c.smell("cross-service-import", c.crossServiceImport) },
	}
	hardcodedEndpointFamily = &Family{
		Name: "hardcoded-endpoint", Kind: "hardcoded-endpoint",
		Summary: "a literal address of another service reaches a client call or a dial",
		Doc: `An address written in the code ties the caller to one deployment of the callee:
it cannot move, scale behind a new name or be tested against a fake. archie
reports a host:port or URL that names another service and reaches an HTTP
call or a dial where nothing a deployment sets replaces it: a literal, or the
default of a flag or environment variable that no deployment of the caller
sets. Read the address from configuration, or set it where the caller is
deployed.`,
		run: func(c *checker) { c.smell("hardcoded-endpoint", c.hardcodedEndpoint) },
	}
)

// smell runs one smell's check when archie.yaml lists it and the services'
// facts were loaded.
func (c *checker) smell(name string, run func(*Smell, Severity)) {
	sm := c.cfg.Smells.get(name)
	if sm == nil || c.opts.System == nil {
		return
	}
	if sev := sm.severity(name); sev != SeverityOff {
		run(sm, sev)
	} else if name == "shared-database" && (sm.databaseSeverity() != SeverityOff || sm.hostSeverity() != SeverityOff) {
		run(sm, sev)
	}
}

// smellViolation builds a violation of a smell from its evidence.
func (c *checker) smellViolation(name string, sm *Smell, sev Severity, from, to, message string, ev []services.Evidence) Violation {
	v := Violation{Kind: name, Rule: name, Severity: sev, From: from, To: to, Message: message, Why: sm.Why, ADR: sm.ADR}
	// Two services that run the same code (a shared model package) have
	// the same facts: each is listed once.
	seen := make(map[services.Evidence]bool, len(ev))
	for _, e := range ev {
		k := services.Evidence{Pos: e.Pos, Detail: e.Detail, Via: e.Via}
		if seen[k] {
			continue
		}
		seen[k] = true
		detail := e.Detail
		if e.Via != "" {
			detail += " (in " + e.Via + ")"
		}
		v.Evidence = append(v.Evidence, Evidence{Position: factPosition(c.opts.System, c.cfg.Dir, e.Pos), Detail: detail})
	}
	if len(v.Evidence) > 0 {
		v.Position = v.Evidence[0].Position
	}
	return v
}

// factPosition is where a fact of the services' code is: relative to dir,
// or in a dependency read from the module cache, its module and version
// and the file's path in it.
func factPosition(sys *services.System, dir string, p token.Position) Position {
	if mod, f := sys.DependencyFile(p.Filename); f != "" {
		return Position{File: f, Line: p.Line, Column: p.Column, Module: mod}
	}
	return positionIn(dir, p.Filename, p.Line, p.Column)
}

// Evidence is one fact a smell rests on.
type Evidence struct {
	Position Position
	Detail   string
}

// databaseSeverity is shared-database's severity for two services opening
// the same database: database, else the older server, else warning.
func (s *Smell) databaseSeverity() Severity {
	if s.Database != "" {
		return s.Database
	}
	return s.Server.or(SeverityWarning)
}

// hostSeverity is shared-database's severity for two services using the
// same server with distinct databases: host, else off when the older
// server key turned shared servers off, else info.
func (s *Smell) hostSeverity() Severity {
	if s.Host == "" && s.Server == SeverityOff {
		return SeverityOff
	}
	return s.Host.or(SeverityInfo)
}

func (c *checker) sharedDatabase(sm *Smell, sev Severity) {
	for _, sh := range sharings(c.opts.System) {
		level, msg := sev, ""
		switch sh.level {
		case levelTable:
			msg = fmt.Sprintf("%s and %s both touch %s: neither can change it or deploy alone", sh.a, sh.b, sh.resource)
		case levelDatabase:
			level = sm.databaseSeverity()
			msg = fmt.Sprintf("%s and %s open the same %s database %s, with disjoint tables: one schema, one server, two owners", sh.a, sh.b, sh.kind, sh.server)
			if sh.kind == "elasticsearch" {
				// A cluster is a server: indices are what databases are
				// elsewhere, and disjoint ones share no schema.
				level = sm.hostSeverity()
				msg = fmt.Sprintf("%s and %s use the same elasticsearch cluster %s with disjoint indices: they scale, upgrade and fail together", sh.a, sh.b, sh.server)
			}
		case levelHost:
			level = sm.hostSeverity()
			msg = fmt.Sprintf("%s and %s use the same %s server %s with databases %s and %s: they scale, upgrade and fail together", sh.a, sh.b, sh.kind, sh.server, sh.dbA, sh.dbB)
		}
		if level == SeverityOff {
			continue
		}
		v := c.smellViolation("shared-database", sm, level, sh.a, sh.b, msg, sh.ev)
		v.Resource = sh.resource
		c.out = append(c.out, v)
	}
}

// The levels of a sharing, closest first.
const (
	levelTable    = iota + 1 // a table or collection both touch
	levelDatabase            // one database both open, disjoint tables
	levelHost                // one server, distinct databases
)

// ownFiles reports whether a table two services name is in each one's
// own SQLite file: one of them names it only through SQLite, and no file
// both open is written with one path (which a volume both mount makes
// one file).
func ownFiles(a, b []*services.Store) bool {
	all := func(stores []*services.Store) bool {
		return len(stores) > 0 && !slices.ContainsFunc(stores, func(st *services.Store) bool { return !st.Embedded() })
	}
	if !all(a) && !all(b) {
		return false
	}
	for _, x := range a {
		for _, y := range b {
			if x.Embedded() && y.Embedded() && strings.HasPrefix(x.Resource, "dsn ") && x.Resource == y.Resource {
				return false
			}
		}
	}
	return true
}

// A sharing is two services that touch one store: a table or collection
// both name, or, with disjoint tables, one database both open, or one
// server that holds a database of each.
type sharing struct {
	a, b     string // the services, a before b
	level    int    // levelTable, levelDatabase or levelHost
	resource string // "table orders", "database db:5432/shop", the configuration both use, or "server db:5432"
	kind     string // the store's kind: postgres, mongo…
	server   string // the database (db:5432/shop) or, at levelHost, the server (db:5432) both use; "" for a table
	dbA, dbB string // levelHost: the databases of a and of b on that server
	ev       []services.Evidence
}

// sharings lists what the services of a system share, whatever the smells
// say of it: the tables and collections (by name, then services), then the
// databases of pairs that share no table, then the servers of pairs that
// share neither. The shared-database smell judges them, and the service map
// draws them.
func sharings(sys *services.System) []sharing {
	var out []sharing
	type touch struct {
		svc   string
		store *services.Store
	}
	// Two choices of one main share their tables with themselves.
	byName := make(map[string]*services.Service, len(sys.Services))
	for _, s := range sys.Services {
		byName[s.Name] = s
	}
	// Nor do services never deployed together (an all-in-one and the
	// services it runs, or services of alternative compose stacks), or
	// implementations of one API.
	twins := func(a, b string) bool {
		return services.SameBinary(byName[a], byName[b]) || sys.Apart(byName[a], byName[b]) || sys.InOtherStacks(byName[a], byName[b]) || sys.Implementations(byName[a], byName[b])
	}
	// Tables by name and family: a Cassandra table and a Postgres one of
	// the same name are two.
	byTable := make(map[string][]touch)
	for _, s := range sys.Services {
		for _, st := range s.Stores {
			for _, t := range st.Tables {
				k := tableResource(st.Kind, t) + "\x00" + family(st.Kind)
				byTable[k] = append(byTable[k], touch{s.Name, st})
			}
		}
	}
	// known returns the databases archie knows a service to name a table
	// in: those of its stores that name it. A store it opens through
	// configuration archie cannot resolve may be any: then none is known.
	// A store whose address no configuration gives (built from a
	// request's or a row's data) is a user's database, not the service's
	// own. Where only queries tied to no connection name the table, they
	// most likely run on a database of that family the service is known
	// to open.
	known := func(svc string, naming []*services.Store) []string {
		var out []string
		for pass, sts := range [][]*services.Store{naming, byName[svc].Stores} {
			for _, st := range sts {
				switch {
				case pass == 1 && (family(st.Kind) != family(naming[0].Kind) || len(st.Tables) == 0):
				case st.Server != "":
					if !slices.Contains(out, st.Server) {
						out = append(out, st.Server)
					}
				case len(st.Evidence) > 0 && st.Resource != "":
					return nil
				}
			}
			if len(out) > 0 {
				break
			}
		}
		return out
	}
	shared := make(map[[2]string]bool) // pairs already reported at a closer level
	for _, key := range slices.Sorted(maps.Keys(byTable)) {
		res, _, _ := strings.Cut(key, "\x00")
		table := res[strings.IndexByte(res, ' ')+1:]
		// Each service's stores that name the table, in order.
		var names []string
		bySvc := make(map[string][]*services.Store)
		for _, t := range byTable[key] {
			if bySvc[t.svc] == nil {
				names = append(names, t.svc)
			}
			bySvc[t.svc] = append(bySvc[t.svc], t.store)
		}
		slices.Sort(names)
		_, fam, _ := strings.Cut(key, "\x00")
		var pairs []sharing
		for i, a := range names {
			for _, b := range names[i+1:] {
				ka, kb := known(a, bySvc[a]), known(b, bySvc[b])
				if twins(a, b) || ownFiles(bySvc[a], bySvc[b]) || !sameDatabase(ka, kb) || otherDatabases(bySvc[a], bySvc[b], table) {
					continue // one main, or tables of the same name in two databases
				}
				if fam == "redis" && (len(ka) == 0 || len(kb) == 0 || !sameKey(bySvc[a], bySvc[b], table)) {
					// A key pattern is no schema: services that each run
					// a Redis of their own often key it alike, through
					// one library ("lock:*"). Only one Redis both are
					// known to open makes their keys shared, and only
					// keys of one full pattern: user:*:cart and
					// user:*:sessions, both named user:*, never meet.
					continue
				}
				if (libraryTable(bySvc[a], table) || libraryTable(bySvc[b], table)) && (len(ka) == 0 || len(kb) == 0) {
					// A library's own table (an event store's events, a
					// migration tool's versions): every service using
					// the library has one. Only one database both are
					// known to open makes it shared.
					continue
				}
				if appendedTable(bySvc[a], table) && appendedTable(bySvc[b], table) {
					// Both only add documents to the index (every
					// service's logger shipping its lines to one "logs"):
					// neither reads what the other writes.
					continue
				}
				if migratedTable(bySvc[a], table) && migratedTable(bySvc[b], table) && (len(ka) == 0 || len(kb) == 0) {
					// Each creates the table in its own migrations
					// (outbox_events in every service's schema): each
					// keeps one of its own. Only one database both are
					// known to open makes it shared.
					continue
				}
				var ev []services.Evidence
				for _, st := range append(slices.Clip(bySvc[a]), bySvc[b]...) {
					more := st.Touches[table]
					if fam == "redis" && len(st.Evidence) > 0 {
						// What makes keys shared is the one Redis both open.
						more = append(slices.Clip(more), st.Evidence[0])
					}
					for _, e := range more {
						if !slices.Contains(ev, e) {
							ev = append(ev, e)
						}
					}
				}
				pairs = append(pairs, sharing{a: a, b: b, level: levelTable, resource: res, kind: bySvc[a][0].Kind, ev: ev})
			}
		}
		// A pair is left out for one that is reported, never for one
		// left out itself: of bundlers that run each other's code in a
		// ring, one keeps the sharing.
		kept := make(map[[2]string]bool, len(pairs))
		for _, sh := range pairs {
			kept[[2]string{sh.a, sh.b}] = true
		}
		for _, sh := range pairs {
			// Either way the pair is judged at this level: with disjoint
			// tables it would be told it shares only the database.
			shared[[2]string{sh.a, sh.b}] = true
			if bundledSharing(sys, kept, bySvc, table, sh.a, sh.b) || bundledSharing(sys, kept, bySvc, table, sh.b, sh.a) {
				delete(kept, [2]string{sh.a, sh.b})
				continue
			}
			out = append(out, sh)
		}
	}
	byServer := make(map[string][]touch)
	for _, s := range sys.Services {
		for _, st := range s.Stores {
			if st.Server != "" && !st.Embedded() {
				byServer[st.Kind+" "+st.Server] = append(byServer[st.Kind+" "+st.Server], touch{s.Name, st})
			}
		}
	}
	var databases []sharing
	for _, key := range slices.Sorted(maps.Keys(byServer)) {
		opens := byServer[key]
		for i := range opens {
			for j := range opens {
				a, b := opens[i], opens[j]
				if a.svc >= b.svc || twins(a.svc, b.svc) || shared[[2]string{a.svc, b.svc}] {
					continue
				}
				res := "database " + a.store.Server
				// One variable of one value: that is what they share. Two
				// flags of one name are two services' own settings.
				if a.store.Resource == b.store.Resource && a.store.Resource != "" && !strings.HasPrefix(a.store.Resource, "flag ") {
					res = a.store.Resource
				}
				ev := append(storeEvidence(a.store), storeEvidence(b.store)...)
				databases = append(databases, sharing{a: a.svc, b: b.svc, level: levelDatabase, resource: res, kind: a.store.Kind, server: a.store.Server, ev: ev})
			}
		}
	}
	for _, sh := range databases {
		shared[[2]string{sh.a, sh.b}] = true
	}
	out = append(out, databases...)
	// One server, distinct databases: each pair once per server, with
	// every database each side has there.
	type hostPair struct{ key, a, b string }
	hosts := make(map[hostPair]*sharing)
	byHost := make(map[string][]touch)
	for _, s := range sys.Services {
		for _, st := range s.Stores {
			if host, db := splitServer(st.Server); host != "" && db != "" && !st.Embedded() {
				byHost[st.Kind+" "+host] = append(byHost[st.Kind+" "+host], touch{s.Name, st})
			}
		}
	}
	for _, key := range slices.Sorted(maps.Keys(byHost)) {
		opens := byHost[key]
		for i := range opens {
			for j := range opens {
				a, b := opens[i], opens[j]
				if a.svc >= b.svc || twins(a.svc, b.svc) || shared[[2]string{a.svc, b.svc}] || a.store.Server == b.store.Server {
					continue
				}
				host, dbA := splitServer(a.store.Server)
				_, dbB := splitServer(b.store.Server)
				k := hostPair{key, a.svc, b.svc}
				sh := hosts[k]
				if sh == nil {
					sh = &sharing{a: a.svc, b: b.svc, level: levelHost, resource: "server " + host, kind: a.store.Kind, server: host}
					hosts[k] = sh
				}
				sh.dbA = addName(sh.dbA, dbA)
				sh.dbB = addName(sh.dbB, dbB)
				for _, e := range append(storeEvidence(a.store), storeEvidence(b.store)...) {
					if !slices.Contains(sh.ev, e) {
						sh.ev = append(sh.ev, e)
					}
				}
			}
		}
	}
	for _, k := range slices.SortedFunc(maps.Keys(hosts), func(x, y hostPair) int {
		return strings.Compare(x.key+"\x00"+x.a+"\x00"+x.b, y.key+"\x00"+y.a+"\x00"+y.b)
	}) {
		out = append(out, *hosts[k])
	}
	return out
}

// bundledSharing reports whether a's use of a table is another service's:
// a runs the code of services it bundles (an all-in-one), every line at
// which a touches the table is one at which one of them does, and one of
// them shares the table with b in a pair still reported (kept), or b runs
// its code too (another bundle of it). The all-in-one and the ingester
// meet on the spans table only because the collector's code inside it
// does: that is the collector's sharing, reported once, between the
// services whose code it is. Lines are what archie compares: code of the
// all-in-one's own that writes the table through the function the
// collector's code calls is not told apart.
func bundledSharing(sys *services.System, kept map[[2]string]bool, bySvc map[string][]*services.Store, table, a, b string) bool {
	at := func(svc string) []token.Position {
		var out []token.Position
		for _, st := range bySvc[svc] {
			for _, e := range st.Touches[table] {
				out = append(out, e.Pos)
			}
		}
		return out
	}
	var theirs []token.Position
	reported := false
	for c := range bySvc {
		if c == a || c == b || !sys.RunsCodeOf(sys.Service(a), sys.Service(c)) || sys.RunsCodeOf(sys.Service(c), sys.Service(a)) {
			continue
		}
		theirs = append(theirs, at(c)...)
		if kept[[2]string{min(b, c), max(b, c)}] || sys.RunsCodeOf(sys.Service(b), sys.Service(c)) {
			reported = true
		}
	}
	if !reported {
		return false
	}
	for _, p := range at(a) {
		if !slices.Contains(theirs, p) {
			return false
		}
	}
	return true
}

// sameKey reports whether two services' stores name a Redis key by one
// full pattern: the detail of the evidence of each (key user:*:cart).
func sameKey(a, b []*services.Store, key string) bool {
	for _, sa := range a {
		for _, ea := range sa.Touches[key] {
			for _, sb := range b {
				for _, eb := range sb.Touches[key] {
					if ea.Detail == eb.Detail {
						return true
					}
				}
			}
		}
	}
	return false
}

// sameDatabase reports whether two services that name one table may use
// one database, given the databases each is known to name it in. Where
// each side knows some, those decide: a store whose database archie
// could not tell is then most likely one of the known ones, and a table
// of the same name in two known databases is two tables. Otherwise the
// unknown one may be the other's.
func sameDatabase(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 {
		return true
	}
	for _, x := range a {
		for _, y := range b {
			if sameServer(x, y) {
				return true
			}
		}
	}
	return false
}

// otherDatabases reports whether the code of each side names the table in
// databases, and never in one the other names it in:
// client.Database("attractions").Collection("hotels") and
// client.Database("profile").Collection("hotels") are two collections,
// wherever the servers are.
func otherDatabases(a, b []*services.Store, table string) bool {
	in := func(sts []*services.Store) []string {
		var dbs []string
		for _, st := range sts {
			dbs = append(dbs, st.Databases[table]...)
		}
		return dbs
	}
	da, db := in(a), in(b)
	if slices.Contains(da, "") || slices.Contains(db, "") {
		return false // a database archie could not tell may be the other's
	}
	return len(da) > 0 && len(db) > 0 && !slices.ContainsFunc(da, func(d string) bool {
		return slices.ContainsFunc(db, func(e string) bool { return mayBeOne(d, e) })
	})
}

// mayBeOne reports whether two database names may name one database. "…"
// stands for a part known only at run time: "orders-…" (a tenant's
// database) may be "orders-acme", never "orders" nor "billing-…".
func mayBeOne(a, b string) bool {
	if a == b {
		return true
	}
	ap, as, aPattern := knownEnds(a)
	bp, bs, bPattern := knownEnds(b)
	switch {
	case aPattern && bPattern:
		return (strings.HasPrefix(ap, bp) || strings.HasPrefix(bp, ap)) && (strings.HasSuffix(as, bs) || strings.HasSuffix(bs, as))
	case aPattern:
		return len(b) >= len(ap)+len(as) && strings.HasPrefix(b, ap) && strings.HasSuffix(b, as)
	case bPattern:
		return len(a) >= len(bp)+len(bs) && strings.HasPrefix(a, bp) && strings.HasSuffix(a, bs)
	}
	return false
}

// knownEnds returns what a name holds before its first "…" and after its
// last, and whether it has one.
func knownEnds(name string) (prefix, suffix string, pattern bool) {
	i := strings.Index(name, "…")
	if i < 0 {
		return name, name, false
	}
	return name[:i], name[strings.LastIndex(name, "…")+len("…"):], true
}

// sameServer reports whether two servers, host[:port]/database, may be
// one: the same host (in any case) and database, and the same port, or
// one left to its driver's default.
func sameServer(a, b string) bool {
	if a == b {
		return true
	}
	if services.SecretOf(a, b) || services.SecretOf(b, a) {
		return true
	}
	ha, da, _ := strings.Cut(a, "/")
	hb, db, _ := strings.Cut(b, "/")
	ha, pa, _ := strings.Cut(ha, ":")
	hb, pb, _ := strings.Cut(hb, ":")
	return strings.EqualFold(ha, hb) && da == db && (pa == pb || pa == "" || pb == "")
}

// family names the kind of database a store's tables are tables of: the
// SQL databases (sql is a query archie could tie to none of them) are
// one family, any other kind its own.
func family(kind string) string {
	if services.SQLKind(kind) {
		return "sql"
	}
	return kind
}

// addName adds a name to a sorted list written "a, b", once.
func addName(list, name string) string {
	var names []string
	if list != "" {
		names = strings.Split(list, ", ")
	}
	if !slices.Contains(names, name) {
		names = append(names, name)
		slices.Sort(names)
	}
	return strings.Join(names, ", ")
}

// splitServer splits a store's server, host[:port]/database as the
// services analysis writes it, into the server and the database. It
// returns "" for the host when the server cannot be told apart from the
// database: a socket path (/var/run/postgresql/shop) or a project name.
// The database is "" when the DSN named none.
func splitServer(server string) (host, db string) {
	if server == "" || strings.HasPrefix(server, "/") || strings.Contains(server, " ") {
		return "", ""
	}
	host, db, _ = strings.Cut(server, "/")
	return host, db
}

// storeEvidence is where a service opens a store, each fact naming where
// its connection comes from (env DATABASE_URL, dsn postgres://…): facts
// written before archie named it get it added. Resources are redacted
// when the services analysis records them.
func storeEvidence(st *services.Store) []services.Evidence {
	out := make([]services.Evidence, 0, len(st.Evidence))
	for _, e := range st.Evidence {
		if e.Detail == "" {
			e.Detail = "opens " + st.Kind
		}
		if st.Resource != "" && !strings.Contains(e.Detail, st.Resource) {
			e.Detail += " (" + st.Resource + ")"
		}
		out = append(out, e)
	}
	return out
}

// tableResource names a table or collection for messages and matching.
func tableResource(kind, table string) string {
	switch kind {
	case "mongo", "firestore":
		return "collection " + table
	case "redis":
		return "key " + table
	case "elasticsearch":
		return "index " + table // not a SQL table of the same name
	}
	return "table " + table
}

func (c *checker) hardcodedEndpoint(sm *Smell, sev Severity) {
	for _, h := range c.opts.System.Hardcoded {
		msg := fmt.Sprintf("%s reaches %s at the literal address %q: read it from configuration so %s can move", h.From, h.To, h.Address, h.To)
		if h.Env != "" {
			keys := strings.Split(h.Env, ",")
			msg = fmt.Sprintf("%s reaches %s at %q, the default used when $%s is unset, which no deployment sets: set it where %s is deployed so %s can move", h.From, h.To, h.Address, keys[0], h.From, h.To)
			if len(keys) > 1 {
				msg = fmt.Sprintf("%s reaches %s at %q, the default used when $%s are unset, which no deployment sets: set one where %s is deployed so %s can move", h.From, h.To, h.Address, strings.Join(keys, " and $"), h.From, h.To)
			}
		}
		if h.Flag != "" {
			msg = fmt.Sprintf("%s reaches %s at %q, the default of flag -%s, which no deployment sets: set it where %s is deployed so %s can move", h.From, h.To, h.Address, h.Flag, h.From, h.To)
			if flags := strings.Split(h.Flag, ","); len(flags) > 1 {
				msg = fmt.Sprintf("%s reaches %s at %q, the defaults of flags -%s, which no deployment sets: set them where %s is deployed so %s can move", h.From, h.To, h.Address, strings.Join(flags, " and -"), h.From, h.To)
			}
		}
		v := c.smellViolation("hardcoded-endpoint", sm, sev, h.From, h.To, msg, h.Evidence)
		v.Resource = "address " + h.Address
		c.out = append(c.out, v)
	}
}

// crossServiceImport reports the imports, written in a service's own
// code, of packages that belong to another service and not to it. A
// service's own code is the packages it owns and the unowned packages
// only it reaches, found by walking its imports from its roots without
// entering another service's packages: an import made inside another
// service's tree, or in a library several services share, is not this
// service's to answer for. Each crossing is reported once, at the import
// specs of the package that makes it.
func (c *checker) crossServiceImport(sm *Smell, sev Severity) {
	sys := c.opts.System
	owners := c.owners(sys) // package -> services owning it
	owns := func(p, svc string) bool { return slices.Contains(owners[p], svc) }
	reach := make(map[string][]string) // package -> services reaching it in their own code
	walked := make(map[string][]string)
	for _, s := range sys.Services {
		in := make(map[string]bool, len(s.Packages))
		for _, p := range s.Packages {
			in[p] = true
		}
		seen := make(map[string]bool)
		var queue []string
		push := func(p string) {
			if !seen[p] && in[p] && (len(owners[p]) == 0 || owns(p, s.Name)) {
				seen[p] = true
				queue = append(queue, p)
			}
		}
		for _, r := range s.Roots {
			push(r)
		}
		for _, p := range s.Packages {
			if owns(p, s.Name) {
				push(p)
			}
		}
		for len(queue) > 0 {
			p := queue[0]
			queue = queue[1:]
			walked[s.Name] = append(walked[s.Name], p)
			reach[p] = append(reach[p], s.Name)
			if pkg := c.g.Package(p); pkg != nil {
				for _, imp := range pkg.Imports {
					if !imp.Test {
						push(imp.Path)
					}
				}
			}
		}
	}
	for _, s := range sys.Services {
		own := walked[s.Name]
		sort.Strings(own)
		for _, path := range own {
			if !owns(path, s.Name) && len(reach[path]) > 1 {
				continue // a library other services reach too
			}
			p := c.g.Package(path)
			if p == nil {
				continue
			}
			who := s.Name
			if path != s.Entry {
				who += " (" + c.name(path) + ")"
			}
			for _, imp := range p.Imports {
				if imp.Test || owns(imp.Path, s.Name) || sys.Contracts[imp.Path] || ownClient(sys, owners, imp.Path) || c.publishedClient(sys, owners, imp.Path) {
					continue
				}
				// One import, one violation, naming every service whose
				// code it is. Code of a service this one runs, never
				// beside it (an all-in-one, a monolith of its module), is
				// its own too; the all-in-one's own code is not the
				// service's.
				others := owners[imp.Path]
				if len(others) == 0 || slices.ContainsFunc(others, func(o string) bool { return sys.RunsCodeOf(s, sys.Service(o)) || c.nestedIn(s, sys.Service(o)) }) {
					continue
				}
				msg := fmt.Sprintf("%s imports %s, code of service %s: a change there means deploying both", who, c.name(imp.Path), others[0])
				if len(others) > 1 {
					msg = fmt.Sprintf("%s imports %s, code of services %s and %s: a change there means deploying them all", who, c.name(imp.Path), strings.Join(others[:len(others)-1], ", "), others[len(others)-1])
				}
				var ev []services.Evidence
				for _, sp := range c.g.Positions(path, imp.Path) {
					ev = append(ev, services.Evidence{Pos: sp, Detail: "import " + imp.Path})
				}
				v := c.smellViolation("cross-service-import", sm, sev, s.Name, others[0], msg, ev)
				v.Resource = "package " + imp.Path
				c.out = append(c.out, v)
			}
		}
	}
}

// nestedIn reports whether s's main sits inside the folder of t's main,
// in t's module, neither declared in archie.yaml: s is a program written
// within t's tree (a desktop app in client/ui beside the client's
// client/internal, a worker in cmd/worker below a main at the module
// root), which Go lets import t's internal packages. The code above it is
// the code it was written beside, not another service's. A module of its
// own in t's folder is another codebase.
func (c *checker) nestedIn(s, t *services.Service) bool {
	if s == nil || t == nil || s.Entry == "" || t.Entry == "" || c.declaredService(s.Name) != nil || c.declaredService(t.Name) != nil {
		return false
	}
	ps, pt := c.g.Package(s.Entry), c.g.Package(t.Entry)
	if ps == nil || pt == nil || ps.Module == nil || ps.Module != pt.Module {
		return false
	}
	ds, ok1 := c.g.Dir(s.Entry)
	dt, ok2 := c.g.Dir(t.Entry)
	return ok1 && ok2 && strings.HasPrefix(ds, dt+string(filepath.Separator))
}

// ownClient reports whether a package is a service's published client: it
// builds clients of generated APIs (System.Clients) that are its own
// services', or no service's (stubs in a shared proto/ folder), not
// another service's client built inside its business code.
func ownClient(sys *services.System, owners map[string][]string, path string) bool {
	apis := sys.Clients[path]
	if len(apis) == 0 {
		return false
	}
	for _, api := range apis {
		if len(owners[api]) > 0 && !slices.Equal(owners[api], owners[path]) {
			return false
		}
	}
	return true
}

// publishedClient reports whether a package is a client library a
// service publishes for others, written by hand (uber/kraken's
// build-index/tagclient, origin/blobclient; go-saas/kit's realtime/api,
// which names the service and dials it): named as a client (its last
// element ends in "client") or as the service's API ("api"), and
// importing of its service's code only contracts and packages that
// import none of it (the API's models, a tagmodels beside the
// tagclient). Such a package is the service's API as its callers see
// it, as generated stubs are, not its internals; an api package of
// handlers that reach the service's store through its logic is not.
func (c *checker) publishedClient(sys *services.System, owners map[string][]string, path string) bool {
	name := strings.ToLower(path[strings.LastIndexByte(path, '/')+1:])
	if !(strings.HasSuffix(name, "client") && !genericClients[name] || name == "api") || len(owners[path]) == 0 {
		return false
	}
	ownedImports := func(p string) []string {
		var out []string
		if pkg := c.g.Package(p); pkg != nil {
			for _, imp := range pkg.Imports {
				if !imp.Test && imp.Path != p && slices.ContainsFunc(owners[imp.Path], func(o string) bool { return slices.Contains(owners[path], o) }) {
					out = append(out, imp.Path)
				}
			}
		}
		return out
	}
	if c.g.Package(path) == nil || c.doesWork(sys, path) {
		return false
	}
	for _, q := range ownedImports(path) {
		if !sys.Contracts[q] && len(ownedImports(q)) > 0 {
			return false
		}
	}
	return true
}

// doesWork reports whether a package's folder holds a fact of a
// service's work: a route or gRPC service it registers, a table it
// touches, a message it publishes or consumes. An api package that
// registers the orders route and inserts the order is orders' code, not
// its client.
func (c *checker) doesWork(sys *services.System, path string) bool {
	dir, ok := c.g.Dir(path)
	if !ok {
		return false
	}
	in := func(pos token.Position) bool {
		f := pos.Filename
		if f == "" {
			return false
		}
		if !filepath.IsAbs(f) {
			f = filepath.Join(sys.Dir, f)
		}
		return filepath.Dir(f) == filepath.Clean(dir)
	}
	for _, s := range sys.Services {
		for _, e := range s.Endpoints {
			if in(e.Pos) {
				return true
			}
		}
		for _, st := range s.Stores {
			for _, evs := range st.Touches {
				for _, e := range evs {
					if in(e.Pos) {
						return true
					}
				}
			}
		}
		for _, ms := range [][]*services.Message{s.Publishes, s.Consumes} {
			for _, m := range ms {
				for _, e := range m.Evidence {
					if in(e.Pos) {
						return true
					}
				}
			}
		}
	}
	return false
}

// genericClients are names of packages that wrap a protocol or a store
// (an HTTP client with retries), whichever service's folder holds them:
// no service's published client.
var genericClients = map[string]bool{
	"httpclient": true, "grpcclient": true, "rpcclient": true, "restclient": true,
	"redisclient": true, "dbclient": true, "sqlclient": true, "kafkaclient": true, "natsclient": true, "mongoclient": true,
	"esclient": true, "s3client": true, "awsclient": true, "k8sclient": true, "kubeclient": true, "wsclient": true,
}

// owners returns the services each package belongs to: the services that
// declare it, or the services whose main package's folder holds it, the
// nearest when main packages nest (a tool's folder belongs to no service),
// or, for a package in no main's folder, the services of the folder beside
// cmd/ named as their main's folder (users/ for cmd/users), else of its
// domain folder.
func (c *checker) owners(sys *services.System) map[string][]string {
	out := make(map[string][]string)
	type root struct {
		dir, svc string // svc is "" for a tool
	}
	var roots []root
	for _, s := range sys.Services {
		if spec := c.declaredService(s.Name); spec != nil {
			for _, p := range c.g.Packages {
				if _, ok := spec.Packages.matchAny(c.ref(p.Path)); ok {
					out[p.Path] = append(out[p.Path], s.Name)
				}
			}
			continue
		}
		if dir, ok := c.g.Dir(s.Entry); ok && s.Entry != "" {
			roots = append(roots, root{dir, s.Name})
		}
	}
	for _, t := range sys.Tools {
		if dir, ok := c.g.Dir(t.Entry); ok && t.Entry != "" {
			roots = append(roots, root{dir, ""})
		}
	}
	withMain := 0 // services with a main of their own
	var mains []string
	for _, r := range roots {
		if r.svc != "" {
			withMain++
			mains = append(mains, filepath.Base(r.dir))
		}
	}
	prefix := systemPrefix(mains)
	// A package in a service's folder that its program does not build
	// (the client package a service ships for others to call it with)
	// is not its code: a change there does not deploy it.
	runs := make(map[string]map[string]bool) // service -> its packages, when known
	for _, s := range sys.Services {
		if len(s.Packages) > 0 {
			runs[s.Name] = make(map[string]bool, len(s.Packages))
			for _, p := range s.Packages {
				runs[s.Name][p] = true
			}
		}
	}
	// A module nested in the folder of a module that imports it is a
	// library of that module (argo-cd's gitops-engine, beside the agent
	// it ships): outside its mains' folders, its code is no one's.
	// Sibling modules (order/, payment/) are services' own code, and
	// importing one is the smell.
	library := make(map[*analyze.Module]bool)
	for _, p := range c.g.Packages {
		for _, imp := range p.Imports {
			q := c.g.Package(imp.Path)
			if q == nil || q.Module == nil || p.Module == nil || q.Module == p.Module || imp.Test {
				continue
			}
			if strings.HasPrefix(q.Module.Dir, p.Module.Dir+string(filepath.Separator)) {
				library[q.Module] = true
			}
		}
	}
	for _, p := range c.g.Packages {
		d, ok := c.g.Dir(p.Path)
		if !ok {
			continue
		}
		// The nearest main's folder; the services of a main that runs
		// several all own it.
		best := ""
		for _, r := range roots {
			if (d == r.dir || strings.HasPrefix(d, r.dir+string(filepath.Separator))) && len(r.dir) > len(best) {
				best = r.dir
			}
		}
		// In a library module, a main's folder holds only the main: the
		// packages below it (engine/pkg/diff beside engine/main.go) are
		// the library's.
		lib := p.Module != nil && library[p.Module]
		for _, r := range roots {
			if best != "" && r.dir == best && r.svc != "" && !slices.Contains(out[p.Path], r.svc) && (runs[r.svc] == nil || runs[r.svc][p.Path]) && (!lib || d == best) {
				out[p.Path] = append(out[p.Path], r.svc)
			}
		}
		if best != "" || lib {
			continue
		}
		// The folder beside cmd/ named as a main's folder in it holds that
		// main's code (supermq's domains/postgres is cmd/domains'), for
		// the services that run it; not a folder whose name says it is
		// everyone's (api/, server/, common/ beside cmd/api, cmd/server).
		var named []string
		for a := d; len(named) == 0; a = filepath.Dir(a) {
			for _, r := range roots {
				cmd := filepath.Dir(r.dir)
				if r.svc != "" && filepath.Base(cmd) == "cmd" && codeFolderOf(filepath.Dir(cmd), a, filepath.Base(r.dir), prefix) && !sharedFolderName[strings.ToLower(filepath.Base(a))] &&
					(runs[r.svc] == nil || runs[r.svc][p.Path]) && !slices.Contains(named, r.svc) {
					named = append(named, r.svc)
				}
			}
			if filepath.Dir(a) == a {
				break
			}
		}
		if len(named) > 0 {
			// Unless every service builds it: JWT middleware in auth/,
			// beside cmd/auth, that each service imports is everyone's.
			all := withMain > 1
			for _, r := range roots {
				all = all && (r.svc == "" || runs[r.svc] != nil && runs[r.svc][p.Path])
			}
			if !all {
				sort.Strings(named)
				out[p.Path] = named
			}
			continue
		}
		// Outside every main's folder, a package belongs to the services
		// of the nearest folder above it that holds mains, when they all
		// sit in one folder of it and are not all the services, and run
		// it:
		// app/order/model is order-api's and order-rpc's, whose mains are
		// in app/order/cmd, beside app/payment's. A folder whose mains sit
		// in several of its folders (services/a, services/b) is a
		// collection of services, and one holding every service's main
		// (the root of cmd/* and internal/*) a whole system: their shared
		// packages are no one's.
		for a := d; ; a = filepath.Dir(a) {
			var svcs []string
			child, one := "", true
			for _, r := range roots {
				rest, ok := strings.CutPrefix(r.dir, a+string(filepath.Separator))
				if r.svc == "" || !ok {
					continue
				}
				c, _, _ := strings.Cut(rest, string(filepath.Separator))
				if child != "" && c != child {
					one = false
				}
				child = c
				if !slices.Contains(svcs, r.svc) && !services.UnderExamples(rest) {
					svcs = append(svcs, r.svc)
				}
			}
			if len(svcs) > 0 {
				if one && len(svcs) < withMain {
					// Only those whose code it is: a folder of examples
					// beside the functions/ that hold its mains is not
					// theirs when none of them runs it.
					svcs = slices.DeleteFunc(svcs, func(name string) bool {
						svc := sys.Service(name)
						return svc == nil || !slices.Contains(svc.Packages, p.Path)
					})
					sort.Strings(svcs)
					if len(svcs) > 0 {
						out[p.Path] = svcs
					}
				}
				break
			}
			if filepath.Dir(a) == a {
				break
			}
		}
	}
	return out
}

// codeFolderOf reports whether folder a holds the code of the main
// whose folder is named main and whose cmd/ folder is in top: a folder
// named as the main beside cmd/ (users/ for cmd/users), or, for a main
// named with the system's prefix, the folder below top's internal/ named
// without it (internal/apiserver for cmd/iam-apiserver).
func codeFolderOf(top, a, main, prefix string) bool {
	parent := filepath.Dir(a)
	if parent == top {
		return filepath.Base(a) == main
	}
	rest, ok := strings.CutPrefix(main, prefix)
	return ok && prefix != "" && filepath.Dir(parent) == top && filepath.Base(parent) == "internal" &&
		normFolder(filepath.Base(a)) == normFolder(rest) && !genericSuffix[normFolder(rest)]
}

// systemPrefix returns the first word, with its - or _, that the names
// of all the services' mains but at most one start with (iam- of
// iam-apiserver, iam-pump and iam-watcher beside iamctl), or "".
func systemPrefix(mains []string) string {
	count := make(map[string]int)
	for _, m := range mains {
		if i := strings.IndexAny(m, "-_"); i > 0 {
			count[m[:i+1]]++
		}
	}
	for p, n := range count {
		if n >= 2 && n >= len(mains)-1 {
			return p
		}
	}
	return ""
}

func normFolder(name string) string {
	return strings.NewReplacer("-", "", "_", "").Replace(strings.ToLower(name))
}

// genericSuffix are words any service's name may end with
// (order-service, billing-worker): internal/service is everyone's.
var genericSuffix = map[string]bool{"service": true, "services": true, "svc": true, "server": true, "worker": true, "workers": true,
	"api": true, "app": true, "grpc": true, "http": true, "rpc": true, "gateway": true, "consumer": true, "producer": true}

// sharedFolderName are folder names that, beside cmd/, hold code meant
// for every program (contracts, clients, helpers) even where a main in
// cmd/ bears the same name.
var sharedFolderName = map[string]bool{"api": true, "apis": true, "server": true, "client": true, "common": true, "shared": true,
	"pkg": true, "lib": true, "libs": true, "internal": true, "core": true, "util": true, "utils": true, "web": true, "app": true, "proto": true, "gen": true}

func (c *checker) declaredService(name string) *Service {
	for _, s := range c.cfg.Services {
		if s.Name == name {
			return s
		}
	}
	return nil
}

// migratedTable reports whether a table of stores is one a migration in
// the service's own folder creates.
func migratedTable(stores []*services.Store, table string) bool {
	return slices.ContainsFunc(stores, func(st *services.Store) bool { return slices.Contains(st.Migrated, table) })
}

// appendedTable reports whether a table of stores is an index the
// service only adds documents to.
func appendedTable(stores []*services.Store, table string) bool {
	return !slices.ContainsFunc(stores, func(st *services.Store) bool {
		return slices.Contains(st.Tables, table) && !slices.Contains(st.Appended, table)
	})
}

// libraryTable reports whether a table of stores is one only a library's
// code names, by a name of its own.
func libraryTable(stores []*services.Store, table string) bool {
	return slices.ContainsFunc(stores, func(st *services.Store) bool { return slices.Contains(st.Library, table) })
}
