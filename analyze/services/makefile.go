package services

import (
	"cmp"
	"maps"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// A Dockerfile often builds through make (RUN make argocd-all, RUN make
// $SVC), and a Makefile often names its images through variables (docker
// build -t $(IMAGE_PREFIX)$(IMAGE_REPOSITORY):$(IMAGE_TAG) .) or builds
// them through a define it calls for each target ($(DOCKERS): $(call
// make_docker,$(@))). archie reads a Makefile as make does, enough to
// follow a target to its go build and docker build commands: variables
// of every flavour, conditionals, define, $(call), $(eval), $(foreach),
// the text functions, pattern rules and targets a variable names. It runs
// nothing: what a $(shell …) prints, or a variable the environment may
// set where archie does not know the environment, stays unknown.

// A makefile is what archie reads of one Makefile, in one environment.
type makefile struct {
	vars     map[string]makeVar
	rules    map[string]*makeRule
	patterns []*makeRule // rules of a target with a %, in the order read
	first    string      // the default target: the first rule's
	// exported are the variables an export directive passes to its
	// recipes' environment (all, after a bare export); unexported those
	// an unexport keeps from it.
	exported, unexported map[string]bool
	exportAll            bool
	// tagsBuild marks a Makefile with a go build or go install that
	// passes build tags somewhere, also in a define … endef body: a
	// target archie cannot follow to its go build may be built with them.
	tagsBuild bool
	// env is the environment make runs in, nil when archie does not
	// know it (a developer's shell, a CI job): then a variable the
	// Makefile does not set is not known, but for the defaults the
	// Makefile gives it (?=, ifndef NAME, ifeq ($(NAME),)).
	env *makeEnv
	// dir is the Makefile's folder, for include and $(wildcard); partial
	// says an include archie could not read may set any variable.
	dir     string
	partial bool
	// root bounds the files it reads (includes, $(wildcard)): the
	// repository's folder; src is its text, for a sub-make read again
	// with the variables its command line sets.
	root     string
	src      string
	included map[string]bool
	// outer are the conditionals around the line being read, for the
	// text an include or an $(eval …) there reads.
	outer  []makeCond
	locals []map[string]string // a call's $(1), a foreach's word, a rule's $@
	depth  int                 // references being expanded, nested
	budget int                 // references left to expand
	bytes  int                 // bytes left to expand, include and eval
	evals  int                 // $(eval …) nested
	// expanding are the recursive variables being expanded.
	expanding map[string]bool
}

// A makeEnv is the environment archie knows make runs in: a Dockerfile's
// RUN make sees its ARG and ENV variables and no others.
type makeEnv struct {
	vars  map[string]string // "$" in a value: set, to what is not known
	goals []string          // the targets make is asked for
	// args are the variables its command line sets (make VAR=value),
	// over the Makefile's own.
	args map[string]string
	// open says the environment is not known, but for args, goals and
	// vars (a sub-make of a Makefile read in a developer's shell, given
	// GOFLAGS=… $(MAKE) build).
	open bool
}

// set reports whether the environment sets a variable, to a value
// archie may not know.
func (e *makeEnv) set(name string) bool {
	if e == nil {
		return false
	}
	_, ok := e.vars[name]
	return ok
}

// key identifies an environment, for the Makefiles read in it.
func (e *makeEnv) key() string {
	if e == nil {
		return ""
	}
	var b strings.Builder
	for _, k := range slices.Sorted(maps.Keys(e.vars)) {
		b.WriteString(k + "=" + e.vars[k] + "\x00")
	}
	b.WriteString("\x03")
	for _, k := range slices.Sorted(maps.Keys(e.args)) {
		b.WriteString(k + "=" + e.args[k] + "\x00")
	}
	return b.String() + "\x01" + strings.Join(e.goals, "\x00") + strconv.FormatBool(e.open)
}

// A makeVar is a variable's value: its text as written, expanded where
// it is used (recursive, =), or expanded when assigned (simple, :=).
type makeVar struct {
	text      string
	recursive bool
}

type makeRule struct {
	target  string // the pattern, for a rule of a target with a %
	stem    string // a static pattern rule's, for its target
	prereqs []string
	recipe  []recipeLine
	vars    []string // target-specific assignments: foo: VAR = x
	// again says a later rule line of the target is read: a recipe it
	// brings overrides the one before, as in make.
	again bool
}

// A recipeLine is a command line of a rule; unsure says a conditional
// archie could not evaluate holds it (its branches are all kept).
type recipeLine struct {
	text   string
	unsure bool
}

var (
	// A go build (or $(GO) build) that passes -tags, or flags a variable
	// holds ($(BUILD_FLAGS), $(GOTAGS)).
	makeTagsBuild = regexp.MustCompile(`(?:\bgo|\$[({]GO[A-Z_]*[)}])\s+(?:build|install)\b.*(?:\s-tags[=\s]|\$[({][A-Z_]*(?:FLAGS|TAGS|ARGS|OPTS)[A-Z_]*[)}])`)
	makeAssign    = regexp.MustCompile(`^((?:(?:export|override|private)\s+)*)([^\s:#=?!+]+)\s*(\?=|:=|::=|:::=|\+=|!=|=)\s*(.*)$`)
)

// parseMakefile reads a Makefile whose folder and environment archie does
// not know.
func parseMakefile(data []byte) *makefile {
	return readMakefile("", "", data, nil)
}

// readMakefile reads a Makefile of the folder dir ("" when not known),
// below root, made in env (nil when not known): its variables as they
// stand at its end, and its rules, their targets and prerequisites
// expanded as read.
func readMakefile(root, dir string, data []byte, env *makeEnv) *makefile {
	m := &makefile{vars: make(map[string]makeVar), rules: make(map[string]*makeRule), env: env, dir: dir, root: root,
		src: string(data), budget: makeBudget, bytes: makeBytes}
	if env != nil {
		for k, v := range env.args {
			if strings.Contains(v, "$") {
				v = "$(" + k + ")"
			}
			m.vars[k] = makeVar{text: v}
		}
	}
	m.read(string(data), 0)
	return m
}

// A makeCond is one conditional being read: whether the branch being read
// holds (condTrue, condFalse) or archie cannot tell (condUnknown).
type makeCond struct {
	state int
	// taken says an earlier branch held; unsure that one might have.
	taken, unsure bool
	// defaultFor is the variable an unknown condition tests for being
	// empty (ifndef NAME, ifeq ($(NAME),)); emptyBranch says the branch
	// being read is the one where it is: its assignment to NAME is the
	// Makefile's default, as NAME ?= would be.
	defaultFor  string
	emptyBranch bool
}

const (
	condTrue = iota
	condFalse
	condUnknown
)

// isCond reports whether a directive opens a conditional.
func isCond(kw string) bool {
	return kw == "ifdef" || kw == "ifndef" || kw == "ifeq" || kw == "ifneq"
}

// read reads Makefile text: the file's own, an include's, an eval's, the
// last two inside the conditionals around them.
func (m *makefile) read(text string, depth int) {
	conds := slices.Clone(m.outer)
	var cur []*makeRule
	var define *strings.Builder // the body of a define being read
	var defineName, defineOp string
	defineDepth := 0
	var pending strings.Builder
	lines := strings.Split(text, "\n")
	for n, raw := range lines {
		raw = strings.TrimSuffix(raw, "\r")
		if define != nil {
			if f := strings.Fields(raw); len(f) > 0 && f[0] == "endef" {
				if defineDepth--; defineDepth == 0 {
					if active(conds) != condFalse {
						m.assign(defineName, defineOp, strings.TrimSuffix(define.String(), "\n"), conds, false)
					}
					define = nil
					continue
				}
			} else if len(f) > 0 && f[0] == "define" {
				defineDepth++
			}
			m.tagsBuild = m.tagsBuild || makeTagsBuild.MatchString(raw)
			define.WriteString(raw + "\n")
			continue
		}
		if strings.HasSuffix(raw, "\\") && n < len(lines)-1 {
			pending.WriteString(strings.TrimSuffix(raw, "\\") + " ")
			continue
		}
		pending.WriteString(raw)
		line := pending.String()
		pending.Reset()
		m.tagsBuild = m.tagsBuild || makeTagsBuild.MatchString(line)
		if strings.HasPrefix(line, "\t") && len(cur) > 0 {
			if cmd := strings.TrimSpace(line); cmd != "" && !strings.HasPrefix(cmd, "#") && active(conds) != condFalse {
				for _, r := range cur {
					if r.again {
						r.recipe, r.again = nil, false
					}
					r.recipe = append(r.recipe, recipeLine{cmd, active(conds) == condUnknown})
				}
			}
			continue
		}
		t := strings.TrimSpace(stripComment(line))
		if t == "" {
			continue
		}
		kw, arg := directive(t)
		switch kw {
		case "ifdef", "ifndef", "ifeq", "ifneq":
			c := makeCond{state: condFalse, taken: true} // inside a branch not read, none holds
			if active(conds) != condFalse {
				c = makeCond{}
				c.state, c.defaultFor, c.emptyBranch = m.condition(kw, arg)
			}
			conds = append(conds, c)
			continue
		case "else":
			if len(conds) > 0 {
				m.orElse(&conds[len(conds)-1], arg)
			}
			continue
		case "endif":
			if len(conds) > 0 {
				conds = conds[:len(conds)-1]
			}
			continue
		case "define", "export", "override":
			if kw != "define" {
				if k, a := directive(arg); k == "define" {
					arg = a
				} else if strings.Contains(t, "=") {
					break // export NAME = value: an assignment
				} else {
					if kw == "export" && active(conds) != condFalse {
						m.export(arg, true) // export NAME: no value
					}
					continue
				}
			}
			define, defineDepth = &strings.Builder{}, 1
			name, op, _ := strings.Cut(arg, " ")
			defineName, defineOp = strings.TrimSpace(name), cmp.Or(strings.TrimSpace(op), "=")
			cur = nil
			continue
		case "include", "-include", "sinclude":
			if active(conds) != condFalse {
				m.outer = conds
				m.include(arg, kw == "include", depth)
				m.outer = nil
			}
			continue
		case "undefine":
			if active(conds) != condFalse {
				if name := strings.TrimSpace(m.expand(strings.TrimPrefix(strings.TrimPrefix(arg, "override "), "override\t"))); active(conds) == condTrue {
					delete(m.vars, name)
				} else {
					m.vars[name] = makeVar{text: "$(" + name + ")"}
				}
			}
			continue
		case "unexport":
			if active(conds) != condFalse {
				m.export(arg, false)
			}
			continue
		case "vpath", "endef":
			continue
		}
		if active(conds) == condFalse {
			cur = nil
			continue
		}
		colon := ruleColon(t)
		if a := makeAssign.FindStringSubmatch(t); a != nil && colon < 0 {
			cur = nil
			name := m.expand(a[2])
			m.assign(name, a[3], a[4], conds, strings.Contains(a[1], "override"))
			if strings.Contains(a[1], "export") {
				m.export(name, true)
			}
			continue
		}
		if colon < 0 {
			cur = nil
			if strings.HasPrefix(t, "$") {
				m.outer = conds
				m.expand(t) // $(eval …), $(foreach …,$(eval …)) at the top
				m.outer = nil
			}
			continue
		}
		cur = m.rule(t, colon, conds)
	}
}

// export reads an export (on) or unexport directive's variables; one
// without any exports them all.
func (m *makefile) export(names string, on bool) {
	if strings.TrimSpace(names) == "" {
		m.exportAll = on
		return
	}
	if m.exported == nil {
		m.exported, m.unexported = make(map[string]bool), make(map[string]bool)
	}
	for _, n := range strings.Fields(m.expand(names)) {
		m.exported[n], m.unexported[n] = on, !on
	}
}

// exports reports whether make passes a variable to its recipes: one the
// Makefile exports, or that came from its environment or command line.
func (m *makefile) exports(name string) bool {
	switch {
	case m.unexported[name]:
		return false
	case m.exported[name] || m.exportAll:
		return true
	case m.env == nil:
		return false
	}
	_, arg := m.env.args[name]
	return arg || m.env.set(name)
}

// directive splits a line's first word from the rest.
func directive(t string) (kw, arg string) {
	if i := strings.IndexAny(t, " \t("); i >= 0 {
		return t[:i], strings.TrimSpace(t[i:])
	}
	return t, ""
}

// orElse moves a conditional to its next branch: else, or else ifeq ….
func (m *makefile) orElse(c *makeCond, arg string) {
	c.taken = c.taken || c.state == condTrue
	c.unsure = c.unsure || c.state == condUnknown
	kw, rest := directive(arg)
	switch {
	case c.taken:
		c.state, c.defaultFor = condFalse, ""
	case isCond(kw):
		c.state, c.defaultFor, c.emptyBranch = m.condition(kw, rest)
		if c.unsure && c.state == condTrue {
			c.state, c.defaultFor = condUnknown, ""
		}
	case c.unsure:
		c.state, c.emptyBranch = condUnknown, !c.emptyBranch
	default:
		c.state = condTrue
	}
}

// rule reads a rule's line: its targets and prerequisites, expanded now,
// and an inline recipe. It returns the rules its recipe lines go to: a
// rule archie does not keep (.PHONY, a name it cannot know) still takes
// them, so that they are not read as the Makefile's own lines.
func (m *makefile) rule(t string, colon int, conds []makeCond) []*makeRule {
	skip := []*makeRule{{}}
	targets := m.expand(t[:colon])
	if strings.TrimSpace(targets) == ".EXPORT_ALL_VARIABLES" && active(conds) != condFalse {
		m.exportAll = true // as a bare export does
	}
	rest := strings.TrimLeft(t[colon+1:], ":")
	prereqs, inline, _ := strings.Cut(rest, ";")
	if strings.Contains(prereqs, "=") {
		// foo: VAR = x sets a variable for foo and what it makes.
		if active(conds) == condUnknown {
			return skip
		}
		for _, name := range strings.Fields(targets) {
			if r := m.ruleNamed(name); r != nil {
				r.vars = append(r.vars, strings.TrimSpace(prereqs))
			}
		}
		return skip
	}
	pattern := ""
	if p, static, ok := strings.Cut(prereqs, ":"); ok {
		pattern, prereqs = strings.TrimSpace(m.expand(p)), static // targets: %.o: %.c
	}
	pre := strings.Fields(m.expand(prereqs))
	var cur []*makeRule
	for _, name := range strings.Fields(targets) {
		r := m.ruleNamed(name)
		if r == nil {
			continue
		}
		if pattern != "" {
			if stem, ok := matchPattern(pattern, name); ok {
				r.stem = stem
			}
		}
		r.prereqs = append(r.prereqs, pre...)
		r.again = len(r.recipe) > 0
		if c := strings.TrimSpace(inline); c != "" {
			if r.again {
				r.recipe, r.again = nil, false
			}
			r.recipe = append(r.recipe, recipeLine{c, active(conds) == condUnknown})
		}
		cur = append(cur, r)
	}
	if len(cur) == 0 {
		return skip
	}
	return cur
}

// ruleNamed returns the rule of a target, made when it is new: nil for
// one archie does not keep (.PHONY and the like, a name it cannot know).
func (m *makefile) ruleNamed(name string) *makeRule {
	if strings.HasPrefix(name, ".") && !strings.HasPrefix(name, "./") || strings.Contains(name, "$") {
		return nil
	}
	if strings.Contains(name, "%") {
		r := &makeRule{target: name}
		m.patterns = append(m.patterns, r)
		return r
	}
	if m.first == "" {
		m.first = name
	}
	r := m.rules[name]
	if r == nil {
		r = &makeRule{target: name}
		m.rules[name] = r
	}
	return r
}

// stripComment cuts a line's comment: from a # no backslash escapes.
func stripComment(line string) string {
	for i := 0; i < len(line); i++ {
		if line[i] == '#' && (i == 0 || line[i-1] != '\\') {
			return line[:i]
		}
	}
	return line
}

// ruleColon returns the index of a rule line's colon, outside variable
// references, or -1 for a line with none before an assignment's =.
func ruleColon(t string) int {
	depth := 0
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '(', '{':
			depth++
		case ')', '}':
			depth--
		case '=':
			if depth == 0 {
				return -1
			}
		case ':':
			if depth == 0 {
				if strings.HasPrefix(t[i:], ":=") || strings.HasPrefix(t[i:], "::=") || strings.HasPrefix(t[i:], ":::=") {
					return -1
				}
				return i
			}
		}
	}
	return -1
}

