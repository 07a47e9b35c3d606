// Command xorm reads and writes tables through xorm: a bean's TableName(),
// else its type's name as the default SnakeMapper names it (an
// underscore before every capital), a Table call's name or bean, and SQL,
// through the engine, a session and xorm's interfaces.
package main

import "xorm.io/xorm"

type Order struct{ ID int64 }

func (Order) TableName() string { return "shop_orders" }

type APIKey struct{ ID int64 }

type Row struct{ ID int64 }

func main() {
	e, _ := xorm.NewEngine("postgres", "postgres://db:5432/shop") // want "store postgres dsn postgres://db:5432/shop"
	e.Sync2(new(Order), new(APIKey))                              // want "store postgres table shop_orders" "store postgres table a_p_i_key"
	e.Sync(new(Order))                                            // want "store postgres table shop_orders"
	e.CreateTables(&APIKey{})                                     // want "store postgres table a_p_i_key"
	withEngine(e)
	s := e.NewSession()
	s.Sync2(new(Order))   // want "store postgres table shop_orders"
	s.Sync(new(Order))    // want "store postgres table shop_orders"
	s.CreateTable(&Row{}) // want "store postgres table row"
	withSession(s)
	withInterface(e)
	withEngineInterface(e)
	withLoop(e, []int64{1, 2})
}

// withLoop builds its query in a loop: the query comes back to its own
// Phi, and the reader does not follow it round for ever.
func withLoop(e *xorm.Engine, ids []int64) {
	s := e.Where("deleted = ?", false)
	for _, id := range ids {
		s = s.Where("id <> ?", id)
	}
	s.Find(&[]Order{}) // want "store postgres table shop_orders"
}

func withEngine(e *xorm.Engine) {
	e.Insert(&Order{})                                   // want "store postgres table shop_orders"
	e.Get(&Order{})                                      // want "store postgres table shop_orders"
	e.Delete(&Order{})                                   // want "store postgres table shop_orders"
	e.Exist(&Order{})                                    // want "store postgres table shop_orders"
	e.Count(&Order{})                                    // want "store postgres table shop_orders"
	e.Truncate(&Order{})                                 // want "store postgres table shop_orders"
	e.InsertOne(&Order{})                                // want "store postgres table shop_orders"
	e.Update(&Order{}, &Order{})                         // want "store postgres table shop_orders"
	e.Find(&[]Order{})                                   // want "store postgres table shop_orders"
	e.FindAndCount(&[]Order{})                           // want "store postgres table shop_orders"
	e.Iterate(&Order{}, nil)                             // want "store postgres table shop_orders"
	e.Rows(&Order{})                                     // want "store postgres table shop_orders"
	e.Sum(&Order{}, "total")                             // want "store postgres table shop_orders"
	e.SumInt(&Order{}, "total")                          // want "store postgres table shop_orders"
	e.Sums(&Order{}, "total")                            // want "store postgres table shop_orders"
	e.SumsInt(&Order{}, "total")                         // want "store postgres table shop_orders"
	e.Table("audit_log").Find(&[]Row{})                  // want "store postgres table audit_log"
	e.Table(new(APIKey)).Where("id = ?", 1).Get(&Row{})  // want "store postgres table a_p_i_key"
	e.Table("audit_log").Insert(&Order{})                // want "store postgres table audit_log"
	e.SQL("SELECT * FROM carts").Find(&[]Row{})          // want "store postgres table carts"
	e.Exec("DELETE FROM carts WHERE id = ?", 1)          // want "store postgres table carts"
	e.Query("SELECT id FROM refunds")                    // want "store postgres table refunds"
	e.Where("id = ?", 1).Cols("state").Update(&APIKey{}) // want "store postgres table a_p_i_key"
	e.Count()
}

func withSession(s *xorm.Session) {
	s.Insert(&Order{})                                   // want "store postgres table shop_orders"
	s.Get(&Order{})                                      // want "store postgres table shop_orders"
	s.Delete(&Order{})                                   // want "store postgres table shop_orders"
	s.Exist(&Order{})                                    // want "store postgres table shop_orders"
	s.Count(&Order{})                                    // want "store postgres table shop_orders"
	s.Truncate(&Order{})                                 // want "store postgres table shop_orders"
	s.InsertOne(&Order{})                                // want "store postgres table shop_orders"
	s.Update(&Order{}, &Order{})                         // want "store postgres table shop_orders"
	s.Find(&[]Order{})                                   // want "store postgres table shop_orders"
	s.FindAndCount(&[]Order{})                           // want "store postgres table shop_orders"
	s.Iterate(&Order{}, nil)                             // want "store postgres table shop_orders"
	s.Rows(&Order{})                                     // want "store postgres table shop_orders"
	s.Sum(&Order{}, "total")                             // want "store postgres table shop_orders"
	s.SumInt(&Order{}, "total")                          // want "store postgres table shop_orders"
	s.Sums(&Order{}, "total")                            // want "store postgres table shop_orders"
	s.SumsInt(&Order{}, "total")                         // want "store postgres table shop_orders"
	s.Table("audit_log").Find(&[]Row{})                  // want "store postgres table audit_log"
	s.Table(new(APIKey)).Where("id = ?", 1).Get(&Row{})  // want "store postgres table a_p_i_key"
	s.Table("audit_log").Insert(&Order{})                // want "store postgres table audit_log"
	s.SQL("SELECT * FROM carts").Find(&[]Row{})          // want "store postgres table carts"
	s.Exec("DELETE FROM carts WHERE id = ?", 1)          // want "store postgres table carts"
	s.Query("SELECT id FROM refunds")                    // want "store postgres table refunds"
	s.Where("id = ?", 1).Cols("state").Update(&APIKey{}) // want "store postgres table a_p_i_key"
	s.Count()
}

