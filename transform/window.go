package transform

import (
	"strings"
	"unicode/utf8"

	"github.com/zhibiao/zhibiao/extract"
)

// A long text (a yearbook or a census exported as text: tens of MB) is
// read in windows of paragraphs, so that what reading it takes beyond the
// document and its records (the text as runes, its quantities, its words)
// stays the size of a window, not of the text (with its records set
// aside as they are made, see IndicatorsInWindows, zhibiao reads a 50 MB
// text within 240 MB of memory; whole, it took over 300). What the whole
// document tells (its report
// year, the sections in force, the plan parts, the numbered items, the
// reports that follow the first, a "预计…（下同）") is found once, on the
// whole document, and given to each window; windows end where a sentence
// ends, outside tables. The records are those of the whole document, in
// the same order, with the same offsets and pages.

// windowBytes is the size of a window, in bytes of text. Documents up to
// twice this size are read whole.
const windowBytes = 1 << 20

func (t *Transformer) windowBytes() int {
	if t.window > 0 {
		return t.window
	}
	return windowBytes
}

// A docContext is what the whole document tells the records of a window
// of it; offsets are rune offsets in the window's Document.Text.
type docContext struct {
	ry, delivered int
	secs          []headingPath
	plans         []planSpan
	items         []item
	later         []laterReport
	estimating    bool // a "预计…（下同）" stands before the window
	tablesBefore  int  // the document's tables before the window
}

// contextOf returns what doc tells its records.
func contextOf(doc *extract.Document) *docContext {
	ry, delivered := years(doc)
	return &docContext{ry: ry, delivered: delivered, secs: buildSections(doc, ry),
		plans: planParagraphs(doc, ry, delivered), items: listItems(doc), later: laterReports(doc)}
}

// window returns c for the window [base, end) of the document: what
// stands in it or is in force at its start, shifted by -base (a section
// or a later report begun before the window starts before 0).
func (c *docContext) window(base, end int) *docContext {
	w := &docContext{ry: c.ry, delivered: c.delivered}
	for i, s := range c.secs {
		if s.start >= end {
			break
		}
		if s.start <= base && i+1 < len(c.secs) && c.secs[i+1].start <= base {
			continue // ended before the window
		}
		s.start -= base
		w.secs = append(w.secs, s)
	}
	for i, l := range c.later {
		if l.start >= end {
			break
		}
		if l.start <= base && i+1 < len(c.later) && c.later[i+1].start <= base {
			continue
		}
		l.start -= base
		w.later = append(w.later, l)
	}
	for _, p := range c.plans {
		if p.end > base && p.start < end {
			p.start, p.end = p.start-base, p.end-base
			w.plans = append(w.plans, p)
		}
	}
	for _, it := range c.items {
		if it.end > base && it.start < end {
			it.start, it.end = it.start-base, it.end-base
			w.items = append(w.items, it)
		}
	}
	return w
}

// windowed returns the records of a long doc, reviewed, read window by
// window.
func (t *Transformer) windowed(doc *extract.Document) []Indicator {
	// About one record a figure: room for them all at once, so that the
	// slice of a long text's records (tens of MB) is not grown by copies.
	ws := windows(doc.Paragraphs, t.windowBytes())
	out := make([]Indicator, 0, figuresIn(doc, ws)*9/8)
	finish, _ := t.eachWindow(doc, ws, func(recs []Indicator) error {
		out = append(out, recs...)
		return nil
	})
	finish(out)
	return out
}

// IndicatorsInWindows is [Transformer.Indicators] for a caller that puts
// the records of a long document aside as they are made: emit is given
// them window by window, in order, their offsets those of doc (a document
// read whole is one window); finish, given all of them back in order,
// adds the review reasons that compare records across the document. The
// records are then those Indicators returns. An error of emit stops the
// reading and is returned.
func (t *Transformer) IndicatorsInWindows(doc *extract.Document, emit func([]Indicator) error) (finish func([]Indicator), err error) {
	if doc == nil || doc.Text == "" {
		return func([]Indicator) {}, nil
	}
	if !t.long(doc) {
		return func([]Indicator) {}, emit(t.Indicators(doc))
	}
	return t.eachWindow(doc, windows(doc.Paragraphs, t.windowBytes()), emit)
}

// long reports whether doc is read in windows: more than two windows of
// text.
func (t *Transformer) long(doc *extract.Document) bool { return len(doc.Text) > 2*t.windowBytes() }

