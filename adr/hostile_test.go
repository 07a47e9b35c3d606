package adr

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// Twenty processes linking twenty records to record 1 at once: every
// reverse link lands in record 1, none is lost.
func TestAddLinkConcurrently(t *testing.T) {
	dir := t.TempDir()
	const n = 20
	for i := 1; i <= n; i++ {
		writeFile(t, filepath.Join(dir, fmt.Sprintf("%04d-r%d.md", i, i)), fmt.Sprintf("# %d. R%d\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nx\n", i, i))
	}
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for k := 2; k <= n; k++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			l, err := Read(dir)
			if err == nil {
				err = l.AddLink(fmt.Sprint(k), "Amends", "1", "Amended by")
			}
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	first := readFile(t, filepath.Join(dir, "0001-r1.md"))
	for k := 2; k <= n; k++ {
		if want := fmt.Sprintf("Amended by [%d. R%d](%04d-r%d.md)", k, k, k, k); !strings.Contains(first, want) {
			t.Errorf("record 1 lost the link %q", want)
		}
	}
	if fs := logIn(t, dir).Lint(LintOptions{}); len(fs) != 0 {
		t.Errorf("lint after concurrent links: %v", fs)
	}
}

// Statuses, supersedes and new records with links, all at once, lose
// nothing either.
func TestMixedEditsConcurrently(t *testing.T) {
	dir := t.TempDir()
	newRecord(t, dir, NewOptions{Title: "Base", Status: "Accepted"})
	var wg sync.WaitGroup
	errs := make(chan error, 30)
	for i := 0; i < 10; i++ {
		wg.Add(2)
		go func() {
			defer wg.Done()
			l, err := Read(dir)
			if err == nil {
				_, err = l.New(NewOptions{Title: fmt.Sprintf("Child %d", i), Date: "2024-01-01", Links: []LinkSpec{{Target: "1", Verb: "Amends", Reverse: "Amended by"}}})
			}
			errs <- err
		}()
		go func() {
			defer wg.Done()
			l, err := Read(dir)
			if err == nil {
				_, err = l.SetStatus("1", []string{"Accepted", "Deprecated"}[i%2])
			}
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	l := logIn(t, dir)
	if len(l.Records) != 11 {
		t.Fatalf("%d records, want 11", len(l.Records))
	}
	if got := len(l.Records[0].Links); got != 10 {
		t.Errorf("record 1 has %d links, want 10:\n%s", got, readFile(t, l.Records[0].File))
	}
}

// Brackets and parentheses in titles survive as link text: lint passes on
// what archie wrote, the graph keeps the edge, renumber follows the link.
func TestBracketTitles(t *testing.T) {
	dir := t.TempDir()
	newRecord(t, dir, NewOptions{Title: "Use [brackets] (and parens) \\ here", Status: "Accepted"})
	newRecord(t, dir, NewOptions{Title: "Second ] one [", Status: "Accepted", Links: []LinkSpec{{Target: "1", Verb: "Amends", Reverse: "Amended by"}}})
	newRecord(t, dir, NewOptions{Title: "Third", Status: "Accepted", Supersedes: []string{"2"}})
	l := logIn(t, dir)
	if fs := l.Lint(LintOptions{}); len(fs) != 0 {
		t.Errorf("lint on archie's own records: %v", fs)
	}
	for _, r := range l.Records {
		if len(r.Links) == 0 {
			t.Errorf("%s: links not read back:\n%s", r.Name(), readFile(t, r.File))
		}
	}
	var b bytes.Buffer
	if err := l.Graph(&b, GraphOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, edge := range []string{`_2 -> _1 [label="Amends"`, `_3 -> _2 [label="Supercedes"`} {
		if !strings.Contains(b.String(), edge) {
			t.Errorf("graph lacks %s:\n%s", edge, b.String())
		}
	}
	if _, err := logIn(t, dir).Renumber("1", 9); err != nil {
		t.Fatal(err)
	}
	if fs := logIn(t, dir).Lint(LintOptions{}); len(fs) != 0 {
		t.Errorf("lint after renumber: %v", fs)
	}
	if got := logIn(t, dir).Records[0].Links; len(got) != 2 || got[0].Target != 9 {
		t.Errorf("links of record 2 after renumber: %+v", got)
	}
}

// A byte-order mark does not hide the title, and survives a rewrite, as do
// CRLF endings.
func TestBOMAndCRLF(t *testing.T) {
	dir := t.TempDir()
	text := "\ufeff# 1. With BOM\r\n\r\nDate: 2024-01-01\r\n\r\n## Status\r\n\r\nProposed\r\n\r\n## Context\r\n\r\nx\r\n"
	writeFile(t, filepath.Join(dir, "0001-with-bom.md"), text)
	writeFile(t, filepath.Join(dir, "0002-other.md"), "\ufeff---\r\nstatus: accepted\r\ndate: 2024-01-02\r\n---\r\n# Other\r\n")
	l := logIn(t, dir)
	if r := l.Records[0]; r.Title != "With BOM" || r.TitleLine != 1 || r.Status != "Proposed" {
		t.Errorf("BOM record read as title %q (line %d), status %q", r.Title, r.TitleLine, r.Status)
	}
	if r := l.Records[1]; r.Title != "Other" || r.Format != MADR || r.Status != "accepted" {
		t.Errorf("BOM front matter read as title %q, format %s, status %q", r.Title, r.Format, r.Status)
	}
	if _, err := l.SetStatus("1", "Accepted"); err != nil {
		t.Fatal(err)
	}
	if err := logIn(t, dir).AddLink("1", "Amends", "2", "Amended by"); err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(text, "Proposed\r\n", "Accepted\r\n\r\nAmends [Other](0002-other.md)\r\n", 1)
	if got := readFile(t, filepath.Join(dir, "0001-with-bom.md")); got != want {
		t.Errorf("after edits:\n%q\nwant\n%q", got, want)
	}
	if got := readFile(t, filepath.Join(dir, "0002-other.md")); !strings.HasPrefix(got, "\ufeff---\r\n") || !strings.HasSuffix(got, "* Amended by [ADR-0001](0001-with-bom.md)\r\n") {
		t.Errorf("MADR record after link:\n%q", got)
	}
	if fs := logIn(t, dir).Lint(LintOptions{}); len(fs) != 0 {
		t.Errorf("lint: %v", fs)
	}
}

// A record that is a symbolic link is edited where it lives: the link
// stays a link.
func TestSymlinkedRecordRewrite(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "adr")
	shared := filepath.Join(root, "shared", "0001-shared.md")
	writeFile(t, shared, "# 1. Shared\n\nDate: 2024-01-01\n\n## Status\n\nProposed\n")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../shared/0001-shared.md", filepath.Join(dir, "0001-shared.md")); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "0002-local.md"), "# 2. Local\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n")
	if _, err := logIn(t, dir).SetStatus("1", "Accepted"); err != nil {
		t.Fatal(err)
	}
	if err := logIn(t, dir).AddLink("2", "Amends", "1", "Amended by"); err != nil {
		t.Fatal(err)
	}
	info, err := os.Lstat(filepath.Join(dir, "0001-shared.md"))
	if err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the record is no longer a symbolic link: %v %v", info.Mode(), err)
	}
	if got := readFile(t, shared); !strings.Contains(got, "Accepted\n\nAmended by [2. Local](0002-local.md)") {
		t.Errorf("the linked file was not edited:\n%s", got)
	}
	if r, err := logIn(t, dir).Renumber("1", 5); err != nil {
		t.Fatal(err)
	} else if info, err := os.Lstat(r.File); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("renumbered record is no longer a symbolic link: %v", err)
	}
	if got := readFile(t, shared); !strings.HasPrefix(got, "# 5. Shared\n") {
		t.Errorf("renumber did not edit the linked file:\n%s", got)
	}
	entries, _ := os.ReadDir(filepath.Dir(shared))
	if len(entries) != 1 {
		t.Errorf("files left beside the linked record: %v", entries)
	}
}

