// Command grpc dials gRPC servers, calls a generated client and
// registers a generated server.
package main

import (
	"context"
	"net/http"

	"example.com/grpc/gen/payments"
	"example.com/grpc/gen/paymentsv1"
	"google.golang.org/grpc"
)

type server struct{}

func (server) Charge(ctx context.Context, in *paymentsv1.ChargeRequest) (*paymentsv1.ChargeReply, error) {
	http.Get("http://ledger/record") // want "call http GET http://ledger/record in shop.Payments/Charge"
	return nil, nil
}

// newServer is a constructor: the server registered is the type it
// returns.
func newServer() paymentsv1.PaymentsServer { return server{} }

func main() {
	ctx := context.Background()
	grpc.Dial("payments:9090")               // want "dial payments:9090"
	grpc.DialContext(ctx, "ledger:9090")     // want "dial ledger:9090"
	conn, _ := grpc.NewClient("orders:9090") // want "dial orders:9090"

	client := paymentsv1.NewPaymentsClient(conn)
	client.Charge(ctx, &paymentsv1.ChargeRequest{}) // want "call grpc shop.Payments/Charge"

	// goctl's client wraps the stub: the call is where this code calls
	// the wrapper, not inside it.
	charge(ctx, payments.NewPayments(conn))

	// A method value of the client, kept in a field and called later:
	// the call is placed where the value is made.
	d := deps{charge: client.Charge} // want "call grpc shop.Payments/Charge"
	d.pull(ctx)

	s := grpc.NewServer()
	paymentsv1.RegisterPaymentsServer(s, server{})    // want "serve grpc shop.Payments"
	paymentsv1.RegisterPaymentsServer(s, newServer()) // want "serve grpc shop.Payments"
}

func charge(ctx context.Context, p payments.Payments) {
	p.Charge(ctx, &paymentsv1.ChargeRequest{}) // want "call grpc shop.Payments/Charge"
}

type deps struct {
	charge func(context.Context, *paymentsv1.ChargeRequest, ...grpc.CallOption) (*paymentsv1.ChargeReply, error)
}

func (d deps) pull(ctx context.Context) {
	d.charge(ctx, &paymentsv1.ChargeRequest{})
}
