package rules

import "testing"

func TestRouteUnder(t *testing.T) {
	for _, tc := range []struct {
		handler, prefix string
		want            bool
	}{
		{"GET /api/v1/admin/platform/accounts", "/api/v1/admin/platform", true},
		{"GET /api/v1/admin/platform", "/api/v1/admin/platform", true},
		{"POST /api/v1/wallets/credit", "/api/v1/admin/platform", false},
		{"GET /api/v1/admin", "/api/v1/admin/platform", false},
		{"GET /orders/{id}", "/orders/", true},
		{"GET /orders/:id/items", "/orders/7/items", true},
		{"GET /users/{id}", "/orders/", false},
		{"GET /static/{path...}", "/static/css/x", true},
		{"/files/*filepath", "/files/a/b", true},
		{"GET /orders", "/orders/", true},
		{"GET /ordersummary", "/orders", true},
		{"GET /ordersummary", "/orders/", false},
		{"/api/", "/api/v1", true},
		{"GET /api", "/api/v1", false},
		{"/{rest:.*}", "/x/y", true},
		{"POST /api/v1/orders", "/api/…/*", true}, // a segment not known: any
		{"POST /v1/orders", "/api/…/*", false},    // but the written start
		{"GET /api/v1/orders", "/api/v…", true},   // a segment's known start
		{"GET /api/x/orders", "/api/v…", false},
		{"POST /admin/reindex", "/api/…/public/", false}, // the segments after it
		{"GET /api/v1/public/x", "/api/…/public/", true},
		{"GET /orders/7/items", "/orders/*", true}, // the prefix's catch-all
		{"GET /orders/7/items", "/orders/{id}/items", true},
		{"GET /orders/7/lines", "/orders/{id}/items", false},
		{"POST /admin/reindex", "/{page}", false},    // a gateway's own page
		{"POST /admin/reindex", "/{path...}", false}, // or its fallback
		{"POST /admin/reindex", "/…/public/", false}, // nothing written first
		{"GET /v1/public/x", "/…/public/", false},
	} {
		if got := routeUnder(tc.handler, tc.prefix); got != tc.want {
			t.Errorf("routeUnder(%q, %q) = %v, want %v", tc.handler, tc.prefix, got, tc.want)
		}
	}
}

func TestForwardsTo(t *testing.T) {
	gateway := []string{"/orders/", "GET /users/{id}"}
	for _, tc := range []struct {
		method, handler string
		want            bool
	}{
		{"*", "GET /orders/{id}", true},          // under a route of the gateway
		{"*", "POST /admin/reindex", false},      // under none
		{"* …", "GET /users/{id}", true},         // path unknown: the gateway's routes
		{"* /orders", "GET /orders", true},       // a whole path: that route
		{"* /orders", "GET /orders/{id}", false}, // not a route below it
		{"* /api/v1…", "GET /api/v1/x", true},    // a known start
		{"* /api/v1…", "GET /health", false},
	} {
		if got := forwardsTo(hop{method: tc.method}, tc.handler, gateway); got != tc.want {
			t.Errorf("forwardsTo(%q, %q) = %v, want %v", tc.method, tc.handler, got, tc.want)
		}
	}
}
