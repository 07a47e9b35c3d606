// Command xormgroup names its tables with the GonicMapper it hands its
// engine group, which sets it on every engine of the group.
package main

import (
	"xorm.io/xorm"
	"xorm.io/xorm/names"
)

type APIKey struct{ ID int64 }

func main() {
	eg, _ := xorm.NewEngineGroup("postgres", []string{"postgres://db:5432/shop"})
	eg.SetMapper(names.LintGonicMapper)
	eg.Insert(&APIKey{}) // want "store sql table api_key"
}
