// Package sql stands in for entgo.io/ent/dialect/sql: the API shape archie
// recognizes, with no behaviour.
package sql

import "database/sql"

type Driver struct{ db *sql.DB }

func Open(driver, source string) (*Driver, error) { return &Driver{}, nil }

func OpenDB(driver string, db *sql.DB) *Driver { return &Driver{db: db} }
