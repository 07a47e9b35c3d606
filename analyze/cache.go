package analyze

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/gob"
	"errors"
	"fmt"
	"go/build"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// DefaultCacheMaxBytes is the size the cache is kept under when its
// owner does not say otherwise: 1 GiB. The fast loader's bundles of a
// large tree take a few MiB; the services analysis's export data of its
// dependencies up to 200 MiB (loki).
const DefaultCacheMaxBytes = 1 << 30

// A Cache keeps what the fast loader read of each package folder, so that
// a re-run reads again only the folders that changed. It is shared by
// every load of a process and safe for concurrent use; several processes
// may share its folder.
//
// Entries are bundles, each one file: the folders of one module version
// in the module cache (immutable, so never checked again), the standard
// library folders found buildable, and the folders of the main modules
// (and of modules replaced by a folder), each checked against a listing
// of its files before it is used. What a bundle holds depends only on
// what selects files (GOOS, GOARCH, CGO_ENABLED, build tags, GOFLAGS, the
// Go release, the go/build archie was built with) and, for the main
// modules, go.mod, go.sum and go.work: all of it is in the bundle's key.
// archie.yaml is not: it does not change the package graph.
//
// Bundles are written only after a load that succeeded without go list,
// atomically (a temporary file renamed into place), and carry a checksum:
// a reader sees a whole bundle or none, and a damaged one is reported
// through Warn and read again from the code, never trusted.
type Cache struct {
	dir      string
	maxBytes int64
	warn     func(string)
	// hits and misses count package folders, for tests and notes.
	hits, misses atomic.Int64
	// wrote says a Put wrote an entry since the last Trim.
	wrote atomic.Bool
	// reread are the folders of the main modules read from the code, for
	// tests.
	mu     sync.Mutex
	reread []string
}

// OpenCache returns the cache kept in dir, created on first write, kept
// under maxBytes (DefaultCacheMaxBytes when 0) by removing the bundles
// and entries used least recently. warn, when not nil, is told of a
// damaged bundle or entry.
func OpenCache(dir string, maxBytes int64, warn func(string)) *Cache {
	if maxBytes <= 0 {
		maxBytes = DefaultCacheMaxBytes
	}
	if warn == nil {
		warn = func(string) {}
	}
	return &Cache{dir: filepath.Join(dir, cacheFormat), maxBytes: maxBytes, warn: warn}
}

// Counts returns how many package folders loads through c took from it
// and how many they read from the code.
func (c *Cache) Counts() (hits, misses int64) { return c.hits.Load(), c.misses.Load() }

// cacheFormat names the layout of the bundles: a change to what they hold
// takes a new folder, and the old one ages out.
const cacheFormat = "load-v2"

// cacheMagic starts every bundle file, before its checksum.
const cacheMagic = "archie load cache v1\n"

// cacheKey is what every bundle's key starts with: everything that decides
// which files go/build selects and what it reads of them.
func cacheKey(env *fastEnv, bctx *build.Context) string {
	tags := append([]string(nil), bctx.BuildTags...)
	sort.Strings(tags)
	return strings.Join([]string{
		cacheFormat,
		"archie-go=" + runtime.Version(), // go/build's own rules
		"GOVERSION=" + env.GOVERSION,
		"GOROOT=" + env.GOROOT,
		"GOOS=" + env.GOOS,
		"GOARCH=" + env.GOARCH,
		"CGO_ENABLED=" + fmt.Sprint(bctx.CgoEnabled),
		"tags=" + strings.Join(tags, ","),
		"GOFLAGS=" + env.GOFLAGS,
	}, "\n")
}

// mainKeyFiles are the files of the main modules a main bundle's key
// holds the contents of.
func mainKeyFiles(mains []*Module, work string) []string {
	var files []string
	if work != "" {
		files = append(files, work, work+".sum")
	}
	for _, m := range mains {
		files = append(files, filepath.Join(m.Dir, "go.mod"), filepath.Join(m.Dir, "go.sum"))
	}
	return files
}

