package transform

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/zhibiao/zhibiao/extract"
)

// Tables in the shapes of real budgets, final accounts, company reports,
// research notes and disclosure reports (../shared/real-pdfs), invented
// and built as extract hands PDF tables over: merged cells, header rows,
// unit notes, sources. Each test pins one rule of the table reader; the
// expected records were written by hand before the rule was.

// A tableSpec is a table to build: its rows are cell texts, "<" for a
// position covered by the cell to its left and "^" for one covered by the
// cell above (a merged cell spans the "<" right of it and the "^" below
// it).
type tableSpec struct {
	caption string
	notes   []string
	header  int
	source  string // "ruled" when empty
	rows    [][]string
}

// buildDoc builds a one-page Document titled title from prose paragraphs
// (strings) and tables (tableSpec), in order, as extract assembles one:
// a table stands in the text as its caption and one TAB-joined paragraph
// per row.
func buildDoc(title string, items ...any) *extract.Document {
	doc := &extract.Document{Name: "t.pdf", Format: "pdf", Title: title}
	var text []string
	off := 0
	para := func(s string, table int) int {
		doc.Paragraphs = append(doc.Paragraphs, extract.Paragraph{Text: s, Page: 1, Offset: off, Table: table, Heading: len(doc.Paragraphs) == 0})
		text = append(text, s)
		start := off
		off += utf8.RuneCountInString(s) + 1
		return start
	}
	para(title, 0)
	for _, it := range items {
		switch it := it.(type) {
		case string:
			para(it, 0)
		case tableSpec:
			t := extract.Table{Caption: it.caption, Notes: it.notes, Page: 1, Header: it.header, Source: it.source}
			if t.Source == "" {
				t.Source = "ruled"
			}
			ti := len(doc.Tables) + 1
			t.Offset = off
			if t.Caption != "" {
				para(t.Caption, ti)
			}
			t.Rows = gridOf(it.rows)
			for r := range t.Rows {
				start := para(t.RowText(r), ti)
				for c := range t.Rows[r] {
					cell := &t.Rows[r][c]
					cell.Page = 1
					if cell.Text == "" {
						cell.Offset = -1
					} else {
						cell.Offset = start
					}
					start += utf8.RuneCountInString(cell.Text) + 1
				}
			}
			doc.Tables = append(doc.Tables, t)
		}
	}
	doc.Text = strings.Join(text, "\n")
	doc.Pages = []extract.Page{{Number: 1, Start: 0, End: utf8.RuneCountInString(doc.Text)}}
	return doc
}

// gridOf turns rows of texts with "<" and "^" marks (see tableSpec) into
// cells with their spans.
func gridOf(rows [][]string) [][]extract.Cell {
	out := make([][]extract.Cell, len(rows))
	for r, row := range rows {
		out[r] = make([]extract.Cell, len(row))
		for c, s := range row {
			if s == "<" || s == "^" {
				continue // covered: zero spans
			}
			cell := extract.Cell{Text: s, RowSpan: 1, ColSpan: 1}
			for c+cell.ColSpan < len(row) && row[c+cell.ColSpan] == "<" {
				cell.ColSpan++
			}
			for r+cell.RowSpan < len(rows) && rows[r+cell.RowSpan][c] == "^" {
				cell.RowSpan++
			}
			out[r][c] = cell
		}
	}
	return out
}

// tableLines returns the table records of doc as recLine formats them.
func tableLines(t *testing.T, doc *extract.Document) []string {
	t.Helper()
	var out []string
	for _, r := range newTestTransformer(t).Indicators(doc) {
		if r.Table != "" {
			out = append(out, recLine(r))
		}
	}
	return out
}

// checkLines compares got with want, line by line.
func checkLines(t *testing.T, got, want []string) {
	t.Helper()
	if slices.Equal(got, want) {
		return
	}
	for i := 0; i < max(len(got), len(want)); i++ {
		g, w := "", ""
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if g != w {
			t.Errorf("record %d:\n got  %s\n want %s", i, g, w)
		}
	}
}

