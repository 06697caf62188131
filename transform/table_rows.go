package transform

import (
	"strings"
	"unicode/utf8"

	"github.com/zhibiao/zhibiao/extract"
)

// Table rows: the label of each body row without its markers, and the
// row it is a part of. Statistical tables mark parts with "#" (each part)
// or "其中：" (the first of a run of parts), number the parts of a total
// (一、二、…), or list the parts of a measure right under it with no mark
// at all (货物运输总量, then 公路, 水运 …); budget tables nest their rows by
// classification code (201, 20103, 2010301).

// A rowMarker is how a row label marks the row as a part of another.
type rowMarker int

const (
	markNone   rowMarker = iota
	markHash             // "#新能源汽车": a part of the row above
	markOf               // "其中：一般贸易": opens a run of parts
	markNumber           // "一、亚洲": one of numbered parts
)

// A tableRow is one body row of a table, as read from one label column.
type tableRow struct {
	row      int       // index in Table.Rows
	written  string    // the label cell as written
	label    string    // the label without markers, numbering, codes or footnote marks
	marker   rowMarker //
	level    int       // depth of its numbering: 1 for 一、, 2 for （一）, 3 for 1., 4 for （1）, 5 for ①
	parent   int       // index in the rows of the row it is a part of, -1 if none
	total    bool      // 合计, 总计 …
	year     int       // the label is a year: the row's period
	code     string    // the row's classification code, "" if none
	unit     string    // the unit the label states ("营业收入（元）"), "" if none
	unitCell string    // the row's unit cell (计量单位), "" if none
	junk     bool      // the label is no label: a long run of figures and units that a grid glued together
	figure   *decimal  // the row's figure in the group's first column of levels, nil if none
	decimals int       // how many decimals figure is written with
}

// totalWords are labels of a total row.
var totalWords = map[string]bool{"合计": true, "总计": true, "小计": true, "全部": true, "总数": true, "总体": true, "共计": true}

var (
	// footnoteRE finds a footnote mark in a label ("欧洲联盟[8]").
	footnoteRE = lazyRegexp(`[\[［〔][0-9０-９]{1,2}[\]］〕]|[（(]注[0-9０-９]{0,2}[）)]`)
	// ofRE finds the mark that opens a run of parts ("其中：", "在总计中：").
	ofRE = lazyRegexp(`^(?:其中|在[^：:，,]{1,10}中|内)\s*[：:]?`)
	// leadCodeRE finds a classification code before a label ("2010101 行政运行").
	leadCodeRE = lazyRegexp(`^[\[［【]?([0-9]{3,9})[\]］】]?\s*`)
)

// A cleanedLabel is a row label read by cleanLabel.
type cleanedLabel struct {
	label  string    // without markers
	marker rowMarker //
	level  int       // depth of its numbering (see tableRow), 0 if none
	code   string    // classification code before it, "" if none
	unit   string    // unit in brackets after it, "" if none
}

// cleanLabel reads a row label: without its footnote marks, "#",
// "其中：", numbering (一、 （一） 1. （1） ①), a leading classification
// code, a trailing unit in brackets ("营业收入（元）") and the colons and
// spaces around them; with the marker, numbering depth, code and unit it
// found.
func cleanLabel(s string) cleanedLabel {
	var out cleanedLabel
	s = footnoteRE().ReplaceAllString(strings.TrimSpace(s), "")
	s = strings.Map(func(r rune) rune {
		if isFootnoteMark(r) && !(r >= '①' && r <= '⑳') {
			return -1
		}
		return r
	}, s)
	for changed := true; changed; {
		changed = false
		s = strings.TrimSpace(s)
		switch {
		case strings.HasPrefix(s, "#") || strings.HasPrefix(s, "＃"):
			s = strings.TrimLeft(s, "#＃")
			out.marker, changed = markHash, true
		case ofRE().MatchString(s) && len(ofRE().FindString(s)) < len(s):
			s = s[len(ofRE().FindString(s)):]
			out.marker, changed = markOf, true
		}
		if n, level := numberingLen([]rune(s)); n > 0 {
			s = string([]rune(s)[n:])
			if out.marker == markNone {
				out.marker, out.level = markNumber, level
			}
			changed = true
		}
		if c := leadCodeRE().FindStringSubmatch(s); c != nil && len(c[0]) < len(s) && isHan(firstRune(s[len(c[0]):])) {
			s, out.code, changed = s[len(c[0]):], c[1], true
		}
	}
	if m := trailingBracketRE().FindStringSubmatch(s); m != nil && len(m[0]) < len(s) && isUnit(m[1]) {
		s, out.unit = strings.TrimSuffix(s, m[0]), m[1]
	}
	out.label = strings.Trim(s, " 　：:，,、")
	return out
}

