package extract

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// furniture are strings of the fixture pages' furniture: none may reach
// the clean text.
var furniture = []string{
	"首页", "政务公开", "当前位置", "您现在的位置", "热点新闻", "45.6亿元", "500亿元", "发布时间", "发布日期", "浏览次数",
	"1234", "2345", "字体", "分享到", "微信", "打印", "关闭", "上一篇", "下一篇", "相关链接", "270亿元，", "签约项目",
	"网站地图", "主办单位", "ICP", "公网安备", "网站标识码", "314000", "0573", "123456", "访客", "访问者", "版权所有",
	"分辨率", "隐藏的统计代码", "访问量", "统计公报</a>", "2020年统计公报", "月度数据", "今天是",
}

func TestHTMLFixtures(t *testing.T) {
	tests := []struct {
		file, title, text string // text: the clean text the page's report must give
	}{
		{"seed-2020-jiedao.site.html", "2020年度某街道工作总结和2021年度工作思路", "seed-2020-jiedao.txt"},
		{"table-2021-county.gbk.html", "2021年某县国民经济和社会发展统计公报", "table-2021-county.txt"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			doc, err := Open(filepath.Join(fixtures, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			checkOffsets(t, doc)
			if doc.Format != "html" || doc.Title != tt.title || !doc.Paragraphs[0].Heading {
				t.Errorf("format %q title %q", doc.Format, doc.Title)
			}
			for _, f := range furniture {
				if strings.Contains(doc.Text, f) {
					t.Errorf("page furniture %q in the text", f)
				}
			}
			ref, err := Open(filepath.Join(fixtures, tt.text))
			if err != nil {
				t.Fatal(err)
			}
			// The prose is the text's, paragraph for paragraph.
			var got, want []string
			for _, p := range doc.Paragraphs {
				if p.Table == 0 {
					got = append(got, p.Text)
				}
			}
			for _, p := range ref.Paragraphs {
				if p.Table == 0 {
					want = append(want, p.Text)
				}
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("prose differs from %s:\n%s", tt.text, shortDiff(strings.Join(want, "\n"), strings.Join(got, "\n")))
			}
		})
	}
}

func TestHTMLTable(t *testing.T) {
	doc, err := Open(filepath.Join(fixtures, "table-2021-county.gbk.html"))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Tables) != 1 {
		t.Fatalf("%d tables, want 1 (the layout tables are no tables)", len(doc.Tables))
	}
	tab := doc.Tables[0]
	if tab.Caption != "表1 2021年主要经济指标" || len(tab.Notes) != 1 || tab.Source != "html" || tab.Header != 2 || tab.Cols() != 4 {
		t.Errorf("caption %q notes %q source %q header %d cols %d", tab.Caption, tab.Notes, tab.Source, tab.Header, tab.Cols())
	}
	if c := tab.Rows[0][0]; c.Text != "指标" || c.RowSpan != 2 || !tab.Rows[1][0].Covered() {
		t.Errorf("rowspan: %+v", c)
	}
	if c := tab.Rows[0][2]; c.Text != "2021年" || c.ColSpan != 2 || !tab.Rows[0][3].Covered() {
		t.Errorf("colspan: %+v", c)
	}
	if got := tab.RowText(2); got != "地区生产总值\t亿元\t325.6\t8.1" {
		t.Errorf("row 2 %q", got)
	}
}

