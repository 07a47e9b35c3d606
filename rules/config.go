package rules

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// ConfigNames are the file names FindConfig looks for, in order.
var ConfigNames = []string{"archie.yaml", ".archie.yaml"}

// Config is a parsed archie.yaml.
type Config struct {
	Version    int         `yaml:"version"`
	ADR        ADRConfig   `yaml:"adr"`
	Layers     *Layers     `yaml:"layers"`
	Hexagonal  *Hexagonal  `yaml:"hexagonal"`
	Contexts   *Contexts   `yaml:"contexts"`
	Rules      []*Rule     `yaml:"rules"`
	Cycles     *Cycles     `yaml:"cycles"`
	Exceptions []Exception `yaml:"exceptions"`
	Metrics    *Metrics    `yaml:"metrics"`
	Services   []*Service  `yaml:"services"`
	Mains      *Mains      `yaml:"mains"`
	Smells     *Smells     `yaml:"smells"`
	Tests      bool        `yaml:"tests"`
	// Exhaustive asks every package of the module to be placed in a
	// layer, a context or a hexagon zone.
	Exhaustive *Exhaustive `yaml:"exhaustive"`

	// Baseline is the file of accepted violations, relative to Dir;
	// empty means DefaultBaseline, if that file exists.
	Baseline Name `yaml:"baseline"`

	// File is the config's path as given to LoadConfig; Dir is the
	// absolute directory that relative patterns start from.
	File string `yaml:"-"`
	Dir  string `yaml:"-"`

	citations []Citation
}

// ADRConfig says where decision records live.
type ADRConfig struct {
	Dir string `yaml:"dir"`
	// Statuses are the statuses `archie adr lint` accepts; empty means
	// proposed, accepted, rejected, deprecated, superseded and draft.
	Statuses []string `yaml:"statuses"`
}

// A Citation is a rule that names the decision record behind it.
type Citation struct {
	Rule string // "layers", "hexagonal", "contexts", "cycles" or a rule's name
	ADR  int
	Pos  Pos // of the adr key's value
}

// Layers orders groups of packages from top to bottom.
type Layers struct {
	Strict   bool     `yaml:"strict"`
	ADR      int      `yaml:"adr"`
	Severity Severity `yaml:"severity"`
	Order    []*Layer `yaml:"order"`
}

// A Layer is one named group of packages in Layers.Order.
type Layer struct {
	Name     string   `yaml:"name"`
	Packages Patterns `yaml:"packages"`
	Pos      Pos      `yaml:"-"`
}

// Hexagonal describes a ports-and-adapters architecture.
type Hexagonal struct {
	ADR        int      `yaml:"adr"`
	Severity   Severity `yaml:"severity"`
	Core       Patterns `yaml:"core"`
	Ports      Patterns `yaml:"ports"`
	Adapters   Patterns `yaml:"adapters"`
	CoreAllow  Patterns `yaml:"core_allow"`
	CoreForbid Patterns `yaml:"core_forbid"`
}

// Contexts describes bounded contexts and the shared kernel between them.
type Contexts struct {
	ADR      int        `yaml:"adr"`
	Severity Severity   `yaml:"severity"`
	Shared   Patterns   `yaml:"shared"`
	List     []*Context `yaml:"list"`
}

// A Context is one bounded context.
type Context struct {
	Name     string   `yaml:"name"`
	Packages Patterns `yaml:"packages"`
	API      Patterns `yaml:"api"`
	Uses     []Name   `yaml:"uses"`
	Pos      Pos      `yaml:"-"`
}

// A Rule is a free-form import rule: its packages may not import what
// Forbid lists, and, when Allow is given, may import only what it lists.
type Rule struct {
	Name     string   `yaml:"name"`
	Packages Patterns `yaml:"packages"`
	Forbid   Patterns `yaml:"forbid"`
	Allow    Patterns `yaml:"allow"`
	Severity Severity `yaml:"severity"`
	ADR      int      `yaml:"adr"`
	Why      string   `yaml:"why"`
	// Transitive forbids reaching what Forbid lists through any chain of
	// imports of the module, not only importing it.
	Transitive bool `yaml:"transitive"`
	Pos        Pos  `yaml:"-"`
}

