package rules

import (
	"fmt"
	"go/token"
	"strings"
	"testing"
	"time"

	"github.com/archie-dev/archie/analyze/services"
)

// checkSmells runs archie check with the smells section given on a literal
// system of services: nothing is loaded.
func checkSmells(t *testing.T, smells string, sys *services.System) []Violation {
	t.Helper()
	cfg, err := ParseConfig("archie.yaml", []byte("version: 1\nsmells:\n"+smells))
	if err != nil {
		t.Fatalf("ParseConfig: %v", err)
	}
	cfg.Dir = "/m"
	res, err := Check(cfg, graph(t), Options{Now: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), System: sys})
	if err != nil {
		t.Fatalf("Check: %v", err)
	}
	return res.Violations
}

// smellLines renders smell violations as "kind severity from->to resource"
// lines, with the path of a chain.
func smellLines(vs []Violation) []string {
	var out []string
	for _, v := range vs {
		s := fmt.Sprintf("%s %s %s->%s %s", v.Kind, v.Severity, v.From, v.To, v.Resource)
		if len(v.Path) > 0 {
			s += "[" + strings.Join(v.Path, " ") + "]"
		}
		out = append(out, strings.TrimSpace(s))
	}
	return out
}

// at is evidence in a service's main.go.
func at(svc string, line int, detail string) services.Evidence {
	return services.Evidence{Pos: token.Position{Filename: "/m/cmd/" + svc + "/main.go", Line: line, Column: 2}, Detail: detail}
}

// stores builds a service that opens one store of a kind, on a server
// ("" for unknown) through a resource, and touches tables in it.
func stores(svc, kind, server, resource string, tables ...string) *services.Service {
	st := &services.Store{Kind: kind, Server: server, Resource: resource, Tables: tables, Touches: make(map[string][]services.Evidence),
		Evidence: []services.Evidence{at(svc, 10, "opens "+kind)}}
	for i, tb := range tables {
		st.Touches[tb] = []services.Evidence{at(svc, 20+i, "SQL names table "+tb)}
	}
	return &services.Service{Name: svc, Stores: []*services.Store{st}}
}

// keyed is a service that names a Redis key in cache:6379/0, its evidence
// detail the key's full pattern.
func keyed(svc, key, detail string) *services.Service {
	s := stores(svc, "redis", "cache:6379/0", "", key)
	s.Stores[0].Touches[key] = []services.Evidence{at(svc, 20, detail)}
	return s
}

// queries is a service's SQL that names tables, tied to no connection
// archie could follow: a store it never saw opened.
func queries(svc string, tables ...string) *services.Service {
	s := stores(svc, "sql", "", "", tables...)
	s.Stores[0].Evidence = nil
	return s
}

// also gives a service the stores of another of its name.
func also(s *services.Service, more *services.Service) *services.Service {
	s.Stores = append(s.Stores, more.Stores...)
	return s
}

