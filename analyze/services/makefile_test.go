package services

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// A Makefile's targets lead to the commands they run, through
// prerequisites and make's own calls; variables expand as make expands
// them, those assigned under a condition archie cannot evaluate stay as
// written.
func TestMakefile(t *testing.T) {
	mk := parseMakefile([]byte(`REPO ?= app
ifndef NS
NS = example
endif
ifdef	REGISTRY
PREFIX = $(REGISTRY)/$(NS)/
else
PREFIX = $(NS)/
endif
LDFLAGS := -s
LDFLAGS := $(LDFLAGS) -w
SELF = $(SELF)$(SELF)$(SELF)$(SELF)$(SELF)$(SELF)$(SELF)$(SELF)
define HELP
build: not a rule
	go build ./not/this
endef

.PHONY: all build
all: build
	@echo done
build: clean
	CGO_ENABLED=0 go build -o dist/$(REPO) ./cmd
	$(MAKE) tools
tools: ; go build ./tools/gen
clean:
	rm -rf dist
image: VERSION = 1
image:
	docker build -t $(PREFIX)$(REPO):$(VERSION) .
recurse:
	$(MAKE) recurse
`))
	if got := mk.expand("$(PREFIX)$(REPO) $(NS) $(LDFLAGS)"); got != "$(PREFIX)app example -s -w" {
		t.Errorf("expand = %q", got)
	}
	if got := mk.expand("$(SELF)"); len(got) > maxExpanded {
		t.Errorf("a self-reference expanded to %d bytes", len(got))
	}
	var got []string
	for _, cmd := range first(mk.commands("all")) {
		got = append(got, strings.Join(cmd, " "))
	}
	want := []string{"rm -rf dist", "CGO_ENABLED=0 go build -o dist/app ./cmd", "go build ./tools/gen", "echo done"}
	if !slices.Equal(got, want) {
		t.Errorf("commands(all) = %q, want %q", got, want)
	}
	if mk.rules["image"] == nil || len(mk.rules["image"].prereqs) != 0 {
		t.Errorf("image's target variable read as prerequisites: %+v", mk.rules["image"])
	}
	if len(first(mk.commands("recurse"))) != 0 || len(first(mk.commands("nothing"))) != 0 {
		t.Error("a target calling itself, or none, runs commands")
	}
	if c := first(mk.commands("")); len(c) == 0 || strings.Join(c[len(c)-1], " ") != "echo done" {
		t.Errorf("the default target is not the first rule's: %q", c)
	}
	for cmd, want := range map[string][]string{
		"make build":             {"build"},
		"GOOS=linux make":        {""},
		"$(MAKE) -j4 a b":        {"a", "b"},
		"make -C sub build":      nil,
		"/usr/bin/gmake V=1 all": {"all"},
	} {
		got, ok := makeTargets(strings.Fields(cmd))
		if !ok || !slices.Equal(got, want) {
			t.Errorf("makeTargets(%q) = %q, %v, want %q", cmd, got, ok, want)
		}
	}
	if _, ok := makeTargets([]string{"go", "build"}); ok {
		t.Error("go build read as make")
	}
}

func first[T, U any](t T, _ U) T { return t }

// commandLines writes a target's commands one per line.
func commandLines(mk *makefile, target string) []string {
	var out []string
	for _, cmd := range first(mk.commands(target)) {
		out = append(out, strings.Join(cmd, " "))
	}
	return out
}

