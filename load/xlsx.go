package load

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/zhibiao/zhibiao/transform"
)

// Sheet names of the workbook, in order. Past Excel's row limit 指标
// continues on 指标2, 指标3 … (and 表格 on 表格2 …), right after it.
const (
	SheetIndicators = "指标" // one row per record
	SheetSummary    = "汇总" // indicators × reports
	SheetTables     = "表格" // every table of every input
	SheetFiles      = "文件" // one row per input
)

// A Workbook writes a batch as an Excel workbook with four sheets:
//
//   - 指标: one row per record, columns [Headers] in the order of
//     [Fields], as an Excel table with filters, a frozen header row,
//     thousands separators, the year as a number, widths from content
//     and wrapped sentences. Status and bound are shown in Chinese
//     (实际/预计/目标, ≥, ≤, 约, 区间). Rows with a 复核 reason are
//     shaded, so a clerk filters or scans for them. 复核 holds the
//     record's review and the reasons only the whole batch shows: a unit
//     other than most reports use for the indicator, a value a thousand
//     times outside the other reports' range. JSON Lines and CSV, written
//     as the batch streams, carry the record's own review only.
//   - 汇总: the comparison of the reports: rows and mentions as the
//     package documentation says, one column per report and status,
//     values in the unit of the row's 单位 column.
//   - 表格: every table of every input, in input and table order, as
//     cells: caption, file and page above, header rows styled, merged
//     cells merged, numbers as numbers in the format they were written.
//   - 文件: one row per input: file, path, reader, title, the year the
//     report reviews, pages, characters, records, tables, seconds, status
//     (ok, 部分读取, or the reason of failure, highlighted) and details.
//
// Every sheet prints on A4 landscape, its header row on every page (the
// tables of 表格 carry their own).
// Records and tables are kept in temporary files as they come, so memory
// stays small; the sheets are written at Close, once their sizes are
// known, into a temporary file next to the target, which is then renamed:
// no half-written workbook is ever left behind.
// A Workbook is not safe for concurrent use.
type Workbook struct {
	path    string
	tmp     *os.File
	zipTo   io.Writer       // where the zip of the workbook goes: tmp, buffered
	xdir    string          // temporary folder: excelize's spill files and the spools
	ctx     context.Context // set by CloseContext
	xf      *excelize.File
	st      *styles
	created time.Time // zero: the time of Close

	// Excel's limits, lower in tests: rows per sheet and columns of 汇总.
	maxRows, maxCols int

	recs   spool[transform.Indicator]
	tables spool[transform.Table]
	recW   widths // widest content of each column of 指标
	files  []File // without their tables
	nrecs  []int  // records per file, parallel to files
	sum    summary
	tab    tableLayout

	splices []*splice  // the rows of 指标, put in place as the workbook is stored
	workers int        // goroutines that may work at once at Close
	ahead   *rowsAhead // the rows of 指标 being rendered, if they are

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
	// excelize spills large sheets to temporary files of its own, and the
	// records and tables wait in spools until Close: they go to a folder
	// named like ours, so that a killed run's are found too (RemoveStale).
	xdir, err := os.MkdirTemp(filepath.Dir(tmp.Name()), tempPattern(filepath.Base(path)+".d"))
	if err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return nil, fmt.Errorf("workbook: %w", err)
	}
	w := &Workbook{path: path, tmp: tmp, xdir: xdir, xf: excelize.NewFile(excelize.Options{TmpDir: xdir}),
		maxRows: excelRows, maxCols: excelCols, recW: make(widths, len(Fields)), workers: runtime.GOMAXPROCS(0)}
	// excelize assembles the whole workbook in memory before writing it
	// out (File.WriteToBuffer): 80 MB for the 700,000 records of a
	// province's year, and as much again while the buffer grows. The
	// zip is written to the workbook's file instead (see write), and
	// excelize's buffer stays empty.
	w.xf.SetZipWriter(func(io.Writer) excelize.ZipWriter { return newSplicingZip(w.zipTo, w.splices, w.workers) })
	w.recs.dir, w.tables.dir, w.sum.dir = xdir, xdir, xdir
	w.recs.codec = newRecordCodec
	if err := w.init(); err != nil {
		w.Abort()
		return nil, fmt.Errorf("workbook %s: %w", path, err)
	}
	return w, nil
}

func (w *Workbook) init() error {
	if err := w.xf.SetSheetName("Sheet1", SheetIndicators); err != nil {
		return err
	}
	w.st = newStyles(w.xf)
	return w.st.err
}

// SetWorkers sets how many goroutines may work at once when Close
// assembles the workbook (compressing its parts, rendering the rows of
// 指标 while the other sheets are written); by default GOMAXPROCS.
func (w *Workbook) SetWorkers(n int) { w.workers = max(n, 1) }

