module example.com/routers

go 1.22

require (
	connectrpc.com/connect v1.0.0
	github.com/go-chi/chi/v5 v5.0.0
	github.com/gorilla/mux v1.0.0
)

replace (
	connectrpc.com/connect => ./third_party/connectrpc.com/connect
	github.com/go-chi/chi/v5 => ./third_party/github.com/go-chi/chi/v5
	github.com/gorilla/mux => ./third_party/github.com/gorilla/mux
)
