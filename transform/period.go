package transform

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/zhibiao/zhibiao/extract"
)

// yearWritten returns the year written as four digits at text[i:] ("2023年"
// or "2023" followed by 年), with its length in runes, or 0.
func yearWritten(text []rune, i int) (year, n int) {
	if i+4 >= len(text) || (i > 0 && isWesternDigit(text[i-1])) {
		return 0, 0
	}
	y := 0
	for k := 0; k < 4; k++ {
		r := text[i+k]
		switch {
		case r >= '0' && r <= '9':
			y = y*10 + int(r-'0')
		case r >= '０' && r <= '９':
			y = y*10 + int(r-'０')
		default:
			return 0, 0
		}
	}
	if y < 1949 || y > 2100 {
		return 0, 0
	}
	switch {
	case text[i+4] == '年':
		return y, 5
	case isBlankRune(text[i+4]) && i+5 < len(text) && text[i+5] == '年':
		return y, 6 // "2024 年" from a PDF
	}
	return 0, 0
}

// firstYearIn returns the first year ("2020年") in text, or 0.
func firstYearIn(text []rune) int {
	for i := range text {
		if y, _ := yearWritten(text, i); y != 0 {
			return y
		}
	}
	return 0
}

// bareYear returns a four-digit year standing alone in a title
// ("2024 [1]"), or 0.
func bareYear(title string) int {
	rs := []rune(title)
	for i := 0; i+4 <= len(rs); i++ {
		if i > 0 && isWesternDigit(rs[i-1]) || i+4 < len(rs) && isWesternDigit(rs[i+4]) {
			continue
		}
		y := 0
		for _, r := range rs[i : i+4] {
			if r < '0' || r > '9' {
				y = -1
				break
			}
			y = y*10 + int(r-'0')
		}
		if y >= 1949 && y <= 2100 {
			return y
		}
	}
	return 0
}

// ReportYear returns the year the report is about (a report on 2020 work
// published in 2021 gives 2020), or 0 when it cannot be told.
//
// A heading of the review part ("一、2023年工作回顾") names the year
// outright. Otherwise the title decides: a government work report
// ("2024年政府工作报告") is delivered early in the year after the one it
// reviews; a work summary ("2020年度某街道工作总结和2021年度工作思路") and
// a statistical bulletin name their own year first.
func ReportYear(doc *extract.Document) int {
	ry, _ := years(doc)
	return ry
}

// years returns the report year and the year the report was delivered in
// (what 今年 means in its text), either 0 when unknown.
func years(doc *extract.Document) (report, delivered int) {
	title := doc.Title
	if title == "" && len(doc.Paragraphs) > 0 {
		title = doc.Paragraphs[0].Text
	}
	ty := firstYearIn([]rune(title))
	gwr := strings.Contains(title, "政府工作报告") || strings.Contains(title, "工作报告")
	// A review heading among the first headings.
	var rs []rune
	for i, p := range doc.Paragraphs {
		if i > 40 {
			break
		}
		rs = appendRunes(rs[:0], p.Text)
		if n, skip := headingLevel(rs); n >= 0 && n <= 1 {
			h := headingText(rs, skip)
			if strings.Contains(h, "回顾") || strings.Contains(h, "总结") {
				if y := firstYearIn([]rune(h)); y != 0 {
					if ty == 0 {
						ty = y + 1
					}
					return y, ty
				}
			}
		}
	}
	if ty == 0 {
		ty = bareYear(title)
	}
	if ty == 0 {
		// A bulletin or summary whose title was lost opens with its year:
		// "2024年，全市上下坚持…".
		// A work report's speech opens "各位代表：现在，我代表市人民政府
		// 向大会报告工作" and then reviews "2023年是…": delivered a year later.
		speech := gwr
		for i, p := range doc.Paragraphs {
			if i > 20 {
				break
			}
			if strings.Contains(p.Text, "向大会报告") || strings.Contains(p.Text, "各位代表") {
				speech = true
			}
			rs = appendRunes(rs[:0], p.Text)
			if strings.Contains(p.Text, "工作报告") && len(rs) < 40 {
				if y := firstYearIn(rs); y != 0 {
					return y - 1, y // the title, after a web page's boilerplate
				}
			}
			y, n := yearWritten(rs, 0)
			if y == 0 || n < len(rs) && (isWesternDigit(rs[n]) || isHeadingNumeral(rs[n])) {
				continue // "2022年4月", "2026年1月20日在…": a date, not the year reviewed
			}
			if speech {
				return y, y + 1
			}
			return y, y
		}
	}
	if ty == 0 {
		// A research note, a quarterly report or a form dates its cover
		// ("2022年07月19日", "采样时间:2021-06-04") and names no year
		// elsewhere: its figures are of that year.
		ty = coverDate(doc)
	}
	switch {
	case ty == 0:
		return 0, 0
	case gwr:
		return ty - 1, ty
	default:
		return ty, ty
	}
}

