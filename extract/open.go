package extract

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// Open reads the file at path (.pdf, .docx, .doc, .wps, .html, .htm or
// .txt) into a Document, with the default [Limits]. See [NewReader] for
// how the format is chosen and what is returned on failure. Errors are
// *[Error] values whose File is the base name of path.
func Open(path string) (*Document, error) {
	return OpenContext(context.Background(), path, Limits{})
}

// OpenContext is [Open] within limits and a context: when ctx is done,
// the reading stops soon (the cross-reference reader, the content
// interpreter and the layout look at it) and the error wraps ctx.Err().
// Only regular files are read: a FIFO, a device or a folder is refused
// at once rather than waited on.
func OpenContext(ctx context.Context, path string, lim Limits) (*Document, error) {
	name := filepath.Base(path)
	st, err := os.Stat(path)
	if err != nil {
		return nil, &Error{File: name, Err: unwrapPath(err)}
	}
	if !st.Mode().IsRegular() {
		return nil, &Error{File: name, Err: fmt.Errorf("%w (%s)", ErrNotRegular, fileKind(st.Mode()))}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, &Error{File: name, Err: unwrapPath(err)}
	}
	defer f.Close()
	if st, err = f.Stat(); err != nil {
		return nil, &Error{File: name, Err: unwrapPath(err)}
	}
	if !st.Mode().IsRegular() { // replaced since the first look
		return nil, &Error{File: name, Err: fmt.Errorf("%w (%s)", ErrNotRegular, fileKind(st.Mode()))}
	}
	type result struct {
		doc *Document
		err error
	}
	// A small file, as most reports are, is read whole into a buffer
	// that serves one input after another (readPooled), in one system
	// call. A large PDF is read where its objects are, in any order:
	// from the file mapped into memory. Anything else is read once, from
	// start to end, into a copy: a long text's file need not stay mapped
	// (tens of MB resident) while its lines are made into a document.
	if st.Size() > 0 && st.Size() <= readBuffered {
		if b, ok := readPooled(f, st.Size()); ok {
			defer filePool.Put(b)
			return NewReaderContext(ctx, mappedFile(*b), st.Size(), name, lim)
		}
	}
	head := make([]byte, min(st.Size(), 1024))
	if n, _ := f.ReadAt(head, 0); !bytes.Contains(head[:n], []byte("%PDF")) {
		return NewReaderContext(ctx, f, st.Size(), name, lim)
	}
	res := readMapped(f, st.Size(), func(r io.ReaderAt) result {
		doc, err := NewReaderContext(ctx, r, st.Size(), name, lim)
		return result{doc, err}
	})
	return res.doc, res.err
}

// fileKind names what a file that is not a regular file is.
func fileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return m.Type().String()
}

// unwrapPath drops the *fs.PathError layer, whose path would repeat the
// file name that Error already carries, keeping its operation and cause.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}

// NewReader reads a document of the given size from r; the base name of
// name is used for errors and Document.Name, and its extension picks the
// format when the content does not tell.
//
// The content decides the format: a zip archive holding
// word/document.xml is a Word file (.docx), an OLE compound file a Word
// 97–2003 or WPS file (.doc, .wps, read through LibreOffice when it is
// installed, else [ErrNeedsConverter]), markup that opens with <html> or
// an HTML doctype a web page (as is any .htm/.html file that opens with
// a tag); "%PDF" within the first kilobyte makes a PDF; otherwise text
// that is valid UTF-8 (with or without a BOM) or GB18030/GBK is read as
// a plain-text report. An empty file gives [ErrEmpty], binary data that
// is none of these gives [ErrNotPDF], a file past the readers' limits
// (a zip bomb, elements nested thousands deep) [ErrTooLarge].
//
// Every error is an *[Error] with File set to that base name. When some pages of a
// PDF could not be decoded, NewReader returns both the Document built
// from the other pages (and what it could read of the broken ones) and
// an error naming the page (Page set; several broken pages are joined
// in one Error with Page 0). A panic while reading is recovered and
// reported as [ErrDamaged].
func NewReader(r io.ReaderAt, size int64, name string) (doc *Document, err error) {
	return NewReaderContext(context.Background(), r, size, name, Limits{})
}

