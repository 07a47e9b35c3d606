package analyze

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/mod/modfile"
)

// workspacePatterns returns the patterns that cover every module of the
// go.work file in dir: the go command's ./... does not cross from a
// workspace root into its modules. It returns nil when dir has no go.work.
func workspacePatterns(dir string) ([]string, error) {
	file := filepath.Join(dir, "go.work")
	data, err := os.ReadFile(file)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	work, err := modfile.ParseWork(file, data, nil)
	if err != nil {
		return nil, fmt.Errorf("read go.work: %w", err)
	}
	var patterns []string
	for _, use := range work.Use {
		rel := filepath.ToSlash(filepath.Clean(use.Path))
		if filepath.IsAbs(use.Path) || strings.HasPrefix(rel, "../") {
			continue // a module outside the tree being checked
		}
		if rel == "." {
			patterns = append(patterns, "./...")
		} else {
			patterns = append(patterns, "./"+rel+"/...")
		}
	}
	return patterns, nil
}

// nestedModules returns the absolute directories below dir (dir excluded)
// that hold a go.mod, skipping hidden folders, vendor, testdata and
// node_modules as the go command does for ./..., and third_party, where
// repositories keep copies of other people's modules.
func nestedModules(dir string) ([]string, error) {
	root, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	var mods []string
	err = filepath.WalkDir(root, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if e.IsDir() {
			name := e.Name()
			if path != root && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || name == "vendor" || name == "third_party" || name == "testdata" || name == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if e.Name() == "go.mod" && filepath.Dir(path) != root {
			mods = append(mods, filepath.Dir(path))
		}
		return nil
	})
	return mods, err
}

// OutsideWorkspace reports whether the go command, run in the module in
// modDir, finds a go.work above it that does not use the module: it then
// refuses to load the module's packages unless GOWORK=off. A repository
// keeps modules out of its workspace on purpose (examples, a tutorial's
// copies); each loads in its own build.
func OutsideWorkspace(modDir string) bool {
	if os.Getenv("GOWORK") != "" {
		return false // the user chose the workspace, or none
	}
	for dir := modDir; ; {
		file := filepath.Join(dir, "go.work")
		if data, err := os.ReadFile(file); err == nil {
			if _, err := os.Stat(filepath.Join(modDir, "go.mod")); dir == modDir && err != nil {
				return false // the workspace's own folder, no module: its build
			}
			work, err := modfile.ParseWork(file, data, nil)
			if err != nil {
				return false // the go command will say what is wrong with it
			}
			for _, use := range work.Use {
				p := use.Path
				if !filepath.IsAbs(p) {
					p = filepath.Join(dir, p)
				}
				if filepath.Clean(p) == filepath.Clean(modDir) {
					return false
				}
			}
			return true
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return false
		}
		dir = parent
	}
}
