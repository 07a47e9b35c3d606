package main

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// The memory limit is the floor while that leaves the live data room to
// grow by minRoom, rises with the live data up to the ceiling, is none
// past that, and is left alone once stopped.
func TestFollowLiveHeap(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(before)
	live := make([][]byte, 64) // 64 MiB that stay live
	for i := range live {
		live[i] = make([]byte, 1<<20)
	}
	// collect runs a few collections, for the cleanups to run.
	collect := func() {
		for range 3 {
			runtime.GC()
			time.Sleep(10 * time.Millisecond)
		}
	}

	// A floor of 96 MiB leaves 64 MiB of live data too little room, and
	// a ceiling of 100 MiB does too.
	debug.SetMemoryLimit(96 << 20)
	stop := followLiveHeap(96<<20, 100<<20, 1.6)
	for deadline := time.Now().Add(5 * time.Second); debug.SetMemoryLimit(-1) != math.MaxInt64 && time.Now().Before(deadline); {
		collect() // a busy machine runs the cleanups late
	}
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("floor 96 MiB, 64 MiB live: limit %d MiB, want none", got>>20)
	}
	stop()
	debug.SetMemoryLimit(96 << 20)
	collect()
	if got := debug.SetMemoryLimit(-1); got != 96<<20 {
		t.Errorf("stopped, the limit still moves: %d MiB", got>>20)
	}

	// 512 MiB does: it stays the limit.
	const floor = 512 << 20
	debug.SetMemoryLimit(math.MaxInt64)
	stop = followLiveHeap(floor, floor, 1.6)
	defer stop()
	collect()
	if got := debug.SetMemoryLimit(-1); got != floor {
		t.Errorf("floor 512 MiB, 64 MiB live: limit %d MiB, want 512", got>>20)
	}
	runtime.KeepAlive(live)
}

// Between the floor and the ceiling, the limit is minRoom times the live
// data.
func TestLimitFor(t *testing.T) {
	const mib = 1 << 20
	for _, tc := range []struct {
		live uint64
		want int64
	}{
		{0, 960 * mib},
		{500 * mib, 960 * mib},
		{600 * mib, 960 * mib},
		{700 * mib, 1120 * mib},
		{750 * mib, 1200 * mib},
		{751 * mib, math.MaxInt64},
		{1200 * mib, math.MaxInt64},
	} {
		if got := limitFor(tc.live, 960*mib, 1200*mib, 1.6); got != tc.want {
			t.Errorf("%d MiB live: limit %d MiB, want %d MiB", tc.live/mib, got/mib, tc.want/mib)
		}
	}
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
