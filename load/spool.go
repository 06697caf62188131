package load

import (
	"bufio"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"os"
)

// A spool keeps the values of a batch in a temporary file while the batch
// is added, so that a sheet can be written once its size and the whole
// batch are known, in memory that does not grow with the batch. The
// values are written with the spool's codec (JSON when it has none: JSON
// keeps what the values say exactly, a nil number stays nil).
type spool[T any] struct {
	dir   string          // where the file goes; "" for the system's temporary folder
	codec func() codec[T] // makes the codec of a writer or a reader; nil for JSON
	f     *os.File
	w     *bufio.Writer
	put   codec[T] // the writer's
	n     int      // values added

	buffer int // the size of the writer's buffer (0: 64 KB)
}

// A codec writes or reads back the values of a spool, in order: one
// codec writes them all, another reads them all, so that a codec may
// refer to the value it wrote or read before.
type codec[T any] interface {
	put(w *bufio.Writer, v *T) error
	get(r *bufio.Reader, v *T) error
}

// jsonCodec writes one JSON value a line.
type jsonCodec[T any] struct {
	enc *json.Encoder
	dec *json.Decoder
}

func (c *jsonCodec[T]) put(w *bufio.Writer, v *T) error {
	if c.enc == nil {
		c.enc = json.NewEncoder(w)
		c.enc.SetEscapeHTML(false)
	}
	return c.enc.Encode(v)
}

func (c *jsonCodec[T]) get(r *bufio.Reader, v *T) error {
	if c.dec == nil {
		c.dec = json.NewDecoder(r)
	}
	return c.dec.Decode(v)
}

// add appends v, creating the file on first use.
func (s *spool[T]) add(v *T) error {
	if s.f == nil {
		f, err := os.CreateTemp(s.dir, "zhibiao-*.spool")
		if err != nil {
			return fmt.Errorf("temporary file: %w", err)
		}
		s.f, s.w, s.put = f, bufio.NewWriterSize(f, cmp.Or(s.buffer, 1<<16)), s.newCodec()
	}
	if err := s.put.put(s.w, v); err != nil {
		return fmt.Errorf("temporary file: %w", err)
	}
	s.n++
	return nil
}

// each calls fn with every value, in the order added, and stops at the
// first error. fn must not keep the value: it is reused.
func (s *spool[T]) each(fn func(*T) error) error {
	if s.f == nil {
		return nil
	}
	if err := s.w.Flush(); err != nil {
		return fmt.Errorf("temporary file: %w", err)
	}
	if _, err := s.f.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("temporary file: %w", err)
	}
	r, get := bufio.NewReaderSize(s.f, 1<<16), s.newCodec()
	var v, zero T
	for i := 0; i < s.n; i++ {
		v = zero // (a JSON value read into v would keep the fields it lacks)
		if err := get.get(r, &v); err != nil {
			return fmt.Errorf("temporary file: %w", err)
		}
		if err := fn(&v); err != nil {
			return err
		}
	}
	return nil
}

// newCodec returns a codec for one writer or one reader.
func (s *spool[T]) newCodec() codec[T] {
	if s.codec == nil {
		return &jsonCodec[T]{}
	}
	return s.codec()
}

// remove deletes the file; the spool is empty after it.
func (s *spool[T]) remove() {
	if s.f != nil {
		s.f.Close()
		os.Remove(s.f.Name())
	}
	*s = spool[T]{dir: s.dir, codec: s.codec, buffer: s.buffer}
}
