module example.com/clickhousestd

go 1.22

require github.com/ClickHouse/clickhouse-go/v2 v2.30.0
