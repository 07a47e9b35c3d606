// Package api is what the stock context offers the others.
package api
