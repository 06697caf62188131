package transform

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/zhibiao/zhibiao/extract"
)

// Tables into records. Each figure of a table's body becomes one record,
// named by its row and column, with its unit, period, change and status
// read from the row's unit cell, the column headers, the caption and the
// unit notes (DESIGN.md, "Tables"). Prose never reads a table's
// paragraphs; a figure stated in both is two records.

// BUG(zhibiao): Table rows nest by their markers, numbering, codes,
// label areas and sums only: extract keeps no indentation, so a part
// marked by indentation alone, under a row its figures do not add up to
// (an index, a rate, a single part, a negative figure such as 财务费用), is
// read as a row of its own, and a label that names no measure then lacks
// its parent ("食品烟酒指数" rather than "居民消费价格：食品烟酒指数");
// rows that cannot be told apart without it are dropped (see tellApart).

// BUG(zhibiao): A table's figure whose unit no cell, label, header,
// section row, caption, note or line right above the table states is
// given with no unit and Review "表格单元无单位" (none at all in a table
// with no caption that its author did not draw as one); a unit stated
// once for a whole chapter of an annual report's notes, pages above, is
// not found.

// BUG(zhibiao): Figures written inside a text cell ("说明": "计入营业外收入
// 3,340,324.88元") are read by neither the table reader (the cell is text)
// nor the prose reader (it never reads a table's rows).

// BUG(zhibiao): A text table has no merged cells: a header written once
// over several columns ("出口额", then empty cells, above 绝对数 | 增长%)
// names the first of them only, and the others measure what their own
// header says.

// A tableInfo is what a whole table says about its figures.
type tableInfo struct {
	name     string // the records' Table: the caption, or a stand-in
	unit     string // unit of the caption or a note, "" if none
	unitFrom string // "caption" or "note"
	year     int    // year of the caption, 0 if none
	rates    bool   // the caption names rises of a level (涨跌幅度) and the figures are %
	index    bool   // the caption names an index (上年=100)
	status   Status // status the caption names, "" if none
	// named tells whether the table says what it is: a caption, or
	// header rows of a table that its author drew (ruled, three-line,
	// Word, web page) rather than columns found by alignment alone. A
	// figure without a unit is read only in a named table.
	named bool
}

// drawnSources are the extract.Table sources of tables drawn as tables
// by their authors.
var drawnSources = map[string]bool{"ruled": true, "rules": true, "docx": true, "html": true}

// rateCaptionRE finds a caption of a table of rises ("价格涨跌幅度",
// "增长速度", "变动情况").
var rateCaptionRE = lazyRegexp(`涨跌|涨幅|增长速度|增速|增长率|增幅|变动|变化`)

// tableCaption returns the records' Table of t, the ti-th table (0-based)
// of its document: its caption, or for a table without one, the header's
// texts ("表格（项目｜本期｜上年同期）"), never "".
func tableCaption(t *extract.Table, ti int) string {
	if c := strings.TrimSpace(t.Caption); c != "" {
		return c
	}
	var heads []string
	for c := 0; c < t.Cols() && len(heads) < 6; c++ {
		if h := headerText(t, c); h != "" && (len(heads) == 0 || heads[len(heads)-1] != h) {
			heads = append(heads, h)
		}
	}
	if len(heads) > 0 {
		return "表格（" + strings.Join(heads, "｜") + "）"
	}
	return "第" + strconv.Itoa(ti+1) + "个表格"
}

// readTableInfo reads what the caption and notes of t say.
func readTableInfo(t *extract.Table, ti int) tableInfo {
	info := tableInfo{name: tableCaption(t, ti), year: firstYearIn([]rune(t.Caption)), status: statusIn(t.Caption)}
	if u := unitOf(t.Caption); u != "" {
		info.unit, info.unitFrom = u, "caption"
	}
	for _, n := range t.Notes {
		if u := unitOf(n); u != "" && info.unit == "" {
			info.unit, info.unitFrom = u, "note"
		}
		if info.year == 0 {
			info.year = firstYearIn([]rune(n))
		}
	}
	info.named = t.Caption != "" || t.Header > 0 && drawnSources[t.Source]
	// "工业经济类型结构变化情况": the shares of a structure over the years,
	// not its changes.
	info.rates = rateCaptionRE().MatchString(t.Caption) && !containsAny(t.Caption, []string{"结构", "构成", "比重"})
	info.index = indexHeads().MatchString(t.Caption) && strings.Contains(t.Caption, "100")
	return info
}

