// Package gorm is a stand-in with the API shape archie recognizes; it does nothing.
package gorm

type Dialector interface{ Name() string }
type Option interface{}

type DB struct{ Error error }

func Open(dialector Dialector, opts ...Option) (*DB, error) { return &DB{}, nil }

func (db *DB) Create(value any) *DB              { return db }
func (db *DB) First(dest any, conds ...any) *DB  { return db }
func (db *DB) Where(query any, args ...any) *DB  { return db }
func (db *DB) Raw(sql string, values ...any) *DB { return db }
func (db *DB) Model(value any) *DB               { return db }
