package extract

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// TestReadPooled reads files one after another, as a worker does, each
// into a buffer of the pool: a larger file's buffer then serves a smaller
// one, whose content must not carry the larger's tail. A file larger than
// readBuffered is mapped instead. Each reading sees exactly its file, and
// writes to the content (sanitize mends a header in place) stay private.
func TestReadPooled(t *testing.T) {
	dir := t.TempDir()
	files := []struct {
		name string
		size int
		fill byte
	}{
		{"a", 3 << 20, 'a'},
		{"b", 100, 'b'},
		{"c", readBuffered + 1, 'c'},
		{"d", 5000, 'd'},
		{"e", 1, 'e'},
	}
	for round := 0; round < 2; round++ {
		for _, f := range files {
			path := filepath.Join(dir, f.name)
			want := bytes.Repeat([]byte{f.fill}, f.size)
			if err := os.WriteFile(path, want, 0o644); err != nil {
				t.Fatal(err)
			}
			fh, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			read := func(r io.ReaderAt) []byte {
				b, err := contentOf(r, int64(f.size))
				if err != nil {
					t.Fatal(err)
				}
				if _, ok := r.(mappedFile); !ok {
					t.Errorf("%s: read from the file, not from memory", f.name)
				}
				b[0] = 'x'
				return bytes.Clone(b)
			}
			var got []byte
			if f.size <= readBuffered {
				b, ok := readPooled(fh, int64(f.size))
				if !ok {
					t.Fatalf("%s: not read", f.name)
				}
				got = read(mappedFile(*b))
				filePool.Put(b)
			} else {
				got = readMapped(fh, int64(f.size), read)
			}
			fh.Close()
			want[0] = 'x'
			if !bytes.Equal(got, want) {
				t.Errorf("round %d, %s: read %d bytes, not the file's %d", round, f.name, len(got), f.size)
			}
			if disk, _ := os.ReadFile(path); disk[0] != f.fill {
				t.Errorf("%s: the write went to the file", f.name)
			}
		}
	}
}
