package main

import (
	"context"
	"iter"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/zhibiao/zhibiao/extract"
)

// Results are written in input order, whatever order the inputs are read
// in, so that the output does not depend on -j. The workers mostly take
// the inputs in that order too. But a batch is rarely even: a 120-page
// annual report among 5-page bulletins takes as long as a hundred of
// them, and when its turn comes late, the other workers finish and wait
// for it alone (on the 29 real PDFs of ../shared/real-pdfs, one report is
// more than half of the work, and -j 2 was only 1.2–1.4 times as fast as
// -j 1). So a worker that is free takes, ahead of its place, an input
// that looks much longer than the others around it (the longest first,
// as in LPT scheduling), while the other workers go on in order. Its
// result waits in memory for its turn, within bounds (see ordered). The
// prefetch, which reads inputs while the dictionary loads, takes them in
// the same order.
//
// How long an input takes is guessed from its size, or from the pages a
// large PDF says it has (inputCost). A guess wrong either way changes
// only the order the inputs are read in, never the output.

const (
	// lookahead is how many inputs beyond the next in order are looked
	// at for a long one.
	lookahead = 256
	// longFactor: an input is long when it costs longFactor times the
	// mean of the others in the lookahead. A batch of the renders of
	// ../shared/corpus (8 to 363 KB, nine in ten under twice the
	// median) keeps its order but for its last few inputs, where the
	// lookahead is short and the longest go first.
	longFactor = 4
	// earlyCost bounds the costs of the results taken early that wait to
	// be written. A text's records take about 3 times its size, and it
	// costs 4 times its size; a PDF's records, much less than its size.
	earlyCost = 32 << 20
)

// ordered runs work on every input, 0 to inputs-1, with n goroutines and
// yields the results in input order, whatever order they finish in, so
// that the output does not depend on n; turn advances past each result
// once it is yielded (written). It stops early when ctx is done.
//
// A slow input cannot make the others pile up in memory: at most 2n
// results taken in order wait to be yielded, and besides them at most 4n
// taken early (see above; cost, nil: none), of a cost of at most
// earlyCost together unless one alone. The inputs the prefetch read
// (first), in the order it started them, are taken before any other,
// whatever these bounds, since they are in memory already: one of them
// may hold the heavy token that another waits for, and must not wait
// behind inputs that wait for the token too.
func ordered(ctx context.Context, inputs int, n int, turn *turn, cost func(i int) int64, first []int, work func(i int) result) iter.Seq[result] {
	return func(yield func(result) bool) {
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()
		inOrder := make(chan struct{}, 2*n) // one per result taken in order, not yet yielded
		early := make(chan struct{}, 4*n)   // one per result taken early, not yet yielded
		var earlyCosts atomic.Int64         // of the results taken early, not yet yielded
		if n < 2 {
			cost = nil // one worker: the order changes nothing
		}
		type job struct {
			i    int
			cost int64 // taken early, of this cost; 0: in order; -1: first
		}
		jobs := make(chan job)
		type indexed struct {
			job
			r result
		}
		results := make(chan indexed, cap(inOrder)+cap(early)+len(first)) // never blocks a worker
		go func() {
			defer close(jobs)
			s := newSchedule(inputs, cost)
			for s.next < inputs {
				j := job{i: s.next}
				switch i, c := s.long(); {
				case len(first) > 0:
					j, first = job{first[0], -1}, first[1:]
				case i >= 0:
					if held := earlyCosts.Load(); held == 0 || held+c <= earlyCost {
						select {
						case early <- struct{}{}:
							j = job{i, c}
							earlyCosts.Add(c)
						default:
						}
					}
				}
				if j.cost == 0 {
					select {
					case inOrder <- struct{}{}:
					case <-ctx.Done():
						return
					}
				}
				select {
				case jobs <- j:
				case <-ctx.Done():
					return
				}
				s.started(j.i)
			}
		}()
		for range min(n, inputs) {
			go func() {
				for j := range jobs {
					results <- indexed{j, work(j.i)}
				}
			}()
		}
		pending := make(map[int]indexed, cap(results))
		for next := 0; next < inputs && ctx.Err() == nil; {
			ir, ok := pending[next]
			if !ok {
				select {
				case ir := <-results:
					pending[ir.i] = ir
				case <-ctx.Done():
				}
				continue
			}
			delete(pending, next)
			switch {
			case ir.cost > 0:
				earlyCosts.Add(-ir.cost)
				<-early
			case ir.cost == 0:
				<-inOrder
			}
			next++
			more := yield(ir.r)
			turn.advance(next) // once r is written
			if !more {
				return
			}
		}
	}
}

