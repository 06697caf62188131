package extract

import (
	"math"
	"strings"
)

// This file puts the tables found on the pages into the Document: each
// table stands in the reading order where it stands on its page, as a
// marker line among the page's lines that buildParagraphs turns into a
// placeholder paragraph; a table that runs on over a page break is joined
// into one; then each placeholder becomes the table's caption and row
// paragraphs (see tableParas).

// pageLayout finds the tables of one page and lays out the rest of its
// rows in columns, with a marker line for each table at its place. first
// is the number of tables found on the pages before; markers count on
// from it.
func pageLayout(p *rawPage, rows []row, em float64, furniture []float64, first int) (segs [][]line, tables []pageTable, charts []string) {
	tables, rest, charts := findTables(p, rows, em, furniture)
	for i := range tables {
		t := &tables[i]
		t.atTop, t.atBottom = true, true
		for _, r := range rest {
			t.atTop = t.atTop && !(r.y > t.y1)
			t.atBottom = t.atBottom && !(r.y < t.y0)
		}
	}
	segs = segments(rest, em)
	for i, t := range tables {
		top := t.y1
		if t.captionY > top {
			top = t.captionY
		}
		size := em
		if size <= 0 {
			size = 10
		}
		marker := line{table: first + i + 1, y: top, x0: t.x0, x1: t.x1, size: size, tab: true}
		segs = insertMarker(segs, marker)
	}
	return segs, tables, charts
}

// insertMarker puts a table's marker line before the first line, in
// reading order, that stands below the table's top and across its width;
// after all lines when there is none.
func insertMarker(segs [][]line, m line) [][]line {
	for si, seg := range segs {
		for li, l := range seg {
			if l.table > 0 || l.y >= m.y || l.x1 < m.x0 || l.x0 > m.x1 {
				continue
			}
			out := append([][]line(nil), segs[:si]...)
			if li > 0 {
				out = append(out, seg[:li:li])
			}
			out = append(out, []line{m}, seg[li:])
			return append(out, segs[si+1:]...)
		}
	}
	return append(segs, []line{m})
}

// joinTables joins the page tables that continue one another over a page
// break into tables and replaces the placeholder paragraphs of paras
// (para.row == placeholderRow) by the tables' caption and row paragraphs.
// It returns the paragraphs and the tables in reading order.
func joinTables(paras []para, frags []pageTable) ([]para, []Table) {
	if len(frags) == 0 {
		return paras, nil
	}
	// head[k] is the fragment that fragment k continues, itself when it
	// begins a table.
	head := make([]int, len(frags))
	for k := range frags {
		head[k] = k
		if k > 0 && continues(&frags[k-1], &frags[k]) {
			head[k] = head[k-1]
		}
	}
	merged := make([]Table, len(frags))
	for k := range frags {
		h := head[k]
		if h == k {
			merged[k] = frags[k].Table
			continue
		}
		t, u := &merged[h], frags[k].Table
		drop := 0
		if u.Header > 0 && u.Header >= t.Header && sameRows(t.Rows[:t.Header], u.Rows[:t.Header]) {
			drop = t.Header
		}
		t.Rows = append(t.Rows, u.Rows[drop:]...)
	}
	var out []para
	var tables []Table
	index := make([]int, len(frags)) // table index of each head fragment
	for _, p := range paras {
		if p.row != placeholderRow {
			out = append(out, p)
			continue
		}
		k := p.table - 1
		if k < 0 || k >= len(frags) || head[k] != k {
			continue
		}
		index[k] = len(tables)
		tables = append(tables, merged[k])
		out = append(out, tableParas(index[k], &tables[index[k]])...)
	}
	return out, tables
}

// placeholderRow marks the paragraph that holds the place of a page table.
const placeholderRow = -2

// continues reports whether page table u, the first of its page, goes on
// with page table t, the last of the page before: t ends its page and u
// begins the next, with the same number of columns, and u has no caption
// of its own (or 续表, or t's).
func continues(t, u *pageTable) bool {
	if u.Page != t.Page+1 || !t.atBottom || !u.atTop || t.Cols() != u.Cols() {
		return false
	}
	if u.Caption != "" && u.Caption != t.Caption && !isContinued(u.Caption) {
		return false
	}
	// Ruled grids keep their column edges from page to page.
	if len(t.xs) == len(u.xs) && t.Source == "ruled" && u.Source == "ruled" {
		for i := range t.xs {
			if math.Abs(t.xs[i]-u.xs[i]) > 3 {
				return false
			}
		}
	}
	return true
}

// isContinued reports whether a caption marks a continued table (续表).
func isContinued(caption string) bool {
	return strings.HasPrefix(caption, "续表")
}

// sameRows reports whether two runs of rows read the same.
func sameRows(a, b [][]Cell) bool {
	if len(a) != len(b) {
		return false
	}
	for r := range a {
		if len(a[r]) != len(b[r]) {
			return false
		}
		for c := range a[r] {
			if a[r][c].Text != b[r][c].Text {
				return false
			}
		}
	}
	return true
}
