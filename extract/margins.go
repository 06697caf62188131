package extract

import (
	"math"
	"sort"
)

// A marginBook holds the metrics of every column of a document, and of
// its text blocks: the columns that share a left margin, on whatever
// page. A column whose own lines do not show its right margin — a few
// lines, or only short ones (headings, "□适用√不适用", a list) — takes
// it from its page or its text block, so that a short line is seen to
// be short. A document may have several blocks: the financial
// statements of an annual report are set wider than its chapters, the
// two columns of a page are two blocks.
type marginBook struct {
	cols     []column
	metrics  []colMetrics // each column's own metrics
	measured []bool       // whether metrics[i] could be measured at all
	blocks   []textBlock
}

// A textBlock is the columns of a document that start at one left margin.
type textBlock struct {
	left float64
	m    colMetrics
	ok   bool
}

// newMarginBook measures the columns and groups them into text blocks.
func newMarginBook(cols []column) *marginBook {
	mb := &marginBook{cols: cols, metrics: make([]colMetrics, len(cols)), measured: make([]bool, len(cols))}
	var idx []int
	for ci := range cols {
		mb.metrics[ci], mb.measured[ci] = measure(cols[ci].lines)
		if mb.measured[ci] {
			idx = append(idx, ci)
		}
	}
	sort.SliceStable(idx, func(i, j int) bool { return mb.metrics[idx[i]].left < mb.metrics[idx[j]].left })
	for i := 0; i < len(idx); {
		j := i + 1
		for j < len(idx) && mb.metrics[idx[j]].left-mb.metrics[idx[i]].left <= 0.5*mb.metrics[idx[j]].em {
			j++
		}
		var lines []line
		for _, ci := range idx[i:j] {
			lines = append(lines, cols[ci].lines...)
		}
		m, ok := measure(lines)
		mb.blocks = append(mb.blocks, textBlock{left: mb.metrics[idx[i]].left, m: m, ok: ok})
		i = j
	}
	return mb
}

// margins returns the metrics paragraph breaking should use for column
// ci; ok is false when neither the column nor a page or block it belongs
// to could be measured. own reports whether they are the column's own.
//
// A column whose right margin is not sure takes the metrics of the
// column of its page that starts where it does (within two ems) and
// whose margin is sure — the same text, cut by a table; a column too
// short to measure that shows a first line indented by two characters
// and wrapped back to the margin takes its margins from that paragraph;
// else it takes those of its text block (the same left margin, within
// half an em) when sure, else it keeps its own.
func (mb *marginBook) margins(ci int) (m colMetrics, ok, own bool) {
	m, ok = mb.metrics[ci], mb.measured[ci]
	if ok && m.sure {
		return m, true, true
	}
	c := &mb.cols[ci]
	left := m.left
	if !ok {
		left = math.Inf(1)
		for _, l := range c.lines {
			if !l.tab && l.table == 0 {
				left = math.Min(left, l.x0)
			}
		}
	}
	best := -1
	for cj := range mb.cols {
		o := &mb.cols[cj]
		if cj == ci || o.page != c.page || !mb.measured[cj] || !mb.metrics[cj].sure ||
			math.Abs(mb.metrics[cj].left-left) > 2*mb.metrics[cj].em {
			continue
		}
		if best < 0 || len(o.lines) > len(mb.cols[best].lines) {
			best = cj
		}
	}
	if best >= 0 {
		return mb.metrics[best], true, false
	}
	if !ok {
		if w, found := indentWrap(c.lines); found {
			// A paragraph's indented first line wrapped back to the
			// margin: it ran to the edge of its text box, whatever the
			// other pages' boxes are.
			return w, true, true
		}
	}
	for _, b := range mb.blocks {
		if b.ok && b.m.sure && math.Abs(b.left-left) <= 0.5*b.m.em {
			return b.m, true, false
		}
	}
	return m, ok, true
}

// indentWrap looks in lines for a paragraph's first line indented by
// about two characters and followed by a line at the margin, and returns
// the margins they show: the left one of the line after, the right one
// where the first line ends.
func indentWrap(lines []line) (colMetrics, bool) {
	for i := 1; i < len(lines); i++ {
		p, l := &lines[i-1], &lines[i]
		em := p.size
		if p.tab || l.tab || p.table > 0 || l.table > 0 || em <= 0 || math.Abs(l.size-p.size) > 0.1*em {
			continue
		}
		if d := p.x0 - l.x0; d > 1.6*em && d < 2.4*em && p.y > l.y && p.y-l.y < 2*em {
			return colMetrics{left: l.x0, right: p.x1, pitch: p.y - l.y, em: em}, true
		}
	}
	return colMetrics{}, false
}
