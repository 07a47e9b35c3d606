package adr

import "strings"

// lines is a file split into lines that keep their own endings, so that
// joining them gives back the original bytes exactly.
type lines []string

func splitLines(s string) lines {
	var ls lines
	for len(s) > 0 {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			ls = append(ls, s)
			break
		}
		ls = append(ls, s[:i+1])
		s = s[i+1:]
	}
	return ls
}

func (ls lines) String() string { return strings.Join(ls, "") }

// text is line i without its ending.
func (ls lines) text(i int) string {
	return strings.TrimRight(ls[i], "\r\n")
}

// eol is the line ending the file mostly uses, for lines archie adds.
func (ls lines) eol() string {
	crlf, lf := 0, 0
	for _, l := range ls {
		switch {
		case strings.HasSuffix(l, "\r\n"):
			crlf++
		case strings.HasSuffix(l, "\n"):
			lf++
		}
	}
	if crlf > lf {
		return "\r\n"
	}
	return "\n"
}

// replace sets the text of line i, keeping its ending.
func (ls lines) replace(i int, text string) {
	ls[i] = text + ls[i][len(ls.text(i)):]
}

// insert adds texts before line i, each ended as the file's lines are.
// Inserting after an unterminated last line ends that line first.
func (ls lines) insert(i int, texts ...string) lines {
	eol := ls.eol()
	if i == len(ls) && i > 0 && !strings.HasSuffix(ls[i-1], "\n") {
		ls[i-1] += eol
	}
	add := make([]string, len(texts))
	for j, t := range texts {
		add[j] = t + eol
	}
	out := make(lines, 0, len(ls)+len(add))
	out = append(out, ls[:i]...)
	out = append(out, add...)
	return append(out, ls[i:]...)
}

// remove deletes n lines starting at i.
func (ls lines) remove(i, n int) lines {
	out := make(lines, 0, len(ls)-n)
	out = append(out, ls[:i]...)
	return append(out, ls[i+n:]...)
}

func isBlank(s string) bool { return strings.TrimSpace(s) == "" }
