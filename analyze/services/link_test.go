package services

import (
	"go/token"
	"slices"
	"strings"
	"testing"
)

func TestTopicMatches(t *testing.T) {
	for _, c := range []struct {
		protocol, topic, pattern string
		want                     bool
	}{
		{"kafka", "orders", "orders", true},
		{"kafka", "orders", "orders.*", false},
		{"nats", "orders.created", "orders.*", true},
		{"nats", "orders.created.eu", "orders.*", false},
		{"nats", "orders.created.eu", "orders.>", true},
		{"nats", "orders", "orders.>", false},
		{"nats", "orders.created", ">", true},
		{"nats", "orders.created", "*.created", true},
		{"nats", "orders.created", "orders.created.>", false},
		{"amqp", "shop/orders.created", "shop/orders.*", true},
		{"amqp", "shop/orders.created", "shop/#", true},
		{"amqp", "shop/orders", "shop/orders.#", true},
		{"amqp", "shop/orders.created.eu", "shop/orders.*", false},
		{"amqp", "shop/orders.created.eu", "shop/#.eu", true},
		{"amqp", "shop/orders.created", "other/orders.created", false},
		{"amqp", "orders", "shop/#", false},
		{"amqp", "orders-queue", "orders-queue", true},
		{"watermill", "orders.created", "orders.*", false},
		{"mqtt", "devices/d1/telemetry", "devices/+/telemetry", true},
		{"mqtt", "devices/d1/state", "devices/+/telemetry", false},
		{"mqtt", "devices/d1/a/telemetry", "devices/+/telemetry", false},
		{"mqtt", "jobs/a/b", "jobs/#", true},
		{"mqtt", "jobs", "jobs/#", true},
		{"mqtt", "jobs.a", "jobs/#", false},
		{"mqtt", "a/b", "#", true},
		{"mqtt", "a/b", "+", false},
		{"mqtt", "a.b", "a.*", false},
		{"mqtt", "$SYS/broker/load", "#", false},
		{"mqtt", "$aws/things/p/shadow", "+/things/+/shadow", false},
		{"mqtt", "$SYS/broker/load", "$SYS/#", true},
		{"mqtt", "plant/a/b", "plant/#/b", false},
		{"redis", "orders.created", "orders.*", true},
		{"redis", "orders.created", "carts.*", false},
		{"redis", "shop/orders", "*", true},
		{"redis", "shop/orders", "shop*", true},
		{"redis", "order1", "order?", true},
		{"redis", "orderb", "order[ab]", true},
		{"redis", "orderc", "order[ab]", false},
		{"redis", "orderc", "order[^ab]", true},
		{"redis", "order3", "order[0-9]", true},
		{"redis", "a.b", "a?b", true},
		{"redis", "a*b", "a\\*b", true},
		{"redis", "axb", "a\\*b", false},
		{"redis", "x", "[", false},
		{"amqp", "shop/a.b.c", "shop/#.#.#", true},
		{"amqp", "shop/a.b.c", "shop/#.b.#", true},
		{"amqp", "shop/a.b.c", "shop/#.c.#.b", false},
		{"amqp", "shop/", "shop/#", true},
		{"nats", "orders", ">", true},
		{"nats", "orders", "*", true},
		{"nats", "orders.created", "*", false},
		// Many #: each split of the words is tried once, not every
		// way to reach it (this took minutes).
		{"amqp", "shop/" + strings.Repeat("a.", 59) + "a", "shop/" + strings.Repeat("#.a.", 20) + "b", false},
		{"amqp", "shop/" + strings.Repeat("a.", 59) + "a", "shop/" + strings.Repeat("#.a.", 20) + "#", true},
	} {
		if got := topicMatches(c.protocol, c.topic, c.pattern); got != c.want {
			t.Errorf("topicMatches(%q, %q, %q) = %v, want %v", c.protocol, c.topic, c.pattern, got, c.want)
		}
	}
}

