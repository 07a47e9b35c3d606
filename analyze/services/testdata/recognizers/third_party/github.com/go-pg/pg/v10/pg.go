// Package pg stands in for go-pg: the API shape archie recognizes, no behaviour.
package pg

import (
	"context"

	"github.com/go-pg/pg/v10/orm"
)

type Options struct {
	Addr     string
	User     string
	Password string
	Database string
}

func ParseURL(sURL string) (*Options, error) { return &Options{}, nil }

type Query = orm.Query

type Result = orm.Result

type baseDB struct{}

func (db *baseDB) Model(model ...interface{}) *Query                           { return &Query{} }
func (db *baseDB) ModelContext(c context.Context, model ...interface{}) *Query { return &Query{} }
func (db *baseDB) Exec(query interface{}, params ...interface{}) (Result, error) {
	return nil, nil
}
func (db *baseDB) ExecContext(c context.Context, query interface{}, params ...interface{}) (Result, error) {
	return nil, nil
}
func (db *baseDB) Query(model, query interface{}, params ...interface{}) (Result, error) {
	return nil, nil
}
func (db *baseDB) QueryOne(model, query interface{}, params ...interface{}) (Result, error) {
	return nil, nil
}
func (db *baseDB) Begin() (*Tx, error) { return &Tx{}, nil }

type DB struct {
	*baseDB
}

func Connect(opt *Options) *DB { return &DB{&baseDB{}} }

type Tx struct{ db *baseDB }

func (tx *Tx) Model(model ...interface{}) *Query                           { return &Query{} }
func (tx *Tx) ModelContext(c context.Context, model ...interface{}) *Query { return &Query{} }
func (tx *Tx) Exec(query interface{}, params ...interface{}) (Result, error) {
	return nil, nil
}

type DBI interface {
	Model(model ...interface{}) *Query
	ModelContext(c context.Context, model ...interface{}) *Query
	Exec(query interface{}, params ...interface{}) (Result, error)
}