// The ways Makefiles build services: a define called for each target a
// variable lists, its tags a default an ifneq gives, an $(eval) in a
// recipe, pattern rules, templates an $(eval $(call …)) makes rules of,
// and an include.
func TestMakefileEvaluation(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "common.mk"), []byte("IMAGE_PREFIX ?= acme/\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	data := []byte(`include common.mk
SERVICES = auth users fluxmq
ADDONS = fluxmq
DOCKERS = $(addprefix docker_,$(SERVICES))
BUILT = $(filter-out $(ADDONS), $(SERVICES))
VERSION ?= $(shell git describe)

ifneq ($(BROKER),)
	BROKER := $(BROKER)
else
	BROKER=msg_fluxmq
endif
ifeq ($(ES),)
ES = es_fluxmq
endif
ifdef REGISTRY
PUSH = $(REGISTRY)/
endif
BUILD_TAGS := $(strip $(BROKER)   $(ES))

define compile_service
	CGO_ENABLED=0 \
	go build -tags "$(BUILD_TAGS)" -ldflags "-X main.v=$(VERSION)" \
	-o build/$(1) cmd/$(1)/main.go
endef

define make_docker
	$(eval svc=$(subst docker_,,$(1)))
	docker build --build-arg SVC=$(svc) --tag=$(IMAGE_PREFIX)$(svc) -f docker/Dockerfile .
endef

$(BUILT):
	$(call compile_service,$(@))

$(DOCKERS):
	$(call make_docker,$(@))

bin-%: gen-%
	go build -o bin/$* ./tools/$*
gen-%:
	go generate ./tools/$*/...

define TOOL_template
tool_$(1): ; go build ./tools/$(1)
endef
$(foreach t,lint fmt,$(eval $(call TOOL_template,$(t))))

ifeq ($(OS),Windows_NT)
win: ; go build ./cmd/win
endif
`)
	unknown := readMakefile(dir, dir, data, nil) // a developer's shell
	known := readMakefile(dir, dir, data, &makeEnv{vars: map[string]string{"SVC": "users", "ES": "es_nats"}, goals: []string{"users"}})
	for _, c := range []struct {
		name   string
		mk     *makefile
		target string
		want   []string
	}{
		{"a define called for a target a variable lists, its tags defaults", unknown, "auth",
			[]string{`CGO_ENABLED=0 go build -tags msg_fluxmq es_fluxmq -ldflags -X main.v=$(shell) -o build/auth cmd/auth/main.go`}},
		{"the environment a Dockerfile gives make", known, "users",
			[]string{`CGO_ENABLED=0 go build -tags msg_fluxmq es_nats -ldflags -X main.v=$(shell) -o build/users cmd/users/main.go`}},
		{"a target the filter leaves out", unknown, "fluxmq", nil},
		{"an $(eval) in a recipe sets what follows", unknown, "docker_users",
			[]string{`docker build --build-arg SVC=users --tag=acme/users -f docker/Dockerfile .`}},
		{"a pattern rule and its pattern prerequisite", unknown, "bin-lint",
			[]string{`go generate ./tools/lint/...`, `go build -o bin/lint ./tools/lint`}},
		{"rules a template makes", unknown, "tool_fmt", []string{`go build ./tools/fmt`}},
		{"a rule under a condition that does not hold", known, "win", nil},
	} {
		got := commandLines(c.mk, c.target)
		for i := range got {
			got[i] = strings.ReplaceAll(got[i], `"`, "")
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: commands(%s) = %q, want %q", c.name, c.target, got, c.want)
		}
	}
	if got := unknown.expand("$(PUSH)x"); got != "$(PUSH)x" {
		t.Errorf("a variable set only where the environment sets another = %q, want it unknown", got)
	}
	if got := known.expand("$(PUSH)x"); got != "x" {
		t.Errorf("in a known environment, PUSH = %q, want it empty", got)
	}
	if !unknown.tagsBuild {
		t.Error("the define's go build -tags is not seen")
	}
	// An include archie cannot read may set anything.
	if got := readMakefile(dir, dir, []byte("include missing.mk\nX := $(Y)\n"), &makeEnv{}).expand("$(X)"); got != "$(Y)" {
		t.Errorf("after an unread include, an unset variable = %q, want it unknown", got)
	}
}

// doubling writes NAME0 := text and NAMEi := $(NAMEi-1)sep$(NAMEi-1) up
// to n: text doubled n times.
func doubling(name, text string, n int, sep string) string {
	out := name + "0 := " + text + "\n"
	for i := 1; i <= n; i++ {
		out += fmt.Sprintf("%s%d := $(%s%d)%s$(%s%d)\n", name, i, name, i-1, sep, name, i-1)
	}
	return out
}

// A Makefile that includes itself many times on one line, and one that is
// a link to a device, are read once and not at all.
func TestMakefileHostileFiles(t *testing.T) {
	dir := t.TempDir()
	self := "-include" + strings.Repeat(" Makefile", 30) + "\nall: ; go build .\n"
	if err := os.WriteFile(filepath.Join(dir, "Makefile"), []byte(self), 0o644); err != nil {
		t.Fatal(err)
	}
	mk := readMakefile(dir, dir, []byte(self), nil)
	if cmds, _ := mk.commands("all"); len(cmds) != 1 {
		t.Errorf("a Makefile including itself 30 times runs %d commands for all, want 1", len(cmds))
	}
	zero := t.TempDir()
	if err := os.Symlink("/dev/zero", filepath.Join(zero, "Makefile")); err != nil {
		t.Skip(err)
	}
	d := &deployment{root: zero}
	if mk := d.makefileIn(zero, nil, nil); mk != nil {
		t.Error("a Makefile linked to /dev/zero is read")
	}
}

