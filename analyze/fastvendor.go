package analyze

import (
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

// A vendorTree is a main module's vendor folder as the go command reads it
// in vendor mode (a go 1.14 or later module with a vendor folder and no
// -mod flag): every import outside the standard library and the main
// module is found in the folder, and vendor/modules.txt says which
// packages the folder may provide. Neither the module cache nor go.sum is
// read.
type vendorTree struct {
	dir  string
	pkgs map[string]bool // the packages modules.txt lists
}

// The parts of vendor/modules.txt the go command checks against go.mod.
type vendorModule struct {
	explicit bool
	replaced bool
	with     module.Version // the replacement, when replaced
}

// readVendor reads vendor/modules.txt of the main module, or of the
// workspace when wf is its go.work, and checks it against the go.mod
// files as the go command does before it loads anything ("inconsistent
// vendoring"). It returns why not wherever the go command would stop,
// warn, or read the folder in a way this does not reproduce: a missing
// modules.txt, one written for a workspace outside it or the other way
// round, a module too old to record what the check needs.
func readVendor(env *fastEnv, dir string, mains []*Module, modFiles []*modfile.File, wf *modfile.WorkFile) (*vendorTree, string) {
	workspace := wf != nil
	goLine := modFiles[0].Go.Version
	if workspace {
		goLine = wf.Go.Version
	}
	if version.Compare("go"+goLine, "go1.14") < 0 {
		// The go command then ignores the folder and reads the module
		// cache; a vendor folder there is most likely stale.
		return nil, "the module vendors its dependencies and its go line is older than 1.14"
	}
	file := filepath.Join(dir, "modules.txt")
	data, err := os.ReadFile(file)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, "the vendor folder has no modules.txt"
	} else if err != nil {
		return nil, err.Error()
	}
	v := &vendorTree{dir: dir, pkgs: make(map[string]bool)}
	meta := make(map[module.Version]*vendorModule)
	at := func(m module.Version) *vendorModule {
		if meta[m] == nil {
			meta[m] = &vendorModule{}
		}
		return meta[m]
	}
	// The modules that provide packages, each at the one version its
	// packages are listed under.
	var providing []module.Version
	var cur module.Version
	// The go command looks for the workspace mark in the first line of
	// the file's first 512 bytes.
	first, _, _ := strings.Cut(string(data[:min(len(data), 512)]), "\n")
	forWorkspace := strings.HasPrefix(first, "## ") && annotated(first, "workspace")
	listedAt := make(map[string]string) // module path -> the version its packages are listed under
	for i, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "# ") {
			f := strings.Fields(line)
			switch {
			case len(f) < 3:
				continue
			case semver.IsValid(f[2]):
				cur = module.Version{Path: f[1], Version: f[2]}
				f = f[3:]
			case f[2] == "=>":
				cur = module.Version{Path: f[1]}
				f = f[2:]
			default:
				cur = module.Version{}
				continue
			}
			if len(f) >= 2 && f[0] == "=>" {
				switch {
				case len(f) == 2:
					at(cur).replaced, at(cur).with = true, module.Version{Path: f[1]}
				case len(f) == 3 && semver.IsValid(f[2]):
					at(cur).replaced, at(cur).with = true, module.Version{Path: f[1], Version: f[2]}
				default:
					return nil, fmt.Sprintf("%s:%d: a replacement archie does not read", file, i+1)
				}
			}
			continue
		}
		if cur.Path == "" {
			continue
		}
		if ann, ok := strings.CutPrefix(line, "## "); ok {
			for e := range strings.SplitSeq(ann, ";") {
				e = strings.TrimSpace(e)
				if e == "explicit" {
					at(cur).explicit = true
				}
				if g, ok := strings.CutPrefix(e, "go "); ok {
					if version.Compare("go"+g, env.GOVERSION) > 0 {
						return nil, fmt.Sprintf("%s in vendor/modules.txt requires go %s, newer than the go command (%s)", cur.Path, g, env.GOVERSION)
					}
				}
			}
			continue
		}
		if f := strings.Fields(line); len(f) == 1 && module.CheckImportPath(f[0]) == nil {
			if v.pkgs[f[0]] {
				return nil, fmt.Sprintf("vendor/modules.txt lists %s twice", f[0])
			}
			if at, ok := listedAt[cur.Path]; ok && at != cur.Version {
				// The go command takes each package from the module
				// listed last, which may not be the one selected.
				return nil, fmt.Sprintf("vendor/modules.txt lists packages of %s at %s and %s", cur.Path, at, cur.Version)
			}
			if _, ok := listedAt[cur.Path]; !ok {
				listedAt[cur.Path] = cur.Version
				providing = append(providing, cur)
			}
			v.pkgs[f[0]] = true
		}
	}
	switch {
	case forWorkspace && !workspace:
		return nil, "vendor/modules.txt was written for a workspace"
	case !forWorkspace && workspace:
		return nil, "the workspace's vendor/modules.txt was written for a module"
	}

	// The go command's consistency check, which stops every command when
	// it fails: go.mod's requirements are the explicit modules, its
	// replacements those recorded.
	inconsistent := func(what string) (*vendorTree, string) {
		return nil, "inconsistent vendoring: " + what
	}
	required := make(map[module.Version]bool)
	for _, mf := range modFiles {
		for _, e := range mf.Exclude {
			for _, r := range mf.Require {
				if r.Mod == e.Mod {
					return nil, fmt.Sprintf("go.mod excludes %s@%s, which it requires", e.Mod.Path, e.Mod.Version)
				}
			}
		}
		for _, r := range mf.Require {
			required[r.Mod] = true
			if m := meta[r.Mod]; m == nil || !m.explicit {
				return inconsistent(fmt.Sprintf("%s@%s is required in go.mod, not marked explicit in vendor/modules.txt", r.Mod.Path, r.Mod.Version))
			}
		}
	}
	rp := newReplacer(mains, modFiles, wf)
	if rp.conflict != "" {
		return nil, rp.conflict
	}
	seen := make(map[module.Version]bool)
	var replaces []*modfile.Replace
	for _, mf := range modFiles {
		replaces = append(replaces, mf.Replace...)
	}
	if wf != nil {
		replaces = append(replaces, wf.Replace...)
	}
	for _, r := range replaces {
		if seen[r.Old] {
			continue
		}
		seen[r.Old] = true
		want, replaced := rp.of(r.Old)
		m := meta[r.Old]
		switch {
		case !replaced && (m == nil || !m.replaced):
			// A module of the workspace is not replaced.
		case m == nil || !m.replaced || !replaced || m.with != want:
			return inconsistent(fmt.Sprintf("the replacement of %s is not the one vendor/modules.txt records", r.Old.Path))
		}
	}
	// From go 1.17 a module's go.mod requires every module a package
	// comes from.
	pruned := !workspace && version.Compare("go"+modFiles[0].Go.Version, "go1.17") >= 0
	for _, m := range providing {
		if meta[m] != nil && meta[m].explicit && !required[m] {
			return inconsistent(fmt.Sprintf("%s@%s is explicit in vendor/modules.txt, not required in go.mod", m.Path, m.Version))
		}
		if pruned && !required[m] {
			return inconsistent(fmt.Sprintf("vendored module %s@%s is not required in go.mod", m.Path, m.Version))
		}
	}
	for m, vm := range meta {
		if _, ok := rp.of(m); vm.replaced && !ok {
			return inconsistent(fmt.Sprintf("vendor/modules.txt replaces %s, go.mod does not", m.Path))
		}
	}
	return v, ""
}

