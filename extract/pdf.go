package extract

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"sync"

	"github.com/ledongthuc/pdf"
)

// readPDF reads the glyphs of every page of the PDF in r with the
// default limits; see readPDFWith.
func readPDF(name string, r io.ReaderAt, size int64) ([]rawPage, error) {
	pages, _, err := readPDFWith(newBudget(context.Background(), Limits{}), name, r, size, nil)
	return pages, err
}

// readPDFWith reads the glyphs of every page of the PDF in r within the
// budget. ledongthuc/pdf serves only as the object layer (objects,
// filters); the file structure is checked, and mended when broken, by
// mend; content streams, fonts and CMaps are decoded by this package
// because the library's text APIs corrupt Chinese text (research notes §1).
//
// A problem on one page is recorded in that page's Err and the other
// pages still come out. The error is non-nil when the file as a whole
// cannot be read, or has no text at all (ErrNoText, ErrEmpty), when
// most of its text cannot be decoded (ErrUndecoded, with the pages), or
// when a document limit stopped the reading (ErrTooLarge, with the pages
// read). repairs lists what had to be mended to read the file.
//
// each, when not nil, is given every page as soon as it is read, before
// the next one is: it may take the page's glyphs (set Glyphs to nil) once
// it has built what it needs from them, so that a long document never
// holds the glyphs of all its pages at once; their memory then serves
// the next page.
func readPDFWith(bud *budget, name string, r io.ReaderAt, size int64, each func(*rawPage)) (pages []rawPage, repairs []string, err error) {
	fail := func(cause error, detail string) error {
		if detail == "" {
			return &Error{File: name, Err: cause}
		}
		return &Error{File: name, Err: fmt.Errorf("%w: %s", cause, detail)}
	}
	if size <= 0 {
		return nil, nil, fail(ErrEmpty, "")
	}
	if size > bud.lim.FileBytes {
		return nil, nil, fail(ErrTooLarge, fmt.Sprintf("the file is larger than %s", mb(bud.lim.FileBytes)))
	}
	b, err := contentOf(r, size)
	if err != nil {
		return nil, nil, &Error{File: name, Err: err}
	}
	truncated := bytes.LastIndex(b, []byte("%%EOF")) < 0 // (from the end: the rest of a mapped file stays unread)
	b, err = sanitize(b)
	if err != nil {
		return nil, nil, fail(ErrNotPDF, "no %PDF- header in the first 1 KB")
	}
	m, err := mend(b, bud)
	switch {
	case err == nil:
	case isContextErr(err) || errors.Is(err, ErrTooLarge):
		return nil, nil, &Error{File: name, Err: err}
	case errors.Is(err, ErrEncrypted):
		return nil, nil, fail(ErrEncrypted, "")
	case errors.Is(err, errUnsupportedCrypt):
		return nil, nil, fail(ErrEncrypted, shortErr(err))
	default:
		return nil, nil, fail(ErrDamaged, openDetail(err, truncated))
	}
	repairs = m.repairs
	doc, err := openPDF(m.b)
	if err != nil {
		return nil, repairs, fail(ErrDamaged, openDetail(err, truncated))
	}
	doc.bud = bud
	pages, stop := doc.pages(name, each)
	doc.release()
	if pages == nil {
		return nil, repairs, stop
	}
	if truncated {
		stop = joinErr(stop, fail(ErrTruncated, "text was recovered but may be incomplete"))
	}
	if noGlyphs(pages) {
		images := 0
		for _, p := range pages {
			images += p.Images
		}
		if images > 0 {
			return pages, repairs, &Error{File: name, Err: ErrNoText, Pages: len(pages)}
		}
		if stop != nil {
			return pages, repairs, stop
		}
		for _, p := range pages {
			if p.Err != nil && errors.Is(p.Err, ErrTooLarge) {
				return pages, repairs, &Error{File: name, Err: errors.Unwrap(p.Err)}
			}
		}
		for _, p := range pages {
			if p.Err != nil {
				return pages, repairs, fail(ErrDamaged, shortErr(p.Err))
			}
		}
		return pages, repairs, fail(ErrEmpty, "")
	}
	if mostlyUnknown(pages) {
		return pages, repairs, joinErr(fail(ErrUndecoded, fmt.Sprintf("%d of %d characters unknown", countUnknown(pages), countGlyphs(pages))), stop)
	}
	return pages, repairs, stop
}

