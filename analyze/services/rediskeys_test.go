package services

import "testing"

func TestKeyPattern(t *testing.T) {
	tests := []struct {
		text string
		want string // "" for no name
	}{
		{"config", "config"},
		{"session:…", "session:*"},
		{"mfst|…|…|1.8.3.gz", "mfst|*"},
		{"shop:carts:…-…", "shop:carts:*"},
		{"revoked-token|*", "revoked-token|*"},
		{"cluster|info|https://kubernetes.default.svc|1.8.3", "cluster|info|https://kubernetes.default.svc|1.8.3"},
		// An empty part is a value found only as its fallback, "".
		{"userinfo_response_", "userinfo_response_*"},
		{"access_token_.gz", "access_token_*"},
		{"oidc_token__.gz", "oidc_token_*"},
		{"a||b", "a|*"},
		// A number one caller gives is an ID like what follows it.
		{"manager:peers:1-…", "manager:peers:*"},
		{"cache:user_…", "cache:user_*"},
		{"v1…", "v1*"},
		// No known start a reader would recognize.
		{"…", ""},
		{"…:orders", ""},
		{"k…", ""},
		{"12:…", ""},
		{"${KEY_PREFIX}orders:…", ""},
		{"cache:quota:project:ArtifactID-…, Repository-…", ""},
		{"cache:quota:project:the sbom is not found", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got, ok := keyPattern(value{text: tt.text})
		if !ok {
			got = ""
		}
		if got != tt.want {
			t.Errorf("keyPattern(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
	if _, ok := keyPattern(value{text: "orders,payments", list: true}); ok {
		t.Error("a list is no key")
	}
}

func TestKeyedCommand(t *testing.T) {
	for cmd, want := range map[string]bool{"SET": true, "hget": true, "Del": true, "PUBLISH": false, "xadd": false, "EVAL": false, "MSET": false, "sentinel": false, "": false} {
		if got := keyedCommand([]value{{text: cmd}}); got != want {
			t.Errorf("keyedCommand(%q) = %v, want %v", cmd, got, want)
		}
	}
	if keyedCommand([]value{{text: "…"}}) {
		t.Error("a command not known is not keyed")
	}
}

func TestCovered(t *testing.T) {
	patterns := []string{"cache:*", "cache:cfgs", "cluster|info|*", "cluster|info|https://kubernetes.default.svc", "cache:quota:project:*", "cache:quota:project:{}", "session:*", "session:admin"}
	want := map[string]bool{"cluster|info|https://kubernetes.default.svc": true, "cache:quota:project:{}": true}
	for _, p := range patterns {
		if got := covered(p, patterns); got != want[p] {
			t.Errorf("covered(%q) = %v, want %v", p, got, want[p])
		}
	}
}
