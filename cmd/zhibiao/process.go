package main

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"strconv"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/zhibiao/zhibiao/extract"
	"github.com/zhibiao/zhibiao/load"
	"github.com/zhibiao/zhibiao/transform"
)

// process converts one input; it never panics and never takes much longer
// than timeout, besides the time it waits for the heavy token (see gate;
// nil: no gate). The context given to extract ends at the timeout, so the
// reading of an input that times out stops soon after (extract checks it
// in the cross-reference reader, the content interpreter and the layout)
// and its goroutine ends.
func process(ctx context.Context, tr indexer, in input, timeout time.Duration, lim extract.Limits, heavy chan struct{}) result {
	return read(ctx, in, timeout, lim, heavy, nil).index(tr, nil)
}

// A reading is an input read by extract and not yet indexed: the two
// halves of process, which a prefetch runs apart (see prefetch.go).
type reading struct {
	in      input
	start   time.Time
	timeout time.Duration
	ctx     context.Context // the input's: ends at its timeout
	run     context.Context // the batch's
	cancel  context.CancelFunc
	clock   *clock
	gate    *gate
	doc     *extract.Document
	err     error   // extract's, with doc when read in part
	failed  *result // the result, when reading failed
}

// read is process's first half: it opens the input. The input's clock
// goes on running; a reading that waits before index must pause it.
//
// An input heavy by its size (a long text) waits, before it takes the
// heavy token, for its turn (nil: no waiting): until the inputs before it
// are written, so that with index keeping the token until its own
// records are written, two long texts are never in memory at once.
func read(ctx context.Context, in input, timeout time.Duration, lim extract.Limits, heavy chan struct{}, turn func(context.Context) error) *reading {
	rd := &reading{in: in, start: time.Now(), timeout: timeout, run: ctx}
	rd.ctx, rd.cancel = context.WithCancel(ctx)
	rd.clock = newClock(timeout, rd.cancel)
	rd.gate = &gate{token: heavy, clock: rd.clock}
	if heavy != nil {
		lim.Heavy = rd.gate.heavy
	}
	r, done := rd.guard(func(r *result) {
		if heavy != nil && heavyFile(in.path) {
			if turn != nil {
				rd.clock.pause()
				err := turn(rd.ctx)
				rd.clock.resume()
				if err != nil {
					r.file.Err = err
					return
				}
			}
			if err := rd.gate.take(rd.ctx); err != nil {
				r.file.Err = err
				return
			}
		}
		doc, err := open(rd.ctx, in.path, lim)
		if doc == nil {
			r.file.Err = err
			var e *extract.Error
			if errors.As(err, &e) {
				r.file.Pages = e.Pages // a scanned file still has its page count
			}
			return
		}
		if err := rd.ctx.Err(); err != nil {
			r.file.Err = err
			return
		}
		rd.doc, rd.err = doc, err
	}, always)
	if !done || r.file.Err != nil {
		rd.finish(&r)
		rd.failed = &r
	}
	return rd
}

// index is process's second half: it makes the records of a reading.
//
// An input holding the heavy token gives it back once its records are
// made, unless next reports, then, that its result is the next to be
// written: then the token goes with the result (result.release), and the
// next heavy input starts once this one's records, tens of MB for a
// long text, are written and gone. (A result that waits for earlier
// inputs cannot keep the token: one of them may be waiting for it.)
func (rd *reading) index(tr indexer, next func() bool) result {
	if rd.failed != nil {
		return *rd.failed
	}
	rd.clock.resume() // (paused while a prefetched reading waited)
	doc, in := rd.doc, rd.in
	rd.doc = nil // the goroutine's alone: a long one is let go before its records are back
	r, done := rd.guard(func(r *result) {
		doc.Name = in.doc
		r.file.Tables = transform.Tables(doc)
		r.file.Title = doc.Title
		r.file.Format = doc.Format
		r.file.Pages = len(doc.Pages)
		r.file.Chars = utf8.RuneCountInString(doc.Text)
		if y := transform.ReportYear(doc); y > 0 {
			r.file.Year = strconv.Itoa(y)
		}
		r.file.Reason, r.file.Note = partNote(rd.err, doc.Repairs)
		if wi, ok := tr.(windowIndexer); ok && len(doc.Text) > heavyText {
			recs, err := indexAside(wi, &doc)
			if err != nil {
				r.file.Err = err
				return
			}
			r.recs = recs
		} else {
			r.recs = tr.Indicators(doc)
		}
		if rd.err != nil { // read in part: the records of the pages concerned say so
			transform.ReadErrorReview(r.recs, rd.err)
		}
	}, next)
	if done && rd.gate.held { // (given up on, the goroutine gives it back itself)
		r.release = rd.gate.release
	}
	rd.finish(&r)
	return r
}

