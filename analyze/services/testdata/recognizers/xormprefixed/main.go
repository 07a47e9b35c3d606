// Command prefixed names its tables with a mapper archie does not read:
// no bean names a table, a name written out still does.
package main

import (
	"os"

	"xorm.io/xorm"
	"xorm.io/xorm/names"
)

type APIKey struct{ ID int64 }

func main() {
	e, _ := xorm.NewEngine("mysql", os.Getenv("DSN")) // want "store mysql env DSN"
	e.SetTableMapper(names.NewPrefixMapper(names.SnakeMapper{}, "t_"))
	e.Insert(&APIKey{})
	e.Table("t_audit").Insert(&APIKey{}) // want "store mysql table t_audit"
}