func TestBroker(t *testing.T) {
	svc := &Service{Name: "orders"}
	d := &deployment{workloads: map[string]*workload{
		"orders":   {name: "orders", env: map[string]string{"KAFKA_ADDR": "kafka:9092", "SEEDS": "kafka-1:9092,kafka-2:9092", "AMQP_URL": "amqp://app:s3cret@rabbitmq:5672/"}},
		"kafka":    {name: "kafka"},
		"kafka-1":  {name: "kafka-1"},
		"kafka-2":  {name: "kafka-2"},
		"rabbitmq": {name: "rabbitmq"},
		"other":    {name: "other"},
	}}
	conn := func(protocol string, addrs ...string) *call {
		c := &call{protocol: protocol, ev: Evidence{Pos: token.Position{Filename: "main.go", Line: 7}}}
		for _, a := range addrs {
			c.targets = append(c.targets, value{text: a})
		}
		return c
	}
	for _, c := range []struct {
		name    string
		brokers []*call
		to      string // "" for none
		detail  string
	}{
		{"from the deployment's env", []*call{conn("kafka", "${KAFKA_ADDR}")}, "kafka", "connects to kafka broker kafka:9092"},
		{"a seed list names its first", []*call{conn("kafka", "${SEEDS}")}, "kafka-1", "connects to kafka broker kafka-1:9092,kafka-2:9092"},
		{"two connections to one broker", []*call{conn("kafka", "kafka:9092"), conn("kafka", "${KAFKA_ADDR}")}, "kafka", "connects to kafka broker kafka:9092"},
		{"two brokers: none", []*call{conn("kafka", "kafka:9092"), conn("kafka", "other:9092")}, "", ""},
		{"one archie cannot name: none", []*call{conn("kafka", "kafka:9092"), conn("kafka", "${UNSET}")}, "", ""},
		{"localhost names nothing", []*call{conn("kafka", "localhost:9092")}, "", ""},
		{"another protocol's broker", []*call{conn("nats", "nats://kafka:4222")}, "", ""},
		{"a password is not shown", []*call{conn("kafka", "${AMQP_URL}")}, "rabbitmq", "connects to kafka broker amqp://app:***@rabbitmq:5672/"},
	} {
		t.Run(c.name, func(t *testing.T) {
			l := &linker{sys: &System{Services: []*Service{svc}}, deploy: d}
			to, _, ev, ok := l.broker(&facts{svc: svc, brokers: c.brokers}, "kafka")
			if to != c.to || ok != (c.to != "") || ev.Detail != c.detail {
				t.Errorf("broker = %q, %v, %q; want %q, %q", to, ok, ev.Detail, c.to, c.detail)
			}
		})
	}
}

