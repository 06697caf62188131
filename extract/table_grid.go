package extract

import (
	"math"
	"strings"
)

// This file turns a table region of a page — a box with the column and
// row boundaries its rulings give, if any — into a grid of cells. Where
// the rulings do not give them, columns come from the alignment of the
// text (the vertical bands no glyph of the body covers) and rows from the
// baselines (lines closer than the table's row pitch, or a label wrapped
// beside one row of figures, are one row).

// A region is a part of a page that holds a table.
type region struct {
	rect
	xs     []float64 // column boundaries from vertical rulings, left to right, both edges included
	ys     []float64 // row boundaries from horizontal rulings, top to bottom, both edges included
	hs, vs []ruling  // the rulings that bound and divide it
	head   float64   // y of the rule under the header rows, NaN when none is known
	source string    // as Table.Source
	open   bool      // its last rule is the header's: rows below that fit its columns are its body
}

// A tline is the part of one page row inside a region: the glyphs of one
// baseline, left to right.
type tline struct {
	ri     int     // index of the row among the page's rows
	gi     []int   // indices of the glyphs in that row's glyphs
	gs     []Glyph // the glyphs
	spaces []Glyph
	y      float64
	size   float64
}

func (l tline) x0() float64 { return l.gs[0].X }

func (l tline) x1() float64 { return rowEnd(l.gs) }

// A chunk is a run of glyphs of a line without a gap of the table's
// minimum column gap or more.
type chunk struct {
	x0, x1 float64
	y      float64
	gs     []Glyph
	spaces []Glyph
}

func (c chunk) text() string { return makeLine(c.gs, c.spaces, c.y, 0).text }

func (c chunk) mid() float64 { return (c.x0 + c.x1) / 2 }

// chunks splits l at gaps of minGap or more.
func (l tline) chunks(minGap float64) []chunk {
	var out []chunk
	for i, g := range l.gs {
		if i == 0 || g.X-(l.gs[i-1].X+l.gs[i-1].W) >= minGap {
			out = append(out, chunk{x0: g.X, y: l.y})
		}
		c := &out[len(out)-1]
		c.gs = append(c.gs, g)
		c.x1 = math.Max(c.x1, g.X+g.W)
	}
	for _, s := range l.spaces {
		for i := range out {
			if s.X >= out[i].x0 && s.X < out[i].x1 {
				out[i].spaces = append(out[i].spaces, s)
			}
		}
	}
	return out
}

// centre returns the point that decides which cell a glyph falls in: the
// middle of its advance, a third of its size above its baseline.
func centre(g Glyph) (float64, float64) { return g.X + g.W/2, g.Y + 0.3*g.Size }

// A pageFinder looks for the tables of one page.
type pageFinder struct {
	page  int
	rows  []row    // the page's rows, running headers and footers removed
	used  [][]bool // per row and glyph: taken by a table, a caption or a chart
	em    float64  // the page's body font size
	short []ruling // horizontal rulings too short to bound a table: rules under merged headers
}

// linesIn returns the unused glyphs of the page whose centre lies in r,
// as lines, top to bottom.
func (pf *pageFinder) linesIn(r rect) []tline {
	var out []tline
	for ri, rw := range pf.rows {
		var l tline
		for gi, g := range rw.glyphs {
			if pf.used[ri][gi] {
				continue
			}
			if x, y := centre(g); r.inside(x, y) {
				l.gi = append(l.gi, gi)
				l.gs = append(l.gs, g)
			}
		}
		if len(l.gs) == 0 {
			continue
		}
		for _, s := range rw.spaces {
			if x, y := centre(s); r.inside(x, y) {
				l.spaces = append(l.spaces, s)
			}
		}
		l.ri, l.y = ri, rw.y
		sizes := make([]float64, len(l.gs))
		for i, g := range l.gs {
			sizes[i] = g.Size
		}
		l.size = median(sizes)
		out = append(out, l)
	}
	return out
}

