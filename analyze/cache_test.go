package analyze

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestCacheKey holds every setting that selects files to the key: a
// change to any one of them must give another key, so that no entry read
// under one setting is used under another. The Go version is simulated
// here, since the go command on the machine is the only one there is.
func TestCacheKey(t *testing.T) {
	base := fastEnv{GOROOT: "/go", GOOS: "linux", GOARCH: "amd64", GOVERSION: "go1.26.8", GOFLAGS: "", CGO_ENABLED: "1"}
	key := func(e fastEnv, tags []string) string {
		ctx, why := e.buildContext(tags)
		if why != "" {
			t.Fatal(why)
		}
		return cacheKey(&e, ctx)
	}
	want := key(base, []string{"a", "b"})
	cases := []struct {
		name string
		edit func(e *fastEnv)
		tags []string
		same bool
	}{
		{"same settings", func(e *fastEnv) {}, []string{"a", "b"}, true},
		{"tags in another order", func(e *fastEnv) {}, []string{"b", "a"}, true},
		{"other tags", func(e *fastEnv) {}, []string{"a"}, false},
		{"no tags", func(e *fastEnv) {}, nil, false},
		{"Go version", func(e *fastEnv) { e.GOVERSION = "go1.26.9" }, []string{"a", "b"}, false},
		{"Go release", func(e *fastEnv) { e.GOVERSION = "go1.27.0" }, []string{"a", "b"}, false},
		{"GOOS", func(e *fastEnv) { e.GOOS = "windows" }, []string{"a", "b"}, false},
		{"GOARCH", func(e *fastEnv) { e.GOARCH = "arm64" }, []string{"a", "b"}, false},
		{"CGO_ENABLED", func(e *fastEnv) { e.CGO_ENABLED = "0" }, []string{"a", "b"}, false},
		{"GOFLAGS", func(e *fastEnv) { e.GOFLAGS = "-trimpath" }, []string{"a", "b"}, false},
		{"GOROOT", func(e *fastEnv) { e.GOROOT = "/other/go" }, []string{"a", "b"}, false},
	}
	for _, c := range cases {
		e := base
		c.edit(&e)
		if got := key(e, c.tags); (got == want) != c.same {
			t.Errorf("%s: same key = %v, want %v", c.name, got == want, c.same)
		}
	}
}

// editTree writes files (name -> content; "" removes it) below dir.
func editTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if body == "" {
			if err := os.Remove(p); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// ageTree sets every file's times an hour back, as for code not edited
// while archie runs: the cache then trusts sizes and times alone.
func ageTree(t *testing.T, dir string) {
	t.Helper()
	old := time.Now().Add(-time.Hour)
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			os.Chtimes(p, old, old)
		}
		return nil
	})
}

