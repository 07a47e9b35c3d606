package rules

import (
	"path"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/archie-dev/archie/analyze"
	"github.com/archie-dev/archie/analyze/services"
)

// system builds a literal system from "pkg -> imports" lines of module
// example.com/m: packages named main* are main packages, found as services
// by discovery; those listed in tools are tools.
func system(t *testing.T, tools []string, lines ...string) (*analyze.Graph, *services.System) {
	t.Helper()
	g := graph(t, lines...)
	for _, p := range g.Packages {
		p.Name = "pkg"
		if path.Base(path.Dir(p.Path)) == "cmd" {
			p.Name = "main"
			p.GoFiles = []string{p.Dir + "/main.go"}
		}
	}
	var mains services.Mains
	for _, tool := range tools {
		mains.Tools = append(mains.Tools, "example.com/m/"+tool)
	}
	for _, p := range g.Packages {
		if p.Name == "main" && !slices.Contains(mains.Tools, p.Path) {
			mains.Services = append(mains.Services, p.Path)
		}
	}
	sys := &services.System{Dir: "/m", Contracts: map[string]bool{"example.com/m/cmd/orders/ordersv1": true}}
	for _, s := range services.Find(g, nil, mains) {
		if s.Tool {
			sys.Tools = append(sys.Tools, s)
		} else {
			sys.Services = append(sys.Services, s)
		}
	}
	return g, sys
}

