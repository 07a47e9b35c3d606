package adr

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// rewrite replaces an existing file's content through a temporary file in
// the same directory and a rename, so a reader or a crash sees the old
// content or the new, never a truncated file. The file keeps its mode.
func rewrite(file string, data []byte) error {
	info, err := os.Stat(file)
	if err != nil {
		return err
	}
	tmp, err := writeTemp(filepath.Dir(file), filepath.Base(file), data, info.Mode().Perm())
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, file); err != nil {
		os.Remove(tmp)
		return err
	}
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
