// Package log is a library every part of the shop uses: calls into it
// are not network calls.
package log

import "fmt"

// Printf prints a line.
func Printf(format string, args ...any) { fmt.Printf(format+"\n", args...) }
