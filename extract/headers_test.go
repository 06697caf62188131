package extract

import (
	"fmt"
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
