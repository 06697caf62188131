package transform

import (
	"strings"

	"github.com/zhibiao/zhibiao/extract"
)

// A Table is one table of a document as sheet 表格 reproduces it: its
// caption and its grid, each cell with its text and, when the cell holds
// a number, that number. It carries no meaning beyond the grid; the
// records read from a table are Indicators with Table set.
type Table struct {
	Doc     string        `json:"doc"`     // input file, as Indicator.Doc
	Page    int           `json:"page"`    // 1-based page on which the table begins
	Caption string        `json:"caption"` // "表2 2021年主要工业产品产量情况", "" if none
	Notes   []string      `json:"notes"`   // unit notes printed with the table ("单位：亿元")
	Header  int           `json:"header"`  // number of header rows at the top of Rows
	Rows    [][]TableCell `json:"rows"`    // header rows, then body rows; all of one length
}

// A TableCell is one position of a [Table]'s grid.
type TableCell struct {
	Text string `json:"text"` // as written; "" for an empty or covered cell
	// Value is the number the cell holds, nil when it holds text, a
	// dash or nothing. A percent cell ("12.5%") holds 12.5.
	Value *float64 `json:"value,omitempty"`
	// RowSpan and ColSpan are the extent of a merged cell (1 and 1 for a
	// plain one); both are 0 for a position covered by a merged cell.
	RowSpan int `json:"rowspan"`
	ColSpan int `json:"colspan"`
}

// Tables returns the tables of doc, in reading order, as grids whose
// cells holding a number carry it as a number. It does not modify doc.
func Tables(doc *extract.Document) []Table {
	if doc == nil || len(doc.Tables) == 0 {
		return nil
	}
	out := make([]Table, len(doc.Tables))
	for i := range doc.Tables {
		t := &doc.Tables[i]
		g := Table{Doc: doc.Name, Page: t.Page, Caption: t.Caption, Notes: t.Notes, Header: t.Header,
			Rows: make([][]TableCell, len(t.Rows))}
		for r, row := range t.Rows {
			g.Rows[r] = make([]TableCell, len(row))
			for c, cell := range row {
				tc := TableCell{Text: cell.Text, RowSpan: cell.RowSpan, ColSpan: cell.ColSpan}
				if r >= t.Header {
					tc.Value = cellNumber(cell.Text)
				}
				g.Rows[r][c] = tc
			}
		}
		out[i] = g
	}
	return out
}

// cellNumber returns the number a table cell holds, or nil: the cell is
// a numeral alone, with an optional sign, thousands separators and a
// trailing percent sign.
func cellNumber(s string) *float64 {
	s = strings.TrimSpace(s)
	s = strings.TrimRight(s, "%％")
	if s == "" {
		return nil
	}
	for _, r := range s {
		if !strings.ContainsRune("0123456789０１２３４５６７８９.．,，+-−－", r) {
			return nil
		}
	}
	v, err := ParseNumber(s)
	if err != nil {
		return nil
	}
	return &v
}
