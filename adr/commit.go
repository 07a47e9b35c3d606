package adr

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Every change archie makes to the records is a transaction: under the
// directory lock it reads the records as they are on disk, edits them,
// and writes the result as a list of steps. A change of more than one
// file first writes the steps to a journal in the directory, so that a
// crash part-way leaves a plan the next archie finishes (roll forward)
// before it does anything else. Each step is idempotent: it knows the
// state of its file before and after, so finishing a journal redoes only
// what is not done, and refuses to touch a file someone else changed.

// journalName is the journal's file name in the records directory.
const journalName = ".archie-journal"

// A journal is a planned change of several files.
type journal struct {
	Op       string `json:"op"`                 // what was being done: "renumber of ADR-0001 to 9"
	Renumber []int  `json:"renumber,omitempty"` // from and to, for a renumber
	Steps    []step `json:"steps"`
}

// A step changes one file.
type step struct {
	Kind string `json:"kind"` // stepCreate, stepSymlink, stepRewrite or stepRemove
	// File is a name in the records directory, or an absolute path for a
	// file a symbolic link there leads to.
	File   string `json:"file"`
	Before string `json:"before,omitempty"` // rewrite, remove: sha256 of the content expected
	After  []byte `json:"after,omitempty"`  // create, rewrite: the content to write
	Link   string `json:"link,omitempty"`   // symlink: what to link to; remove: the link expected
}

const (
	stepCreate  = "create"  // a new file; never replaces one
	stepSymlink = "symlink" // a new symbolic link; never replaces a file
	stepRewrite = "rewrite" // new content for an existing file (through links)
	stepRemove  = "remove"  // remove a name (a link itself, not what it leads to)
)

type stepState int

const (
	pending stepState = iota
	done
	conflict
)

func hash(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

func (l *Log) path(s step) string {
	if filepath.IsAbs(s.File) {
		return s.File
	}
	return filepath.Join(l.Dir, s.File)
}

// state says whether a step is still to do, done, or impossible because
// its file is in neither state.
func (l *Log) state(s step) (stepState, error) {
	file := l.path(s)
	info, err := os.Lstat(file)
	if errors.Is(err, fs.ErrNotExist) {
		switch s.Kind {
		case stepCreate, stepSymlink:
			return pending, nil
		case stepRemove:
			return done, nil
		}
		return conflict, nil
	} else if err != nil {
		return conflict, err
	}
	isLink := info.Mode()&fs.ModeSymlink != 0
	switch s.Kind {
	case stepSymlink:
		if target, err := os.Readlink(file); err == nil && isLink && target == s.Link {
			return done, nil
		}
		return conflict, nil
	case stepRemove:
		if s.Link != "" {
			if target, err := os.Readlink(file); err == nil && isLink && target == s.Link {
				return pending, nil
			}
			return conflict, nil
		}
	}
	if isLink && s.Kind != stepRewrite {
		return conflict, nil
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return conflict, err
	}
	switch h := hash(data); {
	case s.Kind == stepCreate && h == hash(s.After):
		return done, nil
	case s.Kind == stepRewrite && h == s.Before:
		return pending, nil
	case s.Kind == stepRewrite && h == hash(s.After):
		return done, nil
	case s.Kind == stepRemove && h == s.Before:
		return pending, nil
	}
	return conflict, nil
}

func (l *Log) apply(s step) error {
	file := l.path(s)
	var err error
	switch s.Kind {
	case stepCreate:
		err = create(file, s.After)
	case stepSymlink:
		err = os.Symlink(s.Link, file)
	case stepRewrite:
		err = rewrite(file, s.After)
	case stepRemove:
		if err = os.Remove(file); err == nil {
			syncDir(filepath.Dir(file))
		}
	default:
		err = fmt.Errorf("unknown step %q", s.Kind)
	}
	if err != nil {
		return fmt.Errorf("%s %s: %w", s.Kind, file, err)
	}
	return nil
}

// stepHook, when set by a test, runs before each step of a journal and
// stops the transaction where it returns an error, as a crash would.
var stepHook func(i int) error

// errChanged is a file that changed on disk between reading and writing,
// under a writer that does not take archie's lock (an editor, adr-tools).
type errChanged struct{ file string }

func (e *errChanged) Error() string {
	return e.file + " changed while archie was working on it; nothing was written, run the command again"
}

// commit carries out a change. Before writing anything it checks every
// file is as it was read; a change of several files goes through the
// journal.
func (l *Log) commit(j *journal) error {
	if len(j.Steps) == 0 {
		return nil
	}
	// A record archie writes must read back: an edit that would leave
	// one unreadable (front matter archie does not understand well
	// enough to edit) writes nothing at all.
	for _, s := range j.Steps {
		if s.Kind != stepRewrite && s.Kind != stepCreate {
			continue
		}
		if _, err := Parse(l.path(s), s.After); err != nil {
			return fmt.Errorf("not writing %s: the change would leave it unreadable (%v); make it by hand", l.path(s), err)
		}
	}
	seen := make(map[string]bool)
	for _, s := range j.Steps {
		file := l.path(s)
		if seen[file] {
			continue // judged when it runs, after the earlier steps
		}
		seen[file] = true
		st, err := l.state(s)
		if err != nil {
			return fmt.Errorf("read %s: %w", file, err)
		}
		if st != pending {
			if s.Kind == stepCreate || s.Kind == stepSymlink {
				return fmt.Errorf("%s: %w", file, fs.ErrExist)
			}
			return &errChanged{file}
		}
	}
	if len(j.Steps) == 1 {
		return l.apply(j.Steps[0])
	}
	data, err := json.MarshalIndent(j, "", "  ")
	if err != nil {
		return err
	}
	jfile := filepath.Join(l.Dir, journalName)
	if err := create(jfile, data); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s: another change is under way or was interrupted; run archie adr list to complete it", jfile)
		}
		return fmt.Errorf("write %s: %w", jfile, err)
	}
	if err := l.run(j); err != nil {
		return err
	}
	return removeJournal(jfile)
}