// maxLookBack is the most runes looked back from a figure for the words
// of its sentence that set its status or period.
const maxLookBack = 300

// relYear returns the year a relative time word names, given the year the
// report was delivered in, or 0 when word is none.
func relYear(word string, delivered int) int {
	switch word {
	case "今年", "本年":
		return delivered
	case "去年", "上年":
		return delivered - 1
	}
	return 0
}

// periodOf returns the period of a figure at offset q in text: an
// explicit year written before it in its sentence wins ("2023年全市…"),
// then a relative one (今年, 去年) used as time rather than as a basis of
// comparison, then the plan year of its section, then the report year.
func periodOf(text []rune, sent textSpan, q int, sec headingPath, ry, delivered int) string {
	lo := max(sent.start, q-maxLookBack)
	year := func(i int) int { // a year written at i that is the period, or 0
		y, n := yearWritten(text, i)
		if y == 0 {
			return 0
		}
		if i > sent.start && strings.ContainsRune("比较与", text[i-1]) {
			return 0 // a basis (比2022年) or the far end of a textSpan
		}
		if j := i + n; j+1 < len(text) && (text[j] == '以' || text[j] == '来' || text[j] == '前' || text[j] == '起') {
			return 0 // 2018年以来: a start, not the period
		}
		return y
	}
	for i := q - 5; i >= lo; i-- {
		if y := year(i); y != 0 {
			return strconv.Itoa(y)
		}
		// "公司2021年依托…，目前已公布47GW产能": 目前 is nearer.
		if i+2 <= q && delivered != 0 && (hasPrefixRunes(text, i, "目前") && (i == 0 || !strings.ContainsRune("项节题科书数栏名剧条细账", text[i-1])) || hasPrefixRunes(text, i, "当前")) {
			// (not the 目前 of 项目前期)
			return strconv.Itoa(delivered)
		}
	}
	// "截至2024年8月31日，…其他用车0辆；…设备1台（套）": a date before a
	// semicolon still rules the clauses after it, up to the full stop.
	if sent.start > 0 && (text[sent.start-1] == '；' || text[sent.start-1] == ';') {
		k := sent.start - 1
		for k > 0 && k > sent.start-maxLookBack && !strings.ContainsRune("。！？\n", text[k-1]) {
			k--
		}
		for i := sent.start - 5; i >= k; i-- {
			if y := year(i); y != 0 && (i == 0 || !strings.ContainsRune("比较与", text[i-1])) {
				return strconv.Itoa(y)
			}
		}
	}
	for i := q - 2; i >= lo; i-- {
		w := string(text[i : i+2])
		if y := relYear(w, delivered); y != 0 && delivered != 0 {
			if i > lo && strings.ContainsRune("比较同与", text[i-1]) {
				continue
			}
			return strconv.Itoa(y)
		}
	}
	switch {
	case sec.plan && sec.year != 0:
		return strconv.Itoa(sec.year)
	case sec.plan && ry != 0:
		return strconv.Itoa(ry + 1)
	case ry != 0:
		return strconv.Itoa(ry)
	}
	return ""
}

// yearSpanAt reads a span of years written at text[i:]: a range
// ("2022-2024年", "2019—2021年", "2019年至2021年") or a list ("2019、2020、
// 2021年", "2020年和2021年"), ending in 年. It returns the years in order,
// each year of a range, and the span's length in runes; nil when none
// starts at i or it names fewer than two years.
func yearSpanAt(text []rune, i int) ([]int, int) {
	var years []int
	j := i
	rangeNext := false
	for {
		y, n := yearDigits(text, j)
		if y == 0 {
			return nil, 0
		}
		if rangeNext {
			last := years[len(years)-1]
			if y <= last || y-last > 20 {
				return nil, 0
			}
			for k := last + 1; k <= y; k++ {
				years = append(years, k)
			}
		} else {
			years = append(years, y)
		}
		j += n
		if j < len(text) && text[j] == '年' {
			j++
		}
		if j >= len(text) {
			break
		}
		switch r := text[j]; {
		case r == '-' || r == '—' || r == '–' || r == '－' || r == '~' || r == '～' || r == '至' || r == '到':
			rangeNext = true
			j++
			for j < len(text) && text[j] == '—' {
				j++ // ——
			}
			continue
		case r == '、' || r == '和' || r == '及' || r == '与':
			rangeNext = false
			j++
			continue
		}
		break
	}
	if len(years) < 2 || text[j-1] != '年' {
		return nil, 0
	}
	return years, j - i
}