// A publish nobody in the tree consumes goes to its broker, unless the
// same call site publishes to a topic that is consumed here: then the
// other topics are values archie could not tell apart, not messages.
func TestMessagesToBroker(t *testing.T) {
	at := func(line int) Evidence { return Evidence{Pos: token.Position{Filename: "main.go", Line: line}} }
	orders, billing := &Service{Name: "orders"}, &Service{Name: "billing"}
	d := &deployment{workloads: map[string]*workload{"kafka": {name: "kafka"}, "rabbitmq": {name: "rabbitmq"}}}
	l := &linker{sys: &System{Services: []*Service{orders, billing}}, deploy: d, edges: make(map[string]*Edge)}
	found := []*facts{
		{svc: orders, brokers: []*call{{protocol: "kafka", targets: []value{{text: "kafka:9092"}}, ev: at(3)}, {protocol: "amqp", targets: []value{{text: "amqp://rabbitmq:5672"}}, ev: at(4)}}, messages: []*message{
			{protocol: "kafka", topic: "orders.placed", publish: true, ev: at(10)},
			{protocol: "kafka", topic: "orders.default", publish: true, ev: at(10)},
			{protocol: "kafka", topic: "orders.audit", publish: true, ev: at(20)},
			// A helper at line 40 handed its topic at lines 41 and 42:
			// each call's topic is its own.
			{protocol: "kafka", topic: "orders.placed", publish: true, ev: at(40), via: 41},
			{protocol: "kafka", topic: "orders.viewed", publish: true, ev: at(40), via: 42},
			// AMQP's exchange and key, each from a call of its own, are
			// paired every way: the site publishes the consumed pair only.
			{protocol: "amqp", topic: "shop/placed", publish: true, ev: at(50), via: 51},
			{protocol: "amqp", topic: "shop/other", publish: true, ev: at(50), via: 52},
		}},
		{svc: billing, messages: []*message{{protocol: "kafka", topic: "orders.placed", ev: at(30)}, {protocol: "amqp", topic: "shop/placed", ev: at(31)}}},
	}
	pubs, subs := l.gather(found)
	l.messages(found, pubs, subs)
	var got []string
	for _, e := range l.edges {
		got = append(got, e.From+" → "+e.To+" "+e.Topic)
	}
	slices.Sort(got)
	want := []string{"orders → billing orders.placed", "orders → billing shop/placed", "orders → kafka orders.audit", "orders → kafka orders.viewed"}
	if !slices.Equal(got, want) {
		t.Errorf("edges = %q, want %q", got, want)
	}
}

// An AMQP binding's messages go to whoever consumes its queue, not to
// every service that declares it; a binding of a queue no service
// consumes by name stays with its binder.
func TestBindings(t *testing.T) {
	at := func(line int) Evidence { return Evidence{Pos: token.Position{Filename: "main.go", Line: line}} }
	bind := func(topic, queue string, line int) *message {
		return &message{protocol: "amqp", topic: topic, bound: true, queue: queue, ev: at(line)}
	}
	pub := func(topic string) *message { return &message{protocol: "amqp", topic: topic, publish: true, ev: at(1)} }
	consume := func(queue string) *message { return &message{protocol: "amqp", topic: queue, ev: at(2)} }
	for _, tc := range []struct {
		name string
		// each service's messages: orders publishes, billing and mail
		// run the shared setup and consume what they consume.
		billing, mail []*message
		want          []string
	}{
		{
			name:    "setup declared everywhere, billing consumes the queue",
			billing: []*message{bind("shop/order.placed", "invoices", 10), consume("invoices")},
			mail:    []*message{bind("shop/order.placed", "invoices", 10)},
			want:    []string{"orders → billing shop/order.placed"},
		},
		{
			name:    "the consumer declares nothing: the binder's setup routes to it",
			mail:    []*message{bind("shop/order.placed", "invoices", 10)},
			billing: []*message{consume("invoices")},
			want:    []string{"orders → billing shop/order.placed"},
		},
		{
			name:    "no one consumes the queue by name: its binder receives",
			billing: []*message{bind("shop/order.placed", "audit", 10)},
			mail:    []*message{consume("invoices")},
			want:    []string{"orders → billing shop/order.placed"},
		},
		{
			name:    "a queue the broker names stays with its binder",
			billing: []*message{bind("shop/order.placed", "", 10), consume("invoices")},
			mail:    []*message{bind("shop/order.#", "", 10)},
			want:    []string{"orders → billing shop/order.placed", "orders → mail shop/order.placed"},
		},
		{
			name:    "a queue the deployment does not name may be each service's own",
			billing: []*message{bind("shop/order.placed", "${QUEUE}", 10), consume("${QUEUE}")},
			mail:    []*message{bind("shop/user.created", "${QUEUE}", 10), consume("${QUEUE}")},
			want:    []string{"orders → billing shop/order.placed"},
		},
		{
			name:    "two consumers of one queue share its messages",
			billing: []*message{bind("shop/order.placed", "invoices", 10), consume("invoices")},
			mail:    []*message{consume("invoices")},
			want:    []string{"orders → billing shop/order.placed", "orders → mail shop/order.placed"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			orders, billing, mail := &Service{Name: "orders"}, &Service{Name: "billing"}, &Service{Name: "mail"}
			l := &linker{sys: &System{Services: []*Service{orders, billing, mail}}, edges: make(map[string]*Edge)}
			found := []*facts{
				{svc: orders, messages: []*message{pub("shop/order.placed")}},
				{svc: billing, messages: tc.billing},
				{svc: mail, messages: tc.mail},
			}
			pubs, subs := l.gather(found)
			l.messages(found, pubs, subs)
			var got []string
			for _, e := range l.edges {
				got = append(got, e.From+" → "+e.To+" "+e.Topic)
			}
			slices.Sort(got)
			if !slices.Equal(got, tc.want) {
				t.Errorf("edges = %q, want %q", got, tc.want)
			}
		})
	}
}

