package extract

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"

	"github.com/ledongthuc/pdf"
)

// readPDF reads the glyphs of every page of the PDF in r. ledongthuc/pdf
// serves only as the object layer (xref, objects, filters, decryption);
// content streams, fonts and CMaps are decoded by this package because
// the library's text APIs corrupt Chinese text (research notes §1).
//
// A problem on one page is recorded in that page's Err and the other
// pages still come out. The error is non-nil when the file as a whole
// cannot be read, or has no text at all (ErrNoText, ErrEmpty), or when
// most of its text cannot be decoded (ErrUndecoded, with the pages).
func readPDF(name string, r io.ReaderAt, size int64) ([]rawPage, error) {
	fail := func(cause error, detail string) error {
		if detail == "" {
			return &Error{File: name, Err: cause}
		}
		return &Error{File: name, Err: fmt.Errorf("%w: %s", cause, detail)}
	}
	if size <= 0 {
		return nil, fail(ErrEmpty, "")
	}
	b, err := io.ReadAll(io.NewSectionReader(r, 0, size))
	if err != nil {
		return nil, &Error{File: name, Err: err}
	}
	truncated := !bytes.Contains(b, []byte("%%EOF"))
	b, err = sanitize(b)
	if err != nil {
		return nil, fail(ErrNotPDF, "no %PDF- header in the first 1 KB")
	}

	if err := checkSizes(b); err != nil {
		return nil, fail(ErrDamaged, err.Error())
	}
	doc, openErr := openPDF(b)
	repaired := false
	if openErr != nil {
		if errors.Is(openErr, pdf.ErrInvalidPassword) {
			// Maybe only an owner password, in an encryption scheme
			// ledongthuc cannot handle; pdfcpu tries the empty password.
			rb, err := repair(b, true)
			if err != nil {
				return nil, fail(ErrEncrypted, "")
			}
			doc, openErr = openPDF(rb)
		} else {
			rb, err := repair(b, bytes.Contains(b, []byte("/Encrypt")))
			switch {
			case err != nil && isPasswordErr(err):
				return nil, fail(ErrEncrypted, "")
			case err != nil:
				return nil, fail(ErrDamaged, openDetail(openErr, truncated))
			}
			doc, openErr = openPDF(rb)
		}
		if openErr != nil {
			return nil, fail(ErrDamaged, openDetail(openErr, truncated))
		}
		repaired = true
	}
	if !repaired && (doc.rc440 || bytes.Contains(b, []byte("/XRefStm"))) {
		// RC4-40 opens but ledongthuc decrypts no stream correctly. A
		// hybrid-reference file (Microsoft Word writes them) keeps objects
		// in a cross-reference stream ledongthuc never reads, so fonts or
		// pages go missing. pdfcpu rewrites both as plain files.
		if rb, rerr := repair(b, doc.encrypted); rerr == nil {
			if d2, oerr := openPDF(rb); oerr == nil {
				doc, repaired = d2, true
			}
		}
	}
	pages, err := doc.pages(name)
	if !repaired && (err != nil || noGlyphs(pages) && (anyErr(pages) || doc.encrypted) || mostlyUnknown(pages)) {
		// Broken xref offsets can open and then fail on every object;
		// decryption can fail silently; missing objects leave fonts
		// undecodable. Retry through pdfcpu and keep the better result.
		if rb, rerr := repair(b, doc.encrypted); rerr == nil {
			if d2, oerr := openPDF(rb); oerr == nil {
				if p2, err2 := d2.pages(name); err2 == nil && better(p2, pages) {
					pages, err = p2, nil
				}
			}
		}
	}
	if err != nil {
		return nil, err
	}
	if truncated && repaired {
		return pages, fail(ErrDamaged, "truncated file (no %%EOF): text was recovered but may be incomplete")
	}
	if noGlyphs(pages) {
		images := 0
		for _, p := range pages {
			images += p.Images
		}
		if images > 0 {
			return pages, fail(ErrNoText, "")
		}
		for _, p := range pages {
			if p.Err != nil {
				return pages, fail(ErrDamaged, shortErr(p.Err))
			}
		}
		return pages, fail(ErrEmpty, "")
	}
	if mostlyUnknown(pages) {
		return pages, fail(ErrUndecoded, fmt.Sprintf("%d of %d characters unknown", countUnknown(pages), countGlyphs(pages)))
	}
	return pages, nil
}

