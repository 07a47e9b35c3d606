package adr

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"text/tabwriter"
)

// A Citation is a rule, outside this package, that names a record as the
// decision behind it: "the layers rule in archie.yaml cites ADR 2".
type Citation struct {
	Rule string // the rule's name
	ADR  int    // the record it cites
	File string // where the citation is written
	Line int
}

// An Entry is a record as `archie adr list` shows it.
type Entry struct {
	Number int         `json:"number"`
	Dated  bool        `json:"-"`
	ID     string      `json:"id"`
	Title  string      `json:"title"`
	Status string      `json:"status"`
	Date   string      `json:"date"`
	File   string      `json:"file"`
	Links  []LinkEntry `json:"links"`
	Rules  []string    `json:"rules"`
}

// A LinkEntry is one link of an Entry.
type LinkEntry struct {
	Verb   string `json:"verb"`
	Target int    `json:"target"`
	File   string `json:"file,omitempty"`
}

// Entries lists the records, with the rules that cite each; when status is
// not empty, only the records whose status is that word ("superseded"
// matches adr-tools' "Superceded").
func (l *Log) Entries(cites []Citation, status string) []Entry {
	out := []Entry{}
	ix := l.index()
	for _, r := range l.Records {
		if status != "" && Canonical(r.Status) != Canonical(status) {
			continue
		}
		e := Entry{
			Number: r.Number, Dated: r.Dated, ID: r.ID(), Title: r.Title, Status: r.Status, Date: r.Date,
			File: filepath.ToSlash(r.File), Links: []LinkEntry{}, Rules: []string{},
		}
		for _, link := range r.Links {
			le := LinkEntry{Verb: link.Verb, Target: link.Target}
			if t := ix.resolve(link); t != nil {
				le.Target = t.Number
				if t.Dated {
					le.File = filepath.ToSlash(t.File)
				}
			}
			e.Links = append(e.Links, le)
		}
		if !r.Dated {
			for _, c := range cites {
				if c.ADR == r.Number && !contains(e.Rules, c.Rule) {
					e.Rules = append(e.Rules, c.Rule)
				}
			}
		}
		out = append(out, e)
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// WriteJSON writes entries as one JSON array (CONTRACT.md §4).
func WriteJSON(w io.Writer, entries []Entry) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(entries)
}

// WriteText writes entries as an aligned table: number, status, date,
// title, then the links and the rules that cite the record.
func WriteText(w io.Writer, entries []Entry) error {
	var buf strings.Builder
	tw := tabwriter.NewWriter(&buf, 0, 4, 2, ' ', 0)
	for _, e := range entries {
		num := fmt.Sprintf("%04d", e.Number)
		if e.Dated {
			num = e.ID
		}
		status := e.Status
		if status == "" {
			status = "-"
		}
		date := e.Date
		if date == "" {
			date = "-"
		}
		var extra []string
		for _, link := range e.Links {
			target := Label(link.Target)
			if link.File != "" {
				target = strings.TrimSuffix(filepath.Base(link.File), ".md")
			}
			extra = append(extra, link.Verb+" "+target)
		}
		if len(e.Rules) > 0 {
			extra = append(extra, "enforced by "+strings.Join(e.Rules, ", "))
		}
		about := ""
		if len(extra) > 0 {
			about = "(" + strings.Join(extra, "; ") + ")"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", num, status, date, e.Title, about)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	var out strings.Builder
	for _, line := range strings.SplitAfter(buf.String(), "\n") {
		out.WriteString(strings.TrimRight(line, " \n"))
		if strings.HasSuffix(line, "\n") {
			out.WriteString("\n")
		}
	}
	_, err := io.WriteString(w, out.String())
	return err
}
