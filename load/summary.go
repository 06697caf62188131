package load

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/zhibiao/zhibiao/transform"
)

// Sheet 汇总 compares the reports of a batch: one row per indicator that
// can be compared, one column per report (and per status, where a report
// has estimates or targets), values in a unit chosen per row.
//
// Which rows: indicators with a catalog name first (their units checked:
// figures whose units convert, 斤 and 吨, share a row; a report that
// states the indicator in a unit of another dimension is left out and
// its record flagged), then names as written that at least two reports
// use, unless the name is vague (项目, 企业). Every other figure is in
// 指标 only. A rate against last year has a row of its own under the
// indicator's.
//
// Which mention: when a report states an indicator several times with
// one status, its cell takes, among the mentions of the period most of
// the column's records have (the report's year), the one in the report's
// first section (the overview: 综合, 总体情况, 工作回顾 …), else the
// largest (the widest scope: a total over its parts), else the first;
// the cell's number format says how many mentions there were.

// yoyDim is the dimension of the rows that hold rates against last year.
const yoyDim = "同比"

// outlierFactor is how far beyond the range of the other reports a value
// must lie to be flagged: three orders of magnitude, as a figure in 万元
// read as 元 would (10,000 times), while the nation among its largest
// cities does not (measured on the corpus: 100 flagged national
// bulletins against city ones).
const outlierFactor = 1000

// minOthers is the fewest other reports that make a range to compare with.
const minOthers = 3

// A summary collects sheet 汇总 while the batch streams by: for each
// (indicator, report column) cell, the best mention of each period and the
// number of mentions; nothing else of the records.
//
// It is the one thing of a batch kept in memory until Close that grows
// with the figures (a cell each, about), so cells hold no pointers: they
// are values in one slice per row, their units and periods numbers in a
// table of strings. A cell takes about 40 bytes and costs the collector
// nothing to mark; with maps and pointers it took 135, in five objects,
// and a batch of 4,400 reports (900,000 figures) spent a third of its time
// collecting garbage (TestSummaryMemory).
type summary struct {
	reports []string       // column title of each file added
	names   map[string]int // file name → times used, to keep titles unique
	cols    []*sumCol
	colOf   map[colKey]int
	labels  map[string]*sumLabel
	seq     int // order of first appearance of rows

	strs     []string         // units and periods, by number
	strNum   map[string]int32 // the number of each
	fileCols int32            // the first column of the file being added

	// Set by finish.
	rows       []*sumRow // rows shown, in order
	shown      []int     // indexes in cols of the columns shown, in order
	keptCols   int       // report columns that had values
	droppedRep int       // reports left out past Excel's column limit
	cutRows    int       // rows left out past Excel's row limit
}

type colKey struct{ file, status int }

// A sumCol is one report column: a report and a status.
type sumCol struct {
	file    int
	status  int       // index in statusOrder
	periods []periodN // records of the column by period
	period  string    // the period most records have, set by finish
}

// A periodN counts the records of a period (a number in summary.strs).
type periodN struct{ period, n int32 }

// A sumLabel gathers the rows of one indicator: one per dimension of its
// values, and its rate row.
type sumLabel struct {
	rows map[string]*sumRow // dimension → row
}

// A sumRow is one indicator in one dimension.
type sumRow struct {
	label, dim string
	canonical  bool
	seq        int
	units      map[string]int // standard unit → mentions
	reports    int            // files that mention it
	lastFile   int            // the file that mentioned it last (a file's records are noted together)
	cells      []sumCell      // in the order noted, so in file order; sorted by column by finish
	more       [][]mention    // the best mentions of a cell's periods after its first (sumCell.more)

	// Set by finish.
	kept     bool
	major    *sumRow // the row of the label's dominant dimension, when this one is not kept for that reason
	unit     string  // standard unit the values are converted into
	scale    float64 // divisor of the display unit (1e8 for 亿元)
	display  string  // the display unit ("亿元", "同比增长(%)")
	low, top [2]extreme
	positive int // reports with a positive value
}