// joinErr joins two errors of the whole file, either of which may be nil.
func joinErr(a, b error) error {
	switch {
	case a == nil:
		return b
	case b == nil:
		return a
	}
	return errors.Join(a, b)
}

// isContextErr reports a cancelled or timed-out context.
func isContextErr(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}

// openDetail explains why a file could not be opened, even after repair.
func openDetail(err error, truncated bool) string {
	if truncated {
		return "truncated file (no %%EOF): could not be rebuilt (" + shortErr(err) + ")"
	}
	return shortErr(err)
}

// countUnknown counts glyphs that decoded to U+FFFD.
func countUnknown(pages []rawPage) int {
	n := 0
	for _, p := range pages {
		n += p.nUnknown
	}
	return n
}

// mostlyUnknown reports whether more than a tenth of the glyphs could not
// be decoded: a sign of fonts lost to a damaged or hybrid xref.
func mostlyUnknown(pages []rawPage) bool {
	return countUnknown(pages)*10 > countGlyphs(pages)
}

func noGlyphs(pages []rawPage) bool { return countGlyphs(pages) == 0 }

func countGlyphs(pages []rawPage) int {
	n := 0
	for _, p := range pages {
		n += p.nGlyphs
	}
	return n
}

// A pdfDoc is one open PDF with the caches ledongthuc/pdf lacks: it
// re-parses an object on every access.
type pdfDoc struct {
	r       *pdf.Reader
	bud     *budget
	res     map[uint64]*pdfResources // by the object holding them
	fonts   map[fontKey]*font
	forms   map[uint64]*formXObject
	images  map[uint64]bool
	spare   []Glyph // the memory of a page's glyphs released by pages' each, for the next page
	content []byte  // the memory of the page's content, for the next page (see contents)

	dicts map[uint64]pdf.Value // font and XObject dictionaries read, by object (see shared)

	b   []byte    // the file, when streams may be decoded from it (see flateData)
	inf *inflater // decodes the FlateDecode streams, from b
}

// glyphPool holds the memory of pages' glyphs between documents
// (*[]Glyph, empty and cleared).
var glyphPool sync.Pool

type fontKey struct {
	obj  uint64
	name string
}

// openPDF opens mended bytes (see mend), which are never encrypted.
func openPDF(b []byte) (d *pdfDoc, err error) {
	defer func() {
		if x := recover(); x != nil {
			err = fmt.Errorf("malformed PDF: %v", x)
		}
	}()
	r, err := pdf.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, err
	}
	if r.Trailer().Kind() != pdf.Dict {
		return nil, errors.New("malformed PDF: no trailer")
	}
	d = &pdfDoc{
		r:      r,
		bud:    newBudget(context.Background(), Limits{}),
		fonts:  map[fontKey]*font{},
		forms:  map[uint64]*formXObject{},
		images: map[uint64]bool{},
	}
	if plainReader(r) {
		d.b = b
	}
	return d, nil
}

// A pageNode is a leaf of the page tree with its inherited attributes.
type pageNode struct {
	v         pdf.Value
	res       pdf.Value
	mediaBox  pdf.Value
	cropBox   pdf.Value
	rotate    int64
	hasRotate bool
}