// build reads the table of region reg, or returns nil when what the
// region holds is not a table. The glyphs it takes are marked used.
func (pf *pageFinder) build(reg region) *pageTable {
	lines := pf.linesIn(rect{reg.x0 - 1, reg.y0 - 1, reg.x1 + 1, reg.y1 + 1})
	if len(lines) < 2 && !reg.open {
		return nil
	}
	minGap := minGapOf(lines)
	xs := reg.xs
	projected := len(xs) <= 2
	if projected {
		body := lines
		if !math.IsNaN(reg.head) {
			body = nil
			for _, l := range lines {
				if l.y < reg.head {
					body = append(body, l)
				}
			}
		}
		if reg.open {
			n := len(body)
			body = pf.extendBelow(reg, body, minGap)
			lines = append(lines, body[n:]...)
		}
		if len(body) < 2 {
			body = lines
		}
		extra := body
		if math.IsNaN(reg.head) {
			// Without a header rule, the lines with figures decide the
			// columns; the lines from the first of them on may widen them.
			var nb []tline
			first := -1
			for i, l := range body {
				if chunkFigures(l) {
					nb = append(nb, l)
					if first < 0 {
						first = i
					}
				}
			}
			if len(nb) >= 2 {
				body, extra = nb, body[first:]
			}
		}
		if len(body) == 0 {
			return nil
		}
		xs = projectColumns(body, extra, reg.x0, reg.x1, minGap)
		var head []tline
		for _, l := range lines {
			if l.y <= body[0].y {
				break
			}
			head = append(head, l)
		}
		xs = mergeComplementary(xs, head, body, minGap)
	}
	if len(xs) < 3 || len(lines) < 2 {
		return nil
	}
	ys := reg.ys
	if reg.open && len(lines) > 0 {
		if y0, _ := linesBox(lines); y0 < ys[len(ys)-1] {
			ys = append(append([]float64(nil), ys...), y0)
		}
	}
	// Lines into the bands between the rules.
	bands := make([][]tline, len(ys)-1)
	for _, l := range lines {
		cy := l.y + 0.3*l.size
		b := 0
		for b < len(bands)-1 && cy < ys[b+1] {
			b++
		}
		bands[b] = append(bands[b], l)
	}
	var t *pageTable
	if projected {
		t = pf.projectedGrid(reg, bands, ys, xs, minGap)
	} else {
		t = pf.latticeGrid(reg, bands, ys, xs)
	}
	if t == nil || !t.valid(projected) {
		return nil
	}
	for _, l := range lines {
		for _, gi := range l.gi {
			pf.used[l.ri][gi] = true
		}
	}
	t.rect = rect{reg.x0, math.Min(reg.y0, ys[len(ys)-1]), reg.x1, reg.y1}
	t.xs = xs
	return t
}

// latticeGrid builds the grid of a ruled region: one column between each
// two vertical boundaries, one row per band between horizontal ones
// (more where a band holds several rows of figures, see groupRows), a
// merged cell wherever the rule between two positions is missing.
func (pf *pageFinder) latticeGrid(reg region, bands [][]tline, ys, xs []float64) *pageTable {
	nb, nc := len(bands), len(xs)-1
	// Which borders are drawn: right of position (b, c), below it.
	right := make([][]bool, nb)
	below := make([][]bool, nb)
	for b := range nb {
		right[b], below[b] = make([]bool, nc), make([]bool, nc)
		for c := range nc {
			if c < nc-1 {
				right[b][c] = covered(reg.vs, xs[c+1], ys[b+1], ys[b], 1) >= 0.5
			}
			if b < nb-1 {
				below[b][c] = covered(reg.hs, ys[b+1], xs[c], xs[c+1], 1) >= 0.5
			}
		}
	}
	type span struct{ rs, cs int } // in bands and columns; 0, 0 when covered
	spans := make([][]span, nb)
	for b := range spans {
		spans[b] = make([]span, nc)
	}
	done := make([][]bool, nb)
	for b := range done {
		done[b] = make([]bool, nc)
	}
	for b := range nb {
		for c := range nc {
			if done[b][c] {
				continue
			}
			cs := 1
			for c+cs < nc && !right[b][c+cs-1] && !done[b][c+cs] {
				cs++
			}
			rs := 1
			for b+rs < nb {
				open := true
				for k := c; k < c+cs; k++ {
					if below[b+rs-1][k] || done[b+rs][k] {
						open = false
					}
				}
				if !open {
					break
				}
				rs++
			}
			spans[b][c] = span{rs, cs}
			for i := b; i < b+rs; i++ {
				for k := c; k < c+cs; k++ {
					done[i][k] = true
				}
			}
		}
	}
	// Each band's rows.
	groups := make([][][]tline, nb)
	first := make([]int, nb+1)
	for b := range nb {
		groups[b] = groupRows(bands[b], xs)
		first[b+1] = first[b] + len(groups[b])
	}
	t := &pageTable{}
	t.Page, t.Source = pf.page, reg.source
	t.Rows = make([][]Cell, first[nb])
	for r := range t.Rows {
		t.Rows[r] = make([]Cell, nc)
		for c := range t.Rows[r] {
			t.Rows[r][c] = Cell{Page: pf.page, Offset: -1}
		}
	}
	for b := range nb {
		for c := range nc {
			sp := spans[b][c]
			if sp.rs == 0 {
				continue
			}
			x0, x1 := xs[c], xs[c+sp.cs]
			if sp.rs == 1 && sp.cs == 1 {
				for k, g := range groups[b] {
					y0, y1 := ys[b+1], ys[b]
					if len(groups[b]) > 1 {
						y0, y1 = linesBox(g)
					}
					t.Rows[first[b]+k][c] = Cell{Text: cellText(g, x0, x1), Page: pf.page, Offset: -1,
						X0: x0, Y0: y0, X1: x1, Y1: y1, RowSpan: 1, ColSpan: 1}
				}
				continue
			}
			var ls []tline
			for i := b; i < b+sp.rs; i++ {
				ls = append(ls, bands[i]...)
			}
			t.Rows[first[b]][c] = Cell{Text: cellText(ls, x0, x1), Page: pf.page, Offset: -1,
				X0: x0, Y0: ys[b+sp.rs], X1: x1, Y1: ys[b], RowSpan: first[b+sp.rs] - first[b], ColSpan: sp.cs}
		}
	}
	t.dropEmpty()
	t.Header = latticeHeader(t.Rows)
	return t
}

