package extract

import (
	"fmt"
	"strings"
	"testing"
)

func TestIsPageNumber(t *testing.T) {
	for _, s := range []string{"— 3 —", "- 3 -", "·3·", "3", "第 3 页 共 7 页", "第3页", "3/7", "3 / 7", "iv", "- 12 -", "Page 3 of 7", "－３－"} {
		if !isPageNumber(s) {
			t.Errorf("isPageNumber(%q) = false", s)
		}
	}
	for _, s := range []string{"2020年度工作总结", "一、", "同比增长3%", "XX开发区", ""} {
		if isPageNumber(s) {
			t.Errorf("isPageNumber(%q) = true", s)
		}
	}
}

// reportPages builds n pages with a running header, alternating
// odd/even footers, a page number and two body lines.
func reportPages(n int) []rawPage {
	var pages []rawPage
	for i := 1; i <= n; i++ {
		p := page(i,
			glyphs("某街道2020年工作总结", 200, 800, 9),
			glyphs(fmt.Sprintf("正文第%d页第一行。", i), 80, 700, 16),
			glyphs("正文第二行内容不同"+fmt.Sprint(i*7), 80, 680, 16),
			glyphs(fmt.Sprintf("— %d —", i), 280, 40, 12),
		)
		if i%2 == 0 {
			p.Glyphs = append(p.Glyphs, glyphs("偶数页页脚", 80, 60, 9)...)
		} else {
			p.Glyphs = append(p.Glyphs, glyphs("奇数页页脚", 400, 60, 9)...)
		}
		pages = append(pages, p)
	}
	return pages
}

func TestDropRunning(t *testing.T) {
	doc, err := layoutDocument("a.pdf", reportPages(5))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range doc.Pages {
		if len(p.Dropped) != 3 {
			t.Errorf("page %d dropped %q, want header, footer and page number", p.Number, p.Dropped)
		}
	}
	for _, p := range doc.Paragraphs {
		if p.Text == "某街道2020年工作总结" || isPageNumber(p.Text) || p.Text == "奇数页页脚" || p.Text == "偶数页页脚" {
			t.Errorf("running line %q left in the text", p.Text)
		}
	}
	// Two pages are too few to call a line running; page numbers go anyway.
	doc, err = layoutDocument("a.pdf", reportPages(2))
	if err != nil {
		t.Fatal(err)
	}
	if got := doc.Pages[0].Dropped; len(got) != 1 {
		t.Errorf("2 pages: dropped %q, want only the page number", got)
	}
}

func TestIsPageNumberAt(t *testing.T) {
	tests := []struct {
		s    string
		page int
		want bool
	}{
		{"12", 12, true},
		{"3", 1, true},       // front matter shifts the numbering a little
		{"12962", 3, false},  // the end of a wrapped figure, not "1296 of 2"
		{"2962", 3, false},   // a bare number far from the page's position
		{"- 237 -", 3, true}, // decorated: a page number wherever it stands
		{"第237页", 3, true},
		{"3/7", 3, true},
		{"第3页，共7页", 3, true},
	}
	for _, tt := range tests {
		if got := isPageNumberAt(tt.s, tt.page); got != tt.want {
			t.Errorf("isPageNumberAt(%q, %d) = %v, want %v", tt.s, tt.page, got, tt.want)
		}
	}
}

func TestRunningKey(t *testing.T) {
	if a, b := runningKey("某市报告 2025年1月 第 9 页", 820, 842), runningKey("某市报告 2025年1月 第 10 页", 820, 842); a != b {
		t.Errorf("keys of pages 9 and 10 differ: %q, %q", a, b)
	}
}

// TestRunningHeaderWithPageNumber checks that a header holding the title,
// a date and the page number, set in cells ("title　2025年1月　第 N 页"),
// is dropped on every page, one-digit page numbers or two, while the
// first body lines of the pages, which differ in several numbers, stay.
func TestRunningHeaderWithPageNumber(t *testing.T) {
	var pages []rawPage
	for i := 1; i <= 12; i++ {
		p := page(i,
			glyphs("某市政府工作报告", 72, 800, 9),
			glyphs("2025年1月", 260, 800, 9),
			glyphs(fmt.Sprintf("第 %d 页", i), 480, 800, 9),
			// In the top band too: a body line of like paragraphs.
			glyphs(fmt.Sprintf("亿元，同比增长%d.5%%。人均收入达到%d元，新增就业%d万人。", i, 30000+i, i), 72, 760, 12),
			glyphs(fmt.Sprintf("正文第%d页。", i), 72, 600, 12),
		)
		pages = append(pages, p)
	}
	doc, err := layoutDocument("a.pdf", pages)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range doc.Pages {
		if len(p.Dropped) != 1 {
			t.Errorf("page %d dropped %q, want the header", p.Number, p.Dropped)
		}
	}
	if strings.Contains(doc.Text, "2025年1月") {
		t.Errorf("header left in the text:\n%s", doc.Text)
	}
	if n := strings.Count(doc.Text, "新增就业"); n != 12 {
		t.Errorf("%d of 12 body lines in the top band kept", n)
	}
}
