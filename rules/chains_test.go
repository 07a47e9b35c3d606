package rules

import "testing"

func TestRouteUnder(t *testing.T) {
	for _, tc := range []struct {
		handler, path string
		want          bool
	}{
		{"GET /api/v1/admin/platform/accounts", " /api/v1/admin/platform…", true},
		{"GET /api/v1/admin/platform", " /api/v1/admin/platform…", true},
		{"POST /api/v1/wallets/credit", " /api/v1/admin/platform…", false},
		{"GET /api/v1/admin", " /api/v1/admin/platform…", false},
		{"GET /orders/{id}", "", true},
		{"GET /orders/{id}", " …", true},
		{"GET /orders/{id}", " /orders/…", true},
		{"GET /orders/:id/items", " /orders/7/items", true},
		{"GET /users/{id}", " /orders/…", false},
		{"GET /static/{path...}", " /static/css/x", true},
		{"/files/*filepath", " /files/a/b", true},
		{"GET /orders", " /orders/", true},
		{"GET /ordersummary", " /orders…", true},
		{"GET /ordersummary", " /orders/…", false},
	} {
		if got := routeUnder(tc.handler, tc.path); got != tc.want {
			t.Errorf("routeUnder(%q, %q) = %v, want %v", tc.handler, tc.path, got, tc.want)
		}
	}
}
