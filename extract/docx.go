package extract

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Word files (.docx, Office Open XML) are read with archive/zip and
// encoding/xml: word/document.xml streamed element by element, with
// styles.xml for headings and numbering.xml for list numbers.
//
// What Word shows is what the Document holds: paragraphs in order, list
// numbers as Word draws them ("一、", "（一）", "1."), tables as Tables
// (gridSpan and vMerge as spans; a one-column frame table unwrapped; a
// table nested in a cell flattened into the cell's text), text boxes
// once (mc:AlternateContent's Choice, not its Fallback copy), tracked
// changes accepted (w:ins kept, w:del dropped). Footnotes, endnotes,
// comments, headers and footers are not report text and are not read,
// nor is a table of contents. Pages are counted from the page breaks
// Word recorded when it last laid the file out (w:lastRenderedPageBreak),
// else from explicit page and section breaks; a file with neither is one
// page.

// Namespaces of the elements the reader knows.
const (
	nsW      = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStric = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsMC     = "http://schemas.openxmlformats.org/markup-compatibility/2006"
	nsMath   = "http://schemas.openxmlformats.org/officeDocument/2006/math"
)

// isW reports whether se is the WordprocessingML element local.
func isW(se xml.StartElement, local string) bool {
	return se.Name.Local == local && (se.Name.Space == nsW || se.Name.Space == nsWStric)
}

// attr returns the value of the attribute local of se ("" if absent),
// whatever its namespace.
func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// onOff reads a WordprocessingML on/off property: present without a
// value, or with 1/true/on, is on.
func onOff(se xml.StartElement) bool {
	v := attr(se, "val")
	return v == "" || v == "1" || v == "true" || v == "on"
}

// A pagePair is where something stands by the two ways of counting pages:
// by the breaks Word rendered, and by explicit breaks.
type pagePair struct{ rendered, explicit int }

func (pp pagePair) pick(rendered bool) int {
	if rendered {
		return pp.rendered
	}
	return pp.explicit
}

// A docxItem is a paragraph or a table of a story (the body, a cell, a
// text box).
type docxItem struct {
	para  *docxPara
	table *docxTable
}

// A docxPara is a paragraph as read.
type docxPara struct {
	parts   []docxPart
	heading bool
	title   bool
	toc     bool // a table-of-contents line
	join    bool // its mark was deleted: it runs on into the next paragraph
	floats  []docxItem
}

type docxPart struct {
	text strings.Builder
	at   pagePair
}

// A docxTable is a table as read, rows of cells with grid positions.
type docxTable struct {
	rows   []docxRow
	header int // leading rows marked as header rows (w:tblHeader)
	at     pagePair
}

type docxRow struct {
	cells  []docxCell
	header bool
}

type docxCell struct {
	items  []docxItem
	col    int // first grid column
	span   int // grid columns spanned
	vmerge int // 0 none, 1 restart, 2 continue
}

// A docxField is an open field (w:fldChar begin … end).
type docxField struct {
	instr  strings.Builder
	result bool // past w:fldChar separate
}

// docxParser streams the main part of a .docx.
type docxParser struct {
	dec      *xml.Decoder
	lim      markupLimits
	depth    int
	styles   *styleSheet
	num      *numbering
	at       pagePair
	rendered bool // the file records rendered page breaks
	started  bool // a paragraph has been read (a break before the first one opens no page)
	images   bool // the file shows pictures
	fields   []*docxField
	width    float64 // page size in points, from the last section
	height   float64
}

// readDocx reads a .docx (or a file converted to one) into a Document of
// the given format.
func readDocx(name, format string, r io.ReaderAt, size int64, lim markupLimits) (*Document, error) {
	pkg, err := openPackage(r, size, lim)
	if err != nil {
		return nil, &Error{File: name, Err: err}
	}
	doc, err := readPackage(name, format, pkg, lim)
	if err != nil {
		var e *Error
		if !errors.As(err, &e) {
			err = &Error{File: name, Err: err}
		}
		return nil, err
	}
	return doc, nil
}

