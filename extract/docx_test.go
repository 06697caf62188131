package extract

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// checkOffsets checks the invariants every Document keeps: each
// paragraph's text at its offset, each table cell's text at its offset,
// pages that cover the text in order.
func checkOffsets(t *testing.T, doc *Document) {
	t.Helper()
	text := []rune(doc.Text)
	at := func(off int, s string) bool {
		n := utf8.RuneCountInString(s)
		return off >= 0 && off+n <= len(text) && string(text[off:off+n]) == s
	}
	for i, p := range doc.Paragraphs {
		if !at(p.Offset, p.Text) {
			t.Errorf("paragraph %d %q not at its offset %d", i, p.Text, p.Offset)
		}
	}
	for ti, tab := range doc.Tables {
		for r, row := range tab.Rows {
			if len(row) != tab.Cols() {
				t.Errorf("table %d row %d has %d cells, want %d", ti+1, r, len(row), tab.Cols())
			}
			for c, cell := range row {
				if cell.Text != "" && !at(cell.Offset, cell.Text) {
					t.Errorf("table %d cell (%d,%d) %q not at its offset %d", ti+1, r, c, cell.Text, cell.Offset)
				}
			}
		}
	}
	end := 0
	for _, pg := range doc.Pages {
		if pg.Start < end || pg.End < pg.Start {
			t.Errorf("page %d [%d,%d) out of order", pg.Number, pg.Start, pg.End)
		}
		end = pg.End
	}
	if end != len(text) {
		t.Errorf("pages end at %d, text at %d", end, len(text))
	}
}

// paragraphWith returns the first paragraph of doc that contains s.
func paragraphWith(doc *Document, s string) (Paragraph, bool) {
	for _, p := range doc.Paragraphs {
		if strings.Contains(p.Text, s) {
			return p, true
		}
	}
	return Paragraph{}, false
}

func TestDocxWordFixture(t *testing.T) {
	doc, err := Open(filepath.Join(fixtures, "seed-2020-jiedao.word.docx"))
	if err != nil {
		t.Fatal(err)
	}
	checkOffsets(t, doc)
	if doc.Format != "docx" || doc.Title != "2020年度某街道工作总结和2021年度工作思路" {
		t.Errorf("format %q title %q", doc.Format, doc.Title)
	}
	for _, s := range []string{
		"99亿元",       // the footnote's text
		"隐藏",         // a hidden run
		"删去", "16亿元", // tracked deletions
		"目录", "目　录", "\t1", // the table of contents
	} {
		if strings.Contains(doc.Text, s) {
			t.Errorf("text holds %q", s)
		}
	}
	if n := strings.Count(doc.Text, "内部资料"); n != 1 {
		t.Errorf("text box read %d times, want once", n)
	}
	for _, h := range []string{"一、2020年度工作总结", "二、2021年工作思路"} {
		if p, ok := paragraphWith(doc, h); !ok || p.Text != h || !p.Heading {
			t.Errorf("heading %q: %+v", h, p)
		}
	}
	if p, ok := paragraphWith(doc, "全力保障经济企稳回升"); !ok || !strings.HasPrefix(p.Text, "(一)全力保障") {
		t.Errorf("list number (一): %q", p.Text)
	}
	if !strings.Contains(doc.Text, "预计实现税收总收入15亿元") {
		t.Error("tracked insertion lost")
	}
	// Pages from the rendered page breaks, one of them inside a paragraph.
	if len(doc.Pages) < 4 {
		t.Errorf("%d pages, want the rendered breaks", len(doc.Pages))
	}
	p, _ := paragraphWith(doc, "今年以来")
	end := p.Offset + utf8.RuneCountInString(p.Text) - 1
	if doc.PageAt(p.Offset) == doc.PageAt(end) {
		t.Errorf("the paragraph broken across pages 1–2 stands on page %d only", doc.PageAt(p.Offset))
	}
	if w := doc.Pages[0].Width; w < 595 || w > 596 {
		t.Errorf("page width %v, want A4 (595.3 pt)", w)
	}
}

