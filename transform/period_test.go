package transform

import (
	"fmt"
	"testing"

	"github.com/zhibiao/zhibiao/extract"
)

func TestReportYear(t *testing.T) {
	tests := []struct {
		lines []string
		want  int
	}{
		{[]string{"2020年度某街道工作总结和2021年度工作思路", "一、2020年度工作总结"}, 2020},
		{[]string{"2024年政府工作报告", "各位代表："}, 2023},
		{[]string{"2024年潜江市政府工作报告", "一、2023年工作回顾"}, 2023},
		{[]string{"2012年海拉尔区政府工作报告", "一、过去一年工作回顾"}, 2011},
		{[]string{"南京市2024年国民经济和社会发展统计公报", "一、综合"}, 2024},
		{[]string{"统计公报 2024年", "一、综合"}, 2024},
		{[]string{"某街道工作总结", "一、总体情况"}, 0},
		{[]string{"下载", "打印", "2026年甘肃省政府工作报告", "——二〇二六年一月二十七日在甘肃省十四届人民代表大会第五次会议上"}, 2025},
		{[]string{"各位代表：", "现在，我代表市人民政府，向大会报告工作，请予审议。", "2023年是全面贯彻党的二十大精神的开局之年。"}, 2023},
		{[]string{"南京市统计局", "2022年4月", "2021年，在市委市政府的坚强领导下，全市上下经济平稳。"}, 2021},
		// Report kinds beside work reports and bulletins: the year their
		// title names is the year of their figures (a budget's are of the
		// budget year).
		{[]string{"贵州茅台酒股份有限公司2020年年度报告", "重要提示"}, 2020},
		{[]string{"东北电气发展股份有限公司2018年第一季度报告", "第一节重要提示"}, 2018},
		{[]string{"上海市普陀区财政局2024年度部门决算", "第一部分上海市普陀区财政局概况"}, 2024},
		{[]string{"上海市普陀区社会福利院2025年单位预算", "目录"}, 2025},
		{[]string{"洪泽区人民政府2023年政府信息公开工作年度报告", "本报告由淮安市洪泽区人民政府办公室编制。"}, 2023},
		// No year in the title: the date on the cover.
		{[]string{"高测股份（688556.SH）：扩产4000万公里金刚线", "证券研究报告|公司点评", "2022年07月19日", "投资要点"}, 2022},
		{[]string{"血常规检验报告", "采样时间:2021-06-04 09:00"}, 2021},
		{[]string{"某公司简介", "发布时间：2022年3月", "公司成立于2010年。"}, 0},
	}
	for _, tt := range tests {
		doc, _ := textDoc("r.txt", tt.lines...)
		if got := ReportYear(doc); got != tt.want {
			t.Errorf("ReportYear(%q) = %d, want %d", tt.lines[0], got, tt.want)
		}
	}
	if got := ReportYear(&extract.Document{}); got != 0 {
		t.Errorf("ReportYear(empty) = %d, want 0", got)
	}
}

func TestPeriodOf(t *testing.T) {
	tests := []struct {
		name string
		in   string // the figure is marked ⟦
		sec  headingPath
		want string
	}{
		{"report year", "全年完成⟦10亿元", headingPath{}, "2020"},
		{"explicit year wins", "2019年全市完成⟦10亿元", headingPath{}, "2019"},
		{"basis year is no period", "比2019年增长⟦10%", headingPath{}, "2020"},
		{"since is no period", "办结2018年以来的信访件⟦2件", headingPath{}, "2020"},
		{"plan section year", "全年新增⟦20个", headingPath{plan: true, year: 2021}, "2021"},
		{"plan section without year", "全年新增⟦20个", headingPath{plan: true}, "2021"},
		{"last year as time", "去年全市完成⟦8亿元", headingPath{}, "2019"},
		{"last year as basis", "比去年提升⟦5个百分点", headingPath{}, "2020"},
	}
	for _, tt := range tests {
		doc, marks := textDoc("p.txt", tt.in)
		text := []rune(doc.Text)
		s := textSpan{0, len(text)}
		if got := periodOf(text, s, marks[0], tt.sec, 2020, 2020); got != tt.want {
			t.Errorf("%s: periodOf(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestYearSpanAt(t *testing.T) {
	tests := []struct {
		in   string
		want string // years, "" when none
		n    int
	}{
		{"2022-2024年归母净利润", "[2022 2023 2024]", 10},
		{"2019—2021年分别为", "[2019 2020 2021]", 10},
		{"2019年至2021年", "[2019 2020 2021]", 11},
		{"2019、2020、2021年", "[2019 2020 2021]", 15},
		{"2020年和2021年", "[2020 2021]", 11},
		{"2022年3月", "", 0},
		{"2024-03-01", "", 0},
		{"2021-2022学年", "", 0},
		{"2024-2022年", "", 0},
	}
	for _, tt := range tests {
		ys, n := yearSpanAt([]rune(tt.in), 0)
		got := ""
		if ys != nil {
			got = fmt.Sprint(ys)
		}
		if got != tt.want || n != tt.n {
			t.Errorf("yearSpanAt(%q) = %s, %d; want %s, %d", tt.in, got, n, tt.want, tt.n)
		}
	}
}

func TestLaterReports(t *testing.T) {
	doc, marks := textDoc("r.txt",
		"2023年度人力资源和社会保障事业发展统计公报",
		"年末全国就业人员⟦74041万人。",
		"2022 年度人力资源和社会保障事业发展统计公报（节选）",
		"年末全国就业人员⟦73351万人。",
		"2024年政府工作报告",
		"全年就业人员⟦1万人。")
	tr := newTestTransformer(t)
	var got []string
	for _, r := range tr.Indicators(doc) {
		got = append(got, r.Period)
	}
	if fmt.Sprint(got) != "[2023 2022 2023]" || len(marks) != 3 {
		t.Errorf("periods %v, want [2023 2022 2023]", got)
	}
}
