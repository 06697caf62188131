package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"golang.org/x/term"
)

// A progress draws a one-line progress bar on a terminal. It draws
// nothing when its writer is not a terminal, so logs and tests stay clean.
type progress struct {
	w      io.Writer
	on     bool
	total  int
	done   int
	failed int
	start  time.Time
	drawn  bool
}

func newProgress(w io.Writer, total int) *progress {
	f, ok := w.(*os.File)
	return &progress{w: w, on: ok && term.IsTerminal(int(f.Fd())), total: total, start: time.Now()}
}

// step counts one finished input and redraws the bar.
func (p *progress) step(name string, failed bool) {
	p.done++
	if failed {
		p.failed++
	}
	if !p.on {
		return
	}
	const width = 30
	fill := width * p.done / max(p.total, 1)
	if r := []rune(name); len(r) > 30 {
		name = "…" + string(r[len(r)-29:])
	}
	fmt.Fprintf(p.w, "\r\x1b[K[%s%s] %d/%d %s %s",
		strings.Repeat("=", fill), strings.Repeat(" ", width-fill),
		p.done, p.total, time.Since(p.start).Round(100*time.Millisecond), name)
	p.drawn = true
}

// clear erases the bar so that a message can be printed on its line.
func (p *progress) clear() {
	if p.drawn {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.drawn = false
	}
}

// note shows msg on the bar's line until the next step or clear.
func (p *progress) note(msg string) {
	if p.on {
		fmt.Fprintf(p.w, "\r\x1b[K%s", msg)
		p.drawn = true
	}
}
