package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/archie-dev/archie/analyze"
	"github.com/archie-dev/archie/analyze/services"
	"github.com/archie-dev/archie/report"
	"github.com/archie-dev/archie/rules"
	"github.com/spf13/cobra"
)

type extractOptions struct {
	load      loadOptions
	format    string
	shared    []string
	callsBack int
	strict    bool
}

func newExtractCmd() *cobra.Command {
	var opts extractOptions
	cmd := &cobra.Command{
		Use:   "extract PATTERN [dir]",
		Short: "Say what it would take to make a module of a monolith its own service",
		Long: `extract reads, from the code, what separating the packages PATTERN names
from the rest of the module would take: the calls from them into the rest
and from the rest into them, on the paths the module's mains reach (each
would become a network call), the types in those calls' signatures (each
needs a wire format), the tables both sides touch, and the imports that
would break. It gives a verdict with its reasons (cheap, moderate, costly,
distributed-monolith, not-reached; docs/extract.md gives the thresholds).

PATTERN is written as in archie.yaml, relative to dir: ./internal/billing/...
is one candidate; a pattern with a wildcard element, ./internal/*, makes
every folder it matches a candidate (with everything below it) and ranks
them, cheapest to separate first. The name of a context of archie.yaml
names its packages.`,
		Example: `  archie extract ./internal/billing/...
  archie extract './internal/*' --format markdown > extraction.md
  archie extract ordering --format json`,
		Args: cobra.RangeArgs(1, 2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runExtract(cmd.Context(), cmd.OutOrStdout(), cmd.ErrOrStderr(), opts, args)
		},
	}
	f := cmd.Flags()
	opts.load.addFlags(f)
	f.StringVar(&opts.format, "format", "text", "output `format`: "+strings.Join(report.ExtractFormats, ", "))
	f.StringSliceVar(&opts.shared, "shared", nil, "`patterns` of packages both sides would keep as a library, whose calls are not network calls (besides contexts.shared of archie.yaml, generated code, and packages that import no component)")
	f.IntVar(&opts.callsBack, "calls-back", 15, "synchronous call sites back into the rest from which extracting makes a distributed monolith")
	f.BoolVar(&opts.strict, "strict", false, "fail (exit 2) when any of the code could not be loaded, so calls may be missing")
	return cmd
}

func runExtract(ctx context.Context, stdout, stderr io.Writer, opts extractOptions, args []string) error {
	if !slices.Contains(report.ExtractFormats, opts.format) {
		return fmt.Errorf("unknown --format %q: use one of %s", opts.format, strings.Join(report.ExtractFormats, ", "))
	}
	if opts.callsBack < 1 {
		return fmt.Errorf("--calls-back %d: give a number of call sites, 1 or more", opts.callsBack)
	}
	pattern, dir := args[0], "."
	if len(args) > 1 {
		dir = args[1]
	}
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return fmt.Errorf("%s is not a directory", dir)
	}
	var shared rules.Patterns
	for _, s := range opts.shared {
		p, err := rules.ParsePattern(s)
		if err != nil {
			return fmt.Errorf("--shared: %w", err)
		}
		shared = append(shared, p)
	}
	abs, err := analyze.RealDir(dir)
	if err != nil {
		return err
	}
	cfg, err := findConfig(dir, opts.load.config, false)
	if err != nil {
		return err
	}
	if cfg.Dir != abs && opts.load.config == "" {
		// Patterns are relative to dir: an archie.yaml above it, of
		// another module perhaps, does not say what they mean.
		cfg = &rules.Config{Version: 1, Dir: abs}
	}
	prog := newProgress(stderr, showsProgress(stderr, opts.format))
	defer prog.end()
	cache, err := openCache(stderr, opts.load.noCache)
	if err != nil {
		return err
	}
	prog.set("listing the packages")
	g, err := analyze.Load(ctx, analyze.Options{Dir: dir, Tags: opts.load.tags, Cache: cache})
	if err != nil {
		return err
	}
	prog.end()
	if len(g.Errors) > 0 {
		report.LoadErrors(stderr, g.Errors, cfg.Dir, report.TextOptions{Color: useColor(stderr)})
		moduleHint(stderr, g.Errors, dir)
	}
	if len(g.Packages) == 0 {
		return fmt.Errorf("no Go packages found in %s: archie extract reads a Go module (a go.mod or go.work)", dir)
	}
	cands, err := rules.ExtractCandidates(cfg, g, pattern)
	if err != nil {
		return err
	}
	prog = newProgress(stderr, showsProgress(stderr, opts.format))
	prog.set("type-checking the code the mains reach")
	seams, errs, err := services.LoadSeams(ctx, g, dir, services.Options{Tags: opts.load.tags, CGO: opts.load.cgo, Progress: prog.say, Cache: cache})
	prog.end()
	if err != nil {
		return err
	}
	if len(errs) > 0 {
		fmt.Fprintf(stderr, "archie: %s type-checking the code; calls and tables in it may be missing:\n", plural(len(errs), "problem"))
		report.LoadErrors(stderr, errs, cfg.Dir, report.TextOptions{Color: useColor(stderr)})
		moduleHint(stderr, errs, dir)
	}
	exts := rules.Extract(cfg, g, seams, cands, rules.ExtractOptions{Shared: shared, CallsBack: opts.callsBack})
	rules.RelExtractions(exts, abs)
	r := &report.ExtractReport{Pattern: pattern, Mains: seams.Mains, Extractions: exts,
		Problems: len(g.Errors) + len(errs), NotChecked: seams.Failed}
	if len(g.Modules) == 1 {
		r.Module = g.Modules[0].Path
	}
	if err := report.Extract(stdout, opts.format, r, useColor(stdout)); err != nil {
		return err
	}
	if r.Problems > 0 && opts.strict {
		return fmt.Errorf("the extraction was read from incomplete code: %s while loading it (listed above)", plural(r.Problems, "problem"))
	}
	return nil
}
