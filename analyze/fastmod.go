package analyze

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"go/version"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/module"
	"golang.org/x/mod/semver"
)

// A buildList is the modules go list would read packages from, computed
// from go.mod files alone as the go command's minimal version selection
// does, or nothing when that cannot be done exactly.
type buildList struct {
	main    *Module
	mainDir string
	// mods are the selected modules by path, the main module excluded.
	mods     map[string]*fastModule
	sums     map[string]bool // go.sum lines, see readGoSum
	modcache string
	// pruned says the main module's go.mod is at go 1.17 or later; roots
	// are then the modules it requires, where imports are looked up first.
	pruned bool
	roots  map[string]bool
}

// A fastModule is one selected module and where its files are.
type fastModule struct {
	path, version string
	dir           string // extracted module, or the directory of a replacement
	local         bool   // replaced by a directory
	sumPath       string // path and version that go.sum must hold, when not local
	sumVersion    string
}

// fastModuleGraph reads the main module's go.mod and the go.mod files of
// its requirements from the module cache and selects versions as the go
// command does. It returns why it cannot whenever the go command would
// do something it does not reproduce: download, report an untidy go.mod,
// a missing go.sum entry or a go version too new, vendor, or exclude.
func fastModuleGraph(env *fastEnv, main *Module) (*buildList, string) {
	file := filepath.Join(main.Dir, "go.mod")
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err.Error()
	}
	mf, err := modfile.Parse(file, data, nil)
	if err != nil {
		return nil, "go.mod: " + err.Error()
	}
	if mf.Go == nil {
		return nil, "go.mod has no go line"
	}
	goVersion := "go" + mf.Go.Version
	if version.Compare(goVersion, env.GOVERSION) > 0 {
		return nil, fmt.Sprintf("go.mod requires %s, newer than the go command (%s)", goVersion, env.GOVERSION)
	}
	if info, err := os.Stat(filepath.Join(main.Dir, "vendor")); err == nil && info.IsDir() {
		return nil, "the module vendors its dependencies"
	}
	if len(mf.Exclude) > 0 {
		return nil, "go.mod excludes module versions"
	}
	if len(mf.Ignore) > 0 {
		return nil, "go.mod ignores folders"
	}
	sums, err := readGoSum(filepath.Join(main.Dir, "go.sum"))
	if err != nil {
		return nil, err.Error()
	}
	pruned := version.Compare(goVersion, "go1.17") >= 0

	replace := func(path, ver string) (module.Version, bool) {
		var hit *modfile.Replace
		for _, r := range mf.Replace {
			if r.Old.Path == path && (r.Old.Version == "" && hit == nil || r.Old.Version == ver) {
				hit = r
			}
		}
		if hit == nil {
			return module.Version{Path: path, Version: ver}, false
		}
		return hit.New, true
	}
	// goModOf returns the go.mod of a module version in the graph.
	goModOf := func(path, ver string) (*modfile.File, string) {
		target, replaced := replace(path, ver)
		var file string
		var data []byte
		if replaced && target.Version == "" {
			dir := target.Path
			if !filepath.IsAbs(dir) {
				dir = filepath.Join(main.Dir, dir)
			}
			file = filepath.Join(dir, "go.mod")
			d, err := os.ReadFile(file)
			if err != nil {
				return nil, fmt.Sprintf("replacement %s of %s: %v", target.Path, path, err)
			}
			data = d
		} else {
			if !sums[target.Path+" "+target.Version+"/go.mod"] {
				return nil, fmt.Sprintf("go.sum has no entry for %s@%s/go.mod", target.Path, target.Version)
			}
			ep, err1 := module.EscapePath(target.Path)
			ev, err2 := module.EscapeVersion(target.Version)
			if err1 != nil || err2 != nil {
				return nil, fmt.Sprintf("module %s@%s", target.Path, target.Version)
			}
			file = filepath.Join(env.GOMODCACHE, "cache", "download", ep, "@v", ev+".mod")
			d, err := os.ReadFile(file)
			if err != nil {
				return nil, fmt.Sprintf("go.mod of %s@%s is not in the module cache", target.Path, target.Version)
			}
			data = d
		}
		f, err := modfile.ParseLax(file, data, nil)
		if err != nil {
			return nil, fmt.Sprintf("%s: %v", file, err)
		}
		if f.Go != nil && version.Compare("go"+f.Go.Version, env.GOVERSION) > 0 {
			return nil, fmt.Sprintf("%s@%s requires go %s", path, ver, f.Go.Version)
		}
		return f, ""
	}

	// The module graph: the main module's requirements, the requirements
	// of each, and below a module whose go.mod predates graph pruning
	// (go 1.17) everything it requires, transitively; with an unpruned
	// main module, everything.
	selected := make(map[string]string)
	listed := make(map[string]string)
	type node struct {
		path, ver string
		expand    bool
	}
	seen := make(map[string]bool)
	var queue []node
	for _, r := range mf.Require {
		if v, ok := listed[r.Mod.Path]; !ok || semver.Compare(r.Mod.Version, v) > 0 {
			listed[r.Mod.Path] = r.Mod.Version
		}
		queue = append(queue, node{r.Mod.Path, r.Mod.Version, true})
	}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		if n.path == main.Path {
			return nil, "a dependency requires the main module"
		}
		if semver.Compare(n.ver, selected[n.path]) > 0 {
			selected[n.path] = n.ver
		}
		key := n.path + "@" + n.ver
		if seen[key] || !n.expand {
			continue
		}
		seen[key] = true
		f, why := goModOf(n.path, n.ver)
		if why != "" {
			return nil, why
		}
		if f.Go != nil && pruned && version.Compare("go"+f.Go.Version, goVersion) > 0 {
			// The go line of go.mod must be at least every dependency's:
			// the go command asks for go mod tidy.
			return nil, fmt.Sprintf("%s@%s requires go %s, newer than go.mod's %s", n.path, n.ver, f.Go.Version, mf.Go.Version)
		}
		depPruned := f.Go != nil && version.Compare("go"+f.Go.Version, "go1.17") >= 0
		for _, r := range f.Require {
			queue = append(queue, node{r.Mod.Path, r.Mod.Version, !pruned || !depPruned})
		}
	}
	for path, v := range listed {
		if selected[path] != v {
			return nil, fmt.Sprintf("go.mod is not tidy: %s %s is required, %s selected", path, v, selected[path])
		}
	}
	bl := &buildList{main: main, mainDir: main.Dir, mods: make(map[string]*fastModule)}
	for path, ver := range selected {
		target, replaced := replace(path, ver)
		m := &fastModule{path: path, version: ver}
		if replaced && target.Version == "" {
			m.local = true
			m.dir = target.Path
			if !filepath.IsAbs(m.dir) {
				m.dir = filepath.Join(main.Dir, m.dir)
			}
			if real, err := filepath.EvalSymlinks(m.dir); err == nil {
				m.dir = real
			}
		} else {
			ep, err1 := module.EscapePath(target.Path)
			ev, err2 := module.EscapeVersion(target.Version)
			if err1 != nil || err2 != nil {
				return nil, fmt.Sprintf("module %s@%s", target.Path, target.Version)
			}
			m.dir = filepath.Join(env.GOMODCACHE, ep+"@"+ev)
			m.sumPath, m.sumVersion = target.Path, target.Version
		}
		bl.mods[path] = m
	}
	bl.sums = sums
	bl.modcache = env.GOMODCACHE
	bl.pruned = pruned
	bl.roots = make(map[string]bool)
	for path := range listed {
		bl.roots[path] = true
	}
	return bl, ""
}

