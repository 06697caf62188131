package transform

import (
	"strconv"
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
	ordinal  int       // the number of its numbering (4 for 四、), 0 if none
	parent   int       // index in the rows of the row it is a part of, -1 if none
	total    bool      // 合计, 总计 …
	year     int       // the label is a year: the row's period
	code     string    // the row's classification code, "" if none
	unit     string    // the unit the label states ("营业收入（元）"), "" if none
	unitCell string    // the row's unit cell (计量单位), "" if none
	section  string    // the unit of the section row above it ("每股指标(元)"), "" if none
	context  string    // the label of the cell left of the label in a label area ("不予公开"), "" if none
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
	// yearAfterRE finds the word after a year or date ("2020年1月1日余额":
	// 2020 is no classification code).
	yearAfterRE = lazyRegexp(`^(?:年|年度|月|日)`)
	// leadCodeRE finds a classification code before a label ("2010101 行政运行").
	leadCodeRE = lazyRegexp(`^[\[［【]?([0-9]{3,9})[\]］】]?\s*`)
)

// A cleanedLabel is a row label read by cleanLabel.
type cleanedLabel struct {
	label   string    // without markers
	marker  rowMarker //
	level   int       // depth of its numbering (see tableRow), 0 if none
	ordinal int       // the number of its numbering, 0 if none
	code    string    // classification code before it, "" if none
	unit    string    // unit in brackets after it, "" if none
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
		case signRE().MatchString(s) && len(signRE().FindString(s)) < len(s):
			s, changed = s[len(signRE().FindString(s)):], true // 加：营业外收入
		}
		if n, level := numberingLen([]rune(s)); n > 0 {
			if out.marker == markNone {
				out.marker, out.level, out.ordinal = markNumber, level, numberingOrdinal([]rune(s)[:n])
			}
			s = string([]rune(s)[n:])
			changed = true
		}
		if c := leadCodeRE().FindStringSubmatch(s); c != nil && len(c[0]) < len(s) && isHan(firstRune(s[len(c[0]):])) && !yearAfterRE().MatchString(s[len(c[0]):]) {
			s, out.code, changed = s[len(c[0]):], c[1], true
		}
	}
	if m := remarkRE().FindStringIndex(s); m != nil && m[0] > 0 {
		s = s[:m[0]] // 营业利润（亏损以“－”号填列）, 部分公开（区分处理的，只计这一情形）
	}
	if m := trailingBracketRE().FindStringSubmatch(s); m != nil && len(m[0]) < len(s) && isUnit(m[1]) {
		s, out.unit = strings.TrimSuffix(s, m[0]), m[1]
	} else if t := strings.TrimRight(s, "%％"); t != s && utf8.RuneCountInString(t) >= 2 && isHan(lastRune(t)) {
		s, out.unit = t, "%" // 毛利率%
	}
	out.label = strings.Trim(s, " 　：:，,、")
	return out
}

var (
	// signRE finds the sign word of a financial statement's row ("加：",
	// "减：").
	signRE = lazyRegexp(`^[加减]\s*[：:]`)
	// remarkRE finds a remark in brackets that ends a label and says how
	// the row is filled or counted, not what it measures: it holds a
	// comma or 填列, or runs long.
	remarkRE = lazyRegexp(`[（(](?:[^（()）]*[，,；;][^（()）]*|[^（()）]*填列[^（()）]*|[^（()）]{12,})[）)]\s*$`)
)

// trailingBracketRE finds a remark in brackets that ends a label.
var trailingBracketRE = lazyRegexp(`[（(]([^（()）]{1,10})[）)]\s*$`)

// lastRune returns the last rune of s, 0 if none.
func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	if r == utf8.RuneError {
		return 0
	}
	return r
}

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

// numberingOrdinal returns the number that numbering rs writes ("四、"
// 4, "（12）" 12, "③" 3, "十一、" 11), 0 if it cannot be read.
func numberingOrdinal(rs []rune) int {
	switch r := rs[0]; {
	case r >= '①' && r <= '⑳':
		return int(r-'①') + 1
	case r >= '⑴' && r <= '⒇':
		return int(r-'⑴') + 1
	}
	n, tens := 0, 0
	for _, r := range rs {
		switch {
		case isWesternDigit(r):
			if r >= '０' {
				r = r - '０' + '0'
			}
			n = n*10 + int(r-'0')
		case r == '十':
			tens = max(n, 1)
			n = 0
		case isHeadingNumeral(r):
			n = strings.IndexRune("零一二三四五六七八九", r) / len("一")
		}
	}
	return tens*10 + n
}

