module example.com/gorilla

go 1.22

require (
	github.com/gorilla/mux v1.0.0
)
