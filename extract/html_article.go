package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Which part of a page is the article: every block of paragraph text
// scores its text that is not link text (a fifth of it when it holds no
// sentence punctuation: menus, titles, counters), and hands its score to
// the element that holds it, that element's parent and, halved, its
// grandparent; a table of data hands half its text to its parent and a
// quarter to its grandparent. The article is the element with the best
// score once scaled down by its share of link text (navigation, related
// links) and, a little, by its class and id ("content", "TRS_Editor",
// "zoom" up; "nav", "footer", "share" down) — names help, they never
// decide. When the article holds less than most of the page's paragraph
// text and the rest stands beside it in paragraphs of their own, its
// parent is taken (see articleShare). Siblings of the article that
// score a fifth as much, or hold a table of data, without many links,
// are read with it (a box of blocks beside it only when it scores half as
// much).

// nodeStat holds the counts of the text under one element.
type nodeStat struct {
	text, link, punct int     // non-space runes, of them in links, sentence punctuation
	score             float64 // paragraph text handed to it
	unit              float64 // paragraph text it holds itself (as a block or a table of data)
	mass              float64 // paragraph text it holds, itself and below
	data              bool    // a table of data
	dataInside        bool    // it holds a table of data
}

// An article is the scoring of one page.
type article struct {
	root  *html.Node
	stats map[*html.Node]*nodeStat
}

// sentencePunct are the marks that tell prose from menus and from the
// label lines of furniture ("来源：…").
const sentencePunct = "，。；、,"

// Class and id names that make an element more or less likely to be the
// article.
var (
	goodName = lazyRegexp(`(?i)article|content|zoom|trs_?editor|main|detail|text|body|zhengwen|zw|wenzhang|news_?con|con_?text|view|正文`)
	badName  = lazyRegexp(`(?i)nav|menu|foot|header|share|comment|related|side|crumb|copyright|banner|login|search|weizhi|position|location|bottom|toolbar|print|fenxiang|advert|friend|links?\b`)
)

// newArticle scores the elements of the page under root.
func newArticle(root *html.Node) *article {
	a := &article{root: root, stats: map[*html.Node]*nodeStat{}}
	a.count(root)
	a.score(root)
	a.sumMass(root)
	return a
}

func (a *article) stat(n *html.Node) *nodeStat {
	s := a.stats[n]
	if s == nil {
		s = &nodeStat{}
		a.stats[n] = s
	}
	return s
}

// count fills the text counts of n and everything under it.
func (a *article) count(n *html.Node) *nodeStat {
	s := a.stat(n)
	if n.Type == html.TextNode {
		for _, r := range n.Data {
			if !unicode.IsSpace(r) {
				s.text++
				if strings.ContainsRune(sentencePunct, r) {
					s.punct++
				}
			}
		}
		return s
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		cs := a.count(c)
		s.text += cs.text
		s.link += cs.link
		s.punct += cs.punct
		s.dataInside = s.dataInside || cs.data || cs.dataInside
	}
	if n.Type == html.ElementNode && n.DataAtom == atom.A {
		s.link = s.text
	}
	if n.Type == html.ElementNode && n.DataAtom == atom.Table {
		s.data = isDataTable(n)
	}
	return s
}

// score hands the paragraph text of the blocks under n to their
// holders.
func (a *article) score(n *html.Node) {
	if n.Type != html.ElementNode && n.Type != html.DocumentNode {
		return
	}
	if s := a.stats[n]; s != nil && s.data {
		v := 0.5 * float64(s.text-s.link)
		s.unit = v
		a.give(n.Parent, v)
		if n.Parent != nil {
			a.give(n.Parent.Parent, v/2)
		}
		return
	}
	if n.Type == html.ElementNode && (blockAtoms[n.DataAtom] || n.Parent == nil) {
		own := a.own(n)
		if own.text >= 10 && !isFurnitureText(a.ownText(n)) {
			v := float64(own.text - own.link)
			if own.punct == 0 {
				v *= 0.2
			}
			v *= 1 - float64(own.link)/float64(own.text)
			a.stat(n).unit = v
			a.give(n, v)
			a.give(n.Parent, v)
			if n.Parent != nil {
				a.give(n.Parent.Parent, v/2)
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		a.score(c)
	}
}

// sumMass fills the mass of n and everything under it.
func (a *article) sumMass(n *html.Node) float64 {
	s := a.stat(n)
	s.mass = s.unit
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		s.mass += a.sumMass(c)
	}
	return s.mass
}

// articleShare is the share of the page's paragraph text that the article
// must hold: when the best-scoring element holds less and its other
// paragraphs stand beside it (as in a page whose paragraphs stand
// straight in <body>, some of them in a list), the article is its
// parent (see flatParent).
const articleShare = 0.8

// paragraphAtoms are the elements that are paragraphs themselves, not
// containers of a page's parts.
var paragraphAtoms = map[atom.Atom]bool{
	atom.P: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Ol: true, atom.Ul: true, atom.Li: true, atom.Blockquote: true, atom.Table: true, atom.Pre: true,
	atom.Center: true, atom.Dl: true,
}

// flatParent reports whether the paragraph text that n's parent holds
// beside n stands mostly in paragraphs of its own (p, headings, lists,
// tables), so that the parent is the article n is part of, rather than
// in other parts of the page (a sidebar, a box of notices).
func (a *article) flatParent(n *html.Node) bool {
	p := a.stats[n.Parent]
	extra := p.mass - a.stats[n].mass
	flat := p.unit
	for c := n.Parent.FirstChild; c != nil; c = c.NextSibling {
		if s := a.stats[c]; c != n && s != nil && c.Type == html.ElementNode && paragraphAtoms[c.DataAtom] {
			flat += s.mass
		}
	}
	return flat >= 0.7*extra
}

func (a *article) give(n *html.Node, v float64) {
	if n != nil {
		a.stat(n).score += v
	}
}

// own counts the text of n that is not inside a block element under it:
// the paragraph that n itself holds.
func (a *article) own(n *html.Node) nodeStat {
	var s nodeStat
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode:
			cs := a.stats[c]
			s.text += cs.text
			s.punct += cs.punct
		case c.Type == html.ElementNode && !blockAtoms[c.DataAtom]:
			cs := a.own(c)
			if c.DataAtom == atom.A {
				cs.link = cs.text
			}
			s.text += cs.text
			s.link += cs.link
			s.punct += cs.punct
		}
	}
	return s
}

