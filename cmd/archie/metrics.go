package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/archie-dev/archie/report"
	"github.com/archie-dev/archie/rules"
	"github.com/spf13/cobra"
)

type metricsOptions struct {
	load   loadOptions
	level  string
	format string
	sort   string
}

func newMetricsCmd() *cobra.Command {
	var opts metricsOptions
	cmd := &cobra.Command{
		Use:   "metrics [dir] [packages]",
		Short: "Measure coupling, instability, abstractness and size per package, layer or context",
		Long: `metrics measures each package, layer or context: lines of code, afferent and
efferent coupling (Ca: packages outside it that import it; Ce: packages
outside it that it imports, the standard library not counted), instability
I = Ce/(Ca+Ce), abstractness A (interfaces among its named types) and the
distance from the main sequence D = |A+I-1|.

Thresholds under metrics: in archie.yaml make archie check report the nodes
past them; here those rows are marked with !.`,
		Example: `  archie metrics --sort distance
  archie metrics --level layer
  archie metrics --format csv > metrics.csv`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runMetrics(cmd.Context(), cmd.OutOrStdout(), cmd.ErrOrStderr(), opts, args)
		},
	}
	f := cmd.Flags()
	opts.load.addFlags(f)
	f.StringVar(&opts.level, "level", "package", "`level` to measure: "+strings.Join(rules.MetricLevels, ", "))
	f.StringVar(&opts.format, "format", "text", "output `format`: "+strings.Join(report.MetricsFormats, ", "))
	f.StringVar(&opts.sort, "sort", "name", "sort by `column`: "+strings.Join(report.MetricsColumns, ", ")+" (measures largest first)")
	return cmd
}

func runMetrics(ctx context.Context, stdout, stderr io.Writer, opts metricsOptions, args []string) error {
	if !slices.Contains(report.MetricsFormats, opts.format) {
		return fmt.Errorf("unknown --format %q: use one of %s", opts.format, strings.Join(report.MetricsFormats, ", "))
	}
	if !slices.Contains(rules.MetricLevels, opts.level) {
		return fmt.Errorf("unknown --level %q: use one of %s", opts.level, strings.Join(rules.MetricLevels, ", "))
	}
	if err := report.SortMetrics(nil, opts.sort); err != nil {
		return fmt.Errorf("--sort: %v", err)
	}
	p, err := loadProject(ctx, stderr, opts.load, args, false)
	if err != nil {
		return err
	}
	ms, err := rules.Measure(p.cfg, p.graph, opts.level)
	if err != nil {
		return err
	}
	report.SortMetrics(ms, opts.sort)
	return report.Metrics(stdout, opts.format, opts.level, ms, flaggedMetrics(p, opts.level), useColor(stdout))
}

// flaggedMetrics names (by import path or group name) the nodes that the config's metrics thresholds
// report at the level shown.
func flaggedMetrics(p *project, level string) map[string]bool {
	m := p.cfg.Metrics
	if m == nil || (m.Level != level && !(m.Level == "" && level == "package")) {
		return nil
	}
	flagged := make(map[string]bool)
	for _, v := range p.result.Violations {
		if v.Kind == "metric" {
			flagged[v.From] = true // the import path at package level, else the group
		}
	}
	return flagged
}
