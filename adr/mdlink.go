package adr

import "strings"

// Markdown links are written and read here, and nowhere else, so that a
// title with brackets or a file name with parentheses reads back as
// written: "[1. Use \[x\]](0001-use-x.md)".

// markdownLink writes a CommonMark inline link whose text and destination
// read back as text and dest.
func markdownLink(text, dest string) string {
	return "[" + escapeLinkText(text) + "](" + escapeLinkDest(dest) + ")"
}

// escapeLinkText escapes what would end the link text early or be read
// as markup inside it: backslashes and brackets.
func escapeLinkText(s string) string {
	if !strings.ContainsAny(s, `\[]`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '\\' || c == '[' || c == ']' {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// escapeLinkDest writes a link destination: bare, with parentheses and
// backslashes escaped, or between angle brackets when it holds spaces or
// other characters a bare destination cannot.
func escapeLinkDest(s string) string {
	angle := s == ""
	for i := 0; i < len(s); i++ {
		if c := s[i]; c <= ' ' || c == 0x7f || c == '<' || c == '>' {
			angle = true
		}
	}
	var b strings.Builder
	if angle {
		b.WriteByte('<')
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\', !angle && (c == '(' || c == ')'), angle && (c == '<' || c == '>'):
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	if angle {
		b.WriteByte('>')
	}
	return b.String()
}

// A mdLink is a link found in a line: its text and destination
// unescaped, and the bytes it spans.
type mdLink struct {
	text, dest string
	start, end int
}

// findLink finds the first inline link in s at or after byte from.
func findLink(s string, from int) (mdLink, bool) {
	for i := from; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '[':
			if l, ok := linkAt(s, i); ok {
				return l, true
			}
		}
	}
	return mdLink{}, false
}

// linkAt reads the inline link that starts at s[i] == '[': balanced
// brackets in the text, backslash escapes, a bare or <angled>
// destination, and an optional "title".
func linkAt(s string, i int) (mdLink, bool) {
	depth := 0
	j := i
	for ; j < len(s); j++ {
		c := s[j]
		if c == '\\' {
			j++
			continue
		}
		if c == '[' {
			depth++
		} else if c == ']' {
			depth--
			if depth == 0 {
				break
			}
		} else if c == '\n' {
			return mdLink{}, false
		}
	}
	if j >= len(s) || j+1 >= len(s) || s[j+1] != '(' {
		return mdLink{}, false
	}
	text := s[i+1 : j]
	k := j + 2
	for k < len(s) && (s[k] == ' ' || s[k] == '\t') {
		k++
	}
	var dest string
	if k < len(s) && s[k] == '<' {
		e := k + 1
		for ; e < len(s) && s[e] != '>'; e++ {
			if s[e] == '\\' {
				e++
			} else if s[e] == '<' || s[e] == '\n' {
				return mdLink{}, false
			}
		}
		if e >= len(s) {
			return mdLink{}, false
		}
		dest, k = s[k+1:e], e+1
	} else {
		parens, e := 0, k
	loop:
		for ; e < len(s); e++ {
			switch c := s[e]; {
			case c == '\\':
				e++
			case c == '(':
				parens++
			case c == ')':
				if parens == 0 {
					break loop
				}
				parens--
			case c <= ' ':
				break loop
			}
		}
		if e > len(s) {
			e = len(s)
		}
		dest, k = s[k:e], e
	}
	for k < len(s) && (s[k] == ' ' || s[k] == '\t') {
		k++
	}
	if k < len(s) && (s[k] == '"' || s[k] == '\'') {
		q := s[k]
		e := k + 1
		for ; e < len(s) && s[e] != q; e++ {
			if s[e] == '\\' {
				e++
			}
		}
		if e >= len(s) {
			return mdLink{}, false
		}
		k = e + 1
		for k < len(s) && (s[k] == ' ' || s[k] == '\t') {
			k++
		}
	}
	if k >= len(s) || s[k] != ')' {
		return mdLink{}, false
	}
	return mdLink{text: unescapeMarkdown(text), dest: unescapeMarkdown(dest), start: i, end: k + 1}, true
}

// unescapeMarkdown drops the backslash before ASCII punctuation, as
// CommonMark reads backslash escapes.
func unescapeMarkdown(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}
