package rules

import (
	"fmt"
	"go/token"
	"slices"
	"strings"
	"testing"

	"github.com/archie-dev/archie/analyze/services"
)

// shop is a module of three contexts below internal, a library under pkg
// and a main wiring them.
var shop = []string{
	"cmd/shop -> internal/a internal/b internal/c",
	"internal/a -> internal/b pkg/log",
	"internal/a/store -> internal/a",
	"internal/b -> pkg/log",
	"internal/c -> internal/a",
	"pkg/log",
}

func TestExtractCandidates(t *testing.T) {
	g := monolith(t, shop...)
	cfg := &Config{Version: 1, Dir: "/m"}
	tests := []struct {
		pattern string
		want    string // name: packages; ...
	}{
		{"./internal/*", "internal/a: internal/a internal/a/store; internal/b: internal/b; internal/c: internal/c"},
		{"./internal/a/...", "internal/a: internal/a internal/a/store"},
		{"./internal/a", "internal/a: internal/a"},
		{"./internal/*/store", "internal/a: internal/a/store"},
		{"example.com/m/internal/b", "example.com/m/internal/b: internal/b"},
	}
	for _, tt := range tests {
		cands, err := ExtractCandidates(cfg, g, tt.pattern)
		if err != nil {
			t.Errorf("ExtractCandidates(%q): %v", tt.pattern, err)
			continue
		}
		var got []string
		for _, c := range cands {
			var ps []string
			for _, p := range c.Packages {
				ps = append(ps, strings.TrimPrefix(p, "example.com/m/"))
			}
			got = append(got, c.Name+": "+strings.Join(ps, " "))
		}
		if s := strings.Join(got, "; "); s != tt.want {
			t.Errorf("ExtractCandidates(%q) = %q, want %q", tt.pattern, s, tt.want)
		}
	}
	for _, bad := range []string{"./nothing/...", "std", "/abs"} {
		if _, err := ExtractCandidates(cfg, g, bad); err == nil {
			t.Errorf("ExtractCandidates(%q): no error", bad)
		}
	}
}

// calls makes n call sites from one package's function into another's.
func calls(from, to, callee string, n int) []services.SeamCall {
	var out []services.SeamCall
	for i := range n {
		out = append(out, services.SeamCall{From: "example.com/m/" + from, To: "example.com/m/" + to, Caller: "F", Callee: callee,
			Pos: token.Position{Filename: from + "/x.go", Line: i + 1, Column: 1}, Constructor: strings.HasPrefix(callee, "New")})
	}
	return out
}

