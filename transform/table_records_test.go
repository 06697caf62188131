package transform

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/zhibiao/zhibiao/extract"
)

// Invented tables in the shapes of the real reports (testdata/tables/*.txt):
// a department budget (收支总表 side by side; 功能分类 with 类 款 项 codes
// and 单位：万元), a company's quarterly figures (本报告期 | 上年同期 |
// 增减, units in the labels, "上升5.72个百分点", accountants' brackets), and a
// county bulletin (two year columns, an index table 上年=100, shares, a
// project table with row numbers and years, a name list, a table without
// units, a plan table). The expected records were written by hand from
// the texts before the table reader was run on them; the first run failed
// on the company table only, which led to two rule changes (a row under a
// measure is its part only when it states the same unit; a column of
// years is headed 年份 or 年度 exactly, not 上年度末).

// readFixture reads testdata/tables/name as the text reader does.
func readFixture(t testing.TB, name string) *extract.Document {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "tables", name))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := extract.NewReader(strings.NewReader(string(b)), int64(len(b)), name)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// recLine formats the fields of a table record the tests pin:
// name|value unit|std std_unit|yoy|pp|period|status|review.
func recLine(r Indicator) string {
	num := func(v *float64) string {
		if v == nil {
			return "-"
		}
		return strconv.FormatFloat(*v, 'f', -1, 64)
	}
	val := func(v *float64, u string) string { return strings.TrimSpace(num(v) + " " + u) }
	return strings.Join([]string{r.Name, val(r.Value, r.Unit), val(r.StdValue, r.StdUnit), num(r.YoY), num(r.PP), r.Period, string(r.Status), r.Review}, "|")
}