// tableSpans returns the spans of doc.Text that stand for tables (their
// captions and rows) and for the captions of charts ("图1 …"), which
// prose does not read: a table is read by the table reader, and a caption
// is a title.
func tableSpans(doc *extract.Document) []textSpan {
	var out []textSpan
	for _, p := range doc.Paragraphs {
		if p.Table != 0 || chartCaption(p.Text) {
			out = append(out, textSpan{p.Offset, p.Offset + utf8.RuneCountInString(p.Text)})
		}
	}
	return out
}

// chartCaptionRE matches the caption of a chart: 图, its number, a short
// title and no sentence.
var chartCaptionRE = lazyRegexp(`^图\s*[0-9０-９]{1,2}(?:[-－.．][0-9０-９]+)?(?:[\s　：:、．.]|\p{Han}|$)`)

// chartCaption reports whether a paragraph is the caption of a chart.
func chartCaption(s string) bool {
	return utf8.RuneCountInString(s) <= 60 && chartCaptionRE().MatchString(s) && !strings.ContainsAny(s, "。；")
}

// inSpans reports whether offset falls in one of spans (sorted, apart).
func inSpans(spans []textSpan, offset int) bool {
	i := sort.Search(len(spans), func(i int) bool { return spans[i].end > offset })
	return i < len(spans) && offset >= spans[i].start
}

// tables returns the records of each table of r.doc.
func (r *run) tables() [][]Indicator {
	out := make([][]Indicator, len(r.doc.Tables))
	for ti := range r.doc.Tables {
		out[ti] = r.table(ti)
	}
	return out
}

// A tableRead holds what one table's records share while they are built.
type tableRead struct {
	r    *run
	t    *extract.Table
	info tableInfo
	cols []tableCol
	sec  headingPath
	out  []Indicator
	// quals holds, for each record of out, what the text columns of its
	// row say ("车道数 八"): what tells apart two records that would
	// otherwise share a name.
	quals   []string
	qual    string   // the qualifier of the row being read
	head    string   // the lowest header part of the column being read
	heads   []string // for each record of out, the lowest part of its column's header
	parent  string   // the label of the parent of the row being read, "" if none
	parents []string // for each record of out, the label of its row's parent
	at      cellAt   // the cell being read
	// levels holds the index in out of the level record of each cell that
	// gave one, for the growth rows under it.
	levels map[cellAt]int
}

// qualifierRE finds the column's qualifier that ends a record's name
// (see rowName).
var qualifierRE = lazyRegexp(`（([^（）]+)）$`)

// A cellAt is a body cell of a table as a group reads it: the group's
// label column, the row's index in the group's rows, the column.
type cellAt struct{ group, row, col int }

// growthRowRE matches the label of a row of growths of the row above
// ("(+/-)YOY(%)", "同比增长率", "增长率（%）"), as research notes print
// them under each level.
var growthRowRE = lazyRegexp(`(?i)^[（(]?[+＋\-－/]*[)）]?\s*(?:yoy|同比(?:增长|增减)?率?|增长率|增速)\s*(?:[（(][%％][)）]|[%％])?$`)

// growthRow reads the cell of column c in the growth row rows[i] of gr:
// the yoy of the level record of the cell above it. A growth with no
// level above gives nothing: the row names no measure of its own.
func (tr *tableRead) growthRow(gr *colGroup, i, c int) {
	k, ok := tr.levels[cellAt{gr.label, i - 1, c}]
	if !ok || tr.out[k].YoY != nil {
		return
	}
	if v, sign, ok := cellChange(tr.t.Rows[gr.rows[i].row][c].Text); ok {
		y := sign * v.Value.Float64()
		tr.out[k].YoY, tr.out[k].Basis = &y, "同比"
	}
}

// A colGroup is a label column and the columns it names: codes, unit,
// figures. Two tables side by side are two groups.
type colGroup struct {
	label    int   // the label column, -1 for the figures left of any label
	codeCols []int // its classification code columns (类 | 款 | 项)
	subCols  []int // the columns of its label area after the label column (see tableCol.subLabel)
	unitCol  int   // its unit column, -1 if none
	rows     []tableRow
}

// table returns the records of table ti of r.doc, row by row.
func (r *run) table(ti int) []Indicator {
	var out []Indicator
	for _, part := range tableParts(r.withNotesAbove(ti, r.withFoundHeader(ti, &r.doc.Tables[ti]))) {
		out = append(out, r.tablePart(part, ti)...)
	}
	return out
}

