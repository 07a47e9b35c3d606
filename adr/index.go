package adr

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// IndexOptions tune Index.
type IndexOptions struct {
	Prefix   string // put before each record's file name in links
	ByStatus bool   // group the records under one heading per status
	// Force lets WriteIndex replace a file that is not an index it wrote.
	Force bool
}

// indexHeading is the first line of every index Index writes, by which
// WriteIndex knows a file it may replace.
const indexHeading = "# Architecture Decision Records"

// Index writes a table of contents in the format of adr-tools' "adr
// generate toc": a heading, then one "* [1. Title](0001-title.md)" line
// per record.
func (l *Log) Index(w io.Writer, opts IndexOptions) error {
	var b strings.Builder
	b.WriteString(indexHeading + "\n\n")
	item := func(r *Record) {
		b.WriteString("* " + markdownLink(r.Heading(), opts.Prefix+r.Name()) + "\n")
	}
	if !opts.ByStatus {
		for _, r := range l.Records {
			item(r)
		}
	} else {
		groups := make(map[string][]*Record)
		var order []string
		for _, r := range l.Records {
			s := Canonical(r.Status)
			if _, ok := groups[s]; !ok {
				order = append(order, s)
			}
			groups[s] = append(groups[s], r)
		}
		sort.SliceStable(order, func(i, j int) bool { return statusRank(order[i]) < statusRank(order[j]) })
		for i, s := range order {
			if i > 0 {
				b.WriteString("\n")
			}
			name := "No status"
			if s != "" {
				name = strings.ToUpper(s[:1]) + s[1:]
			}
			fmt.Fprintf(&b, "## %s\n\n", name)
			for _, r := range groups[s] {
				item(r)
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteIndex writes the Index to file, replacing it atomically. A file
// named like a record is refused: an index must not take a record's place;
// so is, without opts.Force, a file that holds anything but an index.
func (l *Log) WriteIndex(file string, opts IndexOptions) error {
	if IsRecordName(filepath.Base(file)) {
		return fmt.Errorf("%s is named like a decision record; write the index to another file, such as README.md", file)
	}
	if !opts.Force {
		data, err := os.ReadFile(file)
		if err == nil && len(bytes.TrimSpace(data)) > 0 && !bytes.HasPrefix(bytes.TrimPrefix(data, []byte("\ufeff")), []byte(indexHeading)) {
			return fmt.Errorf("%s exists and is not an index archie wrote; remove it, name another file, or pass --force to replace it", file)
		}
	}
	return l.transact(func() error {
		var b bytes.Buffer
		if err := l.Index(&b, opts); err != nil {
			return err
		}
		if err := replace(file, b.Bytes()); err != nil {
			return fmt.Errorf("write %s: %w", file, err)
		}
		return nil
	})
}

// statusRank orders status groups: decisions in force first.
func statusRank(s string) int {
	for i, x := range []string{"accepted", "proposed", "draft", "deprecated", "superseded", "rejected"} {
		if s == x {
			return i
		}
	}
	if s == "" {
		return 100
	}
	return 50
}

// GraphOptions tune Graph.
type GraphOptions struct {
	Format    string // "dot" (default) or "mermaid"
	Prefix    string // DOT: put before each node's link
	Extension string // DOT: the extension of the linked documents; default ".html", as adr-tools
}

// Graph writes the records and the links between them. DOT output is what
// adr-tools' "adr generate graph" writes: the records in order joined by
// dotted edges, and one labelled edge per forward link (links whose verb
// ends in "by" are the other side of one and are left out).
func (l *Log) Graph(w io.Writer, opts GraphOptions) error {
	ix := l.index()
	var b strings.Builder
	switch opts.Format {
	case "", "dot":
		ext := opts.Extension
		if ext == "" {
			ext = ".html"
		}
		b.WriteString("digraph {\n  node [shape=plaintext];\n  subgraph {\n")
		var prev *Record
		for _, r := range l.Records {
			fmt.Fprintf(&b, "    %s [label=%s; URL=%s];\n", nodeID(r), dotQuote(r.Heading()), dotQuote(opts.Prefix+r.ID()+ext))
			if prev != nil {
				fmt.Fprintf(&b, "    %s -> %s [style=\"dotted\", weight=1];\n", nodeID(prev), nodeID(r))
			}
			prev = r
		}
		b.WriteString("  }\n")
		for _, r := range l.Records {
			for _, link := range r.Links {
				if t := ix.resolve(link); t != nil && !isReverse(link.Verb) {
					fmt.Fprintf(&b, "  %s -> %s [label=%s, weight=0]\n", nodeID(r), nodeID(t), dotQuote(link.Verb))
				}
			}
		}
		b.WriteString("}\n")
	case "mermaid":
		b.WriteString("flowchart BT\n")
		for _, r := range l.Records {
			fmt.Fprintf(&b, "  %s[\"%s\"]\n", mermaidID(r), mermaidText(r.Heading()))
		}
		for _, r := range l.Records {
			for _, link := range r.Links {
				if t := ix.resolve(link); t != nil && !isReverse(link.Verb) {
					fmt.Fprintf(&b, "  %s -->|%s| %s\n", mermaidID(r), mermaidText(link.Verb), mermaidID(t))
				}
			}
		}
		var gone []string
		for _, r := range l.Records {
			if s := Canonical(r.Status); s == "superseded" || s == "rejected" || s == "deprecated" {
				gone = append(gone, mermaidID(r))
			}
		}
		if len(gone) > 0 {
			b.WriteString("  classDef inactive stroke-dasharray: 4 4,color:#777\n")
			fmt.Fprintf(&b, "  class %s inactive\n", strings.Join(gone, ","))
		}
	default:
		return fmt.Errorf("unknown graph format %q: use dot or mermaid", opts.Format)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func isReverse(verb string) bool {
	return strings.HasSuffix(strings.ToLower(strings.TrimSpace(verb)), " by")
}

func nodeID(r *Record) string {
	if !r.Dated {
		return fmt.Sprintf("_%d", r.Number)
	}
	id := []byte(r.ID())
	for i, c := range id {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			id[i] = '_'
		}
	}
	return "_" + string(id)
}

func mermaidID(r *Record) string { return "adr" + nodeID(r) }

func dotQuote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

func mermaidText(s string) string {
	return strings.NewReplacer(`"`, "#quot;", "|", "#124;", "<", "#lt;", ">", "#gt;").Replace(s)
}