// Hostile Makefiles end, and what they make stays bounded.
func TestMakefileHostile(t *testing.T) {
	for name, data := range map[string]string{
		"eval of itself":          "X = $(eval $(X))\n$(X)\nall: ; echo $(X)\n",
		"call of itself":          "f = $(call f,$(1)$(1))\nall: ; echo $(call f,a)\n",
		"doubling":                "A = x x\nB = $(A) $(A)\nC = $(B) $(B)\nD = $(C) $(C)\nE = $(D) $(D)\nF = $(E) $(E)\nG = $(foreach w,$(F),$(F) $(F))\nall: ; echo $(G)$(G)$(G)\n",
		"unclosed":                "X = $(foo\nall: ; echo $(X) ${\n",
		"stray directives":        "endif\nelse\nendef\nifeq\nifeq (a\nall: ; echo ok\n",
		"nested defines":          "define A\ndefine B\nx\nendef\nendef\nall: ; echo $(A)\n",
		"foreach of a huge word":  doubling("W", "a a a a a a a a a a a a a a a a", 12, " ") + doubling("B", strings.Repeat("x", 64), 10, "") + "X := $(foreach w,$(W12),$(B10))\nall: ; echo $(X)\n",
		"foreach of foreach":      doubling("W", "a a a a a a a a a a a a a a a a", 12, " ") + "X := $(foreach a,$(W12),$(foreach b,$(W6),$(words $(W12))))\nall: ; echo $(X)\n",
		"subst of a huge product": doubling("B", strings.Repeat("x", 64), 9, "") + "X := $(subst x,$(B9),$(B9))\nall: ; echo $(X)\n",
	} {
		mk := parseMakefile([]byte(data))
		for _, cmd := range first(mk.commands("all")) {
			if n := len(strings.Join(cmd, " ")); n > 2*maxExpanded {
				t.Errorf("%s: a command of %d bytes", name, n)
			}
		}
	}
}

