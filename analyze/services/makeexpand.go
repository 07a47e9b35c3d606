package services

import (
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// How archie expands a Makefile's text: one pass, as make does, the
// values of recursive variables expanded where they are used, the
// functions a build's commands are written with evaluated. What archie
// cannot know (a $(shell …), a variable the environment may set) is
// written back as one word with a $ in it, "$(NAME)", so that whatever
// reads the text takes it for a value it does not know.

// maxExpanded bounds the text one expansion makes.
const maxExpanded = 64 << 10

// makeBudget and makeBytes bound the references one Makefile expands and
// the text they make, includes and evals read, over all its expansions:
// a Makefile is data, and a hostile one must not hang archie.
const (
	makeBudget = 200_000
	makeBytes  = 32 << 20
)

// expand expands s in the Makefile's variables as they stand.
func (m *makefile) expand(s string) string {
	if !strings.Contains(s, "$") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if b.Len() > maxExpanded {
			return b.String()
		}
		c := s[i]
		if c != '$' || i+1 == len(s) {
			b.WriteByte(c)
			i++
			continue
		}
		switch n := s[i+1]; n {
		case '$':
			b.WriteByte('$')
			i += 2
		case '(', '{':
			end := closing(s, i+1)
			if end < 0 {
				b.WriteString(s[i:])
				return b.String()
			}
			b.WriteString(m.reference(s[i+2:end], s[i:end+1]))
			i = end + 1
		default:
			b.WriteString(m.reference(string(n), s[i:i+2]))
			i += 2
		}
	}
	return b.String()
}

// closing returns the index of the bracket that closes the one at open,
// counting the brackets of either kind nested in it, or -1.
func closing(s string, open int) int {
	want := byte(')')
	if s[open] == '{' {
		want = '}'
	}
	depth := 0
	for i := open + 1; i < len(s); i++ {
		switch s[i] {
		case '(', '{':
			depth++
		case ')', '}':
			if depth == 0 {
				if s[i] == want {
					return i
				}
				return -1
			}
			depth--
		}
	}
	return -1
}

// unknownRef writes a reference archie cannot expand as one word.
func unknownRef(whole string) string {
	if !strings.ContainsAny(whole, " \t\n,") {
		return whole
	}
	name := strings.TrimLeft(whole, "$({")
	if i := strings.IndexAny(name, " \t\n,)}"); i >= 0 {
		name = name[:i]
	}
	return "$(" + name + ")"
}

// reference expands one $(…): a function call or a variable.
func (m *makefile) reference(inner, whole string) (out string) {
	if m.budget--; m.budget < 0 || m.bytes < 0 || m.depth > 64 {
		return unknownRef(whole)
	}
	m.depth++
	defer func() {
		m.depth--
		if m.bytes -= len(out); m.bytes < 0 || len(out) > maxExpanded {
			out = unknownRef(whole) // too much text: not what a build names
		}
	}()
	if i := strings.IndexAny(inner, " \t"); i > 0 {
		if f, ok := makeFuncs[inner[:i]]; ok {
			return f(m, strings.TrimLeft(inner[i:], " \t"), whole)
		}
	}
	name := m.expand(inner)
	// $(VAR:.c=.o): a substitution of each word's end.
	if v, sub, ok := strings.Cut(name, ":"); ok && strings.Contains(sub, "=") && !strings.Contains(v, "$") {
		from, to, _ := strings.Cut(sub, "=")
		if !strings.Contains(from, "%") {
			from, to = "%"+from, "%"+to
		}
		return patsubst(from, to, m.value(v, whole))
	}
	if strings.Contains(name, "$") {
		return unknownRef(whole)
	}
	return m.value(name, whole)
}

// value returns what a variable expands to: a call's or a rule's own
// first, then the Makefile's, then the environment's.
func (m *makefile) value(name, whole string) string {
	for i := len(m.locals) - 1; i >= 0; i-- {
		if v, ok := m.locals[i][name]; ok {
			return v // a call's $(1) hides its caller's
		}
	}
	if v, ok := m.vars[name]; ok {
		if !v.recursive {
			return v.text
		}
		if m.expanding[name] {
			return unknownRef(whole) // X = $(X) y: make refuses it
		}
		if m.expanding == nil {
			m.expanding = make(map[string]bool)
		}
		m.expanding[name] = true
		defer delete(m.expanding, name)
		return m.expand(v.text)
	}
	switch name {
	case "MAKE":
		return "make"
	case "MAKECMDGOALS":
		if m.env != nil {
			return strings.Join(m.env.goals, " ")
		}
	}
	if v, ok := m.envValue(name); ok {
		return v
	}
	return unknownRef(whole)
}

