package services

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/pelletier/go-toml/v2"
	"gopkg.in/yaml.v3"
)

// TOML config files (BurntSushi/toml's and go-toml's loads, viper's
// .toml) are read as the same mapping a YAML file is, so that a field's
// key is looked up alike; each key keeps the line it is set on. The
// values are go-toml's: a file it refuses is not read.

// tomlNode returns a TOML document's top table as a YAML mapping.
func tomlNode(data []byte) (*yaml.Node, bool) {
	var top map[string]any
	if toml.Unmarshal(data, &top) != nil {
		return nil, false
	}
	return tomlValue(top, nil, tomlLines(data), 1), true
}

// tomlValue converts one decoded value at path; line is where its
// parent sets it, the line a key not found by tomlLines (one inside an
// inline table) is given.
func tomlValue(v any, path []string, lines map[string]int, line int) *yaml.Node {
	if l, ok := lines[strings.Join(path, "\x00")]; ok {
		line = l
	}
	switch v := v.(type) {
	case map[string]any:
		n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: line}
		keys := slices.Collect(maps.Keys(v))
		at := func(k string) int { return lines[strings.Join(append(slices.Clip(path), k), "\x00")] }
		slices.SortFunc(keys, func(a, b string) int {
			if la, lb := at(a), at(b); la != lb {
				return la - lb
			}
			return strings.Compare(a, b)
		})
		for _, k := range keys {
			child := tomlValue(v[k], append(slices.Clip(path), k), lines, line)
			n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: k, Line: child.Line}, child)
		}
		return n
	case []any:
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: line}
		for i, e := range v {
			// The tables of an array of tables ([[servers]]) are keyed
			// by their index; a plain array's elements share its line.
			n.Content = append(n.Content, tomlValue(e, append(slices.Clip(path), "#"+strconv.Itoa(i)), lines, line))
		}
		return n
	case string:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v, Line: line}
	case bool:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(v), Line: line}
	case int64:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.FormatInt(v, 10), Line: line}
	case float64:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!float", Value: strconv.FormatFloat(v, 'g', -1, 64), Line: line}
	default: // dates and times
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: fmt.Sprint(v), Line: line}
	}
}

// tomlLines returns the line each table and key of a TOML document is
// declared on, by its path joined with NULs; an array of tables' n-th
// table is the element "#n" of the array's path. Keys inside inline
// tables and multi-line values are not listed.
func tomlLines(data []byte) map[string]int {
	lines := make(map[string]int)
	var table []string
	tables := make(map[string]int) // an array of tables' path -> tables so far
	inString := ""                 // the delimiter of a multi-line string being read
	for i, text := range strings.Split(string(data), "\n") {
		n := i + 1
		text = strings.TrimSpace(text)
		if inString != "" {
			if strings.Count(text, inString)%2 == 1 {
				inString = ""
			}
			continue
		}
		switch {
		case text == "" || text[0] == '#':
			continue
		case strings.HasPrefix(text, "[["):
			keys, rest, ok := tomlKey(text[2:])
			if !ok || !strings.HasPrefix(rest, "]]") {
				continue
			}
			at := strings.Join(keys, "\x00")
			idx := tables[at]
			tables[at] = idx + 1
			if _, seen := lines[at]; !seen {
				lines[at] = n
			}
			table = append(keys, "#"+strconv.Itoa(idx))
			lines[strings.Join(table, "\x00")] = n
			continue
		case text[0] == '[':
			keys, rest, ok := tomlKey(text[1:])
			if !ok || !strings.HasPrefix(rest, "]") {
				continue
			}
			table = keys
			lines[strings.Join(table, "\x00")] = n
			continue
		}
		keys, rest, ok := tomlKey(text)
		if !ok || !strings.HasPrefix(rest, "=") {
			continue
		}
		path := append(slices.Clip(table), keys...)
		for j := len(table) + 1; j <= len(path); j++ { // a.b.c = 1 declares a.b too
			if at := strings.Join(path[:j], "\x00"); lines[at] == 0 {
				lines[at] = n
			}
		}
		value := strings.TrimSpace(rest[1:])
		for _, delim := range []string{`"""`, `'''`} {
			if strings.HasPrefix(value, delim) && strings.Count(value, delim)%2 == 1 {
				inString = delim
			}
		}
	}
	return lines
}

// tomlKey reads a dotted key (bare, "quoted" or 'literal' parts) at the
// start of s and returns its parts and what follows it.
func tomlKey(s string) (keys []string, rest string, ok bool) {
	for {
		s = strings.TrimLeft(s, " \t")
		if s == "" {
			return nil, "", false
		}
		var part string
		switch s[0] {
		case '"':
			end := 1
			for end < len(s) && s[end] != '"' {
				if s[end] == '\\' {
					end++
				}
				end++
			}
			if end >= len(s) {
				return nil, "", false
			}
			unq, err := strconv.Unquote(s[:end+1])
			if err != nil {
				return nil, "", false
			}
			part, s = unq, s[end+1:]
		case '\'':
			end := strings.IndexByte(s[1:], '\'')
			if end < 0 {
				return nil, "", false
			}
			part, s = s[1:end+1], s[end+2:]
		default:
			end := strings.IndexFunc(s, func(r rune) bool {
				return !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' || r == '-')
			})
			if end == 0 {
				return nil, "", false
			}
			if end < 0 {
				end = len(s)
			}
			part, s = s[:end], s[end:]
		}
		keys = append(keys, part)
		s = strings.TrimLeft(s, " \t")
		if !strings.HasPrefix(s, ".") {
			return keys, s, true
		}
		s = s[1:]
	}
}