// eachWindow gives emit the records of each window ws of doc, reviewed
// on their own, and returns what adds the reasons across windows.
func (t *Transformer) eachWindow(doc *extract.Document, ws [][2]int, emit func([]Indicator) error) (finish func([]Indicator), err error) {
	ctx := contextOf(doc)
	est := estimatesFrom(doc.Text)
	var pending []pendingReason
	made := 0
	for _, w := range ws {
		sub, base, end := subDocument(doc, w[0], w[1])
		c := ctx.window(base, end)
		c.estimating = est >= 0 && est < base
		c.tablesBefore = tablesBefore(doc.Paragraphs[w[0]:w[1]])
		recs, text := t.records(sub, c)
		if text == nil {
			text = []rune(sub.Text)
		}
		t.reviewEach(sub, text, recs)
		for _, p := range t.countsBeforeSubject(text, recs) {
			p.rec += made
			pending = append(pending, p)
		}
		for i := range recs {
			recs[i].Offset += base
		}
		made += len(recs)
		if err := emit(recs); err != nil {
			return func([]Indicator) {}, err
		}
	}
	// The reasons that compare records across the document, in the
	// order review adds them.
	return func(out []Indicator) {
		unitConflicts(out)
		repeatedRates(out)
		for _, p := range pending {
			if p.rec < len(out) {
				AddReview(&out[p.rec], p.reason)
			}
		}
	}, nil
}

// windows cuts paragraphs into windows [i, j) of about size bytes each:
// after a paragraph that ends a sentence (or before a heading), never
// inside a table or right before one (its caption and unit note stand
// above it).
func windows(ps []extract.Paragraph, size int) [][2]int {
	var out [][2]int
	start, n := 0, 0
	for k := range ps {
		n += len(ps[k].Text) + 1
		if n >= size && k+1 < len(ps) && windowEnd(ps, k) {
			out = append(out, [2]int{start, k + 1})
			start, n = k+1, 0
		}
	}
	if start < len(ps) {
		out = append(out, [2]int{start, len(ps)})
	}
	return out
}

// windowEnd reports whether a window may end after paragraph k.
func windowEnd(ps []extract.Paragraph, k int) bool {
	for j := k; j <= k+3 && j < len(ps); j++ {
		if ps[j].Table != 0 {
			return false
		}
	}
	if ps[k+1].Heading {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(ps[k].Text)
	return strings.ContainsRune("。！？；!?;", r)
}

// subDocument returns the window of doc made of paragraphs [i, j), as a
// document of its own: its text, paragraphs, tables and pages, with
// offsets from the window's start (base, a rune offset in doc.Text) and
// pages numbered as in doc; end is the offset in doc.Text where the
// window ends.
func subDocument(doc *extract.Document, i, j int) (sub *extract.Document, base, end int) {
	ps := doc.Paragraphs[i:j]
	base = ps[0].Offset
	last := ps[len(ps)-1]
	end = last.Offset + utf8.RuneCountInString(last.Text)
	sub = &extract.Document{Name: doc.Name, Format: doc.Format, Title: doc.Title, Repairs: doc.Repairs}
	var text strings.Builder
	tables := make(map[int]int) // doc's table number → the window's
	sub.Paragraphs = make([]extract.Paragraph, len(ps))
	for k, p := range ps {
		if k > 0 {
			text.WriteByte('\n')
		}
		text.WriteString(p.Text)
		p.Offset -= base
		if p.Table != 0 {
			n, ok := tables[p.Table]
			if !ok {
				t := shiftTable(doc.Tables[p.Table-1], base)
				sub.Tables = append(sub.Tables, t)
				n = len(sub.Tables)
				tables[p.Table] = n
			}
			p.Table = n
		}
		sub.Paragraphs[k] = p
	}
	sub.Text = text.String()
	for _, pg := range doc.Pages {
		if pg.End <= base && pg.End > pg.Start || pg.Start > end {
			continue
		}
		pg.Start, pg.End = max(pg.Start-base, 0), min(pg.End, end+1)-base
		sub.Pages = append(sub.Pages, pg)
	}
	return sub, base, end
}

// shiftTable returns a copy of t with its offsets and its cells' less by
// base.
func shiftTable(t extract.Table, base int) extract.Table {
	t.Offset -= base
	rows := make([][]extract.Cell, len(t.Rows))
	for r, row := range t.Rows {
		rows[r] = make([]extract.Cell, len(row))
		for c, cell := range row {
			cell.Offset -= base
			rows[r][c] = cell
		}
	}
	t.Rows = rows
	return t
}

// tablesBefore returns how many tables of the document stand before the
// first table of the window of paragraphs ps (tables are numbered in
// reading order), or 0 when the window has none.
func tablesBefore(ps []extract.Paragraph) int {
	for _, p := range ps {
		if p.Table != 0 {
			return p.Table - 1
		}
	}
	return 0
}

// figuresIn counts the figures of doc's windows ws, window by window.
func figuresIn(doc *extract.Document, ws [][2]int) int {
	n := 0
	var text []rune
	for _, w := range ws {
		text = text[:0]
		for _, p := range doc.Paragraphs[w[0]:w[1]] {
			text = append(text, []rune(p.Text)...)
			text = append(text, '\n')
		}
		for _, q := range scanQuantities(text) {
			if isFigure(q) {
				n++
			}
		}
	}
	return n
}