// tablePart returns the records of t, table ti of r.doc or a part of it
// under a header of its own (see tableParts).
func (r *run) tablePart(t *extract.Table, ti int) []Indicator {
	if len(t.Rows) <= t.Header || t.Cols() == 0 {
		return nil
	}
	tr := &tableRead{r: r, t: t, info: readTableInfo(t, r.tablesBefore+ti), cols: tableColumns(t), sec: sectionAt(r.secs, t.Offset)}
	for _, col := range tr.cols {
		if col.role == colValue && col.kind == figGrowth {
			tr.info.rates = false // a table with growth columns has levels
		}
	}
	if g := firstLabel(tr.cols); g >= 0 && tr.info.unit == "" {
		// "利润表(百万元) | 2021 | 2022E": the label column's header
		// names the table and its unit.
		if u := unitOf(tr.cols[g].head); u != "" {
			tr.info.unit, tr.info.unitFrom = u, "header"
		}
	}
	var groups []*colGroup
	if tr.cols[0].role == colValue {
		groups = append(groups, tr.newGroup(-1)) // figures left of any label: named by their columns
	}
	for g := range tr.cols {
		if tr.cols[g].role == colLabel {
			groups = append(groups, tr.newGroup(g))
		}
	}
	for i := 0; i < len(t.Rows)-t.Header; i++ {
		for _, gr := range groups {
			if gr.rows[i].junk {
				continue
			}
			tr.qual = tr.qualifier(gr, gr.rows[i])
			tr.parent = ""
			if p := gr.rows[i].parent; p >= 0 {
				tr.parent = gr.rows[p].label
			}
			for c, col := range tr.cols {
				if col.group == gr.label && col.role == colValue {
					parts := strings.Split(col.head, "/")
					tr.head = parts[len(parts)-1]
					tr.at = cellAt{gr.label, i, c}
					if i > 0 && growthRowRE().MatchString(gr.rows[i].written) {
						tr.growthRow(gr, i, c)
						continue
					}
					tr.cell(gr, i, c)
				}
			}
		}
	}
	tr.tellApart()
	return tr.out
}

// qualifier returns what the text columns of group gr say in row: their
// headers and cells ("车道数 八").
func (tr *tableRead) qualifier(gr *colGroup, row tableRow) string {
	var parts []string
	for c, col := range tr.cols {
		if col.group != gr.label || col.role != colText || col.subLabel {
			continue
		}
		if s := strings.TrimSpace(tr.t.At(row.row, c)); s != "" {
			parts = append(parts, strings.TrimSpace(col.head+" "+s))
		}
	}
	return strings.Join(parts, "，")
}

// tellApart adds to the names of records that share their name, period
// and unit what tells them apart, where it does: the label of their
// rows' parents before them ("营业总收入：利息收入", "财务费用：利息收入"),
// what their rows' text columns say after them ("高速公路用地指标基准值
// （车道数 八）", "…（车道数 六）"), and then what their columns' headers
// say ("…（μ≤10）"). Records that still share
// their name, period and status but not their figure are dropped, all of
// them: nothing in the table tells which is which (a row of figures
// whose header row extract could not attach, two rows labelled 其他), and
// a record a reader cannot tell from another is a wrong one.
func (tr *tableRead) tellApart() {
	for k, by := range [][]string{tr.parents, tr.quals, tr.heads} {
		type key struct{ name, period, unit string }
		seen := map[key]map[string]bool{}
		for i, rec := range tr.out {
			k := key{rec.Name, rec.Period, rec.StdUnit}
			if seen[k] == nil {
				seen[k] = map[string]bool{}
			}
			seen[k][by[i]] = true
		}
		for i := range tr.out {
			rec := &tr.out[i]
			q := by[i]
			switch {
			case q == "" || len(seen[key{rec.Name, rec.Period, rec.StdUnit}]) < 2:
			case k == 0 && !strings.HasPrefix(rec.Name, q):
				rec.Name = q + "：" + rec.Name // 财务费用：利息收入
			case k > 0:
				rec.Name += "（" + q + "）"
			}
		}
	}
	type key struct {
		name, period string
		status       Status
	}
	figures := map[key]map[string]bool{}
	for _, rec := range tr.out {
		k := key{rec.Name, rec.Period, rec.Status}
		if figures[k] == nil {
			figures[k] = map[string]bool{}
		}
		figures[k][figureKey(rec)] = true
	}
	tr.out = slices.DeleteFunc(tr.out, func(rec Indicator) bool {
		return len(figures[key{rec.Name, rec.Period, rec.Status}]) > 1
	})
}