// NewReaderContext is [NewReader] within limits and a context (see
// [OpenContext]).
func NewReaderContext(ctx context.Context, r io.ReaderAt, size int64, name string, lim Limits) (doc *Document, err error) {
	name = filepath.Base(name)
	defer func() {
		if p := recover(); p != nil {
			doc, err = nil, &Error{File: name, Err: fmt.Errorf("%w: internal error: %v", ErrDamaged, p)}
		}
		if doc != nil {
			// The title outlives the document (in every output's list
			// of files): its own memory, not a piece of a text of tens
			// of MB kept alive by it.
			doc.Title = strings.Clone(doc.Title)
		}
	}()
	if lim.Time > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, lim.Time)
		defer cancel()
	}
	bud := newBudget(ctx, lim)
	if err := bud.cancelled(); err != nil {
		return nil, &Error{File: name, Err: err}
	}
	if size <= 0 {
		return nil, &Error{File: name, Err: ErrEmpty}
	}
	head := make([]byte, min(size, 1024))
	if n, err := r.ReadAt(head, 0); n < len(head) {
		return nil, &Error{File: name, Err: fmt.Errorf("%w: %v", ErrDamaged, err)}
	}
	if doc, ok, err := readByContent(name, r, size, head, bud.lim); ok {
		return doc, err
	}
	if bytes.Contains(head, []byte("%PDF")) {
		return readPDFDocument(bud, name, r, size)
	}
	if size > bud.lim.TextBytes {
		return nil, &Error{File: name, Err: fmt.Errorf("%w: a text file larger than %s", ErrTooLarge, mb(bud.lim.TextBytes))}
	}
	content, err := contentString(r, size)
	if err != nil {
		return nil, &Error{File: name, Err: fmt.Errorf("reading: %w", err)}
	}
	s, repairs, ok := decodeText(content)
	if !ok {
		if strings.EqualFold(filepath.Ext(name), ".pdf") {
			return nil, &Error{File: name, Err: fmt.Errorf("%w: no PDF header", ErrDamaged)}
		}
		return nil, &Error{File: name, Err: ErrNotPDF}
	}
	if strings.TrimSpace(s) == "" {
		return nil, &Error{File: name, Err: ErrEmpty}
	}
	doc, err = readText(name, s)
	if doc != nil {
		doc.Repairs = repairs
	}
	return doc, err
}

// readPDFDocument reads a PDF's glyphs and lays them out. Each page's
// rows are built as soon as it is read and its glyphs released, so that
// the glyphs of only one page are in memory at a time.
func readPDFDocument(bud *budget, name string, r io.ReaderAt, size int64) (*Document, error) {
	return readPDFPacked(bud, name, r, size, packAbove)
}