func TestNoteUnit(t *testing.T) {
	for _, tt := range []struct{ note, want string }{
		{"单位:元币种:人民币", "元"},
		{"单位：元 币种：人民币", "元"},
		{"单位:万元币种:人民币", "万元"},
		{"编制单位：某某股份有限公司 单位：元", "元"},
		{"编制单位：某某局", ""},
		{"金额单位：万元", "万元"},
		{"单位：人民币元", "元"},
		{"单位：股", "股"},
		{"（单位：%）", "%"},
		{"币种：人民币", ""},
	} {
		if got := noteUnit(tt.note); got != tt.want {
			t.Errorf("noteUnit(%q) = %q, want %q", tt.note, got, tt.want)
		}
	}
}

// TestTableStatement pins a balance sheet: the 附注 column holds note
// numbers, never figures; the unit note goes on after its unit; periods
// come from the dates of the headers; 存货 after a 其中 run is no part of
// 其他应收款 (its figure is larger), and a total is no part of the row
// above it.
func TestTableStatement(t *testing.T) {
	doc := buildDoc("某某股份有限公司2020年年度报告", tableSpec{
		caption: "合并资产负债表",
		notes:   []string{"2020年12月31日", "编制单位:某某股份有限公司", "单位:元币种:人民币"},
		header:  1,
		rows: [][]string{
			{"项目", "附注", "2020年12月31日", "2019年12月31日"},
			{"流动资产：", "", "", ""},
			{"货币资金", "1", "1,200.50", "1,000.25"},
			{"应收账款", "2", "", ""},
			{"其他应收款", "3", "30.00", "40.00"},
			{"其中：应收利息", "", "", ""},
			{"应收股利", "", "", ""},
			{"存货", "4", "500.00", "450.00"},
			{"流动资产合计", "", "1,730.50", "1,490.25"},
			{"递延所得税负债", "5", "8.00", "9.00"},
			{"非流动负债合计", "", "8.00", "9.00"},
		},
	})
	checkLines(t, tableLines(t, doc), []string{
		"货币资金|1200.5 元|1200.5 元|-|-|2020|actual|",
		"货币资金|1000.25 元|1000.25 元|-|-|2019|actual|",
		"其他应收款|30 元|30 元|-|-|2020|actual|",
		"其他应收款|40 元|40 元|-|-|2019|actual|",
		"存货|500 元|500 元|-|-|2020|actual|",
		"存货|450 元|450 元|-|-|2019|actual|",
		"流动资产合计|1730.5 元|1730.5 元|-|-|2020|actual|",
		"流动资产合计|1490.25 元|1490.25 元|-|-|2019|actual|",
		"递延所得税负债|8 元|8 元|-|-|2020|actual|",
		"递延所得税负债|9 元|9 元|-|-|2019|actual|",
		"非流动负债合计|8 元|8 元|-|-|2020|actual|",
		"非流动负债合计|9 元|9 元|-|-|2019|actual|",
	})
}

