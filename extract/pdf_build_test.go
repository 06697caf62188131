package extract

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/zhibiao/zhibiao/extract/hostile"
)

// This file builds tiny PDFs in memory for the tests, so they need no
// fixture files and no PDF producer.

// pdfStream renders a stream object with the given extra dictionary
// entries (no compression).
func pdfStream(dict, data string) string { return hostile.Stream(dict, []byte(data)) }

// buildPDF assembles a PDF from objects numbered 1…n with a correct
// cross-reference table. Object 1 must be the catalog.
func buildPDF(objs ...string) []byte { return hostile.Build(objs...) }

// onePage builds a one-page PDF whose page uses font (object 4, resource
// /F1) and content; extra objects are numbered from 6 on.
func onePage(font, content string, extra ...string) []byte {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 595 842] >>",
		"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
		font,
		pdfStream("", content),
	}
	return buildPDF(append(objs, extra...)...)
}

// cidFont returns a Type0 font dictionary with the given encoding (a
// name like /GBK-EUC-H or a reference) and optional extra entries.
func cidFont(encoding, extra string) string {
	return "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding " + encoding + " " + extra +
		" /DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light" +
		" /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /DW 1000" +
		" /FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880]" +
		" /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >> >>] >>"
}

func hexOf(b []byte) string { return fmt.Sprintf("<%X>", b) }

// pageText concatenates the glyph text of all pages.
func pageText(pages []rawPage) string {
	var s strings.Builder
	for _, p := range pages {
		for _, g := range p.Glyphs {
			s.WriteString(g.Text)
		}
	}
	return s.String()
}

func readBytes(t *testing.T, b []byte) ([]rawPage, error) {
	t.Helper()
	return readPDF("test.pdf", bytes.NewReader(b), int64(len(b)))
}

// hybridPDF builds a hybrid-reference file, as Microsoft Word writes
// them: the font (object 4) lives in an object stream that only the
// cross-reference stream named by the trailer's /XRefStm lists.
func hybridPDF() []byte {
	font := cidFont("/UniGB-UCS2-H", "")
	objstm := pdfStream(fmt.Sprintf("/Type /ObjStm /N 1 /First %d", len("4 0 ")), "4 0 "+font)
	var b bytes.Buffer
	b.WriteString("%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
	offs := map[int]int{}
	write := func(n int, body string) {
		offs[n] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", n, body)
	}
	write(1, "<< /Type /Catalog /Pages 2 0 R >>")
	write(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 595 842] >>")
	write(3, "<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>")
	write(5, pdfStream("", "BT /F1 12 Tf 72 700 Td <7A0E6536> Tj ET"))
	write(6, objstm)
	write(7, pdfStream("/Type /XRef /Size 8 /W [1 2 2] /Index [4 1]", "\x02\x00\x06\x00\x00"))
	xref := b.Len()
	// Object 4 is left out of the classic table: readers without
	// hybrid support never see it.
	b.WriteString("xref\n0 4\n0000000000 65535 f \n")
	for n := 1; n < 8; n++ {
		if n == 5 {
			b.WriteString("5 3\n")
		}
		if o, ok := offs[n]; ok {
			fmt.Fprintf(&b, "%010d 00000 n \n", o)
		}
	}
	fmt.Fprintf(&b, "trailer\n<< /Size 8 /Root 1 0 R /XRefStm %d >>\nstartxref\n%d\n%%%%EOF\n", offs[7], xref)
	return b.Bytes()
}