// readPDFPacked is readPDFDocument that packs the rows held past pack
// glyphs (negative: never; see heldPages).
func readPDFPacked(bud *budget, name string, r io.ReaderAt, size int64, pack int) (*Document, error) {
	held := heldPages{packAbove: pack}
	var release func() // of the batch's leave to hold much memory (Limits.Heavy)
	defer func() {
		if release != nil {
			release()
		}
	}()
	// The rows' glyphs come from the arena until the document's rows are
	// packed (a long document: its rows then go as soon as they are
	// packed, not at the end); the arena goes once the layout is done.
	var arena glyphArena
	defer arena.release()
	raw, repairs, err := readPDFWith(bud, name, r, size, func(p *rawPage) {
		a := &arena
		if held.packing {
			a = nil
		}
		pr := pageRowsOf(p, a)
		bud.keptGlyphs(rowGlyphs(pr.rows))
		own := *p // the page without its glyphs, for the layout
		own.Glyphs = nil
		pr.raw = &own
		held.add(pr)
		p.Glyphs = nil
		if held.packing && release == nil && bud.lim.Heavy != nil {
			rel, err := bud.lim.Heavy(bud.ctx)
			if err != nil {
				bud.ctxErr = err // stops the reading at the next page
				rel = func() {}
			}
			release = rel
		}
	})
	if err != nil && len(raw) == 0 {
		var e *Error
		if errors.As(err, &e) {
			if e.File == "" {
				e.File = name
			}
			return nil, e
		}
		return nil, &Error{File: name, Err: err}
	}
	doc, perr := layoutPages(bud, name, &held)
	if perr != nil {
		var e *Error
		switch {
		case err != nil && errors.As(err, &e):
			return nil, e // the reader's error says more than "no text"
		case err != nil:
			return nil, &Error{File: name, Err: err}
		case errors.Is(perr, ErrNoText) && errors.As(perr, &e):
			e.Pages = len(raw)
		}
		return nil, perr
	}
	doc.Format = "pdf"
	doc.Repairs = repairs
	return doc, pageErrors(name, raw, err)
}

// pageErrors collects the problems of single pages (and a document-level
// err that came with pages) into one *Error, or nil.
func pageErrors(name string, raw []rawPage, err error) error {
	var errs []error
	first := 0
	for _, p := range raw {
		if p.Err == nil {
			continue
		}
		var e *Error
		if errors.As(p.Err, &e) {
			e.File, e.Page = name, p.Number
		} else {
			e = &Error{File: name, Page: p.Number, Err: p.Err}
		}
		if first == 0 {
			first = p.Number
		}
		errs = append(errs, e)
	}
	if err != nil {
		errs = append(errs, err)
	}
	switch {
	case len(errs) == 0:
		return nil
	case len(errs) == 1 && first != 0:
		return errs[0]
	case len(errs) == 1 && errors.As(errs[0], new(*Error)):
		return errs[0] // already names the file
	}
	return &Error{File: name, Err: errors.Join(errs...)}
}

// layoutDocument turns the glyphs of the pages into a Document: rows,
// running headers and footers dropped, columns, paragraphs. It fails
// with ErrNoText when no page has any text; a document whose only text
// is a chart's labels (a chart printed from Excel) has no paragraphs.
func layoutDocument(name string, raw []rawPage) (*Document, error) {
	return layoutBudget(newBudget(context.Background(), Limits{}), name, raw)
}

// layoutBudget is layoutDocument that stops when the budget's context
// ends.
func layoutBudget(bud *budget, name string, raw []rawPage) (*Document, error) {
	held := heldPages{packAbove: -1}
	for i := range raw {
		if err := bud.checkCtx(); err != nil && isContextErr(err) {
			return nil, &Error{File: name, Err: err}
		}
		held.add(pageRowsOf(&raw[i], nil))
	}
	return layoutPages(bud, name, &held)
}

// pageRowsOf turns page p upright (see upright) and groups its glyphs
// into rows, whose glyphs are taken from a (nil: the heap).
func pageRowsOf(p *rawPage, a *glyphArena) pageRows {
	*p = upright(*p)
	rows, em := buildRows(*p, a)
	return pageRows{raw: p, rows: rows, em: em}
}