// TestTableStatementParents pins the structure of statements: "四、" is a
// sibling of "三、", not a part of the row before it; two 利息收入 rows
// under different parents are told apart by them (营业收入, 利息收入,
// 手续费收入 add up to 营业总收入); rows listed above the line that
// closes them are its parts (资产 + 投资 + 其他 = 投资活动现金流), so two
// 其他 rows are told apart.
func TestTableStatementParents(t *testing.T) {
	doc := buildDoc("某某股份有限公司2020年年度报告",
		tableSpec{
			caption: "合并利润表",
			notes:   []string{"单位：元"},
			header:  1,
			rows: [][]string{
				{"项目", "本期发生额", "上期发生额"},
				{"一、营业总收入", "1,000.00", "900.00"},
				{"其中：营业收入", "900.00", "800.00"},
				{"利息收入", "90.00", "90.00"},
				{"手续费及佣金收入", "10.00", "10.00"},
				{"二、营业总成本", "600.00", "500.00"},
				{"财务费用", "-20.00", "5.00"},
				{"其中：利息费用", "", ""},
				{"利息收入", "30.00", "10.00"},
				{"加：其他收益", "3.00", "2.00"},
			},
		},
		tableSpec{
			caption: "合并现金流量表",
			notes:   []string{"单位：元"},
			header:  1,
			rows: [][]string{
				{"项目", "本期发生额", "上期发生额"},
				{"三、筹资活动产生的现金流量：", "", ""},
				{"吸收投资收到的现金", "1,000.00", "2,000.00"},
				{"筹资活动产生的现金流量净额", "1,000.00", "2,000.00"},
				{"四、汇率变动对现金及现金等价物的影响", "15.50", "-3.20"},
			},
		},
		tableSpec{
			source: "rules",
			header: 1,
			rows: [][]string{
				{"现金流量表(百万元)", "2021", "2022E"},
				{"经营活动现金流", "76", "205"},
				{"资产", "-83", "-184"},
				{"投资", "229", "0"},
				{"其他", "6", "9"},
				{"投资活动现金流", "152", "-175"},
				{"债权募资", "-80", "39"},
				{"其他", "-21", "-3"},
				{"融资活动现金流", "-101", "36"},
			},
		})
	got := tableLines(t, doc)
	for _, want := range []string{
		"营业总收入：利息收入|90 元|90 元|-|-|2020|actual|",
		"财务费用|-20 元|-20 元|-|-|2020|actual|",
		"利息收入|30 元|30 元|-|-|2020|actual|",
		"其他收益|3 元|3 元|-|-|2020|actual|",
		"汇率变动对现金及现金等价物的影响|15.5 元|15.5 元|-|-|2020|actual|",
		"汇率变动对现金及现金等价物的影响|-3.2 元|-3.2 元|-|-|2019|actual|",
		"投资活动现金流：其他|6 百万元|6000000 元|-|-|2021|actual|",
		"投资活动现金流：其他|9 百万元|9000000 元|-|-|2022|estimate|",
		"投资|0 百万元|0 元|-|-|2022|estimate|",
		"融资活动现金流：其他|-21 百万元|-21000000 元|-|-|2021|actual|",
	} {
		if !slices.Contains(got, want) {
			t.Errorf("no record %s", want)
		}
	}
	for _, g := range got {
		if strings.HasPrefix(g, "筹资活动产生的现金流量净额：") || strings.HasPrefix(g, "利息收入|90 ") {
			t.Errorf("record %s: a parent from adjacency", g)
		}
	}
}

// TestTablePeriods pins the periods of statement columns: 期末余额 and
// 期初余额 of a 2018 first-quarter report are 2018 and the end of 2017;
// 年初至报告期期末 runs to the current period.
func TestTablePeriods(t *testing.T) {
	doc := buildDoc("某某股份有限公司2018年第一季度报告",
		tableSpec{
			caption: "1、合并资产负债表",
			notes:   []string{"编制单位：某某股份有限公司", "2018年03月31日", "单位：元"},
			header:  1,
			rows: [][]string{
				{"项目", "期末余额", "期初余额"},
				{"货币资金", "4,096.62", "4,517.77"},
			},
		},
		tableSpec{
			notes:  []string{"单位：元"},
			header: 1,
			rows: [][]string{
				{"项目", "年初至报告期期末金额", "说明"},
				{"非流动资产处置损益（包括已计提资产减值准备的冲销部分）", "3,240.82", "清理固定资产"},
			},
		},
		tableSpec{
			notes:  []string{"单位：人民币元"},
			header: 1,
			rows: [][]string{
				{"项目", "2018年1-3月", "2017年1-3月", "增减%"},
				{"管理费用", "776.98", "1,575.14", "-50.67"},
			},
		})
	checkLines(t, tableLines(t, doc), []string{
		"货币资金|4096.62 元|4096.62 元|-|-|2018|actual|",
		"货币资金|4517.77 元|4517.77 元|-|-|2017|actual|",
		"非流动资产处置损益|3240.82 元|3240.82 元|-|-|2018|actual|",
		"管理费用|776.98 元|776.98 元|-50.67|-|2018|actual|",
		"管理费用|1575.14 元|1575.14 元|-|-|2017|actual|",
	})
}

