package extract

import (
	"io"
	"os"
	"runtime/debug"
	"strings"
	"sync"
)

// mappedFile is the content of an input file in memory: mapped (see
// mapFile), or read into a buffer that serves one input after another
// (see readPooled). A PDF or a text is read from it without a further
// copy on the heap. Writes to it stay private to this process.
type mappedFile []byte

// ReadAt implements io.ReaderAt, for the readers that read by parts.
func (m mappedFile) ReadAt(p []byte, off int64) (int, error) {
	if off < 0 || off >= int64(len(m)) {
		return 0, io.EOF
	}
	n := copy(p, m[off:])
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

// readMapped calls read with f's content mapped into memory when the
// system can map it, else with f itself. Only the pages of the file the
// reading touches are loaded (not the images of a large PDF). A fault on
// the mapping (the file truncated by another process while it is read)
// becomes a panic of the calling goroutine, which the readers recover as
// a damaged file, rather than a crash of the program; the mapping is gone
// when readMapped returns, and nothing read from it is kept: every string
// of a Document is a copy.
func readMapped[T any](f *os.File, size int64, read func(io.ReaderAt) T) T {
	b, unmap, err := mapFile(f, size)
	if err != nil {
		return read(f)
	}
	defer unmap()
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	return read(mappedFile(b))
}

// readBuffered is the size up to which an input is read whole into a
// pooled buffer (see OpenContext) rather than mapped or read as a
// stream. Most reports are a few hundred KB (the largest of the 29 real
// PDFs of ../shared/real-pdfs, 3.7 MB). Unmapping a file makes the
// kernel flush the TLB of every core running the program (on 256 PDFs
// read two at a time, 70 ms spent in munmap), and a mapped page costs a
// fault on first touch; reading a small file costs one system call and a
// copy of well under a millisecond.
const readBuffered = 4 << 20

// filePool holds the buffers of small inputs (*[]byte), one per worker
// in use.
var filePool sync.Pool

// readPooled reads the size bytes of f into a buffer from filePool, to be
// put back once nothing read from it is in use (every string of a
// Document is a copy); ok is false when the file could not be read whole
// (it is then mapped or read as it is, and the reader says what is
// wrong).
func readPooled(f *os.File, size int64) (b *[]byte, ok bool) {
	b, _ = filePool.Get().(*[]byte)
	if b == nil || int64(cap(*b)) < size {
		nb := make([]byte, max(size, 1<<20))
		b = &nb
	}
	*b = (*b)[:size]
	if n, _ := f.ReadAt(*b, 0); int64(n) < size {
		filePool.Put(b)
		return nil, false
	}
	return b, true
}

// contentOf returns the whole content of a document of the given size:
// the mapping itself, or a copy read from r.
func contentOf(r io.ReaderAt, size int64) ([]byte, error) {
	if m, ok := r.(mappedFile); ok && int64(len(m)) == size {
		return m, nil
	}
	b := make([]byte, size)
	if n, err := r.ReadAt(b, 0); int64(n) < size {
		if err == nil {
			err = io.ErrUnexpectedEOF
		}
		return nil, err
	}
	return b, nil
}

// contentString returns the content of r as a string: read straight into the
// string's memory (one copy of a long text, not two), or copied from a
// mapping, which goes away.
func contentString(r io.ReaderAt, size int64) (string, error) {
	if m, ok := r.(mappedFile); ok && int64(len(m)) == size {
		return string(m), nil
	}
	var b strings.Builder
	b.Grow(int(size))
	n, err := io.Copy(&b, io.NewSectionReader(r, 0, size))
	if err == nil && n < size {
		err = io.ErrUnexpectedEOF
	}
	if err != nil {
		return "", err
	}
	return b.String(), nil
}
