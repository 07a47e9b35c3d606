// Command ent opens MySQL through otelsql and hands it to ent, whose
// generated code names the tables the service's calls reach.
package main

import (
	"context"

	entsql "entgo.io/ent/dialect/sql"
	"example.com/ent/ent"
	"github.com/XSAM/otelsql"
)

func main() {
	db, _ := otelsql.Open("mysql", "shop:pw@tcp(db:3306)/shop") // want "store mysql dsn shop:***@tcp(db:3306)/shop"
	entsql.OpenDB("mysql", db)
	entsql.Open("mysql", "shop:pw@tcp(db:3306)/shop") // want "store mysql dsn shop:***@tcp(db:3306)/shop"
	c := &ent.Client{}
	ctx := context.Background()
	c.Query(ctx)
	c.Create(ctx)
	c.Update(ctx)
	c.Later(ctx)
}
