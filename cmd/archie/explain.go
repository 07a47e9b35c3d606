package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/archie-dev/archie/rules"
	"github.com/spf13/cobra"
)

func newExplainCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "explain [rule]",
		Short: "Explain a rule family, or list them all",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runExplain(cmd.OutOrStdout(), args)
		},
	}
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
		return fmt.Errorf("no rule %q; archie knows %s", args[0], strings.Join(names, ", "))
	}
	fmt.Fprintf(w, "%s (violations of kind %q)\n\n%s\n", f.Name, f.Kind, f.Doc)
	return nil
}
