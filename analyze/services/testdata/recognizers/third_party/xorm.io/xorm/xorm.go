// Package xorm stands in for xorm: the API shape archie recognizes, no behaviour.
package xorm

import (
	"database/sql"

	"xorm.io/xorm/names"
)

type IterFunc func(idx int, bean interface{}) error

type Rows struct{}

type Engine struct{}

func (x *Engine) Insert(beans ...interface{}) (int64, error)                       { return 0, nil }
func (x *Engine) Get(beans ...interface{}) (bool, error)                           { return false, nil }
func (x *Engine) Delete(beans ...interface{}) (int64, error)                       { return 0, nil }
func (x *Engine) Exist(bean ...interface{}) (bool, error)                          { return false, nil }
func (x *Engine) Count(bean ...interface{}) (int64, error)                         { return 0, nil }
func (x *Engine) Truncate(beans ...interface{}) (int64, error)                     { return 0, nil }
func (x *Engine) InsertOne(bean interface{}) (int64, error)                        { return 0, nil }
func (x *Engine) Update(bean interface{}, condiBean ...interface{}) (int64, error) { return 0, nil }
func (x *Engine) Find(rowsSlicePtr interface{}, condiBean ...interface{}) error    { return nil }
func (x *Engine) FindAndCount(rowsSlicePtr interface{}, condiBean ...interface{}) (int64, error) {
	return 0, nil
}
func (x *Engine) Iterate(bean interface{}, fun IterFunc) error                  { return nil }
func (x *Engine) Rows(bean interface{}) (*Rows, error)                          { return nil, nil }
func (x *Engine) Sum(bean interface{}, colName string) (float64, error)         { return 0, nil }
func (x *Engine) SumInt(bean interface{}, colName string) (int64, error)        { return 0, nil }
func (x *Engine) Sums(bean interface{}, colNames ...string) ([]float64, error)  { return nil, nil }
func (x *Engine) SumsInt(bean interface{}, colNames ...string) ([]int64, error) { return nil, nil }
func (x *Engine) Table(tableNameOrBean interface{}) *Session                    { return &Session{} }
func (x *Engine) SQL(query interface{}, args ...interface{}) *Session           { return &Session{} }
func (x *Engine) Where(query interface{}, args ...interface{}) *Session         { return &Session{} }
func (x *Engine) Cols(columns ...string) *Session                               { return &Session{} }
func (x *Engine) Join(joinOperator string, tablename interface{}, condition interface{}, args ...interface{}) *Session {
	return &Session{}
}
func (x *Engine) Exec(sqlOrArgs ...interface{}) (sql.Result, error)           { return nil, nil }
func (x *Engine) Query(sqlOrArgs ...interface{}) ([]map[string][]byte, error) { return nil, nil }
func (x *Engine) Sync(beans ...interface{}) error                             { return nil }
func (x *Engine) Sync2(beans ...interface{}) error                            { return nil }
func (x *Engine) CreateTables(beans ...interface{}) error                     { return nil }

type Session struct{}

