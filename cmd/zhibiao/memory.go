package main

import (
	"os"
	"runtime/debug"
)

// The collector's settings of a run. A batch allocates about 550 KB a
// page but keeps little (the live heap of 256 PDFs stays near 20 MB): at
// the default GOGC of 100 the collector ran 46 times and took 1.1 s of
// CPU of a 4 s run (on 256 PDFs, -j 1), much of the second core. At 400
// it runs 11 times (0.3 s), and -j 2 is 15 % faster; the memory limit
// keeps the heap within bounds all the same.
const (
	gcPercent = 400

	// memoryLimit is the soft limit of the memory a run's Go runtime
	// uses (runtime/debug.SetMemoryLimit). extract's default limits keep
	// one input within about 200 MB (a 2,000-page report, a 50 MB text);
	// the collector works harder as a run nears this limit, rather than
	// letting garbage grow with GOGC, so that a run of any number of
	// inputs stays within about 300 MB of resident memory.
	memoryLimit = 224 << 20
)

// limitMemory sets gcPercent and memoryLimit, unless GOGC or GOMEMLIMIT
// set them in the environment.
func limitMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
}