// trailingBracketRE finds a remark in brackets that ends a label.
var trailingBracketRE = lazyRegexp(`[（(]([^（()）]{1,10})[）)]\s*$`)

// firstRune returns the first rune of s, 0 if none.
func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

// numberingLen returns how many runes of numbering open rs and its depth:
// "一、" 1, "（一）" 2, "1." or "1、" 3, "（1）" 4, "①" 5; 0, 0 if none. A
// number that goes on ("1.5万") is no numbering.
func numberingLen(rs []rune) (n, level int) {
	if len(rs) < 2 {
		return 0, 0
	}
	if rs[0] >= '①' && rs[0] <= '⑳' || rs[0] >= '⑴' && rs[0] <= '⒇' {
		return 1, 5
	}
	if rs[0] == '（' || rs[0] == '(' {
		n := 1
		for n < len(rs) && (isHeadingNumeral(rs[n]) || isWesternDigit(rs[n])) {
			n++
		}
		if n > 1 && n+1 < len(rs) && (rs[n] == '）' || rs[n] == ')') {
			if isWesternDigit(rs[1]) {
				return n + 1, 4
			}
			return n + 1, 2
		}
		return 0, 0
	}
	for n < len(rs) && isHeadingNumeral(rs[n]) {
		n++
	}
	if n > 0 && n+1 < len(rs) && rs[n] == '、' {
		return n + 1, 1
	}
	n = 0
	for n < len(rs) && isWesternDigit(rs[n]) {
		n++
	}
	if n > 0 && n <= 2 && n+1 < len(rs) && strings.ContainsRune("、.．", rs[n]) && !isWesternDigit(rs[n+1]) {
		return n + 1, 3
	}
	return 0, 0
}

// tableMeasureEnds are the last runes of labels that name a measure by
// themselves ("货物运输总量", "居民人均消费支出", "商品零售价格"): nameEnds
// and a few more that tables use.
const tableMeasureEnds = nameEnds + "格润款税益用"

// namesMeasure reports whether a label names a measure by itself, so that
// it needs no parent to be understood.
func namesMeasure(s string) bool {
	rs := []rune(s)
	return len(rs) >= 2 && strings.ContainsRune(tableMeasureEnds, rs[len(rs)-1])
}

// ownUnit returns the unit the row states itself: its unit cell or the
// unit its label states.
func (row tableRow) ownUnit() string {
	if row.unitCell != "" {
		return row.unitCell
	}
	return row.unit
}

// tableRows reads the body rows of t from label column lc (codes from the
// code columns codeCols, units from unit column uc, -1 if none, figures
// to add up from column key, -1 if none) and finds each row's parent.
func tableRows(t *extract.Table, lc int, codeCols []int, uc, key int, yearCol bool) []tableRow {
	rows := make([]tableRow, 0, len(t.Rows)-t.Header)
	last := map[int]string{} // the last code read in each code column
	for r := t.Header; r < len(t.Rows); r++ {
		row := tableRow{row: r, parent: -1}
		if lc >= 0 {
			row.written = strings.TrimSpace(t.At(r, lc))
			cl := cleanLabel(row.written)
			row.label, row.marker, row.level, row.code, row.unit = cl.label, cl.marker, cl.level, cl.code, cl.unit
		}
		if uc >= 0 {
			if u := strings.TrimSpace(t.At(r, uc)); !isNoFigure(u) {
				row.unitCell = u
			}
		}
		row.junk = junkLabel(row.label)
		row.total = totalWords[row.label]
		if y := headYear(row.label); y != 0 && (yearCol || strings.Trim(yearPhraseRE().ReplaceAllString(row.label, ""), " ") == "") {
			row.year = y
			row.label = ""
		}
		if row.code == "" && len(codeCols) > 0 {
			row.code = joinedCode(t, r, codeCols, last)
		}
		if key >= 0 {
			if q, norm, ok := cellFigure(t.At(r, key)); ok && q.Kind != kindPercent {
				v := q.Value.Mul(q.Scale)
				row.figure = &v
				if i := strings.IndexAny(norm, ".．"); i >= 0 {
					row.decimals = len(norm) - i - 1
				}
			}
		}
		rows = append(rows, row)
	}
	if !nestByCode(rows) {
		nestBySums(rows)
		nestByMarks(rows)
	}
	return rows
}

