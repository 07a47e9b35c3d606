package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/archie-dev/archie/analyze"
	"github.com/archie-dev/archie/rules"
	"github.com/archie-dev/archie/rules/archieimports"
	"golang.org/x/tools/go/analysis"
)

// TestGoVet builds archie-vet, runs go vet -vettool with it over fixture
// modules, and requires what archie check reports for their imports: a
// failing exit status and one line per violation, at the same file:line:col
// with the same message.
func TestGoVet(t *testing.T) {
	// Naming the analyzer here also links it into the test binary, so
	// that go test's cache knows the tool it builds has changed.
	if err := analysis.Validate([]*analysis.Analyzer{archieimports.Analyzer}); err != nil {
		t.Fatal(err)
	}
	if testing.Short() {
		t.Skip("builds archie-vet and runs go vet")
	}
	tool := filepath.Join(t.TempDir(), "archie-vet")
	build := exec.Command("go", "build", "-o", tool, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	for _, dir := range []string{"../../testdata/example", "../../rules/archieimports/testdata/shop"} {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			dir, err := analyze.RealDir(dir)
			if err != nil {
				t.Fatal(err)
			}
			want := checkImports(t, dir)
			if len(want) == 0 {
				t.Fatal("the fixture breaks no import rule: nothing to compare")
			}
			vet := exec.Command("go", "vet", "-vettool="+tool, "./...")
			vet.Dir = dir
			vet.Env = append(os.Environ(), "GOWORK=off", "GOTOOLCHAIN=local", "GOFLAGS=")
			out, err := vet.CombinedOutput()
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() == 0 {
				t.Fatalf("go vet: %v, want a failing exit status\n%s", err, out)
			}
			got := vetLines(dir, string(out))
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("go vet -vettool=archie-vet reports:\n%s\n\narchie check reports:\n%s\n\ngo vet's output:\n%s",
					strings.Join(got, "\n"), strings.Join(want, "\n"), out)
			}
		})
	}
}

// checkImports is what rules.Check finds on the whole module at the
// imports, as go vet lines.
func checkImports(t *testing.T, dir string) []string {
	t.Helper()
	cfg, err := rules.LoadConfig(filepath.Join(dir, "archie.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	g, err := analyze.Load(context.Background(), analyze.Options{Dir: dir, Tests: cfg.Tests, Env: append(os.Environ(), "GOWORK=off")})
	if err != nil {
		t.Fatal(err)
	}
	res, err := rules.Check(cfg, g, rules.Options{Complete: true})
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, v := range res.Violations {
		switch v.Kind {
		case "layer", "hexagonal", "context", "forbid":
		default:
			continue
		}
		if v.Chain != nil {
			continue // a transitive rule's: the whole graph's
		}
		rule := v.Rule
		if v.Severity == rules.SeverityWarning {
			rule += ", warning"
		}
		lines = append(lines, fmt.Sprintf("%s: %s [%s]", v.Position, v.Message, rule))
	}
	sort.Strings(lines)
	return lines
}

var vetLine = regexp.MustCompile(`^(\S+\.go):(\d+):(\d+): (.*)$`)

// vetLines are go vet's diagnostics with files relative to dir, sorted.
func vetLines(dir, out string) []string {
	var lines []string
	for _, l := range strings.Split(out, "\n") {
		m := vetLine.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		file := m[1]
		if filepath.IsAbs(file) {
			if rel, err := filepath.Rel(dir, file); err == nil {
				file = rel
			}
		}
		lines = append(lines, fmt.Sprintf("%s:%s:%s: %s", filepath.ToSlash(filepath.Clean(file)), m[2], m[3], m[4]))
	}
	sort.Strings(lines)
	return lines
}
