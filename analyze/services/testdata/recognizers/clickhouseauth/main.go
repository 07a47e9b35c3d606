// Command clickhouseauth opens ClickHouse with options that name no
// database, ClickHouse's default, and with an Auth built elsewhere, a
// database archie does not know, as is one written into the options
// after them.
package main

import "github.com/ClickHouse/clickhouse-go/v2"

func main() {
	open(clickhouse.Auth{Database: "x"})
}

func open(auth clickhouse.Auth) {
	opts := &clickhouse.Options{Addr: []string{"ch-4:9000"}}
	opts.Auth.Database = auth.Database
	clickhouse.Open(opts)                                                         // want "store clickhouse"
	clickhouse.Open(&clickhouse.Options{Addr: []string{"ch-2:9000"}})             // want "store clickhouse dsn clickhouse://ch-2:9000/default"
	clickhouse.Open(&clickhouse.Options{Addr: []string{"ch-3:9000"}, Auth: auth}) // want "store clickhouse"
}
