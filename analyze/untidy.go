package analyze

import (
	"context"
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/module"
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
var missingPackage = regexp.MustCompile(`(?:provides|providing|does not contain) package ([^\s;:()]+)`)

// untidyMessage reports whether msg says that the module of path own is
// not tidy.
func untidyMessage(msg string, own ownPaths) bool {
	if slices.ContainsFunc(untidyMarks, func(m string) bool { return strings.Contains(msg, m) }) {
		return true
	}
	if !strings.Contains(msg, "no required module provides package") {
		return false
	}
	for _, m := range missingPackage.FindAllStringSubmatch(msg, -1) {
		if !own.has(m[1]) {
			return true
		}
	}
	return false
}

// ownPaths are the import paths of a module's own packages: its module
// path, that path without its major version suffix (a v2 module whose
// generated code still says example.com/app/gen/pb), and the modules a
// replace directive maps into its folder. The first is the module path.
type ownPaths []string

// has reports whether the package path is one of own's or below one.
func (own ownPaths) has(path string) bool {
	return slices.ContainsFunc(own, func(o string) bool { return path == o || strings.HasPrefix(path, o+"/") })
}

// module is the module path.
func (own ownPaths) module() string {
	if len(own) == 0 {
		return ""
	}
	return own[0]
}

// missesOwnPackage reports whether the go command found no module for a
// package of own's, in a package listed or one it imports.
func missesOwnPackage(pkgs []*packages.Package, own ownPaths) bool {
	found := false
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			for _, m := range missingPackage.FindAllStringSubmatch(e.Msg, -1) {
				found = found || own.has(m[1])
			}
		}
	})
	return found
}

// offlineEnv is env for a go command that reaches no network: no proxy,
// and no repository fetched directly either (GOPRIVATE and GONOPROXY
// modules are, whatever GOPROXY says).
func offlineEnv(env []string) []string {
	return append(slices.Clip(env), "GOPROXY=off", "GONOPROXY=archie.invalid", "GOVCS=*:off")
}

// lookupRefused reports whether msg is the go command's refusal to look
// a module up with GOPROXY=off.
func lookupRefused(msg string) bool {
	return strings.Contains(msg, "GOPROXY=off") || strings.Contains(msg, "module lookup disabled")
}

// needsProxy reports whether a listing made with GOPROXY=off met, where
// the one before it did not, the go command's refusal to look a module
// up for a package of another module.
func needsProxy(before, after []*packages.Package, own ownPaths) bool {
	return newError(before, after, func(msg string) bool {
		if !lookupRefused(msg) {
			return false
		}
		m := missingPackage.FindStringSubmatch(msg)
		return m == nil || !own.has(m[1])
	})
}

// newError reports whether a package of after, or of one it imports, has
// an error that is, where no package of before has its message.
func newError(before, after []*packages.Package, is func(msg string) bool) bool {
	had := make(map[string]bool)
	packages.Visit(before, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			had[e.Msg] = true
		}
	})
	found := false
	packages.Visit(after, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			found = found || !had[e.Msg] && is(e.Msg)
		}
	})
	return found
}

// proxyWait bounds the listing that fetches what an untidy module lacks.
var proxyWait = 2 * time.Minute

