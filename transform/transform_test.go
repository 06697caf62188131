package transform

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/zhibiao/zhibiao/extract"
)

// textDoc builds a Document the way extract builds one from a text file:
// the first line is the title, each line a paragraph, one page. It
// removes the ⟦ ⟧ marks that tests put around figures and returns the
// rune offset of each ⟦ in the clean text.
func textDoc(name string, lines ...string) (*extract.Document, []int) {
	doc := &extract.Document{Name: name}
	var marks []int
	var text []string
	off := 0
	for i, line := range lines {
		var b strings.Builder
		n := 0
		for _, r := range line {
			switch r {
			case '⟦':
				marks = append(marks, off+n)
			case '⟧':
			default:
				b.WriteRune(r)
				n++
			}
		}
		clean := b.String()
		if i == 0 {
			doc.Title = clean
		}
		doc.Paragraphs = append(doc.Paragraphs, extract.Paragraph{Text: clean, Page: 1, Offset: off, Heading: i == 0})
		text = append(text, clean)
		off += n + 1
	}
	doc.Text = strings.Join(text, "\n")
	doc.Pages = []extract.Page{{Number: 1, Start: 0, End: utf8.RuneCountInString(doc.Text)}}
	return doc, marks
}

// num formats an optional number for brief.
func num(v *float64) string {
	if v == nil {
		return "-"
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}

// brief renders the fields of a record that the table tests check, in one
// line: "name value+unit=std+stdunit [yoy:…(basis)] [pp:…] [done:…] [Δ:…]
// status bound period".
func brief(r Indicator) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s%s", r.Name, num(r.Value), r.Unit)
	if r.StdValue != nil {
		fmt.Fprintf(&b, "=%s%s", num(r.StdValue), r.StdUnit)
	}
	if r.YoY != nil {
		fmt.Fprintf(&b, " yoy:%s", num(r.YoY))
		if r.Basis != "" {
			fmt.Fprintf(&b, "(%s)", r.Basis)
		}
	}
	if r.PP != nil {
		fmt.Fprintf(&b, " pp:%s", num(r.PP))
	}
	if r.Completion != nil {
		fmt.Fprintf(&b, " done:%s", num(r.Completion))
	}
	if r.Delta != nil {
		fmt.Fprintf(&b, " Δ:%s", num(r.Delta))
	}
	if r.Max != nil {
		fmt.Fprintf(&b, " max:%s", num(r.Max))
	}
	fmt.Fprintf(&b, " %s %s %s", r.Status, r.Bound, r.Period)
	return b.String()
}

// newTestTransformer returns a Transformer, skipping the test when the
// quantity scanner does not find figures yet.
func newTestTransformer(t testing.TB) *Transformer {
	t.Helper()
	if len(scanQuantities([]rune("税收总收入15亿元"))) == 0 {
		t.Skip("scanQuantities finds no figures yet")
	}
	tr, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

// A recordTest is one paragraph and the records expected from it, in the
// brief form; each ⟦ in the paragraph marks the Offset of one record.
type recordTest struct {
	name  string
	title string // "" for a 2020 work summary
	in    []string
	want  []string
}

func runRecordTests(t *testing.T, tests []recordTest) {
	tr := newTestTransformer(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			title := tt.title
			if title == "" {
				title = "2020年度某街道工作总结和2021年度工作思路"
			}
			doc, marks := textDoc("test.txt", append([]string{title}, tt.in...)...)
			recs := tr.Indicators(doc)
			var got []string
			var offs []int
			for _, r := range recs {
				got = append(got, brief(r))
				if len(offs) == 0 || offs[len(offs)-1] != r.Offset {
					offs = append(offs, r.Offset) // one figure of several records (均) is one mark
				}
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("records of %q:\ngot:\n\t%s\nwant:\n\t%s", tt.in, strings.Join(got, "\n\t"), strings.Join(tt.want, "\n\t"))
				return
			}
			if marks != nil && fmt.Sprint(offs) != fmt.Sprint(marks) {
				t.Errorf("offsets %v, want %v", offs, marks)
			}
		})
	}
}

