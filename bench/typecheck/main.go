// Command typecheck is the floor archie services is measured against: it
// type-checks the given packages with go/packages, their dependencies read
// from export data (as gopls does), and prints how many it got.
//
// Each line of PACKAGES-FILE is "DIR PACKAGE": the directory of the
// service the package belongs to (relative to ROOT) and its import path.
// As archie does, packages are loaded in the build of that directory's
// module, or of the go.work above it, one build after another.
package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/tools/go/packages"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: typecheck ROOT PACKAGES-FILE")
		os.Exit(2)
	}
	root, err := filepath.Abs(os.Args[1])
	if err != nil {
		fail(err)
	}
	f, err := os.Open(os.Args[2])
	if err != nil {
		fail(err)
	}
	byBuild := make(map[string]map[string]bool)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		dir, pkg, ok := strings.Cut(sc.Text(), " ")
		if !ok {
			continue
		}
		b := build(filepath.Join(root, dir))
		if byBuild[b] == nil {
			byBuild[b] = make(map[string]bool)
		}
		byBuild[b][pkg] = true
	}
	mode := packages.NeedName | packages.NeedFiles | packages.NeedImports | packages.NeedTypes | packages.NeedSyntax | packages.NeedTypesInfo
	builds := make([]string, 0, len(byBuild))
	for b := range byBuild {
		builds = append(builds, b)
	}
	sort.Strings(builds)
	n := 0
	for _, b := range builds {
		var paths []string
		for p := range byBuild[b] {
			paths = append(paths, p)
		}
		sort.Strings(paths)
		cfg := &packages.Config{Mode: mode, Dir: b, Env: append(os.Environ(), "GOTOOLCHAIN=local")}
		pkgs, err := packages.Load(cfg, paths...)
		if err != nil {
			fail(err)
		}
		n += len(pkgs)
	}
	fmt.Println(n, "packages type-checked in", len(builds), "builds")
}

// build returns the folder a package in dir is built from: the nearest
// folder above it with a go.work, else the nearest with a go.mod.
func build(dir string) string {
	mod := ""
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.work")); err == nil {
			return d
		}
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil && mod == "" {
			mod = d
		}
		if filepath.Dir(d) == d {
			return mod
		}
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}
