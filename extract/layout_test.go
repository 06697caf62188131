package extract

import (
	"fmt"
	"strings"
	"testing"
)

// glyphs lays out text as a run of glyphs on one baseline, starting at x,
// each advance w wide (ASCII half as wide), with one glyph per rune.
// A '␣' stands for a gap of one advance with no glyph.
func glyphs(text string, x, y, size float64) []Glyph {
	var gs []Glyph
	for _, r := range text {
		w := size
		if r < 0x80 {
			w = size / 2
		}
		if r == '␣' {
			x += size
			continue
		}
		gs = append(gs, Glyph{Text: string(r), X: x, Y: y, W: w, Size: size, Font: "F1"})
		x += w
	}
	return gs
}

// page builds a rawPage of A4 size from runs of glyphs.
func page(n int, runs ...[]Glyph) rawPage {
	p := rawPage{Number: n, Width: 595, Height: 842}
	for _, r := range runs {
		p.Glyphs = append(p.Glyphs, r...)
	}
	return p
}

func lineTexts(p rawPage) []string {
	rows, em := buildRows(p, nil)
	var out []string
	for _, seg := range segments(rows, em) {
		for _, l := range seg {
			out = append(out, l.text)
		}
	}
	return out
}

func TestLines(t *testing.T) {
	tests := []struct {
		name string
		p    rawPage
		want []string
	}{
		{"rows-top-down-x-sorted", page(1,
			glyphs("第二行", 100, 700, 12),
			glyphs("第一", 100, 720, 12),
			glyphs("行", 124, 720.5, 12), // a slightly different baseline
		), []string{"第一行", "第二行"}},
		{"ascii-spaces", page(1,
			glyphs("GDP␣grew␣5%", 100, 700, 12),
		), []string{"GDP grew 5%"}},
		{"no-space-between-han-and-digits", page(1,
			glyphs("税收␣15␣亿元", 100, 700, 12),
		), []string{"税收15亿元"}},
		{"cells", page(1,
			glyphs("合同外资", 100, 700, 12),
			glyphs("25494.69", 250, 700, 12),
			glyphs("万美元", 400, 700, 12),
		), []string{"合同外资\t25494.69\t万美元"}},
		{"fake-bold-and-controls", page(1,
			glyphs("标题", 100, 700, 12),
			glyphs("标题", 100.5, 700.3, 12),
			[]Glyph{{Text: "\x07", X: 130, Y: 700, W: 6, Size: 12}, {Text: "", X: 140, Y: 700, W: 6, Size: 12}},
		), []string{"标题"}},
		{"off-page-dropped", page(1,
			glyphs("正文", 100, 700, 12),
			glyphs("隐藏", -500, 700, 12),
		), []string{"正文"}},
		{"space-glyph-between-words", page(1,
			[]Glyph{{Text: "a", X: 100, Y: 700, W: 6, Size: 12}, {Text: " ", X: 106, Y: 700, W: 2, Size: 12}, {Text: "b", X: 108, Y: 700, W: 6, Size: 12}},
		), []string{"a b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := lineTexts(tt.p)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// twoColumns builds a page of two justified columns of n rows each, with
// a centred title across both.
func twoColumns(n int) rawPage {
	p := page(1, glyphs("两栏标题", 250, 780, 18))
	for i := 0; i < n; i++ {
		y := 750 - float64(i)*16
		p.Glyphs = append(p.Glyphs, glyphs(strings.Repeat("左", 20), 60, y, 12)...)
		p.Glyphs = append(p.Glyphs, glyphs(strings.Repeat("右", 20), 320, y, 12)...)
	}
	return p
}

func TestColumns(t *testing.T) {
	got := lineTexts(twoColumns(10))
	if len(got) != 21 || got[0] != "两栏标题" {
		t.Fatalf("got %d lines, first %q", len(got), got[0])
	}
	for i := 1; i <= 10; i++ {
		if got[i] != strings.Repeat("左", 20) || got[i+10] != strings.Repeat("右", 20) {
			t.Fatalf("line %d %q / %d %q: columns not read one after the other", i, got[i], i+10, got[i+10])
		}
	}

	// A table whose first column is short is read row by row.
	tbl := page(1)
	for i := 0; i < 10; i++ {
		y := 750 - float64(i)*16
		tbl.Glyphs = append(tbl.Glyphs, glyphs("指标", 60, y, 12)...)
		tbl.Glyphs = append(tbl.Glyphs, glyphs("12.5", 320, y, 12)...)
	}
	for _, l := range lineTexts(tbl) {
		if l != "指标\t12.5" {
			t.Fatalf("table row %q, want %q", l, "指标\t12.5")
		}
	}
}

// justified lays out a justified line from x0 to x1: the characters of
// text spread evenly, with a space glyph drawn in each gap that stands
// for an ASCII space ('␣').
func justified(text string, x0, x1, y, size float64) []Glyph {
	rs := []rune(text)
	n := 0
	for _, r := range rs {
		if r != '␣' {
			n++
		}
	}
	// Every character is one em wide; the slack goes to the spaces.
	spaces := len(rs) - n
	gap := 0.0
	if spaces > 0 {
		gap = (x1 - x0 - float64(n)*size) / float64(spaces)
	}
	var gs []Glyph
	x := x0
	for _, r := range rs {
		if r == '␣' {
			gs = append(gs, Glyph{Text: " ", X: x, Y: y, W: gap, Size: size})
			x += gap
			continue
		}
		gs = append(gs, Glyph{Text: string(r), X: x, Y: y, W: size, Size: size})
		x += size
	}
	return gs
}

// TestJustifiedSpaces checks that a space stretched by justification on a
// line that reaches the right margin is a word space, not a cell break,
// while a gap without a space glyph (a table) still is one.
func TestJustifiedSpaces(t *testing.T) {
	p := page(1)
	for i := 0; i < 6; i++ {
		p.Glyphs = append(p.Glyphs, glyphs(strings.Repeat("文", 25), 80, 750-float64(i)*20, 16)...)
	}
	p.Glyphs = append(p.Glyphs, justified("发展“1␣5␣1”系列政策工业投资增长", 80, 480, 630, 16)...)
	p.Glyphs = append(p.Glyphs, glyphs("指标", 80, 610, 16)...)
	p.Glyphs = append(p.Glyphs, glyphs("12.5", 300, 610, 16)...)
	got := lineTexts(p)
	if len(got) != 8 {
		t.Fatalf("got %d lines %q", len(got), got)
	}
	if got[6] != "发展“1 5 1”系列政策工业投资增长" {
		t.Errorf("justified line = %q, want the spaces kept as spaces", got[6])
	}
	if got[7] != "指标\t12.5" {
		t.Errorf("table row = %q, want a cell break", got[7])
	}
	// Not reaching the margin, the same gaps are cells.
	q := page(1)
	for i := 0; i < 6; i++ {
		q.Glyphs = append(q.Glyphs, glyphs(strings.Repeat("文", 25), 80, 750-float64(i)*20, 16)...)
	}
	q.Glyphs = append(q.Glyphs, justified("合计␣12␣34", 80, 300, 630, 16)...)
	if got := lineTexts(q); got[6] != "合计\t12\t34" {
		t.Errorf("short spaced line = %q, want cells", got[6])
	}
}

// TestShortParagraphColumns checks that two columns of short paragraphs
// (most lines stop short of the gutter) are read as columns, not as
// two-cell table rows.
func TestShortParagraphColumns(t *testing.T) {
	const size, lineH = 10.5, 19.6
	// col lays out items as a bulletin column: first lines indented two
	// ems, 20 characters to a full line.
	col := func(left float64, first int) (gs []Glyph, want []string) {
		y := 760.0
		for i := first; i < first+12; i++ {
			text := []rune(fmt.Sprintf("第%d项指标完成%d.5亿元。", i, 100+i))
			if i%3 == 0 {
				text = []rune(fmt.Sprintf("第%d项指标完成%d.5亿元，增长%d.1%%，比上年提高。", i, 100+i, i%9))
			}
			want = append(want, string(text))
			x, n := left+2*size, 18
			for len(text) > 0 {
				k := min(n, len(text))
				gs = append(gs, glyphs(string(text[:k]), x, y, size)...)
				text = text[k:]
				x, n = left, 20
				y -= lineH
			}
		}
		return gs, want
	}
	lg, lw := col(57, 0)
	rg, rw := col(310, 12)
	p := page(1, lg, rg)
	doc, err := layoutDocument("a.pdf", []rawPage{p})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, para := range doc.Paragraphs {
		got = append(got, para.Text)
	}
	want := append(lw, rw...)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("paragraphs\n got %q\nwant %q", got, want)
	}
}