// Cycles asks for cycles between folders to be reported.
type Cycles struct {
	Severity Severity `yaml:"severity"`
	Depth    int      `yaml:"depth"`
	ADR      int      `yaml:"adr"`
	DepthPos Pos      `yaml:"-"`
}

// UnmarshalYAML records where the depth was written.
func (cy *Cycles) UnmarshalYAML(n *yaml.Node) error {
	type plain Cycles
	cy.DepthPos = pos(n)
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == "depth" {
			cy.DepthPos = pos(n.Content[i+1])
		}
	}
	return n.Decode((*plain)(cy))
}

// Metrics sets thresholds on the coupling and size measures of archie
// metrics; a node past one is a violation.
type Metrics struct {
	Level          string   `yaml:"level"` // package (default), layer or context
	Severity       Severity `yaml:"severity"`
	ADR            int      `yaml:"adr"`
	Exclude        Patterns `yaml:"exclude"` // packages not judged
	MaxDistance    *float64 `yaml:"max-distance"`
	MaxInstability *float64 `yaml:"max-instability"`
	MaxAfferent    *int     `yaml:"max-afferent"`
	MaxEfferent    *int     `yaml:"max-efferent"`
	MaxLines       *int     `yaml:"max-lines"`
}

// An Exception accepts the violations of imports from From to To, with a
// reason, until a date.
type Exception struct {
	From  Pattern `yaml:"from"`
	To    Pattern `yaml:"to"`
	Why   string  `yaml:"why"`
	Until Date    `yaml:"until"`
	Pos   Pos     `yaml:"-"`
}

// Pos is a position in the config file.
type Pos struct{ Line, Column int }

// A Name is a string with the position it was written at.
type Name struct {
	Text string
	Pos  Pos
}

// A Date is a calendar day written as 2006-01-02.
type Date struct {
	time.Time
	Pos Pos
}

// Severity is how much a violation matters: error fails the check, warning
// is reported only, info is reported as a note that is counted apart from
// warnings (a fact worth knowing, not a debt), off turns the rule off.
// Neither warning nor info ever fails a run.
type Severity string

// The severities.
const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
	SeverityInfo    Severity = "info"
	SeverityOff     Severity = "off"
)

func (s Severity) or(def Severity) Severity {
	if s == "" {
		return def
	}
	return s
}

// A ConfigError is a problem with archie.yaml, at a line and column when
// it has one.
type ConfigError struct {
	File string
	Pos  Pos
	Msg  string
}

func (e *ConfigError) Error() string {
	if e.Pos.Line == 0 {
		return e.File + ": " + e.Msg
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Pos.Line, e.Pos.Column, e.Msg)
}

// ErrNoConfig is returned by FindConfig when no config file exists in the
// directory or any of its parents.
var ErrNoConfig = errors.New("no archie.yaml found")

// FindConfig returns the path of the config file for dir: archie.yaml or
// .archie.yaml in dir or the nearest parent that has one.
func FindConfig(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for d := abs; ; d = filepath.Dir(d) {
		var found []string
		for _, name := range ConfigNames {
			p := filepath.Join(d, name)
			if _, err := os.Stat(p); err == nil {
				found = append(found, p)
			} else if !errors.Is(err, fs.ErrNotExist) {
				return "", err
			}
		}
		switch len(found) {
		case 1:
			return found[0], nil
		case 2:
			// One would be read and the other's rules never run.
			return "", fmt.Errorf("both %s and %s are in %s: keep one (or pass --config)", ConfigNames[0], ConfigNames[1], d)
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("%w in %s or any parent directory", ErrNoConfig, abs)
		}
	}
}

// maxConfigSize bounds what LoadConfig reads: an archie.yaml is a page or
// two, and a file of megabytes is a mistake, not a config.
const maxConfigSize = 4 << 20