// active returns whether the lines being read are made: condFalse when
// a conditional around them does not hold, condUnknown when archie
// cannot tell.
func active(conds []makeCond) int {
	state := condTrue
	for _, c := range conds {
		if c.state == condFalse {
			return condFalse
		}
		if c.state == condUnknown {
			state = condUnknown
		}
	}
	return state
}

// condition evaluates a conditional's test. One archie cannot evaluate
// because it reads a variable the Makefile does not set may still give
// that variable a default: defaultFor names it, and empty says whether
// the branch that follows is the one where it is empty.
func (m *makefile) condition(kw, arg string) (state int, defaultFor string, empty bool) {
	if kw == "ifdef" || kw == "ifndef" {
		name := strings.TrimSpace(m.expand(arg))
		var value string
		if v, ok := m.vars[name]; ok {
			value = v.text // ifdef tests the value as written
		} else if v, ok := m.envValue(name); ok {
			value = v
		} else if m.env.set(name) || m.partial {
			return condUnknown, "", false // set, to what archie does not know
		} else {
			return condUnknown, name, kw == "ifndef"
		}
		if value == "$("+name+")" {
			return condUnknown, "", false // set, to what archie does not know
		}
		return truth((value != "") == (kw == "ifdef")), "", false
	}
	a, b, ok := condArgs(arg)
	if !ok {
		return condUnknown, "", false
	}
	x, y := strings.TrimSpace(m.expand(a)), strings.TrimSpace(m.expand(b))
	if !known(x, y) {
		// ifeq ($(NAME),): NAME empty is the true branch; for ifneq,
		// the else.
		for _, p := range [][2]string{{a, y}, {b, x}} {
			if name, ok := plainRef(p[0]); ok && p[1] == "" {
				if _, set := m.vars[name]; !set && !m.env.set(name) && !m.partial {
					return condUnknown, name, kw == "ifeq"
				}
			}
		}
		return condUnknown, "", false
	}
	return truth((x == y) == (kw == "ifeq")), "", false
}

