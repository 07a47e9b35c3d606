// Package squirrel stands in for Masterminds/squirrel: the API shape archie recognizes, no behaviour.
package squirrel

type Sqlizer interface{}

func Expr(sql string, args ...any) Sqlizer { return nil }

type SelectBuilder struct{}
type InsertBuilder struct{}
type UpdateBuilder struct{}
type DeleteBuilder struct{}

func Select(columns ...string) SelectBuilder           { return SelectBuilder{} }
func (b SelectBuilder) From(from string) SelectBuilder { return b }
func Insert(into string) InsertBuilder                 { return InsertBuilder{} }
func Update(table string) UpdateBuilder                { return UpdateBuilder{} }
func Delete(from string) DeleteBuilder                 { return DeleteBuilder{} }
func (b DeleteBuilder) From(from string) DeleteBuilder { return b }
