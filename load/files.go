package load

import "github.com/xuri/excelize/v2"

// fileHeaders are the columns of sheet 文件.
var fileHeaders = []string{"文件", "路径", "标题", "报告年份", "页数", "字数", "指标数", "耗时(秒)", "状态", "详情"}

var fileWidths = []float64{30, 40, 40, 9, 7, 9, 8, 9, 30, 60}

// writeFiles writes sheet 文件: one row per input, in input order, with
// "ok", the reason of its failure, or what is doubtful about a file
// converted in part or after repairs.
func (w *Workbook) writeFiles() error {
	sw, err := w.xf.NewStreamWriter(SheetFiles)
	if err != nil {
		return err
	}
	for i, width := range fileWidths {
		if err := sw.SetColWidth(i+1, i+1, width); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(frozenPanes(1, 1)); err != nil {
		return err
	}
	row := make([]any, 0, len(fileHeaders))
	for _, h := range fileHeaders {
		row = append(row, excelize.Cell{StyleID: w.headStyle, Value: h})
	}
	if err := sw.SetRow("A1", row); err != nil {
		return err
	}
	for i, f := range w.files {
		status, detail := "ok", f.Note
		if f.Reason != "" { // converted, but in part or after repairs
			status = f.Reason
		}
		if f.Err != nil {
			status, detail = f.Reason, f.Err.Error()
			if status == "" {
				status = detail
			}
		}
		row = append(row[:0],
			cellText(f.Name), cellText(f.Path), f.Title, cellText(f.Year),
			f.Pages, f.Chars, w.nrecs[i],
			excelize.Cell{StyleID: w.decStyle, Value: roundSeconds(f.Seconds)},
			cellText(status), cellText(detail),
		)
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// roundSeconds keeps milliseconds: more digits are noise.
func roundSeconds(s float64) float64 {
	return float64(int64(s*1000+0.5)) / 1000
}