func TestIndicatorsRecord(t *testing.T) {
	runRecordTests(t, []recordTest{
		{
			name: "design example",
			in:   []string{"一、2020年度工作总结", "预计实现税收总收入⟦15亿元,同比下降15%,一般公共预算收入⟦8亿元,同比下降6.2%。"},
			want: []string{
				"税收总收入 15亿元=1500000000元 yoy:-15(同比) estimate = 2020",
				"一般公共预算收入 8亿元=800000000元 yoy:-6.2(同比) estimate = 2020",
			},
		},
		{
			name: "rate only",
			in:   []string{"全年预计可实现地区生产总值同比增长⟦0.3%；实现城乡居民人均可支配收入同比增长⟦3%。"},
			want: []string{
				"地区生产总值 - yoy:0.3(同比) estimate = 2020",
				"城乡居民人均可支配收入 - yoy:3(同比) actual = 2020",
			},
		},
		{
			name: "rate is the figure, pp on it",
			in:   []string{"战略新兴产业增加值占比达⟦25%，比去年提升5个百分点。租售率达⟦75%。"},
			want: []string{
				"战略新兴产业增加值占比 25%=25% pp:5 actual = 2020",
				"租售率 75%=75% actual = 2020",
			},
		},
		{
			name: "completion",
			in:   []string{"预计全年完成合同外资⟦25494.69万美元，完成年度任务的159.34%；实到外资⟦3338.08万美元，完成年度任务的41.73%。"},
			want: []string{
				"合同外资 25494.69万美元=254946900美元 done:159.34 estimate = 2020",
				"实到外资 3338.08万美元=33380800美元 done:41.73 actual = 2020",
			},
		},
		{
			name:  "delta",
			title: "2024年国民经济和社会发展统计公报",
			in:    []string{"年末全市常住人口⟦9000万人，比上年末减少139万人。"},
			want:  []string{"全市常住人口 9000万人=90000000人 Δ:-1390000 actual = 2024"},
		},
		{
			name:  "level then growth without basis",
			title: "2024年潜江市政府工作报告",
			in:    []string{"一、2023年工作回顾", "完成地区生产总值⟦904.92亿元，增长6.3%。"},
			want:  []string{"地区生产总值 904.92亿元=90492000000元 yoy:6.3 actual = 2023"},
		},
		{
			name:  "respectively",
			title: "2024年潜江市政府工作报告",
			in:    []string{"一、2023年工作回顾", "规上工业增加值、固定资产投资、社会消费品零售总额分别增长⟦8.2%、⟦8.1%、⟦8.7%。"},
			want: []string{
				"规上工业增加值 - yoy:8.2 actual = 2023",
				"固定资产投资 - yoy:8.1 actual = 2023",
				"社会消费品零售总额 - yoy:8.7 actual = 2023",
			},
		},
		{
			name: "category names with numbers",
			in:   []string{"全年引进世界500强项目⟦2个；同时引进50亿项目⟦1个，超10亿元项目⟦3个。全年新增培育10亿元企业⟦2家。"},
			want: []string{
				"世界500强项目 2个=2个 actual = 2020",
				"50亿项目 1个=1个 actual = 2020",
				"超10亿元项目 3个=3个 actual = 2020",
				"10亿元企业 2家=2家 actual = 2020",
			},
		},
		{
			name: "bounds",
			in: []string{"全年新增完工面积超⟦16.4万平方米。预计年内可入驻企业⟦25家以上，力争实现新增产值超⟦30亿元。" +
				"已完成⟦13家企业收储，面积约⟦788亩。收储面积不少于⟦800亩。排放不超过⟦5吨。共查扣电动车⟦6300余辆。"},
			want: []string{
				"新增完工面积 16.4万平方米=164000平方米 actual > 2020",
				"入驻企业 25家=25家 estimate >= 2020",
				"新增产值 30亿元=3000000000元 target > 2020",
				"企业收储 13家=13家 actual = 2020",
				"面积 788亩=788亩 actual ~ 2020",
				"收储面积 800亩=800亩 actual >= 2020",
				"排放 5吨=5吨 actual <= 2020",
				"查扣电动车 6300辆=6300辆 actual > 2020",
			},
		},
		{
			name: "plan section",
			in:   []string{"二、2021年工作思路", "力争实现地区生产总值同比增长⟦8%；全年新增公共自行车租赁点⟦20个。"},
			want: []string{
				"地区生产总值 - yoy:8(同比) target = 2021",
				"新增公共自行车租赁点 20个=20个 target = 2021",
			},
		},
		{
			name: "name after figure",
			in:   []string{"认定国家知识产权优势企业⟦3家，⟦81个项目纳入导向计划。"},
			want: []string{
				"国家知识产权优势企业 3家=3家 actual = 2020",
				"项目 81个=81个 actual = 2020",
			},
		},
		{
			name:  "list without 分别",
			title: "2024年潜江市政府工作报告",
			in:    []string{"一、2023年工作回顾", "收储、供应土地⟦6317.6亩、⟦9079.5亩。"},
			want: []string{
				"收储 6317.6亩=6317.6亩 actual = 2023",
				"供应土地 9079.5亩=9079.5亩 actual = 2023",
			},
		},
		{
			name:  "rate then its level",
			title: "2024年深圳市政府工作报告",
			in:    []string{"一、2023年工作回顾", "服务贸易进出口增长20.0%、总额⟦1347.7亿美元。"},
			want:  []string{"服务贸易进出口 1347.7亿美元=134770000000美元 yoy:20 actual = 2023"},
		},
		{
			name:  "change by an amount",
			title: "2026年河南省政府工作报告",
			in:    []string{"一、2025年工作回顾", "耕地面积净增⟦212万亩。优良天数增加⟦25天。"},
			want: []string{
				"耕地面积 212万亩=2120000亩 Δ:2120000 actual = 2025",
				"优良天数 25天=25天 Δ:25 actual = 2025",
			},
		},
		{
			name:  "gap in points",
			title: "2024年鄂州市政府工作报告",
			in:    []string{"一、2023年工作回顾", "无害化普及率达⟦83%，高于全省20个百分点。"},
			want:  []string{"无害化普及率 83%=83% pp:20 actual = 2023"},
		},
		{
			name:  "not figures: quoted names, plenums, streaks, classes",
			title: "2024年深圳市政府工作报告",
			in: []string{"一、2023年工作回顾", "落实省委十三届三次全会精神，出台“金融30条”。已连续三次位列第二。" +
				"新开工10个30亿元级重大工业项目。"},
			want: []string{"30亿元级重大工业项目 10个=10个 actual = 2023"},
		},
		{
			name:  "estimate for the rest (下同)",
			title: "2024年恩施市政府工作报告",
			in:    []string{"一、2023年工作回顾", "预计全年（下同）地区生产总值增长⟦7.5%。", "债券资金⟦26.88亿元。"},
			want: []string{
				"地区生产总值 - yoy:7.5 estimate = 2023",
				"债券资金 26.88亿元=2688000000元 estimate = 2023",
			},
		},
		{
			name:  "subject in an earlier clause",
			title: "2012年海拉尔区政府工作报告",
			in:    []string{"一、过去一年工作回顾", "新农合参合率再创新高，达到⟦98.5%。"},
			want:  []string{"新农合参合率 98.5%=98.5% actual = 2011"},
		},
		{
			name:  "targets paragraph in the review",
			title: "2024年潜江市政府工作报告",
			in:    []string{"一、2023年工作回顾", "经济社会发展的主要预期目标是：地区生产总值增长⟦7%以上；规上工业增加值增长⟦8%。"},
			want: []string{
				"地区生产总值 - yoy:7 target >= 2024",
				"规上工业增加值 - yoy:8 target = 2024",
			},
		},
		{
			name:  "wrapped lines",
			title: "2024年合肥市国民经济和社会发展统计公报",
			in:    []string{"一、综合", "初步核算，全年生产总值⟦13507.69亿元，按", "不变价格计算，比上年增长6.1%；第二产业增", "加值⟦4961.25亿元，增长8.4%。"},
			want: []string{
				"生产总值 13507.69亿元=1350769000000元 yoy:6.1(比上年) actual = 2024",
				"第二产业增加值 4961.25亿元=496125000000元 yoy:8.4 actual = 2024",
			},
		},
		{
			name:  "speech without numbered plan heading",
			title: "各位代表：",
			in: []string{"现在，我代表市人民政府，向大会报告工作，请予审议。",
				"2023年是全面贯彻党的二十大精神的开局之年，全市地区生产总值达到⟦2.1万亿元。",
				"2024年是中华人民共和国成立75周年，做好今年政府工作，要坚持稳中求进。地区生产总值增长⟦5%左右。"},
			want: []string{
				"全市地区生产总值 2.1万亿元=2100000000000元 actual = 2023",
				"地区生产总值 - yoy:5 target ~ 2024",
			},
		},
		{
			name:  "conversion in brackets",
			title: "2024年合肥市国民经济和社会发展统计公报",
			in:    []string{"一、综合", "按常住人口计算，人均GDP⟦136063元（折合⟦19105美元），比上年增长4.1%。"},
			want: []string{
				"人均GDP 136063元=136063元 yoy:4.1(比上年) actual = 2024",
				"人均GDP 19105美元=19105美元 actual = 2024",
			},
		},
		{
			name:  "新增 with a basis is a delta",
			title: "2024年合肥市国民经济和社会发展统计公报",
			in:    []string{"一、综合", "世界500强企业在合肥设立法人企业⟦100家，比上年末新增20家。全年新增城镇就业⟦18万人。"},
			want: []string{
				"法人企业 100家=100家 Δ:20 actual = 2024",
				"新增城镇就业 18万人=180000人 actual = 2024",
			},
		},
		{
			name:  "unit told by the name",
			title: "2024年我国卫生健康事业发展统计公报",
			in: []string{"总诊疗人次⟦101.5亿，比上年增加6.0亿人次。接受健康服务的65岁及以上老年人数⟦14136.0万。",
				"⟦450万困难群众纳入城乡低保。"},
			want: []string{
				"总诊疗人次 101.5亿人次=10150000000人次 Δ:600000000 actual = 2024",
				"接受健康服务的65岁及以上老年人数 14136万人=141360000人 actual = 2024",
				"困难群众 450万人=4500000人 actual = 2024",
			},
		},
		{
			name: "multiple as growth",
			in:   []string{"展览面积⟦1030.7万平方米，同比增长2.4倍。"},
			want: []string{"展览面积 1030.7万平方米=10307000平方米 yoy:240(同比) actual = 2020"},
		},
	})
}

