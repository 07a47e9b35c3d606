// Command archie keeps a Go codebase's architecture honest: it checks the
// rules declared in archie.yaml against the real package graph.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/archie-dev/archie/analyze/services"
)

func main() {
	services.ServeToolexec() // when the go command runs archie as its -toolexec wrapper, that is all it does
	// How much memory to take beyond the live data: gc.go.
	tuneGC()
	// An interrupt cancels the context, so that what a command set up
	// (the worktree of --new-since, a temporary file) is removed on the
	// way out; a second interrupt kills as usual.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// Exit codes, as CONTRACT.md §2 defines them.
const (
	exitOK         = 0
	exitViolations = 1
	exitError      = 2
)

// errViolations is returned by a command that did its job and found
// violations that fail the check; it has already said what they are.
var errViolations = errors.New("violations found")

// run executes the command line and decides the exit code, in one place.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	root := newRootCmd()
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errViolations):
		return exitViolations
	default:
		fmt.Fprintf(stderr, "archie: %v\n", err)
		return exitError
	}
}
