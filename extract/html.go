package extract

import (
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Web pages (.html, .htm) are parsed with golang.org/x/net/html. Of a
// government page only the article is read: the block of the page that
// holds most paragraph text (see the scoring in html_article.go), with its title
// from <title> or the heading that repeats it. Navigation, breadcrumbs,
// the publication line ("发布时间：… 来源：…"), share and print bars,
// related links and the footer (ICP number, visitor counter, telephone,
// postcode, 版权所有) give no paragraph: most lie outside the article,
// and the lines of furniture inside it are dropped as in a text input.
// Headings come from h1–h6, bold lines and numbered paragraphs; a
// <table> of data becomes a Table (rowspan and colspan as spans, caption
// from <caption> or the 表N line above it), a table that only lays the
// page out is read as the paragraphs in its cells.

// readHTMLFile reads a web page of the given size.
func readHTMLFile(name string, r io.ReaderAt, size int64, lim markupLimits) (*Document, error) {
	if size > lim.htmlFile {
		return nil, &Error{File: name, Err: fmt.Errorf("%w: a web page of %d MB (limit %d MB)", ErrTooLarge, size>>20, lim.htmlFile>>20)}
	}
	b := make([]byte, size)
	if n, err := r.ReadAt(b, 0); int64(n) < size {
		return nil, &Error{File: name, Err: fmt.Errorf("%w: %v", ErrDamaged, err)}
	}
	src, _ := decodeHTML(b)
	doc, err := readHTML(name, src, lim)
	if err != nil {
		return nil, &Error{File: name, Err: err}
	}
	return doc, nil
}

// readHTML reads the text of a web page.
func readHTML(name, src string, lim markupLimits) (*Document, error) {
	if err := countElements(src, lim); err != nil {
		return nil, err
	}
	root, err := html.Parse(strings.NewReader(src))
	if err != nil {
		if strings.Contains(err.Error(), "open stack") {
			return nil, fmt.Errorf("%w: elements nested too deep (%v)", ErrTooLarge, err)
		}
		return nil, fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	if depthOf(root, 0) > lim.depth {
		return nil, fmt.Errorf("%w: elements nested more than %d deep", ErrTooLarge, lim.depth)
	}
	pageTitle := ""
	if t := findAtom(root, atom.Title); t != nil {
		pageTitle = collapseSpace(textOf(t))
	}
	prune(root)
	a := newArticle(root)
	roots := a.roots()
	titleNode, title := findTitle(root, cleanTitle(pageTitle))
	w := &htmlWalker{lim: lim, article: a, title: titleNode}
	for _, r := range roots {
		w.walk(r)
		w.flush(false)
	}
	if w.err != nil {
		return nil, w.err
	}
	blocks := w.blocks()
	doc, err := buildDocument(name, "html", title, blocks, []Page{{Number: 1}}, true)
	if err != nil {
		if e, ok := err.(*Error); ok {
			return nil, e.Err
		}
		return nil, err
	}
	return doc, nil
}

// countElements counts the tags of a page with the tokenizer, which is
// fast, before the parser builds a node for each: a page of millions of
// tags is refused.
func countElements(src string, lim markupLimits) error {
	z := html.NewTokenizer(strings.NewReader(src))
	n := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return nil
		case html.StartTagToken, html.SelfClosingTagToken:
			if n++; n > lim.elements {
				return fmt.Errorf("%w: more than %d elements", ErrTooLarge, lim.elements)
			}
		}
	}
}

// depthOf returns the depth of the deepest node under n (the parser
// caps it; this is a second guard for the recursive walks below).
func depthOf(n *html.Node, d int) int {
	deepest := d
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if d+1 > 4096 {
			return d + 1
		}
		deepest = max(deepest, depthOf(c, d+1))
	}
	return deepest
}

// findAtom returns the first element a under n, or nil.
func findAtom(n *html.Node, a atom.Atom) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == a {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findAtom(c, a); f != nil {
			return f
		}
	}
	return nil
}

// textOf returns all the text under n.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// collapseSpace turns every run of whitespace (but the ideographic
// space, which indents) into one space and trims the ends.
func collapseSpace(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) && r != '\u3000' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// attrOf returns the value of attribute key of n.
func attrOf(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// hiddenStyle matches an inline style that hides an element.
var hiddenStyle = regexp.MustCompile(`(?i)display\s*:\s*none|visibility\s*:\s*hidden`)

// prune removes what is never text of the page: scripts, styles, forms'
// controls, frames, pictures' markup, hidden elements, comments.
func prune(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		drop := false
		switch c.Type {
		case html.CommentNode, html.DoctypeNode:
			drop = true
		case html.ElementNode:
			switch c.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Iframe, atom.Frame, atom.Object,
				atom.Embed, atom.Svg, atom.Math, atom.Canvas, atom.Select, atom.Option, atom.Button, atom.Input,
				atom.Textarea, atom.Head, atom.Link, atom.Meta, atom.Map, atom.Audio, atom.Video, atom.Del:
				drop = true
			default:
				_, hiddenAttr := attrMap(c)["hidden"]
				drop = hiddenAttr || hiddenStyle.MatchString(attrOf(c, "style")) || strings.EqualFold(attrOf(c, "aria-hidden"), "true")
			}
		}
		if drop {
			n.RemoveChild(c)
		} else {
			prune(c)
		}
		c = next
	}
}

