package extract

import "slices"

// The rows of every page wait until the running headers and footers of
// the whole document are known (dropRunning), and glyphs are the bulk of
// them: 88 bytes each, over 100 MB for a report of 1,500 pages. Once a
// document holds more than packAbove glyphs in rows, its pages' rows
// are kept packed (48 bytes a glyph, texts and font names interned) and
// unpacked one page at a time for its layout; dropRunning sees the few
// rows it may drop (runningCandidate), unpacked. A short document is
// never packed.

// packAbove is the number of glyphs held in rows past which a document's
// rows are packed: about 20 MB of rows, some 250 pages.
const packAbove = 1 << 18

// A heldPage is one page's rows, waiting for the layout of the document:
// as they are, or packed with the candidates for dropRunning beside them.
type heldPage struct {
	pageRows
	packed *packedRows
	cands  []int // indexes in the packed rows of the rows runningCandidate allows
}

// heldPages collects the rows of a document's pages as they are read.
type heldPages struct {
	pages     []heldPage
	packAbove int // packAbove, or another bound (tests); negative: never pack
	loose     int // glyphs in rows not packed
	packing   bool
	table     glyphTable
}

// add holds the rows of the next page, packing them (and those held
// before) once there are too many.
func (h *heldPages) add(pr pageRows) {
	h.pages = append(h.pages, heldPage{pageRows: pr})
	if h.packing {
		h.pack(&h.pages[len(h.pages)-1])
		return
	}
	h.loose += rowGlyphs(pr.rows)
	limit := h.packAbove
	if limit == 0 {
		limit = packAbove
	}
	if limit >= 0 && h.loose > limit {
		h.packing = true
		for i := range h.pages {
			h.pack(&h.pages[i])
		}
		h.loose = 0
	}
}

// rowGlyphs counts the glyphs and spaces of rows.
func rowGlyphs(rows []row) int {
	n := 0
	for _, r := range rows {
		n += len(r.glyphs) + len(r.spaces)
	}
	return n
}

// pack packs the rows of p, keeping the candidates of dropRunning apart.
func (h *heldPages) pack(p *heldPage) {
	p.cands = nil
	var cands []row
	for i, r := range p.rows {
		if runningCandidate(p.raw, r) {
			p.cands = append(p.cands, i)
			r.glyphs, r.spaces = slices.Clone(r.glyphs), slices.Clone(r.spaces) // not the page's memory
			cands = append(cands, r)
		}
	}
	p.packed = h.table.pack(p.rows)
	p.rows = cands // what dropRunning looks at
}

// rowsOf returns all the rows of p, and drop (dropRunning's for the view)
// as a mask over them.
func (h *heldPages) rowsOf(p *heldPage, drop []bool) ([]row, []bool) {
	if p.packed == nil {
		return p.rows, drop
	}
	rows := h.table.unpack(p.packed)
	all := make([]bool, len(rows))
	for k, i := range p.cands {
		all[i] = drop[k]
	}
	return rows, all
}

// A glyphTable interns the texts and font names of packed glyphs.
type glyphTable struct {
	index map[string]int32
	texts []string
}

func (t *glyphTable) id(s string) int32 {
	if i, ok := t.index[s]; ok {
		return i
	}
	if t.index == nil {
		t.index = map[string]int32{}
	}
	i := int32(len(t.texts))
	t.index[s] = i
	t.texts = append(t.texts, s)
	return i
}

// A packedGlyph is a Glyph of a packed row. Angle and Skew are not kept:
// upright, which has run on the page, is all that reads them.
type packedGlyph struct {
	x, y, w, size float64
	text, font    int32
	running       bool
}

// packedRows are the rows of one page, packed.
type packedRows struct {
	rows   []row   // y and size; no glyphs
	counts []int32 // of each row, its glyphs then its spaces
	glyphs []packedGlyph
}

func (t *glyphTable) pack(rows []row) *packedRows {
	p := &packedRows{rows: make([]row, len(rows)), counts: make([]int32, 0, 2*len(rows)), glyphs: make([]packedGlyph, 0, rowGlyphs(rows))}
	for i, r := range rows {
		p.rows[i] = row{y: r.y, size: r.size}
		p.counts = append(p.counts, int32(len(r.glyphs)), int32(len(r.spaces)))
		for _, gs := range [][]Glyph{r.glyphs, r.spaces} {
			for _, g := range gs {
				p.glyphs = append(p.glyphs, packedGlyph{x: g.X, y: g.Y, w: g.W, size: g.Size, text: t.id(g.Text), font: t.id(g.Font), running: g.running})
			}
		}
	}
	return p
}

// unpack returns the rows of p, their glyphs in one allocation.
func (t *glyphTable) unpack(p *packedRows) []row {
	all := make([]Glyph, len(p.glyphs))
	for i, g := range p.glyphs {
		all[i] = Glyph{Text: t.texts[g.text], X: g.x, Y: g.y, W: g.w, Size: g.size, Font: t.texts[g.font], running: g.running}
	}
	rows := make([]row, len(p.rows))
	at := 0
	for i, r := range p.rows {
		ng, ns := int(p.counts[2*i]), int(p.counts[2*i+1])
		r.glyphs = all[at : at+ng : at+ng]
		at += ng
		if ns > 0 {
			r.spaces = all[at : at+ns : at+ns]
		}
		at += ns
		rows[i] = r
	}
	return rows
}
