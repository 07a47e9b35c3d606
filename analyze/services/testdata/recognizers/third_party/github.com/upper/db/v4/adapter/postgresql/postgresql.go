// Package postgresql stands in for upper/db's PostgreSQL adapter.
package postgresql

import (
	"database/sql"

	db "github.com/upper/db/v4"
)

func New(sqlDB *sql.DB) (db.Session, error) { return nil, nil }
