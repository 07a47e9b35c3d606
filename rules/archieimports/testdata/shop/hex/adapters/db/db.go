// Package db is an adapter.
package db

var X int
