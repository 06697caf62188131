package main

import (
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/zhibiao/zhibiao/extract/hostile"
	"github.com/zhibiao/zhibiao/load"
)

// takeAll runs a schedule to its end, taking a long input whenever there
// is one, and returns the order the inputs were taken in.
func takeAll(costs []int64) []int {
	s := newSchedule(len(costs), func(i int) int64 { return costs[i] })
	var order []int
	for s.next < len(costs) {
		i, _ := s.long()
		if i < 0 {
			i = s.next
		}
		order = append(order, i)
		s.started(i)
	}
	return order
}

func TestScheduleLong(t *testing.T) {
	ones := func(n int) []int64 {
		c := make([]int64, n)
		for i := range c {
			c[i] = 100
		}
		return c
	}
	with := func(c []int64, at int, cost int64) []int64 {
		c = slices.Clone(c)
		c[at] = cost
		return c
	}
	seq := func(from, to int) []int {
		var s []int
		for i := from; i < to; i++ {
			s = append(s, i)
		}
		return s
	}
	tests := []struct {
		name  string
		costs []int64
		want  []int
	}{
		{"even", ones(6), seq(0, 6)},
		{"uneven, not long", []int64{100, 300, 50, 190, 20, 100, 310, 90, 100, 100, 200, 250}, seq(0, 12)},
		{"one long", with(ones(6), 4, 2000), []int{4, 0, 1, 2, 3, 5}},
		{"the longest first", with(with(ones(7), 2, 2000), 5, 5000), []int{5, 2, 0, 1, 3, 4, 6}},
		{"long among three", []int64{100, 100, 1000}, []int{2, 0, 1}},
		// At the end of a batch, the last few are taken longest first.
		{"the tail", []int64{100, 100, 100, 100, 100, 100, 20, 50, 300}, []int{0, 1, 2, 8, 3, 4, 5, 6, 7}},
		{"long next in order anyway", with(ones(4), 0, 5000), seq(0, 4)},
		// A heavy text and a missing file cost 0: neither long nor
		// counted in the mean.
		{"costs unknown", []int64{100, 0, 0, 100, 0, 120}, seq(0, 6)},
		{"one input", []int64{7}, []int{0}},
		// A long input past the lookahead is taken once the lookahead
		// reaches it.
		{"beyond the lookahead", with(ones(lookahead+20), lookahead+10, 10_000),
			slices.Concat(seq(0, 10), []int{lookahead + 10}, seq(10, lookahead+10), seq(lookahead+11, lookahead+20))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := takeAll(tt.costs); !slices.Equal(got, tt.want) {
				t.Errorf("order %v, want %v", got, tt.want)
			}
		})
	}
}

// TestOrderedSchedule runs ordered over random batches, some with long
// inputs, and checks that the results come in input order, that a long
// input is started among the first, and that no more results than the
// bounds allow are ever taken and not yet yielded.
func TestOrderedSchedule(t *testing.T) {
	for seed := range uint64(40) {
		rng := rand.New(rand.NewPCG(seed, 1))
		inputs := 1 + rng.IntN(60)
		n := 1 + rng.IntN(4)
		costs := make([]int64, inputs)
		for i := range costs {
			costs[i] = 100 + rng.Int64N(100)
		}
		long := -1
		if rng.IntN(3) > 0 && inputs > 5 {
			long = 1 + rng.IntN(inputs-1)
			costs[long] = 100_000
		}
		var first []int // (as if read by the prefetch)
		if rng.IntN(2) == 0 {
			first = rng.Perm(inputs)[:min(inputs, rng.IntN(4))]
		}
		var mu sync.Mutex
		var started []int
		taken, most := 0, 0
		// The first n inputs wait until all n have started, so that
		// none is started before a worker took the first n.
		firstN := make(chan struct{})
		work := func(i int) result {
			mu.Lock()
			started = append(started, i)
			k := len(started)
			taken++
			most = max(most, taken)
			pause := time.Duration(rng.IntN(3)) * 50 * time.Microsecond
			mu.Unlock()
			if k == min(n, inputs) {
				close(firstN)
			}
			if k <= n {
				<-firstN
			}
			time.Sleep(pause)
			return result{file: load.File{Path: strconv.Itoa(i)}}
		}
		var got []int
		for r := range ordered(context.Background(), inputs, n, newTurn(), func(i int) int64 { return costs[i] }, first, work) {
			i, _ := strconv.Atoi(r.file.Path)
			got = append(got, i)
			mu.Lock()
			taken--
			mu.Unlock()
		}
		if want := seqOf(inputs); !slices.Equal(got, want) {
			t.Fatalf("seed %d: results %v, want %v", seed, got, want)
		}
		if most > 6*n+len(first) {
			t.Errorf("seed %d: %d results taken at once, more than 6n and those read first, %d", seed, most, 6*n+len(first))
		}
		switch k := min(n, len(first)); {
		case n == 1 && (!slices.Equal(started[:len(first)], first) || !slices.IsSorted(started[len(first):])):
			t.Errorf("seed %d: one worker started %v, not %v and then in order", seed, started, first)
		case !subset(first[:k], started[:min(n, inputs)]):
			t.Errorf("seed %d: started %v, not %v first", seed, started, first)
		case n > 1 && len(first) == 0 && long >= 0 && !slices.Contains(started[:n], long):
			t.Errorf("seed %d: long input %d not among the first %d started: %v", seed, long, n, started)
		}
	}
}