// maxParts is the most parts a row is looked for: a statistical total
// has a few dozen parts at most, and the search is quadratic.
const maxParts = 60

// nestBySums makes the unmarked rows right under an unmarked row its
// parts when their figures add up to its figure, as rounded (货物运输总量
// 49342.25 = 公路 24418.67 + 水运 18974.89 + 铁路 684.69 + 民航 5.77 + 管道
// 5258.23), in the same unit; a row with no figure among them is a part
// too. Rows are taken from the bottom up, so that a part with parts of
// its own counts once (养老机构 over 社会福利院 …, all under 合计).
func nestBySums(rows []tableRow) {
	for i := len(rows) - 2; i >= 0; i-- {
		head := rows[i]
		if head.figure == nil || head.marker != markNone || head.label == "" || head.figure.Sign() <= 0 || significant(*head.figure) < 3 {
			continue // 10 = 5 + 5 proves nothing
		}
		var sum decimal
		var parts []int
		decimals := head.decimals
		for j := i + 1; j < len(rows) && len(parts) < maxParts; j++ {
			row := rows[j]
			if row.parent > i {
				continue // a part of a part
			}
			if row.marker != markNone || row.parent >= 0 || row.ownUnit() != head.ownUnit() || row.label == "" {
				break
			}
			parts = append(parts, j)
			if row.figure == nil {
				continue
			}
			sum = sum.Add(*row.figure)
			decimals = max(decimals, row.decimals)
			// Each figure is rounded to its decimals: the sum may miss
			// by half a unit of the last place per figure.
			tol := decimalInt(int64(len(parts) + 1)).Mul(decimalInt(5)).Shift(-decimals - 1)
			diff := sum.Add(head.figure.Neg())
			if diff.Sign() < 0 {
				diff = diff.Neg()
			}
			if diff.Cmp(tol) <= 0 {
				if len(parts) >= 2 {
					for _, k := range parts {
						rows[k].parent = i
					}
				}
				break
			}
			if sum.Cmp(head.figure.Add(tol)) > 0 {
				break
			}
		}
	}
}

// junkLabel reports whether a label is no label but text a grid glued
// together: long, with three or more numbers in it ("-5℃≤T<0℃（电流，A
// SOC Current, A0.08C 10%0.05C 30%…）").
func junkLabel(s string) bool {
	if utf8.RuneCountInString(s) <= 40 {
		return false
	}
	numbers := 0
	rs := []rune(s)
	for i, r := range rs {
		if isWesternDigit(r) && (i == 0 || !isWesternDigit(rs[i-1]) && rs[i-1] != '.') {
			numbers++
		}
	}
	return numbers >= 3
}

// significant returns how many digits d is written with, leading zeros
// aside (56.7 → 3, 10 → 2, 0.9 → 1).
func significant(d decimal) int {
	s := strings.ReplaceAll(strings.TrimPrefix(d.String(), "-"), ".", "")
	return len(strings.TrimLeft(s, "0"))
}

// joinedCode returns the classification code of row r written over the
// code columns cols (类 | 款 | 项: "201" "03" "01" → 2010301), a level
// left empty taken from the row above (last holds the codes read so far).
func joinedCode(t *extract.Table, r int, cols []int, last map[int]string) string {
	var b strings.Builder
	deepest := -1
	for k, c := range cols {
		if s := strings.TrimSpace(t.At(r, c)); s != "" && isDigits(s) {
			deepest = k
		}
	}
	for _, c := range cols[:deepest+1] {
		s := strings.TrimSpace(t.At(r, c))
		if s == "" || !isDigits(s) {
			s = last[c]
		}
		last[c] = s
		b.WriteString(s)
	}
	return b.String()
}

