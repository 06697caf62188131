package extract

import (
	"math"
	"sort"
	"strings"
	"unicode/utf8"
)

// This file finds where the tables of a page are. Three kinds of
// evidence, tried in turn on what the earlier ones left:
//
//   - a lattice of horizontal and vertical rulings (cell borders drawn as
//     lines or thin rectangles): a "ruled" table, its cells the lattice's;
//   - a stack of two or more horizontal rulings of one width with no
//     vertical ones (a three-line table: rules above, under the header,
//     below; or one rule under every row): a "rules" table, its columns
//     from the alignment of its text;
//   - three or more consecutive rows cut by wide gaps, one column of them
//     figures: an "aligned" table, its columns from the alignment.
//
// A caption (表N …, or a title ending in 表) and unit notes (单位：万元)
// just above the table, or a caption just below it, belong to it.

// findTables finds the tables of one page among its rows (running
// headers and footers removed; furniture holds their baselines). It
// returns the tables, top to bottom, the rows left for the prose — without
// the glyphs of tables, captions, unit notes and chart labels — and the
// chart labels it took out, as printed.
func findTables(p *rawPage, rows []row, em float64, furniture []float64) (tables []pageTable, rest []row, dropped []string) {
	if len(rows) == 0 {
		return nil, rows, nil
	}
	if em <= 0 {
		em = 10
	}
	pf := &pageFinder{page: p.Number, rows: rows, em: em, used: make([][]bool, len(rows))}
	for i := range rows {
		pf.used[i] = make([]bool, len(rows[i].glyphs))
	}
	if len(p.Rules) == 0 && len(p.Shapes) == 0 && gappedRows(rows, em) < 3 {
		return nil, rows, nil // plain prose: nothing to look at
	}
	page := rect{p.OffsetX, p.OffsetY, p.OffsetX + p.Width, p.OffsetY + p.Height}
	h, v := joinRules(p.Rules, page)
	h = withoutFurniture(h, furniture, em)
	var charts []rect
	for _, a := range chartAreas(p.Shapes, em) {
		charts = append(charts, chartMargin(a, em))
	}
	if len(charts) > 0 {
		dropped = pf.takeCharts(charts)
		h, v = outside(h, charts, true), outside(v, charts, false)
	}
	lats, free := lattices(h, v)
	var regions []region
	for _, l := range lats {
		if r, ok := latticeRegion(l, em); ok {
			regions = append(regions, r)
		}
	}
	pf.short = free
	regions = append(regions, pf.stackRegions(free)...)
	sort.SliceStable(regions, func(i, j int) bool { return regions[i].y1 > regions[j].y1 })
	for _, reg := range regions {
		if t := pf.build(reg); t != nil {
			tables = append(tables, *t)
		}
	}
	tables = append(tables, pf.alignedTables()...)
	sort.SliceStable(tables, func(i, j int) bool { return tables[i].y1 > tables[j].y1 })
	for i := range tables {
		pf.caption(&tables[i])
	}
	return tables, pf.rest(tables), dropped
}

// gappedRows counts the rows with a gap of more than 1.5 em between two
// glyphs: the rows of a table, or of two columns of text.
func gappedRows(rows []row, em float64) int {
	n := 0
	for _, r := range rows {
		if hasGap(r.glyphs, 1.5*em) {
			n++
		}
	}
	return n
}

// hasGap reports whether two neighbouring glyphs of gs (in X order) stand
// more than gap apart.
func hasGap(gs []Glyph, gap float64) bool {
	for i := 1; i < len(gs); i++ {
		if gs[i].X-(gs[i-1].X+gs[i-1].W) > gap {
			return true
		}
	}
	return false
}

// withoutFurniture drops the horizontal rulings that underline a running
// header or overline a footer: within 1.5 em of a dropped running row.
func withoutFurniture(h []ruling, furniture []float64, em float64) []ruling {
	if len(furniture) == 0 {
		return h
	}
	var out []ruling
	for _, r := range h {
		near := false
		for _, y := range furniture {
			if math.Abs(r.pos-y) <= 1.5*em {
				near = true
			}
		}
		if !near {
			out = append(out, r)
		}
	}
	return out
}

// outside returns the rulings whose middle lies in none of areas.
func outside(rs []ruling, areas []rect, horiz bool) []ruling {
	var out []ruling
	for _, r := range rs {
		x, y := (r.lo+r.hi)/2, r.pos
		if !horiz {
			x, y = r.pos, (r.lo+r.hi)/2
		}
		in := false
		for _, a := range areas {
			in = in || a.inside(x, y)
		}
		if !in {
			out = append(out, r)
		}
	}
	return out
}