// A call served by two services that never run together goes to
// whichever is deployed, unless the caller runs beside only one.
func TestAlternatives(t *testing.T) {
	mono := &Service{Name: "monolith", Entry: "shop/cmd/monolith", Packages: []string{"shop/billing/app", "shop/cmd/monolith", "shop/lib/log", "shop/orders/app"}, Profiles: []string{"monolith"}}
	orders := &Service{Name: "orders", Entry: "shop/orders/cmd", Packages: []string{"shop/lib/log", "shop/orders/app", "shop/orders/cmd"}, Profiles: []string{"services"}}
	gateway := &Service{Name: "gateway", Entry: "shop/gateway/cmd", Packages: []string{"shop/gateway/cmd", "shop/lib/log"}} // no deployment file runs it
	billing := &Service{Name: "billing", Entry: "shop/billing/cmd", Packages: []string{"shop/billing/app", "shop/billing/cmd", "shop/lib/log"}, Profiles: []string{"services"}}
	l := &linker{sys: &System{Services: []*Service{mono, orders, gateway, billing}}}
	for _, c := range []struct {
		caller *Service
		to     []string
		want   bool
	}{
		{gateway, []string{"monolith", "orders"}, true},
		{billing, []string{"monolith", "orders"}, false}, // billing runs beside orders only
		{gateway, []string{"orders"}, false},
		{gateway, []string{"orders", "billing"}, false}, // they run together
	} {
		if _, _, got := l.alternatives(c.caller, c.to); got != c.want {
			t.Errorf("alternatives(%s, %q) = %v, want %v", c.caller.Name, c.to, got, c.want)
		}
	}
}

