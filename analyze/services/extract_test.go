package services

import (
	"go/token"
	"slices"
	"strings"
	"testing"
)

func TestRedact(t *testing.T) {
	for _, tc := range []struct{ dsn, want string }{
		{"postgres://shop:secret@db:5432/shop", "postgres://shop:***@db:5432/shop"},
		{"redis://:secret@cache:6379/0", "redis://:***@cache:6379/0"},
		{"postgres://db:5432/shop", "postgres://db:5432/shop"},
		{"root:PXDN93@tcp(mysql:3306)/orders?parseTime=true", "root:***@tcp(mysql:3306)/orders?parseTime=true"},
		{"root:p@ss@tcp(mysql:3306)/orders", "root:***@tcp(mysql:3306)/orders"},
		{"root@tcp(mysql:3306)/orders", "root@tcp(mysql:3306)/orders"},
		{"host=db port=5432 user=shop password=secret dbname=shop", "host=db port=5432 user=shop password=*** dbname=shop"},
		{"Server=db;Database=shop;User Id=sa;Password=secret;", "Server=db;Database=shop;User Id=sa;Password=***;"},
		{"cache:6379", "cache:6379"},
		{"orders:Xk9/qPw@tcp(mysql:3306)/orders?parseTime=true", "orders:***@tcp(mysql:3306)/orders?parseTime=true"},
		{"postgres://billing:zz@top@pg:5432/billing", "postgres://billing:***@pg:5432/billing"},
		{"postgres://pg:5432/billing?user=b&password=s3cr&sslmode=off", "postgres://pg:5432/billing?user=b&password=***&sslmode=off"},
		{"host=pg user=users password='Pa55w0rd x' dbname=users", "host=pg user=users password=*** dbname=users"},
		{`host=pg password="a b c" dbname=users`, `host=pg password=*** dbname=users`},
		{"mongodb://u:p@a:27017,b:27017/shop?authSource=admin&email=x@y", "mongodb://u:***@a:27017,b:27017/shop?authSource=admin&email=x@y"},
	} {
		if got := redact(tc.dsn); got != tc.want {
			t.Errorf("redact(%q) = %q, want %q", tc.dsn, got, tc.want)
		}
	}
}

func TestOtherSystem(t *testing.T) {
	for _, tc := range []struct{ kind, addr, want string }{
		{"redis", "nats://nats:4222", "nats"},
		{"redis", "amqp://guest:guest@nginx:5682/", "amqp"},
		{"redis", "redis://cache:6379/0", ""},
		{"redis", "REDISS://cache:6379/0", ""},
		{"redis", "cache:6379", ""},             // no scheme: nothing to judge
		{"postgres", "mysql://db/shop", ""},     // one family
		{"sql", "mongodb://db/shop", "mongodb"}, // a driver archie could not name
		{"mongo", "postgres://db/shop", "postgres"},
		{"elasticsearch", "https://es:9200", ""}, // a kind no scheme names
		{"redis", "", ""},
	} {
		if got := otherSystem(tc.kind, tc.addr); got != tc.want {
			t.Errorf("otherSystem(%q, %q) = %q, want %q", tc.kind, tc.addr, got, tc.want)
		}
	}
}

