package main

import (
	"os"
	"runtime/debug"
)

// The collector's settings of a run. A batch allocates about 215 KB a
// page but keeps little (the live heap of 256 PDFs stays at 25–35 MB,
// 16 MB of it the dictionary): at the default GOGC of 100 the collector ran 46
// times and took 1.1 s of CPU of a 4 s run (on 256 PDFs, -j 1, when a page
// allocated 550 KB). Fewer collections cost memory, and memory costs
// time too: every page the heap grows into is a page fault, cleared by
// the kernel (on this batch 56,000 faults, a tenth of the CPU time, at
// GOGC 400). At 200 the collector runs a dozen times, the heap peaks near
// 100 MB (100–125 MB resident), and -j 1 and -j 2 are at least as fast as
// at 300 or 400; the memory limit keeps the heap within bounds all the
// same.
const (
	gcPercent = 200

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
