// Package web is the top layer.
package web
