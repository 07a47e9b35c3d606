package analyze

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
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
// A damaged entry is reported through the cache's warning, removed, and
// answered as missing.
func (c *Cache) Get(kind, key string) []byte {
	file := c.entryFile(kind, key)
	data, err := os.ReadFile(file)
	if err != nil {
		return nil
	}
	payload, err := checked(data, entryMagic)
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
		os.Remove(file)
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

// FileStamp returns what identifies a file's content in a cache key: its
// size and its modification and change times. settled is false when the
// file was modified too recently for those to tell a later edit of the
// same size apart (within the coarsest file system's tick): it cannot be
// keyed by them yet.
func FileStamp(file string) (stamp string, settled bool, err error) {
	info, err := os.Stat(file)
	if err != nil {
		return "", false, err
	}
	return stampOf(info, time.Now())
}

func stampOf(info fs.FileInfo, now time.Time) (string, bool, error) {
	return fmt.Sprintf("%d %d %d", info.Size(), info.ModTime().UnixNano(), changeTime(info)), !racy(info.ModTime(), now.UnixNano()), nil
}
