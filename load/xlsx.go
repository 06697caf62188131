package load

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"

	"github.com/xuri/excelize/v2"

	"github.com/zhibiao/zhibiao/transform"
)

// Sheet names of the workbook, in order.
const (
	SheetIndicators = "指标" // one row per record
	SheetSummary    = "汇总" // indicators × reports
	SheetFiles      = "文件" // one row per input
)

// Headers lists the column headers of sheet 指标, one per field of
// [Fields], in the same order.
var Headers = [len(Fields)]string{
	"文件", "页码", "章节", "年份", "指标名称", "标准指标", "数值", "单位",
	"标准值", "标准单位", "同比(%)", "比较基准", "百分点变化", "完成率(%)", "增减量",
	"状态", "界限", "上限", "表格", "原文句子", "偏移", "复核",
}

// colWidths are the widths of sheet 指标's columns, in characters.
var colWidths = [len(Fields)]float64{
	22, 6, 28, 7, 24, 18, 12, 8,
	16, 9, 9, 10, 11, 10, 14,
	7, 6, 10, 24, 90, 8, 20,
}

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

// Number formats. A single "#,##0.##" would show 15 as "15.", so each
// number cell gets the integer or the decimal style according to its
// value.
const (
	intFormat = "#,##0"
	decFormat = "#,##0.##########"
)

// A Workbook writes a batch as an Excel workbook with three sheets:
//
//   - 指标: one row per record, columns [Headers] in the order of
//     [Fields], as an Excel table with filters, a frozen header row,
//     thousands separators and a wrapping sentence column. Status and
//     bound are shown in Chinese (实际/预计/目标, ≥, ≤, 约, 区间).
//   - 汇总: one row per indicator (its canonical name, else its name as
//     written, with its standard unit; rates against last year get their
//     own row with unit "同比%"), one column per report and status
//     ("report", "report (预计)", "report (目标)"), holding standard
//     values. When a report states one indicator several times with the
//     same status, the first occurrence in text order wins. Rows with a
//     catalog name come first, then rows filled for more reports.
//   - 文件: one row per input: file, path, title, report year, pages,
//     characters, records, seconds, status ("ok" or the reason) and
//     details.
//
// Records of sheet 指标 are streamed to a temporary file as they come, so
// memory stays small; 汇总 keeps only one number per cell. The workbook
// is assembled at Close into a temporary file next to the target, then
// renamed, so no half-written workbook is ever left behind.
// A Workbook is not safe for concurrent use.
type Workbook struct {
	path string
	tmp  *os.File
	xdir string          // excelize's temporary folder
	ctx  context.Context // set by CloseContext
	xf   *excelize.File
	sw   *excelize.StreamWriter
	rows int // rows written to 指标, header included

	intStyle, decStyle, wrapStyle, headStyle int

	sum   summary
	files []File
	nrecs []int // records per file, parallel to files

	err  error
	done bool
}

// NewWorkbook starts a workbook that Close will write to path. It creates
// its temporary file in path's folder at once, so that an unwritable
// target is reported before any work is done.
func NewWorkbook(path string) (*Workbook, error) {
	tmp, err := CreateTemp(path)
	if err != nil {
		return nil, fmt.Errorf("workbook: %w", err)
	}
	// excelize spills large sheets to temporary files of its own; they go
	// to a folder named like ours, so that a killed run's are found too.
	xdir, err := os.MkdirTemp(filepath.Dir(tmp.Name()), tempPattern(filepath.Base(path)+".d"))
	if err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return nil, fmt.Errorf("cannot write workbook %s: %w", path, err)
	}
	w := &Workbook{path: path, tmp: tmp, xdir: xdir, xf: excelize.NewFile(excelize.Options{TmpDir: xdir})}
	if err := w.init(); err != nil {
		w.Abort()
		return nil, fmt.Errorf("workbook %s: %w", path, err)
	}
	return w, nil
}