// An extreme is one of the two smallest or largest representative values
// of a row, with its file, for the outlier check.
type extreme struct {
	v    float64
	file int // -1 when unset
}

// A sumCell is one (row, report column) cell.
type sumCell struct {
	col  int32 // index in summary.cols
	n    int32 // mentions
	more int32 // 1 + the index in the row's more of the cell's other periods; 0: none
	flag bool  // set by finish: the chosen value is doubtful
	// The best mention of the first period stated (those of the other
	// periods are in more); once finish has run, the mention chosen.
	m mention
}

// A mention is one record's figure as 汇总 needs it.
type mention struct {
	value    float64 // std value, or yoy in a rate row
	unit     int32   // std unit (a number in summary.strs)
	period   int32   // (a number in summary.strs)
	overview bool    // in the report's first section
	doubtful bool    // the record has a review reason
}

// num returns the number of string x in s.strs, adding it.
func (s *summary) num(x string) int32 {
	if n, ok := s.strNum[x]; ok {
		return n
	}
	n := int32(len(s.strs))
	s.strs = append(s.strs, x)
	s.strNum[x] = n
	return n
}

// statusOrder and statusLabels lay out a report's columns.
var statusOrder = []transform.Status{transform.Actual, transform.Estimate, transform.Target}

func statusIndex(s transform.Status) int {
	if i := slices.Index(statusOrder, s); i >= 0 {
		return i
	}
	return 0 // an unknown status counts as actual
}

// labelOf returns the row label of a record: its catalog name, else its
// name unless vague; "" when the record has no row.
func labelOf(r *transform.Indicator) (label string, canonical bool) {
	if r.Canonical != "" {
		return r.Canonical, true
	}
	if r.Name == "" || transform.VagueName(r.Name) {
		return "", false
	}
	return r.Name, false
}

// topSection returns the top level of a section path.
func topSection(path string) string {
	top, _, _ := strings.Cut(path, " / ")
	return top
}

// add notes the records of the file with index file.
func (s *summary) add(file int, f File, recs []transform.Indicator) {
	if s.labels == nil {
		s.labels = make(map[string]*sumLabel)
		s.colOf = make(map[colKey]int)
		s.names = make(map[string]int)
		s.strNum = make(map[string]int32)
	}
	s.fileCols = int32(len(s.cols))
	// The records' doc names the report uniquely in a batch (a path
	// under the folder given); a file without records has no column.
	name := f.Name
	if len(recs) > 0 && recs[0].Doc != "" {
		name = recs[0].Doc
	}
	name = cellText(name)
	if s.names[name]++; s.names[name] > 1 {
		name += " #" + strconv.Itoa(s.names[name])
	}
	s.reports = append(s.reports, name)
	overview := ""
	if len(recs) > 0 {
		overview = topSection(recs[0].Section)
	}
	for i := range recs {
		r := &recs[i]
		label, canonical := labelOf(r)
		if label == "" {
			continue
		}
		col := s.col(file, statusIndex(r.Status))
		m := mention{
			period:   s.num(r.Period),
			overview: r.Section == "" || topSection(r.Section) == overview,
			doubtful: r.Review != "",
		}
		s.cols[col].count(m.period)
		if v := finite(r.StdValue); v != nil {
			m.value, m.unit = *v, s.num(r.StdUnit)
			s.note(label, canonical, transform.Dimension(r.StdUnit), file, col, m)
		}
		if v := finite(r.YoY); v != nil {
			m.value, m.unit = *v, s.num("%")
			s.note(label, canonical, yoyDim, file, col, m)
		}
	}
}

// col returns the index of the column of a file and status, adding it.
func (s *summary) col(file, status int) int {
	k := colKey{file, status}
	if i, ok := s.colOf[k]; ok {
		return i
	}
	s.colOf[k] = len(s.cols)
	s.cols = append(s.cols, &sumCol{file: file, status: status})
	return len(s.cols) - 1
}

// count adds a record of period p to the column.
func (c *sumCol) count(p int32) {
	for i := range c.periods {
		if c.periods[i].period == p {
			c.periods[i].n++
			return
		}
	}
	c.periods = append(c.periods, periodN{p, 1})
}