// Two services are apart when one runs all of the other's own code and no
// deployment puts them side by side; shared libraries are no one's own.
func TestApart(t *testing.T) {
	svc := func(name, entry string, profiles, deployedBy []string, pkgs ...string) *Service {
		return &Service{Name: name, Entry: entry, Packages: append([]string{entry}, pkgs...), Profiles: profiles, DeployedBy: deployedBy}
	}
	for _, c := range []struct {
		name string
		a, b *Service
		want bool
	}{
		{"a monolith in its own profile",
			svc("mono", "m/cmd/mono", []string{"mono"}, nil, "m/orders/app", "m/lib"),
			svc("orders", "m/orders/cmd", []string{"svc"}, nil, "m/orders/app", "m/lib"), true},
		{"a monolith in its own compose file",
			svc("mono", "m/cmd/mono", nil, []string{"compose-mono.yml"}, "m/orders/app"),
			svc("orders", "m/orders/cmd", nil, []string{"compose.yml"}, "m/orders/app"), true},
		{"started together",
			svc("mono", "m/cmd/mono", nil, []string{"compose.yml"}, "m/orders/app"),
			svc("orders", "m/orders/cmd", nil, []string{"compose.yml"}, "m/orders/app"), false},
		{"a manifest each, sharing only libraries",
			svc("orders", "m/cmd/orders", nil, []string{"k8s/orders.yaml"}, "m/internal/orders", "m/pkg/config"),
			svc("gateway", "m/cmd/gateway", nil, []string{"k8s/gateway.yaml"}, "m/pkg/config"), false},
		{"a worker reading part of orders' code, in its own compose file",
			svc("worker", "m/worker/cmd", nil, []string{"worker/compose.yml"}, "m/orders/store", "m/orders/domain"),
			svc("orders", "m/orders/cmd", nil, []string{"compose.yml"}, "m/orders/store", "m/orders/domain", "m/orders/api", "m/orders/app"), false},
		{"two profiles, neither running the other's code",
			svc("orders", "m/orders/cmd", []string{"orders"}, nil, "m/orders/app"),
			svc("billing", "m/billing/cmd", []string{"billing"}, nil, "m/billing/app"), false},
	} {
		sys := &System{Services: []*Service{c.a, c.b}}
		if got := sys.Apart(c.a, c.b); got != c.want {
			t.Errorf("%s: Apart = %v, want %v", c.name, got, c.want)
		}
	}
	// An image only a Dockerfile builds runs beside nothing a file
	// deploys when it bundles two services (an all-in-one), but a worker
	// that runs one service's store may run beside it.
	api := svc("api", "m/cmd/api", nil, []string{"compose.yml"}, "m/cmd/api/server")
	engine := svc("engine", "m/cmd/engine", nil, []string{"compose.yml"}, "m/cmd/engine/run")
	lite := svc("lite", "m/cmd/lite", nil, nil, "m/cmd/api/server", "m/cmd/engine/run")
	slices.Sort(lite.Packages) // as services lists them
	worker := svc("worker", "m/cmd/worker", nil, nil, "m/cmd/api/server")
	// An admin service that imports both's code but serves its own
	// routes only is no all-in-one.
	admin := svc("admin", "m/cmd/admin", nil, nil, "m/cmd/api/server", "m/cmd/engine/run")
	slices.Sort(admin.Packages)
	orders := Endpoint{Protocol: "http", Route: "/orders"}
	jobs := Endpoint{Protocol: "grpc", Name: "jobs.Jobs"}
	api.Endpoints, engine.Endpoints = []Endpoint{orders}, []Endpoint{jobs}
	lite.Endpoints = []Endpoint{orders, jobs}
	admin.Endpoints = []Endpoint{{Protocol: "http", Route: "/admin"}}
	sys := &System{Services: []*Service{api, engine, lite, worker, admin}}
	for _, c := range []struct {
		a, b *Service
		want bool
	}{{lite, api, true}, {engine, lite, true}, {worker, api, false}, {api, engine, false}, {admin, api, false}, {engine, admin, false}} {
		if got := sys.Apart(c.a, c.b); got != c.want {
			t.Errorf("Apart(%s, %s) = %v, want %v", c.a.Name, c.b.Name, got, c.want)
		}
	}
}

// Images no compose file or manifest runs (a Dockerfile's, goreleaser's)
// are together, unless one is an all-in-one: it runs the own code of two
// services or more, their mains' cmd folders aside, and serves what each
// serves.
func TestApartNoneDeployed(t *testing.T) {
	svc := func(name, entry string, pkgs ...string) *Service {
		p := append([]string{entry}, pkgs...)
		slices.Sort(p)
		return &Service{Name: name, Entry: entry, Packages: p}
	}
	mgmt := svc("management", "m/management", "m/management/cmd", "m/management/server", "m/management/store", "m/management/http", "m/pkg/log")
	signal := svc("signal", "m/signal", "m/signal/cmd", "m/signal/server", "m/signal/peer", "m/signal/metrics")
	combined := svc("combined", "m/combined", "m/combined/cmd", "m/management/server", "m/management/store", "m/management/http", "m/signal/server", "m/signal/peer", "m/signal/metrics", "m/pkg/log")
	client := svc("client", "m/client", "m/client/engine", "m/signal/peer")
	mgmt.Endpoints = []Endpoint{{Protocol: "grpc", Name: "management.Management"}}
	signal.Endpoints = []Endpoint{{Protocol: "grpc", Name: "signal.Exchange"}}
	combined.Endpoints = append(slices.Clone(mgmt.Endpoints), signal.Endpoints...)
	client.Endpoints = []Endpoint{{Protocol: "grpc", Name: "daemon.Daemon"}}
	sys := &System{Services: []*Service{mgmt, signal, combined, client}}
	for _, c := range []struct {
		a, b *Service
		want bool
	}{{combined, mgmt, true}, {signal, combined, true}, {mgmt, signal, false}, {client, signal, false}, {client, combined, false}} {
		if got := sys.Apart(c.a, c.b); got != c.want {
			t.Errorf("Apart(%s, %s) = %v, want %v", c.a.Name, c.b.Name, got, c.want)
		}
	}
	// One that bundles a single service is no all-in-one.
	sys = &System{Services: []*Service{mgmt, combined}}
	combined.Endpoints = mgmt.Endpoints
	if sys.Apart(combined, mgmt) {
		t.Error("Apart(combined, management) with only management bundled")
	}
}