// walkPages lists the pages in order, walking the tree once (Page(i)
// walks it from the root on every call). It stops after the Pages limit
// and reports whether the tree holds more.
func (d *pdfDoc) walkPages() (out []pageNode, more bool) {
	limit := d.bud.lim.Pages
	seen := map[uint64]bool{}
	var walk func(v pdf.Value, inh pageNode, depth int)
	walk = func(v pdf.Value, inh pageNode, depth int) {
		if depth > 64 || more || v.Kind() != pdf.Dict || d.bud.checkCtx() != nil {
			return
		}
		if id := objID(v); id != 0 {
			if seen[id] {
				return
			}
			seen[id] = true
		}
		if r := d.shared(v, "Resources"); r.Kind() == pdf.Dict {
			inh.res = r
		}
		if mb := v.Key("MediaBox"); mb.Kind() == pdf.Array {
			inh.mediaBox = mb
		}
		if cb := v.Key("CropBox"); cb.Kind() == pdf.Array {
			inh.cropBox = cb
		}
		if rot := v.Key("Rotate"); rot.Kind() == pdf.Integer || rot.Kind() == pdf.Real {
			inh.rotate = int64(rot.Float64())
		}
		kids := v.Key("Kids")
		if v.Key("Type").Name() == "Pages" || kids.Kind() == pdf.Array && v.Key("Type").Name() != "Page" {
			for i := 0; i < kids.Len(); i++ {
				walk(kids.Index(i), inh, depth+1)
			}
			return
		}
		if len(out) >= limit {
			more = true
			return
		}
		inh.v = v
		out = append(out, inh)
	}
	walk(d.r.Trailer().Key("Root").Key("Pages"), pageNode{}, 0)
	return out, more
}

// pages extracts every page, giving each one to each (when not nil; see
// readPDFWith) as it is read. A page that fails records its error and
// keeps the glyphs read before the failure. The error is non-nil, with
// the pages read, when a document limit stopped the reading; it is
// non-nil with no pages when none could be found or the context ended.
func (d *pdfDoc) pages(name string, each func(*rawPage)) (out []rawPage, err error) {
	defer func() {
		if x := recover(); x != nil {
			out, err = nil, &Error{File: name, Err: damaged(fmt.Errorf("page tree: %v", x))}
		}
	}()
	if each != nil {
		// The glyphs' memory goes from page to page, and from document
		// to document (a buffer grown for a page serves the next
		// report).
		if p, ok := glyphPool.Get().(*[]Glyph); ok {
			d.spare = *p
		}
		defer func() {
			if spare := d.spare; spare != nil {
				d.spare = nil
				glyphPool.Put(&spare)
			}
		}()
	}
	nodes, more := d.walkPages()
	if err := d.bud.cancelled(); err != nil {
		return nil, &Error{File: name, Err: err}
	}
	if len(nodes) == 0 {
		return nil, &Error{File: name, Err: fmt.Errorf("%w: no pages found", ErrDamaged)}
	}
	out = make([]rawPage, 0, len(nodes))
	for i, n := range nodes {
		if err := d.bud.stopped(); err != nil {
			if isContextErr(err) {
				return nil, &Error{File: name, Err: err}
			}
			// A document limit: the pages read so far stand.
			err = fmt.Errorf("%w; reading stopped at page %d of %d", err, i+1, len(nodes))
			return out, &Error{File: name, Err: err}
		}
		p := d.page(name, i+1, n)
		if each != nil {
			buf := p.Glyphs
			each(&p)
			if p.Glyphs == nil {
				clear(buf) // (no text kept alive from here)
				d.spare = buf[:0]
			}
		}
		out = append(out, p)
	}
	if err := d.bud.cancelled(); err != nil {
		return nil, &Error{File: name, Err: err}
	}
	if more {
		declared := d.r.Trailer().Key("Root").Key("Pages").Key("Count").Int64()
		err := tooLarge("more than %d pages", d.bud.lim.Pages)
		if declared > int64(d.bud.lim.Pages) {
			err = fmt.Errorf("%w (%d declared); only the first %d were read", err, declared, d.bud.lim.Pages)
		} else {
			err = fmt.Errorf("%w; only the first %d were read", err, d.bud.lim.Pages)
		}
		return out, &Error{File: name, Err: err}
	}
	return out, nil
}

