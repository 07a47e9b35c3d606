package report

import (
	"bytes"
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"net/url"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/archie-dev/archie/analyze"
	"github.com/archie-dev/archie/rules"
	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
	"github.com/xeipuuv/gojsonschema"
)

// officialSchema is the OASIS SARIF 2.1.0 (errata01) schema, as the
// go-sarif module embeds it in its source.
func officialSchema(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/owenrumney/go-sarif/v3").Output()
	if err != nil {
		t.Fatalf("go list go-sarif: %v", err)
	}
	file := filepath.Join(strings.TrimSpace(string(out)), "pkg/report/v210/sarif/schema.go")
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok {
			continue
		}
		for _, s := range gd.Specs {
			vs := s.(*ast.ValueSpec)
			if vs.Names[0].Name == "schema" {
				s, err := strconv.Unquote(vs.Values[0].(*ast.BasicLit).Value)
				if err != nil {
					t.Fatal(err)
				}
				return s
			}
		}
	}
	t.Fatalf("no schema constant in %s", file)
	return ""
}

func validateSARIF(t *testing.T, schema string, doc []byte) {
	t.Helper()
	res, err := gojsonschema.Validate(gojsonschema.NewStringLoader(schema), gojsonschema.NewBytesLoader(doc))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range res.Errors() {
		t.Errorf("SARIF schema: %s", e)
	}
}

func TestSARIFIsValid(t *testing.T) {
	schema := officialSchema(t)
	for name, c := range map[string]*Check{
		"violations": {Result: sampleResult(), Dir: "/m", Prefix: "svc", ConfigFile: "archie.yaml",
			Decisions: map[int]Decision{2: {Number: 2, Title: "Layers", File: "docs/adr/0002-layers.md"}}},
		"clean": {Result: &rules.Result{Violations: []rules.Violation{}}, Dir: "/m"},
	} {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			if err := SARIF(&b, c); err != nil {
				t.Fatal(err)
			}
			validateSARIF(t, schema, b.Bytes())
			// A consumer library reads it back whole.
			rep, err := sarif.FromBytes(b.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			if got, want := len(rep.Runs[0].Results), len(c.Result.Violations); got != want {
				t.Errorf("read back %d results, want %d", got, want)
			}
		})
	}
}

// TestSARIFSchemaCatchesMistakes shows the validation can fail: a result
// without a message is not SARIF.
func TestSARIFSchemaCatchesMistakes(t *testing.T) {
	var b bytes.Buffer
	if err := SARIF(&b, &Check{Result: sampleResult(), Dir: "/m"}); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	result := doc["runs"].([]any)[0].(map[string]any)["results"].([]any)[0].(map[string]any)
	delete(result, "message")
	bad, _ := json.Marshal(doc)
	res, err := gojsonschema.Validate(gojsonschema.NewStringLoader(officialSchema(t)), gojsonschema.NewBytesLoader(bad))
	if err != nil {
		t.Fatal(err)
	}
	if res.Valid() {
		t.Error("a result without a message passed the schema")
	}
}

