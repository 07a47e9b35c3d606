// Package report renders check results for people (text, coloured with
// lipgloss on a terminal) and for machines (JSON). Every renderer is a pure
// function of the result, an io.Writer and options.
package report
