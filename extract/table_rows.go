package extract

import (
	"math"
	"strings"
)

// This file groups the lines of a table into rows and its glyphs into
// cell texts, and follows a table that runs on below its last rule.

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
