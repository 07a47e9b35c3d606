package rules_test

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/archie-dev/archie/rules"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"golang.org/x/tools/txtar"
	"gopkg.in/yaml.v3"
)

// schemaCannotTell lists the configs of testdata that archie rejects and
// its JSON Schema accepts, each with what the schema cannot see. A bad
// config that the schema accepts and this list does not name fails
// TestSchemaOnTestdata: decide whether the schema should catch it, or add
// it here with the reason.
var schemaCannotTell = map[string]string{
	"badconfig.txtar:bad/unknown-context.yaml":      "uses names a context the config does not declare: a cross-reference",
	"badconfig.txtar:bad/no-match.yaml":             "a pattern that matches no package needs the code",
	"badconfig.txtar:bad/tie.yaml":                  "two layers claiming a package equally needs the code",
	"badconfig.txtar:bad/baseline.yaml":             "a baseline file that does not exist needs the file system",
	"badconfig.txtar:bad/service.yaml":              "a service that matches no package needs the code",
	"baseline.txtar:named.yaml":                     "a baseline file that does not exist needs the file system",
	"config_cannot_fire.txtar:bad/multidoc.yaml":    "a second YAML document is invisible to a schema, which validates the first",
	"config_cannot_fire.txtar:bad/std-typo.yaml":    "whether a path names a standard-library package needs the Go installation",
	"config_cannot_fire.txtar:bad/core-forbid.yaml": "whether a path names a standard-library package needs the Go installation",
	"config_cannot_fire.txtar:bad/bad-path.yaml":    "import-path syntax (module.CheckImportPath) is more than a regular expression should say",
	"config_cannot_fire.txtar:bad/depth.yaml":       "a depth deeper than any folder of the module needs the code",
	"config_cannot_fire.txtar:bad/exception.yaml":   "an exception whose from matches no package needs the code",
	"exhaustive.txtar:stale.yaml":                   "an except pattern that matches no package needs the code",
	"hostile_config.txtar:typo-layer.yaml":          "a pattern that matches no package needs the code",
	"hostile_config.txtar:typo-forbid.yaml":         "a forbid entry in the module that matches no package needs the code",
	"hostile_config.txtar:case-forbid.yaml":         "an import path that differs from the module's by case needs the code",
	"nested_module.txtar:both.yaml":                 "a pattern into a nested module matches no package: that needs the code",
	"hostile_config.txtar:good.yaml":                "not the config: archie.yaml and .archie.yaml side by side, and a baseline output over the config",
	"readonly.txtar:smells.yaml":                    "not the config: --strict fails on code that cannot be loaded read-only",
	"services_tools.txtar:bad/archie.yaml":          "a mains pattern that matches no main package needs the code",
}

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(rules.Schema()))
	if err != nil {
		t.Fatalf("the schema is not JSON: %v", err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(rules.SchemaURL, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(rules.SchemaURL) // also validates it against the draft-07 meta-schema
	if err != nil {
		t.Fatalf("compile the schema: %v", err)
	}
	return s
}

// TestSchemaFile keeps the published copy of the schema, which archie init
// points editors at, equal to what archie schema prints.
func TestSchemaFile(t *testing.T) {
	compileSchema(t)
	docs, err := os.ReadFile("../docs/archie.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(docs, rules.Schema()) {
		t.Errorf("docs/archie.schema.json differs from rules/archie.schema.json: copy it (cp rules/archie.schema.json docs/)")
	}
}

// TestSchemaOnTestdata validates every archie config under testdata: the
// fixture modules' and those inside the CLI scripts. A config ParseConfig
// accepts must validate; one archie rejects must not, unless
// schemaCannotTell says why a schema cannot see its fault.
func TestSchemaOnTestdata(t *testing.T) {
	s := compileSchema(t)
	configs := testdataConfigs(t)
	if len(configs) < 50 {
		t.Fatalf("found %d configs under testdata; the walk is broken", len(configs))
	}
	used := make(map[string]bool)
	for _, c := range configs {
		_, parseErr := rules.ParseConfig("archie.yaml", c.data)
		v, convErr := yamlToJSON(c.data)
		var schemaErr error
		if convErr != nil {
			schemaErr = convErr // not YAML: no editor validates it either
		} else {
			schemaErr = s.Validate(v)
		}
		switch {
		case parseErr == nil && !c.bad && schemaErr != nil:
			t.Errorf("%s: archie accepts it, the schema does not:\n%v", c.name, schemaErr)
		case parseErr == nil && !c.bad:
			if _, ok := schemaCannotTell[c.name]; ok {
				t.Errorf("%s: listed in schemaCannotTell but archie accepts it", c.name)
			}
		case schemaErr == nil:
			why, ok := schemaCannotTell[c.name]
			if !ok {
				why := "a script expects archie to exit 2 with it"
				if parseErr != nil {
					why = parseErr.Error()
				}
				t.Errorf("%s: archie rejects it (%s) and the schema accepts it: make the schema catch it, or list it in schemaCannotTell with the reason", c.name, why)
			}
			used[c.name] = why != ""
		default:
			if _, ok := schemaCannotTell[c.name]; ok {
				t.Errorf("%s: listed in schemaCannotTell but the schema rejects it: remove it from the list", c.name)
			}
		}
	}
	for name := range schemaCannotTell {
		if !used[name] {
			t.Errorf("schemaCannotTell names %s, which is not a bad config under testdata that the schema accepts", name)
		}
	}
}

type testConfig struct {
	name string // file, or script:file
	data []byte
	bad  bool // a script expects archie check to exit 2 with it
}

// testdataConfigs finds the archie configs under testdata: files named
// archie.yaml or .archie.yaml, and in the scripts every *.yaml file that
// is not a deployment file (Kubernetes, Compose).
func testdataConfigs(t *testing.T) []testConfig {
	var out []testConfig
	err := filepath.WalkDir("../testdata", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		switch {
		case d.IsDir():
			return nil
		case strings.HasSuffix(p, ".txtar"):
			a, err := txtar.ParseFile(p)
			if err != nil {
				return err
			}
			bad := expectedBad(a.Comment)
			for _, f := range a.Files {
				if strings.HasSuffix(f.Name, ".yaml") && isArchieConfig(f.Data) {
					out = append(out, testConfig{name: filepath.Base(p) + ":" + f.Name, data: f.Data, bad: bad[f.Name]})
				}
			}
		case slices.Contains(rules.ConfigNames, d.Name()) || strings.HasSuffix(p, ".yaml") && isArchieConfig(mustRead(t, p)) && hasVersion(mustRead(t, p)):
			out = append(out, testConfig{name: filepath.ToSlash(p), data: mustRead(t, p)})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func mustRead(t *testing.T, p string) []byte {
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// expectedBad reads a script for the configs it expects archie to refuse:
// `cp X archie.yaml` then `status 2 archie ...`, or `status 2 archie ...
// --config X`.
func expectedBad(script []byte) map[string]bool {
	bad := make(map[string]bool)
	cur := ""
	for _, line := range strings.Split(string(script), "\n") {
		f := strings.Fields(line)
		switch {
		case len(f) == 3 && f[0] == "cp" && path.Base(f[2]) == "archie.yaml":
			cur = f[1]
		case len(f) >= 2 && f[0] == "rm" && path.Base(f[1]) == "archie.yaml":
			cur = ""
		case len(f) >= 3 && f[0] == "status" && f[1] == "2" && f[2] == "archie":
			if i := slices.Index(f, "--config"); i >= 0 && i+1 < len(f) {
				bad[f[i+1]] = true
			} else if cur != "" {
				bad[cur] = true
			}
		}
	}
	return bad
}

// isArchieConfig tells an archie config from a deployment file: Kubernetes
// manifests have apiVersion, Compose files a mapping of services.
func isArchieConfig(data []byte) bool {
	var top map[string]any
	if yaml.Unmarshal(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), &top) != nil {
		return true // broken YAML is a bad config of a script
	}
	if _, ok := top["apiVersion"]; ok {
		return false
	}
	if _, ok := top["services"].(map[string]any); ok {
		return false
	}
	return true
}

func hasVersion(data []byte) bool {
	var top map[string]any
	return yaml.Unmarshal(data, &top) == nil && top["version"] != nil
}

// yamlToJSON turns the first YAML document into the JSON value an editor
// validates: scalars by their resolved tag, as the YAML language server
// reads them.
func yamlToJSON(data []byte) (any, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), &doc); err != nil {
		return nil, err
	}
	v, err := nodeValue(&doc)
	if err != nil {
		return nil, err
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return jsonschema.UnmarshalJSON(bytes.NewReader(b))
}

func nodeValue(n *yaml.Node) (any, error) {
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil, nil
		}
		return nodeValue(n.Content[0])
	case yaml.AliasNode:
		return nodeValue(n.Alias)
	case yaml.SequenceNode:
		out := []any{}
		for _, c := range n.Content {
			v, err := nodeValue(c)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		return out, nil
	case yaml.MappingNode:
		out := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			v, err := nodeValue(n.Content[i+1])
			if err != nil {
				return nil, err
			}
			out[n.Content[i].Value] = v
		}
		return out, nil
	}
	switch n.Tag {
	case "!!int", "!!float", "!!bool", "!!null":
		var v any
		if err := n.Decode(&v); err != nil {
			return nil, err
		}
		return v, nil
	}
	return n.Value, nil // !!str, !!timestamp (a date is text in JSON), !!binary
}

// TestSchemaKeys walks the Go types archie.yaml decodes into beside the
// schema: every key ParseConfig knows must be in the schema, and the
// schema may name no key ParseConfig would reject as unknown.
func TestSchemaKeys(t *testing.T) {
	var root map[string]any
	if err := json.Unmarshal(rules.Schema(), &root); err != nil {
		t.Fatal(err)
	}
	// Keys that the Go type has for all smells and the schema gives only
	// to the smell they apply to.
	godOnly := []string{"fan-in", "min-callers", "endpoints", "min-dependents", "instability"}
	narrowed := map[string][]string{
		"smells.shared-database":      append([]string{"max-depth"}, godOnly...),
		"smells.sync-chain":           append([]string{"server", "database", "host"}, godOnly...),
		"smells.cross-service-import": append([]string{"max-depth", "server", "database", "host"}, godOnly...),
		"smells.hardcoded-endpoint":   append([]string{"max-depth", "server", "database", "host"}, godOnly...),
		"smells.dual-write":           append([]string{"max-depth", "server", "database", "host"}, godOnly...),
		"smells.god-package":          {"max-depth", "server", "database", "host", "min-callers", "endpoints"},
		"smells.god-service":          {"max-depth", "server", "database", "host"},
	}
	narrowed["smells.god-service"] = append(narrowed["smells.god-service"], "min-dependents", "instability")
	var walk func(where string, typ reflect.Type, s map[string]any)
	walk = func(where string, typ reflect.Type, s map[string]any) {
		for typ.Kind() == reflect.Pointer {
			typ = typ.Elem()
		}
		if typ.Kind() == reflect.Slice {
			items := schemaItems(root, s)
			if items == nil && yamlFields(typ.Elem()) != nil {
				t.Errorf("%s: a list in Go, none in the schema", where)
				return
			}
			walk(where+"[]", typ.Elem(), items)
			return
		}
		fields := yamlFields(typ)
		if fields == nil {
			return // a scalar with its own unmarshaler: Patterns, Severity, Name, Date
		}
		props := schemaProps(root, s)
		for key, ft := range fields {
			sub, ok := props[key]
			if !ok {
				if !slices.Contains(narrowed[where], key) {
					t.Errorf("%s: archie reads key %q, the schema does not have it", where, key)
				}
				continue
			}
			walk(strings.TrimPrefix(where+"."+key, "."), ft, sub)
		}
		for key := range props {
			if _, ok := fields[key]; !ok {
				t.Errorf("%s: the schema has key %q, archie rejects it", where, key)
			}
		}
	}
	walk("", reflect.TypeOf(rules.Config{}), root)
}

// yamlFields maps the yaml keys of a struct to their types; nil for a
// type that has none.
func yamlFields(t reflect.Type) map[string]reflect.Type {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return nil
	}
	var out map[string]reflect.Type
	for i := range t.NumField() {
		tag, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
		if tag == "" || tag == "-" {
			continue
		}
		if out == nil {
			out = make(map[string]reflect.Type)
		}
		out[tag] = t.Field(i).Type
	}
	return out
}

// subschemas returns s and what it refers to or combines, transitively.
func subschemas(root, s map[string]any) []map[string]any {
	if s == nil {
		return nil
	}
	out := []map[string]any{s}
	if ref, ok := s["$ref"].(string); ok {
		name := strings.TrimPrefix(ref, "#/definitions/")
		def, _ := root["definitions"].(map[string]any)[name].(map[string]any)
		out = append(out, subschemas(root, def)...)
	}
	for _, k := range []string{"allOf", "anyOf", "oneOf"} {
		list, _ := s[k].([]any)
		for _, x := range list {
			m, _ := x.(map[string]any)
			out = append(out, subschemas(root, m)...)
		}
	}
	return out
}

func schemaProps(root, s map[string]any) map[string]map[string]any {
	out := make(map[string]map[string]any)
	for _, sub := range subschemas(root, s) {
		props, _ := sub["properties"].(map[string]any)
		for k, v := range props {
			m, _ := v.(map[string]any)
			if _, seen := out[k]; !seen || m["description"] != nil || m["$ref"] != nil || m["type"] != nil {
				out[k] = m
			}
		}
	}
	return out
}

func schemaItems(root, s map[string]any) map[string]any {
	for _, sub := range subschemas(root, s) {
		if items, ok := sub["items"].(map[string]any); ok {
			return items
		}
	}
	return nil
}

// TestSchemaForms checks the forms that take more than one shape, and the
// faults an editor should underline, on literal configs.
func TestSchemaForms(t *testing.T) {
	s := compileSchema(t)
	layers := "layers:\n  order:\n    - {name: a, packages: ./a}\n    - {name: b, packages: [./b/...]}\n"
	for _, tc := range []struct {
		yaml string
		ok   bool
	}{
		{"version: 1\n", true},
		{"version: 2\n", false},
		{"layers: {order: [{name: a, packages: ./a}, {name: b, packages: ./b}]}\n", false}, // no version
		{"version: 1\n" + layers, true},
		{"version: 1\nlayers:\n  ordr: []\n", false},
		{"version: 1\n" + layers + "exhaustive: true\n", true},
		{"version: 1\n" + layers + "exhaustive: {except: ./tools/..., severity: warning}\n", true},
		{"version: 1\n" + layers + "exhaustive: maybe\n", false},
		{"version: 1\nexhaustive: true\n", false},
		{"version: 1\nexhaustive: false\n", true},
		{"version: 1\nexhaustive: {severity: off}\n", true},
		{"version: 1\nsmells: {shared-database: error, sync-chain: {severity: warning, max-depth: 3}}\n", true},
		{"version: 1\nsmells: {shared-database: fatal}\n", false},
		{"version: 1\nsmells: {shared-database: {max-depth: 3}}\n", false},
		{"version: 1\nsmells: {hardcoded-endpoint: {server: warning}}\n", false},
		{"version: 1\nsmells: {shared-database: {severity: error, server: warning}}\n", true},
		{"version: 1\nsmells: {shared-database: {severity: error, database: warning, host: info}}\n", true},
		{"version: 1\nsmells: {shared-database: {database: warning, server: error}}\n", false},
		{"version: 1\nsmells: {shared-database: {host: notice}}\n", false},
		{"version: 1\nsmells: {sync-chain: {host: info}}\n", false},
		{"version: 1\nrules: [{name: r, packages: ./a, forbid: [net/http], severity: info}]\n", true},
		{"version: 1\nsmells: {god-package: warning}\n", true},
		{"version: 1\nsmells: {god-package: {severity: error, fan-in: 0.6, min-dependents: 4, instability: 0.4}}\n", true},
		{"version: 1\nsmells: {god-package: {min-callers: 3}}\n", false},
		{"version: 1\nsmells: {god-service: {instability: 0.5}}\n", false},
		{"version: 1\nsmells: {god-package: {instability: 1}}\n", false},
		{"version: 1\nsmells: {}\n", false},
		{"version: 1\nrules: [{name: r, packages: ./a, forbid: [net/http], severity: warning}]\n", true},
		{"version: 1\nrules: [{name: r, packages: ./a, forbid: [net/http], severity: fatal}]\n", false},
		{"version: 1\nrules: [{name: r, packages: ./a}]\n", false},
		{"version: 1\nrules: [{name: r, packages: ./a, allow: []}]\n", true},
		{"version: 1\nrules: [{name: r, packages: ./a, forbid: []}]\n", false},
		{"version: 1\nrules: [{name: r, packages: [./**], forbid: std}]\n", false},
		{"version: 1\nrules: [{name: r, packages: /abs, forbid: std}]\n", false},
		{"version: 1\ncycles: {}\n", true},
		{"version: 1\ncycles:\n", false},
		{"version: 1\ncycles: {depth: deep}\n", false},
		{"version: 1\nmetrics: {level: package}\n", false},
		{"version: 1\nmetrics: {max-distance: 0.5}\n", true},
		{"version: 1\nmetrics: {max-distance: 1.5}\n", false},
		{"version: 1\nmetrics: {level: layer, max-lines: 10}\n", false},
		{"version: 1\nlayers: {order: [{name: a, packages: ./a}]}\nmetrics: {level: layer, max-lines: 10}\n", true},
		{"version: 1\nlayers: {order: [{name: a, packages: ./a}]}\n", false},
		{"version: 1\nexceptions: [{from: ./a, to: ./b, why: later, until: 2027-03-01}]\n", true},
		{"version: 1\nexceptions: [{from: ./a, to: ./b, until: 2027-03-01}]\n", false},
		{"version: 1\nexceptions: [{from: ./a, to: ./b, why: later, until: 2027-3-1}]\n", false},
		{"version: 1\nbaseline: ci/baseline.json\n", true},
		{"version: 1\nbaseline: archie.yaml\n", false},
		{"version: 1\ntests: true\nmains: {services: ./cmd/cron}\nservices: [{name: web, packages: ./cmd/app, run: web}]\n", true},
	} {
		v, err := yamlToJSON([]byte(tc.yaml))
		if err != nil {
			t.Fatalf("%q: %v", tc.yaml, err)
		}
		err = s.Validate(v)
		if (err == nil) != tc.ok {
			t.Errorf("schema on %q: %v, want ok %v", tc.yaml, err, tc.ok)
		}
		_, parseErr := rules.ParseConfig("archie.yaml", []byte(tc.yaml))
		if tc.ok && parseErr != nil {
			t.Errorf("ParseConfig(%q): %v, and the schema accepts it", tc.yaml, parseErr)
		}
	}
}
