package rules

import (
	"fmt"
	"path/filepath"
	"strings"

	"gopkg.in/yaml.v3"
)

// validate checks what the YAML decoder cannot: required keys, known
// names, and sections this version does not support yet.
func (c *Config) validate(root *yaml.Node) error {
	errf := func(p Pos, format string, args ...any) error {
		return &ConfigError{File: c.File, Pos: p, Msg: fmt.Sprintf(format, args...)}
	}
	keyPos := func(key string) Pos {
		for i := 0; i+1 < len(root.Content); i += 2 {
			if root.Content[i].Value == key {
				return pos(root.Content[i])
			}
		}
		return Pos{Line: 1, Column: 1}
	}
	if c.Version != 1 {
		if c.Version == 0 {
			return errf(Pos{Line: 1, Column: 1}, "missing \"version: 1\" at the top of the file")
		}
		return errf(keyPos("version"), "version %d is not supported; this archie reads version 1", c.Version)
	}
	if err := checkADRNumbers(c.File, root); err != nil {
		return err
	}
	if b := c.Baseline; b.Pos.Line != 0 && (b.Text == "" || filepath.IsAbs(b.Text) || strings.ContainsAny(b.Text, "\x00\n") || !strings.HasSuffix(b.Text, ".json") ||
		strings.HasPrefix(filepath.ToSlash(filepath.Clean(b.Text)), "../")) {
		// .json only: --update-baseline rewrites the file, and must never
		// be pointed at the config, go.mod or a source file.
		return errf(b.Pos, "baseline must name a .json file in or below archie.yaml's folder, such as %s", DefaultBaseline)
	}

	// A section written with nothing under it would check nothing, and say
	// nothing: "cycles:" with its settings commented out turned the cycle
	// check off.
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if v.Kind == yaml.ScalarNode && v.Tag == "!!null" && k.Value != "tests" {
			hint := "give it its settings or remove it"
			if k.Value == "cycles" {
				hint = "write cycles: {} for the defaults, or remove it"
			}
			return errf(pos(k), "%s is empty: %s", k.Value, hint)
		}
	}
	if l := c.Layers; l != nil {
		if len(l.Order) == 0 {
			return errf(keyPos("layers"), "layers has no order: list the layers from top to bottom under layers.order")
		}
		if len(l.Order) == 1 && (c.Metrics == nil || c.Metrics.Level != "layer") {
			return errf(keyPos("layers"), "layers has one layer, which may always import itself: the rule could never fire; list at least two (one layer only groups packages for metrics.level: layer)")
		}
		if err := uniqueNames(c, "layer", len(l.Order), func(i int) (string, Pos) { return l.Order[i].Name, l.Order[i].Pos }); err != nil {
			return err
		}
		for _, layer := range l.Order {
			if len(layer.Packages) == 0 {
				return errf(layer.Pos, "layer %q has no packages", layer.Name)
			}
		}
	}
	if e := c.Exhaustive; e.on() && c.Layers == nil && c.Hexagonal == nil && c.Contexts == nil {
		return errf(e.Pos, "exhaustive asks every package to be in a layer, a context or a hexagon zone, and the config declares none: add layers, contexts or hexagonal, or remove exhaustive")
	}
	if h := c.Hexagonal; h != nil {
		if len(h.Core) == 0 {
			return errf(keyPos("hexagonal"), "hexagonal has no core: list the domain and application packages under hexagonal.core")
		}
	}
	if cx := c.Contexts; cx != nil {
		if len(cx.List) == 0 {
			return errf(keyPos("contexts"), "contexts has no list: name each bounded context under contexts.list")
		}
		if len(cx.List) == 1 && (c.Metrics == nil || c.Metrics.Level != "context") {
			return errf(keyPos("contexts"), "contexts has one context, which may always use its own packages: the rule could never fire; list at least two")
		}
		if err := uniqueNames(c, "context", len(cx.List), func(i int) (string, Pos) { return cx.List[i].Name, cx.List[i].Pos }); err != nil {
			return err
		}
		names := make([]string, len(cx.List))
		for i, ctx := range cx.List {
			names[i] = ctx.Name
		}
		for _, ctx := range cx.List {
			if len(ctx.Packages) == 0 {
				return errf(ctx.Pos, "context %q has no packages", ctx.Name)
			}
			for _, u := range ctx.Uses {
				if !contains(names, u.Text) {
					return errf(u.Pos, "context %q uses unknown context %q%s", ctx.Name, u.Text, didYouMean(u.Text, names))
				}
				if u.Text == ctx.Name {
					return errf(u.Pos, "context %q lists itself in uses; a context may always use its own packages", ctx.Name)
				}
			}
		}
	}
	if err := uniqueNames(c, "rule", len(c.Rules), func(i int) (string, Pos) { return c.Rules[i].Name, c.Rules[i].Pos }); err != nil {
		return err
	}
	for _, r := range c.Rules {
		if len(r.Packages) == 0 {
			return errf(r.Pos, "rule %q has no packages: say which packages it constrains", r.Name)
		}
		if r.Forbid == nil && r.Allow == nil {
			return errf(r.Pos, "rule %q has neither forbid nor allow: say what its packages may not (forbid) or may only (allow) import", r.Name)
		}
		if r.Forbid != nil && len(r.Forbid) == 0 && r.Allow == nil {
			// allow: [] is a rule (import nothing); forbid: [] is none.
			return errf(r.Pos, "rule %q forbids nothing (forbid: []): list what its packages may not import", r.Name)
		}
		if r.Transitive && len(r.Forbid) == 0 {
			return errf(r.Pos, "rule %q is transitive but forbids nothing: transitive forbids reaching what forbid lists; add forbid or remove transitive", r.Name)
		}
	}
	if cy := c.Cycles; cy != nil && cy.Depth < 0 {
		return errf(keyPos("cycles"), "cycles.depth must be 1 or more (folders that deep below the module root are compared)")
	}
	if m := c.Metrics; m != nil {
		at := keyPos("metrics")
		switch m.Level {
		case "", "package":
		case "layer", "context":
			if m.Level == "layer" && c.Layers == nil || m.Level == "context" && c.Contexts == nil {
				return errf(at, "metrics.level is %s but the config has no %ss section to group packages by", m.Level, m.Level)
			}
		default:
			return errf(at, "metrics.level %q is not one of package, layer, context", m.Level)
		}
		if m.MaxDistance == nil && m.MaxInstability == nil && m.MaxAfferent == nil && m.MaxEfferent == nil && m.MaxLines == nil {
			return errf(at, "metrics sets no threshold: add max-distance, max-instability, max-afferent, max-efferent or max-lines")
		}
		for name, v := range map[string]*float64{"max-distance": m.MaxDistance, "max-instability": m.MaxInstability} {
			if v != nil && (*v < 0 || *v > 1) {
				return errf(at, "metrics.%s is %g; it is a ratio between 0 and 1", name, *v)
			}
		}
		for name, v := range map[string]*int{"max-afferent": m.MaxAfferent, "max-efferent": m.MaxEfferent, "max-lines": m.MaxLines} {
			if v != nil && *v < 0 {
				return errf(at, "metrics.%s is %d; want 0 or more", name, *v)
			}
		}
	}
	if err := c.validateServices(errf, keyPos); err != nil {
		return err
	}
	for _, e := range c.Exceptions {
		if e.From.Text == "" || e.To.Text == "" {
			return errf(e.Pos, "an exception needs both from and to")
		}
		if e.Why == "" {
			return errf(e.Pos, "the exception from %s to %s has no why: say why the debt is accepted", e.From, e.To)
		}
	}
	return nil
}