// hanContext returns what names the row being read in Chinese, for a
// label without a Chinese character: its parent's label, else the header
// of its label column without a bracketed unit ("利润表(百万元)"), else "".
func (tr *tableRead) hanContext() string {
	if hasHan(tr.parent) {
		return tr.parent
	}
	if g := tr.at.group; g >= 0 && g < len(tr.cols) {
		h := tr.cols[g].head
		if i := strings.IndexAny(h, "(（"); i > 0 {
			h = h[:i]
		}
		if h = strings.TrimSpace(h); hasHan(h) {
			return h
		}
	}
	return ""
}

// figureKey returns what a table record states, to tell two records of
// one name apart: its standard value and unit, or its change when it has
// no value.
func figureKey(rec Indicator) string {
	f := func(v *float64) string {
		if v == nil {
			return "-"
		}
		return strconv.FormatFloat(*v, 'g', -1, 64)
	}
	return f(rec.StdValue) + " " + rec.StdUnit + " " + f(rec.YoY) + " " + f(rec.PP)
}

// newGroup returns the group of label column g and reads its rows.
func (tr *tableRead) newGroup(g int) *colGroup {
	gr := &colGroup{label: g, unitCol: -1}
	for c, col := range tr.cols {
		switch {
		case col.role == colCode && (col.group == g || col.group == -1 && g == firstLabel(tr.cols)):
			gr.codeCols = append(gr.codeCols, c)
		case col.role == colUnit && col.group == g && gr.unitCol < 0:
			gr.unitCol = c
		case col.subLabel && col.group == g && g >= 0:
			gr.subCols = append(gr.subCols, c)
		}
	}
	key := -1
	for c, col := range tr.cols {
		if col.group == g && col.role == colValue && col.kind == figLevel {
			key = c
			break
		}
	}
	if key >= 0 && !tr.additive(tr.cols[key]) {
		key = -1 // rises, rates, prices and ages do not add up
	}
	gr.rows = tableRows(tr.t, g, gr.codeCols, gr.unitCol, key, g >= 0 && tr.cols[g].yearCol)
	if len(gr.subCols) > 0 {
		areaLabels(tr.t, gr.rows, append([]int{g}, gr.subCols...))
	}
	tr.sectionUnits(gr)
	return gr
}

// sectionUnits gives each row of gr the unit of the section it stands
// in: a row with a label and no figure in the group's value columns opens
// a section, and its rows take the unit the label states ("每股指标(元)",
// "价值评估(倍)"), or none when it states none ("偿债能力指标").
func (tr *tableRead) sectionUnits(gr *colGroup) {
	unit := ""
	for i := range gr.rows {
		row := &gr.rows[i]
		if row.label == "" {
			continue
		}
		if tr.noFigures(gr, row.row) {
			unit = row.unit
			continue
		}
		row.section = unit
	}
}

// noFigures reports whether row r of the table holds no figure in the
// value columns of group gr.
func (tr *tableRead) noFigures(gr *colGroup, r int) bool {
	for c, col := range tr.cols {
		if col.group == gr.label && col.role == colValue {
			if _, _, ok := cellFigure(tr.t.At(r, c)); ok {
				return false
			}
		}
	}
	return true
}

// firstLabel returns the first label column of cols, -1 if none.
func firstLabel(cols []tableCol) int {
	for c, col := range cols {
		if col.role == colLabel {
			return c
		}
	}
	return -1
}

