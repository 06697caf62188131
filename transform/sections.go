package transform

import (
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/zhibiao/zhibiao/extract"
)

// A headingPath is the heading path in force from a rune offset on.
type headingPath struct {
	start int    // rune offset in Document.Text where the heading stands
	path  string // heading texts, outermost first, joined by " / "
	plan  bool   // the section or one of its parents is a plan (工作思路, 预期目标 …)
	year  int    // year named by the nearest plan heading, 0 if none
}

// maxHeading is the most runes of a heading kept in a path: a heading
// that runs on into body text ("（一）全力保障经济企稳回升。统筹推进…") is
// cut at its first full stop, and very long ones are cut here.
const maxHeading = 40

// headingLevel returns the nesting level of a paragraph that starts with a
// heading number (1 for 一、, 2 for （一）, 3 for 1. or 1、, 4 for （1）;
// 0 for 第一部分 or 第一章) and the rune count of the markdown-like marks
// ("## ") before it; level -1 means the paragraph is no heading.
func headingLevel(p []rune) (level, skip int) {
	for skip < len(p) && (p[skip] == '#' || isBlankRune(p[skip])) {
		skip++
	}
	p = p[skip:]
	n := 0
	switch {
	case len(p) > 0 && p[0] == '第':
		for n = 1; n < len(p) && isHeadingNumeral(p[n]); n++ {
		}
		if n > 1 && n+1 < len(p) && (string(p[n:n+2]) == "部分") {
			return 0, skip
		}
		if n > 1 && n < len(p) && (p[n] == '章' || p[n] == '篇') {
			return 0, skip
		}
	case len(p) > 0 && isHeadingNumeral(p[0]):
		for n = 0; n < len(p) && isHeadingNumeral(p[n]); n++ {
		}
		if n < len(p) && (p[n] == '、' || p[n] == '．' || p[n] == '.') {
			return 1, skip
		}
	case len(p) > 0 && (p[0] == '（' || p[0] == '('):
		for n = 1; n < len(p) && isHeadingNumeral(p[n]); n++ {
		}
		if n > 1 && n < len(p) && (p[n] == '）' || p[n] == ')') {
			return 2, skip
		}
		for n = 1; n < len(p) && isWesternDigit(p[n]); n++ {
		}
		if n > 1 && n < len(p) && (p[n] == '）' || p[n] == ')') {
			return 4, skip
		}
	case len(p) > 0 && isWesternDigit(p[0]):
		for n = 0; n < len(p) && isWesternDigit(p[n]); n++ {
		}
		// "1." or "1、" but not "1.5万" nor a year "2023年".
		if n <= 2 && n+1 < len(p) && (p[n] == '、' || p[n] == '.' || p[n] == '．') && !isWesternDigit(p[n+1]) {
			return 3, skip
		}
	}
	return -1, skip
}

func isHeadingNumeral(r rune) bool {
	return strings.ContainsRune("一二三四五六七八九十百零〇", r)
}

func isWesternDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

// headingText returns the heading of a paragraph that starts with one:
// up to its first full stop, without the marks before it.
func headingText(p []rune, skip int) string {
	p = p[skip:]
	for i, r := range p {
		if r == '。' || r == '；' || r == '！' || r == '？' || r == ';' {
			p = p[:i]
			break
		}
	}
	if len(p) > maxHeading {
		p = p[:maxHeading]
	}
	return strings.TrimSpace(string(p))
}

// contentsLineRE matches a line of a table of contents: a heading and
// dot leaders, then its page number or not ("七、项目经费情况说明…………
// 12"). No heading holds a run of leaders; prose holds one ellipsis (……).
var contentsLineRE = lazyRegexp(`(?:[.．·…⋯]\s*){6,}`)

// numberedProse reports whether p, a paragraph that starts with a number
// of the lower levels (（八）, 12., （1）), is an item of prose rather
// than a heading: a definition ("（八）机关运行经费：指…"), a first
// sentence too long for a heading or one that states a sum ("12.“住房保
// 障支出-住房改革支出-购房补贴”科目186.77万元，主要用于…").
func numberedProse(p []rune) bool {
	end := len(p)
	for i, r := range p {
		if r == '。' || r == '；' || r == '！' || r == '？' || r == ';' {
			end = i
			break
		}
	}
	first := string(p[:end])
	return end > maxProseHeading || strings.Contains(first, "：指") || strings.Contains(first, "是指") || moneyRE().MatchString(first)
}

// moneyRE finds a sum of money, which a heading does not state ("33.“住房
// 保障支出（类）…”217.00万元").
var moneyRE = lazyRegexp(`[0-9０-９][0-9０-９.,，]*\s*[万亿]?元`)

// maxProseHeading is the most runes of the first sentence of a numbered
// paragraph that is a heading; the longest headings of the corpus's work
// reports run to about 50.
const maxProseHeading = 60

// planWords mark a heading whose section is about the coming year's plan:
// every figure in it is a target.
var planWords = []string{"工作思路", "工作安排", "工作任务", "工作打算", "工作计划", "预期目标", "主要目标", "目标任务", "总体要求", "展望", "经营计划"}

// reviewWords mark a heading about the year under review.
var reviewWords = []string{"回顾", "总结", "成绩", "成就"}

// fivePlans are the five-year plans and their last years.
var fivePlans = []struct {
	name string
	year int
}{{"十二五", 2015}, {"十三五", 2020}, {"十四五", 2025}, {"十五五", 2030}, {"十六五", 2035}}

