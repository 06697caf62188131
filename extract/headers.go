package extract

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// pageNumberRE matches a page number once whitespace is removed:
// "— 3 —", "- 3 -", "·3·", "3", "iv", "第3页", "第3页共7页", "3/7", "3／7页",
// "Page 3 of 7".
var pageNumberRE = regexp.MustCompile(`^(?i:[-—–－_·•~～\[\]【】()（）]*(?:第|page)?(?:[0-9０-９]{1,4}|[ivxlc]{1,6})(?:页)?(?:(?:[/／]|of|，|,)?(?:共)?[0-9０-９]{1,4}页?)?[-—–－_·•~～\[\]【】()（）]*)$`)

// isPageNumber reports whether s, a line of a header or footer band, is
// only a page number.
func isPageNumber(s string) bool {
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
	return s != "" && pageNumberRE.MatchString(s)
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
// pages: whitespace removed, digits replaced by '#', plus a 12-point bucket
// of its distance from the top or bottom edge.
func runningKey(text string, y, height float64) string {
	var b strings.Builder
	for _, r := range text {
		switch {
		case unicode.IsSpace(r):
		case r >= '0' && r <= '9', r >= '０' && r <= '９':
			b.WriteByte('#')
		default:
			b.WriteRune(r)
		}
	}
	return b.String() + "@" + strconv.Itoa(int(math.Round(y/12)))
}

// A pageRows is one page's rows on their way through header removal.
type pageRows struct {
	raw  *rawPage
	rows []row
	em   float64
}

// dropRunning finds the running headers, footers and page numbers of the
// pages and returns, per page, which rows to drop and the texts dropped.
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
		if !(h > 0) {
			continue
		}
		for ri, r := range p.rows {
			y := r.y - p.raw.OffsetY
			if y < 0.88*h && y > 0.10*h {
				continue
			}
			text := rowLine(r).text
			if isPageNumber(text) {
				drop[pi][ri] = true
				continue
			}
			cands = append(cands, bandLine{page: pi, row: ri, text: text, key: runningKey(text, y, h), pageN: p.raw.Number})
		}
	}
	if len(pages) >= 3 {
		all := map[string]map[int]bool{}
		for _, c := range cands {
			if all[c.key] == nil {
				all[c.key] = map[int]bool{}
			}
			all[c.key][c.page] = true
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
