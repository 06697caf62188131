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
// github.com/ledongthuc/pdf is used only as the object layer (cross-reference
// table, streams, filters, decryption). Content streams, fonts, CMaps and
// layout are this package's own, because the library's text functions lose
// or garble Chinese text (see the project's research notes).
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
// [ErrEncrypted], [ErrNoText], [ErrDamaged], [ErrEmpty], [ErrNotPDF] and
// [ErrUndecoded]. With ErrUndecoded, and when only some pages failed, the
// Document is returned too.
// A panic inside the PDF library is recovered and reported as [ErrDamaged].
package extract

// BUG(zhibiao): Image-only (scanned) PDFs are refused with [ErrNoText]: there is no OCR yet.

// BUG(zhibiao): Tables are read row by row, cells separated by tabs; their structure is not kept.