// TestTableBudget pins a budget table: 类 款 项 codes nest the rows and
// are never figures; the name is the row's, with its parent where it
// names no measure, then the column's qualifier in full-width brackets;
// 0.00 cells, and rows of them, are records; the unit note follows an
// "编制部门" note.
func TestTableBudget(t *testing.T) {
	doc := buildDoc("某区2026年部门预算", tableSpec{
		caption: "2026年部门收入预算总表",
		notes:   []string{"编制部门：某某局", "单位：元"},
		header:  3,
		rows: [][]string{
			{"项目", "<", "<", "<", "收入预算", "<", "<"},
			{"功能分类科目编码", "<", "<", "功能分类科目名称", "合计", "财政拨款收入", "事业单位经营收入"},
			{"类", "款", "项", "^", "^", "^", "^"},
			{"221", "", "", "住房保障支出", "200.00", "100.00", "100.00"},
			{"221", "02", "", "住房改革支出", "200.00", "100.00", "100.00"},
			{"221", "02", "03", "购房补贴", "200.00", "100.00", "100.00"},
			{"221", "02", "01", "住房公积金", "0.00", "0.00", "0.00"},
			{"", "", "", "合计", "200.00", "100.00", "100.00"},
		},
	})
	checkLines(t, tableLines(t, doc), []string{
		"住房保障支出|200 元|200 元|-|-|2026|actual|",
		"住房保障支出（财政拨款收入）|100 元|100 元|-|-|2026|actual|",
		"住房保障支出（事业单位经营收入）|100 元|100 元|-|-|2026|actual|",
		"住房改革支出|200 元|200 元|-|-|2026|actual|",
		"住房改革支出（财政拨款收入）|100 元|100 元|-|-|2026|actual|",
		"住房改革支出（事业单位经营收入）|100 元|100 元|-|-|2026|actual|",
		"住房改革支出：购房补贴|200 元|200 元|-|-|2026|actual|",
		"住房改革支出：购房补贴（财政拨款收入）|100 元|100 元|-|-|2026|actual|",
		"住房改革支出：购房补贴（事业单位经营收入）|100 元|100 元|-|-|2026|actual|",
		"住房改革支出：住房公积金|0 元|0 元|-|-|2026|actual|",
		"住房改革支出：住房公积金（财政拨款收入）|0 元|0 元|-|-|2026|actual|",
		"住房改革支出：住房公积金（事业单位经营收入）|0 元|0 元|-|-|2026|actual|",
		"合计|200 元|200 元|-|-|2026|actual|",
		"合计（财政拨款收入）|100 元|100 元|-|-|2026|actual|",
		"合计（事业单位经营收入）|100 元|100 元|-|-|2026|actual|",
	})
}

// TestTableForecast pins a research note's tables: a header line of
// years printed apart from its table is its header again (one year per
// figure column), 2022E is an estimate, a YOY row is the yoy of the row
// above, and section rows give their unit to the rows under them; a
// ratio that nothing gives a unit keeps none and says so.
func TestTableForecast(t *testing.T) {
	doc := buildDoc("某某股份（600000.SH）：公司点评",
		"2020\t2021\t2022E",
		tableSpec{
			source: "rules",
			rows: [][]string{
				{"营业收入(百万元)", "746", "1,567", "3,684"},
				{"(+/-)YOY(%)", "4.5%", "110.0%", "135.1%"},
				{"毛利率(%)", "35.3%", "33.7%", "35.0%"},
			},
		},
		"资料来源：公司公告",
		tableSpec{
			source: "rules",
			header: 1,
			rows: [][]string{
				{"主要财务指标", "2021", "2022E"},
				{"每股指标(元)", "", ""},
				{"每股收益", "1.07", "2.91"},
				{"价值评估(倍)", "", ""},
				{"P/E", "82.90", "30.47"},
				{"偿债能力指标", "", ""},
				{"流动比率", "1.2", "1.3"},
				{"应收帐款周转天数", "161.7", "165.1"},
			},
		})
	checkLines(t, tableLines(t, doc), []string{
		"营业收入|746 百万元|746000000 元|4.5|-|2020|actual|",
		"营业收入|1567 百万元|1567000000 元|110|-|2021|actual|",
		"营业收入|3684 百万元|3684000000 元|135.1|-|2022|estimate|",
		"毛利率|35.3 %|35.3 %|-|-|2020|actual|",
		"毛利率|33.7 %|33.7 %|-|-|2021|actual|",
		"毛利率|35 %|35 %|-|-|2022|estimate|",
		"每股收益|1.07 元|1.07 元|-|-|2021|actual|",
		"每股收益|2.91 元|2.91 元|-|-|2022|estimate|",
		"主要财务指标：P/E|82.9 倍|82.9 倍|-|-|2021|actual|", // a name says in Chinese what it measures
		"主要财务指标：P/E|30.47 倍|30.47 倍|-|-|2022|estimate|",
		"流动比率|1.2|1.2|-|-|2021|actual|表格单元无单位",
		"流动比率|1.3|1.3|-|-|2022|estimate|表格单元无单位",
		"应收帐款周转天数|161.7 天|161.7 天|-|-|2021|actual|表格单元无单位，按名称记为天",
		"应收帐款周转天数|165.1 天|165.1 天|-|-|2022|estimate|表格单元无单位，按名称记为天",
	})
}

