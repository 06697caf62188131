package load

import (
	"strconv"

	"github.com/xuri/excelize/v2"
)

// fileHeaders are the columns of sheet 文件. 报告期 is the year the report
// reviews (a 2024 report on the year 2023 says 2023), as
// transform.ReportYear finds it.
var fileHeaders = []string{
	"文件", "路径", "读取方式", "标题", "报告期(回顾年度)", "页数", "字数", "指标数", "表格数", "耗时(秒)", "状态", "详情",
}

// Columns of sheet 文件 that wrap, and the status column.
const (
	filePath   = 1
	fileTitle  = 3
	fileStatus = 10
	fileDetail = 11
)

// fileMaxWidths cap the columns of 文件; 标题, 状态 and 详情 wrap, so a
// long reason is read whole.
var fileMaxWidths = []float64{36, 36, 8, 46, 10, 6, 8, 7, 7, 8, 30, 60}

// formatLabels name the readers in words a clerk knows.
var formatLabels = map[string]string{"pdf": "PDF", "text": "文本", "docx": "Word", "html": "网页"}

// Statuses of sheet 文件 other than a failure's reason.
const (
	statusOK   = "ok"
	statusPart = "部分读取"
)

// writeFiles writes sheet 文件: one row per input, in input order, with
// its status: "ok", the reason of its failure (the row in red), or what
// is doubtful about a file converted in part or after repairs (yellow).
// The rows are made twice, once for the widths and once to be written,
// rather than kept: kept, a row is about 800 bytes of cells, 80 MB for a
// hundred thousand inputs.
func (w *Workbook) writeFiles() error {
	st := w.st
	ws := make(widths, len(fileHeaders))
	for i, h := range fileHeaders {
		ws.see(i, textWidth(h))
	}
	row := make([]any, len(fileHeaders))
	for i := range w.files {
		w.fileRow(row, i)
		for c, v := range row {
			switch x := v.(excelize.Cell).Value.(type) {
			case string:
				ws.see(c, textWidth(x))
			case int:
				ws.see(c, float64(len(strconv.Itoa(x))))
			case float64:
				ws.see(c, numberWidth(x))
			}
		}
	}
	lo := make([]float64, len(fileHeaders))
	for i := range lo {
		lo[i] = 6
	}
	wd := ws.fit(lo, fileMaxWidths)
	sw, err := w.openSheet(sheetSpec{
		name: SheetFiles, cols: len(fileHeaders), rows: len(w.files) + 1, widths: wd,
		freezeRows: 1, freezeCols: 1, titleRows: [2]int{1, 1}, fitWidth: true,
	})
	if err != nil {
		return err
	}
	head := make([]any, len(fileHeaders))
	for i, h := range fileHeaders {
		head[i] = excelize.Cell{StyleID: st.wrapHead, Value: h}
	}
	if err := sw.SetRow("A1", head, excelize.RowOpts{Height: 2 * lineHeight}); err != nil {
		return err
	}
	for i := range w.files {
		w.fileRow(row, i)
		tall := 1
		for _, c := range []int{filePath, fileTitle, fileStatus, fileDetail} {
			if s, ok := row[c].(excelize.Cell).Value.(string); ok {
				tall = max(tall, lines(s, wd[c]))
			}
		}
		// A reason is read whole: its row is as tall as it needs.
		height := float64(tall) * lineHeight
		if tall <= 1 {
			height = 0
		}
		if err := sw.SetRow("A"+strconv.Itoa(i+2), row, excelize.RowOpts{Height: height}); err != nil {
			return err
		}
	}
	last, _ := excelize.CoordinatesToCellName(len(fileHeaders), len(w.files)+1)
	if err := w.xf.AutoFilter(SheetFiles, "A1:"+last, nil); err != nil {
		return err
	}
	return sw.Flush()
}

// fileRow fills row with the cells of sheet 文件 for file i.
func (w *Workbook) fileRow(row []any, i int) {
	st, f := w.st, &w.files[i]
	status, detail := statusOK, f.Note
	text, wrap := st.text, st.wrap
	switch {
	case f.Err != nil:
		status, detail = f.Reason, f.Err.Error()
		if status == "" {
			status = detail
		}
		text, wrap = st.failed, st.failedWrap
	case f.Reason != "": // converted, but in part or after repairs
		status, text, wrap = f.Reason, st.part, st.partWrap
	case f.Note != "":
		status, text, wrap = statusPart, st.part, st.partWrap
	}
	format := f.Format
	if l, ok := formatLabels[format]; ok {
		format = l
	}
	count := func(n int) excelize.Cell {
		if f.Err != nil && n == 0 { // not known for a file not read
			return excelize.Cell{StyleID: text}
		}
		return excelize.Cell{StyleID: text, Value: n}
	}
	year := excelize.Cell{StyleID: text, Value: cellText(f.Year)}
	if y, err := strconv.Atoi(f.Year); err == nil && len(f.Year) == 4 {
		year.Value = y
	}
	copy(row, []any{
		excelize.Cell{StyleID: text, Value: cellText(f.Name)}, excelize.Cell{StyleID: wrap, Value: cellText(f.Path)},
		excelize.Cell{StyleID: text, Value: cellText(format)}, excelize.Cell{StyleID: wrap, Value: f.Title},
		year, count(f.Pages), count(f.Chars), count(w.nrecs[i]), count(w.tab.perFile[i]),
		excelize.Cell{StyleID: text, Value: roundSeconds(f.Seconds)},
		excelize.Cell{StyleID: wrap, Value: cellText(status)}, excelize.Cell{StyleID: wrap, Value: cellText(detail)},
	})
}

// roundSeconds keeps milliseconds: more digits are noise.
func roundSeconds(s float64) float64 {
	return float64(int64(s*1000+0.5)) / 1000
}
