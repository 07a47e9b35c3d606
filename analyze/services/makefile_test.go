package services

import (
	"slices"
	"strings"
	"testing"
)

// A Makefile's targets lead to the commands they run, through
// prerequisites and make's own calls; variables assigned once expand,
// those assigned under a condition or more than once stay as written.
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
	if got := mk.expand("$(PREFIX)$(REPO) $(NS) $(LDFLAGS)"); got != "$(PREFIX)app example $(LDFLAGS)" {
		t.Errorf("expand = %q", got)
	}
	if got := mk.expand("$(SELF)"); len(got) > maxExpanded {
		t.Errorf("a self-reference expanded to %d bytes", len(got))
	}
	var got []string
	for _, cmd := range mk.commands("all") {
		got = append(got, strings.Join(cmd, " "))
	}
	want := []string{"rm -rf dist", "CGO_ENABLED=0 go build -o dist/app ./cmd", "go build ./tools/gen", "echo done"}
	if !slices.Equal(got, want) {
		t.Errorf("commands(all) = %q, want %q", got, want)
	}
	if mk.rules["image"] == nil || len(mk.rules["image"].prereqs) != 0 {
		t.Errorf("image's target variable read as prerequisites: %+v", mk.rules["image"])
	}
	if len(mk.commands("recurse")) != 0 || len(mk.commands("nothing")) != 0 {
		t.Error("a target calling itself, or none, runs commands")
	}
	if c := mk.commands(""); len(c) == 0 || strings.Join(c[len(c)-1], " ") != "echo done" {
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
