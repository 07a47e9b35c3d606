// Package squirrel stands in for Masterminds/squirrel: the API shape archie recognizes, no behaviour.
package squirrel

type Sqlizer interface{}

func Expr(sql string, args ...any) Sqlizer { return nil }
