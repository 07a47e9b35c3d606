package rules

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
)

// DefaultBaseline is the baseline file archie reads when archie.yaml names
// none, relative to the config's directory.
const DefaultBaseline = ".archie-baseline.json"

// BaselineSchema names the format of a baseline file.
const BaselineSchema = "archie.baseline/v1"

// A Baseline is the set of violations a project has accepted for now: a
// check fails only on violations it does not cover, and reports those it
// covers that no longer occur. Entries are keyed without positions, so
// that moving code or adding lines above an import does not churn the
// file; a key that occurs Count times covers that many violations.
type Baseline struct {
	File    string // as given to ReadBaseline, for messages
	Entries []BaselineEntry
}

// A BaselineEntry is one accepted violation key and how often it occurs.
type BaselineEntry struct {
	Rule     string `json:"rule"`
	Kind     string `json:"kind"`
	From     string `json:"from,omitempty"`
	To       string `json:"to,omitempty"`
	Resource string `json:"resource,omitempty"`
	Count    int    `json:"count"`
	// Files are where the accepted violations are, so that when a key
	// occurs more often than accepted, the ones in other files are the
	// new ones. Lines are left out: they move with every edit above.
	Files []string `json:"files,omitempty"`
	// Line is where the entry is written in the file, for messages.
	Line int `json:"-"`
}

func (e BaselineEntry) key() baselineKey {
	return baselineKey{e.Rule, e.Kind, e.From, e.To, e.Resource}
}

type baselineKey struct{ rule, kind, from, to, resource string }

func keyOf(v Violation) baselineKey {
	return baselineKey{v.Rule, v.Kind, v.From, v.To, v.Resource}
}

// String names an entry as messages do: rule, what, and where from and to.
func (e BaselineEntry) String() string {
	s := e.Rule + " " + e.Kind
	if e.From != "" || e.To != "" {
		s += " " + e.From + " → " + e.To
	}
	if e.Resource != "" {
		s += " (" + e.Resource + ")"
	}
	return s
}

// NewBaseline accepts every violation of vs: one entry per key, counted,
// sorted.
func NewBaseline(vs []Violation) *Baseline {
	entries := make(map[baselineKey]*BaselineEntry)
	for _, v := range vs {
		k := keyOf(v)
		e := entries[k]
		if e == nil {
			e = &BaselineEntry{Rule: k.rule, Kind: k.kind, From: k.from, To: k.to, Resource: k.resource}
			entries[k] = e
		}
		e.Count++
		if f := v.Position.File; f != "" && !slices.Contains(e.Files, f) {
			e.Files = append(e.Files, f)
		}
	}
	b := &Baseline{Entries: make([]BaselineEntry, 0, len(entries))}
	for _, e := range entries {
		sort.Strings(e.Files)
		b.Entries = append(b.Entries, *e)
	}
	sortEntries(b.Entries)
	return b
}

func sortEntries(es []BaselineEntry) {
	sort.Slice(es, func(i, j int) bool {
		a, b := es[i].key(), es[j].key()
		switch {
		case a.rule != b.rule:
			return a.rule < b.rule
		case a.kind != b.kind:
			return a.kind < b.kind
		case a.from != b.from:
			return a.from < b.from
		case a.to != b.to:
			return a.to < b.to
		}
		return a.resource < b.resource
	})
}

// Apply marks the violations of r the baseline covers as baselined: for
// each key, as many as its count, in r's order. It sets r.Fixed to what
// the baseline covers that no longer occurs, so that it can shrink.
func (b *Baseline) Apply(r *Result) {
	left := make(map[baselineKey]int, len(b.Entries))
	files := make(map[baselineKey][]string, len(b.Entries))
	for _, e := range b.Entries {
		left[e.key()] += e.Count
		files[e.key()] = append(files[e.key()], e.Files...)
	}
	// Violations in the files the baseline names first: when a key occurs
	// more often than accepted, the excess is in the other files.
	for _, inFiles := range []bool{true, false} {
		for i := range r.Violations {
			v := &r.Violations[i]
			k := keyOf(*v)
			if v.Baselined || left[k] == 0 || inFiles && !slices.Contains(files[k], v.Position.File) {
				continue
			}
			left[k]--
			v.Baselined = true
		}
	}
	r.Fixed = nil
	for _, e := range b.Entries {
		if n := left[e.key()]; n > 0 {
			fixed := e
			fixed.Count = min(n, e.Count)
			left[e.key()] -= fixed.Count
			r.Fixed = append(r.Fixed, fixed)
		}
	}
}

