package services

import "sync"

// A memo is a map filled in as it is asked, safe for concurrent use: the
// services of a build are read in parallel, and what one worker finds
// about the shared program (a function's calls, a package's kind) serves
// the others.
type memo[K comparable, V any] struct {
	mu sync.Mutex
	m  map[K]V
}

// get returns the value for k, computing it with f the first time. f runs
// outside the lock, so that it may ask the memo again (a generic body's
// instance asks for the body); when two workers compute one key at once,
// the first value stored is the one both return. f must depend on the
// program alone, never on the service the asking worker walks (its
// reach, a resolver's within, a binding): the output would then depend on
// which worker asked first.
func (m *memo[K, V]) get(k K, f func() V) V {
	m.mu.Lock()
	v, ok := m.m[k]
	m.mu.Unlock()
	if ok {
		return v
	}
	v = f()
	m.mu.Lock()
	defer m.mu.Unlock()
	if old, ok := m.m[k]; ok {
		return old
	}
	if m.m == nil {
		m.m = make(map[K]V)
	}
	m.m[k] = v
	return v
}
