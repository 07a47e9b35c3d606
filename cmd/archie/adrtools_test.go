package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestAdrToolsReadsWhatArchieWrites runs the same operations with
// adr-tools and with archie in two directories, then asks adr-tools to
// list, index and graph both: the answers must be the same (CONTRACT.md
// §4). It needs adr-tools on PATH (Debian: apt install adr-tools).
func TestAdrToolsReadsWhatArchieWrites(t *testing.T) {
	adrTools, err := exec.LookPath("adr")
	if err != nil {
		t.Skip("adr-tools is not installed (apt install adr-tools)")
	}
	steps := []struct{ theirs, ours []string }{
		{[]string{"init", "doc/adr"}, []string{"init", "doc/adr"}},
		{[]string{"new", "An idea that seems good at the time"}, []string{"new", "--status", "accepted", "An idea that seems good at the time"}},
		{[]string{"new", "-s", "2", "A better idea"}, []string{"new", "--status", "accepted", "-s", "2", "A better idea"}},
		{[]string{"new", "This will work"}, []string{"new", "--status", "accepted", "This will work"}},
		{[]string{"new", "-s", "3", "-s", "4", "The end"}, []string{"new", "--status", "accepted", "-s", "3", "-s", "4", "The end"}},
		{[]string{"new", "-l", "1:Amends:Amended by", "-l", "5:Clarifies:Clarified by", "Side note"}, []string{"new", "--status", "accepted", "-l", "1:Amends:Amended by", "-l", "5:Clarifies:Clarified by", "Side note"}},
		{[]string{"link", "6", "Extends", "2", "Extended by"}, []string{"link", "6", "Extends", "2", "Extended by"}},
	}
	theirs, ours := t.TempDir(), t.TempDir()
	t.Setenv("ADR_DATE", "1992-01-12")
	t.Setenv("VISUAL", "true")
	adr := func(dir string, args ...string) string {
		t.Helper()
		c := exec.Command(adrTools, args...)
		c.Dir = dir
		out, err := c.CombinedOutput()
		if err != nil {
			t.Fatalf("adr %s in %s: %v\n%s", strings.Join(args, " "), dir, err, out)
		}
		return string(out)
	}
	for _, s := range steps {
		adr(theirs, s.theirs...)
		t.Chdir(ours)
		var stdout, stderr bytes.Buffer
		if code := run(context.Background(), append([]string{"adr", "--dir", "doc/adr"}, s.ours...), &stdout, &stderr); code != 0 {
			t.Fatalf("archie adr %s: exit %d\n%s", strings.Join(s.ours, " "), code, stderr.String())
		}
	}
	// Debian's adr-tools spells the supersede links with an s; adr-tools
	// 3.0.0 and archie write "Supercedes". Both read either.
	spelling := strings.NewReplacer("Supersedes", "Supercedes", "Superseded", "Superceded")
	for _, cmd := range [][]string{{"list"}, {"generate", "toc"}, {"generate", "graph"}} {
		want := spelling.Replace(adr(theirs, cmd...))
		got := spelling.Replace(adr(ours, cmd...))
		if got != want {
			t.Errorf("adr %s differs on archie's records:\n--- archie\n%s\n--- adr-tools\n%s", strings.Join(cmd, " "), got, want)
		}
	}
	// The files themselves, up to where the template's prose starts: the
	// heading, date and status section with its links, byte for byte.
	names, err := os.ReadDir(theirs + "/doc/adr")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range names {
		want, _ := os.ReadFile(theirs + "/doc/adr/" + e.Name())
		got, err := os.ReadFile(ours + "/doc/adr/" + e.Name())
		if err != nil {
			t.Errorf("archie wrote no %s: %v", e.Name(), err)
			continue
		}
		w, _, _ := strings.Cut(spelling.Replace(string(want)), "## Context")
		g, _, _ := strings.Cut(spelling.Replace(string(got)), "## Context")
		if g != w {
			t.Errorf("%s differs before ## Context:\n--- archie\n%s\n--- adr-tools\n%s", e.Name(), g, w)
		}
	}
	if _, err := os.Stat(ours + "/.adr-dir"); err != nil {
		t.Errorf("archie adr init doc/adr wrote no .adr-dir: %v", err)
	}
}