func TestDocxWPSFixture(t *testing.T) {
	doc, err := Open(filepath.Join(fixtures, "table-2021-county.wps.docx"))
	if err != nil {
		t.Fatal(err)
	}
	checkOffsets(t, doc)
	if doc.Title != "2021年某县国民经济和社会发展统计公报" || len(doc.Pages) != 2 {
		t.Errorf("title %q, %d pages (want 2: one explicit page break)", doc.Title, len(doc.Pages))
	}
	for _, s := range []string{"请核实", "38000", "样本", "97.0"} { // comment, endnote, deleted cell text
		if strings.Contains(doc.Text, s) {
			t.Errorf("text holds %q", s)
		}
	}
	if p, ok := paragraphWith(doc, "二、农业"); !ok || !p.Heading {
		t.Errorf("outline-level heading: %+v", p)
	}
	if p, ok := paragraphWith(doc, "三、人民生活"); !ok || p.Page != 2 {
		t.Errorf("after the page break: %+v", p)
	}
	if p, ok := paragraphWith(doc, "全年全体居民人均可支配收入"); !ok || p.Table != 0 {
		t.Errorf("paragraph of the frame table: %+v", p)
	}
	if n := strings.Count(doc.Text, "本公报数据为初步统计数"); n != 1 {
		t.Errorf("text box read %d times", n)
	}
	if len(doc.Tables) != 2 {
		t.Fatalf("%d tables, want 2", len(doc.Tables))
	}
	t1 := doc.Tables[0]
	if t1.Caption != "表1 2021年主要经济指标" || len(t1.Notes) != 1 || t1.Notes[0] != "单位：亿元" || t1.Header != 2 || t1.Source != "docx" {
		t.Errorf("table 1: caption %q notes %q header %d source %q", t1.Caption, t1.Notes, t1.Header, t1.Source)
	}
	if t1.Cols() != 4 || len(t1.Rows) != 7 {
		t.Fatalf("table 1 is %d×%d, want 7×4", len(t1.Rows), t1.Cols())
	}
	for _, c := range []struct {
		r, c, rs, cs int
		text         string
	}{
		{0, 0, 2, 1, "指标"}, {1, 0, 0, 0, ""}, {0, 1, 2, 1, "单位"}, {1, 1, 0, 0, ""},
		{0, 2, 1, 2, "2021年"}, {0, 3, 0, 0, ""}, {1, 2, 1, 1, "绝对数"}, {3, 2, 1, 1, "98.4"},
	} {
		cell := t1.Rows[c.r][c.c]
		if cell.RowSpan != c.rs || cell.ColSpan != c.cs || cell.Text != c.text {
			t.Errorf("table 1 (%d,%d) = %q %d×%d, want %q %d×%d", c.r, c.c, cell.Text, cell.RowSpan, cell.ColSpan, c.text, c.rs, c.cs)
		}
	}
	if got := t1.At(1, 0); got != "指标" {
		t.Errorf("At(1,0) = %q", got)
	}
	if got := doc.Tables[1].Rows[2][1].Text; got != "城镇，52310元；农村，27846元" {
		t.Errorf("nested table flattened to %q", got)
	}
}

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		n      int
		format string
		want   string
	}{
		{1, "chineseCounting", "一"}, {10, "chineseCounting", "十"}, {11, "chineseCounting", "十一"},
		{20, "chineseCounting", "二十"}, {105, "chineseCountingThousand", "一百零五"}, {1200, "chineseCountingThousand", "一千二百"},
		{3, "chineseLegalSimplified", "叁"}, {12, "ideographDigital", "一二"}, {3, "ideographTraditional", "丙"},
		{1, "decimalEnclosedParen", "⑴"}, {3, "decimalEnclosedCircle", "③"}, {2, "decimalEnclosedFullstop", "⒉"},
		{21, "decimalEnclosedCircle", "21"}, {12, "decimalFullWidth", "１２"}, {4, "upperRoman", "IV"},
		{9, "lowerRoman", "ix"}, {28, "upperLetter", "BB"}, {3, "decimalZero", "03"}, {7, "decimal", "7"},
		{5, "bullet", ""}, {5, "someFutureFormat", "5"},
	}
	for _, tt := range tests {
		if got := formatNumber(tt.n, tt.format); got != tt.want {
			t.Errorf("formatNumber(%d, %s) = %q, want %q", tt.n, tt.format, got, tt.want)
		}
	}
}

func TestNumbering(t *testing.T) {
	lvl := func(i int, f, text string) rawLevel {
		return rawLevel{ILvl: fmt.Sprint(i), NumFmt: &rawVal{f}, LvlText: &rawVal{text}}
	}
	var raw rawNumbering
	raw.Abstract = append(raw.Abstract, rawAbstractNum{ID: "0", Levels: []rawLevel{lvl(0, "chineseCounting", "%1、"), lvl(1, "chineseCounting", "（%2）"), lvl(2, "decimal", "%1.%3")}})
	for _, id := range []string{"1", "2", "3"} {
		raw.Num = append(raw.Num, rawNum{ID: id, Abstract: rawVal{"0"}})
	}
	// Instance 3 restarts level 0 at 1.
	raw.Num[2].Overrides = append(raw.Num[2].Overrides, rawOverride{ILvl: "0", StartOverride: &rawVal{"1"}})
	n := newNumbering(&raw, parseStyles(nil))
	var got []string
	for _, step := range []struct{ id, ilvl int }{
		{1, 0}, {1, 1}, {1, 1}, {1, 2}, {1, 0}, {1, 1}, // 一、（一）（二）1.1 二、（一）
		{2, 0},         // another instance of the same list continues: 三、
		{3, 0}, {3, 1}, // an instance that restarts: 一、（一）
		{9, 0}, // an unknown list: no number
	} {
		label, _ := n.next(step.id, step.ilvl)
		got = append(got, label)
	}
	want := "一、 （一） （二） 一.1 二、 （一） 三、 一、 （一） "
	if s := strings.Join(got, " "); s != want {
		t.Errorf("numbers %q, want %q", s, want)
	}
}

