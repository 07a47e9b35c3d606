package rules_test

import (
	"fmt"
	"path/filepath"
	"sort"
	"testing"

	"github.com/archie-dev/archie/analyze"
	"github.com/archie-dev/archie/rules"
)

// importKinds are the kinds of violation that CheckImports judges.
var importKinds = map[string]bool{"layer": true, "hexagonal": true, "context": true, "forbid": true}

// TestCheckImportsAgreesWithCheck judges every package of every fixture
// module on its own, in a graph holding only that package and its modules
// as go vet sees it, and requires the import violations Check finds on
// the whole graph: the same kind, rule, ends, position and message.
func TestCheckImportsAgreesWithCheck(t *testing.T) {
	dirs, err := filepath.Glob("../testdata/fixtures/*")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	dirs = append(dirs, "../testdata/example")
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			t.Parallel()
			res, g := checkFixture(t, dir)
			cfg, err := rules.LoadConfig(filepath.Join(dir, "archie.yaml"))
			if err != nil {
				t.Fatal(err)
			}
			var want, got []string
			for _, v := range res.Violations {
				if importKinds[v.Kind] && v.Chain == nil {
					want = append(want, violationKey(v))
				}
			}
			for _, p := range g.Packages {
				one := *p
				mini := analyze.NewGraph(g.Modules, []*analyze.Package{&one})
				vs, err := rules.CheckImports(cfg, mini, p.Path, rules.Options{Now: fixtureNow})
				if err != nil {
					t.Fatalf("CheckImports(%s): %v", p.Path, err)
				}
				for _, v := range vs {
					if !importKinds[v.Kind] {
						t.Errorf("CheckImports(%s) gave a %s violation: %s", p.Path, v.Kind, v.Message)
					}
					got = append(got, violationKey(v))
				}
			}
			sort.Strings(want)
			sort.Strings(got)
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("CheckImports per package:\n%q\nCheck on the whole graph:\n%q", got, want)
			}
			t.Logf("%d import violations", len(want))
		})
	}
}

func violationKey(v rules.Violation) string {
	return fmt.Sprintf("%s %s: %s %s -> %s: %s [%s]", v.Position, v.Severity, v.Kind, v.From, v.To, v.Message, v.Rule)
}