// TestCacheInvalidation edits a module between two cached loads, one
// edit per key, and holds the second load to an uncached one: the graph
// must be the same, and exactly the folders the edit touched (all of
// them, for a change of settings) must have been read again.
func TestCacheInvalidation(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	const gomod = "module example.com/m\n\ngo 1.22\n"
	base := map[string]string{
		"go.mod":         gomod,
		"a/a.go":         "package a\n\nimport _ \"strings\"\n",
		"a/a_test.go":    "package a\n\nimport _ \"testing\"\n",
		"b/b.go":         "package b\n\nimport _ \"example.com/m/a\"\n",
		"b/b_windows.go": "package b\n\nimport _ \"example.com/m/c\"\n",
		"c/c.go":         "package c\n",
		"c/e.go":         "//go:build extra\n\npackage c\n\nimport _ \"example.com/m/b\"\n",
	}
	all := []string{"a", "b", "c"}
	cases := []struct {
		name       string
		aged       bool              // the files are old when first read
		edit       map[string]string // "" removes a file
		keepTimes  bool              // the edit keeps the files' times (and sizes)
		damage     func([]byte) []byte
		unreadable bool
		env        []string // of the second load
		tags       []string // of the second load
		same       bool     // the graph does not change
		reread     []string // folders read again
	}{
		{name: "nothing changed", aged: true, same: true},
		{name: "nothing changed, files recent", same: true},
		{name: "edit a file", aged: true, edit: map[string]string{"a/a.go": "package a\n\nimport _ \"bytes\"\n"}, reread: []string{"a"}},
		{name: "edit a file within the tick it was read", edit: map[string]string{"a/a.go": "package a\n\nimport _ \"reflect\"\n"}, keepTimes: true, reread: []string{"a"}},
		{name: "edit an old file keeping its size and time", aged: true, edit: map[string]string{"a/a.go": "package a\n\nimport _ \"strconv\"\n"}, keepTimes: true, reread: []string{"a"}},
		{name: "edit a test file", aged: true, edit: map[string]string{"a/a_test.go": "package a\n\nimport _ \"fmt\"\n"}, reread: []string{"a"}},
		{name: "add a file", aged: true, edit: map[string]string{"c/d.go": "package c\n\nimport _ \"example.com/m/a\"\n"}, reread: []string{"c"}},
		{name: "remove a file", aged: true, edit: map[string]string{"a/a_test.go": ""}, reread: []string{"a"}},
		{name: "add a tagged file", aged: true, edit: map[string]string{"a/f.go": "//go:build extra\n\npackage a\n\nimport _ \"bytes\"\n"}, same: true, reread: []string{"a"}},
		{name: "change tags", aged: true, tags: []string{"extra"}, reread: all},
		{name: "change go.mod", aged: true, edit: map[string]string{"go.mod": gomod + "\n// a comment\n"}, same: true, reread: all},
		{name: "add go.sum", aged: true, edit: map[string]string{"go.sum": "\n"}, same: true, reread: all},
		{name: "change GOOS and GOARCH", aged: true, env: []string{"GOOS=windows", "GOARCH=386"}, reread: all},
		{name: "change CGO_ENABLED", aged: true, env: []string{"CGO_ENABLED=0"}, same: true, reread: all},
		{name: "change GOFLAGS", aged: true, env: []string{"GOFLAGS=-trimpath"}, same: true, reread: all},
		{name: "corrupt entry", aged: true, damage: func(b []byte) []byte { return bytes.Replace(b, []byte("strings"), []byte("strongs"), 1) }, same: true, reread: all},
		{name: "flipped byte", aged: true, damage: func(b []byte) []byte { b[len(b)-3] ^= 0xff; return b }, same: true, reread: all},
		{name: "truncated entry", aged: true, damage: func(b []byte) []byte { return b[:len(b)/2] }, same: true, reread: all},
		{name: "not an entry", aged: true, damage: func(b []byte) []byte { return []byte("garbage") }, same: true, reread: all},
		{name: "unreadable entry", aged: true, unreadable: true, same: true, reread: all},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			dir, cacheDir := t.TempDir(), t.TempDir()
			writeTree(t, dir, base)
			if c.aged {
				ageTree(t, dir)
			}
			var warnings bytes.Buffer
			var mu sync.Mutex
			cache := OpenCache(cacheDir, 0, func(msg string) { mu.Lock(); fmt.Fprintln(&warnings, msg); mu.Unlock() })
			ctx := context.Background()
			load := func(env []string, tags []string, cache *Cache) graphFacts {
				t.Helper()
				g, err := Load(ctx, Options{Dir: dir, Tests: true, Env: append(os.Environ(), env...), Tags: tags, Loader: LoaderFast, Cache: cache})
				if err != nil {
					t.Fatal(err)
				}
				return factsOf(g)
			}
			load(nil, nil, cache)
			if got := sortedRel(dir, cache.takeReread()); !reflect.DeepEqual(got, all) {
				t.Fatalf("a cold load read %v, want %v", got, all)
			}
			before := load(nil, nil, nil)
			times := make(map[string]time.Time)
			for name := range c.edit {
				if info, err := os.Stat(filepath.Join(dir, name)); err == nil {
					times[name] = info.ModTime()
				}
			}
			editTree(t, dir, c.edit)
			if c.keepTimes {
				for name, tm := range times {
					if err := os.Chtimes(filepath.Join(dir, name), tm, tm); err != nil {
						t.Fatal(err)
					}
				}
			}
			if c.damage != nil || c.unreadable {
				damageBundles(t, filepath.Join(cacheDir, cacheFormat), c.damage)
			}
			got := load(c.env, c.tags, cache)
			want := load(c.env, c.tags, nil)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("cached graph differs from the uncached one\n%s", diffFacts(got, want))
			}
			if changed := !reflect.DeepEqual(before, want); changed == c.same {
				t.Errorf("the graph changed: %v, want %v", changed, !c.same)
			}
			if reread := sortedRel(dir, cache.takeReread()); !reflect.DeepEqual(reread, c.reread) {
				t.Errorf("read again %v, want %v", reread, c.reread)
			}
			damaged := c.damage != nil || c.unreadable
			if w := warnings.String(); damaged != (w != "") {
				t.Errorf("warnings %q; want one: %v", w, damaged)
			}
			// The third load finds everything as the second left it.
			warnings.Reset()
			if again := load(c.env, c.tags, cache); !reflect.DeepEqual(again, want) {
				t.Errorf("third load differs\n%s", diffFacts(again, want))
			}
			if reread := cache.takeReread(); len(reread) > 0 {
				t.Errorf("the third load read %v again", sortedRel(dir, reread))
			}
			if w := warnings.String(); w != "" {
				t.Errorf("warnings on the third load: %s", w)
			}
		})
	}
}

