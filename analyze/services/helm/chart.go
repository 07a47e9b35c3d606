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
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// A Chart is a chart read from its folder, with the subcharts it
// depends on.
type Chart struct {
	// Dir is the chart's folder.
	Dir string
	// Meta is Chart.yaml.
	Meta Meta
	// Values are values.yaml's.
	Values map[string]any
	// Subcharts are the charts it depends on that the repository holds
	// (in charts/, or named by path: repository: file://../name), each
	// under its alias, those its values turn off too.
	Subcharts []*Chart
	// Missing are the dependencies it names that are not here.
	Missing []string

	meta      map[string]any // Chart.yaml, as .Chart gives it
	templates []file         // below templates/, by their path in the chart
	files     map[string][]byte
	// condition and tags are what turns the chart on or off, as a
	// subchart of its parent.
	condition string
	tags      []string
	size      int // how many charts it renders as, its subcharts' counted
}

// Meta is what archie reads of Chart.yaml.
type Meta struct {
	Name         string `yaml:"name"`
	Type         string `yaml:"type"`
	Dependencies []struct {
		Name       string   `yaml:"name"`
		Alias      string   `yaml:"alias"`
		Repository string   `yaml:"repository"`
		Condition  string   `yaml:"condition"`
		Tags       []string `yaml:"tags"`
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

// maxDepth bounds how deep subcharts nest, maxCharts how many charts,
// each use of one counted, a chart may bring, and maxFiles how many files
// of a chart's folder are read.
const (
	maxDepth  = 5
	maxCharts = 100
	maxFiles  = 2000
)

var errLoop = errors.New("charts depend on each other in a loop")

// Load reads the chart in dir with its subcharts. A subchart that cannot
// be read (outside the repository, not a chart) is Missing; charts that
// depend on each other in a loop, or too many, are an error.
func Load(dir string, read Read) (*Chart, error) {
	l := &loader{read: read, once: make(map[string]*Chart), path: make(map[string]bool)}
	return l.load(filepath.Clean(dir), 0)
}

type loader struct {
	read  Read
	once  map[string]*Chart // each folder read once
	path  map[string]bool   // the folders being read, to see a loop
	count int
}

func (l *loader) load(dir string, depth int) (*Chart, error) {
	if l.path[dir] {
		return nil, fmt.Errorf("%s: %w", dir, errLoop)
	}
	tooMany := fmt.Errorf("%s: the chart brings more than %d charts, or nests them more than %d deep", dir, maxCharts, maxDepth)
	if c, ok := l.once[dir]; ok {
		// The same chart, used again (under another alias): it renders
		// again, with all its subcharts.
		if l.count += c.size; l.count > maxCharts || depth > maxDepth {
			return nil, tooMany
		}
		cp := *c
		return &cp, nil
	}
	if l.count++; l.count > maxCharts || depth > maxDepth {
		return nil, tooMany
	}
	l.path[dir] = true
	defer delete(l.path, dir)
	c, err := l.readChart(dir)
	if err != nil {
		return nil, err
	}
	// Subcharts: the dependencies Chart.yaml names, found by the name in
	// their Chart.yaml in charts/ or by a file:// path; the charts of
	// charts/ no dependency names besides (Helm renders them all).
	inCharts := make(map[string]string) // name -> folder
	entries, _ := os.ReadDir(filepath.Join(dir, "charts"))
	for _, e := range entries {
		sub := filepath.Join(dir, "charts", e.Name())
		if !e.IsDir() {
			continue
		}
		if data, ok := l.read(filepath.Join(sub, "Chart.yaml")); ok {
			var m Meta
			if yaml.Unmarshal(data, &m) == nil && m.Name != "" {
				inCharts[m.Name] = sub
			}
		}
	}
	claimed := make(map[string]bool)
	add := func(name, sub, alias, cond string, tags []string) error {
		s, err := l.load(sub, depth+1)
		if errors.Is(err, errLoop) || err != nil && l.count > maxCharts || depth+1 > maxDepth {
			return err
		}
		if err != nil {
			c.Missing = append(c.Missing, name)
			return nil
		}
		if alias != "" {
			s.Meta.Name = alias
		}
		s.condition, s.tags = cond, tags
		c.Subcharts = append(c.Subcharts, s)
		return nil
	}
	for _, dep := range c.Meta.Dependencies {
		sub := inCharts[dep.Name]
		if p, ok := strings.CutPrefix(dep.Repository, "file://"); ok {
			sub = filepath.Clean(filepath.Join(dir, filepath.FromSlash(p)))
		}
		if sub == "" {
			c.Missing = append(c.Missing, dep.Name)
			continue
		}
		claimed[sub] = true
		if err := add(dep.Name, sub, dep.Alias, dep.Condition, dep.Tags); err != nil {
			return nil, err
		}
	}
	for _, name := range slices.Sorted(maps.Keys(inCharts)) {
		if sub := inCharts[name]; !claimed[sub] {
			if err := add(name, sub, "", "", nil); err != nil {
				return nil, err
			}
		}
	}
	c.size = 1
	for _, s := range c.Subcharts {
		c.size += s.size
	}
	l.once[dir] = c
	return c, nil
}

// readChart reads a chart's own files: Chart.yaml, values.yaml, its
// templates and the files .Files gives them.
func (l *loader) readChart(dir string) (*Chart, error) {
	data, ok := l.read(filepath.Join(dir, "Chart.yaml"))
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
	var meta map[string]any
	yaml.Unmarshal(data, &meta)
	c.meta = chartObject(meta)
	c.Values = map[string]any{}
	if data, ok := l.read(filepath.Join(dir, "values.yaml")); ok {
		v, err := readValues(data)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", filepath.Join(dir, "values.yaml"), err)
		}
		c.Values = v
	}
	n := 0
	filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		rel := filepath.ToSlash(relTo(dir, p))
		if e.IsDir() {
			if p != dir && (rel == "charts" || strings.HasPrefix(e.Name(), ".") || e.Name() == "node_modules" || e.Name() == "vendor") {
				return filepath.SkipDir // subcharts are read as charts
			}
			return nil
		}
		if n++; n > maxFiles {
			return filepath.SkipAll
		}
		if !e.Type().IsRegular() || notFiles[rel] {
			return nil
		}
		data, ok := l.read(p)
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
	return c, nil
}

// notFiles are a chart's files that .Files does not give.
var notFiles = map[string]bool{"Chart.yaml": true, "values.yaml": true, "values.schema.json": true, "Chart.lock": true, "requirements.yaml": true, "requirements.lock": true}

// readValues reads a values file as Helm does, with YAML 1.1's booleans
// (enabled: no is false) and keys that are not strings made strings.
func readValues(data []byte) (map[string]any, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	yaml11Bools(&doc)
	lastKeys(&doc)
	var v any
	if err := doc.Decode(&v); err != nil {
		return nil, err
	}
	m, _ := stringKeys(v).(map[string]any)
	if m == nil {
		m = map[string]any{}
	}
	return m, nil
}

// ReadValues reads a values file as helm install -f does.
func ReadValues(data []byte) (map[string]any, error) { return readValues(data) }

// A Set is one --set (or, Strings, --set-string) argument of helm.
type Set struct {
	Text    string
	Strings bool
}

// SetValues returns the values of helm's --set key=value arguments, in
// order: a.b=c sets c under a's b; a list of them, comma-separated, each.
// As helm types them, --set's true and false (in any case) are booleans,
// null removes the key, and an integer with no leading zero is one; the
// rest, and all of --set-string's, are strings. An index (a[0]=x), an
// escaped comma or braces are not read, and set nothing.
func SetValues(sets []Set) map[string]any {
	out := map[string]any{}
	for _, set := range sets {
		if strings.ContainsAny(set.Text, "[\\{") {
			continue
		}
		for _, kv := range strings.Split(set.Text, ",") {
			key, val, ok := strings.Cut(kv, "=")
			if !ok || key == "" {
				continue
			}
			var v any = val
			switch {
			case set.Strings:
			case strings.EqualFold(val, "true"):
				v = true
			case strings.EqualFold(val, "false"):
				v = false
			case strings.EqualFold(val, "null"):
				v = nil
			case val != "0" && strings.HasPrefix(val, "0"):
			default:
				if n, err := strconv.ParseInt(val, 10, 64); err == nil {
					v = n
				}
			}
			m := out
			parts := strings.Split(key, ".")
			for _, p := range parts[:len(parts)-1] {
				next, ok := m[p].(map[string]any)
				if !ok {
					next = map[string]any{}
					m[p] = next
				}
				m = next
			}
			m[parts[len(parts)-1]] = v
		}
	}
	return out
}

// lastKeys keeps, of a mapping's keys written twice, the last, as helm's
// YAML reader does (commonLabels: {labelA: a, labelA: b} is b), where
// yaml.v3 refuses the document.
func lastKeys(n *yaml.Node) {
	if n.Kind == yaml.MappingNode {
		last := make(map[string]int)
		for i := 0; i+1 < len(n.Content); i += 2 {
			if k := n.Content[i]; k.Kind == yaml.ScalarNode {
				last[k.Value] = i
			}
		}
		kept := n.Content[:0]
		for i := 0; i+1 < len(n.Content); i += 2 {
			if k := n.Content[i]; k.Kind != yaml.ScalarNode || last[k.Value] == i {
				kept = append(kept, n.Content[i], n.Content[i+1])
			}
		}
		n.Content = kept
	}
	for _, c := range n.Content {
		lastKeys(c)
	}
}

// yaml11Bools makes the plain scalars YAML 1.1 reads as booleans (yes,
// no, on, off, y, n) booleans.
func yaml11Bools(n *yaml.Node) {
	if n.Kind == yaml.ScalarNode && n.Style == 0 && n.Tag == "!!str" {
		if b, ok := yaml11[n.Value]; ok {
			n.Tag, n.Value = "!!bool", fmt.Sprint(b)
		}
	}
	for _, c := range n.Content {
		yaml11Bools(c)
	}
}

var yaml11 = map[string]bool{
	"y": true, "Y": true, "yes": true, "Yes": true, "YES": true, "on": true, "On": true, "ON": true,
	"n": false, "N": false, "no": false, "No": false, "NO": false, "off": false, "Off": false, "OFF": false,
}

// stringKeys makes every map's keys strings, as Helm's values have them.
func stringKeys(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = stringKeys(e)
		}
		return x
	case map[any]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[fmt.Sprint(k)] = stringKeys(e)
		}
		return m
	case []any:
		for i, e := range x {
			x[i] = stringKeys(e)
		}
	}
	return v
}