// A cacheBundle is the content of one cache file.
type cacheBundle struct {
	Key  string               // the full key, against a hash collision or a misplaced file
	Dirs map[string]*dirEntry // by folder: absolute, or relative to the module version's root
	// Has says whether a folder of a module version has a .go file: the
	// go command's test of which module provides a package.
	Has map[string]bool
}

// A dirEntry is what the fast loader read of one folder.
type dirEntry struct {
	// Files and Snap are the folder's listing before it was read, for
	// folders that may change: every entry but subfolders.
	Files []fileStamp
	Snap  int64 // when the listing was taken, Unix nanoseconds

	NoGo                                              bool // go/build found no Go files to build
	Name                                              string
	GoFiles, CgoFiles, TestGoFiles, XTestGoFiles      []string
	InvalidGoFiles, AllTags                           []string
	Imports, TestImports, XTestImports                []string
	EmbedPatterns, TestEmbedPatterns, XTestEmbedPatts []string
}

// A fileStamp is one file of a listing. Hash is its content's SHA-256,
// taken when its modification time was too recent to tell a later edit
// of the same size apart (within racyWindow of the listing).
type fileStamp struct {
	Name    string
	Size    int64
	ModTime int64
	// Change is the inode change time: an edit that keeps the size and
	// puts the modification time back (touch -r, cp -p) still moves it.
	Change int64
	Mode   fs.FileMode
	Hash   []byte
}

// racyWindow is how close to a listing a file's modification time must be
// for size and time not to be trusted alone: file systems keep times as
// coarsely as 2 s (FAT), and an edit within the same tick keeps them.
const racyWindow = 2 * time.Second

func (e *dirEntry) pkg() *build.Package {
	return &build.Package{
		Name: e.Name, GoFiles: e.GoFiles, CgoFiles: e.CgoFiles, TestGoFiles: e.TestGoFiles, XTestGoFiles: e.XTestGoFiles,
		InvalidGoFiles: e.InvalidGoFiles, AllTags: e.AllTags,
		Imports: e.Imports, TestImports: e.TestImports, XTestImports: e.XTestImports,
		EmbedPatterns: e.EmbedPatterns, TestEmbedPatterns: e.TestEmbedPatterns, XTestEmbedPatterns: e.XTestEmbedPatts,
	}
}

func entryOf(bp *build.Package, noGo bool) *dirEntry {
	e := &dirEntry{NoGo: noGo}
	if bp == nil || noGo {
		return e
	}
	e.Name, e.GoFiles, e.CgoFiles, e.TestGoFiles, e.XTestGoFiles = bp.Name, bp.GoFiles, bp.CgoFiles, bp.TestGoFiles, bp.XTestGoFiles
	e.InvalidGoFiles, e.AllTags = bp.InvalidGoFiles, bp.AllTags
	e.Imports, e.TestImports, e.XTestImports = bp.Imports, bp.TestImports, bp.XTestImports
	e.EmbedPatterns, e.TestEmbedPatterns, e.XTestEmbedPatts = bp.EmbedPatterns, bp.TestEmbedPatterns, bp.XTestEmbedPatterns
	return e
}

// A bundle is a cache file as one load uses it.
type bundle struct {
	file, key string
	once      sync.Once
	mu        sync.Mutex
	dirs      map[string]*dirEntry
	has       map[string]bool
	dirty     bool
}

// load reads the bundle's file once; a missing one is empty, a damaged
// one is reported and treated as empty.
func (b *bundle) load(c *Cache) {
	b.once.Do(func() {
		b.dirs, b.has = make(map[string]*dirEntry), make(map[string]bool)
		cb, err := readBundle(b.file)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return
		case err != nil:
			c.warn(fmt.Sprintf("cache entry %s is unreadable (%v): reading the code again", b.file, err))
			os.Remove(b.file) // so that the bundle can be written again
			return
		case cb.Key != b.key:
			c.warn(fmt.Sprintf("cache entry %s has another key: reading the code again", b.file))
			return
		}
		b.dirs = cb.Dirs
		if cb.Has != nil {
			b.has = cb.Has
		}
		touch(b.file)
	})
}

func (b *bundle) get(dir string) *dirEntry {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.dirs[dir]
}