// LoadConfig reads and validates the config file at path. Errors about its
// content are *ConfigError values with the line and column at fault.
func LoadConfig(path string) (*Config, error) {
	data, err := ReadRegular(path, maxConfigSize)
	if err != nil {
		return nil, fmt.Errorf("read config: %w", err)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	cfg, err := ParseConfig(path, data)
	if err != nil {
		return nil, err
	}
	// Patterns are matched against directories as the go command reports
	// them, without symbolic links: take the config's folder so too.
	cfg.Dir = filepath.Dir(abs)
	if real, err := filepath.EvalSymlinks(cfg.Dir); err == nil {
		cfg.Dir = real
	}
	return cfg, nil
}

// ReadRegular reads a regular file of at most limit bytes. A FIFO, a
// device or a directory is refused before it is opened for reading, so
// that archie never blocks on one. Config, baseline and facts files are
// read through it.
func ReadRegular(path string, limit int64) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file (%s)", path, kindOf(info.Mode()))
	}
	if info.Size() > limit {
		return nil, fmt.Errorf("%s is %d bytes; archie reads at most %d", path, info.Size(), limit)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err == nil && int64(len(data)) > limit {
		err = fmt.Errorf("%s is over %d bytes; archie reads at most that", path, limit)
	}
	return data, err
}

func kindOf(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "not a plain file"
}

// ParseConfig parses and validates config data; file names it in errors.
func ParseConfig(file string, data []byte) (*Config, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // a UTF-8 BOM, as some editors write
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, &ConfigError{File: file, Msg: "the file is empty; start it with \"version: 1\""}
		}
		return nil, yamlError(file, data, err)
	}
	// A second document would be ignored by the decoder, and with it every
	// rule it holds: refuse it rather than check half the config.
	var next yaml.Node
	if err := dec.Decode(&next); err == nil {
		at := pos(&next)
		if len(next.Content) > 0 {
			at = pos(next.Content[0])
		}
		return nil, &ConfigError{File: file, Pos: at, Msg: "a second YAML document starts here (after ---): archie.yaml is one document; remove the --- line and merge the sections"}
	} else if !errors.Is(err, io.EOF) {
		return nil, yamlError(file, data, err)
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	if root.Kind != yaml.MappingNode {
		return nil, &ConfigError{File: file, Pos: pos(root), Msg: "the config must be a mapping of sections (version, layers, rules, ...)"}
	}
	if err := checkKeys(file, root, reflect.TypeOf(Config{}), ""); err != nil {
		return nil, err
	}
	cfg := &Config{File: file}
	if err := root.Decode(cfg); err != nil {
		return nil, yamlError(file, data, err)
	}
	if err := cfg.validate(root); err != nil {
		return nil, err
	}
	cfg.citations = citations(root)
	return cfg, nil
}

// yamlError turns a yaml.v3 error, which puts "line N:" inside its text,
// into a ConfigError with that line.
func yamlError(file string, data []byte, err error) error {
	var ce *ConfigError
	if errors.As(err, &ce) {
		if ce.File == "" {
			ce.File = file
		}
		return ce
	}
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	msg = strings.TrimPrefix(msg, "unmarshal errors:\n  ")
	if i := strings.Index(msg, "\n"); i >= 0 {
		msg = msg[:i] // the first of several: fixing it often fixes the rest
	}
	msg = plainTypes(msg)
	var line int
	if n, _ := fmt.Sscanf(msg, "line %d:", &line); n == 1 {
		_, rest, _ := strings.Cut(msg, ":")
		msg = strings.TrimSpace(rest)
		if lines := bytes.Split(data, []byte("\n")); line <= len(lines) && bytes.HasPrefix(bytes.TrimLeft(lines[line-1], " "), []byte("\t")) {
			msg += " (YAML indents with spaces, not tabs)"
		}
		return &ConfigError{File: file, Pos: Pos{Line: line, Column: 1}, Msg: msg}
	}
	if !utf8.Valid(data) {
		msg += " (archie.yaml must be UTF-8 text)"
	}
	return &ConfigError{File: file, Msg: msg}
}

func pos(n *yaml.Node) Pos { return Pos{Line: n.Line, Column: n.Column} }

// yamlTypeError matches yaml.v3's "cannot unmarshal !!str `abc` into int".
var yamlTypeError = regexp.MustCompile("cannot unmarshal (!!\\w+)(?: `([^`]*)`)? into (\\S+)")

