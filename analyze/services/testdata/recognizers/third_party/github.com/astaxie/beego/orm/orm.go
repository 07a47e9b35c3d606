// Package orm stands in for beego v1's ORM, whose Ormer declares its
// methods itself.
package orm

import "database/sql"

type QuerySeter interface {
	All(container interface{}, cols ...string) (int64, error)
}

type RawSeter interface {
	Exec() (sql.Result, error)
}

type Ormer interface {
	Read(md interface{}, cols ...string) error
	ReadForUpdate(md interface{}, cols ...string) error
	ReadOrCreate(md interface{}, col1 string, cols ...string) (bool, int64, error)
	Insert(interface{}) (int64, error)
	InsertOrUpdate(md interface{}, colConflitAndArgs ...string) (int64, error)
	InsertMulti(bulk int, mds interface{}) (int64, error)
	Update(md interface{}, cols ...string) (int64, error)
	Delete(md interface{}, cols ...string) (int64, error)
	LoadRelated(md interface{}, name string, args ...interface{}) (int64, error)
	QueryTable(ptrStructOrTableName interface{}) QuerySeter
	Raw(query string, args ...interface{}) RawSeter
}

func RegisterDataBase(aliasName, driverName, dataSource string, params ...int) error { return nil }

func NewOrm() Ormer { return nil }