func truth(b bool) int {
	if b {
		return condTrue
	}
	return condFalse
}

// plainRef returns NAME of a text that is just $(NAME) or ${NAME}.
func plainRef(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if len(s) < 4 || s[0] != '$' || closing(s, 1) != len(s)-1 {
		return "", false
	}
	name := s[2 : len(s)-1]
	return name, !strings.ContainsAny(name, "$ \t:,(){}")
}

// condArgs splits ifeq's two arguments: (a,b), "a" "b" or 'a' 'b'.
func condArgs(arg string) (string, string, bool) {
	arg = strings.TrimSpace(arg)
	if strings.HasPrefix(arg, "(") && closing(arg, 0) == len(arg)-1 {
		if a := splitArgs(arg[1:len(arg)-1], 2); len(a) == 2 {
			return a[0], a[1], true
		}
		return "", "", false
	}
	if words := quotedWords(arg); len(words) == 2 {
		return strings.Trim(words[0], `"'`), strings.Trim(words[1], `"'`), true
	}
	return "", "", false
}

// assign sets a variable as an assignment under conds does. Under a
// condition archie cannot evaluate, the variable is not known, but for
// the default of the variable the condition tests.
func (m *makefile) assign(name, op, value string, conds []makeCond, override bool) {
	if name == "" || strings.ContainsAny(name, "$ \t") {
		return
	}
	if m.env != nil && !override {
		if _, ok := m.env.args[name]; ok {
			return // make VAR=value: the command line's stands
		}
	}
	if active(conds) == condUnknown {
		isDefault, isOverride := true, true
		for _, c := range conds {
			if c.state == condUnknown {
				isDefault = isDefault && c.defaultFor == name && c.emptyBranch
				isOverride = isOverride && c.defaultFor == name && !c.emptyBranch
			}
		}
		switch {
		case isOverride:
			return // ifneq ($(NAME),) NAME := $(NAME): the environment's, kept
		case !isDefault:
			m.vars[name] = makeVar{text: "$(" + name + ")"}
			return
		}
	}
	switch op {
	case "?=":
		if _, ok := m.vars[name]; ok {
			return
		}
		if m.env.set(name) {
			return // the environment's value stands
		}
		if m.partial {
			m.vars[name] = makeVar{text: "$(" + name + ")"} // an include archie could not read may set it
			return
		}
		m.vars[name] = makeVar{text: value, recursive: true}
	case ":=", "::=":
		m.vars[name] = makeVar{text: m.expand(value)}
	case ":::=":
		m.vars[name] = makeVar{text: strings.ReplaceAll(m.expand(value), "$", "$$"), recursive: true}
	case "+=":
		v, ok := m.vars[name]
		if !ok {
			v = makeVar{recursive: true}
			if ev, known := m.envValue(name); known && ev != "" {
				v.text = strings.ReplaceAll(ev, "$", "$$")
			} else if !known && (m.env.set(name) || m.partial) {
				v = makeVar{text: "$(" + name + ")"} // added to a value archie does not know
				if value != "" {
					v.text += " " + m.expand(value)
				}
				m.vars[name] = v
				return
			}
		} else if !v.recursive {
			value = m.expand(value)
		}
		if v.text != "" && value != "" {
			v.text += " "
		}
		v.text += value
		m.vars[name] = v
	case "!=":
		m.vars[name] = makeVar{text: "$(" + name + ")"} // a shell's output
	default:
		m.vars[name] = makeVar{text: value, recursive: true}
	}
}

