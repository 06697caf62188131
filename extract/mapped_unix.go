//go:build unix

package extract

import (
	"errors"
	"math"
	"os"
	"syscall"
)

// mapFile maps the first size bytes of f into memory, copy-on-write
// (sanitize mends a PDF's header in place), and returns the bytes and the
// function that unmaps them.
func mapFile(f *os.File, size int64) ([]byte, func(), error) {
	if size <= 0 || size > math.MaxInt {
		return nil, nil, errors.New("nothing to map")
	}
	b, err := syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE)
	if err != nil {
		return nil, nil, err
	}
	return b, func() { syscall.Munmap(b) }, nil
}
