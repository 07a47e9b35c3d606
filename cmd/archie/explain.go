package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/archie-dev/archie/analyze"
	"github.com/archie-dev/archie/report"
	"github.com/archie-dev/archie/rules"
	"github.com/spf13/cobra"
)

type explainOptions struct {
	all    int
	format string
	config string
	tags   []string
}

func newExplainCmd() *cobra.Command {
	var opts explainOptions
	cmd := &cobra.Command{
		Use:   "explain [rule | from to [dir]]",
		Short: "Explain a rule family, or show how a package reaches another",
		Long: `explain with one argument explains a rule family; without one it lists them.

explain FROM TO [dir] prints the shortest chain of imports from FROM to TO in
the code below dir (default: the current directory), with the file:line of
each import on it. FROM and TO are import paths, patterns (./internal/app/...,
relative to dir), or the name of a layer or a context of archie.yaml, which
stands for its packages. Test imports count when archie.yaml says tests: true.
Exit status: 0 a chain exists, 1 none does, 2 bad arguments or code that
could not be loaded.`,
		Example: `  archie explain layers
  archie explain ./internal/domain/... database/sql
  archie explain domain infra --all 3 --format json`,
		Args: cobra.MaximumNArgs(3),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) < 2 {
				if cmd.Flags().Changed("all") || cmd.Flags().Changed("format") {
					return errors.New("--all and --format are for chains: archie explain FROM TO [dir]")
				}
				return runExplain(cmd.OutOrStdout(), args)
			}
			return runExplainChain(cmd.Context(), cmd.OutOrStdout(), cmd.ErrOrStderr(), opts, args)
		},
	}
	f := cmd.Flags()
	f.IntVar(&opts.all, "all", 1, "print up to `n` shortest distinct chains")
	f.StringVar(&opts.format, "format", "text", "output `format` of chains: text or json")
	f.StringVarP(&opts.config, "config", "c", "", "config `file` (default: archie.yaml in dir or a parent)")
	f.StringSliceVar(&opts.tags, "tags", nil, "build `tags` to load the code with, comma-separated")
	return cmd
}

func runExplain(w io.Writer, args []string) error {
	if len(args) == 0 {
		for _, f := range rules.Families {
			fmt.Fprintf(w, "%-12s %s\n", f.Name, f.Summary)
		}
		return nil
	}
	f := rules.LookupFamily(args[0])
	if f == nil {
		var names []string
		for _, f := range rules.Families {
			names = append(names, f.Name)
		}
		return fmt.Errorf("no rule %q; archie knows %s (or name two packages: archie explain FROM TO)", args[0], strings.Join(names, ", "))
	}
	fmt.Fprintf(w, "%s (violations of kind %q)\n\n%s\n", f.Name, f.Kind, f.Doc)
	return nil
}

// runExplainChain prints the shortest chains of imports from args[0] to
// args[1] in the code below args[2]. No chain is exit status 1.
func runExplainChain(ctx context.Context, stdout, stderr io.Writer, opts explainOptions, args []string) error {
	if opts.format != "text" && opts.format != "json" {
		return fmt.Errorf("unknown --format %q: use text or json", opts.format)
	}
	if opts.all < 1 {
		return fmt.Errorf("--all %d: ask for 1 or more chains", opts.all)
	}
	from, to, dir := args[0], args[1], "."
	if len(args) == 3 {
		dir = args[2]
	}
	cfg, err := findConfig(dir, opts.config, false)
	if err != nil {
		return err
	}
	loader, err := loaderOption(os.Getenv("ARCHIE_LOADER"))
	if err != nil {
		return err
	}
	g, err := analyze.Load(ctx, analyze.Options{Dir: dir, Tags: opts.tags, Tests: cfg.Tests, Loader: loader})
	if err != nil {
		return err
	}
	if len(g.Errors) > 0 {
		report.LoadErrors(stderr, g.Errors, cfg.Dir, report.TextOptions{Color: useColor(stderr)})
	}
	if len(g.Packages) == 0 {
		return fmt.Errorf("no Go packages found in %s: archie reads Go modules (a go.mod or go.work)", dir)
	}
	abs, err := analyze.RealDir(dir)
	if err != nil {
		return err
	}
	chains, err := rules.Chains(cfg, g, abs, from, to, opts.all)
	if err != nil {
		return err
	}
	write := report.ChainsText
	if opts.format == "json" {
		write = report.ChainsJSON
	}
	if err := write(stdout, from, to, chains); err != nil {
		return err
	}
	if len(chains) == 0 {
		return errNoChain
	}
	return nil
}

// errNoChain is exit status 1: explain did its job and found no chain,
// and has said so on stdout.
var errNoChain = fmt.Errorf("no import chain: %w", errViolations)
