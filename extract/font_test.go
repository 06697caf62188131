package extract

import (
	"fmt"
	"math"
	"testing"
	"unicode/utf16"

	"golang.org/x/text/encoding/simplifiedchinese"
)

const encSample = "税收总收入15亿元,同比下降15%"

func gbk(t *testing.T, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func utf16be(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u>>8), byte(u))
	}
	return b
}

// gb1CIDs encodes s as 2-byte Adobe-GB1 CIDs by searching our table.
func gb1CIDs(t *testing.T, s string) []byte {
	t.Helper()
	var b []byte
	for _, r := range s {
		found := false
		for cid := uint32(1); cid < 30000; cid++ {
			if adobeGB1(cid) == r {
				b = append(b, byte(cid>>8), byte(cid))
				found = true
				break
			}
		}
		if !found {
			t.Fatalf("no Adobe-GB1 CID for %q", r)
		}
	}
	return b
}

func TestAdobeGB1(t *testing.T) {
	for _, c := range []struct {
		cid  uint32
		want rune
	}{{1, ' '}, {17, '0'}, {34, 'A'}, {0, 0}, {1 << 20, 0}} {
		if got := adobeGB1(c.cid); got != c.want {
			t.Errorf("adobeGB1(%d) = %q, want %q", c.cid, got, c.want)
		}
	}
	// Every Han character of the sample has a CID.
	gb1CIDs(t, "税收总收入亿元同比下降街道工作总结")
}

// TestEncodings reads one-page PDFs built for each CJK encoding the
// research notes found in real files (files E1–E7 there).
func TestEncodings(t *testing.T) {
	toUni := func(body string) string {
		return pdfStream("", "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"+
			"1 begincodespacerange <0000> <FFFF> endcodespacerange\n"+body+"\nendcmap CMapName currentdict /CMap defineresource pop end end")
	}
	tests := []struct {
		name    string
		font    string
		content string
		extra   []string
		want    string
	}{
		{
			name:    "GBK-EUC-H",
			font:    cidFont("/GBK-EUC-H", ""),
			content: "BT /F1 12 Tf 72 700 Td " + hexOf(gbk(t, encSample)) + " Tj ET",
			want:    encSample,
		},
		{
			name:    "UniGB-UTF16-H with a surrogate pair",
			font:    cidFont("/UniGB-UTF16-H", ""),
			content: "BT /F1 12 Tf 72 700 Td " + hexOf(utf16be(encSample+"𠀀")) + " Tj ET",
			want:    encSample + "𠀀",
		},
		{
			name:    "UniGB-UCS2-H",
			font:    cidFont("/UniGB-UCS2-H", ""),
			content: "BT /F1 12 Tf 72 700 Td " + hexOf(utf16be(encSample)) + " Tj T* " + hexOf(utf16be("下降")) + " Tj ET",
			want:    encSample + "下降",
		},
		{
			name:    "Identity-H Adobe-GB1 without ToUnicode",
			font:    cidFont("/Identity-H", ""),
			content: "BT /F1 12 Tf 72 700 Td " + hexOf(gb1CIDs(t, encSample)) + " Tj ET",
			want:    encSample,
		},
		{
			name: "Identity-H ToUnicode bfrange carry and bfchar, kerned TJ",
			font: cidFont("/Identity-H", "/ToUnicode 6 0 R"),
			content: "BT /F1 10 Tf 72 700 Td [<0001> -500 <0002>] TJ [<0800> 120 <081F>] TJ " +
				"[(\\000\\003)] TJ ET",
			extra: []string{toUni("2 beginbfchar <0001> <7A0E> <0002> <6536> endbfchar\n" +
				"1 beginbfrange <0800> <081F> <4EF0> endbfrange\n1 beginbfchar <0003> <0066 0069> endbfchar")},
			want: "税收" + "\u4EF0" + "\u4F0F" + "fi",
		},
		{
			name:    "GBK-EUC-H with a ToUnicode that wins",
			font:    cidFont("/GBK-EUC-H", "/ToUnicode 6 0 R"),
			content: "BT /F1 12 Tf 72 700 Td " + hexOf(gbk(t, "税收")) + " Tj ET",
			extra:   []string{toUni("1 beginbfchar <CBB0> <0058> endbfchar")},
			want:    "X收",
		},
		{
			name:    "WinAnsi simple font",
			font:    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
			content: "BT /F1 12 Tf 72 700 Td (Caf\\351 15%) Tj ET",
			want:    "Café 15%",
		},
		{
			name:    "non-embedded SimSun with WinAnsi holding GBK bytes",
			font:    "<< /Type /Font /Subtype /TrueType /BaseFont /SimSun /Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 255 >>",
			content: "BT /F1 12 Tf 72 700 Td " + hexOf(gbk(t, encSample)) + " Tj ET",
			want:    encSample,
		},
		{
			name:    "missing font resource",
			font:    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
			content: "BT /F9 12 Tf 72 700 Td (ok) Tj ET",
			want:    "ok",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			pages, err := readBytes(t, onePage(tc.font, tc.content, tc.extra...))
			if err != nil {
				t.Fatal(err)
			}
			if got := pageText(pages); got != tc.want {
				t.Errorf("text = %q, want %q", got, tc.want)
			}
			if pages[0].Err != nil {
				t.Errorf("page error: %v", pages[0].Err)
			}
		})
	}
}