// What a second read found: each case is a Makefile, the environment it
// runs in (nil: not known), a target, and the go build command lines it
// runs, or unsure for branches archie cannot choose between.
func TestMakefileSemantics(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "pg.mk"), []byte("TAGS = pg\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	argSet := &makeEnv{vars: map[string]string{"STORE": "$"}, goals: []string{"svc"}}
	empty := &makeEnv{vars: map[string]string{}, goals: []string{"svc"}}
	cmdLine := &makeEnv{vars: map[string]string{}, goals: []string{"svc"}, args: map[string]string{"STORE": "mem"}}
	for _, c := range []struct {
		name, mk string
		env      *makeEnv
		target   string
		want     []string
		unsure   bool
	}{
		{"a target's own variable", "svc: TAGS = pg\nsvc:\n\tgo build -tags $(TAGS) .\n", empty, "svc", []string{"go build -tags pg ."}, false},
		{"a target's variable, inherited by what it makes", "svc: TAGS = pg\nsvc: bin\nbin:\n\tgo build -tags $(TAGS) .\n", empty, "svc", []string{"go build -tags pg ."}, false},
		{"a static pattern rule's stem", "TAGS_orders = pg\norders: %: cmd/%\n\tgo build -tags $(TAGS_$*) ./cmd/$*\n", empty, "orders", []string{"go build -tags pg ./cmd/orders"}, false},
		{"the pattern of the shortest stem", "build/%:\n\tgo build ./cmd/$*\nbuild/pg-%:\n\tgo build -tags pg ./cmd/$*\n", empty, "build/pg-orders", []string{"go build -tags pg ./cmd/orders"}, false},
		{"a recipe of a target archie does not keep is no assignment", "TAGS = pg\n.bin/x:\n\tTAGS=mem go test ./...\nsvc:\n\tgo build -tags $(TAGS) .\n", empty, "svc", []string{"go build -tags pg ."}, false},
		{"undefine", "TAGS = pg\nundefine TAGS\nsvc:\n\tgo build -tags '$(TAGS)' .\n", empty, "svc", []string{"go build -tags  ."}, false},
		{"override beats the command line", "override STORE = pg\nsvc:\n\tgo build -tags $(STORE) .\n", cmdLine, "svc", []string{"go build -tags pg ."}, false},
		{"the command line beats an assignment", "STORE = pg\nsvc:\n\tgo build -tags $(STORE) .\n", cmdLine, "svc", []string{"go build -tags mem ."}, false},
		{"a sub-make's variables", "TAGS = mem\nsvc:\n\t$(MAKE) build TAGS=pg\nbuild:\n\tgo build -tags $(TAGS) .\n", empty, "svc", []string{"go build -tags pg ."}, false},
		{"a sub-make's goals", "ifeq ($(MAKECMDGOALS),build-pg)\nTAGS = pg\nendif\nsvc:\n\t$(MAKE) build-pg\nbuild-pg:\n\tgo build -tags '$(TAGS)' .\n", empty, "svc", []string{"go build -tags pg ."}, false},
		{".DEFAULT_GOAL", "other:\n\tgo build ./other\nsvc:\n\tgo build -tags pg .\n.DEFAULT_GOAL := svc\n", empty, "", []string{"go build -tags pg ."}, false},
		{"a default for a variable a build arg sets is not the default", "ifeq ($(STORE),)\nSTORE = pg\nendif\nsvc:\n\tgo build -tags $(STORE) .\n", argSet, "svc", []string{"go build -tags $(STORE) ."}, false},
		{"+= to a variable a build arg sets", "STORE += netgo\nsvc:\n\tgo build -tags \"$(STORE)\" .\n", argSet, "svc", []string{"go build -tags $(STORE) netgo ."}, false},
		{"an include archie cannot read may set what came before it, and defaults", "TAGS = mem\nOTHER ?= x\ninclude gen.mk\nMORE ?= y\nsvc:\n\tgo build -tags $(TAGS)$(MORE) .\n", empty, "svc", []string{"go build -tags $(TAGS)$(MORE) ."}, false},
		{"an include under a condition archie cannot evaluate", "TAGS = mem\nifeq ($(STORE),pg)\ninclude pg.mk\nendif\nsvc:\n\tgo build -tags $(TAGS) .\n", argSet, "svc", []string{"go build -tags $(TAGS) ."}, false},
		{"an eval under a condition archie cannot evaluate", "TAGS = mem\nifeq ($(STORE),pg)\n$(eval TAGS = pg)\nendif\nsvc:\n\tgo build -tags $(TAGS) .\n", argSet, "svc", []string{"go build -tags $(TAGS) ."}, false},
		{"recipe lines in branches archie cannot choose", "svc:\nifeq ($(STORE),pg)\n\tgo build -tags pg .\nelse\n\tgo build .\nendif\n", argSet, "svc", []string{"go build -tags pg .", "go build ."}, true},
		{"a shell comment", "svc:\n\tgo build . # add -tags pg\n", empty, "svc", []string{"go build ."}, false},
		{"an exported GOFLAGS", "export GOFLAGS := -tags=pg\nsvc:\n\tgo build .\n", empty, "svc", []string{"GOFLAGS=-tags=pg go build ."}, false},
		{"GOFLAGS exported later, by name", "GOFLAGS = -tags=$(STORE)\nSTORE = pg\nexport GOFLAGS\nsvc:\n\tgo build .\n", empty, "svc", []string{"GOFLAGS=-tags=pg go build ."}, false},
		{"a GOFLAGS the Makefile only sets", "GOFLAGS := -tags=pg\nsvc:\n\tgo build .\n", empty, "svc", []string{"go build ."}, false},
		{"an unexported GOFLAGS", "export GOFLAGS := -tags=pg\nunexport GOFLAGS\nsvc:\n\tgo build .\n", empty, "svc", []string{"go build ."}, false},
		{".EXPORT_ALL_VARIABLES", ".EXPORT_ALL_VARIABLES:\nGOFLAGS := -tags=pg\nsvc:\n\tgo build .\n", empty, "svc", []string{"GOFLAGS=-tags=pg go build ."}, false},
		{"everything exported", "export\nGOFLAGS := -tags=pg\nsvc:\n\tgo build .\n", empty, "svc", []string{"GOFLAGS=-tags=pg go build ."}, false},
		{"GOFLAGS from the command line", "svc:\n\tgo build .\n", &makeEnv{vars: map[string]string{}, args: map[string]string{"GOFLAGS": "-tags=pg"}}, "svc", []string{"GOFLAGS=-tags=pg go build ."}, false},
		{"GOFLAGS from a build arg", "svc:\n\tgo build .\n", &makeEnv{vars: map[string]string{"GOFLAGS": "$"}}, "svc", []string{"GOFLAGS=$(GOFLAGS) go build ."}, false},
		{"a recipe's own GOFLAGS", "export GOFLAGS := -tags=pg\nsvc:\n\tGOFLAGS=-mod=mod go build .\n", empty, "svc", []string{"GOFLAGS=-mod=mod go build ."}, false},
	} {
		mk := readMakefile(dir, dir, []byte(c.mk), c.env)
		cmds, unsure := mk.commands(c.target)
		var got []string
		for _, cmd := range cmds {
			got = append(got, strings.Join(cmd, " "))
		}
		if !slices.Equal(got, c.want) || unsure != c.unsure {
			t.Errorf("%s: commands = %q (unsure %v), want %q (unsure %v)", c.name, got, unsure, c.want, c.unsure)
		}
	}
}
