// Command orders takes orders on chi routes under /api/v1, behind an
// authentication middleware, and charges them with the payments service
// through its connect client.
package main

import (
	"net/http"
	"os"

	"connectrpc.com/connect"
	"github.com/go-chi/chi/v5"

	paymentsv1 "example.com/routers/gen/payments/v1"
	"example.com/routers/gen/payments/v1/paymentsv1connect"
)

type api struct {
	payments paymentsv1connect.PaymentServiceClient
}

func (a *api) routes(r chi.Router) {
	r.Route("/v1", func(r chi.Router) {
		r.With(authenticate).Post("/orders", a.create)
		r.Get("/orders/{id}", a.get)
	})
}

func authenticate(next http.Handler) http.Handler { return next }

func (a *api) create(w http.ResponseWriter, r *http.Request) {
	if _, err := a.payments.Charge(r.Context(), connect.NewRequest(&paymentsv1.ChargeRequest{Order: "1"})); err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
	}
}

func (a *api) get(w http.ResponseWriter, r *http.Request) {}

func main() {
	a := &api{payments: paymentsv1connect.NewPaymentServiceClient(http.DefaultClient, os.Getenv("PAYMENTS_URL"))}
	r := chi.NewRouter()
	r.Route("/api", a.routes)
	http.ListenAndServe(":8080", r)
}