// openDetail explains why a file could not be opened, even after repair.
func openDetail(err error, truncated bool) string {
	if truncated {
		return "truncated file (no %%EOF) that could not be rebuilt"
	}
	return shortErr(err)
}

// countUnknown counts glyphs that decoded to U+FFFD.
func countUnknown(pages []rawPage) int {
	n := 0
	for _, p := range pages {
		for _, g := range p.Glyphs {
			if g.Text == "\uFFFD" {
				n++
			}
		}
	}
	return n
}

// mostlyUnknown reports whether more than a tenth of the glyphs could not
// be decoded: a sign of fonts lost to a damaged or hybrid xref.
func mostlyUnknown(pages []rawPage) bool {
	return countUnknown(pages)*10 > countGlyphs(pages)
}

// better reports whether a is a better reading than b: more decoded
// glyphs.
func better(a, b []rawPage) bool {
	return countGlyphs(a)-countUnknown(a) > countGlyphs(b)-countUnknown(b)
}

func noGlyphs(pages []rawPage) bool { return countGlyphs(pages) == 0 }

func countGlyphs(pages []rawPage) int {
	n := 0
	for _, p := range pages {
		n += len(p.Glyphs)
	}
	return n
}

func anyErr(pages []rawPage) bool {
	for _, p := range pages {
		if p.Err != nil {
			return true
		}
	}
	return false
}

// A pdfDoc is one open PDF with the caches ledongthuc/pdf lacks: it
// re-parses an object on every access.
type pdfDoc struct {
	r         *pdf.Reader
	encrypted bool
	rc440     bool // 40-bit RC4, which ledongthuc cannot decrypt
	fonts     map[fontKey]*font
	forms     map[uint64]*formXObject
	images    map[uint64]bool
}

type fontKey struct {
	obj  uint64
	name string
}

// openPDF opens sanitized bytes, trying the empty user password.
func openPDF(b []byte) (d *pdfDoc, err error) {
	defer func() {
		if x := recover(); x != nil {
			err = fmt.Errorf("malformed PDF: %v", x)
		}
	}()
	// The empty password opens files protected by an owner password only;
	// answering "" again tells ledongthuc to stop asking.
	r, err := pdf.NewReaderEncrypted(bytes.NewReader(b), int64(len(b)), func() string { return "" })
	if err != nil {
		return nil, err
	}
	if r.Trailer().Kind() != pdf.Dict {
		return nil, errors.New("malformed PDF: no trailer")
	}
	enc := r.Trailer().Key("Encrypt")
	return &pdfDoc{
		r:         r,
		encrypted: enc.Kind() != pdf.Null,
		rc440:     enc.Kind() == pdf.Dict && (enc.Key("V").Int64() == 1 || enc.Key("Length").Int64() == 40),
		fonts:     map[fontKey]*font{},
		forms:     map[uint64]*formXObject{},
		images:    map[uint64]bool{},
	}, nil
}

