package load

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/zhibiao/zhibiao/transform"
)

// pinned is the creation time the tests give their workbooks.
var pinned = time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)

// countyTable is a table as transform.Tables gives it: a merged header
// over two columns, numbers with decimals, separators and percents.
func countyTable() transform.Table {
	cell := func(text string, v *float64) transform.TableCell {
		return transform.TableCell{Text: text, Value: v, RowSpan: 1, ColSpan: 1}
	}
	merged := transform.TableCell{Text: "2021年", RowSpan: 1, ColSpan: 2}
	covered := transform.TableCell{}
	tall := transform.TableCell{Text: "指标", RowSpan: 2, ColSpan: 1}
	return transform.Table{
		Doc: "b.txt", Page: 3, Caption: "表1　2021年主要经济指标", Notes: []string{"单位：亿元"}, Header: 2,
		Rows: [][]transform.TableCell{
			{tall, merged, covered},
			{covered, cell("绝对数", nil), cell("增长（%）", nil)},
			{cell("地区生产总值", nil), cell("1,325.60", f64(1325.6)), cell("8.1%", f64(8.1))},
			{cell("=SUM(A1)", nil), cell("98", f64(98)), cell("—", nil)},
		},
	}
}

// newTestWorkbook starts a workbook in a temporary folder.
func newTestWorkbook(t *testing.T) (*Workbook, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "out.xlsx")
	w, err := NewWorkbook(path)
	if err != nil {
		t.Fatal(err)
	}
	return w, path
}

// closeAndOpen closes w and opens what it wrote at path with excelize,
// until the test ends.
func closeAndOpen(t *testing.T, w *Workbook, path string) *excelize.File {
	t.Helper()
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Close() })
	return x
}

// writeSample writes a workbook of two reports, a failed input and a
// table, and returns its path.
func writeSample(t *testing.T) string { return writeSampleWith(t, 0) }

// writeSampleWith is writeSample with the workbook's workers set (0: the
// default).
func writeSampleWith(t *testing.T, workers int) string {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "out.xlsx")
	w, err := NewWorkbook(path)
	if err != nil {
		t.Fatal(err)
	}
	w.SetCreated(pinned)
	if workers > 0 {
		w.SetWorkers(workers)
	}
	b := sample()
	for i := range b {
		b[i].Doc = "b.txt"
	}
	b[0].StdValue = f64(1.6e9)
	adds := []struct {
		f    File
		recs []transform.Indicator
	}{
		{File{Path: "in/a.txt", Name: "a.txt", Format: "text", Title: "2020年工作总结", Year: "2020", Pages: 2, Chars: 1400, Seconds: 0.1234}, sample()},
		{File{Path: "in/x.pdf", Name: "x.pdf", Format: "pdf", Err: os.ErrPermission, Reason: "加密，需要密码 (encrypted)"}, nil},
		{File{Path: "in/b.txt", Name: "b.txt", Format: "text", Year: "2021", Note: "部分页面无法读取 (read in part): page 2",
			Tables: []transform.Table{countyTable()}}, b},
	}
	for _, a := range adds {
		if err := w.Add(a.f, a.recs); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("folder holds %d entries, want only out.xlsx", len(entries))
	}
	return path
}

