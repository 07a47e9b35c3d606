// Command billing serves invoices over gRPC and receipts over HTTP.
package main

import (
	"context"
	"net/http"

	"example.com/contracts/billingv1"
)

type server struct{}

func (server) Invoice(ctx context.Context, req *billingv1.InvoiceRequest) (*billingv1.InvoiceReply, error) {
	return &billingv1.InvoiceReply{}, nil
}

type registrar struct{}

func (registrar) RegisterService(desc *billingv1.ServiceDesc, impl any) {}

func main() {
	billingv1.RegisterBillingServer(registrar{}, server{})
	http.HandleFunc("GET /receipts", func(w http.ResponseWriter, r *http.Request) {})
	http.ListenAndServe(":8081", nil)
}
