package load

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/zhibiao/zhibiao/transform"
)

// Sheet 表格 reproduces every table of every input, one under the other in
// input and table order: a caption line, a line with the file, page and
// unit notes, the grid (header rows bold on grey, merged cells merged,
// numbers as numbers in the format they were written with), a blank line.
// A table starts on the next sheet (表格2 …) when it would pass the row
// limit, and a table longer than a whole sheet continues there.

// tableExtra is the number of sheet rows a table takes besides its grid:
// caption and source line. A blank row separates two tables on a sheet.
const tableExtra = 2

// Width bounds of the columns of 表格: the first holds row labels.
const (
	tableLabelMax = 30
	tableColMin   = 10
	tableColMax   = 16
)

// A tableLayout collects what sheet 表格 needs to know before its rows
// are written: the tables' sizes and the widest content of each column.
type tableLayout struct {
	sizes   []int     // sheet rows of each table
	cols    int       // widest grid
	widths  []float64 // widest cell of each column
	perFile []int     // tables of each file added
}

// see notes table t.
func (l *tableLayout) see(t *transform.Table) {
	l.sizes = append(l.sizes, len(t.Rows)+tableExtra)
	for r, row := range t.Rows {
		l.cols = max(l.cols, len(row))
		for len(l.widths) < len(row) {
			l.widths = append(l.widths, 0)
		}
		for c, cell := range row {
			wd := textWidth(cell.Text)
			if r < t.Header || cell.ColSpan > 1 {
				wd /= 2 // headers and merged cells wrap
			}
			l.widths[c] = math.Max(l.widths[c], wd)
		}
	}
}

// sheetRows returns the rows of each sheet of 表格 when each holds at
// most maxRows: a table starts a new sheet when it does not fit on the
// current one and fits on an empty one (or the current one is full); a
// longer table runs on.
// tableWriter places the rows the same way.
func (l *tableLayout) sheetRows(maxRows int) []int {
	sheets := []int{0}
	for _, n := range l.sizes {
		cur := &sheets[len(sheets)-1]
		if *cur > 0 {
			if *cur+1+n > maxRows && (n <= maxRows || *cur+1 >= maxRows) {
				sheets = append(sheets, 0)
				cur = &sheets[len(sheets)-1]
			} else {
				*cur++ // the blank row between tables
			}
		}
		for *cur+n > maxRows {
			n -= maxRows - *cur
			*cur = maxRows
			sheets = append(sheets, 0)
			cur = &sheets[len(sheets)-1]
		}
		*cur += n
	}
	if sheets[0] == 0 {
		sheets[0] = 1 // the note that there is no table
	}
	return sheets
}

// tableSheet names the k-th sheet of tables: 表格, 表格2 …
func tableSheet(k int) string {
	if k == 0 {
		return SheetTables
	}
	return SheetTables + strconv.Itoa(k+1)
}

// A tableWriter writes the rows of 表格, moving to the next sheet when one
// is full.
type tableWriter struct {
	w      *Workbook
	sheets []int // rows of each sheet
	cols   int
	widths []float64
	k      int // current sheet
	row    int // last row written on it
	sw     *excelize.StreamWriter
}

// writeTables writes sheet 表格 from the spooled tables.
func (w *Workbook) writeTables() error {
	l := &w.tab
	cols := min(max(l.cols, 1), w.maxCols)
	wd := make([]float64, cols)
	for i := range wd {
		lo, hi := float64(tableColMin), float64(tableColMax)
		if i == 0 {
			lo, hi = 12, tableLabelMax
		}
		if i < len(l.widths) {
			wd[i] = math.Min(math.Max(math.Ceil(l.widths[i]+2), lo), hi)
		} else {
			wd[i] = lo
		}
	}
	tw := &tableWriter{w: w, sheets: l.sheetRows(w.maxRows), cols: cols, widths: wd}
	if err := tw.open(); err != nil {
		return err
	}
	if w.tables.n == 0 {
		if err := tw.sw.SetRow("A1", []any{excelize.Cell{StyleID: w.st.note, Value: "本批报告中没有表格。"}}); err != nil {
			return err
		}
		return tw.sw.Flush()
	}
	file, left := 0, 0
	err := w.tables.each(func(t *transform.Table) error {
		for left == 0 && file < len(l.perFile) {
			left = l.perFile[file]
			file++
		}
		left--
		return tw.table(t, w.files[file-1].Name)
	})
	if err != nil {
		return err
	}
	return tw.sw.Flush()
}

// open starts sheet tw.k.
func (tw *tableWriter) open() error {
	var err error
	tw.sw, err = tw.w.openSheet(sheetSpec{
		// At full size: one wide table would shrink every other on the page.
		name: tableSheet(tw.k), cols: tw.cols, rows: tw.sheets[tw.k], widths: tw.widths,
	})
	tw.row = 0
	return err
}

