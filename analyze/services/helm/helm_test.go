package helm

import (
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func readFile(path string) ([]byte, bool) {
	data, err := os.ReadFile(path)
	return data, err == nil
}

// TestRenderShop renders a chart as helm template does: helpers
// included, values ranged over and passed through tpl, a file of the
// chart in a ConfigMap, a template its values turn off (payments: no, as
// YAML 1.1 reads it) left empty, a subchart with its own values under
// its parent's and the globals, the parent seeing the subchart's
// defaults, the parent's define winning over a subchart's, a subchart
// off by its own default (audit) or by a tag (search, found by the name
// in its Chart.yaml, not its folder), a library chart's templates only
// included, NOTES.txt and partials not written, and a dependency that
// is not here said so.
func TestRenderShop(t *testing.T) {
	c, err := Load("testdata/shop", readFile)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(c.Missing, []string{"redis"}) {
		t.Errorf("Missing = %v, want [redis]", c.Missing)
	}
	ms, errs := Render(c, Release{Name: "shop", Namespace: "default"}, time.Minute)
	for _, err := range errs {
		t.Error(err)
	}
	var b strings.Builder
	for _, m := range ms {
		if len(m.Text) == 0 {
			fmt.Fprintf(&b, "# Source: %s (nothing)\n", filepath.ToSlash(m.Template))
			continue
		}
		fmt.Fprintf(&b, "# Source: %s\n%s\n", filepath.ToSlash(m.Template), m.Text)
	}
	golden := "testdata/shop.golden"
	if *update {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if b.String() != string(want) {
		t.Errorf("rendered:\n%s\nwant:\n%s", b.String(), want)
	}
}

// TestRenderHostile: a chart cannot make archie loop, recurse without
// end or fill its memory, and a template that fails is left out with
// its file named while the others render.
func TestRenderHostile(t *testing.T) {
	for _, tt := range []struct {
		name, tmpl, wantErr string
		stopsAll            bool // a value holding itself stops the templates after it
	}{
		{"include itself", `{{ define "x" }}{{ include "x" . }}{{ end }}kind: {{ include "x" . }}`, "nests more than", false},
		{"tpl itself", `{{ define "x" }}{{ tpl "{{ include \"x\" . }}" . }}{{ end }}kind: {{ include "x" . }}`, "nests more than", false},
		{"a huge list", `{{ range until 100000000 }}x{{ end }}`, "larger than archie reads", false},
		{"a huge string", `{{ repeat 100000000 "abc" }}`, "larger than archie reads", false},
		{"a huge output", `{{ range until 10000 }}{{ range until 10000 }}xxxxxxxxxx{{ end }}{{ end }}`, "larger than archie reads", false},
		{"a value required", `name: {{ required "set .Values.name" .Values.name }}`, "set .Values.name", false},
		{"the environment", `home: {{ env "HOME" }}`, `function "env" not defined`, false},
		{"a DNS lookup", `ip: {{ getHostByName "example.com" }}`, `function "getHostByName" not defined`, false},
		{"fail", `{{ fail "no" }}`, "no", false},
		{"a string doubled", `{{ $s := "xxxxxxxx" }}{{ range until 30 }}{{ $s = cat $s $s }}{{ end }}`, "larger than archie reads", false},
		{"a map holding itself", `{{ $m := dict }}{{ $_ := set $m "self" $m }}{{ toYaml $m }}`, "holds itself", true},
		{"a map holding itself in a list", `{{ $m := dict }}{{ $_ := set $m "l" (list $m) }}{{ $m }}`, "holds itself", true},
		{"a map merged into itself", `{{ $m := dict "a" 1 }}{{ $_ := mergeOverwrite $m (dict "b" $m) }}{{ $m }}`, "holds itself", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := &Chart{Dir: "/c", Meta: Meta{Name: "c"}, Values: map[string]any{},
				templates: []file{{name: "templates/bad.yaml", path: "/c/templates/bad.yaml", text: tt.tmpl},
					{name: "templates/good.yaml", path: "/c/templates/good.yaml", text: "kind: ConfigMap\n"}}}
			ms, errs := Render(c, Release{Name: "r"}, time.Minute)
			if tt.stopsAll {
				if len(ms) != 0 || len(errs) != 2 || !strings.Contains(errs[0].Error(), tt.wantErr) {
					t.Errorf("Render = %d manifests, %v; want none, and the first error with %q", len(ms), errs, tt.wantErr)
				}
				return
			}
			if len(errs) != 1 || !strings.Contains(errs[0].Error(), tt.wantErr) || !strings.Contains(errs[0].Error(), "/c/templates/bad.yaml") {
				t.Errorf("errors = %v, want one naming bad.yaml with %q", errs, tt.wantErr)
			}
			if len(ms) != 1 || ms[0].Template != "/c/templates/good.yaml" || len(ms[0].Text) == 0 {
				t.Errorf("rendered %d manifests, want good.yaml's alone", len(ms))
			}
		})
	}
}

// TestLoadLoop: charts that depend on each other in a loop are an
// error, not a loop; a dependency outside the repository is missing.
func TestLoadLoop(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"a/Chart.yaml": "name: a\ndependencies:\n  - name: b\n    repository: file://../b\n",
		"b/Chart.yaml": "name: b\ndependencies:\n  - name: a\n    repository: file://../a\n",
		"c/Chart.yaml": "name: c\ndependencies:\n  - name: out\n    repository: file://../../../outside\n",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(text), 0o644)
	}
	inside := func(p string) ([]byte, bool) {
		if !strings.HasPrefix(p, dir) {
			return nil, false
		}
		return readFile(p)
	}
	if _, err := Load(filepath.Join(dir, "a"), inside); err == nil || !strings.Contains(err.Error(), "loop") {
		t.Errorf("Load(a) = %v, want an error about a loop", err)
	}
	c, err := Load(filepath.Join(dir, "c"), inside)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(c.Missing, []string{"out"}) {
		t.Errorf("c's missing = %v, want [out]", c.Missing)
	}
}

