package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/archie-dev/archie/analyze/services"
)

// drawServices renders a service diagram as "rank:id kind" node lines and
// "from-kind->to links [rules]×n" edge lines, a link as
// "protocol target@file:line".
func drawServices(d *Diagram) string {
	var out []string
	for _, n := range d.Nodes {
		out = append(out, fmt.Sprintf("%d:%s %s", n.Rank, n.ID, n.Kind))
	}
	for _, e := range d.Edges {
		var links []string
		for _, l := range e.Links {
			s := strings.TrimSpace(l.Protocol + " " + l.Target)
			for _, ev := range l.Evidence {
				s += fmt.Sprintf("@%s:%d", ev.Position.File, ev.Position.Line)
			}
			if l.Ambiguous != "" {
				s += "?"
			}
			links = append(links, s)
		}
		s := fmt.Sprintf("%s-%s->%s %s", e.From, e.Kind, e.To, strings.Join(links, "; "))
		if e.Violations > 0 {
			s += fmt.Sprintf(" %v×%d", e.Rules, e.Violations)
		}
		out = append(out, s)
	}
	return strings.Join(out, "\n")
}

// shopSystem is a small shop: front calls orders, orders calls pay and
// publishes to mail, orders and pay share a table, front dials an address
// of pay that no call uses, and front calls a service with no Go code.
func shopSystem() *services.System {
	orders := stores("orders", "postgres", "", "env DATABASE_URL", "orders")
	pay := stores("pay", "postgres", "", "env DATABASE_URL", "orders", "payments")
	return &services.System{
		Dir:      "/m",
		Services: []*services.Service{{Name: "front"}, {Name: "mail"}, orders, pay},
		Edges: []*services.Edge{
			syncCall("front", "orders", "GET /", "GET /orders"),
			syncCall("front", "search", "GET /", "GET /q"),
			syncCall("orders", "pay", "GET /orders", "GET /pay"),
			{From: "orders", To: "mail", Kind: "async", Protocol: "kafka", Target: "placed", Topic: "placed", Known: true,
				Evidence: []services.Evidence{at("orders", 40, "publish placed"), at("mail", 41, "consume placed")}},
			{From: "pay", To: "orders", Kind: "sync", Protocol: "grpc", Target: "shop.Orders", Known: true, Ambiguous: "pay serves shop.Orders too",
				Evidence: []services.Evidence{at("pay", 50, "Get")}},
		},
		Unresolved: []*services.Unresolved{{From: "front", Protocol: "http", Target: "env X"}},
		Hardcoded:  []*services.Hardcoded{{From: "front", To: "pay", Address: "pay:80", Evidence: []services.Evidence{at("front", 60, "grpc.Dial")}}},
	}
}

