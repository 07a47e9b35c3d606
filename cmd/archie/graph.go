package main

import (
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

type graphOptions struct {
	load    loadOptions
	format  string
	diagram rules.DiagramOptions
	strict  bool
}

func newGraphCmd() *cobra.Command {
	var opts graphOptions
	cmd := &cobra.Command{
		Use:   "graph [dir] [packages]",
		Short: "Draw the dependency graph at package, layer, context, hexagon or module level, or the service map",
		Long: `graph loads the packages below dir, groups them at the chosen level using
the groups of archie.yaml (layers, contexts, hexagonal roles) and draws the
imports between the groups, weighted by how many package imports each edge
stands for. Edges whose imports break a rule are drawn in red with the rule.

The service level draws the services archie services finds instead: their
calls (sync), messages (async) and the stores two of them share (data), with
the file:line of each fact, and in red the smells of archie.yaml's smells:.

The package, module and service levels need no archie.yaml. On a large
repository, --depth groups packages by folder and --focus keeps one part and
its neighbours.

Formats: text, dot (Graphviz), mermaid (paste into a pull request or
Markdown), json (schema archie.graph/v1) and matrix (a dependency structure
matrix: rows and columns top to bottom, a number above the diagonal is a
dependency pointing up).`,
		Example: `  archie graph --level layer --format matrix
  archie graph --level context --format mermaid
  archie graph --level service --format dot | dot -Tsvg > services.svg
  archie graph --level package --depth 2 --format dot | dot -Tsvg > deps.svg
  archie graph --focus ./internal/billing/... --external`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runGraph(cmd.Context(), cmd.OutOrStdout(), cmd.ErrOrStderr(), opts, args)
		},
	}
	f := cmd.Flags()
	opts.load.addFlags(f)
	f.StringVar(&opts.format, "format", "text", "output `format`: "+strings.Join(report.GraphFormats, ", "))
	f.StringVar(&opts.diagram.Level, "level", "", "`level` to draw: "+strings.Join(rules.Levels, ", ")+" (default: layer when archie.yaml has layers, else package)")
	f.IntVar(&opts.diagram.Depth, "depth", 0, "at package level, group packages by their first `N` folders below the module root")
	f.StringVar(&opts.diagram.Focus, "focus", "", "keep only the node or packages matching `pattern` and their neighbours")
	f.BoolVar(&opts.diagram.Std, "std", false, "draw the standard library")
	f.BoolVar(&opts.diagram.External, "external", false, "draw packages of other modules")
	f.BoolVar(&opts.diagram.Unused, "unused", false, "draw dependencies archie.yaml declares that no import uses")
	f.BoolVar(&opts.strict, "strict", false, "fail (exit 2) when any of the code could not be loaded, so edges may be missing")
	return cmd
}

func runGraph(ctx context.Context, stdout, stderr io.Writer, opts graphOptions, args []string) error {
	if !slices.Contains(report.GraphFormats, opts.format) {
		return fmt.Errorf("unknown --format %q: use one of %s", opts.format, strings.Join(report.GraphFormats, ", "))
	}
	d := opts.diagram
	if d.Level != "" && !slices.Contains(rules.Levels, d.Level) {
		return fmt.Errorf("unknown --level %q: use one of %s", d.Level, strings.Join(rules.Levels, ", "))
	}
	if d.Depth < 0 {
		return fmt.Errorf("--depth %d: want 0 or more", d.Depth)
	}
	if d.Depth > 0 && d.Level != "" && d.Level != "package" {
		return fmt.Errorf("--depth groups packages by folder at --level package, not %s", d.Level)
	}
	// The services' facts are loaded for the service level only: they
	// need the code type-checked.
	opts.load.services = d.Level == "service"
	p, err := loadProject(ctx, stderr, opts.load, args, false)
	if err != nil {
		return err
	}
	if d.Level == "service" {
		noServicesNote(stderr, p)
		d.System = p.system
	}
	if d.Level == "" {
		d.Level = "package"
		if p.cfg.Layers != nil {
			d.Level = "layer"
		}
	}
	diagram, err := rules.BuildDiagram(p.cfg, p.graph, p.result, d)
	if err != nil {
		return err
	}
	diagram.Problems, diagram.Met = len(p.loadErrors()), analyze.Problems(p.loadErrors())
	if err := report.Graph(stdout, opts.format, diagram, useColor(stdout)); err != nil {
		return err
	}
	// A drawing of part of the code must not pass for the whole of it.
	if n := diagram.Problems; n > 0 {
		msg := fmt.Sprintf("the graph is incomplete: %s (listed above); what they hide is not drawn", diagram.Met)
		if opts.strict {
			return errors.New(msg)
		}
		fmt.Fprintf(stderr, "archie: warning: %s; pass --strict to fail on this\n", msg)
	}
	return nil
}
