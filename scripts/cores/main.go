// Command cores measures how much faster two cores do CPU-bound work
// than one, now: it runs a loop of arithmetic that touches no memory,
// alone and then twice at once, and prints the speed-up (2.00 on two
// idle cores). On a shared virtual machine the second core may give far
// less while the host is busy; scripts/speedup.sh prints it beside the
// speed-up of zhibiao's -j 2, which cannot be larger.
package main

import (
	"fmt"
	"sync"
	"time"
)

// spin does a fixed amount of arithmetic; its result is printed so that
// the compiler keeps the loop.
func spin() uint64 {
	x := uint64(1)
	for range 100_000_000 {
		x = x*6364136223846793005 + 1442695040888963407
	}
	return x
}

func main() {
	spin() // (the core warmed up, as in the runs measured)
	start := time.Now()
	x := spin()
	one := time.Since(start)
	start = time.Now()
	var wg sync.WaitGroup
	results := make([]uint64, 2)
	for i := range results {
		wg.Go(func() { results[i] = spin() })
	}
	wg.Wait()
	two := time.Since(start)
	fmt.Printf("%.2f\n", 2*one.Seconds()/two.Seconds())
	if x != results[0] || x != results[1] {
		panic("spin is not deterministic")
	}
}
