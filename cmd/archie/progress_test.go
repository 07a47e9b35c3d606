package main

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a buffer the progress goroutine and the test share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestProgress(t *testing.T) {
	t.Run("work that outlasts the delay shows its phase, then clears the line", func(t *testing.T) {
		var w syncBuffer
		p := startProgress(&w, 10*time.Millisecond)
		p.set("type-checking %d packages", 3)
		time.Sleep(100 * time.Millisecond)
		p.end()
		p.end() // a second end does nothing
		out := w.String()
		if !strings.Contains(out, "archie: type-checking 3 packages…") {
			t.Errorf("progress wrote %q, want the phase", out)
		}
		if !strings.HasSuffix(out, "\r\033[K") {
			t.Errorf("progress wrote %q, want its line cleared at the end", out)
		}
	})
	t.Run("work shorter than the delay says nothing", func(t *testing.T) {
		var w syncBuffer
		p := startProgress(&w, time.Hour)
		p.set("listing")
		p.end()
		if w.String() != "" {
			t.Errorf("progress wrote %q, want nothing", w.String())
		}
	})
	t.Run("off, it is nil and does nothing", func(t *testing.T) {
		var w syncBuffer
		p := newProgress(&w, false)
		p.set("listing")
		p.end()
		if p != nil || w.String() != "" {
			t.Errorf("progress off = %v, wrote %q", p, w.String())
		}
	})
}

func TestShowsProgress(t *testing.T) {
	t.Setenv("CI", "")
	if showsProgress(&bytes.Buffer{}, "text") {
		t.Error("progress on a buffer: want it only on a terminal")
	}
	t.Setenv("CI", "true")
	if showsProgress(nil, "text") {
		t.Error("progress in CI")
	}
}