// plainTypes says a YAML type error in the words of archie.yaml: what was
// written and what was expected, not Go's type names.
func plainTypes(msg string) string {
	return yamlTypeError.ReplaceAllStringFunc(msg, func(m string) string {
		sub := yamlTypeError.FindStringSubmatch(m)
		got := map[string]string{"!!map": "a mapping", "!!seq": "a list", "!!str": "text", "!!int": "a number",
			"!!float": "a number", "!!bool": "true or false", "!!null": "nothing", "!!timestamp": "a date"}[sub[1]]
		if got == "" {
			got = "a value"
		}
		if sub[2] != "" {
			got += fmt.Sprintf(" %q", sub[2])
		}
		want := "another kind of value"
		switch t := sub[3]; {
		case strings.HasPrefix(t, "[]"), strings.HasPrefix(t, "rules.Patterns"):
			want = "a list"
		case strings.HasPrefix(t, "map["), strings.HasPrefix(t, "rules."):
			want = "a mapping of keys"
		case strings.HasPrefix(t, "int"), strings.HasPrefix(t, "uint"), strings.HasPrefix(t, "float"):
			want = "a number"
		case t == "bool":
			want = "true or false"
		case t == "string":
			want = "text"
		}
		if strings.HasPrefix(got, "a number") && want == "a number" {
			return fmt.Sprintf("%s is out of range", got)
		}
		return fmt.Sprintf("found %s where %s is expected", got, want)
	})
}

// checkKeys walks a YAML node against the Go type it will decode into and
// rejects keys that type does not have, with a did-you-mean hint. yaml.v3's
// KnownFields does this too, but reports neither the column nor a hint, and
// is lost inside custom unmarshalers.
func checkKeys(file string, n *yaml.Node, t reflect.Type, where string) error {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	switch {
	case t == reflect.TypeOf(yaml.Node{}):
		return nil
	case t.Kind() == reflect.Slice && n.Kind == yaml.SequenceNode:
		elem := t.Elem()
		for elem.Kind() == reflect.Pointer {
			elem = elem.Elem()
		}
		for _, item := range n.Content {
			if item.Kind == yaml.ScalarNode && item.Tag == "!!null" && elem.Kind() == reflect.Struct && elem.NumField() > 0 {
				return &ConfigError{File: file, Pos: pos(item), Msg: fmt.Sprintf("empty entry%s: write it out or remove the dash", in(where))}
			}
			if err := checkKeys(file, item, t.Elem(), where); err != nil {
				return err
			}
		}
	case t.Kind() == reflect.Struct && n.Kind == yaml.MappingNode:
		fields := make(map[string]reflect.Type)
		var names []string
		for i := range t.NumField() {
			f := t.Field(i)
			tag, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
			if tag == "" || tag == "-" {
				continue
			}
			fields[tag] = f.Type
			names = append(names, tag)
		}
		if len(names) == 0 {
			return nil // a scalar type with its own unmarshaler
		}
		seen := make(map[string]bool)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			ft, ok := fields[k.Value]
			if !ok {
				msg := fmt.Sprintf("unknown key %q%s", k.Value, in(where))
				if s := suggest(k.Value, names); s != "" {
					msg += fmt.Sprintf(" (did you mean %q?)", s)
				} else {
					msg += " (known keys: " + strings.Join(names, ", ") + ")"
				}
				return &ConfigError{File: file, Pos: pos(k), Msg: msg}
			}
			if seen[k.Value] {
				return &ConfigError{File: file, Pos: pos(k), Msg: fmt.Sprintf("key %q appears twice%s", k.Value, in(where))}
			}
			seen[k.Value] = true
			sub := k.Value
			if where != "" {
				sub = where + "." + k.Value
			}
			if err := checkKeys(file, v, ft, sub); err != nil {
				return err
			}
		}
	}
	return nil
}

func in(where string) string {
	if where == "" {
		return ""
	}
	return " in " + where
}