// projectedGrid builds the grid of a region whose columns came from the
// alignment of its text: the lines above the header rule (or before the
// first line with a figure) make the header rows (see headerGrid); the
// rest are grouped into rows band by band.
func (pf *pageFinder) projectedGrid(reg region, bands [][]tline, ys, xs []float64, minGap float64) *pageTable {
	var head, body []tline
	var bodyBands [][]tline
	for b, ls := range bands {
		if !math.IsNaN(reg.head) && ys[b] > reg.head+0.5 {
			head = append(head, ls...)
			continue
		}
		bodyBands = append(bodyBands, ls)
	}
	if math.IsNaN(reg.head) && len(bodyBands) > 0 {
		// No header rule: the lines before the first with a figure.
		ls := bodyBands[0]
		k := 0
		for k < len(ls) && k < 4 && !chunkFigures(ls[k]) {
			k++
		}
		if k < len(ls) {
			head, bodyBands[0] = ls[:k], ls[k:]
		}
	}
	for _, ls := range bodyBands {
		body = append(body, ls...)
	}
	if len(body) == 0 {
		return nil
	}
	t := &pageTable{}
	t.Page, t.Source = pf.page, reg.source
	nc := len(xs) - 1
	if len(head) > 0 {
		hr := pf.headerGrid(head, xs, minGap, inkColumns(body, xs))
		t.Rows = append(t.Rows, hr...)
		t.Header = len(hr)
	}
	for _, ls := range bodyBands {
		for _, g := range groupRows(ls, xs) {
			if len(g) == 0 {
				continue
			}
			y0, y1 := linesBox(g)
			row := make([]Cell, nc)
			for c := range row {
				row[c] = Cell{Text: cellText(g, xs[c], xs[c+1]), Page: pf.page, Offset: -1,
					X0: xs[c], Y0: y0, X1: xs[c+1], Y1: y1, RowSpan: 1, ColSpan: 1}
			}
			t.Rows = append(t.Rows, row)
		}
	}
	t.dropEmpty()
	return t
}

// A pageTable is a table found on one page, before tables that run on
// over a page break are joined.
type pageTable struct {
	Table
	rect               // its grid's box
	xs       []float64 // its column boundaries
	captionY float64   // baseline of its caption, 0 when none
	atTop    bool      // no prose stands above it on its page
	atBottom bool      // no prose stands below it on its page
}

// dropEmpty removes the rows of t in which no cell has text and no
// merged cell begins.
func (t *pageTable) dropEmpty() {
	var kept [][]Cell
	for r, row := range t.Rows {
		empty := true
		for _, c := range row {
			if c.Text != "" || c.RowSpan > 1 && r+1 < len(t.Rows) {
				empty = false
			}
		}
		if !empty {
			kept = append(kept, row)
			continue
		}
		// Merged cells that reach into the dropped row shrink.
		for pr := range kept {
			for c := range kept[pr] {
				if cell := &kept[pr][c]; cell.RowSpan > 1 && pr+cell.RowSpan > len(kept) {
					cell.RowSpan--
				}
			}
		}
		if r < t.Header {
			t.Header--
		}
	}
	t.Rows = kept
}

// valid reports whether t is worth keeping as a table: two columns and
// two rows at least with text in two columns; and, for a table whose
// columns came only from the alignment of its text, two body rows with
// figures and no dot leaders (a list of contents).
func (t *pageTable) valid(projected bool) bool {
	if len(t.Rows) < 2 || t.Cols() < 2 {
		return false
	}
	cols := map[int]bool{}
	for _, row := range t.Rows {
		for c, cell := range row {
			if cell.Text != "" {
				cols[c] = true
			}
		}
	}
	if len(cols) < 2 {
		return false
	}
	if !projected {
		return true
	}
	numeric, leaders := 0, 0
	for _, row := range t.Rows[t.Header:] {
		if numericRow(row) {
			numeric++
		}
		for _, c := range row {
			if strings.Contains(c.Text, "……") || strings.Contains(c.Text, "...") || strings.Contains(c.Text, "···") {
				leaders++
				break
			}
		}
	}
	body := len(t.Rows) - t.Header
	return numeric >= 2 && 2*numeric >= body && 4*leaders < body
}
