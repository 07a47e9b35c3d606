package services

import (
	"slices"
	"strings"
	"testing"
)

func TestConfigPath(t *testing.T) {
	tests := []struct {
		dir, name, want string
		ok              bool
	}{
		{"/repo/app/order", "etc/order.yaml", "/repo/app/order/etc/order.yaml", true},
		{"/repo/app/order", "../common/etc/base.yaml", "/repo/app/common/etc/base.yaml", true},
		{"/repo/app/order", "/repo/etc/all.yaml", "/repo/etc/all.yaml", true},
		{"/repo/app/order", "/dev/zero", "/dev/zero", false},
		{"/repo/app/order", "/etc/order/config.yaml", "/etc/order/config.yaml", false},
		{"/repo/app/order", "../../../etc/passwd", "/etc/passwd", false},
		{"/repo/app/order", "../../../repository/x.yaml", "/repository/x.yaml", false},
	}
	for _, tc := range tests {
		got, ok := configPath("/repo", tc.dir, tc.name)
		if got != tc.want || ok != tc.ok {
			t.Errorf("configPath(%q, %q) = %q, %v; want %q, %v", tc.dir, tc.name, got, ok, tc.want, tc.ok)
		}
	}
}

func TestCamelWords(t *testing.T) {
	for name, want := range map[string]string{
		"Host":           "Host",
		"APIHost":        "API Host",
		"DBMaxIdleConns": "DB Max Idle Conns",
		"V2Host":         "V 2 Host",
		"S3Endpoint":     "S 3 Endpoint",
		"K8sAPI":         "K 8 s API",
		"AuthV1":         "Auth V 1",
		"ID":             "ID",
		"OAuth2URL":      "O Auth 2 URL",
	} {
		if got := strings.Join(camelWords(name), " "); got != want {
			t.Errorf("camelWords(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestImportNames(t *testing.T) {
	for _, tc := range []struct {
		path string
		want []string
	}{
		{"github.com/openimsdk/tools/errs", []string{"errs"}},
		{"github.com/cheggaaa/pb/v3", []string{"pb"}},
		{"gopkg.in/yaml.v3", []string{"yaml"}},
		{"github.com/mattn/go-sqlite3", []string{"go-sqlite3", "sqlite3"}},
		{"v2", []string{"v2"}},
	} {
		if got := importNames(tc.path); !slices.Equal(got, tc.want) {
			t.Errorf("importNames(%q) = %q, want %q", tc.path, got, tc.want)
		}
	}
	failed := map[string]bool{"errs": true}
	for msg, want := range map[string]bool{
		"undefined: errs":                         true,
		"undefined: errs.Wrap":                    true,
		`"x/errs" imported as rpcli and not used`: true,
		"rpcli redeclared in this block":          true,
		"undefined: retries":                      false,
		`cannot use "three" (untyped string constant) as int value in variable declaration`: false,
	} {
		if got := consequence(msg, failed); got != want {
			t.Errorf("consequence(%q) = %v, want %v", msg, got, want)
		}
	}
}