// include reads the Makefiles an include names, below the repository's
// folder, each once. One archie cannot find or read may set any variable:
// those set so far, and the defaults given after it, are not known.
func (m *makefile) include(arg string, required bool, depth int) {
	names := m.expand(arg)
	unread := func() {
		if !required || m.partial {
			m.partial = m.partial || required
			return
		}
		m.partial = true
		for name := range m.vars {
			m.vars[name] = makeVar{text: "$(" + name + ")"}
		}
	}
	if m.dir == "" || m.root == "" || !known(names) || depth > 3 {
		unread()
		return
	}
	for _, name := range strings.Fields(names) {
		file := filepath.Join(m.dir, filepath.FromSlash(name))
		if filepath.IsAbs(name) {
			file = filepath.FromSlash(name)
		}
		if m.included == nil {
			m.included = make(map[string]bool)
		}
		if m.included[file] {
			continue // read once: a Makefile including itself ends
		}
		m.included[file] = true
		data, ok := readLimited(m.root, file, 4<<20)
		if !ok {
			unread()
			continue
		}
		if m.bytes -= len(data); m.bytes < 0 {
			unread()
			return
		}
		m.read(string(data), depth+1)
	}
}

// eval reads the text an $(eval …) makes as Makefile lines.
func (m *makefile) eval(text string) {
	if m.evals > 8 {
		return
	}
	m.evals++
	defer func() { m.evals-- }()
	if m.bytes -= len(text); m.bytes < 0 {
		return
	}
	m.read(text, 4)
}

