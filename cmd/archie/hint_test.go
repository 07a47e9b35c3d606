package main

import (
	"strings"
	"testing"

	"github.com/archie-dev/archie/analyze"
)

func TestModuleHint(t *testing.T) {
	tests := []struct {
		msg, want string
	}{
		{
			msg:  "github.com/acme/tools@v0.0.5-alpha.1: reading https://proxy.golang.org/github.com/acme/tools/@v/v0.0.5-alpha.1.zip: 403 Forbidden\n\tserver response: This module version is not available.",
			want: "archie: the go command could not fetch github.com/acme/tools@v0.0.5-alpha.1 (403 Forbidden), so the code that needs it could not be read: if the module is private, set GOPRIVATE (and give the go command access to its repository) or GOPROXY, then run archie again\n",
		},
		{
			msg:  "github.com/acme/gone@v1.2.3: reading https://goproxy.example/github.com/acme/gone/@v/v1.2.3.mod: 404 Not Found",
			want: "archie: the go command could not fetch github.com/acme/gone@v1.2.3 (404 Not Found), so the code that needs it could not be read: if the module is private, set GOPRIVATE (and give the go command access to its repository) or GOPROXY, then run archie again\n",
		},
		{
			msg:  "verifying github.com/acme/priv@v1.0.0: github.com/acme/priv@v1.0.0: reading https://sum.golang.org/lookup/github.com/acme/priv@v1.0.0: 404 Not Found",
			want: "archie: the go command could not fetch github.com/acme/priv@v1.0.0 (404 Not Found from the checksum database sum.golang.org), so the code that needs it could not be read: if the module is private, set GOPRIVATE (and give the go command access to its repository) or GOPROXY, then run archie again\n",
		},
		{
			msg:  "missing go.sum entry for module providing package github.com/acme/lib",
			want: "archie: modules the code needs are not downloaded or not in go.sum: run `go mod download` (or `go mod tidy`) in ., then archie again\n",
		},
		// A module read from a tidied copy loaded: its note says what to run.
		{msg: "go.mod or go.sum is not tidy (the go command says: missing go.sum entry for module providing package github.com/acme/lib); archie read this module with a copy of both"},
		{msg: "undefined: x"},
	}
	for _, tc := range tests {
		var b strings.Builder
		moduleHint(&b, []analyze.Error{{Msg: tc.msg}}, ".")
		if b.String() != tc.want {
			t.Errorf("moduleHint(%q) =\n%q\nwant\n%q", tc.msg, b.String(), tc.want)
		}
	}
}
