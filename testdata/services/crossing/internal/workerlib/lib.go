// Package workerlib is worker's own library: only worker imports it, so
// its import of orders' db is worker's.
package workerlib

import "example.com/crossing/cmd/orders/db" // want cross-service-import

// Pool opens orders' pool.
func Pool() *db.Pool { return &db.Pool{Size: 1} }
