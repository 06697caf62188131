package extract

import "sync"

// The rows of a page own their glyphs, copied out of the page's
// (buildRows), and keep them until the layout of the whole document: the
// largest share of the memory reading a PDF allocates (125 of 600 MB on
// 256 reports). A glyphArena hands that memory out of slabs, and once
// the document is laid out (nothing of a Document points into its rows)
// the slabs go back to a pool, cleared, for the next document.

// slabGlyphs is the size of a slab: 1.4 MB, the glyphs of a few pages.
const slabGlyphs = 1 << 14

// slabs holds free slabs (*[]Glyph of capacity slabGlyphs, cleared).
var slabs sync.Pool

// A glyphArena hands out the memory of one document's rows. The zero
// value is ready; a nil *glyphArena allocates from the heap.
type glyphArena struct {
	full [][]Glyph // slabs handed out
	cur  []Glyph   // the slab handing out: its length is what is taken
}

// take returns an empty slice of capacity n, for glyphs of one page.
func (a *glyphArena) take(n int) []Glyph {
	if a == nil || n > slabGlyphs/4 {
		return make([]Glyph, 0, n) // (a page of many glyphs takes its own)
	}
	if cap(a.cur)-len(a.cur) < n {
		if a.cur != nil {
			a.full = append(a.full, a.cur)
		}
		if s, ok := slabs.Get().(*[]Glyph); ok {
			a.cur = (*s)[:0]
		} else {
			a.cur = make([]Glyph, 0, slabGlyphs)
		}
	}
	lo := len(a.cur)
	a.cur = a.cur[:lo+n]
	return a.cur[lo : lo : lo+n] // capacity n: appends never reach the next page's
}

// release clears the slabs, whose glyphs are no longer in use, and gives
// them back for other documents.
func (a *glyphArena) release() {
	for _, s := range append(a.full, a.cur) {
		if s == nil {
			continue
		}
		clear(s) // (no text kept alive by a free slab)
		s = s[:0]
		slabs.Put(&s)
	}
	*a = glyphArena{}
}
