package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// chromium finds a headless-capable Chromium (Debian: chromium).
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no Chromium on PATH (Debian: apt install chromium)")
	return ""
}

// TestHTMLReportInBrowser opens the example's report in headless Chromium
// and reads the page back after its script ran: the nodes and violations
// are there, a link that names a node filters the violations as a click
// would, and the console shows no error.
func TestHTMLReportInBrowser(t *testing.T) {
	browser := chromium(t)
	page := filepath.Join(t.TempDir(), "report.html")
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"report", "../../testdata/example", "--html", page}, &stdout, &stderr); code != exitViolations {
		t.Fatalf("archie report exit %d, want %d: %s", code, exitViolations, stderr.String())
	}
	for _, tt := range []struct {
		url    string
		checks map[string]string // what the DOM must match
	}{
		{"file://" + page, map[string]string{
			"ready":          `<body data-ready="1">`,
			"layer nodes":    `(?s)<div class="diagram" data-level="layer">.*data-id="presentation".*data-id="application".*data-id="domain".*data-id="platform"`,
			"red edge":       `<g class="edge violation" data-from="domain" data-to="application">`,
			"violations":     `(?s)(<li class="violation error".*){4}`,
			"layer tab open": `<div class="diagram" data-level="context" hidden="">`,
		}},
		{"file://" + page + "#node=layer:domain", map[string]string{
			"ready":     `<body data-ready="1">`,
			"filtered":  `<b id="filter-count">3</b>`,
			"hidden":    `<li class="violation error" data-nodes="\[&quot;layer:application&quot;[^"]*" hidden="">`,
			"selection": `<g class="node selected" data-id="domain"`,
		}},
	} {
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		cmd := exec.CommandContext(ctx, browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
			"--user-data-dir="+t.TempDir(), "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000", "--dump-dom", tt.url)
		var errOut bytes.Buffer
		cmd.Stderr = &errOut
		dom, err := cmd.Output()
		cancel()
		if err != nil {
			t.Fatalf("%s: %v\n%s", tt.url, err, errOut.String())
		}
		if strings.Contains(string(dom), "data-errors") {
			t.Errorf("%s: script errors: %s", tt.url, regexp.MustCompile(`data-errors="[^"]*"`).FindString(string(dom)))
		}
		for _, line := range strings.Split(errOut.String(), "\n") {
			if strings.Contains(line, "CONSOLE") && (strings.Contains(line, "Uncaught") || strings.Contains(line, "Error")) {
				t.Errorf("%s: console: %s", tt.url, line)
			}
		}
		for name, re := range tt.checks {
			if !regexp.MustCompile(re).Match(dom) {
				t.Errorf("%s: %s: the page does not match %s", tt.url, name, re)
			}
		}
		if t.Failed() {
			os.WriteFile(filepath.Join(os.TempDir(), "archie-report-dom.html"), dom, 0o644)
		}
	}
}