// subset reports whether every element of a is in b.
func subset(a, b []int) bool {
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}

func seqOf(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = i
	}
	return s
}

// TestInputCost: a PDF costs its size, or past countPagesAbove its pages;
// another file 4 times its size; a heavy text or a missing file nothing.
func TestInputCost(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	long := hostile.ManyPages(9000)
	if len(long) <= countPagesAbove {
		t.Fatalf("the long PDF has %d bytes, not more than %d", len(long), countPagesAbove)
	}
	tests := []struct {
		path string
		want int64
	}{
		{write("a.pdf", []byte("%PDF-1.7 short")), 14},
		{write("B.PDF", []byte("%PDF-1.7 short")), 14},
		{write("a.txt", []byte("一二三")), 36},
		{write("long.pdf", long), 9000 * pageCost},
		{write("heavy.txt", make([]byte, heavyText+1)), 0},
		{filepath.Join(dir, "missing.pdf"), 0},
		{dir, 0},
	}
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" {
		tests[3].want = int64(len(long)) // (extract.PageCount maps files: unix only)
	}
	for _, tt := range tests {
		if got := inputCost(tt.path); got != tt.want {
			t.Errorf("inputCost(%s) = %d, want %d", filepath.Base(tt.path), got, tt.want)
		}
	}
}

// TestOrderedFirst: the inputs the prefetch read are taken first, in the
// order given, and the results still come in input order.
func TestOrderedFirst(t *testing.T) {
	for _, n := range []int{2, 3} {
		var mu sync.Mutex
		var started []int
		firstN := make(chan struct{})
		work := func(i int) result {
			mu.Lock()
			started = append(started, i)
			k := len(started)
			mu.Unlock()
			if k == n {
				close(firstN)
			}
			if k <= n {
				<-firstN
			}
			return result{file: load.File{Path: strconv.Itoa(i)}}
		}
		const inputs = 12
		even := func(int) int64 { return 100 }
		var got []int
		for r := range ordered(context.Background(), inputs, n, newTurn(), even, []int{9, 0, 4}, work) {
			i, _ := strconv.Atoi(r.file.Path)
			got = append(got, i)
		}
		if !slices.Equal(got, seqOf(inputs)) {
			t.Errorf("-j %d: results %v", n, got)
		}
		want := []int{9, 0, 4}[:n]
		if first := slices.Sorted(slices.Values(started[:n])); !slices.Equal(first, slices.Sorted(slices.Values(want))) {
			t.Errorf("-j %d: started %v, want %v first", n, started, want)
		}
	}
}

// TestOrderedHeavyToken: an input the prefetch read holds the heavy
// token (a long PDF, read while the dictionary loaded), and long inputs
// that wait for the token would be taken early by every worker: the
// inputs read first are taken before them, so the run ends.
func TestOrderedHeavyToken(t *testing.T) {
	const inputs = 20
	costs := make([]int64, inputs)
	for i := range costs {
		costs[i] = 100
	}
	costs[11], costs[15] = 9000, 8000 // long, and heavy: they wait for the token
	token := make(chan struct{}, 1)
	token <- struct{}{} // held by input 3's reading
	work := func(i int) result {
		switch i {
		case 3:
			<-token // its records made, not its turn: given back
		case 11, 15:
			token <- struct{}{}
			<-token
		}
		return result{file: load.File{Path: strconv.Itoa(i)}}
	}
	done := make(chan []int)
	go func() {
		var got []int
		for r := range ordered(context.Background(), inputs, 2, newTurn(), func(i int) int64 { return costs[i] }, []int{2, 3}, work) {
			i, _ := strconv.Atoi(r.file.Path)
			got = append(got, i)
		}
		done <- got
	}()
	select {
	case got := <-done:
		if !slices.Equal(got, seqOf(inputs)) {
			t.Errorf("results %v", got)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the run is stuck: the inputs waiting for the heavy token hold every worker")
	}
}
