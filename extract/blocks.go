package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Readers of markup (.docx, .html) see paragraphs and tables as elements,
// not as glyphs or lines; they hand them in reading order as blocks, and
// buildDocument turns the blocks into a Document the way the text and PDF
// readers do: clean text, headings, table captions, the title.

// A block is one paragraph or table of a document read from markup.
type block struct {
	parts   []blockPart // a paragraph's text, cut where a page begins
	heading bool        // a heading by its markup (style, outline level, h1–h6)
	title   bool        // the title by its markup (style Title)
	join    bool        // the paragraph runs on into the next one (its mark was deleted)
	table   *Table      // a table; parts are then unused
}

// A blockPart is the text of a paragraph that stands on one page. Line
// breaks inside the paragraph are '\n'.
type blockPart struct {
	text string
	page int // 1-based
}

// attachmentLine matches the "附件2" line that opens an attachment, above
// its title.
var attachmentLine = regexp.MustCompile(`^附件\s*[0-9０-９一二三四五六七八九十]*\s*[:：]?$`)

// A docBuild is the paragraphs and tables of a Document being built.
type docBuild struct {
	paras  []para
	tables []Table
}

// buildDocument assembles the Document of a file read from markup.
// title, when not "", is the title the markup names (an HTML page's
// title); otherwise the title is the first paragraph styled as one, or
// the first paragraph when it is short and ends no sentence. The title
// stands as the first paragraph. split tells whether every paragraph is
// cut at its 　　 indents and inline headings, as a text input's lines
// are; otherwise only a paragraph long enough to hold a whole report is. pages lists the pages; it is cut to the last page
// that holds text.
func buildDocument(name, format, title string, blocks []block, pages []Page, split bool) (*Document, error) {
	var b docBuild
	for i := 0; i < len(blocks); i++ {
		bl := blocks[i]
		if bl.table != nil {
			b.addTable(*bl.table)
			continue
		}
		// A paragraph whose mark was deleted (a tracked change accepted)
		// runs on into the next one.
		for bl.join && i+1 < len(blocks) && blocks[i+1].table == nil {
			i++
			bl.parts = append(bl.parts, blocks[i].parts...)
			bl.join = blocks[i].join
		}
		b.addParagraph(bl, split)
	}
	if len(b.paras) == 0 {
		return nil, &Error{File: name, Err: ErrEmpty}
	}
	b.setTitle(title)
	last := 1
	for _, p := range b.paras {
		last = max(last, p.page)
		for _, br := range p.breaks {
			last = max(last, br.page)
		}
	}
	if len(pages) > last {
		pages = pages[:last]
	}
	for len(pages) < last {
		pages = append(pages, Page{Number: len(pages) + 1})
	}
	doc := assemble(name, pages, b.paras, b.tables)
	doc.Format = format
	for _, p := range b.paras {
		if p.title {
			doc.Title = p.text
			break
		}
	}
	return doc, nil
}

// addParagraph adds the paragraphs of one block: its lines (a line break
// inside it ends a paragraph where a sentence ends or a heading follows),
// cleaned; a line that is empty once cleaned is dropped.
func (b *docBuild) addParagraph(bl block, split bool) {
	var cur *para
	flush := func() {
		if cur != nil && cur.text != "" {
			b.paras = append(b.paras, *cur)
		}
		cur = nil
	}
	for _, part := range bl.parts {
		lines := strings.Split(part.text, "\n")
		for li, line := range lines {
			pieces := []string{line}
			if split || utf8.RuneCountInString(line) >= minOneLine {
				// Text pasted whole into one paragraph keeps its
				// paragraphs after 　　 indents and at inline headings.
				pieces = nil
				for _, s := range splitIndents(line) {
					pieces = append(pieces, splitInline(s)...)
				}
			}
			for pi, piece := range pieces {
				t := cleanSpaces(strings.TrimFunc(strings.ReplaceAll(piece, "\t", " "), unicode.IsSpace))
				if t == "" {
					continue
				}
				newLine := li > 0 || pi > 0
				switch {
				case cur == nil:
				case pi > 0, newLine && (endsSentence(cur.text) || isHeading(t)):
					flush()
				}
				if cur == nil {
					cur = &para{text: t, page: part.page, heading: bl.heading || isHeading(t), title: bl.title}
					continue
				}
				cur.add(t, part.page)
				cur.finish() // the joined text is looked at above
			}
		}
	}
	flush()
}

// addTable adds a table with the paragraphs that stand for it. A caption
// paragraph ("表1 …") and unit notes ("单位：亿元") just above it become
// its caption and notes.
func (b *docBuild) addTable(t Table) {
	if len(t.Rows) == 0 {
		return
	}
	for len(b.paras) > 0 {
		p := b.paras[len(b.paras)-1]
		if p.table != 0 {
			break
		}
		if isUnitNote(p.text) && len(t.Notes) < 3 {
			t.Notes = append([]string{p.text}, t.Notes...)
			b.paras = b.paras[:len(b.paras)-1]
			continue
		}
		if t.Caption == "" && isCaption(p.text) {
			t.Caption = p.text
			b.paras = b.paras[:len(b.paras)-1]
		}
		break
	}
	if t.Header == 0 {
		t.Header = headerRows(t.Rows)
	}
	b.tables = append(b.tables, t)
	b.paras = append(b.paras, tableParas(len(b.tables)-1, &b.tables[len(b.tables)-1])...)
}

// setTitle marks the title paragraph: the one that equals title, else the
// first styled as a title, else the first prose paragraph (after an
// "附件N" line) when it reads as a title. A title that stands in no
// paragraph is put before the first one.
func (b *docBuild) setTitle(title string) {
	for i := range b.paras {
		b.paras[i].title = b.paras[i].title && title == ""
	}
	if title != "" {
		title = cleanSpaces(title)
		first := 0
		for first < len(b.paras) && b.paras[first].table == 0 && attachmentLine.MatchString(b.paras[first].text) {
			first++
		}
		// The title among the first paragraphs (after a line of the
		// page's that was not dropped) goes to the front.
		for i := first; i < min(first+3, len(b.paras)); i++ {
			if b.paras[i].table == 0 && b.paras[i].text == title {
				t := b.paras[i]
				t.title, t.heading = true, true
				copy(b.paras[first+1:i+1], b.paras[first:i])
				b.paras[first] = t
				return
			}
		}
		b.paras = append([]para{{text: title, page: b.paras[0].page, title: true, heading: true}}, b.paras...)
		return
	}
	for i := range b.paras {
		if b.paras[i].title {
			b.paras[i].heading = true
			for j := i + 1; j < len(b.paras); j++ {
				b.paras[j].title = false // one title
			}
			return
		}
	}
	i := 0
	for i < len(b.paras) && b.paras[i].table == 0 && attachmentLine.MatchString(b.paras[i].text) {
		i++
	}
	if i < len(b.paras) && b.paras[i].table == 0 && looksLikeTitle(b.paras[i].text) {
		b.paras[i].title, b.paras[i].heading = true, true
	}
}

// looksLikeTitle reports whether a first paragraph reads as a title:
// short, ending no sentence, no numbered heading.
func looksLikeTitle(s string) bool {
	n := utf8.RuneCountInString(s)
	return n > 0 && n <= 80 && !endsSentence(s) && !isHeading(s) && !strings.ContainsAny(s, "。；")
}