// Topics a deployment gives as one comma-separated variable are split
// once its value is known: each is a topic of its own.
func TestListTopics(t *testing.T) {
	at := func(line int) Evidence { return Evidence{Pos: token.Position{Filename: "main.go", Line: line}} }
	orders, billing := &Service{Name: "orders"}, &Service{Name: "billing"}
	d := &deployment{workloads: map[string]*workload{
		"billing": {name: "billing", env: map[string]string{"TOPICS": "orders.placed, orders.paid"}},
	}}
	l := &linker{sys: &System{Services: []*Service{orders, billing}}, deploy: d, edges: make(map[string]*Edge)}
	found := []*facts{
		{svc: orders, messages: []*message{{protocol: "kafka", topic: "orders.paid", publish: true, ev: at(10)}}},
		{svc: billing, messages: []*message{{protocol: "kafka", topic: "${TOPICS}", list: true, ev: at(30)}}},
	}
	pubs, subs := l.gather(found)
	l.messages(found, pubs, subs)
	var got []string
	for _, e := range l.edges {
		got = append(got, e.From+" → "+e.To+" "+e.Topic)
	}
	if want := []string{"orders → billing orders.paid"}; !slices.Equal(got, want) {
		t.Errorf("edges = %q, want %q", got, want)
	}
	if n := len(billing.Consumes); n != 2 {
		t.Errorf("billing consumes %d topics, want 2", n)
	}
}

// A deployed service's call goes to the deployed services that serve the
// API, not to an example or a test binary that serves it too.
func TestDeployedFirst(t *testing.T) {
	backend := &Service{Name: "backend", DeployedBy: []string{"k8s/backend.yaml"}}
	mmf := &Service{Name: "mmf", DeployedBy: []string{"k8s/mmf.yaml"}}
	example := &Service{Name: "example-mmf"}
	allInOne := &Service{Name: "minimatch"}
	tutorial := &Service{Name: "tutorial-director"}
	l := &linker{sys: &System{Services: []*Service{backend, mmf, example, allInOne, tutorial}}}
	for _, c := range []struct {
		caller *Service
		to     []string
		want   []string
	}{
		{backend, []string{"example-mmf", "minimatch", "mmf"}, []string{"mmf"}},
		{backend, []string{"backend", "minimatch"}, []string{"backend"}},                      // its own API: a call to itself
		{backend, []string{"example-mmf", "minimatch"}, []string{"example-mmf", "minimatch"}}, // none deployed: all stay
		{tutorial, []string{"backend", "minimatch"}, []string{"backend", "minimatch"}},        // an undeployed caller: all stay
	} {
		if got := l.deployedFirst(c.caller, c.to); !slices.Equal(got, c.want) {
			t.Errorf("deployedFirst(%s, %q) = %q, want %q", c.caller.Name, c.to, got, c.want)
		}
	}
}