// Symbolic links that loop or lead nowhere, and folders named like
// records, are skipped with a warning; the rest is read and editable.
func TestSymlinkLoopsAndFolders(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "0001-ok.md"), "# 1. OK\n\nDate: 2024-01-01\n\n## Status\n\nProposed\n")
	must(t, os.Symlink("0002-loop.md", filepath.Join(dir, "0002-loop.md")))
	must(t, os.Symlink("0004-b.md", filepath.Join(dir, "0003-a.md")))
	must(t, os.Symlink("0003-a.md", filepath.Join(dir, "0004-b.md")))
	must(t, os.Symlink("missing.md", filepath.Join(dir, "0005-broken.md")))
	must(t, os.MkdirAll(filepath.Join(dir, "elsewhere", "0006-folder.md"), 0o755))
	must(t, os.Symlink("elsewhere/0006-folder.md", filepath.Join(dir, "0006-folder.md")))
	must(t, os.Symlink("..", filepath.Join(dir, "0007-parent.md")))
	l, err := Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Records) != 1 {
		t.Errorf("records = %d, want 1", len(l.Records))
	}
	if len(l.Skipped) != 6 {
		t.Errorf("skipped = %v, want 6", l.Skipped)
	}
	if _, err := l.SetStatus("1", "Accepted"); err != nil {
		t.Fatal(err)
	}
	r, err := logIn(t, dir).New(NewOptions{Title: "Next", Date: "2024-01-01"})
	if err != nil {
		t.Fatal(err)
	}
	if r.Number != 8 {
		t.Errorf("new record numbered %d, want 8 (after every name in the folder)", r.Number)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestSlugTransliterates(t *testing.T) {
	tests := map[string]string{
		"Über uns":            "uber-uns",
		"Café au lait":        "cafe-au-lait",
		"Straße":              "strasse",
		"Ærø Œuvre Łódź":      "aero-oeuvre-lodz",
		"ÉCOLE Ñandú çà":      "ecole-nandu-ca",
		"日本語 plan":            "plan",
		"Ελληνικά":            "",
		"Crème brûlée – déjà": "creme-brulee-deja",
	}
	for in, want := range tests {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

// A crash part-way through renumbering leaves a journal; the next archie
// finishes the job.
func TestRenumberRecoversFromCrash(t *testing.T) {
	for crashAt := 0; crashAt < 6; crashAt++ {
		t.Run(fmt.Sprint(crashAt), func(t *testing.T) {
			dir := t.TempDir()
			newRecord(t, dir, NewOptions{Title: "One", Status: "Accepted"})
			for i := 2; i <= 5; i++ {
				newRecord(t, dir, NewOptions{Title: fmt.Sprintf("N%d", i), Status: "Accepted", Links: []LinkSpec{{Target: "1", Verb: "Amends", Reverse: "Amended by"}}})
			}
			stepHook = func(i int) error {
				if i == crashAt {
					// a temporary file of the step being written, as a crash leaves it
					os.WriteFile(filepath.Join(dir, ".0002-n2.md.tmp-123"), []byte("half"), 0o644)
					return errCrash
				}
				return nil
			}
			_, err := logIn(t, dir).Renumber("1", 9)
			stepHook = nil
			if err != errCrash {
				t.Fatalf("renumber with a crash at step %d: %v", crashAt, err)
			}
			if _, err := os.Stat(filepath.Join(dir, journalName)); err != nil {
				t.Fatalf("no journal after the crash: %v", err)
			}
			l, err := Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(strings.Join(l.Recovered, "\n"), "completed an interrupted renumber of ADR-0001 to 9") {
				t.Errorf("recovered = %q", l.Recovered)
			}
			entries, _ := os.ReadDir(dir)
			var names []string
			for _, e := range entries {
				names = append(names, e.Name())
			}
			if want := "0002-n2.md 0003-n3.md 0004-n4.md 0005-n5.md 0009-one.md"; strings.Join(names, " ") != want {
				t.Errorf("files after recovery = %v, want %s", names, want)
			}
			if fs := l.Lint(LintOptions{}); len(fs) != 0 {
				t.Errorf("lint after recovery: %v", fs)
			}
			// Running the same renumber again is done already.
			if r, err := l.Renumber("1", 9); err != nil || r.Number != 9 {
				t.Errorf("renumber again: %v", err)
			}
		})
	}
}

var errCrash = fmt.Errorf("simulated crash")

// Lint is linear in the links of a record, not quadratic.
func BenchmarkLintManyLinks(b *testing.B) {
	dir := b.TempDir()
	var hub strings.Builder
	hub.WriteString("# 1. Hub\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n\n")
	const n = 2000
	for i := 2; i <= n+1; i++ {
		fmt.Fprintf(&hub, "Amended by [%d. R](%04d-r.md)\n\n", i, i)
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("%04d-r.md", i)), []byte(fmt.Sprintf("# %d. R\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n\nAmends [1. Hub](0001-hub.md)\n", i)), 0o644)
	}
	os.WriteFile(filepath.Join(dir, "0001-hub.md"), []byte(hub.String()), 0o644)
	l, err := Read(dir)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if fs := l.Lint(LintOptions{}); len(fs) != 0 {
			b.Fatalf("%d findings", len(fs))
		}
	}
}