// readGoSum returns the lines of a go.sum as "path version" and
// "path version/go.mod" keys; a missing file is an empty one.
func readGoSum(file string) (map[string]bool, error) {
	sums := make(map[string]bool)
	data, err := os.ReadFile(file)
	if errors.Is(err, fs.ErrNotExist) {
		return sums, nil
	} else if err != nil {
		return nil, err
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) == 3 {
			sums[f[0]+" "+f[1]] = true
		}
	}
	return sums, sc.Err()
}

// resolve finds the directory of an imported package that is not in the
// standard library: in the main module or exactly one selected module, as
// the go command looks for it. It returns why not when no module or
// several provide it, or when the module providing it would have to be
// downloaded or checked against a go.sum that lacks it.
func (bl *buildList) resolve(path string) (dir string, why string) {
	// The go command looks first among the main module's own requirements
	// (with a pruned module graph), then in the whole graph; a go.sum
	// entry missing for any module it looks into is an error, as is a
	// package that several modules provide.
	passes := []bool{false}
	if bl.pruned {
		passes = []bool{true, false}
	}
	for _, rootsOnly := range passes {
		var found []string
		if within(path, bl.main.Path) {
			d := filepath.Join(bl.mainDir, filepath.FromSlash(strings.TrimPrefix(path[len(bl.main.Path):], "/")))
			if hasGoFiles(d) && !nestedGoMod(bl.mainDir, d) {
				found = append(found, d)
			}
		}
		for prefix := path; ; {
			if m := bl.mods[prefix]; m != nil && (!rootsOnly || bl.roots[prefix]) {
				d := filepath.Join(m.dir, filepath.FromSlash(strings.TrimPrefix(path[len(prefix):], "/")))
				if !m.local {
					if !bl.sums[m.sumPath+" "+m.sumVersion] {
						return "", fmt.Sprintf("go.sum has no entry for %s@%s, which may provide %s", m.sumPath, m.sumVersion, path)
					}
					ep, _ := module.EscapePath(m.sumPath)
					ev, _ := module.EscapeVersion(m.sumVersion)
					if _, err := os.Stat(filepath.Join(bl.modcache, "cache", "download", ep, "@v", ev+".ziphash")); err != nil {
						return "", fmt.Sprintf("%s@%s is not in the module cache", m.sumPath, m.sumVersion)
					}
					if _, err := os.Stat(m.dir); err != nil {
						return "", fmt.Sprintf("%s@%s is not extracted in the module cache", m.sumPath, m.sumVersion)
					}
				}
				if hasGoFiles(d) && !(m.local && nestedGoMod(m.dir, d)) {
					found = append(found, d)
				}
			}
			i := strings.LastIndexByte(prefix, '/')
			if i < 0 {
				break
			}
			prefix = prefix[:i]
		}
		switch {
		case len(found) == 1 && bl.pruned && !rootsOnly && !within(path, bl.main.Path):
			// go.mod must require every module it takes packages from.
			return "", fmt.Sprintf("%s comes from a module go.mod does not require", path)
		case len(found) == 1:
			return found[0], ""
		case len(found) > 1:
			return "", fmt.Sprintf("several modules provide %s", path)
		}
	}
	return "", fmt.Sprintf("no module provides %s", path)
}

// hasGoFiles reports whether dir is a directory with a .go file, tests
// included, as the go command asks of a module's folder.
func hasGoFiles(dir string) bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".go") {
			continue
		}
		if e.Type().IsRegular() {
			return true
		}
		if info, err := os.Stat(filepath.Join(dir, e.Name())); err == nil && info.Mode().IsRegular() {
			return true
		}
	}
	return false
}

// nestedGoMod reports whether a go.mod below root, up to and including
// dir, puts dir in another module.
func nestedGoMod(root, dir string) bool {
	for d := dir; d != root && len(d) > len(root); d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return true
		}
	}
	return false
}
