package load

import (
	"io"

	"github.com/zhibiao/zhibiao/transform"
)

// The rows of 指标 are rendered after the last input, when the batch's
// column widths and review reasons are known: 10 µs a record, which for
// the 700,000 records of a province's year is seven seconds on one core
// while the others wait. With more than one worker, records go to the
// workers in batches, each rendered on its own goroutine, and the
// batches are written out in order: the same bytes as one goroutine
// writes.

// rowBatchSize is the number of records of a batch.
const rowBatchSize = 256

// A rowRenderer renders records as rows of 指标 and writes them to dst in
// order.
type rowRenderer struct {
	w   *Workbook
	dst io.Writer
	wd  []float64 // column widths

	// One worker: rows are rendered into x as they come.
	x rowXML

	// More: batches under way, oldest first, at most w.workers of them
	// rendering (slots), and batches written out, whose slices the next
	// ones take (a batch's are 330 KB: allocated anew for every batch,
	// they made the heap grow, and the kernel clear fresh pages, while
	// the workbook was written).
	batch   *rowBatch
	pending []*rowBatch
	spare   []*rowBatch
	slots   chan struct{}
	err     error
}

// A rowBatch is records to render as rows from row first on.
type rowBatch struct {
	first int
	files []int // each record's file, for the batch's review reasons
	recs  []transform.Indicator
	out   []byte
	done  chan struct{}
}

// flushAt is the size of rendered rows written at once.
const flushAt = 64 << 10

func newRowRenderer(w *Workbook, dst io.Writer, wd []float64) *rowRenderer {
	r := &rowRenderer{w: w, dst: dst, wd: wd}
	if w.workers > 1 {
		r.slots = make(chan struct{}, w.workers)
	} else {
		r.x.b = make([]byte, 0, flushAt+8<<10)
	}
	return r
}

// add renders rec, of file, as row n (rows come in order); rec is not
// kept.
func (r *rowRenderer) add(n, file int, rec *transform.Indicator) error {
	if r.err != nil {
		return r.err
	}
	if r.slots == nil {
		r.w.renderRow(&r.x, n, file, rec, r.wd)
		if len(r.x.b) >= flushAt {
			_, r.err = r.dst.Write(r.x.b)
			r.x.b = r.x.b[:0]
		}
		return r.err
	}
	if r.batch == nil {
		r.batch = r.newBatch(n)
	}
	r.batch.files = append(r.batch.files, file)
	r.batch.recs = append(r.batch.recs, *rec) // (its texts and numbers are the spool's fresh ones)
	if len(r.batch.recs) == rowBatchSize {
		r.start()
	}
	return r.err
}

// newBatch starts a batch at row first, with the slices of one written
// out if there is one.
func (r *rowRenderer) newBatch(first int) *rowBatch {
	b := &rowBatch{first: first, done: make(chan struct{})}
	if k := len(r.spare) - 1; k >= 0 {
		old := r.spare[k]
		r.spare = r.spare[:k]
		b.files, b.recs, b.out = old.files[:0], old.recs[:0], old.out[:0]
		return b
	}
	b.files = make([]int, 0, rowBatchSize)
	b.recs = make([]transform.Indicator, 0, rowBatchSize)
	b.out = make([]byte, 0, rowBatchSize*1024)
	return b
}

// start renders the current batch on a goroutine of its own, first
// writing out the batches done when as many are under way as there are
// workers.
func (r *rowRenderer) start() {
	for len(r.pending) > cap(r.slots) && r.err == nil {
		r.writeOne()
	}
	b := r.batch
	r.batch = nil
	r.pending = append(r.pending, b)
	r.slots <- struct{}{}
	go func() {
		defer func() { <-r.slots }()
		x := rowXML{b: b.out}
		for i := range b.recs {
			r.w.renderRow(&x, b.first+i, b.files[i], &b.recs[i], r.wd)
		}
		b.out = x.b
		clear(b.recs) // the records' texts go: only the slice is kept
		close(b.done)
	}()
}

// writeOne writes out the oldest batch under way, once it is rendered.
func (r *rowRenderer) writeOne() {
	b := r.pending[0]
	<-b.done
	r.pending = r.pending[1:]
	if r.err == nil {
		_, r.err = r.dst.Write(b.out)
	}
	r.spare = append(r.spare, b)
}

// close renders and writes what is left.
func (r *rowRenderer) close() error {
	if r.slots == nil {
		if r.err == nil && len(r.x.b) > 0 {
			_, r.err = r.dst.Write(r.x.b)
		}
		return r.err
	}
	if r.batch != nil && r.err == nil {
		r.start()
	}
	for len(r.pending) > 0 {
		r.writeOne()
	}
	return r.err
}

// abort waits for the batches under way; nothing more is written.
func (r *rowRenderer) abort() {
	for _, b := range r.pending {
		<-b.done
	}
	r.pending = nil
}
