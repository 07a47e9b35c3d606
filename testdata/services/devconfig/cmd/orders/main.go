// Command orders takes orders, configured with koanf.
package main

import (
	"database/sql"
	"net/http"

	"github.com/knadh/koanf/providers/file"
	"github.com/knadh/koanf/v2"
)

// A Peer is where another service answers; the config has one per peer.
type Peer struct {
	URL string `koanf:"url"`
}

type Config struct {
	Peers struct {
		Catalog Peer `koanf:"catalog"`
		Billing Peer `koanf:"billing"`
	} `koanf:"peers"`
	DSN string `koanf:"dsn"`
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
		http.Get(cfg.Peers.Catalog.URL + "/items")
	})
	http.ListenAndServe(":8001", nil)
}
