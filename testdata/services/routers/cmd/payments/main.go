// Command payments charges orders: a connect service.
package main

import (
	"context"
	"net/http"

	"connectrpc.com/connect"

	paymentsv1 "example.com/routers/gen/payments/v1"
	"example.com/routers/gen/payments/v1/paymentsv1connect"
)

type payments struct{}

func (payments) Charge(ctx context.Context, req *connect.Request[paymentsv1.ChargeRequest]) (*connect.Response[paymentsv1.ChargeResponse], error) {
	return connect.NewResponse(&paymentsv1.ChargeResponse{}), nil
}

func main() {
	mux := http.NewServeMux()
	mux.Handle(paymentsv1connect.NewPaymentServiceHandler(payments{}))
	http.ListenAndServe(":8080", mux)
}
