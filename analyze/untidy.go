package analyze

import (
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/mod/modfile"
	"golang.org/x/tools/go/packages"
)

// A module whose go.mod or go.sum lacks what its code needs (a require
// the code imports, a checksum) is not tidy: the go command, which archie
// runs in its default read-only mode, refuses to list it and asks for
// `go mod tidy`. Repositories are committed so more often than one would
// think, one service of several untidy while the others build. archie
// never writes a repository's files, so LoadTidied lists such a module
// with a copy of its go.mod and go.sum in a temporary folder (-modfile,
// -mod=mod), which the go command brings up to date as go mod tidy would,
// and says that it did.

// untidyMarks are what the go command says of a module that go mod tidy
// would mend; so is an import that no required module provides, but for
// a package of the module's own path (generated code not committed, a
// typo), which no module would provide: looking it up would only send
// the module's path to the module proxy.
var untidyMarks = []string{"updates to go.mod needed", "updates to go.sum needed", "missing go.sum entry", "is replaced but not required"}

// missingPackage finds the package the go command looked for a module of.
var missingPackage = regexp.MustCompile(`(?:provides|providing) package ([^\s;:()]+)`)

// untidyMessage reports whether msg says that the module of path own is
// not tidy.
func untidyMessage(msg, own string) bool {
	if slices.ContainsFunc(untidyMarks, func(m string) bool { return strings.Contains(msg, m) }) {
		return true
	}
	if !strings.Contains(msg, "no required module provides package") {
		return false
	}
	for _, m := range missingPackage.FindAllStringSubmatch(msg, -1) {
		if !inModule(m[1], own) {
			return true
		}
	}
	return false
}

// inModule reports whether the package path is own's or below it.
func inModule(path, own string) bool {
	return own != "" && (path == own || strings.HasPrefix(path, own+"/"))
}

// untidyNote starts the message of the problem LoadTidied reports.
const untidyNote = "go.mod or go.sum is not tidy"

// UntidyNote reports whether e is the problem LoadTidied reports for a
// module: a later load of the same module need not say it again.
func UntidyNote(e Error) bool { return strings.HasPrefix(e.Msg, untidyNote) }

// LoadTidied is packages.Load(cfg, patterns...), but when the go command
// says that the module cfg.Dir is in is not tidy (in its error, or in an
// error of a package listed) it lists again with a temporary copy of the
// module's go.mod and go.sum that the go command may update. It returns
// the second listing when that one meets no module problem the first did
// not, with a problem at the module's go.mod that says what was done and
// which requirements the go command changed; else the first listing as
// it was, and no problem. A workspace build (go.work) is listed as it is:
// the go command updates no copy of a workspace. The copy is removed
// before LoadTidied returns: what the listing gives (files, export data
// in the build cache) does not refer to it.
func LoadTidied(cfg *packages.Config, patterns ...string) ([]*packages.Package, *Error, error) {
	pkgs, err := packages.Load(cfg, patterns...)
	root, own := moduleRoot(cfg.Dir)
	if root == "" {
		return pkgs, nil, err
	}
	why := ""
	switch {
	case err != nil:
		if untidyMessage(err.Error(), own) {
			why = goCommandError(err)
		}
	case len(pkgs) == 0 && len(patterns) > 0:
		// go/packages takes a failed go list -export (which it runs
		// for types without their dependencies' syntax) for a failed
		// build and says nothing: a listing of names says what failed.
		c := *cfg
		c.Mode = packages.NeedName
		if _, nerr := packages.Load(&c, patterns...); nerr != nil && untidyMessage(nerr.Error(), own) {
			why = goCommandError(nerr)
		}
	default:
		why = untidyPackage(pkgs, own)
	}
	if why == "" || !retidyable(cfg) {
		return pkgs, nil, err
	}
	tmp, cerr := copyModFiles(root)
	if cerr != nil {
		return pkgs, nil, err
	}
	defer os.RemoveAll(tmp)
	c := *cfg
	c.BuildFlags = append(slices.Clip(cfg.BuildFlags), "-mod=mod", "-modfile="+filepath.Join(tmp, "go.mod"))
	again, err2 := packages.Load(&c, patterns...)
	if err2 != nil && cfg.Context != nil && cfg.Context.Err() != nil {
		return nil, nil, err2 // interrupted: no verdict on the module
	}
	if err2 != nil || untidyPackage(again, own) != "" || newModuleErrors(pkgs, again, own) {
		// Brought up to date, the module still does not list (a
		// module the go command could not fetch): it is reported as
		// the go command saw it.
		return pkgs, nil, err
	}
	// Its first sentence, without what to run ("; to update it:").
	if i := strings.IndexByte(why, '\n'); i >= 0 {
		why = why[:i]
	}
	if i := strings.Index(why, "; to "); i >= 0 {
		why = why[:i]
	}
	files := "go.mod"
	if _, err := os.Stat(filepath.Join(root, "go.sum")); err == nil {
		files = "go.mod and go.sum"
	}
	changed := ""
	if ch := modChanges(filepath.Join(root, "go.mod"), filepath.Join(tmp, "go.mod")); len(ch) > 0 {
		changed = " (" + strings.Join(ch, ", ") + ")"
	}
	// The module is named: the same note for two modules is two lines.
	note := &Error{
		Pos: token.Position{Filename: filepath.Join(root, "go.mod"), Line: 1, Column: 1},
		Msg: untidyNote + " (the go command says: " + why + "); archie read module " + own + " with a copy of its " + files + " in a temporary folder, which the go command brought up to date" + changed + ", and left yours as they are: run go mod tidy here, so that a build reads what archie read",
	}
	return again, note, nil
}

