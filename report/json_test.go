package report

import (
	"bytes"
	"encoding/json"
	"testing"
)

// TestJSONComplete: summary.complete says whether the check saw all the
// code; load_errors says what it could not see.
func TestJSONComplete(t *testing.T) {
	for _, tt := range []struct {
		c    *Check
		want bool
	}{
		{&Check{Result: sampleResult(), Dir: "/m"}, true},
		{incompleteCheck(), false},
	} {
		var b bytes.Buffer
		if err := JSON(&b, tt.c); err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Summary    map[string]any `json:"summary"`
			LoadErrors []any          `json:"load_errors"`
		}
		if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		if got, ok := doc.Summary["complete"].(bool); !ok || got != tt.want {
			t.Errorf("summary.complete = %v with %d load errors, want %v", doc.Summary["complete"], len(tt.c.LoadErrors), tt.want)
		}
		if len(doc.LoadErrors) != len(tt.c.LoadErrors) {
			t.Errorf("%d load_errors, want %d", len(doc.LoadErrors), len(tt.c.LoadErrors))
		}
	}
}
