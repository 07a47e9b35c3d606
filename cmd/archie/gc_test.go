package main

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// The memory limit follows the live heap: never below the floor, and
// raised to ratio times the live data once that is more.
func TestFollowLiveHeap(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(before) // runs after the following stops
	const floor = 1 << 20
	debug.SetMemoryLimit(floor)
	defer followLiveHeap(floor, 1.5)()
	live := make([][]byte, 64) // 64 MiB that stay live
	for i := range live {
		live[i] = make([]byte, 1<<20)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		runtime.GC()
		limit := debug.SetMemoryLimit(-1)
		if limit >= 96<<20 && limit < math.MaxInt64 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("memory limit %d MiB with 64 MiB live, want at least 96", limit>>20)
		}
		time.Sleep(10 * time.Millisecond)
	}
	runtime.KeepAlive(live)
}
