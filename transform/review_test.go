package transform

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/zhibiao/zhibiao/extract"
)

// TestReview checks each review rule on a sentence that triggers it and
// one that looks alike and must not.
func TestReview(t *testing.T) {
	tr := newTestTransformer(t)
	tests := []struct {
		name string
		in   string
		want string // "name=review" of each record, "|"-joined
	}{
		{"specific names", "新建项目12个，完成投资5亿元。",
			"新建项目=|投资="},
		{"vague name flagged", "截至目前，已完成对28个项目共9.06亿元的投资。",
			"项目=名称过泛|项目=名称过泛"},
		{"enumeration in words", "深化四项改革。全年新增企业四千家。",
			"改革=名称过泛；疑为列举（四项）|新增企业="},
		{"kinds in digits", "开展土地、矿产等7类重点资产资源盘活利用试点。",
			"重点资产资源盘活利用试点=疑为列举（7类）"},
		{"measure qualifies a noun", "美孚20万吨乙烯一季度完成核准。全市粮食产量20万吨，增长2%。",
			"美孚=数值修饰其后名词（20万吨乙烯）|全市粮食产量="},
		{"threshold before a noun", "统筹推进投资5亿元以上重大项目168个。",
			"统筹推进投资=数值修饰其后名词（5亿元以上重大项目）|重大项目="},
		{"threshold with （含） before a noun", "全年新增投资100万元（含）以上工厂12座。",
			"新增投资=数值修饰其后名词（100万元（含）以上工厂）|工厂="},
		{"money a verb moves", "投资2650万元改扩建校舍。",
			"投资="},
		{"ranking", "揭阳潮汕机场成为全省第4个吞吐量超千万人次的机场。",
			"揭阳潮汕机场成为全省第4个吞吐量=名称含评比用语（成为）"},
		{"unit cut", "基本生活保障平均标准1697.4元/人·月。",
			"基本生活保障平均标准=单位可能不全（1697.4元/人·月）"},
		{"comparison in points", "全市地区生产总值增长6.1%，分别高于全国、全区0.9、2个百分点。",
			"全市地区生产总值=|全市地区生产总值=同句重复的百分点"},
		{"same name, other unit elsewhere", "医院床位增加。全市医院38个。全市医院床位8120张。",
			"全市医院=|全市医院床位="},
		{"count of the subject of another figure", "其余3个县（市）降尘为1.75吨。拆除违建1987处、12万平方米。",
			"县（市）降尘=数值修饰其后名词（3个县（市）降尘）|县（市）降尘=|拆除违建=|拆除违建="},
		{"a name cut from a phrase", "今年中央财政用于教育的投入，将由去年的1076亿元增加到1562亿元。",
			"将由去年的=名称不完整|将由去年的=名称不完整"},
		{"a count under a name of money", "37家中央定点帮扶单位援助资金31.08亿元。",
			"中央定点帮扶单位援助资金=单位与名称不符（家）；数值修饰其后名词（37家中央定点帮扶单位援助资金）|中央定点帮扶单位援助资金="},
		{"a count of policies", "出台政策措施28条。取消行政审批事项416项。",
			"政策措施=名称过泛|取消行政审批事项="},
		{"a count under a rate", "全市空气质量优良率7县。",
			"全市空气质量优良率=单位与名称不符（县）"},
		{"a class of places", "全国31个省（自治区、直辖市）出台实施方案。全市新建学校12所。",
			"省（自治区、直辖市）=名称过泛|全市新建学校="},
		{"undecodable", "工业增加值15亿元\uFFFD。",
			"工业增加值=含无法解码的字"},
	}
	for _, tt := range tests {
		doc, _ := textDoc("r.txt", "某区工作报告", tt.in)
		var got []string
		for _, r := range tr.Indicators(doc) {
			got = append(got, r.Name+"="+r.Review)
		}
		if g := strings.Join(got, "|"); g != tt.want {
			t.Errorf("%s: %s\n got %s\nwant %s", tt.name, tt.in, g, tt.want)
		}
	}
}