// guard runs fn on a goroutine of its own, turning a panic into an
// internal error, and waits for it until the input's context ends (its
// timeout, or the batch interrupted): a reading stops soon after, an
// indexing runs to its end unwaited. done is false when it gave up
// waiting.
//
// The goroutine gives the heavy token back when it ends, unless fn
// succeeded, was waited for, and keep (nil: never) says to keep it: a
// reading that index goes on with, an indexing whose result goes on
// with it. A run that times out must not keep the token, nor give it
// back while it still runs.
func (rd *reading) guard(fn func(*result), keep func() bool) (r result, done bool) {
	var (
		mu                  sync.Mutex
		finished, abandoned bool
	)
	ch := make(chan result, 1) // buffered: a late goroutine must not block
	go func() {
		var r result
		defer func() {
			if p := recover(); p != nil {
				r = result{stack: debug.Stack()}
				r.file.Err = fmt.Errorf("%w: %v", errInternal, p)
			}
			mu.Lock()
			finished = true
			if keep == nil || abandoned || r.file.Err != nil || !keep() {
				rd.gate.release()
			}
			mu.Unlock()
			ch <- r
		}()
		fn(&r)
	}()
	select {
	case r = <-ch:
		return r, true
	case <-rd.ctx.Done():
		mu.Lock()
		if finished { // at the same moment
			mu.Unlock()
			return <-ch, true
		}
		abandoned = true
		mu.Unlock()
		r.file.Err = rd.ctx.Err()
		return r, false
	}
}

// finish completes the result of the input and releases what the input
// holds: its context, clock and heavy token.
func (rd *reading) finish(r *result) {
	if r.file.Err != nil && (errors.Is(r.file.Err, context.DeadlineExceeded) || errors.Is(r.file.Err, context.Canceled)) {
		if rd.run.Err() != nil {
			r.file.Err = rd.run.Err()
		} else {
			r.file.Err = fmt.Errorf("%w after %v", errTimeout, rd.timeout)
		}
	}
	r.file.Path = rd.in.path
	r.file.Name = rd.in.doc
	r.file.Seconds = time.Since(rd.start).Seconds()
	if r.file.Err != nil {
		r.file.Reason = reason(r.file.Err)
		r.file.Note = ""
		r.recs = nil
	}
	rd.clock.stop()
	rd.cancel()
}

// abandon releases what a reading holds without indexing it.
func (rd *reading) abandon() {
	if rd.failed != nil {
		return // finished already
	}
	rd.doc = nil
	rd.gate.release()
	rd.clock.stop()
	rd.cancel()
}

// always keeps the heavy token.
func always() bool { return true }

// A windowIndexer makes a long document's records window by window
// (transform.Transformer).
type windowIndexer interface {
	IndicatorsInWindows(doc *extract.Document, emit func([]transform.Indicator) error) (finish func([]transform.Indicator), err error)
}

// indexAside makes the records of a long document, *doc: each window's
// are put aside in a spool as they are made, the document is let go
// (*doc set to nil: the caller holds no other reference), and the records
// come back in one slice of their size. A 50 MB text and its 240,000
// records are then never in memory at once (about 60 and 100 MB).
func indexAside(wi windowIndexer, doc **extract.Document) ([]transform.Indicator, error) {
	sp := load.NewRecordSpool("")
	defer sp.Remove()
	finish, err := wi.IndicatorsInWindows(*doc, sp.Add)
	*doc = nil
	if err != nil {
		return nil, fmt.Errorf("records set aside on disk: %w", err)
	}
	recs, err := sp.All()
	if err != nil {
		return nil, fmt.Errorf("records set aside on disk: %w", err)
	}
	finish(recs)
	return recs, nil
}
