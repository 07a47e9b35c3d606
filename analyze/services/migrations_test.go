package services

import (
	"slices"
	"testing"
)

func TestSQLSchemaChanges(t *testing.T) {
	for _, tc := range []struct {
		sql           string
		created, drop []string
	}{
		{"CREATE TABLE orders (id int);", []string{"orders"}, nil},
		// The schema a database puts an unqualified name in is left
		// out; another schema is kept; a three-part name's database is
		// left out.
		{"create table if not exists Public.\"Outbox_Events\" (id int)", []string{"outbox_events"}, nil},
		{"CREATE TABLE public . outbox_events (id int)", []string{"outbox_events"}, nil},
		{"CREATE SCHEMA reporting; CREATE TABLE reporting.orders (id int)", []string{"reporting.orders"}, nil},
		{"CREATE TABLE [db].[dbo].[invoices] (id int)", []string{"invoices"}, nil},
		{"CREATE TABLE shop.payments.ledger (id int)", []string{"payments.ledger"}, nil},
		// Quoted names keep what is inside the quotes.
		{"CREATE TABLE \"outbox-events\" (id int); CREATE TABLE \"Order Items\" (id int)", []string{"outbox-events", "order items"}, nil},
		{"CREATE TABLE \"a\"\"b\" (id int)", []string{"a\"b"}, nil},
		{"CREATE UNLOGGED TABLE jobs (id int); CREATE TABLE `carts` (id int)", []string{"jobs", "carts"}, nil},
		{"CREATE OR REPLACE TABLE t (id int)", []string{"t"}, nil},
		{"DROP TABLE IF EXISTS legacy; CREATE TABLE orders (id int)", []string{"orders"}, []string{"legacy"}},
		// Temporary tables live as long as a session; comments and
		// literals create nothing.
		{"CREATE TEMPORARY TABLE scratch (id int); CREATE GLOBAL TEMP TABLE g (id int)", nil, nil},
		{"-- CREATE TABLE a (id int)\n/* CREATE TABLE b */ INSERT INTO c VALUES ('CREATE TABLE d')", nil, nil},
		{"CREATE INDEX orders_idx ON orders (id); CREATE VIEW v AS SELECT 1", nil, nil},
	} {
		created, dropped := sqlSchemaChanges(tc.sql)
		if !slices.Equal(created, tc.created) || !slices.Equal(dropped, tc.drop) {
			t.Errorf("sqlSchemaChanges(%q) = %q, %q, want %q, %q", tc.sql, created, dropped, tc.created, tc.drop)
		}
	}
}

func TestUpPart(t *testing.T) {
	for _, text := range []string{
		"-- +goose Up\nCREATE TABLE orders (id int);\n-- +goose Down\nDROP TABLE orders;\n",
		"-- +migrate Up\nCREATE TABLE orders (id int);\n-- +migrate Down\nDROP TABLE orders;\n",
		"-- migrate:up\nCREATE TABLE orders (id int);\n\n-- migrate:down\nDROP TABLE orders;\n",
	} {
		created, dropped := sqlSchemaChanges(upPart(text))
		if !slices.Equal(created, []string{"orders"}) || dropped != nil {
			t.Errorf("%q: created %q, dropped %q, want only orders created", text, created, dropped)
		}
	}
}

func TestMigrationFile(t *testing.T) {
	for rel, want := range map[string]bool{
		"db/migrations/0001_orders.up.sql":       true,
		"migrations/create_orders.sql":           true,
		"db/migrate/schema.sql":                  true,
		"000002_outbox.sql":                      true,
		"sql/V2__outbox.sql":                     true,
		"sql/V2.1__outbox.sql":                   true,
		"db/migrations/0001_orders.down.sql":     false,
		"migrations/0001_orders_down.sql":        false,
		"sql/U2__outbox.sql":                     false,
		"db/schema.sql":                          false, // sqlc's copy of the tables the service reads
		"db/queries/orders.sql":                  false,
		"scripts/init.sql":                       false,
		"migrations/README.md":                   false,
		"db/migrations/0003_rollback_fix.up.sql": false,
	} {
		if got := migrationFile(rel); got != want {
			t.Errorf("migrationFile(%q) = %v, want %v", rel, got, want)
		}
	}
}

func TestCreatesTable(t *testing.T) {
	created := map[string]bool{"orders": true, "outbox_events": true, "reporting.daily": true}
	for table, want := range map[string]bool{
		"orders": true, "Orders": true, "public.orders": true, "outbox_events": true, "dbo.outbox_events": true,
		"shop.orders": false, "reporting.orders": false, "daily": false, "reporting.daily": true, "payments": false,
	} {
		if got := createsTable(created, table); got != want {
			t.Errorf("createsTable(%q) = %v, want %v", table, got, want)
		}
	}
}
