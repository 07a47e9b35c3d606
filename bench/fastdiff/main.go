// Command fastdiff loads each directory it is given twice, with archie's
// fast loader and with go/packages, with and without tests, and says
// whether the two graphs are the same in everything the rules read:
// modules, packages (path, name, folder, module, files, imports), load
// errors and skipped modules. It exits 1 when they differ, and prints
// which loader the automatic choice would use and why it fell back.
package main

import (
	"context"
	"fmt"
	"os"
	"reflect"

	"github.com/archie-dev/archie/analyze"
)

type pkg struct {
	Path, Name, Dir, Module string
	GoFiles, TestFiles      []string
	Imports                 []analyze.Import
}

type facts struct {
	Modules  []analyze.Module
	Packages map[string]pkg
	Errors   []string
	Skipped  []string
}

func factsOf(g *analyze.Graph) facts {
	f := facts{Packages: make(map[string]pkg), Skipped: g.Skipped}
	for _, m := range g.Modules {
		f.Modules = append(f.Modules, *m)
	}
	for _, p := range g.Packages {
		fp := pkg{Path: p.Path, Name: p.Name, Dir: p.Dir, GoFiles: p.GoFiles, TestFiles: p.TestFiles, Imports: p.Imports}
		if p.Module != nil {
			fp.Module = p.Module.Path + " " + p.Module.Dir
		}
		f.Packages[p.Path] = fp
	}
	for _, e := range g.Errors {
		f.Errors = append(f.Errors, e.String())
	}
	return f
}

func main() {
	status := 0
	for _, dir := range os.Args[1:] {
		for _, tests := range []bool{false, true} {
			ctx := context.Background()
			ref, err := analyze.Load(ctx, analyze.Options{Dir: dir, Tests: tests, Loader: analyze.LoaderPackages})
			if err != nil {
				fmt.Printf("%s tests=%v: go/packages: %v\n", dir, tests, err)
				status = 1
				continue
			}
			fast, err := analyze.Load(ctx, analyze.Options{Dir: dir, Tests: tests})
			if err != nil {
				fmt.Printf("%s tests=%v: %v\n", dir, tests, err)
				status = 1
				continue
			}
			if fast.Loader != analyze.LoaderFast {
				fmt.Printf("%s tests=%v: fell back to go/packages (%s); %d packages, %d load errors\n", dir, tests, fast.Fallback, len(ref.Packages), len(ref.Errors))
				continue
			}
			a, b := factsOf(fast), factsOf(ref)
			if reflect.DeepEqual(a, b) {
				fmt.Printf("%s tests=%v: fast loader, same graph (%d packages)\n", dir, tests, len(a.Packages))
				continue
			}
			status = 1
			fmt.Printf("%s tests=%v: fast loader, DIFFERENT graph\n", dir, tests)
			for _, what := range []struct {
				name string
				x, y any
			}{{"modules", a.Modules, b.Modules}, {"errors", a.Errors, b.Errors}, {"skipped", a.Skipped, b.Skipped}} {
				if !reflect.DeepEqual(what.x, what.y) {
					fmt.Printf("  %s: fast %v, go/packages %v\n", what.name, what.x, what.y)
				}
			}
			for path, p := range b.Packages {
				if q, ok := a.Packages[path]; !ok {
					fmt.Printf("  %s: only from go/packages\n", path)
				} else if !reflect.DeepEqual(p, q) {
					fmt.Printf("  %s:\n    fast        %+v\n    go/packages %+v\n", path, q, p)
				}
			}
			for path := range a.Packages {
				if _, ok := b.Packages[path]; !ok {
					fmt.Printf("  %s: only from the fast loader\n", path)
				}
			}
		}
	}
	os.Exit(status)
}
