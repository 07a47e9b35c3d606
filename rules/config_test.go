package rules

import (
	"strings"
	"testing"
)

func TestParseConfigErrors(t *testing.T) {
	tests := []struct {
		name, data, want string
	}{
		{"empty", "", `archie.yaml: the file is empty; start it with "version: 1"`},
		{"second document", "version: 1\n---\nrules: []\n", "archie.yaml:3:1: a second YAML document starts here"},
		{"second empty document", "version: 1\n---\n", "archie.yaml:3:1: a second YAML document starts here"},
		{"list for mapping", "version: 1\ncycles: [1]\n", "archie.yaml:2:1: found a list where a mapping of keys is expected"},
		{"text for number", "version: 1\ncycles: {depth: two}\n", `archie.yaml:2:1: found text "two" where a number is expected`},
		{"text for bool", "version: 1\ntests: maybe\n", `archie.yaml:2:1: found text "maybe" where true or false is expected`},
		{"mapping for patterns", "version: 1\nrules:\n  - {name: r, packages: [./a], forbid: {a: 1}}\n", "archie.yaml:3:1: found a mapping where a list is expected"},
		{"double star", "version: 1\nlayers: {order: [{name: a, packages: [./a/**]}]}\n", `** is not a pattern here`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseConfig("archie.yaml", []byte(tt.data))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("ParseConfig(%q) = %v, want an error containing %q", tt.data, err, tt.want)
			}
		})
	}
}

func TestParseConfigByteOrderMark(t *testing.T) {
	cfg, err := ParseConfig("archie.yaml", []byte("\xef\xbb\xbfversion: 1\ncycles: {depth: 3}\n"))
	if err != nil {
		t.Fatalf("ParseConfig with a BOM: %v", err)
	}
	if cfg.Cycles == nil || cfg.Cycles.Depth != 3 {
		t.Errorf("cycles = %+v, want depth 3", cfg.Cycles)
	}
}