// ruleFor returns the rule that makes a target, with the stem $* is: its
// own when it has a recipe (a static pattern rule's stem), else the
// pattern rule of the shortest stem, as make chooses.
func (m *makefile) ruleFor(target string) (*makeRule, string) {
	if r := m.rules[target]; r != nil && len(r.recipe) > 0 {
		return r, r.stem
	}
	var best *makeRule
	bestStem := ""
	for _, p := range m.patterns {
		if stem, ok := matchPattern(p.target, target); ok && len(p.recipe) > 0 && (best == nil || len(stem) < len(bestStem)) {
			best, bestStem = p, stem
		}
	}
	if best != nil {
		return best, bestStem
	}
	return m.rules[target], ""
}

// recipe expands a rule's command lines for a target, each shell line of
// what they expand to apart (a $(call) of a define makes several), with
// the target-specific variables of it and of the targets that made it
// (inherited). unsure says a line is one of branches archie could not
// choose between; goflags is the GOFLAGS make passes the lines, when
// passed says it passes one (export GOFLAGS, or foo: export GOFLAGS = …).
func (m *makefile) recipe(r *makeRule, target, stem string, inherited []string) (lines []string, unsure bool, goflags string, passed bool) {
	prereqs := slices.Clone(r.prereqs)
	if stem != "" {
		for i, p := range prereqs {
			prereqs[i] = strings.Replace(p, "%", stem, 1)
		}
	}
	auto := map[string]string{"@": target, "*": stem, "^": strings.Join(prereqs, " "), "+": strings.Join(prereqs, " "),
		"@D": path.Dir(target), "@F": path.Base(target), "<": ""}
	if len(prereqs) > 0 {
		auto["<"] = prereqs[0]
	}
	m.locals = append(m.locals, auto)
	defer func() { m.locals = m.locals[:len(m.locals)-1] }()
	// foo: VAR = x, in order, over the Makefile's: a call's local, as
	// the rule's own variables are.
	own := make(map[string]string)
	passed = m.exports("GOFLAGS")
	for _, a := range append(slices.Clip(inherited), r.vars...) {
		if v := makeAssign.FindStringSubmatch(a); v != nil {
			name, op, value := m.expand(v[2]), v[3], v[4]
			if name == "GOFLAGS" && strings.Contains(v[1], "export") {
				passed = true
			}
			switch op {
			case "+=":
				prev, ok := own[name]
				if !ok {
					prev = m.value(name, "$("+name+")")
				}
				own[name] = strings.TrimSpace(prev + " " + m.expand(value))
			case "?=":
				if _, ok := own[name]; !ok {
					if _, set := m.vars[name]; !set && !m.env.set(name) {
						own[name] = m.expand(value)
					}
				}
			case "!=":
				own[name] = "$(" + name + ")"
			default:
				own[name] = m.expand(value)
			}
		}
	}
	if len(own) > 0 {
		m.locals = append(m.locals, own)
		defer func() { m.locals = m.locals[:len(m.locals)-1] }()
	}
	if passed {
		goflags = m.expand("$(GOFLAGS)")
	}
	for _, line := range r.recipe {
		text := strings.ReplaceAll(m.expand(line.text), "\\\n", " ")
		for _, l := range strings.Split(text, "\n") {
			if l = strings.TrimLeft(strings.TrimSpace(shellComment(l)), "@-+"); l != "" {
				lines = append(lines, l)
				unsure = unsure || line.unsure
			}
		}
	}
	return lines, unsure, goflags, passed
}