func TestDSNServer(t *testing.T) {
	for _, tc := range []struct{ dsn, want string }{
		{"postgres://shop:secret@db:5432/shop?sslmode=disable", "db:5432/shop"},
		{"host=db port=5432 dbname=orders", "db:5432/orders"},
		{"root:p@ss@tcp(mysql:3306)/orders?parseTime=true", "mysql:3306/orders"},
		{"user@unix(/tmp/mysql.sock)/shop", "/tmp/mysql.sock/shop"},
		{"postgres://u:pw@db/shop#frag", "db/shop"},
		{"postgres://0:0000@?/0", ""},
		// SQL Server names the database in the query, the instance in
		// the path; ClickHouse's native URL the database in the query.
		{"sqlserver://sa:pw@mssql:1433?database=orders&encrypt=disable", "mssql:1433/orders"},
		{"sqlserver://sa:pw@mssql:1433/SQLEXPRESS?Database=orders", `mssql:1433\SQLEXPRESS/orders`},
		{"sqlserver://sa:pw@mssql:1433/SQLEXPRESS", `mssql:1433\SQLEXPRESS`},
		{"tcp://ch:9000?database=logs&debug=true", "ch:9000/logs"},
		{"postgres://db:5432/shop?dbname=other", "db:5432/shop"},
		{"redis://:secret@cache:6379", "cache:6379"},
		{"cache:6379", "cache:6379"},
		{"${DATABASE_URL}", ""},
		{"", ""},
	} {
		if got := dsnServer(tc.dsn); got != tc.want {
			t.Errorf("dsnServer(%q) = %q, want %q", tc.dsn, got, tc.want)
		}
	}
}

func TestSQLWritten(t *testing.T) {
	for _, c := range []struct{ q, want string }{
		{"INSERT INTO orders (id) VALUES ($1)", "orders"},
		{"-- name: CreateOrder :one\nINSERT INTO\n    kitchen.kitchen_orders (id) VALUES ($1)", "kitchen.kitchen_orders"},
		{"update `stock` set n = n - 1", "stock"},
		{"DELETE FROM carts WHERE id = 1", "carts"},
		{"INSERT IGNORE INTO audit VALUES (1)", "audit"},
		{"WITH x AS (SELECT 1) UPDATE orders SET a = 1", "orders"},
		{"INSERT INTO events_… (id) VALUES (1)", ""},
		{"SELECT * FROM orders", ""},
		{"select id from orders where status = 'update pending'", ""},
		{"CREATE TABLE orders (id int)", ""},
		{"update payouts", ""},
	} {
		if got := sqlWritten(c.q); got != c.want {
			t.Errorf("sqlWritten(%q) = %q, want %q", c.q, got, c.want)
		}
	}
}

// Catalogs only some engines keep are theirs: a PostgreSQL schema named
// system, or a table named like a Redshift view in MySQL, is an
// application's.
func TestEngineCatalog(t *testing.T) {
	for _, c := range []struct {
		table, kind string
		want        bool
	}{
		{"system.clusters", "clickhouse", true},
		{"system.clusters", "sql", true},
		{"system_schema.keyspaces", "cassandra", true},
		{"system.jobs", "postgres", false},
		{"stl_load_errors", "postgres", true},
		{"stl_load_errors", "mysql", false},
		{"stl_files", "postgres", false},
		{"sys_load_error_detail", "sql", true},
		{"sys_auto_code_histories", "sql", false},
		{"sysobjects", "sqlserver", true},
		{"orders", "sql", false},
	} {
		if got := engineCatalog(c.table, c.kind); got != c.want {
			t.Errorf("engineCatalog(%q, %q) = %v, want %v", c.table, c.kind, got, c.want)
		}
	}
}

func TestLoopback(t *testing.T) {
	for server, want := range map[string]bool{
		"localhost:5432/shop": true, "127.0.0.1:3306/test": true, "[::1]:5432/x": true, "0.0.0.0:6379": true,
		"db:5432/shop": false, "localhost.example.com:5432/x": false, "": false, "127db:5432/x": false,
	} {
		if got := loopback(server); got != want {
			t.Errorf("loopback(%q) = %v, want %v", server, got, want)
		}
	}
}

