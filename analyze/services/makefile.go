package services

import (
	"bufio"
	"bytes"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
)

// A Dockerfile often builds through make (RUN make argocd-all), and a
// Makefile often names its images through variables (docker build -t
// $(IMAGE_PREFIX)$(IMAGE_REPOSITORY):$(IMAGE_TAG) .). archie reads a
// Makefile's rules and its plain variable assignments, enough to follow a
// target to its go build commands and to read an image's name; it runs
// nothing, and what a variable holds only under a condition stays unknown.

// A makefile is what archie reads of one Makefile.
type makefile struct {
	vars  map[string]string // assigned once, outside any conditional
	rules map[string]*makeRule
	first string // the default target: the first rule's
	// tagsBuild marks a Makefile with a go build or go install that
	// passes build tags somewhere, also in a define … endef body: a
	// target archie cannot follow to its go build may be built with them.
	tagsBuild bool
}

type makeRule struct {
	prereqs []string
	recipe  []string // its command lines, joined where continued
}

var (
	makeTagsBuild = regexp.MustCompile(`\bgo\s+(build|install)\b.*\s-tags[=\s]`)
	makeAssign    = regexp.MustCompile(`^(?:export\s+|override\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*(\?=|:=|::=|\+=|!=|=)\s*(.*)$`)
	makeRef       = regexp.MustCompile(`\$[({]([A-Za-z_][A-Za-z0-9_.-]*)[)}]`)
)

// parseMakefile reads a Makefile's rules and variables. A variable
// assigned more than once, inside a conditional (but for the default
// ifndef NAME gives NAME), or appended to is left unknown.
func parseMakefile(data []byte) *makefile {
	m := &makefile{vars: make(map[string]string), rules: make(map[string]*makeRule)}
	assigned := make(map[string]int)
	var conds []string // the conditionals open: "ifndef NAME" as "NAME", others as ""
	var cur []*makeRule
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	var pending strings.Builder
	inDefine := false // a define … endef body is a variable's text
	for sc.Scan() {
		raw := sc.Text()
		if strings.HasSuffix(raw, "\\") {
			pending.WriteString(strings.TrimSuffix(raw, "\\") + " ")
			continue
		}
		pending.WriteString(raw)
		line := pending.String()
		pending.Reset()
		m.tagsBuild = m.tagsBuild || makeTagsBuild.MatchString(line)
		if f := strings.Fields(line); inDefine {
			inDefine = len(f) == 0 || f[0] != "endef"
			continue
		} else if len(f) > 0 && (f[0] == "define" || len(f) > 1 && f[1] == "define" && (f[0] == "export" || f[0] == "override")) {
			inDefine = true
			continue
		}
		if strings.HasPrefix(line, "\t") {
			if cmd := strings.TrimSpace(line); cmd != "" && !strings.HasPrefix(cmd, "#") {
				for _, r := range cur {
					r.recipe = append(r.recipe, cmd)
				}
			}
			continue
		}
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		kw, arg := t, ""
		if i := strings.IndexAny(t, " \t("); i >= 0 {
			kw, arg = t[:i], t[i:]
		}
		switch kw {
		case "ifdef", "ifeq", "ifneq":
			conds = append(conds, "")
			continue
		case "ifndef":
			conds = append(conds, strings.TrimSpace(arg))
			continue
		case "endif":
			if len(conds) > 0 {
				conds = conds[:len(conds)-1]
			}
			continue
		case "else", "endef", "include", "-include", "sinclude", "export", "unexport", "vpath":
			if kw != "export" || !strings.Contains(t, "=") {
				continue
			}
		}
		if a := makeAssign.FindStringSubmatch(t); a != nil {
			cur = nil
			name, op, val := a[1], a[2], strings.TrimSpace(a[3])
			assigned[name]++
			// ifndef NAME / NAME = default / endif is NAME ?= default.
			conditional := len(conds) > 1 || len(conds) == 1 && conds[0] != name
			if conditional || op == "+=" || op == "!=" || assigned[name] > 1 {
				delete(m.vars, name)
				assigned[name] = 2
				continue
			}
			m.vars[name] = val
			continue
		}
		targets, rest, ok := strings.Cut(t, ":")
		if !ok || strings.ContainsAny(targets, "=%") {
			cur = nil
			continue
		}
		rest = strings.TrimPrefix(rest, ":")
		prereqs, inline, _ := strings.Cut(rest, ";")
		cur = nil
		if strings.Contains(prereqs, "=") {
			continue // foo: VAR = x sets a variable for foo alone
		}
		for _, name := range strings.Fields(targets) {
			if strings.HasPrefix(name, ".") {
				continue // .PHONY and the like
			}
			if m.first == "" {
				m.first = name
			}
			r := m.rules[name]
			if r == nil {
				r = &makeRule{}
				m.rules[name] = r
			}
			r.prereqs = append(r.prereqs, strings.Fields(prereqs)...)
			if c := strings.TrimSpace(inline); c != "" {
				r.recipe = append(r.recipe, c)
			}
			cur = append(cur, r)
		}
	}
	return m
}

