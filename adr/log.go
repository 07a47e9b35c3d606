package adr

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"syscall"
)

// A Log is the directory of decision records.
type Log struct {
	Dir     string
	Records []*Record // by number, then file name
	// Unreadable holds the record files that could not be parsed; they
	// are left out of Records and never rewritten.
	Unreadable []*ParseError
	// Skipped holds what is named like a record but is no file to read: a
	// symbolic link that loops, leads nowhere or to a directory, a pipe,
	// a file that cannot be opened. Callers warn about them.
	Skipped []*ParseError
	// Recovered says what interrupted changes reading the log completed.
	Recovered []string

	renumbered []int // the from and to of a renumber completed on reading
}

// DefaultDir is where records go when nothing says otherwise.
const DefaultDir = "docs/adr"

// knownDirs are where teams keep records, in the order archie looks for
// them: archie's default, adr-tools' default, MADR's default.
var knownDirs = []string{"docs/adr", "doc/adr", "docs/decisions"}

// FindDir looks for the records directory the way adr-tools does, from dir
// up to the repository root (the first directory holding .git) or the
// filesystem root: a .adr-dir file names it, else an existing docs/adr,
// doc/adr or docs/decisions. It returns the directory and true, or
// DefaultDir below dir and false when there is none.
func FindDir(dir string) (string, bool, error) {
	loc, err := Locate(dir)
	return loc.Dir, loc.Found, err
}

// A Location is the records directory Locate found, and how.
type Location struct {
	Dir   string
	Found bool // named or seen, rather than the default
	// DirFile is the .adr-dir file that named Dir; "" when none did.
	DirFile string
	// Outside is set when DirFile names a directory outside the
	// repository holding it (or, outside a repository, outside the
	// directory holding it). adr-tools follows such a name, so archie
	// does too, but callers should say so: a stray or planted .adr-dir
	// would otherwise have archie write files anywhere.
	Outside bool
}

// Locate is FindDir, saying also which .adr-dir named the directory and
// whether that leads outside the repository.
func Locate(dir string) (Location, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return Location{}, err
	}
	for d := abs; ; d = filepath.Dir(d) {
		file := filepath.Join(d, dirFile)
		data, err := readDirFile(file)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return Location{}, err
		}
		if err == nil {
			name := strings.TrimSpace(string(data))
			if name == "" {
				return Location{}, fmt.Errorf("%s is empty: it should name the records directory", file)
			}
			if strings.ContainsAny(name, "\x00\n") {
				return Location{}, fmt.Errorf("%s should hold one directory name on one line", file)
			}
			if !filepath.IsAbs(name) {
				name = filepath.Join(d, name)
			}
			return Location{Dir: name, Found: true, DirFile: file, Outside: !within(repoRoot(d), name)}, nil
		}
		for _, k := range knownDirs {
			p := filepath.Join(d, k)
			if info, err := os.Stat(p); err == nil && info.IsDir() {
				return Location{Dir: p, Found: true}, nil
			}
		}
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil || filepath.Dir(d) == d {
			break
		}
	}
	return Location{Dir: filepath.Join(abs, DefaultDir)}, nil
}

// repoRoot is the repository holding d: the nearest directory at or
// above it with .git, else d.
func repoRoot(d string) string {
	for p := d; ; p = filepath.Dir(p) {
		if _, err := os.Stat(filepath.Join(p, ".git")); err == nil {
			return p
		}
		if filepath.Dir(p) == p {
			return d
		}
	}
}

