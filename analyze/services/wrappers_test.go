package services

import (
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

func TestLibraryWhere(t *testing.T) {
	cache := filepath.FromSlash("/home/u/go/pkg/mod/github.com/acme/store@v1.2.0")
	tests := []struct {
		name string
		lib  library
		file string
		want string
	}{
		{"module cache", library{module: "github.com/acme/store", version: "v1.2.0", dir: cache},
			filepath.Join(cache, "pg", "events.go"), "github.com/acme/store@v1.2.0/pg/events.go:7"},
		{"replaced by a folder", library{module: "example.com/store", dir: filepath.FromSlash("/src/third_party/store")},
			filepath.FromSlash("/src/third_party/store/store.go"), "example.com/store/store.go:7"},
		{"vendored", library{module: "example.com/store", version: "v0.1.0"},
			filepath.FromSlash("/src/app/vendor/example.com/store/sub/store.go"), "example.com/store@v0.1.0/sub/store.go:7"},
		{"vendored, a folder named", library{module: "example.com/store", version: "v0.1.0", dir: filepath.FromSlash("/elsewhere")},
			filepath.FromSlash("/src/app/vendor/example.com/store/store.go"), "example.com/store@v0.1.0/store.go:7"},
		{"nowhere known", library{module: "example.com/store"},
			filepath.FromSlash("/tmp/x/store.go"), "example.com/store/store.go:7"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.lib.where(token.Position{Filename: tt.file, Line: 7}); got != tt.want {
				t.Errorf("where = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestContainsName(t *testing.T) {
	tests := []struct {
		text, name string
		want       bool
	}{
		{"events", "events", true},
		{"kitchen.events", "kitchen.events", true},
		{"could not append to events", "events", true},
		{"order_events", "events", false},
		{"billing.events", "events", false},
		{"events2", "events", false},
		{"events events_x", "events_x", true},
		{"", "events", false},
	}
	for _, tt := range tests {
		if got := containsName(tt.text, tt.name); got != tt.want {
			t.Errorf("containsName(%q, %q) = %v, want %v", tt.text, tt.name, got, tt.want)
		}
	}
}

func TestOwnedAlike(t *testing.T) {
	mains := []string{"github.com/ZupIT/horusec-platform/api", "example.com/shop"}
	for mod, want := range map[string]bool{
		"github.com/ZupIT/horusec-devkit":           true,
		"github.com/zupit/other":                    true,
		"github.com/envoyproxy/go-control-plane":    false,
		"example.com/api":                           true,
		"google.golang.org/genproto/googleapis/rpc": false,
		"gitlab.com/ZupIT/lib":                      false,
	} {
		if got := ownedAlike(mod, mains); got != want {
			t.Errorf("ownedAlike(%q) = %v, want %v", mod, got, want)
		}
	}
}

func TestRegistersFrom(t *testing.T) {
	const path = "example.com/api/pb"
	for src, want := range map[string]string{
		"import \"example.com/api/pb\"\nfunc main() { pb.RegisterOrdersServer(s, o); pb.RegisterBillingServer(s, b) }":        "Orders Billing",
		"import (\n\tapi \"example.com/api/pb\"\n)\nfunc main() { api.RegisterOrdersServer(s, o) }":                           "Orders",
		"import (\n\t\"example.com/api/pb\"\n\t\"example.com/sched\"\n)\nfunc f(*pb.Req) { sched.RegisterSchedServer(s, o) }": "",
		"import \"example.com/api/pb\"\nfunc main() { pb.NewOrdersClient(conn) }":                                             "",
		"import _ \"example.com/api/pb\"\nfunc main() { x.RegisterOrdersServer(s, o) }":                                       "",
	} {
		if got := strings.Join(registersFrom([]byte(src), registerIn.FindAllSubmatch([]byte(src), -1), path, "pb"), " "); got != want {
			t.Errorf("registersFrom(%q) = %q, want %q", src, got, want)
		}
	}
}