// cell adds the record of the figure in column c of rows[i], if it has one.
func (tr *tableRead) cell(gr *colGroup, i, c int) {
	rows := gr.rows
	row := rows[i]
	col := tr.cols[c]
	cell := tr.t.Rows[row.row][c]
	if cell.Covered() {
		return
	}
	q, norm, ok := cellFigure(cell.Text)
	switch col.kind {
	case figLevel, figIndex:
		index := col.kind == figIndex || tr.info.index
		if !ok {
			// "铁路 | 万吨公里 | — | 3.2": a rise without its level.
			tr.rateOnly(gr, i, c)
			return
		}
		if tr.info.rates && !index {
			tr.add(tr.rate(gr, i, c, c, q))
			return
		}
		rec, keep := tr.level(gr, i, c, q, norm, index)
		if keep {
			tr.add(rec)
		}
	case figShare:
		if !ok {
			return
		}
		rec := tr.base(gr, i, c)
		// A share names the part it is of: 货币资金占总资产的比例,
		// 城镇人口比重.
		rec.Name = rowLabel(rows, i)
		if !strings.Contains(rec.Name, col.word) {
			rec.Name += col.word
		}
		if !strings.HasPrefix(col.word, "占") {
			rec.Name = shareName(rec.Name, col.head)
		}
		if q.Kind == kindBare {
			q = withUnit(q, norm, "%", false)
		}
		setValue(&rec, q)
		tr.add(rec)
	case figGrowth, figPoints:
		if col.owner >= 0 {
			return // read with its level
		}
		if v, sign, ok := cellChange(cell.Text); ok {
			v.Value = v.Value.Mul(decimalInt(int64(sign)))
			tr.add(tr.rate(gr, i, c, c, v))
		}
	}
}

// level returns the record of the level q in column c of rows[i], with
// the changes of the columns that qualify it; keep is false when the
// figure cannot be understood (no unit anywhere and nothing to tell it).
func (tr *tableRead) level(gr *colGroup, i, c int, q quantity, norm string, index bool) (Indicator, bool) {
	rows := gr.rows
	row, col := rows[i], tr.cols[c]
	rec := tr.base(gr, i, c)
	rec.Name = rowName(rows, i, col.word)
	if index {
		if !strings.Contains(rec.Name, "指数") {
			rec.Name += "指数"
		}
		setValue(&rec, q) // the index as written, no unit
		return rec, true
	}
	u := tr.unit(row, col)
	if q.Kind == kindBare && u.text == "" {
		u = impliedTableUnit(col.word, rowLabel(rows, i))
	}
	if q.Kind != kindBare {
		u = tableUnit{text: q.Unit, from: "cell"}
	} else {
		q = withUnit(q, norm, u.text, u.from == "cell" || u.from == "note")
	}
	switch {
	case q.Kind == kindBare && !tr.info.named:
		return rec, false // no unit, no caption, no drawn header: nothing tells what it is
	case q.Kind == kindBare:
		rec.Review = "表格单元无单位"
	case u.from == "name":
		rec.Review = "表格单元无单位，按名称记为" + u.text
	}
	setValue(&rec, q)
	for o, oc := range tr.cols {
		if oc.owner != c || oc.role != colValue {
			continue
		}
		v, sign, ok := cellChange(tr.t.Rows[row.row][o].Text)
		if !ok {
			continue
		}
		switch kind := changeKindOf(oc.kind, v); kind {
		case figGrowth:
			d := v.Value
			if v.Kind == kindMultiple {
				d = d.Shift(2) // 比1985年增长 | 1.5倍: 150 %
			}
			y := sign * oc.sign * d.Float64()
			rec.YoY, rec.Basis = &y, oc.basis
		case figPoints:
			p := sign * oc.sign * v.Value.Float64()
			rec.PP = &p
			if rec.Basis == "" {
				rec.Basis = oc.basis
			}
		case figCompletion:
			cp := v.Value.Float64()
			rec.Completion = &cp
		case figDelta:
			_, norm, _ := cellFigure(tr.t.Rows[row.row][o].Text)
			d := withUnit(v, norm, oc.unit, false)
			if d.Kind != kindBare && d.StdUnit == q.StdUnit {
				dv := sign * oc.sign * d.Value.Mul(d.Scale).Float64()
				rec.Delta = &dv
				if rec.Basis == "" {
					rec.Basis = oc.basis
				}
			}
		}
	}
	return rec, true
}

// rateOnly adds, for the level column c of rows[i] whose cell holds no
// figure, the rate-only record of a change column that qualifies it.
func (tr *tableRead) rateOnly(gr *colGroup, i, c int) {
	rows := gr.rows
	for o, oc := range tr.cols {
		if oc.owner != c || oc.role != colValue || oc.kind != figGrowth && oc.kind != figPoints {
			continue
		}
		if v, sign, ok := cellChange(tr.t.Rows[rows[i].row][o].Text); ok {
			v.Value = v.Value.Mul(decimalInt(int64(sign)))
			tr.add(tr.rate(gr, i, c, o, v))
		}
	}
}

