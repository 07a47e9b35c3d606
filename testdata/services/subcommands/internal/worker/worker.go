// Package worker serves jobs.
package worker

import "net/http"

func Run() error {
	http.HandleFunc("/jobs", func(http.ResponseWriter, *http.Request) {})
	return http.ListenAndServe(":9090", nil)
}
