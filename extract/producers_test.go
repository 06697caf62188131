package extract

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// This file tests what PDF producers other than LibreOffice, ReportLab
// and MuPDF put in their files: browsers' /ActualText spans, Ghostscript's
// index-only glyph names, per-glyph positioning and rotated text
// (watermarks, seals, landscape pages drawn sideways).

func TestOrientation(t *testing.T) {
	tests := []struct {
		name        string
		content     string
		angle, skew float64
	}{
		{"upright", "BT /F1 10 Tf 1 0 0 1 100 100 Tm (a) Tj ET", 0, 0},
		{"y-flipped-twice", "1 0 0 -1 0 842 cm BT /F1 10 Tf 1 0 0 -1 100 100 Tm (a) Tj ET", 0, 0},
		{"diagonal-watermark", "BT /F1 40 Tf 0.7071 0.7071 -0.7071 0.7071 100 100 Tm (a) Tj ET", 45, 0},
		{"running-up", "BT /F1 10 Tf 0 1 -1 0 100 100 Tm (a) Tj ET", 90, 0},
		{"upside-down", "BT /F1 10 Tf -1 0 0 -1 100 100 Tm (a) Tj ET", 180, 0},
		{"synthetic-italic", "BT /F1 10 Tf 1 0 0.2126 1 100 100 Tm (a) Tj ET", 0, 12},
		{"mirrored", "BT /F1 10 Tf 1 0 0 -1 100 100 Tm (a) Tj ET", 0, 180},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := runContent(tc.content, fakeRes{})
			if len(in.glyphs) != 1 {
				t.Fatalf("%d glyphs, want 1", len(in.glyphs))
			}
			g := in.glyphs[0]
			if round(g.Angle) != tc.angle || round(g.Skew) != tc.skew {
				t.Errorf("angle, skew = %v, %v; want %v, %v", g.Angle, g.Skew, tc.angle, tc.skew)
			}
		})
	}
}

