package adr

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// NewOptions describe a record to create.
type NewOptions struct {
	Title  string
	Status string // default "Proposed"
	Date   string // YYYY-MM-DD
	// Template is a built-in template name (see Templates), "" for the
	// directory's own templates/template.md when it has one, else the
	// format of the directory's latest record, else Nygard.
	Template string
	// TemplateFile is a template file with adr-tools' placeholders
	// NUMBER, TITLE, DATE and STATUS (adr-tools' ADR_TEMPLATE).
	TemplateFile string
	Supersedes   []string   // references to records the new one supersedes
	Links        []LinkSpec // links to state both ways

	text string // the template itself, for Init
}

// A LinkSpec is one link to state in both records, as adr-tools' -l
// option takes it: "5:Amends:Amended by".
type LinkSpec struct {
	Target  string // a reference to the existing record
	Verb    string // written in the new record: "Amends"
	Reverse string // written in the existing record: "Amended by"
}

// ParseLinkSpec reads TARGET:VERB:REVERSE.
func ParseLinkSpec(s string) (LinkSpec, error) {
	parts := strings.Split(s, ":")
	if len(parts) != 3 || strings.TrimSpace(parts[0]) == "" || strings.TrimSpace(parts[1]) == "" || strings.TrimSpace(parts[2]) == "" {
		return LinkSpec{}, fmt.Errorf("link %q: want TARGET:VERB:REVERSE, such as \"5:Amends:Amended by\"", s)
	}
	return LinkSpec{Target: strings.TrimSpace(parts[0]), Verb: strings.TrimSpace(parts[1]), Reverse: strings.TrimSpace(parts[2])}, nil
}

// Slug turns a title into the file-name part adr-tools makes of it: every
// run of characters other than ASCII letters and digits becomes one
// hyphen, letters are lower-cased, and hyphens at either end go.
// "Something About Node.JS" is "something-about-node-js". Unlike
// adr-tools, which drops every byte outside ASCII, Latin letters with
// accents keep their base letter ("Über uns" is "uber-uns", "Straße" is
// "strasse"), so names stay lower-case ASCII and still say something.
func Slug(title string) string { return slug(title, true) }

// slug is Slug, transliterating Latin letters or, as adr-tools does,
// dropping them.
func slug(title string, transliterate bool) string {
	var b strings.Builder
	hyphen := false
	for _, c := range title {
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			b.WriteRune(c)
			hyphen = false
		case c >= 'A' && c <= 'Z':
			b.WriteRune(c + 'a' - 'A')
			hyphen = false
		case transliterate && latin[c] != "":
			b.WriteString(latin[c])
			hyphen = false
		default:
			if !hyphen {
				b.WriteByte('-')
				hyphen = true
			}
		}
	}
	return strings.Trim(b.String(), "-")
}

// slugMatches reports whether a file's slug is one archie or adr-tools
// would make of title.
func slugMatches(fileSlug, title string) bool {
	s := strings.ToLower(fileSlug)
	return s == slug(title, true) || s == slug(title, false)
}

// latin spells the letters of Latin-1 and Latin Extended-A in lower-case
// ASCII, as their base letters (ligatures and ß as two).
var latin = func() map[rune]string {
	m := make(map[rune]string)
	for _, p := range []struct{ letters, ascii string }{
		{"ÀÁÂÃÄÅàáâãäåĀāĂăĄą", "a"}, {"ÇçĆćĈĉĊċČč", "c"}, {"ĎďĐđÐð", "d"},
		{"ÈÉÊËèéêëĒēĔĕĖėĘęĚě", "e"}, {"ĜĝĞğĠġĢģ", "g"}, {"ĤĥĦħ", "h"},
		{"ÌÍÎÏìíîïĨĩĪīĬĭĮįİı", "i"}, {"Ĵĵ", "j"}, {"Ķķĸ", "k"}, {"ĹĺĻļĽľĿŀŁł", "l"},
		{"ÑñŃńŅņŇňŉŊŋ", "n"}, {"ÒÓÔÕÖØòóôõöøŌōŎŏŐő", "o"}, {"ŔŕŖŗŘř", "r"},
		{"ŚśŜŝŞşŠšſ", "s"}, {"ŢţŤťŦŧ", "t"}, {"ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲų", "u"},
		{"Ŵŵ", "w"}, {"ÝýÿŶŷŸ", "y"}, {"ŹźŻżŽž", "z"},
	} {
		for _, c := range p.letters {
			m[c] = p.ascii
		}
	}
	for c, s := range map[rune]string{'Æ': "ae", 'æ': "ae", 'Œ': "oe", 'œ': "oe", 'ß': "ss", 'ẞ': "ss",
		'Þ': "th", 'þ': "th", 'Ĳ': "ij", 'ĳ': "ij"} {
		m[c] = s
	}
	return m
}()