// takeCharts marks used the glyphs inside chart areas, row by row where
// the part of the row inside reads like labels (see isChartLabel), and
// returns the texts taken.
func (pf *pageFinder) takeCharts(areas []rect) []string {
	var out []string
	for ri, r := range pf.rows {
		var in []int
		var gs []Glyph
		for gi, g := range r.glyphs {
			x, y := centre(g)
			for _, a := range areas {
				if a.inside(x, y) {
					in = append(in, gi)
					gs = append(gs, g)
					break
				}
			}
		}
		if len(gs) == 0 {
			continue
		}
		// A label that sticks out of the area (a long category name
		// left of the bars) is taken whole.
		in = wholeWords(r.glyphs, in)
		gs = gs[:0]
		for _, gi := range in {
			gs = append(gs, r.glyphs[gi])
		}
		text := makeLine(gs, nil, r.y, 0).text
		if !isChartLabel(text) {
			continue
		}
		for _, gi := range in {
			pf.used[ri][gi] = true
		}
		out = append(out, printedText(row{glyphs: gs}))
	}
	return out
}

// wholeWords widens in, the indexes (ascending) of some glyphs of a row
// (gs, in X order), to the glyphs that stand right next to them, less
// than half an em apart: the rest of the words they belong to.
func wholeWords(gs []Glyph, in []int) []int {
	if len(in) == 0 {
		return in
	}
	taken := make([]bool, len(gs))
	for _, i := range in {
		taken[i] = true
	}
	close := func(a, b Glyph) bool { return b.X-(a.X+a.W) < 0.5*math.Max(a.Size, b.Size) }
	for i := 1; i < len(gs); i++ { // rightwards
		if taken[i-1] && !taken[i] && close(gs[i-1], gs[i]) {
			taken[i] = true
		}
	}
	for i := len(gs) - 2; i >= 0; i-- { // leftwards
		if taken[i+1] && !taken[i] && close(gs[i], gs[i+1]) {
			taken[i] = true
		}
	}
	out := in[:0]
	for i, t := range taken {
		if t {
			out = append(out, i)
		}
	}
	return out
}

// latticeRegion makes the region of a lattice: columns between its
// vertical rulings (its outer edges count when no ruling is drawn
// there), rows between its horizontal ones. ok is false for a lattice
// too small to hold a table.
func latticeRegion(l lattice, em float64) (region, bool) {
	if l.w() < 3*em || l.h() < em || len(l.hs) < 1 || len(l.vs) < 1 {
		return region{}, false
	}
	xs := []float64{l.x0, l.x1}
	for _, r := range l.vs {
		xs = append(xs, r.pos)
	}
	ys := []float64{l.y0, l.y1}
	for _, r := range l.hs {
		ys = append(ys, r.pos)
	}
	xs = clusterPositions(xs, 2)
	ys = clusterPositions(ys, 2)
	if len(xs) < 2 || len(ys) < 2 {
		return region{}, false
	}
	for i, j := 0, len(ys)-1; i < j; i, j = i+1, j-1 {
		ys[i], ys[j] = ys[j], ys[i]
	}
	return region{rect: l.rect, xs: xs, ys: ys, hs: l.hs, vs: l.vs, head: math.NaN(), source: "ruled"}, true
}

