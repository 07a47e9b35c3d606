// Command pgx opens PostgreSQL with pgx and pgxpool and names tables in
// SQL given to them.
package main

import (
	"context"
	"os"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

func main() {
	ctx := context.Background()
	conn, _ := pgx.Connect(ctx, "postgres://db:5432/shop") // want "store postgres dsn postgres://db:5432/shop"
	conn.Exec(ctx, "INSERT INTO payments (id) VALUES (1)") // want "store postgres table payments"

	// PostgreSQL folds an unquoted name to lower case; a quoted one keeps
	// its case.
	conn.Exec(ctx, "UPDATE Payments SET paid = true")             // want "store postgres table payments"
	conn.Exec(ctx, `SELECT * FROM "Ledger" JOIN Refunds ON true`) // want "store postgres table Ledger" "store postgres table refunds"

	conn.Exec(ctx, "SELECT * FROM Ledger")                              // want "store postgres table ledger"
	conn.Exec(ctx, "UPDATE invoices "+os.Getenv("SET")+" WHERE id = 1") // want "store postgres table invoices"

	// A prepared statement's name is no SQL, though it reads like it.
	conn.Prepare(ctx, "update payouts", "UPDATE payments SET paid = true") // want "store postgres table payments"
	conn.Exec(ctx, "update payouts")
	conn.Exec(ctx, "delete payouts")

	pool, _ := pgxpool.New(ctx, "postgres://pool:5432/shop") // want "store postgres dsn postgres://pool:5432/shop"
	pgxpool.Connect(ctx, "postgres://pool2:5432/shop")       // want "store postgres dsn postgres://pool2:5432/shop"
	pool.Query(ctx, "SELECT * FROM refunds")                 // want "store postgres table refunds"

	// A config parsed from a DSN and handed to a connect opens the DSN's
	// database; one only parsed (to read its host) opens nothing.
	cc, _ := pgx.ParseConfig("postgres://cc:5432/shop")
	pgx.ConnectConfig(ctx, cc) // want "store postgres dsn postgres://cc:5432/shop"
	pc1, _ := pgxpool.ParseConfig("postgres://pc1:5432/shop")
	pgxpool.ConnectConfig(ctx, pc1) // want "store postgres dsn postgres://pc1:5432/shop"
	pc2, _ := pgxpool.ParseConfig("postgres://pc2:5432/shop")
	pgxpool.NewWithConfig(ctx, pc2) // want "store postgres dsn postgres://pc2:5432/shop"
	pgx.ParseConfig("postgres://parsed:5432/only")

	var pc *pgconn.PgConn
	pc.Exec(ctx, "DELETE FROM sessions") // want "store postgres table sessions"
}
