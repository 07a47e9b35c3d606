package cmd

import (
	"example.com/subcommands/internal/worker"
	"github.com/spf13/cobra"
)

func init() {
	root.AddCommand(&cobra.Command{
		Use: "worker [flags]",
		RunE: func(*cobra.Command, []string) error {
			return worker.Run()
		},
	})
}
