package extract

import (
	"math"
	"strconv"
	"strings"
	"unicode"
)

// pageNumberRE matches a page number once whitespace is removed:
// "— 3 —", "- 3 -", "·3·", "3", "iv", "第3页", "第3页共7页", "3/7", "3／7页",
// "Page 3 of 7". The total needs a separator or 共 before it: a bare
// "12962" is a figure, not "1296 of 2".
var pageNumberRE = lazyRegexp(`^(?i:[-—–－_·•~～\[\]【】()（）]*(?:第|page)?(?:[0-9０-９]{1,4}|[ivxlc]{1,6})(?:页)?(?:(?:[/／]|of)共?[0-9０-９]{1,4}页?|[，,]?共[0-9０-９]{1,4}页?)?[-—–－_·•~～\[\]【】()（）]*)$`)

// squeezeSpace returns s without whitespace.
func squeezeSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// isPageNumber reports whether s, a line of a header or footer band, is
// only a page number.
func isPageNumber(s string) bool {
	s = squeezeSpace(s)
	return s != "" && pageNumberRE().MatchString(s)
}

// maxPageOffset is how far a bare printed page number may stand from the
// page's position in the document (cover, contents and front matter make
// them differ) and still be taken for a page number on its own.
const maxPageOffset = 10

// isPageNumberAt reports whether s, a line of a header or footer band of
// the pageN-th page, is only a page number. A line of nothing but digits
// is one only when its value is close to pageN: "12962" at the top of a
// page is the end of a wrapped figure. Bare numbers that are not close
// are still dropped when they recur at the same height on most pages
// (see dropRunning), as the page numbers of an excerpt do.
func isPageNumberAt(s string, pageN int) bool {
	if !isPageNumber(s) {
		return false
	}
	s = squeezeSpace(s)
	n := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			n = 10*n + int(r-'0')
		case r >= '０' && r <= '９':
			n = 10*n + int(r-'０')
		default:
			return true // decorated ("— 3 —", "第3页") or roman
		}
	}
	return n >= 1 && n-pageN <= maxPageOffset && pageN-n <= maxPageOffset
}

// A bandLine is a candidate header or footer line of one page.
type bandLine struct {
	page  int // index into the pages slice
	row   int // index into that page's rows
	text  string
	key   string // normalised text and position bucket
	pageN int    // 1-based page number
}

// runningKey normalises a header or footer line for comparison across
// pages: whitespace removed, each run of digits replaced by one '#' (so
// "第9页" and "第10页" agree), plus a 12-point bucket of its distance from
// the top or bottom edge.
func runningKey(text string, y, height float64) string {
	var b strings.Builder
	digit := false // the last rune written was a digit's '#'
	for _, r := range text {
		switch {
		case unicode.IsSpace(r):
			continue // "1 0" is still one number
		case r >= '0' && r <= '9', r >= '０' && r <= '９':
			if !digit {
				b.WriteByte('#')
			}
			digit = true
			continue
		default:
			b.WriteRune(r)
		}
		digit = false
	}
	return b.String() + "@" + strconv.Itoa(int(math.Round(y/12)))
}

// digitRuns returns the runs of digits of s, whitespace ignored, as
// runningKey sees them.
func digitRuns(s string) []string {
	var out []string
	var cur []rune
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
		case r >= '0' && r <= '9', r >= '０' && r <= '９':
			cur = append(cur, r)
		default:
			if len(cur) > 0 {
				out = append(out, string(cur))
				cur = cur[:0]
			}
		}
	}
	if len(cur) > 0 {
		out = append(out, string(cur))
	}
	return out
}

// A pageRows is one page's rows on their way through header removal.
type pageRows struct {
	raw  *rawPage
	rows []row
	em   float64
}

