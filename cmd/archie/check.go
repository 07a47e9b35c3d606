package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/archie-dev/archie/report"
	"github.com/spf13/cobra"
)

type checkOptions struct {
	load    loadOptions
	format  string
	outputs []string // format=file
	strict  bool
	force   bool // replace --output files that are not archie reports
}

func newCheckCmd() *cobra.Command {
	var opts checkOptions
	cmd := &cobra.Command{
		Use:   "check [dir] [packages]",
		Short: "Check the code against the rules in archie.yaml",
		Long: `check loads the Go packages below dir (default: the current directory) and
checks them against archie.yaml, found in dir or the nearest parent.

Package patterns after dir are as for go list, relative to dir; the default is
./... . Exit status: 0 no errors, 1 violations of severity error, 2 the check
could not run (bad flags or config, code that could not be loaded).`,
		Example: `  archie check
  archie check ./services/billing
  archie check . ./internal/... --format json
  archie check --output sarif=archie.sarif --output junit=archie.xml`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runCheck(cmd.Context(), cmd.OutOrStdout(), cmd.ErrOrStderr(), opts, args)
		},
	}
	f := cmd.Flags()
	opts.load.addFlags(f)
	f.StringVar(&opts.format, "format", "text", "output `format` on stdout: "+strings.Join(report.CheckFormats, ", "))
	f.StringArrayVarP(&opts.outputs, "output", "o", nil, "also write `format=file` (repeatable), e.g. sarif=archie.sarif")
	f.BoolVar(&opts.force, "force", false, "let --output replace an existing file that is not an archie report of that format")
	f.BoolVar(&opts.strict, "strict", false, "fail (exit 2) when any code could not be loaded completely, even with violations")
	f.StringArrayVar(&opts.load.facts, "facts", nil, "merge the services of another repository, as `file` written by archie services --format json (repeatable)")
	return cmd
}

func runCheck(ctx context.Context, stdout, stderr io.Writer, opts checkOptions, args []string) error {
	if !slices.Contains(report.CheckFormats, opts.format) {
		return fmt.Errorf("unknown --format %q: use one of %s", opts.format, strings.Join(report.CheckFormats, ", "))
	}
	outputs, err := parseOutputs(opts.outputs, report.CheckFormats)
	if err != nil {
		return err
	}
	if len(opts.load.facts) > 0 {
		opts.load.services = true
	}
	p, err := loadProject(ctx, stderr, opts.load, args, true)
	if err != nil {
		return err
	}
	for _, o := range outputs {
		if err := mayReplace(o.file, o.format, p.cfg.File, opts.force); err != nil {
			return err
		}
	}
	if !p.cfg.HasRules() {
		fmt.Fprintf(stderr, "archie: %s declares no rules: nothing to check\n", relToCwd(p.cfg.File))
	}
	run := p.checkReport()
	if err := report.WriteCheck(stdout, opts.format, run, useColor(stdout)); err != nil {
		return err
	}
	for _, o := range outputs {
		if err := writeFile(o.file, func(w io.Writer) error { return report.WriteCheck(w, o.format, run, false) }); err != nil {
			return err
		}
	}

	// A check that could not see all the code must not pass as if it had:
	// under --strict that is a failure of its own, and it wins over
	// violations (exit 2, not 1), since what was not seen may hide more.
	if n := len(p.loadErrors()); n > 0 {
		msg := fmt.Sprintf("the check is incomplete: %s while loading the code (listed above); what they hide was not checked", plural(n, "problem"))
		if opts.strict {
			return errors.New(msg)
		}
		fmt.Fprintf(stderr, "archie: warning: %s; pass --strict to fail on this\n", msg)
	}
	if errs, _, _ := p.result.Count(); errs > 0 {
		return errViolations
	}
	return nil
}

// splitCheckArgs separates the optional directory from package patterns:
// the first argument is the directory when it names one and is not a
// pattern with "...".
func splitCheckArgs(args []string) (dir string, patterns []string) {
	dir = "."
	if len(args) > 0 && !strings.Contains(args[0], "...") {
		if info, err := os.Stat(args[0]); err == nil && info.IsDir() {
			dir, args = args[0], args[1:]
		}
	}
	return dir, args
}

func orDefault(patterns []string) []string {
	if len(patterns) == 0 {
		return []string{"./..."}
	}
	return patterns
}

// relToCwd shows a path relative to the working directory when it is below
// it, as users expect in messages.
func relToCwd(p string) string {
	wd, err := os.Getwd()
	if err != nil {
		return p
	}
	if rel, err := filepath.Rel(wd, p); err == nil && !strings.HasPrefix(rel, "..") {
		return rel
	}
	return p
}