func TestExtractVerdicts(t *testing.T) {
	g := monolith(t, shop...)
	cfg := &Config{Version: 1, Dir: "/m"}
	reached := []string{"example.com/m/cmd/shop", "example.com/m/internal/a", "example.com/m/internal/a/store", "example.com/m/internal/b", "example.com/m/internal/c", "example.com/m/pkg/log"}
	tests := []struct {
		name    string
		calls   [][]services.SeamCall
		touches []services.Touch
		want    string // verdict of internal/a
		reason  string // one of its reasons
	}{
		{"isolated", nil, nil, ExtractCheap, "no synchronous call back into the rest"},
		{"called only", [][]services.SeamCall{calls("internal/c", "internal/a", "A.Do", 3)}, nil, ExtractCheap, "the rest calls 1 function of it (3 call sites)"},
		{"library calls do not count", [][]services.SeamCall{calls("internal/a", "pkg/log", "Printf", 40)}, nil, ExtractCheap, "no synchronous call back"},
		{"constructors do not count", [][]services.SeamCall{calls("internal/a", "internal/b", "NewB", 40)}, nil, ExtractCheap, "no synchronous call back"},
		{"a few back", [][]services.SeamCall{calls("internal/a", "internal/b", "B.Get", 4)}, nil, ExtractModerate, "4 synchronous calls back into the rest across 1 function"},
		{"several back", [][]services.SeamCall{calls("internal/a", "internal/b", "B.Get", 3), calls("internal/a/store", "internal/b", "B.Put", 2)}, nil, ExtractCostly, "5 synchronous calls back into the rest across 2 functions"},
		{"distributed", [][]services.SeamCall{calls("internal/a", "internal/b", "B.Get", 15)}, nil, ExtractDistributed, "makes a distributed monolith (15 or more)"},
		{"transaction handed over", [][]services.SeamCall{func() []services.SeamCall {
			c := calls("internal/a", "internal/b", "B.ChargeTx", 1)
			c[0].Tx = true
			return c
		}()}, nil, ExtractCostly, "1 call across the cut hands over the caller's transaction"},
		{"shared table", nil, []services.Touch{
			{Package: "example.com/m/internal/a/store", Kind: "sql", Table: "orders", Access: "write"},
			{Package: "example.com/m/internal/b", Kind: "sql", Table: "orders", Access: "write"},
			{Package: "example.com/m/internal/b", Kind: "sql", Table: "stock", Access: "read"},
		}, ExtractCostly, "1 table shared with the rest (1 written by both sides)"},
		{"library's helper", nil, []services.Touch{
			{Package: "example.com/m/internal/a/store", Kind: "sql", Table: "orders"},
			{Package: "example.com/m/pkg/log", Kind: "postgres", Table: "orders"},
		}, ExtractCheap, "no synchronous call back"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			seams := &services.Seams{Mains: []string{"example.com/m/cmd/shop"}, Reached: reached, Touches: tt.touches}
			for _, c := range tt.calls {
				seams.Calls = append(seams.Calls, c...)
			}
			cands, err := ExtractCandidates(cfg, g, "./internal/*")
			if err != nil {
				t.Fatal(err)
			}
			es := Extract(cfg, g, seams, cands, ExtractOptions{})
			i := slices.IndexFunc(es, func(e *Extraction) bool { return e.Name == "internal/a" })
			e := es[i]
			if e.Verdict != tt.want {
				t.Errorf("verdict = %s, want %s (reasons %q)", e.Verdict, tt.want, e.Reasons)
			}
			if !slices.ContainsFunc(e.Reasons, func(r string) bool { return strings.Contains(r, tt.reason) }) {
				t.Errorf("reasons %q, want one with %q", e.Reasons, tt.reason)
			}
		})
	}
}

func TestExtractRanksAndUnreached(t *testing.T) {
	g := monolith(t, shop...)
	cfg := &Config{Version: 1, Dir: "/m"}
	seams := &services.Seams{
		Mains:   []string{"example.com/m/cmd/shop"},
		Reached: []string{"example.com/m/cmd/shop", "example.com/m/internal/a", "example.com/m/internal/b"},
		Calls:   slices.Concat(calls("internal/a", "internal/b", "B.Get", 2), calls("internal/b", "internal/a", "A.Do", 1)),
		Failed:  nil,
	}
	cands, _ := ExtractCandidates(cfg, g, "./internal/*")
	es := Extract(cfg, g, seams, cands, ExtractOptions{})
	var got []string
	for _, e := range es {
		got = append(got, fmt.Sprintf("%d %s %s", e.Rank, e.Name, e.Verdict))
	}
	want := "1 internal/b moderate; 2 internal/a moderate; 3 internal/c not-reached"
	if s := strings.Join(got, "; "); s != want {
		t.Errorf("ranking = %q, want %q", s, want)
	}
	seams.Failed = []string{"example.com/m/internal/c"}
	es = Extract(cfg, g, seams, cands, ExtractOptions{})
	if last := es[len(es)-1]; last.Name != "internal/c" || last.Verdict != ExtractNotChecked {
		t.Errorf("a candidate that did not type-check: %s %s, want internal/c %s", last.Name, last.Verdict, ExtractNotChecked)
	}
}
