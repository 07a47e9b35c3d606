// Command typecheck is the floor archie services is measured against: it
// type-checks the given packages with go/packages, their dependencies read
// from export data (as gopls does), and prints how many it got. Package
// paths are read one per line from the file named by its second argument.
package main

import (
	"bufio"
	"fmt"
	"os"

	"golang.org/x/tools/go/packages"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: typecheck DIR PACKAGES-FILE")
		os.Exit(2)
	}
	f, err := os.Open(os.Args[2])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var paths []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if sc.Text() != "" {
			paths = append(paths, sc.Text())
		}
	}
	mode := packages.NeedName | packages.NeedFiles | packages.NeedImports | packages.NeedTypes | packages.NeedSyntax | packages.NeedTypesInfo
	cfg := &packages.Config{Mode: mode, Dir: os.Args[1], Env: append(os.Environ(), "GOTOOLCHAIN=local")}
	pkgs, err := packages.Load(cfg, paths...)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(len(pkgs), "packages type-checked")
}
