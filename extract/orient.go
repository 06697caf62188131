package extract

import "math"

// Glyphs whose baseline turns more than maxTilt degrees from the page's
// text direction, or whose vertical axis leans more than maxSkew degrees,
// are not part of the running text: diagonal watermarks, the circular
// lettering of a seal, rotated margin notes. A synthetic italic leans
// about 12°.
const (
	maxTilt = 5.0
	maxSkew = 30.0
)

// upright turns a page whose text runs in one of the other three right-
// angle directions (a landscape table drawn rotated on a portrait page
// without /Rotate) so that its text runs left to right, and drops the
// glyphs that run in no common direction with the text (see maxTilt).
// Invisible text (rendering mode 3, the text layer of an OCRed scan) is
// kept like any other.
func upright(p rawPage) rawPage {
	var count [8]int // glyphs at 0°, 90°, 180°, 270°; then the same mirrored
	for _, g := range p.Glyphs {
		if c, ok := class(g); ok {
			count[c]++
		}
	}
	dom := 0
	for c := 1; c < len(count); c++ {
		if count[c] > count[dom] {
			dom = c
		}
	}
	keep := count[dom]
	if dom%4 != 0 {
		p = turn(p, dom%4)
		dom -= dom % 4
		keep = 0 // counted again as turned (angles are rounded)
		for _, g := range p.Glyphs {
			if c, ok := class(g); ok && c == dom {
				keep++
			}
		}
	}
	if keep == len(p.Glyphs) {
		return p // nothing to drop: no copy (glyphs are most of a page's memory)
	}
	kept := make([]Glyph, 0, keep)
	for _, g := range p.Glyphs {
		if c, ok := class(g); ok && c == dom {
			kept = append(kept, g)
		}
	}
	p.Glyphs = kept
	return p
}

// class sorts a glyph by the right angle its baseline runs at (0–3 for
// 0°, 90°, 180°, 270°) plus 4 when it is mirrored; ok is false for a
// glyph tilted or sheared away from all of them. A mirrored page is kept
// as it is: a Type3 font may flip its glyphs back in its procedures.
func class(g Glyph) (int, bool) {
	k, ok := quadrant(g.Angle)
	switch {
	case !ok:
		return 0, false
	case g.Skew <= maxSkew:
		return k, true
	case g.Skew >= 180-maxSkew:
		return k + 4, true
	}
	return 0, false
}

// quadrant returns which right angle (0: 0°, 1: 90°, 2: 180°, 3: 270°)
// a baseline direction is within maxTilt of.
func quadrant(angle float64) (int, bool) {
	if math.IsNaN(angle) || math.IsInf(angle, 0) {
		return 0, false
	}
	a := math.Mod(math.Mod(angle, 360)+360, 360)
	k := int(math.Round(a/90)) % 4
	d := math.Abs(a - 90*math.Round(a/90))
	return k, d <= maxTilt
}

// turn rotates the page's glyphs, rules and shapes by −k·90° about the
// origin and moves the page box with them, so text running at k·90° runs at 0°.
func turn(p rawPage, k int) rawPage {
	rot := func(x, y float64) (float64, float64) {
		switch k {
		case 1:
			return y, -x
		case 2:
			return -x, -y
		default:
			return -y, x
		}
	}
	x0, y0 := rot(p.OffsetX, p.OffsetY)
	x1, y1 := rot(p.OffsetX+p.Width, p.OffsetY+p.Height)
	p.OffsetX, p.OffsetY = math.Min(x0, x1), math.Min(y0, y1)
	p.Width, p.Height = math.Abs(x1-x0), math.Abs(y1-y0)
	gs := make([]Glyph, len(p.Glyphs))
	for i, g := range p.Glyphs {
		g.X, g.Y = rot(g.X, g.Y)
		g.Angle = roundDeg(g.Angle - 90*float64(k))
		if g.Angle > 180 {
			g.Angle -= 360
		}
		gs[i] = g
	}
	p.Glyphs = gs
	turnRect := func(b rect) rect {
		x0, y0 := rot(b.x0, b.y0)
		x1, y1 := rot(b.x1, b.y1)
		return rect{math.Min(x0, x1), math.Min(y0, y1), math.Max(x0, x1), math.Max(y0, y1)}
	}
	rules := make([]rule, len(p.Rules))
	for i, r := range p.Rules {
		rules[i] = rule{turnRect(r.rect)}
	}
	shapes := make([]shape, len(p.Shapes))
	for i, s := range p.Shapes {
		shapes[i] = shape{turnRect(s.rect), s.slanted, s.curved, s.open}
	}
	p.Rules, p.Shapes = rules, shapes
	return p
}
