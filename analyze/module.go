package analyze

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"golang.org/x/mod/modfile"
)

// FindModules returns the module that holds dir (the nearest go.mod at or
// above it) and the main modules as the go command sees them from there:
// every module of the go.work that lists it, or that module alone. A
// driver that sees one package at a time (go vet) builds its Graph with
// them, so that imports of the module's own packages, and of the
// workspace's, are known as such. The workspace is the one GOWORK names,
// none when gowork (the GOWORK setting) is off, else the nearest go.work
// above the module. Directories are returned without symbolic links, as
// Load reports them.
func FindModules(dir, gowork string) (own *Module, all []*Module, err error) {
	dir, err = RealDir(dir)
	if err != nil {
		return nil, nil, err
	}
	for d := dir; ; d = filepath.Dir(d) {
		if m, err := readModule(d); err == nil {
			own = m
			break
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, nil, err
		}
		if filepath.Dir(d) == d {
			return nil, nil, fmt.Errorf("no go.mod in %s or any parent directory", dir)
		}
	}
	work, err := findWork(own.Dir, gowork)
	if err != nil || work == "" {
		return own, []*Module{own}, err
	}
	data, err := os.ReadFile(work)
	if err != nil {
		return nil, nil, err
	}
	wf, err := modfile.ParseWork(work, data, nil)
	if err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", work, err)
	}
	listed := false
	for _, use := range wf.Use {
		d := use.Path
		if !filepath.IsAbs(d) {
			d = filepath.Join(filepath.Dir(work), d)
		}
		if real, err := RealDir(d); err == nil {
			d = real
		}
		if d == own.Dir {
			all, listed = append(all, own), true
			continue
		}
		m, err := readModule(d)
		if err != nil {
			continue // the go command reports a broken go.work itself
		}
		all = append(all, m)
	}
	if !listed {
		// A module that its go.work does not list is outside the
		// workspace; the go command refuses it, and it stands alone here.
		return own, []*Module{own}, nil
	}
	return own, all, nil
}

// readModule reads the go.mod in dir.
func readModule(dir string) (*Module, error) {
	file := filepath.Join(dir, "go.mod")
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	path := modfile.ModulePath(data)
	if path == "" {
		return nil, fmt.Errorf("%s names no module", file)
	}
	return &Module{Path: path, Dir: dir}, nil
}

// findWork returns the go.work that applies to the module in dir, or "".
func findWork(dir, gowork string) (string, error) {
	switch gowork {
	case "off":
		return "", nil
	case "":
	default:
		return gowork, nil
	}
	for d := dir; ; d = filepath.Dir(d) {
		file := filepath.Join(d, "go.work")
		if _, err := os.Stat(file); err == nil {
			return file, nil
		} else if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		if filepath.Dir(d) == d {
			return "", nil
		}
	}
}
