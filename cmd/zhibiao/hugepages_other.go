//go:build !linux

package main

// adviseHeap does nothing but on Linux (see hugepages.go).
func adviseHeap(int) (lo, hi uintptr, ok bool) { return 0, 0, false }

// advise does nothing but on Linux.
func advise(lo, hi uintptr, huge bool) {}
