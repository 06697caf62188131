package extract

import (
	"context"
	"os"
	"path/filepath"
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
		s, _, ok := decodeText(b)
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
