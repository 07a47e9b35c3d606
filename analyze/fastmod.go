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
	"sync"
	"syscall"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/module"
	"golang.org/x/mod/semver"
)

// A buildList is the modules go list would read packages from, computed
// from go.mod files alone as the go command's minimal version selection
// does, or nothing when that cannot be done exactly.
type buildList struct {
	// mains are the main modules: the module, or those of the go.work.
	mains []*Module
	// mods are the selected modules by path, the main modules excluded;
	// rootMods those the main modules require, at the versions required.
	mods, rootMods map[string]*fastModule
	// graphWhy says why the whole module graph could not be read: imports
	// not found among rootMods then leave the load to go list.
	graphWhy string
	sums     map[string]bool // go.sum lines, see readGoSum
	modcache string
	// pruned says the module graph is pruned (go 1.17 or later, or a
	// workspace): imports are then looked up in rootMods first.
	pruned bool
	// checked holds usable's answer by module path.
	checked sync.Map
	// hasGoFiles, when set, answers hasGoFiles for the folders of
	// modules in the module cache, which do not change (the cache).
	hasGoFiles func(dir string) bool
	// vendor, when set, is where every dependency is: the module graph
	// is then not read (see vendorTree).
	vendor *vendorTree
	// ignore are the folders go.mod's ignore directives take out of
	// ./... (a single main module's).
	ignore []string
}

// A fastModule is one selected module and where its files are.
type fastModule struct {
	path, version string
	dir           string // extracted module, or the directory of a replacement
	local         bool   // replaced by a directory
	sumPath       string // path and version that go.sum must hold, when not local
	sumVersion    string
}

// A fastReplace is a replace directive, with a directory made absolute.
type fastReplace struct {
	old, new module.Version
}

