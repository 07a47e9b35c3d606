package rules

import (
	"fmt"
	"path"
	"strings"

	"gopkg.in/yaml.v3"
)

// A Pattern selects packages, as described in docs/config.md:
//
//	./internal/app        that package, relative to the config's directory
//	./internal/app/...    that package and every package below it
//	./internal/*/domain   * (and ?, [a-z]) match within one path element
//	std                   every standard-library package
//	github.com/gin-gonic/gin/...   packages by import path
type Pattern struct {
	Text string
	Pos  Pos

	rel   bool     // relative to the config directory
	std   bool     // the standard library
	elems []string // path elements; "..." matches any number of them
}

// Patterns is a list of patterns; any of them may match.
type Patterns []Pattern

// A pkgRef is what patterns match against: a package's import path and,
// for packages of the main modules, its directory relative to the config.
type pkgRef struct {
	path  string
	rel   string // slash-separated, "." for the config directory; "" if not local
	local bool
	std   bool
}

// ParsePattern parses a pattern as written in archie.yaml.
func ParsePattern(text string) (Pattern, error) {
	p := Pattern{Text: text}
	switch {
	case text == "":
		return p, fmt.Errorf("empty package pattern")
	case text == "std":
		p.std = true
		return p, nil
	case strings.ContainsAny(text, `\ `):
		return p, fmt.Errorf("package pattern %q must use / and no spaces", text)
	case text == "." || text == ".." || strings.HasPrefix(text, "./") || strings.HasPrefix(text, "../"):
		p.rel = true
		clean := path.Clean(text)
		if clean != "." {
			p.elems = strings.Split(clean, "/")
		}
	default:
		if strings.HasPrefix(text, "/") {
			return p, fmt.Errorf("package pattern %q is absolute; write it relative to the config (./%s) or as an import path", text, strings.TrimLeft(text, "/"))
		}
		p.elems = strings.Split(strings.TrimSuffix(text, "/"), "/")
	}
	for _, e := range p.elems {
		if e == "" {
			return p, fmt.Errorf("package pattern %q has an empty path element", text)
		}
		if strings.Contains(e, "**") {
			return p, fmt.Errorf("package pattern %q: ** is not a pattern here; write dir/... for a folder and everything below it, * for one path element", text)
		}
		if e != "..." && strings.Contains(e, "...") {
			return p, fmt.Errorf("package pattern %q: ... must be a whole path element (a/...), use * within an element", text)
		}
		if _, err := path.Match(e, ""); err != nil {
			return p, fmt.Errorf("package pattern %q: bad element %q: %v", text, e, err)
		}
	}
	return p, nil
}

// UnmarshalYAML parses a pattern and records its position.
func (p *Pattern) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return &ConfigError{Pos: pos(n), Msg: "a package pattern must be a string such as ./internal/app/..."}
	}
	parsed, err := ParsePattern(n.Value)
	if err != nil {
		return &ConfigError{Pos: pos(n), Msg: err.Error()}
	}
	*p = parsed
	p.Pos = pos(n)
	return nil
}

// UnmarshalYAML accepts a list of patterns or a single one.
func (ps *Patterns) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		var p Pattern
		if err := p.UnmarshalYAML(n); err != nil {
			return err
		}
		*ps = Patterns{p}
		return nil
	}
	var list []Pattern
	if err := n.Decode(&list); err != nil {
		return err
	}
	*ps = list
	return nil
}

func (p Pattern) String() string { return p.Text }

// match reports whether the pattern selects the package.
func (p Pattern) match(r pkgRef) bool {
	switch {
	case p.std:
		return r.std
	case p.rel:
		return r.local && matchElems(p.elems, splitPath(r.rel))
	default:
		return matchElems(p.elems, strings.Split(r.path, "/"))
	}
}

func splitPath(rel string) []string {
	if rel == "." || rel == "" {
		return nil
	}
	return strings.Split(rel, "/")
}

// matchElems matches path elements against pattern elements, where "..."
// stands for any number of elements. It runs in time proportional to
// len(pat)×len(elems) however many "..." a pattern holds: a config is
// input, and backtracking over a hostile one would not end.
func matchElems(pat, elems []string) bool {
	// ok[j] says pat[:i] matches elems[:j], for the i of the loop.
	ok := make([]bool, len(elems)+1)
	ok[0] = true
	for _, pe := range pat {
		if pe == "..." {
			for j := 1; j <= len(elems); j++ {
				ok[j] = ok[j] || ok[j-1]
			}
			continue
		}
		for j := len(elems); j >= 1; j-- {
			m, _ := path.Match(pe, elems[j-1])
			ok[j] = ok[j-1] && m
		}
		ok[0] = false
	}
	return ok[len(elems)]
}

// literal is the pattern's path up to its first wildcard element.
func (p Pattern) literal() string {
	var out []string
	for _, e := range p.elems {
		if e == "..." || strings.ContainsAny(e, "*?[") {
			break
		}
		out = append(out, e)
	}
	return strings.Join(out, "/")
}

// within reports whether path is prefix or below it.
func within(path, prefix string) bool {
	return path == prefix || strings.HasPrefix(path, prefix) && path[len(prefix)] == '/'
}

// specificity ranks patterns for "the most specific group wins": the
// longer the literal prefix (the elements before the first wildcard), the
// more specific; at equal prefix, a pattern without wildcards wins.
func (p Pattern) specificity() int {
	if p.std {
		return 0
	}
	n, exact := 0, 1
	for _, e := range p.elems {
		if e == "..." || strings.ContainsAny(e, "*?[") {
			exact = 0
			break
		}
		n += len(e) + 1
	}
	return 2*n + exact
}

// matchAny returns the most specific pattern of ps that matches r.
func (ps Patterns) matchAny(r pkgRef) (Pattern, bool) {
	var best Pattern
	found := false
	for _, p := range ps {
		if p.match(r) && (!found || p.specificity() > best.specificity()) {
			best, found = p, true
		}
	}
	return best, found
}
