package services

import (
	"strings"
	"testing"
)

func TestTOMLNode(t *testing.T) {
	doc := strings.Join([]string{
		`title = "shop"`,                   // 1
		`notes = """`,                      // 2
		`[kafka]`,                          // 3: inside the string
		`topic = "no"`,                     // 4
		`"""`,                              // 5
		``,                                 // 6
		`[Kafka]`,                          // 7
		`  topic = "orders" # a comment`,   // 8
		`  brokers = ["a:9092", "b:9092"]`, // 9
		`  "quoted.key" = 'x'`,             // 10
		`db.dsn = "postgres://db/shop"`,    // 11
		`[[consumers]]`,                    // 12
		`name = "first"`,                   // 13
		`[[consumers]]`,                    // 14
		`name = "second"`,                  // 15
		`limits = { size = 10 }`,           // 16
	}, "\n")
	top, ok := tomlNode([]byte(doc))
	if !ok {
		t.Fatal("tomlNode refused a valid document")
	}
	for _, tc := range []struct {
		keys  []string
		value string
		line  int
	}{
		{[]string{"title"}, "shop", 1},
		{[]string{"kafka", "topic"}, "orders", 8},
		{[]string{"Kafka", "quoted.key"}, "x", 10},
		{[]string{"kafka", "db", "dsn"}, "postgres://db/shop", 11}, // a dotted key in [Kafka]
		{[]string{"limits", "size"}, "", 0},                        // not at the top
	} {
		n := lookupKeys(top, tc.keys)
		if tc.line == 0 {
			if n != nil {
				t.Errorf("%v: found %q, want nothing", tc.keys, n.Value)
			}
			continue
		}
		if n == nil {
			t.Errorf("%v: not found", tc.keys)
			continue
		}
		if n.Value != tc.value || n.Line != tc.line {
			t.Errorf("%v = %q at line %d, want %q at line %d", tc.keys, n.Value, n.Line, tc.value, tc.line)
		}
	}
	consumers := lookupKeys(top, []string{"consumers"})
	if consumers == nil || len(consumers.Content) != 2 {
		t.Fatalf("consumers: %v, want an array of two tables", consumers)
	}
	for i, want := range []struct {
		name string
		line int
	}{{"first", 13}, {"second", 15}} {
		n := lookupKeys(consumers.Content[i], []string{"name"})
		if n == nil || n.Value != want.name || n.Line != want.line {
			t.Errorf("consumers[%d].name = %v, want %q at line %d", i, n, want.name, want.line)
		}
	}
	if n := lookupKeys(consumers.Content[1], []string{"limits", "size"}); n == nil || n.Value != "10" || n.Line != 16 {
		t.Errorf("consumers[1].limits.size = %v, want 10 at line 16 (its inline table's)", n)
	}
	if brokers := lookupKeys(top, []string{"kafka", "brokers"}); brokers == nil || len(brokers.Content) != 2 || brokers.Content[1].Value != "b:9092" {
		t.Errorf("kafka.brokers = %v, want a sequence of two", brokers)
	}
	if _, ok := tomlNode([]byte("[kafka\ntopic = 1")); ok {
		t.Error("tomlNode read a broken document")
	}
}
