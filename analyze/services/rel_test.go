package services

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/packages"
)

func TestRel(t *testing.T) {
	root := filepath.FromSlash("/home/dev/shop")
	cache := filepath.FromSlash("/home/dev/go/pkg/mod")
	in := func(parts ...string) string { return filepath.Join(append([]string{cache}, parts...)...) }
	sys := &System{Dir: root}
	sys.depend([]*packages.Package{
		{Module: &packages.Module{Path: "example.com/shop", Main: true, Dir: root}},
		{Module: &packages.Module{Path: "github.com/segmentio/kafka-go", Version: "v0.4.47", Dir: in("github.com", "segmentio", "kafka-go@v0.4.47")}},
		// A module nested in another's folder: its own path wins.
		{Module: &packages.Module{Path: "github.com/segmentio/kafka-go/sasl/aws_msk_iam_v2", Version: "v0.1.0", Dir: in("github.com", "segmentio", "kafka-go@v0.4.47", "sasl", "aws_msk_iam_v2")}},
		// Replaced by another module's version: the replacement's.
		{Module: &packages.Module{Path: "github.com/old/queue", Version: "v1.0.0", Dir: in("github.com", "fork", "queue@v1.2.0"),
			Replace: &packages.Module{Path: "github.com/fork/queue", Version: "v1.2.0", Dir: in("github.com", "fork", "queue@v1.2.0")}}},
		// Replaced by a local folder: a path like any other.
		{Module: &packages.Module{Path: "github.com/old/lib", Version: "v1.0.0", Dir: filepath.FromSlash("/home/dev/lib"),
			Replace: &packages.Module{Path: "../lib", Dir: filepath.FromSlash("/home/dev/lib")}}},
		// Upper case letters are escaped in the cache's folder names.
		{Module: &packages.Module{Path: "github.com/Shopify/sarama", Version: "v1.38.1", Dir: in("github.com", "!shopify", "sarama@v1.38.1")}},
		{},
	})
	for _, tc := range []struct{ file, want string }{
		{filepath.Join(root, "orders", "db.go"), "orders/db.go"},
		{in("github.com", "segmentio", "kafka-go@v0.4.47", "writer.go"), "github.com/segmentio/kafka-go@v0.4.47/writer.go"},
		{in("github.com", "segmentio", "kafka-go@v0.4.47", "sasl", "aws_msk_iam_v2", "msk.go"), "github.com/segmentio/kafka-go/sasl/aws_msk_iam_v2@v0.1.0/msk.go"},
		{in("github.com", "segmentio", "kafka-go@v0.4.47x", "writer.go"), "../go/pkg/mod/github.com/segmentio/kafka-go@v0.4.47x/writer.go"},
		{in("github.com", "fork", "queue@v1.2.0", "q.go"), "github.com/fork/queue@v1.2.0/q.go"},
		{filepath.FromSlash("/home/dev/lib/lib.go"), "../lib/lib.go"},
		{in("github.com", "!shopify", "sarama@v1.38.1", "async_producer.go"), "github.com/Shopify/sarama@v1.38.1/async_producer.go"},
		{"orders/db.go", "orders/db.go"},
	} {
		if got := sys.Rel(tc.file); got != tc.want {
			t.Errorf("Rel(%s) = %s, want %s", tc.file, got, tc.want)
		}
	}
	if mod, _ := sys.DependencyFile(in("github.com", "!shopify", "sarama@v1.38.1", "async_producer.go")); mod != "github.com/Shopify/sarama@v1.38.1" {
		t.Errorf("the module of sarama's file = %q, want github.com/Shopify/sarama@v1.38.1", mod)
	}
	var none *System
	if mod, got := none.DependencyFile(in("github.com", "segmentio", "kafka-go@v0.4.47", "writer.go")); mod != "" || got != "" {
		t.Errorf("a nil system names a dependency's file: %s", got)
	}
}
