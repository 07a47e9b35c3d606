// Package db is orders' connection pool.
package db

// Pool is a connection pool.
type Pool struct{ Size int }

// Open opens the pool.
func Open() *Pool { return &Pool{Size: 4} }