// suggest returns the candidate closest to s, if it is close enough to be
// a likely typo.
func suggest(s string, candidates []string) string {
	best, bestDist := "", 1<<30
	for _, c := range candidates {
		if d := editDistance(strings.ToLower(s), strings.ToLower(c)); d < bestDist {
			best, bestDist = c, d
		}
	}
	if bestDist <= max(2, len(s)/3) && bestDist < len(s) {
		return best
	}
	return ""
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// UnmarshalYAML records where each group was written.
func (l *Layer) UnmarshalYAML(n *yaml.Node) error {
	type plain Layer
	l.Pos = pos(n)
	return n.Decode((*plain)(l))
}

// UnmarshalYAML records where each context was written.
func (c *Context) UnmarshalYAML(n *yaml.Node) error {
	type plain Context
	c.Pos = pos(n)
	return n.Decode((*plain)(c))
}

// UnmarshalYAML records where each rule was written.
func (r *Rule) UnmarshalYAML(n *yaml.Node) error {
	type plain Rule
	r.Pos = pos(n)
	return n.Decode((*plain)(r))
}

// UnmarshalYAML records where each exception was written.
func (e *Exception) UnmarshalYAML(n *yaml.Node) error {
	type plain Exception
	e.Pos = pos(n)
	return n.Decode((*plain)(e))
}

// UnmarshalYAML reads a name and its position.
func (nm *Name) UnmarshalYAML(n *yaml.Node) error {
	nm.Pos = pos(n)
	return n.Decode(&nm.Text)
}

// UnmarshalYAML reads a date as written in YAML (2027-03-01).
func (d *Date) UnmarshalYAML(n *yaml.Node) error {
	d.Pos = pos(n)
	t, err := time.Parse(time.DateOnly, n.Value)
	if err != nil {
		return &ConfigError{Pos: d.Pos, Msg: fmt.Sprintf("date %q is not a day written YYYY-MM-DD, such as 2027-03-01", n.Value)}
	}
	d.Time = t
	return nil
}

// UnmarshalYAML accepts error, warning, info and off.
func (s *Severity) UnmarshalYAML(n *yaml.Node) error {
	switch v := Severity(n.Value); v {
	case SeverityError, SeverityWarning, SeverityInfo, SeverityOff:
		*s = v
		return nil
	}
	return &ConfigError{Pos: pos(n), Msg: fmt.Sprintf("severity %q is not one of error, warning, info, off", n.Value)}
}

// BaselineFile is the absolute path of the baseline file, and whether the
// config names it (then it must exist, unless it is being written).
func (c *Config) BaselineFile() (path string, named bool) {
	if c.Baseline.Text != "" {
		return filepath.Join(c.Dir, filepath.FromSlash(c.Baseline.Text)), true
	}
	return filepath.Join(c.Dir, DefaultBaseline), false
}

// HasRules reports whether the config declares anything to check.
func (c *Config) HasRules() bool {
	return c.Layers != nil || c.Hexagonal != nil || c.Contexts != nil || len(c.Rules) > 0 || c.Cycles != nil || c.Metrics != nil || c.Smells.Any() || c.Exhaustive.on()
}

// Citations lists the rules that cite a decision record with `adr:`, in
// the order the file states them.
func (c *Config) Citations() []Citation { return c.citations }

// citations finds every `adr:` key of a section or a free-form rule.
func citations(root *yaml.Node) []Citation {
	var out []Citation
	cite := func(rule string, m *yaml.Node) {
		if m.Kind != yaml.MappingNode {
			return
		}
		for i := 0; i+1 < len(m.Content); i += 2 {
			if m.Content[i].Value != "adr" {
				continue
			}
			var n int
			if err := m.Content[i+1].Decode(&n); err == nil && n > 0 {
				out = append(out, Citation{Rule: rule, ADR: n, Pos: pos(m.Content[i+1])})
			}
		}
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		key, val := root.Content[i].Value, root.Content[i+1]
		switch key {
		case "layers", "hexagonal", "contexts", "cycles", "metrics":
			cite(key, val)
		case "smells":
			for j := 0; j+1 < len(val.Content); j += 2 {
				cite(val.Content[j].Value, val.Content[j+1])
			}
		case "rules":
			for _, r := range val.Content {
				name := ""
				for j := 0; j+1 < len(r.Content); j += 2 {
					if r.Content[j].Value == "name" {
						name = r.Content[j+1].Value
					}
				}
				cite(name, r)
			}
		}
	}
	return out
}
