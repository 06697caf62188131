package extract

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/zhibiao/zhibiao/extract/hostile"
)

// TestPageCount checks the count against the pages read, on every kind
// of file the tests build and on the fixtures, and that it fails, rather
// than guessing, where the cross-reference data does not lead to the
// page tree.
func TestPageCount(t *testing.T) {
	tests := []struct {
		name string
		b    []byte
		want int // -1: an error
	}{
		{"two pages", helloPDF(), 2},
		{"hybrid, as Word writes", hybridPDF(), 1},
		{"page tree three levels deep", hostile.ManyPages(12_345), 12_345},
		{"/Prev loop", hostile.PrevLoop(helloPDF()), 2},
		{"offsets shifted", hostile.ShiftOffsets(helloPDF(), 7), -1},
		{"offsets zeroed", hostile.ZeroOffsets(helloPDF()), -1},
		{"garbage startxref", hostile.GarbageStartxref(helloPDF()), -1},
		{"encrypted (RC4-128)", cryptFile(t, "user.rc4-128"), -1},
		{"not a PDF", []byte("我们的工作总结\n"), -1},
		{"empty", nil, -1},
	}
	fixtures, _ := filepath.Glob(filepath.Join("..", "fixtures", "*.pdf"))
	for _, path := range fixtures {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		pages, err := readPDF(path, bytes.NewReader(b), int64(len(b)))
		if err != nil {
			t.Fatal(err)
		}
		tests = append(tests, struct {
			name string
			b    []byte
			want int
		}{filepath.Base(path), b, len(pages)})
	}
	dir := t.TempDir()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := pageCount(tt.b)
			if tt.want < 0 {
				if err == nil {
					t.Fatalf("pageCount = %d, want an error", n)
				}
				return
			}
			if err != nil || n != tt.want {
				t.Fatalf("pageCount = %d, %v; want %d", n, err, tt.want)
			}
			path := filepath.Join(dir, "f.pdf")
			if err := os.WriteFile(path, tt.b, 0o644); err != nil {
				t.Fatal(err)
			}
			if n, err := PageCount(path); mapsFiles && (err != nil || n != tt.want) {
				t.Errorf("PageCount = %d, %v; want %d", n, err, tt.want)
			}
		})
	}
	if _, err := PageCount(filepath.Join(dir, "missing.pdf")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("PageCount of a missing file: %v", err)
	}
}

// mapsFiles reports whether mapFile maps files on this system (PageCount
// needs it).
var mapsFiles = func() bool {
	f, err := os.Open(filepath.Join("..", "fixtures", "README.md"))
	if err != nil {
		return false
	}
	defer f.Close()
	fi, _ := f.Stat()
	_, unmap, err := mapFile(f, fi.Size())
	if err == nil {
		unmap()
	}
	return err == nil
}()

// FuzzPageCount: any bytes give a count within bounds or an error, soon,
// and no panic.
func FuzzPageCount(f *testing.F) {
	f.Add(helloPDF())
	f.Add(hybridPDF())
	f.Add(hostile.ManyPages(150))
	f.Add(hostile.PrevLoop(helloPDF()))
	f.Add(hostile.ShortLengths(hybridPDF()))
	f.Fuzz(func(t *testing.T, b []byte) {
		within(t, 10*time.Second, func() {
			if n, err := pageCount(b); err == nil && (n < 0 || n > maxPageCount) {
				t.Errorf("pageCount = %d", n)
			}
		})
	})
}

func BenchmarkPageCount(b *testing.B) {
	doc := hostile.ManyPages(2000)
	for b.Loop() {
		if _, err := pageCount(doc); err != nil {
			b.Fatal(err)
		}
	}
}
