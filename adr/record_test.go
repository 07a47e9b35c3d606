package adr

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name, file, text string
		want             Record // Number, Format, Title, Status, Date, DecisionMakers, Links, StatusLine
	}{
		{
			name: "adr-tools accepted with a link",
			file: "0003-third-record.md",
			text: "# 3. Third Record\n\nDate: 1992-01-12\n\n## Status\n\nAccepted\n\nAmends [1. First Record](0001-first-record.md)\n\n## Context\n\nText.\n",
			want: Record{Number: 3, Format: Nygard, Title: "Third Record", Status: "Accepted", Date: "1992-01-12", StatusLine: 7,
				Links: []Link{{Verb: "Amends", Target: 1, Href: "0001-first-record.md", Line: 9}}},
		},
		{
			name: "adr-tools superseded: the link is the status",
			file: "0001-first-record.md",
			text: "# 1. First Record\n\nDate: 1992-01-12\n\n## Status\n\nSuperceded by [2. Second Record](0002-second-record.md)\n\n## Context\n",
			want: Record{Number: 1, Format: Nygard, Title: "First Record", Status: "Superceded", Date: "1992-01-12", StatusLine: 7,
				Links: []Link{{Verb: "Superceded by", Target: 2, Href: "0002-second-record.md", Line: 7}}},
		},
		{
			name: "MADR 4 front matter",
			file: "0007-use-kafka.md",
			text: "---\nstatus: \"superseded by ADR-0009\"\ndate: 2024-03-01\ndecision-makers: [Ana, Bo]\nconsulted: ops\n---\n\n# Use Kafka\n\n## Context and Problem Statement\n",
			want: Record{Number: 7, Format: MADR, Title: "Use Kafka", Status: "superseded", Date: "2024-03-01", StatusLine: 2,
				DecisionMakers: []string{"Ana", "Bo"}, Links: []Link{{Verb: "superseded by", Target: 9, Line: 2}}},
		},
		{
			name: "MADR 3 deciders",
			file: "0002-use-go.md",
			text: "---\nstatus: accepted\ndate: 2023-01-05\ndeciders: Ana, Bo\n---\n# Use Go\n",
			want: Record{Number: 2, Format: MADR, Title: "Use Go", Status: "accepted", Date: "2023-01-05", StatusLine: 2, DecisionMakers: []string{"Ana", "Bo"}},
		},
		{
			name: "MADR 2 bullets and a links section",
			file: "0004-use-rest.md",
			text: "# Use REST\n\n* Status: superseded by [ADR-0006](0006-use-grpc.md)\n* Deciders: Ana\n* Date: 2020-05-01\n\n## Context and Problem Statement\n\nx\n\n## Links\n\n* Refines [ADR-0002](0002-use-http.md)\n",
			want: Record{Number: 4, Format: MADR, Title: "Use REST", Status: "superseded", Date: "2020-05-01", StatusLine: 3, DecisionMakers: []string{"Ana"},
				Links: []Link{{Verb: "superseded by", Target: 6, Href: "0006-use-grpc.md", Line: 3}, {Verb: "Refines", Target: 2, Href: "0002-use-http.md", Line: 13}}},
		},
		{
			name: "log4brains: date-named, dash bullets",
			file: "20240131-use-postgres.md",
			text: "# Use Postgres\n\n- Status: accepted\n- Deciders: Ana\n- Tags: db\n\n## Context and Problem Statement\n",
			want: Record{Number: 0, Format: MADR, Title: "Use Postgres", Status: "accepted", Date: "2024-01-31", StatusLine: 3, DecisionMakers: []string{"Ana"}},
		},
		{
			name: "CRLF line endings",
			file: "0001-x.md",
			text: "# 1. X\r\n\r\nDate: 2020-01-01\r\n\r\n## Status\r\n\r\nProposed\r\n\r\n## Context\r\n",
			want: Record{Number: 1, Format: Nygard, Title: "X", Status: "Proposed", Date: "2020-01-01", StatusLine: 7},
		},
		{
			name: "status in the heading",
			file: "0005-y.md",
			text: "# 5. Y\n\n## Status: Accepted\n\n## Context\n",
			want: Record{Number: 5, Format: Nygard, Title: "Y", Status: "Accepted", StatusLine: 3},
		},
		{
			name: "headings inside code blocks are code",
			file: "0006-z.md",
			text: "# Z\n\n```\n# not a title\n## Status\nnope\n```\n\n## Status\n\nDeprecated\n",
			want: Record{Number: 6, Format: Nygard, Title: "Z", Status: "Deprecated", StatusLine: 11},
		},
		{
			name: "title labelled with the record number, bold bullets",
			file: "0002-auth.md",
			text: "# ADR-0002: The authorization server is the only sign-in path\n\n- **Status:** Accepted\n- **Date:** 2026-06-30\n",
			want: Record{Number: 2, Format: MADR, Title: "The authorization server is the only sign-in path", Status: "Accepted", Date: "2026-06-30", StatusLine: 3},
		},
		{
			name: "a status that links elsewhere is still the status",
			file: "0008-w.md",
			text: "# 8. W\n\n## Status\n\nAccepted, see [the RFC](https://example.com/rfc)\n",
			want: Record{Number: 8, Format: Nygard, Title: "W", Status: "Accepted, see [the RFC](https://example.com/rfc)", StatusLine: 5},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Parse("dir/"+tt.file, []byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			got := Record{Number: r.Number, Format: r.Format, Title: r.Title, Status: r.Status, Date: r.Date,
				DecisionMakers: r.DecisionMakers, Links: exported(r.Links), StatusLine: r.StatusLine}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Parse(%s) =\n%+v\nwant\n%+v", tt.file, got, tt.want)
			}
			if r.src.String() != tt.text {
				t.Errorf("lines do not join back to the file")
			}
		})
	}
}

