package extract

import (
	"errors"
	"fmt"
)

// An Error records why a file, or one page of it, could not be read.
type Error struct {
	File string // base name of the input file
	Page int    // 1-based page, or 0 when the whole file is concerned
	Err  error  // the cause; errors.Is(err, ErrEncrypted) etc. test it
	// Pages is the number of pages of a file refused as a whole (a
	// scanned file, ErrNoText), when it could be counted; 0 otherwise.
	Pages int
}

func (e *Error) Error() string {
	if e.Page > 0 {
		return fmt.Sprintf("%s: page %d: %v", e.File, e.Page, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.File, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// These are the causes an [Error] can carry; test for them with errors.Is.
var (
	// ErrEncrypted: the file needs a user password to open.
	ErrEncrypted = errors.New("encrypted: a password is needed to open it")
	// ErrNoText: the file has no text layer (an image-only or scanned PDF,
	// a Word file of pasted scans).
	ErrNoText = errors.New("no text layer: image-only or scanned document (OCR is not supported yet)")
	// ErrDamaged: the file is damaged or truncated, or a page could not be decoded.
	ErrDamaged = errors.New("damaged or truncated file")
	// ErrTruncated: the file ends before its end (no %%EOF), as a cut
	// download does. It is an ErrDamaged too; with the text read, the
	// Document is returned.
	ErrTruncated = fmt.Errorf("%w: truncated file (no %%%%EOF)", ErrDamaged)
	// ErrEmpty: the file is empty or holds no text at all.
	ErrEmpty = errors.New("empty file")
	// ErrNotPDF: the file is none of the formats zhibiao reads (PDF, Word,
	// web page, text).
	ErrNotPDF = errors.New("not a PDF, Word, web page or text file")
	// ErrUndecoded: more than a tenth of the characters could not be
	// decoded (fonts without any Unicode map, as a Ghostscript re-distill
	// can leave them). It comes with the Document, whose unknown
	// characters are U+FFFD.
	ErrUndecoded = errors.New("text not decodable: fonts without a Unicode map")
	// ErrNotRegular: the input is not a regular file (a named pipe, a
	// device, a folder), which is never read: reading it could block.
	ErrNotRegular = errors.New("not a regular file")
	// ErrTooLarge: reading the file would pass one of the [Limits] that
	// keep a hostile file from taking the machine: its size, the bytes
	// its streams or compressed parts decode to, operators, forms, pages,
	// the nesting of its elements, the cells of a table, the time a
	// conversion may take. The message names the bound.
	ErrTooLarge = errors.New("too large")
	// ErrNeedsConverter: the file is a Word 97–2003 (.doc) or WPS file,
	// read through LibreOffice, which is not installed.
	ErrNeedsConverter = errors.New("a .doc or .wps file: install LibreOffice (soffice) to read it, or save it as .docx")
)
