// Command flags calls the addresses its flags default to: flag's and
// pflag's (cobra's) definitions, string and int, pointer and Var forms,
// the port joined with strconv.Itoa, and an address that reaches the
// call through an options struct, a constructor and a client's field.
package main

import (
	"flag"
	"fmt"
	"net"
	"net/http"
	"strconv"

	"github.com/spf13/pflag"
)

var (
	ordersHost string
	ordersPort int
	stockHost  string
	stockPort  int
	options    Options
)

// Options carry the addresses the server's clients call.
type Options struct{ PricesHostPort string }

type client struct{ hostPort string }

func newClient(hostPort string) *client { return &client{hostPort: hostPort} }

func (c *client) price(id int) {
	http.Get(fmt.Sprintf("http://"+c.hostPort+"/prices/%d", id)) // want "call http GET http://prices:8083/prices/1"
}

type server struct{ prices *client }

func newServer(o Options) *server { return &server{prices: newClient(o.PricesHostPort)} }

func addFlags(fs *pflag.FlagSet) {
	fs.StringVarP(&ordersHost, "orders-host", "o", "orders", "")
	fs.IntVarP(&ordersPort, "orders-port", "p", 8081, "")
}

func init() { addFlags(pflag.CommandLine) }

func main() {
	pflag.StringVar(&stockHost, "stock-host", "stock", "")
	flag.IntVar(&stockPort, "stock-port", 8082, "")
	pricesHost := pflag.String("prices-host", "prices", "")
	pricesPort := pflag.CommandLine.Int("prices-port", 8083, "")
	pflag.Parse()

	http.Get("http://" + net.JoinHostPort(ordersHost, strconv.Itoa(ordersPort)) + "/orders") // want "call http GET http://orders:8081/orders"
	http.Get(fmt.Sprintf("http://%s:%d/stock", stockHost, stockPort))                        // want "call http GET http://stock:8082/stock"
	options.PricesHostPort = net.JoinHostPort(*pricesHost, strconv.FormatInt(int64(*pricesPort), 10))
	newServer(options).prices.price(1)
}
