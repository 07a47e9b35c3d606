package helm

import (
	"flag"
	"fmt"
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
// chart in a ConfigMap, a disabled template left empty, a subchart
// with its own values under its parent's and the globals, NOTES.txt and
// partials not written, and a dependency that is not here said so.
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
	}{
		{"include itself", `{{ define "x" }}{{ include "x" . }}{{ end }}kind: {{ include "x" . }}`, "nests more than"},
		{"tpl itself", `{{ define "x" }}{{ tpl "{{ include \"x\" . }}" . }}{{ end }}kind: {{ include "x" . }}`, "nests more than"},
		{"a huge list", `{{ range until 100000000 }}x{{ end }}`, "larger than archie reads"},
		{"a huge string", `{{ repeat 100000000 "abc" }}`, "larger than archie reads"},
		{"a huge output", `{{ range until 10000 }}{{ range until 10000 }}xxxxxxxxxx{{ end }}{{ end }}`, "larger than archie reads"},
		{"a value required", `name: {{ required "set .Values.name" .Values.name }}`, "set .Values.name"},
		{"the environment", `home: {{ env "HOME" }}`, `function "env" not defined`},
		{"a DNS lookup", `ip: {{ getHostByName "example.com" }}`, `function "getHostByName" not defined`},
		{"fail", `{{ fail "no" }}`, "no"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := &Chart{Dir: "/c", Meta: Meta{Name: "c"}, Values: map[string]any{},
				templates: []file{{name: "templates/bad.yaml", path: "/c/templates/bad.yaml", text: tt.tmpl},
					{name: "templates/good.yaml", path: "/c/templates/good.yaml", text: "kind: ConfigMap\n"}}}
			ms, errs := Render(c, Release{Name: "r"}, time.Minute)
			if len(errs) != 1 || !strings.Contains(errs[0].Error(), tt.wantErr) || !strings.Contains(errs[0].Error(), "/c/templates/bad.yaml") {
				t.Errorf("errors = %v, want one naming bad.yaml with %q", errs, tt.wantErr)
			}
			if len(ms) != 1 || ms[0].Template != "/c/templates/good.yaml" || len(ms[0].Text) == 0 {
				t.Errorf("rendered %d manifests, want good.yaml's alone", len(ms))
			}
		})
	}
}

// TestLoadLoop: charts that depend on each other by path end, the
// dependency that closes the loop left out, and one outside the
// repository is left out too.
func TestLoadLoop(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"a/Chart.yaml": "name: a\ndependencies:\n  - name: b\n    repository: file://../b\n",
		"b/Chart.yaml": "name: b\ndependencies:\n  - name: a\n    repository: file://../a\n  - name: out\n    repository: file://../../../outside\n",
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
	c, err := Load(filepath.Join(dir, "a"), inside)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Subcharts) != 1 {
		t.Fatalf("a has %d subcharts, want b", len(c.Subcharts))
	}
	if !slices.Equal(c.Subcharts[0].Missing, []string{"a", "out"}) {
		t.Errorf("b's missing = %v, want a and out", c.Subcharts[0].Missing)
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