// isDigits reports whether s is made of ASCII digits only.
func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// nestByCode makes each row with a code the part of the row above it
// whose code is the longest that starts its own ("行政运行" 2010301 under
// "政府办公厅（室）及相关机构事务" 20103). It reports whether the rows
// have codes at all.
func nestByCode(rows []tableRow) bool {
	coded := 0
	for i := range rows {
		if rows[i].code == "" {
			continue
		}
		coded++
		best := -1
		for j := i - 1; j >= 0; j-- {
			c := rows[j].code
			if c != "" && len(c) < len(rows[i].code) && strings.HasPrefix(rows[i].code, c) && (best < 0 || len(c) > len(rows[best].code)) {
				best = j
			}
		}
		rows[i].parent = best
	}
	return coded*2 > len(rows)
}

// nestByMarks finds the parent of each row from its marker:
//   - "#" makes a row a part of the last row above it that is no "#" or
//     "其中" part;
//   - "其中：" does too, and the unmarked rows after it that do not name
//     a measure are parts of the same row ("其中：一般贸易", "加工贸易");
//   - a numbered row is a part of the nearest row above it numbered one
//     level up (1. under 一、), else of the unmarked row before the first
//     numbered row, unless that row is a total; an unmarked row between a
//     "#" part and the next numbered row is a part too (韩国 between #日本
//     and #东南亚国家联盟);
//   - an unmarked row that nestBySums made a part keeps its parent.
func nestByMarks(rows []tableRow) {
	top := -1          // the last row that is a part of none
	host := -1         // the last row that may have "#" parts
	ofParent := -1     // parent of the current 其中 run
	numParent := -1    // parent of the current numbered run's first level
	var numbered []int // the numbered rows that may have numbered parts, outermost first
	inNum := false
	for i := range rows {
		row := &rows[i]
		if row.label == "" {
			continue
		}
		measure := namesMeasure(row.label)
		switch row.marker {
		case markHash:
			row.parent = host
		case markOf:
			row.parent, ofParent = host, host
		case markNumber:
			if !inNum {
				numParent, numbered = -1, numbered[:0]
				if top >= 0 && !rows[top].total && rows[top].marker == markNone {
					numParent = top
				}
				inNum = true
			}
			for len(numbered) > 0 && rows[numbered[len(numbered)-1]].level >= row.level {
				numbered = numbered[:len(numbered)-1]
			}
			row.parent = numParent
			if len(numbered) > 0 {
				row.parent = numbered[len(numbered)-1]
			}
			numbered = append(numbered, i)
			top, host, ofParent = i, i, -1
		default:
			prev := &rows[max(i-1, 0)]
			switch {
			case ofParent >= 0 && !measure:
				row.parent = ofParent
			case inNum && i > 0 && prev.marker == markHash && !measure:
				row.parent = prev.parent
			case row.parent >= 0:
				host = i // a part found by its sum
			default:
				top, host, ofParent, inNum = i, i, -1, false
			}
		}
	}
}

// rowName returns the name of the figure of rows[i] in a column whose
// word (see headWord) is word; quantity tells whether the word names a
// quantity (出口额, 床位（万张）) rather than a part of the whole (城市).
//
// A part whose label does not name a measure takes its parent's label
// before it ("商品房销售面积：住宅", "亚洲：日本出口额"). The column's word
// follows the label when it names the quantity of a label that names
// none ("日本出口额", "养老机构床位"), and stands in brackets after it
// otherwise ("社区服务中心（城市）", "一般公共服务支出（基本支出）"); a
// total takes the word first ("出口额合计").
func rowName(rows []tableRow, i int, word string, quantity bool) string {
	row := rows[i]
	label := row.label
	if p := row.parent; p >= 0 && rows[p].label != "" && !rows[p].total && !strings.Contains(label, rows[p].label) && !namesMeasure(label) {
		label = rows[p].label + "：" + label
	}
	switch {
	case word == "" || strings.Contains(label, word):
		return label
	case label == "":
		return word
	case row.total:
		return word + label
	case quantity && !namesMeasure(row.label):
		return label + word
	}
	return label + "（" + word + "）"
}