// envValue returns a variable the environment sets (the empty string
// for one it does not, when archie knows the environment), and whether
// archie knows it.
func (m *makefile) envValue(name string) (string, bool) {
	if m.env == nil || m.partial || isDigits(name) || strings.ContainsAny(name, "@<^*+?%") || imageEnvNames[name] {
		return "", false
	}
	v, ok := m.env.vars[name]
	if ok && strings.Contains(v, "$") || !ok && m.env.open {
		return "", false
	}
	return v, true
}

// imageEnvNames are variables the base images a build runs in set, and
// make's own archie does not fill: not empty, but not known.
var imageEnvNames = map[string]bool{"PATH": true, "HOME": true, "PWD": true, "GOPATH": true, "GOROOT": true, "GOBIN": true,
	"GOLANG_VERSION": true, "GOTOOLCHAIN": true, "CURDIR": true, "SHELL": true, "MAKEFLAGS": true, "MAKEFILE_LIST": true}

func isDigits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// args splits a function's arguments at the top level's commas, into at
// most n (the last keeps its commas), and expands each but those whose
// index raw names.
func (m *makefile) args(text string, n int, raw ...int) []string {
	out := splitArgs(text, n)
	for i := range out {
		if !slices.Contains(raw, i) {
			out[i] = m.expand(out[i])
		}
	}
	return out
}

// splitArgs splits a function's arguments at the top level's commas,
// into at most n.
func splitArgs(text string, n int) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(text) && len(out) < n-1; i++ {
		switch text[i] {
		case '(', '{':
			depth++
		case ')', '}':
			depth--
		case ',':
			if depth == 0 {
				out = append(out, text[start:i])
				start = i + 1
			}
		}
	}
	return append(out, text[start:])
}

// known reports whether none of texts holds a value archie does not know.
func known(texts ...string) bool {
	for _, t := range texts {
		if strings.Contains(t, "$") {
			return false
		}
	}
	return true
}

// eachWord maps every word of a known text, or gives the call back
// unknown.
func eachWord(text, whole string, f func(w string) string) string {
	if !known(text) {
		return unknownRef(whole)
	}
	words := strings.Fields(text)
	for i, w := range words {
		words[i] = f(w)
	}
	return strings.Join(words, " ")
}

// patsubst replaces each word that matches a pattern (one % at most).
func patsubst(from, to, text string) string {
	pre, suf, wild := strings.Cut(from, "%")
	words := strings.Fields(text)
	for i, w := range words {
		switch {
		case !wild && w == from:
			words[i] = to
		case wild && len(w) >= len(pre)+len(suf) && strings.HasPrefix(w, pre) && strings.HasSuffix(w, suf):
			words[i] = strings.Replace(to, "%", w[len(pre):len(w)-len(suf)], 1)
		}
	}
	return strings.Join(words, " ")
}

// matchPattern reports whether a word matches a pattern, and its stem.
func matchPattern(pattern, w string) (string, bool) {
	pre, suf, wild := strings.Cut(pattern, "%")
	if !wild {
		return "", w == pattern
	}
	if len(w) < len(pre)+len(suf) || !strings.HasPrefix(w, pre) || !strings.HasSuffix(w, suf) {
		return "", false
	}
	return w[len(pre) : len(w)-len(suf)], true
}

