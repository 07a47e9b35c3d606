package report

import (
	"bytes"
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

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