// box reads a rectangle, normalized so that x0 < x1 and y0 < y1.
func box(v pdf.Value) (x0, y0, x1, y1 float64, ok bool) {
	if v.Kind() != pdf.Array || v.Len() < 4 {
		return 0, 0, 0, 0, false
	}
	x0, y0, x1, y1 = v.Index(0).Float64(), v.Index(1).Float64(), v.Index(2).Float64(), v.Index(3).Float64()
	if x0 > x1 {
		x0, x1 = x1, x0
	}
	if y0 > y1 {
		y0, y1 = y1, y0
	}
	return x0, y0, x1, y1, x1-x0 > 1 && y1-y0 > 1
}

func (d *pdfDoc) page(name string, num int, n pageNode) (p rawPage) {
	p.Number = num
	x0, y0, x1, y1, ok := box(n.cropBox)
	if !ok {
		x0, y0, x1, y1, ok = box(n.mediaBox)
	}
	if !ok {
		x0, y0, x1, y1 = 0, 0, 595.28, 841.89 // A4, the default for Chinese reports
	}
	p.Width, p.Height, p.OffsetX, p.OffsetY = x1-x0, y1-y0, x0, y0
	ctm := identity
	// A rotated page is turned upright here, so that the layout stage
	// always sees horizontal lines; its box then starts at 0, 0.
	switch rot := ((n.rotate % 360) + 360) % 360; rot {
	case 90:
		ctm = matrix{0, -1, 1, 0, -y0, x1}
	case 180:
		ctm = matrix{-1, 0, 0, -1, x1, y1}
	case 270:
		ctm = matrix{0, 1, -1, 0, y1, -x0}
	}
	if ctm != identity {
		p.OffsetX, p.OffsetY = 0, 0
		if ctm[0] == 0 {
			p.Width, p.Height = p.Height, p.Width
		}
	}

	d.bud.startPage()
	in := &interp{bud: d.bud, glyphs: d.spare}
	d.spare = nil
	defer func() {
		if x := recover(); x != nil {
			p.Err = &Error{File: name, Page: num, Err: damaged(fmt.Errorf("%v", x))}
		}
		p.Glyphs, p.Images, p.Rules, p.Shapes = in.glyphs, in.images, in.rules, in.shapes
		p.nGlyphs = len(p.Glyphs)
		for _, g := range p.Glyphs {
			if g.Text == "\uFFFD" {
				p.nUnknown++
			}
		}
		// A limit ends the page where it was hit: a loss to report.
		if err := d.bud.err(); err != nil && p.Err == nil && !isContextErr(err) {
			p.Err = &Error{File: name, Page: num, Err: err}
		}
	}()
	content, cerr := d.contents(n.v.Key("Contents"))
	res := d.resourcesOf(n.res)
	in.run(content, res, gstate{ctm: ctm, th: 1, lw: 1})
	if cerr != nil && d.bud.err() == nil {
		p.Err = &Error{File: name, Page: num, Err: damaged(cerr)}
	}
	return p
}

// contents reads a page's content stream, or the concatenation of an
// array of them. On a decoding error the bytes read so far are kept; a
// limit stops the reading. The bytes are the document's content buffer,
// which serves the next page: they are only valid until then (the
// interpreter keeps nothing of them).
func (d *pdfDoc) contents(v pdf.Value) ([]byte, error) {
	if d.content == nil {
		if b, ok := contentPool.Get().(*[]byte); ok {
			d.content = *b
		}
	}
	buf := d.content[:0]
	var err error
	switch v.Kind() {
	case pdf.Stream:
		buf, err = d.readStreamTo(buf, v)
	case pdf.Array:
		for i := 0; i < v.Len() && d.bud.err() == nil; i++ {
			var serr error
			buf, serr = d.readStreamTo(buf, v.Index(i))
			buf = append(buf, '\n') // streams may split anywhere but between tokens
			if serr != nil && err == nil {
				err = serr
			}
		}
	default:
		return nil, nil
	}
	d.content = buf
	return buf, err
}

