package services

import (
	"errors"
	"fmt"
	"go/ast"
	"go/build"
	"go/build/constraint"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/archie-dev/archie/analyze"
	"golang.org/x/tools/go/packages"
)

// A dependency can select its files by Go release: bytedance/sonic
// v1.14.2 declares its map iterator in files built only for go1.24 and
// go1.25, so with go1.26 its internal/rt does not type-check, nor does
// any package above it: every service that imports it, through gin,
// hertz or kitex or itself, would go unread, though its own code is
// fine. Such a dependency is read as the latest earlier release that
// makes it type-check selects its files, and the run says so: a build
// with this release fails there.

// olderReleases is how many releases before this one a dependency is
// tried with.
const olderReleases = 4

// An olderRead is a dependency read as an earlier Go release selects its
// files.
type olderRead struct {
	release string         // the release it was read as, go1.25
	err     packages.Error // its first error as the go command's release selects its files
}

// releaseContext returns the build context that selects files as the
// build lists them (its GOOS, GOARCH and tags, cgo off) for Go release
// minor, go1.minor: the release tags up to it.
func releaseContext(base *build.Context, minor int) *build.Context {
	ctx := *base
	ctx.CgoEnabled = false
	ctx.ReleaseTags = nil
	for i := 1; i <= minor; i++ {
		ctx.ReleaseTags = append(ctx.ReleaseTags, "go1."+strconv.Itoa(i))
	}
	return &ctx
}

// currentMinor returns this Go release's minor number: 26 for go1.26.
func currentMinor() int {
	tags := build.Default.ReleaseTags
	if len(tags) == 0 {
		return 0
	}
	n, err := strconv.Atoi(strings.TrimPrefix(tags[len(tags)-1], "go1."))
	if err != nil {
		return 0
	}
	return n
}

// releaseFiles returns the Go files of p that release minor selects, or
// nil when they are those listed: its listed files and those left out,
// as ctx judges them.
func releaseFiles(ctx *build.Context, p *packages.Package) []string {
	var files []string
	for _, f := range slices.Concat(p.GoFiles, p.IgnoredFiles) {
		if !strings.HasSuffix(f, ".go") || strings.HasSuffix(f, "_test.go") {
			continue
		}
		if ok, err := ctx.MatchFile(filepath.Dir(f), filepath.Base(f)); err == nil && ok {
			files = append(files, f)
		}
	}
	slices.Sort(files)
	listed := slices.Sorted(slices.Values(p.GoFiles))
	if len(files) == 0 || slices.Equal(files, listed) {
		return nil
	}
	return files
}

// olderRelease type-checks p, a dependency that did not type-check as
// listed only for names of its own left undefined, as each earlier
// release down to its module's go line selects its files, latest first,
// with tc's settings. It returns the package of the first that
// type-checks and declares those names, and the release. A file the listed release leaves out may import a
// package the build does not list for p: one the build holds is read
// from its export data, any other stands in empty, and what it leaves
// undefined is no error of p's (the names p declares with it have no
// type, which no service's code reads).
func (l *typeLoader) olderRelease(p *packages.Package, tc *types.Config, mode parser.Mode) (*types.Package, string) {
	if l.releaseBase == nil || !strings.Contains(strings.Split(p.PkgPath, "/")[0], ".") {
		return nil, "" // the standard library builds with its own release
	}
	// The release leaves out what a file it does not select declares:
	// every error is a name of the package's own left undefined
	// (undefined: GoMapIterator), not a name of an import (a dependency
	// at another version) nor any other mistake; or it is in a file
	// selected for this release and those after it, which refuses them
	// (quic-go's `var _ int = "can't be built on Go 1.20 yet"`).
	var missing []string
	refused := false
	for _, e := range p.Errors {
		if e.Kind == packages.TypeError && releaseGuarded(e.Pos) {
			refused = true
			continue
		}
		name, ok := strings.CutPrefix(e.Msg, "undefined: ")
		if e.Kind != packages.TypeError || !ok || strings.ContainsAny(name, ". ") {
			return nil, ""
		}
		missing = append(missing, name)
	}
	// No release before the module's go line builds it. A file that
	// refuses this release names the releases it was written for, which
	// may be older than the last few.
	lowest := max(currentMinor()-olderReleases, 1)
	if refused {
		lowest = 1
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		if _, v, ok := strings.Cut(strings.TrimPrefix(p.Module.GoVersion, "go"), "."); ok {
			v, _, _ = strings.Cut(v, ".")
			if n, err := strconv.Atoi(v); err == nil {
				lowest = max(lowest, n)
			}
		}
	}
	tried := make(map[string]bool)
	for minor := currentMinor() - 1; minor >= lowest; minor-- {
		names := releaseFiles(releaseContext(l.releaseBase, minor), p)
		key := strings.Join(names, "\n")
		if names == nil || tried[key] {
			continue
		}
		tried[key] = true
		var files []*ast.File
		for _, name := range names {
			f, err := parser.ParseFile(l.fset, name, nil, mode)
			if err != nil {
				files = nil
				break
			}
			files = append(files, f)
		}
		if files == nil {
			continue
		}
		failed := make(map[string]bool) // the names of imports that stand in empty
		wrong := false
		c := *tc
		c.GoVersion = "" // the module's go line is the listed release's
		c.Importer = importerFunc(func(path string) (*types.Package, error) {
			if path == "unsafe" || p.Imports[path] != nil {
				return l.imported(p, path)
			}
			if dep := l.byPath[path]; dep != nil && l.source[dep] == nil {
				l.exportMu.Lock()
				err := l.readExport(dep)
				l.exportMu.Unlock()
				if err == nil {
					return dep.Types, nil
				}
			}
			empty := types.NewPackage(path, importNames(path)[0])
			empty.MarkComplete()
			for _, name := range importNames(path) {
				failed[name] = true
			}
			return empty, nil
		})
		c.Error = func(err error) {
			// Only the names of an import that stands in empty, left
			// undefined, are no error of p's.
			var te types.Error
			if errors.As(err, &te) {
				if name, ok := strings.CutPrefix(te.Msg, "undefined: "); ok {
					if pkgName, _, qualified := strings.Cut(name, "."); qualified && failed[pkgName] {
						return
					}
				}
			}
			wrong = true
		}
		pkg := types.NewPackage(p.PkgPath, p.Name)
		types.NewChecker(&c, l.fset, pkg, nil).Files(files)
		if !wrong && !slices.ContainsFunc(missing, func(name string) bool { return pkg.Scope().Lookup(name) == nil }) {
			return pkg, "go1." + strconv.Itoa(minor)
		}
	}
	return nil, ""
}

