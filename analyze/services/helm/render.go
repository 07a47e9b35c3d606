package helm

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"path"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"text/template"
	"time"

	"github.com/Masterminds/sprig/v3"
	"gopkg.in/yaml.v3"
)

// A Manifest is what one template of a chart renders to.
type Manifest struct {
	// Template is the template's file on disk.
	Template string
	// Text is the rendered YAML.
	Text []byte
	// Lines gives, for each line of Text (Lines[0] for line 1), the line
	// of the template that wrote it: the line of the same text, else the
	// line of the action that wrote it, as near as the text tells.
	Lines []int
}

// Release names the release a chart is rendered as.
type Release struct {
	Name, Namespace string
	// Values are what the install gives over the chart's values.yaml,
	// each over the last: its values files (-f), then its --set values.
	Values []map[string]any
}

// Limits on what a chart may make archie do: how deep include and tpl
// nest, how long a list until and repeat make, how much one template
// writes.
const (
	maxNesting = 100
	maxList    = 10_000
	maxOutput  = 4 << 20
	maxTotal   = 32 << 20
)

// A TemplateError says why a template was not rendered: Template is
// the file on disk, or the chart's Chart.yaml where none was (the chart
// took too long).
type TemplateError struct {
	Template string
	Err      error
}

func (e *TemplateError) Error() string { return e.Template + ": " + e.Err.Error() }
func (e *TemplateError) Unwrap() error { return e.Err }

// Render renders every template of a chart and its subcharts that writes
// a manifest, with the values of the chart's values.yaml; one that writes
// nothing with them is there with no text. A template that does not
// render (a value it requires is unset, a function archie does not have)
// is left out, with an error that names it; the others are rendered. A
// chart whose templates take longer than timeout is left out whole.
func Render(c *Chart, rel Release, timeout time.Duration) ([]Manifest, []*TemplateError) {
	type rendered struct {
		out  []Manifest
		errs []*TemplateError
	}
	done := make(chan rendered, 1)
	r := &renderer{deadline: time.Now().Add(timeout)}
	go func() {
		out, errs := r.render(c, rel)
		done <- rendered{out, errs}
	}()
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case res := <-done:
		return res.out, res.errs
	case <-timer.C:
		// A loop that calls no function cannot be stopped: it runs on
		// until the process ends, its output thrown away.
		return nil, []*TemplateError{{filepath.Join(c.Dir, "Chart.yaml"), fmt.Errorf("its templates took longer than %v to render", timeout)}}
	}
}

func (r *renderer) render(c *Chart, rel Release) ([]Manifest, []*TemplateError) {
	r.root = template.New("chart").Option("missingkey=zero")
	r.root.Funcs(r.funcs())
	type job struct {
		f    file
		name string
		data map[string]any
	}
	type parsed struct {
		f    file
		name string
		sc   *scope
	}
	var all []parsed
	var walk func(sc *scope)
	walk = func(sc *scope) {
		for _, f := range sc.c.templates {
			all = append(all, parsed{f, path.Join(sc.prefix, f.name), sc})
		}
		for _, s := range sc.subs {
			walk(s)
		}
	}
	values := deepCopy(c.Values)
	for _, v := range rel.Values {
		merge(values, v)
	}
	walk(coalesce(c, c.Meta.Name, values))
	// Helm parses the deepest templates first, and at one depth in
	// reverse order of their names: where two define the same name, the
	// parent's wins over a subchart's, _a.tpl's over _b.tpl's.
	slices.SortFunc(all, func(a, b parsed) int {
		if da, db := strings.Count(a.name, "/"), strings.Count(b.name, "/"); da != db {
			return db - da
		}
		return strings.Compare(b.name, a.name)
	})
	var jobs []job
	var errs []*TemplateError
	for _, p := range all {
		if _, err := r.root.New(p.name).Parse(p.f.text); err != nil {
			errs = append(errs, &TemplateError{p.f.path, err})
			continue
		}
		base := path.Base(p.f.name)
		if strings.HasPrefix(base, "_") || base == "NOTES.txt" || p.sc.c.Meta.Type == "library" {
			continue // a partial, the notes, a library's: not a manifest
		}
		jobs = append(jobs, job{f: p.f, name: p.name, data: map[string]any{
			"Values":       p.sc.values,
			"Release":      map[string]any{"Name": rel.Name, "Namespace": rel.Namespace, "Service": "Helm", "IsInstall": true, "IsUpgrade": false, "Revision": 1},
			"Chart":        p.sc.c.meta,
			"Capabilities": defaultCapabilities,
			"Files":        files(p.sc.c.files),
			"Template":     map[string]any{"Name": p.name, "BasePath": path.Join(p.sc.prefix, "templates")},
		}})
	}
	slices.SortFunc(jobs, func(a, b job) int { return strings.Compare(a.name, b.name) })
	var out []Manifest
	total := 0
	for _, j := range jobs {
		if total > maxTotal {
			errs = append(errs, &TemplateError{j.f.path, errTooMuch})
			continue
		}
		if r.poisoned {
			// A value that holds itself may be in the chart's values,
			// which printing would follow without end.
			errs = append(errs, &TemplateError{j.f.path, errCycle})
			continue
		}
		var b limitedBuffer
		if err := r.root.ExecuteTemplate(&b, j.name, j.data); err != nil {
			errs = append(errs, &TemplateError{j.f.path, err})
			continue
		}
		text := strings.ReplaceAll(b.String(), "<no value>", "")
		total += len(text)
		out = append(out, Manifest{Template: j.f.path, Text: []byte(text), Lines: lineMap(j.f.text, text)})
	}
	return out, errs
}

