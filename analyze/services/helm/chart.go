// Package helm renders a Helm chart's templates as `helm template` does
// with the chart's own values, so that the services analysis reads the
// manifests a chart deploys: its workloads, their images, environment and
// mounted ConfigMaps. It renders what it can without a cluster or the
// network: a dependency that is not in the chart's folder (a
// repository's chart not yet fetched) is left out and said so, and
// lookup finds nothing.
package helm

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// A Chart is a chart read from its folder, with the subcharts it
// renders.
type Chart struct {
	// Dir is the chart's folder.
	Dir string
	// Meta is Chart.yaml, as .Chart gives it to templates.
	Meta Meta
	// Values are values.yaml's.
	Values map[string]any
	// Subcharts are the charts it depends on that its folder holds
	// (charts/name/) or names by path (repository: file://../name),
	// where their condition holds.
	Subcharts []*Chart
	// Missing are the dependencies it names that are not here.
	Missing []string
	// local are the folders of the dependencies that are here, those
	// their condition leaves out too.
	local []string

	templates []file // below templates/, by their path in the chart
	files     map[string][]byte
}

// Meta is what a template reads of Chart.yaml.
type Meta struct {
	Name         string `yaml:"name"`
	Version      string `yaml:"version"`
	AppVersion   string `yaml:"appVersion"`
	Description  string `yaml:"description"`
	Type         string `yaml:"type"`
	APIVersion   string `yaml:"apiVersion"`
	Dependencies []struct {
		Name       string `yaml:"name"`
		Alias      string `yaml:"alias"`
		Repository string `yaml:"repository"`
		Condition  string `yaml:"condition"`
	} `yaml:"dependencies"`
}

type file struct {
	name string // its path in the chart: templates/deployment.yaml
	path string // on disk
	text string
}

// Read reads a file, or says it may not be read (one too big, or a
// link out of the repository).
type Read func(path string) ([]byte, bool)

// maxDepth bounds how deep subcharts nest, and maxFiles how many files of
// a chart's folder are read.
const (
	maxDepth = 5
	maxFiles = 2000
)

// Load reads the chart in dir with its subcharts.
func Load(dir string, read Read) (*Chart, error) {
	return load(dir, read, 0, map[string]bool{})
}

func load(dir string, read Read, depth int, seen map[string]bool) (*Chart, error) {
	if depth > maxDepth || seen[dir] {
		return nil, fmt.Errorf("%s: charts depend on each other in a loop, or nest more than %d deep", dir, maxDepth)
	}
	seen[dir] = true
	defer delete(seen, dir)
	data, ok := read(filepath.Join(dir, "Chart.yaml"))
	if !ok {
		return nil, fmt.Errorf("%s: no Chart.yaml archie may read", dir)
	}
	c := &Chart{Dir: dir, files: make(map[string][]byte)}
	if err := yaml.Unmarshal(data, &c.Meta); err != nil {
		return nil, fmt.Errorf("%s: %v", filepath.Join(dir, "Chart.yaml"), err)
	}
	if c.Meta.Name == "" {
		return nil, fmt.Errorf("%s: the chart has no name", filepath.Join(dir, "Chart.yaml"))
	}
	c.Values = map[string]any{}
	if data, ok := read(filepath.Join(dir, "values.yaml")); ok {
		var v map[string]any
		if err := yaml.Unmarshal(data, &v); err != nil {
			return nil, fmt.Errorf("%s: %v", filepath.Join(dir, "values.yaml"), err)
		}
		if v != nil {
			c.Values = v
		}
	}
	n := 0
	filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		rel := filepath.ToSlash(relTo(dir, p))
		if e.IsDir() {
			if p != dir && (rel == "charts" || strings.HasPrefix(e.Name(), ".")) {
				return filepath.SkipDir // subcharts are read as charts
			}
			return nil
		}
		if n++; n > maxFiles || !e.Type().IsRegular() {
			return nil
		}
		data, ok := read(p)
		if !ok {
			return nil
		}
		if strings.HasPrefix(rel, "templates/") {
			c.templates = append(c.templates, file{name: rel, path: p, text: string(data)})
		} else {
			c.files[rel] = data
		}
		return nil
	})
	// Subcharts: the dependencies Chart.yaml names, found in charts/ or
	// by a file:// path; any folder of charts/ besides (Helm renders
	// every chart there).
	named := make(map[string]bool)
	for _, dep := range c.Meta.Dependencies {
		sub := ""
		if p, ok := strings.CutPrefix(dep.Repository, "file://"); ok {
			sub = filepath.Join(dir, filepath.FromSlash(p))
		} else if st, err := os.Stat(filepath.Join(dir, "charts", dep.Name)); err == nil && st.IsDir() {
			sub = filepath.Join(dir, "charts", dep.Name)
		}
		if sub == "" {
			c.Missing = append(c.Missing, dep.Name)
			continue
		}
		named[filepath.Clean(sub)] = true
		c.local = append(c.local, filepath.Clean(sub))
		if dep.Condition != "" && !condition(c.Values, dep.Condition) {
			continue
		}
		s, err := load(filepath.Clean(sub), read, depth+1, seen)
		if err != nil {
			// One that cannot be read (outside the repository, in a
			// loop) is as one that is not here.
			c.Missing = append(c.Missing, dep.Name)
			continue
		}
		if dep.Alias != "" {
			s.Meta.Name = dep.Alias
		}
		c.Subcharts = append(c.Subcharts, s)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "charts"))
	for _, e := range entries {
		sub := filepath.Join(dir, "charts", e.Name())
		if !e.IsDir() || named[sub] {
			continue
		}
		if _, ok := read(filepath.Join(sub, "Chart.yaml")); !ok {
			continue
		}
		c.local = append(c.local, sub)
		s, err := load(sub, read, depth+1, seen)
		if err != nil {
			c.Missing = append(c.Missing, e.Name())
			continue
		}
		c.Subcharts = append(c.Subcharts, s)
	}
	return c, nil
}

