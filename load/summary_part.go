package load

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/zhibiao/zhibiao/transform"
)

// A sumPart builds the rows of the labels of one part of the batch (all
// of them when the batch is small): for each (indicator, report column)
// cell, the best mention of each period and the number of mentions.
// Cells hold no pointers: they are values in one slice per row, their
// units and periods numbers in the part's table of strings.
type sumPart struct {
	s        *summary
	labels   map[string]*sumLabel
	rows     int              // rows built
	strs     []string         // units and periods, by number
	strNum   map[string]int32 // the number of each
	file     int              // the file of the mentions noted last
	fileCols int32            // its first column
}

func newSumPart(s *summary) *sumPart {
	return &sumPart{s: s, labels: make(map[string]*sumLabel), strNum: make(map[string]int32), file: -1}
}

// A sumLabel gathers the rows of one indicator: one per dimension of its
// values, and its rate row.
type sumLabel struct {
	rows map[string]*sumRow // dimension → row
}

// A sumRow is one indicator in one dimension.
type sumRow struct {
	label, dim string
	canonical  bool
	seq        int            // the batch's first mention of the row
	units      map[string]int // standard unit → mentions
	reports    int            // files that mention it
	lastFile   int            // the file that mentioned it last (a file's records are noted together)
	cells      []sumCell      // in the order noted, so in file order; sorted by column by choose
	more       [][]mention    // the best mentions of a cell's periods after its first (sumCell.more)

	// Set by finish.
	kept  bool
	major *sumRow // the row of the label's dominant dimension, when this one is not kept for that reason
	stats rowStats
}

// A sumCell is one (row, report column) cell.
type sumCell struct {
	col  int32 // index in summary.cols
	n    int32 // mentions
	more int32 // 1 + the index in the row's more of the cell's other periods; 0: none
	flag bool  // set by choose: the chosen value is doubtful
	// The best mention of the first period stated (those of the other
	// periods are in more); once choose has run, the mention chosen.
	m mention
}

// A mention is one record's figure as 汇总 needs it.
type mention struct {
	value    float64 // std value, or yoy in a rate row
	unit     int32   // std unit (a number in sumPart.strs)
	period   int32   // (a number in sumPart.strs)
	overview bool    // in the report's first section
	doubtful bool    // the record has a review reason
}

// num returns the number of string x in p.strs, adding it.
func (p *sumPart) num(x string) int32 {
	if n, ok := p.strNum[x]; ok {
		return n
	}
	n := int32(len(p.strs))
	p.strs = append(p.strs, x)
	p.strNum[x] = n
	return n
}

// note adds a mention to its row; mentions come in the batch's order.
func (p *sumPart) note(sm *sumMention) error {
	if sm.file != p.file {
		p.file, p.fileCols = sm.file, int32(p.s.firstCol[sm.file])
	}
	m := mention{value: sm.m.value, unit: p.num(sm.m.unit), period: p.num(sm.m.period),
		overview: sm.m.overview, doubtful: sm.m.doubtful}
	l := p.labels[sm.label]
	if l == nil {
		l = &sumLabel{rows: make(map[string]*sumRow)}
		p.labels[sm.label] = l
	}
	row := l.rows[sm.dim]
	if row == nil {
		row = &sumRow{label: sm.label, dim: sm.dim, canonical: sm.canonical, seq: sm.seq, lastFile: -1,
			units: make(map[string]int)}
		l.rows[sm.dim] = row
		p.rows++
	}
	row.units[sm.m.unit]++
	if row.lastFile != sm.file {
		row.reports++
		row.lastFile = sm.file
	}
	// The file's cells are the last of the row: at most one per status.
	var cell *sumCell
	for i := len(row.cells) - 1; i >= 0 && row.cells[i].col >= p.fileCols; i-- {
		if row.cells[i].col == int32(sm.col) {
			cell = &row.cells[i]
			break
		}
	}
	if cell == nil {
		row.cells = append(row.cells, sumCell{col: int32(sm.col), n: 1, m: m})
		return nil
	}
	cell.n++
	rate := sm.dim == yoyDim
	if cell.m.period == m.period {
		if p.better(m, cell.m, rate) {
			cell.m = m
		}
		return nil
	}
	if cell.more == 0 {
		row.more = append(row.more, nil)
		cell.more = int32(len(row.more))
	}
	more := row.more[cell.more-1]
	for i, b := range more {
		if b.period == m.period {
			if p.better(m, b, rate) {
				more[i] = m
			}
			return nil
		}
	}
	row.more[cell.more-1] = append(more, m)
	return nil
}

// better reports whether mention a, stated after b in the same report,
// is the one to show: one in the overview section beats one elsewhere;
// then the larger value (the wider scope), except for rates; then the
// first stated.
func (p *sumPart) better(a, b mention, rate bool) bool {
	if a.overview != b.overview {
		return a.overview
	}
	if rate {
		return false
	}
	bv, ok := transform.ConvertUnit(b.value, p.strs[b.unit], p.strs[a.unit])
	return ok && math.Abs(a.value) > math.Abs(bv)
}

