package extract

import "math"

// This file keeps what tables need of a page's vector graphics: the
// horizontal and vertical lines that rule a table (stroked segments and
// the thin filled rectangles Word and WPS draw cell borders with), and a
// summary of the other painted shapes (filled areas, curves, slanted
// lines), which tell a chart from a table. The content-stream
// interpreter calls in here for the path operators; everything else
// about paths (dashes, shadings) is ignored. Clipping paths are kept as
// their bounding box in the graphics state: a glyph whose middle falls
// outside it is not visible and not read (WPS 表格 draws the rows that
// run off a page and clips them; they are printed again on the next),
// and a path painted wholly outside it is not recorded.

// A rect is an axis-aligned rectangle in page space, in points, Y up;
// x0 <= x1 and y0 <= y1.
type rect struct{ x0, y0, x1, y1 float64 }

func (b rect) w() float64 { return b.x1 - b.x0 }
func (b rect) h() float64 { return b.y1 - b.y0 }

// A rule is a horizontal or vertical line painted on a page: the box of
// its ink, thickness included. It runs along its longer side.
type rule struct{ rect }

// horiz reports whether the rule runs horizontally.
func (r rule) horiz() bool { return r.w() >= r.h() }

// A shape is a painted area that is not a rule: a filled rectangle or
// polygon (a bar, a pie slice, a shaded cell) or a stroke that is not a
// horizontal or vertical line (a chart's line, a circle, an arrow).
type shape struct {
	rect
	slanted bool // it has slanted straight edges
	curved  bool // it has curves
	open    bool // a stroked path left open: a line rather than an outline
}

// maxRuleWidth is the thickest a filled rectangle may be and still be a
// ruled line rather than an area: Word, WPS and Excel draw cell borders
// 0.5–2.25 points thick.
const maxRuleWidth = 3.0

// Caps on what one page may hold, so that a hostile path cannot exhaust
// memory: points of the current path, rules and shapes kept per page.
const (
	maxPathPoints = 1 << 16
	maxRules      = 1 << 17
	maxShapes     = 1 << 16
)

type point struct{ x, y float64 }

// A path is the path under construction, in page space.
type path struct {
	pts    []point
	bent   []bool // per point: reached by a curve, not a straight segment
	starts []int  // index in pts where each subpath begins
	closed []bool // per subpath: closed by h or re
	curved []bool // per subpath: holds a curve
}

func (p *path) reset() {
	p.pts, p.bent, p.starts, p.closed, p.curved = p.pts[:0], p.bent[:0], p.starts[:0], p.closed[:0], p.curved[:0]
}

func (p *path) move(q point) {
	if len(p.pts) >= maxPathPoints {
		return
	}
	p.starts = append(p.starts, len(p.pts))
	p.closed = append(p.closed, false)
	p.curved = append(p.curved, false)
	p.pts = append(p.pts, q)
	p.bent = append(p.bent, false)
}

func (p *path) line(q point, curve bool) {
	if len(p.starts) == 0 {
		p.move(q) // a line without a current point starts one
		return
	}
	if len(p.pts) >= maxPathPoints {
		return
	}
	p.pts = append(p.pts, q)
	p.bent = append(p.bent, curve)
	if curve {
		p.curved[len(p.curved)-1] = true
	}
}

func (p *path) close() {
	if n := len(p.closed); n > 0 {
		p.closed[n-1] = true
	}
}

// sub returns the points of subpath i and which of them curves reach.
func (p *path) sub(i int) ([]point, []bool) {
	end := len(p.pts)
	if i+1 < len(p.starts) {
		end = p.starts[i+1]
	}
	return p.pts[p.starts[i]:end], p.bent[p.starts[i]:end]
}

