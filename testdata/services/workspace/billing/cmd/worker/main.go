// Command worker is billing's worker.
package main

import "os"

func main() { os.Exit(0) }