// stackRegions finds three-line tables and tables ruled under every row
// but not between columns: stacks of two or more horizontal rulings at
// least 8 em long with the same extent (within 1.5 em at each end), cut
// wherever the band between two of them holds a caption or prose or an
// empty stretch (a figure's room), and before two rules close together
// under a band of rows (the next table's header).
func (pf *pageFinder) stackRegions(free []ruling) []region {
	em := pf.em
	var long []ruling
	for _, r := range free {
		if r.length() >= 8*em {
			long = append(long, r)
		}
	}
	// Stacks are seeded by the longest rulings; a shorter one joins a
	// stack when it lies within its extent and covers most of it (a
	// header rule that leaves out a label merged down through the header).
	sort.SliceStable(long, func(i, j int) bool { return long[i].length() > long[j].length() })
	var stacks [][]ruling
	for _, r := range long {
		placed := false
		for k, s := range stacks {
			lo, hi := s[0].lo, s[0].hi
			if r.lo >= lo-1.5*em && r.hi <= hi+1.5*em && r.length() >= 0.6*(hi-lo) {
				stacks[k] = append(stacks[k], r)
				placed = true
				break
			}
		}
		if !placed {
			stacks = append(stacks, []ruling{r})
		}
	}
	for _, s := range stacks {
		sort.SliceStable(s, func(i, j int) bool { return s[i].pos > s[j].pos })
	}
	var out []region
	for _, s := range stacks {
		lo, hi := s[0].lo, s[0].hi
		for _, r := range s {
			lo, hi = math.Min(lo, r.lo), math.Max(hi, r.hi)
		}
		start := 0
		flush := func(end int) { // rulings s[start:end] bound one region
			if end-start >= 2 {
				out = append(out, pf.stackRegion(s[start:end], lo, hi))
			}
			start = end
		}
		prevLines := 0
		for k := 0; k+1 < len(s); k++ {
			band := pf.linesIn(rect{lo - em, s[k+1].pos, hi + em, s[k].pos})
			// Two rules close together under a band of rows: the header
			// of the next table, which begins at the first of them.
			if len(band) <= 2 && prevLines >= 3 && k-1 >= start {
				flush(k + 1)
				start = k
			}
			prevLines = len(band)
			if emptyBand(band, s[k].pos, s[k+1].pos, 4*em) {
				flush(k + 1)
				continue
			}
			for _, l := range band {
				text := makeLine(l.gs, l.spaces, l.y, 0).text
				if isCaption(text) || proseLine(l, hi-lo) {
					flush(k + 1)
					break
				}
			}
		}
		flush(len(s))
	}
	return out
}

// emptyBand reports whether the band between rules at y1 (above) and y0
// holds an empty stretch taller than gap: the room of a figure or a
// chart between two rules of a page's furniture, not a table's rows.
func emptyBand(lines []tline, y1, y0, gap float64) bool {
	top := y1
	for _, l := range lines {
		if top-(l.y+0.9*l.size) > gap {
			return true
		}
		top = l.y - 0.25*l.size
	}
	return top-y0 > gap
}

// proseLine reports whether l reads as a line of prose rather than a
// table row: one run of text over most of width, with sentence
// punctuation.
func proseLine(l tline, width float64) bool {
	cs := l.chunks(1.5 * l.size)
	if len(cs) != 1 || cs[0].x1-cs[0].x0 < 0.6*width {
		return false
	}
	return strings.ContainsAny(makeLine(l.gs, l.spaces, l.y, 0).text, "，。；")
}

// stackRegion makes the region bounded by a stack of rulings, top to
// bottom, between lo and hi. The bands from the top that hold no figure
// are the header; when every band is header (the table runs on under the
// page's last rule, as the first part of a three-line table broken by a
// page does), the region is open below.
func (pf *pageFinder) stackRegion(s []ruling, lo, hi float64) region {
	reg := region{rect: rect{lo, s[len(s)-1].pos, hi, s[0].pos}, hs: s, head: math.NaN(), source: "rules"}
	for _, r := range s {
		reg.ys = append(reg.ys, r.pos)
	}
	for k := 0; k+1 < len(s); k++ {
		band := pf.linesIn(rect{lo - 1, s[k+1].pos, hi + 1, s[k].pos})
		numeric := false
		for _, l := range band {
			numeric = numeric || chunkFigures(l)
		}
		if numeric || len(band) == 0 && k == 0 {
			break
		}
		reg.head = s[k+1].pos
		reg.open = k+2 == len(s)
	}
	return reg
}

// chunkFigures reports whether a line holds a figure (see isFigure)
// after its first chunk: a body row of a table.
func chunkFigures(l tline) bool {
	return figureAfterFirst(l.gs, minGapOf([]tline{l}))
}