// filter keeps (or drops) the words that match any of the patterns.
func filter(patterns, text string, keep bool) string {
	var out []string
	for _, w := range strings.Fields(text) {
		match := slices.ContainsFunc(strings.Fields(patterns), func(p string) bool {
			_, ok := matchPattern(p, w)
			return ok
		})
		if match == keep {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}

// makeFuncs are the functions archie evaluates. Those that read the
// world (shell, file) or that it does not know give an unknown word.
var makeFuncs map[string]func(m *makefile, text, whole string) string

func init() {
	makeFuncs = map[string]func(m *makefile, text, whole string) string{
		"subst": func(m *makefile, text, whole string) string {
			a := m.args(text, 3)
			if !known(a[0], a[1]) || a[0] == "" || len(a[2])+strings.Count(a[2], a[0])*len(a[1]) > maxExpanded {
				return unknownRef(whole)
			}
			return strings.ReplaceAll(a[2], a[0], a[1])
		},
		"patsubst": func(m *makefile, text, whole string) string {
			a := m.args(text, 3)
			if !known(a...) {
				return unknownRef(whole)
			}
			return patsubst(a[0], a[1], a[2])
		},
		"strip": func(m *makefile, text, whole string) string {
			return eachWord(m.expand(text), whole, func(w string) string { return w })
		},
		"findstring": func(m *makefile, text, whole string) string {
			a := m.args(text, 2)
			if !known(a...) {
				return unknownRef(whole)
			}
			if strings.Contains(a[1], a[0]) {
				return a[0]
			}
			return ""
		},
		"filter": func(m *makefile, text, whole string) string {
			a := m.args(text, 2)
			if !known(a...) {
				return unknownRef(whole)
			}
			return filter(a[0], a[1], true)
		},
		"filter-out": func(m *makefile, text, whole string) string {
			a := m.args(text, 2)
			if !known(a...) {
				return unknownRef(whole)
			}
			return filter(a[0], a[1], false)
		},
		"sort": func(m *makefile, text, whole string) string {
			t := m.expand(text)
			if !known(t) {
				return unknownRef(whole)
			}
			words := strings.Fields(t)
			slices.Sort(words)
			return strings.Join(slices.Compact(words), " ")
		},
		"word": func(m *makefile, text, whole string) string {
			a := m.args(text, 2)
			n, err := strconv.Atoi(strings.TrimSpace(a[0]))
			if !known(a...) || err != nil || n < 1 {
				return unknownRef(whole)
			}
			if words := strings.Fields(a[1]); n <= len(words) {
				return words[n-1]
			}
			return ""
		},
		"wordlist": func(m *makefile, text, whole string) string {
			a := m.args(text, 3)
			s, err1 := strconv.Atoi(strings.TrimSpace(a[0]))
			e, err2 := strconv.Atoi(strings.TrimSpace(a[1]))
			if !known(a...) || err1 != nil || err2 != nil || s < 1 {
				return unknownRef(whole)
			}
			words := strings.Fields(a[2])
			e = min(e, len(words))
			if s > e {
				return ""
			}
			return strings.Join(words[s-1:e], " ")
		},
		"words": func(m *makefile, text, whole string) string {
			t := m.expand(text)
			if !known(t) {
				return unknownRef(whole)
			}
			return strconv.Itoa(len(strings.Fields(t)))
		},
		"firstword": func(m *makefile, text, whole string) string {
			t := m.expand(text)
			if !known(t) {
				return unknownRef(whole)
			}
			if words := strings.Fields(t); len(words) > 0 {
				return words[0]
			}
			return ""
		},
		"lastword": func(m *makefile, text, whole string) string {
			t := m.expand(text)
			if !known(t) {
				return unknownRef(whole)
			}
			if words := strings.Fields(t); len(words) > 0 {
				return words[len(words)-1]
			}
			return ""
		},
		"dir": func(m *makefile, text, whole string) string {
			return eachWord(m.expand(text), whole, func(w string) string {
				if i := strings.LastIndexByte(w, '/'); i >= 0 {
					return w[:i+1]
				}
				return "./"
			})
		},
		"notdir": func(m *makefile, text, whole string) string {
			return eachWord(m.expand(text), whole, func(w string) string { return w[strings.LastIndexByte(w, '/')+1:] })
		},
		"basename": func(m *makefile, text, whole string) string {
			return eachWord(m.expand(text), whole, func(w string) string {
				if e := path.Ext(w); e != "" && !strings.Contains(e, "/") {
					return strings.TrimSuffix(w, e)
				}
				return w
			})
		},
		"suffix": func(m *makefile, text, whole string) string {
			return eachWord(m.expand(text), whole, path.Ext)
		},
		"addprefix": func(m *makefile, text, whole string) string {
			a := m.args(text, 2)
			if !known(a[0]) {
				return unknownRef(whole)
			}
			return eachWord(a[1], whole, func(w string) string { return a[0] + w })
		},
		"addsuffix": func(m *makefile, text, whole string) string {
			a := m.args(text, 2)
			if !known(a[0]) {
				return unknownRef(whole)
			}
			return eachWord(a[1], whole, func(w string) string { return w + a[0] })
		},
		"if": func(m *makefile, text, whole string) string {
			a := m.args(text, 3, 1, 2) // only the branch taken is expanded
			cond := strings.TrimSpace(a[0])
			if !known(cond) {
				return unknownRef(whole)
			}
			if cond != "" {
				return m.expand(a[1])
			}
			if len(a) > 2 {
				return m.expand(a[2])
			}
			return ""
		},
		"or": func(m *makefile, text, whole string) string {
			for _, a := range splitArgs(text, 64) { // expanded until one is not empty
				v := strings.TrimSpace(m.expand(a))
				if !known(v) {
					return unknownRef(whole)
				}
				if v != "" {
					return v
				}
			}
			return ""
		},
		"foreach": func(m *makefile, text, whole string) string {
			a := m.args(text, 3, 2) // the body is expanded once per word
			name, list := strings.TrimSpace(a[0]), a[1]
			if !known(name, list) {
				return unknownRef(whole)
			}
			var out []string
			size := 0
			for _, w := range strings.Fields(list) {
				m.locals = append(m.locals, map[string]string{name: w})
				text := m.expand(a[2])
				m.locals = m.locals[:len(m.locals)-1]
				if size += len(text) + 1; size > maxExpanded || m.bytes < 0 {
					return unknownRef(whole)
				}
				out = append(out, text)
			}
			return strings.Join(out, " ")
		},
		"call": func(m *makefile, text, whole string) string {
			a := m.args(text, 64)
			name := strings.TrimSpace(a[0])
			v, ok := m.vars[name]
			if !known(name) || !ok {
				return unknownRef(whole)
			}
			params := map[string]string{"0": name}
			for i, arg := range a[1:] {
				params[strconv.Itoa(i+1)] = arg
			}
			for i := len(a); i < 10; i++ {
				params[strconv.Itoa(i)] = "" // $(3) of a call given two is empty
			}
			m.locals = append(m.locals, params)
			defer func() { m.locals = m.locals[:len(m.locals)-1] }()
			if v.recursive {
				return m.expand(v.text)
			}
			return v.text
		},
		"value": func(m *makefile, text, whole string) string {
			if v, ok := m.vars[strings.TrimSpace(m.expand(text))]; ok {
				return v.text
			}
			return unknownRef(whole)
		},
		"eval": func(m *makefile, text, whole string) string {
			m.eval(m.expand(text))
			return ""
		},
		"wildcard": func(m *makefile, text, whole string) string {
			t := m.expand(text)
			if !known(t) || m.dir == "" || m.root == "" {
				return unknownRef(whole)
			}
			var out []string
			for _, p := range strings.Fields(t) {
				if filepath.IsAbs(p) || strings.HasPrefix(path.Clean(p), "..") {
					return unknownRef(whole) // outside the Makefile's folder
				}
				matches, _ := filepath.Glob(filepath.Join(m.dir, filepath.FromSlash(p)))
				for _, f := range matches {
					// Through a link, a folder outside the repository
					// is not the build's: not listed.
					real, err := filepath.EvalSymlinks(f)
					if err != nil || m.root == "" || !within(filepath.ToSlash(real), filepath.ToSlash(m.root)) {
						return unknownRef(whole)
					}
					if rel, err := filepath.Rel(m.dir, f); err == nil {
						out = append(out, filepath.ToSlash(rel))
					}
				}
			}
			return strings.Join(out, " ")
		},
		"info":    func(*makefile, string, string) string { return "" },
		"warning": func(*makefile, string, string) string { return "" },
		"error":   func(*makefile, string, string) string { return "" },
	}
	for _, name := range []string{"shell", "file", "realpath", "abspath", "origin", "flavor", "guile", "join", "let", "intcmp", "and"} {
		makeFuncs[name] = func(_ *makefile, _, whole string) string { return unknownRef(whole) }
	}
}