type renderer struct {
	root     *template.Template
	nesting  int
	deadline time.Time
	poisoned bool
}

// check fails once the renderer's time is up, or a value holds itself:
// the functions a template calls stop the render.
func (r *renderer) check() error {
	if r.poisoned {
		return errCycle
	}
	if time.Now().After(r.deadline) {
		return errTooLong
	}
	return nil
}

// funcs are sprig's, as Helm gives them, and Helm's own. Functions that
// reach out of the chart are not given (env, expandenv, getHostByName);
// those that could make archie build a huge value are bounded.
func (r *renderer) funcs() template.FuncMap {
	f := sprig.TxtFuncMap()
	for _, name := range []string{"env", "expandenv", "getHostByName"} {
		delete(f, name)
	}
	f["until"] = func(n int) ([]int, error) { return r.boundedSeq(0, n, 1) }
	f["untilStep"] = func(start, stop, step int) ([]int, error) { return r.boundedSeq(start, stop, step) }
	f["repeat"] = func(n int, s string) (string, error) {
		if n < 0 || n*len(s) > maxOutput {
			return "", errTooMuch
		}
		return strings.Repeat(s, n), nil
	}
	f["toYaml"] = toYAML
	f["mustToYaml"] = toYAML
	f["toYamlPretty"] = toYAML
	f["fromYaml"] = fromYAML
	f["fromYamlArray"] = fromYAMLArray
	f["fromJson"] = fromJSON
	f["fromJsonArray"] = fromJSONArray
	f["toToml"] = func(any) string { return "" }
	f["required"] = func(msg string, v any) (any, error) {
		if v == nil {
			return nil, errors.New(msg)
		}
		if s, ok := v.(string); ok && s == "" {
			return nil, errors.New(msg)
		}
		return v, nil
	}
	f["lookup"] = func(...any) map[string]any { return map[string]any{} } // no cluster: nothing found
	// index finds nothing, rather than failing, in a map that is not
	// there: the values of a dependency archie does not have.
	f["index"] = index
	f["include"] = r.include
	f["tpl"] = r.tpl
	for name, fn := range f {
		f[name] = r.guard(name, fn)
	}
	return f
}

// guard wraps a template function so that it stops a render whose time
// is up, or that has made a value containing itself (set $m "k" $m),
// which printing it would follow without end, and refuses a result
// larger than archie reads. Each stop panics: text/template turns a
// panic of a function into the template's error.
func (r *renderer) guard(name string, fn any) any {
	v := reflect.ValueOf(fn)
	t := v.Type()
	mutates := mutating[name]
	return reflect.MakeFunc(t, func(args []reflect.Value) []reflect.Value {
		if err := r.check(); err != nil {
			panic(err)
		}
		var out []reflect.Value
		if t.IsVariadic() {
			out = v.CallSlice(args)
		} else {
			out = v.Call(args)
		}
		if mutates && len(args) > 0 && cyclic(args[0].Interface()) {
			r.poisoned = true // the value may be the chart's values, which every template sees
			panic(errCycle)
		}
		if len(out) > 0 && tooBig(out[0]) {
			panic(errTooMuch)
		}
		return out
	}).Interface()
}

// mutating are the functions that change the map or list they are given.
var mutating = map[string]bool{"set": true, "merge": true, "mergeOverwrite": true, "mustMerge": true, "mustMergeOverwrite": true, "setDefault": true}

var errCycle = errors.New("a value holds itself")

// tooBig reports whether a function's result is larger than archie
// reads: a string longer than a template may write, a list or map of
// more than maxList*10 entries.
func tooBig(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Interface:
		if v.IsNil() {
			return false
		}
		return tooBig(v.Elem())
	case reflect.String:
		return v.Len() > maxOutput
	case reflect.Slice, reflect.Map:
		return v.Len() > maxList*10
	}
	return false
}