func TestServiceDiagram(t *testing.T) {
	sys := shopSystem()
	d := ServiceDiagram(sys, nil, "/m")
	want := `0:front service
1:orders service
1:pay service
2:mail service
2:search external-service
front-sync->orders http http://orders@cmd/front/main.go:30
front-sync->search http http://search@cmd/front/main.go:30
orders-sync->pay http http://pay@cmd/orders/main.go:30
orders-data->pay postgres table orders@cmd/orders/main.go:20@cmd/pay/main.go:20
orders-async->mail kafka placed@cmd/orders/main.go:40@cmd/mail/main.go:41
pay-sync->orders grpc shop.Orders@cmd/pay/main.go:50?`
	if got := drawServices(d); got != want {
		t.Errorf("ServiceDiagram =\n%s\nwant:\n%s", got, want)
	}
	if d.Unresolved != 1 || d.Level != "service" {
		t.Errorf("Unresolved, Level = %d, %q, want 1, service", d.Unresolved, d.Level)
	}

	// The smells mark the edges they are about: each hop of a chain, the
	// shared table, the literal address (an edge of its own when no call
	// uses it) and an import of another service's code.
	vs := checkSmells(t, "  shared-database: error\n  sync-chain: {severity: warning, max-depth: 1}\n  hardcoded-endpoint: warning\n", sys)
	vs = append(vs, Violation{Kind: "cross-service-import", Rule: "cross-service-import", From: "mail", To: "orders",
		Resource: "package example.com/m/cmd/orders/store", Evidence: []Evidence{{Position: Position{File: "cmd/mail/main.go", Line: 3}, Detail: "import example.com/m/cmd/orders/store"}}},
		Violation{Kind: "layer", Rule: "layers", From: "example.com/m/a", To: "example.com/m/b"})
	d = ServiceDiagram(sys, &Result{Violations: vs}, "/m")
	want = `0:front service
1:mail service
1:orders service
1:pay service
1:search external-service
front-sync->orders http http://orders@cmd/front/main.go:30 [sync-chain]×1
front-sync->pay address pay:80@cmd/front/main.go:60 [hardcoded-endpoint]×1
front-sync->search http http://search@cmd/front/main.go:30
mail-import->orders package example.com/m/cmd/orders/store@cmd/mail/main.go:3 [cross-service-import]×1
orders-async->mail kafka placed@cmd/orders/main.go:40@cmd/mail/main.go:41
orders-sync->pay http http://pay@cmd/orders/main.go:30 [sync-chain]×1
orders-data->pay postgres table orders@cmd/orders/main.go:20@cmd/pay/main.go:20 [shared-database]×1
pay-sync->orders grpc shop.Orders@cmd/pay/main.go:50?`
	if got := drawServices(d); got != want {
		t.Errorf("ServiceDiagram with smells =\n%s\nwant:\n%s", got, want)
	}

	// A god service marks every synchronous call into it.
	vs = checkSmells(t, "  god-service: {min-callers: 1, fan-in: 0.2}\n", sys)
	d = ServiceDiagram(sys, &Result{Violations: vs}, "/m")
	var marked []string
	for _, e := range d.Edges {
		if e.Violations > 0 {
			marked = append(marked, fmt.Sprintf("%s->%s %v", e.From, e.To, e.Rules))
		}
	}
	if want := "front->orders [god-service]; front->search [god-service]; orders->pay [god-service]"; strings.Join(marked, "; ") != want {
		t.Errorf("god-service marks %q, want %q", strings.Join(marked, "; "), want)
	}
	// One for its endpoints alone marks no call.
	d = ServiceDiagram(sys, &Result{Violations: []Violation{{Kind: "god-service", Rule: "god-service", From: "orders", Resource: "endpoints of service orders"}}}, "/m")
	for _, e := range d.Edges {
		if e.Violations > 0 {
			t.Errorf("a god-service for its endpoints marks %s->%s", e.From, e.To)
		}
	}

	// Two services on one server with distinct databases share a data
	// edge, labelled with the server; the smell's info is a note, not red.
	servers := &services.System{Dir: "/m", Services: []*services.Service{
		stores("billing", "postgres", "db:5432/billing", "env BILLING_DSN", "invoices"), stores("orders", "postgres", "db:5432/orders", "env ORDERS_DSN", "orders")}}
	vs = checkSmells(t, "  shared-database: error\n", servers)
	if len(vs) != 1 || vs[0].Severity != SeverityInfo {
		t.Fatalf("violations = %v, want one info", smellLines(vs))
	}
	d = ServiceDiagram(servers, &Result{Violations: vs}, "/m")
	if got, want := drawServices(d), "0:billing service\n0:orders service\nbilling-data->orders postgres server db:5432@cmd/billing/main.go:10@cmd/orders/main.go:10"; got != want {
		t.Errorf("ServiceDiagram of one server =\n%s\nwant:\n%s", got, want)
	}

	// Two calls to one target archie could not place are two calls.
	sys.Unresolved[0].Evidence = []services.Evidence{at("front", 70, "GET"), at("front", 71, "GET")}
	if d := ServiceDiagram(sys, nil, "/m"); d.Unresolved != 2 {
		t.Errorf("Unresolved = %d for two calls to one target, want 2", d.Unresolved)
	}
}
