// Command orders takes orders, configured with koanf.
package main

import (
	"database/sql"
	"net/http"

	"github.com/knadh/koanf/providers/file"
	"github.com/knadh/koanf/v2"
)

type Config struct {
	CatalogURL string `koanf:"catalog_url"`
	DSN        string `koanf:"dsn"`
}

func main() {
	k := koanf.New(".")
	if err := k.Load(file.Provider("cmd/orders/orders.yaml"), nil); err != nil {
		panic(err)
	}
	var cfg Config
	k.Unmarshal("", &cfg)
	db, _ := sql.Open("mysql", cfg.DSN)
	http.HandleFunc("/orders", func(http.ResponseWriter, *http.Request) {
		db.Exec("INSERT INTO orders (id) VALUES (1)")
		http.Get(cfg.CatalogURL + "/items")
	})
	http.ListenAndServe(":8001", nil)
}
