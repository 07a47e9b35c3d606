// Package db stands in for upper/db: the API shape archie recognizes, no behaviour.
package db

type Session interface {
	Collection(name string) Collection
	SQL() SQL
	Tx(fn func(sess Session) error) error
}

type Collection interface {
	Insert(item interface{}) (InsertResult, error)
	Find(conds ...interface{}) Result
}

type InsertResult interface{}

type Result interface {
	All(dst interface{}) error
	Delete() error
}

type SQL interface {
	Select(columns ...interface{}) Selector
	SelectFrom(table ...interface{}) Selector
	InsertInto(table string) Inserter
	Update(table string) Updater
	DeleteFrom(table string) Deleter
	Exec(query interface{}, args ...interface{}) (interface{}, error)
	Iterator(query interface{}, args ...interface{}) Iterator
}

type Iterator interface {
	All(dst interface{}) error
}

type Selector interface {
	From(tables ...interface{}) Selector
	Where(conds ...interface{}) Selector
	All(dst interface{}) error
}

type Inserter interface {
	Values(values ...interface{}) Inserter
	Exec() (interface{}, error)
}

type Updater interface {
	Set(v ...interface{}) Updater
	Exec() (interface{}, error)
}

type Deleter interface {
	Where(conds ...interface{}) Deleter
	Exec() (interface{}, error)
}
