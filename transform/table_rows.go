package transform

import (
	"regexp"
	"strings"

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
	row     int       // index in Table.Rows
	written string    // the label cell as written
	label   string    // the label without markers, numbering, codes or footnote marks
	marker  rowMarker //
	parent  int       // index in the rows of the row it is a part of, -1 if none
	total   bool      // 合计, 总计 …
	year    int       // the label is a year: the row's period
	code    string    // the row's classification code, "" if none
}

// totalWords are labels of a total row.
var totalWords = map[string]bool{"合计": true, "总计": true, "小计": true, "全部": true, "总数": true, "总体": true, "共计": true}

var (
	// footnoteRE finds a footnote mark in a label ("欧洲联盟[8]").
	footnoteRE = regexp.MustCompile(`[\[［〔][0-9０-９]{1,2}[\]］〕]|[（(]注[0-9０-９]{0,2}[）)]`)
	// ofRE finds the mark that opens a run of parts ("其中：", "在总计中：").
	ofRE = regexp.MustCompile(`^(?:其中|在[^：:，,]{1,10}中|内)\s*[：:]?`)
	// leadCodeRE finds a classification code before a label ("2010101 行政运行").
	leadCodeRE = regexp.MustCompile(`^[\[［【]?([0-9]{3,9})[\]］】]?\s*`)
)

// cleanLabel returns a row label without its markers: footnote marks,
// "#", "其中：", numbering (一、 （一） 1. （1） ①), a leading
// classification code, and the colons and spaces around them; with the
// marker it found and the code.
func cleanLabel(s string) (label string, m rowMarker, code string) {
	s = footnoteRE.ReplaceAllString(strings.TrimSpace(s), "")
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
			m, changed = markHash, true
		case ofRE.MatchString(s) && len(ofRE.FindString(s)) < len(s):
			s = s[len(ofRE.FindString(s)):]
			m, changed = markOf, true
		}
		if n := numberingLen([]rune(s)); n > 0 {
			s = string([]rune(s)[n:])
			if m == markNone {
				m = markNumber
			}
			changed = true
		}
		if c := leadCodeRE.FindStringSubmatch(s); c != nil && len(c[0]) < len(s) && isHan(firstRune(s[len(c[0]):])) {
			s, code, changed = s[len(c[0]):], c[1], true
		}
	}
	return strings.Trim(s, " 　：:，,、"), m, code
}

// firstRune returns the first rune of s, 0 if none.
func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

// numberingLen returns how many runes of numbering open rs: "一、",
// "（一）", "(一)", "1.", "1、", "（1）", "①"; 0 if none. A number that
// goes on ("1.5万") is no numbering.
func numberingLen(rs []rune) int {
	if len(rs) == 0 {
		return 0
	}
	if rs[0] >= '①' && rs[0] <= '⑳' || rs[0] >= '⑴' && rs[0] <= '⒇' {
		return 1
	}
	if rs[0] == '（' || rs[0] == '(' {
		n := 1
		for n < len(rs) && (isHeadingNumeral(rs[n]) || isWesternDigit(rs[n])) {
			n++
		}
		if n > 1 && n < len(rs) && (rs[n] == '）' || rs[n] == ')') && n+1 < len(rs) {
			return n + 1
		}
		return 0
	}
	n := 0
	for n < len(rs) && isHeadingNumeral(rs[n]) {
		n++
	}
	if n > 0 && n < len(rs) && rs[n] == '、' {
		return n + 1
	}
	n = 0
	for n < len(rs) && isWesternDigit(rs[n]) {
		n++
	}
	if n > 0 && n <= 2 && n+1 < len(rs) && strings.ContainsRune("、.．", rs[n]) && !isWesternDigit(rs[n+1]) {
		return n + 1
	}
	return 0
}

// tableMeasureEnds are the last runes of labels that name a measure by
// themselves ("货物运输总量", "居民人均消费支出", "商品零售价格"): nameEnds
// and a few more that tables use.
const tableMeasureEnds = nameEnds + "格润款税"

