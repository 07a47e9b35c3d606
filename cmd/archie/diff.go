package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/archie-dev/archie/analyze"
	"github.com/archie-dev/archie/report"
	"github.com/archie-dev/archie/rules"
	"github.com/spf13/cobra"
)

type diffOptions struct {
	load   loadOptions
	base   string
	format string
	level  string
	depth  int
}

// diffLevels are the levels archie diff compares at.
var diffLevels = []string{"layer", "context", "hexagon", "package"}

func newDiffCmd() *cobra.Command {
	var opts diffOptions
	cmd := &cobra.Command{
		Use:   "diff --base REV [dir] [packages]",
		Short: "Say what a change does to the architecture, as a pull-request comment",
		Long: `diff compares the code below dir (default: the current directory), as it is
in the working tree, with the code at git revision REV, both checked with the
current archie.yaml. REV is checked out in a temporary git worktree, removed
afterwards. At one level (default: layer when archie.yaml has layers, else
context when it has contexts, else package at depth 2) it lists the
dependencies between components added and removed, with the imports behind
them, the violations new and fixed (told apart as the baseline tells them, so
that a moved import is neither), and the cycles between components that are
new. The baseline file is not read.

Formats: markdown (default; a pull-request comment, kept under GitHub's
65 536 characters), json (schema archie.diff/v1) and text.

Exit status: 0 the diff was computed, whatever it says; 1 the change adds
violations of severity error; 2 bad flags or config, or either side could not
be loaded completely.`,
		Example: `  archie diff --base origin/main > diff.md && gh pr comment --body-file diff.md
  archie diff --base HEAD~1 --level context --format text
  archie diff --base main --level package --depth 3 --format json`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.base == "" {
				// An unset CI variable, or a forgotten flag.
				return errors.New("--base is missing or empty: name the git revision to compare with, such as origin/main")
			}
			return runDiff(cmd.Context(), cmd.OutOrStdout(), cmd.ErrOrStderr(), opts, args)
		},
	}
	f := cmd.Flags()
	opts.load.addFlags(f)
	f.StringVar(&opts.base, "base", "", "git `revision` to compare with (checked in a temporary worktree with the current config)")
	f.StringVar(&opts.format, "format", "markdown", "output `format`: "+strings.Join(report.DiffFormats, ", "))
	f.StringVar(&opts.level, "level", "", "`level` to compare at: "+strings.Join(diffLevels, ", ")+" (default: layer, else context, else package at depth 2)")
	f.IntVar(&opts.depth, "depth", 0, "at package level, group packages by their first `N` folders below the module root (default 2 when the level is chosen for you)")
	return cmd
}

func runDiff(ctx context.Context, stdout, stderr io.Writer, opts diffOptions, args []string) error {
	if !slices.Contains(report.DiffFormats, opts.format) {
		return fmt.Errorf("unknown --format %q: use one of %s", opts.format, strings.Join(report.DiffFormats, ", "))
	}
	if opts.level != "" && !slices.Contains(diffLevels, opts.level) {
		return fmt.Errorf("unknown --level %q: use one of %s", opts.level, strings.Join(diffLevels, ", "))
	}
	if opts.depth < 0 {
		return fmt.Errorf("--depth %d: want 0 or more", opts.depth)
	}
	if opts.depth > 0 && opts.level != "" && opts.level != "package" {
		return fmt.Errorf("--depth groups packages by folder at --level package, not %s", opts.level)
	}
	opts.load.progress = showsProgress(stderr, opts.format)
	dir, patterns := splitCheckArgs(args)
	cfg, err := findConfig(dir, opts.load.config, false)
	if err != nil {
		return err
	}
	level := rules.DiagramOptions{Level: opts.level, Depth: opts.depth}
	why := ""
	switch {
	case level.Level != "":
		// Before any loading: the level must have groups to compare.
		if _, err := rules.BuildDiagram(cfg, analyze.NewGraph(nil, nil), nil, level); err != nil {
			return err
		}
	case cfg.Layers != nil:
		level.Level, why = "layer", "archie.yaml has layers"
	case cfg.Contexts != nil:
		level.Level, why = "context", "archie.yaml has contexts and no layers"
	default:
		level.Level, why = "package", "archie.yaml has no layers or contexts"
		if cfg.File == "" {
			why = "no archie.yaml"
		}
		if opts.depth == 0 {
			level.Depth = 2
		}
	}
	if opts.depth > 0 && level.Level != "package" {
		// A level chosen for us: the depth would be ignored, yet reported.
		return fmt.Errorf("--depth groups packages by folder at --level package, not %s (chosen because %s): add --level package", level.Level, why)
	}

	// The revision loads beside today's code, as for check --new-since;
	// its architecture is taken while its worktree exists.
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	var base *rules.Architecture
	var baseProblems int
	var baseErrs bytes.Buffer // what did not load there, to say after today's
	var baseErr error
	go func() {
		defer close(done)
		baseErr = atRevision(ctx, cfg, dir, patterns, opts.load, "--base", opts.base, func(p *project) error {
			if p == nil {
				base = &rules.Architecture{Level: level.Level} // the folder is new
				return nil
			}
			errs := p.loadErrors()
			if baseProblems = len(errs) - sparseErrors(errs); baseProblems > 0 {
				return report.LoadErrors(&baseErrs, errs, p.cfg.Dir, report.TextOptions{})
			}
			var err error
			base, err = rules.NewArchitecture(p.cfg, p.graph, p.result, level)
			return err
		})
	}()
	// Whatever happens here, the worktree is removed before archie exits:
	// on an early return, cancel the revision's load, then wait for it.
	defer func() { <-done }()
	defer cancel()

	p, err := checkTree(ctx, stderr, cfg, dir, patterns, opts.load)
	if err != nil {
		return err
	}
	if n := len(p.loadErrors()); n > 0 {
		return fmt.Errorf("no diff: the working tree could not be loaded completely (%s, listed above); a diff of part of the code would pass for all of it", plural(n, "problem"))
	}
	head, err := rules.NewArchitecture(cfg, p.graph, p.result, level)
	if err != nil {
		return err
	}
	<-done
	if baseErr != nil {
		return baseErr
	}
	if baseProblems > 0 {
		fmt.Fprintf(stderr, "archie: as it was at %s:\n", opts.base)
		io.Copy(stderr, &baseErrs)
		return fmt.Errorf("no diff: the base %s could not be loaded completely (%s, listed above); a diff of part of the code would pass for all of it", opts.base, plural(baseProblems, "problem"))
	}
	d := &report.DiffReport{ArchDiff: rules.CompareArchitecture(base, head), Base: opts.base, Depth: level.Depth, LevelWhy: why}
	if err := report.Diff(stdout, opts.format, d); err != nil {
		return err
	}
	if d.NewErrors() > 0 {
		return errViolations
	}
	return nil
}
