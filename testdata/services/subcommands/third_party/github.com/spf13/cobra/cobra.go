// Package cobra is a stand-in with the API shape archie reads; it does nothing.
package cobra

type Command struct {
	Use   string
	Short string
	Run   func(cmd *Command, args []string)
	RunE  func(cmd *Command, args []string) error
}

func (c *Command) AddCommand(cmds ...*Command) {}
func (c *Command) Execute() error            { return nil }