// yearDigits returns the four-digit year at text[i:] (not followed by
// another digit), with its length in runes, or 0.
func yearDigits(text []rune, i int) (int, int) {
	if i+4 > len(text) || i > 0 && isWesternDigit(text[i-1]) || i+4 < len(text) && isWesternDigit(text[i+4]) {
		return 0, 0
	}
	y := 0
	for _, r := range text[i : i+4] {
		if !isWesternDigit(r) {
			return 0, 0
		}
		d := r - '0'
		if r >= '０' {
			d = r - '０'
		}
		y = y*10 + int(d)
	}
	if y < 1949 || y > 2100 {
		return 0, 0
	}
	return y, 4
}

// yearsBefore returns the years of the last span of years written in
// text[lo:end] (see yearSpanAt), nil if none.
func yearsBefore(text []rune, lo, end int) []int {
	var last []int
	for i := max(lo, end-maxLookBack); i < end; i++ {
		if ys, n := yearSpanAt(text, i); ys != nil && i+n <= end {
			last = ys
			i += n - 1
		}
	}
	return last
}

// coverDate returns the year of the first full date written on the first
// page of doc ("2022年07月19日", "2021-06-04", "2022.7.19"), or 0. A date
// on a line of its own, or in a short line such as "证券研究报告 2022年07
// 月19日", dates the cover; a date inside a sentence ("自2013年5月16日起
// …") is taken only when no short line has one.
func coverDate(doc *extract.Document) int {
	first := 1
	if len(doc.Pages) > 0 {
		first = doc.Pages[0].Number
	}
	const shortLine = 40 // runes
	inSentence := 0
	for i, p := range doc.Paragraphs {
		if p.Page != first || i > 40 {
			break
		}
		rs := []rune(p.Text)
		for k := range rs {
			if y := dateAt(rs, k); y != 0 {
				if len(rs) <= shortLine {
					return y
				}
				if inSentence == 0 {
					inSentence = y
				}
				break
			}
		}
	}
	return inSentence
}

// dateAt returns the year of a full date (year, month and day) written at
// text[i:], or 0.
func dateAt(text []rune, i int) int {
	y, n := yearDigits(text, i)
	if y == 0 || i+n >= len(text) {
		return 0
	}
	sep := text[i+n]
	j := i + n + 1
	if sep != '年' && sep != '-' && sep != '.' && sep != '/' {
		return 0
	}
	for part := 0; part < 2; part++ {
		k := j
		for k < len(text) && k-j < 2 && isWesternDigit(text[k]) {
			k++
		}
		if k == j {
			return 0
		}
		want := sep
		if sep == '年' {
			want = []rune("月日")[part]
		} else if part == 1 {
			return y // 2021-06-04: no mark after the day
		}
		if k >= len(text) || text[k] != want {
			return 0
		}
		j = k + 1
	}
	return y
}

// A laterReport is a report that follows another in one text: a web page
// that holds a bulletin and, below it, the one of the year before.
type laterReport struct {
	start int // rune offset in Document.Text of its title
	year  int // the year it reports on
}

// titleEnds end the titles of reports.
var titleEnds = []string{"公报", "报告", "总结", "预算", "决算", "年报"}

// laterReports returns the reports that start after the first paragraph
// of doc with a title of their own naming a year ("2022 年度人力资源和社会
// 保障事业发展统计公报"), in text order.
func laterReports(doc *extract.Document) []laterReport {
	var out []laterReport
	for i, p := range doc.Paragraphs {
		if i == 0 || p.Table != 0 {
			continue
		}
		t := strings.TrimSpace(p.Text)
		if utf8.RuneCountInString(t) > 40 || strings.ContainsAny(t, "。，；：") {
			continue
		}
		if k := strings.LastIndexAny(t, "（("); k > 0 && (strings.HasSuffix(t, "）") || strings.HasSuffix(t, ")")) {
			t = strings.TrimSpace(t[:k]) // （节选）
		}
		end := false
		for _, w := range titleEnds {
			end = end || strings.HasSuffix(t, w)
		}
		y := firstYearIn([]rune(t))
		if !end || y == 0 {
			continue
		}
		if strings.Contains(t, "工作报告") {
			y-- // delivered early in the year after the one it reviews
		}
		out = append(out, laterReport{start: p.Offset, year: y})
	}
	return out
}

// yearAt returns the report year in force at offset of Document.Text:
// that of the last later report begun before it, else the document's.
func (r *run) yearAt(offset int) int {
	ry := r.ry
	for _, l := range r.later {
		if l.start > offset {
			break
		}
		ry = l.year
	}
	return ry
}
