package report

import (
	"io"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// styles are every colour archie prints, in one place. They come from a
// renderer tied to the real output writer; without colour every style
// renders plain text.
type styles struct {
	header, file, rule, err, warn, dim, ok lipgloss.Style
}

func newStyles(w io.Writer, color bool) styles {
	r := lipgloss.NewRenderer(w)
	// The caller has decided (terminal, NO_COLOR); the styles use the 16
	// basic colours, which every colour terminal shows.
	if color {
		r.SetColorProfile(termenv.ANSI)
	} else {
		r.SetColorProfile(termenv.Ascii)
	}
	return styles{
		header: r.NewStyle().Bold(true),
		file:   r.NewStyle().Foreground(lipgloss.Color("6")),
		rule:   r.NewStyle().Foreground(lipgloss.Color("5")),
		err:    r.NewStyle().Foreground(lipgloss.Color("1")).Bold(true),
		warn:   r.NewStyle().Foreground(lipgloss.Color("3")).Bold(true),
		dim:    r.NewStyle().Faint(true),
		ok:     r.NewStyle().Foreground(lipgloss.Color("2")).Bold(true),
	}
}