// A replacer finds the replacement of a module version as the go command
// does: go.work's first, then the main modules', which must agree; a
// relative folder is written relative to the workspace in a workspace.
type replacer struct {
	mains    []*Module
	work     map[module.Version]module.Version
	mods     []map[module.Version]module.Version // by main module
	workDir  string
	isMain   map[string]bool
	conflict string
}

func newReplacer(mains []*Module, modFiles []*modfile.File, wf *modfile.WorkFile) *replacer {
	rp := &replacer{mains: mains, isMain: make(map[string]bool)}
	index := func(rs []*modfile.Replace) map[module.Version]module.Version {
		out := make(map[module.Version]module.Version)
		for _, r := range rs {
			if prev, dup := out[r.Old]; dup && prev != r.New {
				rp.conflict = "conflicting replacements of " + r.Old.Path
			}
			out[r.Old] = r.New
		}
		return out
	}
	if wf != nil {
		rp.work = index(wf.Replace)
		rp.workDir = filepath.Dir(wf.Syntax.Name)
	}
	for i, mf := range modFiles {
		rp.mods = append(rp.mods, index(mf.Replace))
		rp.isMain[mains[i].Path] = true
	}
	return rp
}

// of returns the replacement of m, and whether there is one.
func (rp *replacer) of(m module.Version) (module.Version, bool) {
	if rp.isMain[m.Path] && m.Version == "" {
		return module.Version{}, false
	}
	lookup := func(rs map[module.Version]module.Version) (module.Version, bool) {
		if r, ok := rs[m]; ok {
			return r, true
		}
		r, ok := rs[module.Version{Path: m.Path}]
		return r, ok
	}
	if r, ok := lookup(rp.work); ok {
		return r, true
	}
	var found module.Version
	root := ""
	for i, rs := range rp.mods {
		r, ok := lookup(rs)
		if !ok {
			continue
		}
		if root != "" && found != r {
			// The go command reports the conflict; leave it to go list.
			return module.Version{Path: "conflicting replacements"}, true
		}
		found, root = r, rp.mains[i].Dir
	}
	if root == "" {
		return module.Version{}, false
	}
	if rp.workDir == "" || found.Version != "" || filepath.IsAbs(found.Path) {
		return found, true
	}
	rel, err := filepath.Rel(rp.workDir, filepath.Join(root, found.Path))
	if err != nil {
		return module.Version{Path: "unrelated folders"}, true
	}
	if !modfile.IsDirectoryPath(rel) {
		rel = "./" + filepath.ToSlash(filepath.Clean(rel))
	}
	return module.Version{Path: rel}, true
}

