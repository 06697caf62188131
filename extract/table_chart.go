package extract

import (
	"math"
	"sort"
	"strings"
	"unicode/utf8"
)

// Charts drawn as vector graphics carry text that is neither prose nor a
// table: axis ticks ("0 50 100 150", "338600%%"), category labels, data
// labels and legends, lined up like a table's columns. chartAreas finds
// the plot areas from the shapes a chart is drawn with; the rows inside
// them (and their axis margins) that read like labels are taken out of
// the page's text and kept in Page.Dropped, like running headers, and no
// table is looked for there.

// chartAreas returns the plot areas of the charts drawn on a page: the
// bounding boxes of groups of shapes that only charts are drawn with —
// lines and polygons with slanted edges (line charts, pie slices),
// open curves of some size (smoothed lines), bars: three or more
// filled rectangles standing on one base line with different lengths,
// and pies: three or more filled curved slices around one centre.
// The shaded cells of a table stand on common edges too, but a row's
// cells share their height and a column's their width, so they never
// look like bars. em is the page's body font size.
func chartAreas(shapes []shape, em float64) []rect {
	if em <= 0 {
		em = 10
	}
	var ev []rect
	for _, s := range shapes {
		big := math.Max(s.w(), s.h()) >= 3*em
		if s.slanted && big || s.curved && s.open && big {
			ev = append(ev, s.rect)
		}
	}
	ev = append(ev, bars(shapes, em)...)
	ev = append(ev, pies(shapes, em)...)
	if len(ev) == 0 {
		return nil
	}
	// Group the evidence that lies together into one area per chart.
	areas := mergeRects(ev, em)
	var out []rect
	for _, a := range areas {
		if a.w() >= 4*em && a.h() >= 3*em {
			out = append(out, a)
		}
	}
	return out
}

// bars returns the areas of the filled rectangles that stand, three or
// more together, on one base line (a common bottom, top, left or right
// edge) with one width and lengths away from it that differ: one area
// per base line.
func bars(shapes []shape, em float64) []rect {
	var fills []rect
	for _, s := range shapes {
		if !s.slanted && !s.curved && !s.open {
			fills = append(fills, s.rect)
		}
	}
	if len(fills) < 3 {
		return nil
	}
	var out []rect
	type side struct {
		base   func(rect) float64 // the edge the bars stand on
		far    func(rect) float64 // the opposite edge
		length func(rect) float64 // their extent away from it
		across func(rect) float64 // their width along it
	}
	y0 := func(r rect) float64 { return r.y0 }
	y1 := func(r rect) float64 { return r.y1 }
	x0 := func(r rect) float64 { return r.x0 }
	x1 := func(r rect) float64 { return r.x1 }
	sides := []side{
		{y0, y1, rect.h, rect.w},
		{y1, y0, rect.h, rect.w},
		{x0, x1, rect.w, rect.h},
		{x1, x0, rect.w, rect.h},
	}
	// A shaded cell's far edge meets the next cell's fill; a bar's end
	// stands free.
	touches := func(r rect, far func(rect) float64) bool {
		for _, o := range fills {
			if o == r || o.overlap(rect{r.x0 - 1, r.y0 - 1, r.x1 + 1, r.y1 + 1}) == 0 {
				continue
			}
			e := far(r)
			if math.Abs(o.x0-e) <= 0.5 || math.Abs(o.x1-e) <= 0.5 || math.Abs(o.y0-e) <= 0.5 || math.Abs(o.y1-e) <= 0.5 {
				return true
			}
		}
		return false
	}
	for _, sd := range sides {
		sorted := append([]rect(nil), fills...)
		sort.Slice(sorted, func(i, j int) bool { return sd.base(sorted[i]) < sd.base(sorted[j]) })
		for i := 0; i < len(sorted); {
			j := i + 1
			for j < len(sorted) && sd.base(sorted[j])-sd.base(sorted[i]) <= 0.5 {
				j++
			}
			group := sorted[i:j]
			i = j
			if len(group) < 3 {
				continue
			}
			minL, maxL := math.Inf(1), math.Inf(-1)
			minW, maxW := math.Inf(1), math.Inf(-1)
			for _, r := range group {
				minL, maxL = math.Min(minL, sd.length(r)), math.Max(maxL, sd.length(r))
				minW, maxW = math.Min(minW, sd.across(r)), math.Max(maxW, sd.across(r))
			}
			// Bars have one width and lengths that differ by more than a
			// rounding: a row of shaded cells has one height instead.
			free := 0
			if len(fills) <= 2000 { // beyond, a page of shading: no chart
				for _, r := range group {
					if !touches(r, sd.far) {
						free++
					}
				}
			}
			if maxL-minL > math.Max(0.15*maxL, 1) && maxW-minW <= math.Max(0.1*maxW, 0.5) && 2*free > len(group) {
				u := group[0]
				for _, r := range group[1:] {
					u = u.union(r)
				}
				out = append(out, u)
			}
		}
	}
	return out
}

