package extract

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// causes are the sentinels a reader may fail with.
var causes = []error{ErrEncrypted, ErrNoText, ErrDamaged, ErrEmpty, ErrNotPDF, ErrTooLarge, ErrNeedsConverter}

// checkFailure checks that a reader's error is an *Error with a known
// cause.
func checkFailure(t *testing.T, err error) {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v (%T) is no *Error", err, err)
	}
	for _, c := range causes {
		if errors.Is(err, c) {
			return
		}
	}
	t.Fatalf("error %v has no known cause", err)
}

// zipPart returns part name of the zip archive at path, or nil.
func zipPart(path, name string) []byte {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name == name {
			rc, err := f.Open()
			if err != nil {
				return nil
			}
			defer rc.Close()
			b, _ := io.ReadAll(rc)
			return b
		}
	}
	return nil
}

// FuzzDocx reads a .docx made of a fuzzed document.xml and numbering.xml,
// seeded with those of the fixtures: the reader must return a Document
// that keeps its invariants or an *Error with a known cause, never panic
// or hang.
func FuzzDocx(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "fixtures", "*.docx"))
	for _, file := range files {
		f.Add(zipPart(file, "word/document.xml"), zipPart(file, "word/numbering.xml"))
	}
	f.Add([]byte(`<w:document xmlns:w="`+nsW+`"><w:body><w:p><w:pPr><w:numPr><w:ilvl w:val="8"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>一</w:t></w:r></w:p></w:body></w:document>`),
		[]byte(`<w:numbering xmlns:w="`+nsW+`"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="8"><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%9%1%5、"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`))
	styles := zipPart(filepath.Join("..", "fixtures", "seed-2020-jiedao.word.docx"), "word/styles.xml")
	f.Fuzz(func(t *testing.T, document, numbering []byte) {
		var b bytes.Buffer
		zw := zip.NewWriter(&b)
		for _, p := range []struct {
			name string
			data []byte
		}{{"word/document.xml", document}, {"word/numbering.xml", numbering}, {"word/styles.xml", styles}} {
			w, _ := zw.Create(p.name)
			w.Write(p.data)
		}
		zw.Close()
		lim := DefaultLimits().markup()
		lim.part, lim.inflated = 16<<20, 32<<20
		doc, err := readDocx("f.docx", "docx", bytes.NewReader(b.Bytes()), int64(b.Len()), lim)
		if doc == nil {
			checkFailure(t, err)
			return
		}
		checkOffsets(t, doc)
	})
}

// FuzzHTML reads a fuzzed web page, seeded with the fixture pages.
func FuzzHTML(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "fixtures", "*.html"))
	for _, file := range files {
		if b, err := os.ReadFile(file); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`<html><title>t</title><table><tr><td rowspan="0" colspan="1000">a</td></tr><tr><td>1</td><td>2</td></tr></table></html>`))
	f.Fuzz(func(t *testing.T, page []byte) {
		lim := DefaultLimits().markup()
		lim.htmlFile = 1 << 20
		doc, err := readHTMLFile("f.html", bytes.NewReader(page), int64(len(page)), lim)
		if doc == nil {
			checkFailure(t, err)
			return
		}
		checkOffsets(t, doc)
	})
}

// FuzzSplitInline checks that splitting a line at its inline headings
// loses and adds nothing.
func FuzzSplitInline(f *testing.F) {
	if b, err := os.ReadFile(filepath.Join("..", "fixtures", "seed-2020-jiedao.scraped.txt")); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			f.Add(l[:min(len(l), 4096)])
		}
	}
	f.Add("其中 一、二产业 (一) 1. 5 第一章 （1）增长。 2. 下降")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // the readers hand it decoded text
		}
		if got := strings.Join(splitInline(s), ""); got != s {
			t.Fatalf("splitInline(%q) joins to %q", s, got)
		}
	})
}
