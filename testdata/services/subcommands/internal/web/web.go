// Package web serves the pages.
package web

import "net/http"

func Serve() error {
	http.HandleFunc("/", func(http.ResponseWriter, *http.Request) {})
	return http.ListenAndServe(":80", nil)
}
