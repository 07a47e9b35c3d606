package main

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// The memory limit follows the live heap: never below the floor, raised
// to ratio times the live data once that is more, and left alone once
// stopped.
func TestFollowLiveHeap(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(before)
	live := make([][]byte, 64) // 64 MiB that stay live
	for i := range live {
		live[i] = make([]byte, 1<<20)
	}
	// limitAfterGC collects until the limit is one want accepts.
	limitAfterGC := func(want func(int64) bool) int64 {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for {
			runtime.GC()
			limit := debug.SetMemoryLimit(-1)
			if want(limit) || time.Now().After(deadline) {
				return limit
			}
			time.Sleep(10 * time.Millisecond)
		}
	}

	debug.SetMemoryLimit(1 << 20)
	stop := followLiveHeap(1<<20, 1.5)
	if got := limitAfterGC(func(l int64) bool { return l >= 96<<20 && l < 128<<20 }); got < 96<<20 || got >= 128<<20 {
		t.Errorf("floor 1 MiB, 64 MiB live: limit %d MiB, want 96-128", got>>20)
	}
	stop()
	debug.SetMemoryLimit(math.MaxInt64)
	for range 3 {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("stopped, the limit still moves: %d MiB", got>>20)
	}

	// A floor above 1.5 times the live data stays the limit.
	const floor = 512 << 20
	debug.SetMemoryLimit(floor)
	stop = followLiveHeap(floor, 1.5)
	defer stop()
	for range 3 {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	if got := debug.SetMemoryLimit(-1); got != floor {
		t.Errorf("floor 512 MiB, 64 MiB live: limit %d MiB", got>>20)
	}
	runtime.KeepAlive(live)
}

// GOGC, when set, decides alone; GOMEMLIMIT takes the limit's place;
// with neither, GOGC=150 and the limit's floor.
func TestTuneGC(t *testing.T) {
	gc := debug.SetGCPercent(100)
	limit := debug.SetMemoryLimit(-1)
	defer func() {
		debug.SetGCPercent(gc)
		debug.SetMemoryLimit(limit)
	}()
	for _, tc := range []struct {
		gogc, gomemlimit string
		percent          int
		limit            int64
	}{
		{"200", "", 100, math.MaxInt64},
		{"off", "2GiB", 100, math.MaxInt64},
		{"", "2GiB", gcPercent, math.MaxInt64},
		{"", "", gcPercent, heapFloor},
	} {
		t.Setenv("GOGC", tc.gogc)
		t.Setenv("GOMEMLIMIT", tc.gomemlimit)
		debug.SetGCPercent(100)
		debug.SetMemoryLimit(math.MaxInt64)
		stop := tuneGC()
		stop()
		if got := debug.SetGCPercent(100); got != tc.percent {
			t.Errorf("GOGC=%q GOMEMLIMIT=%q: GC percent %d, want %d", tc.gogc, tc.gomemlimit, got, tc.percent)
		}
		if got := debug.SetMemoryLimit(math.MaxInt64); got != tc.limit {
			t.Errorf("GOGC=%q GOMEMLIMIT=%q: limit %d, want %d", tc.gogc, tc.gomemlimit, got, tc.limit)
		}
	}
}
