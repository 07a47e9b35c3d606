package rules

import (
	"path"
	"strings"
	"testing"

	"github.com/archie-dev/archie/analyze"
)

// monolith builds a graph of module example.com/m as graph does, with a
// file for each package (not on disk: hand-written code) and its name from
// its folder, main under cmd/.
func monolith(t *testing.T, lines ...string) *analyze.Graph {
	t.Helper()
	g := graph(t, lines...)
	for _, p := range g.Packages {
		rel := strings.TrimPrefix(p.Path, "example.com/m/")
		p.Name = path.Base(rel)
		if strings.HasPrefix(rel, "cmd/") {
			p.Name = "main"
		}
		p.GoFiles = []string{"/m/" + rel + "/" + p.Name + ".go"}
	}
	return g
}

// hub is a module where a imports b, c, d, e, f and model, and six
// packages and a main import a: a is imported by 7 of its 13 other
// packages and imports 6 of them (instability 6/13 within the module).
var hub = []string{
	"a -> b c d e f model",
	"b -> model", "c -> model", "d -> model", "e -> model", "f -> model",
	"u1 -> a model", "u2 -> a model", "u3 -> a model", "u4 -> a model", "u5 -> a model", "u6 -> a model",
	"cmd/m -> a u1",
	"model",
}

func TestGodPackage(t *testing.T) {
	tests := []struct {
		name   string
		smells string
		lines  []string
		want   []string
	}{
		{
			name:   "a package most import that imports much of the module",
			smells: "  god-package: warning",
			lines:  hub,
			want:   []string{"god-package warning example.com/m/a-> package example.com/m/a"},
		},
		{
			name:   "a share of importers not above fan-in",
			smells: "  god-package: {fan-in: 0.6}",
			lines:  hub,
		},
		{
			name:   "an instability not above the threshold",
			smells: "  god-package: {instability: 0.5}",
			lines:  hub,
		},
		{
			name:   "severity and thresholds",
			smells: "  god-package: {severity: error, fan-in: 0.53, instability: 0.45}",
			lines:  hub,
			want:   []string{"god-package error example.com/m/a-> package example.com/m/a"},
		},
		{
			name:   "instability is that of the module: libraries do not count",
			smells: "  god-package: warning",
			lines: []string{
				"config -> github.com/x/yaml github.com/x/env github.com/x/dotenv github.com/x/a github.com/x/b github.com/x/c github.com/x/d github.com/x/e",
				"u1 -> config", "u2 -> config", "u3 -> config", "u4 -> config", "u5 -> config", "u6 -> config",
			},
		},
		{
			name:   "a stable core everyone imports is no god package",
			smells: "  god-package: warning",
			lines: []string{
				"model",
				"u1 -> model", "u2 -> model", "u3 -> model", "u4 -> model", "u5 -> model", "u6 -> model",
			},
		},
		{
			name:   "fewer than min-dependents importers",
			smells: "  god-package: {min-dependents: 8}",
			lines:  hub,
		},
		{
			name:   "test helpers are neither reported nor counted",
			smells: "  god-package: warning",
			lines: []string{
				"apptest -> b c d e f model",
				"b -> model", "c -> model", "d -> model", "e -> model", "f -> model",
				"u1 -> apptest", "u2 -> apptest", "u3 -> apptest", "u4 -> apptest", "u5 -> apptest", "u6 -> apptest",
				"model",
			},
		},
		{
			name:   "off",
			smells: "  god-package: off",
			lines:  hub,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			vs := check(t, "version: 1\nsmells:\n"+tt.smells, monolith(t, tt.lines...))
			got := smellLines(vs)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestGodPackageMessage(t *testing.T) {
	vs := check(t, "version: 1\nsmells:\n  god-package: warning\n", monolith(t, hub...))
	if len(vs) != 1 {
		t.Fatalf("got %d violations, want 1", len(vs))
	}
	v := vs[0]
	want := "a is imported by 7 of the 13 other packages of example.com/m (54%, more than fan-in 0.5) and imports 6 of them: instability 0.46 within the module, above 0.25 (archie metrics: Ca 7, Ce 6, I 0.46)"
	if !strings.HasPrefix(v.Message, want) {
		t.Errorf("message = %q, want it to begin %q", v.Message, want)
	}
	// The file cannot be read: its first line.
	if v.Position.File != "a/a.go" || v.Position.Line != 1 {
		t.Errorf("position = %v, want a/a.go:1", v.Position)
	}
}

func TestGodPackageConfig(t *testing.T) {
	tests := []struct{ smells, err string }{
		{"  god-package: {fan-in: 1.5}", "archie.yaml:3:16: god-package.fan-in is 1.5; want a share above 0 and at most 1, such as 0.5"},
		{"  god-package: {instability: 1}", "archie.yaml:3:16: god-package.instability is 1; want an instability above 0 and below 1, such as 0.5"},
		{"  god-package: {min-dependents: -1}", "archie.yaml:3:16: god-package.min-dependents is -1; want 1 or more"},
		{"  god-package: {min-callers: 3}", "archie.yaml:3:16: min-callers and endpoints apply to god-service only"},
		{"  god-service: {instability: 0.5}", "archie.yaml:3:16: min-dependents and instability apply to god-package only"},
		{"  sync-chain: {fan-in: 0.5}", "archie.yaml:3:15: fan-in applies to god-service and god-package only"},
	}
	for _, tt := range tests {
		_, err := ParseConfig("archie.yaml", []byte("version: 1\nsmells:\n"+tt.smells))
		if err == nil || err.Error() != tt.err {
			t.Errorf("%s: err = %v, want %s", tt.smells, err, tt.err)
		}
	}
}