// namesMeasure reports whether a label names a measure by itself, so that
// it needs no parent to be understood.
func namesMeasure(s string) bool {
	rs := []rune(s)
	return len(rs) >= 2 && strings.ContainsRune(tableMeasureEnds, rs[len(rs)-1])
}

// tableRows reads the body rows of t from label column lc (codes from the
// code columns codeCols) and finds each row's parent.
func tableRows(t *extract.Table, lc int, codeCols []int, yearCol bool) []tableRow {
	rows := make([]tableRow, 0, len(t.Rows)-t.Header)
	last := map[int]string{} // the last code read in each code column
	for r := t.Header; r < len(t.Rows); r++ {
		row := tableRow{row: r, parent: -1}
		if lc >= 0 {
			row.written = strings.TrimSpace(t.At(r, lc))
			row.label, row.marker, row.code = cleanLabel(row.written)
		}
		row.total = totalWords[row.label]
		if y := headYear(row.label); y != 0 && (yearCol || strings.Trim(yearPhraseRE.ReplaceAllString(row.label, ""), " ") == "") {
			row.year = y
			row.label = ""
		}
		if row.code == "" && len(codeCols) > 0 {
			row.code = joinedCode(t, r, codeCols, last)
		}
		rows = append(rows, row)
	}
	if !nestByCode(rows) {
		nestByMarks(rows)
	}
	return rows
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
//   - numbered rows are parts of the unmarked row before the first of
//     them, unless that row is a total; an unmarked row between a "#"
//     part and the next numbered row is a part too (韩国 between #日本 and
//     #东南亚国家联盟);
//   - unmarked rows that do not name a measure, right under a row that
//     does, are its parts (货物运输总量, 公路, 水运 …) until a row that
//     names a measure.
func nestByMarks(rows []tableRow) {
	top := -1       // the last row that is a part of none
	host := -1      // the last row that may have "#" parts
	ofParent := -1  // parent of the current 其中 run
	numParent := -1 // parent of the current numbered run
	inNum := false
	head := -1 // the measure whose unmarked parts follow
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
				numParent = -1
				if top >= 0 && !rows[top].total && rows[top].marker == markNone {
					numParent = top
				}
				inNum = true
			}
			row.parent, top, host, ofParent, head = numParent, i, i, -1, -1
		default:
			prev := &rows[max(i-1, 0)]
			switch {
			case ofParent >= 0 && !measure:
				row.parent = ofParent
			case inNum && i > 0 && prev.marker == markHash && !measure:
				row.parent = prev.parent
			case head >= 0 && !measure:
				row.parent, host = head, i
			default:
				top, host, ofParent, inNum, head = i, i, -1, false, -1
				if measure && !row.total {
					head = i
				}
			}
		}
	}
}

// rowName returns the name of the figure of rows[i] in a column whose
// word (see headWord) is word; quantity tells whether the word names a
// quantity (出口额, 床位（万张）) rather than a part of the whole (城市).
//
// A part whose label does not name a measure takes its parent's label
// before it ("商品房销售面积：住宅"), unless the column names the
// quantity. The column's word follows the label ("日本出口额",
// "养老机构床位"), or stands in brackets after it when it names a part
// ("社区服务中心（城市）"); a total takes the word first ("出口额合计").
func rowName(rows []tableRow, i int, word string, quantity bool) string {
	row := rows[i]
	label := row.label
	if p := row.parent; p >= 0 && rows[p].label != "" && !strings.Contains(label, rows[p].label) && !namesMeasure(label) && !(quantity && word != "") {
		label = rows[p].label + "：" + label
	}
	switch {
	case word == "" || strings.Contains(label, word):
		return label
	case label == "":
		return word
	case row.total:
		return word + label
	case quantity:
		return label + word
	}
	return label + "（" + word + "）"
}
