package extract

import (
	"math"
	"sort"
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

// colOf returns the column of xs (boundaries, left to right) that x falls
// in, clamped to the first and last.
func colOf(xs []float64, x float64) int {
	i := sort.SearchFloat64s(xs, x) - 1
	return max(0, min(i, len(xs)-2))
}

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

// minGapOf is the narrowest gap between two columns of text set in lines:
// wider than a word space, narrower than any cell padding.
func minGapOf(lines []tline) float64 {
	var sizes []float64
	for _, l := range lines {
		sizes = append(sizes, l.size)
	}
	if s := median(sizes); s > 0 {
		return 0.6 * s
	}
	return 6
}

// projectColumns returns column boundaries for lines between x0 and x1:
// the edges and, in every vertical band at least minGap wide that no
// glyph of lines covers, a boundary half minGap right of the band's left
// side. The cell edge lies nearer the left column's ink than the right
// one's: figures set flush right, or a dash set flush left in a column
// of them, leave the right column's ink far from its edge. The text of
// extra (the wrapped lines of labels, which do not decide the bands) may
// run on from the left column into a band and push its boundary right.
func projectColumns(lines, extra []tline, x0, x1, minGap float64) []float64 {
	var iv [][2]float64
	for _, l := range lines {
		for _, g := range l.gs {
			iv = append(iv, [2]float64{g.X, g.X + g.W})
		}
	}
	xs := []float64{x0}
	if len(iv) == 0 {
		return append(xs, x1)
	}
	sort.Slice(iv, func(i, j int) bool { return iv[i][0] < iv[j][0] })
	end := iv[0][1]
	for _, s := range iv[1:] {
		if s[0]-end >= minGap {
			e := end
			for _, l := range extra {
				for _, c := range l.chunks(minGap) {
					if c.x0 < end && c.x1 > e && c.x1 < s[0]-minGap/2 {
						e = c.x1
					}
				}
			}
			m := e + minGap/2
			if m > s[0] {
				m = (end + s[0]) / 2
			}
			if m > x0 && m < x1 {
				xs = append(xs, m)
			}
		}
		end = math.Max(end, s[1])
	}
	return append(xs, x1)
}

// occupancy tells, for one line, which columns hold text and which of
// those hold a figure.
func occupancy(l tline, xs []float64) (text, num []bool) {
	n := len(xs) - 1
	text, num = make([]bool, n), make([]bool, n)
	parts := make([][]Glyph, n)
	for _, g := range l.gs {
		x, _ := centre(g)
		c := colOf(xs, x)
		parts[c] = append(parts[c], g)
	}
	for c, gs := range parts {
		if len(gs) == 0 {
			continue
		}
		text[c] = true
		num[c] = looksNumeric(makeLine(gs, nil, l.y, 0).text)
	}
	return text, num
}

// groupRows divides the lines of one band of a table (between two
// horizontal rules, or all of an unruled body) into rows. A band whose
// lines never hold two figures in one column is one row: its lines are
// the wrapped lines of its cells. Otherwise lines closer than three
// quarters of the band's row pitch are one row (a label wrapped over two
// lines beside one line of figures), unless that would put two figures
// in one cell.
func groupRows(lines []tline, xs []float64) [][]tline {
	if len(lines) <= 1 {
		return [][]tline{lines}
	}
	occ := make([][]bool, len(lines))
	num := make([][]bool, len(lines))
	for i, l := range lines {
		occ[i], num[i] = occupancy(l, xs)
	}
	clash := false
	seen := make([]bool, len(xs)-1)
	for i := range lines {
		for c, n := range num[i] {
			if n && seen[c] {
				clash = true
			}
			seen[c] = seen[c] || n
		}
	}
	if !clash {
		return [][]tline{lines}
	}
	// The row pitch: the usual distance between lines that fill two or
	// more columns (a row's line of figures), else between any lines.
	full := func(i int) bool {
		n := 0
		for _, o := range occ[i] {
			if o {
				n++
			}
		}
		return n >= 2
	}
	var ds, all []float64
	last := -1
	for i := range lines {
		if i > 0 {
			all = append(all, lines[i-1].y-lines[i].y)
		}
		if full(i) {
			if last >= 0 {
				ds = append(ds, lines[last].y-lines[i].y)
			}
			last = i
		}
	}
	pitch := median(ds)
	if len(ds) < 2 {
		pitch = median(all)
	}
	var out [][]tline
	var cur []tline
	var curNum []bool
	for i, l := range lines {
		join := len(cur) > 0 && cur[len(cur)-1].y-l.y < 0.75*pitch
		if join {
			for c, n := range num[i] {
				if n && curNum[c] {
					join = false
				}
			}
		}
		if !join {
			if len(cur) > 0 {
				out = append(out, cur)
			}
			cur, curNum = nil, make([]bool, len(xs)-1)
		}
		cur = append(cur, l)
		for c, n := range num[i] {
			curNum[c] = curNum[c] || n
		}
	}
	return append(out, cur)
}

// cellText returns the text of the glyphs of lines whose centre lies
// between x0 and x1: each line's part rendered as a line, the lines
// joined as the wrapped lines of a paragraph.
func cellText(lines []tline, x0, x1 float64) string {
	text := ""
	for _, l := range lines {
		var gs, sp []Glyph
		for _, g := range l.gs {
			if x, _ := centre(g); x >= x0 && x < x1 {
				gs = append(gs, g)
			}
		}
		if len(gs) == 0 {
			continue
		}
		for _, s := range l.spaces {
			if x, _ := centre(s); x >= x0 && x < x1 {
				sp = append(sp, s)
			}
		}
		text = joinLines(text, makeLine(gs, sp, l.y, 0).text)
	}
	return cleanCell(text)
}

// linesBox returns the vertical extent of lines: from below the lowest
// baseline to the top of the highest line.
func linesBox(lines []tline) (y0, y1 float64) {
	y0, y1 = math.Inf(1), math.Inf(-1)
	for _, l := range lines {
		y0 = math.Min(y0, l.y-0.25*l.size)
		y1 = math.Max(y1, l.y+0.9*l.size)
	}
	return y0, y1
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

// mergeComplementary removes the boundary between two columns that no
// line of body fills both of, when a header chunk runs across it or one
// of them holds nothing but dashes: a column's figures set flush right
// and a dash ("—") set flush left in the same column leave an empty band
// between them that is not a column gap. A column of dashes joins the
// neighbour whose header stands nearest (the one on its right when there
// is no header: a dash is set flush left in a column of figures set
// flush right, seldom the other way).
func mergeComplementary(xs []float64, head, body []tline, minGap float64) []float64 {
	nc := len(xs) - 1
	if nc < 2 {
		return xs
	}
	occ := make([][]bool, len(body))
	texts := make([][]string, len(body))
	for i, l := range body {
		occ[i], _ = occupancy(l, xs)
		texts[i] = make([]string, nc)
		for c := range texts[i] {
			texts[i][c] = cellText([]tline{l}, xs[c], xs[c+1])
		}
	}
	// dashes reports whether column c holds nothing but "no figure" marks.
	dashes := func(c int) bool {
		n := 0
		for i := range body {
			switch texts[i][c] {
			case "":
			case "—", "－", "-", "—-", "——", "…", "……", "/", "／", "×":
				n++
			default:
				return false
			}
		}
		return n > 0
	}
	both := func(k int) bool { // lines fill both sides of boundary k
		for i := range body {
			if occ[i][k-1] && occ[i][k] {
				return true
			}
		}
		return false
	}
	var chunks []chunk
	for _, l := range head {
		chunks = append(chunks, l.chunks(minGap)...)
	}
	drop := make([]bool, len(xs)) // boundaries to remove
	for c := range nc {
		if !dashes(c) {
			continue
		}
		left, right := c > 0 && !both(c), c+1 < nc && !both(c+1)
		dir := 0 // -1: join the left neighbour, +1: the right one
		switch {
		case left && right:
			dir = 1
			best := math.Inf(1)
			mid := (xs[c] + xs[c+1]) / 2
			for _, ch := range chunks {
				if d := math.Abs(ch.mid() - mid); d < best {
					best = d
					switch {
					case ch.mid() < xs[c]:
						dir = -1
					case ch.mid() > xs[c+1]:
						dir = 1
					default:
						dir = 0 // the dashes have a header of their own
					}
				}
			}
		case left:
			dir = -1
		case right:
			dir = 1
		}
		if dir < 0 {
			drop[c] = true
		} else if dir > 0 {
			drop[c+1] = true
		}
	}
	out := []float64{xs[0]}
	for k := 1; k < nc; k++ {
		across := false
		for _, ch := range chunks {
			across = across || ch.x0 < xs[k]-minGap && ch.x1 > xs[k]+minGap
		}
		if !drop[k] && (both(k) || !across) {
			out = append(out, xs[k])
		}
	}
	return append(out, xs[nc])
}

// extendBelow adds to body the unused lines below an open region (a
// table whose page ends under its header rule) that continue it: within
// its width, each no farther below the line before than twice the row
// pitch. A caption, a heading, a note ("注：", "资料来源：") or a line of
// prose (one run of text across half the width or more) ends the table.
func (pf *pageFinder) extendBelow(reg region, body []tline, minGap float64) []tline {
	below := pf.linesIn(rect{reg.x0 - pf.em, -math.MaxFloat64, reg.x1 + pf.em, reg.y0 - 1})
	prevY := reg.y0
	if len(body) > 0 {
		prevY = body[len(body)-1].y
	}
	out := append([]tline(nil), body...)
	var ds []float64
	for _, l := range below {
		text := makeLine(l.gs, l.spaces, l.y, 0).text
		limit := 2.5 * l.size
		if len(ds) >= 2 {
			limit = 2 * median(ds)
		}
		if prevY-l.y > limit || isCaption(text) || isHeading(text) && !strings.Contains(text, "\t") {
			break
		}
		if l.x0() < reg.x0-pf.em || l.x1() > reg.x1+pf.em {
			break
		}
		if cs := l.chunks(1.5 * l.size); len(cs) == 1 && cs[0].x1-cs[0].x0 > 0.5*reg.w() || isSourceNote(text) {
			break
		}
		if len(out) > 0 {
			ds = append(ds, prevY-l.y)
		}
		out = append(out, l)
		prevY = l.y
	}
	return out
}

// isSourceNote reports whether s opens a note printed under a table
// ("注：…", "资料来源：…").
func isSourceNote(s string) bool {
	for _, p := range []string{"注", "备注", "说明：", "资料来源", "数据来源", "来源："} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
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

// columnInk is the horizontal extent of the body's glyphs in each column
// of a table, which places header chunks better than the column
// boundaries: a header centred over a column of short labels set flush
// left may reach past the boundary drawn close to those labels.
type columnInk struct{ lo, hi []float64 }

// inkColumns measures the ink of lines in the columns of xs.
func inkColumns(lines []tline, xs []float64) columnInk {
	nc := len(xs) - 1
	ink := columnInk{make([]float64, nc), make([]float64, nc)}
	for k := range nc {
		ink.lo[k], ink.hi[k] = math.Inf(1), math.Inf(-1)
	}
	for _, l := range lines {
		for _, g := range l.gs {
			x, _ := centre(g)
			k := colOf(xs, x)
			ink.lo[k], ink.hi[k] = math.Min(ink.lo[k], g.X), math.Max(ink.hi[k], g.X+g.W)
		}
	}
	for k := range nc { // a column without ink: its boundaries
		if math.IsInf(ink.lo[k], 1) {
			ink.lo[k], ink.hi[k] = xs[k], xs[k+1]
		}
	}
	return ink
}

// column returns the column whose ink c overlaps most, or, overlapping
// none, the nearest.
func (ink columnInk) column(c chunk) int {
	best, bestV := 0, math.Inf(-1)
	for k := range ink.lo {
		v := math.Min(c.x1, ink.hi[k]) - math.Max(c.x0, ink.lo[k]) // overlap, or minus the distance
		if v > bestV {
			best, bestV = k, v
		}
	}
	return best
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
