package load

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// summaryLead are the columns of 汇总 before the report columns.
var summaryLead = []string{"指标", "单位", "报告数"}

// summaryHead is the number of rows above the data of 汇总: the note and
// the header.
const summaryHead = 2

// manyColumns is the most report columns 汇总 gives widths of their own;
// past it, they all take the widest one. excelize goes over every column
// whose width was set before for each column it sets (3,000 columns take
// 5 s; a batch of 4,400 reports, 8,800 columns, spent 22 s there) and for
// every cell written (5 s more).
const manyColumns = 256

// fitColumns is the most report columns 汇总 squeezes onto one printed
// page's width; a wider sheet prints over several pages, its first
// columns repeated.
const fitColumns = 10

// noteWidth is the width the note of 汇总 spans, about a printed page's.
const noteWidth = 110

// summaryNote explains sheet 汇总 in its first row.
const summaryNote = "每行一个可比较的指标：先列指标目录中的指标（单位已核对，斤与吨等可换算的单位合为一行），" +
	"再列至少两份报告都有的指标；只见于一份报告的其他指标、名称过泛的指标（项目、企业等）只在“指标”表中。" +
	"数值按本行“单位”列显示，完整精度见“指标”表；同比增长另成一行。" +
	"一份报告多次提及同一指标时，取该列年份的数字中位于报告首个部分（综合、总体情况、工作回顾）的一处，" +
	"否则取数值最大（口径最大）的一处，否则取最先出现的一处；“（3次）”为该报告提及的次数。" +
	"橙色底：该数字需复核（原因见“指标”表“复核”列）。"

// writeSummary writes sheet 汇总 as [summary.finish] laid it out.
func (w *Workbook) writeSummary() error {
	s := &w.sum
	ncols := len(summaryLead) + len(s.shown)
	note := summaryNote
	if s.droppedRep > 0 {
		note += fmt.Sprintf("\n注意：报告列数超过Excel上限（%d列），提及指标最少的%d份报告未列入，其指标见“指标”表。",
			excelCols, s.droppedRep)
	}
	if s.cutRows > 0 {
		note += fmt.Sprintf("\n注意：行数超过Excel上限，最后%d个指标未列入，见“指标”表。", s.cutRows)
	}
	// Widths: the indicator column from content; report columns wide
	// enough for their numbers and half their title, which wraps.
	headers := make([]string, 0, ncols)
	headers = append(headers, summaryLead...)
	for _, c := range s.shown {
		headers = append(headers, s.colTitle(c))
	}
	wd := make([]float64, ncols)
	wd[0], wd[1], wd[2] = 10, 8, 8
	for _, row := range s.rows {
		wd[0] = math.Max(wd[0], textWidth(row.label)+2)
		wd[1] = math.Max(wd[1], textWidth(row.display)+2)
	}
	wd[0], wd[1] = math.Min(wd[0], 32), math.Min(wd[1], 16)
	// pos is the place among the report columns of each column shown
	// (-1: not shown): the rows are read cell by cell, not column by
	// column (hundreds of columns, thousands of rows, few cells).
	pos := make([]int, len(s.cols))
	for c := range pos {
		pos[c] = -1
	}
	for i, c := range s.shown {
		pos[c] = i
		name, _, _ := strings.Cut(headers[len(summaryLead)+i], "\n")
		wd[len(summaryLead)+i] = math.Max(10, textWidth(name)/2+2)
	}
	err := s.eachRow(func(_ int, _ *shownRow, cells []shownCell) error {
		for _, c := range cells {
			if j := pos[c.col]; j >= 0 {
				wd[len(summaryLead)+j] = math.Max(wd[len(summaryLead)+j], numberWidth(c.value)+8)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	for i := range s.shown {
		wd[len(summaryLead)+i] = math.Min(wd[len(summaryLead)+i], 20)
	}
	if len(s.shown) > manyColumns {
		widest := 0.0
		for i := range s.shown {
			widest = math.Max(widest, wd[len(summaryLead)+i])
		}
		for i := range s.shown {
			wd[len(summaryLead)+i] = widest
		}
	}
	sw, err := w.openSheet(sheetSpec{
		name: SheetSummary, cols: ncols, rows: summaryHead + len(s.rows), widths: wd,
		freezeRows: summaryHead, freezeCols: len(summaryLead),
		titleRows: [2]int{summaryHead, summaryHead}, titleCols: len(summaryLead),
		fitWidth: len(s.shown) <= fitColumns,
	})
	if err != nil {
		return err
	}
	// The note spans the columns of a printed page's width.
	span, spanWidth := 0, 0.0
	for span < ncols && (span < len(summaryLead) || spanWidth+wd[span] <= noteWidth) {
		spanWidth += wd[span]
		span++
	}
	if err := sw.SetRow("A1", []any{excelize.Cell{StyleID: w.st.note, Value: note}},
		excelize.RowOpts{Height: float64(lines(note, spanWidth)) * lineHeight}); err != nil {
		return err
	}
	if span > 1 {
		last, _ := excelize.CoordinatesToCellName(span, 1)
		if err := sw.MergeCell("A1", last); err != nil {
			return err
		}
	}
	head := make([]any, ncols)
	tall := 1
	for i, h := range headers {
		head[i] = excelize.Cell{StyleID: w.st.wrapHead, Value: h}
		tall = max(tall, lines(h, wd[i]))
	}
	if err := sw.SetRow("A2", head, excelize.RowOpts{Height: float64(tall) * lineHeight}); err != nil {
		return err
	}
	row := make([]any, ncols)
	err = s.eachRow(func(i int, r *shownRow, cells []shownCell) error {
		clear(row)
		row[0] = excelize.Cell{StyleID: w.st.wrap, Value: cellText(r.label)}
		row[1] = excelize.Cell{StyleID: w.st.text, Value: cellText(r.display)}
		reports := make(map[int]bool)
		// In column order: the styles are made on first use, and their
		// numbers must not change from run to run.
		for _, c := range cells {
			j := pos[c.col]
			if j < 0 {
				continue
			}
			reports[s.cols[c.col].file] = true
			row[len(summaryLead)+j] = excelize.Cell{StyleID: w.st.summaryNumber(c.value, int(c.n), c.flag), Value: c.value}
		}
		row[2] = excelize.Cell{StyleID: w.st.text, Value: len(reports)}
		return sw.SetRow("A"+strconv.Itoa(summaryHead+1+i), row,
			excelize.RowOpts{Height: rowHeight(lines(r.label, wd[0]))})
	})
	if err != nil {
		return err
	}
	last, _ := excelize.CoordinatesToCellName(ncols, summaryHead+max(len(s.rows), 1))
	if err := w.xf.AutoFilter(SheetSummary, "A2:"+last, nil); err != nil {
		return err
	}
	return sw.Flush()
}

// colTitle is the header of report column c: the report, then the year
// and status of its values ("report.pdf\n2024年 实际").
func (s *summary) colTitle(c int) string {
	col := s.cols[c]
	title := s.reports[col.file] + "\n"
	if col.period != "" {
		title += col.period + "年 "
	}
	return title + statusLabels[statusOrder[col.status]]
}
