package extract

import (
	"strconv"
	"testing"
)

// TestGlyphArena takes the glyphs of pages from an arena: each page's
// slice holds what was put in it even when a later page's is appended to
// past its size, and a released arena's slabs come back cleared.
func TestGlyphArena(t *testing.T) {
	var a glyphArena
	var pages [][]Glyph
	for p, n := range []int{10, slabGlyphs / 8, 3, slabGlyphs / 4, slabGlyphs, 7, 0, slabGlyphs / 5} {
		gs := a.take(n)
		if len(gs) != 0 || cap(gs) != n {
			t.Fatalf("page %d: take(%d) gave len %d cap %d", p, n, len(gs), cap(gs))
		}
		for i := range n {
			gs = append(gs, Glyph{Text: strconv.Itoa(p), X: float64(i)})
		}
		gs = append(gs, Glyph{Text: "over"}) // past its size: moves, overwrites nothing
		pages = append(pages, gs)
	}
	for p, gs := range pages {
		for i, g := range gs[:len(gs)-1] {
			if g.Text != strconv.Itoa(p) || g.X != float64(i) {
				t.Fatalf("page %d glyph %d is %+v", p, i, g)
			}
		}
	}
	a.release()
	for range 3 {
		s, ok := slabs.Get().(*[]Glyph)
		if !ok {
			break // (a pool may drop what it holds)
		}
		for _, g := range (*s)[:cap(*s)] {
			if g != (Glyph{}) {
				t.Fatalf("a released slab holds %+v", g)
			}
		}
	}
}