// condition reports whether a dependency's condition holds in its
// parent's values: the first of its comma-separated paths that is a
// boolean says; none, and the chart is enabled.
func condition(values map[string]any, cond string) bool {
	for _, p := range strings.Split(cond, ",") {
		var v any = values
		for _, k := range strings.Split(strings.TrimSpace(p), ".") {
			m, _ := v.(map[string]any)
			v = m[k]
		}
		if b, ok := v.(bool); ok {
			return b
		}
	}
	return true
}

// Dirs returns the folders of the chart and of every subchart it
// renders.
func (c *Chart) Dirs() []string {
	out := []string{c.Dir}
	for _, s := range c.Subcharts {
		out = append(out, s.Dirs()...)
	}
	return out
}

// SubchartDirs returns the folders of the charts here that the chart
// depends on, at any depth, whether their condition renders them or not:
// charts that are not meant to be installed on their own.
func (c *Chart) SubchartDirs() []string {
	out := slices.Clone(c.local)
	for _, s := range c.Subcharts {
		out = append(out, s.SubchartDirs()...)
	}
	return out
}

// scopedValues returns the values a subchart's templates see: its own
// values.yaml under what its parent's values set for it (by its name),
// with the parent's globals.
func scopedValues(sub *Chart, parent map[string]any) map[string]any {
	out := deepCopy(sub.Values)
	if over, ok := parent[sub.Meta.Name].(map[string]any); ok {
		merge(out, over)
	}
	if g, ok := parent["global"].(map[string]any); ok {
		own, _ := out["global"].(map[string]any)
		if own == nil {
			own = map[string]any{}
		}
		merge(own, g)
		out["global"] = own
	}
	return out
}

// merge sets into dst what src sets, maps merged key by key; a null in
// src removes the key, as Helm's does.
func merge(dst, src map[string]any) {
	for k, v := range src {
		if v == nil {
			delete(dst, k)
			continue
		}
		if sm, ok := v.(map[string]any); ok {
			if dm, ok := dst[k].(map[string]any); ok {
				merge(dm, sm)
				continue
			}
		}
		dst[k] = deepCopy(v)
	}
}

func deepCopy[T any](v T) T {
	var out any
	switch x := any(v).(type) {
	case map[string]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[k] = deepCopy(e)
		}
		out = m
	case []any:
		s := make([]any, len(x))
		for i, e := range x {
			s[i] = deepCopy(e)
		}
		out = s
	default:
		return v
	}
	return out.(T)
}

func relTo(base, p string) string {
	rel, err := filepath.Rel(base, p)
	if err != nil {
		return p
	}
	return rel
}

// templateName is a template's name as Helm gives it: the chart's path
// from the top chart (parent/charts/sub/templates/x.yaml).
func templateName(prefix string, f file) string {
	return path.Join(prefix, f.name)
}

var (
	errTooMuch = errors.New("the rendered output is larger than archie reads")
	errTooLong = errors.New("the chart takes longer to render than archie waits")
)

// sortedTemplates returns a chart's templates in Helm's order: by path.
func (c *Chart) sortedTemplates() []file {
	return slices.SortedFunc(slices.Values(c.templates), func(a, b file) int { return strings.Compare(a.name, b.name) })
}
