// Package bun stands in for uptrace/bun: the API shape archie recognizes, no behaviour.
package bun

import (
	"context"
	"database/sql"
)

type BaseModel struct{}

type DB struct{ *sql.DB }

func NewDB(sqldb *sql.DB, dialect any) *DB { return &DB{sqldb} }

type InsertQuery struct{}
type SelectQuery struct{}
type UpdateQuery struct{}
type DeleteQuery struct{}

func (db *DB) NewInsert() *InsertQuery { return &InsertQuery{} }
func (db *DB) NewSelect() *SelectQuery { return &SelectQuery{} }
func (db *DB) NewUpdate() *UpdateQuery { return &UpdateQuery{} }
func (db *DB) NewDelete() *DeleteQuery { return &DeleteQuery{} }

func (q *InsertQuery) Model(m any) *InsertQuery { return q }
func (q *SelectQuery) Model(m any) *SelectQuery { return q }
func (q *UpdateQuery) Model(m any) *UpdateQuery { return q }
func (q *DeleteQuery) Model(m any) *DeleteQuery { return q }

func (q *InsertQuery) Exec(ctx context.Context) error { return nil }
func (q *SelectQuery) Scan(ctx context.Context) error { return nil }
func (q *UpdateQuery) Exec(ctx context.Context) error { return nil }
func (q *DeleteQuery) Exec(ctx context.Context) error { return nil }

func (db *DB) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return nil, nil
}
