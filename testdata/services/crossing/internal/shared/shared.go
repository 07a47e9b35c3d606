// Package shared is a library orders and worker both use. Its import of
// payments' api is a crossing, but not orders' nor worker's own code.
package shared

import (
	"fmt"

	"example.com/crossing/cmd/payments/api"
)

// Log logs with a zero charge.
func Log(who string) { fmt.Println(who, api.Charge{}) }