// TestKernedPositions checks glyph geometry for a 2-byte font: a TJ
// number n moves the next glyph by −n/1000 of the font size.
func TestKernedPositions(t *testing.T) {
	pdf := onePage(cidFont("/Identity-H", ""), "BT /F1 10 Tf 72 700 Td [<0001> -500 <0002>] TJ ET")
	pages, err := readBytes(t, pdf)
	if err != nil {
		t.Fatal(err)
	}
	g := pages[0].Glyphs
	if len(g) != 2 {
		t.Fatalf("got %d glyphs, want 2", len(g))
	}
	want := []struct{ x, w float64 }{{72, 10}, {87, 10}}
	for i, w := range want {
		if math.Abs(g[i].X-w.x) > 1e-6 || math.Abs(g[i].W-w.w) > 1e-6 || g[i].Y != 700 || g[i].Size != 10 {
			t.Errorf("glyph %d = %+v, want X %v W %v Y 700 Size 10", i, g[i], w.x, w.w)
		}
	}
}

func TestFontCode(t *testing.T) {
	euc := &font{split: splitEUC}
	utf := &font{split: splitUTF16}
	for _, c := range []struct {
		f    *font
		in   []byte
		want charCode
	}{
		{euc, []byte("A\xcb\xb0"), charCode{'A', 1}},
		{euc, []byte("\xcb\xb0A"), charCode{0xcbb0, 2}},
		{euc, []byte("\x81\x30\x81\x30"), charCode{0x81308130, 4}},
		{euc, []byte("\xcb"), charCode{0xcb, 1}},
		{utf, []byte{0xd8, 0x40, 0xdc, 0x00}, charCode{0xd840dc00, 4}},
		{utf, []byte{0x4e, 0x00, 0xd8}, charCode{0x4e00, 2}},
	} {
		if got := c.f.code(c.in); got != c.want {
			t.Errorf("code(%x) = %+v, want %+v", c.in, got, c.want)
		}
	}
}

func TestGlyphNameText(t *testing.T) {
	for name, want := range map[string]string{
		"uni7A0E": "税", "uni00660069": "fi", "u1F600": "😀", "space": " ", "A": "A", "bogus.glyph": "\uFFFD",
	} {
		if got := glyphNameText(name); got != want {
			t.Errorf("glyphNameText(%q) = %q, want %q", name, got, want)
		}
	}
}

// TestToUnicodeCodeLength covers ToUnicode maps whose codes are longer
// or shorter than the font's own codes.
func TestToUnicodeCodeLength(t *testing.T) {
	cm := func(body string) string {
		return pdfStream("", "1 begincodespacerange <0000> <FFFF> endcodespacerange "+body)
	}
	simple := "<< /Type /Font /Subtype /TrueType /BaseFont /ABCDEF+Font /FirstChar 32 /LastChar 126 /ToUnicode 6 0 R >>"
	pages, err := readBytes(t, onePage(simple, "BT /F1 12 Tf 72 700 Td <4142> Tj ET", cm("2 beginbfchar <0041> <7A0E> <0042> <6536> endbfchar")))
	if err != nil {
		t.Fatal(err)
	}
	if got := pageText(pages); got != "税收" {
		t.Errorf("simple font with 2-byte ToUnicode: %q", got)
	}
	pages, err = readBytes(t, onePage(cidFont("/Identity-H", "/ToUnicode 6 0 R"), "BT /F1 12 Tf 72 700 Td <00410042> Tj ET",
		pdfStream("", "1 begincodespacerange <00> <FF> endcodespacerange 2 beginbfchar <41> <7A0E> <42> <6536> endbfchar")))
	if err != nil {
		t.Fatal(err)
	}
	if got := pageText(pages); got != "税收" {
		t.Errorf("2-byte font with 1-byte ToUnicode: %q", got)
	}
}

// TestEmbeddedCMap covers a Type0 font whose /Encoding is an embedded
// CMap stream: its codespace splits the codes and its cidchar/cidrange
// entries give CIDs, decoded through the Adobe-GB1 table.
func TestEmbeddedCMap(t *testing.T) {
	cids := gb1CIDs(t, "税")
	cid := int(cids[0])<<8 | int(cids[1])
	enc := pdfStream("/Type /CMap /CMapName /Test-H",
		"2 begincodespacerange <00> <80> <8140> <FEFE> endcodespacerange\n"+
			"1 begincidrange <20> <7e> 1 endcidrange\n"+
			"1 begincidchar <CBB0> "+fmt.Sprint(cid)+" endcidchar")
	pages, err := readBytes(t, onePage(cidFont("6 0 R", ""), "BT /F1 12 Tf 72 700 Td <41CBB042> Tj ET", enc))
	if err != nil {
		t.Fatal(err)
	}
	if got := pageText(pages); got != "A税B" {
		t.Errorf("text = %q, want A税B", got)
	}
}

func TestUnifyRadicals(t *testing.T) {
	for in, want := range map[string]string{
		"⼯作⽬标": "工作目标", "增⻓⺠⽣": "增长民生", "⻜⻰": "飞龙", "工作": "工作", "⺌": "⺌", "ab": "ab",
	} {
		if got := unifyRadicals(in); got != want {
			t.Errorf("unifyRadicals(%q) = %q, want %q", in, got, want)
		}
	}
}