// TestWorkbook reads the workbook back with excelize.
func TestWorkbook(t *testing.T) {
	x, err := excelize.OpenFile(writeSample(t))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if got, want := x.GetSheetList(), []string{SheetIndicators, SheetSummary, SheetTables, SheetFiles}; !reflect.DeepEqual(got, want) {
		t.Fatalf("sheets %q, want %q", got, want)
	}
	rows, err := x.GetRows(SheetIndicators)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 7 || !reflect.DeepEqual(rows[0], Headers[:]) {
		t.Fatalf("指标: %d rows, header %q", len(rows), rows[0])
	}
	cell := func(sheet, ref string) string {
		t.Helper()
		v, err := x.GetCellValue(sheet, ref)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	// Formatted values: thousands separators, no trailing point, the year
	// without a separator.
	for ref, want := range map[string]string{
		"G2": "15", "I2": "1,500,000,000", "G3": "25,494.69", "K2": "-15", "P2": "预计", "Q3": "区间",
		"T3": "=SUM(A1)  12345678901234567890", "D2": "2020", "D4": "", "G4": "", "A4": "a.txt", "E4": "-负数名",
	} {
		if got := cell(SheetIndicators, ref); got != want {
			t.Errorf("指标!%s = %q, want %q", ref, got, want)
		}
	}
	for ref, want := range map[string]excelize.CellType{"T3": excelize.CellTypeInlineString, "D2": excelize.CellTypeUnset} {
		if typ, _ := x.GetCellType(SheetIndicators, ref); typ != want {
			t.Errorf("指标!%s has type %v, want %v", ref, typ, want)
		}
	}
	tables, err := x.GetTables(SheetIndicators)
	if err != nil || len(tables) != 1 || tables[0].Range != "A1:V7" {
		t.Errorf("tables = %+v, %v; want one A1:V7", tables, err)
	}
	panes, err := x.GetPanes(SheetIndicators)
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("panes = %+v, %v; want frozen header", panes, err)
	}
	if got := numFmt(t, x, SheetIndicators, "I2"); got != intFormat {
		t.Errorf("I2 number format %q, want %q", got, intFormat)
	}
	if got := numFmt(t, x, SheetIndicators, "D2"); got != yearFormat {
		t.Errorf("D2 (year) number format %q, want %q", got, yearFormat)
	}
	// The record of the failed page says so; the review of -负数名 is its own.
	if got := cell(SheetIndicators, "V4"); got != "" {
		t.Errorf("指标!V4 = %q, want no review", got)
	}

	sum, _ := x.GetRows(SheetSummary)
	wantSum := [][]string{
		{"指标", "单位", "报告数", "a.txt\n2020年 实际", "a.txt\n2020年 预计", "a.txt\n目标", "b.txt\n2020年 实际", "b.txt\n2020年 预计", "b.txt\n目标"},
		{"税收收入", "亿元", "2", "", "15", "", "", "16"},
		{"税收收入", "同比增长(%)", "2", "", "-15", "", "", "-15"},
		{"实际利用外资", "亿美元", "2", "2.5495", "", "", "2.5495"},
		{"-负数名", "同比增长(%)", "2", "", "", "0.3", "", "", "0.3"},
	}
	if len(sum) < 2 || !reflect.DeepEqual(sum[1:], wantSum) {
		t.Errorf("汇总 =\n%q\nwant\n%q", sum[1:], wantSum)
	}
	if !strings.Contains(sum[0][0], "每行一个可比较的指标") {
		t.Errorf("汇总 has no note: %q", sum[0])
	}

	tab, _ := x.GetRows(SheetTables)
	wantTab := [][]string{
		{"表1　2021年主要经济指标"},
		{"文件：b.txt　第 3 页　单位：亿元"},
		{"指标", "2021年"},
		{"", "绝对数", "增长（%）"},
		{"地区生产总值", "1,325.60", "8.1%"},
		{"=SUM(A1)", "98", "—"},
	}
	if !reflect.DeepEqual(tab, wantTab) {
		t.Errorf("表格 =\n%q\nwant\n%q", tab, wantTab)
	}
	merged, _ := x.GetMergeCells(SheetTables)
	var refs []string
	for _, m := range merged {
		refs = append(refs, m.GetStartAxis()+":"+m.GetEndAxis())
	}
	if want := []string{"A3:A4", "B3:C3"}; !reflect.DeepEqual(sortedCopy(refs), want) {
		t.Errorf("表格 merged cells %q, want %q", refs, want)
	}
	if v, _ := x.GetCellValue(SheetTables, "C5", excelize.Options{RawCellValue: true}); v != "0.081" {
		t.Errorf("表格!C5 raw value %q, want the fraction 0.081", v)
	}

	files, _ := x.GetRows(SheetFiles)
	if len(files) != 4 {
		t.Fatalf("文件 = %q", files)
	}
	for i, want := range [][]string{
		{"a.txt", "in/a.txt", "文本", "2020年工作总结", "2020", "2", "1400", "3", "0", "0.123", "ok"},
		{"x.pdf", "in/x.pdf", "PDF", "", "", "", "", "", "", "0", "加密，需要密码 (encrypted)", "permission denied"},
		{"b.txt", "in/b.txt", "文本", "", "2021", "0", "0", "3", "1", "0", "部分读取", "部分页面无法读取 (read in part): page 2"},
	} {
		if got := files[i+1]; !reflect.DeepEqual(got, want) {
			t.Errorf("文件 row %d = %q, want %q", i+2, got, want)
		}
	}
	if fill := fillOf(t, x, SheetFiles, "A3"); fill != failFill {
		t.Errorf("failed input's row fill %q, want %q", fill, failFill)
	}
	if fill := fillOf(t, x, SheetFiles, "K4"); fill != partFill {
		t.Errorf("partly read input's row fill %q, want %q", fill, partFill)
	}
}

