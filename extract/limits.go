package extract

import (
	"context"
	"fmt"
	"time"
)

// Limits bound the work one input may cost, so that a hostile or broken
// file (a Flate bomb, a page that paints the same form a million times, a
// file that claims a billion pages) becomes an error naming the limit
// instead of exhausting memory or time. A zero field takes its default
// (see [DefaultLimits]); a negative one means no limit.
//
// Limits are enforced where the work happens: decoded bytes are counted
// as streams inflate, operators as the content interpreter runs them.
// What goes over a limit is reported with [ErrTooLarge]: a page that does
// gives the page's error (the other pages are still read); the document
// limits stop the reading and give the pages read so far with the error.
type Limits struct {
	// FileBytes is the size of a PDF read into memory.
	FileBytes int64
	// TextBytes is the size of a text input.
	TextBytes int64
	// StreamBytes bounds the decoded bytes of one stream.
	StreamBytes int64
	// PageBytes bounds the decoded bytes read for one page: its content
	// streams, the forms it paints and the fonts it loads first.
	PageBytes int64
	// DocumentBytes bounds the decoded bytes read for the whole file,
	// object and cross-reference streams included.
	DocumentBytes int64
	// PageOperators bounds the content-stream tokens (operators and
	// operands) run for one page, forms included.
	PageOperators int
	// FormDepth bounds the nesting of Form XObjects.
	FormDepth int
	// FormCalls bounds the Form XObjects painted on one page (fan-out).
	FormCalls int
	// PageGlyphs bounds the glyphs kept for one page.
	PageGlyphs int
	// Glyphs bounds the glyphs kept for the whole document: they wait, as
	// rows, until the running headers and footers of every page are known
	// (48 bytes each once a document is long), so this bounds the memory
	// of reading one PDF.
	Glyphs int
	// Pages bounds the pages read: a file with more gives its first
	// Pages pages and an ErrTooLarge error saying so.
	Pages int
	// Time bounds the time spent on the file; 0 (the default) means no
	// limit other than the context's.
	Time time.Duration
	// Heavy, when set, is called once a PDF turns out long (its rows
	// grow past those of about 250 pages, 20 MB, and are packed to wait
	// for the layout; see heldPages), and the reading waits for it to
	// return: a batch that reads several inputs at once lets one long
	// input at a time go on holding that much memory. release is called
	// once the document is laid out. An error (the context's) stops the
	// reading.
	Heavy func(ctx context.Context) (release func(), err error)

	// MarkupBytes is the size of a .doc or .wps file read into memory
	// (a web page: at most 32 MB of it).
	MarkupBytes int64
	// PartBytes bounds the bytes one part of a .docx inflates to, and
	// InflatedBytes all its parts together (a zip bomb); a part that
	// inflates more than 200 times its compressed size is a bomb too.
	PartBytes, InflatedBytes int64
	// Nesting bounds the nesting of XML or HTML elements.
	Nesting int
	// TableCells bounds the positions of one table's grid (from markup).
	TableCells int
	// ConvertTime bounds one conversion of a .doc or .wps by LibreOffice.
	ConvertTime time.Duration
}

// DefaultLimits returns the limits used for zero fields of a [Limits].
// They are far above what any real report needs (a dense page decodes to
// well under 1 MB and runs fewer than 100,000 operators; a statistical
// yearbook has about 1,500 pages) and keep one input within about 200 MB
// of memory (measured: a 2,000-page report of 2 million characters holds
// 130 MB at most; a 50 MB text about 200 MB: its text, its paragraphs
// and the records made from it, the rest read in windows by transform)
// and its reading well under a minute.
func DefaultLimits() Limits {
	return Limits{
		FileBytes:     512 << 20,
		TextBytes:     50 << 20,
		StreamBytes:   64 << 20,
		PageBytes:     128 << 20,
		DocumentBytes: 2 << 30,
		PageOperators: 1 << 24,
		FormDepth:     8,
		FormCalls:     10000,
		PageGlyphs:    1 << 20,
		Glyphs:        3_000_000,
		Pages:         20000,
		MarkupBytes:   64 << 20,
		PartBytes:     128 << 20,
		InflatedBytes: 256 << 20,
		Nesting:       400,
		TableCells:    1 << 20,
		ConvertTime:   2 * time.Minute,
	}
}