// shellComment cuts a shell line's comment: from a # that starts a word,
// outside quotes.
func shellComment(l string) string {
	var quote byte
	for i := 0; i < len(l); i++ {
		switch c := l[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '#' && (i == 0 || l[i-1] == ' ' || l[i-1] == '\t'):
			return l[:i]
		}
	}
	return l
}

// goal returns the target make builds when asked for t: the default goal
// for none.
func (m *makefile) goal(t string) string {
	if t != "" {
		return t
	}
	if v, ok := m.vars[".DEFAULT_GOAL"]; ok {
		if g := strings.TrimSpace(m.expand(v.text)); g != "" && !strings.Contains(g, "$") {
			return g
		}
	}
	return m.first
}

// commands returns the shell commands a target runs: its prerequisites'
// first, then its recipe's, following make's own calls ($(MAKE) other,
// read again with the variables that call sets). unsure says some come
// from branches archie could not choose between.
func (m *makefile) commands(target string) (out [][]string, unsure bool) {
	seen := make(map[string]bool)
	var visit func(t string, inherited []string, depth int)
	visit = func(t string, inherited []string, depth int) {
		t = m.goal(t)
		r, stem := m.ruleFor(t)
		if r == nil || seen[t] || depth > 4 {
			return
		}
		seen[t] = true
		vars := append(slices.Clip(inherited), r.vars...)
		for _, p := range r.prereqs {
			if stem != "" {
				p = strings.Replace(p, "%", stem, 1)
			}
			visit(p, vars, depth+1)
		}
		lines, u, goflags, passed := m.recipe(r, t, stem, inherited)
		unsure = unsure || u
		for _, line := range lines {
			for _, cmd := range shellCommands(line) {
				targets, ok := makeTargets(cmd)
				if !ok {
					if passed && isGoBuild(cmd) {
						// go reads the GOFLAGS make passes it.
						cmd = append([]string{"GOFLAGS=" + goflags}, cmd...)
					}
					out = append(out, cmd)
					continue
				}
				if sub := m.subMake(cmd, targets); sub != nil {
					// $(MAKE) build TAGS=pg: the Makefile as that
					// call sets it.
					for _, t := range targets {
						c, u := sub.commands(t)
						out, unsure = append(out, c...), unsure || u
					}
					continue
				}
				for _, t := range targets {
					visit(t, nil, depth+1)
				}
			}
		}
	}
	visit(target, nil, 0)
	return out, unsure
}

