// Command gonic names its beans' tables with xorm's GonicMapper, which
// keeps initialisms whole.
package main

import (
	"os"

	"xorm.io/xorm"
	"xorm.io/xorm/names"
)

type APIKey struct{ ID int64 }

func main() {
	e, _ := xorm.NewEngine("mysql", os.Getenv("DSN")) // want "store mysql env DSN"
	e.SetMapper(names.GonicMapper{})
	e.Insert(&APIKey{}) // want "store mysql table api_key"
}