// rate returns the rate-only record of the change v read in column o of
// rows[i], for the level column c (c == o for a table of rises, whose
// figures are the changes).
func (tr *tableRead) rate(gr *colGroup, i, c, o int, v quantity) Indicator {
	rows := gr.rows
	col, oc := tr.cols[c], tr.cols[o]
	rec := tr.base(gr, i, o)
	rec.Period = tr.period(rows[i], col)
	rec.Name = rowName(rows, i, col.word)
	x := oc.sign * v.Value.Float64()
	if changeKindOf(oc.kind, v) == figPoints {
		rec.PP = &x
	} else {
		rec.YoY = &x
	}
	rec.Basis = oc.basis
	return rec
}

// base returns a record of the cell in column c of rows[i] with what all
// records of the cell share: document, page, section, period, status,
// bound, table, sentence and offset; no value yet.
func (tr *tableRead) base(gr *colGroup, i, c int) Indicator {
	row := gr.rows[i]
	cell := tr.t.Rows[row.row][c]
	off := cell.Offset
	if off < 0 {
		off = tr.t.Offset
	}
	page := cell.Page
	if page <= 0 {
		page = tr.r.doc.PageAt(off)
	}
	status := tr.cols[c].status
	switch {
	case status != "":
	case tr.info.status != "":
		status = tr.info.status
	case tr.sec.plan:
		status = Target
	default:
		status = Actual
	}
	return Indicator{
		Doc:      tr.r.doc.Name,
		Page:     page,
		Section:  tr.sec.path,
		Period:   tr.period(row, tr.cols[c]),
		Status:   status,
		Bound:    Exact,
		Table:    tr.info.name,
		Sentence: tr.sentence(gr, row),
		Offset:   off,
	}
}

// period returns the period of a figure of row in column col: the row's
// year, the column header's year (the year before the table's for a
// column of the previous period: 上年同期), the caption's year, the plan
// year of the section, the report year.
func (tr *tableRead) period(row tableRow, col tableCol) string {
	base := tr.info.year
	switch {
	case base != 0:
	case tr.sec.plan && tr.sec.year != 0:
		base = tr.sec.year
	case tr.sec.plan && tr.r.ry != 0:
		base = tr.r.ry + 1
	default:
		base = tr.r.ry
	}
	switch {
	case row.year != 0:
		return strconv.Itoa(row.year)
	case col.year != 0:
		return strconv.Itoa(col.year)
	case base == 0:
		return ""
	case col.prev:
		return strconv.Itoa(base - 1)
	}
	return strconv.Itoa(base)
}

// unit returns the unit of a figure of row in column col: the row's unit
// cell, the unit its label states ("营业收入（元）"), the column header,
// the section row above it ("每股指标(元)"), the caption or a unit note.
func (tr *tableRead) unit(row tableRow, col tableCol) tableUnit {
	switch {
	case row.unitCell != "":
		return tableUnit{text: row.unitCell, from: "cell"}
	case row.unit != "":
		return tableUnit{text: row.unit, from: "label"}
	case col.unit != "":
		return tableUnit{text: col.unit, from: "column"}
	case row.section != "":
		return tableUnit{text: row.section, from: "section"}
	}
	return tableUnit{text: tr.info.unit, from: tr.info.unitFrom}
}

// additive reports whether the figures of level column col may add up to
// a total: amounts and counts, not rates, shares, averages, prices, ages,
// years or indices.
func (tr *tableRead) additive(col tableCol) bool {
	if tr.info.rates || tr.info.index || col.unit == "%" || tr.info.unit == "%" && col.unit == "" || strings.Contains(col.unit, "/") {
		return false
	}
	return !containsAny(col.head+tr.t.Caption, []string{"率", "均", "价", "指数", "系数", "年限", "年龄", "比例", "比重", "密度", "浓度"})
}

// impliedTableUnit returns the unit that the word of a figure's column,
// else its row's label, tells when no cell, header, caption or note does:
// counts of people, households, firms and things ("从业人数" → 人, "现行
// 有效件数" → 件) and days ("存货周转天数" → 天).
func impliedTableUnit(names ...string) tableUnit {
	for _, name := range names {
		if u := nameUnit(name); u.text != "" {
			return u
		}
	}
	return tableUnit{}
}

