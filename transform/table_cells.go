package transform

import (
	"strings"
	"unicode"
)

// Table cells: what one cell says. A cell is read with the scanner that
// reads prose (scanQuantities), so that a number means the same in a
// table as in a sentence; a unit written in a header, a unit column or a
// note is read by scanning the cell's number followed by that unit, so
// that scale words and units are told apart as in prose (万吨 is 10⁴ 吨,
// 千瓦 a unit).

// isDash reports whether s, a trimmed cell, says "no figure": a dash, an
// ellipsis, a slash or an x (a figure withheld).
func isNoFigure(s string) bool {
	switch strings.Trim(s, " ") {
	case "", "—", "——", "-", "--", "－", "–", "―", "…", "……", "...", "/", "／", "x", "X", "×", "*", "＊", "——/——":
		return true
	}
	return false
}

// codeCellRE matches a classification code written with its level
// ("208类", "05款", "01项") or a bracketed code ("[201]").
var codeCellRE = lazyRegexp(`^(?:[0-9]{1,7}\s*[类款项目级]|[\[［【][0-9]{1,9}[\]］】])$`)

// cellFigure reads a cell that holds one figure and nothing else: a
// number with an optional sign, thousands separators, a decimal point, a
// percent sign, a scale word or a unit of its own ("15亿元"); a number in
// brackets is negative, as accountants write it ("(1,234.50)"). ok is
// false for an empty cell, a dash, text, a code ("05款"), a year ("2021年")
// or a date.
func cellFigure(s string) (q quantity, norm string, ok bool) {
	s = strings.TrimSpace(s)
	if isNoFigure(s) || codeCellRE().MatchString(s) {
		return quantity{}, "", false
	}
	s = strings.TrimPrefix(s, "+")
	s = strings.TrimPrefix(s, "＋")
	for _, br := range [][2]string{{"(", ")"}, {"（", "）"}} {
		if strings.HasPrefix(s, br[0]) && strings.HasSuffix(s, br[1]) {
			inner := strings.TrimSpace(s[len(br[0]) : len(s)-len(br[1])])
			if inner != "" && (inner[0] >= '0' && inner[0] <= '9') {
				s = "-" + inner
			}
		}
	}
	rs := []rune(s)
	if len(rs) == 0 || len(rs) > 40 || strings.HasSuffix(s, ".") || strings.HasSuffix(s, "．") {
		return quantity{}, "", false // "7.": a figure cut by a column border
	}
	qs := scanQuantities(rs)
	if len(qs) != 1 || qs[0].Start != 0 || qs[0].End != len(rs) || qs[0].NotFigure != "" || qs[0].Max != nil {
		return quantity{}, "", false
	}
	q = qs[0]
	if q.Kind == kindBare && !isArabicDigit(at(rs, 0)) && rs[0] != '-' && rs[0] != '－' && rs[0] != '−' {
		return quantity{}, "", false // 十, 百: Chinese numerals alone are words
	}
	return q, s, true
}

// A tableUnit is the unit a cell's figure takes from outside the cell.
type tableUnit struct {
	text string // as written, scale word included ("万吨", "%"); "" when none
	from string // where it was read: "cell", "column", "caption", "note", "name", ""
}

// withUnit returns the quantity of a cell's figure q (normalised text
// norm, see cellFigure) under unit u: the number and the unit scanned
// together, so that the scale word is multiplied in ("49342.25"+"万吨" is
// 493422500 吨). With lenient set (a unit column, whose cells are units
// whatever they say), a unit the lexicon does not hold ("载重吨", "芯千米")
// becomes the standard unit as written, without a leading scale word. A
// remark in brackets that lists units ("万只（片、套）") stays in the unit.
// A figure that has a unit of its own keeps it.
func withUnit(q quantity, norm, u string, lenient bool) quantity {
	if q.Kind != kindBare || u == "" {
		return q
	}
	num := []rune(norm)
	rs := []rune(norm + u)
	qs := scanQuantities(rs)
	if len(qs) == 0 || qs[0].Start != 0 || qs[0].End < len(num) {
		return q
	}
	out := qs[0]
	out.NotFigure = "" // "9"+"年" is a measure here, not a duration
	rest := string(rs[out.End:])
	switch {
	case rest == "":
	case out.Kind == kindBare && lenient && plainUnit(rest):
		// A unit the lexicon does not hold: the scale word (if any) was
		// read, the rest is the unit.
		out.Unit += rest
		out.StdUnit = rest
		out.Kind = kindAmount
	case out.Kind != kindBare && unitRemark(rest):
		out.Unit += rest
		out.StdUnit += rest
	default:
		return q // something after the unit that is no unit
	}
	if out.Kind == kindBare {
		return q
	}
	return out
}

