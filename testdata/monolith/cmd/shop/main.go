// Command shop is the whole shop in one binary: the monolith archie
// extract reads in its tests.
package main

import (
	"database/sql"
	"net/http"
	"os"

	"example.com/monolith/internal/billing"
	"example.com/monolith/internal/catalog"
	"example.com/monolith/internal/notify"
	"example.com/monolith/internal/ordering"
)

func main() {
	db, err := sql.Open("postgres", os.Getenv("DATABASE_URL"))
	if err != nil {
		panic(err)
	}
	products := catalog.NewService(db)
	orders := ordering.NewService(db, products, notify.NewSender())
	invoices := billing.NewService(db, orders)
	orders.SetBilling(invoices)
	http.HandleFunc("/products", products.HandleList)
	http.HandleFunc("/orders", orders.HandlePlace)
	http.HandleFunc("/invoices", invoices.HandleSettle)
	http.ListenAndServe(":8080", nil)
}