// subMake returns the Makefile a make call of its recipe reads, when that
// call sets variables (make build TAGS=pg) or the Makefile reads the
// goals it is asked for; nil when it reads as this one.
func (m *makefile) subMake(cmd, targets []string) *makefile {
	// GOFLAGS=-tags=pg $(MAKE) build: the sub-make's environment.
	prefix, call := leadingAssigns(cmd)
	args := make(map[string]string)
	for _, w := range call[min(1, len(call)):] {
		if k, v, ok := strings.Cut(w, "="); ok && !strings.HasPrefix(w, "-") {
			args[k] = v
		}
	}
	if len(args) == 0 && len(prefix) == 0 && !strings.Contains(m.src, "MAKECMDGOALS") || m.src == "" || m.evals > 0 {
		return nil
	}
	env := &makeEnv{args: args, goals: slices.DeleteFunc(slices.Clone(targets), func(t string) bool { return t == "" })}
	if m.env != nil {
		env.vars = m.env.vars
	}
	if len(prefix) > 0 {
		env.vars = maps.Clone(env.vars)
		if env.vars == nil {
			env.vars = make(map[string]string)
		}
		for _, a := range prefix {
			k, v, _ := strings.Cut(a, "=")
			if v = strings.Trim(v, `"'`); strings.Contains(v, "$") {
				v = "$"
			}
			env.vars[k] = v
		}
	}
	if m.env != nil {
		for k, v := range m.env.args {
			if _, ok := env.args[k]; !ok {
				env.args[k] = v // passed down, as MAKEFLAGS does
			}
		}
	}
	env.open = m.env == nil || m.env.open
	sub := readMakefile(m.root, m.dir, []byte(m.src), env)
	sub.evals = 1 // its own calls read as it does: the depth stays bounded
	return sub
}

