package load

import (
	"slices"
	"strconv"

	"github.com/xuri/excelize/v2"

	"github.com/zhibiao/zhibiao/transform"
)

// yoyUnit is the unit of 汇总 rows that hold a rate against last year.
const yoyUnit = "同比%"

// A summary aggregates sheet 汇总 while records stream by: it keeps one
// number per (indicator, report column) cell and nothing else.
type summary struct {
	cols  []string       // column headers, one per report and status
	names map[string]int // header → times used, to keep headers unique
	rows  []sumRow
	index map[sumKey]int // key → index in rows
}

type sumKey struct{ name, unit string }

type sumRow struct {
	key       sumKey
	vals      map[int]float64 // column → value
	canonical bool            // key.name is a catalog name
}

// statusOrder and statusSuffix lay out a report's columns.
var (
	statusOrder  = []transform.Status{transform.Actual, transform.Estimate, transform.Target}
	statusSuffix = map[transform.Status]string{transform.Actual: "", transform.Estimate: " (预计)", transform.Target: " (目标)"}
)

// add notes the records of one report. A report gets one column per
// status it uses, in the order actual, estimate, target; an unknown status
// counts as actual. The first value of an indicator in a column wins.
func (s *summary) add(f File, recs []transform.Indicator) {
	if len(recs) == 0 {
		return
	}
	if s.index == nil {
		s.index = make(map[sumKey]int)
		s.names = make(map[string]int)
	}
	col := make(map[transform.Status]int, len(statusOrder))
	for _, r := range recs {
		col[statusOf(r)] = -1
	}
	name := f.Name
	if s.names[name]++; s.names[name] > 1 {
		name += " #" + strconv.Itoa(s.names[name])
	}
	for _, st := range statusOrder {
		if _, ok := col[st]; ok {
			col[st] = len(s.cols)
			s.cols = append(s.cols, cellText(name+statusSuffix[st]))
		}
	}
	for i := range recs {
		r := &recs[i]
		label := r.Canonical
		if label == "" {
			label = r.Name
		}
		if label == "" {
			continue
		}
		c, canon := col[statusOf(*r)], r.Canonical != ""
		if v := finite(r.StdValue); v != nil {
			s.set(sumKey{label, r.StdUnit}, c, *v, canon)
		}
		if v := finite(r.YoY); v != nil {
			s.set(sumKey{label, yoyUnit}, c, *v, canon)
		}
	}
}

func statusOf(r transform.Indicator) transform.Status {
	if r.Status == transform.Estimate || r.Status == transform.Target {
		return r.Status
	}
	return transform.Actual
}

func (s *summary) set(k sumKey, col int, v float64, canonical bool) {
	i, ok := s.index[k]
	if !ok {
		i = len(s.rows)
		s.index[k] = i
		s.rows = append(s.rows, sumRow{key: k, vals: make(map[int]float64, 1), canonical: canonical})
	}
	if _, ok := s.rows[i].vals[col]; !ok {
		s.rows[i].vals[col] = v
	}
}

// sorted returns the rows in display order: indicators with a catalog
// name first, as they are the ones that compare across reports, then the
// rows filled in more columns, then order of first appearance.
func (s *summary) sorted() []sumRow {
	rows := slices.Clone(s.rows)
	slices.SortStableFunc(rows, func(a, b sumRow) int {
		if a.canonical != b.canonical {
			if a.canonical {
				return -1
			}
			return 1
		}
		return len(b.vals) - len(a.vals)
	})
	return rows
}

// writeSummary writes sheet 汇总: columns 指标, 单位, then one per report
// column; rows as [summary.sorted] orders them.
func (w *Workbook) writeSummary() error {
	s := &w.sum
	sw, err := w.xf.NewStreamWriter(SheetSummary)
	if err != nil {
		return err
	}
	if err := sw.SetColWidth(1, 1, 28); err != nil {
		return err
	}
	if err := sw.SetColWidth(2, 2, 10); err != nil {
		return err
	}
	if len(s.cols) > 0 {
		if err := sw.SetColWidth(3, 2+len(s.cols), 20); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(frozenPanes(2, 1)); err != nil {
		return err
	}
	row := make([]any, 0, 2+len(s.cols))
	row = append(row, excelize.Cell{StyleID: w.headStyle, Value: "指标"}, excelize.Cell{StyleID: w.headStyle, Value: "单位"})
	for _, c := range s.cols {
		row = append(row, excelize.Cell{StyleID: w.headStyle, Value: c})
	}
	if err := sw.SetRow("A1", row); err != nil {
		return err
	}
	for i, r := range s.sorted() {
		row = append(row[:0], cellText(r.key.name), cellText(r.key.unit))
		for c := range s.cols {
			if v, ok := r.vals[c]; ok {
				row = append(row, excelize.Cell{StyleID: w.numStyle(v), Value: v})
			} else {
				row = append(row, nil)
			}
		}
		if err := sw.SetRow("A"+strconv.Itoa(i+2), row); err != nil {
			return err
		}
	}
	return sw.Flush()
}
