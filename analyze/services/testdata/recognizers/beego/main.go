// Command beego reads and writes tables through beego's ORM: a model's
// TableName(), else its type's name in snake case, a QueryTable name, and
// raw SQL, through each interface beego hands out.
package main

import (
	"context"

	"github.com/beego/beego/v2/client/orm"
)

type Order struct{ ID int64 }

func (*Order) TableName() string { return "shop_orders" }

type LineItem struct{ ID int64 }

func main() {
	orm.RegisterDataBase("default", "pgx", "postgres://db:5432/shop") // want "store postgres dsn postgres://db:5432/shop"
	o := orm.NewOrm()
	ctx := context.Background()
	withOrmer(ctx, o)
	withQueryExecutor(ctx, o)
	tx, _ := o.Begin()
	withTxOrmer(ctx, tx)
	v1()
}

// o is an orm.Ormer.
func withOrmer(ctx context.Context, o orm.Ormer) {
	o.Read(&Order{})                                           // want "store postgres table shop_orders"
	o.ReadForUpdate(&Order{})                                  // want "store postgres table shop_orders"
	o.ReadOrCreate(&Order{}, "id")                             // want "store postgres table shop_orders"
	o.LoadRelated(&Order{}, "Lines")                           // want "store postgres table shop_orders"
	o.Insert(&Order{})                                         // want "store postgres table shop_orders"
	o.InsertOrUpdate(&Order{})                                 // want "store postgres table shop_orders"
	o.Update(&Order{})                                         // want "store postgres table shop_orders"
	o.Delete(&Order{})                                         // want "store postgres table shop_orders"
	o.ReadWithCtx(ctx, &Order{})                               // want "store postgres table shop_orders"
	o.ReadForUpdateWithCtx(ctx, &Order{})                      // want "store postgres table shop_orders"
	o.ReadOrCreateWithCtx(ctx, &Order{}, "id")                 // want "store postgres table shop_orders"
	o.LoadRelatedWithCtx(ctx, &Order{}, "Lines")               // want "store postgres table shop_orders"
	o.InsertWithCtx(ctx, &Order{})                             // want "store postgres table shop_orders"
	o.InsertOrUpdateWithCtx(ctx, &Order{})                     // want "store postgres table shop_orders"
	o.UpdateWithCtx(ctx, &Order{})                             // want "store postgres table shop_orders"
	o.DeleteWithCtx(ctx, &Order{})                             // want "store postgres table shop_orders"
	o.InsertMulti(10, []*Order{})                              // want "store postgres table shop_orders"
	o.InsertMultiWithCtx(ctx, 10, []Order{})                   // want "store postgres table shop_orders"
	o.QueryTable("audit_log").All(&[]Order{})                  // want "store postgres table audit_log"
	o.QueryTableWithCtx(ctx, new(LineItem)).All(&[]LineItem{}) // want "store postgres table line_item"
	o.Raw("DELETE FROM carts WHERE id = ?", 1).Exec()          // want "store postgres table carts"
}

// q is an orm.QueryExecutor.
func withQueryExecutor(ctx context.Context, q orm.QueryExecutor) {
	q.Read(&LineItem{})                                        // want "store postgres table line_item"
	q.ReadForUpdate(&LineItem{})                               // want "store postgres table line_item"
	q.ReadOrCreate(&LineItem{}, "id")                          // want "store postgres table line_item"
	q.LoadRelated(&LineItem{}, "Lines")                        // want "store postgres table line_item"
	q.Insert(&LineItem{})                                      // want "store postgres table line_item"
	q.InsertOrUpdate(&LineItem{})                              // want "store postgres table line_item"
	q.Update(&LineItem{})                                      // want "store postgres table line_item"
	q.Delete(&LineItem{})                                      // want "store postgres table line_item"
	q.ReadWithCtx(ctx, &LineItem{})                            // want "store postgres table line_item"
	q.ReadForUpdateWithCtx(ctx, &LineItem{})                   // want "store postgres table line_item"
	q.ReadOrCreateWithCtx(ctx, &LineItem{}, "id")              // want "store postgres table line_item"
	q.LoadRelatedWithCtx(ctx, &LineItem{}, "Lines")            // want "store postgres table line_item"
	q.InsertWithCtx(ctx, &LineItem{})                          // want "store postgres table line_item"
	q.InsertOrUpdateWithCtx(ctx, &LineItem{})                  // want "store postgres table line_item"
	q.UpdateWithCtx(ctx, &LineItem{})                          // want "store postgres table line_item"
	q.DeleteWithCtx(ctx, &LineItem{})                          // want "store postgres table line_item"
	q.InsertMulti(10, []LineItem{})                            // want "store postgres table line_item"
	q.InsertMultiWithCtx(ctx, 10, []Order{})                   // want "store postgres table shop_orders"
	q.QueryTable("audit_log").All(&[]Order{})                  // want "store postgres table audit_log"
	q.QueryTableWithCtx(ctx, new(LineItem)).All(&[]LineItem{}) // want "store postgres table line_item"
	q.Raw("DELETE FROM carts WHERE id = ?", 1).Exec()          // want "store postgres table carts"
}

// tx is an orm.TxOrmer.
func withTxOrmer(ctx context.Context, tx orm.TxOrmer) {
	tx.Read(&Order{})                                           // want "store postgres table shop_orders"
	tx.ReadForUpdate(&Order{})                                  // want "store postgres table shop_orders"
	tx.ReadOrCreate(&Order{}, "id")                             // want "store postgres table shop_orders"
	tx.LoadRelated(&Order{}, "Lines")                           // want "store postgres table shop_orders"
	tx.Insert(&Order{})                                         // want "store postgres table shop_orders"
	tx.InsertOrUpdate(&Order{})                                 // want "store postgres table shop_orders"
	tx.Update(&Order{})                                         // want "store postgres table shop_orders"
	tx.Delete(&Order{})                                         // want "store postgres table shop_orders"
	tx.ReadWithCtx(ctx, &Order{})                               // want "store postgres table shop_orders"
	tx.ReadForUpdateWithCtx(ctx, &Order{})                      // want "store postgres table shop_orders"
	tx.ReadOrCreateWithCtx(ctx, &Order{}, "id")                 // want "store postgres table shop_orders"
	tx.LoadRelatedWithCtx(ctx, &Order{}, "Lines")               // want "store postgres table shop_orders"
	tx.InsertWithCtx(ctx, &Order{})                             // want "store postgres table shop_orders"
	tx.InsertOrUpdateWithCtx(ctx, &Order{})                     // want "store postgres table shop_orders"
	tx.UpdateWithCtx(ctx, &Order{})                             // want "store postgres table shop_orders"
	tx.DeleteWithCtx(ctx, &Order{})                             // want "store postgres table shop_orders"
	tx.InsertMulti(10, []*Order{})                              // want "store postgres table shop_orders"
	tx.InsertMultiWithCtx(ctx, 10, []Order{})                   // want "store postgres table shop_orders"
	tx.QueryTable("audit_log").All(&[]Order{})                  // want "store postgres table audit_log"
	tx.QueryTableWithCtx(ctx, new(LineItem)).All(&[]LineItem{}) // want "store postgres table line_item"
	tx.Raw("DELETE FROM carts WHERE id = ?", 1).Exec()          // want "store postgres table carts"
}
