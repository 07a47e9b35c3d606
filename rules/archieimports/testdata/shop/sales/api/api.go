// Package api is what the sales context offers the others.
package api
