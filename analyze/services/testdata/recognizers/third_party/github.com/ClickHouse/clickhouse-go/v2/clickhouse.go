// Package clickhouse stands in for clickhouse-go v2: the API shape archie recognizes, no behaviour.
package clickhouse

import (
	"database/sql"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
)

type Auth struct {
	Database string
	Username string
	Password string
}

type Options struct {
	Addr []string
	Auth Auth
}

func Open(opt *Options) (driver.Conn, error) { return nil, nil }
func OpenDB(opt *Options) *sql.DB            { return nil }
func ParseDSN(dsn string) (*Options, error)  { return &Options{}, nil }
