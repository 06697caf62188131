package transform

import (
	"slices"
	"strconv"
	"strings"

	"github.com/zhibiao/zhibiao/extract"
)

// Table columns: what each column of a table holds, told by its header
// and its body cells. Labels name what a row measures, a unit column
// holds the row's unit, codes and row numbers are never figures, and a
// column of figures holds levels, or changes, shares, indices or
// completion rates of a level beside it.

// A colRole is what the body cells of a column are.
type colRole int

const (
	colNone  colRole = iota // nothing but empty cells and dashes
	colValue                // figures
	colLabel                // names of what the rows measure (or the rows' years)
	colUnit                 // the rows' units (计量单位)
	colCode                 // classification codes, row numbers: never figures
	colText                 // text that qualifies the row's label (项目名称 | 建设地点)
)

// A figKind says what the figures of a value column are.
type figKind int

const (
	figLevel      figKind = iota // a level: 7316292 吨
	figGrowth                    // a % change of a level: yoy
	figPoints                    // a change in percentage points: pp
	figDelta                     // an absolute change of a level, in a unit of its own
	figShare                     // a share in %, a record of its own
	figIndex                     // an index (上年=100), as written, no unit
	figCompletion                // % of a budget or plan reached
)

// A tableCol describes one column of a table.
type tableCol struct {
	role    colRole
	head    string   // the header rows' texts, "/"-joined; "" when none
	word    string   // what the column measures, from its header ("出口额", "床位", "城市"); "" when generic
	words   []string // the word of each part of its header that says something (see headWords)
	own     string   // its header without the parts that stand over its whole group
	kind    figKind  // for a value column
	unit    string   // unit its header names ("亿元", "%"), "" if none
	year    int      // year its header names, 0 if none
	prev    bool     // its header names the previous period (上年, 上年同期, 年初)
	basis   string   // basis of a change its header names (比上年 …)
	sign    float64  // -1 when its header names a fall (比上年下降（%）), else 1
	status  Status   // status its header names (预计, 目标, 计划), "" if none
	owner   int      // for a change, share-free column: the level column it qualifies, -1 if none
	group   int      // the label column of its group, -1 if none
	yearCol bool     // a label column whose cells are years (年份)
	// subLabel marks a column of the label area of its group's label
	// column: both under one merged header cell, the cells of each row
	// from left to right name a row ever more closely (三、本年度办理结果
	// | （三）不予公开 | 1.属于国家秘密).
	subLabel bool
}

// codeHeads name columns of codes and row numbers.
var codeHeads = []string{"编码", "代码", "编号", "序号", "行次", "栏次", "行号", "科目代码", "附注", "注释"}

// codeLevels are the headers of the columns of a budget classification
// code (功能分类科目编码 类 款 项).
var codeLevels = map[string]bool{"类": true, "款": true, "项": true, "目": true}

// dateCellRE matches a cell that holds a date ("2016年05月18日",
// "2020-06-10", "2021.3").
var dateCellRE = lazyRegexp(`^(?:19|20)[0-9]{2}\s*(?:年\s*[0-9]{1,2}\s*月(?:\s*[0-9]{1,2}\s*日)?|[-./][0-9]{1,2}(?:[-./][0-9]{1,2})?)$`)

// yearHeads name a column whose cells are years: the rows' periods.
var yearHeads = map[string]bool{"年份": true, "年度": true, "时间": true, "日期": true, "月份": true, "年": true}

// isYearHead reports whether header h names a column of years ("年份",
// "年度").
func isYearHead(h string) bool {
	if i := strings.LastIndex(h, "/"); i >= 0 {
		h = h[i+1:]
	}
	return yearHeads[strings.TrimSpace(anyBracketRE().ReplaceAllString(h, ""))]
}

