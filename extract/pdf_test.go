package extract

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/zhibiao/zhibiao/extract/hostile"
)

// helloPDF is a valid two-page PDF: Chinese text in UniGB-UCS2-H on page
// 1, a Form XObject with text and an image on page 2.
func helloPDF() []byte {
	return buildPDF(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> >>",
		"<< /Type /Page /Parent 2 0 R /Contents 5 0 R >>",
		cidFont("/UniGB-UCS2-H", ""),
		pdfStream("", "BT /F1 12 Tf 72 700 Td <7A0E6536603B6536516500310035> Tj ET"), // 税收总收入15
		"<< /Type /Page /Parent 2 0 R /Contents 7 0 R /Resources << /Font << /F1 4 0 R >> /XObject << /Fm 8 0 R /Im 9 0 R >> >> >>",
		pdfStream("", "q 1 0 0 1 10 10 cm /Fm Do Q q 10 0 0 10 0 0 cm /Im Do Q"),
		pdfStream("/Type /XObject /Subtype /Form /BBox [0 0 100 100]", "BT /F1 12 Tf 0 0 Td <4EBF5143> Tj ET"), // 亿元
		pdfStream("/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8", "\x80"),
	)
}

func TestReadPDF(t *testing.T) {
	pages, err := readBytes(t, helloPDF())
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 2 {
		t.Fatalf("%d pages, want 2", len(pages))
	}
	if got := pageText(pages[:1]); got != "税收总收入15" {
		t.Errorf("page 1 = %q", got)
	}
	if got := pageText(pages[1:]); got != "亿元" {
		t.Errorf("page 2 = %q", got)
	}
	if pages[1].Images != 1 || pages[1].Number != 2 || pages[1].Width != 595 || pages[1].Height != 842 {
		t.Errorf("page 2 = %+v", pages[1])
	}
	if g := pages[1].Glyphs[0]; g.X != 10 || g.Y != 10 {
		t.Errorf("form glyph at %v,%v, want 10,10", g.X, g.Y)
	}
}

// cryptFile returns helloPDF as encrypted by qpdf (testdata/crypt/README.md).
func cryptFile(t *testing.T, kind string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "crypt", "hello."+kind+".pdf"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestReadPDFRobust covers the malformed inputs of research notes §1.5.
func TestReadPDFRobust(t *testing.T) {
	good := helloPDF()
	xrefAt := bytes.LastIndex(good, []byte("xref\n"))
	shiftedXref := bytes.Replace(good, []byte(fmt.Sprintf("startxref\n%d", xrefAt)), []byte(fmt.Sprintf("startxref\n%d", xrefAt-40)), 1)
	tests := []struct {
		name    string
		pdf     []byte
		wantErr error // nil: must read with the full text
	}{
		{"plain", good, nil},
		{"leading garbage", append([]byte("\xef\xbb\xbfFrom: mail gateway\r\n"), good...), nil},
		{"trailing garbage", append(append([]byte{}, good...), bytes.Repeat([]byte("\x00junk"), 500)...), nil},
		{"PDF-2.0 header", bytes.Replace(good, []byte("%PDF-1.7"), []byte("%PDF-2.0"), 1), nil},
		{"header followed by a space", bytes.Replace(good, []byte("%PDF-1.7\n"), []byte("%PDF-1.7 "), 1), nil},
		{"xref offset wrong", shiftedXref, nil},
		{"owner password only, AES-256", cryptFile(t, "owner.aes-256"), nil},
		{"owner password only, AES-256 R5", cryptFile(t, "owner.aes-256-r5"), nil},
		{"owner password only, AES-256, object streams", cryptFile(t, "owner.aes-256-objstm"), nil},
		{"owner password only, AES-128", cryptFile(t, "owner.aes-128"), nil},
		{"owner password only, RC4-128", cryptFile(t, "owner.rc4-128"), nil},
		{"owner password only, RC4-40", cryptFile(t, "owner.rc4-40"), nil},
		{"user password, AES-256", cryptFile(t, "user.aes-256"), ErrEncrypted},
		{"user password, RC4-128", cryptFile(t, "user.rc4-128"), ErrEncrypted},
		{"truncated", good[:len(good)*6/10], ErrDamaged},
		{"not a PDF", []byte("PK\x03\x04 this is a zip file"), ErrNotPDF},
		{"empty", nil, ErrEmpty},
		{"header only", []byte("%PDF-1.4\n%%EOF\n"), ErrDamaged},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			pages, err := readBytes(t, tc.pdf)
			if tc.wantErr != nil {
				if !errors.Is(err, tc.wantErr) {
					t.Fatalf("err = %v, want %v", err, tc.wantErr)
				}
				var e *Error
				if !errors.As(err, &e) || e.File != "test.pdf" {
					t.Errorf("err = %#v, want an *Error for test.pdf", err)
				}
				if len(err.Error()) > 300 {
					t.Errorf("error text is %d bytes long", len(err.Error()))
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := pageText(pages); got != "税收总收入15亿元" {
				t.Errorf("text = %q", got)
			}
		})
	}
}

func TestReadPDFNoText(t *testing.T) {
	image := buildPDF(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 595 842] >>",
		"<< /Type /Page /Parent 2 0 R /Resources << /XObject << /Im 5 0 R >> >> /Contents 4 0 R >>",
		pdfStream("", "q 595 0 0 842 0 0 cm /Im Do Q"),
		pdfStream("/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8", "\x80"),
	)
	if _, err := readBytes(t, image); !errors.Is(err, ErrNoText) {
		t.Errorf("image-only: err = %v, want ErrNoText", err)
	}
	blank := onePage("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", "0 0 m 100 100 l S")
	if _, err := readBytes(t, blank); !errors.Is(err, ErrEmpty) {
		t.Errorf("blank: err = %v, want ErrEmpty", err)
	}
}