// isPlanHeading reports whether heading opens a plan section, given the
// report year ry (0 if unknown), and the year it names (0 if none).
func isPlanHeading(h string, ry int) (bool, int) {
	y := firstYearIn([]rune(h))
	// A five-year plan's targets are for its last year.
	for _, fy := range fivePlans {
		if y == 0 && strings.Contains(h, fy.name) {
			y = fy.year
		}
	}
	for _, w := range reviewWords {
		if strings.Contains(h, w) {
			return false, 0
		}
	}
	for _, w := range planWords {
		if strings.Contains(h, w) {
			return true, y
		}
	}
	if y != 0 && ry != 0 && y > ry && strings.ContainsAny(h, "年") && len([]rune(h)) < 24 {
		return true, y
	}
	return false, 0
}

// buildSections returns the heading paths of doc in text order. The
// first entry starts at offset 0 with an empty path.
func buildSections(doc *extract.Document, ry int) []headingPath {
	type level struct {
		n    int
		text string
		plan bool
		year int
	}
	var stack []level
	out := []headingPath{{start: 0}}
	var rs []rune
	for i, p := range doc.Paragraphs {
		if i == 0 && p.Text == doc.Title || p.Table != 0 {
			continue // the title, a table's caption and rows are no headings
		}
		rs = appendRunes(rs[:0], p.Text)
		n, skip := headingLevel(rs)
		if n < 0 || contentsLineRE().MatchString(p.Text) || n >= 2 && numberedProse(rs[skip:]) {
			continue
		}
		for len(stack) > 0 && stack[len(stack)-1].n >= n {
			stack = stack[:len(stack)-1]
		}
		h := headingText(rs, skip)
		plan, year := isPlanHeading(h, ry)
		stack = append(stack, level{n, h, plan, year})
		var s headingPath
		s.start = p.Offset
		names := make([]string, len(stack))
		for j, l := range stack {
			names[j] = l.text
			if l.plan {
				s.plan = true
				if l.year != 0 {
					s.year = l.year
				}
			}
		}
		s.path = strings.Join(names, " / ")
		out = append(out, s)
	}
	return out
}

// sectionAt returns the section in force at offset.
func sectionAt(secs []headingPath, offset int) headingPath {
	i := sort.Search(len(secs), func(i int) bool { return secs[i].start > offset })
	if i == 0 {
		return headingPath{}
	}
	return secs[i-1]
}

// A planSpan is a part of the text that states targets: the coming
// year's, or those of a plan period ending in year (0: the coming year).
type planSpan struct {
	textSpan
	year int
}

// planParagraphs returns the parts of paragraphs that state the coming
// year's targets outside a plan section ("经济社会发展的主要预期目标是：
// 地区生产总值增长7%以上；…"): from the phrase to the paragraph's end.
//
// In a work report delivered the year after the one it reviews, the plan
// part may have no numbered heading: it begins with the paragraph that
// opens on the coming year ("2024年是…", "今年政府工作的总体要求是") and
// runs to the end. The goals of a five-year plan may stand before it
// under a heading without a number ("“十五五”时期的主要目标任务"): they
// run from there to the coming year's part, their year the plan's last.
func planParagraphs(doc *extract.Document, ry, delivered int) []planSpan {
	var out []planSpan
	end := utf8.RuneCountInString(doc.Text)
	nextStart := end // where the coming year's plan part begins
	if ry != 0 && delivered == ry+1 {
		next := strconv.Itoa(delivered) + "年"
		for i, p := range doc.Paragraphs {
			if i == 0 || p.Text == doc.Title || p.Heading || utf8.RuneCountInString(p.Text) < 30 {
				continue // the title "2024年政府工作报告" opens no plan
			}
			if !strings.HasPrefix(p.Text, next) && !strings.HasPrefix(p.Text, "今年") {
				continue
			}
			for _, w := range []string{"总体要求", "预期目标", "工作安排", "主要任务", "重点做好", "政府工作", "重点工作"} {
				if strings.Contains(p.Text, w) {
					out = append(out, planSpan{textSpan{p.Offset, end}, 0})
					nextStart = p.Offset
					break
				}
			}
			if len(out) > 0 {
				break
			}
		}
	}
	for _, p := range doc.Paragraphs {
		if nextStart == end || p.Offset >= nextStart || p.Table != 0 {
			continue // only before a coming year's part that was found
		}
		// The heading ("“十五五”时期的主要目标任务") or the line that leads
		// into the goals ("“十五五”时期，要努力实现以下目标任务："), not a
		// review of a plan's goals ("十四五规划主要目标任务圆满完成").
		lead := utf8.RuneCountInString(p.Text) <= 40 && !strings.ContainsAny(p.Text, "。") || strings.Contains(p.Text, "以下目标")
		if !lead || strings.Contains(p.Text, "完成") || strings.Contains(p.Text, "回顾") {
			continue
		}
		for _, fy := range fivePlans {
			if strings.Contains(p.Text, fy.name) && (strings.Contains(p.Text, "目标任务") || strings.Contains(p.Text, "主要目标") || strings.Contains(p.Text, "以下目标")) {
				out = append(out, planSpan{textSpan{p.Offset, nextStart}, fy.year})
				break
			}
		}
	}
	for _, p := range doc.Paragraphs {
		for _, w := range []string{"主要预期目标", "预期目标是", "主要目标是", "主要目标为", "经营目标是", "经营目标为", "经营计划是", "经营计划为"} {
			if i := strings.Index(p.Text, w); i >= 0 {
				start := p.Offset + len([]rune(p.Text[:i]))
				out = append(out, planSpan{textSpan{start, p.Offset + len([]rune(p.Text))}, 0})
				break
			}
		}
	}
	return out
}