// annotated reports whether a "## a; b" line of modules.txt holds entry.
func annotated(line, entry string) bool {
	for e := range strings.SplitSeq(strings.TrimPrefix(line, "## "), ";") {
		if strings.TrimSpace(e) == entry {
			return true
		}
	}
	return false
}

// resolve finds the folder of an import in vendor mode: in a main
// module, or in the vendor folder if modules.txt lists it; in one place.
func (v *vendorTree) resolve(mains []*Module, path string) (string, string) {
	var found []string
	for _, m := range mains {
		if !within(path, m.Path) {
			continue
		}
		d := filepath.Join(m.Dir, filepath.FromSlash(strings.TrimPrefix(path[len(m.Path):], "/")))
		if hasGoFiles(d) && !nestedGoMod(m.Dir, d) {
			found = append(found, d)
		}
	}
	if d := filepath.Join(v.dir, filepath.FromSlash(path)); hasGoFiles(d) {
		if !v.pkgs[path] {
			// The go command ignores it (from go 1.23) or takes it
			// (before), with a warning either way.
			return "", fmt.Sprintf("vendor/%s is not listed in vendor/modules.txt", path)
		}
		found = append(found, d)
	}
	switch len(found) {
	case 0:
		return "", fmt.Sprintf("no module provides %s: it is not in the vendor folder", path)
	case 1:
		return found[0], ""
	}
	return "", fmt.Sprintf("several folders provide %s: %s", path, strings.Join(found, ", "))
}

// shadowed says why a package of the main module is not loaded as one
// when the vendor folder has a folder of Go files at its import path: the
// go command calls the import ambiguous, or takes the vendored copy.
func (v *vendorTree) shadowed(path string) string {
	if hasGoFiles(filepath.Join(v.dir, filepath.FromSlash(path))) {
		return fmt.Sprintf("both the main module and the vendor folder provide %s", path)
	}
	return ""
}

// holds reports whether dir is in the vendor folder.
func (v *vendorTree) holds(dir string) bool {
	return v != nil && withinDir(dir, v.dir)
}