// damageBundles applies f to the main modules' bundle files in a cache
// folder; a nil f makes them unreadable by putting a folder in their place.
func damageBundles(t *testing.T, dir string, f func([]byte) []byte) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), "main-") {
			continue
		}
		n++
		p := filepath.Join(dir, e.Name())
		if f == nil {
			if err := os.Remove(p); err != nil {
				t.Fatal(err)
			}
			if err := os.Mkdir(p, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		damaged := f(bytes.Clone(data))
		if bytes.Equal(damaged, data) {
			t.Fatal("the damage changed nothing")
		}
		if err := os.WriteFile(p, damaged, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if n == 0 {
		t.Fatal("no bundle of the main modules to damage")
	}
}

func (c *Cache) takeReread() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	r := c.reread
	c.reread = nil
	return r
}

func sortedRel(root string, dirs []string) []string {
	var out []string
	for _, d := range dirs {
		rel, _ := filepath.Rel(root, d)
		out = append(out, filepath.ToSlash(rel))
	}
	sort.Strings(out)
	return out
}

// TestCacheConcurrentWriters runs processes that write the same bundle
// over and over, each with contents of its own, read it back and evict
// beside one another: every read must give one writer's whole bundle,
// or none when eviction removed it, never part of one.
func TestCacheConcurrentWriters(t *testing.T) {
	if dir := os.Getenv("ARCHIE_CACHE_HELPER_DIR"); dir != "" {
		t.Skip("the helper process runs cacheHelper instead")
	}
	dir := t.TempDir()
	const writers = 3
	var procs []*exec.Cmd
	for i := range writers {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCacheHelperProcess$", "-test.count=1")
		cmd.Env = append(os.Environ(), "ARCHIE_CACHE_HELPER_DIR="+dir, fmt.Sprintf("ARCHIE_CACHE_HELPER_ID=%d", i))
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			if t.Failed() {
				t.Logf("writer output:\n%s", out.String())
			}
		})
		procs = append(procs, cmd)
	}
	for i, cmd := range procs {
		if err := cmd.Wait(); err != nil {
			t.Errorf("writer %d: %v", i, err)
		}
	}
}

// TestCacheHelperProcess is one writer of TestCacheConcurrentWriters.
func TestCacheHelperProcess(t *testing.T) {
	dir, id := os.Getenv("ARCHIE_CACHE_HELPER_DIR"), os.Getenv("ARCHIE_CACHE_HELPER_ID")
	if dir == "" {
		t.Skip("run by TestCacheConcurrentWriters")
	}
	c := OpenCache(dir, 64<<10, nil) // small: eviction runs beside the writes
	file := filepath.Join(c.dir, "mod-shared")
	const key = "shared key"
	mine := &cacheBundle{Key: key, Dirs: make(map[string]*dirEntry)}
	// Big enough that a write takes many system calls.
	for i := range 2000 {
		mine.Dirs[fmt.Sprintf("pkg/%d", i)] = &dirEntry{Name: "w" + id, Imports: []string{"fmt", "strings", "example.com/" + id}}
	}
	reads, whole := 0, 0
	deadline := time.Now().Add(2 * time.Second)
	for time.Now().Before(deadline) {
		if err := writeBundle(file, mine); err != nil {
			t.Fatalf("write: %v", err)
		}
		// A bundle of its own, for eviction to weigh against.
		writeBundle(filepath.Join(c.dir, "mod-"+id), mine)
		cb, err := readBundle(file)
		reads++
		if errors.Is(err, fs.ErrNotExist) {
			continue // evicted by another writer
		}
		if err != nil {
			t.Fatalf("read %d: %v", reads, err)
		}
		if cb.Key != key || len(cb.Dirs) != len(mine.Dirs) {
			t.Fatalf("read %d: key %q, %d folders", reads, cb.Key, len(cb.Dirs))
		}
		writer := cb.Dirs["pkg/0"].Name
		for d, e := range cb.Dirs {
			if e.Name != writer || len(e.Imports) != 3 || e.Imports[2] != "example.com/"+writer[1:] {
				t.Fatalf("read %d: folder %s from %s mixed into %s's bundle", reads, d, e.Name, writer)
			}
		}
		whole++
		if reads%10 == 0 {
			c.evict()
		}
	}
	if whole == 0 {
		t.Fatalf("no whole read in %d", reads)
	}
	t.Logf("writer %s: %d reads, %d whole", id, reads, whole)
}