// TestTableNoHeader pins the rule that figures whose columns nothing
// tells apart give no records: a row of five figures under no header and
// no year line would give five records of one name and one period.
func TestTableNoHeader(t *testing.T) {
	doc := buildDoc("某某股份（600000.SH）：公司点评", tableSpec{
		caption: "表1 主要财务数据",
		source:  "rules",
		rows: [][]string{
			{"营业收入(百万元)", "746", "1,567", "3,684"},
			{"净利润(百万元)", "59", "173", "471"},
		},
	})
	checkLines(t, tableLines(t, doc), nil)
}

// TestTableStackedParts pins a disclosure report's grid of small tables,
// each under a title row and a header row of its own, and its counts by
// applicant under a label area of three columns (三、本年度办理结果 |
// （三）不予公开 | 1.属于国家秘密) under one merged header cell.
func TestTableStackedParts(t *testing.T) {
	doc := buildDoc("某区人民政府2023年政府信息公开工作年度报告",
		tableSpec{
			header: 2,
			rows: [][]string{
				{"第二十条第（一）项", "<", "<"},
				{"信息内容", "本年制发件数", "现行有效件数"},
				{"规章", "0", "3"},
				{"第二十条第（五）项", "<", "<"},
				{"信息内容", "本年处理决定数量", "<"},
				{"行政许可", "550", "<"},
			},
		},
		tableSpec{
			header: 2,
			rows: [][]string{
				{"（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "<", "<", "申请人情况", "<"},
				{"^", "^", "^", "自然人", "总计"},
				{"一、本年新收申请数量", "<", "<", "21", "21"},
				{"三、本年度办理结果", "（一）予以公开", "<", "0", "0"},
				{"^", "（三）不予公开", "1.属于国家秘密", "1", "1"},
				{"^", "^", "2.其他法律行政法规禁止公开", "0", "0"},
			},
		})
	checkLines(t, tableLines(t, doc), []string{
		"规章（制发件数）|0 件|0 件|-|-|2023|actual|表格单元无单位，按名称记为件",
		"规章（现行有效件数）|3 件|3 件|-|-|2023|actual|表格单元无单位，按名称记为件",
		"行政许可（处理决定数量）|550|550|-|-|2023|actual|表格单元无单位",
		"本年新收申请数量（自然人）|21|21|-|-|2023|actual|表格单元无单位",
		"本年新收申请数量|21|21|-|-|2023|actual|表格单元无单位",
		"本年度办理结果：予以公开（自然人）|0|0|-|-|2023|actual|表格单元无单位",
		"本年度办理结果：予以公开|0|0|-|-|2023|actual|表格单元无单位",
		"不予公开：属于国家秘密（自然人）|1|1|-|-|2023|actual|表格单元无单位",
		"不予公开：属于国家秘密|1|1|-|-|2023|actual|表格单元无单位",
		"不予公开：其他法律行政法规禁止公开（自然人）|0|0|-|-|2023|actual|表格单元无单位",
		"不予公开：其他法律行政法规禁止公开|0|0|-|-|2023|actual|表格单元无单位",
	})
}

// TestTableNotesAbove pins the unit note and the title that a statement
// prints in lines of their own above its grid, which extract did not
// attach to the table.
func TestTableNotesAbove(t *testing.T) {
	doc := buildDoc("某某股份有限公司2020年年度报告",
		"法定代表人：张三 主管会计工作负责人：李四 会计机构负责人：王五",
		"合并现金流量表",
		"2020年1—12月",
		"单位：元币种：人民币",
		tableSpec{
			header: 1,
			rows: [][]string{
				{"项目", "附注", "2020年度", "2019年度"},
				{"销售商品、提供劳务收到的现金", "", "1,070.17", "949.64"},
			},
		})
	checkLines(t, tableLines(t, doc), []string{
		"销售商品、提供劳务收到的现金|1070.17 元|1070.17 元|-|-|2020|actual|",
		"销售商品、提供劳务收到的现金|949.64 元|949.64 元|-|-|2019|actual|",
	})
	if recs := newTestTransformer(t).Indicators(doc); len(recs) > 0 && recs[0].Table != "合并现金流量表" {
		t.Errorf("table %q, want the title above it, 合并现金流量表", recs[0].Table)
	}
}

// TestTableLatinNames pins the names of rows labelled without a Chinese
// character: the label column's header (its unit left out) goes before
// them, and a table that says nothing in Chinese about a row gives no
// record of it.
func TestTableLatinNames(t *testing.T) {
	doc := buildDoc("某某股份（600000.SH）：公司点评",
		tableSpec{
			source: "rules",
			header: 1,
			rows: [][]string{
				{"利润表(百万元)", "2021", "2022E"},
				{"营业收入", "746", "1,567"},
				{"EBITDA", "282", "582"},
			},
		},
		"正文。",
		tableSpec{
			source: "rules",
			header: 1,
			rows: [][]string{
				{"Item", "2021", "2022"},
				{"EBITDA", "282", "582"},
			},
		})
	checkLines(t, tableLines(t, doc), []string{
		"营业收入|746 百万元|746000000 元|-|-|2021|actual|",
		"营业收入|1567 百万元|1567000000 元|-|-|2022|estimate|",
		"利润表：EBITDA|282 百万元|282000000 元|-|-|2021|actual|",
		"利润表：EBITDA|582 百万元|582000000 元|-|-|2022|estimate|",
	})
}

// TestTableRowNumbers pins a table numbered under 序号: 1 … 11 count the
// rows, so row 10 is not a part of row 1 as a classification code 10 …
// would be of code 1.
func TestTableRowNumbers(t *testing.T) {
	rows := [][]string{{"序号", "授信银行", "授信总额"}}
	banks := []string{"工商银行", "江苏银行", "杭州银行", "渤海银行", "南京银行", "中信银行", "兴业银行", "民生银行", "徽商银行", "恒丰银行", "上海银行"}
	var want []string
	for i, b := range banks {
		v := 1000 + 37*i + 13*i*i // no row the sum of rows above it
		rows = append(rows, []string{strconv.Itoa(i + 1), b, strconv.Itoa(v)})
		want = append(want, fmt.Sprintf("%s（授信总额）|%d 万元|%d 元|-|-|2023|actual|", b, v, 10000*v))
	}
	doc := buildDoc("某公司2023年度第一期超短期融资券募集说明书",
		"表7 截至2023年3月末发行人授信情况（单位：万元）",
		tableSpec{source: "rules", header: 1, rows: rows})
	checkLines(t, tableLines(t, doc), want)
}

// TestTableCodesBeside pins two tables side by side, each with its code
// column left of its names: the codes of the right-hand table are its
// own, not the left one's, in its rows' sentences, and the rows of the
// left one find their parents by them.
func TestTableCodesBeside(t *testing.T) {
	doc := buildDoc("某部门2024年度部门决算",
		"表5 一般公共预算财政拨款基本支出决算表（单位：元）",
		tableSpec{
			source: "rules",
			header: 1,
			rows: [][]string{
				{"科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数"},
				{"301", "工资福利支出", "1000", "302", "商品和服务支出", "500"},
				{"30101", "基本工资", "600", "30201", "办公费", "120"},
				{"30102", "津贴补贴", "400", "30202", "印刷费", "380"},
			},
		})
	var got []string
	for _, r := range newTestTransformer(t).Indicators(doc) {
		if r.Table != "" {
			got = append(got, r.Name+" | "+r.Sentence)
		}
	}
	checkLines(t, got, []string{
		"工资福利支出 | 工资福利支出：科目编码 301，决算数 1000",
		"商品和服务支出 | 商品和服务支出：科目编码 302，决算数 500",
		"基本工资 | 基本工资：科目编码 30101，决算数 600", // a name of its own: no parent (rowLabel)
		"办公费 | 办公费：科目编码 30201，决算数 120",
		"工资福利支出：津贴补贴 | 津贴补贴：科目编码 30102，决算数 400", // parent by code 301
		"印刷费 | 印刷费：科目编码 30202，决算数 380",
	})
}
