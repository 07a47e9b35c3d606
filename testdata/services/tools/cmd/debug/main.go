// Command debug serves api's model for inspection; archie.yaml makes it a
// tool though it listens.
package main

import (
	"fmt"
	"net/http"

	"example.com/tools/cmd/api/model"
)

func main() {
	http.HandleFunc("/debug", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, model.Order{}) })
	http.ListenAndServe("localhost:6060", nil)
}
