// Package orm stands in for go-pg's orm: the API shape archie recognizes, no behaviour.
package orm

import "context"

type Result interface{ RowsAffected() int }

type Query struct{}

func (q *Query) Table(tables ...string) *Query                        { return q }
func (q *Query) Where(condition string, params ...interface{}) *Query { return q }
func (q *Query) Select(values ...interface{}) error                   { return nil }
func (q *Query) Insert(values ...interface{}) (Result, error)         { return nil, nil }
func (q *Query) Update(scan ...interface{}) (Result, error)           { return nil, nil }
func (q *Query) Delete(values ...interface{}) (Result, error)         { return nil, nil }
func (q *Query) CreateTable(opt *CreateTableOptions) error            { return nil }
func (q *Query) Context(c context.Context) *Query                     { return q }

type CreateTableOptions struct{ IfNotExists bool }

type DB interface {
	Model(model ...interface{}) *Query
	ModelContext(c context.Context, model ...interface{}) *Query
	Exec(query interface{}, params ...interface{}) (Result, error)
	ExecContext(c context.Context, query interface{}, params ...interface{}) (Result, error)
	Query(model, query interface{}, params ...interface{}) (Result, error)
	QueryOne(model, query interface{}, params ...interface{}) (Result, error)
}

func SetTableNameInflector(fn func(string) string) {}

func (q *Query) TableExpr(expr string, params ...interface{}) *Query  { return q }
func (q *Query) ColumnExpr(expr string, params ...interface{}) *Query { return q }