// exported is links with only their exported fields, to compare.
func exported(links []Link) []Link {
	var out []Link
	for _, l := range links {
		out = append(out, Link{Verb: l.Verb, Target: l.Target, Href: l.Href, Line: l.Line})
	}
	return out
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ text, want string }{
		{"---\nstatus: accepted\n# T\n", "x/0001-t.md:1: front matter opened here is never closed"},
		{"---\nstatus: accepted\ndate: x: y\n---\n# T\n", "x/0001-t.md:3: front matter is not valid YAML: mapping values are not allowed"},
		{"---\n- a\n- b\n---\n# T\n", "x/0001-t.md:2: front matter must be a mapping"},
	}
	for _, tt := range tests {
		_, err := Parse("x/0001-t.md", []byte(tt.text))
		var pe *ParseError
		if !errors.As(err, &pe) || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("Parse(%q) error = %v, want prefix %q", tt.text, err, tt.want)
		}
	}
}

func TestSlug(t *testing.T) {
	// The first three are adr-tools' own test cases (tests/funny-characters).
	tests := map[string]string{
		"Something About Node.JS": "something-about-node-js",
		"Slash/Slash/Slash/":      "slash-slash-slash",
		"-Bar-":                   "bar",
		"Use  C++ & Go":           "use-c-go",
		"Café au lait":            "cafe-au-lait",
		"日本語":                     "",
		"2024 plan":               "2024-plan",
	}
	for in, want := range tests {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCanonical(t *testing.T) {
	tests := map[string]string{
		"Accepted":               "accepted",
		"**Accepted** on 2024":   "accepted",
		"Superceded":             "superseded",
		"superseded by ADR-0005": "superseded",
		"":                       "",
		"Work-in-progress":       "work-in-progress",
	}
	for in, want := range tests {
		if got := Canonical(in); got != want {
			t.Errorf("Canonical(%q) = %q, want %q", in, got, want)
		}
	}
}
