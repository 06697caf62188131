package main

import (
	"os"
	"runtime/debug"
)

// memoryLimit is the soft limit of the memory a run's Go runtime uses
// (runtime/debug.SetMemoryLimit). extract's default limits keep one input
// within about 200 MB (a 2,000-page report, a 32 MB text); the collector
// works harder as a run nears this limit, rather than letting garbage
// grow to twice the live memory, so that a run of any number of inputs
// stays within about 300 MB of resident memory. GOMEMLIMIT in the
// environment replaces it.
const memoryLimit = 224 << 20

// limitMemory sets memoryLimit, unless GOMEMLIMIT is set.
func limitMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
}
