package services

import "testing"

func TestKeyPattern(t *testing.T) {
	tests := []struct {
		text string
		want string // the full pattern; "" for no name
	}{
		{"config", "config"},
		{"session:…", "session:*"},
		{"mfst|…|…|1.8.3.gz", "mfst|*|*|1.8.3.gz"},
		{"shop:carts:…-…", "shop:carts:*"},
		{"user:…:cart", "user:*:cart"},
		{"revoked-token|*", "revoked-token|*"},
		{"cluster|info|https://kubernetes.default.svc|1.8.3", "cluster|info|https://kubernetes.default.svc|1.8.3"},
		// An empty part is a value found only as its fallback, "".
		{"userinfo_response_", "userinfo_response_*"},
		{"access_token_.gz", "access_token_*"},
		{"oidc_token__.gz", "oidc_token_*"},
		{"a||b", "a|*"},
		// A number is an ID, whoever gives it.
		{"manager:peers:1-…", "manager:peers:*"},
		{"scheduler:scheduler-clusters:1:persistent-cache-tasks:…", "scheduler:scheduler-clusters:*:persistent-cache-tasks:*"},
		// A key known whole keeps its number: queue:1:jobs is not queue:2:jobs.
		{"cache:scan_all:execution_id:0:stopped", "cache:scan_all:execution_id:0:stopped"},
		{"orders|42", "orders|42"},
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
		_, got, ok := keyPattern(value{text: tt.text})
		if !ok {
			got = ""
		}
		if got != tt.want {
			t.Errorf("keyPattern(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
	for text, want := range map[string]string{"mfst|…|…|1.8.3.gz": "mfst|*", "user:…:cart": "user:*", "config": "config", "scheduler:clusters:1:tasks:…": "scheduler:clusters:*", "orders|42": "orders|*"} {
		if got, _, _ := keyPattern(value{text: text}); got != want {
			t.Errorf("keyPattern(%q) names %q, want %q", text, got, want)
		}
	}
	if _, _, ok := keyPattern(value{text: "orders,payments", list: true}); ok {
		t.Error("a list is no key")
	}
}

func TestKeyedCommand(t *testing.T) {
	for cmd, want := range map[string]bool{"SET": true, "hget": true, "Del": true, "PUBLISH": false, "xadd": false, "EVAL": false, "MSET": false, "sentinel": false, "BITOP": false, "FT.SEARCH": false, "": false} {
		if got := keyedCommand([]value{{text: cmd}}); got != want {
			t.Errorf("keyedCommand(%q) = %v, want %v", cmd, got, want)
		}
	}
	if keyedCommand([]value{{text: "…"}}) {
		t.Error("a command not known is not keyed")
	}
}

func TestCovered(t *testing.T) {
	patterns := []string{"cache:*", "cache:cfgs", "cluster|info|*", "cluster|info|https://kubernetes.default.svc|1.8", "cache:quota:project:*", "cache:quota:project:{}", "session:*", "session:admin"}
	want := map[string]bool{"cluster|info|https://kubernetes.default.svc|1.8": true, "cache:quota:project:{}": true}
	for _, p := range patterns {
		if got := covered(p, patterns); got != want[p] {
			t.Errorf("covered(%q) = %v, want %v", p, got, want[p])
		}
	}
}

func TestKeyCommandType(t *testing.T) {
	for key, want := range map[string]bool{
		"github.com/redis/go-redis.cmdable.Get":         true,
		"github.com/redis/go-redis.Pipeliner.HSet":      true,
		"github.com/go-redis/cache.Cache.Set":           true,
		"github.com/gomodule/redigo/redis.Conn.Do":      true,
		"github.com/gomodule/redigo/redis.DoContext":    true,
		"github.com/redis/go-redis.Script.Run":          true,
		"github.com/redis/go-redis.InfoCmd.Item":        false,
		"github.com/redis/go-redis.ScanIterator.Val":    false,
		"github.com/redis/go-redis.ClusterSlotsCmd.Val": false,
	} {
		if got := keyCommandType(key); got != want {
			t.Errorf("keyCommandType(%q) = %v, want %v", key, got, want)
		}
	}
}
