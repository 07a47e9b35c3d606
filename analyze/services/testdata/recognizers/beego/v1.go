package main

import "github.com/astaxie/beego/orm"

// v1 is beego v1's ORM, whose Ormer declares its methods itself.
func v1() {
	orm.RegisterDataBase("legacy", "mysql", "root:pw@tcp(mysql:3306)/legacy") // want "store mysql dsn root:***@tcp(mysql:3306)/legacy"
	o := orm.NewOrm()
	o.Read(&LineItem{})                         // want "store mysql table line_item"
	o.ReadForUpdate(&LineItem{})                // want "store mysql table line_item"
	o.ReadOrCreate(&LineItem{}, "id")           // want "store mysql table line_item"
	o.LoadRelated(&LineItem{}, "Lines")         // want "store mysql table line_item"
	o.Insert(&LineItem{})                       // want "store mysql table line_item"
	o.InsertOrUpdate(&LineItem{})               // want "store mysql table line_item"
	o.Update(&LineItem{})                       // want "store mysql table line_item"
	o.Delete(&LineItem{})                       // want "store mysql table line_item"
	o.InsertMulti(5, []Order{})                 // want "store mysql table shop_orders"
	o.QueryTable(&Order{}).All(&[]Order{})      // want "store mysql table shop_orders"
	o.Raw("UPDATE ledger SET n = n + 1").Exec() // want "store mysql table ledger"
}