// A schedule says which input a free worker takes next: the next in
// order, or a long one ahead of its place. It is used by one goroutine.
type schedule struct {
	cost   func(i int) int64 // nil: always the next in order
	costs  []int64           // of inputs below end
	taken  []bool
	inputs int
	next   int // the first input not taken
	end    int // the end of the lookahead: inputs next to end-1
	// The inputs of the lookahead not taken and of a known cost (not
	// 0): how many, and their costs.
	known int
	sum   int64
}

// newSchedule makes the schedule of inputs; their costs are asked for
// when first needed.
func newSchedule(inputs int, cost func(i int) int64) *schedule {
	s := &schedule{cost: cost, inputs: inputs, taken: make([]bool, inputs)}
	if cost != nil {
		s.costs = make([]int64, inputs)
	}
	return s
}

// fill extends the lookahead to lookahead inputs past next.
func (s *schedule) fill() {
	if s.cost == nil {
		return
	}
	for ; s.end < s.inputs && s.end <= s.next+lookahead; s.end++ {
		c := max(s.cost(s.end), 0)
		s.costs[s.end] = c
		if c > 0 {
			s.known++
			s.sum += c
		}
	}
}

// long returns the costliest input of the lookahead not taken, after
// next, and its cost, if it is long: it costs longFactor times the mean
// of the others not taken (next among them) whose cost is known. It
// returns -1 when there is none.
func (s *schedule) long() (int, int64) {
	if s.cost == nil {
		return -1, 0
	}
	s.fill()
	if s.known < 2 {
		return -1, 0
	}
	best := -1
	for i := s.next + 1; i < s.end; i++ {
		if !s.taken[i] && (best < 0 || s.costs[i] > s.costs[best]) {
			best = i
		}
	}
	if best < 0 {
		return -1, 0
	}
	c := s.costs[best]
	if c == 0 || c*int64(s.known-1) <= longFactor*(s.sum-c) {
		return -1, 0
	}
	return best, c
}

// started records that input i was taken.
func (s *schedule) started(i int) {
	s.fill()
	s.taken[i] = true
	if s.cost != nil && s.costs[i] > 0 {
		s.known--
		s.sum -= s.costs[i]
	}
	for s.next < s.inputs && s.taken[s.next] {
		s.next++
	}
	s.fill()
}

// inputCosts guesses the cost of each input of a run once (inputCost):
// the prefetch and ordered both ask, from their goroutines.
type inputCosts struct {
	ins   []input
	mu    sync.Mutex
	costs []int64 // -1: not guessed yet
}

func newInputCosts(ins []input) *inputCosts {
	c := &inputCosts{ins: ins, costs: make([]int64, len(ins))}
	for i := range c.costs {
		c.costs[i] = -1
	}
	return c
}

// of returns the cost of input i.
func (c *inputCosts) of(i int) int64 {
	c.mu.Lock()
	v := c.costs[i]
	c.mu.Unlock()
	if v < 0 {
		v = inputCost(c.ins[i].path)
		c.mu.Lock()
		c.costs[i] = v
		c.mu.Unlock()
	}
	return v
}

const (
	// pageCost is the cost of a PDF page: the size of a page of the
	// renders of ../shared/corpus (23 KB), fonts included.
	pageCost = 24 << 10
	// countPagesAbove is the size of a PDF past which its pages are
	// counted (extract.PageCount, 0.1 ms for most, 10 ms for a Word
	// file of 30,000 objects) rather than guessed from its size: a
	// large file may be a long report, or a few pages of images (a
	// scan, 3.4 MB for 6 pages) or of embedded fonts (3.7 MB for 25).
	countPagesAbove = 1 << 20
)

// inputCost guesses how long an input takes to read, for the schedule, in
// bytes of a PDF: its size, or for a PDF past countPagesAbove, its pages
// at pageCost each; 4 times its size for an input that is not a PDF (a
// text is all text: on this machine a 50 MB text takes 0.23 s a MB, a
// PDF 0.03 to 0.18 s a MB). An input heavy by its size costs 0: it waits
// for its turn anyway (see gate), and started early it would hold a
// worker idle.
func inputCost(path string) int64 {
	fi, err := os.Stat(path)
	if err != nil || !fi.Mode().IsRegular() {
		return 0
	}
	if fi.Size() > heavyText && heavyFile(path) {
		return 0
	}
	if !strings.EqualFold(filepath.Ext(path), ".pdf") {
		return 4 * fi.Size()
	}
	if fi.Size() > countPagesAbove {
		if n, err := extract.PageCount(path); err == nil {
			return int64(n) * pageCost
		}
	}
	return fi.Size()
}
