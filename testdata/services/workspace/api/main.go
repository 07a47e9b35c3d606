// Command api is the public API; its main package is the module root, so
// the service takes the module folder's name.
package main

import (
	"context"
	"net/http"
	"os"

	"example.com/contracts/billingv1"
)

type conn struct{ addr string }

func (c conn) Invoke(ctx context.Context, method string, args, reply any) error { return nil }

func main() {
	billing := billingv1.NewBillingClient(conn{os.Getenv("BILLING_GRPC_ADDR")})
	http.HandleFunc("/invoices", func(w http.ResponseWriter, r *http.Request) {
		billing.Invoice(r.Context(), &billingv1.InvoiceRequest{Amount: 1})
	})
	http.HandleFunc("/receipts", func(w http.ResponseWriter, r *http.Request) {
		// BILLING_ADDR resolves through the Kubernetes manifest.
		http.Get("http://" + os.Getenv("BILLING_ADDR") + "/receipts")
	})
	http.ListenAndServe(":8080", nil)
}