// ownText returns the text that n holds itself (see own), whitespace
// collapsed.
func (a *article) ownText(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				b.WriteString(c.Data)
			case c.Type == html.ElementNode && !blockAtoms[c.DataAtom] && c.DataAtom != atom.Br:
				walk(c)
			case c.Type == html.ElementNode:
				b.WriteByte('\n')
			}
		}
	}
	walk(n)
	return b.String()
}

// isFurnitureText reports whether the text a block holds is all site
// furniture: its paragraph text counts for nothing.
func isFurnitureText(s string) bool {
	for _, line := range strings.Split(s, "\n") {
		if t := collapseSpace(line); t != "" && !isBoilerplate(t) && !isTrail(t) && !isToolbar(t) && !hasMetaLabels(t) {
			return false
		}
	}
	return true
}

// linkShare is the share of n's text that is link text.
func (a *article) linkShare(n *html.Node) float64 {
	s := a.stats[n]
	if s == nil || s.text == 0 {
		return 0
	}
	return float64(s.link) / float64(s.text)
}

// final is n's score as an article.
func (a *article) final(n *html.Node) float64 {
	s := a.stats[n]
	if s == nil {
		return 0
	}
	v := s.score * (1 - a.linkShare(n))
	name := attrOf(n, "class") + " " + attrOf(n, "id")
	if goodName().MatchString(name) {
		v *= 1.25
	}
	if badName().MatchString(name) {
		v *= 0.5
	}
	return v
}

// roots returns the elements to read, in page order: the article and the
// siblings that belong with it, or the body when nothing scores.
func (a *article) roots() []*html.Node {
	// In page order, so that a tie goes to the first, outer element: a
	// block that holds no more paragraph text than its parent holds less
	// of the article (its unnumbered headings, its title).
	var best *html.Node
	bestV := 0.0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if s := a.stats[n]; s != nil && s.score > 0 && n.Type == html.ElementNode {
			if v := a.final(n); v > bestV {
				best, bestV = n, v
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(a.root)
	if best == nil {
		if body := findAtom(a.root, atom.Body); body != nil {
			return []*html.Node{body}
		}
		return []*html.Node{a.root}
	}
	for total := a.stats[a.root].mass; best.Parent != nil && a.stats[best].mass < articleShare*total && a.flatParent(best); {
		best = best.Parent
		bestV = max(bestV, a.final(best))
	}
	if best.Parent == nil {
		return []*html.Node{best}
	}
	var out []*html.Node
	for c := best.Parent.FirstChild; c != nil; c = c.NextSibling {
		if c == best {
			out = append(out, c)
			continue
		}
		s := a.stats[c]
		if c.Type != html.ElementNode || s == nil || a.linkShare(c) >= 0.3 {
			continue
		}
		// A paragraph beside the article belongs to it when it scores a
		// fifth as much; a box of blocks (a column of notices) only when
		// it scores half as much.
		share := 0.5
		if paragraphAtoms[c.DataAtom] {
			share = 0.2
		}
		if a.final(c) >= share*bestV || s.data || s.dataInside {
			out = append(out, c)
		}
	}
	return out
}

// isData reports whether n, a table, holds data rather than lays the
// page out.
func (a *article) isData(n *html.Node) bool {
	if s := a.stats[n]; s != nil {
		return s.data
	}
	return isDataTable(n)
}

// tableRows returns the rows of a table element (in its thead, tbody and
// tfoot, the tfoot last), not those of tables nested in its cells.
func tableRows(t *html.Node) []*html.Node {
	var rows, foot []*html.Node
	for c := t.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch c.DataAtom {
		case atom.Tr:
			rows = append(rows, c)
		case atom.Thead, atom.Tbody, atom.Tfoot:
			for r := c.FirstChild; r != nil; r = r.NextSibling {
				if r.Type == html.ElementNode && r.DataAtom == atom.Tr {
					if c.DataAtom == atom.Tfoot {
						foot = append(foot, r)
					} else {
						rows = append(rows, r)
					}
				}
			}
		}
	}
	return append(rows, foot...)
}

// rowCells returns the td and th elements of a row.
func rowCells(tr *html.Node) []*html.Node {
	var cells []*html.Node
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.DataAtom == atom.Td || c.DataAtom == atom.Th) {
			cells = append(cells, c)
		}
	}
	return cells
}

