package extract

import (
	"math"
	"sort"
)

// This file finds the columns of a table drawn without column rules:
// the vertical bands no glyph of its body covers, a boundary next to the
// ink on their left; and it tells which column text belongs to.

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

// colOf returns the column of xs (boundaries, left to right) that x falls
// in, clamped to the first and last.
func colOf(xs []float64, x float64) int {
	i := sort.SearchFloat64s(xs, x) - 1
	return max(0, min(i, len(xs)-2))
}
