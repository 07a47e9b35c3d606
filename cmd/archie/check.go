package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/archie-dev/archie/analyze"
	"github.com/archie-dev/archie/report"
	"github.com/archie-dev/archie/rules"
	"github.com/spf13/cobra"
)

type checkOptions struct {
	load    loadOptions
	format  string
	outputs []string // format=file
	strict  bool
	force   bool // replace --output files that are not archie reports
	// strictBaseline fails on baseline entries that no longer occur.
	strictBaseline bool
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
			if cmd.Flags().Changed("new-since") && opts.load.newSince == "" {
				// An unset CI variable: checking everything instead would
				// pass or fail for the wrong reason.
				return errors.New("--new-since is empty: name a git revision, such as origin/main")
			}
			return runCheck(cmd.Context(), cmd.OutOrStdout(), cmd.ErrOrStderr(), opts, args)
		},
	}
	f := cmd.Flags()
	opts.load.addFlags(f)
	f.StringVar(&opts.format, "format", "text", "output `format` on stdout: "+strings.Join(report.CheckFormats, ", "))
	f.StringArrayVarP(&opts.outputs, "output", "o", nil, "also write `format=file` (repeatable), e.g. sarif=archie.sarif")
	f.BoolVar(&opts.force, "force", false, "let --output replace an existing file that is not an archie report of that format")
	f.BoolVar(&opts.strict, "strict", false, "fail (exit 2) when any code could not be loaded completely, even with violations")
	f.BoolVar(&opts.load.updateBaseline, "update-baseline", false, "accept every current violation: write them to the baseline file (baseline: in archie.yaml, default "+rules.DefaultBaseline+")")
	f.BoolVar(&opts.strictBaseline, "strict-baseline", false, "fail when the baseline accepts violations that no longer occur, so that it only shrinks deliberately")
	f.StringVar(&opts.load.newSince, "new-since", "", "fail only on violations added since git `revision` (checked in a temporary worktree with the same config); the baseline file is not read")
	f.StringArrayVar(&opts.load.facts, "facts", nil, "merge the services of another repository, as `file` written by archie services --format json (repeatable)")
	return cmd
}

func runCheck(ctx context.Context, stdout, stderr io.Writer, opts checkOptions, args []string) error {
	if !slices.Contains(report.CheckFormats, opts.format) {
		return fmt.Errorf("unknown --format %q: use one of %s", opts.format, strings.Join(report.CheckFormats, ", "))
	}
	opts.load.progress = showsProgress(stderr, opts.format)
	outputs, err := parseOutputs(opts.outputs, report.CheckFormats)
	if err != nil {
		return err
	}
	if len(opts.load.facts) > 0 {
		opts.load.services = true
	}
	if opts.load.updateBaseline && opts.load.newSince != "" {
		return errors.New("--update-baseline and --new-since do not go together: the first accepts today's violations, the second a revision's")
	}
	dir, patterns := splitCheckArgs(args)
	cfg, err := findConfig(dir, opts.load.config, true)
	if err != nil {
		return err
	}
	// Before any work: a refusal costs nothing, and nothing is written.
	for _, o := range outputs {
		if err := mayReplace(o.file, o.format, cfg.File, opts.force); err != nil {
			return err
		}
	}
	// --new-since checks the revision beside today's code: the two loads
	// share the go command's caches, and a machine has a core for each.
	var since func() (*rules.Baseline, error)
	if rev := opts.load.newSince; rev != "" {
		var cancel context.CancelFunc
		ctx, cancel = context.WithCancel(ctx)
		done := make(chan struct{})
		var b *rules.Baseline
		var sinceErr error
		var warnings bytes.Buffer
		go func() {
			defer close(done)
			b, sinceErr = sinceRevision(ctx, &warnings, cfg, dir, patterns, opts.load, rev)
		}()
		since = func() (*rules.Baseline, error) {
			<-done
			io.Copy(stderr, &warnings)
			return b, sinceErr
		}
		// Whatever happens here, the worktree is removed before archie
		// exits: on an early return, cancel the revision's load (deferred
		// last, so it runs first), then wait for its cleanup.
		defer since()
		defer cancel()
	}
	p, err := loadConfigured(ctx, stderr, cfg, dir, patterns, opts.load)
	if err != nil {
		return err
	}
	if since != nil {
		b, err := since()
		if err != nil {
			return err
		}
		b.Apply(p.result)
		p.since = opts.load.newSince
	}
	if opts.load.updateBaseline {
		if err := p.updateBaseline(stderr, opts); err != nil {
			return err
		}
	}
	if !p.cfg.HasRules() {
		msg := fmt.Sprintf("%s declares no rules: nothing to check", relToCwd(p.cfg.File))
		if opts.strict {
			return errors.New(msg + "; --strict fails on it")
		}
		fmt.Fprintf(stderr, "archie: %s\n", msg)
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
	if errs := p.loadErrors(); len(errs) > 0 {
		msg := fmt.Sprintf("the check is incomplete: %s (listed above); what they hide was not checked", analyze.Problems(errs))
		if !slices.ContainsFunc(errs, func(e analyze.Error) bool { return !analyze.UntidyNote(e) }) {
			// All of the code was read, but not as its files stand.
			msg = fmt.Sprintf("the check is incomplete: %s not tidy (listed above), read from a copy brought up to date, which is not what a build of the committed files reads", plural(len(errs), "module"))
		}
		if opts.strict {
			return errors.New(msg)
		}
		fmt.Fprintf(stderr, "archie: warning: %s; pass --strict to fail on this\n", msg)
	}
	if errs, _, _ := p.result.Count(); errs > 0 {
		return errViolations
	}
	if opts.strictBaseline && p.baseline != nil && len(p.result.Fixed) > 0 {
		for _, e := range p.result.Fixed {
			fmt.Fprintf(stderr, "%s:%d: baseline entry %s no longer occurs (%s fixed): run archie check --update-baseline to drop it\n", p.baseline.File, e.Line, e, plural(e.Count, "violation"))
		}
		return errViolations
	}
	return nil
}

// updateBaseline writes every violation of the check into the baseline
// file and marks them all baselined. It never replaces a file that is not
// a baseline, and refuses under --strict when the check was incomplete:
// a baseline written from part of the code would hide nothing of the rest,
// but would look as if it covered it.
func (p *project) updateBaseline(stderr io.Writer, opts checkOptions) error {
	file, _ := p.cfg.BaselineFile()
	if !p.complete {
		return fmt.Errorf("not writing %s from part of the project: it would drop what the baseline accepts elsewhere; run archie check --update-baseline in %s without package patterns", relToCwd(file), relToCwd(p.cfg.Dir))
	}
	if errs := p.loadErrors(); len(errs) > 0 && opts.strict {
		return fmt.Errorf("not writing %s: the check is incomplete (%s, listed above)", relToCwd(file), analyze.Problems(errs))
	}
	if err := mayReplaceBaseline(file, opts.force); err != nil {
		return err
	}
	b := rules.NewBaseline(p.result.Violations)
	if err := writeFile(file, func(w io.Writer) error { _, err := w.Write(b.Marshal()); return err }); err != nil {
		return err
	}
	b.Apply(p.result)
	fmt.Fprintf(stderr, "archie: wrote %s: %s accepted under %s\n", relToCwd(file), plural(len(p.result.Violations), "violation"), plural(len(b.Entries), "key"))
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
