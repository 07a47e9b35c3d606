// Command app runs the API or the worker, as its first argument says.
package main

import "example.com/subcommands/cmd"

func main() { cmd.Execute() }