// headerText returns the text of the header of column c of t: the
// header rows' texts from top to bottom, a text repeated by a merged cell
// once, joined by "/".
func headerText(t *extract.Table, c int) string {
	var parts []string
	for r := 0; r < t.Header && r < len(t.Rows); r++ {
		s := strings.TrimSpace(t.At(r, c))
		if s == "" || len(parts) > 0 && parts[len(parts)-1] == s {
			continue
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "/")
}

// tableColumns describes the columns of t.
func tableColumns(t *extract.Table) []tableCol {
	cols := make([]tableCol, t.Cols())
	for c := range cols {
		col := &cols[c]
		col.head = headerText(t, c)
		col.owner, col.group, col.sign = -1, -1, 1
		col.role = columnRole(t, c, col.head)
		if col.role == colLabel && isYearHead(col.head) {
			col.yearCol = true
		}
	}
	// Adjacent columns of figures under one and the same header are one
	// column that the grid split (a figure cut into "7." and "1"): which
	// part is which cannot be told, so none is read.
	// A header whose brackets do not pair ("地区生产总值（亿增长（%）" over
	// "元）") was cut across columns: its figures are not read either.
	split := make([]bool, len(cols))
	for c := range cols {
		if cols[c].role == colValue && (!pairedBrackets(cols[c].head) || junkLabel(cols[c].head)) {
			split[c] = true // a header glued out of other cells' text
		}
		if c > 0 && cols[c].role == colValue && cols[c-1].role == colValue && cols[c].head != "" && cols[c].head == cols[c-1].head {
			split[c], split[c-1] = true, true
		}
	}
	for c := range cols {
		if split[c] {
			cols[c].role = colNone
		}
	}
	groupColumns(cols)
	labelArea(t, cols)
	for c := range cols {
		if cols[c].role == colValue {
			describeValues(&cols[c], groupTitles(cols, c))
		}
	}
	qualifyColumns(cols)
	pairColumns(cols)
	return cols
}

// columnRole tells what the body cells of column c of t are, given its
// header h.
func columnRole(t *extract.Table, c int, h string) colRole {
	last := h
	if i := strings.LastIndex(h, "/"); i >= 0 {
		last = h[i+1:]
	}
	if containsAny(h, codeHeads) || codeLevels[last] {
		return colCode
	}
	var nums, texts, codes, units, dates int
	var ints []string
	for r := t.Header; r < len(t.Rows); r++ {
		cell := t.Rows[r][c]
		if cell.Covered() {
			continue
		}
		s := strings.TrimSpace(cell.Text)
		switch q, norm, ok := cellFigure(s); {
		case isNoFigure(s):
		case codeCellRE().MatchString(s):
			codes++
		case ok:
			nums++
			if q.Kind == kindBare && q.Unit == "" && !strings.ContainsAny(norm, ".,-") {
				ints = append(ints, norm)
			}
		case strings.Trim(s, "0123456789.,-%  ") == "":
			// "34 4 23 5 2": figures run together, no label, no figure
		default:
			texts++
			if isUnit(s) {
				units++
			}
			if dateCellRE().MatchString(s) {
				dates++
			}
		}
	}
	unitHead := strings.Contains(h, "单位") && !unitNoteIn().MatchString(h)
	switch {
	case dates > 0 && dates*2 >= texts && dates >= nums:
		return colText // 任期起始日期: dates qualify the row, they name nothing
	case codes > 0 && codes >= nums:
		return colCode
	case (unitHead || h == "" && units > 0 && units == texts) && texts >= nums && texts > 0:
		return colUnit
	case isYearHead(h) && nums+texts > 0:
		return colLabel
	case nums > 0 && nums >= texts:
		if len(ints) == nums && looksLikeCodes(ints) {
			return colCode
		}
		return colValue
	case texts > 0:
		return colLabel
	}
	return colNone
}

// pairedBrackets reports whether the brackets of each part of header h
// pair up.
func pairedBrackets(h string) bool {
	for _, p := range strings.Split(h, "/") {
		depth := 0
		for _, r := range p {
			switch r {
			case '（', '(':
				depth++
			case '）', ')':
				depth--
			}
			if depth < 0 {
				return false
			}
		}
		if depth != 0 {
			return false
		}
	}
	return true
}

// looksLikeCodes reports whether the integers of a column are row
// numbers (1, 2, 3 … in order) or classification codes (201, 20101,
// 2010101: one the start of another).
func looksLikeCodes(ints []string) bool {
	if len(ints) < 3 {
		return false
	}
	consecutive := true
	for i, s := range ints {
		consecutive = consecutive && s == strconv.Itoa(i+1)
	}
	if consecutive {
		return true
	}
	nested := 0
	for i, s := range ints {
		if len(s) < 3 {
			return false
		}
		for _, o := range ints[i+1:] {
			if len(o) > len(s) && strings.HasPrefix(o, s) {
				nested++
				break
			}
		}
	}
	return nested*3 >= len(ints)
}

// containsAny reports whether s contains one of words.
func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// Header words of the kinds of value columns.
var (
	shareHeads      = []string{"比重", "占比", "构成", "所占", "份额", "占全"}
	sharePhraseRE   = lazyRegexp(`占[^/（(]{1,12}?(?:的)?(?:比例|比重)`)
	completionHeads = lazyRegexp(`(?:完成|为|占)(?:年度|全年|年初|调整)?(?:预算|计划|目标)|执行率|完成率`)
	growthHeads     = []string{"增长", "增减", "增幅", "增速", "涨跌", "涨幅", "降幅", "上涨", "下降", "升降", "变动", "变化", "增加", "减少", "±", "同比", "环比"}
	fallHeads       = []string{"下降", "减少", "降低"}
	riseHeads       = []string{"增", "涨", "升", "加"}
	indexHeads      = lazyRegexp(`[=＝]\s*100|指数`)
	// levelWords hold growth words but name a level: 增加值, 新增就业.
	levelWords = []string{"增加值", "新增"}
)

// groupTitles returns the parts of the header of value column c that
// stand over its whole group rather than say what c measures: the parts
// the header of the group's label column shares (本年收入 over 项目 |
// 预算数), and the upper parts that every value column of the group
// shares, when it has two or more (收入预算 over 合计 | 财政拨款收入).
func groupTitles(cols []tableCol, c int) map[string]bool {
	titles := map[string]bool{}
	g := cols[c].group
	if g >= 0 {
		for _, p := range strings.Split(cols[g].head, "/") {
			titles[p] = true
		}
	}
	parts := strings.Split(cols[c].head, "/")
	values := 0
	for _, o := range cols {
		if o.role == colValue && o.group == g {
			values++
		}
	}
	if values < 2 {
		return titles
	}
	for _, p := range parts[:len(parts)-1] {
		all := true
		for _, o := range cols {
			if o.role == colValue && o.group == g && !slices.Contains(strings.Split(o.head, "/"), p) {
				all = false
				break
			}
		}
		if all {
			titles[p] = true
		}
	}
	return titles
}

// describeValues reads the header of a value column: the kind of its
// figures, its unit, year, period, basis and status, and its word.
// titles are the parts of its header that stand over its whole group (see
// groupTitles), not what the column measures.
func describeValues(col *tableCol, titles map[string]bool) {
	h := col.head
	col.unit = headUnit(h)
	bare := h
	for _, w := range levelWords {
		bare = strings.ReplaceAll(bare, w, "")
	}
	growth := containsAny(bare, growthHeads) || containsAny(bare, basisWords)
	switch {
	case strings.Contains(h, "百分点"):
		col.kind = figPoints
	case containsAny(h, shareHeads) || sharePhraseRE().MatchString(h):
		col.kind = figShare
	case completionHeads().MatchString(h):
		col.kind = figCompletion
	case growth && (col.unit == "" || col.unit == "%" || col.unit == "％"):
		col.kind = figGrowth
	case growth:
		col.kind = figDelta
	case indexHeads().MatchString(h):
		col.kind = figIndex
	}
	if col.kind != figLevel {
		for _, w := range basisWords {
			if strings.Contains(h, w) {
				col.basis = w
				break
			}
		}
		if containsAny(h, fallHeads) && !containsAny(bare, riseHeads) {
			col.sign = -1
		}
	} else {
		col.year = headYear(h)
		// "年初至报告期期末" is a span to the current period's end, not the
		// start of the year.
		col.prev = containsAny(spanToNowRE().ReplaceAllString(h, ""), []string{"上年", "去年", "上期", "同期", "年初", "期初", "上月"})
	}
	col.status = statusIn(h)
	switch {
	case col.status != "":
	case forecastYearRE().MatchString(h):
		col.status = Estimate // 2022E: an analyst's forecast
	case actualHeads().MatchString(h):
		col.status = Actual
	}
	var own []string
	for _, p := range strings.Split(h, "/") {
		if !titles[p] {
			own = append(own, p)
		}
	}
	col.own = strings.Join(own, "/")
	col.words = headWords(col.own, col.kind)
	if len(col.words) > 0 {
		col.word = col.words[len(col.words)-1]
	}
	if m := sharePhraseRE().FindString(h); col.kind == figShare && m != "" {
		col.word, col.words = m, []string{m} // 占总资产的比例: a share of what
	}
}

var (
	// actualHeads name a column of results (2021年完成, 实际数, 2021A) in
	// a table whose caption names targets.
	actualHeads = lazyRegexp(`完成|实际|实绩|决算|(?:19|20)[0-9]{2}\s*A\b`)
	// forecastYearRE finds a year marked as a forecast ("2022E", "2023F",
	// "2024P"), as research notes head their columns.
	forecastYearRE = lazyRegexp(`(?:19|20)[0-9]{2}\s*[EFP]\b`)
	// spanToNowRE finds the start of a span that runs to the current
	// period ("年初至报告期期末", "期初至今").
	spanToNowRE = lazyRegexp(`(?:年初|期初)至`)
)

// headUnit returns the unit the header h of a value column names: the
// unit of its lowest part that names one, going up only through parts
// that say what is measured, not which class of a variable the column is
// ("大型车比例μ（%）" over "μ≤10" is the variable's unit, not the
// figures').
func headUnit(h string) string {
	parts := strings.Split(h, "/")
	for i := len(parts) - 1; i >= 0; i-- {
		if u := unitOf(parts[i]); u != "" {
			return u
		}
		if strings.ContainsAny(parts[i], "≤≥<>＜＞~～") {
			return ""
		}
	}
	return ""
}

// headYear returns the year a header names ("2021年", "2021年末",
// "2021"), 0 if none.
func headYear(h string) int {
	if y := firstYearIn([]rune(h)); y != 0 {
		return y
	}
	return bareYear(h)
}

// statusNameRE finds names that hold a status word without stating a
// status: 预期寿命 (life expectancy), 预期信用损失 (an accountant's
// expected credit loss, a figure booked, not forecast).
var statusNameRE = lazyRegexp(`预期(?:寿命|信用损失)`)

// statusIn returns the status that words of s (a header or caption)
// give the figures under it: the status words of prose, and 计划 (a
// plan's figures are targets); "" when none.
func statusIn(s string) Status {
	s = statusNameRE().ReplaceAllString(s, "")
	for _, w := range statusWords {
		if strings.Contains(s, w.word) {
			return w.status
		}
	}
	if strings.Contains(s, "计划") {
		return Target
	}
	return ""
}

var (
	// yearPhraseRE finds a year in a header ("2021年末", "2021 年", "2021").
	yearPhraseRE = lazyRegexp(`(?:19|20)[0-9]{2}\s*年?\s*(?:末|底|初|度|全年|[0-9]{1,2}\s*(?:[-－—~～至]\s*[0-9]{1,2}\s*)?月\s*(?:[0-9]{1,2}\s*日)?)?`)
	// anyBracketRE finds a remark in brackets.
	anyBracketRE = lazyRegexp(`[（(][^（()）]*[）)]`)
)

// genericHeads are header words that say how a figure is given, not what
// it measures: a column headed by one of them measures what its row
// names.
var genericHeads = []string{
	"年初至报告期期末金额", "本报告期末", "本报告期", "报告期末", "报告期内", "报告期", "上年度末", "上年度", "本年度", "上年末", "本年末",
	"调整预算数", "本期金额", "上期金额", "本期数", "上期数", "本年数", "上年数", "预算数", "决算数", "执行数", "实际数", "计划数", "年末数", "年初数", "期末数", "期初数",
	"期末余额", "期初余额", "年末余额", "年初余额", "本年累计", "上年同期数", "上年同期", "同期数", "本年", "上年", "去年", "本期", "上期", "当期", "同期", "年末", "年初", "期末", "期初",
	"绝对值", "绝对量", "绝对数", "数值", "数量", "产量", "发生额", "发生数", "金额", "总额", "预算", "决算", "执行", "实际", "预计", "计划", "目标", "累计",
	"合计", "总计", "小计", "全年", "全部", "总数", "余额", "完成", "实绩", "数", "值",
}

// periodHeads are the generic words that open a header to say which
// period its figures are of ("本年收入").
var periodHeads = map[string]bool{"本年": true, "上年": true, "去年": true, "本期": true, "上期": true, "当期": true, "年末": true, "年初": true, "期末": true, "期初": true, "全年": true,
	"本报告期末": true, "本报告期": true, "报告期末": true, "报告期内": true, "报告期": true, "上年度末": true, "上年度": true, "本年度": true, "上年末": true, "本年末": true}

// headWords returns what a column measures, from its header h, one word
// per header part that says something: the part without its units,
// years, remarks in brackets, generic words and, for a change, the words
// of change ("出口额（亿元）" → 出口额, "床位（万张）" → 床位, "比上年增长
// （%）" → none, "基本支出/人员经费" → 基本支出, 人员经费).
func headWords(h string, k figKind) []string {
	var parts []string
	for _, p := range strings.Split(h, "/") {
		p = stripRemarks(p)
		p = unitNoteIn().ReplaceAllString(p, "")
		p = yearPhraseRE().ReplaceAllString(p, "")
		p = strings.TrimRight(strings.TrimSpace(p), "%％")
		if k != figLevel {
			for _, w := range basisWords {
				p = strings.ReplaceAll(p, w, "")
			}
			for _, w := range append(append([]string{"增长率", "增长速度"}, growthHeads...), append(shareHeads, "百分点", "率", "幅度", "为", "的", "完成", "执行", "指数")...) {
				p = strings.ReplaceAll(p, w, "")
			}
		}
		for changed := true; changed; {
			changed = false
			for _, g := range genericHeads {
				if p == g {
					p, changed = "", true
				} else if strings.HasPrefix(p, g) && len(p) > len(g) && (k != figLevel || periodHeads[g]) {
					p, changed = p[len(g):], true // 本年收入 → 收入
				}
			}
		}
		p = strings.Trim(p, " 　:：、，,()（）")
		if k == figLevel && isTotalLabel(p) {
			p = "" // 收入合计, 支出合计: the row's own total, like 合计
		}
		if p != "" && strings.IndexFunc(p, isHan) >= 0 {
			parts = append(parts, p)
		}
	}
	return parts
}

// qualifyColumns settles the word of each value column: the word of the
// lowest part of its header that says something (人员经费 under 基本支出,
// 商业企业 under 法人或其他组织), unless another column of its group
// that its period, status and kind do not tell apart has the same lowest
// word ("城镇/人数" beside "农村/人数"): then all its words, joined by
// "：" ("城镇：人数").
func qualifyColumns(cols []tableCol) {
	type key struct {
		group, year int
		kind        figKind
		prev        bool
		status      Status
		word        string
	}
	full := map[key]map[string]bool{}
	keyOf := func(c tableCol) key { return key{c.group, c.year, c.kind, c.prev, c.status, c.word} }
	for _, c := range cols {
		if c.role != colValue {
			continue
		}
		k := keyOf(c)
		if full[k] == nil {
			full[k] = map[string]bool{}
		}
		full[k][strings.Join(c.words, "：")] = true
	}
	for i, c := range cols {
		if c.role == colValue && len(full[keyOf(c)]) > 1 {
			cols[i].word = strings.Join(c.words, "：")
		}
	}
	// 产量 beside 销量: a generic word that names a measure is the
	// column's word when another column of the group, of the same period,
	// names a measure of its own (茅台酒（产量）, 茅台酒（销量）).
	for i, c := range cols {
		if c.role != colValue || c.kind != figLevel || c.word != "" {
			continue
		}
		parts := strings.Split(c.own, "/")
		w := strings.TrimSpace(yearPhraseRE().ReplaceAllString(stripRemarks(parts[len(parts)-1]), ""))
		for g := range periodHeads {
			w = strings.TrimPrefix(w, g)
		}
		if !measureHeads[w] {
			continue
		}
		for _, o := range cols {
			if o.role == colValue && o.kind == figLevel && o.group == c.group && o.word != "" && o.year == c.year && o.prev == c.prev && o.status == c.status {
				cols[i].word = w
				break
			}
		}
	}
}

// measureHeads are the generic header words that name a measure (not a
// total or a period): a column's word where a sibling column names
// another measure.
var measureHeads = map[string]bool{"产量": true, "数量": true, "金额": true, "总额": true, "余额": true}

// stripRemarks returns header part p without its remarks in brackets:
// units ("出口额（亿元）"), notes and comments, but not a bracket inside a
// word ("因公出国（境）费"), which is part of the name.
func stripRemarks(p string) string {
	var b strings.Builder
	last := 0
	for _, m := range anyBracketRE().FindAllStringIndex(p, -1) {
		inner := p[m[0]:m[1]]
		if isHan(firstRune(p[m[1]:])) && unitOf(inner) == "" {
			continue // a part of the word
		}
		b.WriteString(p[last:m[0]])
		last = m[1]
	}
	b.WriteString(p[last:])
	return b.String()
}

// groupColumns gives each column the label column of its group: a label
// column, the code columns left of it and the columns right of it up to
// the next label column or its codes (two tables side by side, 收入 |
// 预算数 | 支出 | 预算数, are two groups). A
// text column right after a label column qualifies it (项目名称 |
// 建设地点) and starts no group.
//
// A label column under the same upper header as the first one, with a
// lower header of its own (前10名股东持股情况/股东名称 … 前10名股东持股
// 情况/质押或冻结情况/股份状态), is a text column of the first group: one
// table's rows, not a second table beside it. Two tables side by side
// have label columns under one header (项目 | 项目) or under different
// upper headers (本年收入/项目 | 本年支出/项目).
func groupColumns(cols []tableCol) {
	g := -1
	for c := range cols {
		if cols[c].role == colLabel {
			switch {
			case c > 0 && g >= 0 && (cols[c-1].role == colLabel || cols[c-1].role == colText):
				cols[c].role = colText
			case g >= 0 && sameTable(cols[g].head, cols[c].head):
				cols[c].role = colText
			default:
				g = c
			}
		}
		cols[c].group = g
	}
	// Codes stand left of the names they code (科目编码 | 科目名称): a
	// run of code columns before a label column is that label's, also
	// when a table beside it ends left of them.
	for c := len(cols) - 2; c >= 0; c-- {
		if cols[c].role == colCode && (cols[c+1].role == colLabel || cols[c+1].role == colCode) {
			cols[c].group = cols[c+1].group
		}
	}
}

// sameTable reports whether label column headers a and b belong to one
// table: they share their upper part and differ below it.
func sameTable(a, b string) bool {
	pa, pb := strings.Split(a, "/"), strings.Split(b, "/")
	return a != b && len(pa) > 1 && len(pb) > 1 && pa[0] == pb[0]
}

// labelArea marks the text columns right of a label column that stand
// under the same merged header cell as it: they are one label area whose
// cells, from left to right, name the row ever more closely, not texts
// that qualify the row (项目名称 | 建设地点, each under a header of its
// own).
func labelArea(t *extract.Table, cols []tableCol) {
	for c := 1; c < len(cols); c++ {
		prev := cols[c-1]
		if (prev.role == colLabel || prev.subLabel) && (cols[c].role == colText || cols[c].role == colLabel) && sameHeaderCell(t, c-1, c) {
			cols[c].role, cols[c].subLabel, cols[c].group = colText, true, prev.group
		}
	}
}

// sameHeaderCell reports whether columns a and b of t stand under one
// merged header cell: every header row covers both with the same cell.
func sameHeaderCell(t *extract.Table, a, b int) bool {
	if t.Header == 0 {
		return false
	}
	for r := 0; r < t.Header; r++ {
		ar, ac := t.Origin(r, a)
		br, bc := t.Origin(r, b)
		if ar != br || ac != bc {
			return false
		}
	}
	return strings.TrimSpace(t.At(0, a)) != ""
}

// pairColumns gives each change column the level column it qualifies.
func pairColumns(cols []tableCol) {
	for c := range cols {
		col := &cols[c]
		if col.role != colValue {
			continue
		}
		switch col.kind {
		case figGrowth, figPoints, figDelta, figCompletion:
			col.owner = ownerOf(cols, c)
		}
	}
}

// ownerOf returns the level column that the change column c qualifies:
// among the level columns of its group left of it and right of the
// previous change column of the same kind, the one of the current period
// (not 上年, 上年同期; the latest year; else the rightmost); -1 when
// there is none.
func ownerOf(cols []tableCol, c int) int {
	best := -1
	for o := c - 1; o >= 0 && cols[o].group == cols[c].group; o-- {
		oc := cols[o]
		if oc.role != colValue {
			continue
		}
		if oc.kind == cols[c].kind {
			break
		}
		if oc.kind != figLevel {
			continue
		}
		if best < 0 {
			best = o
			continue
		}
		b := cols[best]
		switch {
		case b.prev && !oc.prev:
			best = o
		case b.prev == oc.prev && oc.year > b.year && b.year != 0:
			best = o
		}
	}
	return best
}
