package transform

import (
	"strings"
	"testing"
)

func TestHeadingLevel(t *testing.T) {
	tests := []struct {
		in    string
		level int
	}{
		{"一、2020年度工作总结", 1},
		{"## 一、卫生资源", 1},
		{"（一）全力保障经济企稳回升。统筹推进", 2},
		{"(三)全力聚焦重大平台提质", 2},
		{"1.持续推进", 3},
		{"12、加强", 3},
		{"（1）农村卫生", 4},
		{"第一部分 总体要求", 0},
		{"1.5万人参加", -1},
		{"2023年是全面贯彻", -1},
		{"一是坚持", -1},
		{"今年以来，", -1},
	}
	for _, tt := range tests {
		if got, _ := headingLevel([]rune(tt.in)); got != tt.level {
			t.Errorf("headingLevel(%q) = %d, want %d", tt.in, got, tt.level)
		}
	}
}

func TestBuildSections(t *testing.T) {
	doc, _ := textDoc("s.txt",
		"2020年度某街道工作总结和2021年度工作思路",
		"一、2020年度工作总结",
		"今年以来，全区经济平稳。",
		"（一）全力保障经济企稳回升。统筹推进疫情防控。",
		"（二）全力拼抢招商引资引智。坚持招大引强。",
		"二、2021年工作思路",
		"（一）危中寻机勇开新局。注重顶层规划引领。",
	)
	secs := buildSections(doc, ReportYear(doc))
	want := []string{
		"一、2020年度工作总结",
		"一、2020年度工作总结 / （一）全力保障经济企稳回升",
		"一、2020年度工作总结 / （二）全力拼抢招商引资引智",
		"二、2021年工作思路 [plan 2021]",
		"二、2021年工作思路 / （一）危中寻机勇开新局 [plan 2021]",
	}
	checkSections(t, secs, want)
	// A figure in the second paragraph of （一）.
	off := doc.Paragraphs[3].Offset + 5
	if s := sectionAt(secs, off); s.path != want[1] {
		t.Errorf("sectionAt(%d) = %q, want %q", off, s.path, want[1])
	}
	if s := sectionAt(secs, 3); s.path != "" {
		t.Errorf("sectionAt(title) = %q, want \"\"", s.path)
	}
}

// TestSectionsNotHeadings pins what opens with a heading number and is
// no heading: a line of the table of contents, a definition, and a
// numbered paragraph that states a sum or runs long.
func TestSectionsNotHeadings(t *testing.T) {
	doc, _ := textDoc("b.txt",
		"某区2025年部门预算",
		"目录",
		"一、部门主要职能……………………………………3",
		"六、其他相关情况说明………………………………………",
		"一、部门主要职能",
		"（一）负责本区政府日常工作。",
		"二、名词解释",
		"（八）机关运行经费：指行政单位和参照公务员法管理的事业单位使用一般公共预算财政拨款安排的基本支出中的日常公用经费支出。",
		"三、预算编制说明",
		"12.“住房保障支出-住房改革支出-购房补贴”科目186.77万元，主要用于按房改政策规定发放的购房补贴。",
		"13.其余各项支出按照实际需要和节约原则安排，保障机关正常运转，持续压减一般性支出，严格控制“三公”经费、会议费和培训费，从严从紧审核各类新增项目。",
		"（二）项目支出情况",
	)
	checkSections(t, buildSections(doc, ReportYear(doc)), []string{
		"一、部门主要职能",
		"一、部门主要职能 / （一）负责本区政府日常工作",
		"二、名词解释",
		"三、预算编制说明",
		"三、预算编制说明 / （二）项目支出情况",
	})
}

// checkSections compares the heading paths of secs after the first (the
// empty path before any heading), a plan's marked with its year, with want.
func checkSections(t *testing.T, secs []headingPath, want []string) {
	t.Helper()
	var got []string
	for _, s := range secs[1:] {
		plan := ""
		if s.plan {
			plan = " [plan " + itoa(s.year) + "]"
		}
		got = append(got, s.path+plan)
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("sections:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestIsPlanHeading(t *testing.T) {
	tests := []struct {
		h    string
		plan bool
		year int
	}{
		{"二、2024年政府工作任务", true, 2024},
		{"二、2021年工作思路", true, 2021},
		{"今年的工作安排", true, 0},
		{"（一）主要预期目标", true, 0},
		{"一、2023年工作回顾", false, 0},
		{"二、2024年经济社会发展", true, 2024},
		{"（二）全力拼抢招商引资引智", false, 0},
		{"二、“十五五”时期主要目标任务", true, 2030},
		{"一、2025年工作回顾和“十四五”发展主要成绩", false, 0},
	}
	for _, tt := range tests {
		plan, year := isPlanHeading(tt.h, 2023)
		if plan != tt.plan || year != tt.year {
			t.Errorf("isPlanHeading(%q, 2023) = %v, %d; want %v, %d", tt.h, plan, year, tt.plan, tt.year)
		}
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	s := ""
	for ; n > 0; n /= 10 {
		s = string(rune('0'+n%10)) + s
	}
	return s
}

func TestSentences(t *testing.T) {
	text := []rune("预计实现税收总收入15亿元,同比下降15%；一般公共预算收入8亿元。\n 标题\n\n末句")
	var got []string
	for _, s := range sentences(text) {
		got = append(got, string(text[s.start:s.end]))
	}
	want := []string{"预计实现税收总收入15亿元,同比下降15%；", "一般公共预算收入8亿元。", "标题", "末句"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("sentences = %q, want %q", got, want)
	}
}

func TestSoftBreaks(t *testing.T) {
	doc, _ := textDoc("w.txt",
		"2024年统计公报",
		"一、综合",
		"初步核算，全年生产总值13507.69亿元，按",
		"不变价格计算，比上年增长6.1%，第二产业增",
		"长8.4%。",
		"2025年3月28日",
		"下一段落文字很长很长很长很长很长。",
	)
	soft := softBreaks(doc)
	text, orig := compact([]rune(doc.Text), soft)
	want := "2024年统计公报\n一、综合\n初步核算，全年生产总值13507.69亿元，按不变价格计算，比上年增长6.1%，第二产业增长8.4%。\n2025年3月28日\n下一段落文字很长很长很长很长很长。"
	if string(text) != want {
		t.Errorf("compact text:\n%s\nwant:\n%s", string(text), want)
	}
	// Each rune maps back to the same rune of doc.Text.
	full := []rune(doc.Text)
	for i, r := range text {
		if full[orig.orig(i)] != r {
			t.Fatalf("rune %d %q maps to %d %q", i, r, orig.orig(i), full[orig.orig(i)])
		}
	}
	if orig.orig(len(text)) != len(full) {
		t.Errorf("the end maps to %d, want %d", orig.orig(len(text)), len(full))
	}
}