func TestUnitConflicts(t *testing.T) {
	v := func(f float64) *float64 { return &f }
	recs := []Indicator{
		{Name: "项目", StdValue: v(28), StdUnit: "个", Sentence: "a"},
		{Name: "项目", StdValue: v(9.06e8), StdUnit: "元", Sentence: "b"},
		{Name: "项目", StdValue: v(3), StdUnit: "家", Sentence: "c"},         // a count, like 个
		{Name: "拆除违建", StdValue: v(1987), StdUnit: "处", Sentence: "d"},    // two measures
		{Name: "拆除违建", StdValue: v(1.2e5), StdUnit: "平方米", Sentence: "d"}, // in one sentence
		{Name: "粮食产量", StdValue: v(1.4e12), StdUnit: "斤", Sentence: "e"},
		{Name: "粮食产量", StdValue: v(7e8), StdUnit: "吨", Sentence: "f"}, // converts
	}
	unitConflicts(recs)
	want := []string{"同名指标另有单位（元）", "同名指标另有单位（个、家）", "同名指标另有单位（元）", "", "", "", ""}
	for i, r := range recs {
		if r.Review != want[i] {
			t.Errorf("record %d (%s %s): review %q, want %q", i, r.Name, r.StdUnit, r.Review, want[i])
		}
	}
}

func TestAddReview(t *testing.T) {
	var r Indicator
	for _, reason := range []string{"", "表格单元无单位", "名称过泛", "表格单元无单位", ""} {
		AddReview(&r, reason)
	}
	if want := "表格单元无单位；名称过泛"; r.Review != want {
		t.Errorf("Review = %q, want %q", r.Review, want)
	}
}

func TestReadErrorReview(t *testing.T) {
	page := func(n int) error { return &extract.Error{File: "r.pdf", Page: n, Err: extract.ErrDamaged} }
	tests := []struct {
		name string
		err  error
		want string // reviews of records on pages 1, 2, 3, "|"-joined
	}{
		{"none", nil, "||"},
		{"one page", page(2), "|第2页读取不全|"},
		{"pages joined", &extract.Error{File: "r.pdf", Err: errors.Join(page(1), page(3))}, "第1页读取不全||第3页读取不全"},
		{"undecodable", &extract.Error{File: "r.pdf", Err: fmt.Errorf("%w: 60 of 100 characters unknown", extract.ErrUndecoded)},
			"部分文字无法解码|部分文字无法解码|部分文字无法解码"},
		{"page and recovered file", &extract.Error{File: "r.pdf", Err: errors.Join(page(3), fmt.Errorf("%w: truncated file", extract.ErrDamaged))},
			"文件经修复读取，可能不全|文件经修复读取，可能不全|第3页读取不全；文件经修复读取，可能不全"},
	}
	for _, tt := range tests {
		recs := []Indicator{{Page: 1}, {Page: 2}, {Page: 3, Review: ""}}
		ReadErrorReview(recs, tt.err)
		var got []string
		for _, r := range recs {
			got = append(got, r.Review)
		}
		if g := strings.Join(got, "|"); g != tt.want {
			t.Errorf("%s: reviews %q, want %q", tt.name, g, tt.want)
		}
	}
}

func TestConvertUnit(t *testing.T) {
	tests := []struct {
		v        float64
		from, to string
		want     float64
		ok       bool
	}{
		{1.4e12, "斤", "吨", 7e8, true},
		{15, "亩", "公顷", 1, true},
		{3, "家", "个", 3, true},
		{2, "平方公里", "平方米", 2e6, true},
		{5, "度", "千瓦时", 5, true},
		{47, "GW", "千瓦", 4.7e7, true}, // units keep their writing, and compare
		{12, "km", "公里", 12, true},
		{300, "TEU", "标箱", 300, true},
		{8.5e8, "kwh", "千瓦时", 8.5e8, true},
		{7, "吨", "元", 0, false},
		{7, "人", "人次", 0, false},
		{7, "户", "个", 0, false},
		{7, "张", "个", 0, false}, // beds are no hospitals
		{7, "美元", "美元", 7, true},
	}
	for _, tt := range tests {
		got, ok := ConvertUnit(tt.v, tt.from, tt.to)
		if ok != tt.ok || ok && !nearly(got, tt.want) {
			t.Errorf("ConvertUnit(%v, %s, %s) = %v, %v; want %v, %v", tt.v, tt.from, tt.to, got, ok, tt.want, tt.ok)
		}
	}
}

// nearly reports whether a and b agree to 12 significant digits.
func nearly(a, b float64) bool {
	d := a - b
	if d < 0 {
		d = -d
	}
	return d <= 1e-12*max(a, b, -a, -b)
}
