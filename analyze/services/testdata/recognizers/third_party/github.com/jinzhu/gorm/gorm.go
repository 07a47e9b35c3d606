// Package gorm stands in for jinzhu/gorm: the API shape archie recognizes, no behaviour.
package gorm

type DB struct{}

func Open(dialect string, args ...any) (*DB, error) { return &DB{}, nil }

func (db *DB) Table(name string) *DB { return db }

func (db *DB) Model(value any) *DB                                  { return db }
func (db *DB) Create(value any) *DB                                 { return db }
func (db *DB) Find(out any, where ...any) *DB                       { return db }
func (db *DB) First(out any, where ...any) *DB                      { return db }
func (db *DB) Where(query any, args ...any) *DB                     { return db }
func (db *DB) Limit(limit any) *DB                                  { return db }
func (db *DB) Scan(dest any) *DB                                    { return db }
func (db *DB) AutoMigrate(values ...any) *DB                        { return db }
func (db *DB) Exec(sql string, values ...any) *DB                   { return db }
func (db *DB) Raw(sql string, values ...any) *DB                    { return db }
func (db *DB) DropTableIfExists(values ...any) *DB                  { return db }
func (db *DB) Save(value any) *DB                                   { return db }
func (db *DB) Last(out any, where ...any) *DB                       { return db }
func (db *DB) Take(out any, where ...any) *DB                       { return db }
func (db *DB) Delete(value any, where ...any) *DB                   { return db }
func (db *DB) FirstOrCreate(out any, where ...any) *DB              { return db }
func (db *DB) FirstOrInit(out any, where ...any) *DB                { return db }
func (db *DB) Updates(values any, ignoreProtectedAttrs ...bool) *DB { return db }
func (db *DB) CreateTable(models ...any) *DB                        { return db }
func (db *DB) DropTable(values ...any) *DB                          { return db }

func (db *DB) SingularTable(enable bool) {}

// DefaultTableNameHandler names every model's table.
var DefaultTableNameHandler = func(db *DB, defaultTableName string) string { return defaultTableName }
