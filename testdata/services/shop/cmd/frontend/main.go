// Command frontend serves the shop's pages.
package main

import (
	"net/http"
	"os"

	"example.com/shop/gen/ledgerv1"
	"example.com/shop/gen/ordersv1"
	"example.com/shop/internal/paymentsclient"
	"google.golang.org/grpc"
)

type server struct {
	orders   ordersv1.OrdersClient
	currency string
}

func main() {
	conn, err := grpc.Dial(os.Getenv("ORDERS_ADDR"))
	if err != nil {
		panic(err)
	}
	// The ledger client is dialled but never called: no edge.
	lconn, _ := grpc.Dial("ledger:9090")
	_ = ledgerv1.NewLedgerClient(lconn)

	s := &server{orders: ordersv1.NewOrdersClient(conn), currency: paymentsclient.DefaultCurrency}
	http.HandleFunc("GET /", s.home)
	http.HandleFunc("POST /checkout", s.checkout)
	handle("GET /stock", stock{})
	http.ListenAndServe(":8080", nil)
}

func (s *server) home(w http.ResponseWriter, r *http.Request) {
	resp, err := http.Get("http://" + os.Getenv("CATALOG_SERVICE_ADDR") + "/products")
	if err == nil {
		resp.Body.Close()
	}
	resp, err = http.Get("http://reviews:8081/api/reviews")
	if err == nil {
		resp.Body.Close()
	}
}

func (s *server) checkout(w http.ResponseWriter, r *http.Request) {
	if _, err := s.orders.PlaceOrder(r.Context(), &ordersv1.PlaceOrderRequest{Item: "book"}); err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
	}
}

// handle registers a handler of any type, as generic router helpers do:
// stock's ServeHTTP is reached only through handle's type argument.
func handle[H http.Handler](pattern string, h H) { http.Handle(pattern, h) }

type stock struct{}

func (stock) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	resp, err := http.Get("http://" + os.Getenv("CATALOG_SERVICE_ADDR") + "/stock")
	if err == nil {
		resp.Body.Close()
	}
}
