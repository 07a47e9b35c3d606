package rules

import (
	"fmt"
	"math"
	"path/filepath"
	"sort"

	"github.com/archie-dev/archie/analyze"
)

var metricsFamily = &Family{
	Name:    "metrics",
	Kind:    "metric",
	Summary: "coupling and size stay within the thresholds set in archie.yaml",
	Doc: `metrics measures each package (or layer, or context) as Robert C. Martin
proposed: afferent coupling Ca (packages outside it that import it), efferent
coupling Ce (packages outside it that it imports, the standard library not
counted), instability I = Ce/(Ca+Ce) (1 when nothing imports it), abstractness A (interfaces among its
named types) and distance from the main sequence D = |A+I-1|. A package far
from the main sequence is either concrete and depended upon by many (hard to
change: the zone of pain) or abstract and used by none (the zone of
uselessness). Thresholds set under metrics: (max-distance, max-instability,
max-afferent, max-efferent, max-lines) turn the measures into rules, warnings
by default.`,
	run: checkMetrics,
}

// A Metric is the measures of one package or group of packages.
type Metric struct {
	Name     string // a package folder (package level) or group name
	Kind     string // package, layer, context, shared
	Path     string // the import path, at package level
	Packages int
	Files    int
	Lines    int // lines of code
	Types    int
	Abstract int // interfaces among Types
	Ca, Ce   int
	// Instability, Abstractness and Distance are Martin's I, A and D.
	Instability, Abstractness, Distance float64

	pkgs []string
}

// MetricLevels are the levels Measure groups packages at.
var MetricLevels = []string{"package", "layer", "context"}

// Measure computes the metrics of every package, layer or context of the
// graph, sorted by name.
func Measure(cfg *Config, g *analyze.Graph, level string) ([]*Metric, error) {
	c := &checker{cfg: cfg, g: g, refs: make(map[string]pkgRef)}
	return c.measure(level)
}

func (c *checker) measure(level string) ([]*Metric, error) {
	place, err := c.placer(DiagramOptions{Level: level})
	if err != nil {
		return nil, err
	}
	if c.err != nil {
		return nil, c.err
	}
	sizes := c.g.Sizes()
	nodes := make(map[string]*Metric)
	nodeOf := make(map[string]*Metric)
	for _, p := range c.g.Packages {
		id, kind, ok := place(p.Path)
		if !ok {
			continue
		}
		m := nodes[id]
		if m == nil {
			m = &Metric{Name: id, Kind: kind}
			nodes[id] = m
		}
		if level == "package" {
			m.Path = p.Path
		}
		nodeOf[p.Path] = m
		m.pkgs = append(m.pkgs, p.Path)
		s := sizes[p.Path]
		m.Packages++
		m.Files += s.Files
		m.Lines += s.Lines
		m.Types += s.Types
		m.Abstract += s.Abstract
	}
	afferent := make(map[*Metric]map[string]bool)
	efferent := make(map[*Metric]map[string]bool)
	add := func(set map[*Metric]map[string]bool, m *Metric, p string) {
		if set[m] == nil {
			set[m] = make(map[string]bool)
		}
		set[m][p] = true
	}
	c.imports(func(from *analyze.Package, to string) {
		if c.ref(to).std {
			return
		}
		src, dst := nodeOf[from.Path], nodeOf[to]
		if dst != nil && dst != src {
			add(afferent, dst, from.Path)
		}
		if src != nil && dst != src {
			add(efferent, src, to)
		}
	})
	out := make([]*Metric, 0, len(nodes))
	for _, m := range nodes {
		m.Ca, m.Ce = len(afferent[m]), len(efferent[m])
		// Nothing imports a package with Ca = 0, so it is free to change:
		// fully unstable even when it imports nothing either.
		m.Instability = 1
		if m.Ca > 0 {
			m.Instability = float64(m.Ce) / float64(m.Ca+m.Ce)
		}
		if m.Types > 0 {
			m.Abstractness = float64(m.Abstract) / float64(m.Types)
		}
		m.Distance = math.Abs(m.Abstractness + m.Instability - 1)
		out = append(out, m)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

func checkMetrics(c *checker) {
	mc := c.cfg.Metrics
	if mc == nil || mc.Severity == SeverityOff {
		return
	}
	level := mc.Level
	if level == "" {
		level = "package"
	}
	ms, err := c.measure(level)
	if err != nil {
		c.err = err
		return
	}
	for _, m := range ms {
		if c.excluded(m) {
			continue
		}
		var broken []string
		if t := mc.MaxDistance; t != nil && m.Distance > *t {
			zone := "below the main sequence: stable and concrete, hard to change"
			if m.Abstractness+m.Instability > 1 {
				zone = "above the main sequence: abstract and little depended upon"
			}
			broken = append(broken, fmt.Sprintf("distance from the main sequence %.2f exceeds max-distance %.2f (A %.2f, I %.2f: %s)", m.Distance, *t, m.Abstractness, m.Instability, zone))
		}
		if t := mc.MaxInstability; t != nil && m.Instability > *t {
			broken = append(broken, fmt.Sprintf("instability %.2f exceeds max-instability %.2f (Ca %d, Ce %d)", m.Instability, *t, m.Ca, m.Ce))
		}
		if t := mc.MaxAfferent; t != nil && m.Ca > *t {
			broken = append(broken, fmt.Sprintf("%d packages import it, more than max-afferent %d", m.Ca, *t))
		}
		if t := mc.MaxEfferent; t != nil && m.Ce > *t {
			broken = append(broken, fmt.Sprintf("it imports %d packages, more than max-efferent %d", m.Ce, *t))
		}
		if t := mc.MaxLines; t != nil && m.Lines > *t {
			broken = append(broken, fmt.Sprintf("%d lines of code, more than max-lines %d", m.Lines, *t))
		}
		for _, msg := range broken {
			v := Violation{Kind: "metric", Rule: "metrics", Severity: mc.Severity.or(SeverityWarning), ADR: mc.ADR,
				From: m.Name, Position: c.metricPosition(m, level), Message: m.Name + ": " + msg}
			if m.Path != "" {
				v.From = m.Path
			}
			c.out = append(c.out, v)
		}
	}
}

// excluded reports whether every package of a node is excluded from
// judgement.
func (c *checker) excluded(m *Metric) bool {
	ex := c.cfg.Metrics.Exclude
	if len(ex) == 0 {
		return false
	}
	for _, p := range m.pkgs {
		if !ex.has(c.ref(p)) {
			return false
		}
	}
	return true
}

// metricPosition places a metric violation: at the package clause for a
// package, at the group's entry in archie.yaml for a layer or context.
func (c *checker) metricPosition(m *Metric, level string) Position {
	if level == "package" {
		if s, ok := c.g.Sizes()[m.Path]; ok && s.Clause.IsValid() {
			return c.position(s.Clause.Filename, s.Clause.Line, s.Clause.Column)
		}
	}
	file := filepath.Join(c.cfg.Dir, filepath.Base(c.cfg.File))
	at := func(p Pos) Position { return c.position(file, p.Line, p.Column) }
	switch level {
	case "layer":
		for _, l := range c.cfg.Layers.Order {
			if l.Name == m.Name {
				return at(l.Pos)
			}
		}
	case "context":
		for _, cx := range c.cfg.Contexts.List {
			if cx.Name == m.Name {
				return at(cx.Pos)
			}
		}
	}
	return c.position(file, 0, 0)
}
