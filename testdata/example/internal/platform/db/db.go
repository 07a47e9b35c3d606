// Package db opens the shop's database.
package db

import "database/sql"

// Open opens the database.
func Open() (*sql.DB, error) { return sql.Open("postgres", "") }