func TestTableRecords(t *testing.T) {
	tr, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		file string
		want []string
	}{
		{"budget-2025-dept.txt", []string{
			// 表1: income and spending side by side, 单位：元.
			"财政拨款收入|91016775.35 元|91016775.35 元|-|-|2025|actual|",
			"一般公共服务支出|82096797.42 元|82096797.42 元|-|-|2025|actual|",
			"财政拨款收入：一般公共预算资金|91016775.35 元|91016775.35 元|-|-|2025|actual|",
			"社会保障和就业支出|4213779.28 元|4213779.28 元|-|-|2025|actual|",
			"卫生健康支出|1097073.43 元|1097073.43 元|-|-|2025|actual|",
			"住房保障支出|3609125.22 元|3609125.22 元|-|-|2025|actual|",
			"收入总计|91016775.35 元|91016775.35 元|-|-|2025|actual|",
			"支出总计|91016775.35 元|91016775.35 元|-|-|2025|actual|",
			// 表2: 类 款 项 codes nest the rows; 单位：万元.
			"一般公共服务支出|8209.68 万元|82096800 元|-|-|2025|actual|",
			"一般公共服务支出（基本支出）|1583.02 万元|15830200 元|-|-|2025|actual|",
			"一般公共服务支出（项目支出）|6626.66 万元|66266600 元|-|-|2025|actual|",
			"一般公共服务支出：政府办公厅（室）及相关机构事务|8209.68 万元|82096800 元|-|-|2025|actual|",
			"一般公共服务支出：政府办公厅（室）及相关机构事务（基本支出）|1583.02 万元|15830200 元|-|-|2025|actual|",
			"一般公共服务支出：政府办公厅（室）及相关机构事务（项目支出）|6626.66 万元|66266600 元|-|-|2025|actual|",
			"政府办公厅（室）及相关机构事务：行政运行|1202.95 万元|12029500 元|-|-|2025|actual|",
			"政府办公厅（室）及相关机构事务：行政运行（基本支出）|1202.95 万元|12029500 元|-|-|2025|actual|",
			"政府办公厅（室）及相关机构事务：一般行政管理事务|4614 万元|46140000 元|-|-|2025|actual|",
			"政府办公厅（室）及相关机构事务：一般行政管理事务（项目支出）|4614 万元|46140000 元|-|-|2025|actual|",
			"社会保障和就业支出|421.38 万元|4213800 元|-|-|2025|actual|",
			"社会保障和就业支出（基本支出）|421.38 万元|4213800 元|-|-|2025|actual|",
			"行政事业单位养老支出|421.38 万元|4213800 元|-|-|2025|actual|",
			"行政事业单位养老支出（基本支出）|421.38 万元|4213800 元|-|-|2025|actual|",
			"行政事业单位养老支出：行政单位离退休|155.42 万元|1554200 元|-|-|2025|actual|",
			"行政事业单位养老支出：行政单位离退休（基本支出）|155.42 万元|1554200 元|-|-|2025|actual|",
			"合计|8631.06 万元|86310600 元|-|-|2025|actual|",
			"合计（基本支出）|2004.4 万元|20044000 元|-|-|2025|actual|",
			"合计（项目支出）|6626.66 万元|66266600 元|-|-|2025|actual|",
		}},
		{"company-2018q1.txt", []string{
			"营业收入|4755785.11 元|4755785.11 元|-16.55|-|2018|actual|",
			"营业收入|5699227.63 元|5699227.63 元|-|-|2017|actual|",
			"归属于上市公司股东的净利润|-4648986.52 元|-4648986.52 元|70.13|-|2018|actual|",
			"归属于上市公司股东的净利润|-15563758.44 元|-15563758.44 元|-|-|2017|actual|",
			"基本每股收益|-0.0053 元/股|-0.0053 元/股|70.22|-|2018|actual|",
			"基本每股收益|-0.0178 元/股|-0.0178 元/股|-|-|2017|actual|",
			"加权平均净资产收益率|-2.34 %|-2.34 %|-|5.72|2018|actual|",
			"加权平均净资产收益率|-8.06 %|-8.06 %|-|-|2017|actual|",
			"财务费用|-12345.6 元|-12345.6 元|-|-|2018|actual|",
			"财务费用|8765.4 元|8765.4 元|-|-|2017|actual|",
			"总资产|298608889.04 元|298608889.04 元|-2.49|-|2018|actual|",
			"总资产|306236911.04 元|306236911.04 元|-|-|2017|actual|",
			"归属于上市公司股东的净资产|-200136703.31 元|-200136703.31 元|-0.76|-|2018|actual|",
			"归属于上市公司股东的净资产|-198631842.02 元|-198631842.02 元|-|-|2017|actual|",
		}},
		{"county-2021-tables.txt", []string{
			// 表1: two year columns, the growth goes with the later one.
			"地区生产总值|325.6 亿元|32560000000 元|-|-|2020|actual|",
			"地区生产总值|352.1 亿元|35210000000 元|8.1|-|2021|actual|",
			"常住人口|58.2 万人|582000 人|-|-|2020|actual|",
			"常住人口|58.6 万人|586000 人|0.7|-|2021|actual|",
			"城镇化率|61.2 %|61.2 %|-|-|2020|actual|",
			"城镇化率|62 %|62 %|-|-|2021|actual|",
			// 表2: an index (上年=100) as written, no unit.
			"居民消费价格指数|101.5|101.5|-|-|2021|actual|",
			"食品烟酒指数|102.3|102.3|-|-|2021|actual|", // nothing marks it a part of the row above: indices do not add up
			"衣着指数|99.6|99.6|-|-|2021|actual|",
			// 表3: a level and a share per row; #工业 is part of 第二产业.
			"第一产业（增加值）|21.3 亿元|2130000000 元|-|-|2021|actual|",
			"第一产业比重|6.1 %|6.1 %|-|-|2021|actual|",
			"第二产业（增加值）|152.8 亿元|15280000000 元|-|-|2021|actual|",
			"第二产业比重|43.4 %|43.4 %|-|-|2021|actual|",
			"第二产业：工业（增加值）|131.4 亿元|13140000000 元|-|-|2021|actual|",
			"第二产业：工业比重|37.3 %|37.3 %|-|-|2021|actual|",
			"第三产业（增加值）|178 亿元|17800000000 元|-|-|2021|actual|",
			"第三产业比重|50.5 %|50.5 %|-|-|2021|actual|",
			// 图1 and its axis ticks give nothing.
			// 表4: 序号 and 建设年限 are no figures; "—" gives nothing.
			"城南污水处理厂（总投资）|12000 万元|120000000 元|-|-|2021|actual|",
			"城南污水处理厂（当年完成投资）|4500 万元|45000000 元|-|-|2021|actual|",
			"东河大桥（总投资）|8600 万元|86000000 元|-|-|2021|actual|",
			// 表5: names only. 表6: no unit anywhere.
			"城关镇（学校数）|12|12|-|-|2021|actual|表格单元无单位",
			"城关镇（从业人数）|3560 人|3560 人|-|-|2021|actual|表格单元无单位，按名称记为人",
			"河口乡（学校数）|5|5|-|-|2021|actual|表格单元无单位",
			"河口乡（从业人数）|1210 人|1210 人|-|-|2021|actual|表格单元无单位，按名称记为人",
			// 表7: in the plan section; the 完成 column is a result.
			"地区生产总值|352.1 亿元|35210000000 元|-|-|2021|actual|",
			"地区生产总值|375 亿元|37500000000 元|-|-|2022|target|",
			"一般公共预算收入|25.5 亿元|2550000000 元|-|-|2021|actual|",
			"一般公共预算收入|27 亿元|2700000000 元|-|-|2022|target|",
		}},
		// Written blind as well, after the three above passed; the first
		// run differed only in 表5's names (发电量（产量）, 布产量), which
		// made 产量 a generic header word.
		{"city-2023-tables.txt", []string{
			// 表1: districts as rows, two quantities with their growths.
			"全市（地区生产总值）|1520.3 亿元|152030000000 元|5.6|-|2023|actual|",
			"全市（一般公共预算收入）|120.4 亿元|12040000000 元|3.2|-|2023|actual|",
			"甲区（地区生产总值）|620.1 亿元|62010000000 元|6|-|2023|actual|",
			"甲区（一般公共预算收入）|48.2 亿元|4820000000 元|4.1|-|2023|actual|",
			"乙区（地区生产总值）|410.7 亿元|41070000000 元|5.1|-|2023|actual|",
			"乙区（一般公共预算收入）|30.5 亿元|3050000000 元|-2.3|-|2023|actual|",
			// 表2: years as rows.
			"地区生产总值|1180.5 亿元|118050000000 元|6.8|-|2019|actual|",
			"地区生产总值|1221.9 亿元|122190000000 元|3.5|-|2020|actual|",
			"地区生产总值|1350.2 亿元|135020000000 元|8.3|-|2021|actual|",
			// 表3: three counts per row, 单位：人 from the note.
			"普通高中（招生数）|12050 人|12050 人|2.1|-|2023|actual|",
			"普通高中（在校生数）|35610 人|35610 人|1.8|-|2023|actual|",
			"普通高中（毕业生数）|11020 人|11020 人|-0.5|-|2023|actual|",
			"初中（招生数）|18230 人|18230 人|-1.2|-|2023|actual|",
			"初中（在校生数）|54100 人|54100 人|0.6|-|2023|actual|",
			"初中（毕业生数）|17900 人|17900 人|3.3|-|2023|actual|",
			// 表4: an index and a rise beside it: two statements.
			"居民消费价格指数|100.4|100.4|-|-|2023|actual|",
			"居民消费价格|-|-|0.4|-|2023|actual|",
			"居民消费价格：食品指数|99.2|99.2|-|-|2023|actual|",
			"居民消费价格：食品|-|-|-0.8|-|2023|actual|",
			// 表5: units and scales from the unit column; 产量 says nothing more.
			"发电量|85.6 亿千瓦时|8560000000 千瓦时|4.2|-|2023|actual|",
			"太阳能电池|120.5 万千瓦|1205000 千瓦|35.1|-|2023|actual|",
			"布|3050 万米|30500000 米|-6.4|-|2023|actual|",
			"饮料|12.8 万千升|128000 千升|2.6|-|2023|actual|",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			doc := readFixture(t, tt.file)
			text := []rune(doc.Text)
			var got []string
			for _, r := range tr.Indicators(doc) {
				if r.Table == "" {
					continue
				}
				got = append(got, recLine(r))
				// Offset is where the figure's cell begins.
				if r.Offset < 0 || r.Offset >= len(text) || !strings.ContainsRune("0123456789-+(（上下持", text[r.Offset]) {
					t.Errorf("%s: offset %d does not point at its figure", recLine(r), r.Offset)
				}
				if r.Page != 1 || r.Sentence == "" || r.Section == "" {
					t.Errorf("%s: page %d, section %q, sentence %q", recLine(r), r.Page, r.Section, r.Sentence)
				}
			}
			for i := 0; i < max(len(got), len(tt.want)); i++ {
				g, w := "", ""
				if i < len(got) {
					g = got[i]
				}
				if i < len(tt.want) {
					w = tt.want[i]
				}
				if g != w {
					t.Errorf("record %d:\n got  %s\n want %s", i, g, w)
				}
			}
		})
	}
}

// TestTableJunk checks that what is not a table gives no record: a chart
// caption and its axis ticks written as TAB lines, a list of names, row
// numbers and years.
func TestTableJunk(t *testing.T) {
	tr, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	doc := readFixture(t, "county-2021-tables.txt")
	var prose int
	for _, r := range tr.Indicators(doc) {
		switch {
		case r.Table == "":
			prose++
		case strings.HasPrefix(r.Table, "表5"):
			t.Errorf("record from a list of names: %s", recLine(r))
		case strings.Contains(r.Name, "序号") || r.StdValue != nil && (*r.StdValue == 1 || *r.StdValue == 2):
			t.Errorf("record from a row number: %s", recLine(r))
		}
		if strings.Contains(r.Sentence, "2017\t2018") || strings.Contains(r.Sentence, "0\t100") || strings.HasPrefix(r.Sentence, "图1") {
			t.Errorf("record from a chart: %s", recLine(r))
		}
	}
	if prose != 1 {
		t.Errorf("%d prose records, want 1 (全县地区生产总值)", prose)
	}
}