// note adds mention m of file in column col to the row (label, dim).
func (s *summary) note(label string, canonical bool, dim string, file, col int, m mention) {
	l := s.labels[label]
	if l == nil {
		l = &sumLabel{rows: make(map[string]*sumRow)}
		s.labels[label] = l
	}
	row := l.rows[dim]
	if row == nil {
		s.seq++
		row = &sumRow{label: label, dim: dim, canonical: canonical, seq: s.seq, lastFile: -1,
			units: make(map[string]int)}
		l.rows[dim] = row
	}
	row.units[s.strs[m.unit]]++
	if row.lastFile != file {
		row.reports++
		row.lastFile = file
	}
	// The file's cells are the last of the row: at most one per status.
	var cell *sumCell
	for i := len(row.cells) - 1; i >= 0 && row.cells[i].col >= s.fileCols; i-- {
		if row.cells[i].col == int32(col) {
			cell = &row.cells[i]
			break
		}
	}
	if cell == nil {
		row.cells = append(row.cells, sumCell{col: int32(col), n: 1, m: m})
		return
	}
	cell.n++
	rate := dim == yoyDim
	if cell.m.period == m.period {
		if s.better(m, cell.m, rate) {
			cell.m = m
		}
		return
	}
	if cell.more == 0 {
		row.more = append(row.more, nil)
		cell.more = int32(len(row.more))
	}
	more := row.more[cell.more-1]
	for i, b := range more {
		if b.period == m.period {
			if s.better(m, b, rate) {
				more[i] = m
			}
			return
		}
	}
	row.more[cell.more-1] = append(more, m)
}

// better reports whether mention a, stated after b in the same report,
// is the one to show: one in the overview section beats one elsewhere;
// then the larger value (the wider scope), except for rates; then the
// first stated.
func (s *summary) better(a, b mention, rate bool) bool {
	if a.overview != b.overview {
		return a.overview
	}
	if rate {
		return false
	}
	bv, ok := transform.ConvertUnit(b.value, s.strs[b.unit], s.strs[a.unit])
	return ok && math.Abs(a.value) > math.Abs(bv)
}

// finish decides what sheet 汇总 shows: the rows, the mention of each
// cell, the display units, the flags, and the columns, keeping at most
// maxCols report columns and maxRows rows.
func (s *summary) finish(maxCols, maxRows int) {
	for _, c := range s.cols {
		c.period = s.commonPeriod(c.periods)
	}
	var rows []*sumRow
	for _, l := range s.labels {
		major := dominant(l)
		for _, row := range l.rows {
			switch {
			case row.dim != yoyDim && row != major:
				row.major = major // another unit than most reports use
			case row.canonical || row.reports >= 2:
				row.kept = true
				rows = append(rows, row)
			}
		}
	}
	for _, row := range rows {
		s.choose(row)
	}
	// Columns with a value, in file and status order; past the limit, the
	// reports with the most values stay.
	used := make(map[int]bool)
	perFile := make(map[int]int) // file → figures in the rows shown
	for _, row := range rows {
		for _, cell := range row.cells {
			used[int(cell.col)] = true
			perFile[s.cols[cell.col].file] += int(cell.n)
		}
	}
	s.shown = s.shown[:0]
	for c := range used {
		s.shown = append(s.shown, c)
	}
	s.keptCols = len(s.shown)
	if len(s.shown) > maxCols {
		files := make([]int, 0, len(perFile))
		for f := range perFile {
			files = append(files, f)
		}
		slices.SortFunc(files, func(a, b int) int { return cmp.Or(perFile[b]-perFile[a], a-b) })
		colsOf := make(map[int]int)
		for _, c := range s.shown {
			colsOf[s.cols[c].file]++
		}
		keep, budget := make(map[int]bool), maxCols
		for _, f := range files {
			if colsOf[f] <= budget {
				keep[f] = true
				budget -= colsOf[f]
			} else {
				s.droppedRep++
			}
		}
		s.shown = slices.DeleteFunc(s.shown, func(c int) bool { return !keep[s.cols[c].file] })
	}
	slices.SortFunc(s.shown, func(a, b int) int {
		return cmp.Or(s.cols[a].file-s.cols[b].file, s.cols[a].status-s.cols[b].status)
	})
	// Rows: catalog indicators in order of first appearance, then the
	// others by the number of reports; a rate row under its indicator.
	first := make(map[string]*sumRow) // label → its first row in that order
	for _, row := range rows {
		if f := first[row.label]; f == nil || row.seq < f.seq {
			first[row.label] = row
		}
	}
	slices.SortFunc(rows, func(a, b *sumRow) int {
		fa, fb := first[a.label], first[b.label]
		if fa != fb {
			if fa.canonical != fb.canonical {
				if fa.canonical {
					return -1
				}
				return 1
			}
			if !fa.canonical {
				if n := fb.reports - fa.reports; n != 0 {
					return n
				}
			}
			return fa.seq - fb.seq
		}
		if (a.dim == yoyDim) != (b.dim == yoyDim) {
			if a.dim == yoyDim {
				return 1
			}
			return -1
		}
		return a.seq - b.seq
	})
	if len(rows) > maxRows {
		s.cutRows = len(rows) - maxRows
		rows = rows[:maxRows]
	}
	s.rows = rows
}