func TestDecodeHTML(t *testing.T) {
	gbk := func(s string) string {
		b, _ := simplifiedchinese.GBK.NewEncoder().String(s)
		return b
	}
	big5 := func(s string) string {
		b, _ := traditionalchinese.Big5.NewEncoder().String(s)
		return b
	}
	body := "<p>全县地区生产总值325.6亿元，比上年增长8.1%。</p>"
	trad := "<p>全縣地區生產總值325.6億元，比上年增長8.1%。經濟運行總體平穩。</p>"
	tests := []struct {
		name, in, charset, want string
	}{
		{"utf8-bom", "\xef\xbb\xbf<html>" + body, "utf-8", body},
		{"utf16le-bom", "\xff\xfe<\x00p\x00>\x00", "utf-16le", "<p>"},
		{"meta-charset", `<html><head><meta charset="gbk"></head>` + gbk(body), "gb18030", body},
		{"http-equiv", `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head>` + gbk(body), "gb18030", body},
		{"late-meta", `<html><head><script>` + strings.Repeat("var x=1;", 400) + `</script><meta charset="gb2312"></head>` + gbk(body), "gb18030", body},
		{"mislabelled", `<html><head><meta charset="gb2312"></head>` + body, "utf-8", body},
		{"undeclared-utf8", "<html>" + body, "utf-8", body},
		{"undeclared-gbk", "<html>" + gbk(body), "gb18030", body},
		{"undeclared-big5", "<html>" + big5(trad), "big5", trad},
		{"declared-big5", `<html><meta charset="big5">` + big5(trad), "big5", trad},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, cs := decodeHTML([]byte(tt.in))
			if cs != tt.charset || !strings.Contains(got, tt.want) {
				t.Errorf("decodeHTML = %q in %s; want it to hold %q, in %s", got, cs, tt.want, tt.charset)
			}
		})
	}
}

