// Command clickhouseauth opens ClickHouse with options that name no
// database, ClickHouse's default, and with an Auth built elsewhere, a
// database archie does not know.
package main

import "github.com/ClickHouse/clickhouse-go/v2"

func main() {
	open(clickhouse.Auth{Database: "x"})
}

func open(auth clickhouse.Auth) {
	clickhouse.Open(&clickhouse.Options{Addr: []string{"ch-2:9000"}})             // want "store clickhouse dsn clickhouse://ch-2:9000/default"
	clickhouse.Open(&clickhouse.Options{Addr: []string{"ch-3:9000"}, Auth: auth}) // want "store clickhouse"
}