// readPackage reads the parts of an opened .docx.
func readPackage(name, format string, pkg *docxPackage, lim markupLimits) (*Document, error) {
	rels, err := pkg.rels("")
	if err != nil {
		return nil, err
	}
	main := relTarget(rels, "/officeDocument", "word/document.xml")
	if !pkg.has(main) {
		main = "word/document.xml"
		if !pkg.has(main) {
			return nil, fmt.Errorf("%w: no word/document.xml in the archive", ErrDamaged)
		}
	}
	docRels, err := pkg.rels(main)
	if err != nil {
		return nil, err
	}
	var rawStyles struct {
		Styles []rawStyle `xml:"style"`
	}
	if err := readPart(pkg, relTarget(docRels, "/styles", "word/styles.xml"), &rawStyles); err != nil {
		return nil, err
	}
	styles := parseStyles(rawStyles.Styles)
	var rawNum rawNumbering
	numName := relTarget(docRels, "/numbering", "word/numbering.xml")
	if err := readPart(pkg, numName, &rawNum); err != nil {
		return nil, err
	}
	p := &docxParser{lim: lim, styles: styles, num: newNumbering(&rawNum, styles), at: pagePair{1, 1}}
	rc, err := pkg.open(main)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	p.dec = newXMLDecoder(rc)
	var items []docxItem
	if err := p.document(&items); err != nil {
		return nil, xmlError(main, err)
	}
	blocks, err := p.blocks(items)
	if err != nil {
		return nil, err
	}
	last := p.at.pick(p.rendered)
	pages := make([]Page, last)
	for i := range pages {
		pages[i] = Page{Number: i + 1, Width: p.width, Height: p.height}
	}
	doc, err := buildDocument(name, format, "", blocks, pages, false)
	if err != nil && p.images && errors.Is(err, ErrEmpty) {
		return nil, &Error{File: name, Err: ErrNoText}
	}
	return doc, err
}

// readPart decodes a small part (styles, numbering) into v; a missing
// part leaves v as it is.
func readPart(pkg *docxPackage, name string, v any) error {
	rc, err := pkg.open(name)
	if rc == nil || err != nil {
		return err
	}
	defer rc.Close()
	if err := newXMLDecoder(rc).Decode(v); err != nil && err != io.EOF {
		return xmlError(name, err)
	}
	return nil
}

// document reads the main part: the w:body of the w:document element.
func (p *docxParser) document(items *[]docxItem) error {
	for {
		tok, err := p.dec.Token()
		if err == io.EOF {
			return fmt.Errorf("%w: no document element", ErrDamaged)
		}
		if err != nil {
			return err
		}
		if se, ok := tok.(xml.StartElement); ok {
			return p.children(se, func(c xml.StartElement) error {
				if isW(c, "body") {
					return p.children(c, func(c xml.StartElement) error { return p.story(c, items) })
				}
				return p.skip(c)
			})
		}
	}
}

// children calls fn on each child element of se, which fn must read to
// its end, and returns after se's end tag. It fails with ErrTooLarge past
// the nesting limit.
func (p *docxParser) children(se xml.StartElement, fn func(xml.StartElement) error) error {
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > p.lim.depth {
		return fmt.Errorf("%w: elements nested more than %d deep", ErrTooLarge, p.lim.depth)
	}
	for {
		tok, err := p.dec.Token()
		if err == io.EOF {
			return fmt.Errorf("%w: the file ends inside <%s>", ErrDamaged, se.Name.Local)
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := fn(t); err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		}
	}
}

// skip reads se to its end, ignoring what it holds.
func (p *docxParser) skip(se xml.StartElement) error { return p.children(se, p.skip) }

// text returns the character data of se (a w:t), reading it to its end.
func (p *docxParser) text(se xml.StartElement) (string, error) {
	var b strings.Builder
	p.depth++
	defer func() { p.depth-- }()
	for {
		tok, err := p.dec.Token()
		if err == io.EOF {
			return "", fmt.Errorf("%w: the file ends inside <%s>", ErrDamaged, se.Name.Local)
		}
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.CharData:
			b.Write(t)
		case xml.StartElement:
			if err := p.skip(t); err != nil {
				return "", err
			}
		case xml.EndElement:
			return b.String(), nil
		}
	}
}

// alternate reads an mc:AlternateContent with fn: its first mc:Choice,
// never its mc:Fallback, which holds a second copy of the same content
// for older readers.
func (p *docxParser) alternate(se xml.StartElement, fn func(xml.StartElement) error) error {
	chosen := false
	return p.children(se, func(c xml.StartElement) error {
		if c.Name.Space == nsMC && c.Name.Local == "Choice" && !chosen {
			chosen = true
			return p.children(c, fn)
		}
		return p.skip(c)
	})
}

func isMC(se xml.StartElement, local string) bool {
	return se.Name.Space == nsMC && se.Name.Local == local
}

