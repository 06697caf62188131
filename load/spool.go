package load

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
)

// A spool keeps the values of a batch in a temporary file while the batch
// is added, so that a sheet can be written once its size and the whole
// batch are known, in memory that does not grow with the batch. JSON
// keeps what the values say exactly (a nil number stays nil).
type spool[T any] struct {
	dir string // where the file goes; "" for the system's temporary folder
	f   *os.File
	w   *bufio.Writer
	enc *json.Encoder
	n   int // values added
}

// add appends v, creating the file on first use.
func (s *spool[T]) add(v *T) error {
	if s.f == nil {
		f, err := os.CreateTemp(s.dir, "zhibiao-*.spool")
		if err != nil {
			return fmt.Errorf("temporary file: %w", err)
		}
		s.f, s.w = f, bufio.NewWriterSize(f, 1<<16)
		s.enc = json.NewEncoder(s.w)
		s.enc.SetEscapeHTML(false)
	}
	if err := s.enc.Encode(v); err != nil {
		return fmt.Errorf("temporary file: %w", err)
	}
	s.n++
	return nil
}

// each calls fn with every value, in the order added, and stops at the
// first error.
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
	dec := json.NewDecoder(bufio.NewReaderSize(s.f, 1<<16))
	for i := 0; i < s.n; i++ {
		var v T
		if err := dec.Decode(&v); err != nil {
			return fmt.Errorf("temporary file: %w", err)
		}
		if err := fn(&v); err != nil {
			return err
		}
	}
	return nil
}

// remove deletes the file; the spool is empty after it.
func (s *spool[T]) remove() {
	if s.f != nil {
		s.f.Close()
		os.Remove(s.f.Name())
	}
	*s = spool[T]{}
}
