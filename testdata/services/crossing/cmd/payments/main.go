// Command payments charges.
package main

import (
	"net/http"

	"example.com/crossing/cmd/payments/api"
)

func main() {
	_ = api.Charge{}
	http.ListenAndServe(":8081", nil)
}