func TestSARIFPlacesResults(t *testing.T) {
	c := &Check{Result: sampleResult(), Dir: "/m", Prefix: "svc", ConfigFile: "archie.yaml",
		Rules:     []rules.DeclaredRule{{Name: "layers", Kind: "layer", Severity: rules.SeverityError, ADR: 2}, {Name: "cycles", Kind: "cycle", Severity: rules.SeverityError}},
		Decisions: map[int]Decision{2: {Number: 2, Title: "Layers", File: "docs/adr/0002-layers.md"}}}
	var b bytes.Buffer
	if err := SARIF(&b, c); err != nil {
		t.Fatal(err)
	}
	var log sarifLog
	if err := json.Unmarshal(b.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	var ids []string
	for _, r := range run.Tool.Driver.Rules {
		ids = append(ids, r.ID)
	}
	// Declared rules first (violated or not), then rules only violations name.
	if got, want := strings.Join(ids, ","), "layers,cycles,exceptions,no-log"; got != want {
		t.Errorf("rules = %s, want %s", got, want)
	}
	if got := run.Tool.Driver.Rules[0].Help.Markdown; !strings.Contains(got, "**ADR-0002 Layers** (`svc/docs/adr/0002-layers.md`)") {
		t.Errorf("layers help does not cite its decision: %s", got)
	}
	r := run.Results[0]
	loc := r.Locations[0].Physical
	if loc.Artifact.URI != "svc/domain/a.go" || loc.Region == nil || loc.Region.StartLine != 3 || loc.Region.StartColumn != 2 {
		t.Errorf("first result at %+v %+v, want svc/domain/a.go:3:2", loc.Artifact, loc.Region)
	}
	if r.RuleID != "layers" || r.RuleIndex != 0 || r.Level != "error" {
		t.Errorf("first result is %s #%d %s, want layers #0 error", r.RuleID, r.RuleIndex, r.Level)
	}
	if !strings.HasSuffix(r.Message.Text, "decided in ADR-0002 Layers") {
		t.Errorf("message %q does not name its decision", r.Message.Text)
	}
	if w := run.Results[1]; w.Level != "warning" || run.Tool.Driver.Rules[w.RuleIndex].ID != "no-log" {
		t.Errorf("second result is %s (rule index %d), want a no-log warning", w.Level, w.RuleIndex)
	}
}

// readSARIF reads a log as a viewer does, with its own types: what the
// tests below look at, and nothing of the writer's.
func readSARIF(t *testing.T, c *Check) readLog {
	t.Helper()
	var b bytes.Buffer
	if err := SARIF(&b, c); err != nil {
		t.Fatal(err)
	}
	var log readLog
	if err := json.Unmarshal(b.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	return log
}

type (
	readLog struct {
		Runs []struct {
			Invocations []struct {
				ExecutionSuccessful *bool      `json:"executionSuccessful"`
				Notifications       []readNote `json:"toolExecutionNotifications"`
			} `json:"invocations"`
			Results []struct {
				Locations        []readLoc `json:"locations"`
				RelatedLocations []readLoc `json:"relatedLocations"`
			} `json:"results"`
		} `json:"runs"`
	}
	readNote struct {
		Level     string    `json:"level"`
		Message   readText  `json:"message"`
		Locations []readLoc `json:"locations"`
	}
	readLoc struct {
		ID       int       `json:"id"`
		Message  *readText `json:"message"`
		Physical struct {
			Artifact struct {
				URI       string `json:"uri"`
				URIBaseID string `json:"uriBaseId"`
			} `json:"artifactLocation"`
			Region *struct {
				StartLine int `json:"startLine"`
			} `json:"region"`
		} `json:"physicalLocation"`
	}
	readText struct {
		Text string `json:"text"`
	}
)

func TestURIPath(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"", ""},
		{"svc/domain/a.go", "svc/domain/a.go"},
		{"a b#c%.go", "a%20b%23c%25.go"},
		{"dir/x?y=z.go", "dir/x%3Fy%3Dz.go"},
		{"a:b.go", "a%3Ab.go"}, // not a scheme
		{"日本/é.go", "%E6%97%A5%E6%9C%AC/%C3%A9.go"},
		{"a\nb\x00.go", "a%0Ab%00.go"},
		{"C:\\x.go", "C%3A%5Cx.go"},
		{"-._~/AZaz09", "-._~/AZaz09"},
		{"[v6]@!$&'()*+,;=", "%5Bv6%5D%40%21%24%26%27%28%29%2A%2B%2C%3B%3D"},
		{"\xff.go", "%FF.go"},
		{"/abs/x.go", "/abs/x.go"},
		{"//host/x", "/%2Fhost/x"}, // not an authority
		{"///x", "/%2F/x"},
	} {
		if got := uriPath(tt.in); got != tt.want {
			t.Errorf("uriPath(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// hostileCheck has a nasty string in every user-written place a SARIF log
// shows, and evidence and load errors.
func hostileCheck(s string) *Check {
	return &Check{
		Result: &rules.Result{Packages: 2, Violations: []rules.Violation{
			{Kind: "shared-database", Rule: "smells" + s, Severity: rules.SeverityError, From: "a" + s, To: "b",
				Position: rules.Position{File: "svc/a" + s + ".go", Line: 3, Column: 2}, Message: "m" + s,
				Resource: "table orders" + s,
				Evidence: []rules.Evidence{
					{Position: rules.Position{File: "svc/a" + s + ".go", Line: 3, Column: 2}, Detail: "d1" + s},
					{Position: rules.Position{File: "svc/b.go", Line: 9}, Detail: "d2" + s},
				}},
		}},
		Rules:      []rules.DeclaredRule{{Name: "smells" + s, Kind: "shared-database", Why: "w" + s}},
		LoadErrors: []analyze.Error{{Package: "p" + s, Msg: "e" + s}, {Pos: token.Position{Filename: "/m/g" + s + ".go", Line: 1}, Msg: "e" + s}},
		Dir:        "/m",
	}
}

func TestSARIFHostileIsValid(t *testing.T) {
	schema := officialSchema(t)
	for _, s := range nasty {
		var b bytes.Buffer
		if err := SARIF(&b, hostileCheck(s)); err != nil {
			t.Fatal(err)
		}
		validateSARIF(t, schema, b.Bytes())
		log := readSARIF(t, hostileCheck(s))
		for _, res := range log.Runs[0].Results {
			for _, loc := range append(res.Locations, res.RelatedLocations...) {
				checkURI(t, loc.Physical.Artifact.URI)
			}
		}
		for _, n := range log.Runs[0].Invocations[0].Notifications {
			for _, loc := range n.Locations {
				checkURI(t, loc.Physical.Artifact.URI)
			}
		}
	}
}

// checkURI fails unless u is a URI reference with no scheme, host, query
// or fragment: a path, relative or absolute, as SARIF wants with a base.
func checkURI(t *testing.T, u string) {
	t.Helper()
	p, err := url.Parse(u)
	if err != nil {
		t.Errorf("uri %q: %v", u, err)
		return
	}
	if p.Scheme != "" || p.Host != "" || p.RawQuery != "" || p.Fragment != "" || p.Opaque != "" {
		t.Errorf("uri %q is not a bare path: %#v", u, p)
	}
}

func TestSARIFEscapesURIs(t *testing.T) {
	c := &Check{Result: &rules.Result{Violations: []rules.Violation{{Kind: "forbid", Rule: "r", Severity: rules.SeverityError,
		Position: rules.Position{File: "a b#c%.go", Line: 1}, Message: "m"}}}, Prefix: "my svc"}
	log := readSARIF(t, c)
	if got, want := log.Runs[0].Results[0].Locations[0].Physical.Artifact.URI, "my%20svc/a%20b%23c%25.go"; got != want {
		t.Errorf("uri = %q, want %q", got, want)
	}
}

func TestSARIFRelatedLocations(t *testing.T) {
	log := readSARIF(t, hostileCheck(""))
	rel := log.Runs[0].Results[0].RelatedLocations
	if len(rel) != 2 {
		t.Fatalf("%d related locations, want one per piece of evidence (2)", len(rel))
	}
	for i, want := range []struct {
		uri, msg string
		line     int
	}{{"svc/a.go", "d1", 3}, {"svc/b.go", "d2", 9}} {
		r := rel[i]
		if r.ID != i+1 || r.Message == nil || r.Message.Text != want.msg || r.Physical.Artifact.URI != want.uri || r.Physical.Region == nil || r.Physical.Region.StartLine != want.line {
			t.Errorf("related location %d = id %d %+v %+v, want id %d %s:%d %q", i, r.ID, r.Physical, r.Message, i+1, want.uri, want.line, want.msg)
		}
	}
}

// TestSARIFIncomplete: a run with load errors did not succeed, and says
// why in notifications placed where they can be.
func TestSARIFIncomplete(t *testing.T) {
	c := hostileCheck("")
	inv := readSARIF(t, c).Runs[0].Invocations[0]
	if inv.ExecutionSuccessful == nil || *inv.ExecutionSuccessful {
		t.Error("executionSuccessful is true with load errors")
	}
	if len(inv.Notifications) != 2 {
		t.Fatalf("%d notifications, want one per load error (2)", len(inv.Notifications))
	}
	n0, n1 := inv.Notifications[0], inv.Notifications[1]
	if n0.Level != "error" || !strings.Contains(n0.Message.Text, "p: e") || len(n0.Locations) != 0 {
		t.Errorf("first notification = %+v, want an error naming package p, with no location", n0)
	}
	if n1.Level != "error" || len(n1.Locations) != 1 || n1.Locations[0].Physical.Artifact.URI != "g.go" {
		t.Errorf("second notification = %+v, want an error at g.go", n1)
	}

	c.LoadErrors = nil
	if ok := readSARIF(t, c).Runs[0].Invocations[0].ExecutionSuccessful; ok == nil || !*ok {
		t.Error("executionSuccessful is not true without load errors")
	}
}

// TestSARIFOutsideRoot: a file outside the config directory (a load error
// in a dependency) is named by its absolute file URI, not below %SRCROOT%.
func TestSARIFOutsideRoot(t *testing.T) {
	c := &Check{Result: &rules.Result{}, Dir: "/m", Prefix: "svc",
		LoadErrors: []analyze.Error{{Pos: token.Position{Filename: "/go/pkg/mod/x@v1/a b.go", Line: 2}, Msg: "e"}}}
	art := readSARIF(t, c).Runs[0].Invocations[0].Notifications[0].Locations[0].Physical.Artifact
	if art.URI != "file:///go/pkg/mod/x%40v1/a%20b.go" || art.URIBaseID != "" {
		t.Errorf("artifact = %+v, want file:///go/pkg/mod/x%%40v1/a%%20b.go with no base", art)
	}
	u, err := url.Parse(art.URI)
	if err != nil || u.Path != "/go/pkg/mod/x@v1/a b.go" {
		t.Errorf("url.Parse(%q) = %v, %v", art.URI, u, err)
	}
}

// TestSARIFInModuleCache: a fact in a dependency read from the module cache
// is placed below a base of its own, GOMODCACHE, which the run describes,
// at the path the cache gives it (upper case escaped), not below
// %SRCROOT%, where no such file is.
func TestSARIFInModuleCache(t *testing.T) {
	dep := rules.Position{File: "github.com/Shopify/sarama@v1.38.1/async_producer.go", Line: 7, Column: 2, Module: "github.com/Shopify/sarama@v1.38.1"}
	c := &Check{Dir: "/m", Result: &rules.Result{Violations: []rules.Violation{{
		Kind: "dual-write", Rule: "dual-write", Severity: rules.SeverityWarning, From: "orders",
		Position: dep,
		Evidence: []rules.Evidence{{Position: dep, Detail: "publishes kafka"}, {Position: rules.Position{File: "orders/db.go", Line: 3}, Detail: "writes table orders"}},
	}}}}
	var b bytes.Buffer
	if err := SARIF(&b, c); err != nil {
		t.Fatal(err)
	}
	validateSARIF(t, officialSchema(t), b.Bytes())
	var log struct {
		Runs []struct {
			Bases   map[string]json.RawMessage `json:"originalUriBaseIds"`
			Results []struct {
				Locations        []readLoc `json:"locations"`
				RelatedLocations []readLoc `json:"relatedLocations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(b.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if _, ok := run.Bases["GOMODCACHE"]; !ok {
		t.Errorf("originalUriBaseIds = %v, want GOMODCACHE described", run.Bases)
	}
	res := run.Results[0]
	for _, loc := range []readLoc{res.Locations[0], res.RelatedLocations[0]} {
		if art := loc.Physical.Artifact; art.URI != "github.com/%21shopify/sarama%40v1.38.1/async_producer.go" || art.URIBaseID != "GOMODCACHE" {
			t.Errorf("artifact = %+v, want github.com/%%21shopify/sarama%%40v1.38.1/async_producer.go below GOMODCACHE", art)
		}
	}
	if art := res.RelatedLocations[1].Physical.Artifact; art.URI != "orders/db.go" || art.URIBaseID != "%SRCROOT%" {
		t.Errorf("the repository's file: artifact = %+v, want orders/db.go below %%SRCROOT%%", art)
	}

	// Without a dependency's location the run names no base.
	c.Result.Violations[0].Position = rules.Position{File: "orders/db.go", Line: 3}
	c.Result.Violations[0].Evidence = nil
	if b.Reset(); SARIF(&b, c) != nil || bytes.Contains(b.Bytes(), []byte("originalUriBaseIds")) {
		t.Errorf("a run with no dependency's location describes bases:\n%s", b.Bytes())
	}
}
