module github.com/ClickHouse/clickhouse-go/v2

go 1.22