// A database's own catalog is no table of a service's: two services that
// ask it whether their database exists share nothing.
func TestSystemTables(t *testing.T) {
	for q, want := range map[string][]string{
		"SELECT 1 FROM pg_catalog.pg_database WHERE datname = $1":     nil,
		"SELECT table_name FROM information_schema.tables":            nil,
		"SELECT name FROM sqlite_master WHERE type='table'":           nil,
		"SELECT * FROM pg_tables":                                     nil,
		"SELECT o.id FROM orders o JOIN information_schema.columns c": {"orders"},
		"INSERT INTO pg_orders (id) VALUES ($1)":                      nil,
		// The dummy table, and a catalog further in.
		"SELECT 1 FROM DUAL": nil,
		"SELECT column_name FROM shop.information_schema.columns": nil,
		"SELECT job_id FROM `region-us`.INFORMATION_SCHEMA.JOBS":  nil,
		// What only some engines reserve is an application's here.
		"SELECT name FROM system.tables WHERE database = ?":           {"system.tables"},
		"SELECT * FROM sys_user JOIN sys_auto_code_histories ON true": {"sys_user", "sys_auto_code_histories"},
		"SELECT * FROM stl_load_errors JOIN user_views ON true":       {"stl_load_errors", "user_views"},
		// Functions that take FROM, and functions after FROM, are no tables.
		"UPDATE execution SET status = 'x' WHERE EXTRACT(epoch FROM NOW() - start_time) > ? AND NOT EXISTS (SELECT 1 FROM task)": {"execution", "task"},
		"INSERT INTO counter (id, value) VALUES (?, ?) ON DUPLICATE KEY UPDATE value = ?":                                        {"counter"},
		"INSERT INTO t (a) VALUES (1) ON DUPLICATE KEY\n\tUPDATE a = a + 1; UPDATE totals SET n = 1":                             {"t", "totals"},
		"SELECT SUBSTRING(name FROM 2), TRIM(LEADING 'x' FROM code) FROM items":                                                  {"items"},
		"SELECT n FROM generate_series(1, 10) n JOIN orders o ON o.id = n":                                                       {"orders"},
		"SELECT * FROM (SELECT id FROM orders) o":                                                                                {"orders"},
		"SELECT count(*) FROM orders WHERE id IN (SELECT order_id FROM lines)":                                                   {"orders", "lines"},
		// A WITH clause's names are the statement's own; reserved words
		// and a row lock's clauses name no table.
		"WITH locked AS (SELECT id FROM jobs FOR UPDATE SKIP LOCKED) UPDATE jobs SET n = 1 FROM locked WHERE jobs.id = locked.id":                      {"jobs"},
		"WITH RECURSIVE tree (id, parent) AS (SELECT id, parent FROM nodes), counts AS MATERIALIZED (SELECT 1) SELECT * FROM tree JOIN counts ON true": {"nodes"},
		"SELECT * FROM tasks t JOIN runtime r ON r.id = t.id FOR UPDATE OF r SKIP LOCKED":                                                              {"tasks", "runtime"},
		"SELECT * FROM tasks FOR NO KEY UPDATE NOWAIT":                                                                                                 {"tasks"},
		"CREATE TRIGGER mirror AFTER INSERT OR UPDATE OR DELETE ON runs FOR EACH ROW EXECUTE FUNCTION f()":                                             nil,
		"SELECT * FROM  LIMIT 10": nil,
		// A table's piece left empty before a join.
		"SELECT count(1) FROM  INNER JOIN sessions USING (session_id)": {"sessions"},
		"SELECT * FROM  ANY LEFT JOIN events AS e ON true":             {"events"},
		// Common table expressions after a piece the code builds apart.
		"WITH … sub_sessions AS (SELECT session_id FROM sessions), initial_event AS (SELECT 1 FROM events INNER JOIN sub_sessions USING (session_id)) SELECT * FROM events INNER JOIN initial_event ON true": {"sessions", "events"},
		"SELECT * FROM \"order\" JOIN user ON true": {"order", "user"},
		"WITH x AS (SELECT 1) SELECT * FROM s.x":    {"s.x"},
		// Comments and string literals are no SQL.
		"SELECT id FROM tasks -- select the tasks from the input\n WHERE a = 'join a' /* update is\n late */ AND b = 'it''s from b'": {"tasks"},
		"INSERT INTO v1_payload_… SELECT * FROM payloads":                                                                            {"payloads"},
		// A WITH clause's body reads the table it may be named after.
		"WITH orders AS (SELECT * FROM orders WHERE paid) SELECT count(*) FROM orders":                             {"orders"},
		"WITH a AS (SELECT 1), orders AS (SELECT * FROM orders) SELECT * FROM orders, a":                           {"orders"},
		"WITH RECURSIVE t AS (SELECT id FROM nodes UNION SELECT n.id FROM nodes n JOIN t ON true) SELECT * FROM t": {"nodes"},
		// Quotes inside quoted names and escaped quotes start nothing.
		"SELECT id FROM notes WHERE body <> \"don't\" UNION SELECT id FROM orders WHERE note = 'x'": {"notes", "orders"},
		"SELECT 'it\\'s' AS n, id FROM orders":                                                      {"orders"},
		"SELECT * FROM t1, \"weird--name\" JOIN orders ON true":                                     {"t1", "orders"},
		"SELECT 'unterminated FROM orders":                                                          {"orders"},
		// A prepared statement's name ("update payouts"), a verb and a
		// name, is no statement; an UPDATE whose SET is built at run
		// time is one.
		"update payouts":                           nil,
		"UPDATE orders … WHERE id = $1":            {"orders"},
		"delete payouts":                           nil,
		"UPDATE a JOIN b ON a.id = b.id SET n = 1": {"a", "b"},
		"DELETE t FROM t JOIN u ON t.id = u.id":    {"t", "u"},
	} {
		if got := sqlTables(q); !slices.Equal(got, want) {
			t.Errorf("sqlTables(%q) = %q, want %q", q, got, want)
		}
	}
}

