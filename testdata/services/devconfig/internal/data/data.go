// Package data opens catalog's database from the part of the config it
// is handed.
package data

import (
	"database/sql"

	"example.com/devconfig/internal/conf"
)

func NewDB(c *conf.Data) (*sql.DB, error) {
	db, err := sql.Open(c.Database.Driver, c.Database.Source)
	if err != nil {
		return nil, err
	}
	db.Exec("SELECT id FROM items")
	return db, nil
}