// recipes returns the command lines of every rule the Makefile has for a
// target of its own or one a rule names as a prerequisite (a pattern
// rule's: build-%-image for each of $(IMAGES)), each expanded for its
// target.
func (m *makefile) recipes() []string {
	targets := make(map[string]bool)
	for t, r := range m.rules {
		targets[t] = true
		for _, p := range r.prereqs {
			if !strings.ContainsAny(p, "%$") {
				targets[p] = true
			}
		}
	}
	var out []string
	for _, t := range slices.Sorted(maps.Keys(targets)) {
		if r, stem := m.ruleFor(t); r != nil {
			lines, _, _, _ := m.recipe(r, t, stem, nil)
			out = append(out, lines...)
		}
	}
	return out
}

// makeTargets returns the targets a make command builds (the default,
// "", when it names none), when the command is make's: make, gmake,
// $(MAKE), after any VAR=value words. A command that changes folder or
// file (-C, -f) is another Makefile's, which it does not follow: no
// targets.
func makeTargets(cmd []string) ([]string, bool) {
	targets, dir, files, ok := makeCall(cmd)
	if dir != "" || len(files) > 0 {
		return nil, ok
	}
	return targets, ok
}

// makeCall reads a make command: its targets (the default, "", when it
// names none), the folder -C makes it run in, the Makefiles -f names in
// place of the folder's, and whether it is make's at all.
func makeCall(cmd []string) (targets []string, dir string, files []string, ok bool) {
	_, cmd = leadingAssigns(cmd) // env GOFLAGS=… $(MAKE) build
	if len(cmd) == 0 {
		return nil, "", nil, false
	}
	switch name := path.Base(cmd[0]); name {
	case "make", "gmake", "$(MAKE)", "${MAKE}":
	default:
		return nil, "", nil, false
	}
	for i := 1; i < len(cmd); i++ {
		switch w := cmd[i]; {
		case w == "-C" || w == "--directory":
			if i+1 < len(cmd) {
				i++
				dir = cmd[i]
			}
		case strings.HasPrefix(w, "--directory="):
			dir = strings.TrimPrefix(w, "--directory=")
		case strings.HasPrefix(w, "-C"):
			dir = strings.TrimPrefix(w, "-C")
		case w == "-f" || w == "--file" || w == "--makefile":
			if i+1 < len(cmd) {
				i++
				files = append(files, cmd[i])
			}
		case strings.HasPrefix(w, "--file=") || strings.HasPrefix(w, "--makefile="):
			_, f, _ := strings.Cut(w, "=")
			files = append(files, f)
		case strings.HasPrefix(w, "-f"):
			files = append(files, strings.TrimPrefix(w, "-f"))
		case strings.HasPrefix(w, "-") || strings.Contains(w, "="):
		default:
			targets = append(targets, w)
		}
	}
	if len(targets) == 0 {
		targets = []string{""}
	}
	return targets, dir, files, true
}

// makefileIn reads the Makefile of a folder, if it has one, once for
// each environment: the one make reads by default, or those files names
// (make -f build.mk), read one after the other as make does.
func (d *deployment) makefileIn(dir string, files []string, env *makeEnv) *makefile {
	key := dir + "\x02" + strings.Join(files, "\x00") + "\x02" + env.key()
	if mk, ok := d.makefiles[key]; ok {
		return mk
	}
	var mk *makefile
	if len(files) > 0 {
		var all []byte
		for _, f := range slices.Compact(slices.Clone(files)) { // make -f a.mk -f a.mk …: read once
			if len(all) > 4<<20 {
				all = nil // more than one Makefile's worth: not read
				break
			}
			data, ok := []byte(nil), false
			if !filepath.IsAbs(f) && !strings.Contains(f, "$") {
				data, ok = readLimited(d.root, filepath.Join(dir, filepath.FromSlash(f)), 4<<20)
			}
			if !ok {
				all = nil
				break
			}
			all = append(append(all, data...), '\n')
		}
		if all != nil {
			mk = readMakefile(d.root, dir, all, env)
		}
	}
	for _, name := range []string{"GNUmakefile", "makefile", "Makefile"} {
		if len(files) > 0 {
			break
		}
		if data, ok := readLimited(d.root, filepath.Join(dir, name), 4<<20); ok {
			mk = readMakefile(d.root, dir, data, env)
			break
		}
	}
	if d.makefiles == nil {
		d.makefiles = make(map[string]*makefile)
	}
	d.makefiles[key] = mk
	return mk
}
