package rules

import (
	"reflect"
	"strings"
	"testing"
)

func TestBaselineApply(t *testing.T) {
	v := func(rule, from, to, file string) Violation {
		return Violation{Rule: rule, Kind: "forbid", Severity: SeverityError, From: from, To: to, Position: Position{File: file, Line: 3}}
	}
	accepted := []Violation{v("r", "a", "b", "a/x.go"), v("r", "a", "b", "a/y.go"), v("r", "a", "c", "a/x.go"), v("s", "a", "b", "a/x.go")}
	b := NewBaseline(accepted)
	if got := len(b.Entries); got != 3 {
		t.Fatalf("NewBaseline: %d entries, want 3 (one per key)", got)
	}
	if e := b.Entries[0]; e.Count != 2 || !reflect.DeepEqual(e.Files, []string{"a/x.go", "a/y.go"}) {
		t.Errorf("entry r a→b = %+v, want count 2 in a/x.go and a/y.go", e)
	}

	tests := []struct {
		name     string
		now      []Violation
		baseline []bool // per violation of now
		fixed    []string
	}{
		{"same", accepted, []bool{true, true, true, true}, nil},
		{"moved lines", []Violation{v("r", "a", "b", "a/y.go"), v("r", "a", "b", "a/x.go"), v("r", "a", "c", "a/x.go"), v("s", "a", "b", "a/x.go")}, []bool{true, true, true, true}, nil},
		{"one more, in a new file", append([]Violation{v("r", "a", "b", "a/new.go")}, accepted...), []bool{false, true, true, true, true}, nil},
		{"one gone", accepted[1:], []bool{true, true, true}, []string{"r forbid a → b ×1"}},
		{"moved to another file", []Violation{v("r", "a", "c", "a/z.go")}, []bool{true}, []string{"r forbid a → b ×2", "s forbid a → b ×1"}},
		{"another severity is the same key", []Violation{{Rule: "s", Kind: "forbid", Severity: SeverityWarning, From: "a", To: "b"}}, []bool{true}, []string{"r forbid a → b ×2", "r forbid a → c ×1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &Result{Violations: append([]Violation(nil), tt.now...)}
			b.Apply(r)
			for i, v := range r.Violations {
				if v.Baselined != tt.baseline[i] {
					t.Errorf("violation %d (%s) baselined = %v, want %v", i, v.Position.File, v.Baselined, tt.baseline[i])
				}
			}
			var fixed []string
			for _, e := range r.Fixed {
				fixed = append(fixed, e.String()+" ×"+string(rune('0'+e.Count)))
			}
			if !reflect.DeepEqual(fixed, tt.fixed) {
				t.Errorf("fixed = %q, want %q", fixed, tt.fixed)
			}
		})
	}
}

func TestBaselineRoundTrip(t *testing.T) {
	b := NewBaseline([]Violation{
		{Rule: "shared-database", Kind: "shared-database", From: "orders", To: "payments", Resource: "table orders", Position: Position{File: "a.go"}},
		{Rule: "layers", Kind: "layer", From: "m/domain", To: "m/app"},
	})
	data := b.Marshal()
	if n := strings.Count(string(data), "\n"); n != 7 {
		t.Errorf("Marshal wrote %d lines, want one per entry (7 in all):\n%s", n, data)
	}
	got, err := ReadBaseline("b.json", data)
	if err != nil {
		t.Fatalf("ReadBaseline(Marshal()): %v", err)
	}
	for i := range got.Entries {
		got.Entries[i].Line = 0
	}
	if !reflect.DeepEqual(got.Entries, b.Entries) {
		t.Errorf("round trip = %+v, want %+v", got.Entries, b.Entries)
	}
	empty, err := ReadBaseline("b.json", NewBaseline(nil).Marshal())
	if err != nil || len(empty.Entries) != 0 {
		t.Errorf("empty baseline round trip = %+v, %v", empty, err)
	}
}

func TestReadBaselineErrors(t *testing.T) {
	const head = "{\n  \"schema\": \"archie.baseline/v1\",\n  \"violations\": [\n"
	tests := []struct{ name, data, want string }{
		{"empty", "", "b.json: the baseline is empty"},
		{"not json", "hello", "b.json:1:1: not valid JSON"},
		{"another file", `{"name": "x"}`, `b.json:1:1: not an archie baseline: unknown field "name"`},
		{"wrong schema", `{"schema": "archie.check/v1", "violations": []}`, `b.json:1:1: schema is "archie.check/v1"`},
		{"no rule", head + `    {"kind": "layer", "count": 1}` + "\n]}", "b.json:4:5: an entry needs a rule and a kind"},
		{"zero count", head + `    {"rule": "r", "kind": "layer", "count": 0}` + "\n]}", "b.json:4:5: count is 0"},
		{"unknown field", head + `    {"rule": "r", "kind": "layer", "count": 1, "line": 3}` + "\n]}", `b.json:4:5: bad entry: unknown field "line"`},
		{"twice", head + `    {"rule": "r", "kind": "layer", "count": 1},` + "\n" + `    {"rule": "r", "kind": "layer", "count": 2}` + "\n]}", "b.json:5:5: the same violation as line 4"},
		{"trailing", `{"schema": "archie.baseline/v1", "violations": []} {}`, "text after the baseline"},
		{"count as text", head + `    {"rule": "r", "kind": "layer", "count": "1"}` + "\n]}", "b.json:4:5: bad entry"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadBaseline("b.json", []byte(tt.data))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("ReadBaseline(%q) = %v, want an error containing %q", tt.data, err, tt.want)
			}
		})
	}
}
