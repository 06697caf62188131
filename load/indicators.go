package load

import (
	"bufio"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"os"
	"strconv"

	"github.com/xuri/excelize/v2"

	"github.com/zhibiao/zhibiao/transform"
)

// Headers lists the column headers of sheet 指标, one per field of
// [Fields], in the same order. 数据年份 is the year a figure refers to
// (the record's period), not the year of the report.
var Headers = [len(Fields)]string{
	"文件", "页码", "章节", "数据年份", "指标名称", "标准指标", "数值", "单位",
	"标准值", "标准单位", "同比(%)", "比较基准", "百分点变化", "完成率(%)", "增减量(标准单位)",
	"状态", "界限", "上限", "表格", "原文句子", "字符位置", "复核",
}

// Columns of sheet 指标 by field, for the cells that need their index.
const (
	colSection   = 2
	colName      = 4
	colCanonical = 5
	colTable     = 18
	colSentence  = 19
	colReview    = 21
)

// recMaxWidths caps the width of each column of 指标, in characters, so
// that the sheet prints legibly on the width of an A4 page in landscape:
// the columns that wrap (文件, 章节, 指标名称, 标准指标, 表格, 原文句子, 复核)
// show the rest on more lines.
var recMaxWidths = [len(Fields)]float64{
	20, 5, 16, 6, 16, 12, 12, 7,
	16, 7, 8, 8, 8, 8, 13,
	6, 5, 9, 12, 44, 7, 18,
}

// recWrap lists the columns of 指标 that wrap.
var recWrap = []int{0, colSection, colName, colCanonical, colTable, colSentence, colReview}

// statusLabels show a record's status in Chinese; JSON Lines and CSV keep
// the contract values.
var statusLabels = map[transform.Status]string{
	transform.Actual:   "实际",
	transform.Estimate: "预计",
	transform.Target:   "目标",
}

// boundLabels show a record's bound as a clerk writes it.
var boundLabels = map[transform.Bound]string{
	transform.Exact:   "=",
	transform.Over:    ">",
	transform.AtLeast: "≥",
	transform.Under:   "<",
	transform.AtMost:  "≤",
	transform.About:   "约",
	transform.Range:   "区间",
}

// label returns the display label of v, or v itself when it has none.
func label[T ~string](labels map[T]string, v T) string {
	if l, ok := labels[v]; ok {
		return l
	}
	return cellText(string(v))
}

// seeRecord widens the columns of 指标 to r's content. A column already
// as wide as its cap (recMaxWidths) is not measured again: the sentence
// column reaches its cap with the first long sentence, and measuring
// every sentence was half the time a record took to add.
func (w *Workbook) seeRecord(r *transform.Indicator) {
	ws := w.recW
	text := func(col int, s string) {
		if ws[col] < recMaxWidths[col] {
			ws.see(col, textWidth(s))
		}
	}
	text(0, r.Doc)
	ws.see(1, float64(len(strconv.Itoa(r.Page))))
	text(colSection, r.Section)
	text(3, r.Period)
	text(colName, r.Name)
	text(5, r.Canonical)
	text(7, r.Unit)
	text(9, r.StdUnit)
	text(11, r.Basis)
	text(colTable, r.Table)
	text(colSentence, r.Sentence)
	ws.see(20, float64(len(strconv.Itoa(r.Offset))))
	text(colReview, r.Review)
	for i, p := range []*float64{r.Value, r.StdValue, r.YoY, r.PP, r.Completion, r.Delta, r.Max} {
		if col := numberCols[i]; ws[col] < recMaxWidths[col] {
			if p = finite(p); p != nil {
				ws.see(col, numberWidth(*p))
			}
		}
	}
}

// numberCols are the columns of 指标 of a record's numbers: Value,
// StdValue, YoY, PP, Completion, Delta, Max.
var numberCols = [...]int{6, 8, 10, 12, 13, 14, 17}

// indicatorSheet names the k-th sheet of records: 指标, 指标2, 指标3 …
func indicatorSheet(k int) string {
	if k == 0 {
		return SheetIndicators
	}
	return SheetIndicators + strconv.Itoa(k+1)
}

