package rules_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/archie-dev/archie/analyze"
	"github.com/archie-dev/archie/rules"
)

// fixtureNow is the day the fixtures' exceptions are judged against.
var fixtureNow = time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)

// TestFixtures checks every module under testdata/fixtures against its
// archie.yaml. Expectations sit next to the code they are about: a
// `// want "regexp"` comment on an import line (or `# want` in archie.yaml)
// expects one violation at that line whose message matches; every
// violation must be expected.
func TestFixtures(t *testing.T) {
	dirs, err := filepath.Glob("../testdata/fixtures/*")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			t.Parallel()
			res, g := checkFixture(t, dir)
			wants := readWants(t, dir)
			for _, v := range res.Violations {
				key := fmt.Sprintf("%s:%d", v.Position.File, v.Position.Line)
				matched := false
				for i, w := range wants[key] {
					if w != nil && w.MatchString(v.Message) {
						wants[key][i] = nil
						matched = true
						break
					}
				}
				if !matched {
					t.Errorf("%s: unexpected %s violation: %s", v.Position, v.Kind, v.Message)
				}
			}
			for key, ws := range wants {
				for _, w := range ws {
					if w != nil {
						t.Errorf("%s: no violation matching %q", key, w)
					}
				}
			}
			if filepath.Base(dir) != "broken" && len(g.Errors) > 0 {
				t.Errorf("load errors in a fixture meant to load: %v", g.Errors)
			}
		})
	}
}

func checkFixture(t *testing.T, dir string) (*rules.Result, *analyze.Graph) {
	t.Helper()
	cfg, err := rules.LoadConfig(filepath.Join(dir, "archie.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	g, err := analyze.Load(context.Background(), analyze.Options{Dir: dir, Tests: cfg.Tests})
	if err != nil {
		t.Fatal(err)
	}
	res, err := rules.Check(cfg, g, rules.Options{Now: fixtureNow, Complete: true})
	if err != nil {
		t.Fatal(err)
	}
	return res, g
}

var wantRE = regexp.MustCompile(`(?://|#)\s*want\s+(".*)$`)

// readWants collects the want comments of a fixture by file:line.
func readWants(t *testing.T, dir string) map[string][]*regexp.Regexp {
	t.Helper()
	wants := make(map[string][]*regexp.Regexp)
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(path, ".go") || strings.HasSuffix(path, ".yaml")) {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		rel, _ := filepath.Rel(dir, path)
		sc := bufio.NewScanner(f)
		for line := 1; sc.Scan(); line++ {
			m := wantRE.FindStringSubmatch(sc.Text())
			if m == nil {
				continue
			}
			for rest := strings.TrimSpace(m[1]); rest != ""; rest = strings.TrimSpace(rest) {
				q, err := strconv.QuotedPrefix(rest)
				if err != nil {
					t.Fatalf("%s:%d: bad want comment: %v", rel, line, err)
				}
				rest = rest[len(q):]
				s, _ := strconv.Unquote(q)
				key := fmt.Sprintf("%s:%d", filepath.ToSlash(rel), line)
				wants[key] = append(wants[key], regexp.MustCompile(s))
			}
		}
		return sc.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	return wants
}

// TestBrokenFixtureReportsLoadError makes sure a file that does not parse
// is reported with its position, not skipped.
func TestBrokenFixtureReportsLoadError(t *testing.T) {
	_, g := checkFixture(t, "../testdata/fixtures/broken")
	found := false
	for _, e := range g.Errors {
		if strings.HasSuffix(e.Pos.Filename, "broken.go") && e.Pos.Line == 5 {
			found = true
		}
	}
	if !found {
		t.Errorf("load errors = %v, want one at broken.go:5", g.Errors)
	}
}
