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
		{"tab indent", "version: 1\ncycles:\n\tdepth: 2\n", "archie.yaml:3:1: found character that cannot start any token (YAML indents with spaces, not tabs)"},
		{"duplicate key", "version: 1\ncycles: {depth: 2}\ncycles: {depth: 3}\n", `archie.yaml:3:1: key "cycles" appears twice`},
		{"binary", "\x00\x01\xff\xfe version: 1", "archie.yaml: control characters are not allowed"},
		{"not utf-8", "version: 1\nrules:\n  - name: \xff\xfe\n", "(archie.yaml must be UTF-8 text)"},
		{"deep nesting", "version: 1\nrules: " + strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + "\n", "archie.yaml:2:1: found a list where a mapping of keys is expected"},
		{"huge number", "version: 1\ncycles: {depth: 99999999999999999999}\n", `archie.yaml:2:1: a number "9999999..." is out of range`},
		{"negative adr", "version: 1\nlayers: {adr: -4, order: [{name: a, packages: [./a]}]}\n", "archie.yaml:2:15: adr -4 is not a record number"},
		{"a list", "- version: 1\n", "archie.yaml:1:1: the config must be a mapping of sections"},
		{"version as text", "version: \"1\"\n", `archie.yaml:1:1: found text "1" where a number is expected`},
		{"empty list entry", "version: 1\nlayers:\n  order:\n    -\n", "archie.yaml:4:6: empty entry in layers.order: write it out or remove the dash"},
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

func TestParseConfigCRLF(t *testing.T) {
	cfg, err := ParseConfig("archie.yaml", []byte("version: 1\r\ncycles:\r\n  depth: 3\r\n"))
	if err != nil || cfg.Cycles == nil || cfg.Cycles.Depth != 3 {
		t.Errorf("ParseConfig with CRLF = %+v, %v; want cycles at depth 3", cfg, err)
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