func attrMap(n *html.Node) map[string]string {
	m := make(map[string]string, len(n.Attr))
	for _, a := range n.Attr {
		m[strings.ToLower(a.Key)] = a.Val
	}
	return m
}

// blockAtoms are the elements that end a line of text before and after
// them.
var blockAtoms = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true, atom.Center: true,
	atom.Dd: true, atom.Details: true, atom.Dialog: true, atom.Dir: true, atom.Div: true, atom.Dl: true,
	atom.Dt: true, atom.Fieldset: true, atom.Figcaption: true, atom.Figure: true, atom.Footer: true,
	atom.Form: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Header: true, atom.Hgroup: true, atom.Hr: true, atom.Li: true, atom.Main: true, atom.Menu: true,
	atom.Nav: true, atom.Ol: true, atom.P: true, atom.Pre: true, atom.Section: true, atom.Summary: true,
	atom.Table: true, atom.Tbody: true, atom.Thead: true, atom.Tfoot: true, atom.Tr: true, atom.Td: true,
	atom.Th: true, atom.Caption: true, atom.Ul: true, atom.Body: true, atom.Html: true, atom.Legend: true,
}

func isHeadingAtom(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// An hline is one line of text of the article as the walker found it,
// or a table.
type hline struct {
	text    string
	runes   int  // non-space runes
	link    int  // of them, inside links
	bold    int  // of them, in bold
	heading bool // an h1–h6
	title   bool // the page's title element
	soft    bool // ended by <br> (the next line may continue it)
	table   *Table
}

// An htmlWalker turns the article's elements into lines.
type htmlWalker struct {
	lim     markupLimits
	article *article
	title   *html.Node
	lines   []hline
	cur     strings.Builder
	line    hline
	link    int    // depth inside links
	bold    int    // depth inside bold
	pre     int    // depth inside <pre>
	label   string // the number of a list item, written before its first text
	err     error
}

// flush ends the current line; soft tells that a <br> ended it.
func (w *htmlWalker) flush(soft bool) {
	text := strings.TrimRightFunc(w.cur.String(), unicode.IsSpace)
	text = strings.TrimLeft(text, " \t\r\n")
	w.cur.Reset()
	l := w.line
	w.line = hline{}
	if strings.TrimFunc(text, unicode.IsSpace) == "" {
		if soft && len(w.lines) > 0 {
			w.lines[len(w.lines)-1].soft = false // an empty line ends the paragraph
		}
		return
	}
	l.text, l.soft = text, soft
	w.lines = append(w.lines, l)
}

// write adds text to the current line, whitespace collapsed as a browser
// shows it (outside <pre>).
func (w *htmlWalker) write(s string) {
	if w.pre > 0 {
		for i, part := range strings.Split(s, "\n") {
			if i > 0 {
				w.flush(true)
			}
			w.addRunes(part)
		}
		return
	}
	var b strings.Builder
	space := w.cur.Len() > 0 && unicode.IsSpace(lastRune(w.cur.String()))
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' {
			if !space {
				b.WriteByte(' ')
				space = true
			}
			continue
		}
		space = r == '\u00a0' || r == '\u3000'
		b.WriteRune(r)
	}
	w.addRunes(b.String())
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// addRunes appends text to the line, counting its runes; the number of
// a list item waiting for its text goes first.
func (w *htmlWalker) addRunes(s string) {
	if w.label != "" && strings.TrimFunc(s, unicode.IsSpace) != "" {
		label := w.label
		w.label = ""
		w.addRunes(label)
	}
	w.cur.WriteString(s)
	n := 0
	for _, r := range s {
		if !unicode.IsSpace(r) {
			n++
		}
	}
	w.line.runes += n
	if w.link > 0 {
		w.line.link += n
	}
	if w.bold > 0 {
		w.line.bold += n
	}
}

// walk reads the lines of n.
func (w *htmlWalker) walk(n *html.Node) {
	if w.err != nil {
		return
	}
	switch n.Type {
	case html.TextNode:
		w.write(n.Data)
		return
	case html.ElementNode:
	case html.DocumentNode:
		w.children(n)
		return
	default:
		return
	}
	switch a := n.DataAtom; {
	case a == atom.Br:
		w.flush(true)
	case a == atom.Img, a == atom.Area, a == atom.Wbr:
	case a == atom.Table && w.article.isData(n):
		w.flush(false)
		if isMetadataTable(n) {
			return
		}
		t, err := tableOfHTML(n, w.lim)
		if err != nil {
			w.err = err
			return
		}
		if t != nil {
			w.lines = append(w.lines, hline{table: t})
		}
	case isHeadingAtom(a), n == w.title:
		w.flush(false)
		w.line.heading, w.line.title = true, n == w.title
		w.children(n)
		w.line.heading, w.line.title = true, n == w.title
		w.flush(false)
	case a == atom.Ol:
		w.flush(false)
		w.list(n)
		w.flush(false)
	case blockAtoms[a]:
		w.flush(false)
		if a == atom.Pre {
			w.pre++
			defer func() { w.pre-- }()
		}
		w.children(n)
		w.flush(false)
	case a == atom.A:
		w.link++
		w.children(n)
		w.link--
	case a == atom.B, a == atom.Strong:
		w.bold++
		w.children(n)
		w.bold--
	default:
		w.children(n)
	}
}

