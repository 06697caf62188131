package extract

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	lo, err := os.ReadFile(filepath.Join(fixtures, "seed-2020-jiedao.lo-serif.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		path string
		want error
	}{
		{"missing", filepath.Join(dir, "missing.pdf"), fs.ErrNotExist},
		{"empty", write("empty.pdf", ""), ErrEmpty},
		{"blank-text", write("blank.txt", " \n\u3000\n\t"), ErrEmpty},
		{"boilerplate-only", write("site.txt", "下载\n打印\n"), ErrEmpty},
		{"binary", write("x.bin", "\x00\x01\x02\x03\x04\x05\xff\xfe\x00\x00\x00\x10garbage\x00"), ErrNotPDF},
		{"binary-named-pdf", write("x.pdf", "\x00\x01\x02\x03\x04\x05\xff\xfe\x00\x00\x00\x10garbage\x00"), ErrDamaged},
		{"header-only", write("h.pdf", "%PDF-1.7\n"), ErrDamaged},
		{"scanned", filepath.Join(unreadable, "seed-2020-jiedao.scanned.pdf"), ErrNoText},
		{"encrypted", filepath.Join(unreadable, "seed-2020-jiedao.encrypted.pdf"), ErrEncrypted},
		{"truncated", write("cut.pdf", string(lo[:len(lo)*6/10])), nil}, // any *Error, or a partial Document
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Open(tt.path)
			if err == nil {
				if tt.want != nil {
					t.Fatalf("no error, want %v", tt.want)
				}
				if doc == nil {
					t.Fatal("nil Document and nil error")
				}
				return
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %T %v is not an *Error", err, err)
			}
			if e.File != filepath.Base(tt.path) {
				t.Errorf("Error.File = %q, want %q", e.File, filepath.Base(tt.path))
			}
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("error %v, want %v", err, tt.want)
			}
		})
	}
}

func TestOpenText(t *testing.T) {
	doc, err := Open(filepath.Join(fixtures, "seed-2020-jiedao.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Name != "seed-2020-jiedao.txt" || len(doc.Pages) != 1 || len(doc.Paragraphs) != 19 || doc.Title != "2020年度某街道工作总结和2021年度工作思路" {
		t.Errorf("name %q, %d pages, %d paragraphs, title %q", doc.Name, len(doc.Pages), len(doc.Paragraphs), doc.Title)
	}
	for i, p := range doc.Paragraphs {
		if []rune(doc.Text)[p.Offset] != []rune(p.Text)[0] || strings.Contains(p.Text, "\n") {
			t.Errorf("paragraph %d: bad offset %d or line break", i, p.Offset)
		}
	}
}

// panicReader panics on every read, as a broken library might.
type panicReader struct{}

func (panicReader) ReadAt([]byte, int64) (int, error) { panic("boom") }

func TestNewReaderRecovers(t *testing.T) {
	doc, err := NewReader(panicReader{}, 100, "p.pdf")
	if doc != nil || !errors.Is(err, ErrDamaged) {
		t.Fatalf("got %v, %v; want nil and ErrDamaged", doc, err)
	}
	var e *Error
	if !errors.As(err, &e) || e.File != "p.pdf" {
		t.Fatalf("error %#v", err)
	}
}

func TestPageErrors(t *testing.T) {
	good := page(1, glyphs("第一页正文。", 80, 700, 16))
	bad := page(2, glyphs("第二页只读了一半", 80, 700, 16))
	bad.Err = errors.Join(ErrDamaged, errors.New("flate: corrupt input"))
	doc, err := layoutDocument("r.pdf", []rawPage{good, bad})
	if err != nil {
		t.Fatal(err)
	}
	perr := pageErrors("r.pdf", []rawPage{good, bad}, nil)
	var e *Error
	if !errors.As(perr, &e) || e.Page != 2 || e.File != "r.pdf" || !errors.Is(perr, ErrDamaged) {
		t.Fatalf("page error %v", perr)
	}
	if len(doc.Paragraphs) != 2 {
		t.Errorf("Document of the good pages: %q", doc.Text)
	}
	if pageErrors("r.pdf", []rawPage{good}, nil) != nil {
		t.Error("error without a bad page")
	}
	bad3 := bad
	bad3.Number = 3
	if err := pageErrors("r.pdf", []rawPage{good, bad, bad3}, nil); !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "page 3") {
		t.Errorf("two bad pages: %v", err)
	}
}

// FuzzNewReader feeds fixtures, their truncations and texts to NewReader:
// it must return a Document or an *Error, never panic or hang.
func FuzzNewReader(f *testing.F) {
	for _, name := range []string{"seed-2020-jiedao.rl-stsong.pdf", "seed-2020-jiedao.txt"} {
		b, err := os.ReadFile(filepath.Join(fixtures, name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
		f.Add(b[:len(b)/2])
	}
	f.Add([]byte("标题\n　　正文 15 亿元。"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		var doc *Document
		var err error
		within(t, 10*time.Second, func() { doc, err = NewReader(bytes.NewReader(b), int64(len(b)), "f.pdf") })
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %T is not an *Error: %v", err, err)
			}
			return
		}
		if doc == nil || strings.Contains(doc.Text, "\n\n") {
			t.Fatalf("bad Document for %d bytes", len(b))
		}
		for _, p := range doc.Paragraphs {
			if p.Text == "" || strings.Contains(p.Text, "\n") {
				t.Fatalf("bad paragraph %q", p.Text)
			}
		}
	})
}