// cyclic reports whether a map or list holds itself, at any depth.
func cyclic(v any) bool {
	onPath := make(map[uintptr]bool)
	var walk func(v any, depth int) bool
	walk = func(v any, depth int) bool {
		if depth > 1000 {
			return true // as deep as that: as bad as a cycle
		}
		var children []any
		var id uintptr
		switch x := v.(type) {
		case map[string]any:
			if x == nil {
				return false
			}
			id = reflect.ValueOf(x).Pointer()
			for _, e := range x {
				children = append(children, e)
			}
		case []any:
			if len(x) == 0 {
				return false
			}
			id = reflect.ValueOf(x).Pointer()
			children = x
		default:
			return false
		}
		if onPath[id] {
			return true
		}
		onPath[id] = true
		defer delete(onPath, id)
		for _, c := range children {
			if walk(c, depth+1) {
				return true
			}
		}
		return false
	}
	return walk(v, 0)
}

func (r *renderer) include(name string, data any) (string, error) {
	if err := r.check(); err != nil {
		return "", err
	}
	if r.nesting >= maxNesting {
		return "", fmt.Errorf("include %q nests more than %d deep", name, maxNesting)
	}
	r.nesting++
	defer func() { r.nesting-- }()
	var b limitedBuffer
	if err := r.root.ExecuteTemplate(&b, name, data); err != nil {
		return "", err
	}
	return b.String(), nil
}

func (r *renderer) tpl(text string, data any) (string, error) {
	if err := r.check(); err != nil {
		return "", err
	}
	if r.nesting >= maxNesting {
		return "", fmt.Errorf("tpl nests more than %d deep", maxNesting)
	}
	r.nesting++
	defer func() { r.nesting-- }()
	t, err := r.root.Clone()
	if err != nil {
		return "", err
	}
	t, err = t.New("tpl").Parse(text)
	if err != nil {
		return "", err
	}
	var b limitedBuffer
	if err := t.Execute(&b, data); err != nil {
		return "", err
	}
	return strings.ReplaceAll(b.String(), "<no value>", ""), nil
}

func (r *renderer) boundedSeq(start, stop, step int) ([]int, error) {
	if err := r.check(); err != nil {
		return nil, err
	}
	if step == 0 || (stop-start)/step > maxList {
		return nil, errTooMuch
	}
	var out []int
	for i := start; step > 0 && i < stop || step < 0 && i > stop; i += step {
		out = append(out, i)
	}
	return out, nil
}

// limitedBuffer is a buffer that refuses to grow past maxOutput.
type limitedBuffer struct{ bytes.Buffer }

func (b *limitedBuffer) Write(p []byte) (int, error) {
	if b.Len()+len(p) > maxOutput {
		return 0, errTooMuch
	}
	return b.Buffer.Write(p)
}

// toYAML writes a value as Helm's toYaml does, through JSON: keys
// sorted, and "" for a value JSON cannot write.
func toYAML(v any) string {
	data, err := json.Marshal(v)
	if err != nil {
		return ""
	}
	var plain any
	if err := json.Unmarshal(data, &plain); err != nil {
		return ""
	}
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(plain); err != nil {
		return ""
	}
	return strings.TrimSuffix(b.String(), "\n")
}

func fromYAML(s string) map[string]any {
	m, err := readValues([]byte(s))
	if err != nil {
		return map[string]any{"Error": err.Error()}
	}
	return m
}

func fromYAMLArray(s string) []any {
	var a []any
	if err := yaml.Unmarshal([]byte(s), &a); err != nil {
		return []any{err.Error()}
	}
	return a
}

func fromJSON(s string) map[string]any {
	m := map[string]any{}
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		return map[string]any{"Error": err.Error()}
	}
	return m
}

func fromJSONArray(s string) []any {
	var a []any
	if err := json.Unmarshal([]byte(s), &a); err != nil {
		return []any{err.Error()}
	}
	return a
}

// capabilities are a cluster's, as templates ask after them: a recent
// Kubernetes with its built-in APIs.
type capabilities struct {
	KubeVersion kubeVersion
	APIVersions apiVersions
	HelmVersion map[string]string
}

type kubeVersion struct{ Version, Major, Minor, GitVersion string }

func (k kubeVersion) String() string { return k.Version }

type apiVersions []string

// Has reports whether the cluster serves an API version, or a kind of
// one (apps/v1/Deployment).
func (a apiVersions) Has(v string) bool {
	return slices.Contains(a, v) || slices.Contains(a, path.Dir(v))
}

