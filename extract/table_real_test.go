package extract

import (
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

// realPDFs is where the shared real PDFs are, relative to this package.
const realPDFs = "../../shared/real-pdfs"

// gluedFigure matches a cell that begins with a figure run into the Han
// text of the next cell ("156,211,123一、一般公共服务支出"): a figure with
// thousands separators or two decimals (not an item number "1.2") right
// before a Han character that no unit or date begins with.
var gluedFigure = regexp.MustCompile(`^[-+]?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d{2,})%?[\p{Han}]`)

// figure matches a whole figure ("-1,234.5", "12%").
var figure = regexp.MustCompile(`^[-+]?\d[\d,]*(?:\.\d+)?%?$`)

// unitAfter lists Han characters that may follow a figure inside one cell.
const unitAfter = "万亿千百元角分年月日个家人户次项件吨台辆只套倍股份点元亩天小时平方米公里克"

// checkTable checks the invariants every table read from a PDF keeps:
// rows of one length, merged cells inside the grid covering exactly the
// positions marked covered, a header within the rows, cell offsets that
// point at the cell's text in doc.Text; and, with content, that no cell
// of a ruled table holds two figures or a figure glued to the next
// cell's text.
func checkTable(t *testing.T, name string, doc *Document, ti int, content bool) {
	t.Helper()
	tb := doc.Tables[ti]
	text := []rune(doc.Text)
	cols := tb.Cols()
	if tb.Header < 0 || tb.Header > len(tb.Rows) {
		t.Errorf("%s table %d: header %d of %d rows", name, ti+1, tb.Header, len(tb.Rows))
	}
	cover := make([][]int, len(tb.Rows)) // how many merged cells cover each position
	for r := range cover {
		cover[r] = make([]int, cols)
	}
	for r, row := range tb.Rows {
		if len(row) != cols {
			t.Errorf("%s table %d row %d: %d cells, want %d", name, ti+1, r, len(row), cols)
			continue
		}
		for c, cell := range row {
			if cell.Covered() {
				if cell.Text != "" {
					t.Errorf("%s table %d (%d,%d): covered cell with text %q", name, ti+1, r, c, cell.Text)
				}
				continue
			}
			if cell.RowSpan < 1 || cell.ColSpan < 1 || r+cell.RowSpan > len(tb.Rows) || c+cell.ColSpan > cols {
				t.Errorf("%s table %d (%d,%d): span %d×%d out of the grid", name, ti+1, r, c, cell.RowSpan, cell.ColSpan)
				continue
			}
			for i := r; i < r+cell.RowSpan; i++ {
				for k := c; k < c+cell.ColSpan; k++ {
					cover[i][k]++
				}
			}
			if cell.Text != "" {
				n := utf8.RuneCountInString(cell.Text)
				if cell.Offset < 0 || cell.Offset+n > len(text) || string(text[cell.Offset:cell.Offset+n]) != cell.Text {
					t.Errorf("%s table %d (%d,%d): offset %d does not hold %q", name, ti+1, r, c, cell.Offset, cell.Text)
				}
			}
			if !content || tb.Source != "ruled" {
				continue
			}
			if f := strings.Fields(cell.Text); len(f) >= 2 && allNumeric(f) {
				t.Errorf("%s table %d (%d,%d): two figures in one cell: %q", name, ti+1, r, c, cell.Text)
			}
			if m := gluedFigure.FindString(cell.Text); m != "" {
				last, _ := utf8.DecodeLastRuneInString(m)
				if !strings.ContainsRune(unitAfter, last) {
					t.Errorf("%s table %d (%d,%d): figure glued to text: %q", name, ti+1, r, c, cell.Text)
				}
			}
		}
	}
	for r := range cover {
		for c := range cover[r] {
			if cover[r][c] != 1 {
				t.Errorf("%s table %d (%d,%d): covered by %d cells", name, ti+1, r, c, cover[r][c])
			}
		}
	}
}

func allNumeric(fields []string) bool {
	for _, f := range fields {
		if !figure.MatchString(f) {
			return false
		}
	}
	return true
}

// tableWith returns the first table of doc whose caption contains s, or
// nil.
func tableWith(doc *Document, s string) *Table {
	for i := range doc.Tables {
		if strings.Contains(doc.Tables[i].Caption, s) {
			return &doc.Tables[i]
		}
	}
	return nil
}

// rowWith returns the first row of t whose text (RowText) begins with s,
// or -1.
func rowWith(t *Table, s string) int {
	for r := range t.Rows {
		if strings.HasPrefix(t.RowText(r), s) {
			return r
		}
	}
	return -1
}

// TestRealTables reads every PDF of ../shared/real-pdfs (skipping when
// it is absent) and checks that reading never panics and that every table
// keeps the invariants of checkTable; then checks tables and pages read
// by eye against the rendered pages.
func TestRealTables(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(realPDFs, "*.pdf"))
	if len(files) == 0 {
		t.Skip("real PDFs not present")
	}
	if testing.Short() {
		t.Skip("reading the real PDFs takes seconds")
	}
	// Read them on every core; check them in order.
	read := make([]*Document, len(files))
	errs := make([]error, len(files))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				read[i], errs[i] = Open(files[i])
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	docs := map[string]*Document{}
	for i, f := range files {
		doc, name := read[i], filepath.Base(f)
		if doc == nil {
			t.Logf("%s: %v", name, errs[i])
			continue
		}
		docs[strings.SplitN(name, "-", 2)[0]] = doc
		for i := range doc.Tables {
			checkTable(t, name, doc, i, true)
		}
		t.Logf("%s: %d pages, %d tables", name, len(doc.Pages), len(doc.Tables))
	}
	type expect struct {
		doc, caption string
		page         int    // page the table begins on
		rows, header int    // rows (all pages), header rows; -1: not checked
		row          string // a row, as RowText
	}
	for _, e := range []expect{
		// WPS budget: side-by-side 收入/支出 summary, figures never glued to the next label.
		{"w08", "2024年部门财务收支预算总表", 10, 12, 2, "一、财政拨款收入\t156,211,123\t一、一般公共服务支出\t2,932,700"},
		// A budget table over five pages, its repeated three header rows dropped.
		{"w08", "2024年部门收入预算总表", 11, 69, 3, "201\t05\t07\t专项普查活动\t257,700\t257,700\t0\t0\t0"},
		// Excel: a header cell merged over three rows and two columns.
		{"w14", "2025年预算单位财务收支预算总表", 7, 12, 4, "一、财政拨款收入\t171,915,169\t一、一般公共服务支出\t127,886,849\t60,330,260\t24,531,459\t43,025,130"},
		// ONLYOFFICE: borders stroked as lines, cells clipped one by one.
		{"w15", "收入支出决算总表", 6, 32, 2, "一、一般公共预算财政拨款收入\t2,940.05\t一、一般公共服务支出\t2,106.66"},
		// Word 2016 annual report: labels wrapped in their cells.
		{"w18", "利润表及现金流量表相关科目变动分析表", 8, 11, 1, "研发支出\t131,573,981.20\t220,532,702.37\t-40.34"},
		// WPS quarterly report: a wrapped label, a statement over four pages.
		{"w21", "2、母公司资产负债表", 12, 79, -1, "货币资金\t"},
		// Tables with merged cells down the first column.
		{"w27", "表7.5停车区用地指标基准值", 1, 8, 2, "高速公路\t八\t2.5000\t60000≤Q＜80000\t20＜μ≤30"},
		{"w24", "表7-2：截至2023年3月末发行人授信及使用情况", 1, 12, 1, "2\t徽商银行南京中山北路支行\t330,435.30\t256,735.30\t73,700.00"},
	} {
		doc := docs[e.doc]
		if doc == nil {
			t.Errorf("%s: not read", e.doc)
			continue
		}
		tb := tableWith(doc, e.caption)
		if tb == nil {
			t.Errorf("%s: no table captioned %q", e.doc, e.caption)
			continue
		}
		if tb.Page != e.page || e.rows >= 0 && len(tb.Rows) != e.rows || e.header >= 0 && tb.Header != e.header {
			t.Errorf("%s %q: page %d, %d rows, header %d; want page %d, %d rows, header %d", e.doc, e.caption, tb.Page, len(tb.Rows), tb.Header, e.page, e.rows, e.header)
		}
		if rowWith(tb, e.row) < 0 {
			t.Errorf("%s %q: no row %q", e.doc, e.caption, e.row)
		}
	}
	// The wrapped label of a Word table is one label, its figures beside it.
	if doc := docs["w21"]; doc != nil {
		found := false
		for i := range doc.Tables {
			found = found || rowWith(&doc.Tables[i], "归属于上市公司股东的扣除非经常性损益的净利润（元）\t-7,889,855.34\t-15,424,679.15\t48.85%") >= 0
		}
		if !found {
			t.Errorf("w21: the wrapped label 归属于上市公司股东的扣除非经常性损益的净利润（元） is not one cell beside its figures")
		}
	}
	// Pages that hold no table give none: a chart printed from Excel, a
	// cover, an OCRed magazine page, a journal page, a template, a manual.
	for _, name := range []string{"w20", "w22", "w29", "w32", "w37", "w38"} {
		if doc := docs[name]; doc != nil && len(doc.Tables) > 0 {
			t.Errorf("%s: %d tables, want none (first: %q)", name, len(doc.Tables), doc.Tables[0].RowText(0))
		}
	}
	// A chart's labels and data labels leave the text.
	if doc := docs["w20"]; doc != nil && strings.Contains(doc.Text, "%") {
		t.Errorf("w20: chart labels left in the text: %.60q", doc.Text)
	}
}

// TestRealTablesDump writes what TestRealTables reads, table by table, to
// $ZB_TABLE_DUMP (a folder), for looking at by hand.
func TestRealTablesDump(t *testing.T) {
	dir := os.Getenv("ZB_TABLE_DUMP")
	if dir == "" {
		t.Skip("ZB_TABLE_DUMP not set")
	}
	files, _ := filepath.Glob(filepath.Join(realPDFs, "*.pdf"))
	for _, f := range files {
		doc, err := Open(f)
		if doc == nil {
			t.Logf("%s: %v", filepath.Base(f), err)
			continue
		}
		out := filepath.Join(dir, strings.TrimSuffix(filepath.Base(f), ".pdf")+".tables.txt")
		if err := os.WriteFile(out, []byte(dumpTables(doc)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