// numFmt returns the custom number format of a cell, "" for none.
func numFmt(t *testing.T, x *excelize.File, sheet, ref string) string {
	t.Helper()
	id, err := x.GetCellStyle(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	st, err := x.GetStyle(id)
	if err != nil || st.CustomNumFmt == nil {
		return ""
	}
	return *st.CustomNumFmt
}

// fillOf returns the fill colour of a cell, "" for none.
func fillOf(t *testing.T, x *excelize.File, sheet, ref string) string {
	t.Helper()
	id, _ := x.GetCellStyle(sheet, ref)
	st, err := x.GetStyle(id)
	if err != nil || len(st.Fill.Color) == 0 {
		return ""
	}
	return strings.TrimPrefix(strings.ToUpper(st.Fill.Color[0]), "#")
}

func sortedCopy(s []string) []string {
	c := append([]string(nil), s...)
	for i := range c {
		for j := i + 1; j < len(c); j++ {
			if c[j] < c[i] {
				c[i], c[j] = c[j], c[i]
			}
		}
	}
	return c
}

// readZip returns the parts of an .xlsx file by name.
func readZip(t *testing.T, path string) map[string]string {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	parts := make(map[string]string)
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name] = string(b)
	}
	return parts
}

// sheetParts maps sheet names to their part names, as workbook.xml and
// its relationships say.
func sheetParts(t *testing.T, parts map[string]string) map[string]string {
	t.Helper()
	rels := make(map[string]string)
	for _, m := range regexp.MustCompile(`<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"`).FindAllStringSubmatch(parts["xl/_rels/workbook.xml.rels"], -1) {
		rels[m[1]] = "xl/" + strings.TrimPrefix(m[2], "/xl/")
	}
	out := make(map[string]string)
	for _, m := range regexp.MustCompile(`<sheet name="([^"]+)" sheetId="\d+" r:id="([^"]+)"`).FindAllStringSubmatch(parts["xl/workbook.xml"], -1) {
		out[m[1]] = rels[m[2]]
	}
	if len(out) == 0 {
		t.Fatalf("no sheets in workbook.xml:\n%s", parts["xl/workbook.xml"])
	}
	return out
}

