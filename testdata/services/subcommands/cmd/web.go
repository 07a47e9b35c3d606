package cmd

import (
	"example.com/subcommands/internal/web"
	"github.com/spf13/cobra"
)

func init() {
	root.AddCommand(&cobra.Command{Use: "web", RunE: func(*cobra.Command, []string) error { return web.Serve() }})
}
