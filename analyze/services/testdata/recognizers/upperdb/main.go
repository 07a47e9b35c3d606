// Command upperdb reads and writes tables through upper/db's sessions
// and query builder: a collection, a builder's table, a table a
// repository keeps in a field.
package main

import (
	"database/sql"

	db "github.com/upper/db/v4"
	"github.com/upper/db/v4/adapter/postgresql"
)

const archive = "archived_runs"

type offloads struct {
	sess  db.Session
	table string
}

func main() {
	conn, _ := sql.Open("postgres", "postgres://db:5432/runs") // want "store postgres dsn postgres://db:5432/runs"
	sess, _ := postgresql.New(conn)
	sess.Collection(archive).Insert(map[string]string{"id": "1"})    // want "store postgres table archived_runs"
	sess.SQL().InsertInto(archive+"_labels").Values("1", "k").Exec() // want "store postgres table archived_runs_labels"
	sess.SQL().Select("id").From(archive).All(nil)                   // want "store postgres table archived_runs"
	sess.SQL().SelectFrom("run_locks").All(nil)                      // want "store postgres table run_locks"
	sess.SQL().Update("run_limits").Set("size", 2).Exec()            // want "store postgres table run_limits"
	sess.SQL().DeleteFrom("run_state").Exec()                        // want "store postgres table run_state"
	sess.SQL().Exec("DELETE FROM stale_runs")                        // want "store postgres table stale_runs"
	// A builder's FROM of a name the WITH clause around it defines.
	sess.SQL().Iterator("WITH recent AS ? ?", sess.SQL().SelectFrom("archived_runs"), sess.SQL().Select("id").From("recent")).All(nil) // want "store postgres table archived_runs"
	// Another statement's WITH is its own: run_invoices is a table here.
	sess.SQL().Exec("WITH run_invoices AS (SELECT id FROM run_drafts) DELETE FROM run_stale WHERE id IN (SELECT id FROM run_invoices)") // want "store postgres table run_drafts" "store postgres table run_stale"
	sess.SQL().SelectFrom("run_invoices").All(nil)                                                                                      // want "store postgres table run_invoices"
	o := &offloads{sess: sess, table: "node_status"}
	o.save()
}

func (o *offloads) save() {
	o.sess.Collection(o.table).Find("id", 1).Delete() // want "store postgres table node_status"
}