// A package in a main's folder is that main's, the nearest when mains
// nest, before any folder of mains below it is considered.
func TestOwnerMains(t *testing.T) {
	mains := []string{"m/orders", "m/orders/cmd/cli", "m/billing/cmd/api"}
	for pkg, want := range map[string][]string{
		"m/orders/cmd/lib":   {"m/orders"},
		"m/orders/cmd/cli/x": {"m/orders/cmd/cli"},
		"m/billing/store":    {"m/billing/cmd/api"},
		"m/lib":              nil,
	} {
		if got := ownerMains(pkg, mains); !slices.Equal(got, want) {
			t.Errorf("ownerMains(%q) = %q, want %q", pkg, got, want)
		}
	}
}

// A health check or reflection call names no server: every gRPC server
// registers them. Served by several, it is not an edge to each; served by
// one other, that one is where it goes.
func TestInfrastructureProto(t *testing.T) {
	at := Evidence{Pos: token.Position{Filename: "authn.go", Line: 30}}
	var svcs []*Service
	for _, n := range []string{"alarms", "auth", "users", "certs"} {
		svcs = append(svcs, &Service{Name: n})
	}
	for _, c := range []struct {
		name    string
		servers []string
		want    []string
	}{
		{"served by several", []string{"alarms", "auth", "users"}, nil},
		{"served by the caller and one other", []string{"alarms", "auth"}, nil},
		{"served by one other", []string{"auth"}, []string{"alarms → auth"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			l := &linker{sys: &System{Services: svcs}, deploy: &deployment{}, edges: make(map[string]*Edge),
				serves: map[string][]string{"grpc.health.v1.Health": c.servers, "auth.v1.AuthService": {"auth"}}}
			l.grpc(&facts{svc: svcs[0]}, &call{proto: "grpc.health.v1.Health", ev: at})
			var got []string
			for _, e := range l.edges {
				got = append(got, e.From+" → "+e.To)
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("edges = %q, want %q", got, c.want)
			}
			if len(c.want) == 0 && (len(l.sys.Unresolved) != 1 || !strings.Contains(l.sys.Unresolved[0].Target, "several services serve")) {
				t.Errorf("unresolved = %v, want the health check", l.sys.Unresolved)
			}
		})
	}
}

func TestPublicHost(t *testing.T) {
	for _, tc := range []struct {
		host string
		want bool
	}{
		{"api.stripe.com", true},
		{"API.Stripe.COM.", true},
		{"fcm.googleapis.com", true},
		{"stripe.com", true},
		{"s3.amazonaws.com", true},           // an endpoint the list holds as a private suffix
		{"s3.us-east-1.amazonaws.com", true}, // likewise
		{"github.io", false},                 // a suffix only
		{"co.uk", false},
		{"com", false},
		{"orders", false},
		{"orders.default.svc.cluster.local", false},
		{"db.internal", false},
		{"vault.service.consul", false},
		{"kafka-0.kafka-headless", false},
		{"localhost.localdomain", false},
		{"10.0.0.1", false},
		{"example.com", false},
		{"api.example.org", false},
		{"ris\x1bc.com", false},
		{"evil\u202ecom.com", false},
		{"${HOST}.com", false},
		{"{{ .Host }}.com", false},
		{"bücher.de", true},
	} {
		if got := publicHost(tc.host); got != tc.want {
			t.Errorf("publicHost(%q) = %v, want %v", tc.host, got, tc.want)
		}
	}
}

