package transform

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/zhibiao/zhibiao/extract"
)

// gridDoc builds a Document that holds one table and nothing else: caption
// caption, rows split at "\n" and cells at "\t" (padded to one width), the
// first header rows headers; with merge set, a cell whose text is "^" is
// covered by the cell above it, and one whose text is "<" by the cell
// left of it.
func gridDoc(caption, grid string, header int, merge bool) *extract.Document {
	var rows [][]string
	cols := 0
	for _, l := range strings.Split(grid, "\n") {
		cells := strings.Split(l, "\t")
		rows = append(rows, cells)
		cols = max(cols, len(cells))
	}
	t := extract.Table{Caption: caption, Page: 1, Header: min(max(header, 0), len(rows)), Source: "text"}
	if merge {
		t.Source = "ruled" // merged cells come from drawn tables
	}
	for r, cells := range rows {
		row := make([]extract.Cell, cols)
		for c := range row {
			row[c] = extract.Cell{Page: 1, RowSpan: 1, ColSpan: 1, Offset: -1}
			if c < len(cells) {
				row[c].Text = cells[c]
			}
			if !merge {
				continue
			}
			switch {
			case row[c].Text == "^" && r > 0:
				or, oc := r-1, c
				for t.Rows[or][oc].Covered() && or > 0 {
					or--
				}
				if !t.Rows[or][oc].Covered() {
					t.Rows[or][oc].RowSpan = r - or + 1
					row[c] = extract.Cell{Page: 1, Offset: -1}
				}
			case row[c].Text == "<" && c > 0 && !row[c-1].Covered():
				row[c-1].ColSpan++
				row[c] = extract.Cell{Page: 1, Offset: -1}
			}
		}
		t.Rows = append(t.Rows, row)
	}
	doc := &extract.Document{Name: "fuzz.txt", Format: "text", Tables: []extract.Table{t}}
	var lines []string
	off := 0
	add := func(s string) {
		doc.Paragraphs = append(doc.Paragraphs, extract.Paragraph{Text: s, Page: 1, Offset: off, Table: 1})
		lines = append(lines, s)
		off += utf8.RuneCountInString(s) + 1
	}
	tb := &doc.Tables[0]
	if caption != "" {
		add(caption)
	}
	for r := range tb.Rows {
		o := off
		for c := range tb.Rows[r] {
			cell := &tb.Rows[r][c]
			if c > 0 {
				o++
			}
			if cell.Text != "" {
				cell.Offset = o
			}
			o += utf8.RuneCountInString(cell.Text)
		}
		add(tb.RowText(r))
	}
	doc.Text = strings.Join(lines, "\n")
	doc.Pages = []extract.Page{{Number: 1, End: utf8.RuneCountInString(doc.Text)}}
	return doc
}

// FuzzTableRecords reads random grids as tables: no panic, and every
// record has its Table set, a name, finite numbers and an offset inside
// the text.
func FuzzTableRecords(f *testing.F) {
	f.Add("表1 2021年主要指标", "指标\t单位\t2021年\t比上年增长（%）\n地区生产总值\t亿元\t325.6\t8.1\n#工业\t亿元\t—\t3.2", 1, false)
	f.Add("", "项目\t本期\t上年同期\t增减（%）\n营业收入（元）\t(1,234.50)\t1,000\t上升5个百分点", 1, true)
	f.Add("表2 单位：万元", "科目编码\t^\t科目名称\t合计\n201\t\t一般公共服务支出\t8,209.68\n\t03\t<\t1.5万", 2, true)
	f.Add("表3 2020—2021年（上年=100）", "\t2020年\t2021年\n指标\t<\t^\n2019\t101.5\t99.9", 2, true)
	f.Add("", "第二十条第（一）项\t<\n信息内容\t本年制发件数\n规章\t0\n第二十条第（五）项\t<\n信息内容\t本年处理决定数量\n行政许可\t550", 2, true)
	f.Add("", "（说明）\t<\t自然人\n三、结果\t（一）公开\t0\n^\t（三）不予公开\t1\n^\t^\t0", 1, true)
	f.Add("", "利润表(百万元)\t2021\t2022E\n营业收入\t746\t1,567\n(+/-)YOY(%)\t4.5%\t110.0%\n每股指标(元)\t\t\n其他\t0\t-21", 1, true)
	files, _ := filepath.Glob(filepath.Join("testdata", "tables", "*.txt"))
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		lines := strings.Split(string(b), "\n")
		for i, l := range lines {
			if strings.HasPrefix(l, "表") && i+2 < len(lines) {
				f.Add(l, strings.Join(lines[i+1:min(i+8, len(lines))], "\n"), 1, false)
			}
		}
	}
	tr, err := New(Config{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, caption, grid string, header int, merge bool) {
		if len(grid) > 4000 || len(caption) > 200 || !utf8.ValidString(grid) || !utf8.ValidString(caption) ||
			strings.ContainsAny(caption, "\n\t") {
			return
		}
		doc := gridDoc(caption, grid, header, merge)
		n := utf8.RuneCountInString(doc.Text)
		finite := func(v *float64) bool { return v == nil || !math.IsNaN(*v) && !math.IsInf(*v, 0) }
		for _, r := range tr.Indicators(doc) {
			if r.Table == "" {
				t.Errorf("record without Table: %+v", r)
			}
			if r.Name == "" {
				t.Errorf("record without a name: %+v", r)
			}
			if r.Value == nil && r.YoY == nil && r.PP == nil {
				t.Errorf("record with no figure: %+v", r)
			}
			for _, v := range []*float64{r.Value, r.StdValue, r.YoY, r.PP, r.Delta, r.Completion} {
				if !finite(v) {
					t.Errorf("record with a number that is not finite: %+v", r)
				}
			}
			if r.Offset < 0 || r.Offset >= max(n, 1) {
				t.Errorf("offset %d outside the text (%d runes): %+v", r.Offset, n, r)
			}
		}
	})
}
