// Package queries is what sqlc generates: queries run through a DBTX
// interface that *sql.DB and *sql.Tx implement.
package queries

import (
	"context"
	"database/sql"
)

type DBTX interface {
	ExecContext(context.Context, string, ...interface{}) (sql.Result, error)
	QueryRowContext(context.Context, string, ...interface{}) *sql.Row
}

func New(db DBTX) *Queries { return &Queries{db: db} }

type Queries struct{ db DBTX }

const createRefund = `-- name: CreateRefund :exec
INSERT INTO billing.refunds (id, amount) VALUES ($1, $2)
`

func (q *Queries) CreateRefund(ctx context.Context, id string, amount int) error {
	_, err := q.db.ExecContext(ctx, createRefund, id, amount) // want "store postgres table billing.refunds"
	return err
}
