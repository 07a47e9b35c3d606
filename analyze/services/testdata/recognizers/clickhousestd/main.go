// Command clickhousestd opens ClickHouse by database/sql's driver name;
// its queries are tied to no store (see clickhousedsn).
package main

import (
	"database/sql"

	_ "github.com/ClickHouse/clickhouse-go/v2"
)

func main() {
	db, _ := sql.Open("clickhouse", "clickhouse://clickhouse:9000/analytics") // want "store clickhouse dsn clickhouse://clickhouse:9000/analytics"
	db.Query("SELECT * FROM exports")                                         // want "store sql table exports"
}