// TestContainerService: a pod of one container named after a Go service
// is that service, unless the container runs a database's or proxy's
// image, or an official image of Docker Hub; and only one service may
// match.
func TestContainerService(t *testing.T) {
	gateway, payments := &Service{Name: "gateway"}, &Service{Name: "payments"}
	l := &linker{sys: &System{Services: []*Service{gateway, payments}}, deploy: &deployment{}}
	for _, c := range []struct {
		name       string
		containers []string
		image      string
		want       string
	}{
		{"its own image", []string{"payments"}, "acme/payments", "payments"},
		{"a registry's", []string{"payments"}, "ghcr.io/acme/pay", "payments"},
		{"a proxy named gateway", []string{"gateway"}, "nginx", ""},
		{"an official image", []string{"gateway"}, "node", ""},
		{"a database", []string{"payments"}, "bitnami/redis", ""},
		{"no image", []string{"payments"}, "", ""},
		{"no such service", []string{"web"}, "acme/web", ""},
	} {
		w := &workload{name: "shop-x", containerNames: c.containers, image: c.image}
		if got := l.containerService(w); got != c.want {
			t.Errorf("%s: containerService = %q, want %q", c.name, got, c.want)
		}
	}
}

// TestPositionalArgs: the arguments the flag package leaves a program
// after its flags, from the words a deployment runs it with.
func TestPositionalArgs(t *testing.T) {
	for _, tc := range []struct {
		args    []string
		pos     []string
		inOrder bool
		ok      bool
	}{
		{[]string{"-log.level=debug", "http://db"}, []string{"http://db"}, true, true},
		{[]string{"/app", "http://db", "http://db2"}, []string{"http://db", "http://db2"}, true, true},
		{[]string{"http://db"}, []string{"http://db"}, true, true},           // no program: an address is none
		{[]string{"db:5432"}, []string{"db:5432"}, true, true},               // nor is a host and port
		{[]string{"serve", "http://db"}, []string{"http://db"}, false, true}, // serve may be the program or the first argument
		{[]string{"-verbose", "http://app"}, nil, false, false},              // -verbose may take it as its value
		{[]string{"-v", "--", "http://app"}, []string{"http://app"}, true, true},
		{[]string{"-v=true", "--", "-x", "http://app"}, nil, false, false}, // flags after arguments: a subcommand's
		{[]string{"-a=1", "-b=2"}, nil, true, true},
		{[]string{"go", "run", "./cmd/app", "http://db"}, []string{"http://db"}, true, true},
		{[]string{"sh", "-c", "migrate up && /app -x=1 http://db"}, []string{"http://db"}, true, true},
		{[]string{"sh", "-c", "/app http://db && echo http://other"}, nil, false, false},       // the line's last command is echo
		{[]string{"/sbin/tini", "--", "/app", "http://db"}, nil, false, false},                 // behind an init
		{[]string{"/wait-for-it.sh", "db:5432", "--", "/app", "http://db"}, nil, false, false}, // behind a script
		{[]string{"/entrypoint.sh", "http://db"}, nil, false, false},
		{[]string{"/app", "worker", "-v=true", "http://db"}, nil, false, false}, // a subcommand's flags
		{[]string{"env", "GODEBUG=x=1", "/app", "http://db"}, []string{"http://db"}, true, true},
		{[]string{"go", "run", "main.go", "helper.go", "http://db"}, []string{"http://db"}, true, true},
		{[]string{"/app", "sh", "-c", "/app http://db"}, nil, false, false}, // the shell is /app's argument
		{nil, nil, true, true},
	} {
		pos, _, inOrder, ok := positionalArgs(tc.args)
		if !slices.Equal(pos, tc.pos) || inOrder != tc.inOrder || ok != tc.ok {
			t.Errorf("positionalArgs(%q) = %q, %v, %v; want %q, %v, %v", tc.args, pos, inOrder, ok, tc.pos, tc.inOrder, tc.ok)
		}
	}
}

func TestIsAddress(t *testing.T) {
	for _, tc := range []struct {
		word string
		want bool
	}{
		{"http://db", true},
		{"nats://nats:4222", true},
		{"db:5432", true},
		{"db:", false},
		{":8080", false},
		{"/app", false},
		{"serve", false},
		{"a=b:1", false},
		{"./bin/app", false},
	} {
		if got := isAddress(tc.word); got != tc.want {
			t.Errorf("isAddress(%q) = %v, want %v", tc.word, got, tc.want)
		}
	}
}
