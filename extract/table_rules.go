package extract

import (
	"math"
	"sort"
)

// A ruling is a horizontal or vertical line of a page once the rules
// drawn for it are joined: Word and WPS draw each cell's border apart,
// end to end, and some producers stroke a line twice a fraction of a
// point apart.
type ruling struct {
	pos    float64 // y of a horizontal ruling, x of a vertical one, in points
	lo, hi float64 // its extent along the line
}

func (r ruling) length() float64 { return r.hi - r.lo }

// Tolerances of ruling geometry, in points.
const (
	rulingSnap = 1.5 // rules this close across their direction are one line
	rulingGap  = 2.0 // pieces of a line this close end to end are joined
	rulingMeet = 2.5 // a ruling ending this close to another one meets it
	minRuling  = 3.0 // shorter rulings are ticks or dots, not borders
)

// joinRules turns the rules of a page into horizontal and vertical
// rulings, each sorted by position, then extent. Rules outside page (when
// it is not empty) are left out.
func joinRules(rs []rule, page rect) (h, v []ruling) {
	var hs, vs []ruling
	for _, r := range rs {
		if page.w() > 0 && (r.x1 < page.x0-1 || r.x0 > page.x1+1 || r.y1 < page.y0-1 || r.y0 > page.y1+1) {
			continue
		}
		if r.horiz() {
			hs = append(hs, ruling{pos: (r.y0 + r.y1) / 2, lo: r.x0, hi: r.x1})
		} else {
			vs = append(vs, ruling{pos: (r.x0 + r.x1) / 2, lo: r.y0, hi: r.y1})
		}
	}
	return joinRulings(hs), joinRulings(vs)
}

// joinRulings snaps rulings of one direction that lie within rulingSnap
// of each other onto one line and joins the pieces of each line that
// overlap or nearly touch.
func joinRulings(rs []ruling) []ruling {
	if len(rs) == 0 {
		return nil
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i].pos < rs[j].pos })
	var out []ruling
	for i := 0; i < len(rs); {
		j, sum := i+1, rs[i].pos
		for j < len(rs) && rs[j].pos-rs[j-1].pos <= rulingSnap && rs[j].pos-rs[i].pos <= 2*rulingSnap {
			sum += rs[j].pos
			j++
		}
		pos := sum / float64(j-i)
		line := append([]ruling(nil), rs[i:j]...)
		sort.Slice(line, func(a, b int) bool { return line[a].lo < line[b].lo })
		cur := ruling{pos: pos, lo: line[0].lo, hi: line[0].hi}
		for _, r := range line[1:] {
			if r.lo <= cur.hi+rulingGap {
				cur.hi = math.Max(cur.hi, r.hi)
				continue
			}
			if cur.length() >= minRuling {
				out = append(out, cur)
			}
			cur = ruling{pos: pos, lo: r.lo, hi: r.hi}
		}
		if cur.length() >= minRuling {
			out = append(out, cur)
		}
		i = j
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].pos != out[j].pos {
			return out[i].pos < out[j].pos
		}
		return out[i].lo < out[j].lo
	})
	return out
}

// meets reports whether horizontal ruling h and vertical ruling v cross
// or touch.
func meets(h, v ruling) bool {
	return v.pos >= h.lo-rulingMeet && v.pos <= h.hi+rulingMeet && h.pos >= v.lo-rulingMeet && h.pos <= v.hi+rulingMeet
}

// maxLatticePairs bounds the crossing tests of one page: beyond it the
// page is not a table page but a drawing (a map, a hatched area).
const maxLatticePairs = 1 << 22

// A lattice is a set of rulings connected by their crossings: the
// borders of one ruled table (or of a form, or a frame).
type lattice struct {
	hs, vs []ruling
	rect
}

// lattices groups the horizontal and vertical rulings of a page into
// connected lattices. Horizontal rulings that meet no vertical one come
// back on their own as free.
func lattices(h, v []ruling) (ls []lattice, free []ruling) {
	if len(h)*len(v) > maxLatticePairs {
		return nil, h
	}
	parent := make([]int, len(h)+len(v))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	touched := make([]bool, len(h))
	for i, hr := range h {
		for j, vr := range v {
			if meets(hr, vr) {
				touched[i] = true
				a, b := find(i), find(len(h)+j)
				if a != b {
					parent[a] = b
				}
			}
		}
	}
	idx := map[int]int{}
	for i, hr := range h {
		if !touched[i] {
			free = append(free, hr)
			continue
		}
		root := find(i)
		k, ok := idx[root]
		if !ok {
			k = len(ls)
			idx[root] = k
			ls = append(ls, lattice{rect: rect{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}})
		}
		ls[k].hs = append(ls[k].hs, hr)
		ls[k].rect = ls[k].rect.union(rect{hr.lo, hr.pos, hr.hi, hr.pos})
	}
	for j, vr := range v {
		k, ok := idx[find(len(h)+j)]
		if !ok {
			continue // a vertical ruling alone: a margin bar, a chart axis
		}
		ls[k].vs = append(ls[k].vs, vr)
		ls[k].rect = ls[k].rect.union(rect{vr.pos, vr.lo, vr.pos, vr.hi})
	}
	return ls, free
}

// clusterPositions returns the distinct positions among xs, those within
// tol of each other averaged, in increasing order.
func clusterPositions(xs []float64, tol float64) []float64 {
	if len(xs) == 0 {
		return nil
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	var out []float64
	for i := 0; i < len(s); {
		j, sum := i+1, s[i]
		for j < len(s) && s[j]-s[j-1] <= tol {
			sum += s[j]
			j++
		}
		out = append(out, sum/float64(j-i))
		i = j
	}
	return out
}

// covered returns the fraction of [lo, hi] that the rulings at position
// pos (within rulingSnap+tol) cover.
func covered(rs []ruling, pos, lo, hi, tol float64) float64 {
	if hi <= lo {
		return 0
	}
	var segs [][2]float64
	for _, r := range rs {
		if math.Abs(r.pos-pos) <= rulingSnap+tol && r.hi > lo && r.lo < hi {
			segs = append(segs, [2]float64{math.Max(r.lo, lo), math.Min(r.hi, hi)})
		}
	}
	sort.Slice(segs, func(i, j int) bool { return segs[i][0] < segs[j][0] })
	total, end := 0.0, lo
	for _, s := range segs {
		if s[1] <= end {
			continue
		}
		total += s[1] - math.Max(s[0], end)
		end = s[1]
	}
	return total / (hi - lo)
}