func (b *bundle) put(dir string, e *dirEntry) {
	b.mu.Lock()
	b.dirs[dir] = e
	b.dirty = true
	b.mu.Unlock()
}

// readBundle reads and checks a bundle file.
func readBundle(file string) (*cacheBundle, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	payload, err := checked(data, cacheMagic)
	if err != nil {
		return nil, err
	}
	var cb cacheBundle
	if err := gob.NewDecoder(bytes.NewReader(payload)).Decode(&cb); err != nil {
		return nil, err
	}
	if cb.Dirs == nil {
		cb.Dirs = make(map[string]*dirEntry)
	}
	return &cb, nil
}

// checked returns the payload of a file writeChecked wrote, once its
// magic and checksum are found right.
func checked(data []byte, magic string) ([]byte, error) {
	rest, ok := bytes.CutPrefix(data, []byte(magic))
	if !ok || len(rest) < 4 {
		return nil, errors.New("not an archie cache file")
	}
	sum, payload := binary.BigEndian.Uint32(rest), rest[4:]
	if crc32.Checksum(payload, crcTable) != sum {
		return nil, errors.New("checksum mismatch")
	}
	return payload, nil
}

var crcTable = crc32.MakeTable(crc32.Castagnoli)

// writeBundle replaces a bundle file atomically: readers, in this process
// or another, see the old file or the new one, never part of one.
func writeBundle(file string, cb *cacheBundle) error {
	var payload bytes.Buffer
	if err := gob.NewEncoder(&payload).Encode(cb); err != nil {
		return err
	}
	return writeChecked(file, cacheMagic, payload.Bytes())
}

// writeChecked replaces file atomically with magic, the payload's
// checksum and the payload.
func writeChecked(file, magic string, payload []byte) error {
	var head [4]byte
	binary.BigEndian.PutUint32(head[:], crc32.Checksum(payload, crcTable))
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(file), ".tmp-*")
	if err != nil {
		return err
	}
	_, err = io.WriteString(tmp, magic)
	if err == nil {
		_, err = tmp.Write(head[:])
	}
	if err == nil {
		_, err = tmp.Write(payload)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), file)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}

// touch marks a bundle as used, for eviction by least recent use: its
// modification time stands for its access time (access times are often
// not kept), moved at most once an hour to spare the writes.
func touch(file string) {
	info, err := os.Stat(file)
	if err != nil {
		return
	}
	if now := time.Now(); now.Sub(info.ModTime()) > time.Hour {
		os.Chtimes(file, now, now)
	}
}

// loadCache is the cache as one fast load uses it.
type loadCache struct {
	c        *Cache
	key      string
	modcache string
	goroot   string
	main     *bundle // nil when the main modules' folders are not cached
	std      *bundle

	mu   sync.Mutex
	mods map[string]*bundle // by module version root, relative to modcache
}

// newLoadCache opens the bundles of a load. mainFiles are the files whose
// contents key the main modules' bundle (go.mod, go.sum, go.work); with
// none, the main modules' folders are not cached.
func (c *Cache) newLoadCache(env *fastEnv, bctx *build.Context, mainDirs, mainFiles []string) *loadCache {
	key := cacheKey(env, bctx)
	lc := &loadCache{c: c, key: key, modcache: env.GOMODCACHE, goroot: env.GOROOT, mods: make(map[string]*bundle)}
	lc.std = lc.bundle("std", key+"\nstd")
	if len(mainFiles) > 0 {
		mk := key + "\nmain"
		for _, d := range mainDirs {
			mk += "\nmodule " + d
		}
		for _, f := range mainFiles {
			data, err := os.ReadFile(f)
			if err != nil && !errors.Is(err, fs.ErrNotExist) {
				return lc // an unreadable go.sum: the main folders go uncached
			}
			mk += fmt.Sprintf("\n%s %x", f, sha256.Sum256(data))
		}
		lc.main = lc.bundle("main", mk)
	}
	return lc
}

func (lc *loadCache) bundle(kind, key string) *bundle {
	sum := sha256.Sum256([]byte(key))
	return &bundle{file: filepath.Join(lc.c.dir, fmt.Sprintf("%s-%x", kind, sum[:16])), key: key}
}