// layoutPages lays out the rows of the pages of a document (see
// layoutDocument), stopping when the budget's context ends.
func layoutPages(bud *budget, name string, held *heldPages) (*Document, error) {
	prs := make([]pageRows, len(held.pages)) // what dropRunning looks at
	pages := make([]Page, len(held.pages))
	for i, h := range held.pages {
		prs[i] = h.pageRows
		pages[i] = Page{Number: h.raw.Number, Width: h.raw.Width, Height: h.raw.Height}
	}
	drop, dropped := dropRunning(prs)
	prs = nil
	var cols []column
	var frags []pageTable
	charted := false // some page's text was all chart labels
	for i := range held.pages {
		if err := bud.checkCtx(); err != nil && isContextErr(err) {
			return nil, &Error{File: name, Err: err}
		}
		p := &held.pages[i]
		pages[i].Dropped = dropped[i]
		rows, mask := held.rowsOf(p, drop[i])
		var kept []row
		var furniture []float64
		for ri, r := range rows {
			if !mask[ri] {
				kept = append(kept, r)
			} else {
				furniture = append(furniture, r.y)
			}
		}
		segs, tables, charts := pageLayout(p.raw, kept, p.em, furniture, len(frags))
		frags = append(frags, tables...)
		pages[i].Dropped = append(pages[i].Dropped, charts...)
		charted = charted || len(charts) > 0
		for _, seg := range segs {
			cols = append(cols, column{page: p.raw.Number, mid: p.raw.OffsetX + p.raw.Width/2, lines: seg})
		}
		p.rows, p.packed = nil, nil // laid out: its lines stand for it now
	}
	if err := bud.cancelled(); err != nil && isContextErr(err) {
		return nil, &Error{File: name, Err: err}
	}
	paras, tables := joinTables(buildParagraphs(cols), frags)
	if err := bud.cancelled(); err != nil && isContextErr(err) {
		return nil, &Error{File: name, Err: err}
	}
	if len(paras) == 0 && !charted {
		return nil, &Error{File: name, Err: ErrNoText}
	}
	doc := assemble(name, pages, paras, tables)
	doc.Title = coverTitle(paras, bodySize(cols))
	return doc, nil
}

// assemble builds the Document from its pages and paragraphs: the clean
// text, the rune offset of each paragraph and each page's [Start, End).
//
// tables are the tables that paragraphs with a table index stand for
// (see tableParas); assemble sets their offsets and the Document keeps them.
func assemble(name string, pages []Page, paras []para, tables []Table) *Document {
	doc := &Document{Name: name, Pages: pages, Paragraphs: make([]Paragraph, len(paras)), Tables: tables}
	var b strings.Builder
	n := 0
	for _, p := range paras {
		n += len(p.text) + 1
	}
	b.Grow(n)
	off := 0
	ends := make([]int, len(paras)) // where each paragraph ends in doc.Text, in bytes
	for i, p := range paras {
		if i > 0 {
			b.WriteByte('\n')
			off++
		}
		doc.Paragraphs[i] = Paragraph{Text: p.text, Page: p.page, Offset: off, Heading: p.heading, Table: p.table}
		b.WriteString(p.text)
		ends[i] = b.Len()
		off += utf8.RuneCountInString(p.text)
	}
	doc.Text = b.String()
	// The paragraphs' texts are doc.Text's own memory, not a second copy
	// of the text (the lines they were built from can go).
	for i := range doc.Paragraphs {
		p := &doc.Paragraphs[i]
		p.Text = doc.Text[ends[i]-len(p.Text) : ends[i]]
	}
	placeTables(doc, paras)
	// A page's text runs from where its first line (of a paragraph
	// begun there or continued from an earlier page) stands to where the
	// next page's text begins; a page without text is empty.
	starts := map[int]int{}
	mark := func(page, pos int) {
		if _, ok := starts[page]; !ok {
			starts[page] = pos
		}
	}
	for i, p := range paras {
		mark(p.page, doc.Paragraphs[i].Offset)
		for _, br := range p.breaks {
			mark(br.page, doc.Paragraphs[i].Offset+br.at)
		}
	}
	next := off
	for i := len(doc.Pages) - 1; i >= 0; i-- {
		pg := &doc.Pages[i]
		pg.End = next
		if s, ok := starts[pg.Number]; ok && s <= next {
			next = s
		}
		pg.Start = next
	}
	return doc
}
