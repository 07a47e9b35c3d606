package analyze

import (
	"bytes"
	"crypto/sha256"
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

// TestHashMemo: a memo gives each file's content hash, reads a file
// again only when its size or times changed (or it was modified within
// the racy window), and a saved memo carries that to the next run.
func TestHashMemo(t *testing.T) {
	c := OpenCache(t.TempDir(), 0, func(msg string) { t.Error(msg) })
	file := filepath.Join(t.TempDir(), "a.go")
	write := func(content string, mtime time.Time) {
		t.Helper()
		if err := os.WriteFile(file, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(file, mtime, mtime); err != nil {
			t.Fatal(err)
		}
	}
	hour := time.Now().Add(-time.Hour)
	write("package a\n", hour)
	m, ran := c.Memo("files", "build")
	if ran {
		t.Fatal("an empty cache has a memo")
	}
	h1, err := m.Hash(file)
	if err != nil {
		t.Fatal(err)
	}
	if want := sha256.Sum256([]byte("package a\n")); !bytes.Equal(h1, want[:]) {
		t.Fatalf("hash %x, want %x", h1, want)
	}
	m.Save()

	m, ran = c.Memo("files", "build")
	if !ran {
		t.Fatal("a saved memo is not found")
	}
	if h, _ := m.Hash(file); !bytes.Equal(h, h1) || m.read != 0 {
		t.Errorf("unchanged file: hash %x, %d read, want %x and none read", h, m.read, h1)
	}
	// Same size, same modification time, other content: the change time
	// tells (where the system keeps one).
	time.Sleep(10 * time.Millisecond)
	write("package b\n", hour)
	if h, _ := m.Hash(file); bytes.Equal(h, h1) && runtime.GOOS == "linux" {
		t.Error("an edit that puts size and modification time back keeps its hash")
	}
	// Modified just now: read on every call, and not remembered.
	write("package c\n", time.Now())
	m, _ = c.Memo("files", "build")
	for range 2 {
		m.Hash(file)
	}
	if m.read != 2 {
		t.Errorf("a file in the racy window read %d times, want 2", m.read)
	}
	if _, err := m.Hash(filepath.Join(t.TempDir(), "missing.go")); err == nil {
		t.Error("a missing file has a hash")
	}
}

// TestCacheEntryNotAFile: a folder where an entry's file should be is
// reported, removed and answered as missing.
func TestCacheEntryNotAFile(t *testing.T) {
	var warnings []string
	c := OpenCache(t.TempDir(), 0, func(msg string) { warnings = append(warnings, msg) })
	if err := os.MkdirAll(filepath.Join(c.entryFile("types", "k"), "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	if got := c.Get("types", "k"); got != nil || len(warnings) != 1 {
		t.Fatalf("Get = %q, warnings %q", got, warnings)
	}
	c.Put("types", "k", []byte("data"))
	if got := c.Get("types", "k"); string(got) != "data" {
		t.Errorf("after the folder: Get = %q", got)
	}
}
