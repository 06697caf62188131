package extract

import (
	"strings"
	"testing"
)

// setText lays out paragraphs as Word sets them on a page: lines of
// perLine characters (one em each, ASCII half) from left, each
// paragraph's first line indented by indent ems and the lines after it
// by hang ems (a hanging indent), from y down. It returns the glyphs and
// the y below the last line.
func setText(left, y, size float64, perLine, indent, hang int, paras ...string) ([]Glyph, float64) {
	var gs []Glyph
	for _, p := range paras {
		rs := []rune(p)
		first := true
		for len(rs) > 0 {
			ind := hang
			if first {
				ind = indent
			}
			n := min(perLine-ind, len(rs))
			gs = append(gs, glyphs(string(rs[:n]), left+float64(ind)*size, y, size)...)
			rs = rs[n:]
			y -= 1.3 * size
			first = false
		}
	}
	return gs, y
}

func paraTexts(t *testing.T, pages ...rawPage) []string {
	t.Helper()
	doc, err := layoutDocument("a.pdf", pages)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range doc.Paragraphs {
		got = append(got, p.Text)
	}
	return got
}

func wantParas(t *testing.T, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("paragraphs\n got %q\nwant %q", got, want)
	}
}

// TestMarginsOfTheirOwn checks that pages set with margins of their own
// keep them: an annual report's chapters start 26 points further right
// than its financial statements, which fill most of its pages. Taking
// the document's margin for theirs made every line of the chapters look
// indented, and every line a paragraph.
func TestMarginsOfTheirOwn(t *testing.T) {
	items := []string{
		"（1）客户存款和同业存放款项净增加额增加主要是公司控股子公司财务有限公司归集集团公司其他成员单位资金增加额较上期增加；",
		"（2）收到其他与经营活动有关的现金减少主要是公司控股子公司销售有限公司收取经销商保证金较上期减少；",
		"（3）购买商品、接受劳务支付的现金增加主要是采购的原材料较上期增加；",
	}
	const size = 10.5
	chapter, _ := setText(90, 700, size, 40, 0, 0, items...)
	pages := []rawPage{page(1, chapter)}
	statement := strings.Repeat("本公司按照企业会计准则的规定编制财务报表并以持续经营为基础确认和计量各项资产负债。", 4)
	for n := 2; n <= 6; n++ {
		gs, _ := setText(64, 760, size, 42, 2, 0, statement, statement)
		pages = append(pages, page(n, gs))
	}
	got := paraTexts(t, pages...)
	wantParas(t, got[:3], items)
}

// TestHangingIndent checks that the lines of a numbered item set under
// a hanging indent (after "一、", in line with its text) continue the
// item, while a paragraph that happens to end at the margin without
// punctuation is still ended by an indented one.
func TestHangingIndent(t *testing.T) {
	const size = 10.5
	item1 := "一、本公司董事会、监事会及董事、监事、高级管理人员保证年度报告内容的真实、准确、完整，不存在虚假记载、误导性陈述或重大遗漏，并承担个别和连带的法律责任。"
	item2 := "二、公司负责人、主管会计工作负责人及会计机构负责人（会计主管人员）声明：保证年度报告中财务报告的真实、准确、完整。"
	gs, y := setText(90, 760, size, 40, 0, 2, item1, item2)
	// 78 characters: two full lines with a 2-em indent, the second
	// without punctuation at its end.
	open := strings.Repeat("全年实现地区生产总值比上年增长百分之五", 4) + "点二"
	next := "全年粮食总产量比上年增长二点三个百分点。"
	body, _ := setText(90, y-size, size, 40, 2, 0, open, next)
	got := paraTexts(t, page(1, gs, body))
	wantParas(t, got, []string{item1, item2, open, next})
}

// TestShortLinesTakePageMargins checks that a run of short lines cut off
// by a table from the body of its page ("(1).销售模式", "√适用□不适用")
// is measured against the page's margin, not against its own short
// lines: each is a paragraph of its own, while a wrapped line among them
// still joins.
func TestShortLinesTakePageMargins(t *testing.T) {
	const size = 10.5
	mk := func(text string, x, y float64) line {
		w := 0.0
		for _, r := range text {
			if r < 0x80 {
				w += size / 2
			} else {
				w += size
			}
		}
		return line{text: text, x0: x, x1: x + w, y: y, size: size, lead: size}
	}
	long := strings.Repeat("公司产品通过直销和批发代理渠道进行销售渠道", 2)
	var bodyLines []line
	for i := 0; i < 5; i++ {
		bodyLines = append(bodyLines, mk(long, 90, 700-float64(i)*14))
	}
	short := []line{
		mk("(1).销售模式", 90, 400),
		mk("√适用□不适用", 90, 386),
		mk("(2).采购模式", 90, 372),
		mk("√适用□不适用", 90, 358),
		mk(long, 90+2*size, 344),
		mk("销商、商超、电商等渠道。", 90, 330),
		mk("(3).销售渠道", 90, 316),
	}
	cols := []column{{page: 1, lines: bodyLines}, {page: 1, lines: []line{{table: 1, tab: true, y: 420, x0: 90, x1: 530, size: size}}}, {page: 1, lines: short}}
	var got []string
	for _, p := range buildParagraphs(cols)[1:] {
		if p.table == 0 {
			got = append(got, p.text)
		}
	}
	wantParas(t, got, []string{"(1).销售模式", "√适用□不适用", "(2).采购模式", "√适用□不适用", long + "销商、商超、电商等渠道。", "(3).销售渠道"})
}