// TestCacheEviction removes the bundles used least recently, down to
// three quarters of the limit, and temporary files left for an hour.
func TestCacheEviction(t *testing.T) {
	c := OpenCache(t.TempDir(), 1000, nil)
	if err := os.MkdirAll(c.dir, 0o755); err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	files := []struct {
		name string
		age  time.Duration
		kept bool
	}{
		{"mod-a", 5 * time.Hour, false},
		{"mod-b", 4 * time.Hour, false},
		{"main-c", 3 * time.Hour, false},
		{"mod-d", 2 * time.Minute, true},
		{"std-e", time.Minute, true},
		{".tmp-old", 2 * time.Hour, false},
		{".tmp-new", time.Minute, true}, // perhaps being written
	}
	for _, f := range files {
		p := filepath.Join(c.dir, f.name)
		if err := os.WriteFile(p, make([]byte, 300), 0o644); err != nil {
			t.Fatal(err)
		}
		os.Chtimes(p, now.Add(-f.age), now.Add(-f.age))
	}
	c.evict()
	for _, f := range files {
		_, err := os.Stat(filepath.Join(c.dir, f.name))
		if kept := err == nil; kept != f.kept {
			t.Errorf("%s kept: %v, want %v", f.name, kept, f.kept)
		}
	}
	// Under the limit, nothing goes.
	c.evict()
	if _, err := os.Stat(filepath.Join(c.dir, "mod-d")); err != nil {
		t.Errorf("evicted under the limit: %v", err)
	}
}

// TestCacheWarmMatchesPackages is the differential test with the cache
// warm: over every fixture module, a load from the cache gives the graph
// an uncached fast load gives, and go/packages' where the fast loader ran,
// without reading any folder of the main modules again.
func TestCacheWarmMatchesPackages(t *testing.T) {
	if testing.Short() {
		t.Skip("loads every fixture three times")
	}
	for _, dir := range fixtureModules(t) {
		for _, tests := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/tests=%v", filepath.Base(dir), tests), func(t *testing.T) {
				t.Parallel()
				ctx := context.Background()
				cache := OpenCache(t.TempDir(), 0, func(msg string) { t.Errorf("warning: %s", msg) })
				opts := Options{Dir: dir, Tests: tests}
				uncached, err := Load(ctx, opts)
				if err != nil {
					t.Skipf("Load: %v", err)
				}
				opts.Cache = cache
				if _, err := Load(ctx, opts); err != nil {
					t.Fatal(err)
				}
				cache.takeReread()
				warm, err := Load(ctx, opts)
				if err != nil {
					t.Fatal(err)
				}
				if warm.Loader != uncached.Loader {
					t.Fatalf("loader %s warm, %s uncached", warm.Loader, uncached.Loader)
				}
				if warm.Loader != LoaderFast {
					return // go list: nothing cached
				}
				if reread := cache.takeReread(); len(reread) > 0 {
					t.Errorf("a warm load read %v again", reread)
				}
				if hits, _ := cache.Counts(); hits == 0 {
					t.Errorf("a warm load took nothing from the cache")
				}
				g, w := factsOf(warm), factsOf(uncached)
				if !reflect.DeepEqual(g, w) {
					t.Errorf("warm graph differs from the uncached one\n%s", diffFacts(g, w))
				}
				opts.Loader, opts.Cache = LoaderPackages, nil
				ref, err := Load(ctx, opts)
				if err != nil {
					t.Fatal(err)
				}
				if r := factsOf(ref); !reflect.DeepEqual(g, r) {
					t.Errorf("warm graph differs from go/packages'\n%s", diffFacts(g, r))
				}
			})
		}
	}
}