// modBundle returns the bundle of the module version whose extracted tree
// holds dir, and dir relative to it; nil when dir is not in one.
func (lc *loadCache) modBundle(dir string) (*bundle, string) {
	rel, err := filepath.Rel(lc.modcache, dir)
	if err != nil || rel == "." || strings.HasPrefix(rel, "..") {
		return nil, ""
	}
	elems := strings.Split(filepath.ToSlash(rel), "/")
	for i, e := range elems {
		if e == "cache" && i == 0 {
			return nil, ""
		}
		if strings.Contains(e, "@") {
			root := strings.Join(elems[:i+1], "/")
			lc.mu.Lock()
			b := lc.mods[root]
			if b == nil {
				b = lc.bundle("mod", lc.key+"\nmod "+root)
				lc.mods[root] = b
			}
			lc.mu.Unlock()
			return b, strings.Join(elems[i+1:], "/")
		}
	}
	return nil, ""
}

// A cachedDir is one folder's lookup: the entry to use, or where to
// record what is read instead.
type cachedDir struct {
	lc    *loadCache
	b     *bundle
	key   string
	hit   *dirEntry
	files []fileStamp // the listing taken before reading, for folders that may change
	snap  int64
}

// lookup finds a folder's entry; dep says the folder is read as a
// dependency in the module cache (without tests), which makes it
// immutable. A nil result means the folder is not cached at all.
func (lc *loadCache) lookup(dir string, dep bool) *cachedDir {
	if lc == nil {
		return nil
	}
	if dep {
		b, rel := lc.modBundle(dir)
		if b == nil {
			return nil
		}
		b.load(lc.c)
		cd := &cachedDir{lc: lc, b: b, key: rel, hit: b.get(rel)}
		lc.count(cd.hit != nil)
		return cd
	}
	if lc.main == nil {
		return nil
	}
	lc.main.load(lc.c)
	cd := &cachedDir{lc: lc, b: lc.main, key: dir}
	files, snap, err := listing(dir)
	if err != nil {
		return nil
	}
	cd.files, cd.snap = files, snap
	if e := lc.main.get(dir); e != nil {
		if same, refreshed := sameListing(dir, e, files, snap); same {
			cd.hit = e
			if refreshed != nil {
				lc.main.put(dir, refreshed)
			}
		}
	}
	lc.count(cd.hit != nil)
	if cd.hit == nil {
		lc.c.mu.Lock()
		lc.c.reread = append(lc.c.reread, dir)
		lc.c.mu.Unlock()
	}
	return cd
}

func (lc *loadCache) count(hit bool) {
	if hit {
		lc.c.hits.Add(1)
	} else {
		lc.c.misses.Add(1)
	}
}

// record keeps what was read of the folder, to be written if the load
// succeeds.
func (cd *cachedDir) record(bp *build.Package, noGo bool) {
	if cd == nil {
		return
	}
	e := entryOf(bp, noGo)
	e.Files, e.Snap = cd.files, cd.snap
	cd.b.put(cd.key, e)
}

// hasGoFiles is the function hasGoFiles for a folder of the module cache,
// answered from the bundle of its module version when an earlier load
// asked.
func (lc *loadCache) hasGoFiles(dir string) bool {
	b, rel := lc.modBundle(dir)
	if b == nil {
		return hasGoFiles(dir)
	}
	b.load(lc.c)
	b.mu.Lock()
	has, ok := b.has[rel]
	b.mu.Unlock()
	if ok {
		return has
	}
	has = hasGoFiles(dir)
	b.mu.Lock()
	b.has[rel] = has
	b.dirty = true
	b.mu.Unlock()
	return has
}

// stdOK reports whether the standard library package was found buildable
// by an earlier load with the same key.
func (lc *loadCache) stdOK(path string) bool {
	if lc == nil {
		return false
	}
	lc.std.load(lc.c)
	ok := lc.std.get(path) != nil
	lc.count(ok)
	return ok
}

func (lc *loadCache) stdFound(path string) {
	if lc != nil {
		lc.std.put(path, &dirEntry{})
	}
}