// contentPool holds content buffers between documents (*[]byte).
var contentPool sync.Pool

// readStream returns the decoded data of stream v, charging it to the
// budget: it stops at the stream limit, or when a page or document
// limit is spent, keeping what was decoded. ledongthuc/pdf panics on
// unknown filters and predictors; that becomes an error here.
func (d *pdfDoc) readStream(v pdf.Value) ([]byte, error) {
	return d.readStreamTo(nil, v)
}

// readStreamTo is readStream appending the data to dst; on a failure
// before any data, dst is returned as it was.
func (d *pdfDoc) readStreamTo(dst []byte, v pdf.Value) (b []byte, err error) {
	start := len(dst)
	defer func() {
		if x := recover(); x != nil {
			b, err = dst[:start], fmt.Errorf("stream: %v", x)
		}
	}()
	limit := d.bud.lim.StreamBytes
	var r io.Reader
	size := 512
	if data, a85, ok := d.flateData(v); ok {
		zr, err := d.inflate(data, a85)
		if err != nil {
			return dst, fmt.Errorf("stream: %w", err)
		}
		r = zr
		// A content stream inflates to four or five times its size.
		size = int(min(4*int64(len(data))+512, limit+1, 8<<20))
	} else {
		rc := v.Reader()
		defer rc.Close()
		r = rc
	}
	b, err = readAllTo(dst, io.LimitReader(&countingReader{r: r, bud: d.bud}, limit+1), size)
	switch {
	case int64(len(b)-start) > limit:
		b, err = b[:start+int(limit)], tooLarge("a stream decodes to more than %s", limit)
		if d.bud.pageErr == nil {
			d.bud.pageErr = err
		}
	case err != nil && d.bud.err() == nil:
		err = fmt.Errorf("stream: %w", err)
	}
	return b, err
}

func (d *pdfDoc) readStreamQuiet(v pdf.Value) []byte {
	b, _ := d.readStream(v)
	return b
}

// resourcesOf returns the resources of a page, v: those of the pages
// before it when they are the same dictionary (most producers share one
// among all pages, or inherit it from the page tree). Every name a page
// looks up in them (a font, an image) is an object ledongthuc parses
// again from the file each time: a sixth of the time of reading a
// report went to looking up the fonts of each page anew.
func (d *pdfDoc) resourcesOf(v pdf.Value) *pdfResources {
	id := objID(v)
	if id == 0 {
		return &pdfResources{doc: d, v: v}
	}
	if r, ok := d.res[id]; ok {
		return r
	}
	if d.res == nil {
		d.res = make(map[uint64]*pdfResources)
	}
	r := &pdfResources{doc: d, v: v}
	d.res[id] = r
	return r
}

// pdfResources is a resource dictionary backed by ledongthuc values,
// memoizing lookups per name.
type pdfResources struct {
	doc      *pdfDoc
	v        pdf.Value
	fontDict *pdf.Value
	xobjDict *pdf.Value
	fonts    map[string]*font
}

func (r *pdfResources) font(name string) *font {
	if f, ok := r.fonts[name]; ok {
		return f
	}
	if r.fontDict == nil {
		fd := r.doc.shared(r.v, "Font")
		r.fontDict = &fd
	}
	if id, ok := indirect(*r.fontDict, name); ok {
		// A font loaded for another page is not looked up again (pages
		// with resources of their own share their fonts' objects).
		if f, ok := r.doc.fonts[fontKey{id, name}]; ok {
			r.memo(name, f)
			return f
		}
	}
	fv := r.fontDict.Key(name)
	var f *font
	if fv.Kind() == pdf.Dict {
		// Keyed by the holding object and the name: an indirect font is
		// its own object; a direct one is unique within its container.
		k := fontKey{objID(fv), name}
		if cached, ok := r.doc.fonts[k]; ok && k.obj != 0 {
			f = cached
		} else {
			f = safeLoadFont(fv, name, r.doc.readStreamQuiet)
			r.doc.fonts[k] = f
		}
	}
	r.memo(name, f)
	return f
}