// TestLoadFanout: a chart that uses one chart many times, at many levels,
// is refused once it brings more than maxCharts, and quickly.
func TestLoadFanout(t *testing.T) {
	dir := t.TempDir()
	for i := range 6 {
		var deps strings.Builder
		for j := range 8 {
			fmt.Fprintf(&deps, "  - name: c%d\n    alias: a%d\n    repository: file://../c%d\n", i+1, j, i+1)
		}
		p := filepath.Join(dir, fmt.Sprintf("c%d", i), "Chart.yaml")
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(fmt.Sprintf("name: c%d\ndependencies:\n%s", i, deps.String())), 0o644)
	}
	p := filepath.Join(dir, "c6", "Chart.yaml")
	os.MkdirAll(filepath.Dir(p), 0o755)
	os.WriteFile(p, []byte("name: c6\n"), 0o644)
	if _, err := Load(filepath.Join(dir, "c0"), readFile); err == nil || !strings.Contains(err.Error(), "more than") {
		t.Errorf("Load = %v, want an error about too many charts", err)
	}
}

// TestLineMap: each rendered line is the template's line of the same
// text, else the line of the action that wrote it.
func TestLineMap(t *testing.T) {
	tmpl := "kind: Deployment\nmetadata:\n  name: {{ .name }}\nenv:\n  {{- range .env }}\n  - name: {{ . }}\n  {{- end }}\nend: true\n"
	out := "kind: Deployment\nmetadata:\n  name: orders\nenv:\n  - name: A\n  - name: B\nend: true\n"
	want := []int{1, 2, 3, 4, 5, 5, 8, 9}
	if got := lineMap(tmpl, out); !slices.Equal(got, want) {
		t.Errorf("lineMap = %v, want %v", got, want)
	}
}

// TestRenderTimeout: a chart whose loops call no function is given up on
// at its timeout, with an error that names its Chart.yaml.
func TestRenderTimeout(t *testing.T) {
	c := &Chart{Dir: "/c", Meta: Meta{Name: "c"}, Values: map[string]any{"l": []any{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}},
		templates: []file{{name: "templates/slow.yaml", path: "/c/templates/slow.yaml",
			text: strings.Repeat("{{ range $.Values.l }}", 12) + strings.Repeat("{{ end }}", 12)}}}
	start := time.Now()
	ms, errs := Render(c, Release{Name: "r"}, 100*time.Millisecond)
	if len(ms) != 0 || len(errs) != 1 || errs[0].Template != filepath.FromSlash("/c/Chart.yaml") || !strings.Contains(errs[0].Error(), "took longer") {
		t.Errorf("Render = %d manifests, %v; want none and one error naming /c/Chart.yaml", len(ms), errs)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("Render returned after %v", d)
	}
}

// TestRenderPoisonedValues: a template that makes the chart's values hold
// themselves stops every template after it, which printing them would
// not survive.
func TestRenderPoisonedValues(t *testing.T) {
	c := &Chart{Dir: "/c", Meta: Meta{Name: "c"}, Values: map[string]any{},
		templates: []file{{name: "templates/a.yaml", path: "/c/templates/a.yaml", text: `{{ $_ := set .Values "self" .Values }}`},
			{name: "templates/b.yaml", path: "/c/templates/b.yaml", text: "values: {{ .Values }}\n"}}}
	ms, errs := Render(c, Release{Name: "r"}, time.Minute)
	if len(ms) != 0 || len(errs) != 2 {
		t.Errorf("Render = %d manifests, %v; want none and two errors", len(ms), errs)
	}
}

// TestGlob: .Files.Glob as Helm's: * within a folder, ** across them.
func TestGlob(t *testing.T) {
	f := files{"conf/a.yaml": nil, "conf/sub/b.yaml": nil, "conf/c.json": nil, "other/d.yaml": nil}
	for _, tt := range []struct {
		pattern string
		want    []string
	}{
		{"conf/*.yaml", []string{"conf/a.yaml"}},
		{"conf/**", []string{"conf/a.yaml", "conf/c.json", "conf/sub/b.yaml"}},
		{"**.yaml", []string{"conf/a.yaml", "conf/sub/b.yaml", "other/d.yaml"}},
		{"conf/?.json", []string{"conf/c.json"}},
		{"conf/[a].yaml", nil}, // brackets are not classes here: no match, no panic
	} {
		if got := slices.Sorted(maps.Keys(f.Glob(tt.pattern))); !slices.Equal(got, tt.want) {
			t.Errorf("Glob(%q) = %v, want %v", tt.pattern, got, tt.want)
		}
	}
}

// A key written twice is its last value, as helm reads a values file.
func TestReadValuesDuplicateKeys(t *testing.T) {
	v, err := ReadValues([]byte("labels:\n  a: first\n  a: second\nports: [1]\nports: [2]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := v["labels"].(map[string]any)["a"]; got != "second" {
		t.Errorf("labels.a = %v, want second", got)
	}
	if got := v["ports"].([]any); len(got) != 1 || got[0] != 2 {
		t.Errorf("ports = %v, want [2]", got)
	}
}
