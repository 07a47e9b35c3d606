// Package gorm stands in for gorm: the API shape archie recognizes, no behaviour.
package gorm

type Dialector interface{}

type Config struct{}

type DB struct{}

func Open(dialector Dialector, opts ...*Config) (*DB, error) { return &DB{}, nil }

func (db *DB) Table(name string, args ...any) *DB       { return db }
func (db *DB) Model(value any) *DB                      { return db }
func (db *DB) Create(value any) *DB                     { return db }
func (db *DB) Save(value any) *DB                       { return db }
func (db *DB) Find(dest any, conds ...any) *DB          { return db }
func (db *DB) First(dest any, conds ...any) *DB         { return db }
func (db *DB) Last(dest any, conds ...any) *DB          { return db }
func (db *DB) Take(dest any, conds ...any) *DB          { return db }
func (db *DB) Delete(value any, conds ...any) *DB       { return db }
func (db *DB) FirstOrCreate(dest any, conds ...any) *DB { return db }
func (db *DB) Updates(values any) *DB                   { return db }
func (db *DB) AutoMigrate(dst ...any) error             { return nil }
func (db *DB) Raw(sql string, values ...any) *DB        { return db }
func (db *DB) Exec(sql string, values ...any) *DB       { return db }

type Migrator interface {
	AutoMigrate(dst ...any) error
	CreateTable(dst ...any) error
	DropTable(dst ...any) error
}

func (db *DB) Migrator() Migrator { return nil }
