package main

import (
	"io"

	"github.com/archie-dev/archie/rules"
	"github.com/spf13/cobra"
)

func newSchemaCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema of archie.yaml, for editors",
		Long: `schema prints the JSON Schema (draft-07) of archie.yaml: every key with its
description, the severities, and the keys archie rejects. Editors use it for
completion, help on hover and errors as you type. archie init names the
published copy in the first line of the config it writes:

  # yaml-language-server: $schema=` + rules.SchemaURL + `

Without network, write it next to the config and name that file instead:

  archie schema > .archie.schema.json
  # yaml-language-server: $schema=.archie.schema.json`,
		Example: `  archie schema > .archie.schema.json`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runSchema(cmd.OutOrStdout())
		},
	}
}

func runSchema(w io.Writer) error {
	_, err := w.Write(rules.Schema())
	return err
}
