package extract

import "sort"

// A Document is one input file read into pages and paragraphs.
// A Document is not modified after Open returns it and may be shared by
// goroutines that only read it.
type Document struct {
	// Name is the base name of the input file ("report.pdf").
	Name string
	// Format names the reader that read the file: "pdf", "text",
	// "docx", "html", "doc" (a .doc or .wps converted by LibreOffice
	// first) or "rtf" (likewise).
	Format string
	// Title is the document's title: the first paragraph of a text file,
	// the largest centred lines of a PDF's cover (its first page that is
	// no table of contents), the Title-styled (else the first, when it
	// reads as a title) paragraph of a Word file, the page's own part of a
	// web page's <title> (or the heading that holds it), or "" if none
	// was found.
	Title string
	// Pages lists the pages in order; Pages[0] is page 1. A text input
	// and a web page have a single page; a Word file has the pages its
	// recorded page breaks tell, else its explicit ones.
	Pages []Page
	// Paragraphs lists the paragraphs in reading order.
	Paragraphs []Paragraph
	// Text is the clean text: the paragraphs' texts joined by "\n".
	Text string
	// Tables lists the tables in reading order. Each also stands in
	// Paragraphs and Text as its caption and TAB-separated rows.
	Tables []Table
	// Repairs says what had to be mended to read the file, one remark
	// each ("cross-reference table unreadable …: rebuilt from the 212
	// objects found in the file", "3 invalid bytes replaced by U+FFFD");
	// nil for a sound file. Nothing known was lost, but a mended file
	// deserves a look: its figures are worth checking against it.
	Repairs []string
}

// A Page describes one page of a Document.
type Page struct {
	// Number is the 1-based page number.
	Number int
	// Width and Height are the page size in PDF points (0 for text input).
	Width, Height float64
	// Start and End delimit, in runes of Document.Text, the text that
	// begins on this page: [Start, End).
	Start, End int
	// Dropped holds the running headers, footers and page numbers removed
	// from this page, as they were printed, then the labels, axis ticks
	// and legends of the charts drawn on it (see the package doc).
	Dropped []string
}

// A Paragraph is one paragraph, heading, table caption or table row of a
// Document.
type Paragraph struct {
	// Text is the paragraph's clean text, with no line breaks.
	Text string
	// Page is the 1-based page on which the paragraph begins.
	Page int
	// Offset is the rune offset of the paragraph's first rune in Document.Text.
	Offset int
	// Heading reports whether the paragraph looks like a heading
	// ("一、…", "（一）…", a title line).
	Heading bool
	// Table is the 1-based index in Document.Tables of the table whose
	// caption or row this paragraph is, 0 for prose.
	Table int
}

// PageAt returns the 1-based page on which the rune at offset of
// d.Text stands. Offsets before the text map to page 1, offsets past its
// end to the last page. PageAt returns 0 for a Document without pages.
func (d *Document) PageAt(offset int) int {
	if len(d.Pages) == 0 {
		return 0
	}
	// The first page whose End is beyond offset.
	i := sort.Search(len(d.Pages), func(i int) bool { return d.Pages[i].End > offset })
	if i == len(d.Pages) {
		i = len(d.Pages) - 1
	}
	return d.Pages[i].Number
}
