// Command clickhousedsn opens ClickHouse through database/sql with
// options parsed from a DSN. What database/sql runs is not tied to it:
// a service's database/sql queries name a SQL database's tables, never
// ClickHouse's, which are its native client's.
package main

import (
	"os"

	"github.com/ClickHouse/clickhouse-go/v2"
)

func main() {
	opts, _ := clickhouse.ParseDSN(os.Getenv("CLICKHOUSE_DSN"))
	db := clickhouse.OpenDB(opts)           // want "store clickhouse env CLICKHOUSE_DSN"
	db.Exec("INSERT INTO audit VALUES (1)") // want "store sql table audit"
}
