// Command nethttp calls and serves HTTP with net/http, dials with net,
// and calls with resty.
package main

import (
	"context"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"path"
	"time"

	"github.com/go-resty/resty/v2"
	resty3 "resty.dev/v3"
)

func handle(w http.ResponseWriter, r *http.Request) {}

// report sends to the URL it is handed; its error is handed on.
func report(url string) error {
	_, err := http.Get(url) // want "call http GET http://stats/report"
	return err
}

func logged(err error) {}

func main() {
	ctx := context.Background()
	http.Get("http://catalog/products")                  // want "call http GET http://catalog/products"
	http.Head("http://catalog/health")                   // want "call http HEAD http://catalog/health"
	http.Post("http://orders/orders", "text/plain", nil) // want "call http POST http://orders/orders"
	http.PostForm("http://orders/form", url.Values{})    // want "call http POST http://orders/form"
	// URLs joined: url.JoinPath keeps the scheme's slashes; path.Join
	// cleans them away, as it does at run time.
	u, _ := url.JoinPath("http://catalog/api/", "v1", "items")
	http.Get(u)                                     // want "call http GET http://catalog/api/v1/items"
	http.Get(path.Join("http://catalog", "search")) // want "call http GET http:/catalog/search"

	logged(report("http://stats/report"))

	c := &http.Client{}
	c.Get("http://catalog/a")                     // want "call http GET http://catalog/a"
	c.Head("http://catalog/b")                    // want "call http HEAD http://catalog/b"
	c.Post("http://catalog/c", "text/plain", nil) // want "call http POST http://catalog/c"
	c.PostForm("http://catalog/d", nil)           // want "call http POST http://catalog/d"

	// A client's method is sent as written.
	http.NewRequest("PUT", "http://orders/orders/1", nil)                    // want "call http PUT http://orders/orders/1"
	http.NewRequestWithContext(ctx, "delete", "http://orders/orders/2", nil) // want "call http delete http://orders/orders/2"

	// A reverse proxy forwards whatever it serves to its target.
	target, _ := url.Parse("http://inventory:8080")
	_ = httputil.NewSingleHostReverseProxy(target) // want "call http * http://inventory:8080"
	pricing, _ := url.Parse("http://pricing:8080")
	http.Handle("/pricing/", &httputil.ReverseProxy{Rewrite: func(r *httputil.ProxyRequest) { // want "serve http /pricing/"
		r.SetURL(pricing) // want "call http * http://pricing:8080"
	}})

	r := resty.New().R()
	r.Get("http://reviews/a")            // want "call http GET http://reviews/a"
	r.Post("http://reviews/b")           // want "call http POST http://reviews/b"
	r.Put("http://reviews/c")            // want "call http PUT http://reviews/c"
	r.Delete("http://reviews/d")         // want "call http DELETE http://reviews/d"
	r.Patch("http://reviews/e")          // want "call http PATCH http://reviews/e"
	r.Execute("PUT", "http://reviews/x") // want "call http PUT http://reviews/x"

	// A path goes under the client's base URL: set in its chain, or on it.
	catalog := resty.New().SetBaseURL("http://catalog:8080").SetHeader("X", "1")
	catalog.R().Get("/items")                              // want "call http GET http://catalog:8080/items"
	catalog.R().SetPathParam("id", "1").Get("/items/{id}") // want "call http GET http://catalog:8080/items/{id}"
	stock := resty3.New()
	stock.SetBaseURL("http://stock:8080/")
	stock.R().Post("/reserve")             // want "call http POST http://stock:8080/reserve"
	stock.R().Get("http://pricing/quotes") // want "call http GET http://pricing/quotes"

	newOrdersAPI("http://orders:9000").list()
	// A client set to two bases: which one a request goes to is not
	// followed, so the path stays as it is.
	moving := resty.New()
	moving.SetBaseURL("http://users:8080")
	moving.R().Get("/whoami") // want "call http GET /whoami"
	moving.SetBaseURL("http://billing:8080")

	// resty v3 moved to its own module path.
	r3 := resty3.New().R()
	r3.Get("http://ratings/a")               // want "call http GET http://ratings/a"
	r3.Post("http://ratings/b")              // want "call http POST http://ratings/b"
	r3.Put("http://ratings/c")               // want "call http PUT http://ratings/c"
	r3.Delete("http://ratings/d")            // want "call http DELETE http://ratings/d"
	r3.Patch("http://ratings/e")             // want "call http PATCH http://ratings/e"
	r3.Execute("delete", "http://ratings/f") // want "call http delete http://ratings/f"

	net.Dial("tcp", "cache:6379")                     // want "dial cache:6379"
	net.DialTimeout("tcp", "queue:5672", time.Second) // want "dial queue:5672"

	// Go 1.22 patterns carry their method.
	http.HandleFunc("GET /orders/{id}", handle)       // want "serve http GET /orders/{id}"
	http.Handle("/metrics", http.HandlerFunc(handle)) // want "serve http /metrics"
	mux := http.NewServeMux()
	mux.HandleFunc("POST /orders", handle)                 // want "serve http POST /orders"
	mux.Handle("/static/", http.FileServer(http.Dir("."))) // want "serve http /static/"
}

// ordersAPI keeps its client in a field, its base URL set where it is made.
type ordersAPI struct{ c *resty.Client }

func newOrdersAPI(base string) *ordersAPI { return &ordersAPI{c: resty.New().SetBaseURL(base)} }

func (a *ordersAPI) list() { a.c.R().Get("/orders") } // want "call http GET http://orders:9000/orders"
