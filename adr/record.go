package adr

import (
	"fmt"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// Format is the way a record is written.
type Format string

// The formats archie reads and writes.
const (
	// Nygard is Michael Nygard's format as adr-tools writes it: a numbered
	// "# 1. Title" heading, a "Date:" line and a "## Status" section whose
	// lines are the status and links to other records.
	Nygard Format = "nygard"
	// MADR is Markdown Architectural Decision Records: status, date and
	// decision makers in YAML front matter (MADR 3 and 4) or in a bullet
	// list under the title (MADR 2, log4brains), and "# Title" unnumbered.
	MADR Format = "madr"
)

// A Record is one decision record as read from its file.
type Record struct {
	Number int    // from the file name; 0 for date-prefixed (log4brains) names
	Dated  bool   // named by date (20240131-title.md), as log4brains does; Number is 0
	File   string // the file's path: the log's directory joined with its name
	Format Format

	Title          string // the heading, without Nygard's "N. "
	Status         string // as written, without links; "" when the record states none
	Date           string
	DecisionMakers []string
	Links          []Link

	// Lines (1-based) where the record states each thing; 0 when it does not.
	TitleLine, StatusLine, DateLine int

	bom      bool   // the file starts with a UTF-8 byte-order mark, kept on rewrite
	src      lines  // the file's lines, after any byte-order mark
	orig     string // the file's content when read or last written
	fmEnd    int    // index of the line closing the front matter; 0 without one
	statusAt where  // where the status lives, for rewriting it
	heading  string // the title line's text after "# ", as adr-tools shows it
}

// A Link is a relation a record states to another record, such as
// "Supersedes [2. Use MySQL](0002-use-mysql.md)".
type Link struct {
	Verb   string // as written: "Supersedes", "Superceded by", "Amended by"
	Target int    // the number of the record linked to; 0 when the link names none
	Href   string // the file the link points at, unescaped; "" for a bare "ADR-0005"
	Line   int

	text       string // the link text, unescaped
	start, end int    // the bytes of the link in its line; end is 0 when unknown
}

// where says in which form a record keeps its status.
type where int

const (
	statusNone    where = iota
	statusSection       // a "## Status" section (Nygard)
	statusFront         // a "status:" front-matter key (MADR 3, 4)
	statusBullet        // a "* Status:" bullet under the title (MADR 2)
)

// Name is the record's file name.
func (r *Record) Name() string { return filepath.Base(r.File) }

// ID is the file name without its extension: "0002-use-mysql".
func (r *Record) ID() string { return strings.TrimSuffix(r.Name(), ".md") }

// Heading is the record's title as its heading line shows it, which is how
// adr-tools names a record in links and tables of contents: "2. Use MySQL"
// in Nygard format, "Use MySQL" in MADR.
func (r *Record) Heading() string {
	if r.heading != "" {
		return r.heading
	}
	return r.Title
}

// Label names the record in messages: "ADR-0002" or, for a record named by
// date, its file name without extension.
func (r *Record) Label() string {
	if r.Dated {
		return r.ID()
	}
	return Label(r.Number)
}

// Label is the conventional name of record n: "ADR-0002".
func Label(n int) string { return fmt.Sprintf("ADR-%04d", n) }

// A ParseError is a record that cannot be read, at the line at fault.
type ParseError struct {
	File string
	Line int
	Msg  string
}

func (e *ParseError) Error() string {
	if e.Line == 0 {
		return e.File + ": " + e.Msg
	}
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

var (
	fileName   = regexp.MustCompile(`^((?i:adr-?)?)([0-9]+)-([^/]*)\.md$`)
	numbered   = regexp.MustCompile(`^([0-9]+)\.\s+(.*)$`)
	labelled   = regexp.MustCompile(`^(?i:ADR)[- ]?([0-9]+)\s*[:.\-–—]\s*(.*)$`)
	bareRef    = regexp.MustCompile(`(?i)\bADR[- ]?0*([0-9]+)\b`)
	metaBullet = regexp.MustCompile(`^[*-]\s+(?:\*\*)?([A-Za-z][A-Za-z -]*?)(?:\*\*)?:(?:\*\*)?\s*(.*)$`)
	fence      = regexp.MustCompile("^\\s*(```|~~~)")
)

// IsRecordName reports whether a file name is a decision record's: digits,
// a hyphen, anything, ".md" (as adr-tools lists them), optionally after
// "adr-" (adr-001-title.md, a common hand-made naming).
func IsRecordName(name string) bool { return fileName.MatchString(name) }

// A recordName is what a record's file name says.
type recordName struct {
	prefix string // "" or "adr-" as written
	digits string
	number int    // 0 when dated
	date   string // YYYY-MM-DD when the name starts with a date
	slug   string
}

// parseName reads a record file name; ok is false for other files.
func parseName(name string) (recordName, bool) {
	m := fileName.FindStringSubmatch(name)
	if m == nil {
		return recordName{}, false
	}
	rn := recordName{prefix: m[1], digits: m[2], slug: m[3]}
	if d, isDate := datePrefix(m[2]); isDate && m[1] == "" {
		rn.date = d
		return rn, true
	}
	n, err := strconv.Atoi(m[2])
	if err != nil {
		return recordName{}, false
	}
	rn.number = n
	return rn, true
}

func datePrefix(digits string) (string, bool) {
	if len(digits) != 8 {
		return "", false
	}
	t, err := time.Parse("20060102", digits)
	if err != nil || t.Year() < 1970 || t.Year() > 2200 {
		return "", false
	}
	return t.Format("2006-01-02"), true
}

// Parse reads one record. file is its path, used for the number (from the
// file name) and in errors.
func Parse(file string, data []byte) (*Record, error) {
	rn, _ := parseName(filepath.Base(file))
	nameDate := rn.date
	text, bom := strings.CutPrefix(string(data), utf8BOM)
	r := &Record{Number: rn.number, Dated: rn.date != "", File: file, Format: Nygard, bom: bom, src: splitLines(text), orig: string(data)}
	body := 0
	if len(r.src) > 0 && r.src.text(0) == "---" {
		if err := r.parseFrontMatter(); err != nil {
			return nil, err
		}
		body = r.fmEnd + 1
		r.Format = MADR
	}
	r.parseBody(body)
	if r.Date == "" && nameDate != "" {
		r.Date = nameDate
	}
	return r, nil
}

// utf8BOM is the byte-order mark some Windows editors put first.
const utf8BOM = "\ufeff"

// content is the record's file content as edited: its lines, after the
// byte-order mark it was read with.
func (r *Record) content() string {
	if r.bom {
		return utf8BOM + r.src.String()
	}
	return r.src.String()
}

func (r *Record) parseFrontMatter() error {
	end := -1
	for i := 1; i < len(r.src); i++ {
		if t := r.src.text(i); t == "---" || t == "..." {
			end = i
			break
		}
	}
	if end < 0 {
		return &ParseError{File: r.File, Line: 1, Msg: "front matter opened here is never closed: add a line with --- after it"}
	}
	r.fmEnd = end
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(r.src[1:end].String()), &doc); err != nil {
		line, msg := 1, strings.TrimPrefix(err.Error(), "yaml: ")
		var l int
		if k, _ := fmt.Sscanf(msg, "line %d:", &l); k == 1 {
			line = l + 1
			msg = strings.TrimSpace(msg[strings.Index(msg, ":")+1:])
		}
		return &ParseError{File: r.File, Line: line, Msg: "front matter is not valid YAML: " + msg}
	}
	if len(doc.Content) == 0 {
		return nil
	}
	m := doc.Content[0]
	if m.Kind != yaml.MappingNode {
		return &ParseError{File: r.File, Line: m.Line + 1, Msg: "front matter must be a mapping of keys (status, date, ...)"}
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		switch strings.ToLower(k.Value) {
		case "status":
			r.statusAt = statusFront
			r.StatusLine = k.Line + 1
			r.setStatusValue(scalar(v), k.Line+1)
		case "date":
			r.Date = scalar(v)
			r.DateLine = k.Line + 1
		case "deciders", "decision-makers":
			r.DecisionMakers = append(r.DecisionMakers, names(v)...)
		}
	}
	return nil
}

func scalar(n *yaml.Node) string {
	if n.Kind == yaml.ScalarNode {
		return strings.TrimSpace(n.Value)
	}
	return ""
}

func names(n *yaml.Node) []string {
	switch n.Kind {
	case yaml.ScalarNode:
		return splitNames(n.Value)
	case yaml.SequenceNode:
		var out []string
		for _, c := range n.Content {
			if s := scalar(c); s != "" {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

func splitNames(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// setStatusValue reads a status written as one value, as MADR does:
// "accepted", or "superseded by [ADR-0005](0005-use-x.md)", or
// "superseded by ADR-0005". The link becomes a Link; the status is what
// remains, without a trailing "by".
func (r *Record) setStatusValue(v string, line int) {
	if m, ok := findLink(v, 0); ok {
		verb := strings.TrimSpace(v[:m.start])
		target := hrefNumber(m.dest)
		if target == 0 {
			target = refNumber(m.text)
		}
		if verb != "" && (target != 0 || hrefIsRecord(m.dest)) {
			link := Link{Verb: verb, Target: target, Href: m.dest, Line: line, text: m.text}
			// Where the value is written as is (not quoted), the link
			// can be rewritten in place.
			if lt := r.src.text(line - 1); strings.Count(lt, v) == 1 {
				if off := strings.Index(lt, v); off > 0 && lt[off-1] != '"' && lt[off-1] != '\'' {
					link.start, link.end = off+m.start, off+m.end
				}
			}
			r.Links = append(r.Links, link)
			r.Status = strings.TrimSuffix(strings.TrimSuffix(verb, " by"), " By")
			return
		}
	}
	if m := bareRef.FindStringSubmatchIndex(v); m != nil && m[0] > 0 {
		verb := strings.TrimSpace(v[:m[0]])
		if n, err := strconv.Atoi(v[m[2]:m[3]]); err == nil && strings.HasSuffix(strings.ToLower(verb), " by") {
			r.Links = append(r.Links, Link{Verb: verb, Target: n, Line: line})
			r.Status = strings.TrimSpace(verb[:len(verb)-3])
			return
		}
	}
	r.Status = v
}

// parseBody reads the markdown after any front matter: the title, Nygard's
// date line and status section, MADR 2's metadata bullets and a links
// section.
func (r *Record) parseBody(start int) {
	section := ""    // the current "## " section, lower case
	preamble := true // before the first "## " heading
	inFence := false
	for i := start; i < len(r.src); i++ {
		t := r.src.text(i)
		if fence.MatchString(t) {
			inFence = !inFence
			continue
		}
		if inFence {
			continue
		}
		if level, text := heading(t); level > 0 {
			switch {
			case level == 1 && r.TitleLine == 0:
				r.TitleLine = i + 1
				r.heading = text
				r.Title = text
				if m := numbered.FindStringSubmatch(text); m != nil {
					r.Title = m[2] // "2. Use MySQL", as adr-tools writes it
				} else if m := labelled.FindStringSubmatch(text); m != nil {
					r.Title = m[2] // "ADR-0002: Use MySQL"
				}
				continue
			case level == 1:
				// a second top-level heading: some templates use "# Status"
			}
			if level <= 2 && r.TitleLine > 0 {
				preamble = false
			}
			section = strings.ToLower(strings.TrimSuffix(strings.TrimSpace(text), ":"))
			if s, v, ok := strings.Cut(text, ":"); ok && strings.EqualFold(strings.TrimSpace(s), "status") && strings.TrimSpace(v) != "" {
				// "## Status: Accepted"
				if r.statusAt == statusNone {
					r.statusAt = statusSection
					r.Status = strings.TrimSpace(v)
					r.StatusLine = i + 1
				}
				section = "status-inline"
			}
			continue
		}
		if isBlank(t) {
			continue
		}
		switch {
		case section == "status":
			// Links are read wherever the status is kept; the status
			// itself only when the section keeps it.
			if l, ok := parseLink(t, i+1); ok {
				if r.statusAt == statusNone {
					r.statusAt = statusSection
				}
				r.Links = append(r.Links, l)
				continue
			}
			if r.statusAt != statusNone && r.statusAt != statusSection {
				continue
			}
			r.statusAt = statusSection
			if r.Status == "" {
				r.Status = strings.TrimSpace(t)
				r.StatusLine = i + 1
			}
		case section == "links" || section == "more information" || section == "related decisions":
			if l, ok := parseLink(t, i+1); ok {
				r.Links = append(r.Links, l)
			}
		case preamble || section == "":
			r.parseMeta(t, i+1)
		}
	}
	if r.Status == "" && r.statusAt == statusSection {
		// adr-tools removes the status line of a superseded record and
		// leaves only the link: the link's verb is the status.
		for _, l := range r.Links {
			if isSupersededBy(l.Verb) {
				r.Status = strings.TrimSpace(l.Verb[:len(l.Verb)-3])
				r.StatusLine = l.Line
				break
			}
		}
	}
}

// parseMeta reads "Date: 2024-01-31" (Nygard) and "* Status: accepted"
// bullets (MADR 2, log4brains) written above the first section.
func (r *Record) parseMeta(t string, line int) {
	key, val := "", ""
	bullet := false
	if m := metaBullet.FindStringSubmatch(t); m != nil {
		key, val, bullet = m[1], m[2], true
	} else if k, v, ok := strings.Cut(t, ":"); ok && !strings.Contains(k, " ") {
		key, val = k, v
	} else {
		return
	}
	val = strings.TrimSpace(val)
	switch strings.ToLower(key) {
	case "date":
		if r.DateLine == 0 {
			r.Date = val
			r.DateLine = line
		}
	case "status":
		if r.statusAt == statusNone && val != "" {
			r.statusAt = statusBullet
			r.StatusLine = line
			r.setStatusValue(val, line)
			if bullet && r.fmEnd == 0 {
				r.Format = MADR
			}
		}
	case "deciders", "decision-makers":
		if bullet {
			r.DecisionMakers = append(r.DecisionMakers, splitNames(val)...)
			if r.fmEnd == 0 {
				r.Format = MADR
			}
		}
	}
}

// heading returns the level and text of a markdown ATX heading line.
func heading(t string) (int, string) {
	level := 0
	for level < len(t) && t[level] == '#' {
		level++
	}
	if level == 0 || level > 6 || level == len(t) || (t[level] != ' ' && t[level] != '\t') {
		return 0, ""
	}
	return level, strings.TrimSpace(strings.TrimRight(strings.TrimSpace(t[level:]), "#"))
}

// parseLink reads a link line: "Supersedes [1. Title](0001-title.md)", or
// the same as a bullet. Links to anything but a record file are not
// links between records.
func parseLink(t string, line int) (Link, bool) {
	s := strings.TrimRight(t, " \t")
	i := len(s) - len(strings.TrimLeft(s, " \t"))
	if i+1 < len(s) && (s[i] == '*' || s[i] == '-') && (s[i+1] == ' ' || s[i+1] == '\t') {
		i += 2
	}
	m, ok := findLink(s, i)
	if !ok || m.end != len(s) || !hrefIsRecord(m.dest) {
		return Link{}, false
	}
	verb := strings.TrimSpace(s[i:m.start])
	if verb == "" || strings.ContainsAny(verb, "[]") || m.start == i || (s[m.start-1] != ' ' && s[m.start-1] != '\t') {
		return Link{}, false
	}
	return Link{Verb: verb, Target: hrefNumber(m.dest), Href: m.dest, Line: line, text: m.text, start: m.start, end: m.end}, true
}

// hrefFile is the record file name a link points at ("0002-x.md" for
// "../adr/0002-x#intro"), and whether it names a record at all.
func hrefFile(href string) (string, bool) {
	if strings.Contains(href, "://") {
		return "", false
	}
	base := path.Base(strings.SplitN(href, "#", 2)[0])
	if !strings.HasSuffix(base, ".md") {
		base += ".md" // links written without extension, as some sites want
	}
	return base, IsRecordName(base)
}

func hrefIsRecord(href string) bool {
	_, ok := hrefFile(href)
	return ok
}

// hrefNumber is the record number a link's file names, 0 if none.
func hrefNumber(href string) int {
	name, ok := hrefFile(href)
	if !ok {
		return 0
	}
	rn, _ := parseName(name)
	return rn.number
}

func refNumber(text string) int {
	if m := bareRef.FindStringSubmatch(text); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n
	}
	if m := numbered.FindStringSubmatch(text); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n
	}
	return 0
}

// Canonical is the status word a status stands for, for comparing and
// filtering: lower case, the first word only, without markdown emphasis,
// and adr-tools' "superceded" spelled "superseded". "**Accepted** on
// 2024-01-31" is "accepted".
func Canonical(status string) string {
	s := strings.ToLower(strings.TrimSpace(status))
	s = strings.TrimLeft(s, "*_~`[( ")
	if i := strings.IndexFunc(s, func(c rune) bool { return !(c >= 'a' && c <= 'z' || c == '-') }); i >= 0 {
		s = s[:i]
	}
	if s == "superceded" {
		s = "superseded"
	}
	return s
}

// canonicalVerb compares link verbs: "Superceded by" and "superseded by"
// are the same verb.
func canonicalVerb(v string) string {
	v = strings.ToLower(strings.Join(strings.Fields(v), " "))
	v = strings.ReplaceAll(v, "supercede", "supersede")
	return v
}

func isSupersededBy(verb string) bool { return canonicalVerb(verb) == "superseded by" }
func isSupersedes(verb string) bool   { return canonicalVerb(verb) == "supersedes" }