// makeZip builds a zip archive of the given files, in the order given
// (name, content, name, content …).
func makeZip(t testing.TB, files ...string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for i := 0; i+1 < len(files); i += 2 {
		w, err := zw.Create(files[i])
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(files[i+1]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// docxOf builds a .docx whose document.xml body is body.
func docxOf(t testing.TB, body string) []byte {
	return makeZip(t, "word/document.xml", `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="`+nsW+`"><w:body>`+body+`</w:body></w:document>`)
}

// bomb builds a .docx whose document.xml inflates to size bytes of
// spaces inside a w:t, its header stating sizeInHeader.
func bomb(t testing.TB, size, sizeInHeader uint64) []byte {
	t.Helper()
	var raw bytes.Buffer
	fw, _ := flate.NewWriter(&raw, flate.BestSpeed)
	head := `<w:document xmlns:w="` + nsW + `"><w:body><w:p><w:r><w:t>`
	fw.Write([]byte(head))
	chunk := bytes.Repeat([]byte(" "), 1<<20)
	for n := uint64(len(head)); n < size; n += uint64(len(chunk)) {
		fw.Write(chunk)
	}
	fw.Close()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate,
		CompressedSize64: uint64(raw.Len()), UncompressedSize64: sizeInHeader})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(raw.Bytes())
	zw.Close()
	return b.Bytes()
}

func TestDocxDamaged(t *testing.T) {
	good := docxOf(t, `<w:p><w:r><w:t>税收总收入15亿元。</w:t></w:r></w:p>`)
	deep := strings.Repeat("<w:sdt><w:sdtContent>", 5000) + "<w:p/>" + strings.Repeat("</w:sdtContent></w:sdt>", 5000)
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"truncated", good[:len(good)/2], ErrDamaged},
		{"truncated-at-end", good[:len(good)-10], ErrDamaged},
		{"broken-xml", docxOf(t, `<w:p><w:r><w:t>abc</w:r></w:body>`), ErrDamaged},
		{"unclosed", docxOf(t, `<w:p><w:r><w:t>abc`), ErrDamaged},
		{"deep", docxOf(t, deep), ErrTooLarge},
		{"bomb-declared", bomb(t, 4<<20, 3<<30), ErrTooLarge}, // as a zip tool writes a 3 GB part
		{"bomb-ratio", bomb(t, 20<<20, 20<<20), ErrTooLarge},
		{"bomb-lying", bomb(t, 300<<20, 4<<20), ErrDamaged}, // archive/zip checks the stated size
		{"workbook", makeZip(t, "xl/workbook.xml", "<workbook/>"), ErrNotPDF},
		{"no-document", makeZip(t, "[Content_Types].xml", "<Types/>"), ErrDamaged},
		{"empty-body", docxOf(t, ``), ErrEmpty},
		{"picture-only", docxOf(t, `<w:p><w:r><w:drawing><a:blip xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"/></w:drawing></w:r></w:p>`), ErrNoText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			doc, err := NewReader(bytes.NewReader(tt.data), int64(len(tt.data)), tt.name+".docx")
			if !errors.Is(err, tt.want) || doc != nil {
				t.Fatalf("got %v, %v; want %v", doc != nil, err, tt.want)
			}
			var e *Error
			if !errors.As(err, &e) || e.File != tt.name+".docx" {
				t.Errorf("error %v does not name the file", err)
			}
			if d := time.Since(start); d > 10*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

func TestDocxTables(t *testing.T) {
	// gridBefore, a legacy horizontal merge, a vMerge with nothing to
	// continue, a deleted row, rows of different lengths.
	body := `<w:tbl>
<w:tr><w:tc><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:hMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>b</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:hMerge/></w:tcPr><w:p/></w:tc></w:tr>
<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p><w:r><w:t>c</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:trPr><w:del w:id="1" w:author="x"/></w:trPr><w:tc><w:p><w:r><w:t>deleted</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>2</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>3</w:t></w:r></w:p></w:tc></w:tr>
</w:tbl>`
	data := docxOf(t, body)
	doc, err := NewReader(bytes.NewReader(data), int64(len(data)), "t.docx")
	if err != nil {
		t.Fatal(err)
	}
	checkOffsets(t, doc)
	if len(doc.Tables) != 1 {
		t.Fatalf("%d tables", len(doc.Tables))
	}
	tab := doc.Tables[0]
	var rows []string
	for r := range tab.Rows {
		var cells []string
		for _, c := range tab.Rows[r] {
			cells = append(cells, fmt.Sprintf("%s:%d%d", c.Text, c.RowSpan, c.ColSpan))
		}
		rows = append(rows, strings.Join(cells, " "))
	}
	want := "a:11 b:12 :00 | :11 c:11 :11 | 1:11 2:11 3:11"
	if got := strings.Join(rows, " | "); got != want {
		t.Errorf("grid\n got %s\nwant %s", got, want)
	}
}
