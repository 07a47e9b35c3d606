package adr

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
)

// logIn reads the log in dir, failing the test on error.
func logIn(t *testing.T, dir string) *Log {
	t.Helper()
	l, err := Read(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return &Log{Dir: dir}
	}
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func newRecord(t *testing.T, dir string, opts NewOptions) *Record {
	t.Helper()
	if opts.Date == "" {
		opts.Date = "1992-01-12"
	}
	r, err := logIn(t, dir).New(opts)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// head is the first n lines of a file, as head(1) prints them.
func head(t *testing.T, file string, n int) string {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	ls := splitLines(string(data))
	if len(ls) > n {
		ls = ls[:n]
	}
	return ls.String()
}

func writeFile(t *testing.T, file, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readFile(t *testing.T, file string) string {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// The expectations below are the files adr-tools 3.0.0 writes for the same
// operations (its tests supercede-multiple-adrs and linking-new-records).
func TestNewSupersedesAndLinksAsAdrTools(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "doc", "adr")
	newRecord(t, dir, NewOptions{Title: "First Record", Status: "Accepted"})
	newRecord(t, dir, NewOptions{Title: "Second Record", Status: "Accepted"})
	third := newRecord(t, dir, NewOptions{Title: "Third Record", Status: "Accepted", Supersedes: []string{"1", "2"}})
	fourth := newRecord(t, dir, NewOptions{Title: "Fourth Record", Status: "Accepted",
		Links: []LinkSpec{{Target: "3", Verb: "Amends", Reverse: "Amended by"}}})

	if got, want := filepath.Base(third.File), "0003-third-record.md"; got != want {
		t.Errorf("third record is %s, want %s", got, want)
	}
	want1 := "# 1. First Record\n\nDate: 1992-01-12\n\n## Status\n\nSuperceded by [3. Third Record](0003-third-record.md)\n\n## Context\n"
	if got := head(t, filepath.Join(dir, "0001-first-record.md"), 9); got != want1 {
		t.Errorf("0001 =\n%s\nwant\n%s", got, want1)
	}
	want3 := "# 3. Third Record\n\nDate: 1992-01-12\n\n## Status\n\nAccepted\n\n" +
		"Supercedes [1. First Record](0001-first-record.md)\n\n" +
		"Supercedes [2. Second Record](0002-second-record.md)\n\n" +
		"Amended by [4. Fourth Record](0004-fourth-record.md)\n\n## Context\n"
	if got := head(t, third.File, 15); got != want3 {
		t.Errorf("0003 =\n%s\nwant\n%s", got, want3)
	}
	want4 := "# 4. Fourth Record\n\nDate: 1992-01-12\n\n## Status\n\nAccepted\n\nAmends [3. Third Record](0003-third-record.md)\n\n## Context\n"
	if got := head(t, fourth.File, 11); got != want4 {
		t.Errorf("0004 =\n%s\nwant\n%s", got, want4)
	}
}

func TestSupersedeWaitsForAcceptance(t *testing.T) {
	dir := t.TempDir()
	first := newRecord(t, dir, NewOptions{Title: "Use MySQL", Status: "Accepted"})
	before := readFile(t, first.File)
	second := newRecord(t, dir, NewOptions{Title: "Use Postgres", Supersedes: []string{"use-mysql"}})
	if got := readFile(t, first.File); got != before {
		t.Fatalf("a proposed record changed the record it supersedes:\n%s", got)
	}
	if !strings.Contains(readFile(t, second.File), "Proposed\n\nSupercedes [1. Use MySQL](0001-use-mysql.md)\n") {
		t.Errorf("proposed record does not state what it supersedes:\n%s", readFile(t, second.File))
	}
	if _, err := logIn(t, dir).SetStatus("2", "accepted"); err != nil {
		t.Fatal(err)
	}
	l := logIn(t, dir)
	got := l.Records[0]
	if got.Status != "Superceded" || len(got.Links) != 1 || got.Links[0].Target != 2 {
		t.Errorf("after accepting 2, record 1 has status %q and links %+v", got.Status, got.Links)
	}
	if l.Records[1].Status != "Accepted" {
		t.Errorf("record 2 status = %q, want Accepted", l.Records[1].Status)
	}
	// Accepting again changes nothing more.
	if _, err := logIn(t, dir).SetStatus("2", "Accepted"); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(readFile(t, first.File), "Superceded by"); n != 1 {
		t.Errorf("record 1 has %d superseded-by links, want 1", n)
	}
}

// A rewrite changes the lines it must and nothing else: CRLF endings,
// unknown front-matter keys, comments, sections and a last line without
// a newline survive.
func TestRewriteKeepsWhatItDoesNotUnderstand(t *testing.T) {
	dir := t.TempDir()
	madr := "---\r\n# owner: platform team\r\nstatus: proposed\r\ndate: 2024-01-02\r\ntags: [db, \"x\"]\r\ncustom:\r\n  nested: true\r\n---\r\n\r\n# Use Postgres\r\n\r\n## Context and Problem Statement\r\n\r\nText  with  spaces\t\r\n\r\n## Appendix\r\n\r\nno newline at the end"
	writeFile(t, filepath.Join(dir, "0001-use-postgres.md"), madr)
	nygard := "# 2. Use Redis\n\nDate: 2024-01-03\n\n## Status\n\nAccepted\n\n## Context\n\nSee <https://example.com>.\n\n## Unknown Section\n\nkept\n"
	writeFile(t, filepath.Join(dir, "0002-use-redis.md"), nygard)

	if _, err := logIn(t, dir).SetStatus("1", "Accepted"); err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(madr, "status: proposed\r\n", "status: accepted\r\n", 1)
	if got := readFile(t, filepath.Join(dir, "0001-use-postgres.md")); got != want {
		t.Errorf("after status:\n%q\nwant\n%q", got, want)
	}

	if err := logIn(t, dir).AddLink("1", "Relies on", "2", "Relied on by"); err != nil {
		t.Fatal(err)
	}
	want += "\r\n\r\n## Links\r\n\r\n* Relies on [ADR-0002](0002-use-redis.md)\r\n"
	if got := readFile(t, filepath.Join(dir, "0001-use-postgres.md")); got != want {
		t.Errorf("after link:\n%q\nwant\n%q", got, want)
	}
	wantN := strings.Replace(nygard, "Accepted\n\n", "Accepted\n\nRelied on by [Use Postgres](0001-use-postgres.md)\n\n", 1)
	if got := readFile(t, filepath.Join(dir, "0002-use-redis.md")); got != wantN {
		t.Errorf("reverse link:\n%s\nwant\n%s", got, wantN)
	}
	l := logIn(t, dir)
	if got := l.Records[0].Links; len(got) != 1 || got[0].Target != 2 || got[0].Verb != "Relies on" {
		t.Errorf("links read back = %+v", got)
	}
}

func TestSupersedeMADR(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "0001-use-rest.md"), "---\nstatus: accepted\ndate: 2024-01-02\n---\n\n# Use REST\n")
	writeFile(t, filepath.Join(dir, "0002-use-soap.md"), "# Use SOAP\n\n* Status: accepted\n* Date: 2019-01-01\n\n## Context and Problem Statement\n\nx\n")
	r := newRecord(t, dir, NewOptions{Title: "Use gRPC", Status: "accepted", Supersedes: []string{"1", "2"}})
	if got, want := readFile(t, filepath.Join(dir, "0001-use-rest.md")), "---\nstatus: superseded by ADR-0003\ndate: 2024-01-02\n---\n\n# Use REST\n"; got != want {
		t.Errorf("front matter:\n%s\nwant\n%s", got, want)
	}
	if got, want := readFile(t, filepath.Join(dir, "0002-use-soap.md")), "# Use SOAP\n\n* Status: superseded by [ADR-0003](0003-use-grpc.md)\n* Date: 2019-01-01\n\n## Context and Problem Statement\n\nx\n"; got != want {
		t.Errorf("bullets:\n%s\nwant\n%s", got, want)
	}
	if r.Format != MADR {
		t.Errorf("new record in a MADR directory is %s", r.Format)
	}
	l := logIn(t, dir)
	if fs := l.Lint(LintOptions{}); len(fs) != 0 {
		t.Errorf("lint after supersede: %v", fs)
	}
}

func TestRenumber(t *testing.T) {
	dir := t.TempDir()
	newRecord(t, dir, NewOptions{Title: "One", Status: "Accepted"})
	newRecord(t, dir, NewOptions{Title: "Two", Status: "Accepted", Supersedes: []string{"1"}})
	writeFile(t, filepath.Join(dir, "0003-three.md"), "---\nstatus: accepted\ndate: 2024-01-01\n---\n# Three\n")
	if err := logIn(t, dir).AddLink("3", "Refines", "2", "Refined by"); err != nil {
		t.Fatal(err)
	}
	r, err := logIn(t, dir).Renumber("2", 7)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := filepath.Base(r.File), "0007-two.md"; got != want {
		t.Errorf("renumbered file = %s, want %s", got, want)
	}
	if _, err := os.Stat(filepath.Join(dir, "0002-two.md")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("old file still there: %v", err)
	}
	if got := head(t, r.File, 1); got != "# 7. Two\n" {
		t.Errorf("heading = %q", got)
	}
	if got := readFile(t, filepath.Join(dir, "0001-one.md")); !strings.Contains(got, "Superceded by [7. Two](0007-two.md)") {
		t.Errorf("link in 0001 not rewritten:\n%s", got)
	}
	if got := readFile(t, filepath.Join(dir, "0003-three.md")); !strings.Contains(got, "* Refines [ADR-0007](0007-two.md)") {
		t.Errorf("link in 0003 not rewritten:\n%s", got)
	}
	if fs := logIn(t, dir).Lint(LintOptions{}); len(fs) != 0 {
		t.Errorf("lint after renumber: %v", fs)
	}
	if _, err := logIn(t, dir).Renumber("1", 3); err == nil || !strings.Contains(err.Error(), "taken by 0003-three.md") {
		t.Errorf("renumber onto a taken number: %v", err)
	}
}

// Records created at the same moment never share a number.
func TestNewConcurrently(t *testing.T) {
	dir := t.TempDir()
	const n = 24
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			l, err := Read(dir)
			if errors.Is(err, fs.ErrNotExist) {
				l, err = &Log{Dir: dir}, nil
			}
			if err == nil {
				_, err = l.New(NewOptions{Title: fmt.Sprintf("Decision %d", i), Date: "2024-01-01"})
			}
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	l := logIn(t, dir)
	var nums []int
	for _, r := range l.Records {
		nums = append(nums, r.Number)
	}
	sort.Ints(nums)
	for i, got := range nums {
		if got != i+1 {
			t.Fatalf("numbers = %v, want 1..%d each once", nums, n)
		}
	}
}

func TestNewRefusesAndWritesNothing(t *testing.T) {
	dir := t.TempDir()
	newRecord(t, dir, NewOptions{Title: "One"})
	tests := []struct {
		opts NewOptions
		want string
	}{
		{NewOptions{Title: "!!!"}, `title "!!!" has no ASCII letters or digits`},
		{NewOptions{Title: "  "}, "needs a title"},
		{NewOptions{Title: "Two", Supersedes: []string{"9"}}, "--supersedes 9: no decision record numbered 9"},
		{NewOptions{Title: "Two", Links: []LinkSpec{{Target: "nope", Verb: "a", Reverse: "b"}}}, `--link nope: no decision record`},
		{NewOptions{Title: "Two", Template: "rst"}, `unknown format "rst"`},
	}
	for _, tt := range tests {
		tt.opts.Date = "2024-01-01"
		_, err := logIn(t, dir).New(tt.opts)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("New(%+v) error = %v, want %q", tt.opts, err, tt.want)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("refused records left files behind: %v", entries)
	}
}

func TestCreateNeverReplaces(t *testing.T) {
	file := filepath.Join(t.TempDir(), "0001-x.md")
	writeFile(t, file, "mine")
	if err := create(file, []byte("theirs")); !errors.Is(err, fs.ErrExist) {
		t.Errorf("create over an existing file: %v, want ErrExist", err)
	}
	if got := readFile(t, file); got != "mine" {
		t.Errorf("existing file now holds %q", got)
	}
	entries, _ := os.ReadDir(filepath.Dir(file))
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

func TestProjectTemplate(t *testing.T) {
	dir := t.TempDir()
	// adr-tools' project-specific-template test: the first placeholder of
	// each kind on a line is replaced.
	writeFile(t, filepath.Join(dir, "templates", "template.md"), "# TITLE\n\nProject specific template!\n\n# Status\n\nSTATUS\n\n# Info\n\nADR Number: NUMBER\n\nDate: DATE\n\n")
	r := newRecord(t, dir, NewOptions{Title: "Aaa Bbb", Status: "Accepted"})
	want := "# Aaa Bbb\n\nProject specific template!\n\n# Status\n\nAccepted\n\n# Info\n\nADR Number: 1\n\nDate: 1992-01-12\n\n"
	if got := readFile(t, r.File); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestLogForbrainsNamesByDate(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "20240131-use-postgres.md"), "# Use Postgres\n\n- Status: accepted\n- Date: 2024-01-31\n")
	r := newRecord(t, dir, NewOptions{Title: "Use Redis", Date: "2024-02-05"})
	if got, want := filepath.Base(r.File), "20240205-use-redis.md"; got != want {
		t.Errorf("new record in a date-named directory = %s, want %s", got, want)
	}
}