// SetCreated sets the creation time the workbook's document properties
// state; by default it is the time Close runs. Pin it to make the content
// of the workbook of one batch the same from run to run (every part of
// the file; excelize may store the parts in another order).
func (w *Workbook) SetCreated(t time.Time) { w.created = t }

// Add keeps the records and tables of one input file for the sheets that
// Close writes.
func (w *Workbook) Add(f File, recs []transform.Indicator) error {
	if w.err != nil {
		return w.err
	}
	if w.done {
		return errors.New("workbook: Add after Close")
	}
	file := len(w.files)
	for i := range f.Tables {
		if err := w.tables.add(&f.Tables[i]); err != nil {
			w.err = fmt.Errorf("workbook: %s: %w", f.Name, err)
			return w.err
		}
		w.tab.see(&f.Tables[i])
	}
	ntables := len(f.Tables)
	f.Tables = nil
	f.Title, f.Note = cellText(f.Title), cellText(f.Note)
	w.files = append(w.files, f)
	w.nrecs = append(w.nrecs, len(recs))
	w.tab.perFile = append(w.tab.perFile, ntables)
	w.sum.add(file, f, recs)
	for i := range recs {
		if err := w.recs.add(&recs[i]); err != nil {
			w.err = fmt.Errorf("workbook: %s: %w", f.Name, err)
			return w.err
		}
		w.seeRecord(&recs[i])
	}
	return nil
}

// CloseContext is Close that gives up, writing nothing, when ctx is done
// before the final rename: assembling a large workbook takes seconds,
// and an interrupted run must not leave it behind.
func (w *Workbook) CloseContext(ctx context.Context) error {
	w.ctx = ctx
	return w.Close()
}

// Close writes the sheets, assembles the workbook and renames it to its
// path. It returns the first error met; the temporary files are removed
// in every case.
func (w *Workbook) Close() error {
	if w.done {
		return w.err
	}
	w.done = true
	if w.err == nil {
		w.err = w.write()
	}
	if w.ahead != nil {
		w.ahead.close() // before the spool goes: it reads it
		w.ahead = nil
	}
	if w.err != nil {
		w.Abort()
		return w.err
	}
	w.recs.remove()
	w.tables.remove()
	w.sum.remove()
	os.RemoveAll(w.xdir)
	return nil
}

func (w *Workbook) write() error {
	if err := w.sum.finish(&w.recs, w.nrecs, w.maxCols-len(summaryLead), w.maxRows-summaryHead); err != nil {
		return fmt.Errorf("workbook: sheet %s: %w", SheetSummary, err)
	}
	if err := w.writeIndicators(); err != nil {
		return fmt.Errorf("workbook: sheet %s: %w", SheetIndicators, err)
	}
	if err := w.writeSummary(); err != nil {
		return fmt.Errorf("workbook: sheet %s: %w", SheetSummary, err)
	}
	if err := w.writeTables(); err != nil {
		return fmt.Errorf("workbook: sheet %s: %w", SheetTables, err)
	}
	if err := w.writeFiles(); err != nil {
		return fmt.Errorf("workbook: sheet %s: %w", SheetFiles, err)
	}
	if err := w.interrupted(); err != nil {
		return err
	}
	if err := w.properties(); err != nil {
		return fmt.Errorf("workbook: properties: %w", err)
	}
	if w.st.err != nil {
		return fmt.Errorf("workbook: %w", w.st.err)
	}
	if err := w.interrupted(); err != nil {
		return err
	}
	bw := bufio.NewWriterSize(ctxWriter{w.ctx, w.tmp}, 256<<10)
	w.zipTo = bw
	if err := w.xf.Write(ctxWriter{w.ctx, w.tmp}); err != nil { // (writes nothing: see New)
		return fmt.Errorf("workbook: %w", err)
	}
	if err := bw.Flush(); err != nil {
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
	return nil
}

// properties sets the document properties: title, creator zhibiao, the
// time of creation.
func (w *Workbook) properties() error {
	t := w.created
	if t.IsZero() {
		t = time.Now()
	}
	stamp := t.UTC().Format(time.RFC3339)
	records := 0
	for _, n := range w.nrecs {
		records += n
	}
	if err := w.xf.SetDocProps(&excelize.DocProperties{
		Title:          "指标汇总（" + strconv.Itoa(len(w.files)) + " 份报告）",
		Subject:        "报告中的统计指标",
		Description:    fmt.Sprintf("zhibiao 从 %d 份报告中读出的 %d 条指标", len(w.files), records),
		Creator:        "zhibiao",
		LastModifiedBy: "zhibiao",
		Created:        stamp,
		Modified:       stamp,
		Language:       "zh-CN",
	}); err != nil {
		return err
	}
	return w.xf.SetAppProps(&excelize.AppProperties{Application: "zhibiao"})
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
	if w.ahead != nil {
		w.ahead.close()
		w.ahead = nil
	}
	w.recs.remove()
	w.tables.remove()
	w.sum.remove()
	if w.xdir != "" {
		os.RemoveAll(w.xdir)
	}
}