// writeIndicators writes the spooled records to 指标, continuing on 指标2
// … past the row limit, with the batch's own review reasons added. The
// rows themselves are written as the workbook's parts are stored (see
// splice.go); here each sheet gets its header row and a placeholder.
func (w *Workbook) writeIndicators() error {
	per := w.maxRows - 1 // records per sheet, under the header
	total := w.recs.n
	lo := make([]float64, len(Fields))
	for i, h := range Headers {
		lo[i] = math.Max(5, math.Ceil(textWidth(h)/2)+2) // headers wrap on two lines
	}
	wd := w.recW.fit(lo, recMaxWidths[:])
	for i, h := range Headers {
		// A header a little wider than its column would wrap one
		// character onto a line of its own: widen the column instead.
		if hw := textWidth(h); hw+1 > wd[i] && hw < wd[i]+4 {
			wd[i] = hw + 1
		}
	}
	review, _ := w.xf.NewConditionalStyle(&excelize.Style{
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{reviewFill}},
	})
	reviewCol, _ := excelize.ColumnNumberToName(colReview + 1)
	head := make([]any, len(Headers))
	for i, h := range Headers {
		head[i] = excelize.Cell{StyleID: w.st.wrapHead, Value: h}
	}
	var ahead *rowsAhead
	if w.workers > 1 && total > 0 {
		ahead = w.renderAhead(per, wd)
	}
	for k := 0; k == 0 || k*per < total; k++ {
		name := indicatorSheet(k)
		n := min(per, total-k*per) // records on this sheet
		sw, err := w.openSheet(sheetSpec{
			name: name, cols: len(Fields), rows: n + 1, widths: wd,
			freezeRows: 1, freezeCols: 1, titleRows: [2]int{1, 1}, fitWidth: true,
		})
		if err != nil {
			return err
		}
		if err := sw.SetRow("A1", head, excelize.RowOpts{Height: 2 * lineHeight}); err != nil {
			return err
		}
		if n > 0 {
			marker, err := newMarker()
			if err != nil {
				return err
			}
			if err := sw.SetRow("A2", []any{string(marker)}); err != nil {
				return err
			}
			first, sheet := k*per, k
			sp := &splice{sheet: name, marker: marker, rows: func(dst io.Writer) error {
				return w.indicatorRows(dst, first, n, wd)
			}}
			if ahead != nil {
				sp.packed = func() (*packedRows, error) { return ahead.packed(sheet) }
			}
			w.splices = append(w.splices, sp)
		}
		last, _ := excelize.CoordinatesToCellName(len(Fields), n+1)
		yes := true
		table := "Indicators"
		if k > 0 {
			table += strconv.Itoa(k + 1)
		}
		if err := sw.AddTable(&excelize.Table{
			Range: "A1:" + last, Name: table, StyleName: "TableStyleLight9", ShowRowStripes: &yes,
		}); err != nil {
			return fmt.Errorf("table: %w", err)
		}
		if n > 0 {
			if err := w.xf.SetConditionalFormat(name, "A2:"+last, []excelize.ConditionalFormatOptions{{
				Type: "formula", Criteria: fmt.Sprintf("LEN($%s2)>0", reviewCol), Format: &review,
			}}); err != nil {
				return err
			}
		}
		if err := sw.Flush(); err != nil {
			return err
		}
	}
	return nil
}

// errEnough stops a walk over a spool early.
var errEnough = errors.New("enough")

// indicatorRows writes n rows of 指标 from the first-th record on, from
// row 2, with the batch's review reasons added to the records'.
func (w *Workbook) indicatorRows(dst io.Writer, first, n int, wd []float64) error {
	rr := newRowRenderer(w, dst, wd)
	i, file, left := 0, 0, 0
	err := w.recs.each(func(r *transform.Indicator) error {
		for left == 0 && file < len(w.nrecs) { // the file of this record
			left = w.nrecs[file]
			file++
		}
		left--
		i++
		if i <= first {
			return nil
		}
		if (i-first)%4096 == 0 {
			if err := w.interrupted(); err != nil {
				return err
			}
		}
		if err := rr.add(i-first+1, file-1, r); err != nil {
			return err
		}
		if i == first+n {
			return errEnough
		}
		return nil
	})
	if err != nil && err != errEnough {
		rr.abort()
		return err
	}
	return rr.close()
}

// renderRow adds the batch's review reasons to r, record of file, and
// writes it as row n.
func (w *Workbook) renderRow(x *rowXML, n, file int, r *transform.Indicator, wd []float64) {
	transform.AddReview(r, w.sum.review(file, r))
	w.recordRow(x, n, r, wd)
}