func TestCrossServiceImportOwnCode(t *testing.T) {
	g, sys := system(t, []string{"cmd/gen"},
		"cmd/orders -> cmd/orders/store cmd/orders/ordersv1 internal/shared",
		"cmd/orders/store -> cmd/orders/db",
		"cmd/orders/db",
		"cmd/orders/ordersv1",
		// worker's own main and library cross into orders; the store's
		// import of orders' db is orders' own, never worker's.
		"cmd/worker -> cmd/orders/store cmd/orders/ordersv1 internal/wlib internal/shared",
		"internal/wlib -> cmd/orders/db",
		// a library orders and worker share: not either one's own code.
		"internal/shared -> cmd/payments/api",
		"cmd/payments -> cmd/payments/api",
		"cmd/payments/api",
		// a tool's imports, and imports of the tool's tree, are no smell.
		"cmd/gen -> cmd/orders/store cmd/gen/tmpl",
		"cmd/gen/tmpl",
		"cmd/payments/api/ext -> cmd/gen/tmpl",
	)
	got := crossServiceImports(t, g, sys)
	want := []string{
		"worker->orders: worker (internal/wlib) imports cmd/orders/db, code of service orders: a change there means deploying both",
		"worker->orders: worker imports cmd/orders/store, code of service orders: a change there means deploying both",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("violations:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A package in a service's folder that the service's program does not
// build is not its code: registry ships registry/client for others to call
// it with, and gc's import of it deploys gc alone. registry/store, which
// registry builds, is registry's.
func TestCrossServiceImportUnbuiltClient(t *testing.T) {
	g, sys := system(t, nil,
		"cmd/registry -> cmd/registry/store",
		"cmd/registry/store",
		"cmd/registry/client",
		"cmd/gc -> cmd/registry/client cmd/registry/store",
	)
	got := crossServiceImports(t, g, sys)
	want := []string{
		"gc->registry: gc imports cmd/registry/store, code of service registry: a change there means deploying both",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("violations:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A client library a service publishes for others (kraken's
// origin/blobclient), which the service may use too, is its API as its
// callers see it: tracker's import of it deploys tracker alone, as an
// import of generated stubs would. It may import the models beside it,
// which import none of origin's code. A generic helper of a protocol
// (httpclient) in origin's folder is origin's code. A "client" origin does
// not build,
// which reaches into origin's store (which imports origin's db), is its
// importer's code, and that import crosses into origin.
func TestCrossServiceImportPublishedClient(t *testing.T) {
	g, sys := system(t, nil,
		"cmd/origin -> cmd/origin/blobclient cmd/origin/store cmd/origin/httpclient",
		"cmd/origin/blobclient -> cmd/origin/models internal/httputil",
		"cmd/origin/models",
		"cmd/origin/store -> cmd/origin/db",
		"cmd/origin/db",
		"cmd/origin/fatclient -> cmd/origin/store",
		"internal/httputil",
		"cmd/tracker -> cmd/origin/blobclient cmd/origin/httpclient",
		"cmd/origin/httpclient",
		"cmd/agent -> cmd/origin/fatclient",
	)
	got := crossServiceImports(t, g, sys)
	want := []string{
		"agent->origin: agent (cmd/origin/fatclient) imports cmd/origin/store, code of service origin: a change there means deploying both",
		"tracker->origin: tracker imports cmd/origin/httpclient, code of service origin: a change there means deploying both",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("violations:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A package outside every main's folder belongs to the services of the
// nearest folder above it holding mains, when that folder is one domain:
// app/order/model is order-api's and order-rpc's, and payment-rpc's import
// of it crosses into both; common, beside every domain, is no one's.
func TestCrossServiceImportDomainFolders(t *testing.T) {
	g, sys := system(t, nil,
		"app/order/cmd/api -> app/order/model common",
		"app/order/cmd/rpc -> app/order/model",
		"app/order/model",
		"app/payment/cmd/rpc -> app/order/model common app/payment/model",
		"app/payment/model",
		"common",
	)
	got := crossServiceImports(t, g, sys)
	want := []string{
		"payment-rpc->api: payment-rpc imports app/order/model, code of services api and order-rpc: a change there means deploying them all",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("violations:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// The folder beside cmd/ named as a main's folder there holds that
// main's code (cmd/users and users/postgres), where it runs it: users'
// client package, which users does not build, domains, which no main is
// named after, and api/, whose name says it is everyone's, are no one's.
func TestCrossServiceImportFolderBesideCmd(t *testing.T) {
	g, sys := system(t, nil,
		"cmd/users -> users users/postgres",
		"users",
		"users/postgres",
		"users/client",
		"cmd/clients -> clients users/postgres users/client domains api/client",
		"clients",
		"domains",
		// api/ beside cmd/api is everyone's: its client is no smell.
		"cmd/api -> api/client",
		"api/client",
	)
	got := crossServiceImports(t, g, sys)
	want := []string{
		"clients->users: clients imports users/postgres, code of service users: a change there means deploying both",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("violations:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// crossServiceImports checks a system with cross-service-import on and
// returns its violations as "from->to: message", sorted.
func crossServiceImports(t *testing.T, g *analyze.Graph, sys *services.System) []string {
	t.Helper()
	cfg, err := ParseConfig("archie.yaml", []byte("version: 1\nsmells:\n  cross-service-import: error\n"))
	if err != nil {
		t.Fatal(err)
	}
	cfg.Dir = "/m"
	res, err := Check(cfg, g, Options{Now: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), Complete: true, System: sys})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, v := range res.Violations {
		got = append(got, v.From+"->"+v.To+": "+v.Message)
	}
	sort.Strings(got)
	return got
}

// run: chooses which service a main runs: on a service without a main
// package it could choose nothing.
func TestServiceRunNeedsMain(t *testing.T) {
	g := graph(t, "cmd/app -> internal/lib", "internal/lib")
	for _, p := range g.Packages {
		p.Name = map[bool]string{true: "main", false: "lib"}[p.Path == "example.com/m/cmd/app"]
	}
	for _, tc := range []struct {
		packages string
		wantErr  bool
	}{
		{"./cmd/app", false},
		{"./internal/lib", true},
	} {
		cfg, err := ParseConfig("archie.yaml", []byte("version: 1\nservices:\n  - name: web\n    packages: ["+tc.packages+"]\n    run: web\n"))
		if err != nil {
			t.Fatal(err)
		}
		cfg.Dir = "/m"
		_, err = cfg.ServiceSpecs(g)
		if (err != nil) != tc.wantErr || err != nil && !strings.Contains(err.Error(), "none of its packages is a main package") {
			t.Errorf("packages %s: ServiceSpecs error = %v, want error %v", tc.packages, err, tc.wantErr)
		}
	}
}
