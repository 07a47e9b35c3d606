// Command payments charges orders over HTTP.
package main

import (
	"net/http"
	"os"

	"example.com/shop/gen/ledgerv1"
	"github.com/go-chi/chi/v5"
	"github.com/nats-io/nats.go"
	"google.golang.org/grpc"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
)

// Payment is a charge; gorm keeps it in the payments table.
type Payment struct{ Amount int }

// TableName names the table explicitly.
func (Payment) TableName() string { return "payments" }

type api struct {
	db     *gorm.DB
	ledger ledgerv1.LedgerClient
}

func main() {
	db, err := gorm.Open(postgres.Open(os.Getenv("DATABASE_URL")))
	if err != nil {
		panic(err)
	}
	conn, _ := grpc.Dial(os.Getenv("LEDGER_ADDR"))
	a := &api{db: db, ledger: ledgerv1.NewLedgerClient(conn)}

	nc, _ := nats.Connect(os.Getenv("NATS_URL"))
	nc.Subscribe("refunds", func(m *nats.Msg) {})

	r := chi.NewRouter()
	r.Post("/charge", a.charge)
	r.Get("/status", a.status)
	http.ListenAndServe(":8080", r)
}

func (a *api) charge(w http.ResponseWriter, r *http.Request) {
	a.db.Raw("SELECT id FROM orders WHERE id = ?", r.FormValue("order"))
	a.db.Create(&Payment{Amount: 1})
	a.ledger.Record(r.Context(), &ledgerv1.RecordRequest{Amount: 1})
}

func (a *api) status(w http.ResponseWriter, r *http.Request) {}