// objID returns the number and generation of the indirect object that
// holds v (v itself when it is indirect). ledongthuc/pdf keeps this in an
// unexported field; reflect reads it without modifying anything.
func objID(v pdf.Value) uint64 {
	p := reflect.ValueOf(v).FieldByName("ptr")
	if !p.IsValid() {
		return 0
	}
	id, gen := p.FieldByName("id"), p.FieldByName("gen")
	if !id.IsValid() || !gen.IsValid() {
		return 0
	}
	return id.Uint()<<16 | gen.Uint()
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

const (
	maxPages  = 100000
	maxStream = 256 << 20 // decoded bytes per stream: a Flate bomb stops here
)

// walkPages lists the pages in order, walking the tree once (Page(i)
// walks it from the root on every call).
func (d *pdfDoc) walkPages() []pageNode {
	var out []pageNode
	seen := map[uint64]bool{}
	var walk func(v pdf.Value, inh pageNode, depth int)
	walk = func(v pdf.Value, inh pageNode, depth int) {
		if depth > 64 || len(out) >= maxPages || v.Kind() != pdf.Dict {
			return
		}
		if id := objID(v); id != 0 {
			if seen[id] {
				return
			}
			seen[id] = true
		}
		if r := v.Key("Resources"); r.Kind() == pdf.Dict {
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
		inh.v = v
		out = append(out, inh)
	}
	walk(d.r.Trailer().Key("Root").Key("Pages"), pageNode{}, 0)
	return out
}

// pages extracts every page. A page that fails records its error and
// keeps the glyphs read before the failure.
func (d *pdfDoc) pages(name string) (out []rawPage, err error) {
	defer func() {
		if x := recover(); x != nil {
			err = &Error{File: name, Err: damaged(fmt.Errorf("page tree: %v", x))}
		}
	}()
	nodes := d.walkPages()
	if len(nodes) == 0 {
		return nil, &Error{File: name, Err: fmt.Errorf("%w: no pages found", ErrDamaged)}
	}
	out = make([]rawPage, len(nodes))
	for i, n := range nodes {
		out[i] = d.page(name, i+1, n)
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

	in := &interp{}
	defer func() {
		if x := recover(); x != nil {
			p.Err = &Error{File: name, Page: num, Err: damaged(fmt.Errorf("%v", x))}
		}
		p.Glyphs, p.Images, p.Rules, p.Shapes = in.glyphs, in.images, in.rules, in.shapes
	}()
	content, cerr := d.contents(n.v.Key("Contents"))
	res := &pdfResources{doc: d, v: n.res}
	in.run(content, res, gstate{ctm: ctm, th: 1, lw: 1})
	if cerr != nil {
		p.Err = &Error{File: name, Page: num, Err: damaged(cerr)}
	}
	return p
}

// contents reads a page's content stream, or the concatenation of an
// array of them. On a decoding error the bytes read so far are kept.
func (d *pdfDoc) contents(v pdf.Value) ([]byte, error) {
	switch v.Kind() {
	case pdf.Stream:
		return readStream(v)
	case pdf.Array:
		var all []byte
		var first error
		for i := 0; i < v.Len(); i++ {
			b, err := readStream(v.Index(i))
			all = append(all, b...)
			all = append(all, '\n') // streams may split anywhere but between tokens
			if err != nil && first == nil {
				first = err
			}
		}
		return all, first
	}
	return nil, nil
}

// readStream returns the decoded data of stream v. ledongthuc/pdf panics
// on unknown filters and predictors; that becomes an error here.
func readStream(v pdf.Value) (b []byte, err error) {
	defer func() {
		if x := recover(); x != nil {
			err = fmt.Errorf("stream: %v", x)
		}
	}()
	rc := v.Reader()
	defer rc.Close()
	b, err = io.ReadAll(io.LimitReader(rc, maxStream+1))
	if err != nil {
		err = fmt.Errorf("stream: %w", err)
	}
	if len(b) > maxStream {
		b, err = b[:maxStream], fmt.Errorf("stream: longer than %d MB decoded", maxStream>>20)
	}
	return b, err
}

func readStreamQuiet(v pdf.Value) []byte {
	b, _ := readStream(v)
	return b
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
		fd := r.v.Key("Font")
		r.fontDict = &fd
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
			f = safeLoadFont(fv, name)
			r.doc.fonts[k] = f
		}
	}
	if r.fonts == nil {
		r.fonts = map[string]*font{}
	}
	r.fonts[name] = f
	return f
}

// safeLoadFont loads a font; a font object that makes ledongthuc panic
// becomes nil (the stand-in font) instead of losing the rest of the page.
func safeLoadFont(v pdf.Value, name string) (f *font) {
	defer func() {
		if recover() != nil {
			f = nil
		}
	}()
	return loadFont(v, name, readStreamQuiet)
}

func (r *pdfResources) xobject(name string) (form *formXObject, image bool) {
	defer func() {
		if recover() != nil {
			form, image = nil, false // a broken XObject paints nothing
		}
	}()
	if r.xobjDict == nil {
		xd := r.v.Key("XObject")
		r.xobjDict = &xd
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
	content, _ := readStream(xv) // keep what decoded
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
	r.doc.forms[id] = f
	return f, false
}

func finite(m matrix) bool {
	for _, x := range m {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return false
		}
	}
	return true
}
