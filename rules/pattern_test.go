package rules

import "testing"

func TestPatternMatch(t *testing.T) {
	local := func(rel string) pkgRef {
		return pkgRef{path: "example.com/shop/" + rel, rel: rel, local: true}
	}
	ext := func(path string) pkgRef { return pkgRef{path: path} }
	std := func(path string) pkgRef { return pkgRef{path: path, std: true} }
	tests := []struct {
		pattern string
		ref     pkgRef
		want    bool
	}{
		{"./internal/app", local("internal/app"), true},
		{"./internal/app", local("internal/app/sub"), false},
		{"./internal/app/...", local("internal/app"), true},
		{"./internal/app/...", local("internal/app/sub/deep"), true},
		{"./internal/app/...", local("internal/application"), false},
		{"./internal/*/domain/...", local("internal/billing/domain/money"), true},
		{"./internal/*/domain/...", local("internal/billing/x/domain"), false},
		{"./internal/svc-*", local("internal/svc-orders"), true},
		{"./...", local("."), true},
		{"./...", local("cmd/x"), true},
		{".", local("."), true},
		{"./internal/app", ext("example.com/shop/internal/app"), false},
		{"example.com/shop/internal/app", local("internal/app"), true},
		{"std", std("net/http"), true},
		{"std", ext("github.com/x/y"), false},
		{"net/http", std("net/http"), true},
		{"net/http", std("net/http/httptest"), false},
		{"net/...", std("net/http/httptest"), true},
		{"github.com/gin-gonic/gin/...", ext("github.com/gin-gonic/gin/binding"), true},
		{"github.com/gin-gonic/gin/...", ext("github.com/gin-gonic/ginx"), false},
	}
	for _, tt := range tests {
		p, err := ParsePattern(tt.pattern)
		if err != nil {
			t.Fatalf("ParsePattern(%q): %v", tt.pattern, err)
		}
		if got := p.match(tt.ref); got != tt.want {
			t.Errorf("%q.match(%+v) = %v, want %v", tt.pattern, tt.ref, got, tt.want)
		}
	}
}

func TestPatternSpecificity(t *testing.T) {
	// Each pattern must be strictly more specific than the one before it.
	order := []string{"./...", "./internal/...", "./internal/app/...", "./internal/app"}
	for i := 1; i < len(order); i++ {
		a, _ := ParsePattern(order[i-1])
		b, _ := ParsePattern(order[i])
		if a.specificity() >= b.specificity() {
			t.Errorf("specificity(%q) = %d, not below specificity(%q) = %d", order[i-1], a.specificity(), order[i], b.specificity())
		}
	}
}

func TestParsePatternErrors(t *testing.T) {
	for _, bad := range []string{"", "/abs/path", `.\win`, "./a/b...", "./[a"} {
		if _, err := ParsePattern(bad); err == nil {
			t.Errorf("ParsePattern(%q) succeeded, want an error", bad)
		}
	}
}