// finish decides, label by label, which rows are shown, and the mention
// and value of each of their cells; it writes the cells to out and adds
// the rows to the summary, with what the review of 指标 needs of them.
func (p *sumPart) finish(out *cellWriter) error {
	s := p.s
	var kept []*sumRow
	for _, l := range p.labels {
		major := dominant(l)
		kept = kept[:0]
		for _, row := range l.rows {
			switch {
			case row.dim != yoyDim && row != major:
				row.major = major // another unit than most reports use
			case row.canonical || row.reports >= 2:
				row.kept = true
				kept = append(kept, row)
			}
		}
		var first *shownRow
		for _, row := range kept {
			p.choose(row)
			shown := &shownRow{label: row.label, display: row.stats.display, yoy: row.dim == yoyDim,
				canonical: row.canonical, seq: row.seq, reports: row.reports, at: out.n, n: int64(len(row.cells))}
			for i := range row.cells {
				c := &row.cells[i]
				if err := out.add(shownCell{col: c.col, n: c.n, flag: c.flag, value: p.value(row, c)}); err != nil {
					return err
				}
			}
			if first == nil || shown.seq < first.seq {
				first = shown
			}
			s.rows = append(s.rows, shown)
		}
		for _, shown := range s.rows[len(s.rows)-len(kept):] {
			shown.first = first
		}
		for _, row := range l.rows {
			rv := rowReview{reports: row.reports, kept: row.kept, stats: row.stats}
			if row.major != nil {
				rv.majorReports, rv.majorUnit = row.major.reports, row.major.stats.unit
			}
			if rv.majorReports > rv.reports || rv.kept && rv.stats.positive-1 >= minOthers {
				s.reviews[rowKey{row.label, row.dim}] = rv
			}
		}
	}
	return nil
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
// greater key, so that the choice does not depend on map order.
func mostCommon(m map[string]int) string {
	best, n := "", -1
	for k, v := range m {
		if v > n || v == n && k > best {
			best, n = k, v
		}
	}
	return best
}

// choose picks the mention of each cell of the row, its display unit, and
// flags the values that lie far outside the other reports' range.
func (p *sumPart) choose(row *sumRow) {
	cols := p.s.cols
	st := &row.stats
	st.unit = mostCommon(row.units)
	slices.SortFunc(row.cells, func(a, b sumCell) int { return cmp.Compare(a.col, b.col) })
	for i := range row.cells {
		cell := &row.cells[i]
		if cell.more != 0 {
			cell.m = p.pick(row, cell)
		}
		cell.flag = cell.m.doubtful
	}
	row.more = nil // no longer needed
	st.scale, st.display = 1, st.unit
	if row.dim == yoyDim {
		st.yoy, st.display = true, "同比增长(%)"
		return
	}
	abs := make([]float64, 0, len(row.cells))
	for _, cell := range row.cells {
		abs = append(abs, math.Abs(p.convert(row, cell.m)))
	}
	if scalable(st.unit) {
		slices.Sort(abs)
		switch med := abs[len(abs)/2]; {
		case med >= 1e12:
			st.scale, st.display = 1e12, "万亿"+st.unit
		case med >= 1e8:
			st.scale, st.display = 1e8, "亿"+st.unit
		case med >= 1e4:
			st.scale, st.display = 1e4, "万"+st.unit
		}
	}
	// The two smallest and largest positive values of the reports, one
	// value per report (its first column with one), for outliers.
	st.low, st.top = [2]extreme{{math.Inf(1), -1}, {math.Inf(1), -1}}, [2]extreme{{math.Inf(-1), -1}, {math.Inf(-1), -1}}
	lastFile := -1
	for _, cell := range row.cells { // (in column order, so a file's together)
		f := cols[cell.col].file
		if f == lastFile {
			continue
		}
		lastFile = f
		v := p.convert(row, cell.m)
		if v <= 0 {
			continue
		}
		st.positive++
		switch {
		case v < st.low[0].v:
			st.low = [2]extreme{{v, f}, st.low[0]}
		case v < st.low[1].v:
			st.low[1] = extreme{v, f}
		}
		switch {
		case v > st.top[0].v:
			st.top = [2]extreme{{v, f}, st.top[0]}
		case v > st.top[1].v:
			st.top[1] = extreme{v, f}
		}
	}
	for i := range row.cells {
		cell := &row.cells[i]
		if st.outlier(cols[cell.col].file, p.convert(row, cell.m)) != "" {
			cell.flag = true
		}
	}
}

// pick returns the mention of a cell stated for several periods: the
// one of its column's period, else the best in the order of the periods
// (not of their first mention).
func (p *sumPart) pick(row *sumRow, cell *sumCell) mention {
	ms := append([]mention{cell.m}, row.more[cell.more-1]...)
	want := p.s.cols[cell.col].period
	for _, m := range ms {
		if p.strs[m.period] == want {
			return m // (one mention per period)
		}
	}
	slices.SortFunc(ms, func(a, b mention) int { return strings.Compare(p.strs[a.period], p.strs[b.period]) })
	pick := ms[0]
	for _, m := range ms[1:] {
		if p.better(m, pick, row.dim == yoyDim) {
			pick = m
		}
	}
	return pick
}

// convert returns m's value in the row's unit.
func (p *sumPart) convert(row *sumRow, m mention) float64 {
	v, _ := transform.ConvertUnit(m.value, p.strs[m.unit], row.stats.unit)
	return v
}

// value returns the value a cell shows: its mention in the row's display
// unit, rounded to 12 significant digits so that a scale change leaves
// no binary noise (11.37万亿 shows 113,700 亿, not 113,700.00000000001).
func (p *sumPart) value(row *sumRow, cell *sumCell) float64 {
	v := p.convert(row, cell.m) / row.stats.scale
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 12, 64), 64)
	return r
}