// isTotalLabel reports whether a row label names a total: 合计, 总计,
// 小计 …, or a label that ends with one ("流动资产合计", "负债和所有者权益
// （或股东权益）总计").
func isTotalLabel(s string) bool {
	if totalWords[s] {
		return true
	}
	for _, w := range []string{"合计", "总计", "小计", "共计"} {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
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
			row.label, row.marker, row.level, row.ordinal, row.code, row.unit = cl.label, cl.marker, cl.level, cl.ordinal, cl.code, cl.unit
		}
		if uc >= 0 {
			if u := strings.TrimSpace(t.At(r, uc)); !isNoFigure(u) {
				row.unitCell = u
			}
		}
		row.junk = junkLabel(row.label)
		row.total = isTotalLabel(row.label)
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
		nestBySumsAbove(rows)
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
			if sumsTo(sum, *head.figure, len(parts), decimals) {
				if len(parts) >= 2 {
					for _, k := range parts {
						rows[k].parent = i
					}
				}
				break
			}
			if sum.Cmp(*head.figure) > 0 {
				break // past the total, and parts are positive here
			}
		}
	}
}

// sumsTo reports whether sum, the sum of n figures written with up to
// decimals decimals, is total as rounded: each figure is rounded to its
// decimals, so the sum may miss by half a unit of the last place per
// figure (and the total's own rounding).
func sumsTo(sum, total decimal, n, decimals int) bool {
	tol := decimalInt(int64(n + 1)).Mul(decimalInt(5)).Shift(-decimals - 1)
	diff := sum.Add(total.Neg())
	if diff.Sign() < 0 {
		diff = diff.Neg()
	}
	return diff.Cmp(tol) <= 0
}