// alignedTables finds the tables drawn without rules among the unused
// rows: runs of three or more rows cut by gaps wider than 1.5 em, no
// farther apart than 3 em, with the header lines just above them. One or
// two lines without such a gap may stand between two rows of a run (a
// label wrapped inside its cell, a header centred over two lines) when
// they read like cells, not sentences.
func (pf *pageFinder) alignedTables() []pageTable {
	if gappedRows(pf.rows, pf.em) < 3 {
		return nil
	}
	// Work on the rows as they are: a page of prose in two columns has a
	// gap in every row, and copying them into lines would cost more than
	// the search.
	rows := pf.rows
	line := func(ri int) tline { return pf.rowPart(ri, math.Inf(-1), math.Inf(1)) }
	gs := func(ri int) []Glyph {
		for _, u := range pf.used[ri] {
			if u {
				return line(ri).gs
			}
		}
		return rows[ri].glyphs
	}
	gapped := make([]bool, len(rows))
	n := 0
	for i, r := range rows {
		if g := gs(i); len(g) > 0 && hasGap(g, 1.5*r.size) {
			gapped[i] = true
			n++
		}
	}
	if n < 3 {
		return nil
	}
	// cell reports whether row i reads like a cell: short, without
	// sentence punctuation, not a caption, a table's title or a unit note.
	cell := func(i int) bool {
		l := line(i)
		if len(l.gs) == 0 || len(l.gs) > 30 {
			return false
		}
		text := makeLine(l.gs, l.spaces, l.y, 0).text
		return !strings.ContainsAny(text, "，。；") && utf8.RuneCountInString(text) <= 30 && !isTableTitle(text) && !isUnitNote(text)
	}
	near := func(a, b int) bool { return rows[a].y-rows[b].y <= 3*pf.em }
	var out []pageTable
	for i := 0; i < len(rows); {
		if !gapped[i] {
			i++
			continue
		}
		n, j := 1, i+1 // gapped rows in the run, end of the run
		for j < len(rows) && near(j-1, j) {
			if gapped[j] {
				n++
				j++
				continue
			}
			// Up to two cell-like rows followed by a gapped one.
			k := j
			for k < len(rows) && k < j+2 && !gapped[k] && near(k-1, k) && cell(k) {
				k++
			}
			if k == j || k >= len(rows) || !gapped[k] || !near(k-1, k) {
				break
			}
			j = k
		}
		figures := 0
		for r := i; r < j && n >= 3; r++ {
			if figureAfterFirst(gs(r), 0.6*rows[r].size) {
				figures++
			}
		}
		if n < 3 || figures < 2 {
			i = j
			continue
		}
		lo := math.Inf(1)
		for r := i; r < j; r++ {
			if g := gs(r); len(g) > 0 {
				lo = math.Min(lo, g[0].X)
			}
		}
		// Header rows just above, within the run's width.
		k := i
		for k > 0 && i-k < 3 {
			g := gs(k - 1)
			if len(g) == 0 || rows[k-1].y-rows[k].y > 2.5*pf.em || g[0].X < lo-2*pf.em || !cell(k-1) {
				break
			}
			k--
		}
		b := rect{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
		for r := k; r < j; r++ {
			if l := line(r); len(l.gs) > 0 {
				y0, y1 := linesBox([]tline{l})
				b = b.union(rect{l.x0(), y0, l.x1(), y1})
			}
		}
		reg := region{rect: b, xs: []float64{b.x0, b.x1}, ys: []float64{b.y1, b.y0}, head: math.NaN(), source: "aligned"}
		if t := pf.build(reg); t != nil {
			out = append(out, *t)
		}
		i = j
	}
	return out
}

// figureAfterFirst reports whether gs, the glyphs of a row in X order,
// hold a figure (see isFigure) in a run after the first, runs being cut
// at gaps of minGap: chunkFigures without building the runs.
func figureAfterFirst(gs []Glyph, minGap float64) bool {
	start := -1 // first glyph of the current run, after the first run
	check := func(run []Glyph) bool {
		digits, n := 0, 0
		for _, g := range run {
			for _, r := range g.Text {
				n++
				digit, ok := numericRune(r)
				if !ok {
					return false
				}
				if digit {
					digits++
				}
			}
		}
		if digits == 4 && n == 4 { // a year?
			var b strings.Builder
			for _, g := range run {
				b.WriteString(g.Text)
			}
			return isFigure(b.String())
		}
		return digits > 0
	}
	for i := 1; i <= len(gs); i++ {
		if i < len(gs) && gs[i].X-(gs[i-1].X+gs[i-1].W) < minGap {
			continue
		}
		if start >= 0 && check(gs[start:i]) {
			return true
		}
		start = i
	}
	return false
}

// rest returns the page's rows without the glyphs that were used, and
// without the spaces inside tables.
func (pf *pageFinder) rest(tables []pageTable) []row {
	var out []row
	for ri, r := range pf.rows {
		all := true
		for _, u := range pf.used[ri] {
			all = all && !u
		}
		if all {
			out = append(out, r)
			continue
		}
		var nr row
		var sizes []float64
		for gi, g := range r.glyphs {
			if !pf.used[ri][gi] {
				nr.glyphs = append(nr.glyphs, g)
				sizes = append(sizes, g.Size)
			}
		}
		if len(nr.glyphs) == 0 {
			continue
		}
		for _, s := range r.spaces {
			x, y := centre(s)
			in := false
			for _, t := range tables {
				in = in || t.rect.inside(x, y)
			}
			if !in {
				nr.spaces = append(nr.spaces, s)
			}
		}
		nr.y, nr.size = r.y, median(sizes)
		out = append(out, nr)
	}
	return out
}
