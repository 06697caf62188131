package extract

import (
	"strings"
	"testing"
	"unicode/utf16"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func TestReadText(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		title string
		want  []string // paragraphs after the title
	}{
		{"plain", "标题\n第一段。\n\n第二段。\n", "标题", []string{"第一段。", "第二段。"}},
		{"bom-crlf", "\ufeff标题\r\n　　缩进的段落。\r\n", "标题", []string{"缩进的段落。"}},
		{"spaces-in-words", "标题\n税收同 比下降 15 %，规上 数字经济产值 40 亿元\n", "标题", []string{"税收同比下降15%，规上数字经济产值40亿元"}},
		{"latin-kept", "标题\nThe  GDP grew, 5G 基站 1.2 万个\n", "标题", []string{"The GDP grew,5G基站1.2万个"}},
		{"boilerplate", "下载\n打印\n【字号：\n大\n】\n2026年某省政府工作报告\n来源：某日报\n各位代表：\n发布 | 37.5 KB | 11页\n查看更多\n扫一扫在手机打开当前页\n", "2026年某省政府工作报告", []string{"各位代表："}},
		{"one-line-indents", "政府工作报告　　各位代表：　　现在，我代表国务院。　　一、工作回顾 　　过去一年。", "政府工作报告", []string{"各位代表：", "现在，我代表国务院。", "一、工作回顾", "过去一年。"}},
		{"breadcrumb-and-labels", "当前位置：\n首页\n>\n政务信息\n>\n宁夏要闻\n2026年政府工作报告\n发表时间：\n2026-02-09 09:45:30\n来源：\n宁夏日报客户端\n阅读量：\n各位代表！\n", "2026年政府工作报告", []string{"各位代表！"}},
		{"markdown", "# 2024年统计公报\n## 一、卫生资源\n#新能源汽车\t辆\t50473\n", "2024年统计公报", []string{"一、卫生资源", "#新能源汽车\t辆\t50473"}},
		{"publish-line", "2024年公报\n发布日期：2025-04-24  浏览次数：14546\n正文。\n", "2024年公报", []string{"正文。"}},
		{"table-tabs", "标题\n指标\t数值 \t 单位\n", "标题", []string{"指标\t数值\t单位"}},
		{"fullwidth-kept", "标题\n增长１５％，（一）项\n", "标题", []string{"增长１５％，（一）项"}},
		{"title-as-file-name", "2020年工作总结.docx\n- 2021-04-15 发布 |\n- 5页\n2020 年工作总结 一、主要成绩 全年完成固定资产投资 5 亿元，同比增长 12%，其中工业投资 2 亿元，民间投资 1.5 亿元。\n", "2020年工作总结", []string{"一、主要成绩", "全年完成固定资产投资5亿元，同比增长12%，其中工业投资2亿元，民间投资1.5亿元。"}},
	}
	// A hard-wrapped paragraph whose wrapped line opens like a heading.
	wrapped := []string{strings.Repeat("文", 15) + "其中，一、", "二、三产业增加值分别增长" + strings.Repeat("文", 8)}
	for i := 0; i < 10; i++ {
		wrapped = append(wrapped, strings.Repeat("字", 20))
	}
	wrapped = append(wrapped, "完。")
	tests = append(tests, struct {
		name  string
		in    string
		title string
		want  []string
	}{"hard-wrap-heading-like", "标题\n" + strings.Join(wrapped, "\n") + "\n二、下一节\n", "标题", []string{strings.Join(wrapped, ""), "二、下一节"}})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := readText("a.txt", tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if doc.Title != tt.title {
				t.Errorf("title %q, want %q", doc.Title, tt.title)
			}
			var got []string
			for _, p := range doc.Paragraphs[1:] {
				got = append(got, p.Text)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("paragraphs\n got %q\nwant %q", got, tt.want)
			}
			if strings.Contains(doc.Text, "\n\n") || doc.Pages[0].End != len([]rune(doc.Text)) {
				t.Errorf("bad text or page range: %q %+v", doc.Text, doc.Pages)
			}
		})
	}
}