// story reads one block-level element of a story (body, cell, text box)
// into items.
func (p *docxParser) story(se xml.StartElement, items *[]docxItem) error {
	fn := func(c xml.StartElement) error { return p.story(c, items) }
	switch {
	case isW(se, "p"):
		para, err := p.paragraph(se)
		if err != nil {
			return err
		}
		*items = append(*items, docxItem{para: para})
		*items = append(*items, para.floats...)
		para.floats = nil
		return nil
	case isW(se, "tbl"):
		t, err := p.table(se)
		if err != nil {
			return err
		}
		*items = append(*items, docxItem{table: t})
		return nil
	case isW(se, "sdt"), isW(se, "sdtContent"), isW(se, "customXml"), isW(se, "ins"), isW(se, "moveTo"),
		isW(se, "smartTag"), isW(se, "txbxContent"):
		return p.children(se, fn)
	case isMC(se, "AlternateContent"):
		return p.alternate(se, fn)
	case isW(se, "sectPr"):
		return p.section(se, false)
	}
	return p.skip(se) // w:del, w:moveFrom, w:sdtPr, bookmarks, …
}

// section reads a w:sectPr: the page size, and when it ends a section
// inside the body (inPara), an explicit page break unless the next
// section continues on the same page.
func (p *docxParser) section(se xml.StartElement, inPara bool) error {
	newPage := true
	err := p.children(se, func(c xml.StartElement) error {
		switch {
		case isW(c, "pgSz"):
			if w, err := strconv.ParseFloat(attr(c, "w"), 64); err == nil && w > 0 {
				p.width = w / 20
			}
			if h, err := strconv.ParseFloat(attr(c, "h"), 64); err == nil && h > 0 {
				p.height = h / 20
			}
		case isW(c, "type"):
			newPage = attr(c, "val") != "continuous"
		}
		return p.skip(c)
	})
	if err == nil && inPara && newPage {
		p.at.explicit++
	}
	return err
}

// paraProps are the properties of a paragraph (w:pPr) the reader uses.
type paraProps struct {
	style       string
	numID, ilvl int
	hasNum      bool
	outline     int // -1 when not set
	breakBefore bool
	deletedMark bool
}

// pPr reads a w:pPr.
func (p *docxParser) pPr(se xml.StartElement) (paraProps, error) {
	props := paraProps{outline: -1}
	err := p.children(se, func(c xml.StartElement) error {
		switch {
		case isW(c, "pStyle"):
			props.style = attr(c, "val")
		case isW(c, "outlineLvl"):
			props.outline = atoiOr(attr(c, "val"), -1)
		case isW(c, "pageBreakBefore"):
			props.breakBefore = onOff(c)
		case isW(c, "numPr"):
			props.hasNum = true
			return p.children(c, func(n xml.StartElement) error {
				switch {
				case isW(n, "numId"):
					props.numID = atoiOr(attr(n, "val"), 0)
				case isW(n, "ilvl"):
					props.ilvl = atoiOr(attr(n, "val"), 0)
				}
				return p.skip(n)
			})
		case isW(c, "rPr"):
			return p.children(c, func(n xml.StartElement) error {
				if isW(n, "del") || isW(n, "moveFrom") {
					props.deletedMark = true
				}
				return p.skip(n)
			})
		case isW(c, "sectPr"):
			return p.section(c, true)
		}
		return p.skip(c)
	})
	return props, err
}

// paragraph reads a w:p.
func (p *docxParser) paragraph(se xml.StartElement) (*docxPara, error) {
	para := &docxPara{}
	para.parts = []docxPart{{at: p.at}}
	var props paraProps
	hadPPr := false
	sectionBreak := 0
	err := p.children(se, func(c xml.StartElement) error {
		if isW(c, "pPr") && !hadPPr {
			hadPPr = true
			// The section break of a w:sectPr in w:pPr comes after
			// this paragraph: counted once the paragraph is read.
			at := p.at
			var err error
			props, err = p.pPr(c)
			sectionBreak = p.at.explicit - at.explicit
			p.at = at
			if props.breakBefore && p.started {
				p.at.explicit++
				para.parts[0].at = p.at
			}
			return err
		}
		return p.inline(c, para, false)
	})
	if err != nil {
		return nil, err
	}
	p.at.explicit += sectionBreak
	p.started = true
	st := p.styles.style(props.style)
	para.heading = st.heading || props.outline >= 0 && props.outline <= 8
	para.title = st.title
	para.toc = st.toc || p.inTOC()
	para.join = props.deletedMark
	numID, ilvl := st.numID, st.ilvl
	if props.hasNum {
		numID, ilvl = props.numID, props.ilvl
	}
	if numID > 0 && !para.toc {
		if label, sep := p.num.next(numID, ilvl); label != "" {
			old := para.parts[0].text.String()
			para.parts[0].text.Reset()
			para.parts[0].text.WriteString(label + sep + old)
		}
	}
	return para, nil
}