func withInterface(e xorm.Interface) {
	e.Insert(&Order{})                                   // want "store postgres table shop_orders"
	e.Get(&Order{})                                      // want "store postgres table shop_orders"
	e.Delete(&Order{})                                   // want "store postgres table shop_orders"
	e.Exist(&Order{})                                    // want "store postgres table shop_orders"
	e.Count(&Order{})                                    // want "store postgres table shop_orders"
	e.Truncate(&Order{})                                 // want "store postgres table shop_orders"
	e.InsertOne(&Order{})                                // want "store postgres table shop_orders"
	e.Update(&Order{}, &Order{})                         // want "store postgres table shop_orders"
	e.Find(&[]Order{})                                   // want "store postgres table shop_orders"
	e.FindAndCount(&[]Order{})                           // want "store postgres table shop_orders"
	e.Iterate(&Order{}, nil)                             // want "store postgres table shop_orders"
	e.Rows(&Order{})                                     // want "store postgres table shop_orders"
	e.Sum(&Order{}, "total")                             // want "store postgres table shop_orders"
	e.SumInt(&Order{}, "total")                          // want "store postgres table shop_orders"
	e.Sums(&Order{}, "total")                            // want "store postgres table shop_orders"
	e.SumsInt(&Order{}, "total")                         // want "store postgres table shop_orders"
	e.Table("audit_log").Find(&[]Row{})                  // want "store postgres table audit_log"
	e.Table(new(APIKey)).Where("id = ?", 1).Get(&Row{})  // want "store postgres table a_p_i_key"
	e.Table("audit_log").Insert(&Order{})                // want "store postgres table audit_log"
	e.SQL("SELECT * FROM carts").Find(&[]Row{})          // want "store postgres table carts"
	e.Exec("DELETE FROM carts WHERE id = ?", 1)          // want "store postgres table carts"
	e.Query("SELECT id FROM refunds")                    // want "store postgres table refunds"
	e.Where("id = ?", 1).Cols("state").Update(&APIKey{}) // want "store postgres table a_p_i_key"
	e.Count()
}

func withEngineInterface(e xorm.EngineInterface) {
	e.Sync2(new(Order))                                  // want "store postgres table shop_orders"
	e.Sync(new(Order))                                   // want "store postgres table shop_orders"
	e.CreateTables(new(Order))                           // want "store postgres table shop_orders"
	e.Insert(&Order{})                                   // want "store postgres table shop_orders"
	e.Get(&Order{})                                      // want "store postgres table shop_orders"
	e.Delete(&Order{})                                   // want "store postgres table shop_orders"
	e.Exist(&Order{})                                    // want "store postgres table shop_orders"
	e.Count(&Order{})                                    // want "store postgres table shop_orders"
	e.Truncate(&Order{})                                 // want "store postgres table shop_orders"
	e.InsertOne(&Order{})                                // want "store postgres table shop_orders"
	e.Update(&Order{}, &Order{})                         // want "store postgres table shop_orders"
	e.Find(&[]Order{})                                   // want "store postgres table shop_orders"
	e.FindAndCount(&[]Order{})                           // want "store postgres table shop_orders"
	e.Iterate(&Order{}, nil)                             // want "store postgres table shop_orders"
	e.Rows(&Order{})                                     // want "store postgres table shop_orders"
	e.Sum(&Order{}, "total")                             // want "store postgres table shop_orders"
	e.SumInt(&Order{}, "total")                          // want "store postgres table shop_orders"
	e.Sums(&Order{}, "total")                            // want "store postgres table shop_orders"
	e.SumsInt(&Order{}, "total")                         // want "store postgres table shop_orders"
	e.Table("audit_log").Find(&[]Row{})                  // want "store postgres table audit_log"
	e.Table(new(APIKey)).Where("id = ?", 1).Get(&Row{})  // want "store postgres table a_p_i_key"
	e.Table("audit_log").Insert(&Order{})                // want "store postgres table audit_log"
	e.SQL("SELECT * FROM carts").Find(&[]Row{})          // want "store postgres table carts"
	e.Exec("DELETE FROM carts WHERE id = ?", 1)          // want "store postgres table carts"
	e.Query("SELECT id FROM refunds")                    // want "store postgres table refunds"
	e.Where("id = ?", 1).Cols("state").Update(&APIKey{}) // want "store postgres table a_p_i_key"
	e.Count()
}