// fastModuleGraph reads the go.mod files of the main modules (and the
// go.work that lists them, when work is not "") and those of their
// requirements from the module cache, and selects versions as the go
// command does. It returns why it cannot whenever the go command would do
// something it does not reproduce: download, report an untidy go.mod, a
// missing go.sum entry or a go version too new, vendor, or exclude.
func fastModuleGraph(env *fastEnv, mains []*Module, work string) (*buildList, string) {
	sums := make(map[string]bool)
	addSums := func(file string) string {
		s, err := readGoSum(file)
		if err != nil {
			return err.Error()
		}
		for k := range s {
			sums[k] = true
		}
		return ""
	}
	local := func(base string, v module.Version) module.Version {
		if v.Version == "" && !filepath.IsAbs(v.Path) {
			v.Path = filepath.Join(base, v.Path)
		}
		return v
	}
	var workReplace []fastReplace
	goVersion := "" // no module in the graph may need a newer go than this
	vendorDir := "" // the vendor folder the go command reads, if it does
	var wf *modfile.WorkFile
	if work != "" {
		data, err := os.ReadFile(work)
		if err != nil {
			return nil, err.Error()
		}
		wf, err = modfile.ParseWork(work, data, nil)
		if err != nil {
			return nil, "go.work: " + err.Error()
		}
		if wf.Go == nil {
			return nil, "go.work has no go line"
		}
		if len(wf.Godebug) > 0 {
			return nil, "go.work sets godebug" // whose keys the go command checks
		}
		goVersion = "go" + wf.Go.Version
		if version.Compare(goVersion, env.GOVERSION) > 0 {
			return nil, fmt.Sprintf("go.work requires %s, newer than the go command (%s)", goVersion, env.GOVERSION)
		}
		if isDir(filepath.Join(filepath.Dir(work), "vendor")) {
			vendorDir = filepath.Join(filepath.Dir(work), "vendor")
		}
		if why := addSums(work + ".sum"); why != "" {
			return nil, why
		}
		for _, r := range wf.Replace {
			workReplace = append(workReplace, fastReplace{r.Old, local(filepath.Dir(work), r.New)})
		}
	}
	isMain := make(map[string]bool)
	var modReplace []fastReplace
	listed := make(map[string]string)
	type node struct {
		path, ver    string
		expand, root bool
	}
	var queue []node
	pruned := work != ""
	var ignore []string // go.mod's ignore directives, of a single main module
	var modFiles []*modfile.File
	excludes := false
	for _, m := range mains {
		if isMain[m.Path] {
			return nil, "two main modules are " + m.Path
		}
		isMain[m.Path] = true
		file := filepath.Join(m.Dir, "go.mod")
		data, err := os.ReadFile(file)
		if err != nil {
			return nil, err.Error()
		}
		mf, err := modfile.Parse(file, data, nil)
		if err != nil {
			return nil, "go.mod: " + err.Error()
		}
		if mf.Go == nil {
			return nil, file + " has no go line"
		}
		if len(mf.Godebug) > 0 {
			return nil, file + " sets godebug" // whose keys the go command checks
		}
		v := "go" + mf.Go.Version
		if version.Compare(v, env.GOVERSION) > 0 {
			return nil, fmt.Sprintf("go.mod requires %s, newer than the go command (%s)", v, env.GOVERSION)
		}
		if work == "" {
			goVersion = v
			pruned = version.Compare(v, "go1.17") >= 0
		} else if version.Compare(v, goVersion) > 0 {
			return nil, fmt.Sprintf("%s requires %s, newer than go.work's", file, v)
		}
		for _, ig := range mf.Ignore {
			ignore = append(ignore, ig.Path)
		}
		if len(ignore) > 0 && work != "" {
			return nil, "a module of the workspace ignores folders"
		}
		if own := filepath.Join(m.Dir, "vendor"); own != vendorDir && isDir(own) {
			if work != "" {
				return nil, "a module of the workspace vendors its dependencies"
			}
			vendorDir = filepath.Join(m.Dir, "vendor")
		}
		modFiles = append(modFiles, mf)
		excludes = excludes || len(mf.Exclude) > 0
		if why := addSums(filepath.Join(m.Dir, "go.sum")); why != "" {
			return nil, why
		}
		for _, r := range mf.Replace {
			modReplace = append(modReplace, fastReplace{r.Old, local(m.Dir, r.New)})
		}
		once := make(map[string]bool)
		for _, r := range mf.Require {
			if once[r.Mod.Path] {
				// The go command wants go.mod tidied first.
				return nil, fmt.Sprintf("%s requires %s twice", file, r.Mod.Path)
			}
			once[r.Mod.Path] = true
		}
		for _, r := range mf.Require {
			if v, ok := listed[r.Mod.Path]; !ok || semver.Compare(r.Mod.Version, v) > 0 {
				listed[r.Mod.Path] = r.Mod.Version
			}
			queue = append(queue, node{r.Mod.Path, r.Mod.Version, true, true})
		}
	}

	if vendorDir != "" {
		if modFlag(env.GOFLAGS) {
			return nil, "the module vendors its dependencies and GOFLAGS sets -mod"
		}
		v, why := readVendor(env, vendorDir, mains, modFiles, wf)
		if why != "" {
			return nil, why
		}
		return &buildList{mains: mains, vendor: v, ignore: ignore}, ""
	}
	if excludes {
		return nil, "go.mod excludes module versions" // which a vendored build does not read
	}

	// replace finds the replacement of a module version: go.work's first,
	// then the main modules', which must then agree.
	replace := func(path, ver string) (module.Version, bool, string) {
		pick := func(rs []fastReplace) (module.Version, bool, string) {
			var hit *fastReplace
			for i, r := range rs {
				switch {
				case r.old.Path != path:
				case r.old.Version == ver:
					if hit != nil && hit.old.Version == ver && hit.new != r.new {
						return module.Version{}, false, "conflicting replacements of " + path
					}
					hit = &rs[i]
				case r.old.Version == "" && (hit == nil || hit.old.Version == ""):
					if hit != nil && hit.new != r.new {
						return module.Version{}, false, "conflicting replacements of " + path
					}
					hit = &rs[i]
				}
			}
			if hit == nil {
				return module.Version{}, false, ""
			}
			return hit.new, true, ""
		}
		if v, ok, why := pick(workReplace); ok || why != "" {
			return v, ok, why
		}
		if v, ok, why := pick(modReplace); ok || why != "" {
			return v, ok, why
		}
		return module.Version{Path: path, Version: ver}, false, ""
	}
	// goModOf returns the go.mod of a module version in the graph.
	// absent says its last answer was a module cache without that go.mod.
	absent := false
	goModOf := func(path, ver string) (*modfile.File, string) {
		absent = false
		target, replaced, why := replace(path, ver)
		if why != "" {
			return nil, why
		}
		var file string
		if replaced && target.Version == "" {
			file = filepath.Join(target.Path, "go.mod")
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
		}
		data, err := os.ReadFile(file)
		if err != nil {
			absent = !replaced && errors.Is(err, fs.ErrNotExist)
			return nil, fmt.Sprintf("go.mod of %s@%s: %v", path, ver, err)
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

	// The module graph: the main modules' requirements, the requirements
	// of each, and below a module whose go.mod predates graph pruning
	// (go 1.17) everything it requires, transitively; with an unpruned
	// main module, everything.
	selected := make(map[string]string)
	seen := make(map[string]bool)
	graphWhy := "" // why the whole module graph cannot be read, if it cannot
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		if isMain[n.path] {
			if work == "" {
				return nil, "a dependency requires the main module"
			}
			// A module of the workspace stands for every version of it,
			// but the go command still reads the go.mod of the version
			// required, unless a directory replaces it.
			if target, replaced, _ := replace(n.path, n.ver); !replaced || target.Version != "" {
				return nil, fmt.Sprintf("a module requires %s@%s, a module of the workspace", n.path, n.ver)
			}
			continue
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
		if why != "" && pruned && (!n.root || absent) {
			// The go command reads the go.mod files below the main
			// modules' requirements only when an import is not found
			// among those (a lazy module graph); until then, neither
			// does this. Nor does it download the go.mod of a
			// requirement no package of the build is in (cobra's
			// mousetrap, imported on Windows only).
			if graphWhy == "" {
				graphWhy = why
			}
			continue
		}
		if why != "" {
			return nil, why
		}
		if f.Go != nil && pruned && version.Compare("go"+f.Go.Version, goVersion) > 0 {
			// The go line of go.mod must be at least every dependency's:
			// the go command asks for go mod tidy.
			return nil, fmt.Sprintf("%s@%s requires go %s, newer than %s", n.path, n.ver, f.Go.Version, goVersion)
		}
		depPruned := f.Go != nil && version.Compare("go"+f.Go.Version, "go1.17") >= 0
		for _, r := range f.Require {
			queue = append(queue, node{r.Mod.Path, r.Mod.Version, !pruned || !depPruned, false})
		}
	}
	// With part of the graph unread, what was read can still show go.mod
	// untidy: the rest could only raise versions further.
	if work == "" {
		for path, v := range listed {
			if selected[path] != v {
				return nil, fmt.Sprintf("go.mod is not tidy: %s %s is required, %s selected", path, v, selected[path])
			}
		}
	}
	bl := &buildList{mains: mains, mods: make(map[string]*fastModule), rootMods: make(map[string]*fastModule),
		sums: sums, modcache: env.GOMODCACHE, pruned: pruned, graphWhy: graphWhy, ignore: ignore}
	at := func(path, ver string) (*fastModule, string) {
		target, replaced, why := replace(path, ver)
		if why != "" {
			return nil, why
		}
		m := &fastModule{path: path, version: ver}
		if replaced && target.Version == "" {
			m.local = true
			m.dir = target.Path
			if real, err := filepath.EvalSymlinks(m.dir); err == nil {
				m.dir = real
			}
			return m, ""
		}
		ep, err1 := module.EscapePath(target.Path)
		ev, err2 := module.EscapeVersion(target.Version)
		if err1 != nil || err2 != nil {
			return nil, fmt.Sprintf("module %s@%s", target.Path, target.Version)
		}
		m.dir = filepath.Join(env.GOMODCACHE, ep+"@"+ev)
		m.sumPath, m.sumVersion = target.Path, target.Version
		return m, ""
	}
	for path, ver := range selected {
		m, why := at(path, ver)
		if why != "" {
			return nil, why
		}
		bl.mods[path] = m
	}
	// Imports are looked up first in the modules required, at the
	// versions required.
	for path, ver := range listed {
		if isMain[path] {
			continue
		}
		m, why := at(path, ver)
		if why != "" {
			return nil, why
		}
		bl.rootMods[path] = m
	}
	return bl, ""
}

// mainOf returns the main module whose tree holds the import path (the
// longest), or nil.
func (bl *buildList) mainOf(path string) *Module {
	var best *Module
	for _, m := range bl.mains {
		if within(path, m.Path) && (best == nil || len(m.Path) > len(best.Path)) {
			best = m
		}
	}
	return best
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
	if bl.vendor != nil {
		return bl.vendor.resolve(bl.mains, path)
	}
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
		for _, m := range bl.mains {
			if !within(path, m.Path) {
				continue
			}
			d := filepath.Join(m.Dir, filepath.FromSlash(strings.TrimPrefix(path[len(m.Path):], "/")))
			if nestedGoMod(m.Dir, d) {
				continue
			}
			if has, why := localGoFiles(d); why != "" {
				return "", why
			} else if has {
				found = append(found, d)
			}
		}
		if !rootsOnly && bl.graphWhy != "" {
			return "", fmt.Sprintf("%s is not in a module the main modules require, and %s", path, bl.graphWhy)
		}
		mods := bl.mods
		if rootsOnly {
			mods = bl.rootMods
		}
		for prefix := path; ; {
			if m := mods[prefix]; m != nil {
				d := filepath.Join(m.dir, filepath.FromSlash(strings.TrimPrefix(path[len(prefix):], "/")))
				if why := bl.usable(m); why != "" {
					return "", why + ", which may provide " + path
				}
				switch {
				case m.local && nestedGoMod(m.dir, d):
				case m.local || bl.hasGoFiles == nil:
					if has, why := localGoFiles(d); why != "" {
						return "", why
					} else if has {
						found = append(found, d)
					}
				case bl.hasGoFiles(d):
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
		case len(found) == 1 && bl.pruned && !rootsOnly && bl.mainOf(path) == nil:
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

// usable says why the go command could not look into a module without
// the network or a change to go.sum, once per module.
func (bl *buildList) usable(m *fastModule) string {
	if m.local {
		return ""
	}
	if why, ok := bl.checked.Load(m.sumPath + "@" + m.sumVersion); ok {
		return why.(string)
	}
	why := ""
	ep, _ := module.EscapePath(m.sumPath)
	ev, _ := module.EscapeVersion(m.sumVersion)
	if !bl.sums[m.sumPath+" "+m.sumVersion] {
		why = fmt.Sprintf("go.sum has no entry for %s@%s", m.sumPath, m.sumVersion)
	} else if _, err := os.Stat(filepath.Join(bl.modcache, "cache", "download", ep, "@v", ev+".ziphash")); err != nil {
		why = fmt.Sprintf("%s@%s is not in the module cache", m.sumPath, m.sumVersion)
	} else if _, err := os.Stat(m.dir); err != nil {
		why = fmt.Sprintf("%s@%s is not extracted in the module cache", m.sumPath, m.sumVersion)
	}
	bl.checked.Store(m.sumPath+"@"+m.sumVersion, why)
	return why
}

// isDir reports whether name is a directory.
func isDir(name string) bool {
	info, err := os.Stat(name)
	return err == nil && info.IsDir()
}

// hasGoFiles reports whether dir is a directory with a .go file, tests
// included, as the go command asks of a module's folder. It is for the
// module cache, which holds no links; see localGoFiles for other folders.
func hasGoFiles(dir string) bool {
	has, _ := localGoFiles(dir)
	return has
}

// localGoFiles is hasGoFiles for a folder that may hold links: it also
// says why the go command would fail on the folder, a *.go link it
// cannot follow in a folder with no Go file.
func localGoFiles(dir string) (bool, string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) {
			return false, ""
		}
		return false, err.Error()
	}
	has, err := goFilesIn(dir, entries)
	if err != nil {
		return false, err.Error()
	}
	return has, ""
}

// goFilesIn reports whether a folder's entries hold a Go file: a regular
// file, or a link to one, named *.go. As the go command, it fails on a
// *.go link it cannot follow when it finds no Go file.
func goFilesIn(dir string, entries []fs.DirEntry) (bool, error) {
	var firstErr error
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".go") {
			continue
		}
		if e.Type().IsRegular() {
			return true, nil
		}
		info, err := os.Stat(filepath.Join(dir, e.Name()))
		if err == nil && info.Mode().IsRegular() {
			return true, nil
		}
		if err != nil && firstErr == nil {
			firstErr = err
		}
	}
	return false, firstErr
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