func uniqueNames(c *Config, what string, n int, at func(int) (string, Pos)) error {
	seen := make(map[string]bool)
	for i := range n {
		name, p := at(i)
		if name == "" {
			return &ConfigError{File: c.File, Pos: p, Msg: fmt.Sprintf("this %s has no name", what)}
		}
		if seen[name] {
			return &ConfigError{File: c.File, Pos: p, Msg: fmt.Sprintf("%s %q is declared twice", what, name)}
		}
		seen[name] = true
	}
	return nil
}

func didYouMean(s string, names []string) string {
	if m := suggest(s, names); m != "" {
		return fmt.Sprintf(" (did you mean %q?)", m)
	}
	return ""
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// checkADRNumbers rejects a negative `adr:` anywhere a rule cites a
// decision record: it would cite none.
func checkADRNumbers(file string, n *yaml.Node) error {
	if n.Kind != yaml.MappingNode && n.Kind != yaml.SequenceNode {
		return nil
	}
	for i, child := range n.Content {
		if n.Kind == yaml.MappingNode && i%2 == 0 && child.Value == "adr" && i+1 < len(n.Content) {
			v := n.Content[i+1]
			var num int
			if v.Kind == yaml.ScalarNode && v.Decode(&num) == nil && num < 0 {
				return &ConfigError{File: file, Pos: pos(v), Msg: fmt.Sprintf("adr %d is not a record number; write the number of the decision record (adr: 2 for 0002-...)", num)}
			}
		}
		if err := checkADRNumbers(file, child); err != nil {
			return err
		}
	}
	return nil
}
