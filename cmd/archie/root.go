package main

import (
	"io"
	"os"

	"github.com/spf13/cobra"
)

func newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "archie",
		Short: "Keep a Go codebase's architecture honest",
		Long: `archie checks the architecture declared in archie.yaml (layers, ports and
adapters, bounded contexts, import rules, folder cycles) against the real
package graph, and points at every import that breaks it.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.AddCommand(newCheckCmd(), newServicesCmd(), newGraphCmd(), newMetricsCmd(), newReportCmd(), newExplainCmd(), newADRCmd())
	return root
}

// useColor reports whether output to w may be coloured: only on a terminal,
// never with NO_COLOR set or TERM=dumb.
func useColor(w io.Writer) bool {
	if _, ok := os.LookupEnv("NO_COLOR"); ok || os.Getenv("TERM") == "dumb" {
		return false
	}
	f, ok := w.(*os.File)
	return ok && isTerminal(f)
}

// isTerminal reports whether f is a terminal (a character device).
func isTerminal(f *os.File) bool {
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