// run does the steps of a journal that are not done yet.
func (l *Log) run(j *journal) error {
	for i, s := range j.Steps {
		if stepHook != nil {
			if err := stepHook(i); err != nil {
				return err
			}
		}
		st, err := l.state(s)
		if err == nil && st == conflict {
			err = fmt.Errorf("%s is neither as it was nor as planned", l.path(s))
		}
		if err != nil {
			return fmt.Errorf("%s: the %s cannot be completed: %w; put the file back as it was, or delete %s to leave everything as it is",
				filepath.Join(l.Dir, journalName), j.Op, err, journalName)
		}
		if st == pending {
			if err := l.apply(s); err != nil {
				return err
			}
		}
	}
	return nil
}

func removeJournal(file string) error {
	if err := os.Remove(file); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("remove %s: %w", file, err)
	}
	syncDir(filepath.Dir(file))
	return nil
}

// recoverJournal completes a change a crash interrupted, if the directory
// holds its journal, and cleans up temporary files. The caller holds the
// lock.
func (l *Log) recoverJournal() error {
	jfile := filepath.Join(l.Dir, journalName)
	data, err := os.ReadFile(jfile)
	if errors.Is(err, fs.ErrNotExist) {
		removeStaleTemps(l.Dir)
		return nil
	} else if err != nil {
		return fmt.Errorf("read %s: %w", jfile, err)
	}
	var j journal
	if err := json.Unmarshal(data, &j); err != nil {
		return fmt.Errorf("%s: not a journal archie can read (%v); delete it if no archie command was interrupted", jfile, err)
	}
	removeStaleTemps(l.Dir)
	if err := l.run(&j); err != nil {
		return err
	}
	if err := removeJournal(jfile); err != nil {
		return err
	}
	l.Recovered = append(l.Recovered, fmt.Sprintf("completed an interrupted %s (from %s)", j.Op, filepath.ToSlash(jfile)))
	l.renumbered = j.Renumber
	return nil
}

// transact runs edit on the records as they are on disk, holding the
// directory lock from the read to the last write, so that concurrent
// archie commands take turns and none loses another's change. An
// interrupted change is completed first.
func (l *Log) transact(edit func() error) error {
	unlock, err := lockDir(l.Dir)
	if err != nil {
		return fmt.Errorf("lock %s: %w", l.Dir, err)
	}
	defer unlock()
	if err := l.reload(); err != nil {
		return err
	}
	return edit()
}

// reload completes an interrupted change and reads the records again. A
// missing directory holds no records.
func (l *Log) reload() error {
	if err := l.recoverJournal(); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	fresh, err := Read(l.Dir)
	if errors.Is(err, fs.ErrNotExist) {
		fresh, err = &Log{Dir: l.Dir}, nil
	}
	if err != nil {
		return err
	}
	l.Records, l.Unreadable, l.Skipped = fresh.Records, fresh.Unreadable, fresh.Skipped
	return nil
}

// Open reads the records in dir as Read does, first completing a change
// that a crash interrupted (Recovered says so).
func Open(dir string) (*Log, error) {
	if _, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("read decision records: %w", err)
	}
	l := &Log{Dir: dir}
	if err := l.transact(func() error { return nil }); err != nil {
		return nil, err
	}
	return l, nil
}

// rewrites are the steps that write the records that changed.
func rewrites(rs ...*Record) []step {
	var out []step
	seen := make(map[*Record]bool)
	for _, r := range rs {
		if seen[r] || r.content() == r.orig {
			continue
		}
		seen[r] = true
		out = append(out, step{Kind: stepRewrite, File: stepFile(r.File), Before: hash([]byte(r.orig)), After: []byte(r.content())})
	}
	return out
}

// stepFile names a record's file in a step: its name in the directory,
// or, for a symbolic link to a file elsewhere, that file's absolute path.
func stepFile(file string) string {
	info, err := os.Lstat(file)
	if err != nil || info.Mode()&fs.ModeSymlink == 0 {
		return filepath.Base(file)
	}
	real, err := filepath.EvalSymlinks(file)
	if err != nil {
		return filepath.Base(file)
	}
	if abs, err := filepath.Abs(real); err == nil {
		return abs
	}
	return real
}