// proxyTimedOut holds the roots of the modules whose fetch through the
// proxy ran out of time in this process: the graph's listing and the
// services' list a module one after the other, and a proxy that did not
// answer the first would only make the second wait as long.
var proxyTimedOut sync.Map

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
	// With -mod=mod the go command looks up a module for every package
	// it cannot find, the module's own included, which would send the
	// module's path to the proxy. So the copy is first brought up to
	// date from the module cache alone (GOPROXY=off), and through the
	// proxy only when what was missing there is other modules' and none
	// of the module's own packages is missing.
	c := *cfg
	c.BuildFlags = append(slices.Clip(cfg.BuildFlags), "-mod=mod", "-modfile="+filepath.Join(tmp, "go.mod"))
	env := c.Env
	if env == nil {
		env = os.Environ()
	}
	c.Env = offlineEnv(env)
	again, err2 := packages.Load(&c, patterns...)
	// A try that stopped before listing anything says nothing of the
	// module's own packages: it goes no further.
	if err2 == nil && needsProxy(pkgs, again, own) && !missesOwnPackage(again, own) {
		if _, late := proxyTimedOut.Load(root); late || !copyModFilesTo(root, tmp) {
			return pkgs, nil, err
		}
		c.Env = env
		// A proxy that does not answer must not hang the run: the
		// modules go.mod requires are already fetched by the first
		// listing, and these are the few it lacked.
		parent := cfg.Context
		if parent == nil {
			parent = context.Background()
		}
		ctx, cancel := context.WithTimeout(parent, proxyWait)
		defer cancel()
		c.Context = ctx
		again, err2 = packages.Load(&c, patterns...)
		if ctx.Err() == context.DeadlineExceeded {
			proxyTimedOut.Store(root, true)
		}
	}
	if err2 != nil && cfg.Context != nil && cfg.Context.Err() != nil {
		return nil, nil, err2 // interrupted: no verdict on the module
	}
	if err2 != nil || untidyPackage(again, own) != "" || newModuleErrors(pkgs, again, own) || sameFiles(root, tmp) {
		// Brought up to date, the module still does not list (a
		// module the go command could not fetch), or the go command
		// changed nothing (what it missed, no module has): it is
		// reported as the go command saw it.
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
		Msg: untidyNote + " (the go command says: " + why + "); archie read module " + own.module() + " with a copy of its " + files + " in a temporary folder, which the go command brought up to date" + changed + ", and left yours as they are: run go mod tidy here, so that a build reads what archie read",
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
// paths of the module's own packages; "" when there is none.
func moduleRoot(dir string) (string, ownPaths) {
	m, err := findModuleRoot(dir)
	if err != nil {
		return "", nil
	}
	own := ownPaths{m.Path}
	if prefix, _, ok := module.SplitPathVersion(m.Path); ok && prefix != m.Path {
		own = append(own, prefix)
	}
	// Parse, not ParseLax: the module's own go.mod, replaces kept.
	path := filepath.Join(m.Dir, "go.mod")
	data, err := os.ReadFile(path)
	if err != nil {
		return m.Dir, own
	}
	f, err := modfile.Parse(path, data, nil)
	if err != nil {
		return m.Dir, own
	}
	for _, r := range f.Replace {
		if r.New.Version != "" || !modfile.IsDirectoryPath(r.New.Path) {
			continue
		}
		to := r.New.Path
		if !filepath.IsAbs(to) {
			to = filepath.Join(m.Dir, to)
		}
		if rel, err := filepath.Rel(m.Dir, to); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			own = append(own, r.Old.Path)
		}
	}
	return m.Dir, own
}

// sameFiles reports whether the go.mod and go.sum in tmp are the ones in
// root, byte for byte (or both absent).
func sameFiles(root, tmp string) bool {
	for _, name := range []string{"go.mod", "go.sum"} {
		a, errA := os.ReadFile(filepath.Join(root, name))
		b, errB := os.ReadFile(filepath.Join(tmp, name))
		if (errA == nil) != (errB == nil) || string(a) != string(b) {
			return false
		}
	}
	return true
}

// untidyPackage returns the first error of a listed package, or of one
// it imports, that says the module is not tidy.
func untidyPackage(pkgs []*packages.Package, own ownPaths) string {
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
var moduleTrouble = regexp.MustCompile(`\S+@v\S*: |missing go.sum entry|updates to go.(mod|sum) needed|no required module provides|is replaced but not required|cannot find module providing|no matching versions|does not contain package|module lookup disabled|GOPROXY=off|not in the module cache|dial tcp|no such host|checksum mismatch`)

// newModuleErrors reports whether a package of after, or of its imports,
// has an error of getting a module that no package of before has. A
// package of the module's own path that is not there is the code's
// error, whatever the go command then looked up: the rest of the module
// reads.
func newModuleErrors(before, after []*packages.Package, own ownPaths) bool {
	return newError(before, after, func(msg string) bool {
		if !moduleTrouble.MatchString(msg) {
			return false
		}
		m := missingPackage.FindStringSubmatch(msg)
		return m == nil || !own.has(m[1])
	})
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
	// No go.work applies: GOWORK=off, or none in the folder or above (a
	// go.work that does not use the module is left out with GOWORK=off
	// by the callers, see OutsideWorkspace).
	work, err := findWork(cfg.Dir, gowork)
	return err == nil && work == ""
}

// copyModFilesTo copies dir's go.mod and go.sum over those in tmp (and
// removes tmp's go.sum where dir has none), for a fresh try.
func copyModFilesTo(dir, tmp string) bool {
	for _, name := range []string{"go.mod", "go.sum"} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		switch {
		case os.IsNotExist(err) && name == "go.sum":
			if err := os.Remove(filepath.Join(tmp, name)); err != nil && !os.IsNotExist(err) {
				return false
			}
		case err != nil:
			return false
		default:
			if os.WriteFile(filepath.Join(tmp, name), data, 0o644) != nil {
				return false
			}
		}
	}
	return true
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