// TestWorkbookXML checks the workbook the way another reader sees it: the
// XML of its parts, without excelize.
func TestWorkbookXML(t *testing.T) {
	parts := readZip(t, writeSample(t))
	sheets := sheetParts(t, parts)
	for sheet, dim := range map[string]string{
		SheetIndicators: "A1:V7", SheetSummary: "A1:I6", SheetTables: "A1:C6", SheetFiles: "A1:L4",
	} {
		xml := parts[sheets[sheet]]
		if !strings.Contains(xml, `<dimension ref="`+dim+`"`) {
			t.Errorf("%s: want <dimension ref=%q>, got %s", sheet, dim, regexp.MustCompile(`<dimension[^>]*>`).FindString(xml))
		}
		// The rows the dimension promises are there.
		if n, want := strings.Count(xml, "<row "), lastRow(dim); n != want {
			t.Errorf("%s: %d rows, dimension says %d", sheet, n, want)
		}
		for _, want := range []string{`orientation="landscape"`, `paperSize="9"`, `<headerFooter`} {
			if !strings.Contains(xml, want) {
				t.Errorf("%s: page setup lacks %s", sheet, want)
			}
		}
	}
	ind := parts[sheets[SheetIndicators]]
	for _, want := range []string{`<pageSetUpPr fitToPage="(1|true)"`, `<pageSetup [^>]*fitToHeight="0"`, `<pageSetup [^>]*fitToWidth="1"`,
		`<conditionalFormatting sqref="A2:V7"><cfRule type="expression" [^>]*><formula>LEN\(\$V2\)&gt;0</formula>`,
		`<pane [^>]*state="frozen"[^>]* xSplit="1" ySplit="1"`, `<tablePart `} {
		if !regexp.MustCompile(want).MatchString(ind) {
			t.Errorf("指标 lacks %s", want)
		}
	}
	if !strings.Contains(parts[sheets[SheetTables]], `<mergeCell ref="B3:C3"/>`) {
		t.Errorf("表格 lacks the merged header B3:C3")
	}
	wb := parts["xl/workbook.xml"]
	for _, want := range []string{
		`localSheetId="0" name="_xlnm.Print_Titles">&#39;指标&#39;!$1:$1</definedName>`,
		`localSheetId="1" name="_xlnm.Print_Titles">&#39;汇总&#39;!$A:$C,&#39;汇总&#39;!$2:$2</definedName>`,
		`localSheetId="1" name="_xlnm._FilterDatabase">&#39;汇总&#39;!$A$2:$I$6</definedName>`,
	} {
		if !strings.Contains(wb, want) {
			t.Errorf("workbook.xml lacks %s:\n%s", want, wb)
		}
	}
	styles := parts["xl/styles.xml"]
	for _, code := range []string{`formatCode="#,##0"`, `formatCode="0"`, `formatCode="#,##0.00"`, `formatCode="0.0%"`, `formatCode="#,##0.0###"`} {
		if !strings.Contains(styles, code) {
			t.Errorf("styles.xml lacks number format %s", code)
		}
	}
	core := parts["docProps/core.xml"]
	for _, want := range []string{"<dc:creator>zhibiao</dc:creator>", "2024-05-06T07:08:09Z", "<dc:title>指标汇总（3 份报告）</dc:title>"} {
		if !strings.Contains(core, want) {
			t.Errorf("core.xml lacks %s:\n%s", want, core)
		}
	}
	if !strings.Contains(parts["docProps/app.xml"], "<Application>zhibiao</Application>") {
		t.Errorf("app.xml does not name zhibiao:\n%s", parts["docProps/app.xml"])
	}
}

// lastRow returns the row of the bottom-right cell of a range "A1:V7".
func lastRow(ref string) int {
	_, last, _ := strings.Cut(ref, ":")
	_, row, _ := excelize.CellNameToCoordinates(last)
	return row
}

func TestWorkbookEmpty(t *testing.T) {
	w, path := newTestWorkbook(t)
	x := closeAndOpen(t, w, path)
	rows, _ := x.GetRows(SheetIndicators)
	if len(rows) != 1 {
		t.Errorf("%d rows, want the header only", len(rows))
	}
	if tab, _ := x.GetRows(SheetTables); len(tab) != 1 || !strings.Contains(tab[0][0], "没有表格") {
		t.Errorf("表格 = %q, want a note that there is no table", tab)
	}
}

func TestWorkbookBadFolder(t *testing.T) {
	if _, err := NewWorkbook(filepath.Join(t.TempDir(), "missing", "out.xlsx")); err == nil {
		t.Error("NewWorkbook in a missing folder succeeded")
	}
}

