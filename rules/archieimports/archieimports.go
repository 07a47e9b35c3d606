package archieimports

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/archie-dev/archie/analyze"
	"github.com/archie-dev/archie/rules"
	"golang.org/x/tools/go/analysis"
)

// Analyzer reports the imports of a package that break archie.yaml's
// import rules, at each import spec, as "MESSAGE [rule]" like archie
// check's text ("MESSAGE [rule, warning]" for a rule of severity warning).
var Analyzer = &analysis.Analyzer{
	Name: "archieimports",
	Doc: `check imports against archie.yaml's import rules

archieimports judges each import of a package against the archie.yaml
found in the package's folder or the nearest one above it: layers,
hexagonal, contexts and the direct part of the free-form rules, with
live exceptions applied. Transitive rules, cycles, metrics and smells
need the whole graph: run archie check for them.`,
	URL: "https://github.com/archie-dev/archie",
	Run: run,
}

func run(pass *analysis.Pass) (any, error) {
	if len(pass.Files) == 0 {
		return nil, nil
	}
	// The files as written: go vet hands over cgo's output for a package
	// that uses cgo, whose line directives name the files it came from,
	// and files of its own (_cgo_gotypes.go) that nobody wrote.
	names := make([]string, len(pass.Files))
	dir := ""
	for i, f := range pass.Files {
		names[i] = pass.Fset.Position(f.Package).Filename
		if !generatedByCgo(names[i]) && dir == "" {
			dir = filepath.Dir(names[i])
		}
	}
	if dir == "" {
		return nil, nil
	}
	file, err := rules.FindConfig(dir)
	if errors.Is(err, rules.ErrNoConfig) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	cfg, err := rules.LoadConfig(file)
	if err != nil {
		return nil, err
	}
	// The go command runs go vet with its own environment: GOWORK there
	// is the workspace the package was built in.
	own, modules, err := analyze.FindModules(dir, os.Getenv("GOWORK"))
	if err != nil {
		return nil, fmt.Errorf("find the module of %s: %w", dir, err)
	}
	if real, err := analyze.RealDir(dir); err == nil {
		dir = real
	}

	// archie sees an external test package (p_test) as part of p, with
	// imports made only by test files marked Test, as analyze.Load does.
	path, name := packageOf(pass, own, dir)
	if strings.HasSuffix(name, "_test") {
		path = strings.TrimSuffix(path, "_test")
	}
	testOnly := make(map[string]bool)
	for i, f := range pass.Files {
		if generatedByCgo(names[i]) {
			continue
		}
		test := strings.HasSuffix(names[i], "_test.go")
		for _, spec := range f.Imports {
			imp, err := strconv.Unquote(spec.Path.Value)
			// "C" is cgo's pseudo-package, which go list does not
			// count as an import either.
			if err != nil || imp == path || imp == "C" {
				continue
			}
			if t, ok := testOnly[imp]; !ok || t && !test {
				testOnly[imp] = test
			}
		}
	}
	pkg := &analyze.Package{Path: path, Name: strings.TrimSuffix(name, "_test"), Dir: dir, Module: own}
	for imp, test := range testOnly {
		pkg.Imports = append(pkg.Imports, analyze.Import{Path: imp, Test: test})
	}
	vs, err := rules.CheckImports(cfg, analyze.NewGraph(modules, []*analyze.Package{pkg}), path, rules.Options{})
	if err != nil {
		return nil, err
	}

	// The package was given no files, so each violation stands for every
	// spec of its import; archie check reports test files' specs only
	// when the config checks tests.
	for _, v := range vs {
		msg := fmt.Sprintf("%s [%s]", v.Message, v.Rule)
		if v.Severity == rules.SeverityWarning || v.Severity == rules.SeverityInfo {
			msg = fmt.Sprintf("%s [%s, %s]", v.Message, v.Rule, v.Severity)
		}
		for i, f := range pass.Files {
			if generatedByCgo(names[i]) || strings.HasSuffix(names[i], "_test.go") && !cfg.Tests {
				continue
			}
			for _, spec := range f.Imports {
				if imp, err := strconv.Unquote(spec.Path.Value); err == nil && imp == v.To {
					pass.Report(analysis.Diagnostic{Pos: spec.Pos(), End: spec.End(), Category: v.Kind, Message: msg})
				}
			}
		}
	}
	return nil, nil
}

// generatedByCgo reports whether a file is one cgo writes (_cgo_gotypes.go,
// _cgo_import.go): no one wrote its imports, and it lives in a temporary
// folder. The go command never builds a file whose name starts with _.
func generatedByCgo(name string) bool {
	return strings.HasPrefix(filepath.Base(name), "_")
}

// packageOf returns the import path and name of the package a pass is
// over: from its types, or, for a driver that loads syntax only (as
// golangci-lint does for linters that need no types), from its module and
// folder and its files' package clause.
func packageOf(pass *analysis.Pass, own *analyze.Module, dir string) (path, name string) {
	if pass.Pkg != nil && pass.Pkg.Path() != "" {
		return pass.Pkg.Path(), pass.Pkg.Name()
	}
	name = pass.Files[0].Name.Name
	if own == nil {
		return "", name
	}
	rel, err := filepath.Rel(own.Dir, dir)
	if err != nil || rel == "." {
		return own.Path, name
	}
	return own.Path + "/" + filepath.ToSlash(rel), name
}
