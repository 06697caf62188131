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

// tableParts returns t cut where a new part begins (see above): t itself
// when none does. A part begins at a body row that repeats the header of
// the label column; in a table that extract gave no header (its first row
// already holds a figure: 报告期末普通股股东总数 | 79,053), at a body row
// of two or more texts and no figure (股东名称 | 股东性质 | 持股比例 …).
// The title rows right above it belong to the new part too. Each part
// keeps t's caption, notes, page and source; its header is its title rows
// and the text rows that open it.
func tableParts(t *extract.Table) []*extract.Table {
	if t.Header >= len(t.Rows) {
		return []*extract.Table{t}
	}
	lc, head := -1, ""
	for c := 0; c < t.Cols() && lc < 0 && t.Header > 0; c++ {
		if s := strings.TrimSpace(t.At(t.Header-1, c)); s != "" {
			lc, head = c, s
		}
	}
	opens := func(r int) bool {
		if !textRow(t, r) {
			return false
		}
		if t.Header > 0 {
			return lc >= 0 && strings.TrimSpace(t.Rows[r][lc].Text) == head
		}
		return textCells(t, r) >= 2
	}
	var starts []int // the first row of each later part
	for r := max(t.Header, 1); r < len(t.Rows); r++ {
		if !opens(r) || len(starts) > 0 && r < starts[len(starts)-1]+headerLen(t, starts[len(starts)-1]) {
			continue
		}
		s := r
		for s-1 >= t.Header && titleRow(t, s-1) {
			s--
		}
		if s > 0 {
			starts = append(starts, s)
		}
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
			from, header = to, headerLen(t, to)
		}
	}
	return parts
}

// headerLen returns how many rows of t from row r on are title and text
// rows: the header of a part that begins at r.
func headerLen(t *extract.Table, r int) int {
	n := 0
	for r+n < len(t.Rows) && textRow(t, r+n) {
		n++
	}
	return n
}

// textCells returns how many cells of row r of t hold text of their own.
func textCells(t *extract.Table, r int) int {
	n := 0
	for _, cell := range t.Rows[r] {
		if !cell.Covered() && strings.TrimSpace(cell.Text) != "" {
			n++
		}
	}
	return n
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
	return textCells(t, r) == 1 && textRow(t, r)
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
