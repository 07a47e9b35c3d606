package main

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// archie is a batch job whose heap grows with the code it loads and is
// freed at exit. Two settings decide how much memory it takes beyond its
// live data: GOGC, when set, decides alone; GOMEMLIMIT replaces the
// second.
//
// Collecting less often than Go's default buys time for little memory
// (on istio, bench/services.sh: 0.55 s of 4.8 s, for 3% more peak
// memory): GOGC=150.
//
// But at GOGC=150 the heap grows to 2.5 times the live data before a
// collection, and on loki `archie services` holds 520-560 MB at its peak
// (building SSA): 1.3-1.5 GB of memory where 1 GiB does. So the heap is
// also bounded by a soft limit of 960 MiB (the process, with its binary
// and what the runtime does not count, within 1 GiB), as long as that
// leaves it room to grow by 60% of its live data: up to 600 MiB of live
// data. Past that a fixed limit would make each collection free little
// and come soon after the last, so the limit rises with the live data, at
// 1.6 times it: now and then a run of loki holds 610-750 MB for a moment
// (`GODEBUG=gctrace=1`, 2 runs in 8), which without a limit took 1.5 and
// 1.85 GB. That costs collections, so it stops at a ceiling: with every
// dependency type-checked from source (a CI runner without a build
// cache), loki holds 1.0-1.2 GB, and a limit at 1.5 times that took
// 42-47 s against 25-30 s. There GOGC alone decides.
const (
	gcPercent   = 150
	heapFloor   = 960 << 20
	minRoom     = 1.6 // the limit is at least this times the live data
	heapCeiling = 1200 << 20
)

// tuneGC applies both unless the environment says otherwise; stop ends
// the following of the live heap (tests).
func tuneGC() (stop func()) {
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	debug.SetGCPercent(gcPercent)
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	debug.SetMemoryLimit(heapFloor)
	return followLiveHeap(heapFloor, heapCeiling, minRoom)
}

// followLiveHeap sets the memory limit after collections: floor while
// floor is at least minRoom times the live data the last one found,
// minRoom times the live data up to ceiling, none past that; until stop is
// called. A cleanup on an object nothing refers to runs after the
// collection that frees it, and makes the next object. When collections
// run back to back, that object, made while the next one marks, outlives
// it, and that collection keeps the limit before it.
func followLiveHeap(floor, ceiling int64, minRoom float64) (stop func()) {
	var mu sync.Mutex // a limit set after stop returns would outlive it
	stopped := false
	var follow func()
	follow = func() {
		sentinel := new([64]byte) // not a tiny allocation: those are freed together
		runtime.AddCleanup(sentinel, func(struct{}) {
			mu.Lock()
			defer mu.Unlock()
			if stopped {
				return
			}
			s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
			metrics.Read(s)
			if s[0].Value.Kind() == metrics.KindUint64 {
				debug.SetMemoryLimit(limitFor(s[0].Value.Uint64(), floor, ceiling, minRoom))
			}
			follow()
		}, struct{}{})
	}
	follow()
	return func() {
		mu.Lock()
		defer mu.Unlock()
		stopped = true
	}
}

// limitFor is the memory limit for live bytes of live data.
func limitFor(live uint64, floor, ceiling int64, minRoom float64) int64 {
	room := float64(live) * minRoom
	switch {
	case room <= float64(floor):
		return floor
	case room <= float64(ceiling):
		return int64(room)
	}
	return math.MaxInt64 // no limit
}
