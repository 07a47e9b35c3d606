package analyze

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestFindModules(t *testing.T) {
	ws, err := RealDir("../testdata/fixtures/workspace")
	if err != nil {
		t.Fatal(err)
	}
	paths := func(ms []*Module) string {
		var s []string
		for _, m := range ms {
			s = append(s, m.Path+"="+m.Dir)
		}
		return strings.Join(s, " ")
	}
	billing := "example.com/billing=" + filepath.Join(ws, "billing")
	for _, tc := range []struct {
		dir, gowork string
		own, all    string
	}{
		{"billing/api", "", billing, billing + " example.com/libs=" + filepath.Join(ws, "libs") + " example.com/orders=" + filepath.Join(ws, "orders")},
		{"billing/api", "off", billing, billing},
		{"billing", filepath.Join(ws, "none.work"), "", ""}, // a GOWORK that is not there
	} {
		own, all, err := FindModules(filepath.Join(ws, tc.dir), tc.gowork)
		if tc.own == "" {
			if err == nil {
				t.Errorf("FindModules(%s, GOWORK=%s) = %s, want an error", tc.dir, tc.gowork, paths(all))
			}
			continue
		}
		if err != nil {
			t.Errorf("FindModules(%s, GOWORK=%s): %v", tc.dir, tc.gowork, err)
			continue
		}
		if got := paths([]*Module{own}); got != tc.own {
			t.Errorf("FindModules(%s, GOWORK=%s) own = %s, want %s", tc.dir, tc.gowork, got, tc.own)
		}
		if got := paths(all); got != tc.all {
			t.Errorf("FindModules(%s, GOWORK=%s) all = %s, want %s", tc.dir, tc.gowork, got, tc.all)
		}
	}
}