// listing stamps a folder's entries other than subfolders, following
// symbolic links as go/build does when it opens them, and hashes those
// modified too recently for their size and time to tell.
func listing(dir string) ([]fileStamp, int64, error) {
	snap := time.Now()
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, 0, err
	}
	files := make([]fileStamp, 0, len(entries))
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		info, err := os.Stat(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, 0, err
		}
		if info.IsDir() {
			continue // a link to a folder
		}
		f := fileStamp{Name: e.Name(), Size: info.Size(), ModTime: info.ModTime().UnixNano(), Change: changeTime(info), Mode: info.Mode()}
		if racy(info.ModTime(), snap.UnixNano()) {
			if f.Hash, err = hashFile(filepath.Join(dir, e.Name())); err != nil {
				return nil, 0, err
			}
		}
		files = append(files, f)
	}
	return files, snap.UnixNano(), nil
}

func racy(mtime time.Time, snap int64) bool {
	return mtime.UnixNano() > snap-int64(racyWindow)
}

func hashFile(file string) ([]byte, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return nil, err
	}
	return h.Sum(nil), nil
}

// sameListing reports whether a folder's files are those of the entry:
// the same names, sizes, times and modes, and the same contents where the
// entry holds a hash. When a file hashed then is no longer recent, it
// returns the entry with a listing that no longer needs the hash.
func sameListing(dir string, e *dirEntry, now []fileStamp, snap int64) (same bool, refreshed *dirEntry) {
	if len(e.Files) != len(now) {
		return false, nil
	}
	stale := false
	for i, old := range e.Files {
		f := now[i]
		if old.Name != f.Name || old.Size != f.Size || old.ModTime != f.ModTime || old.Change != f.Change || old.Mode != f.Mode {
			return false, nil
		}
		if old.Hash == nil {
			continue
		}
		h := f.Hash
		if h == nil {
			var err error
			if h, err = hashFile(filepath.Join(dir, f.Name)); err != nil {
				return false, nil
			}
			stale = true // the file is no longer recent: no hash needed from now on
		}
		if !bytes.Equal(h, old.Hash) {
			return false, nil
		}
	}
	if !stale {
		return true, nil
	}
	r := *e
	r.Files, r.Snap = now, snap
	return true, &r
}

// commit writes the bundles this load changed, then keeps the cache under
// its size. Failing to write is not an error: the next run reads the code.
func (lc *loadCache) commit() {
	if lc == nil {
		return
	}
	all := []*bundle{lc.std}
	if lc.main != nil {
		all = append(all, lc.main)
	}
	lc.mu.Lock()
	for _, b := range lc.mods {
		all = append(all, b)
	}
	lc.mu.Unlock()
	wrote := false
	for _, b := range all {
		b.mu.Lock()
		if b.dirty {
			if writeBundle(b.file, &cacheBundle{Key: b.key, Dirs: b.dirs, Has: b.has}) == nil {
				wrote = true
			}
			b.dirty = false
		}
		b.mu.Unlock()
	}
	if wrote {
		lc.c.evict()
	}
}

// evict removes the bundles used least recently until the cache is under
// three quarters of its size (so that eviction is not paid on every
// write), and temporary files that a killed process left behind.
func (c *Cache) evict() {
	entries, err := os.ReadDir(c.dir)
	if err != nil {
		return
	}
	type file struct {
		path string
		size int64
		used time.Time
	}
	var files []file
	var total int64
	for _, e := range entries {
		info, err := e.Info()
		if err != nil || !info.Mode().IsRegular() {
			continue
		}
		p := filepath.Join(c.dir, e.Name())
		if strings.HasPrefix(e.Name(), ".tmp-") {
			if time.Since(info.ModTime()) > time.Hour {
				os.Remove(p)
			}
			continue
		}
		files = append(files, file{p, info.Size(), info.ModTime()})
		total += info.Size()
	}
	if total <= c.maxBytes {
		return
	}
	sort.Slice(files, func(i, j int) bool { return files[i].used.Before(files[j].used) })
	for _, f := range files {
		if total <= c.maxBytes*3/4 {
			break
		}
		if os.Remove(f.path) == nil {
			total -= f.size
		}
	}
}
