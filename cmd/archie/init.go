package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/archie-dev/archie/analyze"
	"github.com/archie-dev/archie/rules"
	"github.com/spf13/cobra"
)

type initOptions struct {
	load   loadOptions
	dryRun bool
	force  bool
}

func newInitCmd() *cobra.Command {
	var opts initOptions
	cmd := &cobra.Command{
		Use:   "init [dir]",
		Short: "Write a starting archie.yaml inferred from the code, and a baseline of today's violations",
		Long: `init reads the imports of the Go packages below dir (default: the current
directory) and writes dir/archie.yaml: the layers, bounded contexts, ports and
adapters and folder cycles it infers, commented so that the file explains
itself. It then checks the code against that config and writes every
violation it finds into the baseline (.archie-baseline.json), so that
archie check passes at once and fails on the next violation added.

An existing archie.yaml or .archie.yaml is never replaced without --force.`,
		Example: `  archie init
  archie init --dry-run
  archie init ./services/billing --force`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := "."
			if len(args) == 1 {
				dir = args[0]
			}
			return runInit(cmd.Context(), cmd.OutOrStdout(), cmd.ErrOrStderr(), opts, dir)
		},
	}
	f := cmd.Flags()
	f.StringSliceVar(&opts.load.tags, "tags", nil, "build `tags` to load the code with, comma-separated")
	f.BoolVar(&opts.dryRun, "dry-run", false, "print the config and what the baseline would hold; write nothing")
	f.BoolVar(&opts.force, "force", false, "replace an existing archie.yaml (and a baseline file that is not an archie baseline)")
	return cmd
}

func runInit(ctx context.Context, stdout, stderr io.Writer, opts initOptions, dir string) error {
	info, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("init: %w", err)
	}
	if !info.IsDir() {
		return fmt.Errorf("init: %s is not a directory", dir)
	}
	abs, err := analyze.RealDir(dir)
	if err != nil {
		return fmt.Errorf("init: %w", err)
	}
	file, err := initConfigFile(abs, opts)
	if err != nil {
		return err
	}

	// Load as check does, with a config that declares nothing yet.
	empty := &rules.Config{Version: 1, File: file, Dir: abs}
	p, err := checkTree(ctx, stderr, empty, dir, nil, opts.load)
	if err != nil {
		return err
	}
	inferred := rules.Infer(p.graph, abs)
	text := inferred.YAML()
	cfg, err := rules.ParseConfig(relToCwd(file), text)
	if err != nil {
		return fmt.Errorf("init inferred a config archie rejects (a bug in archie, please report it): %w", err)
	}
	cfg.Dir = abs
	result, err := rules.Check(cfg, p.graph, rules.Options{Complete: p.complete})
	if err != nil {
		return fmt.Errorf("init inferred a config that does not fit the code (a bug in archie, please report it): %w", err)
	}
	baseline := rules.NewBaseline(result.Violations)
	baseFile, _ := cfg.BaselineFile()

	if opts.dryRun {
		if _, err := stdout.Write(text); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "\n# --dry-run: nothing written. %s would accept %s%s\n",
			relSlash(abs, baseFile), plural(len(result.Violations), "violation"), byRule(result.Violations))
		return nil
	}

	if err := mayReplaceBaseline(baseFile, opts.force); err != nil {
		return err
	}
	if _, err := initConfigFile(abs, opts); err != nil { // it may have appeared while loading
		return err
	}
	if err := writeFile(file, func(w io.Writer) error { _, err := w.Write(text); return err }); err != nil {
		return err
	}
	if err := writeFile(baseFile, func(w io.Writer) error { _, err := w.Write(baseline.Marshal()); return err }); err != nil {
		return err
	}

	fmt.Fprintf(stderr, "archie: wrote %s from %s:\n", relToCwd(file), plural(inferred.Packages, "package"))
	describeInferred(stderr, inferred)
	fmt.Fprintf(stderr, "archie: wrote %s: %s accepted%s\n", relToCwd(baseFile), plural(len(result.Violations), "violation"), byRule(result.Violations))
	if errs := p.loadErrors(); len(errs) > 0 {
		fmt.Fprintf(stderr, "archie: warning: %s (listed above): what they hide is neither in the config nor in the baseline\n", analyze.Problems(errs))
	}
	fmt.Fprintf(stderr, `next:
  archie check %s           passes now; a new violation fails it
  git add %s %s
  archie check --strict-baseline   in CI, so that the baseline only shrinks
`, dirArg(dir), relToCwd(file), relToCwd(baseFile))
	return nil
}

