// Command clickhouse writes events to ClickHouse and reads them back
// through clickhouse-go's native connection.
package main

import (
	"context"

	"github.com/ClickHouse/clickhouse-go/v2"
)

func main() {
	ctx := context.Background()
	conn, _ := clickhouse.Open(&clickhouse.Options{Addr: []string{"clickhouse:9000"}, Auth: clickhouse.Auth{Database: "analytics"}}) // want "store clickhouse dsn clickhouse://clickhouse:9000/analytics"
	conn.Exec(ctx, "INSERT INTO page_views (url) VALUES (?)", "/")                                                                   // want "store clickhouse table page_views"
	batch, _ := conn.PrepareBatch(ctx, "INSERT INTO clicks")                                                                         // want "store clickhouse table clicks"
	batch.Send()
	conn.AsyncInsert(ctx, "INSERT INTO sessions VALUES (1)", false) // want "store clickhouse table sessions"
	var n []uint64
	conn.Select(ctx, &n, "SELECT count() FROM page_views")            // want "store clickhouse table page_views"
	conn.Query(ctx, "SELECT url FROM clicks WHERE id = ?", 1)         // want "store clickhouse table clicks"
	conn.QueryRow(ctx, "SELECT max(ts) FROM sessions").Scan(new(int)) // want "store clickhouse table sessions"
	// ClickHouse's own SQL: a mutation, ARRAY JOIN of a column, a table
	// function, and its system catalog name no tables of their own.
	conn.Exec(ctx, "ALTER TABLE sessions UPDATE status = 'done' WHERE id = ?", 1)     // want "store clickhouse table sessions"
	conn.Query(ctx, "SELECT t FROM page_views ARRAY JOIN tags AS t")                  // want "store clickhouse table page_views"
	conn.Exec(ctx, "INSERT INTO FUNCTION s3('https://b/x.csv') SELECT * FROM clicks") // want "store clickhouse table clicks"
	conn.Query(ctx, "SELECT name FROM system.parts WHERE table = 'clicks'")
}