// pathOp applies a path construction or painting operator; ok is false
// when op is none. operands are the operator's numbers.
func (in *interp) pathOp(op string, gs *gstate, nums func(int) ([]float64, bool)) bool {
	pt := func(x, y float64) point {
		m := gs.ctm
		return point{m[0]*x + m[2]*y + m[4], m[1]*x + m[3]*y + m[5]}
	}
	p := &in.path
	switch op {
	case "m":
		if v, ok := nums(2); ok {
			p.move(pt(v[0], v[1]))
		}
	case "l":
		if v, ok := nums(2); ok {
			p.line(pt(v[0], v[1]), false)
		}
	case "c":
		if v, ok := nums(6); ok {
			p.line(pt(v[4], v[5]), true)
		}
	case "v", "y":
		if v, ok := nums(4); ok {
			p.line(pt(v[2], v[3]), true)
		}
	case "h":
		p.close()
	case "re":
		if v, ok := nums(4); ok {
			x, y, w, h := v[0], v[1], v[2], v[3]
			p.move(pt(x, y))
			p.line(pt(x+w, y), false)
			p.line(pt(x+w, y+h), false)
			p.line(pt(x, y+h), false)
			p.close()
		}
	case "S", "s":
		in.paint(gs, false, true, op == "s")
		in.endPath(gs)
	case "f", "F", "f*":
		in.paint(gs, true, false, true)
		in.endPath(gs)
	case "B", "B*":
		in.paint(gs, true, true, false)
		in.endPath(gs)
	case "b", "b*":
		in.paint(gs, true, true, true)
		in.endPath(gs)
	case "n":
		in.endPath(gs)
	case "W", "W*":
		in.clipNext = true
	default:
		return false
	}
	return true
}

// endPath ends the current path: when W or W* came before the operator
// that painted it (or n), the clipping path becomes its intersection
// with the path's bounding box.
func (in *interp) endPath(gs *gstate) {
	p := &in.path
	if in.clipNext && len(p.pts) > 0 {
		b, _ := bounds(p.pts)
		if gs.clipped {
			b = rect{math.Max(b.x0, gs.clip.x0), math.Max(b.y0, gs.clip.y0), math.Min(b.x1, gs.clip.x1), math.Min(b.y1, gs.clip.y1)}
		}
		if b.finite() {
			gs.clip, gs.clipped = b, true
		}
	}
	in.clipNext = false
	p.reset()
}

// visible reports whether a glyph painted with text rendering matrix
// trm and advance adv (in text space) shows inside the clipping path:
// the middle of its body, half its advance along the baseline and a
// third of an em above it, lies within the clip's bounding box.
func visible(gs *gstate, trm matrix, adv float64) bool {
	if !gs.clipped {
		return true
	}
	u := 0.5 // along the baseline, in ems
	if k := gs.fs * gs.th; k != 0 && (gs.font == nil || !gs.font.vertical) {
		u = adv / k / 2
	}
	const v = 0.35
	x := trm[0]*u + trm[2]*v + trm[4]
	y := trm[1]*u + trm[3]*v + trm[5]
	c := gs.clip
	const slack = 0.5 // points: rounding in the producer's coordinates
	return x >= c.x0-slack && x <= c.x1+slack && y >= c.y0-slack && y <= c.y1+slack
}

// paint records the current path as rules and shapes; closeAll closes
// every subpath before painting (s, b, f). A path outside the clipping
// path paints nothing.
func (in *interp) paint(gs *gstate, fill, stroke, closeAll bool) {
	p := &in.path
	if in.running || len(p.pts) == 0 {
		return // a header's or footer's rule is furniture, not a table's
	}
	if gs.clipped {
		if b, _ := bounds(p.pts); b.x1 < gs.clip.x0 || b.x0 > gs.clip.x1 || b.y1 < gs.clip.y0 || b.y0 > gs.clip.y1 {
			return
		}
	}
	for i := range p.starts {
		pts, bent := p.sub(i)
		closed := closeAll || p.closed[i]
		if fill && !gs.fillWhite {
			in.fillSub(pts, bent, p.curved[i])
		}
		if stroke && !gs.strokeWhite {
			in.strokeSub(pts, bent, closed, p.curved[i], gs)
		}
	}
}

// fillSub records a filled subpath: a thin axis-aligned rectangle is a
// rule, anything else a shape.
func (in *interp) fillSub(pts []point, bent []bool, curved bool) {
	if len(pts) < 3 {
		return
	}
	b, isRect := bounds(pts)
	if !isRect || curved {
		in.addShape(shape{rect: b, slanted: hasSlant(pts, bent, true), curved: curved})
		return
	}
	thin, long := math.Min(b.w(), b.h()), math.Max(b.w(), b.h())
	switch {
	case thin <= maxRuleWidth && long > 2*thin:
		in.addRule(b)
	case long > maxRuleWidth:
		in.addShape(shape{rect: b})
	}
}