// initConfigFile is the config init writes: archie.yaml in dir, or the
// existing .archie.yaml under --force. Without --force an existing config
// is an error.
func initConfigFile(dir string, opts initOptions) (string, error) {
	for _, name := range rules.ConfigNames {
		path := filepath.Join(dir, name)
		_, err := os.Lstat(path)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			continue
		case err != nil:
			return "", fmt.Errorf("init: %w", err)
		case opts.dryRun:
			continue
		case !opts.force:
			return "", fmt.Errorf("%s exists; init does not replace a config: pass --force to replace it, or --dry-run to see what init would write", relToCwd(path))
		}
		if info, err := os.Stat(path); err != nil || !info.Mode().IsRegular() {
			return "", fmt.Errorf("%s exists and is not a regular file; remove it first", relToCwd(path))
		}
		return path, nil
	}
	return filepath.Join(dir, rules.ConfigNames[0]), nil
}

// mayReplaceBaseline refuses, without force, to replace a file that is not
// an archie baseline: init rewrites the baseline, but never someone's data.
func mayReplaceBaseline(file string, force bool) error {
	data, err := os.ReadFile(file)
	if errors.Is(err, fs.ErrNotExist) || force {
		return nil
	} else if err != nil {
		return fmt.Errorf("init: %w", err)
	}
	if _, err := rules.ReadBaseline(file, data); err != nil && len(bytes.TrimSpace(data)) > 0 {
		return fmt.Errorf("not replacing %s: it is not an archie baseline (%v); pass --force to replace it", relToCwd(file), err)
	}
	return nil
}

// describeInferred says on stderr what init inferred, one line a section.
func describeInferred(w io.Writer, in *rules.Inferred) {
	if len(in.Layers) > 0 {
		names := make([]string, len(in.Layers))
		for i, l := range in.Layers {
			names[i] = l.Name
		}
		fmt.Fprintf(w, "  layers    %s (top to bottom)\n", strings.Join(names, " > "))
		for _, c := range in.Cycles {
			fmt.Fprintf(w, "            %s import each other: ordered as if cut at %s\n", strings.Join(c.Folders, ", "), cutText(c.Cut))
		}
	}
	if len(in.Contexts) > 0 {
		names := make([]string, len(in.Contexts))
		for i, c := range in.Contexts {
			names[i] = c.Name
		}
		fmt.Fprintf(w, "  contexts  %s (in %s)\n", strings.Join(names, ", "), in.ContextsIn)
	}
	if h := in.Hexagon; h != nil {
		fmt.Fprintf(w, "  hexagonal core %s; ports %s; adapters %s\n", orNone(h.Core), orNone(h.Ports), orNone(h.Adapters))
	}
	if in.CycleDepth > 0 {
		fmt.Fprintf(w, "  cycles    between folders at depth %d\n", in.CycleDepth)
	}
	if in.Flat {
		fmt.Fprintf(w, "  no layers, contexts or hexagon: the code is flat\n")
	}
	if len(in.LeftOut) > 0 && len(in.Layers) > 0 {
		fmt.Fprintf(w, "  left out  %s (see the comment in the config)\n", plural(len(in.LeftOut), "folder"))
	}
}

func cutText(cut []rules.FolderEdge) string {
	var parts []string
	for _, e := range cut {
		parts = append(parts, e.From+" → "+e.To)
	}
	return strings.Join(parts, " and ")
}

func orNone(ps []string) string {
	if len(ps) == 0 {
		return "none"
	}
	return strings.Join(ps, ", ")
}

// byRule counts violations per rule: " (layers 3, cycles 1)".
func byRule(vs []rules.Violation) string {
	if len(vs) == 0 {
		return ""
	}
	counts := make(map[string]int)
	for _, v := range vs {
		counts[v.Rule]++
	}
	names := make([]string, 0, len(counts))
	for n := range counts {
		names = append(names, n)
	}
	sort.Strings(names)
	parts := make([]string, len(names))
	for i, n := range names {
		parts[i] = fmt.Sprintf("%s %d", n, counts[n])
	}
	return " (" + strings.Join(parts, ", ") + ")"
}

func dirArg(dir string) string {
	if dir == "." {
		return ""
	}
	return dir
}
