package load

import (
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/width"
)

// Excel's limits on a sheet (Excel specifications and limits).
const (
	excelRows = 1 << 20 // 1,048,576 rows
	excelCols = 1 << 14 // 16,384 columns (XFD)
)

// lineHeight is the height, in points, of one line of wrapped text at
// the default font size; maxLines caps the lines a row shows, so that one
// long sentence does not fill the screen (the whole text is in the cell).
const (
	lineHeight = 15.0
	maxLines   = 6
)

// A sheetSpec says how a sheet is laid out and printed.
type sheetSpec struct {
	name       string
	cols, rows int       // extent of the data, headers included, for <dimension>
	widths     []float64 // widths of the columns from A, in characters
	freezeRows int       // header rows kept in view
	freezeCols int       // columns kept in view
	titleRows  [2]int    // first and last row printed on every page; 0 for none
	titleCols  int       // columns printed on every page (A…); 0 for none
	fitWidth   bool      // print the columns on one page's width
}

// openSheet creates the sheet of sp (or takes the first, already
// named), sets what must be known before its rows are streamed (its
// dimension, print setup, widths, frozen panes) and returns its stream
// writer.
func (w *Workbook) openSheet(sp sheetSpec) (*excelize.StreamWriter, error) {
	f := w.xf
	if idx, _ := f.GetSheetIndex(sp.name); idx < 0 {
		if _, err := f.NewSheet(sp.name); err != nil {
			return nil, err
		}
	}
	// A stream writer writes <dimension> when it is created: streaming
	// readers (openpyxl read-only) trust it to tell how many rows there are.
	if sp.rows > 0 && sp.cols > 0 {
		last, err := excelize.CoordinatesToCellName(sp.cols, sp.rows)
		if err != nil {
			return nil, err
		}
		if err := f.SetSheetDimension(sp.name, "A1:"+last); err != nil {
			return nil, err
		}
	}
	if err := w.printSetup(sp); err != nil {
		return nil, err
	}
	sw, err := f.NewStreamWriter(sp.name)
	if err != nil {
		return nil, err
	}
	// One call per run of columns of one width: each call goes over the
	// columns set before (hundreds in 汇总).
	for i := 0; i < len(sp.widths); {
		j := i + 1
		for j < len(sp.widths) && sp.widths[j] == sp.widths[i] {
			j++
		}
		if err := sw.SetColWidth(i+1, j, sp.widths[i]); err != nil {
			return nil, err
		}
		i = j
	}
	if sp.freezeRows > 0 || sp.freezeCols > 0 {
		if err := sw.SetPanes(frozenPanes(sp.freezeCols, sp.freezeRows)); err != nil {
			return nil, err
		}
	}
	return sw, nil
}

// printSetup makes a sheet print as a clerk wants it: A4 landscape,
// narrow margins, its columns on one page's width when sp asks, its header
// rows (and first columns) on every page, and the sheet name and page
// number in the footer.
func (w *Workbook) printSetup(sp sheetSpec) error {
	f := w.xf
	a4, landscape := 9, "landscape"
	layout := &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape}
	if sp.fitWidth {
		one, auto, yes := 1, 0, true
		layout.FitToWidth, layout.FitToHeight = &one, &auto
		if err := f.SetSheetProps(sp.name, &excelize.SheetPropsOptions{FitToPage: &yes}); err != nil {
			return err
		}
	}
	if err := f.SetPageLayout(sp.name, layout); err != nil {
		return err
	}
	side, edge, hf := 0.4, 0.6, 0.3
	if err := f.SetPageMargins(sp.name, &excelize.PageLayoutMarginsOptions{
		Left: &side, Right: &side, Top: &edge, Bottom: &edge, Header: &hf, Footer: &hf,
	}); err != nil {
		return err
	}
	if err := f.SetHeaderFooter(sp.name, &excelize.HeaderFooterOptions{
		OddFooter: "&L&A&R第 &P 页，共 &N 页",
	}); err != nil {
		return err
	}
	var refs []string
	quoted := "'" + strings.ReplaceAll(sp.name, "'", "''") + "'!"
	if sp.titleCols > 0 {
		last, _ := excelize.ColumnNumberToName(sp.titleCols)
		refs = append(refs, quoted+"$A:$"+last)
	}
	if sp.titleRows[0] > 0 {
		refs = append(refs, fmt.Sprintf("%s$%d:$%d", quoted, sp.titleRows[0], sp.titleRows[1]))
	}
	if len(refs) == 0 {
		return nil
	}
	return f.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Titles", RefersTo: strings.Join(refs, ","), Scope: sp.name,
	})
}

// frozenPanes freezes the first cols columns and rows rows.
func frozenPanes(cols, rows int) *excelize.Panes {
	cell, _ := excelize.CoordinatesToCellName(cols+1, rows+1)
	pane := "bottomRight"
	switch {
	case cols == 0:
		pane = "bottomLeft"
	case rows == 0:
		pane = "topRight"
	}
	return &excelize.Panes{
		Freeze: true, XSplit: cols, YSplit: rows, TopLeftCell: cell, ActivePane: pane,
		Selection: []excelize.Selection{{SQRef: cell, ActiveCell: cell, Pane: pane}},
	}
}

// textWidth is the width of s in Excel's column unit, the width of a
// digit: a Chinese character (and any wide or full-width one) counts
// two. For text on several lines it is the widest line.
func textWidth(s string) float64 {
	widest, w := 0.0, 0.0
	for _, r := range s {
		switch {
		case r == '\n':
			widest, w = math.Max(widest, w), 0
		case r < utf8.RuneSelf:
			w++
		default:
			switch width.LookupRune(r).Kind() {
			case width.EastAsianWide, width.EastAsianFullwidth:
				w += 2
			default:
				w++
			}
		}
	}
	return math.Max(widest, w)
}

// numberWidth is the width of v as the integer or decimal format shows
// it, with its thousands separators.
func numberWidth(v float64) float64 {
	s := fmt.Sprintf("%.10f", math.Abs(v))
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	intPart, _, _ := strings.Cut(s, ".")
	n := float64(len(s) + (len(intPart)-1)/3)
	if v < 0 {
		n++
	}
	return n
}

// lines is the number of lines s takes when wrapped in a column of width
// colWidth, at least 1.
func lines(s string, colWidth float64) int {
	n := 0
	usable := math.Max(colWidth-2, 1) // a margin for fonts wider than the estimate
	for _, line := range strings.Split(s, "\n") {
		n += max(1, int(math.Ceil(textWidth(line)/usable)))
	}
	return n
}

// rowHeight is the height of a row whose tallest wrapped cell takes n
// lines, capped at maxLines; 0 (the default height) for one line.
func rowHeight(n int) float64 {
	if n <= 1 {
		return 0
	}
	return float64(min(n, maxLines))*lineHeight + 2
}

// A widths tracks the widest content of each column of a sheet while its
// rows go by, to size the columns from content.
type widths []float64

// see widens column i to fit a cell of width wd.
func (ws widths) see(i int, wd float64) {
	if wd > ws[i] {
		ws[i] = wd
	}
}

// fit returns the column widths: the content's width plus a margin,
// at least lo[i] and at most hi[i].
func (ws widths) fit(lo, hi []float64) []float64 {
	out := make([]float64, len(ws))
	for i, wd := range ws {
		out[i] = math.Min(math.Max(math.Ceil(wd+2), lo[i]), hi[i])
	}
	return out
}
