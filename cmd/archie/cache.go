package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"

	"github.com/archie-dev/archie/analyze"
)

// openCache returns the cache of the fast loader and of the types of the
// services' dependencies for a command, or nil when --no-cache or
// ARCHIE_NO_CACHE=1 turns it off. It lives in
// ARCHIE_CACHE_DIR, else the user's cache folder (os.UserCacheDir()/archie),
// and is kept under ARCHIE_CACHE_MAX_MIB mebibytes (default 1024). A
// damaged entry is read again from the code with a warning on stderr.
func openCache(stderr io.Writer, noCache bool) (*analyze.Cache, error) {
	if noCache || os.Getenv("ARCHIE_NO_CACHE") == "1" {
		return nil, nil
	}
	var max int64
	if v := os.Getenv("ARCHIE_CACHE_MAX_MIB"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n <= 0 {
			return nil, fmt.Errorf("ARCHIE_CACHE_MAX_MIB=%s: want a whole number of MiB above 0", v)
		}
		max = n << 20
	}
	dir := os.Getenv("ARCHIE_CACHE_DIR")
	if dir == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			return nil, nil // no home to keep a cache in: load without one
		}
		dir = filepath.Join(base, "archie")
	}
	return analyze.OpenCache(dir, max, func(msg string) {
		fmt.Fprintf(stderr, "archie: warning: %s\n", msg)
	}), nil
}
