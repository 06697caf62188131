package load

import (
	"cmp"
	"fmt"
	"hash/maphash"
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

// How 汇总 is made in bounded memory. Its rows are built in memory,
// label by label, at about 850 bytes a label; most labels are names as
// written that one report uses, and a province's 10,000 reports have over
// a million. So the rows are built as the batch streams by only while
// there are at most liveRows of them and liveMentions mentions (a figure,
// or its rate; a cell takes 40 bytes): a batch of a few hundred reports,
// even table-heavy ones, is summed up beside the workers, about 30 MB at
// most. Past that, the summary
// keeps the columns (a report's and status's) and nothing of the figures,
// which the workbook keeps in a temporary file with the records; at Close,
// finish reads them back, cuts them into parts by a hash of their label,
// each part in a file of its own, and builds the parts one after the
// other: every label's mentions are in one part, in the order of the
// batch, and a part holds about partMentions of them. What stays of a
// part is the rows shown (a line each, their cells in memory, or in a
// temporary file past memCells) and what the review of 指标 needs of the
// rows that flag a record.

// liveRows and liveMentions bound the rows built as the batch streams by.
const (
	liveRows     = 32 << 10
	liveMentions = 256 << 10
)

// partMentions is the most mentions (a figure, or its rate) a part of the
// batch holds at finish, unless there would be more than maxParts parts.
const partMentions = 64 << 10

// maxParts bounds the files open at once while the batch is cut into parts.
const maxParts = 256

// A summary collects sheet 汇总 (see above).
type summary struct {
	dir       string         // where its temporary files go
	reports   []string       // column title of each file added
	names     map[string]int // file name → times used, to keep titles unique
	cols      []*sumCol
	colOf     map[colKey]int
	firstCol  []int    // each file's first column (the columns of a file are added together)
	overview  []string // each file's first section
	mentions  int      // mentions in the batch
	partSize  int      // mentions per part (0: partMentions); tests lower it
	cellsFull int      // cells kept in memory (0: memCells); tests lower it
	liveRows  int      // rows built as the batch streams by (0: liveRows; <0: none); tests change it
	live      *sumPart // the rows built as the batch streams by, until it has too many mentions
	dropped   bool     // live was dropped

	// Set by finish.
	rows       []*shownRow          // rows shown, in order
	cells      *cellWriter          // their cells, each row's together
	reviews    map[rowKey]rowReview // rows that flag records
	shown      []int                // indexes in cols of the columns shown, in order
	keptCols   int                  // report columns that had values
	droppedRep int                  // reports left out past Excel's column limit
	cutRows    int                  // rows left out past Excel's row limit
}

type colKey struct{ file, status int }

// A sumCol is one report column: a report and a status.
type sumCol struct {
	file    int
	status  int       // index in statusOrder
	periods []periodN // records of the column by period
	period  string    // the period most records have, set by finish
}

// A periodN counts the records of a period.
type periodN struct {
	period string
	n      int
}

// A rowKey names a row: its label and dimension.
type rowKey struct{ label, dim string }

// A shownRow is a row of 汇总 as finish laid it out.
type shownRow struct {
	label, display string
	yoy, canonical bool
	seq            int       // order of first appearance
	reports        int       // files that mention it
	first          *shownRow // the row of its label that appears first
	at, n          int64     // its cells: the first's index in summary.cells, and how many
}

// A shownCell is one cell of a row shown.
type shownCell struct {
	col   int32   // index in summary.cols
	n     int32   // mentions
	flag  bool    // the value is doubtful
	value float64 // in the row's display unit
}

// A rowReview is what the review of a record needs of its row.
type rowReview struct {
	reports      int
	majorReports int    // of the row of the label's dominant dimension, if another
	majorUnit    string // its unit
	kept         bool
	stats        rowStats
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

// add notes the file with index file, and the columns and mentions of its
// records.
func (s *summary) add(file int, f File, recs []transform.Indicator) {
	if s.names == nil {
		s.colOf = make(map[colKey]int)
		s.names = make(map[string]int)
	}
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
	s.firstCol = append(s.firstCol, len(s.cols))
	overview := ""
	if len(recs) > 0 {
		overview = topSection(recs[0].Section)
	}
	s.overview = append(s.overview, overview)
	first := s.mentions
	for i := range recs {
		r := &recs[i]
		if label, _ := labelOf(r); label == "" {
			continue
		}
		s.cols[s.col(file, statusIndex(r.Status))].count(r.Period)
		if finite(r.StdValue) != nil {
			s.mentions++
		}
		if finite(r.YoY) != nil {
			s.mentions++
		}
	}
	if s.mentions > liveMentions || s.liveRows < 0 {
		s.live, s.dropped = nil, true // finish reads the batch back
	}
	if s.dropped {
		return
	}
	if s.live == nil {
		s.live = newSumPart(s)
	}
	seq := first
	for i := range recs {
		seq, _ = s.mentionsOf(file, seq, &recs[i], s.live.note) // (note does not fail)
	}
	if s.live.rows > cmp.Or(s.liveRows, liveRows) {
		s.live, s.dropped = nil, true
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
func (c *sumCol) count(p string) {
	for i := range c.periods {
		if c.periods[i].period == p {
			c.periods[i].n++
			return
		}
	}
	c.periods = append(c.periods, periodN{p, 1})
}

// A sumMention is one mention of a record: a figure or its rate, in the
// row of its label and dimension, with its place in the batch.
type sumMention struct {
	label, dim string
	canonical  bool
	file, col  int
	seq        int // the mention's place in the batch
	m          mentionText
}

// A mentionText is a mention with its unit and period as text.
type mentionText struct {
	value              float64
	unit, period       string
	overview, doubtful bool
}

// mentionsOf calls fn with the mentions of record r of file, the record's
// first mention being the batch's seq-th.
func (s *summary) mentionsOf(file, seq int, r *transform.Indicator, fn func(*sumMention) error) (int, error) {
	label, canonical := labelOf(r)
	if label == "" {
		return seq, nil
	}
	sm := sumMention{label: label, canonical: canonical, file: file,
		col: s.colOf[colKey{file, statusIndex(r.Status)}]}
	sm.m = mentionText{
		period:   r.Period,
		overview: r.Section == "" || topSection(r.Section) == s.overview[file],
		doubtful: r.Review != "",
	}
	if v := finite(r.StdValue); v != nil {
		sm.dim, sm.seq = transform.Dimension(r.StdUnit), seq
		sm.m.value, sm.m.unit = *v, r.StdUnit
		seq++
		if err := fn(&sm); err != nil {
			return seq, err
		}
	}
	if v := finite(r.YoY); v != nil {
		sm.dim, sm.seq = yoyDim, seq
		sm.m.value, sm.m.unit = *v, "%"
		seq++
		if err := fn(&sm); err != nil {
			return seq, err
		}
	}
	return seq, nil
}

// finish decides what sheet 汇总 shows from the records of the batch (in
// the order added, nrecs of each file): the rows, the mention of each
// cell, the display units, the flags, and the columns, keeping at most
// maxCols report columns and maxRows rows.
func (s *summary) finish(recs *spool[transform.Indicator], nrecs []int, maxCols, maxRows int) error {
	for _, c := range s.cols {
		c.period = c.commonPeriod()
	}
	s.reviews = make(map[rowKey]rowReview)
	s.cells = newCellWriter(s.dir)
	if s.cellsFull > 0 {
		s.cells.full = s.cellsFull
	}
	// each calls fn with the mentions of the batch read back, in order.
	each := func(fn func(*sumMention) error) error {
		file, left, seq := 0, 0, 0
		return recs.each(func(r *transform.Indicator) error {
			for left == 0 {
				left = nrecs[file]
				file++
			}
			left--
			var err error
			seq, err = s.mentionsOf(file-1, seq, r, fn)
			return err
		})
	}
	size := cmp.Or(s.partSize, partMentions)
	var err error
	switch parts := min(maxParts, (s.mentions+size-1)/size); {
	case !s.dropped && s.live == nil: // no mentions
	case !s.dropped:
		err = s.live.finish(s.cells)
		s.live = nil
	case parts <= 1:
		p := newSumPart(s)
		if err = each(p.note); err == nil {
			err = p.finish(s.cells)
		}
	default:
		err = s.finishInParts(parts, each)
	}
	if err == nil {
		err = s.cells.flush()
	}
	if err != nil {
		return err
	}
	return s.layOut(maxCols, maxRows)
}

// finishInParts cuts the mentions into parts by a hash of their label,
// each in a file of its own, and builds the rows of each part in turn.
func (s *summary) finishInParts(parts int, each func(func(*sumMention) error) error) error {
	files := make([]spool[sumMention], parts)
	defer func() {
		for i := range files {
			files[i].remove()
		}
	}()
	seed := maphash.MakeSeed()
	for i := range files {
		files[i] = spool[sumMention]{dir: s.dir, codec: newMentionCodec, buffer: 16 << 10}
	}
	err := each(func(sm *sumMention) error {
		return files[maphash.String(seed, sm.label)%uint64(parts)].add(sm)
	})
	if err != nil {
		return err
	}
	for i := range files {
		p := newSumPart(s)
		if err := files[i].each(p.note); err != nil {
			return err
		}
		files[i].remove()
		if err := p.finish(s.cells); err != nil {
			return err
		}
	}
	return nil
}

// layOut chooses the columns shown and orders the rows, once every part
// has added its rows.
func (s *summary) layOut(maxCols, maxRows int) error {
	// Columns with a value, in file and status order; past the limit, the
	// reports with the most values stay.
	used := make([]bool, len(s.cols))
	perFile := make([]int, len(s.reports)) // figures in the rows shown
	err := s.eachRow(func(_ int, _ *shownRow, cells []shownCell) error {
		for _, c := range cells {
			used[c.col] = true
			perFile[s.cols[c.col].file] += int(c.n)
		}
		return nil
	})
	if err != nil {
		return err
	}
	s.shown = s.shown[:0]
	for c, u := range used {
		if u {
			s.shown = append(s.shown, c)
		}
	}
	s.keptCols = len(s.shown)
	if len(s.shown) > maxCols {
		var files []int
		for f, n := range perFile {
			if n > 0 {
				files = append(files, f)
			}
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
	slices.SortFunc(s.rows, func(a, b *shownRow) int {
		fa, fb := a.first, b.first
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
		if a.yoy != b.yoy {
			if a.yoy {
				return 1
			}
			return -1
		}
		return a.seq - b.seq
	})
	if len(s.rows) > maxRows {
		s.cutRows = len(s.rows) - maxRows
		s.rows = s.rows[:maxRows]
	}
	return nil
}

// commonPeriod returns the period most of the column's records have; ties
// go to the greater (the later year).
func (c *sumCol) commonPeriod() string {
	best, n := "", -1
	for _, p := range c.periods {
		if p.n > n || p.n == n && p.period > best {
			best, n = p.period, p.n
		}
	}
	return best
}

// review returns the reasons for doubt about record r of file that only
// the whole batch shows: its unit is of another dimension than most
// reports use for the indicator, or its value lies far outside the other
// reports' range.
func (s *summary) review(file int, r *transform.Indicator) string {
	label, _ := labelOf(r)
	v := finite(r.StdValue)
	if label == "" || v == nil {
		return ""
	}
	rv, ok := s.reviews[rowKey{label, transform.Dimension(r.StdUnit)}]
	switch {
	case !ok:
		return ""
	case rv.majorReports > rv.reports:
		return "单位与其他报告不同（多用" + rv.majorUnit + "）"
	case !rv.kept:
		return ""
	}
	cv, _ := transform.ConvertUnit(*v, r.StdUnit, rv.stats.unit)
	return rv.stats.outlier(file, cv)
}

// remove deletes the summary's temporary file.
func (s *summary) remove() {
	if s.cells != nil {
		s.cells.remove()
		s.cells = nil
	}
}

// eachRow calls fn with each row shown, in order, and its cells in
// column order; the cells are only valid until fn returns.
func (s *summary) eachRow(fn func(i int, row *shownRow, cells []shownCell) error) error {
	var buf []shownCell
	for i, row := range s.rows {
		var err error
		if buf, err = s.cells.cells(row, buf[:0]); err != nil {
			return err
		}
		if err := fn(i, row, buf); err != nil {
			return err
		}
	}
	return nil
}

// A rowStats is what finish learns of a row shown: its unit, how it is
// displayed, and the range of its reports' values.
type rowStats struct {
	yoy      bool
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

// outlier says why v, a value of file in the row's unit, lies far outside
// the range of the other reports' values, or "".
func (st *rowStats) outlier(file int, v float64) string {
	if st.yoy || v <= 0 || st.positive-1 < minOthers {
		return ""
	}
	lo, hi := st.low[0], st.top[0]
	if lo.file == file {
		lo = st.low[1]
	}
	if hi.file == file {
		hi = st.top[1]
	}
	if lo.file < 0 || hi.file < 0 || v <= hi.v*outlierFactor && v >= lo.v/outlierFactor {
		return ""
	}
	return fmt.Sprintf("与其他报告相差千倍以上（其他报告%s–%s%s）",
		shortNumber(lo.v/st.scale), shortNumber(hi.v/st.scale), st.display)
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