// Marshal writes the baseline as JSON with one entry per line, so that a
// change to it reads as a diff of the violations accepted or fixed.
func (b *Baseline) Marshal() []byte {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "{\n  \"schema\": %q,\n  \"violations\": [", BaselineSchema)
	for i, e := range b.Entries {
		line, _ := json.Marshal(e)
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.WriteString("\n    ")
		buf.Write(line)
	}
	if len(b.Entries) > 0 {
		buf.WriteString("\n  ")
	}
	buf.WriteString("]\n}\n")
	return buf.Bytes()
}

// ReadBaseline parses a baseline file's content. A file that is not a
// baseline, or an entry that is incomplete, is an error at its line: a
// hand-mangled baseline must never pass as an empty one.
func ReadBaseline(file string, data []byte) (*Baseline, error) {
	errAt := func(offset int64, format string, args ...any) error {
		line, col := lineCol(data, offset)
		return &ConfigError{File: file, Pos: Pos{Line: line, Column: col}, Msg: fmt.Sprintf(format, args...)}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // a byte-order mark some editors add
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var doc struct {
		Schema     string            `json:"schema"`
		Violations []json.RawMessage `json:"violations"`
	}
	if err := dec.Decode(&doc); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			return nil, errAt(se.Offset-1, "not valid JSON: %v", se) // Offset is just past the bad byte
		case errors.As(err, &te):
			return nil, errAt(te.Offset, "%s holds a JSON %s; want the archie baseline format", te.Field, te.Value)
		case errors.Is(err, io.EOF):
			return nil, &ConfigError{File: file, Msg: "the baseline is empty; write it with archie check --update-baseline"}
		}
		return nil, &ConfigError{File: file, Pos: Pos{Line: 1, Column: 1}, Msg: "not an archie baseline: " + strings.TrimPrefix(err.Error(), "json: ")}
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, errAt(dec.InputOffset(), "text after the baseline's JSON object")
	}
	if doc.Schema != BaselineSchema {
		return nil, &ConfigError{File: file, Pos: Pos{Line: 1, Column: 1}, Msg: fmt.Sprintf("schema is %q, not %q: is this an archie baseline? write one with archie check --update-baseline", doc.Schema, BaselineSchema)}
	}
	b := &Baseline{File: file}
	seen := make(map[baselineKey]int)
	for _, raw := range doc.Violations {
		offset := int64(bytes.Index(data, raw)) // the first such entry: enough to point at
		line, _ := lineCol(data, offset)
		var e BaselineEntry
		d := json.NewDecoder(bytes.NewReader(raw))
		d.DisallowUnknownFields()
		if err := d.Decode(&e); err != nil {
			return nil, errAt(offset, "bad entry: %v", strings.TrimPrefix(err.Error(), "json: "))
		}
		switch {
		case e.Rule == "" || e.Kind == "":
			return nil, errAt(offset, "an entry needs a rule and a kind")
		case e.Count < 1:
			return nil, errAt(offset, "count is %d; an entry covers 1 violation or more", e.Count)
		}
		if prev, ok := seen[e.key()]; ok {
			return nil, errAt(offset, "the same violation as line %d; merge the two and add their counts", prev)
		}
		e.Line = line
		seen[e.key()] = line
		b.Entries = append(b.Entries, e)
	}
	return b, nil
}

// lineCol turns a byte offset into a 1-based line and column.
func lineCol(data []byte, offset int64) (line, col int) {
	offset = max(0, min(offset, int64(len(data))))
	before := data[:offset]
	line = bytes.Count(before, []byte("\n")) + 1
	col = int(offset) - bytes.LastIndexByte(before, '\n')
	return line, col
}
