// Package pflag stands in for spf13/pflag, cobra's flags: the definitions
// whose defaults archie reads.
package pflag

type FlagSet struct{}

var CommandLine = &FlagSet{}

func (f *FlagSet) String(name, value, usage string) *string                        { return &value }
func (f *FlagSet) StringP(name, shorthand, value, usage string) *string            { return &value }
func (f *FlagSet) StringVar(p *string, name, value, usage string)                  { *p = value }
func (f *FlagSet) StringVarP(p *string, name, shorthand, value, usage string)      { *p = value }
func (f *FlagSet) Int(name string, value int, usage string) *int                   { return &value }
func (f *FlagSet) IntP(name, shorthand string, value int, usage string) *int       { return &value }
func (f *FlagSet) IntVar(p *int, name string, value int, usage string)             { *p = value }
func (f *FlagSet) IntVarP(p *int, name, shorthand string, value int, usage string) { *p = value }

func String(name, value, usage string) *string       { return CommandLine.String(name, value, usage) }
func StringVar(p *string, name, value, usage string) { CommandLine.StringVar(p, name, value, usage) }
func IntVarP(p *int, name, shorthand string, value int, usage string) {
	CommandLine.IntVarP(p, name, shorthand, value, usage)
}
func Parse() {}
