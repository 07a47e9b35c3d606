// Command middleware serves handlers wrapped in middleware: its own,
// net/http's, chi's, alice's, otelhttp's and gorilla/handlers'. A route's
// handler is the one the middleware wraps; a middleware of the program
// serves the route too, its closure running on each request.
package main

import (
	"net/http"
	"os"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/gorilla/handlers"
	"github.com/justinas/alice"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

var debug = os.Getenv("DEBUG") != ""

// auth asks the auth service about every request it wraps.
func auth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Get("http://auth/check") // want "call http GET http://auth/check in /own, /phi"
		next.ServeHTTP(w, r)
	})
}

func logged(next http.Handler) http.Handler { return next }

func own(w http.ResponseWriter, r *http.Request) {
	http.Get("http://svc/own") // want "call http GET http://svc/own in /own"
}

func timeout(w http.ResponseWriter, r *http.Request) {
	http.Get("http://svc/timeout") // want "call http GET http://svc/timeout in /timeout"
}

func otel(w http.ResponseWriter, r *http.Request) {
	http.Get("http://svc/otel") // want "call http GET http://svc/otel in /otel"
}

func logging(w http.ResponseWriter, r *http.Request) {
	http.Get("http://svc/logging") // want "call http GET http://svc/logging in /logging"
}

func cors(w http.ResponseWriter, r *http.Request) {
	http.Get("http://svc/cors") // want "call http GET http://svc/cors in /cors"
}

func then(w http.ResponseWriter, r *http.Request) {
	http.Get("http://svc/then") // want "call http GET http://svc/then in /then"
}

func thenFunc(w http.ResponseWriter, r *http.Request) {
	http.Get("http://svc/thenfunc") // want "call http GET http://svc/thenfunc in /thenfunc"
}

func with(w http.ResponseWriter, r *http.Request) {
	http.Get("http://svc/with") // want "call http GET http://svc/with in GET /with"
}

func chain(w http.ResponseWriter, r *http.Request) {
	http.Get("http://svc/chain") // want "call http GET http://svc/chain in /chain"
}

func phi(w http.ResponseWriter, r *http.Request) {
	http.Get("http://svc/phi") // want "call http GET http://svc/phi in /phi"
}

// appHandler is a handler func type that returns an error: its ServeHTTP
// and the function it holds both serve.
type appHandler func(http.ResponseWriter, *http.Request) error

func (fn appHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if err := fn(w, r); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

// Close is not how appHandler serves: it is no handler of /app.
func (fn appHandler) Close() {
	http.Get("http://svc/close") // want "call http GET http://svc/close"
}

func app(w http.ResponseWriter, r *http.Request) error {
	_, err := http.Get("http://svc/app") // want "call http GET http://svc/app in /app"
	return err
}

func main() {
	http.Handle("/own", auth(http.HandlerFunc(own)))                                         // want "serve http /own"
	http.Handle("/timeout", http.TimeoutHandler(http.HandlerFunc(timeout), time.Second, "")) // want "serve http /timeout"
	http.Handle("/otel", otelhttp.NewHandler(http.HandlerFunc(otel), "otel"))                // want "serve http /otel"
	http.Handle("/logging", handlers.LoggingHandler(os.Stdout, http.HandlerFunc(logging)))   // want "serve http /logging"
	http.Handle("/cors", handlers.CORS()(http.HandlerFunc(cors)))                            // want "serve http /cors"

	mw := alice.New(logged)
	http.Handle("/then", mw.Then(http.HandlerFunc(then))) // want "serve http /then"
	http.Handle("/thenfunc", mw.ThenFunc(thenFunc))       // want "serve http /thenfunc"

	r := chi.NewRouter()
	r.With(logged).Get("/with", with)                        // want "serve http GET /with"
	r.Handle("/chain", chi.Chain(logged).HandlerFunc(chain)) // want "serve http /chain"

	var h http.Handler = http.HandlerFunc(phi)
	if debug {
		h = auth(h)
	}
	http.Handle("/phi", h) // want "serve http /phi"

	http.Handle("/app", appHandler(app)) // want "serve http /app"
	appHandler(app).Close()
	http.ListenAndServe(":8080", r)
}