var defaultCapabilities = capabilities{
	KubeVersion: kubeVersion{Version: "v1.31.0", Major: "1", Minor: "31", GitVersion: "v1.31.0"},
	APIVersions: apiVersions{"v1", "apps/v1", "batch/v1", "autoscaling/v1", "autoscaling/v2", "networking.k8s.io/v1", "policy/v1",
		"rbac.authorization.k8s.io/v1", "storage.k8s.io/v1", "apiextensions.k8s.io/v1", "admissionregistration.k8s.io/v1",
		"coordination.k8s.io/v1", "discovery.k8s.io/v1", "scheduling.k8s.io/v1", "certificates.k8s.io/v1", "events.k8s.io/v1"},
	HelmVersion: map[string]string{"Version": "v3.16.0"},
}

// files are a chart's files besides its templates, as .Files gives them.
type files map[string][]byte

func (f files) Get(name string) string      { return string(f[name]) }
func (f files) GetBytes(name string) []byte { return f[name] }

// Glob returns the files whose paths match a pattern: * and ? within a
// folder, ** across folders, as Helm's glob.
func (f files) Glob(pattern string) files {
	out := files{}
	re, err := globRegexp(pattern)
	if err != nil {
		return out
	}
	for name, data := range f {
		if re.MatchString(name) {
			out[name] = data
		}
	}
	return out
}

func globRegexp(pattern string) (*regexp.Regexp, error) {
	var b strings.Builder
	b.WriteString("^")
	for i := 0; i < len(pattern); i++ {
		switch c := pattern[i]; c {
		case '*':
			if i+1 < len(pattern) && pattern[i+1] == '*' {
				b.WriteString(".*")
				i++
			} else {
				b.WriteString("[^/]*")
			}
		case '?':
			b.WriteString("[^/]")
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	b.WriteString("$")
	return regexp.Compile(b.String())
}

// AsConfig writes the files as a ConfigMap's data, by their base names.
func (f files) AsConfig() string {
	m := map[string]string{}
	for name, data := range f {
		m[path.Base(name)] = string(data)
	}
	return toYAML(m)
}

// AsSecrets writes the files as a Secret's data, base64-encoded.
func (f files) AsSecrets() string {
	m := map[string]string{}
	for name, data := range f {
		m[path.Base(name)] = base64.StdEncoding.EncodeToString(data)
	}
	return toYAML(m)
}

// Lines returns a file's lines.
func (f files) Lines(name string) []string {
	if len(f[name]) == 0 {
		return nil
	}
	return strings.Split(strings.TrimSuffix(string(f[name]), "\n"), "\n")
}

// lineMap returns, for each line of a template's output, the template's
// line that wrote it: the next line of the template with the same text
// (a literal line), else the template's next line not matched yet (the
// action that wrote it).
func lineMap(tmpl, out string) []int {
	src := strings.Split(tmpl, "\n")
	index := make(map[string][]int) // trimmed text -> its lines, 0-based
	for i, l := range src {
		if t := strings.TrimSpace(l); t != "" && !strings.Contains(t, "{{") {
			index[t] = append(index[t], i)
		}
	}
	lines := strings.Split(out, "\n")
	m := make([]int, len(lines))
	next := 0 // the template's first line not matched yet
	for i, l := range lines {
		at := -1
		for _, j := range index[strings.TrimSpace(l)] {
			if j >= next {
				at = j
				break
			}
		}
		if at >= 0 {
			m[i] = at + 1
			next = at + 1
			continue
		}
		m[i] = min(next, len(src)-1) + 1
	}
	return m
}

// index is text/template's index, but that a key of a map that is not
// there, or that is not a map, finds nothing.
func index(v any, keys ...any) (any, error) {
	for _, k := range keys {
		switch x := v.(type) {
		case nil:
			return nil, nil
		case map[string]any:
			s, ok := k.(string)
			if !ok {
				return nil, fmt.Errorf("index of a map with %T", k)
			}
			v = x[s]
		case []any:
			i, ok := toInt(k)
			if !ok || i < 0 || i >= len(x) {
				return nil, fmt.Errorf("index %v out of range", k)
			}
			v = x[i]
		default:
			rv := reflect.ValueOf(v)
			switch rv.Kind() {
			case reflect.Map:
				kv := reflect.ValueOf(k)
				if !kv.Type().AssignableTo(rv.Type().Key()) {
					return nil, fmt.Errorf("index of a map with %T", k)
				}
				e := rv.MapIndex(kv)
				if !e.IsValid() {
					return nil, nil
				}
				v = e.Interface()
			case reflect.Slice, reflect.Array, reflect.String:
				i, ok := toInt(k)
				if !ok || i < 0 || i >= rv.Len() {
					return nil, fmt.Errorf("index %v out of range", k)
				}
				v = rv.Index(i).Interface()
			default:
				return nil, fmt.Errorf("cannot index %T", v)
			}
		}
	}
	return v, nil
}

func toInt(k any) (int, bool) {
	rv := reflect.ValueOf(k)
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return int(rv.Int()), true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return int(rv.Uint()), true
	}
	return 0, false
}
