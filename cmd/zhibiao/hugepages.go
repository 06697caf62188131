package main

import "sync"

// Huge pages for the heap of a run. Every page of memory the heap grows
// into costs a page fault, and on a virtual machine a fault is dear: 11–15
// µs on the 2-core machine of the measurements in the README, and two
// cores fault only 1.4–1.7 times as fast as one. A run of 256 PDFs took
// 23,000 faults with one worker, 31,000 with two (two documents in
// memory at once), a tenth of its CPU time and most of what two workers
// took beyond one. Go asks for no transparent huge pages (it did until
// Go 1.21.1, and stopped because of what khugepaged cost long-running
// servers), and Linux, set to "madvise" as Debian and Ubuntu set it, then
// backs the heap with 4 KB pages. So before its first input a run grows
// its heap by heapReserve, asks for huge pages for that mapping
// (madvise(MADV_HUGEPAGE)) and gives the memory back unused: the heap
// later grows into 2 MB pages, one fault where there were 512. The 256
// PDFs then take 3,000 faults; -j 1 runs 7–9 % faster and -j 2 10–20 %,
// 1.69–1.89 times -j 1 instead of 1.51–1.80 (six rounds of alternating
// runs); the 29 real PDFs of ../shared/real-pdfs 20–25 % faster.
//
// Huge pages cost where memory is short: near the runtime's memory limit
// (memory.go), where a long input keeps the heap, the runtime gives
// memory back to the system in small pieces and takes it again. So while
// a run holds its heavy token (see gate) the heap takes small pages again
// (MADV_NOHUGEPAGE), and huge ones once it is given back. Even so, 60
// PDFs run with a 2,000-page and a 1,500-page PDF and a 24 MB text take
// 10–15 % longer than with small pages (one long input alone, 0–4 %).
//
// GODEBUG=disablethp=1, Go's own switch for huge pages in the heap, turns
// this off, as does a system whose setting is not "madvise" ("always"
// gives the heap huge pages anyway, "never" none).

// heapReserve is how far a run grows its heap to ask for huge pages: about
// what a batch of ordinary reports grows it into with a few workers (90
// MB with two), within the memory limit.
const heapReserve = 128 << 20

// heapPages is the process's heap, as advised. Its state is the
// process's, whatever the runs in it (the tests make several at once).
var heapPages hugePages

// A hugePages is a part of the heap advised to take huge pages, small
// ones while any heavy input is in memory.
type hugePages struct {
	once   sync.Once
	mu     sync.Mutex
	lo, hi uintptr // the mapping advised (hi 0: none)
	heavy  int     // heavy inputs in memory
}

// reserve asks, once, for huge pages for the heap (see above).
func (h *hugePages) reserve() {
	h.once.Do(func() {
		lo, hi, ok := adviseHeap(heapReserve)
		h.mu.Lock()
		defer h.mu.Unlock()
		if ok {
			h.lo, h.hi = lo, hi
			if h.heavy > 0 {
				advise(h.lo, h.hi, false)
			}
		}
	})
}

// heavyIn notes that a heavy input is in memory: the heap takes small
// pages from then on.
func (h *hugePages) heavyIn() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.heavy++
	if h.heavy == 1 && h.hi != 0 {
		advise(h.lo, h.hi, false)
	}
}

// heavyOut notes that a heavy input has left memory: with none left,
// the heap takes huge pages again.
func (h *hugePages) heavyOut() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.heavy--
	if h.heavy == 0 && h.hi != 0 {
		advise(h.lo, h.hi, true)
	}
}