// list reads an ordered list, each item after its number as a browser
// shows it ("1. ", "一、"): numbered lists hold a report's headings when
// a word processor saved it as a web page.
func (w *htmlWalker) list(ol *html.Node) {
	k := 1
	if v, err := strconv.Atoi(strings.TrimSpace(attrOf(ol, "start"))); err == nil {
		k = v
	}
	format := listFormat(ol)
	for c := ol.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || c.DataAtom != atom.Li {
			w.walk(c)
			continue
		}
		if v, err := strconv.Atoi(strings.TrimSpace(attrOf(c, "value"))); err == nil {
			k = v
		}
		w.flush(false)
		if f := listFormat(c); f != "" {
			format = f
		}
		w.label = listLabel(k, format)
		w.children(c)
		w.label = ""
		w.flush(false)
		k++
	}
}

// listStyle matches a list-style-type in an inline style.
var listStyle = regexp.MustCompile(`(?i)list-style(?:-type)?\s*:\s*([a-z-]+)`)

// listFormat returns the numbering of a list or item: its type attribute
// or its list-style-type, "" when it sets none.
func listFormat(n *html.Node) string {
	if m := listStyle.FindStringSubmatch(attrOf(n, "style")); m != nil {
		return strings.ToLower(m[1])
	}
	return attrOf(n, "type")
}

// listLabel writes item number k of a list numbered in format as a
// browser shows it.
func listLabel(k int, format string) string {
	switch format {
	case "none", "disc", "circle", "square":
		return ""
	case "cjk-ideographic", "simp-chinese-informal", "trad-chinese-informal", "cjk-decimal":
		if s := formatNumber(k, "chineseCounting"); s != strconv.Itoa(k) {
			return s + "、"
		}
	case "a", "lower-alpha", "lower-latin":
		return formatNumber(k, "lowerLetter") + ". "
	case "A", "upper-alpha", "upper-latin":
		return formatNumber(k, "upperLetter") + ". "
	case "i", "lower-roman":
		return formatNumber(k, "lowerRoman") + ". "
	case "I", "upper-roman":
		return formatNumber(k, "upperRoman") + ". "
	}
	return strconv.Itoa(k) + ". "
}

func (w *htmlWalker) children(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
}

// maxHeadingLine is the most runes of a bold line taken for a heading.
const maxHeadingLine = 40

// blocks turns the walker's lines into blocks: furniture dropped, a line
// that a <br> cut from a long line before it (a hard-wrapped paragraph)
// joined to it again.
func (w *htmlWalker) blocks() []block {
	var out []block
	prevSoft := false
	var prevText, prevLine string
	for _, l := range w.lines {
		if l.table != nil {
			out = append(out, block{table: l.table})
			prevSoft, prevLine = false, ""
			continue
		}
		t := strings.TrimFunc(l.text, unicode.IsSpace)
		label := prevLine
		prevLine = t
		// A label's value may stand on the line after it ("发表时间：" then
		// "2026-02-09 09:45:30").
		if !l.title && (isFurnitureLine(t, l) || isLabelValue(label, t)) {
			prevSoft = false
			continue
		}
		heading := l.heading || l.bold*10 >= l.runes*9 && l.runes <= maxHeadingLine && !endsSentence(t)
		indented := strings.IndexFunc(l.text, isIndentSpace) == 0
		n := len(out)
		if prevSoft && n > 0 && out[n-1].table == nil && !out[n-1].heading && !heading && !indented && !isHeading(t) &&
			utf8.RuneCountInString(prevText) >= 24 && !endsSentence(prevText) {
			// A line the page broke with <br> inside a sentence.
			out[n-1].parts[0].text += "\n" + l.text
		} else {
			out = append(out, block{parts: []blockPart{{text: l.text, page: 1}}, heading: heading, title: l.title})
		}
		prevSoft, prevText = l.soft, t
	}
	return out
}

// isFurnitureLine reports whether a line of the article is page
// furniture: a boilerplate or site line, a breadcrumb trail, or a line
// made mostly of links that is no sentence (related links, previous and
// next, attachments lists).
func isFurnitureLine(t string, l hline) bool {
	if isBoilerplate(t) || labelOnly.MatchString(t) || isBreadcrumb(t) || isTrail(t) || isToolbar(t) || hasMetaLabels(t) {
		return true
	}
	return l.runes > 0 && l.link*10 >= l.runes*6 && !strings.ContainsAny(t, "。；") && l.runes <= 120
}