// Reading a record with thousands of links is linear too.
func BenchmarkReadManyLinks(b *testing.B) {
	dir := b.TempDir()
	var hub strings.Builder
	hub.WriteString("# 1. Hub\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n\n")
	for i := 2; i <= 2001; i++ {
		fmt.Fprintf(&hub, "Amended by [%d. R \\[x\\]](%04d-r.md)\n\n", i, i)
	}
	data := []byte(hub.String())
	b.ResetTimer()
	for b.Loop() {
		if r, err := Parse(filepath.Join(dir, "0001-hub.md"), data); err != nil || len(r.Links) != 2000 {
			b.Fatalf("%v, %d links", err, len(r.Links))
		}
	}
}

// A .adr-dir that leads out of the repository is followed, as adr-tools
// follows it, and said to be outside.
func TestLocateOutside(t *testing.T) {
	root := t.TempDir()
	repo := filepath.Join(root, "repo")
	must(t, os.MkdirAll(filepath.Join(repo, ".git"), 0o755))
	must(t, os.MkdirAll(filepath.Join(repo, "sub", "docs"), 0o755))
	must(t, os.MkdirAll(filepath.Join(root, "elsewhere"), 0o755))
	must(t, os.Symlink(filepath.Join(root, "elsewhere"), filepath.Join(repo, "link")))
	tests := []struct {
		dirFile, content string
		outside          bool
	}{
		{"repo/.adr-dir", "docs/adr", false},
		{"repo/.adr-dir", "../elsewhere", true},
		{"repo/.adr-dir", filepath.Join(root, "elsewhere"), true},
		{"repo/.adr-dir", "link/adr", true},
		{"repo/.adr-dir", filepath.Join(repo, "docs"), false},
		{"repo/sub/.adr-dir", "../docs/adr", false},
		{"repo/sub/.adr-dir", "../../x", true},
	}
	for _, tt := range tests {
		file := filepath.Join(root, tt.dirFile)
		writeFile(t, file, tt.content+"\n")
		loc, err := Locate(filepath.Join(repo, "sub", "docs"))
		os.Remove(file)
		if err != nil {
			t.Fatal(err)
		}
		if loc.DirFile != file || loc.Outside != tt.outside {
			t.Errorf("%s = %q: Locate = %+v, want outside %v", tt.dirFile, tt.content, loc, tt.outside)
		}
	}
}

// A change that would leave a record unreadable writes nothing.
func TestCommitRefusesUnreadable(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "0001-use-go.md")
	orig := "# 1. Use Go\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n"
	if err := os.WriteFile(file, []byte(orig), 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	bad := "---\nstatus: [\n---\n# 1. Use Go\n"
	err = l.commit(&journal{Op: "test", Steps: []step{{Kind: stepRewrite, File: "0001-use-go.md", Before: hash([]byte(orig)), After: []byte(bad)}}})
	if err == nil || !strings.Contains(err.Error(), "would leave it unreadable") {
		t.Errorf("commit of an unreadable record = %v, want a refusal", err)
	}
	if data, _ := os.ReadFile(file); string(data) != orig {
		t.Errorf("the record changed:\n%s", data)
	}
}