// recordRow writes r as row n of 指标, as tall as its tallest wrapped cell
// in columns of widths wd.
func (w *Workbook) recordRow(x *rowXML, n int, r *transform.Indicator, wd []float64) {
	st := w.st
	doc, section, name, canonical := cellText(r.Doc), cellText(r.Section), cellText(r.Name), cellText(r.Canonical)
	table, sentence, review := cellText(r.Table), cellText(r.Sentence), cellText(r.Review)
	h := 1
	for i, s := range [...]string{doc, section, name, canonical, table, sentence, review} {
		if s != "" {
			h = max(h, lines(s, wd[recWrap[i]]))
		}
	}
	x.start(n, rowHeight(h))
	x.text(0, st.wrap, doc)
	x.int(1, st.text, r.Page)
	x.text(colSection, st.wrap, section)
	if y, err := strconv.Atoi(r.Period); err == nil && len(r.Period) == 4 && y > 0 {
		// A year is a number (2020, shown without a thousands separator),
		// so that it sorts and filters as one; JSON Lines and CSV keep the
		// period a string, as the record contract says.
		x.int(3, st.year, y)
	} else {
		x.text(3, st.text, cellText(r.Period))
	}
	x.text(colName, st.wrap, name)
	x.text(colCanonical, st.wrap, canonical)
	x.number(6, w.numberStyle(r.Value), r.Value)
	x.text(7, st.text, cellText(r.Unit))
	x.number(8, w.numberStyle(r.StdValue), r.StdValue)
	x.text(9, st.text, cellText(r.StdUnit))
	x.number(10, w.numberStyle(r.YoY), r.YoY)
	x.text(11, st.text, cellText(r.Basis))
	x.number(12, w.numberStyle(r.PP), r.PP)
	x.number(13, w.numberStyle(r.Completion), r.Completion)
	x.number(14, w.numberStyle(r.Delta), r.Delta)
	x.text(15, st.text, label(statusLabels, r.Status))
	x.text(16, st.text, label(boundLabels, r.Bound))
	x.number(17, w.numberStyle(r.Max), r.Max)
	x.text(colTable, st.wrap, table)
	x.text(colSentence, st.wrap, sentence)
	x.int(20, st.text, r.Offset)
	x.text(colReview, st.wrap, review)
	x.end()
}

// numberStyle returns the integer or decimal style for an optional number.
func (w *Workbook) numberStyle(p *float64) int {
	if p = finite(p); p == nil {
		return 0
	}
	return w.st.number(*p)
}

// The rows of 指标 take a tenth of a second per 10,000 records to render
// and as long again to deflate, which the workbook would wait for at the
// end. With more than one worker they are rendered and deflated while
// the other sheets are written, into temporary files (memory does not
// grow with the batch), and copied as they are into their sheets' parts
// when those are stored (see rawPart).

// A rowsAhead renders and deflates the rows of every sheet of 指标 on a
// goroutine of its own.
type rowsAhead struct {
	files []*os.File
	rows  []packedRows
	errs  []error
	done  []chan struct{} // closed once a sheet's rows are ready
}

// renderAhead starts rendering the rows of 指标, per records a sheet, in
// columns of widths wd.
func (w *Workbook) renderAhead(per int, wd []float64) *rowsAhead {
	total := w.recs.n
	sheets := (total + per - 1) / per
	a := &rowsAhead{files: make([]*os.File, sheets), rows: make([]packedRows, sheets),
		errs: make([]error, sheets), done: make([]chan struct{}, sheets)}
	for k := range a.done {
		a.done[k] = make(chan struct{})
	}
	w.ahead = a
	go func() {
		for k := range sheets {
			a.errs[k] = a.render(w, k, per, wd)
			close(a.done[k])
		}
	}()
	return a
}

func (a *rowsAhead) render(w *Workbook, k, per int, wd []float64) error {
	f, err := os.CreateTemp(w.xdir, "rows-*.deflate")
	if err != nil {
		return fmt.Errorf("temporary file: %w", err)
	}
	a.files[k] = f
	bw := bufio.NewWriterSize(f, 1<<16)
	d := newParallelDeflate(bw, deflateLevel, w.workers)
	sum := &checksumWriter{w: d}
	if err := w.indicatorRows(sum, k*per, min(per, w.recs.n-k*per), wd); err != nil {
		return err
	}
	if err := d.Flush(); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("temporary file: %w", err)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("temporary file: %w", err)
	}
	a.rows[k] = packedRows{data: bufio.NewReaderSize(f, 1<<16), crc: sum.crc, size: sum.n}
	return nil
}

// packed returns the rows of sheet k, once ready.
func (a *rowsAhead) packed(k int) (*packedRows, error) {
	<-a.done[k]
	if a.errs[k] != nil {
		return nil, a.errs[k]
	}
	return &a.rows[k], nil
}

// close waits for the rendering to end and removes its files.
func (a *rowsAhead) close() {
	for k := range a.done {
		<-a.done[k]
		if f := a.files[k]; f != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}
}

// A checksumWriter keeps the CRC-32 and the length of what goes through
// it.
type checksumWriter struct {
	w   io.Writer
	crc uint32
	n   int64
}

func (c *checksumWriter) Write(p []byte) (int, error) {
	c.crc = crc32.Update(c.crc, crc32.IEEETable, p)
	c.n += int64(len(p))
	return c.w.Write(p)
}
