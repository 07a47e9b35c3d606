module example.com/middleware

go 1.22

require (
	github.com/go-chi/chi/v5 v5.0.0
	github.com/gorilla/handlers v1.0.0
	github.com/justinas/alice v1.0.0
	go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp v1.0.0
)
