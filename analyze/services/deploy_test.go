package services

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestInterpolate(t *testing.T) {
	vars := map[string]string{"PORT": "7070", "EMPTY": ""}
	tests := []struct{ in, want string }{
		{"cart:${PORT}", "cart:7070"},
		{"cart:$PORT", "cart:7070"},
		{"${MISSING}", "${MISSING}"},
		{"${MISSING:-8080}", "8080"},
		{"${MISSING-8080}", "8080"},
		{"${EMPTY:-8080}", "8080"},
		{"${EMPTY-8080}", ""},
		{"${PORT:?required}", "7070"},
		{"no variables", "no variables"},
		{"$$PORT", "$PORT"}, // left to the container's shell
		{"$${PORT}:$PORT", "${PORT}:7070"},
		{"a$$b", "a$b"},
	}
	for _, tc := range tests {
		if got := interpolate(tc.in, vars); got != tc.want {
			t.Errorf("interpolate(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestComposeProject reads a compose project whose services are all built
// from the repository root, each with its own Dockerfile, some named
// through the .env file, and whose environment keys take their values
// from it.
func TestComposeProject(t *testing.T) {
	root := t.TempDir()
	write := func(name, content string) {
		t.Helper()
		path := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(".env", `# the project's settings
CART_PORT=7070
CART_ADDR=cart:${CART_PORT}
CHECKOUT_DOCKERFILE="./src/checkout/Dockerfile"
QUOTED='single' # comment
RAW='${CART_PORT}'
`)
	write("compose.yaml", `
services:
  checkout:
    build:
      context: ./
      dockerfile: ${CHECKOUT_DOCKERFILE}
    environment:
      - CART_ADDR
      - QUOTED
      - RAW
      - UNSET
      - LITERAL=x:${CART_PORT}
  cart:
    build:
      context: ./
      dockerfile: src/cart/Dockerfile
  mystery:
    build:
      context: ./
      dockerfile: ${NOT_IN_ENV}
  whole:
    build: .
  api:
    build:
      context: ./src/api
      dockerfile: ../../docker/api.Dockerfile
`)
	d := readDeployment(root)
	d.entries = []string{filepath.Join(root, "src/checkout"), filepath.Join(root, "src/orders")}

	checkout := d.workloads["checkout"]
	for k, want := range map[string]string{"CART_ADDR": "cart:7070", "QUOTED": "single", "RAW": "${CART_PORT}", "LITERAL": "x:7070"} {
		if got := checkout.env[k]; got != want {
			t.Errorf("checkout's %s = %q, want %q", k, got, want)
		}
	}
	if v, ok := checkout.env["UNSET"]; ok {
		t.Errorf("checkout's UNSET = %q, want no value: neither the shell nor .env sets it", v)
	}
	for name, want := range map[string]string{"checkout": "src/checkout", "cart": "src/cart", "mystery": "", "whole": ".", "api": "src/api"} {
		got := d.workloads[name].dir
		if got != "" {
			got, _ = filepath.Rel(root, got)
			got = filepath.ToSlash(got)
		}
		if got != want {
			t.Errorf("%s is built from %q, want %q", name, got, want)
		}
	}
	// The root holds two services' mains: building from it says neither.
	for _, tc := range []struct {
		workload, entry string
		want            bool
	}{
		{"checkout", "src/checkout", true},
		{"cart", "src/checkout", false},
		{"whole", "src/checkout", false},
		{"mystery", "src/checkout", false},
	} {
		if got := d.builds(d.workloads[tc.workload], filepath.Join(root, tc.entry)); got != tc.want {
			t.Errorf("%s builds %s = %v, want %v", tc.workload, tc.entry, got, tc.want)
		}
	}
}

// TestInterpolateBounded: values that name a long value many times stay
// as written, in one value and across a file's values, instead of
// multiplying it.
func TestInterpolateBounded(t *testing.T) {
	vars := map[string]string{"A": strings.Repeat("a", 1000)}
	in := strings.Repeat("${A}", 1000)
	if got := interpolate(in, vars); got != in {
		t.Errorf("interpolate(${A} x 1000) is %d bytes, want it as written", len(got))
	}
	root := t.TempDir()
	env := "X=" + strings.Repeat("x", 60000) + "\n"
	for i := range 100 {
		env += fmt.Sprintf("Y%d=${X}\n", i)
	}
	if err := os.WriteFile(filepath.Join(root, ".env"), []byte(env), 0o644); err != nil {
		t.Fatal(err)
	}
	size := 0
	for _, v := range readDeployment(root).projectEnv(root) {
		size += len(v)
	}
	if size > 2<<20 {
		t.Errorf(".env of %d bytes expands to %d bytes", len(env), size)
	}
}

// TestDeploymentFilesNotRegular: a deployment file or .env that links to
// a device is read as nothing, not until memory runs out.
func TestDeploymentFilesNotRegular(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, "compose.yaml"), []byte("services:\n  api:\n    build: .\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{".env", "compose.override.yaml"} {
		if err := os.Symlink("/dev/zero", filepath.Join(root, name)); err != nil {
			t.Skip(err)
		}
	}
	if d := readDeployment(root); d.workloads["api"] == nil {
		t.Errorf("compose.yaml's api is not read")
	}
}

// TestComposeOverride: a later compose file that sets a service's
// restart policy, not its command, leaves the command the first file
// gave it.
func TestComposeOverride(t *testing.T) {
	root := t.TempDir()
	for name, content := range map[string]string{
		"compose.yaml":             "services:\n  worker:\n    build: .\n    command: [app, worker]\n",
		"deploy/compose.prod.yaml": "services:\n  worker:\n    restart: always\n",
	} {
		path := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if got := readDeployment(root).workloads["worker"].args; strings.Join(got, " ") != "app worker" {
		t.Errorf("worker's command = %q, want [app worker]", got)
	}
}

func TestDockerBuilds(t *testing.T) {
	d := &deployment{images: make(map[string][2]string)}
	data := []byte("docker:\n\t@docker build -f ./build/Dockerfile.api --build-arg V=$(V) -t org/api:kafka .\n" +
		"web:\n\tdocker buildx build --platform linux/amd64 --tag=org/web ./web\n" +
		"skip:\n\tdocker build -t org/x $(CTX)\n" +
		"quoted:\n\tdocker build -f \"build/Dockerfile.q\" -t \"org/q:1\" \".\"\n")
	d.dockerBuilds("/r/Makefile", data, readMakefile(d.root, "/r", data, nil))
	want := map[string][2]string{
		"org/api": {"/r/build/Dockerfile.api", "/r"},
		"org/web": {"/r/web/Dockerfile", "/r/web"},
		"org/q":   {"/r/build/Dockerfile.q", "/r"},
	}
	if len(d.images) != len(want) {
		t.Errorf("images = %v, want %v", d.images, want)
	}
	for img, w := range want {
		if got := d.images[img]; got != w {
			t.Errorf("images[%q] = %v, want %v", img, got, w)
		}
	}
}

// A workflow's docker builds tie images to Dockerfiles and build args:
// in the step's working directory, an expression one word, an unknown
// build arg unknown (not its ARG's default), and one image built two ways
// (two tags of a repository for two mains) no image archie can use.
func TestWorkflowImages(t *testing.T) {
	d := &deployment{root: "/r", images: make(map[string][2]string)}
	d.workflow([]byte(`
defaults: {run: {working-directory: deploy}}
jobs:
  web:
    steps:
      - run: |
          DOCKER_BUILDKIT=1 docker build -t ghcr.io/acme/web:${{ github.sha }} \
            --build-arg TARGET=web --build-arg V=${{ github.ref_name }} .
  matrix:
    steps:
      - uses: docker/build-push-action@v6
        with:
          file: build/servers.dockerfile
          build-args: TARGET=${{ matrix.target }}
          tags: ghcr.io/acme/any:${{ matrix.target }}
  orders:
    steps:
      - run: docker build -f build/servers.dockerfile -t ghcr.io/acme/shop:orders --build-arg TARGET=orders .
  billing:
    defaults: {run: {working-directory: .}}
    steps:
      - run: docker build -f build/servers.dockerfile -t ghcr.io/acme/shop:billing --build-arg TARGET=billing .
`))
	if got, want := d.images["ghcr.io/acme/web"], [2]string{"/r/deploy/Dockerfile", "/r/deploy"}; got != want {
		t.Errorf("web = %v, want %v", got, want)
	}
	if got, want := d.imageArgs["ghcr.io/acme/web"], map[string]string{"TARGET": "web", "V": "${V}"}; !maps.Equal(got, want) {
		t.Errorf("web's args = %v, want %v", got, want)
	}
	if got := d.imageArgs["ghcr.io/acme/any"]["TARGET"]; got != "${TARGET}" {
		t.Errorf("a matrix's build arg = %q, want it unknown", got)
	}
	if df, _ := d.imageBuild("ghcr.io/acme/shop"); df != "" || !d.ambiguous["ghcr.io/acme/shop"] {
		t.Errorf("an image built for two mains gives Dockerfile %q, ambiguous %v", df, d.ambiguous["ghcr.io/acme/shop"])
	}
}

// A build's tags may come from docker's metadata-action, whose images
// are written with the workflow's env and the repository's name, or from
// a step's output: each names the image the build makes. A tag with an
// expression archie cannot read names none.
func TestWorkflowImageExpressions(t *testing.T) {
	d := &deployment{root: "/r", rootModule: "github.com/Acme/Shop/v2", images: make(map[string][2]string)}
	d.workflow([]byte(`
env:
  REGISTRY: ghcr.io
  IMAGE_NAME: ${{ github.repository }}
jobs:
  server:
    steps:
      - uses: docker/metadata-action@v5
        id: meta
        with:
          images: |
            ${{ env.REGISTRY }}/${{ env.IMAGE_NAME }}
            name=docker.io/${{ github.repository_owner }}/shop,enable=true
      - uses: docker/build-push-action@v6
        with:
          context: .
          tags: ${{ steps.meta.outputs.tags }}
  worker:
    env: {REGISTRY: registry.acme.dev}
    steps:
      - id: image-name
        run: echo "value=${{ env.REGISTRY }}/${{ github.repository }}-worker" >> "$GITHUB_OUTPUT"
      - uses: depot/build-push-action@v1
        with: {file: worker.Dockerfile, tags: "${{ steps.image-name.outputs.value }}:latest"}
  secret:
    steps:
      - uses: docker/build-push-action@v6
        with: {file: other.Dockerfile, tags: "${{ secrets.REGISTRY }}/other:1"}
  disabled:
    steps:
      - uses: docker/metadata-action@v5
        id: meta
        with:
          images: name=acme/disabled,enable=false
      - uses: docker/build-push-action@v6
        with: {file: disabled.Dockerfile, tags: "${{ steps.meta.outputs.tags }}"}
  envfile:
    steps:
      - run: echo "REGISTRY=registry.other.dev" >> "$GITHUB_ENV"
      - uses: docker/build-push-action@v6
        with: {file: envfile.Dockerfile, tags: "${{ env.REGISTRY }}/envfile:1"}
  stepenv:
    steps:
      - uses: docker/build-push-action@v6
        env: {REGISTRY: registry.step.dev}
        with: {file: stepenv.Dockerfile, tags: "${{ env.REGISTRY }}/stepenv:1"}
`))
	// A job's env written as an expression leaves the workflow read.
	d.workflow([]byte(`
jobs:
  literal:
    env: ${{ fromJSON(needs.setup.outputs.env) }}
    steps:
      - uses: docker/build-push-action@v6
        with: {file: literal.Dockerfile, tags: "ghcr.io/acme/literal:latest"}
`))
	want := map[string][2]string{
		"ghcr.io/acme/shop":                  {"/r/Dockerfile", "/r"},
		"acme/shop":                          {"/r/Dockerfile", "/r"},
		"registry.acme.dev/acme/shop-worker": {"/r/worker.Dockerfile", "/r"},
		"registry.step.dev/stepenv":          {"/r/stepenv.Dockerfile", "/r"},
		"ghcr.io/acme/literal":               {"/r/literal.Dockerfile", "/r"},
	}
	if !maps.Equal(d.images, want) {
		t.Errorf("images = %v, want %v", d.images, want)
	}
}

func TestTerraformSNSQueues(t *testing.T) {
	d := &deployment{subscriptions: make(map[string]string), snsQueues: make(map[string][]string), tfAWSNames: make(map[string][]string)}
	// A module keeps its topics, queues and subscriptions in files of
	// their own.
	d.terraform([]byte(`
resource "aws_sns_topic" "orders" {
  name = "order-events"
}
`))
	d.terraform([]byte(`
resource "aws_sqs_queue" "billing" {
  name = "billing-orders"
  tags = { name = "not-the-queue" }
}
resource "aws_sns_topic_subscription" "billing" {
  topic_arn = aws_sns_topic.orders.arn
  protocol  = "sqs"
  endpoint  = aws_sqs_queue.billing.arn
}
resource "aws_sns_topic_subscription" "audit" {
  topic_arn = "arn:aws:sns:eu-west-1:123456789012:payments"
  protocol  = "sqs"
  endpoint  = "arn:aws:sqs:eu-west-1:123456789012:audit"
}
resource "aws_sns_topic_subscription" "mail" {
  topic_arn = aws_sns_topic.orders.arn
  protocol  = "email"
  endpoint  = "ops@example.com"
}
# resource "aws_sns_topic_subscription" "old" {
#   topic_arn = aws_sns_topic.orders.arn
# }
`))
	d.resolveSNS()
	want := map[string][]string{"billing-orders": {"order-events"}, "audit": {"payments"}}
	if !reflect.DeepEqual(d.snsQueues, want) {
		t.Errorf("snsQueues = %v, want %v", d.snsQueues, want)
	}
}

func TestTerraformSubscriptions(t *testing.T) {
	d := &deployment{subscriptions: make(map[string]string)}
	d.terraform([]byte(`
resource "google_pubsub_topic" "orders" {
  name = "orders"
}
resource "google_pubsub_subscription" "billing" {
  name  = "orders-billing"
  topic = google_pubsub_topic.orders.id
  push_config {
    push_endpoint = "https://billing/push"
  }
}
resource "google_pubsub_subscription" "audit" {
  name  = "orders-audit"
  topic = "projects/shop/topics/orders-v2"
}
resource "google_pubsub_subscription" "templated" {
  name  = "${var.env}-sub"
  topic = "orders"
}
`))
	want := map[string]string{"orders-billing": "orders", "orders-audit": "orders-v2"}
	if len(d.subscriptions) != len(want) {
		t.Errorf("subscriptions = %v, want %v", d.subscriptions, want)
	}
	for k, v := range want {
		if d.subscriptions[k] != v {
			t.Errorf("subscriptions[%q] = %q, want %q", k, d.subscriptions[k], v)
		}
	}
}

func TestHelmValuesEnv(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{
		"charts/orders/Chart.yaml":         "name: orders\nversion: 0.1.0\n",
		"charts/orders/values.yaml":        "image: {repository: shop/orders}\nenv:\n  - name: PAYMENTS_URL\n    value: http://payments:8080\n  - name: TEMPLATED\n    value: \"{{ .Values.x }}\"\n",
		"deploy/values.yaml":               "global: {env: {REGION: eu}}\nbilling:\n  image: shop/billing\n  env:\n    DATABASE_URL: postgres://db:5432/billing\npostgresql:\n  env: {POSTGRES_DB: x}\n",
		"deploy/charts/billing/Chart.yaml": "name: billing\n",
	}
	writeFiles(t, root, files)
	d := readDeployment(root)
	if got := d.workloads["orders"].env["PAYMENTS_URL"]; got != "http://payments:8080" {
		t.Errorf("orders' PAYMENTS_URL = %q, want http://payments:8080", got)
	}
	if v, ok := d.workloads["orders"].env["TEMPLATED"]; ok {
		t.Errorf("orders' TEMPLATED = %q, want no value: a template is not one", v)
	}
	if got := d.workloads["billing"].env["DATABASE_URL"]; got != "postgres://db:5432/billing" {
		t.Errorf("billing's DATABASE_URL = %q, want postgres://db:5432/billing", got)
	}
	if w := d.workloads["postgresql"]; w != nil {
		t.Errorf("postgresql is a subchart no chart here names, not a service: %+v", w)
	}
	if w := d.workloads["global"]; w != nil {
		t.Errorf("global is not a service: %+v", w)
	}
}

// A compose hostname is another name of the same container: a variable a
// Secret gives that container is as secret under either name, and says
// the manifest that refers to the Secret.
func TestSecretThroughHostname(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{
		"docker-compose.yaml": "services:\n  orders:\n    build: ./cmd/orders\n    hostname: aaa-orders\n",
		"k8s/app.yaml": "apiVersion: v1\nkind: Secret\nmetadata: {name: db}\nstringData: {url: postgres://u:pw@db.internal/shop}\n---\n" +
			"apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: orders}\nspec:\n  template:\n    spec:\n      containers:\n        - name: orders\n" +
			"          env:\n            - name: DATABASE_URL\n              valueFrom: {secretKeyRef: {name: db, key: url}}\n",
	}
	writeFiles(t, root, files)
	d := readDeployment(root)
	for _, name := range []string{"orders", "aaa-orders"} {
		w := d.workloads[name]
		if w == nil {
			t.Fatalf("no workload %s", name)
		}
		if got, want := w.secret["DATABASE_URL"], "secret db in k8s/app.yaml"; got != want {
			t.Errorf("%s's DATABASE_URL comes from %q, want %q", name, got, want)
		}
	}
	svc := &Service{Name: "orders"}
	if v, file, _ := d.envIn(svc, filepath.Join(root, "cmd", "orders"), "DATABASE_URL"); file != "secret db in k8s/app.yaml" {
		t.Errorf("envIn(orders, DATABASE_URL) = %q from %q, want it from secret db in k8s/app.yaml", v, file)
	}
}

// Terraform a regular expression misreads: resources in comments, braces
// in strings and heredocs, names in nested maps and blocks.
func TestTerraformHostile(t *testing.T) {
	d := &deployment{subscriptions: make(map[string]string)}
	d.terraform([]byte(`
resource "google_pubsub_topic" "orders" {
  name = "orders"
}
resource "google_pubsub_subscription" "billing" {
  labels = {
    name = "team-a"
  }
  filter = "attributes.kind = \"}\" OR \"${lookup(var.m, "k}")}\""
  description = <<-EOT
    closes } here
    resource "google_pubsub_subscription" "fake" {
      name = "fake-sub"
      topic = "fake"
  EOT
  name  = "orders-billing" # resource "google_pubsub_subscription" "x" {
  topic = google_pubsub_topic.orders.name
}
/*
resource "google_pubsub_subscription" "old" {
  name  = "orders-billing"
  topic = "orders-v1"
}
*/
// resource "google_pubsub_subscription" "older" { name = "orders-billing"
resource "google_pubsub_subscription" "broken" {
  name = var.name
  filter = "{"
  push_config { attributes = { x = "y" } }
  topic = "audit"
}
resource "google_pubsub_topic" "audit" {
  name = "orders-audit"
}
`))
	want := map[string]string{"orders-billing": "orders"}
	if !maps.Equal(d.subscriptions, want) {
		t.Errorf("subscriptions = %v, want %v", d.subscriptions, want)
	}
}

// A Terraform file of many resources whose braces never close is read
// once, not once per resource.
func TestTerraformUnclosed(t *testing.T) {
	src := strings.Repeat("resource \"google_pubsub_subscription\" \"s\" {\n  name = \"s\"\n  topic = \"t\"\n  x = {\n", 20000)
	d := &deployment{subscriptions: make(map[string]string)}
	done := make(chan bool)
	go func() { d.terraform([]byte(src)); done <- true }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("terraform did not finish in 20 s")
	}
}

func TestScriptsSetFlags(t *testing.T) {
	d := &deployment{images: make(map[string][2]string)}
	d.scriptArgs("run.sh", []byte("#!/bin/sh\nstart search -port=8084 -geoaddr=localhost:8081 search\nstart frontend --searchaddr localhost:8084\n"), nil)
	for _, flag := range []string{"geoaddr", "searchaddr", "port"} {
		if !setsFlag(d.otherArgs, flag, false) {
			t.Errorf("the script sets -%s; otherArgs = %q", flag, d.otherArgs)
		}
	}
	if setsFlag(d.otherArgs, "rateaddr", false) {
		t.Errorf("no script sets -rateaddr; otherArgs = %q", d.otherArgs)
	}
}

// A Helm chart's values set its container's flags (args, command,
// extraArgs as a list or a map): a flag they set is not a default that
// no deployment overrides.
func TestHelmValuesArgs(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{
		"charts/orders/Chart.yaml":  "name: orders\nversion: 0.1.0\n",
		"charts/orders/values.yaml": "env: {REGION: eu}\nargs: [\"--peer\", \"http://billing:8080\"]\n",
		"charts/audit/values.yaml":  "audit:\n  extraArgs: {sink: \"http://store:9000\"}\n",
	}
	writeFiles(t, root, files)
	d := readDeployment(root)
	for _, flag := range []string{"peer", "sink"} {
		if !setsFlag(d.otherArgs, flag, false) {
			t.Errorf("flag -%s is not set by the Helm values: other args %q", flag, d.otherArgs)
		}
	}
}

// writeFiles writes files, by slash-separated path, below root.
func writeFiles(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		path := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// A WORKDIR names the main `go build .` builds when build args fill its
// parts; a part no arg fills, below one that an arg does, leaves it
// unknown, and so does a WORKDIR no arg fills.
func TestArgDir(t *testing.T) {
	ctx := t.TempDir()
	for _, d := range []string{"order/cmd/service", "server"} {
		if err := os.MkdirAll(filepath.Join(ctx, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	args := map[string]string{"service": "order", "cmd": "service", "empty": "", "up": ".."}
	arg := func(k string) string {
		if v, ok := args[k]; ok {
			return v
		}
		return "${" + k + "}"
	}
	for _, c := range []struct{ workdir, want string }{
		{"$GOPATH/src/${service}/cmd/${cmd}", "order/cmd/service"},
		{"/src/${service}/cmd/service", "order/cmd/service"},
		{"/src/${SERVICE}/server", ""},
		{"/src/${service}/${OTHER}/service", ""},
		{"/app/server", ""},
		{"/src/${empty}/cmd/service", ""},
		{"/src/${up}/etc", ""},
	} {
		got := argDir(ctx, c.workdir, arg)
		if c.want != "" {
			c.want = filepath.Join(ctx, c.want)
		}
		if got != c.want {
			t.Errorf("argDir(%q) = %q, want %q", c.workdir, got, c.want)
		}
	}
}

func TestQuotedWords(t *testing.T) {
	for in, want := range map[string][]string{
		`service="orders" other=x`: {"service=orders", "other=x"},
		`a='b c'  d`:               {"a=b c", "d"},
		`service`:                  {"service"},
		`x=""`:                     {"x="},
		``:                         nil,
		// A command substitution is one word with what it is part of.
		"A=`go env GOARCH` go build":                    {"A=`go env GOARCH`", "go", "build"},
		`C=$([ "$T" = "$U" ] && echo "1" || echo 0) go`: {"C=$([ $T = $U ] && echo 1 || echo 0)", "go"},
		`v=$(f $(g x)) y`:                               {"v=$(f $(g x))", "y"},
		`'$(a b)' c`:                                    {"$(a b)", "c"}, // single quotes hold no substitution
	} {
		if got := quotedWords(in); !slices.Equal(got, want) {
			t.Errorf("quotedWords(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEnvWrites(t *testing.T) {
	for _, c := range []struct {
		run   string
		names []string
		ok    bool
	}{
		{"echo \"VERSION=${GITHUB_REF#refs/*/}\" >> $GITHUB_ENV\nBRANCH=$(git branch)\necho \"BRANCH=${BRANCH}\" >> \"$GITHUB_ENV\"", []string{"VERSION", "BRANCH"}, true},
		{"echo IMAGE=x >> ${GITHUB_ENV}", []string{"IMAGE"}, true},
		{`echo "VERSION=1" >> $GITHUB_ENV && echo "IMAGE=acme/worker" >> $GITHUB_ENV`, []string{"VERSION", "IMAGE"}, true},
		{`echo "VERSION=1" | tee -a $GITHUB_ENV`, nil, false},
		{"cat vars.env >> $GITHUB_ENV", nil, false},
		{"echo \"$LINE\" >> $GITHUB_ENV", nil, false},
		{"make build", nil, true},
	} {
		names, ok := envWrites(c.run)
		if ok != c.ok || !slices.Equal(names, c.names) {
			t.Errorf("envWrites(%q) = %q, %v; want %q, %v", c.run, names, ok, c.names, c.ok)
		}
	}
}

// TestComposeAddonEnv: a compose file that joins another project's
// network, with no .env of its own, below a project folder with a compose
// file and a .env, is an add-on run with that project: its ${VAR}s are
// the project's. A folder above with a .env and no compose file is no
// project, a file's own .env wins, and a file joining no network is a
// project of its own.
func TestComposeAddonEnv(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{
			name: "add-on below the project",
			files: map[string]string{
				"docker/.env":                             "READER_DB=postgres\n",
				"docker/compose.yaml":                     "services:\n  db:\n    image: postgres\n",
				"docker/addons/reader/docker-compose.yml": "networks:\n  base: {external: true}\nservices:\n  reader:\n    build: .\n    environment:\n      DB_HOST: ${READER_DB}\n",
			},
			want: "postgres",
		},
		{
			name: "its own .env wins",
			files: map[string]string{
				"docker/.env":                             "READER_DB=postgres\n",
				"docker/compose.yaml":                     "services:\n  db:\n    image: postgres\n",
				"docker/addons/reader/.env":               "READER_DB=readerdb\n",
				"docker/addons/reader/docker-compose.yml": "networks:\n  base: {external: true}\nservices:\n  reader:\n    build: .\n    environment:\n      DB_HOST: ${READER_DB}\n",
			},
			want: "readerdb",
		},
		{
			name: "a .env with no compose file beside it is no project",
			files: map[string]string{
				"docker/.env": "READER_DB=postgres\n",
				"docker/addons/reader/docker-compose.yml": "networks:\n  base: {external: true}\nservices:\n  reader:\n    build: .\n    environment:\n      DB_HOST: ${READER_DB}\n",
			},
			want: "${READER_DB}", // unset: as written
		},
		{
			name: "an add-on merged into the project above declares its network too",
			files: map[string]string{
				"docker/.env":                             "READER_DB=postgres\n",
				"docker/compose.yaml":                     "networks:\n  base-net:\n    driver: bridge\nservices:\n  db:\n    image: postgres\n",
				"docker/addons/reader/docker-compose.yml": "networks:\n  base-net:\nservices:\n  reader:\n    build: .\n    environment:\n      DB_HOST: ${READER_DB}\n",
			},
			want: "postgres",
		},
		{
			name: "a network of another name is the file's own",
			files: map[string]string{
				"docker/.env":                             "READER_DB=postgres\n",
				"docker/compose.yaml":                     "networks:\n  base-net:\n    driver: bridge\nservices:\n  db:\n    image: postgres\n",
				"docker/addons/reader/docker-compose.yml": "networks:\n  reader-net:\nservices:\n  reader:\n    build: .\n    environment:\n      DB_HOST: ${READER_DB}\n",
			},
			want: "${READER_DB}",
		},
		{
			name: "a file that joins no other project's network is a project of its own",
			files: map[string]string{
				"docker/.env":                             "READER_DB=postgres\n",
				"docker/compose.yaml":                     "services:\n  db:\n    image: postgres\n",
				"docker/addons/reader/docker-compose.yml": "services:\n  reader:\n    build: .\n    environment:\n      DB_HOST: ${READER_DB}\n",
			},
			want: "${READER_DB}",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			for name, data := range tc.files {
				p := filepath.Join(root, name)
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			w := readDeployment(root).workloads["reader"]
			if w == nil {
				t.Fatal("no workload reader")
			}
			if got := w.env["DB_HOST"]; got != tc.want {
				t.Errorf("DB_HOST = %q, want %q", got, tc.want)
			}
		})
	}
}

// A workload names the main it builds unless its command picks a mode
// of the program or runs another, or its name is its object's kind's.
func TestWorkloadNames(t *testing.T) {
	for _, tc := range []struct {
		args []string
		mode bool
	}{
		{nil, false},
		{[]string{"/app/orders"}, false},
		{[]string{"./server", "-port", "8080"}, false},
		{[]string{"--config", "/etc/orders.yaml"}, false},
		{[]string{"migrate"}, true},
		{[]string{"go", "test", "./..."}, true},
		{[]string{"go", "run", "./cmd/orders"}, false},
		{[]string{"serve"}, false},
		{[]string{"air", "-v"}, false},
		{[]string{"sh", "-c", "/app/orders --port 80"}, false},
		{[]string{"$BINARY"}, false},
	} {
		if got := choosesMode(tc.args); got != tc.mode {
			t.Errorf("choosesMode(%q) = %v, want %v", tc.args, got, tc.mode)
		}
	}
	for name, kind := range map[string]bool{"orders-deployment": true, "orders_deploy": true, "orders-sts": true, "orders": false, "deployment": false, "orders-service": false} {
		if got := kindSuffix.MatchString(name); got != kind {
			t.Errorf("kindSuffix.MatchString(%q) = %v, want %v", name, got, kind)
		}
	}
}

// TestRunsInfrastructure: a database image built beside a service's code
// (one stage, FROM postgres) runs the database; an infrastructure image
// that copies what an earlier stage built (apisix with a Go plugin
// runner), or a Go build, runs the repository's code.
func TestRunsInfrastructure(t *testing.T) {
	tests := []struct {
		dockerfile string
		want       bool
	}{
		{"FROM postgres:16\nCOPY up.sql /docker-entrypoint-initdb.d/1.sql\n", true},
		{"FROM docker.io/library/redis:7-alpine\n", true},
		{"FROM golang:1.22 AS build\nRUN make build\nFROM apache/apisix:3.6.0\nCOPY --from=build /src/bin /app\n", false},
		{"FROM golang:1.22\nRUN go build -o /app ./cmd/app\n", false},
		{"FROM alpine:3.20\nCOPY app /app\n", false},
	}
	for _, tc := range tests {
		root := t.TempDir()
		writeFiles(t, root, map[string]string{
			"compose.yaml":        "services:\n  app-db:\n    build: {context: app, dockerfile: db.Dockerfile}\n",
			"app/db.Dockerfile":   tc.dockerfile,
			"app/cmd/app/main.go": "package main\n\nfunc main() {}\n",
		})
		d := readDeployment(root)
		w := d.workloads["app-db"]
		if w == nil {
			t.Fatalf("compose.yaml's app-db is not read")
		}
		if got := d.runsInfrastructure(w); got != tc.want {
			t.Errorf("runsInfrastructure(%q) = %v, want %v", tc.dockerfile, got, tc.want)
		}
	}
}

// TestConfigMapFile: which ConfigMap key a container finds at a path, by
// the pod's volumes and the container's mounts, and the sidecar's own.
func TestConfigMapFile(t *testing.T) {
	doc := map[string]any{"spec": map[string]any{"template": map[string]any{"spec": map[string]any{
		"volumes": []any{
			map[string]any{"name": "some", "configMap": map[string]any{"name": "picked", "items": []any{map[string]any{"key": "app.yaml", "path": "conf/app.yml"}}}},
			map[string]any{"name": "whole", "configMap": map[string]any{"name": "app-config"}},
			map[string]any{"name": "one", "configMap": map[string]any{"name": "single"}},
			map[string]any{"name": "listed", "configMap": map[string]any{"name": "renamed", "items": []any{map[string]any{"key": "settings", "path": "app.yaml"}}}},
			map[string]any{"name": "proxy", "configMap": map[string]any{"name": "envoy"}},
			map[string]any{"name": "secret", "secret": map[string]any{"secretName": "creds"}},
		},
		"containers": []any{map[string]any{"name": "app"}},
	}}}}
	c := map[string]any{"name": "app", "volumeMounts": []any{
		map[string]any{"name": "some", "mountPath": "/etc/app"},
		map[string]any{"name": "whole", "mountPath": "/etc/app/"},
		map[string]any{"name": "one", "mountPath": "/srv/config.yaml", "subPath": "config.yaml"},
		map[string]any{"name": "secret", "mountPath": "/secrets"},
		map[string]any{"name": "missing", "mountPath": "/nowhere"},
		map[string]any{"name": "listed", "mountPath": "/opt/app.yaml", "subPath": "app.yaml"},
		map[string]any{"name": "listed", "mountPath": "/opt/none.yaml", "subPath": "settings"},
		map[string]any{"name": "whole", "mountPath": "/shared"},
	}}
	sidecar := map[string]any{"name": "envoy", "volumeMounts": []any{
		map[string]any{"name": "proxy", "mountPath": "/shared"},
		map[string]any{"name": "proxy", "mountPath": "/proxy"},
	}}
	w := &workload{name: "app", configMounts: append(configMounts(doc, sidecar, "k8s/app.yaml"), configMounts(doc, c, "k8s/app.yaml")...)}
	for _, tt := range []struct {
		path, configMap, key string
	}{
		{"/etc/app/conf/app.yml", "picked", "app.yaml"},
		{"/etc/app/./conf//app.yml", "picked", "app.yaml"},
		{"/etc/app/kafka.yml", "app-config", "kafka.yml"}, // not among picked's items: the next mount's
		{"/etc/app/sub/kafka.yml", "", ""},                // a ConfigMap's keys are files of its folder, not below
		{"/srv/config.yaml", "single", "config.yaml"},
		{"/srv/other.yaml", "", ""},
		{"/secrets/db.yaml", "", ""}, // a Secret's: never read
		{"/nowhere/x.yaml", "", ""},
		{"/opt/app.yaml", "renamed", "settings"},         // subPath is the item's path, not the key
		{"/opt/none.yaml", "", ""},                       // no item has that path
		{"/shared/kafka.yml", "app-config", "kafka.yml"}, // the app's mount, not the sidecar's
		{"/proxy/envoy.yaml", "envoy", "envoy.yaml"},     // the sidecar's alone
	} {
		m, key, ok := w.configMapFile(tt.path)
		if m.configMap != tt.configMap || key != tt.key || ok != (tt.configMap != "") {
			t.Errorf("configMapFile(%q) = %q, %q, %v, want %q, %q", tt.path, m.configMap, key, ok, tt.configMap, tt.key)
		}
	}
	// A pod with no container of its name: two containers' files at one
	// path are not known.
	w.name = "other"
	if m, key, ok := w.configMapFile("/shared/kafka.yml"); ok {
		t.Errorf("configMapFile(/shared/kafka.yml) in a pod of no such container = %q, %q, want none", m.configMap, key)
	}
}

// TestNearest: which of several same-named ConfigMaps a manifest refers
// to.
func TestNearest(t *testing.T) {
	obj := func(file, v string) kubeObject { return kubeObject{file: file, data: map[string]string{"k": v}} }
	for _, tt := range []struct {
		name  string
		decls []kubeObject
		from  string
		want  string // the file, "" for none
	}{
		{"one", []kubeObject{obj("deploy/cm.yaml", "a")}, "deploy/app.yaml", "deploy/cm.yaml"},
		{"one far away", []kubeObject{obj("base/cm.yaml", "a")}, "overlays/dev/app.yaml", "base/cm.yaml"},
		{"the overlay's", []kubeObject{obj("overlays/dev/cm.yaml", "a"), obj("overlays/prod/cm.yaml", "b")}, "overlays/prod/app.yaml", "overlays/prod/cm.yaml"},
		{"the base's, beside it", []kubeObject{obj("k8s/base/cm.yaml", "a"), obj("k8s/overlays/prod/cm.yaml", "b")}, "k8s/base/app.yaml", "k8s/base/cm.yaml"},
		{"equally near, different", []kubeObject{obj("dev/cm.yaml", "a"), obj("prod/cm.yaml", "b")}, "base/app.yaml", ""},
		{"equally near, the same", []kubeObject{obj("dev/cm.yaml", "a"), obj("prod/cm.yaml", "a")}, "base/app.yaml", "dev/cm.yaml"},
		{"at the root", []kubeObject{obj("cm.yaml", "a"), obj("prod/cm.yaml", "b")}, "app.yaml", "cm.yaml"},
		{"above, different", []kubeObject{obj("cm.yaml", "a"), obj("prod/cm.yaml", "b")}, "dev/app.yaml", ""},
		{"none", nil, "app.yaml", ""},
		{"an overlay changes it", []kubeObject{obj("base/kustomization.yaml", "a"), {file: "overlays/prod/kustomization.yaml", data: map[string]string{"k": "b"}, overlay: true}}, "base/app.yaml", ""},
		{"an overlay beside the manifest merges into it", []kubeObject{obj("base/kustomization.yaml", "a"), {file: "overlays/prod/kustomization.yaml", data: map[string]string{"other": "b"}, overlay: true}}, "overlays/prod/app.yaml", ""},
		{"another environment's overlay", []kubeObject{obj("base/kustomization.yaml", "a"), {file: "overlays/prod/kustomization.yaml", data: map[string]string{"k": "b"}, overlay: true}}, "overlays/dev/app.yaml", ""},
		{"an overlay keeps it", []kubeObject{obj("base/kustomization.yaml", "a"), {file: "overlays/prod/kustomization.yaml", data: map[string]string{"k": "a"}, overlay: true}}, "base/app.yaml", "base/kustomization.yaml"},
	} {
		got, ok := nearest(tt.decls, tt.from)
		if got.file != tt.want || ok != (tt.want != "") {
			t.Errorf("%s: nearest(…, %q) = %q, %v, want %q", tt.name, tt.from, got.file, ok, tt.want)
		}
	}
}

// TestOwnNamespace: which image namespaces are the project's owner's.
// An owner's image namespace is often a shorter name of it, after a
// separator or not: openimsdk pushes openim/…, bitnami-labs pushes
// bitnami/sealed-secrets-controller.
func TestOwnNamespace(t *testing.T) {
	for _, tt := range []struct {
		owner, ns string
		want      bool
	}{
		{"jaegertracing", "jaegertracing", true},
		{"JaegerTracing", "jaegertracing", true},
		{"openimsdk", "openim", true},
		{"bitnami-labs", "bitnami", true},
		{"openimsdk", "open", false}, // four letters: too short to say
		{"acme", "acmecorp", false},  // a longer name is another's
		{"acme", "other", false},
		{"", "other", false},
	} {
		d := &deployment{owner: tt.owner}
		if got := d.ownNamespace(tt.ns); got != tt.want {
			t.Errorf("owner %q: ownNamespace(%q) = %v, want %v", tt.owner, tt.ns, got, tt.want)
		}
	}
}

// TestChartsStandalone: a chart an umbrella chart names by a path outside
// its folder is rendered on its own too, though the umbrella turns it
// off; one below the umbrella's folder is its part, rendered only as its
// subchart, here turned off.
func TestChartsStandalone(t *testing.T) {
	root := t.TempDir()
	deploy := "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Chart.Name }}\nspec:\n  template:\n    spec:\n      containers:\n        - name: {{ .Chart.Name }}\n          image: acme/{{ .Chart.Name }}\n"
	writeFiles(t, root, map[string]string{
		"helm/regions/Chart.yaml": "name: regions\ndependencies:\n  - name: agent\n    repository: file://../../agent/helm\n    condition: agent.enabled\n" +
			"  - name: inner\n    repository: file://./subcharts/inner\n    condition: inner.enabled\n",
		"helm/regions/values.yaml":                           "agent: {enabled: false}\ninner: {enabled: false}\n",
		"helm/regions/subcharts/inner/Chart.yaml":            "name: inner\n",
		"helm/regions/subcharts/inner/templates/deploy.yaml": deploy,
		"agent/helm/Chart.yaml":                              "name: agent\n",
		"agent/helm/templates/deploy.yaml":                   deploy,
	})
	d := readDeployment(root)
	if w := d.workloads["agent"]; w == nil || !slices.Contains(w.deployedBy, "agent/helm/templates/deploy.yaml") {
		t.Errorf("agent's chart, rendered alone, deploys no workload agent: %+v", w)
	}
	if w := d.workloads["inner"]; w != nil {
		t.Errorf("inner is the umbrella's part, turned off, yet deploys %+v", w)
	}
	if len(d.problems) != 0 {
		t.Errorf("problems: %v", d.problems)
	}
}

// TestKustomizeEnv: a generator's env file and literals as kustomize
// reads them: values as written, one pair of quotes off a literal.
func TestKustomizeEnv(t *testing.T) {
	got := kustomizeEnv([]byte("\ufeffA=http://payments:8080\r\n# a comment\n  \nB=\"quoted\"\nC=http://${HOST}:8080 # prod\nFROM_ENV\nbad key=x\nD=x=y\n"))
	want := map[string]string{"A": "http://payments:8080", "B": `"quoted"`, "C": "http://${HOST}:8080 # prod", "D": "x=y"}
	if !maps.Equal(got, want) {
		t.Errorf("kustomizeEnv = %q, want %q", got, want)
	}
	for in, want := range map[string]string{`"x"`: "x", `'x'`: "x", `"x`: `"x`, `'"x"'`: `"x"`, `"`: `"`, `x`: "x"} {
		if got := unquotePair(in); got != want {
			t.Errorf("unquotePair(%s) = %s, want %s", in, got, want)
		}
	}
}

// Two builds of one image with one Dockerfile and context that disagree
// only on a build arg (a Makefile's VERSION, a workflow's) are that
// Dockerfile, the arg unknown; with two Dockerfiles, no image.
func TestImageBuiltArgs(t *testing.T) {
	d := &deployment{root: "/r", images: make(map[string][2]string)}
	d.imageBuilt("acme/api:dev", "/r/build/Dockerfile.api", "/r", "", map[string]string{"VERSION": "v0.0.0", "MODE": "release"}, false)
	d.imageBuilt("acme/api:v1", "/r/build/Dockerfile.api", "/r", "", map[string]string{"VERSION": "${VERSION}", "MODE": "release", "EXTRA": "1"}, false)
	if df, _ := d.imageBuild("acme/api"); df != "/r/build/Dockerfile.api" {
		t.Errorf("acme/api's Dockerfile = %q, want build/Dockerfile.api", df)
	}
	want := map[string]string{"VERSION": "${VERSION}", "MODE": "release", "EXTRA": "${EXTRA}"}
	if got := d.imageArgs["acme/api"]; !maps.Equal(got, want) {
		t.Errorf("acme/api's args = %v, want %v", got, want)
	}
	d.imageBuilt("acme/api:other", "/r/build/Dockerfile.other", "/r", "", nil, false)
	if df, _ := d.imageBuild("acme/api"); df != "" || !d.ambiguous["acme/api"] {
		t.Errorf("an image of two Dockerfiles gives %q, ambiguous %v", df, d.ambiguous["acme/api"])
	}
}

func TestGoBuildOutput(t *testing.T) {
	for _, tc := range []struct {
		args     []string
		out, pkg string
	}{
		{[]string{"-o", "target/logic", "cmd/logic/main.go"}, "target/logic", "cmd/logic/main.go"},
		{[]string{"-v", "-ldflags", "-s -w", "-o=bin/api", "./cmd/api"}, "bin/api", "./cmd/api"},
		{[]string{"-tags", "prod", "./cmd/api"}, "", "./cmd/api"},
		{[]string{"-o", "bin/x", "main.go", "helper.go"}, "bin/x", ""}, // several files: not one package read here
		{[]string{"-o", "bin/x"}, "bin/x", ""},
	} {
		out, pkg := goBuildOutput(tc.args)
		if out != tc.out || pkg != tc.pkg {
			t.Errorf("goBuildOutput(%q) = %q, %q; want %q, %q", tc.args, out, pkg, tc.out, tc.pkg)
		}
	}
}

// TestChartLargeLibraryTemplate: a library subchart's template larger
// than the 1 MiB archie reads of other deployment files (generated CRDs)
// is read, as Helm reads it, and the chart that includes it renders.
func TestChartLargeLibraryTemplate(t *testing.T) {
	root := t.TempDir()
	big := "{{/* " + strings.Repeat("generated CRD text ", 1<<16) + "*/}}\n" +
		`{{- define "crds.render" -}}` + "\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: crds\n{{- end }}\n"
	writeFiles(t, root, map[string]string{
		"chart/Chart.yaml":                           "apiVersion: v2\nname: app\nversion: 0.1.0\ndependencies:\n  - name: crds\n    version: 0.1.0\n    repository: file://../crds\n",
		"chart/values.yaml":                          "image: acme/api\n",
		"chart/templates/crds.yaml":                  "{{ include \"crds.render\" . }}\n",
		"chart/templates/deployment.yaml":            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: {{ .Values.image }}\n",
		"chart/charts/crds/Chart.yaml":               "apiVersion: v2\nname: crds\ntype: library\nversion: 0.1.0\n",
		"chart/charts/crds/templates/_generated.tpl": big,
	})
	if len(big) <= 1<<20 {
		t.Fatalf("the template is %d bytes, not more than 1 MiB", len(big))
	}
	d := readDeployment(root)
	if len(d.problems) > 0 {
		t.Errorf("problems: %v", d.problems)
	}
	if d.workloads["api"] == nil {
		t.Errorf("the chart's Deployment api is not read")
	}
}

func TestOutputImages(t *testing.T) {
	for _, tc := range []struct {
		outputs string
		want    []string
	}{
		{"type=image,name=ghcr.io/acme/api,push-by-digest=true,name-canonical=true,push=true", []string{"ghcr.io/acme/api"}},
		{"type=image,name=${{ matrix.registry }}/pipedv1-exp,push=true", []string{"${{ matrix.registry }}/pipedv1-exp"}},
		{`type=registry,"name=ghcr.io/acme/api,docker.io/acme/api"`, []string{"ghcr.io/acme/api", "docker.io/acme/api"}},
		{"type=docker,name=acme/api\ntype=image,name=acme/worker", []string{"acme/api", "acme/worker"}},
		{"type=local,dest=out", nil},
		{"", nil},
	} {
		if got := outputImages(tc.outputs); !slices.Equal(got, tc.want) {
			t.Errorf("outputImages(%q) = %q, want %q", tc.outputs, got, tc.want)
		}
	}
}
