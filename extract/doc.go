// Package extract reads Chinese report files — PDFs, Word files, web
// pages and plain text — into a [Document]: its pages, its paragraphs and
// one clean text that the later stages search.
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
// # Tables
//
// A Document also carries its tables, [Document.Tables], as structure: a
// [Table] is a grid of [Cell] values (text, page, box, merged cells) with
// its caption, unit notes and header rows. Each table stands in the
// reading order, in Paragraphs and Text, as its caption and one paragraph
// per row, cells joined by TABs — what `zhibiao text` prints — so that
// prose and tables share one text and one set of offsets. A text input's
// tables are a caption line followed by TAB-separated lines.
//
// In a PDF, tables are found from three kinds of evidence, tried in turn:
// a lattice of horizontal and vertical rulings (cell borders stroked as
// lines, or drawn as the thin filled rectangles Word and WPS use) gives a
// "ruled" table, its merged cells where a border is missing; a stack of
// horizontal rules without vertical ones gives a "rules" table (a
// three-line table, or one rule under every row); three or more rows cut
// by wide gaps, a column of them figures, give an "aligned" table. Without
// column rules, the columns come from the alignment of the body's text
// (the bands no glyph covers), the header from the lines above the
// header rule or the first figures, a header centred over several
// columns becomes a merged cell, and lines closer than the row pitch —
// a label wrapped beside its figures — are one row. A label wrapped
// inside its cell is one label; a header stacked over several lines is
// one header. The 表N line just above a table (or below it), or a title
// ending in 表, is its caption; unit notes (单位：万元, 编制单位：…) just
// above it go to Table.Notes and leave the text, as they do in a text
// input. A table continued on the next page under a repeated header is
// one table: the repeated header rows are dropped and each cell keeps
// its page.
//
// Charts drawn as vector graphics are not tables: a plot area is found
// from the shapes only charts are drawn with (slanted lines, open curves,
// bars standing on one base line), and the rows inside it and its axis
// margins that read like labels — ticks, category and data labels,
// legends — are taken out of the text like running headers and kept in
// Page.Dropped.
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
// [PageCount] reads only a file's cross-reference data and page tree, for
// a quick guess of how long a file is, without mending anything.
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
// Invisible text (an OCR layer) is read like any other; text that is not
// visible because it lies outside the page's crop box or outside the
// clipping path (the rows WPS 表格 draws off the bottom of a page and
// prints again on the next) is not read.
//
// # Layout
//
// Glyphs become rows, rows become lines within columns, lines become
// paragraphs. Two columns are found from the empty band between them;
// a page whose columns change on the way down (a magazine page, columns
// over a title and columns of other widths under it) is cut into bands
// at the wide gaps between its rows first. A line starts a paragraph
// when it is indented, opens a heading after a line that ended one,
// stands after a wider gap, or follows a line that stopped short of the
// right margin: each column is measured against its own margins, or,
// when its lines do not show them (a few lines, or only short ones),
// against those of its page or of the pages set with the same left
// margin. The lines of a numbered item under a hanging indent continue
// it. A TAB inside a line separates table cells only: a heading spread
// out by letter spacing ("一、综　合") or a list number before Word's tab
// stop ("(一)→主营业务分析") is one run of text.
//
// # Other readers
//
// Each format has its reader, all producing the same Document; the
// content picks it before the extension does (see [NewReader]):
//
//   - Word (.docx, docx.go): paragraphs in order with list numbers as Word
//     shows them ("一、", "（一）", "1."), headings from styles and outline
//     levels, tables with merged cells, text boxes once, tracked changes
//     accepted, footnotes, comments and the table of contents left out,
//     pages from the breaks Word recorded. Format "docx".
//   - Word 97–2003 and WPS (.doc, .wps) and RTF: converted to .docx by
//     LibreOffice when it is installed, else [ErrNeedsConverter]. Format
//     "doc" or "rtf".
//   - Web pages (.html, .htm, html.go): the charset from the BOM, the page's
//     declaration or its bytes (UTF-8, GB18030/GBK/GB2312, Big5); the
//     article chosen by its paragraph text, not the navigation, publication
//     line, toolbars, related links and footer around it; tables with
//     rowspan and colspan. Format "html".
//   - Text (.txt, text.go): a report copied from a web page keeps its
//     site furniture out, and one written on a single line is cut at its
//     inline headings ("一、", "（一）", "1." where they are headings) and at
//     the spaces after its full stops. Format "text".
//
// Every reader bounds what one file may cost (a zip bomb, elements nested
// thousands deep, a web page of hundreds of megabytes fail with
// [ErrTooLarge]).
//
// # Errors
//
// Failures are returned as *[Error] values naming the file and, where it
// matters, the page. Their cause can be tested with errors.Is against
// [ErrEncrypted], [ErrNoText], [ErrDamaged] ([ErrTruncated]), [ErrEmpty],
// [ErrNotPDF], [ErrNotRegular], [ErrTooLarge], [ErrNeedsConverter] and
// [ErrUndecoded]. With ErrUndecoded, ErrTruncated, a limit hit part-way
// and when only some pages failed, the Document is returned too: a
// partial result always comes with the error that says what is missing.
// A panic inside the PDF library is recovered and reported as [ErrDamaged].
package extract

// BUG(zhibiao): Image-only (scanned) PDFs are refused with [ErrNoText]: there is no OCR yet.

// BUG(zhibiao): A .docx has page numbers only where Word recorded its layout (w:lastRenderedPageBreak) or the file has explicit page breaks; a web page is one page.

// BUG(zhibiao): Each .doc or .wps conversion starts LibreOffice with a fresh profile: a few seconds per file.

// BUG(zhibiao): A table row that a PDF breaks over two pages comes out as two rows, the
// second holding only the rest of the wrapped cells.

// BUG(zhibiao): A clipping path counts by its bounding box (a round or
// slanted clip keeps a little too much), and a Form XObject's /BBox does
// not clip.

// BUG(zhibiao): Three columns or more are read as two: the widest gutter
// splits the page, and the columns on one side of it are read line by line
// across.

// BUG(zhibiao): Tables side by side with one prose column beside them, and tables inside a
// two-column page, are placed in the reading order by their top only.

// BUG(zhibiao): A table drawn without any rule needs three rows with wide gaps, one column
// of them figures; a two-row table without rules stays prose. Header cells merged over
// columns are recognised in unruled tables only when they stand centred over the columns'
// own headers.
