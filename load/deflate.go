package load

import (
	"bytes"
	flate "github.com/klauspost/compress/flate"
	"io"
	"sync"
)

// The workbook is assembled at Close, when the batch is done and nothing
// else runs: compressing its parts (sheet 指标 is most of it) on one core
// was a quarter of that time. The parts are deflated in blocks, on the
// workbook's cores (SetWorkers) at once, the way pigz does it: each block is compressed on its
// own, primed with the last 32 KB of the block before (back-references
// may reach into it, as the reader has it), and ended with a sync flush,
// so that the blocks joined are one deflate stream; the last block ends
// the stream. The output does not depend on the number of cores.

// deflateBlock is the size of the blocks compressed at once.
const deflateBlock = 1 << 20

// A parallelDeflate compresses what is written to it in blocks, on
// up to n cores, and writes the compressed blocks to w in order.
type parallelDeflate struct {
	w       io.Writer
	level   int
	buf     []byte        // the block being filled
	dict    []byte        // the last 32 KB of the block before
	pending []chan result // blocks being compressed, in order
	slots   chan struct{} // one per block compressed at a time
	err     error
}

// A result is one compressed block.
type result struct {
	b   []byte
	err error
}

func newParallelDeflate(w io.Writer, level, n int) *parallelDeflate {
	return &parallelDeflate{w: w, level: level, slots: make(chan struct{}, max(n, 1))}
}

func (d *parallelDeflate) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 && d.err == nil {
		if d.buf == nil {
			d.buf = newBlock()
		}
		k := min(len(p), deflateBlock-len(d.buf))
		d.buf = append(d.buf, p[:k]...)
		p = p[k:]
		if len(d.buf) == deflateBlock {
			d.start(false)
		}
	}
	if d.err != nil {
		return 0, d.err
	}
	return n, nil
}

// start compresses the current block in the background (the last one
// ends the stream), first writing out the blocks done when as many are
// under way as there are cores.
func (d *parallelDeflate) start(last bool) {
	for len(d.pending) >= cap(d.slots) {
		d.writeOne()
	}
	block, dict := d.buf, d.dict
	d.dict = append([]byte(nil), block[max(0, len(block)-32<<10):]...)
	d.buf = nil
	done := make(chan result, 1)
	d.pending = append(d.pending, done)
	d.slots <- struct{}{}
	go func() {
		defer func() { <-d.slots }()
		var out bytes.Buffer
		out.Grow(len(block)/8 + 512) // (XML deflates to a ninth of its size)
		fw, release, err := compressor(&out, d.level, dict)
		if err == nil {
			_, err = fw.Write(block)
		}
		if err == nil && last {
			err = fw.Close()
		} else if err == nil {
			err = fw.Flush() // a sync flush: the stream goes on
		}
		release()
		freeBlock(block)
		done <- result{out.Bytes(), err}
	}()
}

// A workbook has a score of parts, most of them small, and its largest
// (指标) is deflated in a score of blocks: allocating a compressor (about
// 1 MB of tables, cleared) and a 1 MB block for each was a fifth of the
// time the workbook takes at Close. Both are reused.

// blocks holds block buffers (*[]byte of capacity deflateBlock).
var blocks sync.Pool

func newBlock() []byte {
	if b, ok := blocks.Get().(*[]byte); ok {
		return (*b)[:0]
	}
	return make([]byte, 0, deflateBlock)
}

func freeBlock(b []byte) {
	if cap(b) == deflateBlock {
		blocks.Put(&b)
	}
}

// compressors holds compressors by level (the index is the level + 2: -2
// to 9), those primed with a dictionary (a block's with the end of the
// block before it) apart: Reset primes a writer again with the
// dictionary it last had.
var compressors [2][12]sync.Pool

// compressor returns a compressor writing to out, primed with dict when
// it is not nil, and the function that gives it back once it is done
// with.
func compressor(out io.Writer, level int, dict []byte) (*flate.Writer, func(), error) {
	if level < -2 || level > 9 {
		fw, err := flate.NewWriterDict(out, level, dict) // (fails)
		return fw, func() {}, err
	}
	primed := 0
	if dict != nil {
		primed = 1
	}
	pool := &compressors[primed][level+2]
	fw, ok := pool.Get().(*flate.Writer)
	switch {
	case ok && dict != nil:
		fw.ResetDict(out, dict)
	case ok:
		fw.Reset(out)
	default:
		var err error
		if dict != nil {
			fw, err = flate.NewWriterDict(out, level, dict)
		} else {
			fw, err = flate.NewWriter(out, level)
		}
		if err != nil {
			return nil, func() {}, err
		}
	}
	return fw, func() { pool.Put(fw) }, nil
}

// writeOne writes out the first block under way, once it is done.
func (d *parallelDeflate) writeOne() {
	r := <-d.pending[0]
	d.pending = d.pending[1:]
	if d.err == nil {
		d.err = r.err
	}
	if d.err == nil {
		_, d.err = d.w.Write(r.b)
	}
}

// Flush compresses what is held and writes out every block, the last
// ending with a sync flush, not the end of the stream: more deflated data
// may follow (see rawPart). The writer is not to be used after it.
func (d *parallelDeflate) Flush() error {
	if d.err == nil && len(d.buf) > 0 {
		d.start(false)
	}
	for len(d.pending) > 0 {
		d.writeOne()
	}
	return d.err
}

// Close compresses the last block and writes out every block.
func (d *parallelDeflate) Close() error {
	if d.err == nil {
		d.start(true)
	}
	for len(d.pending) > 0 {
		d.writeOne()
	}
	return d.err
}