func TestDecodeText(t *testing.T) {
	text := "2020年度某街道工作总结\n税收总收入15亿元\n"
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String(text)
	utf16le := func(s string, bom string) string {
		var b []byte
		for _, u := range utf16.Encode([]rune(s)) {
			b = append(b, byte(u), byte(u>>8))
		}
		return bom + string(b)
	}
	utf16be := func(s string) string {
		b := []byte("\xfe\xff")
		for _, u := range utf16.Encode([]rune(s)) {
			b = append(b, byte(u>>8), byte(u))
		}
		return string(b)
	}
	long := strings.Repeat("税收总收入15亿元，同比下降15%。\n", 40)
	stray := long[:296] + "\xa7" + long[296:] // one stray byte between two characters
	tests := []struct {
		name    string
		in      string
		want    string
		repairs string // the remark, "" for none
		ok      bool
	}{
		{"utf8", "税收15亿元", "税收15亿元", "", true},
		{"bom", "\ufeff税收", "税收", "", true},
		{"gbk", gbk, text, "", true},
		{"utf16le-bom", utf16le(text, "\xff\xfe"), text, "", true},
		{"utf16be-bom", utf16be(text + "𠀋"), text + "𠀋", "", true},
		{"utf16-lone-surrogate", utf16le(long, "\xff\xfe") + "\x3d\xd8" + utf16le("收", ""), long + "\uFFFD收", "1 invalid UTF-16 code units replaced by U+FFFD", true},
		{"stray-byte", stray, strings.Replace(stray, "\xa7", "\uFFFD", 1), "1 invalid UTF-8 byte replaced by U+FFFD (first on line 7)", true},
		{"cut-character", long + "\xe4\xba", long + "\uFFFD", "2 invalid UTF-8 bytes replaced by U+FFFD (first on line 41)", true},
		{"binary", "\x00\x01\x02\x03\xff\xfe\x00\x00abc\x00\x00", "", "", false},
		{"invalid", "\xff\xff\xff\xff", "", "", false},
		{"utf16-binary", "\xff\xfe" + strings.Repeat("\x00\xe1\x07\x00", 50), "", "", false},
	}
	for _, tt := range tests {
		got, repairs, ok := decodeText(tt.in)
		if ok != tt.ok || ok && got != tt.want || strings.Join(repairs, "; ") != tt.repairs {
			t.Errorf("%s: decodeText = %q, %q, %v; want %q, %q, %v", tt.name, got, repairs, ok, tt.want, tt.repairs, tt.ok)
		}
	}
}