func TestSharedDatabase(t *testing.T) {
	tests := []struct {
		name   string
		smells string
		svcs   []*services.Service
		want   []string
	}{
		{
			name:   "two services touch one table",
			smells: "  shared-database: error",
			svcs:   []*services.Service{stores("a", "postgres", "", "env DATABASE_URL", "orders"), stores("b", "postgres", "", "env DB", "orders", "payments")},
			want:   []string{"shared-database error a->b table orders"},
		},
		{
			name:   "one service touching a table twice shares nothing",
			smells: "  shared-database: error",
			svcs:   []*services.Service{stores("a", "postgres", "", "", "orders", "orders")},
		},
		{
			name:   "tables of one name in two databases are two tables",
			smells: "  shared-database: error",
			svcs:   []*services.Service{stores("a", "postgres", "db1:5432/shop", "", "orders"), stores("b", "postgres", "db2:5432/shop", "", "orders")},
		},
		{
			name:   "a table in a known and an unknown database may be one",
			smells: "  shared-database: error",
			svcs:   []*services.Service{stores("a", "postgres", "db1:5432/shop", "", "orders"), stores("b", "sql", "", "", "orders")},
			want:   []string{"shared-database error a->b table orders"},
		},
		{
			name:   "queries tied to no connection beside a known database are the known one's",
			smells: "  shared-database: error",
			svcs: []*services.Service{stores("a", "postgres", "db1:5432/a", "", "orders"),
				also(stores("b", "postgres", "db2:5432/b", "", "orders"), queries("b", "orders", "members"))},
		},
		{
			name:   "a connection it opens to a database archie cannot tell may be the other's",
			smells: "  shared-database: error",
			svcs: []*services.Service{stores("a", "postgres", "db1:5432/a", "", "orders"),
				also(stores("b", "postgres", "db2:5432/b", "", "orders"), stores("b", "postgres", "", "env USERS_DB", "orders"))},
			want: []string{"shared-database error a->b table orders"},
		},
		{
			name:   "a connection no configuration names (a request's data) is a user's database",
			smells: "  shared-database: error",
			svcs: []*services.Service{stores("a", "postgres", "db1:5432/a", "", "orders"),
				also(stores("b", "postgres", "db2:5432/b", "", "orders"), stores("b", "postgres", "", "", "orders"))},
		},
		{
			name:   "a database of another family says nothing of where queries run",
			smells: "  shared-database: error",
			svcs: []*services.Service{stores("a", "postgres", "db1:5432/a", "", "users"),
				also(stores("b", "cassandra", "events:9042/ks", "", "events"), queries("b", "users"))},
			want: []string{"shared-database error a->b table users"},
		},
		{
			name:   "a SQLite table is in each service's own file",
			smells: "  shared-database: error",
			svcs:   []*services.Service{stores("origin", "sqlite", "", "flag source", "writeback_task"), stores("index", "sqlite", "", "flag source", "writeback_task")},
		},
		{
			name:   "a table in a service's SQLite file is not one a server database holds",
			smells: "  shared-database: error",
			svcs:   []*services.Service{stores("origin", "sqlite", "", "", "writeback_task"), stores("index", "sql", "", "", "writeback_task")},
		},
		{
			name:   "two SQLite files of one path may be one a volume both mount",
			smells: "  shared-database: error",
			svcs:   []*services.Service{stores("api", "sqlite", "", "dsn /data/shop.db", "jobs"), stores("worker", "sqlite", "", "dsn /data/shop.db", "jobs")},
			want:   []string{"shared-database error api->worker table jobs"},
		},
		{
			name:   "SQLite files of two paths are two",
			smells: "  shared-database: error",
			svcs:   []*services.Service{stores("api", "sqlite", "", "dsn /data/api.db", "jobs"), stores("worker", "sqlite", "", "dsn /data/worker.db", "jobs")},
		},
		{
			name:   "one database written with and without its port",
			smells: "  shared-database: error",
			svcs:   []*services.Service{stores("a", "postgres", "Things-DB:5432/things", "", "orders"), stores("b", "postgres", "things-db/things", "", "orders")},
			want:   []string{"shared-database error a->b table orders"},
		},
		{
			name:   "a table only an unknown store names is judged by the service's known databases",
			smells: "  shared-database: error",
			svcs: []*services.Service{stores("a", "postgres", "db1:5432/a", "", "members"),
				also(stores("b", "postgres", "db2:5432/b", "", "orders"), queries("b", "members"))},
		},
		{
			name:   "a known database in common is shared, whatever else each opens",
			smells: "  shared-database: error",
			svcs: []*services.Service{also(stores("a", "postgres", "db1:5432/a", "", "orders"), stores("a", "postgres", "db3:5432/c", "", "orders")),
				also(stores("b", "postgres", "db2:5432/b", "", "orders"), stores("b", "postgres", "db3:5432/c", "", "orders"))},
			want: []string{"shared-database error a->b table orders"},
		},
		{
			name:   "with no database known on one side, the table may be one",
			smells: "  shared-database: error",
			svcs:   []*services.Service{stores("a", "postgres", "db1:5432/a", "", "orders"), also(queries("b", "orders"), stores("b", "redis", "cache:6379/0", ""))},
			want:   []string{"shared-database error a->b table orders"},
		},
		{
			name:   "a Redis key pattern two services name in one Redis is shared",
			smells: "  shared-database: error",
			svcs:   []*services.Service{stores("a", "redis", "cache:6379/0", "", "session:*"), stores("b", "redis", "cache:6379/0", "", "session:*", "cart:*")},
			want:   []string{"shared-database error a->b key session:*"},
		},
		{
			name:   "keys named alike whose full patterns differ never meet",
			smells: "  shared-database: error",
			svcs:   []*services.Service{keyed("a", "user:*", "key user:*:cart"), keyed("b", "user:*", "key user:*:sessions")},
			want:   []string{"shared-database warning a->b database cache:6379/0"},
		},
		{
			name:   "a Redis key pattern in a Redis archie cannot place is not judged",
			smells: "  shared-database: error",
			svcs:   []*services.Service{stores("a", "redis", "cache:6379/0", "", "lock:*"), stores("b", "redis", "", "env REDIS_URL", "lock:*")},
		},
		{
			name:   "one key pattern in two Redis databases is two",
			smells: "  shared-database: error",
			svcs:   []*services.Service{stores("a", "redis", "cache:6379/0", "", "lock:*"), stores("b", "redis", "cache:6379/1", "", "lock:*")},
			want:   []string{"shared-database info a->b server cache:6379"},
		},
		{
			name:   "a Cassandra table is not a SQL table of the same name",
			smells: "  shared-database: error",
			svcs:   []*services.Service{stores("a", "cassandra", "", "", "messages"), stores("b", "postgres", "", "", "messages")},
		},
		{
			name:   "a table of one SQL database may be another's, whatever the driver says",
			smells: "  shared-database: error",
			svcs:   []*services.Service{stores("a", "postgres", "", "", "messages"), queries("b", "messages")},
			want:   []string{"shared-database error a->b table messages"},
		},
		{
			name:   "a search index is not a SQL table of the same name",
			smells: "  shared-database: error",
			svcs:   []*services.Service{stores("a", "postgres", "", "", "meows"), stores("b", "elasticsearch", "", "", "meows")},
		},
		{
			name:   "a collection is named as one",
			smells: "  shared-database: error",
			svcs:   []*services.Service{stores("a", "mongo", "", "", "carts"), stores("b", "mongo", "", "", "carts")},
			want:   []string{"shared-database error a->b collection carts"},
		},
		{
			name:   "one database server through one configuration, disjoint tables: the server severity",
			smells: "  shared-database: error",
			svcs:   []*services.Service{stores("a", "postgres", "db:5432/shop", "env DATABASE_URL", "orders"), stores("b", "postgres", "db:5432/shop", "env DATABASE_URL", "payments")},
			want:   []string{"shared-database warning a->b env DATABASE_URL"},
		},
		{
			name:   "one database server through two configurations",
			smells: "  shared-database: {severity: error, server: error}",
			svcs:   []*services.Service{stores("a", "postgres", "db:5432/shop", "env A_DB", "orders"), stores("b", "postgres", "db:5432/shop", "env B_DB", "payments")},
			want:   []string{"shared-database error a->b database db:5432/shop"},
		},
		{
			name:   "a shared table is not reported again as a shared server",
			smells: "  shared-database: error",
			svcs:   []*services.Service{stores("a", "postgres", "db:5432/shop", "", "orders"), stores("b", "postgres", "db:5432/shop", "", "orders")},
			want:   []string{"shared-database error a->b table orders"},
		},
		{
			name:   "server: off",
			smells: "  shared-database: {severity: error, server: off}",
			svcs:   []*services.Service{stores("a", "postgres", "db:5432/shop", "", "orders"), stores("b", "postgres", "db:5432/shop", "", "payments")},
		},
		{
			name:   "severity off keeps the server check, and a shared table still hides the server",
			smells: "  shared-database: off",
			svcs: []*services.Service{stores("a", "postgres", "db:5432/shop", "", "orders"), stores("b", "postgres", "db:5432/shop", "", "orders"),
				stores("c", "mysql", "mysql:3306/shop", "", "stock"), stores("d", "mysql", "mysql:3306/shop", "", "carts")},
			want: []string{"shared-database warning c->d database mysql:3306/shop"},
		},
		{
			name:   "one server, distinct databases: info by default",
			smells: "  shared-database: error",
			svcs:   []*services.Service{stores("a", "postgres", "db:5432/orders", "env DATABASE_URL", "orders"), stores("b", "postgres", "db:5432/billing", "env DATABASE_URL", "payments")},
			want:   []string{"shared-database info a->b server db:5432"},
		},
		{
			name:   "host sets the server level",
			smells: "  shared-database: {severity: error, host: warning}",
			svcs:   []*services.Service{stores("a", "postgres", "db:5432/orders", "", "orders"), stores("b", "postgres", "db:5432/billing", "", "payments")},
			want:   []string{"shared-database warning a->b server db:5432"},
		},
		{
			name:   "host: off",
			smells: "  shared-database: {host: off}",
			svcs:   []*services.Service{stores("a", "postgres", "db:5432/orders", "", "orders"), stores("b", "postgres", "db:5432/billing", "", "payments")},
		},
		{
			name:   "the older server: off said no shared servers either",
			smells: "  shared-database: {severity: error, server: off}",
			svcs:   []*services.Service{stores("a", "postgres", "db:5432/orders", "", "orders"), stores("b", "postgres", "db:5432/billing", "", "payments")},
		},
		{
			name:   "server: off with host set",
			smells: "  shared-database: {severity: error, server: off, host: warning}",
			svcs: []*services.Service{stores("a", "postgres", "db:5432/orders", "", "orders"), stores("b", "postgres", "db:5432/billing", "", "payments"),
				stores("c", "postgres", "db:5432/shop", "", "stock"), stores("d", "postgres", "db:5432/shop", "", "carts")},
			want: []string{"shared-database warning a->b server db:5432", "shared-database warning a->c server db:5432", "shared-database warning a->d server db:5432",
				"shared-database warning b->c server db:5432", "shared-database warning b->d server db:5432"},
		},
		{
			name:   "database sets the database level",
			smells: "  shared-database: {severity: error, database: error}",
			svcs:   []*services.Service{stores("a", "postgres", "db:5432/shop", "env DATABASE_URL", "orders"), stores("b", "postgres", "db:5432/shop", "env DATABASE_URL", "payments")},
			want:   []string{"shared-database error a->b env DATABASE_URL"},
		},
		{
			name:   "database: off leaves the other levels",
			smells: "  shared-database: {database: off}",
			svcs: []*services.Service{stores("a", "postgres", "db:5432/shop", "", "orders"), stores("b", "postgres", "db:5432/shop", "", "orders", "payments"),
				stores("c", "postgres", "db:5432/shop", "", "stock"), stores("d", "postgres", "db:5432/billing", "", "invoices")},
			want: []string{"shared-database error a->b table orders", "shared-database info a->d server db:5432", "shared-database info b->d server db:5432", "shared-database info c->d server db:5432"},
		},
		{
			name:   "each pair at its closest level only",
			smells: "  shared-database: error",
			svcs: []*services.Service{
				{Name: "a", Stores: []*services.Store{stores("a", "postgres", "db:5432/shop", "", "orders").Stores[0], stores("a", "postgres", "db:5432/audit", "", "log").Stores[0]}},
				{Name: "b", Stores: []*services.Store{stores("b", "postgres", "db:5432/shop", "", "orders").Stores[0], stores("b", "postgres", "db:5432/stats", "", "hits").Stores[0]}},
				{Name: "c", Stores: []*services.Store{stores("c", "postgres", "db:5432/shop", "", "carts").Stores[0]}},
			},
			want: []string{"shared-database error a->b table orders", "shared-database warning a->c database db:5432/shop", "shared-database warning b->c database db:5432/shop"},
		},
		{
			name:   "tables of one name in two databases of one server: the server level",
			smells: "  shared-database: error",
			svcs:   []*services.Service{stores("a", "postgres", "db:5432/orders", "", "events"), stores("b", "postgres", "db:5432/billing", "", "events")},
			want:   []string{"shared-database info a->b server db:5432"},
		},
		{
			name:   "an unknown database, another kind, a socket or another port is no shared server",
			smells: "  shared-database: {host: error}",
			svcs: []*services.Service{stores("a", "postgres", "db:5432", "", "orders"), stores("b", "postgres", "db:5432/billing", "", "payments"),
				stores("c", "mysql", "db:5432/stock", "", "stock"), stores("d", "postgres", "/var/run/postgresql/x", "", "x"),
				stores("e", "postgres", "/var/run/postgresql/y", "", "y"), stores("f", "postgres", "db:5433/carts", "", "carts")},
		},
		{
			name:   "not listed, not checked",
			smells: "  hardcoded-endpoint: warning",
			svcs:   []*services.Service{stores("a", "postgres", "", "", "orders"), stores("b", "postgres", "", "", "orders")},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := smellLines(checkSmells(t, tc.smells, &services.System{Dir: "/m", Services: tc.svcs}))
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("violations:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

func TestSharedDatabaseMessageAndEvidence(t *testing.T) {
	vs := checkSmells(t, "  shared-database: {severity: error, adr: 7, why: one owner per table}", &services.System{Dir: "/m", Services: []*services.Service{
		stores("a", "postgres", "", "", "orders"), stores("b", "postgres", "", "", "orders")}})
	if len(vs) != 1 {
		t.Fatalf("violations = %v, want 1", smellLines(vs))
	}
	v := vs[0]
	if want := "a and b both touch table orders: neither can change it or deploy alone"; v.Message != want {
		t.Errorf("message = %q, want %q", v.Message, want)
	}
	if v.ADR != 7 || v.Why != "one owner per table" {
		t.Errorf("ADR, why = %d, %q; want 7, %q", v.ADR, v.Why, "one owner per table")
	}
	var ev []string
	for _, e := range v.Evidence {
		ev = append(ev, fmt.Sprintf("%s:%d %s", e.Position.File, e.Position.Line, e.Detail))
	}
	want := []string{"cmd/a/main.go:20 SQL names table orders", "cmd/b/main.go:20 SQL names table orders"}
	if strings.Join(ev, "\n") != strings.Join(want, "\n") {
		t.Errorf("evidence = %q, want %q", ev, want)
	}
	if v.Position != v.Evidence[0].Position {
		t.Errorf("position = %v, want the first evidence's %v", v.Position, v.Evidence[0].Position)
	}
}

func TestSharedDatabaseLevelMessages(t *testing.T) {
	withDB := func(svc, server, resource string, tables ...string) *services.Service {
		s := stores(svc, "postgres", server, resource, tables...)
		s.Stores[0].Evidence[0].Detail = "opens postgres (" + resource + ")"
		return s
	}
	tests := []struct {
		name   string
		svcs   []*services.Service
		msg    string
		ev     []string
		sev    Severity
		resTxt string
	}{
		{
			name:   "table",
			svcs:   []*services.Service{withDB("a", "", "env DATABASE_URL", "orders"), withDB("b", "", "env DB", "orders")},
			msg:    "a and b both touch table orders: neither can change it or deploy alone",
			ev:     []string{"cmd/a/main.go:20 SQL names table orders", "cmd/b/main.go:20 SQL names table orders"},
			sev:    SeverityError,
			resTxt: "table orders",
		},
		{
			name:   "database",
			svcs:   []*services.Service{withDB("a", "db:5432/shop", "env DATABASE_URL", "orders"), withDB("b", "db:5432/shop", "dsn postgres://app:***@db:5432/shop", "payments")},
			msg:    "a and b open the same postgres database db:5432/shop, with disjoint tables: one schema, one server, two owners",
			ev:     []string{"cmd/a/main.go:10 opens postgres (env DATABASE_URL)", "cmd/b/main.go:10 opens postgres (dsn postgres://app:***@db:5432/shop)"},
			sev:    SeverityWarning,
			resTxt: "database db:5432/shop",
		},
		{
			name:   "elasticsearch cluster, distinct indices",
			svcs:   []*services.Service{stores("a", "elasticsearch", "es:9200", "dsn http://es:9200", "orders"), stores("b", "elasticsearch", "es:9200", "dsn http://es:9200", "users")},
			msg:    "a and b use the same elasticsearch cluster es:9200 with disjoint indices: they scale, upgrade and fail together",
			ev:     []string{"cmd/a/main.go:10 opens elasticsearch (dsn http://es:9200)", "cmd/b/main.go:10 opens elasticsearch (dsn http://es:9200)"},
			sev:    SeverityInfo,
			resTxt: "dsn http://es:9200",
		},
		{
			name:   "server",
			svcs:   []*services.Service{withDB("a", "db:5432/orders", "env ORDERS_DB", "orders"), withDB("b", "db:5432/billing", "dsn postgres://db:5432/billing", "invoices")},
			msg:    "a and b use the same postgres server db:5432 with databases orders and billing: they scale, upgrade and fail together",
			ev:     []string{"cmd/a/main.go:10 opens postgres (env ORDERS_DB)", "cmd/b/main.go:10 opens postgres (dsn postgres://db:5432/billing)"},
			sev:    SeverityInfo,
			resTxt: "server db:5432",
		},
		{
			name: "evidence without the resource, as older facts files have it, gets it",
			svcs: []*services.Service{stores("a", "postgres", "db:5432/orders", "env ORDERS_DB", "orders"), stores("b", "postgres", "db:5432/billing", "", "invoices")},
			msg:  "a and b use the same postgres server db:5432 with databases orders and billing: they scale, upgrade and fail together",
			ev:   []string{"cmd/a/main.go:10 opens postgres (env ORDERS_DB)", "cmd/b/main.go:10 opens postgres"},
			sev:  SeverityInfo, resTxt: "server db:5432",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			vs := checkSmells(t, "  shared-database: error", &services.System{Dir: "/m", Services: tc.svcs})
			if len(vs) != 1 {
				t.Fatalf("violations = %v, want 1", smellLines(vs))
			}
			v := vs[0]
			if v.Message != tc.msg || v.Severity != tc.sev || v.Resource != tc.resTxt {
				t.Errorf("message, severity, resource = %q, %s, %q; want %q, %s, %q", v.Message, v.Severity, v.Resource, tc.msg, tc.sev, tc.resTxt)
			}
			var ev []string
			for _, e := range v.Evidence {
				ev = append(ev, fmt.Sprintf("%s:%d %s", e.Position.File, e.Position.Line, e.Detail))
			}
			if strings.Join(ev, "\n") != strings.Join(tc.ev, "\n") {
				t.Errorf("evidence = %q, want %q", ev, tc.ev)
			}
		})
	}
}

func TestSharedDatabaseServersOfAPair(t *testing.T) {
	a := stores("a", "postgres", "db:5432/orders", "", "orders")
	a.Stores = append(a.Stores, stores("a", "postgres", "db:5432/audit", "", "log").Stores[0])
	b := stores("b", "postgres", "db:5432/billing", "", "invoices")
	vs := checkSmells(t, "  shared-database: error", &services.System{Dir: "/m", Services: []*services.Service{a, b}})
	if len(vs) != 1 {
		t.Fatalf("violations = %v, want one for the pair", smellLines(vs))
	}
	if want := "a and b use the same postgres server db:5432 with databases audit, orders and billing: they scale, upgrade and fail together"; vs[0].Message != want {
		t.Errorf("message = %q, want %q", vs[0].Message, want)
	}
}

func TestSharedDatabaseConfig(t *testing.T) {
	for _, tc := range []struct {
		yaml, err string
	}{
		{"  shared-database: {severity: error, server: warning}", ""},
		{"  shared-database: {severity: error, database: warning, host: warning}", ""},
		{"  shared-database: {host: info}", ""},
		{"  shared-database:\n    database: error\n    server: warning", "archie.yaml:4:5: shared-database sets both database and server: server is the older name of database, keep database only"},
		{"  sync-chain: {severity: warning, database: error}", "archie.yaml:3:15: database applies to shared-database only"},
		{"  god-service: {host: error}", "archie.yaml:3:16: host applies to shared-database only"},
		{"  shared-database: {host: notice}", `archie.yaml:3:27: severity "notice" is not one of error, warning, info, off`},
	} {
		_, err := ParseConfig("archie.yaml", []byte("version: 1\nsmells:\n"+tc.yaml))
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tc.err {
			t.Errorf("ParseConfig(%q) = %q, want %q", tc.yaml, got, tc.err)
		}
	}
}

// syncCall is a synchronous call from one service to another, made in the
// caller's handler (or "" from start-up code), to the callee's method.
func syncCall(from, to, handler, method string) *services.Edge {
	ev := at(from, 30, "GET")
	ev.Handler, ev.Method = handler, method
	return &services.Edge{From: from, To: to, Kind: "sync", Protocol: "http", Target: "http://" + to, Known: true, Evidence: []services.Evidence{ev}}
}

func TestSyncChain(t *testing.T) {
	chain := []*services.Edge{syncCall("a", "b", "GET /a", "GET /b"), syncCall("b", "c", "GET /b", "GET /c"), syncCall("c", "d", "GET /c", "GET /d")}
	tests := []struct {
		name   string
		smells string
		edges  []*services.Edge
		want   []string
	}{
		{
			name:   "three hops from a handler, more than the default max-depth 2",
			smells: "  sync-chain: warning",
			edges:  chain,
			want:   []string{"sync-chain warning a->d [a b c d]"},
		},
		{
			name:   "three hops within max-depth 3",
			smells: "  sync-chain: {severity: warning, max-depth: 3}",
			edges:  chain,
		},
		{
			name:   "a chain continues only in the handler the call reaches",
			smells: "  sync-chain: {severity: error, max-depth: 1}",
			edges:  []*services.Edge{syncCall("a", "b", "GET /a", "GET /b"), syncCall("b", "c", "GET /other", "GET /c")},
		},
		{
			name:   "the handler reached is matched by pattern",
			smells: "  sync-chain: {severity: error, max-depth: 1}",
			edges:  []*services.Edge{syncCall("a", "b", "GET /a", "GET /b/42"), syncCall("b", "c", "GET /b/{id}", "GET /c")},
			want:   []string{"sync-chain error a->c [a b c]"},
		},
		{
			name:   "an unknown method reached may be any handler",
			smells: "  sync-chain: {severity: error, max-depth: 1}",
			edges:  []*services.Edge{syncCall("a", "b", "GET /a", ""), syncCall("b", "c", "GET /other", "GET /c")},
			want:   []string{"sync-chain error a->c [a b c]"},
		},
		{
			name:   "calls from start-up code start no chain",
			smells: "  sync-chain: {severity: error, max-depth: 1}",
			edges:  []*services.Edge{syncCall("a", "b", "", "GET /b"), syncCall("b", "c", "", "GET /c")},
		},
		{
			name:   "messages end a chain",
			smells: "  sync-chain: {severity: error, max-depth: 1}",
			edges: []*services.Edge{syncCall("a", "b", "GET /a", "GET /b"),
				{From: "b", To: "c", Kind: "async", Protocol: "kafka", Topic: "orders", Evidence: []services.Evidence{at("b", 40, "publish orders")}}},
		},
		{
			name:   "a cycle is reported whatever the depth and the handlers",
			smells: "  sync-chain: {severity: warning, max-depth: 5}",
			edges:  []*services.Edge{syncCall("a", "b", "", "GET /b"), syncCall("b", "a", "", "GET /a")},
			want:   []string{"sync-chain warning a->b [a b a]"},
		},
		{
			name:   "a service calling itself is no chain and no cycle",
			smells: "  sync-chain: {severity: warning, max-depth: 1}",
			edges:  []*services.Edge{syncCall("a", "a", "GET /a", "GET /b")},
		},
		{
			name:   "not listed, not checked",
			smells: "  shared-database: error",
			edges:  chain,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var svcs []*services.Service
			for _, n := range []string{"a", "b", "c", "d"} {
				svcs = append(svcs, &services.Service{Name: n})
			}
			got := smellLines(checkSmells(t, tc.smells, &services.System{Dir: "/m", Services: svcs, Edges: tc.edges}))
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("violations:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// A ladder of services, each calling both of the next rung from the
// handler it is called in, has 2^rungs chains: sync-chain reports each
// chain of max-depth+1 hops once, not every path, and ends. Branches after
// the first max-depth+1 hops are shown once, on the first branch.
func TestSyncChainLadder(t *testing.T) {
	const rungs = 40
	var edges []*services.Edge
	name := func(r, i int) string { return fmt.Sprintf("s%d-%d", r, i) }
	for r := 0; r+1 < rungs; r++ {
		for i := range 2 {
			for j := range 2 {
				edges = append(edges, syncCall(name(r, i), name(r+1, j), "GET /"+name(r, i), "GET /"+name(r+1, j)))
			}
		}
	}
	vs := checkSmells(t, "  sync-chain: {severity: warning, max-depth: 2}", &services.System{Dir: "/m", Edges: edges})
	// Each start (two services a rung, two calls each) begins 2×2×2 chains
	// of three hops; shown continued, later starts lie within earlier ones.
	if len(vs) == 0 || len(vs) > (rungs-3)*2*8 {
		t.Fatalf("%d violations, want between 1 and %d", len(vs), (rungs-3)*2*8)
	}
	for _, v := range vs {
		if len(v.Path) < 4 || len(v.Path) > 4+8 {
			t.Errorf("chain %v: want 3 hops continued by at most 8", v.Path)
		}
	}
}

func TestSyncChainMessage(t *testing.T) {
	vs := checkSmells(t, "  sync-chain: warning", &services.System{Dir: "/m", Edges: []*services.Edge{
		syncCall("a", "b", "GET /a", "GET /b"), syncCall("b", "c", "GET /b", "GET /c"), syncCall("c", "d", "GET /c", "GET /d")}})
	if len(vs) != 1 {
		t.Fatalf("violations = %v, want 1", smellLines(vs))
	}
	if want := "a request to a waits on 3 synchronous hops (a → b → c → d), more than max-depth 2: latency and failures add up along the chain"; vs[0].Message != want {
		t.Errorf("message = %q, want %q", vs[0].Message, want)
	}
	var details []string
	for _, e := range vs[0].Evidence {
		details = append(details, e.Detail)
	}
	want := []string{"a calls b GET /b in handler GET /a", "b calls c GET /c in handler GET /b", "c calls d GET /d in handler GET /c"}
	if strings.Join(details, "\n") != strings.Join(want, "\n") {
		t.Errorf("evidence = %q, want %q", details, want)
	}
}

func TestHandlerServes(t *testing.T) {
	for _, tc := range []struct {
		handler, method string
		want            bool
	}{
		{"hipstershop.CartService/GetCart", "hipstershop.CartService/GetCart", true},
		{"hipstershop.CartService/GetCart", "hipstershop.CartService/AddItem", false},
		{"GET /cart/{id}", "GET /cart/42", true},
		{"GET /cart/:id", "GET /cart/42", true},
		{"GET /cart/{id}", "POST /cart/42", false},
		{"GET,POST /orders", "POST /orders", true},
		{"/orders", "DELETE /orders", true},
		{"GET /a", "GET /a?x=1", true},
		{"GET /a/b", "GET /a", false},
		{"GET /a", "GET /a/b", false},
		{"/static/", "GET /static/css/site.css", true},
		{"GET /files/*", "GET /files/a/b", true},
		{"GET /files/{path...}", "GET /files/a/b", true},
		{"GET /cart/{id}", "GET /cart/…", true},
		{"GET /cart", "GET …/cart", false},
	} {
		if got := services.RouteServes(tc.handler, tc.method); got != tc.want {
			t.Errorf("RouteServes(%q, %q) = %v, want %v", tc.handler, tc.method, got, tc.want)
		}
	}
}

func TestHardcodedEndpoint(t *testing.T) {
	hard := []*services.Hardcoded{{From: "frontend", To: "reviews", Address: "http://reviews:8081/api", Evidence: []services.Evidence{at("frontend", 40, "GET")}}}
	tests := []struct {
		name   string
		smells string
		want   []string
	}{
		{"a literal address of another service", "  hardcoded-endpoint: warning", []string{"hardcoded-endpoint warning frontend->reviews address http://reviews:8081/api"}},
		{"at the severity configured", "  hardcoded-endpoint: error", []string{"hardcoded-endpoint error frontend->reviews address http://reviews:8081/api"}},
		{"off", "  hardcoded-endpoint: off", nil},
		{"not listed, not checked", "  sync-chain: warning", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			vs := checkSmells(t, tc.smells, &services.System{Dir: "/m", Hardcoded: hard})
			if got := smellLines(vs); strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("violations:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			if len(vs) == 1 {
				if want := `frontend reaches reviews at the literal address "http://reviews:8081/api": read it from configuration so reviews can move`; vs[0].Message != want {
					t.Errorf("message = %q, want %q", vs[0].Message, want)
				}
				if p := vs[0].Position; p.File != "cmd/frontend/main.go" || p.Line != 40 {
					t.Errorf("position = %v, want cmd/frontend/main.go:40", p)
				}
			}
		})
	}
}

// TestHardcodedEndpointMessage holds each kind of address to the message
// that says what to change: a literal in the code, a flag's default, an
// environment variable's default.
func TestHardcodedEndpointMessage(t *testing.T) {
	tests := []struct {
		name      string
		flag, env string
		want      string
	}{
		{"a literal", "", "", `frontend reaches reviews at the literal address "http://reviews:8081/api": read it from configuration so reviews can move`},
		{"a flag's default", "reviews-url", "", `frontend reaches reviews at "http://reviews:8081/api", the default of flag -reviews-url, which no deployment sets: set it where frontend is deployed so reviews can move`},
		{"two flags' defaults", "reviews-host,reviews-port", "", `frontend reaches reviews at "http://reviews:8081/api", the defaults of flags -reviews-host and -reviews-port, which no deployment sets: set them where frontend is deployed so reviews can move`},
		{"a variable's default", "", "REVIEWS_URL", `frontend reaches reviews at "http://reviews:8081/api", the default used when $REVIEWS_URL is unset, which no deployment sets: set it where frontend is deployed so reviews can move`},
		{"the default of either of two variables", "", "SHOP_REVIEWS_URL,REVIEWS_URL", `frontend reaches reviews at "http://reviews:8081/api", the default used when $SHOP_REVIEWS_URL and $REVIEWS_URL are unset, which no deployment sets: set one where frontend is deployed so reviews can move`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			hard := []*services.Hardcoded{{From: "frontend", To: "reviews", Address: "http://reviews:8081/api", Flag: tc.flag, Env: tc.env, Evidence: []services.Evidence{at("frontend", 40, "GET")}}}
			vs := checkSmells(t, "  hardcoded-endpoint: warning", &services.System{Dir: "/m", Hardcoded: hard})
			if len(vs) != 1 || vs[0].Message != tc.want {
				var got []string
				for _, v := range vs {
					got = append(got, v.Message)
				}
				t.Errorf("messages = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestGodService(t *testing.T) {
	svc := func(name string) *services.Service { return &services.Service{Name: name} }
	twin := func(name, run string) *services.Service {
		return &services.Service{Name: name, Entry: "example.com/m/cmd/app", Run: services.ParseSelector(run)}
	}
	calls := func(to string, from ...string) []*services.Edge {
		var out []*services.Edge
		for _, f := range from {
			out = append(out, syncCall(f, to, "", "GET /"+to))
		}
		return out
	}
	five := []*services.Service{svc("a"), svc("b"), svc("c"), svc("d"), svc("hub")}
	tests := []struct {
		name   string
		smells string
		svcs   []*services.Service
		edges  []*services.Edge
		want   []string
	}{
		{
			name:   "every other service calls it",
			smells: "  god-service: warning",
			svcs:   five,
			edges:  calls("hub", "a", "b", "c", "d"),
			want:   []string{"god-service warning hub-> callers of service hub"},
		},
		{
			name:   "two callers are fewer than min-callers, whatever the share",
			smells: "  god-service: warning",
			svcs:   []*services.Service{svc("a"), svc("b"), svc("hub")},
			edges:  calls("hub", "a", "b"),
		},
		{
			name:   "three callers of eight others are not most of them",
			smells: "  god-service: warning",
			svcs:   []*services.Service{svc("a"), svc("b"), svc("c"), svc("d"), svc("e"), svc("f"), svc("g"), svc("h"), svc("hub")},
			edges:  calls("hub", "a", "b", "c"),
		},
		{
			name:   "fan-in lowered: three of eight is enough",
			smells: "  god-service: {severity: error, fan-in: 0.3}",
			svcs:   []*services.Service{svc("a"), svc("b"), svc("c"), svc("d"), svc("e"), svc("f"), svc("g"), svc("h"), svc("hub")},
			edges:  calls("hub", "a", "b", "c"),
			want:   []string{"god-service error hub-> callers of service hub"},
		},
		{
			name:   "the services of one binary are one caller",
			smells: "  god-service: warning",
			svcs:   []*services.Service{twin("app-http", "http"), twin("app-grpc", "grpc"), svc("c"), svc("hub")},
			edges:  calls("hub", "app-http", "app-grpc", "c"),
		},
		{
			name:   "a service calling itself is not its own caller",
			smells: "  god-service: {min-callers: 1}",
			svcs:   []*services.Service{svc("a"), svc("hub")},
			edges:  calls("hub", "hub"),
		},
		{
			name:   "more endpoints than allowed",
			smells: "  god-service: {endpoints: 2}",
			svcs: []*services.Service{svc("web"), {Name: "api", Endpoints: []services.Endpoint{
				{Protocol: "http", Method: "GET", Route: "/a"}, {Protocol: "http", Method: "GET", Route: "/b"}, {Protocol: "grpc", Name: "p.S"}}}},
			want: []string{"god-service warning api-> endpoints of service api"},
		},
		{
			name:   "a system of one service is a monolith: its endpoints are all there are",
			smells: "  god-service: {endpoints: 2}",
			svcs: []*services.Service{{Name: "api", Endpoints: []services.Endpoint{
				{Protocol: "http", Method: "GET", Route: "/a"}, {Protocol: "http", Method: "GET", Route: "/b"}, {Protocol: "grpc", Name: "p.S"}}}},
		},
		{
			name:   "nor is a monolith offered apart from the services cut from it",
			smells: "  god-service: {endpoints: 2}",
			svcs: []*services.Service{
				{Name: "mono", Entry: "m/cmd/mono", Packages: []string{"m/cmd/mono", "m/orders/app"}, Profiles: []string{"monolith"}, Endpoints: []services.Endpoint{
					{Protocol: "http", Method: "GET", Route: "/a"}, {Protocol: "http", Method: "GET", Route: "/b"}, {Protocol: "grpc", Name: "p.S"}}},
				{Name: "orders", Entry: "m/orders/cmd", Packages: []string{"m/orders/app", "m/orders/cmd"}, Profiles: []string{"services"}},
			},
		},
		{
			name:   "nor does the broker its messages go to make it a system of two",
			smells: "  god-service: {endpoints: 2}",
			svcs: []*services.Service{{Name: "api", Endpoints: []services.Endpoint{
				{Protocol: "http", Method: "GET", Route: "/a"}, {Protocol: "http", Method: "GET", Route: "/b"}, {Protocol: "grpc", Name: "p.S"}}}},
			edges: []*services.Edge{{From: "api", To: "kafka", Kind: "async", Protocol: "kafka", Target: "orders", Topic: "orders"}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := smellLines(checkSmells(t, tc.smells, &services.System{Dir: "/m", Services: tc.svcs, Edges: tc.edges}))
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("violations:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
	vs := checkSmells(t, "  god-service: warning", &services.System{Dir: "/m", Services: five, Edges: calls("hub", "a", "b", "c", "d")})
	if want := "hub is called synchronously by 4 of the 4 other services (a, b, c, d), more than fan-in 0.5: when it fails or changes, they all do"; len(vs) != 1 || vs[0].Message != want {
		t.Errorf("violations = %v, want one saying %q", vs, want)
	}
}

func TestShortFunc(t *testing.T) {
	for in, want := range map[string]string{
		"(*example.com/shop/orders.Service).Place": "(*orders.Service).Place",
		"example.com/shop/orders.Place$1":          "orders.Place$1",
		"github.com/x/bar/v2.F":                    "bar.F",
		"(*github.com/x/bar/v2/store.DB).Save":     "(*store.DB).Save",
		"main.main":                                "main.main",
	} {
		if got := shortFunc(in); got != want {
			t.Errorf("shortFunc(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMayBeOne(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"orders", "orders", true},
		{"orders", "billing", false},
		{"orders-…", "orders-acme", true},
		{"orders-acme", "orders-…", true},
		{"orders-…", "orders", false}, // a tenant's database is not the base
		{"orders", "orders-…", false},
		{"orders-…", "billing-…", false},
		{"orders-…", "orders-eu-…", true},
		{"…_archive", "orders_archive", true},
		{"…_archive", "orders", false},
		{"…_archive", "orders-…", true}, // orders-x_archive may be either
		{"o…s", "os", true},
		{"o…s", "o", false}, // the known ends may not overlap
	}
	for _, tt := range tests {
		if got := mayBeOne(tt.a, tt.b); got != tt.want {
			t.Errorf("mayBeOne(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
