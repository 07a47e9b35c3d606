package services

import (
	"maps"
	"os"
	"path/filepath"
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

func TestIsDotenv(t *testing.T) {
	for _, tc := range []struct {
		data string
		want bool
	}{
		{"DB_HOST=\"pg\"\nDB_PORT=5432\n", true},
		{"# copy to .env\n\nexport KEY=v\nlog.level=debug\n", true},
		{"KEY = v\n", true},
		{"", false},
		{"# only a comment\n", false},
		{"db:\n  host: pg\n", false},
		{"KEY=v\nnot a setting\n", false},
		{"[section]\nkey=v\n", false},
	} {
		if got := isDotenv([]byte(tc.data)); got != tc.want {
			t.Errorf("isDotenv(%q) = %v, want %v", tc.data, got, tc.want)
		}
	}
}

// TestReadOrTemplate: a config file the repository does not hold is read
// from the template kept in its place; one it holds, even empty, is
// read as it is.
func TestReadOrTemplate(t *testing.T) {
	root := t.TempDir()
	write := func(name, data string) {
		if err := os.WriteFile(filepath.Join(root, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(".env.example", "A=1\n")
	write("app.yaml.sample", "a: 1\n")
	write("kept.env", "")
	write("kept.env.example", "A=2\n")
	for _, tc := range []struct {
		name, file string
		ok         bool
	}{
		{".env", ".env.example", true},
		{"app.yaml", "app.yaml.sample", true},
		{"kept.env", "kept.env", true},
		{"none.yaml", "none.yaml", false},
	} {
		file, _, ok := readOrTemplate(root, filepath.Join(root, tc.name))
		if filepath.Base(file) != tc.file || ok != tc.ok {
			t.Errorf("readOrTemplate(%q) = %q, %v; want %q, %v", tc.name, filepath.Base(file), ok, tc.file, tc.ok)
		}
	}
}

func TestPlaceholder(t *testing.T) {
	for _, tc := range []struct {
		value string
		want  bool
	}{
		{"<your-db-host>", true},
		{"postgres://app:<password>@db/app", true},
		{"{{DB_HOST}}", true},
		{"[DB_HOST]", true},
		{"changeme", true},
		{"CHANGE_ME", true},
		{"your_password", true},
		{"xxxx", true},
		{"*****", true},
		{"hostname", true},
		{"database_name", true},
		{"enter_your_host_here", true},
		{"db-host-1", false},
		{"postgres://app:changeme@orders-db:5432/orders", false}, // a real DSN whose password is a placeholder
		{"yourservice.internal", false},
		{"orders-db", false},
		{"http://products:8080", false},
		{"[::1]:5432", false},
	} {
		if got := placeholder.MatchString(tc.value); got != tc.want {
			t.Errorf("placeholder(%q) = %v, want %v", tc.value, got, tc.want)
		}
	}
}

func TestSethvargoTag(t *testing.T) {
	tests := []struct {
		tag, name string
		opts      map[string]string
		def       string
		hasDef    bool
	}{
		{"HOST, required", "HOST", map[string]string{"required": ""}, "", false},
		{"PORT,default=5432", "PORT", map[string]string{"default": "5432"}, "5432", true},
		{"ADDRS,default=a:1,b:2", "ADDRS", map[string]string{"default": "a:1,b:2"}, "a:1,b:2", true},
		{",prefix=DB_", "", map[string]string{"prefix": "DB_"}, "", false},
		{"URL,default=$OTHER", "URL", map[string]string{"default": "$OTHER"}, "", false},
		{"", "", map[string]string{}, "", false},
	}
	for _, tt := range tests {
		name, opts := sethvargoTag(tt.tag)
		if name != tt.name || !maps.Equal(opts, tt.opts) {
			t.Errorf("sethvargoTag(%q) = %q, %v; want %q, %v", tt.tag, name, opts, tt.name, tt.opts)
		}
		if def, ok := sethvargoDefault(tt.tag); def != tt.def || ok != tt.hasDef {
			t.Errorf("sethvargoDefault(%q) = %q, %v; want %q, %v", tt.tag, def, ok, tt.def, tt.hasDef)
		}
	}
}
