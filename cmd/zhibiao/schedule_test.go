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
		for r := range ordered(context.Background(), inputs, n, newTurn(), func(i int) int64 { return costs[i] }, nil, work) {
			i, _ := strconv.Atoi(r.file.Path)
			got = append(got, i)
			mu.Lock()
			taken--
			mu.Unlock()
		}
		if want := seqOf(inputs); !slices.Equal(got, want) {
			t.Fatalf("seed %d: results %v, want %v", seed, got, want)
		}
		if most > 6*n {
			t.Errorf("seed %d: %d results taken at once, more than 6n = %d", seed, most, 6*n)
		}
		switch {
		case n == 1 && !slices.Equal(started, seqOf(inputs)):
			t.Errorf("seed %d: one worker started %v, not in order", seed, started)
		case n > 1 && long >= 0 && !slices.Contains(started[:n], long):
			t.Errorf("seed %d: long input %d not among the first %d started: %v", seed, long, n, started)
		}
	}
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

// TestOrderedAhead: the inputs the prefetch read ahead of their place are
// taken first, in the order given (one next in order among them is taken
// as such), and the results still come in input order.
func TestOrderedAhead(t *testing.T) {
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
