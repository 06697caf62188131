package extract

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/zhibiao/zhibiao/extract/hostile"
)

// FuzzMend feeds small PDFs, whole and damaged, to the structure layer:
// it must never panic, and a file it rebuilt must be sound when mended
// again (the library then reads it as it is).
func FuzzMend(f *testing.F) {
	for _, b := range [][]byte{helloPDF(), hybridPDF(), hostile.NestedForms(3, 2), hostile.ManyPages(3)} {
		f.Add(b)
		f.Add(hostile.PrevLoop(b))
		f.Add(hostile.ShortLengths(b))
		f.Add(hostile.ShiftOffsets(b, 3))
		f.Add(hostile.GarbageStartxref(b))
		f.Add(b[:len(b)*3/4])
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "crypt", "*.pdf"))
	for _, name := range files {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		b, err := sanitize(b)
		if err != nil {
			return
		}
		lim := Limits{DocumentBytes: 64 << 20, StreamBytes: 16 << 20}
		var m mended
		within(t, 10*time.Second, func() { m, err = mend(b, newBudget(context.Background(), lim)) })
		if err != nil || len(m.b) == 0 || &m.b[0] == &b[0] {
			return
		}
		m2, err := mend(m.b, newBudget(context.Background(), lim))
		if err != nil || len(m2.b) == 0 || &m2.b[0] != &m.b[0] || len(m2.repairs) > 0 {
			t.Fatalf("a rebuilt file is not sound: %v, repairs %q", err, m2.repairs)
		}
	})
}

// FuzzDecodeText checks that decoding text never panics, gives valid
// UTF-8, and leaves valid UTF-8 as it is.
func FuzzDecodeText(f *testing.F) {
	for _, s := range []string{"税收15亿元", "\ufeff税收", "\xff\xfe\x0e\x7a\x36\x65", "\xfe\xff\x7a\x0e", "税收\xa1总收入", "\xcb\xb0\xca\xd5"} {
		f.Add([]byte(s))
	}
	if b, err := os.ReadFile(filepath.Join(fixtures, "seed-2020-jiedao.txt")); err == nil {
		f.Add(b[:min(len(b), 2048)])
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		s, _, ok := decodeText(string(b))
		if !ok {
			return
		}
		if !utf8.ValidString(s) {
			t.Fatalf("invalid UTF-8 from %q", b)
		}
		if utf8.Valid(b) && len(b) > 0 && !(len(b) >= 3 && string(b[:3]) == "\ufeff") && s != string(b) {
			t.Fatalf("valid UTF-8 %q changed to %q", b, s)
		}
	})
}

// TestHugeNumbers feeds files whose numbers ask for huge tables: the
// library sizes its cross-reference table by them (an out-of-memory
// crash that recover cannot catch), so such files must be rebuilt with
// sane numbers, or refused, at once.
func TestHugeNumbers(t *testing.T) {
	good := helloPDF()
	xref := bytes.LastIndex(good, []byte("\nxref\n")) + 1
	tests := []struct {
		name string
		pdf  []byte
		text string // what must be read; "" for an ErrDamaged file
	}{
		{"trailer /Size", bytes.Replace(good, []byte("/Size 10"), []byte("/Size 1023456789"), 1), "税收总收入15亿元"},
		{"huge subsection", append(append(bytes.Clone(good[:xref]), []byte("xref\n0 1\n0000000000 65535 f \n1000000000 1\n0000000015 00000 n \ntrailer\n<< /Size 1000000001 /Root 1 0 R >>\nstartxref\n")...), []byte(strconv.Itoa(xref)+"\n%%EOF\n")...), "税收总收入15亿元"},
		{"huge reference", bytes.Replace(good, []byte("/Pages 2 0 R"), []byte("/Pages 123456789 0 R"), 1), ""},
		{"huge object number", bytes.Replace(good, []byte("\n3 0 obj"), []byte("\n3999999999 0 obj"), 1), "亿元"}, // page 1 is lost
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var pages []rawPage
			var err error
			within(t, 5*time.Second, func() { pages, err = readPDF("h.pdf", bytes.NewReader(tc.pdf), int64(len(tc.pdf))) })
			switch {
			case tc.text == "" && !errors.Is(err, ErrDamaged):
				t.Errorf("err = %v, want ErrDamaged", err)
			case tc.text != "" && (err != nil || pageText(pages) != tc.text):
				t.Errorf("read %q, %v; want %q", pageText(pages), err, tc.text)
			}
		})
	}
}

// TestFreeEntryGeneration reads a table whose free list head has
// generation 65536, as some writers give it: a free entry's generation
// is never used, so the table is sound and nothing is repaired. An
// object in use with that generation is a malformed entry.
func TestFreeEntryGeneration(t *testing.T) {
	good := helloPDF()
	for _, tc := range []struct {
		name, entry string
		repaired    bool
	}{
		{"free", "0000000000 65536 f ", false},
		{"in use", "0000000000 65536 n ", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := bytes.Replace(good, []byte("0000000000 65535 f "), []byte(tc.entry), 1)
			if bytes.Equal(b, good) {
				t.Fatal("no free list head in the test file")
			}
			doc, err := NewReader(bytes.NewReader(b), int64(len(b)), "gen.pdf")
			if err != nil {
				t.Fatal(err)
			}
			if got := len(doc.Repairs) > 0; got != tc.repaired {
				t.Errorf("repairs %q, want repaired %v", doc.Repairs, tc.repaired)
			}
		})
	}
}
