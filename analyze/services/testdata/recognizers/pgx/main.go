// Command pgx opens PostgreSQL with pgx and pgxpool and names tables in
// SQL given to them.
package main

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

func main() {
	ctx := context.Background()
	conn, _ := pgx.Connect(ctx, "postgres://db:5432/shop") // want "store postgres dsn postgres://db:5432/shop"
	conn.Exec(ctx, "INSERT INTO payments (id) VALUES (1)") // want "store postgres table payments"

	pool, _ := pgxpool.New(ctx, "postgres://pool:5432/shop") // want "store postgres dsn postgres://pool:5432/shop"
	pgxpool.Connect(ctx, "postgres://pool2:5432/shop")       // want "store postgres dsn postgres://pool2:5432/shop"
	pool.Query(ctx, "SELECT * FROM refunds")                 // want "store postgres table refunds"

	// ParseConfig takes its DSN first.
	pgx.ParseConfig("postgres://db:5432/shop")     // want "store postgres dsn postgres://db:5432/shop"
	pgxpool.ParseConfig("postgres://db:5432/shop") // want "store postgres dsn postgres://db:5432/shop"

	var pc *pgconn.PgConn
	pc.Exec(ctx, "DELETE FROM sessions") // want "store postgres table sessions"
}