// nestBySumsAbove makes the unmarked rows right above a row its parts
// when their figures add up to its figure, as rounded: a statement lists
// the parts of a flow before the line that closes them (资产 -83, 投资
// 229, 其他 6, then 投资活动现金流 151; 货币资金 … 其他流动资产, then
// 流动资产合计). A figure may be negative here, as flows are.
func nestBySumsAbove(rows []tableRow) {
	for i := 2; i < len(rows); i++ {
		head := rows[i]
		if head.figure == nil || head.label == "" || head.figure.Sign() == 0 || significant(*head.figure) < 3 {
			continue
		}
		var sum decimal
		var parts []int
		decimals := head.decimals
		for j := i - 1; j >= 0 && len(parts) < maxParts; j-- {
			row := rows[j]
			if row.marker != markNone || row.parent >= 0 || row.figure == nil || row.label == "" || row.ownUnit() != head.ownUnit() {
				break
			}
			parts = append(parts, j)
			sum = sum.Add(*row.figure)
			decimals = max(decimals, row.decimals)
			if sumsTo(sum, *head.figure, len(parts), decimals) && len(parts) >= 2 {
				for _, k := range parts {
					rows[k].parent = i
				}
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

// rowNumbers reports whether the codes of rows count the rows: 1, 2, 3 …
// in order, each one more than the code before it.
func rowNumbers(rows []tableRow) bool {
	want, n := 1, 0
	for _, r := range rows {
		if r.code == "" {
			continue
		}
		if r.code != strconv.Itoa(want) {
			return false
		}
		want, n = want+1, n+1
	}
	return n >= 2
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
// have codes at all. Row numbers (1, 2 … 10, 11 under 序号) are no codes:
// row 10 is not a part of row 1.
func nestByCode(rows []tableRow) bool {
	if rowNumbers(rows) {
		return false
	}
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
//     a measure are parts of the same row ("其中：一般贸易", "加工贸易"),
//     as long as the parts' figures do not add up to more than the
//     row's (存货 after "其中：应收利息 应收股利" under 其他应收款 is no
//     part of it);
//   - a numbered row whose number follows that of an earlier row of the
//     same level is that row's sibling, with its parent, whatever rows
//     stand between ("四、汇率变动…" after "三、筹资活动…" and its
//     items); another numbered row is a part of the nearest row above it
//     numbered one level up (1. under 一、), else of the unmarked row
//     before the first numbered row, unless that row is a total; an
//     unmarked row between a "#" part and the next numbered row is a part
//     too (韩国 between #日本 and #东南亚国家联盟);
//   - a total (合计, 流动资产合计) is a part of no row: it closes the
//     rows above it;
//   - an unmarked row that nestBySums made a part keeps its parent.
func nestByMarks(rows []tableRow) {
	top := -1               // the last row that is a part of none
	host := -1              // the last row that may have "#" parts
	ofParent := -1          // parent of the current 其中 run
	var ofSum decimal       // the figures of the current 其中 run's parts so far
	numParent := -1         // parent of the current numbered run's first level
	var numbered []int      // the numbered rows that may have numbered parts, outermost first
	lastAt := map[int]int{} // the last numbered row of each level
	inNum := false
	for i := range rows {
		row := &rows[i]
		if row.label == "" {
			continue
		}
		measure := namesMeasure(row.label)
		switch {
		case row.total && row.marker != markHash && row.marker != markOf:
			row.parent = -1
			top, host, ofParent, inNum = i, i, -1, false
		case row.marker == markHash:
			row.parent = host
		case row.marker == markOf:
			row.parent, ofParent = host, host
			ofSum = decimal{}
			if row.figure != nil {
				ofSum = *row.figure
			}
		case row.marker == markNumber:
			sib, ok := lastAt[row.level]
			switch {
			case ok && row.ordinal > 1 && rows[sib].ordinal < row.ordinal:
				row.parent = rows[sib].parent
			case !inNum:
				numParent, numbered = -1, numbered[:0]
				if top >= 0 && !rows[top].total && rows[top].marker == markNone {
					numParent = top
				}
				fallthrough
			default:
				for len(numbered) > 0 && rows[numbered[len(numbered)-1]].level >= row.level {
					numbered = numbered[:len(numbered)-1]
				}
				row.parent = numParent
				if len(numbered) > 0 {
					row.parent = numbered[len(numbered)-1]
				}
			}
			for len(numbered) > 0 && rows[numbered[len(numbered)-1]].level >= row.level {
				numbered = numbered[:len(numbered)-1]
			}
			numbered = append(numbered, i)
			for l := range lastAt {
				if l > row.level {
					delete(lastAt, l)
				}
			}
			lastAt[row.level] = i
			top, host, ofParent, inNum = i, i, -1, true
		default:
			prev := &rows[max(i-1, 0)]
			switch {
			case ofParent >= 0 && (!measure || addsUp(rows[ofParent], *row)) && withinOf(rows[ofParent], *row, &ofSum):
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

// addsUp reports whether the figures of parent and row can be compared:
// a row that names a measure of its own stays in a 其中 run only where
// the sums tell (营业收入, 利息收入, 手续费及佣金收入 under 营业总收入).
func addsUp(parent, row tableRow) bool {
	return parent.figure != nil && row.figure != nil && parent.figure.Sign() > 0 && row.figure.Sign() >= 0
}

// withinOf reports whether row can be a part of the 其中 run under
// parent whose parts so far add up to *sum, and adds its figure to *sum:
// the parts of a positive figure add up to no more than it.
func withinOf(parent, row tableRow, sum *decimal) bool {
	if parent.figure == nil || row.figure == nil || parent.figure.Sign() <= 0 || row.figure.Sign() < 0 {
		return true
	}
	s := sum.Add(*row.figure)
	if s.Cmp(*parent.figure) > 0 {
		return false
	}
	*sum = s
	return true
}

// rowName returns the name of the figure of rows[i] in a column whose
// word (see qualifyColumns) is word.
//
// A part whose label does not name a measure takes its parent's label
// before it ("商品房销售面积：住宅", "司法：行政运行"). The column's word,
// when it adds anything, follows in full-width brackets, whatever the
// row and the column are: "一般公共服务支出（基本支出）", "日本（出口额）",
// "合计（项目支出）", "住房改革支出：购房补贴（事业单位经营收入）". One
// convention for every table, so that a reader (and a filter) finds the
// row's name first and the column's after it.
func rowName(rows []tableRow, i int, word string) string {
	label := rowLabel(rows, i)
	switch {
	case word == "" || strings.Contains(label, word):
		return label
	case label == "":
		return word
	}
	return label + "（" + word + "）"
}

// areaLabels reads the labels of rows from the label area cols (the
// label column, then its sub-label columns, left to right): a row's
// label is its rightmost cell that holds a label of its own (not one
// merged over from the left), and the cell left of it, merged over the
// rows it groups, is its context ("不予公开" for "属于国家秘密").
// Parents come from the area, not from markers: rows stay unnested.
func areaLabels(t *extract.Table, rows []tableRow, cols []int) {
	for i := range rows {
		row := &rows[i]
		var cells []string // the distinct cells of the area, left to right
		lastR, lastC := -1, -1
		for _, c := range cols {
			or, oc := t.Origin(row.row, c)
			s := strings.TrimSpace(t.Rows[or][oc].Text)
			if s == "" || or == lastR && oc == lastC {
				continue
			}
			cells = append(cells, s)
			lastR, lastC = or, oc
		}
		if len(cells) == 0 {
			continue
		}
		cl := cleanLabel(cells[len(cells)-1])
		row.written = cells[len(cells)-1]
		row.label, row.marker, row.level, row.ordinal, row.unit = cl.label, markNone, 0, 0, cl.unit
		row.total = isTotalLabel(row.label)
		row.parent, row.context = -1, ""
		if len(cells) > 1 {
			row.context = cleanLabel(cells[len(cells)-2]).label
		}
	}
}

// rowLabel returns the label of rows[i] with its parent's label before
// it where the label alone names no measure ("商品房销售面积：住宅"), or
// its context in a label area ("不予公开：属于国家秘密").
func rowLabel(rows []tableRow, i int) string {
	label := rows[i].label
	if c := rows[i].context; c != "" && !strings.Contains(label, c) {
		return c + "：" + label
	}
	if p := rows[i].parent; p >= 0 && rows[p].label != "" && !rows[p].total && !strings.Contains(label, rows[p].label) && !namesMeasure(label) {
		label = rows[p].label + "：" + label
	}
	return label
}
