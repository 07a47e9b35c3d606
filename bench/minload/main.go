// Command minload is the floor archie's loading is measured against: it
// only calls packages.Load, in the mode archie uses, on ./... of a
// directory, and prints how many packages it got.
package main

import (
	"fmt"
	"os"

	"github.com/archie-dev/archie/analyze"
	"golang.org/x/tools/go/packages"
)

func main() {
	dir := "."
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	cfg := &packages.Config{Mode: analyze.Mode, Dir: dir, Env: append(os.Environ(), "GOTOOLCHAIN=local")}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(len(pkgs), "packages")
}