func TestCleanTitle(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2020年度某街道工作总结和2021年度工作思路_XX市XX区人民政府", "2020年度某街道工作总结和2021年度工作思路"},
		{"XX区人民政府 - 政务公开 - 2021年政府工作报告", "2021年政府工作报告"},
		{"2021年某县国民经济和社会发展统计公报-某县统计局", "2021年某县国民经济和社会发展统计公报"},
		{"2020—2021年度工作计划", "2020—2021年度工作计划"},
		{"政府工作报告——2026年1月26日在省人民代表大会上", "政府工作报告——2026年1月26日在省人民代表大会上"},
		{"某市统计局 | 2024年统计公报", "2024年统计公报"},
		{"某市人民政府", "某市人民政府"},
	}
	for _, tt := range tests {
		if got := cleanTitle(tt.in); got != tt.want {
			t.Errorf("cleanTitle(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// readPage reads an HTML page given as a string.
func readPage(t *testing.T, src string) (*Document, error) {
	t.Helper()
	return NewReader(strings.NewReader(src), int64(len(src)), "p.html")
}

func TestHTMLArticle(t *testing.T) {
	long := "全年实现地区生产总值325.6亿元，比上年增长8.1%，经济运行总体平稳、稳中有进。"
	nav := `<div class="nav"><a>首页</a><a>政务公开</a><a>统计数据</a><a>互动交流</a></div>`
	tests := []struct {
		name, page string
		want       []string // paragraphs after the title
	}{
		{"br-lines", `<html><title>报告_某市人民政府</title><body>` + nav + `<div id="zoom">　　一、总体情况<br>　　` + long + `<br>　　` + long + `</div></body></html>`,
			[]string{"一、总体情况", long, long}},
		{"br-inside-a-sentence", `<html><title>报告</title><body><div>` + long[:strings.Index(long, "经济")] + `<br>` + long[strings.Index(long, "经济"):] + `<br>` + long + `</div></body></html>`,
			[]string{long, long}},
		{"layout-table", `<html><title>报告</title><body><table><tr><td>` + nav + `</td></tr><tr><td><p>` + long + `</p><p>` + long + `</p></td></tr></table></body></html>`,
			[]string{long, long}},
		{"links-dropped", `<html><title>报告</title><body><div><p>` + long + `</p><p>` + long + `</p><ul><li><a>某地增长 12%，投资 45 亿元</a></li><li><a>另一条新闻 3 亿元</a></li></ul></div></body></html>`,
			[]string{long, long}},
		{"metadata-table", `<html><title>报告</title><body><div><table><tr><td>索引号：</td><td>113304/2021-00123</td></tr><tr><td>发布机构：</td><td>某局</td></tr></table><p>` + long + `</p><p>` + long + `</p></div></body></html>`,
			[]string{long, long}},
		{"word-html", `<html><head><title>报告</title></head><body><div class=WordSection1><p class=MsoTitle>报告</p><p class=MsoListParagraph><![if !supportLists]><span style='mso-list:Ignore'>一、<span>&nbsp;&nbsp; </span></span><![endif]>总体情况<o:p></o:p></p><p class=MsoNormal>` + long + `<o:p></o:p></p></div></body></html>`,
			[]string{"一、总体情况", long}},
		{"prose-sidebar", `<html><title>报告</title><body><div class="wrap"><div class="main">` + strings.Repeat(`<p>`+long+`</p>`, 4) + `</div>` +
			`<div class="notice"><h3>通知公告</h3><p>关于开展2021年统计执法检查的通知，全市抽查企业120家，检查覆盖率达到15%。</p></div></div></body></html>`,
			[]string{long, long, long, long}},
		{"heading-bold", `<html><title>报告</title><body><div><p><strong>工作回顾</strong></p><p>` + long + `</p><p>` + long + `</p></div></body></html>`,
			[]string{"工作回顾", long, long}},
		{"one-line-report", `<html><title>报告</title><body><div><p>` + strings.Repeat(long, 2) + ` 一、总体情况 ` + strings.Repeat(long, 30) + ` 二、下步打算 ` + strings.Repeat(long, 2) + `</p></div></body></html>`,
			[]string{strings.Repeat(long, 2), "一、总体情况", strings.Repeat(long, 30), "二、下步打算", strings.Repeat(long, 2)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := readPage(t, tt.page)
			if err != nil {
				t.Fatal(err)
			}
			checkOffsets(t, doc)
			var got []string
			for _, p := range doc.Paragraphs[1:] {
				got = append(got, p.Text)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("paragraphs\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// sparse is a file of the given size whose first bytes are head, the
// rest spaces, without the memory to hold it.
type sparse struct {
	head string
	size int64
}

func (s sparse) ReadAt(b []byte, off int64) (int, error) {
	for i := range b {
		if p := off + int64(i); p < int64(len(s.head)) {
			b[i] = s.head[p]
		} else {
			b[i] = ' '
		}
	}
	return len(b), nil
}

func TestHTMLLimits(t *testing.T) {
	tests := []struct {
		name string
		r    func() (sparse, int64)
		want error
	}{
		{"200MB", func() (sparse, int64) { return sparse{"<!DOCTYPE html><html><body>", 200 << 20}, 200 << 20 }, ErrTooLarge},
		{"deep", func() (sparse, int64) {
			s := "<html><body>" + strings.Repeat("<div>", 5000) + "x"
			return sparse{s, int64(len(s))}, int64(len(s))
		}, ErrTooLarge},
		{"many-elements", func() (sparse, int64) {
			s := "<html><body>" + strings.Repeat("<a>x</a>", 400000)
			return sparse{s, int64(len(s))}, int64(len(s))
		}, ErrTooLarge},
		{"empty-page", func() (sparse, int64) {
			s := "<html><head><title></title></head><body><script>var a=1;</script></body></html>"
			return sparse{s, int64(len(s))}, int64(len(s))
		}, ErrEmpty},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, size := tt.r()
			start := time.Now()
			doc, err := NewReader(r, size, tt.name+".html")
			if !errors.Is(err, tt.want) || doc != nil {
				t.Fatalf("got %v, %v; want %v", doc != nil, err, tt.want)
			}
			if d := time.Since(start); d > 10*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

func TestSniff(t *testing.T) {
	page := "<!DOCTYPE html><html><head><title>某县公报</title></head><body><p>全县地区生产总值325.6亿元，增长8.1%。</p></body></html>"
	docx := docxOf(t, `<w:p><w:r><w:t>税收总收入15亿元。</w:t></w:r></w:p>`)
	tests := []struct {
		name, data, format string
	}{
		{"page.txt", page, "html"}, // a .txt that is a web page
		{"page.htm", "<div><p>全县增长8.1%。</p></div>", "html"},
		{"word.doc", string(docx), "docx"}, // a .docx named .doc
		{"notes.txt", "<注意>这是文本。\n第二行。", "text"},
	}
	for _, tt := range tests {
		doc, err := NewReader(bytes.NewReader([]byte(tt.data)), int64(len(tt.data)), tt.name)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if doc.Format != tt.format {
			t.Errorf("%s read as %s, want %s", tt.name, doc.Format, tt.format)
		}
	}
}
