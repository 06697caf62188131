package main

import (
	"context"
	"sync"
)

// Loading the dictionary takes a quarter of a second on one core, before
// any input can be indexed. With more than one worker (-j N), the others
// do not wait: they read the first inputs meanwhile (extract needs no
// dictionary), and the readings wait, paused, until the dictionary is
// there; then the workers index them first, in input order, and go on
// with the rest. N goroutines work at once, the loader counted (a reading
// under way when the dictionary is ready ends beside the workers); with
// -j 1 the dictionary loads before the first input is read. The readings
// kept waiting are bounded by their text (prefetchBytes) and count, and
// one heavy input at most holds the heavy token among them (see gate):
// memory stays what a run takes anyway.

const (
	prefetchBytes  = 32 << 20 // about three times the text of the readings waiting
	prefetchInputs = 256
)

// testHookPrefetched, when set, is told how many inputs a run read
// while its dictionary loaded.
var testHookPrefetched func(n int)

// A loader makes the indexer of a run on a goroutine of its own.
type loader struct {
	ready chan struct{} // closed once tr or err is set
	tr    indexer
	err   error
}

// startLoading starts making the indexer.
func startLoading(load func() (indexer, error)) *loader {
	l := &loader{ready: make(chan struct{})}
	go func() {
		defer close(l.ready)
		l.tr, l.err = load()
	}()
	return l
}

// loaded is the loader of an indexer already made.
func loaded(tr indexer) *loader {
	l := &loader{ready: make(chan struct{}), tr: tr}
	close(l.ready)
	return l
}

// A prefetch reads inputs of a batch, in order, until the dictionary is
// loaded.
type prefetch struct {
	mu    sync.Mutex
	sched *schedule // of the inputs to read: in order, a long one first
	order []int     // the inputs started, in order
	bytes int       // of the readings done
	got   map[int]*prefetched
	wg    sync.WaitGroup
}

// A prefetched input is being read, or is read and waits.
type prefetched struct {
	done chan struct{} // closed once rd is set
	rd   *reading
}

// startPrefetch reads inputs with n goroutines until ready is closed (or
// ctx done), or the readings reach the bounds: in order, but a long one
// first, as ordered takes them (cost, nil: in order). read reads one
// input.
func startPrefetch(ctx context.Context, n, inputs int, ready <-chan struct{}, cost func(i int) int64, read func(i int) *reading) *prefetch {
	if n == 0 {
		cost = nil // (nothing read: no need to look at the inputs)
	}
	p := &prefetch{got: make(map[int]*prefetched), sched: newSchedule(inputs, cost)}
	for range n {
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			p.loop(ctx, inputs, ready, read)
		}()
	}
	return p
}

func (p *prefetch) loop(ctx context.Context, inputs int, ready <-chan struct{}, read func(i int) *reading) {
	for {
		select {
		case <-ready:
			return
		case <-ctx.Done():
			return
		default:
		}
		p.mu.Lock()
		if p.sched.next >= inputs || p.bytes >= prefetchBytes || len(p.got) >= prefetchInputs {
			p.mu.Unlock()
			return
		}
		i, _ := p.sched.long()
		if i < 0 {
			i = p.sched.next
		}
		p.sched.started(i)
		p.order = append(p.order, i)
		f := &prefetched{done: make(chan struct{})}
		p.got[i] = f
		p.mu.Unlock()
		// Read on a goroutine of its own, so that a reading held up (at
		// the heavy token) does not hold up the end of the prefetch.
		go func() {
			rd := read(i)
			rd.clock.pause() // waiting does not count against its timeout
			f.rd = rd
			close(f.done)
		}()
		select {
		case <-f.done:
			if doc := f.rd.doc; doc != nil {
				p.mu.Lock()
				p.bytes += 3 * len(doc.Text)
				p.mu.Unlock()
			}
		case <-ready:
			return
		case <-ctx.Done():
			return
		}
	}
}

// take returns the reading of input i, once read, or nil if the prefetch
// did not start it.
func (p *prefetch) take(i int) *reading {
	p.mu.Lock()
	f := p.got[i]
	delete(p.got, i)
	p.mu.Unlock()
	if f == nil {
		return nil
	}
	<-f.done
	return f.rd
}

// wait waits for the prefetch's goroutines to stop starting readings.
func (p *prefetch) wait() { p.wg.Wait() }

// discard drops the readings never taken (the run was interrupted, or
// the dictionary did not load), giving back what they hold.
func (p *prefetch) discard() {
	p.wait()
	p.mu.Lock()
	got := p.got
	p.got = nil
	p.mu.Unlock()
	for _, f := range got {
		<-f.done
		f.rd.abandon()
	}
}