// releaseGuarded reports whether the file of an error's position (as
// packages.Error writes it, file:line:col) has a build constraint that
// names a Go release (//go:build go1.20): a file selected for the
// releases from one on.
func releaseGuarded(pos string) bool {
	p := analyze.ParsePos(pos)
	if p.Filename == "" {
		return false
	}
	f, err := parser.ParseFile(token.NewFileSet(), p.Filename, nil, parser.PackageClauseOnly|parser.ParseComments)
	if err != nil {
		return false
	}
	for _, g := range f.Comments {
		if g.Pos() > f.Package {
			break
		}
		for _, c := range g.List {
			if !constraint.IsGoBuild(c.Text) {
				continue
			}
			x, err := constraint.Parse(c.Text)
			if err != nil {
				return false
			}
			return namesRelease(x)
		}
	}
	return false
}

// namesRelease reports whether a build constraint names a Go release tag.
func namesRelease(x constraint.Expr) bool {
	switch x := x.(type) {
	case *constraint.TagExpr:
		minor, ok := strings.CutPrefix(x.Tag, "go1.")
		_, err := strconv.Atoi(minor)
		return ok && err == nil
	case *constraint.NotExpr:
		return namesRelease(x.X)
	case *constraint.AndExpr:
		return namesRelease(x.X) || namesRelease(x.Y)
	case *constraint.OrExpr:
		return namesRelease(x.X) || namesRelease(x.Y)
	}
	return false
}

// olderNote is the problem of a dependency read as an earlier release
// selects its files.
func olderNote(p *packages.Package, o olderRead) analyze.Error {
	mod := p.PkgPath
	if p.Module != nil {
		mod = p.Module.Path
		if p.Module.Version != "" {
			mod += " (" + p.Module.Version + " here)"
		}
	}
	current := "go1." + strconv.Itoa(currentMinor())
	why := "its build constraints select files for earlier Go releases only"
	if releaseGuarded(o.err.Pos) {
		why = "its build constraints select, for " + current + ", a file that refuses it"
	}
	return analyze.Error{Pos: analyze.ParsePos(o.err.Pos), Package: p.PkgPath, NotChecked: true,
		Msg: fmt.Sprintf("%s does not type-check with %s (%s): %s; archie read it as %s selects its files, so the services importing it were read, but a build with %s fails here: build with %s, or update %s to a version that supports %s",
			p.PkgPath, current, o.err.Msg, why, o.release, current, o.release, mod, current)}
}

// olderNotes returns the problems of the dependencies read as an earlier
// release selects their files, by position.
func (l *typeLoader) olderNotes() []analyze.Error {
	var out []analyze.Error
	l.older.Range(func(k, v any) bool {
		out = append(out, olderNote(k.(*packages.Package), v.(olderRead)))
		return true
	})
	slices.SortFunc(out, func(a, b analyze.Error) int {
		if c := ComparePos(a.Pos, b.Pos); c != 0 {
			return c
		}
		return strings.Compare(a.Package, b.Package)
	})
	return out
}