// maxDataCell is the most runes of a cell of a table of data; a cell of
// longer prose makes the table a layout.
const maxDataCell = 200

// isDataTable reports whether a table element holds data: two rows or
// more, two columns or more, no table nested in a cell, no cell of
// prose or headings.
func isDataTable(t *html.Node) bool {
	rows := tableRows(t)
	if len(rows) < 2 {
		return false
	}
	cols := 0
	for _, r := range rows {
		cells := rowCells(r)
		cols = max(cols, len(cells))
		for _, c := range cells {
			if findAtom(c, atom.Table) != nil {
				return false
			}
			for _, h := range []atom.Atom{atom.H1, atom.H2, atom.H3} {
				if findAtom(c, h) != nil {
					return false
				}
			}
			if utf8.RuneCountInString(strings.TrimSpace(textOf(c))) > maxDataCell {
				return false
			}
		}
	}
	return cols >= 2
}

// siteName matches the part of a page title that names the site rather
// than the page ("XX市人民政府", "XX政府门户网站", "统计局").
var siteName = lazyRegexp(`(?:人民政府|人民政府网|政府网|门户网站|网站|网|首页|政务公开|信息公开|政府信息公开|统计局|统计信息网|办公室|委员会)$`)

// titleSep splits a page title into the page's and the site's parts.
var titleSep = lazyRegexp(`\s*[_|｜]\s*|\s+[-–—]{1,2}\s+|--`)

// cleanTitle returns the page's own part of a <title>: the longest part
// that does not name the site.
func cleanTitle(s string) string {
	s = strings.TrimSpace(s)
	parts := titleSep().Split(s, -1)
	// "…公报-某县统计局": a dash without spaces before the site's name.
	for i, p := range parts {
		if j := strings.LastIndexAny(p, "-–—"); j > 0 && siteName().MatchString(p[j:]) {
			parts[i] = strings.TrimRight(p[:j], "-–— ")
		}
	}
	best := ""
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" || siteName().MatchString(p) && len(parts) > 1 {
			continue
		}
		if utf8.RuneCountInString(p) > utf8.RuneCountInString(best) {
			best = p
		}
	}
	if best == "" {
		for _, p := range parts {
			if utf8.RuneCountInString(p) > utf8.RuneCountInString(best) {
				best = strings.TrimSpace(p)
			}
		}
	}
	return best
}

// titleClass matches the class or id of an element that holds a page's
// title.
var titleClass = lazyRegexp(`(?i)title|tit\b|bt\b|biaoti|headline`)

// findTitle returns the element that holds the page's title and the
// title: a heading (h1–h3, or an element whose class says title) whose
// text is the <title>'s own part, or holds it, or is most of it; else no
// element and that part, which then stands before the article. A page
// whose <title> is empty or names the site only has no title of its own
// here: the article's first paragraph is taken when it reads as one.
func findTitle(root *html.Node, pageTitle string) (*html.Node, string) {
	if pageTitle == "" || siteName().MatchString(pageTitle) {
		return nil, ""
	}
	if t := titleElement(root, squeezeSpace(pageTitle)); t != nil {
		return t, collapseSpace(textOf(t))
	}
	return nil, pageTitle
}

// titleElement returns the first element of the best rank (h1, h2, h3,
// then a class or id naming a title) whose squeezed text matches want,
// or nil.
func titleElement(root *html.Node, want string) *html.Node {
	if want == "" {
		return nil
	}
	wantN := utf8.RuneCountInString(want)
	var best *html.Node
	bestRank := 4
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			rank := 4
			switch {
			case n.DataAtom == atom.H1:
				rank = 0
			case n.DataAtom == atom.H2:
				rank = 1
			case n.DataAtom == atom.H3:
				rank = 2
			case titleClass().MatchString(attrOf(n, "class") + " " + attrOf(n, "id")):
				rank = 3
			}
			if rank < bestRank {
				t := squeezeSpace(textOf(n))
				tn := utf8.RuneCountInString(t)
				if tn >= 4 && tn <= 120 && (t == want || strings.Contains(t, want) || strings.Contains(want, t) && 2*tn >= wantN) {
					best, bestRank = n, rank
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return best
}
