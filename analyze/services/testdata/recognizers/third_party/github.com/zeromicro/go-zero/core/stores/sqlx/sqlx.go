// Package sqlx stands in for go-zero's sqlx: the API shape archie recognizes, no behaviour.
package sqlx

type SqlConn interface {
	Exec(query string, args ...any) error
}

type conn struct{}

func (conn) Exec(query string, args ...any) error { return nil }

func NewMysql(datasource string) SqlConn               { return conn{} }
func NewSqlConn(driverName, datasource string) SqlConn { return conn{} }
