package analyze

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestCacheEntries: what Put keeps, Get returns under the same kind and
// key only; a damaged entry is reported, removed and answered as
// missing; an entry whose file holds another key is not used.
func TestCacheEntries(t *testing.T) {
	var warnings []string
	c := OpenCache(t.TempDir(), 0, func(msg string) { warnings = append(warnings, msg) })
	if got := c.Get("types", "k1"); got != nil {
		t.Fatalf("empty cache: Get = %q", got)
	}
	c.Put("types", "k1", []byte("export data one"))
	c.Put("types", "k2", nil)
	if got := c.Get("types", "k1"); string(got) != "export data one" {
		t.Errorf("Get k1 = %q", got)
	}
	if got := c.Get("types", "k2"); got == nil || len(got) != 0 {
		t.Errorf("Get k2 = %q, want empty and not nil", got)
	}
	if got := c.Get("other", "k1"); got != nil {
		t.Errorf("another kind: Get = %q", got)
	}

	// Another key's file put in k1's place (by hand, or a collision).
	if err := os.Rename(c.entryFile("types", "k2"), c.entryFile("types", "k1")); err != nil {
		t.Fatal(err)
	}
	if got := c.Get("types", "k1"); got != nil {
		t.Errorf("k2's file read as k1: %q", got)
	}

	// A damaged file: every byte flipped in turn is caught.
	c.Put("types", "k3", []byte("some export data"))
	file := c.entryFile("types", "k3")
	good, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for i := range good {
		bad := bytes.Clone(good)
		bad[i] ^= 0x20
		if err := os.WriteFile(file, bad, 0o644); err != nil {
			t.Fatal(err)
		}
		warnings = nil
		if got := c.Get("types", "k3"); got != nil && string(got) != "some export data" {
			t.Fatalf("byte %d flipped: Get = %q", i, got)
		}
		if _, err := os.Stat(file); err == nil && len(warnings) > 0 {
			t.Fatalf("byte %d flipped: warned %q but kept the file", i, warnings)
		}
	}
	os.WriteFile(file, good[:len(good)-3], 0o644)
	warnings = nil
	if got := c.Get("types", "k3"); got != nil || len(warnings) != 1 || !strings.Contains(warnings[0], "unreadable") {
		t.Errorf("truncated: Get = %q, warnings %q", got, warnings)
	}
	if _, err := os.Stat(file); err == nil {
		t.Error("a damaged entry is kept")
	}
}

// TestCacheEntriesTrim: Trim keeps the cache under its size once Puts
// took it over, removing what was used least recently, bundles and
// entries alike.
func TestCacheEntriesTrim(t *testing.T) {
	c := OpenCache(t.TempDir(), 1000, nil)
	c.Put("types", "old", make([]byte, 320))
	c.Put("types", "new", make([]byte, 320))
	old := time.Now().Add(-5 * time.Hour)
	os.Chtimes(c.entryFile("types", "old"), old, old)
	c.Trim() // two entries of about 350 bytes: under the limit
	if c.Get("types", "old") == nil {
		t.Fatal("trimmed under the limit")
	}
	os.Chtimes(c.entryFile("types", "old"), old, old)
	c.Put("types", "newer", make([]byte, 320))
	c.Trim()
	if c.Get("types", "old") != nil {
		t.Error("the entry used least recently is kept over the limit")
	}
	if c.Get("types", "new") == nil || c.Get("types", "newer") == nil {
		t.Error("recent entries removed")
	}
}

// TestFileStamp: a file's stamp changes with an edit of it, even one
// that puts its size and modification time back; a file modified within
// the racy window is not settled.
func TestFileStamp(t *testing.T) {
	file := filepath.Join(t.TempDir(), "a.go")
	if err := os.WriteFile(file, []byte("package a\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour)
	os.Chtimes(file, old, old)
	before, settled, err := FileStamp(file)
	if err != nil || !settled {
		t.Fatalf("a file an hour old: settled %v, %v", settled, err)
	}
	if again, _, _ := FileStamp(file); again != before {
		t.Errorf("stamp moved without an edit: %q, %q", before, again)
	}
	time.Sleep(10 * time.Millisecond) // a change time the edit can move
	if err := os.WriteFile(file, []byte("package b\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, settled, _ := FileStamp(file); settled {
		t.Error("a file modified now is settled")
	}
	os.Chtimes(file, old, old)
	after, _, err := FileStamp(file)
	if err != nil {
		t.Fatal(err)
	}
	if after == before && runtime.GOOS == "linux" {
		t.Errorf("an edit that keeps size and modification time keeps the stamp %q", after)
	}
	if _, _, err := FileStamp(filepath.Join(t.TempDir(), "missing.go")); err == nil {
		t.Error("a missing file has a stamp")
	}
}