// withDefaults fills the zero fields of l from DefaultLimits and turns
// negative ones into "no limit".
func (l Limits) withDefaults() Limits {
	d := DefaultLimits()
	const none = 1<<62 - 1
	i64 := func(v *int64, def int64) {
		switch {
		case *v == 0:
			*v = def
		case *v < 0:
			*v = none
		}
	}
	i := func(v *int, def int) {
		switch {
		case *v == 0:
			*v = def
		case *v < 0:
			*v = none
		}
	}
	i64(&l.FileBytes, d.FileBytes)
	i64(&l.TextBytes, d.TextBytes)
	i64(&l.StreamBytes, d.StreamBytes)
	i64(&l.PageBytes, d.PageBytes)
	i64(&l.DocumentBytes, d.DocumentBytes)
	i(&l.PageOperators, d.PageOperators)
	i(&l.FormDepth, d.FormDepth)
	i(&l.FormCalls, d.FormCalls)
	i(&l.PageGlyphs, d.PageGlyphs)
	i(&l.Glyphs, d.Glyphs)
	i(&l.Pages, d.Pages)
	i64(&l.MarkupBytes, d.MarkupBytes)
	i64(&l.PartBytes, d.PartBytes)
	i64(&l.InflatedBytes, d.InflatedBytes)
	i(&l.Nesting, d.Nesting)
	i(&l.TableCells, d.TableCells)
	if l.ConvertTime == 0 {
		l.ConvertTime = d.ConvertTime
	}
	return l
}

// A budget counts the work of one document against its Limits and its
// context. It is used by one goroutine.
type budget struct {
	ctx context.Context
	lim Limits

	doc, page int64 // decoded bytes: whole document, current page
	inPage    bool  // pages are being read (the structure is not)
	ops       int   // tokens run on the current page
	calls     int   // forms painted on the current page
	glyphs    int   // glyphs kept for the layout of the document
	tick      int   // operations since the context was last checked

	pageErr error // the page limit hit on the current page
	docErr  error // the document limit hit
	ctxErr  error // the context's error, once seen
}

func newBudget(ctx context.Context, lim Limits) *budget {
	if ctx == nil {
		ctx = context.Background()
	}
	return &budget{ctx: ctx, lim: lim.withDefaults()}
}

// startPage resets the page counters.
func (b *budget) startPage() {
	b.page, b.ops, b.calls, b.pageErr = 0, 0, 0, nil
	b.inPage = true
}

// err returns the context's error, or the first limit hit in this
// document or on this page.
func (b *budget) err() error {
	switch {
	case b.ctxErr != nil:
		return b.ctxErr
	case b.docErr != nil:
		return b.docErr
	}
	return b.pageErr
}

// checkCtx looks at the context every so many calls: ctx.Err takes a
// lock, and the interpreter calls this for every token.
func (b *budget) checkCtx() error {
	if b.tick++; b.tick&1023 == 0 {
		return b.cancelled()
	}
	return b.ctxErr
}

// stopped returns the error that stops the whole document: the
// context's, or a document limit.
func (b *budget) stopped() error {
	if err := b.cancelled(); err != nil {
		return err
	}
	return b.docErr
}

// cancelled reports the context's error now.
func (b *budget) cancelled() error {
	if b.ctxErr == nil {
		b.ctxErr = b.ctx.Err()
	}
	return b.ctxErr
}

// decoded charges n decoded bytes to the page and the document. It
// returns the error that must stop the decoding.
func (b *budget) decoded(n int) error {
	b.doc += int64(n)
	b.page += int64(n)
	if b.doc > b.lim.DocumentBytes && b.docErr == nil {
		b.docErr = tooLarge("the file decodes to more than %s", b.lim.DocumentBytes)
	}
	if b.inPage && b.page > b.lim.PageBytes {
		b.limit(tooLarge("the page decodes to more than %s", b.lim.PageBytes))
	}
	if err := b.cancelled(); err != nil { // a call decodes up to 64 KB: look every time
		return err
	}
	return b.err()
}

// operator counts one content-stream token. It returns the error that
// must stop the interpreter: the context's, or too many operators. (What
// was read within the byte limits is still run.)
func (b *budget) operator() error {
	if err := b.checkCtx(); err != nil {
		return err
	}
	if b.ops++; b.ops > b.lim.PageOperators {
		err := tooLarge("the page runs more than %d operators", b.lim.PageOperators)
		b.limit(err)
		return err
	}
	return nil
}

// keptGlyphs charges n glyphs kept for the document's layout: past the
// Glyphs limit, the reading stops after this page (a document limit).
func (b *budget) keptGlyphs(n int) {
	if b.glyphs += n; b.glyphs > b.lim.Glyphs && b.docErr == nil {
		b.docErr = tooLarge("the file shows more than %d characters", b.lim.Glyphs)
	}
}

// formCall counts one Form XObject painted on the page, and returns an
// error when it must not be painted: too many forms, or a limit already
// hit (a form would be read for nothing).
func (b *budget) formCall() error {
	if b.calls++; b.calls > b.lim.FormCalls {
		b.limit(tooLarge("the page paints more than %d forms", b.lim.FormCalls))
	}
	return b.err()
}

// limit records a page limit that was hit.
func (b *budget) limit(err error) {
	if b.pageErr == nil {
		b.pageErr = err
	}
}

// tooLarge returns an ErrTooLarge error; a %s verb gets a byte count
// written in MB.
func tooLarge(format string, n any) error {
	if v, ok := n.(int64); ok {
		return fmt.Errorf("%w: "+format, ErrTooLarge, mb(v))
	}
	return fmt.Errorf("%w: "+format, ErrTooLarge, n)
}

// mb writes a byte count for a message.
func mb(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}