// pies returns the areas of pie and doughnut charts: three or more
// filled shapes with curved edges, each at least two ems across, that
// lie together in a roughly square box and each reach to within two ems
// of its centre — the slices of one disc, whose straight edges may all
// be horizontal or vertical (quarters) and so show no slant. A rounded
// box around text is one shape, and boxes in a row are not a disc.
func pies(shapes []shape, em float64) []rect {
	var slices []rect
	for _, s := range shapes {
		if s.curved && !s.open && math.Max(s.w(), s.h()) >= 2*em {
			slices = append(slices, s.rect)
		}
	}
	if len(slices) < 3 {
		return nil
	}
	var out []rect
	for _, a := range mergeRects(slices, 0.5*em) {
		if r := a.w() / a.h(); r < 0.5 || r > 2 {
			continue
		}
		cx, cy := (a.x0+a.x1)/2, (a.y0+a.y1)/2
		near := rect{cx - 2*em, cy - 2*em, cx + 2*em, cy + 2*em}
		n := 0
		for _, s := range slices {
			if a.overlap(s) > 0 && s.overlap(near) > 0 {
				n++
			}
		}
		if n >= 3 {
			out = append(out, a)
		}
	}
	return out
}

// mergeRects unites rectangles that overlap or lie within gap of each
// other, repeatedly, and returns the unions.
func mergeRects(rs []rect, gap float64) []rect {
	out := append([]rect(nil), rs...)
	for changed := true; changed; {
		changed = false
		for i := 0; i < len(out); i++ {
			for j := i + 1; j < len(out); j++ {
				a, b := out[i], out[j]
				if a.x0-gap <= b.x1 && b.x0-gap <= a.x1 && a.y0-gap <= b.y1 && b.y0-gap <= a.y1 {
					out[i] = a.union(b)
					out = append(out[:j], out[j+1:]...)
					changed = true
					j--
				}
			}
		}
	}
	return out
}

// chartMargin widens a plot area to take in its axis labels, ticks and
// legend, which stand outside the plotted shapes: category labels left
// of a bar chart may be as wide as half its plot.
func chartMargin(a rect, em float64) rect {
	return rect{
		a.x0 - math.Max(6*em, 0.6*a.w()), a.y0 - math.Max(3*em, 0.15*a.h()),
		a.x1 + math.Max(3*em, 0.3*a.w()), a.y1 + math.Max(2*em, 0.1*a.h()),
	}
}

// isChartLabel reports whether the text of a row inside a chart area
// reads like chart labels rather than a sentence, a heading or a figure
// caption: no sentence punctuation, no long run of text, no heading
// numbering, not 图N.
func isChartLabel(text string) bool {
	if strings.ContainsAny(text, "，。；：！？") || isHeading(text) || strings.HasPrefix(text, "图") || isCaption(text) {
		return false
	}
	for _, cell := range strings.Split(text, "\t") {
		if utf8.RuneCountInString(cell) > 40 {
			return false
		}
	}
	return true
}

// inside reports whether point (x, y) lies in r.
func (r rect) inside(x, y float64) bool { return x >= r.x0 && x <= r.x1 && y >= r.y0 && y <= r.y1 }

// overlap returns the area r and s have in common.
func (r rect) overlap(s rect) float64 {
	w := math.Min(r.x1, s.x1) - math.Max(r.x0, s.x0)
	h := math.Min(r.y1, s.y1) - math.Max(r.y0, s.y0)
	if w <= 0 || h <= 0 {
		return 0
	}
	return w * h
}