// inTOC reports whether the reader is inside the result of a TOC field.
func (p *docxParser) inTOC() bool {
	for _, f := range p.fields {
		if f.result && strings.HasPrefix(strings.TrimSpace(f.instr.String()), "TOC") {
			return true
		}
	}
	return false
}

// inInstruction reports whether text now read is a field's instruction.
func (p *docxParser) inInstruction() bool {
	return len(p.fields) > 0 && !p.fields[len(p.fields)-1].result
}

// write appends text to the paragraph's current part.
func (p *docxParser) write(para *docxPara, s string) {
	para.parts[len(para.parts)-1].text.WriteString(s)
}

// newPage starts a new part of the paragraph on the page now current.
func (p *docxParser) newPage(para *docxPara) {
	last := &para.parts[len(para.parts)-1]
	if last.text.Len() == 0 {
		last.at = p.at
		return
	}
	para.parts = append(para.parts, docxPart{at: p.at})
}

// inline reads one inline element of a paragraph (runs and what holds
// them). hidden tells that the text is hidden (w:vanish).
func (p *docxParser) inline(se xml.StartElement, para *docxPara, hidden bool) error {
	fn := func(c xml.StartElement) error { return p.inline(c, para, hidden) }
	switch {
	case isW(se, "r"):
		return p.run(se, para)
	case isW(se, "ins"), isW(se, "moveTo"), isW(se, "hyperlink"), isW(se, "smartTag"), isW(se, "customXml"),
		isW(se, "sdt"), isW(se, "sdtContent"), isW(se, "fldSimple"), isW(se, "dir"), isW(se, "bdo"):
		return p.children(se, fn)
	case isMC(se, "AlternateContent"):
		return p.alternate(se, fn)
	case se.Name.Space == nsMath:
		return p.math(se, para)
	}
	return p.skip(se) // w:del, w:moveFrom, bookmarks, proofing marks, w:sdtPr …
}

// math reads the text of an equation (m:t).
func (p *docxParser) math(se xml.StartElement, para *docxPara) error {
	if se.Name.Local == "t" {
		s, err := p.text(se)
		p.write(para, s)
		return err
	}
	return p.children(se, func(c xml.StartElement) error {
		if isW(c, "r") {
			return p.run(c, para)
		}
		if c.Name.Space == nsMath {
			return p.math(c, para)
		}
		return p.skip(c)
	})
}

// run reads a w:r.
func (p *docxParser) run(se xml.StartElement, para *docxPara) error {
	hidden := false
	var handle func(c xml.StartElement) error
	handle = func(c xml.StartElement) error {
		if c.Name.Space != nsW && c.Name.Space != nsWStric {
			if isMC(c, "AlternateContent") {
				return p.alternate(c, handle)
			}
			return p.skip(c)
		}
		switch c.Name.Local {
		case "rPr":
			return p.children(c, func(n xml.StartElement) error {
				if isW(n, "vanish") || isW(n, "specVanish") {
					hidden = hidden || onOff(n)
				}
				return p.skip(n)
			})
		case "t":
			s, err := p.text(c)
			if !hidden && !p.inInstruction() {
				p.write(para, s)
			}
			return err
		case "instrText":
			s, err := p.text(c)
			if n := len(p.fields); n > 0 && !p.fields[n-1].result {
				p.fields[n-1].instr.WriteString(s)
			}
			return err
		case "tab", "ptab":
			if !hidden && !p.inInstruction() {
				p.write(para, " ")
			}
		case "br", "cr":
			switch attr(c, "type") {
			case "page":
				p.at.explicit++
				p.newPage(para)
			case "column":
				p.write(para, " ")
			default:
				p.write(para, "\n")
			}
		case "lastRenderedPageBreak":
			p.rendered = true
			if p.started || para.parts[0].text.Len() > 0 {
				p.at.rendered++
				p.newPage(para)
			}
		case "noBreakHyphen":
			p.write(para, "-")
		case "sym":
			if v, err := strconv.ParseUint(attr(c, "char"), 16, 32); err == nil && !isPrivateUse(rune(v)) && !hidden {
				p.write(para, string(rune(v)))
			}
		case "fldChar":
			switch attr(c, "fldCharType") {
			case "begin":
				p.fields = append(p.fields, &docxField{})
			case "separate":
				if n := len(p.fields); n > 0 {
					p.fields[n-1].result = true
				}
			case "end":
				if n := len(p.fields); n > 0 {
					p.fields = p.fields[:n-1]
				}
			}
		case "drawing", "pict", "object":
			return p.floating(c, para)
		case "ruby":
			return p.children(c, func(n xml.StartElement) error {
				if isW(n, "rubyBase") {
					return p.children(n, func(r xml.StartElement) error { return p.inline(r, para, hidden) })
				}
				return p.skip(n)
			})
		}
		return p.skip(c)
	}
	return p.children(se, handle)
}

