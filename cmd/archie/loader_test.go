package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestCheckLoadersAgree runs archie check --format json on every fixture
// with an archie.yaml, once with go list (ARCHIE_LOADER=packages) and once
// with the automatic choice, and wants the same output and exit status:
// the fast loader may only change how long a check takes. With the loader
// named, stderr says which one ran.
func TestCheckLoadersAgree(t *testing.T) {
	if testing.Short() {
		t.Skip("checks every fixture twice")
	}
	configs, err := filepath.Glob("../../testdata/*/*/archie.yaml")
	if err != nil {
		t.Fatal(err)
	}
	more, _ := filepath.Glob("../../testdata/*/archie.yaml")
	fast := 0
	for _, cfg := range append(configs, more...) {
		dir := filepath.Dir(cfg)
		check := func(loader string) (string, string, string) {
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), []string{"check", "--loader", loader, "--format", "json", dir}, &stdout, &stderr)
			return stdout.String(), stderr.String(), strconv.Itoa(code)
		}
		refOut, _, refCode := check("packages")
		out, stderr, code := check("auto")
		if out != refOut || code != refCode {
			t.Errorf("%s: archie check differs between loaders: exit %s with go list, %s automatic\n--- go list\n%s\n--- automatic\n%s", dir, refCode, code, refOut, out)
		}
		switch {
		case strings.Contains(stderr, "without go list (fast loader)"):
			fast++
		case !strings.Contains(stderr, "with go list"):
			t.Errorf("%s: stderr does not say which loader ran:\n%s", dir, stderr)
		}
	}
	if fast == 0 {
		t.Errorf("the fast loader ran on no fixture")
	}
}

func TestLoaderOption(t *testing.T) {
	for in, want := range map[string]string{"": "", "auto": "", "fast": "fast", "packages": "packages"} {
		if got, err := loaderOption(in); err != nil || got != want {
			t.Errorf("loaderOption(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := loaderOption("golist"); err == nil {
		t.Errorf("loaderOption(%q): no error", "golist")
	}
}

// TestServicesLoadersAgree runs archie services --format json on every
// services fixture with go list and with the automatic choice, which reads
// the import graph without go list when no nested module needs one, so
// that the typed load of the services is the only go list of the run.
func TestServicesLoadersAgree(t *testing.T) {
	if testing.Short() {
		t.Skip("loads every services fixture twice")
	}
	dirs, err := filepath.Glob("../../testdata/services/*")
	if err != nil {
		t.Fatal(err)
	}
	fast := 0
	for _, dir := range dirs {
		services := func(loader string) (string, string, string) {
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), []string{"services", "--loader", loader, "--format", "json", dir}, &stdout, &stderr)
			return stdout.String(), stderr.String(), strconv.Itoa(code)
		}
		refOut, _, refCode := services("packages")
		out, stderr, code := services("auto")
		if out != refOut || code != refCode {
			t.Errorf("%s: archie services differs between loaders: exit %s with go list, %s automatic\n--- go list\n%s\n--- automatic\n%s", dir, refCode, code, refOut, out)
		}
		if strings.Contains(stderr, "without go list (fast loader)") {
			fast++
		}
	}
	if fast == 0 {
		t.Errorf("the fast loader ran on no services fixture")
	}
}
