// Package orm stands in for beego v2's ORM: the interfaces its queries
// are called through, each method declared where beego declares it.
package orm

import (
	"context"
	"database/sql"
)

type QuerySeter interface {
	Filter(string, ...interface{}) QuerySeter
	All(container interface{}, cols ...string) (int64, error)
}

type RawSeter interface {
	Exec() (sql.Result, error)
}

type DQL interface {
	Read(md interface{}, cols ...string) error
	ReadWithCtx(ctx context.Context, md interface{}, cols ...string) error
	ReadForUpdate(md interface{}, cols ...string) error
	ReadForUpdateWithCtx(ctx context.Context, md interface{}, cols ...string) error
	ReadOrCreate(md interface{}, col1 string, cols ...string) (bool, int64, error)
	ReadOrCreateWithCtx(ctx context.Context, md interface{}, col1 string, cols ...string) (bool, int64, error)
	LoadRelated(md interface{}, name string, args ...interface{}) (int64, error)
	LoadRelatedWithCtx(ctx context.Context, md interface{}, name string, args ...interface{}) (int64, error)
	QueryTable(ptrStructOrTableName interface{}) QuerySeter
	QueryTableWithCtx(ctx context.Context, ptrStructOrTableName interface{}) QuerySeter
}

type DML interface {
	Insert(md interface{}) (int64, error)
	InsertWithCtx(ctx context.Context, md interface{}) (int64, error)
	InsertOrUpdate(md interface{}, colConflitAndArgs ...string) (int64, error)
	InsertOrUpdateWithCtx(ctx context.Context, md interface{}, colConflitAndArgs ...string) (int64, error)
	InsertMulti(bulk int, mds interface{}) (int64, error)
	InsertMultiWithCtx(ctx context.Context, bulk int, mds interface{}) (int64, error)
	Update(md interface{}, cols ...string) (int64, error)
	UpdateWithCtx(ctx context.Context, md interface{}, cols ...string) (int64, error)
	Delete(md interface{}, cols ...string) (int64, error)
	DeleteWithCtx(ctx context.Context, md interface{}, cols ...string) (int64, error)
	Raw(query string, args ...interface{}) RawSeter
	RawWithCtx(ctx context.Context, query string, args ...interface{}) RawSeter
}

type ormer interface {
	DQL
	DML
}

type QueryExecutor interface {
	ormer
}

type TxOrmer interface {
	QueryExecutor
	Commit() error
	Rollback() error
}

type Ormer interface {
	QueryExecutor
	Begin() (TxOrmer, error)
}

func RegisterDataBase(aliasName, driverName, dataSource string, params ...interface{}) error {
	return nil
}

func RegisterModel(models ...interface{}) {}

func NewOrm() Ormer { return nil }
