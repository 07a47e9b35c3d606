// Command sql opens a database with database/sql and names tables in
// SQL given to it, to squirrel and to goqu.
package main

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"strings"

	"example.com/sql/queries"

	"github.com/Masterminds/squirrel"
	"github.com/doug-martin/goqu/v9"
)

// sqlOpen is sql.Open kept in a variable that tests may swap: a call
// through it opens what sql.Open opens.
var sqlOpen = sql.Open

func local() {
	cache, _ := sqlOpen("sqlite3", "/var/cache/shop.db") // want "store sqlite dsn /var/cache/shop.db"
	cache.Exec("DELETE FROM sessions")                   // want "store sqlite table sessions"
}

func main() {
	local()
	db, _ := sql.Open("postgres", "postgres://db:5432/shop")                      // want "store postgres dsn postgres://db:5432/shop"
	db.Query("SELECT o.id FROM orders o JOIN order_items i ON i.order_id = o.id") // want "store postgres table orders" "store postgres table order_items"
	db.Exec("UPDATE stock SET n = n - 1")                                         // want "store postgres table stock"
	// A query built in a buffer: what it starts with names the table.
	buf := bytes.NewBufferString("SELECT id FROM view_orders")
	buf.WriteString(" WHERE total > 10")
	db.Query(buf.String()) // want "store postgres table view_orders"
	var sb strings.Builder
	sb.WriteString("DELETE FROM carts")
	fmt.Fprintf(&sb, " WHERE id = %d", 7)
	db.Exec(sb.String())                                              // want "store postgres table carts"
	db.Query("SELECT id FROM notes WHERE body = $1", "update orders") // want "store postgres table notes"
	squirrel.Expr("DELETE FROM carts")                                // want "store postgres table carts"
	goqu.L("INSERT INTO audit (id) VALUES (1)")                       // want "store postgres table audit"
	queries.New(db).CreateRefund(context.Background(), "r1", 10)
	db.Exec(table("INSERT INTO %s (id) VALUES (%d)", 1)) // want "store postgres table ledger_rows"

	// squirrel's builders name their tables, as goctl's models use them:
	// the table a constructor keeps in a field, quoted.
	m := newModel()
	squirrel.Select("id").From(m.table) // want "store postgres table wishlists"
	squirrel.Insert("wishlists")        // want "store postgres table wishlists"
	squirrel.Update("wishlists")        // want "store postgres table wishlists"
	squirrel.Delete("").From("baskets") // want "store postgres table baskets"

	// goqu's datasets name theirs.
	goqu.From("coupons")   // want "store postgres table coupons"
	goqu.Insert("refunds") // want "store postgres table refunds"
	goqu.Update("refunds") // want "store postgres table refunds"
	goqu.Delete("coupons") // want "store postgres table coupons"
	dialect := goqu.Dialect("postgres")
	dialect.From("ledgers")   // want "store postgres table ledgers"
	dialect.Insert("ledgers") // want "store postgres table ledgers"
	dialect.Update("ledgers") // want "store postgres table ledgers"
	dialect.Delete("ledgers") // want "store postgres table ledgers"
	gdb := goqu.New("postgres", db)
	gdb.From("payouts").Where(goqu.L("id = 1")) // want "store postgres table payouts"
	gdb.Insert("payouts")                       // want "store postgres table payouts"
	gdb.Update("balances")                      // want "store postgres table balances"
	gdb.Delete("balances")                      // want "store postgres table balances"
	tx, _ := gdb.Begin()
	tx.From("holds")                                                         // want "store postgres table holds"
	tx.Insert("holds")                                                       // want "store postgres table holds"
	tx.Update("holds")                                                       // want "store postgres table holds"
	tx.Delete("holds")                                                       // want "store postgres table holds"
	goqu.From("recent_payouts").With("recent_payouts", goqu.From("payouts")) // want "store postgres table payouts"
	goqu.From(goqu.T("vouchers"))                                            // want "store postgres table vouchers"
	gdb.Insert(goqu.I("billing.refund_lines"))                               // want "store postgres table billing.refund_lines"
	goqu.From("payouts").From("settlements")                                 // want "store postgres table payouts" "store postgres table settlements"

	db.Query(journey(len(s) > 0)) // want "store postgres table sessions" "store postgres table events"

	// One helper, two statements: the WITH of one is not the other's.
	rebuild(db, strings.TrimSpace(s[0]))
	exec(db, "INSERT INTO visits (id) VALUES (1)")
	exec(db, "WITH visits AS (SELECT id FROM carts) DELETE FROM stale WHERE id IN (SELECT id FROM visits)")
}

// rebuild names a table the caller chooses at run time: no table archie
// can name, whatever it ends with.
func rebuild(db *sql.DB, name string) {
	db.Exec(fmt.Sprintf("CREATE TABLE `%s__temp` (id int)", name))
	db.Exec(fmt.Sprintf("DROP TABLE `%s`", name))
}

func exec(db *sql.DB, q string) {
	db.Exec(q) // want "store postgres table visits" "store postgres table carts" "store postgres table stale"
}

var s []string

// journey defines a WITH clause's table and joins it on one path: the
// pieces' texts are not paired, so one of them joins first_events with
// no WITH; first_events is still no table.
func journey(from bool) string {
	cte, join := "", ""
	if from {
		cte = "first_events AS (SELECT session_id FROM sessions),"
		join = " JOIN first_events USING (session_id)"
	}
	return fmt.Sprintf("WITH %s ranked AS (SELECT 1) SELECT * FROM events%s", cte, join)
}

type model struct{ table string }

func newModel() *model { return &model{table: "`wishlists`"} }

// table fills a query's table in the way a store helper does: the table
// first, then the caller's arguments.
func table(query string, args ...any) string {
	params := []any{"ledger_rows"}
	params = append(params, args...)
	return fmt.Sprintf(query, params...)
}