func (w *Workbook) init() error {
	f := w.xf
	if err := f.SetSheetName("Sheet1", SheetIndicators); err != nil {
		return err
	}
	for _, s := range []string{SheetSummary, SheetFiles} {
		if _, err := f.NewSheet(s); err != nil {
			return err
		}
	}
	var err error
	style := func(s *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = f.NewStyle(s)
		return id
	}
	intFmt, decFmt := intFormat, decFormat
	w.intStyle = style(&excelize.Style{CustomNumFmt: &intFmt})
	w.decStyle = style(&excelize.Style{CustomNumFmt: &decFmt})
	w.wrapStyle = style(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	w.headStyle = style(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	if w.sw, err = f.NewStreamWriter(SheetIndicators); err != nil {
		return err
	}
	for i, width := range colWidths {
		if err := w.sw.SetColWidth(i+1, i+1, width); err != nil {
			return err
		}
	}
	if err := w.sw.SetPanes(frozenPanes(1, 1)); err != nil {
		return err
	}
	head := make([]any, len(Headers))
	for i, h := range Headers {
		head[i] = excelize.Cell{StyleID: w.headStyle, Value: h}
	}
	w.rows = 1
	return w.sw.SetRow("A1", head)
}

// frozenPanes freezes the first cols columns and rows rows.
func frozenPanes(cols, rows int) *excelize.Panes {
	cell, _ := excelize.CoordinatesToCellName(cols+1, rows+1)
	return &excelize.Panes{
		Freeze: true, XSplit: cols, YSplit: rows, TopLeftCell: cell, ActivePane: "bottomRight",
		Selection: []excelize.Selection{{SQRef: cell, ActiveCell: cell, Pane: "bottomRight"}},
	}
}

// Add writes the records of one input file to sheet 指标 and notes the
// file for sheets 汇总 and 文件.
func (w *Workbook) Add(f File, recs []transform.Indicator) error {
	if w.err != nil {
		return w.err
	}
	if w.done {
		return errors.New("workbook: Add after Close")
	}
	f.Title, f.Note = cellText(f.Title), cellText(f.Note)
	w.files = append(w.files, f)
	w.nrecs = append(w.nrecs, len(recs))
	w.sum.add(f, recs)
	row := make([]any, len(Fields))
	for i := range recs {
		r := &recs[i]
		row = append(row[:0],
			cellText(r.Doc), r.Page, cellText(r.Section), cellText(r.Period),
			cellText(r.Name), cellText(r.Canonical), w.num(r.Value), cellText(r.Unit),
			w.num(r.StdValue), cellText(r.StdUnit), w.num(r.YoY), cellText(r.Basis),
			w.num(r.PP), w.num(r.Completion), w.num(r.Delta),
			label(statusLabels, r.Status), label(boundLabels, r.Bound), w.num(r.Max),
			cellText(r.Table), excelize.Cell{StyleID: w.wrapStyle, Value: cellText(r.Sentence)}, r.Offset,
			cellText(r.Review),
		)
		w.rows++
		if err := w.sw.SetRow("A"+strconv.Itoa(w.rows), row); err != nil {
			w.err = fmt.Errorf("workbook: %s: %w", f.Name, err)
			return w.err
		}
	}
	return nil
}

// label returns the display label of v, or v itself when it has none.
func label[T ~string](labels map[T]string, v T) string {
	if l, ok := labels[v]; ok {
		return l
	}
	return cellText(string(v))
}

// num returns the cell for an optional number: nil (an empty cell) when
// unset or not finite, else the value with the integer or decimal style.
func (w *Workbook) num(p *float64) any {
	if p = finite(p); p == nil {
		return nil
	}
	return excelize.Cell{StyleID: w.numStyle(*p), Value: *p}
}

// numStyle picks the style that shows v without a trailing decimal point.
func (w *Workbook) numStyle(v float64) int {
	// decFormat shows at most 10 decimals; a value that rounds to an
	// integer there would show as "15." with it.
	if math.Abs(v) >= 1e15 || math.Round(v*1e10)/1e10 == math.Trunc(v) {
		return w.intStyle
	}
	return w.decStyle
}

// CloseContext is Close that gives up, writing nothing, when ctx is done
// before the final rename: assembling a large workbook takes seconds,
// and an interrupted run must not leave it behind.
func (w *Workbook) CloseContext(ctx context.Context) error {
	w.ctx = ctx
	return w.Close()
}

// Close writes sheets 汇总 and 文件, assembles the workbook and renames
// it to its path. It returns the first error met; the temporary file is
// removed in every case.
func (w *Workbook) Close() error {
	if w.done {
		return w.err
	}
	w.done = true
	if w.err == nil {
		w.err = w.write()
	}
	if w.err != nil {
		w.Abort()
		return w.err
	}
	return nil
}

func (w *Workbook) write() error {
	if err := w.interrupted(); err != nil {
		return err
	}
	last, _ := excelize.CoordinatesToCellName(len(Fields), w.rows)
	yes := true
	if err := w.sw.AddTable(&excelize.Table{
		Range: "A1:" + last, Name: "Indicators", StyleName: "TableStyleMedium2", ShowRowStripes: &yes,
	}); err != nil {
		return fmt.Errorf("workbook: table: %w", err)
	}
	if err := w.sw.Flush(); err != nil {
		return fmt.Errorf("workbook: %w", err)
	}
	if err := w.writeSummary(); err != nil {
		return fmt.Errorf("workbook: sheet %s: %w", SheetSummary, err)
	}
	if err := w.writeFiles(); err != nil {
		return fmt.Errorf("workbook: sheet %s: %w", SheetFiles, err)
	}
	if err := w.interrupted(); err != nil {
		return err
	}
	if err := w.xf.Write(ctxWriter{w.ctx, w.tmp}); err != nil {
		return fmt.Errorf("workbook: %w", err)
	}
	if err := w.xf.Close(); err != nil { // removes excelize's own temporary files
		return fmt.Errorf("workbook: %w", err)
	}
	if err := w.tmp.Chmod(0o644); err != nil {
		return fmt.Errorf("workbook: %w", err)
	}
	if err := w.tmp.Close(); err != nil {
		return fmt.Errorf("workbook: %w", err)
	}
	if err := w.interrupted(); err != nil {
		return err
	}
	if err := os.Rename(w.tmp.Name(), w.path); err != nil {
		return fmt.Errorf("workbook: %w", err)
	}
	w.tmp = nil
	os.RemoveAll(w.xdir)
	return nil
}

// interrupted returns the context's error, if CloseContext was given one
// that is done.
func (w *Workbook) interrupted() error {
	if w.ctx == nil || w.ctx.Err() == nil {
		return nil
	}
	return fmt.Errorf("workbook: %w", w.ctx.Err())
}

// A ctxWriter fails its writes once its context is done, so that the
// assembly of a workbook stops on Ctrl-C.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c ctxWriter) Write(p []byte) (int, error) {
	if c.ctx != nil && c.ctx.Err() != nil {
		return 0, c.ctx.Err()
	}
	return c.w.Write(p)
}

// Abort discards the workbook: it removes the temporary files and writes
// nothing to the target path. Use it instead of Close when a run is
// interrupted. Abort after a successful Close does nothing.
func (w *Workbook) Abort() {
	if w.done && w.err == nil {
		return // closed successfully
	}
	w.done = true
	if w.err == nil {
		w.err = errors.New("workbook: aborted")
	}
	if w.tmp != nil {
		w.tmp.Close()
		os.Remove(w.tmp.Name())
		w.tmp = nil
	}
	if w.xf != nil {
		w.xf.Close()
	}
	if w.xdir != "" {
		os.RemoveAll(w.xdir)
	}
}