// New creates a record: the next number (one more than the highest in the
// directory), a file named after the title, the template filled in, and
// the links asked for written both ways. A record that supersedes others
// marks them superseded only once it is accepted. New never replaces a
// file: when another process takes the number first, it takes the next.
func (l *Log) New(opts NewOptions) (*Record, error) {
	title := strings.Join(strings.Fields(opts.Title), " ")
	slug := Slug(title)
	if slug == "" {
		if title == "" {
			return nil, errors.New("a new decision record needs a title")
		}
		return nil, fmt.Errorf("title %q has no ASCII letters or digits to name the file after", title)
	}
	for _, ls := range opts.Links {
		if err := checkVerb(ls.Verb); err != nil {
			return nil, err
		}
		if err := checkVerb(ls.Reverse); err != nil {
			return nil, err
		}
	}
	if opts.Status == "" {
		opts.Status = "Proposed"
	}
	if opts.Date == "" {
		return nil, errors.New("a new decision record needs a date")
	}
	tmpl, format, err := l.template(opts)
	if err != nil {
		return nil, err
	}
	status := statusCase(opts.Status, format)
	if err := os.MkdirAll(l.Dir, 0o755); err != nil {
		return nil, fmt.Errorf("create %s: %w", l.Dir, err)
	}
	var r *Record
	err = l.transact(func() error {
		var err error
		r, err = l.create(opts, title, slug, tmpl, status)
		return err
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}

// create writes the new record and the links to it, holding the lock.
func (l *Log) create(opts NewOptions, title, slug, tmpl, status string) (*Record, error) {
	// Find every record the new one refers to before writing anything.
	var supersedes []*Record
	for _, ref := range opts.Supersedes {
		r, err := l.Find(ref)
		if err != nil {
			return nil, fmt.Errorf("--supersedes %s: %w", ref, err)
		}
		supersedes = append(supersedes, r)
	}
	linked := make([]*Record, len(opts.Links))
	for i, ls := range opts.Links {
		r, err := l.Find(ls.Target)
		if err != nil {
			return nil, fmt.Errorf("--link %s: %w", ls.Target, err)
		}
		linked[i] = r
	}

	n, err := l.next()
	if err != nil {
		return nil, err
	}
	byDate := l.namedByDate()
	for attempt := 0; attempt < 100; attempt, n = attempt+1, n+1 {
		prefix, width := l.naming()
		name := fmt.Sprintf("%s%0*d-%s.md", prefix, width, n, slug)
		number := n
		if byDate {
			name = strings.ReplaceAll(opts.Date, "-", "") + "-" + slug + ".md"
			number = 0
		}
		file := filepath.Join(l.Dir, name)
		text := fill(tmpl, number, title, opts.Date, status)
		r, err := Parse(file, []byte(text))
		if err != nil {
			return nil, fmt.Errorf("template: %w", err)
		}
		var changed []*Record
		for _, old := range supersedes {
			r.addLink(l.supersedesVerb(r.Format), old)
			if Canonical(status) == "accepted" {
				if err := l.markSuperseded(old, r); err != nil {
					return nil, err
				}
				changed = append(changed, old)
			}
		}
		for i, ls := range opts.Links {
			r.addLink(ls.Verb, linked[i])
			linked[i].addLink(ls.Reverse, r)
			changed = append(changed, linked[i])
		}
		j := &journal{Op: "new record " + name}
		j.Steps = append(j.Steps, step{Kind: stepCreate, File: name, After: []byte(r.content())})
		j.Steps = append(j.Steps, rewrites(changed...)...)
		err = l.commit(j)
		if errors.Is(err, fs.ErrExist) && !byDate {
			// Taken by a writer that does not lock: take the next number.
			for _, c := range changed {
				c.reset()
			}
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("create %s: %w", file, err)
		}
		for _, c := range changed {
			c.orig = c.content()
		}
		r.orig = r.content()
		l.Records = append(l.Records, r)
		l.sort()
		return r, nil
	}
	return nil, fmt.Errorf("could not find a free number for a new record in %s", l.Dir)
}

// naming is how the directory's latest numbered record is named: "" and
// 4 digits as adr-tools and MADR do (0007-title.md), or "adr-" and 3 for a
// directory of adr-007-title.md files. New records follow it.
func (l *Log) naming() (prefix string, width int) {
	prefix, width = "", 4
	for _, r := range l.Records {
		if rn, ok := parseName(r.Name()); ok && !r.Dated {
			prefix, width = rn.prefix, len(rn.digits)
		}
	}
	return prefix, width
}

// namedByDate reports whether the directory names its records by date, as
// log4brains does; new records follow suit.
func (l *Log) namedByDate() bool {
	if len(l.Records) == 0 {
		return false
	}
	for _, r := range l.Records {
		if !r.Dated {
			return false
		}
	}
	return true
}

// template picks the template text and the format it writes.
func (l *Log) template(opts NewOptions) (string, Format, error) {
	if opts.text != "" {
		return opts.text, formatOf(opts.text), nil
	}
	if opts.TemplateFile != "" {
		data, err := os.ReadFile(opts.TemplateFile)
		if err != nil {
			return "", "", fmt.Errorf("read template: %w", err)
		}
		return string(data), formatOf(string(data)), nil
	}
	if opts.Template == "" {
		own := filepath.Join(l.Dir, "templates", "template.md")
		if data, err := os.ReadFile(own); err == nil {
			return string(data), formatOf(string(data)), nil
		}
		opts.Template = string(Nygard)
		if n := len(l.Records); n > 0 {
			opts.Template = string(l.Records[n-1].Format)
		}
	}
	t, ok := Templates[opts.Template]
	if !ok {
		return "", "", fmt.Errorf("unknown format %q: use %s", opts.Template, strings.Join(TemplateNames(), ", "))
	}
	return t, formatOf(t), nil
}

func formatOf(tmpl string) Format {
	if strings.HasPrefix(tmpl, "---") {
		return MADR
	}
	return Nygard
}

// fill replaces adr-tools' placeholders as adr-tools does: the first
// NUMBER, TITLE, DATE and STATUS on each line.
func fill(tmpl string, number int, title, date, status string) string {
	num := fmt.Sprint(number)
	if number == 0 {
		num = ""
	}
	ls := splitLines(tmpl)
	for i := range ls {
		t := ls.text(i)
		for _, p := range [][2]string{{"NUMBER", num}, {"TITLE", title}, {"DATE", date}, {"STATUS", status}} {
			t = strings.Replace(t, p[0], p[1], 1)
		}
		if number == 0 && strings.HasPrefix(t, "# . ") {
			t = "# " + t[4:]
		}
		ls.replace(i, t)
	}
	return ls.String()
}

// supersedesVerb and supersededByVerb spell the supersede links as the
// log already does. adr-tools writes "Supercedes" and "Superceded by"
// (Debian's package corrects them to "Supersedes", "Superseded by"); MADR
// writes lower case "superseded by" in the status.
func (l *Log) supersedesVerb(f Format) string {
	if f == Nygard && !l.spellsSuperseded() {
		return "Supercedes"
	}
	return "Supersedes"
}

func (l *Log) supersededByVerb(f Format) string {
	switch {
	case f != Nygard:
		return "superseded by"
	case l.spellsSuperseded():
		return "Superseded by"
	}
	return "Superceded by"
}

// spellsSuperseded reports whether the log's Nygard records spell their
// supersede links with an s.
func (l *Log) spellsSuperseded() bool {
	for _, r := range l.Records {
		if r.Format != Nygard {
			continue
		}
		for _, link := range r.Links {
			if v := strings.ToLower(link.Verb); strings.HasPrefix(v, "supersed") {
				return true
			} else if strings.HasPrefix(v, "superced") {
				return false
			}
		}
	}
	return false
}

// Init creates the first record of a new log: the decision to record
// decisions. It refuses when the directory already holds records.
func (l *Log) Init(template, date string) (*Record, error) {
	if len(l.Records) > 0 || len(l.Unreadable) > 0 {
		return nil, fmt.Errorf("%s already holds decision records; nothing to initialise", l.Dir)
	}
	if template == "" {
		template = string(Nygard)
	}
	t, ok := initTemplates[template]
	if !ok {
		return nil, fmt.Errorf("unknown format %q: use %s", template, strings.Join(TemplateNames(), ", "))
	}
	return l.New(NewOptions{Title: "Record architecture decisions", Status: "Accepted", Date: date, text: t})
}

// statusCase writes a status as each format does: "Accepted" in Nygard
// records, "accepted" in MADR.
func statusCase(s string, f Format) string {
	if f == MADR {
		return strings.ToLower(s)
	}
	if s != "" && s[0] >= 'a' && s[0] <= 'z' {
		return string(s[0]-'a'+'A') + s[1:]
	}
	return s
}
