package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/zhibiao/zhibiao/extract"
	"github.com/zhibiao/zhibiao/transform"
)

// overlap counts how many heavy documents are being indexed at once.
type overlap struct {
	now, most atomic.Int32
}

func (o *overlap) Indicators(doc *extract.Document) []transform.Indicator {
	if len(doc.Text) > heavyText/2 {
		n := o.now.Add(1)
		for m := o.most.Load(); n > m && !o.most.CompareAndSwap(m, n); m = o.most.Load() {
		}
		time.Sleep(200 * time.Millisecond)
		o.now.Add(-1)
	}
	return nil
}

// TestHeavyGate converts two large texts and a small one with three
// workers: the large ones go one at a time, and the small one is not held
// up by them.
func TestHeavyGate(t *testing.T) {
	in := t.TempDir()
	small, err := os.ReadFile("testdata/small.txt")
	if err != nil {
		t.Fatal(err)
	}
	big := bytes.Repeat(append(small, '\n'), heavyText/len(small)+2)
	for _, n := range []string{"a.txt", "b.txt"} {
		os.WriteFile(filepath.Join(in, n), big, 0o644)
	}
	copyFile(t, "testdata/small.txt", filepath.Join(in, "d.txt"), -1)
	ins, _ := collect([]string{in})
	var o overlap
	opts := options{out: filepath.Join(t.TempDir(), "o.xlsx"), workers: 3, timeout: time.Minute}
	var stderr bytes.Buffer
	if code := convert(context.Background(), opts, &o, ins, nil, &stderr); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if m := o.most.Load(); m != 1 {
		t.Errorf("%d heavy inputs indexed at once, want 1", m)
	}
}

// TestClock checks that a paused clock does not run.
func TestClock(t *testing.T) {
	var mu sync.Mutex
	fired := false
	c := newClock(100*time.Millisecond, func() { mu.Lock(); fired = true; mu.Unlock() })
	c.pause()
	time.Sleep(200 * time.Millisecond)
	mu.Lock()
	early := fired
	mu.Unlock()
	c.resume()
	if early {
		t.Fatal("the clock fired while paused")
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		mu.Lock()
		f := fired
		mu.Unlock()
		if f || time.Now().After(deadline) {
			if !f {
				t.Fatal("the clock never fired once resumed")
			}
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	var nilClock *clock
	nilClock.pause() // no timeout: nothing to do
	nilClock.resume()
	nilClock.stop()
	if newClock(0, func() {}) != nil {
		t.Error("a clock for no timeout")
	}
}