// beego names a model's table by its own snake case, which splits
// acronyms letter by letter.
func TestBeegoSnake(t *testing.T) {
	for in, want := range map[string]string{
		"Order": "order", "LineItem": "line_item", "APIKey": "a_p_i_key", "_Foo": "_foo", "HTTPLog": "h_t_t_p_log", "user_id": "user_id",
	} {
		if got := beegoSnake(in); got != want {
			t.Errorf("beegoSnake(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNormPath(t *testing.T) {
	for in, want := range map[string]string{
		"github.com/go-chi/chi/v5":                  "github.com/go-chi/chi",
		"github.com/redis/go-redis/v9":              "github.com/redis/go-redis",
		"net/http":                                  "net/http",
		"gopkg.in/olivere/elastic.v5":               "github.com/olivere/elastic",
		"gopkg.in/olivere/elastic.v5/uritemplates":  "github.com/olivere/elastic/uritemplates",
		"gopkg.in/Shopify/sarama.v1":                "github.com/Shopify/sarama",
		"gopkg.in/yaml.v3":                          "gopkg.in/yaml.v3",
		"gopkg.in/olivere/elastic":                  "gopkg.in/olivere/elastic",
		"gopkg.in/olivere/elastic.vx":               "gopkg.in/olivere/elastic.vx",
		"gopkg.in/DataDog/dd-trace-go.v1/ddtrace/x": "github.com/DataDog/dd-trace-go/ddtrace/x",
	} {
		if got := normPath(in); got != want {
			t.Errorf("normPath(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMessagingLibs(t *testing.T) {
	// The AWS SDK v1 is one module of hundreds of services: only its SQS,
	// SNS and Kinesis packages are messaging, not its S3 (a library over
	// S3 hides no message).
	for lib, want := range map[string]bool{
		"github.com/aws/aws-sdk-go/service/sqs":      true,
		"github.com/aws/aws-sdk-go/service/sns":      true,
		"github.com/aws/aws-sdk-go":                  false,
		"github.com/nats-io/nats.go":                 true,
		"github.com/IBM/sarama":                      true,
		"github.com/confluentinc/confluent-kafka-go": true,
		"github.com/Shopify/sarama":                  true, // IBM/sarama's old path
	} {
		if _, got := messagingLibs[lib]; got != want {
			t.Errorf("messagingLibs[%q] = %v, want %v", lib, got, want)
		}
	}
	if lib, ok := libOf("github.com/aws/aws-sdk-go/service/s3/s3manager", messagingLibs); ok {
		t.Errorf("libOf(s3manager) = %q, want none", lib)
	}
	// Only the packages of the calls archie reads send messages:
	// watermill's root package holds its logger, not its publishers.
	for pkg, want := range map[string]bool{
		"github.com/ThreeDotsLabs/watermill":                 false,
		"github.com/ThreeDotsLabs/watermill/message":         true,
		"github.com/ThreeDotsLabs/watermill-kafka/pkg/kafka": true,
		"github.com/Shopify/sarama":                          true,
		"github.com/IBM/sarama":                              true,
		"github.com/nats-io/nats.go":                         true,
		"github.com/aws/aws-sdk-go/service/sqs":              true,
		"github.com/aws/aws-sdk-go/service/s3":               false,
	} {
		if got := messagingAPIs[pkg]; got != want {
			t.Errorf("messagingAPIs[%q] = %v, want %v", pkg, got, want)
		}
	}
}

func TestKeyPackage(t *testing.T) {
	tests := []struct{ key, lib, want string }{
		{"github.com/nats-io/nats.go.Conn.Publish", "github.com/nats-io/nats.go", "github.com/nats-io/nats.go"},
		{"github.com/nats-io/nats.go/jetstream.JetStream.Publish", "github.com/nats-io/nats.go", "github.com/nats-io/nats.go/jetstream"},
		{"github.com/aws/aws-sdk-go/service/sqs.SQS.SendMessage", "github.com/aws/aws-sdk-go", "github.com/aws/aws-sdk-go/service/sqs"},
		{"github.com/Shopify/sarama.SyncProducer.SendMessage", "github.com/IBM/sarama", "github.com/Shopify/sarama"},
		{"github.com/ThreeDotsLabs/watermill-kafka/pkg/kafka.Publisher.Publish", "github.com/ThreeDotsLabs/watermill", "github.com/ThreeDotsLabs/watermill-kafka/pkg/kafka"},
	}
	for _, tt := range tests {
		if got := keyPackage(tt.key, tt.lib); got != tt.want {
			t.Errorf("keyPackage(%q, %q) = %q, want %q", tt.key, tt.lib, got, tt.want)
		}
	}
}

// Tables a service names go to the store configuration names, not to a
// connection built from a request's data beside it, nor to an in-memory
// SQLite database; queries tied to no connection merge into the one
// configured store of their family.
func TestTablesGoToConfiguredStore(t *testing.T) {
	ev := Evidence{Pos: token.Position{Filename: "main.go", Line: 1}}
	newStore := func(kind, resource string) *Store {
		return &Store{Kind: kind, Resource: resource, Touches: make(map[string][]Evidence), Evidence: []Evidence{ev}}
	}
	user := newStore("postgres", "")                // rule outputs: a user's database
	own := newStore("postgres", "env DATABASE_URL") // the service's
	mem := newStore("sqlite", "dsn :memory:")
	stores := map[string]*Store{"postgres\x00": user, "postgres\x00env DATABASE_URL": own, "sqlite\x00dsn :memory:": mem}
	x := &extractor{}
	x.touch(&facts{}, stores, "sql", "orders", ev)
	loose := &Store{Kind: "sql", Touches: map[string][]Evidence{"members": {ev}}, Tables: []string{"members"}}
	stores["sql\x00"] = loose
	mergeStores(stores)
	if !slices.Equal(own.Tables, []string{"orders", "members"}) || len(user.Tables) > 0 || len(mem.Tables) > 0 {
		t.Errorf("tables: own %q, user's %q, in-memory %q; want orders and members on the configured store", own.Tables, user.Tables, mem.Tables)
	}
	if _, ok := stores["sql\x00"]; ok {
		t.Error("the loose queries' store is still there")
	}
}

// A database that folds unquoted names (PostgreSQL) holds FROM Ledger as
// ledger, and "Ledger" as Ledger: one touch of each moves or stays, and a
// library's table stays the library's under the name it is held by.
func TestFoldCase(t *testing.T) {
	for name, want := range map[string]string{
		"Ledger": "ledger", `"Ledger"`: "Ledger", `"public".Accounts`: "public.accounts", "`Orders`": "Orders",
	} {
		if got := foldUnquoted(name); got != want {
			t.Errorf("foldUnquoted(%s) = %q, want %q", name, got, want)
		}
	}
	quoted, bare := Evidence{Detail: "quoted"}, Evidence{Detail: "bare"}
	s := &Store{Kind: "postgres", Tables: []string{"Ledger", "Events"}, Library: []string{"Events"},
		Touches: map[string][]Evidence{"Ledger": {quoted, bare}, "Events": {bare}}}
	s.foldsTo("Ledger", bare, "ledger")
	s.foldsTo("Events", bare, "events")
	my := &Store{Kind: "mysql", Tables: []string{"Ledger"}, Touches: map[string][]Evidence{"Ledger": {bare}}}
	my.foldsTo("Ledger", bare, "ledger")
	foldCase(map[string]*Store{"pg": s, "my": my})
	if want := []string{"ledger", "Ledger", "events"}; !slices.Equal(s.Tables, want) {
		t.Errorf("postgres tables = %q, want %q", s.Tables, want)
	}
	if !slices.Equal(s.Touches["Ledger"], []Evidence{quoted}) || !slices.Equal(s.Touches["ledger"], []Evidence{bare}) {
		t.Errorf("touches = %v", s.Touches)
	}
	if want := []string{"events"}; !slices.Equal(s.Library, want) {
		t.Errorf("library = %q, want %q", s.Library, want)
	}
	if want := []string{"Ledger"}; !slices.Equal(my.Tables, want) {
		t.Errorf("mysql tables = %q, want %q", my.Tables, want)
	}
}

// TestPanicSite names the function a recovered panic was raised in, not
// the runtime's or the recovering function's.
func TestPanicSite(t *testing.T) {
	var site string
	func() {
		defer func() {
			if recover() != nil {
				site = panicSite()
			}
		}()
		raisePanic(nil)
	}()
	if !strings.Contains(site, "services.raisePanic extract_test.go:") {
		t.Errorf("panicSite() = %q, want raisePanic's line", site)
	}
}

func raisePanic(m map[string]int) { m["x"] = 1 }

func TestAliasedTables(t *testing.T) {
	for _, tc := range []struct {
		arg  string
		want []string
	}{
		{"orders", []string{"orders"}},
		{"public.invoices", []string{"public.invoices"}},
		{"orders AS o", []string{"orders"}},
		{"credits c", []string{"credits"}},
		{"events FINAL", []string{"events"}},
		{"(?) AS recent", nil},
		{"(SELECT id FROM visits) AS v", []string{"visits"}},
		{"shipments s JOIN carriers c ON s.carrier_id = c.id", []string{"shipments", "carriers"}},
		{`"order items"`, []string{"order items"}},
		{"`ledger lines`", []string{"ledger lines"}},
		{`"public"."payments" p`, []string{"public.payments"}},
		{"ONLY parcels", []string{"parcels"}},
	} {
		if got := aliasedTables(tc.arg); !slices.Equal(got, tc.want) {
			t.Errorf("aliasedTables(%q) = %q, want %q", tc.arg, got, tc.want)
		}
	}
}
