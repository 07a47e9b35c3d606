package adr

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// SetStatus changes a record's status. Accepting a record that supersedes
// others marks them superseded, with links both ways, as adr-tools does
// when the new record is created.
func (l *Log) SetStatus(ref, status string) (*Record, error) {
	status = strings.TrimSpace(status)
	if status == "" || strings.ContainsAny(status, "\r\n") {
		return nil, fmt.Errorf("status %q: give one line of text, such as Accepted", status)
	}
	var r *Record
	err := l.transact(func() error {
		var err error
		if r, err = l.Find(ref); err != nil {
			return err
		}
		status := statusCase(status, r.Format)
		if err := r.setStatus(status); err != nil {
			return err
		}
		changed := []*Record{r}
		if Canonical(status) == "accepted" {
			ix := l.index()
			for _, link := range r.Links {
				if !isSupersedes(link.Verb) {
					continue
				}
				old := ix.resolve(link)
				if old == nil {
					return fmt.Errorf("%s:%d: %s links to %s, which does not exist", r.File, link.Line, link.Verb, linkName(link))
				}
				if !old.supersededBy(r, ix) {
					if err := l.markSuperseded(old, r); err != nil {
						return err
					}
					changed = append(changed, old)
				}
			}
		}
		return l.save(fmt.Sprintf("status change of %s", r.Label()), changed...)
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}

// AddLink states a link from src to tgt with verb, and back with reverse,
// as adr-tools' "adr link" does.
func (l *Log) AddLink(srcRef, verb, tgtRef, reverse string) error {
	for _, v := range []string{verb, reverse} {
		if err := checkVerb(v); err != nil {
			return err
		}
	}
	verb, reverse = strings.TrimSpace(verb), strings.TrimSpace(reverse)
	return l.transact(func() error {
		src, err := l.Find(srcRef)
		if err != nil {
			return err
		}
		tgt, err := l.Find(tgtRef)
		if err != nil {
			return err
		}
		if src == tgt {
			return fmt.Errorf("%s cannot link to itself", src.Name())
		}
		src.addLink(verb, tgt)
		tgt.addLink(reverse, src)
		return l.save(fmt.Sprintf("link of %s to %s", src.Label(), tgt.Label()), src, tgt)
	})
}

// checkVerb refuses a link verb that would not read back as one: it
// must start with a letter (not "#", "*" or a digit, which make a
// heading, a bullet or a list item of the line) and hold no brackets,
// parentheses or line breaks.
func checkVerb(v string) error {
	if !validVerb(v) {
		return fmt.Errorf("link verb %q: give words such as Amends or \"Amended by\"", v)
	}
	return nil
}

func validVerb(v string) bool {
	if strings.ContainsAny(v, "[]()\r\n\x00") {
		return false
	}
	v = strings.TrimSpace(v)
	first, _ := utf8.DecodeRuneInString(v)
	return v != "" && unicode.IsLetter(first)
}

// Renumber gives the record numbered old the number new: it renames the
// file, changes a numbered heading, and rewrites every link to it in the
// other records. It refuses when new is taken.
func (l *Log) Renumber(ref string, to int) (*Record, error) {
	if to <= 0 {
		return nil, fmt.Errorf("new number %d: give a positive number", to)
	}
	var r *Record
	err := l.transact(func() error {
		var err error
		r, err = l.renumber(ref, to)
		return err
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}

func (l *Log) renumber(ref string, to int) (*Record, error) {
	if n, ok := parseNumber(ref); ok && len(l.renumbered) == 2 && l.renumbered[0] == n && l.renumbered[1] == to && len(l.Number(n)) == 0 {
		if rs := l.Number(to); len(rs) == 1 {
			return rs[0], nil // the renumber an interrupted run began, completed on reading
		}
	}
	r, err := l.Find(ref)
	if err != nil {
		return nil, err
	}
	if r.Dated {
		return nil, fmt.Errorf("%s is named by date, not number; rename it by hand", r.Name())
	}
	if rs := l.Number(to); len(rs) > 0 {
		return nil, fmt.Errorf("number %d is taken by %s", to, rs[0].Name())
	}
	from := r.Number
	rn, _ := parseName(r.Name())
	newName := fmt.Sprintf("%s%0*d-%s.md", rn.prefix, len(rn.digits), to, rn.slug)
	newFile := filepath.Join(filepath.Dir(r.File), newName)

	var changed []*Record
	ix := l.index()
	for _, o := range l.Records {
		if o == r {
			continue
		}
		edited := false
		// Later links first, so that earlier ones on the same line keep
		// their place.
		for k := len(o.Links) - 1; k >= 0; k-- {
			link := o.Links[k]
			if ix.resolve(link) != r {
				continue
			}
			idx := link.Line - 1
			t := o.src.text(idx)
			if link.Href != "" {
				newHref := strings.Replace(link.Href, r.ID(), strings.TrimSuffix(newName, ".md"), 1)
				text := link.text
				if rest, ok := strings.CutPrefix(text, strconv.Itoa(from)+". "); ok {
					text = strconv.Itoa(to) + ". " + rest
				}
				text = refPattern(from).ReplaceAllString(text, Label(to))
				if link.end > 0 {
					t = t[:link.start] + markdownLink(text, newHref) + t[link.end:]
				} else {
					t = strings.Replace(t, "("+escapeLinkDest(link.Href)+")", "("+escapeLinkDest(newHref)+")", 1)
				}
			}
			t = refPattern(from).ReplaceAllString(t, Label(to))
			o.src.replace(idx, t)
			edited = true
		}
		if edited {
			o.reparse()
			changed = append(changed, o)
		}
	}
	if r.TitleLine > 0 {
		if numbered.MatchString(r.heading) {
			r.src.replace(r.TitleLine-1, "# "+strconv.Itoa(to)+". "+r.Title)
		} else if m := labelled.FindStringSubmatchIndex(r.heading); m != nil {
			digits := r.heading[m[2]:m[3]]
			r.src.replace(r.TitleLine-1, "# "+r.heading[:m[2]]+fmt.Sprintf("%0*d", len(digits), to)+r.heading[m[3]:])
		}
	}
	j := &journal{Op: fmt.Sprintf("renumber of %s to %d", r.Label(), to), Renumber: []int{from, to}}
	if target, isLink := symlinkTarget(r.File); isLink {
		// The link moves; the file it leads to is edited where it is.
		j.Steps = append(j.Steps, step{Kind: stepSymlink, File: newName, Link: target})
		j.Steps = append(j.Steps, rewrites(r)...)
		j.Steps = append(j.Steps, rewrites(changed...)...)
		j.Steps = append(j.Steps, step{Kind: stepRemove, File: r.Name(), Link: target})
	} else {
		j.Steps = append(j.Steps, step{Kind: stepCreate, File: newName, After: []byte(r.content())})
		j.Steps = append(j.Steps, rewrites(changed...)...)
		j.Steps = append(j.Steps, step{Kind: stepRemove, File: r.Name(), Before: hash([]byte(r.orig))})
	}
	if err := l.commit(j); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return nil, fmt.Errorf("%s already exists", newFile)
		}
		return nil, err
	}
	for _, o := range changed {
		o.orig = o.content()
	}
	r.File, r.Number = newFile, to
	r.reparse()
	r.orig = r.content()
	l.sort()
	return r, nil
}

// symlinkTarget is what a symbolic link leads to, and whether file is one.
func symlinkTarget(file string) (string, bool) {
	info, err := os.Lstat(file)
	if err != nil || info.Mode()&fs.ModeSymlink == 0 {
		return "", false
	}
	target, err := os.Readlink(file)
	return target, err == nil
}

func refPattern(n int) *regexp.Regexp {
	return regexp.MustCompile(`\bADR[- ]?0*` + strconv.Itoa(n) + `\b`)
}

func linkName(link Link) string {
	if link.Href != "" {
		return link.Href
	}
	return Label(link.Target)
}

// markSuperseded states in old that by supersedes it, in old's own format.
func (l *Log) markSuperseded(old, by *Record) error {
	switch old.statusAt {
	case statusFront:
		return old.setStatus("superseded by " + by.Label())
	case statusBullet:
		return old.setStatus("superseded by " + markdownLink(by.Label(), by.Name()))
	}
	old.addLink(l.supersededByVerb(old.Format), by)
	old.removeStatus()
	return nil
}

// supersededBy reports whether r already says that by supersedes it.
func (r *Record) supersededBy(by *Record, ix *logIndex) bool {
	for _, link := range r.Links {
		if isSupersededBy(link.Verb) && ix.resolve(link) == by {
			return true
		}
	}
	return false
}

// addLink writes a link to target in r's own format: a line in the status
// section for Nygard records, placed where adr-tools places it (just
// before the next section); a bullet under "## Links" for MADR ones.
func (r *Record) addLink(verb string, target *Record) {
	if r.Format == MADR {
		r.addBullet("* " + verb + " " + markdownLink(target.Label(), target.Name()))
		return
	}
	line := verb + " " + markdownLink(target.Heading(), target.Name())
	s := r.sectionLine("status")
	switch {
	case s < 0:
		r.insertStatusSection(line)
	default:
		fenced := r.fenced()
		next := r.end()
		for i := s + 1; i < len(r.src); i++ {
			if r.isHeading(i, fenced) {
				next = i
				break
			}
		}
		if next == len(r.src) || !r.isHeading(next, fenced) {
			if next > 0 && !isBlank(r.src[next-1]) {
				r.src = r.src.insert(next, "")
				next++
			}
			r.src = r.src.insert(next, line)
		} else {
			r.src = r.src.insert(next, line, "")
		}
	}
	r.reparse()
}

// insertStatusSection adds a "## Status" section holding line below the
// title and date, before the first heading after them: the lines in
// between stay in the part of the record they were read in.
func (r *Record) insertStatusSection(line string) {
	at := max(r.TitleLine, r.DateLine)
	fenced := r.fenced()
	for at < len(r.src) && !r.isHeading(at, fenced) {
		at++
	}
	at = min(at, r.end())
	block := []string{"## Status", "", line}
	if at > 0 && !isBlank(r.src[at-1]) {
		block = append([]string{""}, block...)
	}
	if at < len(r.src) {
		block = append(block, "")
	}
	r.src = r.src.insert(at, block...)
}

// addBullet appends a bullet to the "## Links" section, creating it at
// the end of the record when there is none.
func (r *Record) addBullet(bullet string) {
	s := r.sectionLine("links")
	if s < 0 {
		n := r.end()
		texts := []string{"## Links", "", bullet}
		if n > 0 && !isBlank(r.src[n-1]) {
			texts = append([]string{""}, texts...)
		}
		r.src = r.src.insert(n, texts...)
		r.reparse()
		return
	}
	last := s
	fenced := r.fenced()
	for i := s + 1; i < r.end(); i++ {
		if r.isHeading(i, fenced) {
			break
		}
		if !isBlank(r.src[i]) {
			last = i
		}
	}
	if last == s {
		r.src = r.src.insert(s+1, "", bullet)
	} else {
		r.src = r.src.insert(last+1, bullet)
	}
	r.reparse()
}

// fenced marks the lines inside fenced code blocks, fences included, and
// the front matter: where a "#" starts no heading.
func (r *Record) fenced() []bool {
	mask := make([]bool, len(r.src))
	for i := 0; i < r.bodyStart(); i++ {
		mask[i] = true // front matter: no heading there either
	}
	inFence := false
	for i := r.bodyStart(); i < len(r.src); i++ {
		if fence.MatchString(r.src.text(i)) {
			inFence = !inFence
			mask[i] = true
			continue
		}
		mask[i] = inFence
	}
	return mask
}

// end is where text added at the end of the record is read as text: the
// end of the file, or the start of a code block left open until it.
func (r *Record) end() int {
	open, inFence := len(r.src), false
	for i := r.bodyStart(); i < len(r.src); i++ {
		if fence.MatchString(r.src.text(i)) {
			if inFence = !inFence; inFence {
				open = i
			}
		}
	}
	if inFence {
		return open
	}
	return len(r.src)
}

// bodyStart is the index of the first line after the front matter: a
// "~~~" or "# x" in front matter is YAML, not markdown.
func (r *Record) bodyStart() int {
	if r.fmEnd > 0 {
		return r.fmEnd + 1
	}
	return 0
}

// isHeading reports whether line i is a heading outside code blocks.
func (r *Record) isHeading(i int, fenced []bool) bool {
	lv, _ := heading(r.src.text(i))
	return lv > 0 && !fenced[i]
}

// sectionLine is the index of the "## name" heading, -1 if none. Code
// blocks are not sections.
func (r *Record) sectionLine(name string) int {
	inFence := false
	for i := r.bodyStart(); i < len(r.src); i++ {
		if fence.MatchString(r.src.text(i)) {
			inFence = !inFence
			continue
		}
		if inFence || i == r.TitleLine-1 {
			continue
		}
		if lv, text := heading(r.src.text(i)); lv >= 1 && lv <= 2 && strings.EqualFold(strings.TrimSuffix(text, ":"), name) {
			return i
		}
	}
	return -1
}

// setStatus writes a new status where the record keeps it. An edit after
// which the record does not read back with that status (front matter
// shaped in ways archie does not edit) is undone, and is an error: the
// record is never left half changed.
func (r *Record) setStatus(status string) error {
	saved := append(lines(nil), r.src...)
	r.writeStatus(status)
	if p, err := Parse(r.File, []byte(r.content())); err != nil || Canonical(p.Status) != Canonical(status) {
		r.src = saved
		r.reparse()
		return fmt.Errorf("%s: cannot set its status to %q where it keeps it (line %d); edit it by hand", r.File, status, r.StatusLine)
	}
	return nil
}

// writeStatus writes a new status where the record keeps it.
func (r *Record) writeStatus(status string) {
	idx := r.StatusLine - 1
	switch r.statusAt {
	case statusFront:
		t := r.src.text(idx)
		k := strings.Index(strings.ToLower(t), "status:")
		r.src.replace(idx, t[:k+len("status:")]+" "+yamlString(status))
	case statusBullet:
		// "* Status: x", "* **Status:** x", "* **Status**: x": the value
		// starts after the colon that follows the word, and after the
		// bold marker that may close it.
		t := r.src.text(idx)
		k := strings.Index(strings.ToLower(t), "status")
		c := -1
		if k >= 0 {
			c = strings.IndexByte(t[k:], ':')
		}
		if c < 0 {
			r.insertStatusSection(status)
			break
		}
		end := k + c + 1
		if strings.HasPrefix(t[end:], "**") {
			end += 2
		}
		r.src.replace(idx, t[:end]+" "+status)
	case statusSection:
		if idx >= 0 && idx < len(r.src) {
			t := r.src.text(idx)
			if lv, text := heading(t); lv > 0 {
				if k := strings.Index(text, ":"); k >= 0 && strings.EqualFold(strings.TrimSpace(text[:k]), "status") {
					// "## Status: Accepted"
					r.src.replace(idx, t[:strings.Index(t, ":")+1]+" "+status)
					break
				}
			} else if !r.isLinkLine(idx) {
				r.src.replace(idx, status)
				break
			}
		}
		if s := r.sectionLine("status"); s >= 0 {
			at := s + 1
			if at < len(r.src) && isBlank(r.src[at]) {
				at++
			}
			r.src = r.src.insert(at, status, "")
		}
	default:
		if r.fmEnd > 0 {
			// At the indentation of the keys already there: a key less
			// indented than its siblings is not YAML. Front matter a key
			// cannot be added to so that it reads back (a value running
			// on below its key takes the line in) gets a status section.
			edited := r.src.insert(r.fmEnd, r.frontIndent()+"status: "+yamlString(status))
			if p, err := Parse(r.File, []byte(edited.String())); err == nil && Canonical(p.Status) == Canonical(status) {
				r.src = edited
			} else {
				r.insertStatusSection(status)
			}
		} else {
			r.insertStatusSection(status)
		}
	}
	r.reparse()
}

// frontIndent is the indentation of the front matter's first key.
func (r *Record) frontIndent() string {
	for i := 1; i < r.fmEnd; i++ {
		t := r.src.text(i)
		if trimmed := strings.TrimLeft(t, " \t"); trimmed != "" && !strings.HasPrefix(trimmed, "#") {
			return t[:len(t)-len(trimmed)]
		}
	}
	return ""
}

func (r *Record) isLinkLine(idx int) bool {
	for _, l := range r.Links {
		if l.Line == idx+1 {
			return true
		}
	}
	return false
}

// removeStatus drops the status line of a Nygard record, as adr-tools does
// when a record is superseded, and the blank line it leaves doubled.
func (r *Record) removeStatus() {
	idx := r.StatusLine - 1
	if r.statusAt != statusSection || idx < 0 || r.isLinkLine(idx) {
		return
	}
	if lv, _ := heading(r.src.text(idx)); lv > 0 {
		return
	}
	n := 1
	if idx > 0 && isBlank(r.src[idx-1]) && idx+1 < len(r.src) && isBlank(r.src[idx+1]) {
		n = 2
	}
	r.src = r.src.remove(idx, n)
	r.reparse()
}

// yamlString writes a status as a YAML scalar, quoted when it would not
// read back as the same string.
func yamlString(s string) string {
	plain := s != "" && !strings.ContainsAny(s, ":#[]{},&*!|>'\"%@`") && strings.TrimSpace(s) == s
	if plain {
		return s
	}
	return strconv.Quote(s)
}

// reparse reads the record again from its edited lines; what it was
// read from on disk (orig) stays, for checkUnchanged and save.
func (r *Record) reparse() {
	p, err := Parse(r.File, []byte(r.content()))
	if err != nil {
		return // keep what we had; commit refuses to write what does not read back
	}
	p.orig = r.orig
	*r = *p
}

// reset forgets edits not yet saved.
func (r *Record) reset() {
	if p, err := Parse(r.File, []byte(r.orig)); err == nil {
		*r = *p
	}
}

// save writes the records that changed, in one transaction.
func (l *Log) save(op string, rs ...*Record) error {
	if err := l.commit(&journal{Op: op, Steps: rewrites(rs...)}); err != nil {
		return err
	}
	for _, r := range rs {
		r.orig = r.content()
	}
	return nil
}
