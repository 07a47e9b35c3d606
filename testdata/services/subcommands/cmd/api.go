package cmd

import (
	"example.com/subcommands/internal/api"
	"github.com/spf13/cobra"
)

var apiCmd = &cobra.Command{
	Use:   "api",
	Short: "serves the API",
	Run:   func(*cobra.Command, []string) { api.Serve() },
}

func init() { root.AddCommand(apiCmd) }
