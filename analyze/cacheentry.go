package analyze

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// Besides the fast loader's bundles, a Cache keeps entries for other
// analyses: opaque data under a kind and a key, which the analysis
// derives from everything the data depends on. They share the bundles'
// folder, so one size bound and one eviction by least recent use cover
// both.

// entryMagic starts every entry file, before its checksum.
const entryMagic = "archie cache entry v1\n"

// Get returns the data an earlier Put kept under kind and key, or nil.
// A damaged entry, or something other than a file in its place, is
// reported through the cache's warning, removed, and answered as
// missing; a read that fails for another reason is a miss.
func (c *Cache) Get(kind, key string) []byte {
	file := c.entryFile(kind, key)
	data, err := os.ReadFile(file)
	if err != nil {
		if info, serr := os.Lstat(file); serr != nil || info.Mode().IsRegular() {
			return nil // missing, or a read that failed for now (too many open files)
		}
		// Something else took the file's place (a folder): it would
		// stop the entry from ever being written.
	}
	var payload []byte
	if err == nil {
		payload, err = checked(data, entryMagic)
	}
	var stored []byte
	if err == nil {
		n, w := binary.Uvarint(payload)
		if w <= 0 || uint64(len(payload)-w) < n {
			err = errors.New("truncated key")
		} else {
			stored, payload = payload[w:w+int(n)], payload[w+int(n):]
		}
	}
	if err != nil {
		c.warn(fmt.Sprintf("cache entry %s is unreadable (%v): reading the code again", file, err))
		os.RemoveAll(file) // a file, or whatever took its place
		return nil
	}
	if string(stored) != key {
		return nil // a hash collision, or a file put there by hand
	}
	touch(file)
	return payload
}

// Put keeps data under kind and key, replacing the file atomically.
// Failing to write is not an error: the next run computes the data
// again. Trim keeps the cache under its size afterwards.
func (c *Cache) Put(kind, key string, data []byte) {
	payload := binary.AppendUvarint(make([]byte, 0, len(key)+len(data)+binary.MaxVarintLen64), uint64(len(key)))
	payload = append(append(payload, key...), data...)
	if writeChecked(c.entryFile(kind, key), entryMagic, payload) == nil {
		c.wrote.Store(true)
	}
}

// Trim removes the entries and bundles used least recently when Puts
// since the last Trim may have taken the cache over its size.
func (c *Cache) Trim() {
	if c.wrote.Swap(false) {
		c.evict()
	}
}

// entryFile names an entry's file by its kind and the hash of its key.
func (c *Cache) entryFile(kind, key string) string {
	sum := sha256.Sum256([]byte(key))
	return filepath.Join(c.dir, kind+"-"+hex.EncodeToString(sum[:20]))
}

// A HashMemo gives files' content hashes, and remembers each by the
// file's size, modification and change times, so that a later run reads
// again only the files that changed: keys made of content stay the same
// through a fresh checkout or a module cache restored from an archive,
// and cost a stat per file while nothing changes. A file modified within
// the racy window is read every time. Safe for concurrent use.
type HashMemo struct {
	c         *Cache
	kind, key string
	now       int64 // Unix nanoseconds, for the racy window

	mu    sync.Mutex
	files map[string]memoFile // as read from the cache
	used  map[string]memoFile // this run's, written by Save
	dirty bool
	read  int // files hashed this run, for tests
}

// A memoFile is one file's entry in a HashMemo.
type memoFile struct {
	Size, ModTime, Change int64
	Hash                  []byte
}

// Memo returns the memo kept under kind and key, and whether an earlier
// run saved one there. A damaged one is reported and starts empty.
func (c *Cache) Memo(kind, key string) (*HashMemo, bool) {
	m := &HashMemo{c: c, kind: kind, key: key, now: time.Now().UnixNano(), used: make(map[string]memoFile)}
	data := c.Get(kind, key)
	if data == nil {
		return m, false
	}
	if len(data) > 0 {
		if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&m.files); err != nil {
			c.warn(fmt.Sprintf("cache entry %s is unreadable (%v): reading the files again", c.entryFile(kind, key), err))
			m.files = nil
		}
	}
	return m, true
}

// Hash returns the SHA-256 of a file's content.
func (m *HashMemo) Hash(file string) ([]byte, error) {
	info, err := os.Stat(file)
	if err != nil {
		return nil, err
	}
	now := memoFile{Size: info.Size(), ModTime: info.ModTime().UnixNano(), Change: changeTime(info)}
	m.mu.Lock()
	old, ok := m.files[file]
	m.mu.Unlock()
	if ok && old.Size == now.Size && old.ModTime == now.ModTime && old.Change == now.Change && !racy(info.ModTime(), m.now) {
		m.keep(file, old)
		return old.Hash, nil
	}
	h, err := hashFile(file)
	if err != nil {
		return nil, err
	}
	m.mu.Lock()
	m.read++
	m.mu.Unlock()
	if !racy(info.ModTime(), m.now) {
		now.Hash = h
		m.keep(file, now)
	}
	return h, nil
}

func (m *HashMemo) keep(file string, f memoFile) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if old, ok := m.files[file]; !ok || old.Size != f.Size || old.ModTime != f.ModTime || old.Change != f.Change || !bytes.Equal(old.Hash, f.Hash) {
		m.dirty = true
	}
	m.used[file] = f
}

// Save writes the memo of the files hashed this run, when it differs
// from what the cache has; a memo never saved is written empty, so that
// the next run knows this one ran.
func (m *HashMemo) Save() {
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.dirty && len(m.used) == len(m.files) && m.files != nil {
		return
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(m.used); err != nil {
		return
	}
	m.c.Put(m.kind, m.key, buf.Bytes())
	m.files, m.dirty = m.used, false
}