// floating reads a drawing, a VML picture or an embedded object: the text
// boxes it holds (w:txbxContent) become items read after the paragraph;
// a picture is noted.
func (p *docxParser) floating(se xml.StartElement, para *docxPara) error {
	var walk func(c xml.StartElement) error
	walk = func(c xml.StartElement) error {
		switch {
		case isW(c, "txbxContent"):
			return p.children(c, func(n xml.StartElement) error { return p.story(n, &para.floats) })
		case isMC(c, "AlternateContent"):
			return p.alternate(c, walk)
		case c.Name.Local == "blip" || c.Name.Local == "imagedata":
			p.images = true
		}
		return p.children(c, walk)
	}
	return p.children(se, walk)
}

// table reads a w:tbl.
func (p *docxParser) table(se xml.StartElement) (*docxTable, error) {
	t := &docxTable{at: p.at}
	var rowsIn func(c xml.StartElement) error
	rowsIn = func(c xml.StartElement) error {
		switch {
		case isW(c, "tr"):
			row, deleted, err := p.row(c)
			if err == nil && !deleted {
				t.rows = append(t.rows, row)
			}
			return err
		case isW(c, "sdt"), isW(c, "sdtContent"), isW(c, "customXml"):
			return p.children(c, rowsIn)
		case isMC(c, "AlternateContent"):
			return p.alternate(c, rowsIn)
		}
		return p.skip(c)
	}
	if err := p.children(se, rowsIn); err != nil {
		return nil, err
	}
	for _, r := range t.rows {
		if !r.header {
			break
		}
		t.header++
	}
	return t, nil
}

// row reads a w:tr; deleted reports a row deleted as a tracked change.
func (p *docxParser) row(se xml.StartElement) (row docxRow, deleted bool, err error) {
	col := 0
	var cellsIn func(c xml.StartElement) error
	cellsIn = func(c xml.StartElement) error {
		switch {
		case isW(c, "trPr"), isW(c, "tblPrEx"):
			return p.children(c, func(n xml.StartElement) error {
				switch {
				case isW(n, "gridBefore"):
					col += max(atoiOr(attr(n, "val"), 0), 0)
				case isW(n, "tblHeader"):
					row.header = onOff(n)
				case isW(n, "del"):
					deleted = true
				}
				return p.skip(n)
			})
		case isW(c, "tc"):
			cell, err := p.cell(c)
			if err != nil {
				return err
			}
			if cell.span == 0 { // a legacy horizontal merge continues the cell on the left
				if n := len(row.cells); n > 0 {
					row.cells[n-1].span++
					col++
					return nil
				}
				cell.span = 1
			}
			cell.col = col
			col += cell.span
			row.cells = append(row.cells, cell)
			return nil
		case isW(c, "sdt"), isW(c, "sdtContent"), isW(c, "customXml"):
			return p.children(c, cellsIn)
		case isMC(c, "AlternateContent"):
			return p.alternate(c, cellsIn)
		}
		return p.skip(c)
	}
	err = p.children(se, cellsIn)
	return row, deleted, err
}

// cell reads a w:tc.
func (p *docxParser) cell(se xml.StartElement) (docxCell, error) {
	c := docxCell{span: 1}
	err := p.children(se, func(n xml.StartElement) error {
		if isW(n, "tcPr") {
			return p.children(n, func(pr xml.StartElement) error {
				switch {
				case isW(pr, "gridSpan"):
					c.span = min(max(atoiOr(attr(pr, "val"), 1), 1), p.lim.columns)
				case isW(pr, "vMerge"):
					c.vmerge = 2
					if attr(pr, "val") == "restart" {
						c.vmerge = 1
					}
				case isW(pr, "hMerge"):
					if attr(pr, "val") != "restart" {
						c.span = 0 // merged into the cell on its left
					}
				}
				return p.skip(pr)
			})
		}
		return p.story(n, &c.items)
	})
	return c, err
}
