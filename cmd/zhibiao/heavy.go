package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"sync"
	"time"
)

// Most inputs of a batch take a few MB of memory while they are read, but
// a long one takes up to about 200 MB (extract's default limits: a
// 2,000-page report, a 50 MB text). Workers read several inputs at once,
// and two long ones together would take twice that: a gate lets one heavy
// input of a run at a time go on, until its records are made, or, when
// its result is the next to be written, until they are written (the
// others go on meanwhile). A PDF is heavy once extract finds it long
// (Limits.Heavy, called as its rows are packed), another input when its
// file is larger than heavyText: a text's records take about 3 times its
// size; such an input also waits for its turn, the inputs before it
// written (see read), so that its records are the next written and never
// wait in memory beside another's. The time an input waits at the gate
// does not count against its timeout.

// heavyText is the size past which an input that is not a PDF is heavy.
const heavyText = 4 << 20

// A gate is one input's way through the run's heavy token (a channel of
// capacity one, shared by the workers; nil: no gate). It is used by the
// goroutine that reads the input.
type gate struct {
	token chan struct{}
	clock *clock // the input's timeout, paused while it waits
	held  bool
}

// take waits for the token, unless the input holds it already.
func (g *gate) take(ctx context.Context) error {
	if g.token == nil || g.held {
		return nil
	}
	g.clock.pause()
	defer g.clock.resume()
	select {
	case g.token <- struct{}{}:
		g.held = true
		heapPages.heavyIn()
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// release gives the token back, if the input holds it.
func (g *gate) release() {
	if g.held {
		g.held = false
		heapPages.heavyOut() // before the token goes: another may take it
		<-g.token
	}
}

// heavy is extract's Limits.Heavy: it takes the token for a PDF found
// long (at once if the input holds it already). The token is kept until
// the input's records are made, as for a text, and given back by the
// goroutine that reads the input: the reading's release does nothing.
func (g *gate) heavy(ctx context.Context) (func(), error) {
	if err := g.take(ctx); err != nil {
		return nil, err
	}
	return func() {}, nil
}

// heavyFile reports whether the file at path is an input heavy by its
// size: larger than heavyText and not a PDF (by its first kilobyte, as
// extract tells).
func heavyFile(path string) bool {
	fi, err := os.Stat(path)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() <= heavyText {
		return false
	}
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 1024)
	n, _ := io.ReadFull(f, head)
	return !bytes.Contains(head[:n], []byte("%PDF"))
}

// A clock calls expire once an input has taken its timeout, not counting
// the time it was paused. A nil clock never expires.
type clock struct {
	mu     sync.Mutex
	timer  *time.Timer
	left   time.Duration // what was left when last paused or started
	since  time.Time     // when it last started running
	paused bool
	fired  bool
}

// newClock starts a clock of d; nil when d is 0 (no timeout).
func newClock(d time.Duration, expire func()) *clock {
	if d <= 0 {
		return nil
	}
	c := &clock{left: d, since: time.Now()}
	c.timer = time.AfterFunc(d, func() {
		c.mu.Lock()
		c.fired = true
		c.mu.Unlock()
		expire()
	})
	return c
}

func (c *clock) pause() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.paused || c.fired || !c.timer.Stop() {
		return
	}
	c.paused = true
	c.left -= time.Since(c.since)
}

func (c *clock) resume() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.paused {
		return
	}
	c.paused = false
	c.since = time.Now()
	c.timer.Reset(max(c.left, 0))
}

// stop stops the clock for good.
func (c *clock) stop() {
	if c != nil {
		c.timer.Stop()
	}
}

// A turn tells which input's result is to be written next (see read and
// index): results are written in input order.
type turn struct {
	mu      sync.Mutex
	next    int
	changed chan struct{} // closed when next changes
}

func newTurn() *turn { return &turn{changed: make(chan struct{})} }

// advance records that the results before input next are written.
func (t *turn) advance(next int) {
	t.mu.Lock()
	t.next = next
	close(t.changed)
	t.changed = make(chan struct{})
	t.mu.Unlock()
}

// is reports whether input i's result is the next to be written.
func (t *turn) is(i int) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.next == i
}

// waiter returns a function that waits until input i's result is the next
// to be written, or ctx is done.
func (t *turn) waiter(i int) func(context.Context) error {
	return func(ctx context.Context) error {
		for {
			t.mu.Lock()
			next, changed := t.next, t.changed
			t.mu.Unlock()
			if next >= i {
				return nil
			}
			select {
			case <-changed:
			case <-ctx.Done():
				return ctx.Err()
			}
		}
	}
}
