//go:build unix

package extract

import (
	"errors"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestFIFO checks that a named pipe is refused at once: opening one for
// reading blocks until a writer comes.
func TestFIFO(t *testing.T) {
	p := filepath.Join(t.TempDir(), "report.txt")
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Skip(err)
	}
	start := time.Now()
	_, err := Open(p)
	if !errors.Is(err, ErrNotRegular) || time.Since(start) > 5*time.Second {
		t.Errorf("FIFO: %v after %v, want ErrNotRegular at once", err, time.Since(start))
	}
}