// TestUpright checks that a diagonal watermark and the rotated letters of
// a seal are dropped, invisible text (an OCR layer) is kept, a page drawn
// sideways without /Rotate is read left to right and a page of mirrored
// glyphs is read as it is.
func TestUpright(t *testing.T) {
	body := "BT /F1 12 Tf 72 700 Td (Revenue rose 5%.) Tj ET " +
		"BT 3 Tr /F1 12 Tf 72 680 Td (Hidden OCR line.) Tj ET " +
		"q 0.7071 0.7071 -0.7071 0.7071 200 300 cm BT /F1 60 Tf 0 0 Td (DRAFT) Tj ET Q " +
		"BT /F1 9 Tf 0.866 0.5 -0.5 0.866 400 100 Tm (SEAL) Tj ET"
	sideways := "q 0 1 -1 0 595 0 cm " + // landscape content on a portrait page
		"BT /F1 12 Tf 72 500 Td (First row.) Tj 0 -20 Td (Second row.) Tj ET " +
		"BT /F1 30 Tf 0 -1 1 0 300 300 Tm (X) Tj ET Q" // upright on the paper: the odd one out here
	tests := []struct {
		name, content string
		want          []string
	}{
		{"watermark-and-seal", body, []string{"Revenue rose 5%.", "Hidden OCR line."}},
		{"sideways-page", sideways, []string{"First row.", "Second row."}},
		// Type3 fonts may flip their glyphs back: a page of mirrored text is kept.
		{"mirrored-page", "BT /F1 12 Tf 1 0 0 -1 72 700 Tm (Flipped one.) Tj 1 0 0 -1 72 680 Tm (Flipped two.) Tj ET",
			[]string{"Flipped one.", "Flipped two."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			raw, err := readBytes(t, onePage("<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>", tc.content))
			if err != nil {
				t.Fatal(err)
			}
			got := lineTexts(upright(raw[0]))
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("lines = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestActualText(t *testing.T) {
	tests := []struct {
		name, content, want string
	}{
		// Chromium: one glyph serves 户 and 戶; the span says which.
		{"one-glyph", "BT /F1 10 Tf /Span << /ActualText <FEFF6237> >> BDC (x) Tj EMC (y) Tj ET", "户y"},
		{"glyph-per-rune", "BT /F1 10 Tf /Span <</Lang (zh) /ActualText (AB)>> BDC (xy) Tj EMC ET", "AB"},
		{"ligature", "BT /F1 10 Tf /Span << /ActualText <FEFF00660069> >> BDC (x) Tj EMC ET", "fi"},
		{"fewer-runes", "BT /F1 10 Tf /Span << /ActualText (Z) >> BDC (xyz) Tj EMC ET", "Z"},
		{"empty-removes", "BT /F1 10 Tf (a) Tj /Span << /ActualText () >> BDC (-) Tj EMC (b) Tj ET", "ab"},
		{"nested-and-plain-marks", "BT /F1 10 Tf /P << /MCID 0 >> BDC /Span << /ActualText (Q) >> BDC (x) Tj EMC (y) Tj EMC /Artifact BMC (z) Tj EMC ET", "Qyz"},
		{"unbalanced", "BT /F1 10 Tf EMC /Span << /ActualText (Q) >> BDC (x) Tj ET", "x"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := runContent(tc.content, fakeRes{})
			var b strings.Builder
			for _, g := range in.glyphs {
				b.WriteString(g.Text)
			}
			if b.String() != tc.want {
				t.Errorf("text = %q, want %q", b.String(), tc.want)
			}
		})
	}
}

// TestIndexGlyphNames checks that a simple font without ToUnicode whose
// Differences name only glyph indexes (Ghostscript's /cid9789) decodes
// to U+FFFD, not to the ASCII letters of its codes, while real glyph
// names still decode.
func TestIndexGlyphNames(t *testing.T) {
	font := "<< /Type /Font /Subtype /Type1 /BaseFont /ABCDEF+NotoSerifCJKjp-Regular /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [49 /cid9789 /g12 /A /uni6237 /glyph7 /one] >> >>"
	raw, err := readBytes(t, onePage(font, "BT /F1 12 Tf 72 700 Td (123456) Tj ET"))
	if !errors.Is(err, ErrUndecoded) { // half the characters are unknown
		t.Errorf("error %v, want ErrUndecoded", err)
	}
	var got []string
	for _, g := range raw[0].Glyphs {
		got = append(got, g.Text)
	}
	want := []string{"\uFFFD", "\uFFFD", "A", "户", "\uFFFD", "1"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("glyphs = %q, want %q", got, want)
	}
	for _, name := range []string{"cid0", "g1", "G99", "gid5", "index12"} {
		if !isIndexGlyphName(name) {
			t.Errorf("isIndexGlyphName(%q) = false", name)
		}
	}
	for _, name := range []string{"g", "cid", "gamma", "uni4E00", "a1", "one", "g1a", ""} {
		if isIndexGlyphName(name) {
			t.Errorf("isIndexGlyphName(%q) = true", name)
		}
	}
}

// TestShortParagraphs checks paragraph breaks on a page where indented
// first lines outnumber wrapped lines (a statistical bulletin) and a
// paragraph's last line runs to the margin before one that opens with a
// number: only the indent tells them apart.
func TestShortParagraphs(t *testing.T) {
	const size = 12.0
	left, indent := 72.0, 96.0
	full := strings.Repeat("国", 30) // 360 pt: runs to the right margin at 432
	var runs [][]Glyph
	y := 760.0
	add := func(text string, x float64) {
		runs = append(runs, glyphs(text, x, y, size))
		y -= 20
	}
	var want []string
	for i := range 6 {
		short := "年末人口" + strings.Repeat("多", i) + "。"
		add(short, indent)
		want = append(want, short)
	}
	for range 2 { // two-line paragraphs whose last line is full
		add(full[:3*28], indent)
		add(full, left)
		want = append(want, full[:3*28]+full)
	}
	add("2023年全国农民工总量29753万人。", indent)
	want = append(want, "2023年全国农民工总量29753万人。")
	doc, err := layoutDocument("a.pdf", []rawPage{page(1, runs...)})
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Split(doc.Text, "\n")
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("paragraphs:\n%s\nwant:\n%s", doc.Text, strings.Join(want, "\n"))
	}
}

// TestPaginationArtifacts checks that text a producer tagged as a
// pagination artifact (Word's headers and footers) is dropped even on a
// one-page document, where no repetition shows it, and that other tagged
// text is kept.
func TestPaginationArtifacts(t *testing.T) {
	content := "/Artifact <</Attached [/Top] /Type /Pagination /Subtype /Header>> BDC BT /F1 10 Tf 72 800 Td (City Government Bulletin) Tj ET EMC " +
		"/P <</MCID 0>> BDC BT /F1 12 Tf 72 700 Td (Body text.) Tj ET EMC " +
		"/Artifact BMC BT /F1 12 Tf 72 680 Td (Untyped artifact.) Tj ET EMC " +
		"/P <</Type /Pagination>> BDC BT /F1 12 Tf 72 660 Td (Not an artifact.) Tj ET EMC " +
		"/Artifact <</Type /Pagination>> BDC /Span <</ActualText (x)>> BDC BT /F1 10 Tf 300 400 Td (Nested watermark) Tj ET EMC EMC " +
		"BT /F1 12 Tf 72 640 Td (After.) Tj ET"
	raw, err := readBytes(t, onePage("<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>", content))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := layoutDocument("a.pdf", raw)
	if err != nil {
		t.Fatal(err)
	}
	// (The short lines may join into one paragraph; only the text matters.)
	if got, want := strings.ReplaceAll(doc.Text, "\n", ""), "Body text.Untyped artifact.Not an artifact.After."; got != want {
		t.Errorf("text = %q, want %q", got, want)
	}
	if d := doc.Pages[0].Dropped; len(d) != 2 {
		t.Errorf("dropped = %q, want the header and the watermark", d)
	}
}

// sfnt builds a font program holding only a cmap table with the given
// subtables (platform, encoding, body).
func sfnt(subs ...struct {
	pid, eid uint16
	body     []byte
}) []byte {
	be := binary.BigEndian
	var cmap []byte
	cmap = be.AppendUint16(cmap, 0)
	cmap = be.AppendUint16(cmap, uint16(len(subs)))
	off := 4 + 8*len(subs)
	var bodies []byte
	for _, s := range subs {
		cmap = be.AppendUint16(cmap, s.pid)
		cmap = be.AppendUint16(cmap, s.eid)
		cmap = be.AppendUint32(cmap, uint32(off+len(bodies)))
		bodies = append(bodies, s.body...)
	}
	cmap = append(cmap, bodies...)
	var b []byte
	b = be.AppendUint32(b, 0x00010000)
	b = be.AppendUint16(b, 1)
	b = append(b, make([]byte, 6)...)
	b = append(b, "cmap"...)
	b = be.AppendUint32(b, 0)
	b = be.AppendUint32(b, 28)
	b = be.AppendUint32(b, uint32(len(cmap)))
	return append(b, cmap...)
}

// format4 builds a cmap format 4 subtable from segments mapping
// [lo, hi] to glyphs gid, gid+1, … (by idDelta).
func format4(segs ...[3]uint16) []byte {
	be := binary.BigEndian
	segs = append(segs, [3]uint16{0xFFFF, 0xFFFF, 1})
	n := len(segs)
	var ends, starts, deltas, offs []byte
	for _, s := range segs {
		ends = be.AppendUint16(ends, s[1])
		starts = be.AppendUint16(starts, s[0])
		deltas = be.AppendUint16(deltas, s[2]-s[0])
		offs = be.AppendUint16(offs, 0)
	}
	var b []byte
	b = be.AppendUint16(b, 4)
	b = be.AppendUint16(b, uint16(16+8*n))
	b = be.AppendUint16(b, 0)
	b = be.AppendUint16(b, uint16(2*n))
	b = append(b, make([]byte, 6)...)
	b = append(b, ends...)
	b = append(b, 0, 0)
	b = append(b, starts...)
	b = append(b, deltas...)
	return append(b, offs...)
}

func TestTrueTypeUnicode(t *testing.T) {
	be := binary.BigEndian
	var f12 []byte
	f12 = be.AppendUint16(f12, 12)
	f12 = be.AppendUint16(f12, 0)
	f12 = be.AppendUint32(f12, 28)
	f12 = be.AppendUint32(f12, 0)
	f12 = be.AppendUint32(f12, 1)
	for _, v := range []uint32{0x20000, 0x20001, 7} {
		f12 = be.AppendUint32(f12, v)
	}
	type sub = struct {
		pid, eid uint16
		body     []byte
	}
	tests := []struct {
		name string
		font []byte
		want map[int]rune // by glyph index
	}{
		// 戶 and 户 are glyphs 3 and 4, A is 5; the Macintosh subtable is ignored.
		{"format-4", sfnt(sub{1, 0, []byte{0, 6, 0, 0}}, sub{3, 1, format4([3]uint16{'A', 'A', 5}, [3]uint16{0x6236, 0x6237, 3})}),
			map[int]rune{3: '戶', 4: '户', 5: 'A'}},
		// A format-12 subtable covers the other planes and wins.
		{"format-12", sfnt(sub{3, 1, format4([3]uint16{'A', 'A', 5})}, sub{3, 10, f12}),
			map[int]rune{5: 0, 7: 0x20000, 8: 0x20001}},
	}
	for _, tc := range tests {
		uni := trueTypeUnicode(tc.font)
		for gid, r := range tc.want {
			got := rune(0)
			if gid < len(uni) {
				got = uni[gid]
			}
			if got != r {
				t.Errorf("%s: glyph %d: got %q, want %U", tc.name, gid, uni, r)
			}
		}
	}
	if uni := trueTypeUnicode(sfnt(sub{1, 0, []byte{0, 0, 0, 6, 0, 0}})); uni != nil {
		t.Errorf("a Macintosh-only cmap decoded: %v", uni)
	}
	for _, b := range [][]byte{nil, []byte("true"), sfnt(), sfnt(sub{3, 1, []byte{0, 4}})} {
		if uni := trueTypeUnicode(b); uni != nil {
			t.Errorf("trueTypeUnicode(%q) = %v, want nil", b, uni)
		}
	}
}

func FuzzTrueTypeUnicode(f *testing.F) {
	f.Add(sfnt(struct {
		pid, eid uint16
		body     []byte
	}{3, 1, format4([3]uint16{0x4E00, 0x4E10, 5})}))
	f.Fuzz(func(t *testing.T, b []byte) {
		uni := trueTypeUnicode(b)
		if len(uni) > maxFontGlyphs {
			t.Fatalf("%d glyphs", len(uni))
		}
	})
}

// TestNoToUnicode reads the Chromium fixture with its ToUnicode maps
// hidden: the embedded TrueType's cmap (and the /ActualText spans) must
// give the same text.
func TestNoToUnicode(t *testing.T) {
	file := filepath.Join(fixtures, "seed-2020-jiedao.chrome.pdf")
	b, err := os.ReadFile(file)
	if err != nil {
		t.Skip(err)
	}
	want, err := Open(file)
	if err != nil {
		t.Fatal(err)
	}
	hidden := bytes.ReplaceAll(b, []byte("/ToUnicode"), []byte("/XoUnicode")) // same length: offsets hold
	if bytes.Equal(hidden, b) {
		t.Fatal("no ToUnicode in the fixture")
	}
	got, err := NewReader(bytes.NewReader(hidden), int64(len(hidden)), "hidden.pdf")
	if err != nil {
		t.Fatal(err)
	}
	if got.Text != want.Text {
		t.Errorf("text without ToUnicode differs:\n%s", shortDiff(want.Text, got.Text))
	}
}

// TestLetterSpaced checks that a heading whose characters stand wide apart
// ("目　　录", distributed alignment) is one word, while table rows keep
// their cells.
func TestLetterSpaced(t *testing.T) {
	tests := []struct {
		name string
		p    rawPage
		want []string
	}{
		{"ideographic-spaces", page(1, glyphs("目␣␣录", 250, 700, 16)), []string{"目录"}},
		{"distributed", page(1, glyphs("政␣␣府␣␣工␣␣作␣␣报␣␣告", 100, 700, 22)), []string{"政府工作报告"}},
		{"table-row", page(1, glyphs("地区生产总值␣␣␣12.5␣␣␣6.1%", 72, 700, 12)), []string{"地区生产总值\t12.5\t6.1%"}},
		{"two-cells-one-word", page(1, glyphs("男␣␣␣女性", 72, 700, 12)), []string{"男\t女性"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := lineTexts(tc.p)
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("lines = %q, want %q", got, tc.want)
			}
		})
	}
}