// checkRecords checks the invariants every record of doc must keep.
func checkRecords(t *testing.T, doc *extract.Document, recs []Indicator) {
	t.Helper()
	n := utf8.RuneCountInString(doc.Text)
	for i, r := range recs {
		if r.Offset < 0 || r.Offset >= n {
			t.Fatalf("%s: record %d: offset %d outside text of %d runes", doc.Name, i, r.Offset, n)
		}
		if i > 0 && recs[i-1].Offset > r.Offset && r.Value != nil {
			// records come in text order, except a level merged into the
			// rate before it, which keeps the rate's place.
			t.Errorf("%s: record %d at %d after record at %d", doc.Name, i, r.Offset, recs[i-1].Offset)
		}
		if !hasHan(r.Name) {
			t.Errorf("%s: record %d (%s): name without a Chinese character", doc.Name, i, brief(r))
		}
		if r.Value == nil && r.YoY == nil && r.PP == nil && r.Completion == nil {
			t.Errorf("%s: record %d (%s) states nothing", doc.Name, i, brief(r))
		}
		if r.Status != Actual && r.Status != Estimate && r.Status != Target {
			t.Errorf("%s: record %d: status %q", doc.Name, i, r.Status)
		}
		if !strings.Contains(r.Sentence, string([]rune(doc.Text)[r.Offset])) {
			t.Errorf("%s: record %d: sentence %q misses the figure", doc.Name, i, r.Sentence)
		}
		if (r.Bound == Range) != (r.Max != nil) {
			t.Errorf("%s: record %d: bound %q with max %v", doc.Name, i, r.Bound, num(r.Max))
		}
	}
}