// TestWrappedHeading checks that a heading set flush left in a larger
// size, filling its line, goes on with its wrapped rest.
func TestWrappedHeading(t *testing.T) {
	head := "三、公司实际控制人、股东、关联方、收购人以及公司等承诺相关方在报告期内超期未履行完毕的承诺事项"
	hs, y := setText(57, 760, 12, 40, 0, 0, head)
	bs, _ := setText(57, y-6, 9, 53, 2, 0,
		strings.Repeat("预测年初至下一报告期期末的累计净利润可能为亏损或者与上年同期相比发生大幅度变动。", 3),
		strings.Repeat("公司报告期不存在证券投资也不存在衍生品投资。", 4))
	got := paraTexts(t, page(1, hs, bs))
	if len(got) == 0 || got[0] != head {
		t.Errorf("heading = %q, want %q", got, head)
	}
}

// TestWordBulletinJoins checks the places where Word ends a line short of
// the margin in mid-paragraph: before a number too long to fit (after a
// full stop, two ems short), and on a line that ends with an opening
// bracket, however short; while a justified line that ends a sentence an
// em and a half short ends its paragraph.
func TestWordBulletinJoins(t *testing.T) {
	const size, left, perLine = 16.0, 80.0, 25
	var gs []Glyph
	y := 760.0
	line := func(text string, x float64) {
		gs = append(gs, glyphs(text, x, y, size)...)
		y -= 1.4 * size
	}
	filler := strings.Repeat("全年规模以上工业增加值比上年增长百分之五。", 3)
	fill, y0 := setText(left, y, size, perLine, 2, 0, filler)
	gs, y = append(gs, fill...), y0
	p1 := []string{
		"全年全区经济运行稳中有进，主要指标好于预期，房",
		"地产开发投资比上年增长10.4%，全区销售额增长。", // 22.5 ems
		"3644.1万平方米的商品房销售面积比上年下降1.0%。",
	}
	line(p1[0], left+2*size)
	line(p1[1], left)
	line(p1[2], left)
	p2 := []string{"全年完成投资增长百分之八（", "不含农户）。"}
	line(p2[0], left+2*size)
	line(p2[1], left)
	// Items set flush left, the first ending its sentence 1.5 ems short.
	p3 := "（1）开发投资比上年增长10.4%，全区销售额增长。" // 23 ems
	p4 := "（2）全区商品房销售面积比上年下降百分之一。"
	line(p3, left)
	line(p4, left)
	got := paraTexts(t, page(1, gs))
	wantParas(t, got, []string{filler, strings.Join(p1, ""), strings.Join(p2, ""), p3, p4})
}

// TestBulletBlocks checks a research note's bulleted column: each item's
// bullet stands a little left of its text, and the items' lines, and
// those of a paragraph set in line with them, continue each other there.
func TestBulletBlocks(t *testing.T) {
	const size, left, text = 10.0, 200.0, 212.7
	per := 35 // characters on a full line at the text's edge
	var gs []Glyph
	y := 700.0
	var want []string
	item := func(bullet bool, s string) {
		want = append(want, s)
		rs := []rune(s)
		if bullet {
			gs = append(gs, Glyph{Text: "\uf06c", X: left, Y: y, W: 5, Size: size})
			want[len(want)-1] = "\uf06c" + s
		}
		for len(rs) > 0 {
			n := min(per, len(rs))
			gs = append(gs, glyphs(string(rs[:n]), text, y, size)...)
			rs = rs[n:]
			y -= 13
		}
	}
	item(true, strings.Repeat("公司拟签署金刚线项目投资协议书，项目一期计划建设年产能。", 3))
	item(true, strings.Repeat("顺应下游需求扩张，金刚线产能快速扩产，保证内供外销。", 3))
	item(false, strings.Repeat("依托低成本电价提升金刚线盈利能力，推动细线化进步。", 4))
	item(true, strings.Repeat("切割工艺的持续进步领先，是保障公司利润释放的核心。", 3))
	got := paraTexts(t, page(1, gs))
	wantParas(t, got, want)
}

// TestShortPageTextBox checks a page of one short paragraph set in a
// narrower box than the other pages (WPS 表格 prints each page's text box
// at its own width): its indented first line, wrapped back to the
// margin, shows where the box ends.
func TestShortPageTextBox(t *testing.T) {
	const size = 12.0
	p := "上海市普陀区商务委员会机关设9个内设机构，包括：办公室、综合调研科、商业发展科、市场秩序科（粮食和物资储备科）、产业发展科、企业服务科。"
	short, _ := setText(58, 460, size, 52, 2, 0, p) // a box 52 characters wide
	landscape := func(p rawPage) rawPage { p.Width, p.Height = 842, 595; return p }
	pages := []rawPage{landscape(page(1, glyphs("机构设置", 285, 505, 18), short))}
	body := strings.Repeat("主要职能包括贯彻执行国家和本市有关工商业、内外贸、粮食流通等方面的方针、政策和法律法规。", 3)
	for n := 2; n <= 4; n++ {
		gs, _ := setText(58, 500, size, 60, 2, 0, body, body) // 60 characters wide
		pages = append(pages, landscape(page(n, gs)))
	}
	got := paraTexts(t, pages...)
	wantParas(t, got[:2], []string{"机构设置", p})
}
