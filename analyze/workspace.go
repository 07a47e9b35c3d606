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