// TestIndicatorsCorpus runs every corpus report through Indicators and
// checks the records' invariants.
func TestIndicatorsCorpus(t *testing.T) {
	tr := newTestTransformer(t)
	paths, _ := filepath.Glob("../../shared/corpus/*.txt")
	if len(paths) == 0 {
		t.Skip("corpus absent")
	}
	if testing.Short() {
		paths = paths[:3]
	}
	for _, p := range paths {
		doc := readTextDoc(t, p)
		checkRecords(t, doc, tr.Indicators(doc))
	}
}

func FuzzIndicators(f *testing.F) {
	for _, s := range []string{
		"预计实现税收总收入15亿元,同比下降15%,一般公共预算收入8亿元,同比下降6.2%。",
		"一、2023年工作回顾\n规上工业增加值、固定资产投资分别增长8.2%、8.1%。",
		"比上年末减少139万人；完成年度任务的159.34%；增长-2.3%；5%-6%；（下同）",
		"分别分别、、，增长增长%％个百分点倍",
	} {
		f.Add(s)
	}
	tr, err := New(Config{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		doc, _ := textDoc("fuzz.txt", append([]string{"2020年度工作总结"}, strings.Split(s, "\n")...)...)
		checkRecords(t, doc, tr.Indicators(doc))
	})
}
