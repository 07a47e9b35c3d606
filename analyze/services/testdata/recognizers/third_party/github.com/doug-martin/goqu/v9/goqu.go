// Package goqu stands in for doug-martin/goqu: the API shape archie recognizes, no behaviour.
package goqu

type Expression interface{}

func L(sql string, args ...any) Expression { return nil }

type SelectDataset struct{}
type InsertDataset struct{}
type UpdateDataset struct{}
type DeleteDataset struct{}
type Database struct{}
type TxDatabase struct{}
type DialectWrapper struct{}

func From(table ...interface{}) *SelectDataset     { return nil }
func Insert(table interface{}) *InsertDataset      { return nil }
func Update(table interface{}) *UpdateDataset      { return nil }
func Delete(table interface{}) *DeleteDataset      { return nil }
func Dialect(dialect string) DialectWrapper        { return DialectWrapper{} }
func New(dialect string, db interface{}) *Database { return nil }

func (d DialectWrapper) From(table ...interface{}) *SelectDataset { return nil }
func (d DialectWrapper) Insert(table interface{}) *InsertDataset  { return nil }
func (d DialectWrapper) Update(table interface{}) *UpdateDataset  { return nil }
func (d DialectWrapper) Delete(table interface{}) *DeleteDataset  { return nil }

func (d *Database) From(from ...interface{}) *SelectDataset { return nil }
func (d *Database) Insert(table interface{}) *InsertDataset { return nil }
func (d *Database) Update(table interface{}) *UpdateDataset { return nil }
func (d *Database) Delete(table interface{}) *DeleteDataset { return nil }
func (d *Database) Begin() (*TxDatabase, error)             { return nil, nil }

func (t *TxDatabase) From(from ...interface{}) *SelectDataset { return nil }
func (t *TxDatabase) Insert(table interface{}) *InsertDataset { return nil }
func (t *TxDatabase) Update(table interface{}) *UpdateDataset { return nil }
func (t *TxDatabase) Delete(table interface{}) *DeleteDataset { return nil }

func (sd *SelectDataset) From(from ...interface{}) *SelectDataset              { return sd }
func (sd *SelectDataset) With(name string, subquery Expression) *SelectDataset { return sd }
func (sd *SelectDataset) Where(expressions ...Expression) *SelectDataset       { return sd }

type IdentifierExpression interface{ Expression }

func T(table string) IdentifierExpression { return nil }
func I(ident string) IdentifierExpression { return nil }