// start places a table of n rows: after a blank row, or at the top of
// the next sheet when it does not fit here and fits there.
func (tw *tableWriter) start(n int) error {
	if tw.row == 0 {
		return nil
	}
	if tw.row+1+n > tw.w.maxRows && (n <= tw.w.maxRows || tw.row+1 >= tw.w.maxRows) {
		return tw.nextSheet()
	}
	tw.row++
	return nil
}

// line returns the sheet row of the next line, moving to the next sheet
// when this one is full.
func (tw *tableWriter) line() (int, error) {
	if tw.row >= tw.w.maxRows {
		if err := tw.nextSheet(); err != nil {
			return 0, err
		}
	}
	tw.row++
	return tw.row, nil
}

// nextSheet finishes the current sheet and opens the next.
func (tw *tableWriter) nextSheet() error {
	if err := tw.sw.Flush(); err != nil {
		return err
	}
	tw.k++
	if tw.k >= len(tw.sheets) { // cannot happen when sheetRows agrees
		return fmt.Errorf("table rows past the planned %d sheets", len(tw.sheets))
	}
	return tw.open()
}

// table writes one table of file.
func (tw *tableWriter) table(t *transform.Table, file string) error {
	st := tw.w.st
	if err := tw.start(len(t.Rows) + tableExtra); err != nil {
		return err
	}
	r, err := tw.line()
	if err != nil {
		return err
	}
	caption := t.Caption
	if caption == "" {
		caption = "（无标题的表格）"
	}
	if err := tw.sw.SetRow("A"+strconv.Itoa(r), []any{excelize.Cell{StyleID: st.title, Value: cellText(caption)}},
		excelize.RowOpts{Height: 18}); err != nil {
		return err
	}
	source := "文件：" + file
	if t.Page > 0 {
		source += "　第 " + strconv.Itoa(t.Page) + " 页"
	}
	if len(t.Notes) > 0 {
		source += "　" + strings.Join(t.Notes, "　")
	}
	if width := len(t.Rows); width > 0 && len(t.Rows[0]) > tw.cols {
		source += "　（超出Excel列数上限的列未列入）"
	}
	if r, err = tw.line(); err != nil {
		return err
	}
	if err := tw.sw.SetRow("A"+strconv.Itoa(r), []any{excelize.Cell{StyleID: st.source, Value: cellText(source)}}); err != nil {
		return err
	}
	start := make([]int, len(t.Rows)) // sheet row of each grid row, to merge cells
	sheet := make([]int, len(t.Rows)) // and its sheet
	merges := spans(t, tw.cols)
	cells := make([]any, tw.cols)
	for i, grid := range t.Rows {
		if r, err = tw.line(); err != nil {
			return err
		}
		start[i], sheet[i] = r, tw.k
		clear(cells)
		tall := 1
		for c, cell := range grid {
			if c >= tw.cols {
				break
			}
			header := i < t.Header
			v, style := tw.cell(cell, header)
			cells[c] = excelize.Cell{StyleID: style, Value: v}
			if s, ok := v.(string); ok {
				span := 0.0
				for k := c; k < min(c+max(cell.ColSpan, 1), tw.cols); k++ {
					span += tw.widths[k]
				}
				tall = max(tall, lines(s, span))
			}
		}
		if err := tw.sw.SetRow("A"+strconv.Itoa(r), cells, excelize.RowOpts{Height: rowHeight(tall)}); err != nil {
			return err
		}
		for _, m := range merges[i] {
			if sheet[m.top] != tw.k {
				continue // cut by the end of a sheet: left unmerged
			}
			a, _ := excelize.CoordinatesToCellName(m.left+1, start[m.top])
			b, _ := excelize.CoordinatesToCellName(m.right+1, r)
			if err := tw.sw.MergeCell(a, b); err != nil {
				return err
			}
		}
	}
	return nil
}

// A span is a merged cell of a table: its grid rows and columns.
type span struct{ top, left, right int }

// spans returns the merged cells of t by the grid row they end on.
func spans(t *transform.Table, cols int) map[int][]span {
	out := make(map[int][]span)
	for top, row := range t.Rows {
		for c, cell := range row {
			if c >= cols || cell.RowSpan < 1 || cell.RowSpan == 1 && cell.ColSpan <= 1 {
				continue
			}
			bottom := min(top+cell.RowSpan-1, len(t.Rows)-1)
			out[bottom] = append(out[bottom], span{top, c, min(c+max(cell.ColSpan, 1), cols) - 1})
		}
	}
	return out
}

// cell returns the value and style of a grid cell: a number as written
// (a percent as a fraction under a percent format), text made safe, a
// covered position empty with the style of its kind.
func (tw *tableWriter) cell(c transform.TableCell, header bool) (any, int) {
	st := tw.w.st
	if v := finite(c.Value); v != nil && !header {
		format, percent := writtenFormat(c.Text)
		x := *v
		if percent {
			x /= 100
		}
		return x, st.tableCell(false, format)
	}
	if c.RowSpan == 0 && c.ColSpan == 0 {
		return nil, st.tableCell(header, "")
	}
	return cellText(c.Text), st.tableCell(header, "")
}