// expand replaces the variables of s that the Makefile assigns plainly,
// as often as they nest; the others stay as written.
// A value that refers to itself (X = $(X)$(X)) stays as written past a
// bound: make itself refuses it.
func (m *makefile) expand(s string) string {
	for range 8 {
		next := makeRef.ReplaceAllStringFunc(s, func(ref string) string {
			if v, ok := m.vars[ref[2:len(ref)-1]]; ok {
				return v
			}
			return ref
		})
		if next == s || len(next) > maxExpanded {
			break
		}
		s = next
	}
	return s
}

// maxExpanded bounds a line's expansion.
const maxExpanded = 16 << 10

// commands returns the shell commands a target runs: its prerequisites'
// first, then its recipe's, following make's own calls ($(MAKE) other),
// each line's variables expanded where known.
func (m *makefile) commands(target string) [][]string {
	var out [][]string
	seen := make(map[string]bool)
	var visit func(t string, depth int)
	visit = func(t string, depth int) {
		if t == "" {
			t = m.first
		}
		r := m.rules[t]
		if r == nil || seen[t] || depth > 4 {
			return
		}
		seen[t] = true
		for _, p := range r.prereqs {
			visit(p, depth+1)
		}
		for _, line := range r.recipe {
			for _, cmd := range shellCommands(strings.TrimLeft(m.expand(line), "@-+")) {
				if targets, ok := makeTargets(cmd); ok {
					for _, t := range targets {
						visit(t, depth+1)
					}
					continue
				}
				out = append(out, cmd)
			}
		}
	}
	visit(target, 0)
	return out
}

// makeTargets returns the targets a make command builds (the default,
// "", when it names none), when the command is make's: make, gmake,
// $(MAKE), after any VAR=value words. A command that changes folder or
// file (-C, -f) is another Makefile's, which archie does not follow.
func makeTargets(cmd []string) ([]string, bool) {
	for len(cmd) > 0 && strings.Contains(cmd[0], "=") && !strings.HasPrefix(cmd[0], "-") {
		cmd = cmd[1:]
	}
	if len(cmd) == 0 {
		return nil, false
	}
	switch name := path.Base(cmd[0]); name {
	case "make", "gmake", "$(MAKE)", "${MAKE}":
	default:
		return nil, false
	}
	var targets []string
	for _, w := range cmd[1:] {
		switch {
		case w == "-C" || w == "-f" || w == "--file" || w == "--directory" || strings.HasPrefix(w, "-C") || strings.HasPrefix(w, "--directory=") || strings.HasPrefix(w, "--file="):
			return nil, true
		case strings.HasPrefix(w, "-") || strings.Contains(w, "="):
		default:
			targets = append(targets, w)
		}
	}
	if len(targets) == 0 {
		targets = []string{""}
	}
	return targets, true
}

// makefileIn reads the Makefile of a folder, if it has one, once.
func (d *deployment) makefileIn(dir string) *makefile {
	if mk, ok := d.makefiles[dir]; ok {
		return mk
	}
	var mk *makefile
	for _, name := range []string{"GNUmakefile", "makefile", "Makefile"} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err == nil && len(data) <= 4<<20 {
			mk = parseMakefile(data)
			break
		}
	}
	if d.makefiles == nil {
		d.makefiles = make(map[string]*makefile)
	}
	d.makefiles[dir] = mk
	return mk
}