// chartObject is Chart.yaml as .Chart gives it: Helm's field names.
func chartObject(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		switch k {
		case "apiVersion":
			k = "APIVersion"
		case "kubeVersion":
			k = "KubeVersion"
		default:
			if k != "" {
				k = strings.ToUpper(k[:1]) + k[1:]
			}
		}
		out[k] = v
	}
	return out
}

// enabled reports whether a subchart is rendered, by its condition (the
// first of its comma-separated paths in its parent's values that is a
// boolean says) or else its tags (off when every tag the values set is
// false), in its parent's values, which hold the subchart's own beneath
// its name.
func (c *Chart) enabled(parent map[string]any) bool {
	if c.condition != "" {
		for _, p := range strings.Split(c.condition, ",") {
			var v any = parent
			for _, k := range strings.Split(strings.TrimSpace(p), ".") {
				m, _ := v.(map[string]any)
				v = m[k]
			}
			if b, ok := v.(bool); ok {
				return b
			}
		}
	}
	tags, _ := parent["tags"].(map[string]any)
	on, off := false, false
	for _, t := range c.tags {
		if b, ok := tags[t].(bool); ok {
			on, off = on || b, off || !b
		}
	}
	return on || !off
}

// Dirs returns the folders of the chart and of every subchart it
// depends on, at any depth, those its values turn off too: charts that
// are not meant to be installed on their own.
func (c *Chart) Dirs() []string {
	out := []string{c.Dir}
	for _, s := range c.Subcharts {
		out = append(out, s.Dirs()...)
	}
	return out
}

