package main

import (
	"io"
	"os"
	"runtime/debug"

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
		Version:       version(),
	}
	root.SetVersionTemplate("archie {{.Version}}\n")
	root.AddCommand(newCheckCmd(), newDiffCmd(), newServicesCmd(), newExtractCmd(), newGraphCmd(), newMetricsCmd(), newReportCmd(), newExplainCmd(), newADRCmd(), newInitCmd(), newSchemaCmd())
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

// version is the module version archie was built at (go install ...@v1.2.0
// records it), else the commit it was built from, with the Go version.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown version)"
	}
	v := info.Main.Version
	if v == "" || v == "(devel)" {
		v = "devel"
		var rev, modified string
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				if s.Value == "true" {
					modified = "+dirty"
				}
			}
		}
		if len(rev) > 12 {
			rev = rev[:12]
		}
		if rev != "" {
			v += " " + rev + modified
		}
	}
	return v + " (" + info.GoVersion + ")"
}
