package adr

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
)

// Every file archie writes goes through the helpers below: create for a
// file that must not exist yet, rewrite for one that must, replace for
// one that may. None of them leaves a reader or a crash with a half
// written file.

// rewrite replaces an existing file's content through a temporary file in
// the same directory and a rename, so a reader or a crash sees the old
// content or the new, never a truncated file. The file keeps its mode. A
// symbolic link is followed: the file it leads to is rewritten in its own
// directory, and the link stays a link.
func rewrite(file string, data []byte) error {
	if _, err := os.Stat(file); err != nil {
		return err
	}
	return replace(file, data)
}

// replace writes file whether or not it exists, atomically, following a
// symbolic link as rewrite does.
func replace(file string, data []byte) error {
	real, err := filepath.EvalSymlinks(file)
	if errors.Is(err, fs.ErrNotExist) {
		if _, lerr := os.Lstat(file); lerr == nil {
			return fmt.Errorf("%s is a symbolic link that leads nowhere", file)
		}
		return renameInto(file, data, 0o644)
	}
	if err != nil {
		return err
	}
	info, err := os.Stat(real)
	if err != nil {
		return err
	}
	if !info.Mode().IsRegular() {
		return fmt.Errorf("%s is not a regular file", file)
	}
	return renameInto(real, data, info.Mode().Perm())
}

func renameInto(file string, data []byte, perm fs.FileMode) error {
	tmp, err := writeTemp(filepath.Dir(file), filepath.Base(file), data, perm)
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, file); err != nil {
		os.Remove(tmp)
		return err
	}
	syncDir(filepath.Dir(file))
	return nil
}

// create writes a new file and fails with an error wrapping fs.ErrExist if
// the name is taken: the content is written to a temporary file first and
// then hard-linked into place, which no existing file survives being
// replaced by, and which no reader sees half written.
func create(file string, data []byte) error {
	tmp, err := writeTemp(filepath.Dir(file), filepath.Base(file), data, 0o644)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	err = os.Link(tmp, file)
	if err == nil {
		syncDir(filepath.Dir(file))
	}
	if err == nil || errors.Is(err, fs.ErrExist) {
		return err
	}
	// A filesystem without hard links: create exclusively and write.
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(file)
		return err
	}
	return f.Close()
}

func writeTemp(dir, name string, data []byte, perm fs.FileMode) (string, error) {
	f, err := os.CreateTemp(dir, "."+name+".tmp-*")
	if err != nil {
		return "", fmt.Errorf("write %s: %w", filepath.Join(dir, name), err)
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, perm)
	}
	if err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("write %s: %w", filepath.Join(dir, name), err)
	}
	return tmp, nil
}

// syncDir makes a rename or link in dir durable, where the system allows.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// tempName matches the temporary files writeTemp makes.
var tempName = regexp.MustCompile(`^\.(.+)\.tmp-[0-9]+$`)

// removeStaleTemps deletes what a crash left of archie's temporary files
// for records and the journal in dir. Called under the directory lock, no
// archie is writing them.
func removeStaleTemps(dir string) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if m := tempName.FindStringSubmatch(e.Name()); m != nil && e.Type().IsRegular() && (IsRecordName(m[1]) || m[1] == journalName) {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}
