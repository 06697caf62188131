package load

import (
	"fmt"
	"math"
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

// seeRecord widens the columns of 指标 to r's content.
func (w *Workbook) seeRecord(r *transform.Indicator) {
	ws := w.recW
	ws.see(0, textWidth(r.Doc))
	ws.see(1, float64(len(strconv.Itoa(r.Page))))
	ws.see(colSection, textWidth(r.Section))
	ws.see(3, textWidth(r.Period))
	ws.see(colName, textWidth(r.Name))
	ws.see(5, textWidth(r.Canonical))
	ws.see(7, textWidth(r.Unit))
	ws.see(9, textWidth(r.StdUnit))
	ws.see(11, textWidth(r.Basis))
	ws.see(colTable, textWidth(r.Table))
	ws.see(colSentence, textWidth(r.Sentence))
	ws.see(20, float64(len(strconv.Itoa(r.Offset))))
	ws.see(colReview, textWidth(r.Review))
	for i, p := range []*float64{r.Value, r.StdValue, r.YoY, r.PP, r.Completion, r.Delta, r.Max} {
		if p = finite(p); p != nil {
			ws.see([]int{6, 8, 10, 12, 13, 14, 17}[i], numberWidth(*p))
		}
	}
}

// indicatorSheet names the k-th sheet of records: 指标, 指标2, 指标3 …
func indicatorSheet(k int) string {
	if k == 0 {
		return SheetIndicators
	}
	return SheetIndicators + strconv.Itoa(k+1)
}

// writeIndicators writes the spooled records to 指标, continuing on 指标2
// … past the row limit, with the batch's own review reasons added.
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

	var sw *excelize.StreamWriter
	k, n := 0, 0 // sheet, records on it
	open := func() error {
		rows := min(per, total-k*per) + 1
		var err error
		sw, err = w.openSheet(sheetSpec{
			name: indicatorSheet(k), cols: len(Fields), rows: rows, widths: wd,
			freezeRows: 1, freezeCols: 1, titleRows: [2]int{1, 1}, fitWidth: true,
		})
		if err != nil {
			return err
		}
		head := make([]any, len(Headers))
		for i, h := range Headers {
			head[i] = excelize.Cell{StyleID: w.st.wrapHead, Value: h}
		}
		return sw.SetRow("A1", head, excelize.RowOpts{Height: 2 * lineHeight})
	}
	finish := func() error {
		name := indicatorSheet(k)
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
		return sw.Flush()
	}
	if err := open(); err != nil {
		return err
	}
	file, left := 0, 0
	row := make([]any, len(Fields))
	err := w.recs.each(func(r *transform.Indicator) error {
		for left == 0 && file < len(w.nrecs) { // the file of this record
			left = w.nrecs[file]
			file++
		}
		left--
		transform.AddReview(r, w.sum.review(file-1, r))
		if n == per {
			if err := finish(); err != nil {
				return err
			}
			k, n = k+1, 0
			if err := open(); err != nil {
				return err
			}
		}
		n++
		w.recordRow(row, r)
		h := 1
		for _, c := range recWrap {
			if cell, ok := row[c].(excelize.Cell); ok {
				h = max(h, lines(cell.Value.(string), wd[c]))
			}
		}
		return sw.SetRow("A"+strconv.Itoa(n+1), row, excelize.RowOpts{Height: rowHeight(h)})
	})
	if err != nil {
		return err
	}
	return finish()
}

// recordRow fills row with the cells of r.
func (w *Workbook) recordRow(row []any, r *transform.Indicator) {
	st := w.st
	text := func(s string) any {
		if s == "" {
			return nil
		}
		return excelize.Cell{StyleID: st.text, Value: cellText(s)}
	}
	wrap := func(s string) any {
		if s == "" {
			return nil
		}
		return excelize.Cell{StyleID: st.wrap, Value: cellText(s)}
	}
	copy(row, []any{
		wrap(r.Doc), excelize.Cell{StyleID: st.text, Value: r.Page}, wrap(r.Section), w.period(r.Period),
		wrap(r.Name), wrap(r.Canonical), w.num(r.Value), text(r.Unit),
		w.num(r.StdValue), text(r.StdUnit), w.num(r.YoY), text(r.Basis),
		w.num(r.PP), w.num(r.Completion), w.num(r.Delta),
		text(label(statusLabels, r.Status)), text(label(boundLabels, r.Bound)), w.num(r.Max),
		wrap(r.Table), wrap(r.Sentence), excelize.Cell{StyleID: st.text, Value: r.Offset},
		wrap(r.Review),
	})
}

// period returns the cell of a record's period: a year as a number
// (2020, shown without a thousands separator) so that it sorts and
// filters as one; anything else as text. JSON Lines and CSV keep the
// period a string, as the record contract says.
func (w *Workbook) period(p string) excelize.Cell {
	if y, err := strconv.Atoi(p); err == nil && len(p) == 4 && y > 0 {
		return excelize.Cell{StyleID: w.st.year, Value: y}
	}
	return excelize.Cell{StyleID: w.st.text, Value: cellText(p)}
}

// num returns the cell for an optional number: nil (no cell) when unset
// or not finite, else the value with the integer or decimal style.
func (w *Workbook) num(p *float64) any {
	if p = finite(p); p == nil {
		return nil
	}
	return excelize.Cell{StyleID: w.st.number(*p), Value: *p}
}
