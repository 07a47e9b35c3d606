package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/archie-dev/archie/report"
)

// An output is one --output format=file request.
type output struct{ format, file string }

// parseOutputs reads --output values, before any work is done, so that a
// typo fails at once rather than after a long load.
func parseOutputs(values, formats []string) ([]output, error) {
	var out []output
	seen := make(map[string]string)
	for _, v := range values {
		format, file, ok := strings.Cut(v, "=")
		if !ok || file == "" {
			return nil, fmt.Errorf("--output %q: want format=file, e.g. sarif=archie.sarif", v)
		}
		if !slices.Contains(formats, format) {
			return nil, fmt.Errorf("--output %q: unknown format %q; use one of %s", v, format, strings.Join(formats, ", "))
		}
		key := filepath.Clean(file)
		if prev, ok := seen[key]; ok {
			return nil, fmt.Errorf("--output %q: %s is also the %s report; give each its own file", v, file, prev)
		}
		seen[key] = format
		out = append(out, output{format, file})
	}
	return out, nil
}

// mayReplace refuses to let a report replace a file it should not: the
// config in use, anything that is not a regular file, and, without force, a
// file that holds something other than an earlier archie report of the
// same format (-o json=archie.yaml once replaced a config with JSON).
func mayReplace(path, format, config string, force bool) error {
	info, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	} else if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if !info.Mode().IsRegular() {
		return fmt.Errorf("write %s: it exists and is not a regular file; name another file", path)
	}
	if c, err := os.Stat(config); err == nil && os.SameFile(info, c) {
		return fmt.Errorf("write %s: that is the config file; name another file for the %s report", path, format)
	}
	if force {
		return nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if !report.IsOwnOutput(format, data) {
		return fmt.Errorf("write %s: it exists and is not an archie %s report; remove it, name another file, or pass --force to replace it", path, format)
	}
	return nil
}

// writeFile writes a report through a temporary file in the same directory
// and renames it into place, so a reader never sees half a report and a
// failed run leaves the previous one intact. Missing parent directories are
// made, as CI artifact folders often are not there yet. Callers check
// mayReplace first, before any work is done.
func writeFile(path string, write func(io.Writer) error) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(f.Name())
	if err := write(f); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// repoPrefix is dir relative to the root of the git repository it is in,
// slash-separated, or "" when dir is the root or in no repository.
// Code-scanning and annotations place files from the repository root.
func repoPrefix(dir string) string {
	for d := dir; ; {
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			if rel := relSlash(d, dir); rel != "." {
				return rel
			}
			return ""
		}
		parent := filepath.Dir(d)
		if parent == d {
			return ""
		}
		d = parent
	}
}

// relSlash is target relative to base, slash-separated; target itself when
// it is not below base.
func relSlash(base, target string) string {
	abs, err := filepath.Abs(target)
	if err != nil {
		return filepath.ToSlash(target)
	}
	rel, err := filepath.Rel(base, abs)
	if err != nil || strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(target)
	}
	return filepath.ToSlash(rel)
}