// TestReadPDFPageError checks that a page whose stream cannot be decoded
// reports its own error while the other pages come out.
func TestReadPDFPageError(t *testing.T) {
	b := buildPDF(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> >>",
		"<< /Type /Page /Parent 2 0 R /Contents 5 0 R >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
		pdfStream("/Filter /LZWDecode", "not lzw"),
		"<< /Type /Page /Parent 2 0 R /Contents 7 0 R >>",
		pdfStream("", "BT /F1 12 Tf 72 700 Td (page two) Tj ET"),
	)
	pages, err := readBytes(t, b)
	if err != nil {
		t.Fatal(err)
	}
	if pages[0].Err == nil || !errors.Is(pages[0].Err, ErrDamaged) {
		t.Errorf("page 1 err = %v, want ErrDamaged", pages[0].Err)
	}
	var e *Error
	if errors.As(pages[0].Err, &e) && e.Page != 1 {
		t.Errorf("page 1 error names page %d", e.Page)
	}
	if got := pageText(pages[1:]); got != "page two" || pages[1].Err != nil {
		t.Errorf("page 2 = %q, %v", got, pages[1].Err)
	}
}

func TestShortErr(t *testing.T) {
	long := errors.New("malformed PDF: " + strings.Repeat("税\x00", 1000))
	s := shortErr(long)
	if len(s) > 200 || strings.ContainsRune(s, 0) || !strings.HasSuffix(s, "…") {
		t.Errorf("shortErr = %q", s)
	}
}

func FuzzReadPDF(f *testing.F) {
	f.Add(helloPDF())
	f.Add(onePage(cidFont("/Identity-H", "/ToUnicode 6 0 R"), "BT /F1 10 Tf [<0001> -500 <0002>] TJ ET",
		pdfStream("", "1 begincodespacerange <0000> <FFFF> endcodespacerange 1 beginbfrange <0000> <00FF> <4E00> endbfrange")))
	f.Add(onePage(cidFont("/GBK-EUC-H", ""), "BT /F1 12 Tf <CBB0CAD5> Tj ET"))
	f.Add(hostile.PrevLoop(helloPDF()))
	f.Add(hostile.ShortLengths(helloPDF()))
	f.Add(hostile.ZeroOffsets(hybridPDF()))
	f.Fuzz(func(t *testing.T, b []byte) {
		within(t, 10*time.Second, func() {
			pages, err := readPDF("fuzz.pdf", bytes.NewReader(b), int64(len(b)))
			if err == nil && len(pages) == 0 {
				t.Error("no error and no pages")
			}
		})
	})
}

// within runs fn and fails the test when it takes longer than d: the
// fuzzing engine reports a crash, not a hang, and keeps the input.
func within(t *testing.T, d time.Duration, fn func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn()
	}()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("still running after %v", d)
	}
}

// TestObjID guards the reflection on ledongthuc/pdf's unexported object
// pointer: if an upgrade renames it, caching silently stops and forms
// lose their cycle protection.
func TestObjID(t *testing.T) {
	b := helloPDF()
	d, err := openPDF(b)
	if err != nil {
		t.Fatal(err)
	}
	font := d.r.Trailer().Key("Root").Key("Pages").Key("Resources").Key("Font").Key("F1")
	if got := objID(font); got != 4<<16 {
		t.Errorf("objID(font 4 0 R) = %#x, want %#x", got, 4<<16)
	}
}

func TestReadPDFHybrid(t *testing.T) {
	pages, err := readBytes(t, hybridPDF())
	if err != nil {
		t.Fatal(err)
	}
	if got := pageText(pages); got != "税收" {
		t.Errorf("text = %q, want 税收", got)
	}
}