// within reports whether path is root or below it, once symbolic links
// are followed as far as the path exists.
func within(root, path string) bool {
	root, path = realPath(root), realPath(path)
	rel, err := filepath.Rel(root, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// realPath resolves the symbolic links of the longest part of p that
// exists.
func realPath(p string) string {
	p = filepath.Clean(p)
	rest := ""
	for {
		if r, err := filepath.EvalSymlinks(p); err == nil {
			return filepath.Join(r, rest)
		}
		parent := filepath.Dir(p)
		if parent == p {
			return filepath.Join(p, rest)
		}
		rest = filepath.Join(filepath.Base(p), rest)
		p = parent
	}
}

// dirFile is the file adr-tools reads the records directory's name from.
const dirFile = ".adr-dir"

// readDirFile reads a .adr-dir file, refusing anything but a regular file
// before opening it: a named pipe there would block every command.
func readDirFile(file string) ([]byte, error) {
	info, err := os.Stat(file)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() || info.Size() > 4096 {
		return nil, fmt.Errorf("%s is not a small regular file naming the records directory; remove or fix it", file)
	}
	return os.ReadFile(file)
}

// HasDirFile reports whether a .adr-dir file is in dir or a parent, where
// adr-tools looks for one.
func HasDirFile(dir string) bool {
	d, err := filepath.Abs(dir)
	for err == nil {
		if _, err := os.Stat(filepath.Join(d, dirFile)); err == nil {
			return true
		}
		if filepath.Dir(d) == d {
			break
		}
		d = filepath.Dir(d)
	}
	return false
}

// WriteDirFile writes a .adr-dir file in dir naming records (a path
// relative to dir), as adr-tools' init does, so that adr-tools finds the
// same records. One that already names records is left alone; one that
// names another directory is an error, never replaced.
func WriteDirFile(dir, records string) error {
	file := filepath.Join(dir, dirFile)
	name := filepath.ToSlash(filepath.Clean(records))
	data, err := readDirFile(file)
	if err == nil {
		if old := strings.TrimSpace(string(data)); old != name {
			return fmt.Errorf("%s already names %s; edit it by hand to move the records", file, old)
		}
		return nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err := create(file, []byte(name+"\n")); err != nil {
		return fmt.Errorf("write %s: %w", file, err)
	}
	return nil
}

// Read reads every record in dir: files named like 0001-title.md (or
// 20240131-title.md). A missing directory is an error that wraps
// fs.ErrNotExist; a record that cannot be parsed goes to Unreadable.
func Read(dir string) (*Log, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("read decision records: %w", err)
	}
	l := &Log{Dir: dir}
	for _, e := range entries {
		if e.IsDir() || !IsRecordName(e.Name()) {
			continue
		}
		file := filepath.Join(dir, e.Name())
		skip := func(msg string) { l.Skipped = append(l.Skipped, &ParseError{File: file, Msg: msg}) }
		if e.Type()&fs.ModeSymlink != 0 {
			info, err := os.Stat(file)
			switch {
			case errors.Is(err, syscall.ELOOP):
				skip("symbolic link loops; skipped")
				continue
			case errors.Is(err, fs.ErrNotExist):
				skip("symbolic link leads nowhere; skipped")
				continue
			case err != nil:
				skip(fmt.Sprintf("cannot follow the symbolic link (%v); skipped", errors.Unwrap(err)))
				continue
			case info.IsDir():
				skip("symbolic link to a directory; skipped")
				continue
			case !info.Mode().IsRegular():
				skip("symbolic link to something other than a file; skipped")
				continue
			}
		} else if !e.Type().IsRegular() {
			skip("not a regular file; skipped")
			continue
		}
		data, err := os.ReadFile(file)
		if err != nil {
			skip(fmt.Sprintf("cannot be read (%v); skipped", errors.Unwrap(err)))
			continue
		}
		r, err := Parse(file, data)
		if err != nil {
			var pe *ParseError
			if errors.As(err, &pe) {
				l.Unreadable = append(l.Unreadable, pe)
				continue
			}
			return nil, err
		}
		l.Records = append(l.Records, r)
	}
	l.sort()
	return l, nil
}

func (l *Log) sort() {
	sort.SliceStable(l.Records, func(i, j int) bool {
		a, b := l.Records[i], l.Records[j]
		if a.Number != b.Number {
			return a.Number < b.Number
		}
		return a.Name() < b.Name()
	})
}

// Number returns the records with number n: one, or several when two
// branches both added it.
func (l *Log) Number(n int) []*Record {
	var out []*Record
	for _, r := range l.Records {
		if r.Number == n {
			out = append(out, r)
		}
	}
	return out
}

// Find returns the record a reference names: its number ("7", "0007",
// "ADR-0007") or part of its file name ("use-kafka"), as adr-tools takes
// them. A reference that names no record, or several, is an error.
func (l *Log) Find(ref string) (*Record, error) {
	ref = strings.TrimSpace(ref)
	if n, ok := parseNumber(ref); ok {
		switch rs := l.Number(n); len(rs) {
		case 0:
			for _, e := range l.Unreadable {
				if rn, _ := parseName(filepath.Base(e.File)); rn.number == n && rn.date == "" {
					return nil, fmt.Errorf("record %d cannot be read, so archie leaves it alone: %w", n, e)
				}
			}
			for _, e := range l.Skipped {
				if rn, _ := parseName(filepath.Base(e.File)); rn.number == n && rn.date == "" {
					return nil, fmt.Errorf("record %d is not a file archie can read: %w", n, e)
				}
			}
			return nil, fmt.Errorf("no decision record numbered %d in %s", n, l.Dir)
		case 1:
			return rs[0], nil
		default:
			return nil, fmt.Errorf("%d decision records are numbered %d (%s and %s); renumber one with archie adr renumber", len(rs), n, rs[0].Name(), rs[1].Name())
		}
	}
	var found []*Record
	for _, r := range l.Records {
		if strings.Contains(r.Name(), ref) {
			found = append(found, r)
		}
	}
	switch len(found) {
	case 0:
		return nil, fmt.Errorf("no decision record in %s matches %q", l.Dir, ref)
	case 1:
		return found[0], nil
	default:
		return nil, fmt.Errorf("%q matches %d decision records (%s, %s, ...): give its number", ref, len(found), found[0].Name(), found[1].Name())
	}
}

func parseNumber(ref string) (int, bool) {
	s := strings.TrimPrefix(strings.TrimPrefix(strings.ToUpper(ref), "ADR"), "-")
	if s == "" {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil && n > 0
}

// resolve returns the record a link points at: the file it names when that
// exists, else the record with its number.
func (l *Log) resolve(link Link) *Record { return l.index().resolve(link) }

// A logIndex finds records by name and number in constant time, for
// passes over every link of a large log.
type logIndex struct {
	byName   map[string]*Record
	byNumber map[int][]*Record
}

func (l *Log) index() *logIndex {
	ix := &logIndex{byName: make(map[string]*Record, len(l.Records)), byNumber: make(map[int][]*Record, len(l.Records))}
	for _, r := range l.Records {
		if _, dup := ix.byName[r.Name()]; !dup {
			ix.byName[r.Name()] = r
		}
		ix.byNumber[r.Number] = append(ix.byNumber[r.Number], r)
	}
	return ix
}

func (ix *logIndex) resolve(link Link) *Record {
	if name, ok := hrefFile(link.Href); ok {
		if r := ix.byName[name]; r != nil {
			return r
		}
	}
	if link.Target != 0 {
		if rs := ix.byNumber[link.Target]; len(rs) == 1 {
			return rs[0]
		}
	}
	return nil
}

var leadingNumber = regexp.MustCompile(`^((?i:adr-?)?)([0-9]+)`)

// next is the number a new record takes: one more than the highest number
// any file in the directory starts with (as adr-tools counts), dates
// excluded.
func (l *Log) next() (int, error) {
	entries, err := os.ReadDir(l.Dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return 0, err
	}
	max := 0
	for _, e := range entries {
		m := leadingNumber.FindStringSubmatch(e.Name())
		if m == nil {
			continue
		}
		if _, isDate := datePrefix(m[2]); isDate && m[1] == "" {
			continue
		}
		if n, err := strconv.Atoi(m[2]); err == nil && n > max {
			max = n
		}
	}
	return max + 1, nil
}
