// Package extract reads Chinese report files — PDFs and plain text — into
// a [Document]: its pages, its paragraphs and one clean text that the
// later stages search.
//
// # Model
//
// A Document is a list of pages and a list of paragraphs. Paragraphs are
// what a careful reader sees: a heading, a body paragraph whose wrapped
// lines were joined again (no space between two Han characters, no break
// inside a number), a table row. Running headers, footers and page
// numbers are not paragraphs; they are dropped.
//
// The clean text, [Document.Text], is the paragraphs joined by "\n", one
// paragraph a line. Offsets into it are counted in runes, not bytes.
// [Document.PageAt] maps such an offset back to its 1-based page.
//
// Characters are kept exactly as the document has them: full-width
// punctuation stays full-width. Normalisation belongs to package transform.
//
// # PDF
//
// github.com/ledongthuc/pdf is used only as the object layer (objects,
// streams, filters). Content streams, fonts, CMaps and layout are this
// package's own, because the library's text functions lose or garble
// Chinese text (see the project's research notes).
//
// The file structure is checked first, by this package: a file whose
// cross-reference data is wrong (offsets shifted or zeroed, a startxref
// pointing nowhere, a /Prev chain that loops), whose stream lengths lie,
// that keeps objects in object streams or a hybrid cross-reference, or
// that is encrypted with an owner password only, is rewritten in memory
// as a sound file (objects found by scanning for "num gen obj", streams
// read to their endstream, everything decrypted) before the library
// reads it. What had to be mended is listed in [Document.Repairs].
//
// The work one input may cost is bounded by [Limits] (decoded bytes per
// stream, page and file, operators, form nesting and fan-out, pages) and
// by the context given to [OpenContext]: a hostile file becomes an
// [ErrTooLarge] error naming the limit, and a done context stops the
// cross-reference reader, the content interpreter and the layout.
//
// Where a producer states what a run of glyphs spells (an /ActualText
// span, as browsers write for glyphs shared by several characters), that
// text wins over the fonts' Unicode maps. Glyphs that run at an angle to
// the page's text — diagonal watermarks, the lettering of a seal — are
// dropped; a page whose text runs sideways is turned upright first.
// Invisible text (an OCR layer) is read like any other.
//
// # Errors
//
// Failures are returned as *[Error] values naming the file and, where it
// matters, the page. Their cause can be tested with errors.Is against
// [ErrEncrypted], [ErrNoText], [ErrDamaged] ([ErrTruncated]), [ErrEmpty],
// [ErrNotPDF], [ErrNotRegular], [ErrTooLarge] and [ErrUndecoded]. With
// ErrUndecoded, ErrTruncated, a limit hit part-way and when only some
// pages failed, the Document is returned too: a partial result always
// comes with the error that says what is missing.
// A panic inside the PDF library is recovered and reported as [ErrDamaged].
package extract

// BUG(zhibiao): Image-only (scanned) PDFs are refused with [ErrNoText]: there is no OCR yet.

// BUG(zhibiao): Tables are read row by row, cells separated by tabs; their structure is not kept.