func (x *Session) Insert(beans ...interface{}) (int64, error)                       { return 0, nil }
func (x *Session) Get(beans ...interface{}) (bool, error)                           { return false, nil }
func (x *Session) Delete(beans ...interface{}) (int64, error)                       { return 0, nil }
func (x *Session) Exist(bean ...interface{}) (bool, error)                          { return false, nil }
func (x *Session) Count(bean ...interface{}) (int64, error)                         { return 0, nil }
func (x *Session) Truncate(beans ...interface{}) (int64, error)                     { return 0, nil }
func (x *Session) InsertOne(bean interface{}) (int64, error)                        { return 0, nil }
func (x *Session) Update(bean interface{}, condiBean ...interface{}) (int64, error) { return 0, nil }
func (x *Session) Find(rowsSlicePtr interface{}, condiBean ...interface{}) error    { return nil }
func (x *Session) FindAndCount(rowsSlicePtr interface{}, condiBean ...interface{}) (int64, error) {
	return 0, nil
}
func (x *Session) Iterate(bean interface{}, fun IterFunc) error                  { return nil }
func (x *Session) Rows(bean interface{}) (*Rows, error)                          { return nil, nil }
func (x *Session) Sum(bean interface{}, colName string) (float64, error)         { return 0, nil }
func (x *Session) SumInt(bean interface{}, colName string) (int64, error)        { return 0, nil }
func (x *Session) Sums(bean interface{}, colNames ...string) ([]float64, error)  { return nil, nil }
func (x *Session) SumsInt(bean interface{}, colNames ...string) ([]int64, error) { return nil, nil }
func (x *Session) Table(tableNameOrBean interface{}) *Session                    { return &Session{} }
func (x *Session) SQL(query interface{}, args ...interface{}) *Session           { return &Session{} }
func (x *Session) Where(query interface{}, args ...interface{}) *Session         { return &Session{} }
func (x *Session) Cols(columns ...string) *Session                               { return &Session{} }
func (x *Session) Join(joinOperator string, tablename interface{}, condition interface{}, args ...interface{}) *Session {
	return &Session{}
}
func (x *Session) Exec(sqlOrArgs ...interface{}) (sql.Result, error)           { return nil, nil }
func (x *Session) Query(sqlOrArgs ...interface{}) ([]map[string][]byte, error) { return nil, nil }
func (x *Session) Sync(beans ...interface{}) error                             { return nil }
func (x *Session) Sync2(beans ...interface{}) error                            { return nil }
func (x *Session) CreateTable(bean interface{}) error                          { return nil }

func NewEngine(driverName string, dataSourceName string, driverOptions ...func(db *sql.DB) error) (*Engine, error) {
	return &Engine{}, nil
}

func (x *Engine) NewSession() *Session               { return &Session{} }
func (x *Engine) SetMapper(mapper names.Mapper)      {}
func (x *Engine) SetTableMapper(mapper names.Mapper) {}

type Interface interface {
	Insert(beans ...interface{}) (int64, error)
	Get(beans ...interface{}) (bool, error)
	Delete(beans ...interface{}) (int64, error)
	Exist(bean ...interface{}) (bool, error)
	Count(bean ...interface{}) (int64, error)
	Truncate(beans ...interface{}) (int64, error)
	InsertOne(bean interface{}) (int64, error)
	Update(bean interface{}, condiBean ...interface{}) (int64, error)
	Find(rowsSlicePtr interface{}, condiBean ...interface{}) error
	FindAndCount(rowsSlicePtr interface{}, condiBean ...interface{}) (int64, error)
	Iterate(bean interface{}, fun IterFunc) error
	Rows(bean interface{}) (*Rows, error)
	Sum(bean interface{}, colName string) (float64, error)
	SumInt(bean interface{}, colName string) (int64, error)
	Sums(bean interface{}, colNames ...string) ([]float64, error)
	SumsInt(bean interface{}, colNames ...string) ([]int64, error)
	Table(tableNameOrBean interface{}) *Session
	SQL(query interface{}, args ...interface{}) *Session
	Where(query interface{}, args ...interface{}) *Session
	Cols(columns ...string) *Session
	Join(joinOperator string, tablename interface{}, condition interface{}, args ...interface{}) *Session
	Exec(sqlOrArgs ...interface{}) (sql.Result, error)
	Query(sqlOrArgs ...interface{}) ([]map[string][]byte, error)
}

type EngineInterface interface {
	Interface

	Sync(beans ...interface{}) error
	Sync2(beans ...interface{}) error
	CreateTables(beans ...interface{}) error
	SetMapper(mapper names.Mapper)
	SetTableMapper(mapper names.Mapper)
}

type EngineGroup struct {
	*Engine
}

func NewEngineGroup(args1 interface{}, args2 interface{}, policies ...interface{}) (*EngineGroup, error) {
	return &EngineGroup{&Engine{}}, nil
}

func (eg *EngineGroup) SetMapper(mapper names.Mapper)      {}
func (eg *EngineGroup) SetTableMapper(mapper names.Mapper) {}
