package services

import (
	"reflect"
	"testing"
)

// Facts merged from two repositories give the edges one run over both
// would: a gRPC call the caller's repository could only name (from a
// deployment file) or not place at all goes to the service that serves
// the proto service in the other repository's facts.
func TestMergeRelinksGRPC(t *testing.T) {
	front := &System{
		Services: []*Service{{Name: "front"}},
		Edges: []*Edge{
			{From: "front", To: "payments", Kind: "sync", Protocol: "grpc", Target: "shop.Payments", Evidence: []Evidence{{Detail: "Charge"}}},
			{From: "front", To: "search", Kind: "sync", Protocol: "http", Target: "http://search/q"},
		},
		Unresolved: []*Unresolved{
			{From: "front", Protocol: "grpc", Target: "shop.Ledger", Evidence: []Evidence{{Detail: "Record"}}},
			{From: "front", Protocol: "grpc", Target: "shop.Unknown"},
		},
	}
	back := &System{Services: []*Service{
		{Name: "payment-svc", Endpoints: []Endpoint{{Protocol: "grpc", Name: "shop.Payments"}}},
		{Name: "ledger-svc", Endpoints: []Endpoint{{Protocol: "grpc", Name: "shop.Ledger"}}},
	}}
	if err := front.Merge(back); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range front.Edges {
		got = append(got, e.From+" → "+e.To+" "+e.Protocol+" known="+map[bool]string{true: "yes", false: "no"}[e.Known])
	}
	want := []string{"front → ledger-svc grpc known=yes", "front → payment-svc grpc known=yes", "front → search http known=no"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("edges after merge = %q, want %q", got, want)
	}
	if len(front.Unresolved) != 1 || front.Unresolved[0].Target != "shop.Unknown" {
		t.Errorf("unresolved after merge = %+v, want only shop.Unknown", front.Unresolved)
	}
}

// A proto service that several merged services serve stays as it was: the
// call could go to any of them.
func TestMergeLeavesAmbiguousGRPC(t *testing.T) {
	a := &System{Services: []*Service{{Name: "a"}}, Edges: []*Edge{{From: "a", To: "x", Kind: "sync", Protocol: "grpc", Target: "p.S"}}}
	b := &System{Services: []*Service{
		{Name: "b1", Endpoints: []Endpoint{{Protocol: "grpc", Name: "p.S"}}},
		{Name: "b2", Endpoints: []Endpoint{{Protocol: "grpc", Name: "p.S"}}},
	}}
	if err := a.Merge(b); err != nil {
		t.Fatal(err)
	}
	if e := a.Edges[0]; e.To != "x" || e.Known {
		t.Errorf("edge = %+v, want it left to x, unknown", e)
	}
}

// An HTTP call one repository could not place goes to the one service
// whose specific route serves its method and path; a probe, a catch-all
// or a path two services serve places nothing.
func TestRouteServer(t *testing.T) {
	sys := &System{Services: []*Service{
		{Name: "front"},
		{Name: "orders", Endpoints: []Endpoint{
			{Protocol: "http", Method: "POST", Route: "/orders"},
			{Protocol: "http", Method: "GET", Route: "/orders/{id}"},
			{Protocol: "http", Route: "/health"},
			{Protocol: "http", Route: "/static/*"},
		}},
		{Name: "users", Endpoints: []Endpoint{
			{Protocol: "http", Method: "GET", Route: "/users/"},
			{Protocol: "http", Route: "/api/"},
			{Protocol: "http", Route: "/internal/quotas/"},
			{Protocol: "http", Route: "/v2/"},
			{Protocol: "http", Method: "GET", Route: "/v2/{id}"},
		}},
		{Name: "billing", Endpoints: []Endpoint{{Protocol: "http", Route: "/invoices"}}},
		{Name: "billing-v2", Endpoints: []Endpoint{{Protocol: "http", Method: "GET", Route: "/invoices"}}},
	}}
	tests := []struct {
		call, want string
	}{
		{"POST /orders", "orders"},
		{"GET /orders/42?x=1", "orders"},
		{"GET /orders", ""},        // orders serves POST only
		{"GET /health", ""},        // a probe
		{"GET /static/app.js", ""}, // a catch-all
		{"GET /invoices", ""},      // two services serve it
		{"", ""},                   // no path known
		// A subtree places a call one segment below it, and only when
		// a segment of it is more than api or a version.
		{"GET /users/42", "users"},
		{"GET /users/42/avatar", ""},
		{"POST /api/v1/getparams.execute", ""},
		{"GET /internal/quotas/7", "users"},
		{"GET /internal/quotas/7/usage", ""},
		{"GET /v2/query", ""},
		// A path whose written segments are api or a version names no
		// one's API, whatever the rest matches.
		{"POST /…", ""},
		{"GET /v2/…", ""},
	}
	for _, tc := range tests {
		got, _ := sys.routeIndex().server("front", tc.call)
		if got != tc.want {
			t.Errorf("routeServer(%q) = %q, want %q", tc.call, got, tc.want)
		}
	}
	if got, ok := sys.routeIndex().server("orders", "POST /orders"); ok {
		t.Errorf("a call to its own route is placed at %q", got)
	}
}
