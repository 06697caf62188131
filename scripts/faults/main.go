//go:build unix

// Command faults measures what a page fault costs on this machine: it
// maps fresh memory and touches one byte a page, on one core and then on
// two at once, and prints the time per fault and how much faster two
// cores fault than one. Every page of heap a run grows into costs one
// fault; on a bare machine a fault takes well under a microsecond, on
// some virtual machines over ten, and the faults of two cores may wait
// for each other (see the README's Development section).
package main

import (
	"fmt"
	"os"
	"sync"
	"syscall"
	"time"
)

const size = 64 << 20 // touched by each core

// touch maps size bytes and writes one byte a page, returning the time.
func touch() (time.Duration, error) {
	b, err := syscall.Mmap(-1, 0, size, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		return 0, err
	}
	defer syscall.Munmap(b)
	page := os.Getpagesize()
	start := time.Now()
	for i := 0; i < len(b); i += page {
		b[i] = 1
	}
	return time.Since(start), nil
}

func main() {
	one, err := touch()
	if err != nil {
		fmt.Fprintln(os.Stderr, "faults:", err)
		os.Exit(1)
	}
	var wg sync.WaitGroup
	start := time.Now()
	for range 2 {
		wg.Go(func() { touch() })
	}
	wg.Wait()
	two := time.Since(start)
	faults := size / os.Getpagesize()
	fmt.Printf("%.2f µs a fault on one core; two cores fault %.2f times as fast as one\n",
		one.Seconds()*1e6/float64(faults), 2*one.Seconds()/two.Seconds())
}
