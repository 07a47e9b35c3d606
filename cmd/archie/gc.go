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
// collection, and on loki `archie services` holds 590 MiB at its peak
// (building SSA): 1.3-1.5 GB of memory where 1 GiB does. So the heap is
// also bounded by a soft limit of 960 MiB (the process, with its binary
// and what the runtime does not count, within 1 GiB), as long as that
// leaves it room to grow by 60% of its live data: up to 600 MiB of live
// data. Past that the limit would make each collection free little and
// come soon after the last: with every dependency type-checked from
// source (a CI runner without a build cache), loki holds 1.0-1.2 GB, and a
// limit at 1.5 times that took 42-47 s against 25-30 s. There GOGC alone
// decides.
const (
	gcPercent = 150
	heapFloor = 960 << 20
	minRoom   = 1.6 // the limit holds while it is at least this times the live data
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
	return followLiveHeap(heapFloor, minRoom)
}

// followLiveHeap sets the memory limit after collections: floor while
// floor is at least minRoom times the live data the last one found, none
// past that; until stop is called. A cleanup on an object nothing refers
// to runs after the collection that frees it, and makes the next object.
// When collections run back to back, that object, made while the next
// one marks, outlives it, and that collection keeps the limit before it.
func followLiveHeap(floor int64, minRoom float64) (stop func()) {
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
				limit := floor
				if float64(s[0].Value.Uint64())*minRoom > float64(floor) {
					limit = math.MaxInt64 // no limit
				}
				debug.SetMemoryLimit(limit)
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