// plainUnit reports whether s can be a unit the lexicon does not hold:
// a short word of letters, no digits, no punctuation.
func plainUnit(s string) bool {
	n := 0
	for _, r := range s {
		n++
		if !unicode.IsLetter(r) && r != '/' && r != '·' {
			return false
		}
	}
	return n >= 1 && n <= 6
}

// unitRemark reports whether s is a remark in brackets that lists other
// units of the figure ("（片、套）").
func unitRemark(s string) bool {
	rs := []rune(s)
	if len(rs) < 3 || !(rs[0] == '（' || rs[0] == '(') || !(rs[len(rs)-1] == '）' || rs[len(rs)-1] == ')') {
		return false
	}
	for _, part := range strings.FieldsFunc(string(rs[1:len(rs)-1]), func(r rune) bool { return strings.ContainsRune("、,，/", r) }) {
		if _, ok := unitTable[part]; !ok {
			return false
		}
	}
	return true
}

// unitOf returns the unit a header, caption or note names, "" if none:
// the content of a bracket that is a unit ("出口额（亿元）", "比上年增长
// （%）"), a unit note inside it ("（单位：%）", "单位：万元"), or a
// trailing percent sign ("增长%", "构成%").
func unitOf(s string) string {
	if u := noteUnit(s); u != "" {
		return u
	}
	for _, m := range bracketRE().FindAllStringSubmatch(s, -1) {
		if u := strings.TrimSpace(m[1]); isUnit(u) {
			return u
		}
	}
	t := strings.TrimSpace(s)
	if strings.HasSuffix(t, "%") || strings.HasSuffix(t, "％") {
		return "%"
	}
	return ""
}

// noteUnit returns the unit that a unit note in s states, "" if none: the
// longest start of the text after "单位：" that is a unit, so that a note
// that goes on ("单位：元币种：人民币", "单位:万元 币种:人民币") gives its
// unit, and a currency before the unit ("单位：人民币元") is left out. A
// note of another kind before it ("编制单位：某局 单位：元") is passed by.
//
// What a unit note names is a unit even when the lexicon does not hold
// it ("单位：股", "单位：万股"): a word of up to three letters is taken as
// written.
func noteUnit(s string) string {
	for _, m := range unitNoteIn().FindAllStringSubmatchIndex(s, -1) {
		if m[0] > 0 && isHan(lastRune(s[:m[0]])) && !noteOpenRE().MatchString(s[:m[0]]) {
			continue // 编制单位：某局: the unit that made the table
		}
		rs := []rune(strings.TrimPrefix(s[m[2]:m[3]], "人民币"))
		for n := min(len(rs), 8); n > 0; n-- {
			if u := string(rs[:n]); isUnit(u) {
				return u
			}
		}
		if len(rs) <= 3 && plainUnit(string(rs)) {
			return string(rs)
		}
	}
	return ""
}

// noteOpenRE matches the words that may open a unit note before 单位
// ("金额单位：万元").
var noteOpenRE = lazyRegexp(`(?:金额|计量|数量|货币|价格)$`)

var (
	// unitNoteIn finds a unit note ("单位：亿元", "金额单位:万元").
	unitNoteIn = lazyRegexp(`单位\s*[:：]\s*([^\s，,；;）)]+)`)
	// bracketRE finds the content of brackets.
	bracketRE = lazyRegexp(`[（(]([^（()）]{1,12})[）)]`)
)

// isUnit reports whether s is a unit of the lexicon, with or without a
// scale word: the scanner reads "1" followed by s as one quantity with a
// unit.
func isUnit(s string) bool {
	if s == "" || strings.ContainsAny(s, "0123456789=") {
		return false
	}
	q, _, _ := cellFigure("1")
	return withUnit(q, "1", s, false).Kind != kindBare
}

// cellChange reads a cell of a change column: a figure alone ("-16.55%",
// "2.9") or a change written with its verb ("上升5.72个百分点", "下降3.2%",
// "持平"). sign is -1 when the verb says the figure fell.
func cellChange(s string) (q quantity, sign float64, ok bool) {
	s = strings.TrimSpace(s)
	if q, _, ok := cellFigure(s); ok {
		return q, 1, true
	}
	sign = 1
	for _, vs := range []struct {
		verbs []string
		sign  float64
	}{{upVerbs, 1}, {downVerbs, -1}} {
		for _, v := range vs.verbs {
			if strings.HasPrefix(s, v) {
				if q, _, ok := cellFigure(strings.TrimSpace(s[len(v):])); ok && q.Value.Sign() >= 0 {
					return q, vs.sign, true
				}
				return quantity{}, 0, false
			}
		}
	}
	return quantity{}, 0, false
}

// changeKindOf returns what the figure q of a change column of kind k
// fills: percentage points when the cell says so ("上升5.72个百分点" under
// 增减（%）), else what the column says.
func changeKindOf(k figKind, q quantity) figKind {
	if q.Kind == kindPoints && (k == figGrowth || k == figPoints) {
		return figPoints
	}
	return k
}
