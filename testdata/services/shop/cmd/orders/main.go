// Command orders takes orders over gRPC.
package main

import (
	"context"

	"example.com/shop/cmd/orders/store"
	"example.com/shop/gen/ordersv1"
	"example.com/shop/internal/paymentsclient"
	"github.com/segmentio/kafka-go"
	"google.golang.org/grpc"
)

type orders struct {
	store  *store.Store
	events *kafka.Writer
}

func main() {
	st, err := store.Open()
	if err != nil {
		panic(err)
	}
	s := grpc.NewServer()
	ordersv1.RegisterOrdersServer(s, &orders{store: st, events: &kafka.Writer{Addr: "kafka:9092", Topic: "order-placed"}})
	s.Serve(":9090")
}

func (o *orders) PlaceOrder(ctx context.Context, req *ordersv1.PlaceOrderRequest) (*ordersv1.PlaceOrderReply, error) {
	if err := o.store.Save(ctx, req.Item); err != nil {
		return nil, err
	}
	if err := paymentsclient.Charge(ctx); err != nil {
		return nil, err
	}
	return &ordersv1.PlaceOrderReply{ID: "1"}, o.events.WriteMessages(ctx, kafka.Message{Value: []byte(req.Item)})
}