// nameUnit returns the unit that name tells by its last words.
func nameUnit(name string) tableUnit {
	for _, s := range []struct{ suffix, unit string }{
		{"人次", "人次"}, {"人数", "人"}, {"户数", "户"}, {"家数", "家"}, {"个数", "个"}, {"件数", "件"}, {"次数", "次"}, {"天数", "天"}, {"年龄", "岁"},
	} {
		if strings.HasSuffix(name, s.suffix) {
			return tableUnit{text: s.unit, from: "name"}
		}
	}
	return tableUnit{}
}

// shareName returns the name of a share whose row and column give name:
// name followed by the share word of the header (比重 for 构成, 所占,
// 份额).
func shareName(name, head string) string {
	w := "比重"
	if strings.Contains(head, "占比") {
		w = "占比"
	}
	if strings.HasSuffix(name, "比重") || strings.HasSuffix(name, "占比") {
		return name
	}
	return name + w
}

// setValue fills the value, unit and standard value of rec from q.
func setValue(rec *Indicator, q quantity) {
	v := q.Value.Float64()
	std := q.Value.Mul(q.Scale).Float64()
	rec.Value, rec.StdValue = &v, &std
	rec.Unit, rec.StdUnit = q.Unit, q.StdUnit
	if q.Approx != "" {
		rec.Bound = q.Approx
	}
}

// sentence returns row read as a sentence with the headers of the columns
// of its group gr: "水泥：计量单位 吨，2021年 7316292，比上年增长（%） -2.9".
func (tr *tableRead) sentence(gr *colGroup, row tableRow) string {
	var parts []string
	for o, col := range tr.cols {
		if o == gr.label || col.role == colNone || col.group != gr.label && !slices.Contains(gr.codeCols, o) {
			continue
		}
		s := strings.TrimSpace(tr.t.At(row.row, o))
		if s == "" || s == row.written {
			continue // a label merged over the code columns (合计) is said once
		}
		if h := strings.TrimSpace(col.head); h != "" {
			s = h + " " + s
		}
		parts = append(parts, s)
	}
	label := row.written
	if label == "" && row.year != 0 {
		label = strconv.Itoa(row.year)
	}
	if label == "" {
		return strings.Join(parts, "，")
	}
	return label + "：" + strings.Join(parts, "，")
}

// add appends rec with its canonical name, when it has a name.
func (tr *tableRead) add(rec Indicator) {
	if strings.IndexFunc(rec.Name, unicode.IsLetter) < 0 {
		return // a figure that nothing names ("", "/") cannot be understood
	}
	if !hasHan(rec.Name) {
		// "P/E" and "EBITDA" are names, but in a Chinese report a
		// record's name says in Chinese what it measures: the row's
		// parent or the label column's header go before them
		// (主要财务指标：P/E, 利润表：EBIT), and without either the
		// figure is no record (a line of English, a datasheet's code).
		q := tr.hanContext()
		if q == "" {
			return
		}
		rec.Name = q + "：" + rec.Name
	}
	rec.Canonical = tr.r.t.cat.canonical(rec.Name)
	if m := qualifierRE().FindStringSubmatchIndex(rec.Name); rec.Canonical == "" && m != nil {
		// 全市（地区生产总值）: the catalog knows 全市地区生产总值.
		rec.Canonical = tr.r.t.cat.canonical(rec.Name[:m[0]] + rec.Name[m[2]:m[3]])
	}
	if rec.Value != nil && tr.cols[tr.at.col].kind == figLevel {
		if tr.levels == nil {
			tr.levels = map[cellAt]int{}
		}
		tr.levels[tr.at] = len(tr.out)
	}
	tr.out = append(tr.out, rec)
	tr.quals = append(tr.quals, tr.qual)
	tr.heads = append(tr.heads, tr.head)
	tr.parents = append(tr.parents, tr.parent)
}

// mergeRecords returns the records of prose and of each table in text
// order: a table's records, in the order the table reader gives them,
// stand before the first prose record that comes after the table's first
// figure.
func mergeRecords(prose []Indicator, tables [][]Indicator) []Indicator {
	n := len(prose)
	for _, t := range tables {
		n += len(t)
	}
	if n == len(prose) {
		return prose
	}
	out := make([]Indicator, 0, n)
	p := 0
	for _, t := range tables {
		if len(t) == 0 {
			continue
		}
		first := t[0].Offset
		for _, rec := range t {
			first = min(first, rec.Offset)
		}
		for p < len(prose) && prose[p].Offset < first {
			out = append(out, prose[p])
			p++
		}
		out = append(out, t...)
	}
	return append(out, prose[p:]...)
}