// memo keeps the font of a name for the next lookups.
func (r *pdfResources) memo(name string, f *font) {
	if r.fonts == nil {
		r.fonts = map[string]*font{}
	}
	r.fonts[name] = f
}

// safeLoadFont loads a font; a font object that makes ledongthuc panic
// becomes nil (the stand-in font) instead of losing the rest of the page.
func safeLoadFont(v pdf.Value, name string, read func(pdf.Value) []byte) (f *font) {
	defer func() {
		if recover() != nil {
			f = nil
		}
	}()
	return loadFont(v, name, read)
}

func (r *pdfResources) xobject(name string) (form *formXObject, image bool) {
	defer func() {
		if recover() != nil {
			form, image = nil, false // a broken XObject paints nothing
		}
	}()
	if r.xobjDict == nil {
		xd := r.doc.shared(r.v, "XObject")
		r.xobjDict = &xd
	}
	if id, ok := indirect(*r.xobjDict, name); ok {
		if r.doc.images[id] {
			return nil, true
		}
		if f, ok := r.doc.forms[id]; ok {
			return f, false
		}
	}
	xv := r.xobjDict.Key(name)
	if xv.Kind() != pdf.Stream {
		return nil, false
	}
	id := objID(xv)
	if id != 0 { // 0: objID could not tell; don't cache
		if r.doc.images[id] {
			return nil, true
		}
		if f, ok := r.doc.forms[id]; ok {
			return f, false
		}
	}
	switch xv.Key("Subtype").Name() {
	case "Image":
		r.doc.images[id] = true
		return nil, true
	case "Form":
	default:
		return nil, false
	}
	content, _ := r.doc.readStream(xv) // keep what decoded
	f := &formXObject{id: id, content: content, matrix: identity}
	if m := xv.Key("Matrix"); m.Kind() == pdf.Array && m.Len() == 6 {
		for i := range 6 {
			f.matrix[i] = m.Index(i).Float64()
		}
		if !finite(f.matrix) {
			f.matrix = identity
		}
	}
	if rv := xv.Key("Resources"); rv.Kind() == pdf.Dict {
		f.res = &pdfResources{doc: r.doc, v: rv}
	}
	// A large form is read again each time it is painted, and charged
	// again: kept, sixty forms of 255 MB would stay in memory.
	if len(content) <= maxCachedForm {
		r.doc.forms[id] = f
	}
	return f, false
}

// maxCachedForm bounds the decoded content of a form kept for reuse.
const maxCachedForm = 1 << 20

func finite(m matrix) bool {
	for _, x := range m {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return false
		}
	}
	return true
}

// shared returns the entry key of dictionary v, read once per document
// when it is an indirect object: the resources that every page names
// (LibreOffice writes "/Resources 48 0 R" on each page; a fifth of the
// objects read from a batch of its files were these), or a font or
// XObject dictionary that the resources of every page name (ReportLab
// writes resources of its own on each page, with "/Font 1 0 R").
func (d *pdfDoc) shared(v pdf.Value, key string) pdf.Value {
	id, ok := indirect(v, key)
	if !ok {
		return v.Key(key)
	}
	if x, ok := d.dicts[id]; ok {
		return x
	}
	x := v.Key(key)
	if d.dicts == nil {
		d.dicts = make(map[uint64]pdf.Value)
	}
	d.dicts[id] = x
	return x
}