// dominant returns the value row of l that most reports share (then the
// one with most mentions, then the first), or nil when l has only a rate
// row.
func dominant(l *sumLabel) *sumRow {
	var best *sumRow
	for _, row := range l.rows {
		if row.dim == yoyDim {
			continue
		}
		if best == nil {
			best = row
			continue
		}
		d := cmp.Or(row.reports-best.reports, total(row.units)-total(best.units), best.seq-row.seq)
		if d > 0 {
			best = row
		}
	}
	return best
}

func total(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

// mostCommon returns the key of m with the largest count; ties go to the
// greater key (the later year), so that the choice does not depend on map
// order.
func mostCommon(m map[string]int) string {
	best, n := "", -1
	for k, v := range m {
		if v > n || v == n && k > best {
			best, n = k, v
		}
	}
	return best
}

// commonPeriod is mostCommon for the periods of a column.
func (s *summary) commonPeriod(ps []periodN) string {
	best, n := "", int32(-1)
	for _, p := range ps {
		if k := s.strs[p.period]; p.n > n || p.n == n && k > best {
			best, n = k, p.n
		}
	}
	return best
}

// choose picks the mention of each cell of the row, its display unit, and
// flags the values that lie far outside the other reports' range.
func (s *summary) choose(row *sumRow) {
	cols := s.cols
	row.unit = mostCommon(row.units)
	slices.SortFunc(row.cells, func(a, b sumCell) int { return cmp.Compare(a.col, b.col) })
	for i := range row.cells {
		cell := &row.cells[i]
		if cell.more != 0 {
			cell.m = s.pick(row, cell)
		}
		cell.flag = cell.m.doubtful
	}
	row.more = nil // no longer needed
	row.scale, row.display = 1, row.unit
	if row.dim == yoyDim {
		row.display = "同比增长(%)"
		return
	}
	abs := make([]float64, 0, len(row.cells))
	for _, cell := range row.cells {
		abs = append(abs, math.Abs(s.convert(row, cell.m)))
	}
	if scalable(row.unit) {
		slices.Sort(abs)
		switch med := abs[len(abs)/2]; {
		case med >= 1e12:
			row.scale, row.display = 1e12, "万亿"+row.unit
		case med >= 1e8:
			row.scale, row.display = 1e8, "亿"+row.unit
		case med >= 1e4:
			row.scale, row.display = 1e4, "万"+row.unit
		}
	}
	// The two smallest and largest positive values of the reports, one
	// value per report (its first column with one), for outliers.
	row.low, row.top = [2]extreme{{math.Inf(1), -1}, {math.Inf(1), -1}}, [2]extreme{{math.Inf(-1), -1}, {math.Inf(-1), -1}}
	seen := make(map[int]bool)
	for _, cell := range row.cells { // (in column order)
		f := cols[cell.col].file
		if seen[f] {
			continue
		}
		seen[f] = true
		v := s.convert(row, cell.m)
		if v <= 0 {
			continue
		}
		row.positive++
		switch {
		case v < row.low[0].v:
			row.low = [2]extreme{{v, f}, row.low[0]}
		case v < row.low[1].v:
			row.low[1] = extreme{v, f}
		}
		switch {
		case v > row.top[0].v:
			row.top = [2]extreme{{v, f}, row.top[0]}
		case v > row.top[1].v:
			row.top[1] = extreme{v, f}
		}
	}
	for i := range row.cells {
		cell := &row.cells[i]
		if row.outlier(cols[cell.col].file, s.convert(row, cell.m)) != "" {
			cell.flag = true
		}
	}
}

// pick returns the mention of a cell stated for several periods: the
// one of its column's period, else the best in the order of the periods
// (not of their first mention).
func (s *summary) pick(row *sumRow, cell *sumCell) mention {
	ms := append([]mention{cell.m}, row.more[cell.more-1]...)
	want := s.cols[cell.col].period
	for _, m := range ms {
		if s.strs[m.period] == want {
			return m // (one mention per period)
		}
	}
	slices.SortFunc(ms, func(a, b mention) int { return strings.Compare(s.strs[a.period], s.strs[b.period]) })
	pick := ms[0]
	for _, m := range ms[1:] {
		if s.better(m, pick, row.dim == yoyDim) {
			pick = m
		}
	}
	return pick
}

// convert returns m's value in the row's unit.
func (s *summary) convert(row *sumRow, m mention) float64 {
	v, _ := transform.ConvertUnit(m.value, s.strs[m.unit], row.unit)
	return v
}

// outlier says why v, a value of file in the row's unit, lies far outside
// the range of the other reports' values, or "".
func (row *sumRow) outlier(file int, v float64) string {
	if row.dim == yoyDim || v <= 0 || row.positive-1 < minOthers {
		return ""
	}
	lo, hi := row.low[0], row.top[0]
	if lo.file == file {
		lo = row.low[1]
	}
	if hi.file == file {
		hi = row.top[1]
	}
	if lo.file < 0 || hi.file < 0 || v <= hi.v*outlierFactor && v >= lo.v/outlierFactor {
		return ""
	}
	return fmt.Sprintf("与其他报告相差千倍以上（其他报告%s–%s%s）",
		shortNumber(lo.v/row.scale), shortNumber(hi.v/row.scale), row.display)
}

// review returns the reasons for doubt about record r of file that only
// the whole batch shows: its unit is of another dimension than most
// reports use for the indicator, or its value lies far outside the other
// reports' range.
func (s *summary) review(file int, r *transform.Indicator) string {
	label, _ := labelOf(r)
	v := finite(r.StdValue)
	if label == "" || v == nil || s.labels[label] == nil {
		return ""
	}
	row := s.labels[label].rows[transform.Dimension(r.StdUnit)]
	switch {
	case row == nil:
		return ""
	case row.major != nil && row.major.reports > row.reports:
		return "单位与其他报告不同（多用" + row.major.unit + "）"
	case !row.kept:
		return ""
	}
	cv, _ := transform.ConvertUnit(*v, r.StdUnit, row.unit)
	return row.outlier(file, cv)
}

// shortNumber formats v for a reason: four significant digits, or a
// whole number from 10,000 on (14740, not 1.474e+04).
func shortNumber(v float64) string {
	if math.Abs(v) >= 1e4 {
		return strconv.FormatFloat(math.Round(v), 'f', -1, 64)
	}
	return strconv.FormatFloat(v, 'g', 4, 64)
}

// scalable reports whether values in unit u read better with a scale word
// (亿元, 万人): amounts and counts, not rates, ratios or temperatures.
func scalable(u string) bool {
	switch u {
	case "", "%", "‰", "‱", "个百分点", "个千分点", "倍", "℃", "岁", "分贝", "英寸", "天", "小时", "分钟", "秒", "个工作日":
		return false
	}
	return !strings.Contains(u, "/")
}