func TestCleanSpaces(t *testing.T) {
	tests := []struct{ in, want string }{
		{"同 比下降", "同比下降"},
		{"15 亿元", "15亿元"},
		{"增长 0.3 %", "增长0.3%"},
		{"PM 2.5 浓度", "PM 2.5浓度"},
		{"R&D  spending", "R&D spending"},
		{"a\t \tb", "a\tb"},
		{"  首尾  ", "首尾"},
		{"“六稳” 工作", "“六稳”工作"},
		{"完成, 191名", "完成,191名"},
	}
	for _, tt := range tests {
		if got := cleanSpaces(tt.in); got != tt.want {
			t.Errorf("cleanSpaces(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestBoilerplate(t *testing.T) {
	for _, s := range []string{"下载", "【字号：", "分享：", "来源：河南日报", "责任编辑：李莎莎", "扫一扫在手机打开当前页", "查看更多", "发布 | 37.5 KB | 11页", "abcd39f1fb7f426d9dfb6bd0fa1f2146:"} {
		if !isBoilerplate(s) {
			t.Errorf("isBoilerplate(%q) = false", s)
		}
	}
	for _, s := range []string{"各位代表：", "一、2020年度工作总结", "资料来源：国家统计局", "全年完成打印机产量15万台。", "大力发展数字经济"} {
		if isBoilerplate(s) {
			t.Errorf("isBoilerplate(%q) = true", s)
		}
	}
}

func TestSiteFurniture(t *testing.T) {
	for _, s := range []string{
		"- 2021-04-15 发布 |", "- 37.5 KB |", "- 5页", "2021-04-15 10:30 上传",
		"申明敬告: 本站不保证该用户上传的文档完整性，不预览、不比对内容而直接下载产生的反悔问题本站不予受理。",
		"【打印本页】【关闭窗口】", "上一篇：2020年工作总结", "浏览次数：1234", "您是第 123456 位访客",
		"主办单位：某市人民政府办公室 承办单位：某市大数据中心 网站标识码：3304000001 浙ICP备12345678号-1 浙公网安备 33040202000123号",
		"联系电话：0573-82345678 邮编：314000", "版权所有 © 2021 某市人民政府", "网站地图",
	} {
		if !isBoilerplate(s) {
			t.Errorf("isBoilerplate(%q) = false", s)
		}
	}
	for _, s := range []string{
		"全年网站访问量1234万人次，同比增长5%。", "2021年4月15日", "申明：以上数据为快报数。",
		"电话受理群众诉求12.3万件。", "版权保护执法检查12次，查处侵权案件3起。",
	} {
		if isBoilerplate(s) {
			t.Errorf("isBoilerplate(%q) = true", s)
		}
	}
}

func TestSplitInline(t *testing.T) {
	long := strings.Repeat("全力推进产业转型升级，", 5) + "推动区域经济社会高质量发展。"
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"seed", "2020 年度某街道工作总结和 2021 年度工作思路 一、2020 年度工作总结 " + long + " (一)全力保障经济企稳回升。" + long + " 二、2021 年工作思路 2021 年," + long + " (一)危中寻机勇开新局。" + long,
			[]string{"2020 年度某街道工作总结和 2021 年度工作思路 ", "一、2020 年度工作总结 ", long + " ", "(一)全力保障经济企稳回升。" + long + " ", "二、2021 年工作思路 ", "2021 年," + long + " ", "(一)危中寻机勇开新局。" + long}},
		{"inside-a-sentence", "其中 一、二产业增加值增长 5%,三产增长 6%。", []string{"其中 一、二产业增加值增长 5%,三产增长 6%。"}},
		{"list-of-numerals", "增长 5%。 一、二、三产业比例调整为 6:44:50。", []string{"增长 5%。 一、二、三产业比例调整为 6:44:50。"}},
		{"out-of-order", "完成任务。 (三)某项工作。", []string{"完成任务。 (三)某项工作。"}},
		{"number-not-heading", "增长 5%。 1. 5 倍于上年。", []string{"增长 5%。 1. 5 倍于上年。"}},
		{"after-heading", "二、工作思路 (一)稳增长。" + long, []string{"二、工作思路 ", "(一)稳增长。" + long}},
		{"digits", "主要工作如下： 1.稳增长。完成。 2.促改革。完成。", []string{"主要工作如下： ", "1.稳增长。完成。 ", "2.促改革。完成。"}},
		{"tab-is-a-cell", "2\t（一）水环境", []string{"2\t（一）水环境"}},
		{"glued-in-a-long-line", strings.Repeat(long, 20) + "(一)稳增长。" + strings.Repeat(long, 2) + "(二)促改革。" + long,
			[]string{strings.Repeat(long, 20), "(一)稳增长。" + strings.Repeat(long, 2), "(二)促改革。" + long}},
		{"glued-in-a-short-line", long + "(一)稳增长。" + long, []string{long + "(一)稳增长。" + long}},
		{"short-body-stays", "一、坚持创新驱动 加快产业升级", []string{"一、坚持创新驱动 加快产业升级"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := splitInline(tt.in); strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("splitInline\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestMarkdownTables reads a table written in Markdown: a bold caption,
// rows between pipes, the rule under the header dropped, and a header of
// merged cells spread over the columns under it.
func TestMarkdownTables(t *testing.T) {
	doc, err := readText("m.txt", "某公报\n**表2：工业经济类型结构**\n\n|  | 按资产总额计算(%) | 按从业人员计算(%) |\n| --- | --- | --- |\n|  | 1985 | 1995 | 1985 | 1995 |\n| 国有工业 | 74.6 | 53.7 | 41.1 | 31.6 |\n| 全部工业中： |  |  |  |  |\n正文。\n")
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Tables) != 1 {
		t.Fatalf("%d tables, want 1:\n%s", len(doc.Tables), doc.Text)
	}
	tb := doc.Tables[0]
	var rows []string
	for r := range tb.Rows {
		rows = append(rows, tb.RowText(r))
	}
	want := []string{
		"\t按资产总额计算(%)\t按资产总额计算(%)\t按从业人员计算(%)\t按从业人员计算(%)",
		"\t1985\t1995\t1985\t1995",
		"国有工业\t74.6\t53.7\t41.1\t31.6",
		"全部工业中：\t\t\t\t",
	}
	if tb.Caption != "表2：工业经济类型结构" || strings.Join(rows, "\n") != strings.Join(want, "\n") {
		t.Errorf("caption %q, rows:\n%s\nwant:\n%s", tb.Caption, strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
}
