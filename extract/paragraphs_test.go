package extract

import (
	"strings"
	"testing"
)

func TestJoinLines(t *testing.T) {
	tests := []struct{ a, b, want string }{
		{"税收总收入", "15亿元", "税收总收入15亿元"},
		{"合同外资25494.", "69万美元", "合同外资25494.69万美元"},
		{"增长", "3%", "增长3%"},
		{"digital", "economy", "digital economy"},
		{"eco-", "nomy", "economy"},
		{"工作部", "署", "工作部署"},
		{"", "首行", "首行"},
	}
	for _, tt := range tests {
		if got := joinLines(tt.a, tt.b); got != tt.want {
			t.Errorf("joinLines(%q, %q) = %q, want %q", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestIsHeading(t *testing.T) {
	for _, s := range []string{"一、2020年度工作总结", "（一）全力保障", "(二)全力", "1.总体要求", "2、主要目标", "第一章 总则", "第三部分"} {
		if !isHeading(s) {
			t.Errorf("isHeading(%q) = false", s)
		}
	}
	for _, s := range []string{"1.5%的增长", "2020年", "一是", "第二届", "第95百分位数"} {
		if isHeading(s) {
			t.Errorf("isHeading(%q) = true", s)
		}
	}
}

// body lays out paragraphs as a page would: a 2-em indent on each
// paragraph's first line, lines of perLine characters at 16 pt.
func body(y float64, perLine int, paras ...string) (gs []Glyph, endY float64) {
	const size, left = 16, 80
	for _, p := range paras {
		rs := []rune(p)
		first := true
		for len(rs) > 0 {
			n, x := perLine, float64(left)
			if first {
				n, x = perLine-2, left+2*size
			}
			n = min(n, len(rs))
			gs = append(gs, glyphs(string(rs[:n]), x, y, size)...)
			rs = rs[n:]
			y -= 22
			first = false
		}
	}
	return gs, y
}

func TestParagraphs(t *testing.T) {
	p1 := "预计实现税收总收入15亿元，同比下降15%，一般公共预算收入8亿元，同比下降6.2%。实现城乡居民人均可支配收入同比增长3%。"
	p2 := "（一）全力保障经济企稳回升。统筹推进疫情防控和经济社会发展，做好“六稳”工作。"
	p3 := "合同外资25494.69万美元，同比增长12%。"
	title := "2020年度某街道工作总结"
	g1, y := body(700, 25, p1, p2)
	pg1 := page(1, glyphs(title, 297-float64(len([]rune(title)))*11, 760, 22))
	pg1.Glyphs = append(pg1.Glyphs, g1...)
	// p3 starts at the bottom of page 1 and runs on to page 2.
	rs := []rune(p3)
	pg1.Glyphs = append(pg1.Glyphs, glyphs(string(rs[:23]), 80+32, y, 16)...)
	pg2 := page(2, glyphs(string(rs[23:]), 80, 760, 16))
	more, _ := body(738, 25, p1)
	pg2.Glyphs = append(pg2.Glyphs, more...)

	doc, err := layoutDocument("a.pdf", []rawPage{pg1, pg2})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range doc.Paragraphs {
		got = append(got, p.Text)
	}
	want := []string{title, p1, p2, p3, p1}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("paragraphs\n got %q\nwant %q", got, want)
	}
	if doc.Title != title || !doc.Paragraphs[0].Heading || !doc.Paragraphs[2].Heading || doc.Paragraphs[1].Heading {
		t.Errorf("title %q, headings %v %v %v", doc.Title, doc.Paragraphs[0].Heading, doc.Paragraphs[1].Heading, doc.Paragraphs[2].Heading)
	}
	// The part of p3 on page 2 maps to page 2.
	off := doc.Paragraphs[3].Offset + 24
	if got := doc.PageAt(off); got != 2 {
		t.Errorf("PageAt(%d) = %d, want 2 (pages %+v)", off, got, doc.Pages)
	}
	if doc.Paragraphs[3].Page != 1 || doc.PageAt(doc.Paragraphs[3].Offset) != 1 {
		t.Errorf("p3 should begin on page 1")
	}
}

// TestHeadingLikeContinuation checks that a wrapped line that happens to
// open like a heading ("二、三产业…" after "…其中，一、") continues its
// paragraph, while a real heading after a finished paragraph starts one.
func TestHeadingLikeContinuation(t *testing.T) {
	p1 := "地区生产总值增长较快，高于全国水平。其中，一、二、三产业增加值分别增长4.9%、8.3%、4.4%。"
	h := "二、主要任务"
	p2 := "全年粮食总产量18.6万吨，增长2.3%，生猪出栏21.4万头，增长35.6%，蔬菜产量稳定。"
	// 25 characters a line: p1's first line (23 after the indent) ends "一、".
	gs, _ := body(700, 25, p1, h, p2)
	doc, err := layoutDocument("a.pdf", []rawPage{page(1, gs)})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range doc.Paragraphs {
		got = append(got, p.Text)
	}
	want := []string{p1, h, p2}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("paragraphs\n got %q\nwant %q", got, want)
	}
}