func TestWorkbookAbort(t *testing.T) {
	dir := t.TempDir()
	spools, _ := filepath.Glob(filepath.Join(os.TempDir(), "zhibiao-*.spool"))
	w, err := NewWorkbook(filepath.Join(dir, "out.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Add(File{Name: "a.txt", Tables: []transform.Table{countyTable()}}, sample()); err != nil {
		t.Fatal(err)
	}
	w.Abort()
	if err := w.Close(); err == nil {
		t.Error("Close after Abort succeeded")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("Abort left %d files behind", len(entries))
	}
	if after, _ := filepath.Glob(filepath.Join(os.TempDir(), "zhibiao-*.spool")); len(after) > len(spools) {
		t.Errorf("Abort left temporary files: %q", after)
	}
}

// TestWorkbookWorkersSame writes a batch of 20,000 records with one
// worker (the rows of 指标 rendered as the workbook is stored) and with
// three (rendered ahead, in parts): every part of the workbooks is the
// same.
func TestWorkbookWorkersSame(t *testing.T) {
	write := func(workers int) map[string]string {
		path := filepath.Join(t.TempDir(), "o.xlsx")
		w, err := NewWorkbook(path)
		if err != nil {
			t.Fatal(err)
		}
		w.SetCreated(pinned)
		w.SetWorkers(workers)
		for i, recs := range batchOf(20000) {
			if err := w.Add(File{Name: "r" + strconv.Itoa(i) + ".txt"}, recs); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		return readZip(t, path)
	}
	a, b := write(1), write(3)
	if len(a) != len(b) {
		t.Fatalf("%d parts and %d parts", len(a), len(b))
	}
	for name, part := range a {
		if b[name] != part {
			t.Errorf("part %s differs", name)
		}
	}
	if !strings.Contains(a["xl/worksheets/sheet1.xml"], `<row r="20001"`) {
		t.Error("sheet 指标 lacks its last row")
	}
}

// TestWorkbookRowLimit lowers the row limit: records continue on 指标2,
// tables on 表格2 …, every record and table row is there once, in order,
// and no sheet passes the limit.
func TestWorkbookRowLimit(t *testing.T) {
	for _, workers := range []int{1, 3} {
		t.Run(strconv.Itoa(workers), func(t *testing.T) { testRowLimit(t, workers) })
	}
}

func testRowLimit(t *testing.T, workers int) {
	w, path := newTestWorkbook(t)
	w.SetWorkers(workers)
	const limit = 7 // 6 records per sheet under the header
	w.maxRows = limit
	var all []string
	long := countyTable()
	long.Caption = "表2 长表"
	for range 5 {
		long.Rows = append(long.Rows, long.Rows[2]) // 9 grid rows: runs over two sheets
	}
	tables := []transform.Table{countyTable(), long, countyTable()}
	var l tableLayout
	gridRows := 0
	for f := range 3 {
		recs := make([]transform.Indicator, 3)
		for i := range recs {
			recs[i] = sample()[i]
			recs[i].Offset = f*10 + i
			all = append(all, recs[i].Name)
		}
		var ts []transform.Table
		if f != 1 { // a file without tables between files with them
			ts = tables
			for i := range ts {
				l.see(&ts[i])
				gridRows += len(ts[i].Rows)
			}
		}
		if err := w.Add(File{Name: "r" + string(rune('0'+f)) + ".txt", Tables: ts}, recs); err != nil {
			t.Fatal(err)
		}
	}
	x := closeAndOpen(t, w, path)
	want := []string{"指标", "指标2", SheetSummary}
	plan := l.sheetRows(limit)
	for k := range plan {
		want = append(want, tableSheet(k))
	}
	want = append(want, SheetFiles)
	if got := x.GetSheetList(); !reflect.DeepEqual(got, want) {
		t.Fatalf("sheets %q, want %q (tables planned %v)", got, want, plan)
	}
	var names []string
	for _, s := range []string{"指标", "指标2"} {
		rows, _ := x.GetRows(s)
		if !reflect.DeepEqual(rows[0], Headers[:]) {
			t.Errorf("%s header %q", s, rows[0])
		}
		for _, r := range rows[1:] {
			names = append(names, r[colName])
		}
		if tables, _ := x.GetTables(s); len(tables) != 1 {
			t.Errorf("%s has %d tables, want 1", s, len(tables))
		}
	}
	if !reflect.DeepEqual(names, all) {
		t.Errorf("records across sheets %q, want %q", names, all)
	}
	parts := readZip(t, path)
	sheets := sheetParts(t, parts)
	captions, lines := 0, 0
	for k, n := range plan {
		s := tableSheet(k)
		rows, _ := x.GetRows(s)
		if len(rows) > limit {
			t.Errorf("%s has %d rows, limit %d", s, len(rows), limit)
		}
		dim := regexp.MustCompile(`<dimension ref="A1:C(\d+)"`).FindStringSubmatch(parts[sheets[s]])
		if dim == nil || dim[1] != strconv.Itoa(n) || len(rows) != n {
			t.Errorf("%s: %d rows, dimension %q, planned %d", s, len(rows), dim, n)
		}
		for _, r := range rows {
			switch {
			case len(r) == 0:
			case strings.HasPrefix(r[0], "表"):
				captions++
			case !strings.HasPrefix(r[0], "文件："):
				lines++
			}
		}
	}
	if captions != 6 || lines != gridRows {
		t.Errorf("%d captions and %d grid rows, want 6 and %d", captions, lines, gridRows)
	}
	if xml := parts[sheets["指标2"]]; !strings.Contains(xml, `<dimension ref="A1:V4"`) {
		t.Errorf("指标2 dimension %s, want A1:V4", regexp.MustCompile(`<dimension[^>]*>`).FindString(xml))
	}
}

// TestWorkbookColumnLimit lowers the column limit of 汇总: the reports
// with the most figures stay, and the sheet says how many were left out.
func TestWorkbookColumnLimit(t *testing.T) {
	w, path := newTestWorkbook(t)
	w.maxCols = len(summaryLead) + 2 // two report columns
	for f, n := range []int{1, 3, 2, 3} {
		var recs []transform.Indicator
		for i := range n {
			r := sample()[1] // actual, 实际利用外资
			r.Offset = i
			r.Doc = "r" + string(rune('0'+f)) + ".txt"
			recs = append(recs, r)
		}
		if err := w.Add(File{Name: recs[0].Doc}, recs); err != nil {
			t.Fatal(err)
		}
	}
	x := closeAndOpen(t, w, path)
	rows, _ := x.GetRows(SheetSummary)
	if got, want := rows[1][len(summaryLead):], []string{"r1.txt\n2020年 实际", "r3.txt\n2020年 实际"}; !reflect.DeepEqual(got, want) {
		t.Errorf("report columns %q, want %q", got, want)
	}
	if !strings.Contains(rows[0][0], "2份报告未列入") {
		t.Errorf("note does not say reports were left out: %q", rows[0][0])
	}
}

func TestWrittenFormat(t *testing.T) {
	tests := []struct {
		in, want string
		percent  bool
	}{
		{"7316292", "0", false},
		{"-2.9", "0.0", false},
		{"1,234.50", "#,##0.00", false},
		{"12.5%", "0.0%", true},
		{"１２．５０", "0.00", false},
		{"8%", "0%", true},
	}
	for _, tt := range tests {
		got, pct := writtenFormat(tt.in)
		if got != tt.want || pct != tt.percent {
			t.Errorf("writtenFormat(%q) = %q, %v; want %q, %v", tt.in, got, pct, tt.want, tt.percent)
		}
	}
}

func TestTextWidth(t *testing.T) {
	tests := []struct {
		in   string
		want float64
	}{
		{"abc", 3}, {"地区生产总值", 12}, {"GDP增长", 7}, {"１２", 4}, {"长行\n短", 4},
	}
	for _, tt := range tests {
		if got := textWidth(tt.in); got != tt.want {
			t.Errorf("textWidth(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
	if got := lines(strings.Repeat("数", 30), 22); got != 3 {
		t.Errorf("lines of 60 units in width 22 = %d, want 3", got)
	}
}

func TestSheetRows(t *testing.T) {
	tests := []struct {
		sizes []int
		max   int
		want  []int
	}{
		{nil, 10, []int{1}},
		{[]int{3, 3}, 10, []int{7}},    // 3 + blank + 3
		{[]int{5, 5}, 10, []int{5, 5}}, // 5 + blank + 5 > 10: next sheet
		{[]int{4, 12}, 10, []int{10, 7}},
		{[]int{10, 3}, 10, []int{10, 3}}, // a full sheet: no room for the blank row
		{[]int{25}, 10, []int{10, 10, 5}},
	}
	for _, tt := range tests {
		l := tableLayout{sizes: tt.sizes}
		if got := l.sheetRows(tt.max); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("sheetRows(%v, %d) = %v, want %v", tt.sizes, tt.max, got, tt.want)
		}
	}
}

// TestWorkbookAddAfterClose checks the sticky errors.
func TestWorkbookAddAfterClose(t *testing.T) {
	w, err := NewWorkbook(filepath.Join(t.TempDir(), "out.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := w.Add(File{Name: "a"}, nil); err == nil || errors.Is(err, os.ErrNotExist) {
		t.Errorf("Add after Close: %v", err)
	}
}

// TestWorkbookReproducible writes one batch twice with the creation time
// pinned: every part of the two files is the same. (The order of the
// parts in the zip may differ: excelize keeps them in a map.)
func TestWorkbookReproducible(t *testing.T) {
	a := readZip(t, writeSample(t))
	for _, workers := range []int{0, 1, 4} { // the rows of 指标 rendered at the end, or ahead
		b := readZip(t, writeSampleWith(t, workers))
		if len(a) != len(b) {
			t.Fatalf("%d workers: %d parts and %d parts", workers, len(a), len(b))
		}
		for name, part := range a {
			if b[name] != part {
				t.Errorf("%d workers: part %s differs", workers, name)
			}
		}
	}
}

// FuzzWrittenFormat checks that any cell text gives a number format of
// the shape sheet 表格 uses.
func FuzzWrittenFormat(f *testing.F) {
	for _, s := range []string{"7316292", "-2.9", "1,234.50", "12.5%", "１２．５０", "", ".", "%%", "1.2.3"} {
		f.Add(s)
	}
	shape := regexp.MustCompile(`^(#,##)?0(\.0+)?%?$`)
	f.Fuzz(func(t *testing.T, text string) {
		format, percent := writtenFormat(text)
		if !shape.MatchString(format) || percent != strings.HasSuffix(format, "%") {
			t.Errorf("writtenFormat(%q) = %q, %v", text, format, percent)
		}
	})
}

// TestWorkbookRowsInBatches writes a batch of many more records than a
// batch of rendering holds, on sheets of a few hundred rows, with a
// review reason of the batch (a value far outside the other reports'):
// sheet 指标 must be the same bytes whether its rows are rendered by one
// goroutine or by batches on several.
func TestWorkbookRowsInBatches(t *testing.T) {
	write := func(workers int) map[string]string {
		w, path := newTestWorkbook(t)
		w.SetCreated(pinned)
		w.SetWorkers(workers)
		w.maxRows = 3*rowBatchSize + 11 // sheets of 778 records: batches across their ends
		for f := range 9 {
			gdp := 4e10 + 1e9*float64(f)
			if f == 4 {
				gdp = 4e14 // 亿 read as 万亿: far outside the other reports
			}
			recs := []transform.Indicator{rec("地区生产总值", "地区生产总值", gdp, "元")}
			for i := range 2*rowBatchSize/3 + f {
				for _, r := range sample() {
					r.Offset = i
					recs = append(recs, r)
				}
			}
			for i := range recs {
				recs[i].Doc = fmt.Sprintf("r%d.txt", f)
			}
			name := fmt.Sprintf("r%d.txt", f)
			if err := w.Add(File{Path: "in/" + name, Name: name, Format: "text"}, recs); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		return readZip(t, path)
	}
	one := write(1)
	reasons := 0
	for name, part := range one {
		if strings.HasPrefix(name, "xl/worksheets/") {
			reasons += strings.Count(part, "与其他报告相差千倍以上")
		}
	}
	if reasons == 0 {
		t.Error("no review reason of the batch in 指标: the test does not test them")
	}
	for _, workers := range []int{2, 5} {
		got := write(workers)
		for name, part := range one {
			if got[name] != part {
				t.Errorf("%d workers: part %s differs", workers, name)
			}
		}
		if len(got) != len(one) {
			t.Errorf("%d workers: %d parts, not %d", workers, len(got), len(one))
		}
	}
}
