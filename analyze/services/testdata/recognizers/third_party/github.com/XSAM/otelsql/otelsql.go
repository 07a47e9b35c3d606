// Package otelsql stands in for github.com/XSAM/otelsql: database/sql's
// Open, instrumented.
package otelsql

import "database/sql"

type Option func()

func Open(driverName, dataSourceName string, options ...Option) (*sql.DB, error) {
	return sql.Open(driverName, dataSourceName)
}