// A scope is a chart as it renders: its values, with those of its
// subcharts that render beneath their names, and those subcharts.
type scope struct {
	c      *Chart
	prefix string // the chart's path in template names: shop/charts/ledger
	values map[string]any
	subs   []*scope
}

// coalesce returns the scope of a chart given the values its parent
// gives it, as Helm coalesces them: each subchart's values.yaml under
// what the chart's values set at its name, with the chart's globals; a
// subchart turned off by its condition or tags, in the chart's values
// with every subchart's beneath, is left out.
func coalesce(c *Chart, prefix string, values map[string]any) *scope {
	if _, ok := values["global"].(map[string]any); !ok {
		values["global"] = map[string]any{} // Helm's values always have one
	}
	sub := func(s *Chart) map[string]any {
		out := deepCopy(s.Values)
		if over, ok := values[s.Meta.Name].(map[string]any); ok {
			merge(out, over)
		}
		own, _ := out["global"].(map[string]any)
		if own == nil {
			own = map[string]any{}
		}
		merge(own, values["global"].(map[string]any))
		out["global"] = own
		return out
	}
	probe := deepCopy(values)
	for _, s := range c.Subcharts {
		probe[s.Meta.Name] = sub(s)
	}
	sc := &scope{c: c, prefix: prefix, values: values}
	for _, s := range c.Subcharts {
		if !s.enabled(probe) {
			continue
		}
		child := coalesce(s, path.Join(prefix, "charts", s.Meta.Name), sub(s))
		values[s.Meta.Name] = child.values
		sc.subs = append(sc.subs, child)
	}
	return sc
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

var (
	errTooMuch = errors.New("the rendered output is larger than archie reads")
	errTooLong = errors.New("the chart takes longer to render than archie waits")
)
