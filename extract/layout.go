package extract

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A line is one row of text (or the part of a row inside one column) as
// the layout stage rebuilt it from glyphs.
type line struct {
	text   string  // the row's text: spaces only between ASCII words, "\t" between table cells
	x0, x1 float64 // left edge of the first glyph and right edge of the last, in points
	y      float64 // baseline, in points from the bottom of the page
	size   float64 // median font size of the glyphs, in points
	tab    bool    // the line holds a cell boundary (a table row)
	lead   float64 // width of the line's first unbreakable unit (a Latin word or number, else one character)
	table  int     // a marker holding the place of the page's table number table (1-based, see pageLayout), else 0
}

// A row is the glyphs of one baseline across the whole page, left to right.
type row struct {
	glyphs []Glyph // without spaces; in X order
	spaces []Glyph // whitespace glyphs drawn on the row, used only as word-gap hints
	y      float64
	size   float64
}

// isSpaceGlyph reports whether g draws only whitespace.
func isSpaceGlyph(g Glyph) bool {
	for _, r := range g.Text { // (every glyph of a page is asked, twice)
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// cleanGlyph returns g's text without control characters; ok is false
// when nothing drawable is left.
func cleanGlyph(g Glyph) (string, bool) {
	if !strings.ContainsFunc(g.Text, unicode.IsControl) {
		return g.Text, g.Text != ""
	}
	t := strings.Map(func(r rune) rune {
		if unicode.IsControl(r) && r != '\t' {
			return -1
		}
		return r
	}, g.Text)
	return t, t != ""
}

// buildRows groups the glyphs of a page into baseline rows, top to
// bottom. Control characters, glyphs without a size and glyphs outside
// the page's crop box are dropped, and a glyph drawn twice at (almost) the same
// place — fake bold — is kept once. The rows' glyphs are taken from a
// (nil: the heap).
func buildRows(p rawPage, a *glyphArena) (rows []row, em float64) {
	gs := a.take(len(p.Glyphs))
	sizes := make([]float64, 0, len(p.Glyphs))
	for _, g := range p.Glyphs {
		t, ok := cleanGlyph(g)
		if !ok || !(g.Size > 0) || math.IsInf(g.X, 0) || math.IsNaN(g.X) || math.IsNaN(g.Y) || math.IsInf(g.Y, 0) {
			continue
		}
		if p.Width > 0 && p.Height > 0 {
			// Outside the crop box nothing shows: a glyph whose middle is
			// off the page is not read (compare visible in paths.go).
			cx, cy := g.X+g.W/2, g.Y+0.35*g.Size
			if cx < p.OffsetX || cx > p.OffsetX+p.Width || cy < p.OffsetY || cy > p.OffsetY+p.Height {
				continue
			}
		}
		g.Text = t
		if g.W < 0 || math.IsNaN(g.W) {
			g.W = 0
		}
		gs = append(gs, g)
		if !isSpaceGlyph(g) {
			sizes = append(sizes, g.Size)
		}
	}
	if len(sizes) == 0 {
		return nil, 0
	}
	// (sizes is not used again: sorted in place.)
	em = medianSorting(sizes)
	slices.SortStableFunc(gs, func(a, b Glyph) int { return cmp.Compare(b.Y, a.Y) }) // (no NaN is left)
	for i := 0; i < len(gs); {
		top := gs[i].Y
		j := i + 1
		for j < len(gs) && top-gs[j].Y <= 0.45*math.Max(em, gs[j].Size) {
			j++
		}
		rows = append(rows, makeRow(gs[i:j]))
		i = j
	}
	// Drop rows that held only spaces.
	kept := rows[:0]
	for _, r := range rows {
		if len(r.glyphs) > 0 {
			kept = append(kept, r)
		}
	}
	return kept, em
}

// makeRow sorts the glyphs of one baseline by X and removes duplicates.
// It sorts and compacts gs in place: the row's glyphs are gs's memory.
func makeRow(gs []Glyph) row {
	slices.SortStableFunc(gs, func(a, b Glyph) int { return cmp.Compare(a.X, b.X) })
	r := row{glyphs: gs[:0:len(gs)]}
	var ysBuf, sizesBuf [64]float64 // (a row of more glyphs spills to the heap)
	ys, sizes := ysBuf[:0], sizesBuf[:0]
	for _, g := range gs { // writes go to indexes not yet read past
		if isSpaceGlyph(g) {
			r.spaces = append(r.spaces, g)
			continue
		}
		if n := len(r.glyphs); n > 0 {
			last := r.glyphs[n-1]
			tol := 0.2 * math.Max(g.Size, last.Size)
			if last.Text == g.Text && math.Abs(last.X-g.X) < tol && math.Abs(last.Y-g.Y) < tol {
				continue // fake bold: the same glyph drawn again, slightly offset
			}
		}
		r.glyphs = append(r.glyphs, g)
		ys = append(ys, g.Y)
		sizes = append(sizes, g.Size)
	}
	r.y = median(ys)
	r.size = median(sizes)
	return r
}

// asciiGraphic reports whether r is a printable, non-space ASCII character.
func asciiGraphic(r rune) bool { return r > ' ' && r < 0x7f }

// makeLine renders glyphs (part of one row, in X order) as a line.
// spaces are the row's whitespace glyphs. right is the right margin of
// the column the glyphs stand in, 0 when unknown: a line that reaches it
// is justified prose, whose stretched spaces are not cell boundaries.
func makeLine(gs []Glyph, spaces []Glyph, y, right float64) line {
	var b strings.Builder
	sizes := make([]float64, 0, len(gs))
	l := line{y: y}
	si := 0 // next space glyph to consider
	justified := false
	if n := len(gs); n > 0 && right > 0 {
		last := gs[n-1]
		justified = last.X+last.W >= right-math.Max(last.Size, 1)
	}
	for i, g := range gs {
		sizes = append(sizes, g.Size)
		if i > 0 {
			prev := gs[i-1]
			end := prev.X + prev.W
			gap := g.X - end
			em := math.Max(prev.Size, g.Size)
			sawSpace := false
			for si < len(spaces) && spaces[si].X < g.X-0.1*em {
				if spaces[si].X >= prev.X {
					sawSpace = true
				}
				si++
			}
			a, _ := utf8.DecodeLastRuneInString(prev.Text)
			c, _ := utf8.DecodeRuneInString(g.Text)
			switch {
			case gap > 1.5*em && !(sawSpace && justified):
				b.WriteByte('\t')
				l.tab = true
			case gap > 1.5*em:
				// A space stretched by justification: a word space,
				// which cleanSpaces drops again next to CJK text.
				b.WriteByte(' ')
			case (sawSpace || gap > 0.25*em) && asciiGraphic(a) && asciiGraphic(c) && (isASCIIAlnum(a) || isASCIIAlnum(c)):
				b.WriteByte(' ')
			}
		}
		b.WriteString(g.Text)
	}
	text := b.String()
	if l.tab && (letterSpaced(text) || numberedHeading(text)) {
		// "目　　录", "一、综　　合": a word spread out; "(一)→主营业务
		//分析": a list number and its tab stop. Not table cells.
		text, l.tab = strings.ReplaceAll(text, "\t", ""), false
	}
	l.text = cleanSpaces(text)
	if len(gs) > 0 {
		l.x0 = gs[0].X
		last := gs[len(gs)-1]
		l.x1 = last.X + last.W
	}
	l.size = median(sizes)
	if len(gs) > 0 {
		// The first word: a run of ASCII letters, digits and number
		// punctuation cannot be broken, so a line wrapped before it
		// may end well short of the margin.
		end := gs[0].X + gs[0].W
		for _, g := range gs[1:] {
			r, _ := utf8.DecodeRuneInString(g.Text)
			p, _ := utf8.DecodeRuneInString(gs[0].Text)
			if !isASCIIAlnum(p) || !(isASCIIAlnum(r) || r == '.' || r == '%' || r == ',' || r == '-' || r == '/') {
				break
			}
			end = g.X + g.W
		}
		l.lead = end - gs[0].X
	}
	return l
}

// letterSpaced reports whether every tab-separated cell of s is a single
// Han or full-width character, after a list number that opens the first
// ("一、综\t合"): a heading set with wide gaps between its characters
// (distributed alignment, character spacing, or ideographic spaces typed
// between them), which no table of figures looks like.
func letterSpaced(s string) bool {
	cells := strings.Split(s, "\t")
	if len(cells) < 2 {
		return false
	}
	if loc := listMarkRE().FindStringIndex(cells[0]); loc != nil && loc[1] < len(cells[0]) {
		cells[0] = cells[0][loc[1]:]
	}
	for _, c := range cells {
		r, n := utf8.DecodeRuneInString(c)
		if n != len(c) || !isWide(r) {
			return false
		}
	}
	return true
}

// numberedHeading reports whether s is a list number or bullet, a tab
// stop and one run of text with Chinese in it ("(一)\t主营业务分析",
// "第一部分\t名词解释", "⭐\t重点关注"): a numbered heading or list item
// as Word and WPS set them, not a row of two cells.
func numberedHeading(s string) bool {
	mark, rest, ok := strings.Cut(s, "\t")
	if !ok || strings.Contains(rest, "\t") || !hasHan(rest) {
		return false
	}
	if r, n := utf8.DecodeRuneInString(mark); n == len(mark) && unicode.Is(unicode.So, r) {
		return true
	}
	loc := listMarkRE().FindStringIndex(mark)
	return loc != nil && loc[1] == len(mark)
}

// rowLine renders a whole row as one line.
func rowLine(r row) line { return makeLine(r.glyphs, r.spaces, r.y, 0) }

// rightMargin returns where most of the given line ends (x1s, in any
// order) stand: the right end of the densest half-em window of them, the
// margin of justified text; 0 when there are too few lines to tell.
func rightMargin(x1s []float64, em float64) float64 {
	if len(x1s) < 3 || em <= 0 {
		return 0
	}
	s := append([]float64(nil), x1s...)
	sort.Float64s(s)
	best, bestN := 0, 0
	for i, j := 0, 0; j < len(s); j++ {
		for s[j]-s[i] > 0.5*em {
			i++
		}
		if n := j - i + 1; n >= bestN {
			best, bestN = j, n
		}
	}
	if bestN < 2 {
		return 0
	}
	return s[best]
}

// rowEnd returns the right edge of the last glyph of gs.
func rowEnd(gs []Glyph) float64 {
	if len(gs) == 0 {
		return 0
	}
	g := gs[len(gs)-1]
	return g.X + g.W
}

// A gutter is the empty vertical band between two text columns.
type gutter struct{ lo, hi float64 }

// findGutter looks for the band between two columns of running text:
// the widest band at least 0.8 em wide in the middle half of the text
// width that at most 3 % of rows cross, with text on both sides of it in
// at least 30 % of rows, and with at least half of the rows that have
// text on its left running up to it, as justified text does. Tables fail
// the last test and are read row by row.
func findGutter(rows []row, em float64) (gutter, bool) {
	if len(rows) < 6 || em <= 0 {
		return gutter{}, false
	}
	minX, maxX := math.Inf(1), math.Inf(-1)
	for _, r := range rows {
		for _, g := range r.glyphs {
			minX = math.Min(minX, g.X)
			maxX = math.Max(maxX, g.X+g.W)
		}
	}
	width := maxX - minX
	if !(width > 4*em) || width > 1e5 {
		return gutter{}, false
	}
	n := int(math.Ceil(width)) + 1
	count := make([]int, n)
	stamp := make([]int, n)
	for ri, r := range rows {
		for _, g := range r.glyphs {
			lo := int(g.X - minX)
			hi := int(math.Ceil(g.X + g.W - minX))
			for x := max(lo, 0); x < min(hi, n); x++ {
				if stamp[x] != ri+1 {
					stamp[x] = ri + 1
					count[x]++
				}
			}
		}
	}
	limit := max(1, int(0.05*float64(len(rows))))
	midLo, midHi := minX+0.25*width, minX+0.75*width
	var best gutter
	for x := 0; x < n; {
		if count[x] > limit {
			x++
			continue
		}
		y := x
		for y < n && count[y] <= limit {
			y++
		}
		g := gutter{minX + float64(x), minX + float64(y)}
		c := (g.lo + g.hi) / 2
		if g.hi-g.lo >= 0.8*em && c >= midLo && c <= midHi && g.hi-g.lo > best.hi-best.lo {
			best = g
		}
		x = y
	}
	// Columns of running text are much wider than the gap between them;
	// a wide gap or a narrow side is a table or a label column.
	if best.hi <= best.lo || best.hi-best.lo > 0.25*width || best.lo-minX < 0.25*width || maxX-best.hi < 0.25*width {
		return gutter{}, false
	}
	var left, right, full, fullR, prose int
	for _, r := range rows {
		lmax, rmax, hasL, hasR, punct := math.Inf(-1), math.Inf(-1), false, false, false
		for _, g := range r.glyphs {
			if g.X+g.W <= best.lo+0.1*em {
				hasL = true
				lmax = math.Max(lmax, g.X+g.W)
			}
			if g.X >= best.hi-0.1*em {
				hasR = true
				rmax = math.Max(rmax, g.X+g.W)
			}
			punct = punct || strings.ContainsAny(g.Text, "，。；")
		}
		if hasL {
			left++
			if lmax >= best.lo-2.5*em {
				full++
			}
		}
		if hasR {
			right++
			if rmax >= maxX-2.5*em {
				fullR++
			}
		}
		if punct && (hasL || hasR) {
			prose++
		}
	}
	if float64(left) < 0.3*float64(len(rows)) || float64(right) < 0.3*float64(len(rows)) {
		return gutter{}, false
	}
	if float64(full) >= 0.5*float64(left) {
		return best, true
	}
	// Columns of short paragraphs (a bulletin's items, the last page of
	// a report): most lines stop short of the gutter, but the wrapped
	// ones of one side at least still run up to it or to the right edge,
	// and the text is prose, with sentence punctuation in most rows,
	// which a table's cells seldom have.
	wraps := float64(full) >= 0.15*float64(left) || float64(fullR) >= 0.15*float64(right)
	if wraps && full+fullR >= 2 && float64(prose) >= 0.6*float64(max(left, right)) {
		return best, true
	}
	return gutter{}, false
}

// split divides a row at the gutter: glyphs[:k] are in the left column
// and glyphs[k:] in the right one. A row splits at its widest gap of at
// least half an em near the gutter (punctuation may hang into the gutter,
// so the gap need not cover it); ok is false when the row runs across the
// gutter (a title, a wide table row).
func (g gutter) split(r row, em float64) (k int, ok bool) {
	gs := r.glyphs
	if len(gs) == 0 {
		return 0, true
	}
	center := func(gl Glyph) float64 { return gl.X + gl.W/2 }
	if center(gs[len(gs)-1]) < (g.lo+g.hi)/2 && gs[len(gs)-1].X < g.hi-0.2*em {
		return len(gs), true // all left
	}
	if center(gs[0]) > (g.lo+g.hi)/2 && gs[0].X+gs[0].W > g.lo+0.2*em {
		return 0, true // all right
	}
	best, bestGap := -1, 0.0
	for i := 1; i < len(gs); i++ {
		a, b := gs[i-1].X+gs[i-1].W, gs[i].X
		gap := b - a
		if gap >= 0.5*em && gap > bestGap && b >= g.lo-1.5*em && a <= g.hi+1.5*em {
			best, bestGap = i, gap
		}
	}
	if best < 0 {
		return 0, false
	}
	return best, true
}

// segments splits the rows of a page into reading-order blocks of lines:
// one block for a single-column page; for a two-column page, region by
// region the left column, then the right one, with each row that crosses
// the gutter (a title, a wide table) as a block of its own, in place.
//
// A page whose columns change on the way down — a magazine page with two
// columns over a title and two columns of other widths under it — has
// no gutter that runs from top to bottom: it is cut into bands at the
// wide vertical gaps between its rows, and each band that has a gutter
// is read column by column.
func segments(rows []row, em float64) [][]line {
	if len(rows) == 0 {
		return nil
	}
	if g, ok := findGutter(rows, em); ok {
		return columnSegments(rows, g, em)
	}
	right := pageRight(rows, em)
	if gappedMiddle(rows, em) < minBandRows {
		return [][]line{singleColumn(rows, right)} // no columns anywhere
	}
	bands := rowBands(rows, em)
	gutters := make([]gutter, len(bands))
	found := make([]bool, len(bands))
	anyFound := false
	for i, b := range bands {
		if len(b) >= minBandRows {
			gutters[i], found[i] = findGutter(b, em)
			anyFound = anyFound || found[i]
		}
	}
	if !anyFound {
		return [][]line{singleColumn(rows, right)}
	}
	var out [][]line
	for i, b := range bands {
		if found[i] {
			out = append(out, columnSegments(b, gutters[i], em)...)
		} else {
			out = append(out, singleColumn(b, right))
		}
	}
	return out
}

// leftSteps cuts the lines of a column where its left edge steps aside
// for good: text set around a title or a picture starts further right
// beside it than under it. Each part is measured as a column of its
// own, so that the lines beside the box do not look indented. A step is
// where four lines that start together (but for one, a first line
// indented) give way to four that start together at least an em to the
// left or right, the lines on both sides of it at their own edge. Lines
// far smaller than the column's (specks an OCR layer read) and table
// rows do not count. Columns of fewer than eight lines are not cut.
func leftSteps(ls []line, em float64) [][]line {
	if len(ls) == 0 {
		return nil
	}
	var idx []int // lines that count
	for i, l := range ls {
		if !l.tab && l.table == 0 && l.size >= 0.5*em {
			idx = append(idx, i)
		}
	}
	const k = 4
	tol := 0.3 * em
	edge := func(w []int) (float64, bool) {
		m := math.Inf(1)
		for _, i := range w {
			m = math.Min(m, ls[i].x0)
		}
		n := 0
		for _, i := range w {
			if ls[i].x0-m <= tol {
				n++
			}
		}
		return m, n >= k-1
	}
	for j := k; j+k <= len(idx); j++ {
		a, aok := edge(idx[j-k : j])
		b, bok := edge(idx[j : j+k])
		if aok && bok && math.Abs(a-b) >= em && ls[idx[j-1]].x0-a <= tol && ls[idx[j]].x0-b <= tol {
			cut := idx[j]
			return append([][]line{ls[:cut:cut]}, leftSteps(ls[cut:], em)...)
		}
	}
	return [][]line{ls}
}

// minBandRows is the fewest rows a band of a page must have to be
// looked at for columns of its own.
const minBandRows = 8

// gappedMiddle counts the rows with a gap of an em or more between two
// glyphs in the middle half of the page's text: rows that two columns
// could share.
func gappedMiddle(rows []row, em float64) int {
	minX, maxX := math.Inf(1), math.Inf(-1)
	for _, r := range rows {
		if n := len(r.glyphs); n > 0 {
			minX, maxX = math.Min(minX, r.glyphs[0].X), math.Max(maxX, rowEnd(r.glyphs))
		}
	}
	lo, hi := minX+0.25*(maxX-minX), minX+0.75*(maxX-minX)
	n := 0
	for _, r := range rows {
		for i := 1; i < len(r.glyphs); i++ {
			a, b := r.glyphs[i-1].X+r.glyphs[i-1].W, r.glyphs[i].X
			if b-a >= em && b >= lo && a <= hi {
				n++
				break
			}
		}
	}
	return n
}

// pageRight returns the right margin of rows read as one column.
func pageRight(rows []row, em float64) float64 {
	x1s := make([]float64, len(rows))
	for i, r := range rows {
		x1s[i] = rowEnd(r.glyphs)
	}
	return rightMargin(x1s, em)
}

// singleColumn renders rows as the lines of one column whose right
// margin is right.
func singleColumn(rows []row, right float64) []line {
	ls := make([]line, len(rows))
	for i, r := range rows {
		ls[i] = makeLine(r.glyphs, r.spaces, r.y, right)
	}
	return ls
}

// rowBands cuts rows (top to bottom) where the baselines of two rows
// stand more than twice the usual row distance apart: the blank between
// a block of columns and what follows it.
func rowBands(rows []row, em float64) [][]row {
	if len(rows) < 2*minBandRows {
		return [][]row{rows}
	}
	var gaps []float64
	for i := 1; i < len(rows); i++ {
		gaps = append(gaps, rows[i-1].y-rows[i].y)
	}
	pitch := math.Max(median(gaps), em)
	var out [][]row
	start := 0
	for i := 1; i < len(rows); i++ {
		if rows[i-1].y-rows[i].y > 2*pitch {
			out = append(out, rows[start:i])
			start = i
		}
	}
	return append(out, rows[start:])
}

// columnSegments splits rows at gutter g into reading-order blocks of
// lines (see segments).
func columnSegments(rows []row, g gutter, em float64) [][]line {
	// The right margins of the two columns, from the rows as split.
	ks := make([]int, len(rows))
	oks := make([]bool, len(rows))
	var lx1, rx1 []float64
	for i, r := range rows {
		ks[i], oks[i] = g.split(r, em)
		if !oks[i] {
			continue
		}
		if ks[i] > 0 {
			lx1 = append(lx1, rowEnd(r.glyphs[:ks[i]]))
		}
		if ks[i] < len(r.glyphs) {
			rx1 = append(rx1, rowEnd(r.glyphs))
		}
	}
	lright, rright := rightMargin(lx1, em), rightMargin(rx1, em)
	var out [][]line
	var left, right []line
	flush := func() {
		out = append(out, leftSteps(left, em)...)
		out = append(out, leftSteps(right, em)...)
		left, right = nil, nil
	}
	for i, r := range rows {
		k, ok := ks[i], oks[i]
		if !ok {
			flush()
			out = append(out, []line{rowLine(r)})
			continue
		}
		var ls, rs []Glyph
		cut := math.Inf(1)
		if k < len(r.glyphs) {
			cut = r.glyphs[k].X
		}
		for _, s := range r.spaces {
			if s.X < cut {
				ls = append(ls, s)
			} else {
				rs = append(rs, s)
			}
		}
		if k > 0 {
			left = append(left, makeLine(r.glyphs[:k], ls, r.y, lright))
		}
		if k < len(r.glyphs) {
			right = append(right, makeLine(r.glyphs[k:], rs, r.y, rright))
		}
	}
	flush()
	return out
}
