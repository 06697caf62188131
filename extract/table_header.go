package extract

import (
	"math"
	"strings"
)

// This file counts and builds the header rows of a table: how many rows
// head a ruled grid, and, for a table whose columns came from the
// alignment of its text, which header lines stand over which columns.

// latticeHeader is the number of header rows of a ruled table: the rows
// before the first one with a figure (see headerRows), and at least
// every row a header cell spans down into.
func latticeHeader(rows [][]Cell) int {
	h := 0
	for r, row := range rows {
		if numericRow(row) || r > 0 && sectionRow(row) {
			break
		}
		h = r + 1
	}
	if h == len(rows) {
		h = headerRows(rows)
	}
	for r := 0; r < h && r < len(rows); r++ {
		for _, c := range rows[r] {
			if c.RowSpan > 1 && r+c.RowSpan > h && r+c.RowSpan < len(rows) {
				h = r + c.RowSpan
			}
		}
	}
	return min(h, 4)
}

// sectionRow reports whether a row holds only a label in its first
// cell, the other cells empty and not covered: a section of the body
// ("流动资产：", "一、亚洲") rather than a header row.
func sectionRow(row []Cell) bool {
	for c, cell := range row {
		if c == 0 && (cell.Text == "" || cell.ColSpan > 1) || c > 0 && (cell.Text != "" || cell.Covered()) {
			return false
		}
	}
	return true
}

// numericRow reports whether a row holds a figure (see isFigure) in a
// cell other than its first.
func numericRow(row []Cell) bool {
	for c, cell := range row {
		if c > 0 && isFigure(cell.Text) {
			return true
		}
	}
	return false
}

// isFigure reports whether the text of a cell is a figure (see
// looksNumeric) and not a bare year ("2021"), which heads a column of
// figures more often than it is one.
func isFigure(s string) bool {
	s = strings.TrimSpace(s)
	if len(s) == 4 && (strings.HasPrefix(s, "19") || strings.HasPrefix(s, "20")) && strings.Trim(s, "0123456789") == "" {
		return false
	}
	return looksNumeric(s)
}

// headerGrid builds the header rows of a table whose columns came from
// alignment. A header chunk standing over two or more columns (see
// spanOver) is a cell merged over those columns, and makes a second
// header row; the lines of each other column, stacked one above
// the other, are one header cell ("比上年同期" over "增减（%）"), merged
// down through both rows when there are two.
func (pf *pageFinder) headerGrid(lines []tline, xs []float64, minGap float64, ink columnInk) [][]Cell {
	nc := len(xs) - 1
	type hchunk struct {
		chunk
		a, b int // first and last column
		line int
	}
	var hs []hchunk
	perLine := make([][]chunk, len(lines))
	for i, l := range lines {
		perLine[i] = l.chunks(minGap)
	}
	y0, y1 := linesBox(lines)
	for i, cs := range perLine {
		for _, c := range cs {
			h := hchunk{chunk: c, line: i}
			h.a = ink.column(c)
			h.b = h.a
			if a, b := spanOver(c, perLine[i+1:], ink); b > a {
				h.a, h.b = a, b
			}
			hs = append(hs, h)
		}
	}
	// Spanning chunks whose columns overlap make one merged cell.
	group := make([]int, nc) // per column: its merged cell, -1 for none
	for k := range group {
		group[k] = -1
	}
	type span struct{ a, b, line int }
	var spans []span
	for _, h := range hs {
		if h.b == h.a {
			continue
		}
		sp := span{h.a, h.b, h.line}
		for k := h.a; k <= h.b; k++ {
			if g := group[k]; g >= 0 && spans[g].a >= 0 {
				sp.a, sp.b, sp.line = min(sp.a, spans[g].a), max(sp.b, spans[g].b), max(sp.line, spans[g].line)
				spans[g].a = -1 // absorbed
			}
		}
		spans = append(spans, sp)
		for k := sp.a; k <= sp.b; k++ {
			group[k] = len(spans) - 1
		}
	}
	cell := func(text string, c, cs, rs int) Cell {
		return Cell{Text: cleanCell(text), Page: pf.page, Offset: -1, X0: xs[c], Y0: y0, X1: xs[c+cs], Y1: y1, RowSpan: rs, ColSpan: cs}
	}
	if len(spans) == 0 {
		texts := make([]string, nc)
		for _, h := range hs {
			texts[h.a] = joinLines(texts[h.a], h.text())
		}
		row := make([]Cell, nc)
		for c := range row {
			row[c] = cell(texts[c], c, 1, 1)
		}
		return [][]Cell{row}
	}
	top, bottom := make([]Cell, nc), make([]Cell, nc)
	for c := range nc {
		top[c] = Cell{Page: pf.page, Offset: -1}
		bottom[c] = Cell{Page: pf.page, Offset: -1}
	}
	texts := make([]string, nc) // the top cell's text, at the column it begins
	lower := make([]string, nc)
	for _, h := range hs {
		g := group[h.a]
		switch {
		case g < 0:
			texts[h.a] = joinLines(texts[h.a], h.text())
		case h.line <= spans[g].line:
			texts[spans[g].a] = joinLines(texts[spans[g].a], h.text())
		default:
			lower[h.a] = joinLines(lower[h.a], h.text())
		}
	}
	for c := 0; c < nc; {
		g := group[c]
		if g < 0 {
			top[c] = cell(texts[c], c, 1, 2)
			c++
			continue
		}
		e := spans[g].b
		top[c] = cell(texts[c], c, e-c+1, 1)
		for k := c; k <= e; k++ {
			bottom[k] = cell(lower[k], k, 1, 1)
		}
		c = e + 1
	}
	return [][]Cell{top, bottom}
}

// spanOver returns the columns a header chunk stands over when it is
// merged over several: the columns of the header chunks below it (on the
// lines lower) that it overlaps, when they are two or more; or two
// adjacent columns when it is centred between the chunks below them, as
// a short "2022年" over "绝对数 | 比上年增长（%）" is. b == a when it
// stands over one column.
func spanOver(c chunk, lower [][]chunk, ink columnInk) (a, b int) {
	nc := len(ink.lo)
	// The extent of the lower chunks in each column.
	lo, hi := make([]float64, nc), make([]float64, nc)
	for k := range nc {
		lo[k], hi[k] = math.Inf(1), math.Inf(-1)
	}
	for _, cs := range lower {
		for _, d := range cs {
			k := ink.column(d)
			lo[k], hi[k] = math.Min(lo[k], d.x0), math.Max(hi[k], d.x1)
		}
	}
	a, b = nc, -1
	for k := range nc {
		if lo[k] < c.x1 && hi[k] > c.x0 {
			a, b = min(a, k), max(b, k)
		}
	}
	if b > a {
		return a, b
	}
	m := c.mid()
	for k := 0; k+1 < nc; k++ {
		if math.IsInf(lo[k], 1) {
			continue
		}
		n := k + 1
		for n < nc && math.IsInf(lo[n], 1) {
			n++
		}
		if n == nc {
			break
		}
		m1, m2 := (lo[k]+hi[k])/2, (lo[n]+hi[n])/2
		if m > m1 && m < m2 && math.Abs(m-(m1+m2)/2) < 0.25*(m2-m1) {
			return k, n
		}
	}
	k := ink.column(c)
	return k, k
}
