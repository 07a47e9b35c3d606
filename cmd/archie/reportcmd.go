package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/archie-dev/archie/analyze"
	"github.com/archie-dev/archie/report"
	"github.com/archie-dev/archie/rules"
	"github.com/spf13/cobra"
)

type reportOptions struct {
	load   loadOptions
	html   string
	force  bool
	strict bool
}

func newReportCmd() *cobra.Command {
	var opts reportOptions
	cmd := &cobra.Command{
		Use:   "report [dir] [packages] --html FILE",
		Short: "Write a self-contained HTML report: violations, graphs, metrics and decisions",
		Long: `report checks the code as archie check does and writes one HTML file that
opens from disk with nothing fetched: a summary, the violations by rule with
the lines of code they point at, the dependency graph at every level
archie.yaml defines (layers, contexts, hexagon; packages by folder without
one) as an interactive drawing, the service map when archie.yaml lists
smells (calls, messages and shared stores between the services, the smells
in red, the file:line of each fact), the package metrics and the decision
records with the rules that enforce them.

Its exit status is check's: 1 when there are violations of severity error,
so a CI job can publish the report and still fail.`,
		Example: `  archie report --html archie-report.html`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runReport(cmd.Context(), cmd.OutOrStdout(), cmd.ErrOrStderr(), opts, args)
		},
	}
	f := cmd.Flags()
	opts.load.addFlags(f)
	f.StringVar(&opts.html, "html", "", "write the report to `file`")
	f.BoolVar(&opts.force, "force", false, "replace an existing file that is not an archie report")
	f.BoolVar(&opts.strict, "strict", false, "fail (exit 2) when any code could not be loaded completely, after writing the report")
	return cmd
}

// maxOverviewNodes is how many nodes the package overview may draw before
// packages are grouped by folder.
const maxOverviewNodes = 40

func runReport(ctx context.Context, stdout, stderr io.Writer, opts reportOptions, args []string) error {
	if opts.html == "" {
		return errors.New("say where to write the report: archie report --html FILE")
	}
	p, err := loadProject(ctx, stderr, opts.load, args, false)
	if err != nil {
		return err
	}
	if err := mayReplace(opts.html, "html", p.cfg.File, opts.force); err != nil {
		return err
	}
	page := &report.Page{
		Title: p.cfg.Dir,
		Check: p.checkReport(),
		ReadFile: func(name string) ([]byte, error) {
			return os.ReadFile(filepath.Join(p.cfg.Dir, filepath.FromSlash(name)))
		},
	}
	if len(p.graph.Modules) > 0 {
		page.Title = p.graph.Modules[0].Path
	}
	for _, level := range []struct {
		name    string
		present bool
	}{{"layer", p.cfg.Layers != nil}, {"context", p.cfg.Contexts != nil}, {"hexagon", p.cfg.Hexagonal != nil}} {
		if !level.present {
			continue
		}
		d, err := rules.BuildDiagram(p.cfg, p.graph, p.result, rules.DiagramOptions{Level: level.name, Unused: true})
		if err != nil {
			return err
		}
		page.Diagrams = append(page.Diagrams, d)
	}
	if p.system != nil && len(p.system.Services) > 0 {
		d, err := rules.BuildDiagram(p.cfg, p.graph, p.result, rules.DiagramOptions{Level: "service", System: p.system})
		if err != nil {
			return err
		}
		d.Problems, d.Met = len(p.loadErrors()), analyze.Problems(p.loadErrors())
		page.Services = d
	}
	overview, err := packageOverview(p)
	if err != nil {
		return err
	}
	page.Diagrams = append(page.Diagrams, overview)

	page.MetricsLevel = "package"
	if page.Metrics, err = rules.Measure(p.cfg, p.graph, "package"); err != nil {
		return err
	}
	report.SortMetrics(page.Metrics, "distance")

	if err := writeFile(opts.html, func(w io.Writer) error { return report.HTML(w, page) }); err != nil {
		return err
	}
	errs, warns, _ := p.result.Count()
	incomplete := ""
	loadErrs := p.loadErrors()
	n := len(loadErrs)
	if n > 0 {
		incomplete = fmt.Sprintf("; the check is incomplete: %s (listed above)", analyze.Problems(loadErrs))
	}
	infos := ""
	if n := p.result.Infos(); n > 0 {
		infos = ", " + plural(n, "info")
	}
	fmt.Fprintf(stdout, "wrote %s: %s, %s%s in %s%s\n", opts.html, plural(errs, "error"), plural(warns, "warning"), infos, plural(p.result.Packages, "package"), incomplete)
	if n > 0 && opts.strict {
		return fmt.Errorf("the check is incomplete: %s", analyze.Problems(loadErrs))
	}
	if errs > 0 {
		return errViolations
	}
	return nil
}

// packageOverview draws the packages, grouped by folder as deep as keeps
// the drawing within maxOverviewNodes (by top-level folder at least).
func packageOverview(p *project) (*rules.Diagram, error) {
	draw := func(depth int) (*rules.Diagram, error) {
		return rules.BuildDiagram(p.cfg, p.graph, p.result, rules.DiagramOptions{Level: "package", Depth: depth})
	}
	if d, err := draw(0); err != nil || len(d.Nodes) <= maxOverviewNodes {
		return d, err
	}
	best, err := draw(1)
	for depth := 2; depth <= 4 && err == nil; depth++ {
		d, derr := draw(depth)
		if derr != nil || len(d.Nodes) > maxOverviewNodes {
			return best, derr
		}
		best = d
	}
	return best, err
}