// dropRunning finds the running headers, footers and page numbers of the
// pages and returns, per page, which rows to drop and the texts dropped.
// Rows the producer tagged as pagination artifacts are dropped first.
// Candidates are rows in the top 12 % or bottom 10 % of the page. A page
// number is dropped wherever it stands in those bands; another line is
// dropped when, digits normalised, it stands at the same height on at
// least half the pages (counted over all pages, and over odd and even
// pages apart, for alternating headers) of a document of 3 pages or more.
func dropRunning(pages []pageRows) (drop [][]bool, dropped [][]string) {
	drop = make([][]bool, len(pages))
	dropped = make([][]string, len(pages))
	var cands []bandLine
	for pi, p := range pages {
		drop[pi] = make([]bool, len(p.rows))
		h := p.raw.Height
		for ri, r := range p.rows {
			if !runningCandidate(p.raw, r) {
				continue
			}
			if tagged(r) {
				drop[pi][ri] = true
				continue
			}
			y := r.y - p.raw.OffsetY
			text := rowLine(r).text
			if isPageNumberAt(text, p.raw.Number) {
				drop[pi][ri] = true
				continue
			}
			cands = append(cands, bandLine{page: pi, row: ri, text: text, key: runningKey(text, y, h), pageN: p.raw.Number})
		}
	}
	if len(pages) >= 3 {
		all := map[string]map[int]bool{}
		runs := map[string][]string{} // a key's digit runs, as on its first line
		varying := map[string]int{}   // bit i: the key's i-th digit run differs between pages
		for _, c := range cands {
			if all[c.key] == nil {
				all[c.key] = map[int]bool{}
				runs[c.key] = digitRuns(c.text)
			}
			all[c.key][c.page] = true
			for i, r := range digitRuns(c.text) {
				if i < len(runs[c.key]) && i < 30 && r != runs[c.key][i] {
					varying[c.key] |= 1 << i
				}
			}
		}
		// A running line has at most one number that changes from page to
		// page, its page number: lines that differ in several numbers are
		// text (the first line of each page of a report of like paragraphs).
		for k, v := range varying {
			if v&(v-1) != 0 {
				delete(all, k)
			}
		}
		parity := func(keyPages map[int]bool, odd bool) int {
			n := 0
			for pi := range keyPages {
				if (pages[pi].raw.Number%2 == 1) == odd {
					n++
				}
			}
			return n
		}
		nOdd := 0
		for _, p := range pages {
			if p.raw.Number%2 == 1 {
				nOdd++
			}
		}
		nEven := len(pages) - nOdd
		need := func(n int) int { return max(2, (n+1)/2) }
		for _, c := range cands {
			kp := all[c.key]
			if kp == nil {
				continue
			}
			if len(kp) >= need(len(pages)) ||
				c.pageN%2 == 1 && nOdd >= 2 && parity(kp, true) >= need(nOdd) ||
				c.pageN%2 == 0 && nEven >= 2 && parity(kp, false) >= need(nEven) {
				drop[c.page][c.row] = true
			}
		}
	}
	for pi, p := range pages {
		for ri, r := range p.rows {
			if drop[pi][ri] {
				// Page numbers as printed ("— 3 —"); other lines as clean
				// text, without layout gaps, since a running header is often
				// the report's title.
				text := rowLine(r).text
				if isPageNumber(text) {
					text = printedText(r)
				}
				dropped[pi] = append(dropped[pi], text)
			}
		}
	}
	return drop, dropped
}

// runningCandidate reports whether dropRunning may drop row r of page p:
// a row tagged as a pagination artifact, or one in the top 12 % or the
// bottom 10 % of the page (of a page with a height). No other row is ever
// dropped, so the rows of a long document can wait packed (see
// heldPages) while only these are looked at.
func runningCandidate(p *rawPage, r row) bool {
	h := p.Height
	if !(h > 0) {
		return false
	}
	if tagged(r) {
		return true
	}
	y := r.y - p.OffsetY
	return !(y < 0.88*h && y > 0.10*h)
}

// tagged reports whether the producer tagged every glyph of the row as a
// pagination artifact (Word's headers, footers and page numbers): such a
// row is dropped wherever it stands, even on a one-page document.
func tagged(r row) bool {
	for _, g := range r.glyphs {
		if !g.running {
			return false
		}
	}
	return len(r.glyphs) > 0
}

// printedText renders a row as it looks on the page, with a space
// wherever glyphs stand apart ("— 3 —"), for Page.Dropped.
func printedText(r row) string {
	var b strings.Builder
	for i, g := range r.glyphs {
		if i > 0 {
			p := r.glyphs[i-1]
			if gap := g.X - (p.X + p.W); gap > 0.2*math.Max(g.Size, p.Size) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(g.Text)
	}
	return b.String()
}