// strokeSub records the segments of a stroked subpath: horizontal and
// vertical ones as rules, a path with curves or slanted segments as one
// shape.
func (in *interp) strokeSub(pts []point, bent []bool, closed, curved bool, gs *gstate) {
	if slanted := hasSlant(pts, bent, closed); curved || slanted {
		b, _ := bounds(pts)
		in.addShape(shape{rect: b, slanted: slanted, curved: curved, open: !closed})
	}
	// The line width in page space: scaled by the CTM's mean factor.
	m := gs.ctm
	lw := gs.lw * math.Sqrt(math.Abs(m[0]*m[3]-m[1]*m[2]))
	half := math.Max(lw, 0.1) / 2
	n := len(pts)
	if closed && n > 2 {
		n++
	}
	for i := 1; i < n; i++ {
		a, c := pts[i-1], pts[i%len(pts)]
		if i < len(pts) && bent[i] {
			continue
		}
		dx, dy := math.Abs(c.x-a.x), math.Abs(c.y-a.y)
		switch {
		case dx < 0.01 && dy < 0.01:
		case dy <= 0.02*dx:
			y := (a.y + c.y) / 2
			in.addStroke(rect{math.Min(a.x, c.x), y - half, math.Max(a.x, c.x), y + half})
		case dx <= 0.02*dy:
			x := (a.x + c.x) / 2
			in.addStroke(rect{x - half, math.Min(a.y, c.y), x + half, math.Max(a.y, c.y)})
		}
	}
}

// hasSlant reports whether a subpath has a straight edge that is neither
// horizontal nor vertical (the closing edge too when closed). bent marks
// the points reached by curves, whose chords are not edges.
func hasSlant(pts []point, bent []bool, closed bool) bool {
	n := len(pts)
	if closed && n > 2 {
		n++
	}
	for i := 1; i < n; i++ {
		if i < len(pts) && bent[i] {
			continue
		}
		a, c := pts[i-1], pts[i%len(pts)]
		dx, dy := math.Abs(c.x-a.x), math.Abs(c.y-a.y)
		if dy > 0.02*dx && dx > 0.02*dy {
			return true
		}
	}
	return false
}

// addStroke records a horizontal or vertical stroke: a rule, unless it
// is as thick as a bar.
func (in *interp) addStroke(b rect) {
	if math.Min(b.w(), b.h()) > maxRuleWidth {
		in.addShape(shape{rect: b})
		return
	}
	in.addRule(b)
}

func (in *interp) addRule(b rect) {
	if len(in.rules) < maxRules && b.finite() {
		in.rules = append(in.rules, rule{b})
	}
}

func (in *interp) addShape(s shape) {
	if len(in.shapes) < maxShapes && s.finite() {
		in.shapes = append(in.shapes, s)
	}
}

// bounds returns the bounding box of pts and whether they outline an
// axis-aligned rectangle (four corners, an optional fifth repeating the
// first, every edge horizontal or vertical).
func bounds(pts []point) (rect, bool) {
	b := rect{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	for _, q := range pts {
		b.x0, b.y0 = math.Min(b.x0, q.x), math.Min(b.y0, q.y)
		b.x1, b.y1 = math.Max(b.x1, q.x), math.Max(b.y1, q.y)
	}
	n := len(pts)
	if n == 5 && near(pts[4], pts[0]) {
		n = 4
	}
	if n != 4 {
		return b, false
	}
	for i := range 4 {
		a, c := pts[i], pts[(i+1)%4]
		if math.Abs(a.x-c.x) > 0.01 && math.Abs(a.y-c.y) > 0.01 {
			return b, false
		}
	}
	return b, true
}

func near(a, b point) bool { return math.Abs(a.x-b.x) < 0.01 && math.Abs(a.y-b.y) < 0.01 }

func (b rect) union(c rect) rect {
	return rect{math.Min(b.x0, c.x0), math.Min(b.y0, c.y0), math.Max(b.x1, c.x1), math.Max(b.y1, c.y1)}
}

func (b rect) finite() bool {
	for _, v := range [4]float64{b.x0, b.y0, b.x1, b.y1} {
		if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > 1e6 {
			return false
		}
	}
	return true
}

// setColor records whether a colour operator sets white (or no ink),
// which paints nothing visible on paper: Word fills page areas with
// white before it draws borders on them.
func setColor(op string, ops []token) (white bool) {
	var v []float64
	for _, t := range ops {
		if t.kind == tokNum {
			v = append(v, t.num)
		}
	}
	switch {
	case op == "k" || op == "K" || len(v) == 4:
		for _, x := range v {
			if x > 0.02 {
				return false
			}
		}
		return len(v) == 4
	case len(v) == 1 || len(v) == 3:
		for _, x := range v {
			if x < 0.98 {
				return false
			}
		}
		return true
	}
	return false
}