// modChanges says what the go.mod at after changes of the one at
// before: its go version, then the requirements it adds or requires at
// another version, direct ones first (at most five in all, and how many
// more).
func modChanges(before, after string) []string {
	read := func(path string) *modfile.File {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil
		}
		f, err := modfile.ParseLax(path, data, nil)
		if err != nil {
			return nil
		}
		return f
	}
	was, now := read(before), read(after)
	if was == nil || now == nil {
		return nil
	}
	had := make(map[string]string)
	for _, r := range was.Require {
		had[r.Mod.Path] = r.Mod.Version
	}
	var out []string
	if was.Go != nil && now.Go != nil && was.Go.Version != now.Go.Version {
		out = append(out, "go "+now.Go.Version+" where yours has "+was.Go.Version)
	}
	var direct, indirect []string
	for _, r := range now.Require {
		v, ok := had[r.Mod.Path]
		if ok && v == r.Mod.Version {
			continue
		}
		change := "requires " + r.Mod.Path + " " + r.Mod.Version
		if r.Indirect {
			change += " indirectly"
		}
		if ok {
			change += " where yours has " + v
		}
		if r.Indirect {
			indirect = append(indirect, change)
		} else {
			direct = append(direct, change)
		}
	}
	slices.Sort(direct)
	slices.Sort(indirect)
	changes := append(direct, indirect...)
	if len(changes) > 5 {
		changes = append(changes[:5], fmt.Sprintf("%d more", len(changes)-5))
	}
	return append(out, changes...)
}

// moduleRoot returns the folder of the go.mod that dir is in, and the
// module path it declares; "" when there is none.
func moduleRoot(dir string) (string, string) {
	for d := dir; ; {
		if data, err := os.ReadFile(filepath.Join(d, "go.mod")); err == nil {
			return d, modfile.ModulePath(data)
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", ""
		}
		d = parent
	}
}

// untidyPackage returns the first error of a listed package, or of one
// it imports, that says the module is not tidy.
func untidyPackage(pkgs []*packages.Package, own string) string {
	why := ""
	packages.Visit(pkgs, func(p *packages.Package) bool { return why == "" }, func(p *packages.Package) {
		for _, e := range p.Errors {
			if why == "" && untidyMessage(e.Msg, own) {
				why = e.Msg
			}
		}
	})
	return why
}

// moduleTrouble matches the go command's ways of saying that it could
// not get a module the code needs: an error that names a module version
// ("example.com/dep@v0.1.0: reading …", "… invalid version: unknown
// revision"), or that finds no module for a package.
var moduleTrouble = regexp.MustCompile(`\S+@v\S*: |missing go.sum entry|updates to go.(mod|sum) needed|no required module provides|is replaced but not required|cannot find module providing|no matching versions|module lookup disabled|GOPROXY=off|not in the module cache|dial tcp|no such host|checksum mismatch`)

// newModuleErrors reports whether a package of after, or of its imports,
// has an error of getting a module that no package of before has. A
// package of the module's own path that is not there is the code's
// error, whatever the go command then looked up: the rest of the module
// reads.
func newModuleErrors(before, after []*packages.Package, own string) bool {
	had := make(map[string]bool)
	packages.Visit(before, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			had[e.Msg] = true
		}
	})
	found := false
	packages.Visit(after, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			if had[e.Msg] || !moduleTrouble.MatchString(e.Msg) {
				continue
			}
			if m := missingPackage.FindStringSubmatch(e.Msg); m != nil && inModule(m[1], own) {
				continue
			}
			found = true
		}
	})
	return found
}

// retidyable reports whether the build of cfg may be listed with a copy
// of its module's files: a module's folder (or one below it) not in a
// workspace, and no -modfile of the user's.
func retidyable(cfg *packages.Config) bool {
	env := cfg.Env
	if env == nil {
		env = os.Environ()
	}
	gowork := ""
	for _, kv := range env {
		switch k, v, _ := strings.Cut(kv, "="); k {
		case "GOFLAGS":
			if strings.Contains(v, "-modfile") {
				return false
			}
		case "GOWORK":
			gowork = v
		}
	}
	if slices.ContainsFunc(cfg.BuildFlags, func(f string) bool { return strings.Contains(f, "-modfile") }) {
		return false
	}
	switch gowork {
	case "off":
		return true
	case "":
		return !inWorkspace(cfg.Dir)
	}
	return false // a go.work the user names
}

// inWorkspace reports whether a go.work in dir or above it applies to
// the module in dir: one that uses it (a go.work that does not is left
// out with GOWORK=off by the callers, see OutsideWorkspace).
func inWorkspace(dir string) bool {
	for d := dir; ; {
		if _, err := os.Stat(filepath.Join(d, "go.work")); err == nil {
			return true
		}
		parent := filepath.Dir(d)
		if parent == d {
			return false
		}
		d = parent
	}
}

// copyModFiles copies dir's go.mod and go.sum (when it has one) into a
// new temporary folder and returns that folder.
func copyModFiles(dir string) (string, error) {
	tmp, err := os.MkdirTemp("", "archie-gomod-")
	if err != nil {
		return "", err
	}
	for _, name := range []string{"go.mod", "go.sum"} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if os.IsNotExist(err) && name == "go.sum" {
			continue
		}
		if err == nil {
			err = os.WriteFile(filepath.Join(tmp, name), data, 0o644)
		}
		if err != nil {
			os.RemoveAll(tmp)
			return "", err
		}
	}
	return tmp, nil
}
