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
	page := writeReport(t, "../../testdata/example")
	shop := writeReport(t, "../../testdata/services/shop")
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
		// The service map: its own section beside the dependency tabs;
		// a click on a service lists the smells it is in, chains through
		// it included.
		{"file://" + shop + "#node=service:orders", map[string]string{
			"ready":        `<body data-ready="1">`,
			"map":          `(?s)<section id="services">.*<div class="diagram" data-level="service">.*data-id="frontend".*data-id="catalog"`,
			"tabs kept":    `<div class="diagram" data-level="package">`,
			"red data":     `<g class="edge data violation" data-from="orders" data-to="payments"`,
			"filtered":     `<b id="filter-count">4</b>`,
			"chain listed": `<li class="violation warning" data-nodes="[^"]*service:orders[^"]*">\s*<span class="sev warning">warning</span> <span class="pos">cmd/frontend/main.go:47:34</span>`,
			"selection":    `<g class="node selected" data-id="orders"`,
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

// writeReport writes the HTML report of a fixture and returns its path; the
// fixtures have violations, so archie exits 1.
func writeReport(t *testing.T, dir string) string {
	t.Helper()
	page := filepath.Join(t.TempDir(), "report.html")
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"report", dir, "--html", page}, &stdout, &stderr); code != exitViolations {
		t.Fatalf("archie report %s exit %d, want %d: %s", dir, code, exitViolations, stderr.String())
	}
	return page
}
