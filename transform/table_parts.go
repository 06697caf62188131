package transform

import (
	"strings"

	"github.com/zhibiao/zhibiao/extract"
)

// Table parts: tables stacked in one grid. A form such as a government
// information disclosure report draws several small tables in one ruled
// grid, each under a title row ("第二十条第（五）项") and a header row of
// its own ("信息内容 | 本年处理决定数量"); read under the first header,
// the figures of the later ones would take its columns' names
// (行政许可（制发件数）). A body row that repeats the header of the label
// column starts a new part, with the title rows right above it.

// tableParts returns t cut at the body rows that repeat the header of
// its label column (see above): t itself when there are none. Each part
// keeps t's caption, notes, page and source; its header is the repeated
// header row and the title rows above it.
func tableParts(t *extract.Table) []*extract.Table {
	if t.Header == 0 || t.Header >= len(t.Rows) {
		return []*extract.Table{t}
	}
	lc := -1
	for c := 0; c < t.Cols() && lc < 0; c++ {
		if strings.TrimSpace(t.At(t.Header-1, c)) != "" {
			lc = c
		}
	}
	if lc < 0 {
		return []*extract.Table{t}
	}
	head := strings.TrimSpace(t.At(t.Header-1, lc))
	var starts []int // the first header row of each later part
	for r := t.Header; r < len(t.Rows); r++ {
		if strings.TrimSpace(t.Rows[r][lc].Text) != head || !textRow(t, r) {
			continue
		}
		s := r
		for s-1 >= t.Header && titleRow(t, s-1) {
			s--
		}
		starts = append(starts, s)
	}
	if len(starts) == 0 {
		return []*extract.Table{t}
	}
	var parts []*extract.Table
	from, header := 0, t.Header
	for k := 0; k <= len(starts); k++ {
		to := len(t.Rows)
		if k < len(starts) {
			to = starts[k]
		}
		part := *t
		part.Rows = clipRows(t.Rows[from:to])
		part.Header = header
		if k > 0 {
			part.Offset = firstOffset(part.Rows, t.Offset)
		}
		parts = append(parts, &part)
		if k < len(starts) {
			from = to
			header = 0
			for r := to; r < len(t.Rows) && (titleRow(t, r) || strings.TrimSpace(t.Rows[r][lc].Text) == head); r++ {
				header++
				if strings.TrimSpace(t.Rows[r][lc].Text) == head {
					break
				}
			}
		}
	}
	return parts
}

// textRow reports whether row r of t holds text and no figure.
func textRow(t *extract.Table, r int) bool {
	text := false
	for _, cell := range t.Rows[r] {
		if cell.Covered() {
			continue
		}
		s := strings.TrimSpace(cell.Text)
		if _, _, ok := cellFigure(s); ok {
			return false
		}
		text = text || s != ""
	}
	return text
}

// titleRow reports whether row r of t is a title over a part: one text
// cell, the rest empty or covered by it, no figure.
func titleRow(t *extract.Table, r int) bool {
	n := 0
	for _, cell := range t.Rows[r] {
		if !cell.Covered() && strings.TrimSpace(cell.Text) != "" {
			n++
		}
	}
	return n == 1 && textRow(t, r)
}

// clipRows returns rows with the merged cells cut at the end of rows: a
// cell that spans rows past the last is shortened, so that a part's
// grid stays sound.
func clipRows(rows [][]extract.Cell) [][]extract.Cell {
	out := make([][]extract.Cell, len(rows))
	for r := range rows {
		out[r] = append([]extract.Cell(nil), rows[r]...)
		for c := range out[r] {
			if cell := &out[r][c]; !cell.Covered() && r+cell.RowSpan > len(rows) {
				cell.RowSpan = len(rows) - r
			}
		}
	}
	// A covered position whose merged cell began before the part is no
	// longer covered: it becomes an empty cell.
	for r := range out {
		for c := range out[r] {
			if out[r][c].Covered() && !coveredWithin(out, r, c) {
				out[r][c] = extract.Cell{Offset: -1, RowSpan: 1, ColSpan: 1}
			}
		}
	}
	return out
}

// coveredWithin reports whether position (r, c) of rows is covered by a
// merged cell that begins within rows.
func coveredWithin(rows [][]extract.Cell, r, c int) bool {
	for or := r; or >= 0; or-- {
		for oc := c; oc >= 0; oc-- {
			cell := rows[or][oc]
			if !cell.Covered() && or+cell.RowSpan > r && oc+cell.ColSpan > c {
				return true
			}
		}
	}
	return false
}

// firstOffset returns the offset of the first cell of rows that has one,
// else def.
func firstOffset(rows [][]extract.Cell, def int) int {
	for _, row := range rows {
		for _, cell := range row {
			if cell.Offset >= 0 && !cell.Covered() {
				return cell.Offset
			}
		}
	}
	return def
}
