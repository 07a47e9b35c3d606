package services

import (
	"slices"
	"testing"
)

func TestSQLCreates(t *testing.T) {
	for _, tc := range []struct {
		sql  string
		want []string
	}{
		{"CREATE TABLE orders (id int);", []string{"orders"}},
		{"create table if not exists Public.\"Outbox_Events\" (id int)", []string{"public.outbox_events"}},
		{"CREATE UNLOGGED TABLE jobs (id int); CREATE TABLE `carts` (id int)", []string{"jobs", "carts"}},
		{"CREATE TABLE [dbo].[invoices] (id int)", []string{"dbo.invoices"}},
		{"CREATE OR REPLACE TABLE t (id int)", []string{"t"}},
		// Temporary tables live as long as a session; comments and
		// literals create nothing.
		{"CREATE TEMPORARY TABLE scratch (id int); CREATE GLOBAL TEMP TABLE g (id int)", nil},
		{"-- CREATE TABLE a (id int)\n/* CREATE TABLE b */ INSERT INTO c VALUES ('CREATE TABLE d')", nil},
		{"CREATE INDEX orders_idx ON orders (id); CREATE VIEW v AS SELECT 1", nil},
	} {
		if got := sqlCreates(tc.sql); !slices.Equal(got, tc.want) {
			t.Errorf("sqlCreates(%q) = %q, want %q", tc.sql, got, tc.want)
		}
	}
}

func TestCreatesTable(t *testing.T) {
	created := map[string]bool{"orders": true, "public.outbox_events": true}
	for table, want := range map[string]bool{
		"orders": true, "Orders": true, "shop.orders": true, "outbox_events": true, "public.outbox_events": true,
		"other.outbox_events": false, "payments": false,
	} {
		if got := createsTable(created, table); got != want {
			t.Errorf("createsTable(%q) = %v, want %v", table, got, want)
		}
	}
}
