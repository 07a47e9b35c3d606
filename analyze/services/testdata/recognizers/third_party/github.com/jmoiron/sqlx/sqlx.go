// Package sqlx stands in for jmoiron/sqlx: the API shape archie recognizes, no behaviour.
package sqlx

type DB struct{}

func Open(driverName, dataSourceName string) (*DB, error)    { return &DB{}, nil }
func Connect(driverName, dataSourceName string) (*DB, error) { return &DB{}, nil }
func MustConnect(driverName, dataSourceName string) *DB      { return &DB{} }
func MustOpen(driverName, dataSourceName string) *DB         { return &DB{} }

func (db *DB) Select(dest any, query string, args ...any) error { return nil }
